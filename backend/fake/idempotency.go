package fake

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"time"

	"github.com/eipassoc/eipassoc/backend"
)

// defaultTokenWindow is how long a ClientToken is remembered when Options.TokenWindow
// is zero.
const defaultTokenWindow = time.Hour

// tokenEntry remembers the outcome of a successful call made with a ClientToken.
type tokenEntry struct {
	fingerprint [sha256.Size]byte // of the call's parameters, token left out
	result      any
	at          time.Time // when the call succeeded
}

// A tokenTable remembers ClientTokens for a window after their call, forgetting them
// in the order they were used, so that its size is bounded by the calls of one window
// and each call costs amortised constant time. The zero value is ready to use.
type tokenTable struct {
	byKey map[string]tokenEntry // op + "\x00" + ClientToken
	queue []queuedToken         // in the order remembered; queue[head:] is live
	head  int
}

type queuedToken struct {
	key string
	at  time.Time
}

// get returns the live entry of key at now.
func (t *tokenTable) get(key string, now time.Time, window time.Duration) (tokenEntry, bool) {
	t.expire(now, window)
	e, ok := t.byKey[key]
	if ok && now.Sub(e.at) >= window {
		return tokenEntry{}, false
	}
	return e, ok
}

// put remembers e under key.
func (t *tokenTable) put(key string, e tokenEntry, window time.Duration) {
	t.expire(e.at, window)
	if t.byKey == nil {
		t.byKey = map[string]tokenEntry{}
	}
	t.byKey[key] = e
	t.queue = append(t.queue, queuedToken{key, e.at})
}

// expire forgets the tokens at the front of the queue that have left the window.
func (t *tokenTable) expire(now time.Time, window time.Duration) {
	for t.head < len(t.queue) && now.Sub(t.queue[t.head].at) >= window {
		q := t.queue[t.head]
		if t.byKey[q.key].at.Equal(q.at) {
			delete(t.byKey, q.key)
		}
		t.queue[t.head] = queuedToken{}
		t.head++
	}
	if t.head > 1024 && t.head*2 >= len(t.queue) {
		n := copy(t.queue, t.queue[t.head:])
		clear(t.queue[n:])
		t.queue, t.head = t.queue[:n], 0
	}
}

// tokenWindow returns Options.TokenWindow, or its default.
func (b *Backend) tokenWindow() time.Duration {
	if b.opts.TokenWindow > 0 {
		return b.opts.TokenWindow
	}
	return defaultTokenWindow
}

// checkToken validates a ClientToken (ASCII, at most 64 characters) and looks it up;
// params are the call's input, token included.
// It returns the remembered result when the same token came with the same parameters,
// and IdempotentParameterMismatch when it came with others. An empty token is never
// remembered: the cloud then uses the request ID, so retries are not deduplicated.
func (b *Backend) checkToken(op backend.Op, token string, params any) (result any, replay bool, err error) {
	if token == "" {
		return nil, false, nil
	}
	if len(token) > 64 {
		return nil, false, fail(op, "InvalidParameter", "The ClientToken is longer than 64 characters.")
	}
	for i := 0; i < len(token); i++ {
		if token[i] > 0x7e || token[i] < 0x20 {
			return nil, false, fail(op, "InvalidParameter", "The ClientToken must be printable ASCII.")
		}
	}
	e, ok := b.tokens.get(string(op)+"\x00"+token, b.clock(), b.tokenWindow())
	if !ok {
		return nil, false, nil
	}
	if e.fingerprint != fingerprint(params, token) {
		return nil, false, fail(op, "IdempotentParameterMismatch", "")
	}
	return e.result, true, nil
}

// rememberToken records a successful call's result under its token.
func (b *Backend) rememberToken(op backend.Op, token string, params, result any) {
	if token != "" {
		b.tokens.put(string(op)+"\x00"+token, tokenEntry{fingerprint: fingerprint(params, token), result: result,
			at: b.clock()}, b.tokenWindow())
	}
}

// fingerprint digests a call's parameters without its ClientToken, so that a retry
// with the same token compares equal and a remembered call costs a fixed size.
func fingerprint(params any, token string) [sha256.Size]byte {
	return sha256.Sum256([]byte(strings.Replace(fmt.Sprintf("%+v", params), "ClientToken:"+token, "ClientToken:", 1)))
}
