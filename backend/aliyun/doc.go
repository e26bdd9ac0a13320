// Package aliyun implements [backend.Backend] on Alibaba Cloud's official Go SDKs: VPC
// (2016-04-28, for EIPs) and ECS (2014-05-26, for ENIs and instances). It is the only
// package of eipassoc that imports them; nothing of the SDK's pointer-typed models leaves
// it.
//
// Credentials come from credentials-go's default chain (environment variables such as
// ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, the profile file, the
// ECS RAM role) unless Config gives an AccessKey pair or a credentials.Credential. Set
// Config.Endpoint to talk to a local emulator ("eipassoc serve") instead of the cloud.
//
// Errors: every *tea.SDKError is mapped onto a *backend.Error with the cloud's code,
// HTTP status, message and request ID, and the sentinel of its kind; transport failures
// become retryable backend.ErrUnavailable errors; context errors stay context errors.
// The ECS calls honour the context; the VPC SDK takes none, so the backend checks the
// context first and turns its deadline into the call's read timeout. Listing calls
// follow pagination. The backend never logs and never puts a secret into an error.
package aliyun
