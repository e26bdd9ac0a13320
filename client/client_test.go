package client_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/client"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

const sh = "cn-shanghai"

// account is a fake with two instances (ecs.g7.large and ecs.g5.large), a detached ENI
// with 3 addresses (eni-1), one with 1 address (eni-2), an ENI with 2 addresses attached
// to i-1 that carries a NAT EIP (eni-3, eip-on3), and free EIPs eip-1 to eip-3.
func account(t testing.TB, opts fake.Options) *fake.Backend {
	t.Helper()
	return fake.NewBuilder(opts).
		VSwitch("vsw-1", sh, "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		Instance("i-1", "ecs.g7.large", "vsw-1").
		Instance("i-2", "ecs.g5.large", "vsw-1").
		ENI("eni-1", "vsw-1", 3).
		ENI("eni-2", "vsw-1", 1).
		AttachedENI("eni-3", "vsw-1", 2, "i-1").
		EIP("eip-1", sh).EIP("eip-2", sh).EIP("eip-3", sh).
		AssociatedEIP("eip-on3", sh, "eni-3", modes.NAT, netip.Addr{}).
		MustBuild()
}

func fastClient(b backend.Backend, opts client.Options) *client.Client {
	opts.Retry = client.RetryPolicy{
		MaxAttempts: max(opts.Retry.MaxAttempts, 4),
		BaseDelay:   time.Millisecond,
		MaxDelay:    5 * time.Millisecond,
	}
	if opts.PollInterval == 0 {
		opts.PollInterval = time.Millisecond
	}
	return client.New(b, opts)
}

func callsOf(f *fake.Backend, op backend.Op) []fake.Call {
	var out []fake.Call
	for _, c := range f.Calls() {
		if c.Op == op {
			out = append(out, c)
		}
	}
	return out
}

func TestClientAssociate(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	c := fastClient(f, client.Options{})
	a, err := c.Associate(t.Context(), client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != eip.InUse || a.Association.InstanceID != "eni-1" || a.Association.Mode != modes.NAT {
		t.Fatalf("after Associate: %+v", a)
	}
	calls := callsOf(f, backend.OpAssociateEIP)
	if len(calls) != 1 || !strings.HasPrefix(calls[0].Input.(backend.AssociateEIPInput).ClientToken, "eipassoc-") {
		t.Fatalf("AssociateEIP calls: %+v", calls)
	}
}

func TestClientDenies(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	c := fastClient(f, client.Options{})
	_, err := c.Associate(
		t.Context(),
		client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-3", Mode: modes.Binded},
	)
	var denied *client.DeniedError
	if !errors.As(err, &denied) || !errors.Is(err, client.ErrDenied) || !errors.Is(err, eipassoc.CodeModeConflict) ||
		!errors.Is(err, eipassoc.CodeENIAttached) {
		t.Fatalf("Associate = %v", err)
	}
	if n := len(callsOf(f, backend.OpAssociateEIP)); n != 0 {
		t.Errorf("a denied association called the backend %d times", n)
	}
	d, req, err := c.Preflight(
		t.Context(),
		client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-3", Mode: modes.NAT, PrivateIP: netip.Addr{}},
	)
	if err != nil || d.Allowed() || len(req.Bound) != 1 || !d.Has(eipassoc.CodeENIAttached) {
		t.Fatalf("Preflight = %v, %+v, %v", d, req.Bound, err)
	}
	obs := fastClient(f, client.Options{Behaviour: eipassoc.Observed})
	if d, _, _ := obs.Preflight(t.Context(), client.AssociateRequest{
		Region: sh, EIP: "eip-1", ENI: "eni-3", Mode: modes.NAT,
	}); !d.Has(
		eipassoc.CodePrivateIPInUse,
	) ||
		d.Has(eipassoc.CodeENIAttached) {
		t.Fatalf("observed Preflight = %v", d)
	}
}

func TestClientRetries(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	_ = f.InjectFault(backend.OpAssociateEIP, fake.Fault{Code: "TaskConflict", Times: 2})
	c := fastClient(f, client.Options{})
	if _, err := c.Associate(t.Context(), client.AssociateRequest{
		Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT,
	}); err != nil {
		t.Fatal(err)
	}
	calls := callsOf(f, backend.OpAssociateEIP)
	if len(calls) != 3 {
		t.Fatalf("%d AssociateEIP calls, want 3", len(calls))
	}
	token := calls[0].Input.(backend.AssociateEIPInput).ClientToken
	for _, call := range calls {
		if call.Input.(backend.AssociateEIPInput).ClientToken != token {
			t.Error("retries changed the ClientToken")
		}
	}
}

func TestClientDoesNotRetryPermanentErrors(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	_ = f.InjectFault(backend.OpAssociateEIP, fake.Fault{Code: "Forbidden.RAM"})
	c := fastClient(f, client.Options{})
	_, err := c.Associate(t.Context(), client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT})
	if !errors.Is(err, backend.ErrUnauthorized) || len(callsOf(f, backend.OpAssociateEIP)) != 1 {
		t.Fatalf("err = %v after %d calls", err, len(callsOf(f, backend.OpAssociateEIP)))
	}
}

func TestClientGivesUp(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	_ = f.InjectFault(backend.OpAssociateEIP, fake.Throttle(0))
	c := fastClient(f, client.Options{Retry: client.RetryPolicy{MaxAttempts: 4}})
	_, err := c.Associate(t.Context(), client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT})
	if !errors.Is(err, backend.ErrThrottled) || len(callsOf(f, backend.OpAssociateEIP)) != 4 {
		t.Fatalf("err = %v after %d calls", err, len(callsOf(f, backend.OpAssociateEIP)))
	}
}

