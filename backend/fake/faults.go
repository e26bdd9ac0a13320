package fake

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/eipassoc/eipassoc/backend"
)

// A Fault is injected into the calls of one operation until cleared. It can delay the
// call, fail it with an Alibaba Cloud error code or with any error, before the call
// takes effect or after (the account changed, the answer says it did not), or lose
// its answer; and do so only after the first After calls, only Times times, or only
// for a share of the calls.
type Fault struct {
	// Code fails the call with this Alibaba Cloud error code, with the status and
	// sentinel the code has in the cloud (see backend.LookupCode).
	Code string
	// HTTPStatus, with Code, is the HTTP status the emulator answers with instead of
	// the code's (400 to 599); zero keeps the code's.
	HTTPStatus int
	// Err fails the call with this error instead, when Code is empty.
	Err error
	// Latency delays every call, failing or not, by this much (the context can cut it
	// short).
	Latency time.Duration
	// After lets the first After calls through before the fault fails calls.
	After int
	// Times limits how many calls the fault fails; zero means no limit.
	Times int
	// Rate, between 0 and 1, fails each call the fault would fail with that
	// probability, drawn from the account's seed (Options.Seed): a flaky dependency.
	// Zero fails every one.
	Rate float64
	// AfterChange makes a failing call take effect first: the account changes, and the
	// call still answers Code (or Err), as when the cloud times out after acting. A
	// client's retry must then be idempotent.
	AfterChange bool
	// LostAnswer makes a failing call take effect and its answer never arrive: the
	// fake's method returns an error that wraps ErrAnswerLost, and the emulator closes
	// the connection without answering. It takes no Code or Err.
	LostAnswer bool
	// Custom accepts a Code that is not in backend.KnownCodes. Without it such a code
	// is refused by InjectFault, so that a misspelt code cannot pass for a real one.
	Custom bool
}

// ErrAnswerLost is wrapped by the error of a call whose answer a LostAnswer fault
// lost: the call took effect.
var ErrAnswerLost = errors.New("fake: the answer was lost; the call took effect")

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
// backend.Operations, a Code that is not an Alibaba Cloud code in backend.KnownCodes
// (unless f.Custom), both Code and Err, an HTTPStatus without a Code or outside 400
// to 599, a Rate outside 0 to 1, AfterChange without a Code or Err or on an operation
// that changes nothing (Op.Mutates), LostAnswer with one or with AfterChange, and
// negative numbers.
func (b *Backend) InjectFault(op backend.Op, f Fault) error {
	bad := func(format string, args ...any) error {
		return &FaultError{Op: op, Reason: fmt.Sprintf(format, args...)}
	}
	fails := f.Code != "" || f.Err != nil
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
	case f.HTTPStatus != 0 && (f.Code == "" || f.HTTPStatus < 400 || f.HTTPStatus > 599):
		return bad("HTTPStatus goes with a Code and is 400 to 599, not %d", f.HTTPStatus)
	case f.Rate < 0 || f.Rate > 1:
		return bad("Rate is between 0 and 1, not %v", f.Rate)
	case f.AfterChange && !fails:
		return bad("AfterChange needs a Code or an Err to answer with")
	case f.AfterChange && !op.Mutates():
		return bad("%s changes nothing: AfterChange is for an operation that changes the account", op)
	case f.LostAnswer && (fails || f.AfterChange):
		return bad("a LostAnswer fault has no Code, Err or AfterChange: nothing is answered")
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

// ClearFault removes the fault injected for op, if any.
func (b *Backend) ClearFault(op backend.Op) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.faults, op)
}

// A FaultStatus is an injected fault with what it has done so far.
type FaultStatus struct {
	Op    backend.Op
	Fault Fault
	// Calls counts the calls of Op since the fault was injected; Fired those it failed
	// (or whose answer it lost).
	Calls, Fired int
}

