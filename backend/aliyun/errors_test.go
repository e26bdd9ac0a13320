package aliyun

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"testing"

	"github.com/alibabacloud-go/tea/tea"
	"github.com/eipassoc/eipassoc/backend"
)

// sdkError builds the *tea.SDKError the SDK returns for an error answer.
func sdkError(status int, code, msg, requestID string) error {
	data, _ := json.Marshal(
		map[string]string{"Code": code, "Message": msg, "RequestId": requestID, "HostId": "127.0.0.1"},
	)
	return tea.NewSDKError(map[string]any{
		"code": code, "statusCode": status, "data": string(data),
		"message": fmt.Sprintf("code: %d, %s request id: %s", status, msg, requestID),
	})
}

func TestMapError(t *testing.T) {
	tests := []struct {
		name      string
		in        error
		code      string
		status    int
		requestID string
		sentinel  error
		retryable bool
	}{
		{"nil", nil, "", 0, "", nil, false},
		{
			"client error",
			sdkError(400, "IncorrectEipStatus", "Current elastic IP status does not support this operation.", "R1"),
			"IncorrectEipStatus",
			400,
			"R1",
			backend.ErrInvalidState,
			false,
		},
		{
			"not found",
			sdkError(404, "InvalidAllocationId.NotFound", "Specified allocation ID is not found", "R2"),
			"InvalidAllocationId.NotFound",
			404,
			"R2",
			backend.ErrNotFound,
			false,
		},
		{
			"throttled",
			sdkError(400, "Throttling.User", "Request was denied due to user flow control.", "R3"),
			"Throttling.User",
			400,
			"R3",
			backend.ErrThrottled,
			true,
		},
		{
			"task conflict",
			sdkError(400, "TaskConflict", "The eip operate too frequent, TaskConflict.", "R4"),
			"TaskConflict",
			400,
			"R4",
			backend.ErrConflict,
			true,
		},
		{
			"unknown 5xx",
			sdkError(502, "BadGateway", "upstream", "R5"),
			"BadGateway",
			502,
			"R5",
			backend.ErrUnavailable,
			true,
		},
		{
			"known 5xx",
			sdkError(500, "InternalError", "The request processing has failed due to some unknown error.", "R6"),
			"InternalError",
			500,
			"R6",
			backend.ErrInternal,
			true,
		},
		{
			"unknown 4xx",
			sdkError(400, "Some.NewCode", "new", "R7"),
			"Some.NewCode",
			400,
			"R7",
			backend.ErrInvalidParameter,
			false,
		},
		{
			"no credentials",
			tea.NewSDKError(
				map[string]any{"code": "InvalidCredentials", "message": "Please set up the credentials correctly."},
			),
			"InvalidCredentials",
			0,
			"",
			backend.ErrUnauthorized,
			false,
		},
		{
			"transport",
			&url.Error{
				Op:  "Post",
				URL: "http://127.0.0.1:1/?Signature=abc&AccessKeyId=AK",
				Err: errors.New("connection refused"),
			},
			"",
			0,
			"",
			backend.ErrUnavailable,
			true,
		},
		{"net error", &net.OpError{Op: "dial", Err: errors.New("refused")}, "", 0, "", backend.ErrUnavailable, true},
		{"not JSON", &json.SyntaxError{}, "", 0, "", backend.ErrUnavailable, true},
		{"canceled", fmt.Errorf("wrapped: %w", context.Canceled), "", 0, "", context.Canceled, false},
		{"deadline", context.DeadlineExceeded, "", 0, "", context.DeadlineExceeded, false},
		{"other", errors.New("odd"), "", 0, "", backend.ErrInternal, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := mapError(context.Background(), backend.OpAssociateEIP, tc.in)
			if tc.in == nil {
				if err != nil {
					t.Fatalf("mapError(nil) = %v", err)
				}
				return
			}
			e, ok := errors.AsType[*backend.Error](err)
			if !ok {
				t.Fatalf("mapError = %T %v", err, err)
			}
			if e.Code != tc.code || e.HTTPStatus != tc.status || e.RequestID != tc.requestID ||
				!errors.Is(err, tc.sentinel) ||
				e.Retryable != tc.retryable ||
				e.Op != "AssociateEipAddress" {
				t.Fatalf("mapError = %+v", e)
			}
			if strings.Contains(e.Error(), "abc") || strings.Contains(e.Error(), "AccessKeyId=AK") ||
				strings.Contains(e.Message, "request id:") ||
				strings.HasPrefix(e.Message, "code: ") {
				t.Errorf("message leaks or keeps SDK framing: %q", e.Error())
			}
		})
	}
}

func TestMapErrorAfterDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	timeout := &url.Error{Op: "Post", URL: "http://127.0.0.1", Err: errors.New("Client.Timeout exceeded")}
	if err := mapError(ctx, backend.OpDescribeEIPs, timeout); !errors.Is(err, context.Canceled) {
		t.Errorf("a transport timeout after cancellation = %v", err)
	}
	if err := mapError(ctx, backend.OpDescribeEIPs, sdkError(400, "IncorrectEipStatus", "m", "R")); backend.Code(
		err,
	) != "IncorrectEipStatus" {
		t.Errorf("an API answer after cancellation = %v", err)
	}
}