func TestClientRespectsDeadline(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	_ = f.InjectFault(backend.OpAssociateEIP, fake.Throttle(0))
	c := client.New(
		f,
		client.Options{Retry: client.RetryPolicy{MaxAttempts: 10, BaseDelay: time.Hour, MaxDelay: time.Hour}},
	)
	ctx, cancel := context.WithTimeout(t.Context(), time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := c.Associate(ctx, client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, backend.ErrThrottled) {
			t.Fatalf("err = %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Associate slept past its deadline")
	}
}

// TestClientWaits runs the client on the fake's manual clock: its polls advance the
// clock, so the fake's one-minute transitions complete without real sleeping.
func TestClientWaits(t *testing.T) {
	t.Parallel()
	clock := fake.NewManualClock(time.Unix(0, 0))
	f := account(t, fake.Options{Clock: clock.Now, TransitionDelay: time.Minute})
	short := client.New(f, client.Options{Clock: clock, PollInterval: time.Second, WaitTimeout: 30 * time.Second})
	_, err := short.Associate(
		t.Context(),
		client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT},
	)
	var te *client.TimeoutError
	if !errors.As(err, &te) || !errors.Is(err, client.ErrTimeout) || !strings.HasPrefix(te.Last, "Associating") ||
		te.Want != "InUse on NetworkInterface eni-1" {
		t.Fatalf("err = %v", err)
	}
	clock.Advance(time.Minute) // the association completes
	long := client.New(f, client.Options{Clock: clock, PollInterval: time.Second, WaitTimeout: 5 * time.Minute})
	a, err := long.Unassociate(t.Context(), client.UnassociateRequest{Region: sh, EIP: "eip-1"})
	if err != nil || a.Status != eip.Available {
		t.Fatalf("Unassociate = %+v, %v", a, err)
	}
}

func TestClientUnassociateDenied(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	c := fastClient(f, client.Options{})
	_, err := c.Unassociate(t.Context(), client.UnassociateRequest{Region: sh, EIP: "eip-1"})
	if !errors.Is(err, eipassoc.CodeEIPStatus) || len(callsOf(f, backend.OpUnassociateEIP)) != 0 {
		t.Fatalf("err = %v", err)
	}
	if _, err := c.Unassociate(t.Context(), client.UnassociateRequest{Region: sh, EIP: "eip-missing"}); !errors.Is(
		err,
		backend.ErrNotFound,
	) {
		t.Fatalf("missing EIP: %v", err)
	}
}

func TestClientPrimaryENI(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	c := fastClient(f, client.Options{})
	a, err := c.Associate(
		t.Context(),
		client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-i-1", Mode: modes.NAT},
	)
	if err != nil || a.Association.InstanceType != eip.EcsInstance || a.Association.InstanceID != "i-1" {
		t.Fatalf("Associate on a primary ENI = %+v, %v", a.Association, err)
	}
	_, err = c.Associate(
		t.Context(),
		client.AssociateRequest{Region: sh, EIP: "eip-2", ENI: "eni-i-1", Mode: modes.NAT},
	)
	if !errors.Is(err, eipassoc.CodeENICapacity) {
		t.Fatalf("second EIP on a primary ENI: %v", err)
	}
}

