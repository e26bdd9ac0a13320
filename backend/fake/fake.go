package fake

import (
	"context"
	"errors"
	"fmt"
	"github.com/eipassoc/eipassoc"
	"math/rand/v2"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// Options configure a fake account. The zero Options is a usable account: seed 0,
// immediate status transitions, the cloud's default quota of 20 EIPs, no
// multi-EIP-to-ENI allowlisting, and the API's observed behaviour for NAT associations
// on attached ENIs.
type Options struct {
	// Seed makes IDs, addresses and request IDs deterministic: the same seed and the
	// same calls give the same values.
	Seed uint64
	// Clock returns the current time; nil means time.Now. Only status transitions read it.
	Clock func() time.Time
	// TransitionDelay is how long Associating, Unassociating, Attaching, Detaching,
	// Releasing and Deleting last, measured on Clock. Zero makes them immediate: the
	// call returns with the final status already in place.
	TransitionDelay time.Duration
	// EIPQuota is how many EIPs the account may own; zero means 20, the cloud's default.
	EIPQuota int
	// Account is what the API does not report about the account: whether it is
	// allowlisted for multi-EIP-to-ENI mode. It is the type client.Options and
	// check.Options take, and [Backend.Account] returns it, so that one value
	// configures a fake and the client that runs on it.
	Account eipassoc.Account
	// Behaviour chooses, as on every face of eipassoc, between the documentation and
	// the API's observed behaviour where they differ. The zero value, Documented,
	// refuses NAT associations with attached secondary ENIs (Eni.Attached), as the
	// documentation's prerequisite says; Observed accepts them, as the API does in
	// practice. [Backend.Behaviour] returns it.
	Behaviour eipassoc.Behaviour
	// NoCallLog turns off the call log that [Backend.Calls] returns, for long runs
	// such as benchmarks where it would only grow.
	NoCallLog bool
	// TokenWindow is how long a ClientToken is remembered after the call that used it
	// succeeded, measured on Clock; zero means one hour. The API references document no
	// expiry; a table that forgot nothing would grow with every call of a long run.
	TokenWindow time.Duration
	// Limits adds or overrides instance-type ENI limits; types found in neither Limits
	// nor the built-in table (eni.LimitsFor) are unknown to DescribeInstanceTypes and
	// cannot be used for instances.
	Limits map[string]eni.Limits
}

// Account returns the account facts the fake was made with (Options.Account), for a
// client.Client on it: client.Options{Account: f.Account(), Behaviour: f.Behaviour()}.
func (b *Backend) Account() eipassoc.Account { return b.opts.Account }

// Behaviour returns the behaviour the fake was made with (Options.Behaviour).
func (b *Backend) Behaviour() eipassoc.Behaviour { return b.opts.Behaviour }

// Backend is an in-memory Alibaba Cloud account. It is safe for concurrent use.
type Backend struct {
	opts  Options
	clock func() time.Time

	mu sync.Mutex // guards every field below
	s  state      // resources
	// rng drives IDs, addresses and request IDs.
	rng      *rand.Rand
	requests uint64
	tokens   tokenTable
	calls    []Call
	faults   map[backend.Op]*faultState
	// catalog is what the cloud offers; seeded, never changed by a call.
	catalog Catalog
}

var _ backend.Backend = (*Backend)(nil)

// New returns an empty fake account.
func New(opts Options) *Backend {
	if opts.EIPQuota == 0 {
		opts.EIPQuota = 20
	}
	clock := opts.Clock
	if clock == nil {
		clock = time.Now
	}
	return &Backend{
		opts:   opts,
		clock:  clock,
		s:      newState(),
		rng:    rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		faults: map[backend.Op]*faultState{},
	}
}

// A Call is one recorded call to the fake.
type Call struct {
	Op        backend.Op
	Input     any // the input struct, as passed
	Err       error
	RequestID string
}

// Calls returns the calls made so far, oldest first, in a new slice.
func (b *Backend) Calls() []Call {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]Call(nil), b.calls...)
}

// ResetCalls forgets the recorded calls.
func (b *Backend) ResetCalls() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.calls = nil
}

