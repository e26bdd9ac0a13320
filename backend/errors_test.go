package backend_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/backend"
)

func TestNewError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code      string
		status    int
		sentinel  error
		retryable bool
	}{
		{"IncorrectEipStatus", 400, backend.ErrInvalidState, false},
		{"InvalidAllocationId.NotFound", 404, backend.ErrNotFound, false},
		{"Throttling.User", 400, backend.ErrThrottled, true},
		{"Throttling.Whatever", 400, backend.ErrThrottled, true},
		{"TaskConflict", 400, backend.ErrConflict, true},
		{"OperationConflict", 409, backend.ErrConflict, true},
		{"ServiceUnavailable", 503, backend.ErrUnavailable, true},
		{"OperationFailed.SystemBusy", 400, backend.ErrUnavailable, true},
		{"LastTokenProcessing", 403, backend.ErrConflict, true},
		{"OperationFailed.LastTokenProcessing", 400, backend.ErrConflict, true},
		{"Rejected.Throttling", 400, backend.ErrThrottled, true},
		{"IdempotentParameterMismatch", 400, backend.ErrIdempotencyMismatch, false},
		{"EniPerInstanceLimitExceeded", 403, backend.ErrQuotaExceeded, false},
		{"Some.NewCode", 400, backend.ErrInvalidParameter, false},
	}
	for _, tc := range tests {
		err := backend.NewError("AssociateEipAddress", tc.code, "")
		if err.HTTPStatus != tc.status || !errors.Is(err, tc.sentinel) || backend.Retryable(err) != tc.retryable ||
			backend.Code(err) != tc.code {
			t.Errorf("NewError(%s) = %+v", tc.code, err)
		}
	}
	if backend.NewError("X", "IncorrectEipStatus", "custom").Message != "custom" {
		t.Error("message not replaced")
	}
}

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	e := backend.NewError("AssociateEipAddress", "IncorrectEipStatus", "")
	e.RequestID = "R1"
	want := "backend: AssociateEipAddress: IncorrectEipStatus (HTTP 400, request R1): Current elastic IP status does " +
		"not support this operation."
	if e.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", e.Error(), want)
	}
	bare := &backend.Error{Op: "DescribeEipAddresses", Err: context.Canceled, Message: "context canceled"}
	if got := bare.Error(); got != "backend: DescribeEipAddresses: context canceled: context canceled" ||
		!errors.Is(bare, context.Canceled) {
		t.Errorf("bare error = %q", got)
	}
	var nilKind backend.Error
	if !errors.Is(&nilKind, backend.ErrInternal) {
		t.Error("an Error without a sentinel is not internal")
	}
	if backend.Code(errors.New("plain")) != "" || backend.Retryable(errors.New("plain")) {
		t.Error("plain errors have no code and are not retryable")
	}
	if !backend.Retryable(backend.ErrThrottled) {
		t.Error("ErrThrottled is not retryable")
	}
}

func TestKnownCodes(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, c := range backend.KnownCodes() {
		if seen[c.Code] || c.HTTPStatus < 400 || c.HTTPStatus > 599 || c.Kind == nil || c.Message == "" {
			t.Errorf("bad entry %+v", c)
		}
		seen[c.Code] = true
		if !strings.HasPrefix(c.Kind.Error(), "backend: ") {
			t.Errorf("%s: kind %v is not a sentinel", c.Code, c.Kind)
		}
	}
}

func TestOps(t *testing.T) {
	t.Parallel()
	for _, op := range backend.Ops() {
		if !op.Known() || (op.Product() != "Vpc" && op.Product() != "Ecs") {
			t.Errorf("%s", op)
		}
	}
	if backend.Op("Nope").Known() {
		t.Error("unknown op is known")
	}
}
