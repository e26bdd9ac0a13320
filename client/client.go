// Package client runs EIP associations on an Alibaba Cloud account through a
// [backend.Backend], checking eipassoc's rules before it acts. Where the root package's
// Can* functions are pure checks, every method here does I/O: it reads the live state,
// decides with the rules, refuses when they deny (or cannot decide), and otherwise calls
// the API with a ClientToken, retries transient failures and waits for the final state.
//
// A refusal is a *[DeniedError] that holds the whole decision, and errors.Is matches
// each broken rule's code (the runnable versions are the package's examples):
//
//	f := fake.NewBuilder(fake.Options{}).
//		VSwitch("vsw-1", "cn-hangzhou", "cn-hangzhou-h", "vpc-1", "192.168.0.0/24").
//		ENI("eni-1", "vsw-1", 2).
//		EIP("eip-1", "cn-hangzhou").
//		MustBuild() // or aliyun.New(...) on a real account
//	c := client.New(f, client.Options{Account: f.Account(), Behaviour: f.Behaviour()})
//	a, err := c.Associate(ctx, client.AssociateRequest{
//		Region: "cn-hangzhou", EIP: "eip-1", ENI: "eni-1", Mode: modes.NAT})
//	var denied *client.DeniedError
//	switch {
//	case errors.As(err, &denied):
//		fmt.Println("refused:", denied.Decision.Codes()) // nothing was called
//		if errors.Is(err, eipassoc.CodeENIAttached) {
//			// detach the ENI first
//		}
//	case err != nil:
//		// the API failed (a *backend.Error), or a wait timed out (a *TimeoutError)
//	default:
//		fmt.Println(a.ID, a.Status) // eip-1 InUse
//	}
//
// [Client.Ensure] is the call for services that retry: it returns the association when
// it already is as asked, and a *[ConflictError] when the EIP is associated otherwise.
package client

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend"
)

// A Client runs associations on an Alibaba Cloud account through a [backend.Backend],
// checking the rules before it acts: it reads the live state, decides with
// [eipassoc.CanAssociate] (or [eipassoc.CanAttach], [eipassoc.CanUnassociate]), refuses
// with the decision when it does not allow, and otherwise makes the call with a
// ClientToken, retries transient failures with exponential backoff and jitter inside
// the context's deadline, and waits until the cloud reports the final state. A Client
// is safe for concurrent use.
type Client struct {
	b     backend.Backend
	opts  Options
	log   *slog.Logger
	clock Clock
}

// Options configure a [Client]. The zero Options is usable: documented behaviour, an
// account that is not allowlisted for multi-EIP-to-ENI mode, undecided rules refused, 5
// attempts from 200ms up to 10s apart, polling every second for up to 2 minutes, the
// system clock, no logging.
type Options struct {
	// Account holds what the rules need to know about the account that the API does not
	// report, such as multi-EIP-to-ENI allowlisting.
	Account eipassoc.Account
	// Behaviour chooses documented (default) or observed API behaviour for the rules.
	Behaviour eipassoc.Behaviour
	// AllowUndecided lets the Client act when the rules cannot decide because the API
	// does not report a fact they need (an instance's DHCP, for moving an ENI with
	// multi-EIP-to-ENI EIPs). The undecided rules are logged. By default an undecided
	// decision is refused like a denial.
	AllowUndecided bool
	// Retry bounds the retries of transient failures.
	Retry RetryPolicy
	// PollInterval is the time between status reads while waiting; zero means 1s.
	PollInterval time.Duration
	// WaitTimeout bounds each wait for a final status; zero means 2 minutes. The
	// context's deadline, when earlier, wins.
	WaitTimeout time.Duration
	// Clock runs the retry delays and the waits; nil means the system clock. A test
	// clock that returns from Sleep at once (such as fake.ManualClock) makes tests of
	// retries and waits run without sleeping.
	Clock Clock
	// Logger receives one record for each call, retry and wait; nil means none.
	Logger *slog.Logger
	// NewToken returns a fresh ClientToken (ASCII, at most 64 characters); nil means
	// "eipassoc-" followed by 32 random hex digits.
	NewToken func() string
}

// A Clock tells the time and sleeps. The Client's retry delays and status polls run on
// it.
type Clock interface {
	// Now returns the current time.
	Now() time.Time
	// Sleep waits for d, or until ctx ends and then returns ctx's error.
	Sleep(ctx context.Context, d time.Duration) error
}

// systemClock is the Clock of time.Now and timers.
type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// RetryPolicy bounds the retries of transient failures: throttling, TaskConflict,
// OperationConflict, ServiceUnavailable, SystemBusy, LastTokenProcessing and the other
// codes that [backend.Retryable] reports.
type RetryPolicy struct {
	// MaxAttempts is the most calls made for one operation, the first included; zero
	// means 5, one disables retries.
	MaxAttempts int
	// BaseDelay is the backoff before the first retry; it doubles for each further one.
	// Zero means 200ms.
	BaseDelay time.Duration
	// MaxDelay caps the backoff; zero means 10s.
	MaxDelay time.Duration
}