// A Fault is injected into every call of one operation until cleared. It can delay the
// call, fail it with an Alibaba Cloud error code or with any error, and do so only after
// the first After calls, or only Times times.
type Fault struct {
	// Code fails the call with this Alibaba Cloud error code, with the status and
	// sentinel the code has in the cloud (see backend.LookupCode).
	Code string
	// Err fails the call with this error instead, when Code is empty.
	Err error
	// Latency delays every call, failing or not, by this much (the context can cut it
	// short).
	Latency time.Duration
	// After lets the first After calls through before the fault fails calls.
	After int
	// Times limits how many calls the fault fails; zero means no limit.
	Times int
	// Custom accepts a Code that is not in backend.KnownCodes. Without it such a code
	// is refused by InjectFault, so that a misspelt code cannot pass for a real one.
	Custom bool
}

// ErrInvalidFault is wrapped by the errors of [Backend.InjectFault].
var ErrInvalidFault = errors.New("fake: invalid fault")

// A FaultError reports a fault that InjectFault refused.
type FaultError struct {
	// Op is the operation the fault was for.
	Op backend.Op
	// Reason says what is wrong with it.
	Reason string
}

// Error returns "fake: InjectFault(OP): REASON".
func (e *FaultError) Error() string { return "fake: InjectFault(" + string(e.Op) + "): " + e.Reason }

// Unwrap returns [ErrInvalidFault].
func (e *FaultError) Unwrap() error { return ErrInvalidFault }

// Code returns the stable code "fault-invalid".
func (e *FaultError) Code() string { return "fault-invalid" }

// Throttle is a Fault that fails every call after the first n with the cloud's
// Throttling.User error.
func Throttle(n int) Fault { return Fault{Code: "Throttling.User", After: n} }

type faultState struct {
	Fault
	calls, fired int
}

// InjectFault installs f for operation op, replacing any fault there: any of
// backend.Operations, whether the fake's methods or the emulator (through
// [Backend.Enter]) serve it. It refuses, with a *FaultError: an op not in
// backend.Operations, a Code that is not an Alibaba Cloud
// code in backend.KnownCodes (unless f.Custom), both Code and Err, and negative
// numbers.
func (b *Backend) InjectFault(op backend.Op, f Fault) error {
	bad := func(format string, args ...any) error {
		return &FaultError{Op: op, Reason: fmt.Sprintf(format, args...)}
	}
	switch {
	case !op.Known():
		return bad("%q is not one of backend.Operations", op)
	case f.Code != "" && !f.Custom && !backend.IsKnownCode(f.Code):
		return bad(
			"%q is not a known Alibaba Cloud error code (see backend.KnownCodes); set Custom to inject it anyway",
			f.Code,
		)
	case f.Code != "" && f.Err != nil:
		return bad("a fault has a Code or an Err, not both")
	case f.Latency < 0 || f.After < 0 || f.Times < 0:
		return bad("Latency, After and Times cannot be negative")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.faults[op] = &faultState{Fault: f}
	return nil
}

// ClearFaults removes every injected fault.
func (b *Backend) ClearFaults() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.faults = map[backend.Op]*faultState{}
}

// begin starts a call: it applies an injected fault's latency and error (unless Enter
// applied them already for op), then takes the lock and settles due status
// transitions. On success the caller must call end; on error begin has recorded the
// call and released the lock itself.
func begin[T any](ctx context.Context, b *Backend, op backend.Op, in T) error {
	var fault error
	if entered, _ := ctx.Value(enteredKey{}).(backend.Op); entered != op {
		fault = b.fault(ctx, op)
	}
	b.mu.Lock()
	if err := ctx.Err(); err != nil {
		return end(b, op, in, &backend.Error{Op: string(op), Message: err.Error(), Err: err})
	}
	if fault != nil {
		return end(b, op, in, fault)
	}
	b.settle(b.clock())
	return nil
}

// fault counts a call of op against its injected fault, waits out the fault's latency,
// and returns the error the call fails with, if any.
func (b *Backend) fault(ctx context.Context, op backend.Op) error {
	var latency time.Duration
	var fault error
	b.mu.Lock()
	if f := b.faults[op]; f != nil {
		f.calls++
		latency = f.Latency
		if f.calls > f.After && (f.Times == 0 || f.fired < f.Times) && (f.Code != "" || f.Err != nil) {
			f.fired++
			fault = f.Err
			if e, ok := fault.(*backend.Error); ok {
				cp := *e // stamp the request ID on a copy, not on the caller's error
				fault = &cp
			}
			if f.Code != "" {
				fault = backend.NewError(string(op), f.Code, "")
			}
		}
	}
	b.mu.Unlock()
	if latency > 0 && ctx.Err() == nil {
		t := time.NewTimer(latency)
		select {
		case <-ctx.Done():
		case <-t.C:
		}
		t.Stop()
	}
	return fault
}