func TestClientMoveENI(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	c := fastClient(f, client.Options{})
	before, _ := f.DescribeENIs(t.Context(), backend.DescribeENIsInput{Region: sh, IDs: []eni.ID{"eni-3"}})
	n, err := c.MoveENI(t.Context(), client.MoveRequest{Region: sh, ENI: "eni-3", To: "i-2"})
	if err != nil {
		t.Fatal(err)
	}
	if n.Instance != "i-2" || n.Status != eni.InUse || n.PrimaryIP != before.ENIs[0].PrimaryIP {
		t.Fatalf("moved ENI: %+v", n)
	}
	page, _ := f.DescribeEIPs(t.Context(), backend.DescribeEIPsInput{Region: sh, IDs: []eip.ID{"eip-on3"}})
	// eip-on3 was associated in NAT mode without a private IP, so it maps to the primary
	// address and DescribeEipAddresses reports no PrivateIpAddress (eip.Association).
	if as := page.EIPs[0].Association; as.InstanceID != "eni-3" || as.Mode != modes.NAT || as.PrivateIP.IsValid() {
		t.Fatalf("the EIP did not move with the ENI: %+v", as)
	}
	if _, err := c.MoveENI(t.Context(), client.MoveRequest{Region: sh, ENI: "eni-3", To: "i-2"}); err != nil {
		t.Fatalf("moving to the same instance: %v", err)
	}
}

func TestClientMoveENIDenied(t *testing.T) {
	t.Parallel()
	f := fake.NewBuilder(fake.Options{Account: eipassoc.Account{MultiBindedAllowed: true}}).
		VSwitch("vsw-1", sh, "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		Instance("i-g7", "ecs.g7.large", "vsw-1").
		ENI("eni-m", "vsw-1", 1).
		AssociatedEIP("eip-m", sh, "eni-m", modes.MultiBinded, netip.Addr{}).
		MustBuild()
	c := fastClient(f, client.Options{})
	_, err := c.MoveENI(t.Context(), client.MoveRequest{Region: sh, ENI: "eni-m", To: "i-g7"})
	if !errors.Is(err, eipassoc.CodeInstanceFamilyUnsupported) || len(callsOf(f, backend.OpAttachENI)) != 0 {
		t.Fatalf("err = %v", err)
	}
}

func TestClientLogs(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	f := account(t, fake.Options{})
	_ = f.InjectFault(backend.OpAssociateEIP, fake.Fault{Code: "ServiceUnavailable", Times: 1})
	c := fastClient(
		f,
		client.Options{Logger: slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))},
	)
	if _, err := c.Associate(t.Context(), client.AssociateRequest{
		Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT,
	}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"msg":"retrying"`, `"code":"ServiceUnavailable"`, `"msg":"associated"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, buf.String())
		}
	}
}

// reverting is a backend whose EIPs go Associating and then back to Available, as when
// the cloud fails an association after accepting it.
type reverting struct {
	*fake.Backend
	reads int
}

func (r *reverting) DescribeEIPs(ctx context.Context, in backend.DescribeEIPsInput) (backend.EIPPage, error) {
	page, err := r.Backend.DescribeEIPs(ctx, in)
	if len(in.IDs) == 1 && len(page.EIPs) == 1 && page.EIPs[0].Status == eip.InUse {
		r.reads++
		if r.reads == 1 {
			page.EIPs[0].Status = eip.Associating
		} else {
			page.EIPs[0].Status, page.EIPs[0].Association = eip.Available, eip.Association{}
		}
	}
	return page, err
}

func TestClientReportsRevertedAssociation(t *testing.T) {
	t.Parallel()
	b := &reverting{Backend: account(t, fake.Options{})}
	c := fastClient(b, client.Options{})
	_, err := c.Associate(t.Context(), client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT})
	if !errors.Is(err, client.ErrReverted) || errors.Is(err, client.ErrTimeout) {
		t.Fatalf("err = %v", err)
	}
}

// elsewhere reports every associated EIP as bound to another ENI, as if a concurrent
// association had won.
type elsewhere struct{ *fake.Backend }

func (e elsewhere) DescribeEIPs(ctx context.Context, in backend.DescribeEIPsInput) (backend.EIPPage, error) {
	page, err := e.Backend.DescribeEIPs(ctx, in)
	for i := range page.EIPs {
		if page.EIPs[i].Status == eip.InUse {
			page.EIPs[i].Association.InstanceID = "eni-other"
		}
	}
	return page, err
}

