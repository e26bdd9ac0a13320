// Package backend defines how eipassoc talks to an Alibaba Cloud account: a [Backend]
// composed of small interfaces, one for each group of API operations, in the domain
// types of packages eip, eni, modes and regions (never the SDK's pointer types), and an
// error model that keeps the cloud's error code, HTTP status and request ID.
//
// Two implementations ship with eipassoc: backend/fake, an in-memory account that
// behaves like the cloud, and backend/aliyun, on the official SDK. Package backendtest
// holds the conformance suite that both, and any other implementation, must pass.
//
// Every method takes a context first and returns an error that wraps one of the
// sentinels ([ErrNotFound], [ErrInvalidState], ...) inside an *[Error] carrying the
// Alibaba Cloud code, so callers can write
//
//	if errors.Is(err, backend.ErrNotFound) { ... }
//	if e, ok := errors.AsType[*backend.Error](err); ok && e.Code == "IncorrectEipStatus" { ... }
//
// The package has no dependencies beyond the standard library.
package backend