// enteredKey marks a context whose call of an operation has had its fault applied.
type enteredKey struct{}

// Enter applies the fault injected for op, as the start of a call of op does, for a
// server that answers op (the emulator): every action it serves then takes a fault,
// also those it answers without calling the fake's method for op. A failing fault is
// recorded as a call of op and returned. Otherwise the returned context carries the
// mark that the fault was applied, so that the fake's method for op, called with it,
// does not apply it again.
func (b *Backend) Enter(ctx context.Context, op backend.Op) (context.Context, error) {
	if err := b.fault(ctx, op); err != nil {
		b.mu.Lock()
		return ctx, end(b, op, struct{}{}, err)
	}
	return context.WithValue(ctx, enteredKey{}, op), nil
}

// end records the call, stamps a request ID on its error, and releases the lock. It
// is generic so that the input is boxed only when the call log keeps it.
func end[T any](b *Backend, op backend.Op, in T, err error) error {
	b.requests++
	e, stamp := err.(*backend.Error)
	stamp = stamp && e.RequestID == ""
	if stamp || !b.opts.NoCallLog {
		id := requestID(b.opts.Seed, b.requests)
		if stamp {
			e.RequestID = id
		}
		if !b.opts.NoCallLog {
			b.calls = append(b.calls, Call{Op: op, Input: in, Err: err, RequestID: id})
		}
	}
	b.mu.Unlock()
	return err
}

// requestID derives the n-th request ID of an account from its seed, in the cloud's
// format (8-4-4-4-12 upper-case hex digits).
func requestID(seed, n uint64) string {
	const digits = "0123456789ABCDEF"
	hi, lo := mix(seed^n*0x9e3779b97f4a7c15), mix(n+seed)
	var buf [36]byte
	pos := 0
	for i := range 32 {
		if i == 8 || i == 12 || i == 16 || i == 20 {
			buf[pos] = '-'
			pos++
		}
		word := hi
		if i >= 16 {
			word = lo
		}
		buf[pos] = digits[word>>(60-4*(i%16))&0xf]
		pos++
	}
	return string(buf[:])
}

// mix is the SplitMix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// fail returns the cloud's error for op and code, with message replacing the default
// message when it is not empty.
func fail(op backend.Op, code, message string) error {
	return backend.NewError(string(op), code, message)
}

// newID returns a fresh resource ID with the given prefix, e.g. "eip-3f9a0c...".
func (b *Backend) newID(prefix string) string {
	for {
		id := prefix + "-" + strconv.FormatUint(b.rng.Uint64()>>4, 36)
		if !b.s.idTaken(id) {
			return id
		}
	}
}

// newPublicIP returns a fresh public address in 47.96.0.0/12.
func (b *Backend) newPublicIP() netip.Addr {
	for {
		n := b.rng.Uint32()
		a := netip.AddrFrom4([4]byte{47, byte(96 + n>>24&0x0f), byte(n >> 8), byte(1 + n%253)})
		if !b.s.publicIPs[a] {
			return a
		}
	}
}

// checkRegion validates a request's region.
func checkRegion(op backend.Op, id regions.ID) error {
	if id == "" {
		return fail(
			op,
			"MissingParameter",
			"The input parameter RegionId that is mandatory for processing this request is not supplied.",
		)
	}
	info, err := regions.Lookup(id)
	if err != nil {
		return fail(op, "InvalidRegionId.NotFound", "")
	}
	if info.Status == regions.Closed {
		return fail(op, "Forbidden.RegionNotFound", "Region "+string(id)+" is closed.")
	}
	return nil
}

// limits returns the ENI limits of an instance type.
func (b *Backend) limits(typ string) (eni.Limits, bool) {
	if l, ok := b.opts.Limits[typ]; ok {
		return l, true
	}
	if t, ok := b.catalog.instanceType(typ); ok {
		return t.limits(), true
	}
	return eni.LimitsFor(typ)
}