// New returns a Client on b.
func New(b backend.Backend, opts Options) *Client {
	if opts.Retry.MaxAttempts <= 0 {
		opts.Retry.MaxAttempts = 5
	}
	if opts.Retry.BaseDelay <= 0 {
		opts.Retry.BaseDelay = 200 * time.Millisecond
	}
	if opts.Retry.MaxDelay <= 0 {
		opts.Retry.MaxDelay = 10 * time.Second
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = time.Second
	}
	if opts.WaitTimeout <= 0 {
		opts.WaitTimeout = 2 * time.Minute
	}
	if opts.NewToken == nil {
		opts.NewToken = randomToken
	}
	clock := opts.Clock
	if clock == nil {
		clock = systemClock{}
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Client{b: b, opts: opts, log: log, clock: clock}
}

func randomToken() string {
	var buf [16]byte
	_, _ = rand.Read(buf[:]) // crypto/rand.Read never fails
	return "eipassoc-" + hex.EncodeToString(buf[:])
}

// ErrDenied is wrapped by every *[DeniedError].
var ErrDenied = errors.New("client: refused by the rules")

// A DeniedError is a Client's refusal to act because the rules deny the operation or
// cannot decide it. It wraps [ErrDenied] and the decision's error, so
// errors.Is(err, eipassoc.CodeModeConflict) and errors.Is(err, eipassoc.ErrUndecided)
// work on it.
type DeniedError struct {
	// Op names the refused operation, e.g. "associate eip-1 with eni-1".
	Op string
	// Decision is the full decision, with its verdict, violations, undecided rules and
	// advisories.
	Decision eipassoc.Decision
}

// Error names the operation and the verdict, and gives the first reason whole (its code
// and message) and the codes of the others, so that a logged error keeps why:
//
//	client: associate eip-2 with eni-1 denied: private-ip-in-use: 192.168.0.3 (the primary
//	private IP of ENI eni-1) already carries EIP eip-1; it cannot also take EIP eip-2
//	(and eni-capacity)
func (e *DeniedError) Error() string {
	d := &e.Decision
	switch {
	case d.Verdict == eipassoc.Denied && len(d.Violations) > 0:
		v := d.Violations[0]
		return fmt.Sprintf("client: %s denied: %s: %s%s", e.Op, v.Code, v.Message, others(d.Codes(), v.Code))
	case d.Verdict == eipassoc.Undecided && len(d.Undecided) > 0:
		u := d.Undecided[0]
		return fmt.Sprintf("client: %s undecided: %s: %s%s", e.Op, u.Code, u.Message, others(d.UndecidedCodes(), u.Code))
	}
	return fmt.Sprintf("client: %s refused: %s", e.Op, d.Verdict)
}

// others lists the codes besides first, for an error message: " (and a, b)", or "".
func others(codes []eipassoc.Code, first eipassoc.Code) string {
	var rest []string
	for _, c := range codes {
		if c != first {
			rest = append(rest, string(c))
		}
	}
	if len(rest) == 0 {
		return ""
	}
	return " (and " + strings.Join(rest, ", ") + ")"
}

// Unwrap returns [ErrDenied] and the decision's error.
func (e *DeniedError) Unwrap() []error { return []error{ErrDenied, e.Decision.Err()} }

// permit returns nil when the client may act on d, and the *DeniedError otherwise.
func (c *Client) permit(ctx context.Context, op string, d eipassoc.Decision) error {
	switch {
	case d.Allowed():
		return nil
	case d.Verdict == eipassoc.Undecided && c.opts.AllowUndecided:
		c.log.LogAttrs(
			ctx,
			slog.LevelWarn,
			"acting on an undecided check",
			slog.String("op", op),
			slog.String("missing", d.Missing().String()),
		)
		return nil
	}
	c.log.LogAttrs(
		ctx,
		slog.LevelWarn,
		"refused",
		slog.String("op", op),
		slog.String("verdict", d.Verdict.String()),
		slog.Any("codes", d.Codes()),
	)
	return &DeniedError{Op: op, Decision: d}
}

// ErrTimeout is wrapped by every *[TimeoutError].
var ErrTimeout = errors.New("client: timed out waiting for a status")

// A TimeoutError reports a resource that did not reach the state a Client waited for.
type TimeoutError struct {
	// Resource is the EIP or ENI ID.
	Resource string
	// Want is the state waited for; Last the last one read.
	Want, Last string
	// Err is the context's error, when the context ended the wait.
	Err error
}

// Error names the resource and both states.
func (e *TimeoutError) Error() string {
	return fmt.Sprintf("client: %s did not become %s (last %s)", e.Resource, e.Want, e.Last)
}

// Unwrap returns [ErrTimeout] and the context's error, if any.
func (e *TimeoutError) Unwrap() []error { return []error{ErrTimeout, e.Err} }

// ErrReverted is wrapped by the error a Client returns when the cloud took an operation
// and then reverted it: an EIP that went from Associating back to Available, an ENI
// from Attaching back to Available.
var ErrReverted = errors.New("client: the cloud reverted the operation")

// ErrElsewhere is wrapped by the error a Client returns when the EIP it associated ends
// up bound to another target than the one requested (a concurrent association won).
var ErrElsewhere = errors.New("client: the EIP is bound elsewhere")
