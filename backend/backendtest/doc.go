// Package backendtest is the conformance suite for [backend.Backend] implementations:
// [Run] drives every operation through its success path and its documented error codes
// and checks the results, the status transitions, the error metadata (code, HTTP
// status, request ID, sentinel) and ClientToken idempotency.
//
// It runs on backend/fake in every "go test", and on backend/aliyun against the local
// emulator; users can run it on their own implementations:
//
//	func TestMyBackend(t *testing.T) {
//		backendtest.Run(t, func(t *testing.T) backendtest.Setup {
//			return backendtest.Setup{Backend: newMyBackend(t), Region: "cn-shanghai", VSwitch: "vsw-1", Instance: "i-1"}
//		})
//	}
package backendtest
