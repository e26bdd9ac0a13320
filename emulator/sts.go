package emulator

import (
	"context"

	"github.com/eipassoc/eipassoc/backend/fake"
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
