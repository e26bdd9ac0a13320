package fake

import (
	"fmt"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
)

// tokenEntry remembers the outcome of a successful call made with a ClientToken.
type tokenEntry struct {
	fingerprint string // the call's parameters, token left out
	result      any
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
	e, ok := b.tokens[string(op)+"\x00"+token]
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
		b.tokens[string(op)+"\x00"+token] = tokenEntry{fingerprint: fingerprint(params, token), result: result}
	}
}

// fingerprint describes a call's parameters without its ClientToken, so that a retry
// with the same token compares equal.
func fingerprint(params any, token string) string {
	return strings.Replace(fmt.Sprintf("%+v", params), "ClientToken:"+token, "ClientToken:", 1)
}