// TestClientAssociateWaitsForItsTarget: InUse on another target is not success.
func TestClientAssociateWaitsForItsTarget(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	c := fastClient(elsewhere{f}, client.Options{})
	_, err := c.Associate(t.Context(), client.AssociateRequest{Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT})
	if !errors.Is(err, client.ErrElsewhere) || !strings.Contains(err.Error(), "eni-other") {
		t.Fatalf("err = %v", err)
	}
}

// TestClientMoveENIKeepsTheRealStatus: an ENI still Attaching is checked as Attaching,
// so the move is refused (eni-status) and nothing is detached.
func TestClientMoveENIKeepsTheRealStatus(t *testing.T) {
	t.Parallel()
	clock := fake.NewManualClock(time.Unix(0, 0))
	f := account(t, fake.Options{Clock: clock.Now, TransitionDelay: time.Minute})
	if err := f.AttachENI(t.Context(), backend.AttachENIInput{Region: sh, ENI: "eni-2", Instance: "i-1"}); err != nil {
		t.Fatal(err)
	}
	c := fastClient(f, client.Options{})
	_, err := c.MoveENI(t.Context(), client.MoveRequest{Region: sh, ENI: "eni-2", To: "i-2"})
	if !errors.Is(err, eipassoc.CodeENIStatus) || len(callsOf(f, backend.OpDetachENI)) != 0 {
		t.Fatalf("moving an Attaching ENI: %v", err)
	}
}

// TestClientMoveENIRestores: the detach succeeds, the attach to the target fails; the
// ENI goes back to where it was and the error says so.
func TestClientMoveENIRestores(t *testing.T) {
	t.Parallel()
	f := account(t, fake.Options{})
	// The first AttachENI (to i-2) fails; the second (back to i-1) goes through.
	if err := f.InjectFault(backend.OpAttachENI, fake.Fault{
		Code: "InvalidOperation.InvalidEniState", Times: 1,
	}); err != nil {
		t.Fatal(err)
	}
	c := fastClient(f, client.Options{})
	_, err := c.MoveENI(t.Context(), client.MoveRequest{Region: sh, ENI: "eni-3", To: "i-2"})
	var me *client.MoveError
	if !errors.As(err, &me) || !me.Restored || me.Now != "i-1" || me.Status != eni.InUse ||
		backend.Code(err) != "InvalidOperation.InvalidEniState" {
		t.Fatalf("err = %v (%+v)", err, me)
	}
	if !strings.Contains(err.Error(), "now attached to i-1") {
		t.Errorf("the error does not say where the ENI is: %v", err)
	}
	// When the way back fails too, the error says the ENI is detached.
	f2 := account(t, fake.Options{})
	_ = f2.InjectFault(backend.OpAttachENI, fake.Fault{Code: "InvalidOperation.InvalidEniState"})
	_, err = fastClient(
		f2,
		client.Options{},
	).MoveENI(t.Context(), client.MoveRequest{Region: sh, ENI: "eni-3", To: "i-2"})
	if !errors.As(err, &me) || me.Restored || me.Now != "" || me.RestoreErr == nil ||
		!strings.Contains(err.Error(), "now detached") {
		t.Fatalf("err = %v (%+v)", err, me)
	}
}

// TestClientRetriesOnItsClock: retry delays run on the injected clock, so a test of
// backoff does not sleep; the delays stay within the policy.
func TestClientRetriesOnItsClock(t *testing.T) {
	t.Parallel()
	clock := &recordingClock{}
	f := account(t, fake.Options{})
	_ = f.InjectFault(backend.OpAssociateEIP, fake.Fault{Code: "Throttling.User", Times: 3})
	c := client.New(
		f,
		client.Options{
			Clock: clock,
			Retry: client.RetryPolicy{MaxAttempts: 5, BaseDelay: time.Hour, MaxDelay: 4 * time.Hour},
		},
	)
	if _, err := c.Associate(t.Context(), client.AssociateRequest{
		Region: sh, EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT,
	}); err != nil {
		t.Fatal(err)
	}
	if len(clock.slept) != 3 {
		t.Fatalf("slept %v, want 3 backoffs", clock.slept)
	}
	for i, d := range clock.slept {
		if ceiling := time.Hour << i; d <= 0 || d > ceiling {
			t.Errorf("backoff %d = %v, want in (0, %v]", i, d, ceiling)
		}
	}
}

// recordingClock returns from Sleep at once and records how long it was asked to sleep.
type recordingClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func (c *recordingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *recordingClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.slept = append(c.slept, d)
	c.now = c.now.Add(d)
	return ctx.Err()
}
