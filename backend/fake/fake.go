package fake

import (
	"math/rand/v2"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"github.com/eipassoc/eipassoc"
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
	// afterChange is the error the call in progress (between begin and end, under mu)
	// answers once it has taken effect, from an AfterChange or LostAnswer fault.
	afterChange error
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

// end records the call, stamps a request ID on its error, and releases the lock. It
// is generic so that the input is boxed only when the call log keeps it.
func end[T any](b *Backend, op backend.Op, in T, err error) error {
	if b.afterChange != nil {
		if err == nil { // the call took effect; the fault answers for it
			err = b.afterChange
		}
		b.afterChange = nil
	}
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
