// Package emulator is a local HTTP server that speaks the Alibaba Cloud RPC API for the
// EIP and ENI operations of eipassoc's Backend (VPC 2016-04-28 and ECS 2014-05-26), backed
// by an in-memory account from backend/fake. The official Go SDK, or any tool that takes
// an endpoint, can talk to it instead of the cloud:
//
//	cfg := &openapi.Config{AccessKeyId: tea.String("eipassoc"), AccessKeySecret: tea.String("eipassoc-secret"),
//		Endpoint: tea.String("127.0.0.1:8787"), Protocol: tea.String("http"), RegionId: tea.String("cn-shanghai")}
//	vpcClient, _ := vpc.NewClient(cfg)
//
// The server dispatches on the X-Acs-Action header or the Action parameter, reads
// parameters from the query string and from a form body (lists as Name.1, Name.2, ...),
// checks both signatures the SDK sends (ACS3-HMAC-SHA256 and the older HMAC-SHA1 RPC
// signature) against its configured AccessKey pairs, and answers with the cloud's
// success shapes and its error body ({"RequestId","HostId","Code","Message"}) and HTTP
// statuses. With no AccessKey pairs configured it does not check signatures.
//
// A signature binds the operation. Under ACS3-HMAC-SHA256, host, every x-acs-* header
// (action, version, date, nonce, body hash) and, with a body, Content-Type must be
// signed; under the RPC signature, which covers parameters only, the action and version
// are the signed Action and Version parameters. A header that disagrees with a
// parameter, or a parameter given twice, is refused (InvalidParameter); an unsigned
// header that must be signed is IncompleteSignature.
//
// Requests are bounded in size and time, a panic in a handler becomes a 500
// InternalError answer, and every request is logged with log/slog.
package emulator
