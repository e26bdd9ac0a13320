package emulator

import "time"

// A nonceLog remembers the signature nonces seen within the signature window. Nonces are
// kept in a queue in the order they were seen, so the ones that have left the window are
// forgotten from the front: each use costs amortised constant time however many nonces
// the window holds. The zero value is ready to use; it is not safe for concurrent use.
type nonceLog struct {
	seen  map[string]time.Time // nonce -> when it was last accepted
	queue []seenNonce          // in the order accepted; queue[head:] is live
	head  int
}

type seenNonce struct {
	nonce string
	at    time.Time
}

// use records nonce as seen at now and reports whether it was accepted: false when the
// same nonce was accepted less than signatureWindow before now.
func (l *nonceLog) use(nonce string, now time.Time) bool {
	l.expire(now)
	if at, ok := l.seen[nonce]; ok && now.Sub(at) < signatureWindow {
		return false
	}
	if l.seen == nil {
		l.seen = map[string]time.Time{}
	}
	l.seen[nonce] = now
	l.queue = append(l.queue, seenNonce{nonce, now})
	return true
}

// expire forgets the nonces at the front of the queue that have left the window. A
// clock that steps back can leave an entry behind a newer one for a while; that costs
// memory until the front catches up, never a wrong answer, because use compares times.
func (l *nonceLog) expire(now time.Time) {
	for l.head < len(l.queue) && now.Sub(l.queue[l.head].at) >= signatureWindow {
		e := l.queue[l.head]
		if l.seen[e.nonce].Equal(e.at) {
			delete(l.seen, e.nonce)
		}
		l.queue[l.head] = seenNonce{}
		l.head++
	}
	// Reuse the front of the slice once half of it is spent, so it does not grow forever.
	if l.head > 1024 && l.head*2 >= len(l.queue) {
		n := copy(l.queue, l.queue[l.head:])
		clear(l.queue[n:])
		l.queue = l.queue[:n]
		l.head = 0
	}
}

// len returns how many nonces are remembered.
func (l *nonceLog) len() int { return len(l.seen) }
