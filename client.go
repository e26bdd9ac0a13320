package eipassoc

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// A Client runs associations on an Alibaba Cloud account through a [backend.Backend],
// checking the rules before it acts: it reads the live state, decides with
// [CanAssociate] (or [CanAttach]), refuses with the decision when it denies, and
// otherwise makes the call with a ClientToken, retries transient failures with
// exponential backoff and jitter inside the context's deadline, and waits until the
// cloud reports the final status. A Client is safe for concurrent use.
type Client struct {
	b    backend.Backend
	opts ClientOptions
	log  *slog.Logger
}

// ClientOptions configure a [Client]. The zero ClientOptions is usable: documented
// behaviour, an account that is not allowlisted for multi-EIP-to-ENI mode, 5 attempts
// from 200ms up to 10s apart, polling every second for up to 2 minutes, no logging.
type ClientOptions struct {
	// Account holds what the rules need to know about the account that the API does not
	// report, such as multi-EIP-to-ENI allowlisting.
	Account Account
	// Behaviour chooses documented (default) or observed API behaviour for the rules.
	Behaviour Behaviour
	// Retry bounds the retries of transient failures.
	Retry RetryPolicy
	// PollInterval is the time between status reads while waiting; zero means 1s.
	PollInterval time.Duration
	// WaitTimeout bounds each wait for a final status; zero means 2 minutes. The
	// context's deadline, when earlier, wins.
	WaitTimeout time.Duration
	// Logger receives one record for each call, retry and wait; nil means none.
	Logger *slog.Logger
	// NewToken returns a fresh ClientToken (ASCII, at most 64 characters); nil means
	// "eipassoc-" followed by 32 random hex digits.
	NewToken func() string
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

// NewClient returns a Client on b.
func NewClient(b backend.Backend, opts ClientOptions) *Client {
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
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Client{b: b, opts: opts, log: log}
}

func randomToken() string {
	var buf [16]byte
	_, _ = rand.Read(buf[:]) // crypto/rand.Read never fails
	return "eipassoc-" + hex.EncodeToString(buf[:])
}

// ErrDenied is wrapped by every *[DeniedError].
var ErrDenied = errors.New("eipassoc: denied by the rules")

// A DeniedError is a Client's refusal to act because the rules deny the operation. It
// wraps [ErrDenied] and the decision's violations, so errors.Is(err, CodeModeConflict)
// works on it.
type DeniedError struct {
	// Op names the refused operation, e.g. "associate eip-1 with eni-1".
	Op string
	// Decision is the full decision, with its violations and advisories.
	Decision Decision
}

// Error lists the violated codes.
func (e *DeniedError) Error() string {
	return fmt.Sprintf("eipassoc: %s denied: %v", e.Op, e.Decision.Codes())
}

// Unwrap returns [ErrDenied] and the decision's error.
func (e *DeniedError) Unwrap() []error { return []error{ErrDenied, e.Decision.Err()} }

// ErrTimeout is wrapped by every *[TimeoutError].
var ErrTimeout = errors.New("eipassoc: timed out waiting for a status")

// A TimeoutError reports a resource that did not reach the status a Client waited for.
type TimeoutError struct {
	// Resource is the EIP or ENI ID.
	Resource string
	// Want is the status waited for; Last the last one read.
	Want, Last string
	// Err is the context's error, when the context ended the wait.
	Err error
}

// Error names the resource and both statuses.
func (e *TimeoutError) Error() string {
	return fmt.Sprintf("eipassoc: %s did not become %s (last status %s)", e.Resource, e.Want, e.Last)
}

// Unwrap returns [ErrTimeout] and the context's error, if any.
func (e *TimeoutError) Unwrap() []error { return []error{ErrTimeout, e.Err} }

// ErrReverted is wrapped by the error a Client returns when the cloud took an operation
// and then reverted it: an EIP that went from Associating back to Available, an ENI
// from Attaching back to Available.
var ErrReverted = errors.New("eipassoc: the cloud reverted the operation")

// An AssociateRequest names an association for [Client.Associate].
type AssociateRequest struct {
	Region regions.ID
	EIP    eip.ID
	ENI    eni.ID
	Mode   modes.Mode
	// PrivateIP picks the ENI address in NAT mode; zero means the primary one.
	PrivateIP netip.Addr
}

// Check reads the live state of the EIP and the ENI, with the EIPs the ENI carries, and
// decides with [CanAssociate]. It changes nothing. It returns the request it built, so
// callers can see what was decided on.
func (c *Client) Check(ctx context.Context, r AssociateRequest) (Decision, Request, error) {
	req, err := c.readAssociation(ctx, r)
	if err != nil {
		return Decision{}, Request{}, err
	}
	return CanAssociate(req), req, nil
}

func (c *Client) readAssociation(ctx context.Context, r AssociateRequest) (Request, error) {
	a, err := c.describeEIP(ctx, r.Region, r.EIP)
	if err != nil {
		return Request{}, err
	}
	n, err := c.describeENI(ctx, r.Region, r.ENI)
	if err != nil {
		return Request{}, err
	}
	bound, err := c.bound(ctx, n)
	if err != nil {
		return Request{}, err
	}
	return Request{EIP: a, ENI: n, Mode: r.Mode, PrivateIP: r.PrivateIP, Bound: bound, Account: c.opts.Account, Behaviour: c.opts.Behaviour}, nil
}

// Associate checks the rules on the live state, then associates the EIP with the ENI
// and waits until the EIP is InUse. A denial is a *[DeniedError] and nothing is called;
// a failed call is the backend's error; a wait that does not end is a *[TimeoutError].
// It returns the EIP as last described. A primary ENI is addressed the way the API
// wants it: as its ECS instance (InstanceType EcsInstance).
func (c *Client) Associate(ctx context.Context, r AssociateRequest) (eip.Address, error) {
	req, err := c.readAssociation(ctx, r)
	if err != nil {
		return eip.Address{}, err
	}
	op := "associate " + string(r.EIP) + " with " + string(r.ENI)
	if d := CanAssociate(req); !d.Allowed {
		c.log.LogAttrs(ctx, slog.LevelWarn, "association denied", slog.String("eip", string(r.EIP)), slog.String("eni", string(r.ENI)), slog.Any("codes", d.Codes()))
		return eip.Address{}, &DeniedError{Op: op, Decision: d}
	}
	in := backend.AssociateEIPInput{Region: r.Region, EIP: r.EIP, InstanceID: string(r.ENI), InstanceType: eip.NetworkInterface,
		Mode: r.Mode, PrivateIP: r.PrivateIP, ClientToken: c.opts.NewToken()}
	if req.ENI.Kind == eni.Primary {
		in.InstanceID, in.InstanceType, in.Mode = req.ENI.Instance, eip.EcsInstance, 0
	}
	if err := c.retry(ctx, backend.OpAssociateEIP, func(ctx context.Context) error { return c.b.AssociateEIP(ctx, in) }); err != nil {
		return eip.Address{}, err
	}
	a, err := c.waitEIP(ctx, r.Region, r.EIP, eip.InUse, eip.Associating)
	if err == nil {
		c.log.LogAttrs(ctx, slog.LevelInfo, "associated", slog.String("eip", string(r.EIP)), slog.String("eni", string(r.ENI)), slog.String("mode", r.Mode.String()))
	}
	return a, err
}

// An UnassociateRequest names an EIP for [Client.Unassociate].
type UnassociateRequest struct {
	Region regions.ID
	EIP    eip.ID
}

// Unassociate checks the rules on the live state ([CanUnassociate]), disassociates the
// EIP from whatever it is associated with, and waits until it is Available.
func (c *Client) Unassociate(ctx context.Context, r UnassociateRequest) (eip.Address, error) {
	a, err := c.describeEIP(ctx, r.Region, r.EIP)
	if err != nil {
		return eip.Address{}, err
	}
	check := UnassociateCheck{EIP: a}
	if a.Association.InstanceType == eip.NetworkInterface {
		n, err := c.describeENI(ctx, r.Region, eni.ID(a.Association.InstanceID))
		if err != nil {
			return eip.Address{}, err
		}
		check.ENI = n
	}
	if d := CanUnassociate(check); !d.Allowed {
		return eip.Address{}, &DeniedError{Op: "unassociate " + string(r.EIP), Decision: d}
	}
	in := backend.UnassociateEIPInput{Region: r.Region, EIP: r.EIP, InstanceID: a.Association.InstanceID,
		InstanceType: a.Association.InstanceType, ClientToken: c.opts.NewToken()}
	if err := c.retry(ctx, backend.OpUnassociateEIP, func(ctx context.Context) error { return c.b.UnassociateEIP(ctx, in) }); err != nil {
		return eip.Address{}, err
	}
	a, err = c.waitEIP(ctx, r.Region, r.EIP, eip.Available, eip.Unassociating)
	if err == nil {
		c.log.LogAttrs(ctx, slog.LevelInfo, "unassociated", slog.String("eip", string(r.EIP)))
	}
	return a, err
}
