package backend

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors: the kinds of failure callers branch on. Every error a Backend
// returns wraps exactly one of them (through an *[Error]).
var (
	// ErrNotFound: the EIP, ENI, instance, vSwitch or region does not exist.
	ErrNotFound = errors.New("backend: not found")
	// ErrInvalidState: the resource is in a status that does not allow the operation.
	ErrInvalidState = errors.New("backend: invalid state")
	// ErrConflict: the operation conflicts with the resource's associations or with
	// another operation in progress.
	ErrConflict = errors.New("backend: conflict")
	// ErrQuotaExceeded: an account, instance or ENI limit would be exceeded.
	ErrQuotaExceeded = errors.New("backend: quota exceeded")
	// ErrThrottled: the request was throttled.
	ErrThrottled = errors.New("backend: throttled")
	// ErrInvalidParameter: a parameter is missing or not valid.
	ErrInvalidParameter = errors.New("backend: invalid parameter")
	// ErrUnauthorized: the credentials are missing, wrong or not allowed.
	ErrUnauthorized = errors.New("backend: unauthorized")
	// ErrIdempotencyMismatch: a ClientToken was reused with other parameters.
	ErrIdempotencyMismatch = errors.New("backend: idempotency mismatch")
	// ErrUnavailable: the service failed temporarily or could not be reached.
	ErrUnavailable = errors.New("backend: unavailable")
	// ErrInternal: the service failed for an unknown reason.
	ErrInternal = errors.New("backend: internal error")
)

// An Error is a failed backend operation. It wraps one of the sentinel errors and keeps
// what Alibaba Cloud said.
type Error struct {
	// Op is the API operation, e.g. "AssociateEipAddress".
	Op string
	// Code is the Alibaba Cloud error code, e.g. "IncorrectEipStatus"; empty for
	// failures that never reached the service.
	Code string
	// Message is the service's message.
	Message string
	// HTTPStatus is the response status, or 0 when there was no response.
	HTTPStatus int
	// RequestID identifies the request to Alibaba Cloud support.
	RequestID string
	// Retryable reports whether the same call may succeed later.
	Retryable bool
	// Err is the sentinel the failure belongs to.
	Err error
}

// Error returns e.g. `backend: AssociateEipAddress: IncorrectEipStatus (HTTP 400,
// request R1): Current elastic IP status does not support this operation.`
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("backend: ")
	b.WriteString(e.Op)
	b.WriteString(": ")
	if e.Code != "" {
		b.WriteString(e.Code)
	} else {
		b.WriteString(strings.TrimPrefix(e.sentinel().Error(), "backend: "))
	}
	var meta []string
	if e.HTTPStatus != 0 {
		meta = append(meta, "HTTP "+strconv.Itoa(e.HTTPStatus))
	}
	if e.RequestID != "" {
		meta = append(meta, "request "+e.RequestID)
	}
	if len(meta) > 0 {
		b.WriteString(" (" + strings.Join(meta, ", ") + ")")
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	return b.String()
}

func (e *Error) sentinel() error {
	if e.Err == nil {
		return ErrInternal
	}
	return e.Err
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.sentinel() }

// NewError returns the *Error that operation op fails with when the service answers
// with code. Status, sentinel, retryability and a default message come from the table
// of known codes ([LookupCode]); an unknown code gets HTTP 400 and [ErrInvalidParameter]
// (5xx statuses are for the caller to set). message, when not empty, replaces the
// default message.
func NewError(op, code, message string) *Error {
	info := LookupCode(code)
	if message == "" {
		message = info.Message
	}
	return &Error{
		Op:         op,
		Code:       code,
		Message:    message,
		HTTPStatus: info.HTTPStatus,
		Retryable:  info.Retryable,
		Err:        info.Kind,
	}
}

// Code returns the Alibaba Cloud error code of err, or "" when err carries none.
func Code(err error) string {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Code
	}
	return ""
}

// Retryable reports whether err is worth retrying: a throttled, busy, conflicting or
// unavailable service, or a failure marked retryable.
func Retryable(err error) bool {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Retryable
	}
	return errors.Is(err, ErrThrottled) || errors.Is(err, ErrUnavailable)
}
