package emulator

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"time"
)

// nonceBucket is the span of acceptance times that one bucket of the nonce log holds.
const nonceBucket = time.Minute

// maxNonceLength bounds a signature nonce. The API references give no bound; the
// official SDKs send 32 to 36 characters, so 128 leaves room for any client while a
// request cannot make the server hash megabytes of nonce.
const maxNonceLength = 128

// A nonceLog remembers the signature nonces accepted within the signature window, as
// 64-bit keyed digests (hash/maphash, with a seed of its own) in buckets of one minute
// of acceptance time: the current minute a Go map, the earlier ones flat tables filled
// to three quarters (linear probing). A remembered nonce thus costs under 16 bytes
// whatever its length (about 12.5 measured), a lookup a few cache lines per minute, and
// a bucket is forgotten whole once all of it has left the window: at 8,000 requests a
// second the 16 minutes a window touches hold 7.7 million digests in about 96 MB
// (BenchmarkNonceLogWindow; TestNonceLogBytesPerNonce holds the 16-byte bound).
//
// A nonce is refused while a bucket that holds its digest may hold an acceptance less
// than the window ago, so it is never accepted again within the window, and may be
// refused for up to one bucket longer. Two nonces whose digests collide (about one
// chance in 2^64 for a pair) count as one. A clock that steps back files acceptances in
// the newest bucket, and may find forgotten a minute that the earlier time still covers
// (as any log that forgets in time order would). The zero value is ready to use; it is
// not safe for concurrent use.
type nonceLog struct {
	seed         maphash.Seed
	seeded       bool
	current      map[uint64]struct{}
	currentStart time.Time
	sealed       []sealedNonces // oldest first
}

// sealedNonces are the digests of the nonces accepted in one earlier bucket, in an
// open-addressing table: slot hi(d*len) first, then the next ones; 0 marks an empty
// slot (a digest of 0 is stored as 1).
type sealedNonces struct {
	start time.Time
	table []uint64
	n     int
}

func seal(start time.Time, digests map[uint64]struct{}) sealedNonces {
	s := sealedNonces{start: start, table: make([]uint64, len(digests)*4/3+1), n: len(digests)}
	for d := range digests {
		i := s.slot(d)
		for s.table[i] != 0 {
			i = (i + 1) % len(s.table)
		}
		s.table[i] = max(d, 1)
	}
	return s
}

// slot is where the probe for d starts.
func (s *sealedNonces) slot(d uint64) int {
	hi, _ := bits.Mul64(d, uint64(len(s.table)))
	return int(hi)
}

// has reports whether d is in the table.
func (s *sealedNonces) has(d uint64) bool {
	d = max(d, 1)
	for i := s.slot(d); s.table[i] != 0; i = (i + 1) % len(s.table) {
		if s.table[i] == d {
			return true
		}
	}
	return false
}

// use records nonce as accepted at now and reports whether it was accepted: false
// when it may have been accepted less than signatureWindow before now.
func (l *nonceLog) use(nonce string, now time.Time) bool {
	if !l.seeded {
		l.seed, l.seeded = maphash.MakeSeed(), true
	}
	l.roll(now)
	d := maphash.String(l.seed, nonce)
	if _, ok := l.current[d]; ok {
		return false
	}
	for i := range l.sealed {
		if l.sealed[i].has(d) {
			return false
		}
	}
	l.current[d] = struct{}{}
	return true
}

// roll seals the current bucket when now is past it, and forgets the sealed buckets
// whose every acceptance is a window or more before now.
func (l *nonceLog) roll(now time.Time) {
	start := now.Truncate(nonceBucket)
	switch {
	case l.current == nil:
		l.current, l.currentStart = map[uint64]struct{}{}, start
	case start.After(l.currentStart):
		if len(l.current) > 0 {
			l.sealed = append(l.sealed, seal(l.currentStart, l.current))
		}
		l.current, l.currentStart = make(map[uint64]struct{}, len(l.current)), start
	}
	horizon := now.Add(-signatureWindow)
	drop := 0
	for drop < len(l.sealed) && !l.sealed[drop].start.Add(nonceBucket).After(horizon) {
		drop++
	}
	if drop > 0 {
		l.sealed = slices.Delete(l.sealed, 0, drop)
	}
}

// len returns how many nonces are remembered.
func (l *nonceLog) len() int {
	n := len(l.current)
	for _, b := range l.sealed {
		n += b.n
	}
	return n
}
