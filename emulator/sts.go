package emulator

import (
	"context"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// The operations this file answers from the fake's state, with their declarations
// (see backend.Declare).
const (
	OpGetCallerIdentity backend.Op = "GetCallerIdentity"
)

var _ = backend.Declare(
	backend.Operation{API: backend.STS, Op: OpGetCallerIdentity},
)

// STS's GetCallerIdentity, which data "alicloud_account" reads: every access key of
// the server is the emulated account's own, so the caller is the account itself.

// callerIdentityAnswer is GetCallerIdentity's answer.
type callerIdentityAnswer struct {
	RequestID    string `json:"RequestId"`
	AccountID    string `json:"AccountId"`
	UserID       string `json:"UserId"`
	PrincipalID  string `json:"PrincipalId"`
	IdentityType string
	Arn          string
}

func (s *Server) getCallerIdentity(context.Context, *params) (any, error) {
	return callerIdentityAnswer{RequestID: newRequestID(), AccountID: fake.AccountID, UserID: fake.AccountID,
		PrincipalID: fake.AccountID, IdentityType: "Account", Arn: "acs:ram::" + fake.AccountID + ":root"}, nil
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.STS, Op: OpGetCallerIdentity, Handler: func(s *Server) handler { return s.getCallerIdentity },
		Params: modelledParams("RegionId")},
)
