package aliyun

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/url"
	"regexp"
	"strings"

	"github.com/alibabacloud-go/tea/tea"
	"github.com/eipassoc/eipassoc/backend"
)

// mapError turns what the SDK returned for op into the backend's error model. A
// failure after the context ended is reported as the context's error: the SDK's own
// timeout fired because the backend set it from the deadline.
func mapError(ctx context.Context, op backend.Op, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		if _, api := errors.AsType[*tea.SDKError](err); !api {
			err = ctx.Err()
		}
	}
	if e, ok := errors.AsType[*backend.Error](err); ok {
		return e
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &backend.Error{Op: string(op), Message: err.Error(), Err: contextErr(err)}
	}
	if e, ok := errors.AsType[*tea.SDKError](err); ok {
		return fromSDKError(op, e)
	}
	var urlErr *url.Error
	var netErr net.Error
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &urlErr), errors.As(err, &netErr):
		return &backend.Error{
			Op:        string(op),
			Message:   "transport: " + scrub(err.Error()),
			Retryable: true,
			Err:       backend.ErrUnavailable,
		}
	case errors.As(err, &syntaxErr):
		return &backend.Error{
			Op:        string(op),
			Message:   "the endpoint answered with a body that is not JSON",
			Retryable: true,
			Err:       backend.ErrUnavailable,
		}
	}
	return &backend.Error{Op: string(op), Message: scrub(err.Error()), Err: backend.ErrInternal}
}

func contextErr(err error) error {
	if errors.Is(err, context.Canceled) {
		return context.Canceled
	}
	return context.DeadlineExceeded
}

// fromSDKError maps an SDK error. The SDK's Message is "code: 400, <message> request id:
// <id>"; its Data is the whole error body as JSON, which has the plain message and ID.
func fromSDKError(op backend.Op, e *tea.SDKError) error {
	code := tea.StringValue(e.Code)
	status := tea.IntValue(e.StatusCode)
	var body struct {
		RequestID string `json:"RequestId"`
		Message   string `json:"Message"`
	}
	_ = json.Unmarshal([]byte(tea.StringValue(e.Data)), &body)
	msg := body.Message
	if msg == "" {
		msg = tea.StringValue(e.Message)
		if i := strings.Index(msg, ", "); strings.HasPrefix(msg, "code: ") && i > 0 {
			msg = msg[i+2:]
		}
		if i := strings.LastIndex(msg, " request id: "); i >= 0 {
			if body.RequestID == "" {
				body.RequestID = strings.TrimSpace(msg[i+len(" request id: "):])
			}
			msg = msg[:i]
		}
	}
	if status == 0 && code != "" {
		// Raised by the SDK before any request: missing or invalid credentials, a bad
		// endpoint, a request that failed local validation.
		kind := backend.ErrInvalidParameter
		if strings.Contains(strings.ToLower(code), "credential") {
			kind = backend.ErrUnauthorized
		}
		return &backend.Error{Op: string(op), Code: code, Message: scrub(msg), Err: kind}
	}
	out := backend.NewError(string(op), code, msg)
	out.Message = scrub(out.Message)
	out.RequestID = body.RequestID
	if status != 0 {
		out.HTTPStatus = status
	}
	if status >= 500 && !isKnown(code) {
		out.Err, out.Retryable = backend.ErrUnavailable, true
	}
	return out
}

func isKnown(code string) bool {
	for _, c := range backend.KnownCodes() {
		if c.Code == code {
			return true
		}
	}
	return strings.HasPrefix(code, "Throttling")
}

// secrets matches query parameters that carry credentials or signatures.
var secrets = regexp.MustCompile(`(Signature|AccessKeyId|SecurityToken|BearerToken)=[^&\s"]*`)

// scrub removes credentials and signatures from a message, so that a transport error
// that quotes a URL does not leak them into logs.
func scrub(s string) string { return secrets.ReplaceAllString(s, "$1=REDACTED") }