// Faults returns the injected faults, sorted by operation.
func (b *Backend) Faults() []FaultStatus {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]FaultStatus, 0, len(b.faults))
	for _, op := range slices.Sorted(maps.Keys(b.faults)) {
		f := b.faults[op]
		out = append(out, FaultStatus{Op: op, Fault: f.Fault, Calls: f.calls, Fired: f.fired})
	}
	return out
}

// begin starts a call: it applies an injected fault's latency and error (unless Enter
// applied them already for op), then takes the lock and settles due status
// transitions. On success the caller must call end; on error begin has recorded the
// call and released the lock itself. A fault that fails the call after it takes effect
// is kept for end.
func begin[T any](ctx context.Context, b *Backend, op backend.Op, in T) error {
	var before, after error
	if entered, _ := ctx.Value(enteredKey{}).(backend.Op); entered != op {
		before, after = b.fault(ctx, op)
	}
	b.mu.Lock()
	if err := ctx.Err(); err != nil {
		return end(b, op, in, &backend.Error{Op: string(op), Message: err.Error(), Err: err})
	}
	if before != nil {
		return end(b, op, in, before)
	}
	b.afterChange = after
	b.settle(b.clock())
	return nil
}

// fault counts a call of op against its injected fault, waits out the fault's latency,
// and returns the error the call fails with before it takes effect, or after.
func (b *Backend) fault(ctx context.Context, op backend.Op) (before, after error) {
	var latency time.Duration
	var fault error
	var afterChange bool // the fault answers once the call has taken effect
	b.mu.Lock()
	if f := b.faults[op]; f != nil {
		f.calls++
		latency, afterChange = f.Latency, f.AfterChange || f.LostAnswer
		fails := f.Code != "" || f.Err != nil || f.LostAnswer
		if fails && f.calls > f.After && (f.Times == 0 || f.fired < f.Times) &&
			(f.Rate == 0 || b.rng.Float64() < f.Rate) {
			f.fired++
			fault = f.Err
			if e, ok := fault.(*backend.Error); ok {
				cp := *e // stamp the request ID on a copy, not on the caller's error
				fault = &cp
			}
			switch {
			case f.Code != "":
				e := backend.NewError(string(op), f.Code, "")
				if f.HTTPStatus != 0 {
					e.HTTPStatus = f.HTTPStatus
				}
				fault = e
			case f.LostAnswer:
				fault = fmt.Errorf("%s: %w", op, ErrAnswerLost)
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
	if fault != nil && afterChange {
		return nil, fault
	}
	return fault, nil
}

// enteredKey marks a context whose call of an operation has had its fault applied;
// afterKey carries the error to answer with once the call has taken effect.
type (
	enteredKey struct{}
	afterKey   struct{}
)

// Enter applies the fault injected for op, as the start of a call of op does, for a
// server that answers op (the emulator): every action it serves then takes a fault,
// also those it answers without calling the fake's method for op. A fault that fails
// the call before it takes effect is recorded as a call of op and returned. Otherwise
// the returned context carries the mark that the fault was applied, so that the fake's
// method for op, called with it, does not apply it again, and the error a fault gives
// once the call has taken effect, for [AnswerFault].
func (b *Backend) Enter(ctx context.Context, op backend.Op) (context.Context, error) {
	before, after := b.fault(ctx, op)
	if before != nil {
		b.mu.Lock()
		return ctx, end(b, op, struct{}{}, before)
	}
	ctx = context.WithValue(ctx, enteredKey{}, op)
	if after != nil {
		ctx = context.WithValue(ctx, afterKey{}, after)
	}
	return ctx, nil
}

// AnswerFault returns the error that the fault [Backend.Enter] applied gives once the
// call has taken effect (AfterChange, or LostAnswer: then it wraps ErrAnswerLost and
// nothing is to be answered), or nil: what a server answers instead of its result.
func AnswerFault(ctx context.Context) error {
	err, _ := ctx.Value(afterKey{}).(error)
	return err
}
