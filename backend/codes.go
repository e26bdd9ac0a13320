package backend

import "strings"

// CodeInfo describes an Alibaba Cloud error code: the HTTP status the service answers
// with, the sentinel it belongs to, whether a retry can help, and the service's message.
type CodeInfo struct {
	Code       string
	HTTPStatus int
	Kind       error
	Retryable  bool
	Message    string
}

// LookupCode returns what is known about an Alibaba Cloud error code. Codes starting
// with "Throttling" are throttling; other unknown codes are reported as HTTP 400
// invalid-parameter errors that are not retryable.
func LookupCode(code string) CodeInfo {
	if info, ok := codeIndex[code]; ok {
		return info
	}
	if strings.HasPrefix(code, "Throttling") {
		return CodeInfo{
			Code:       code,
			HTTPStatus: 400,
			Kind:       ErrThrottled,
			Retryable:  true,
			Message:    "Request was denied due to user flow control.",
		}
	}
	return CodeInfo{Code: code, HTTPStatus: 400, Kind: ErrInvalidParameter}
}

// IsKnownCode reports whether code is in the table of [KnownCodes].
func IsKnownCode(code string) bool {
	_, ok := codeIndex[code]
	return ok
}

// KnownCodes returns the table of error codes this package knows, in a fixed order.
func KnownCodes() []CodeInfo { return append([]CodeInfo(nil), knownCodes...) }

// The codes, statuses and messages are Alibaba Cloud's own (VPC 2016-04-28 and ECS
// 2014-05-26 error lists, as collected in the API facts §1.7 and §2.10), but for the one
// whose comment says it is the emulator's.
var knownCodes = []CodeInfo{
	// Common to all RPC APIs.
	{
		"Throttling",
		400,
		ErrThrottled,
		true,
		"You have made too many requests within a short time; your request is denied due to request throttling.",
	},
	{"Throttling.User", 400, ErrThrottled, true, "Request was denied due to user flow control."},
	{"Throttling.Api", 400, ErrThrottled, true, "Request was denied due to api flow control."},
	{
		"IdempotentParameterMismatch",
		400,
		ErrIdempotencyMismatch,
		false,
		"The request is retried with updated parameters.",
	},
	{
		"MissingParameter",
		400,
		ErrInvalidParameter,
		false,
		"The input parameter that is mandatory for processing this request is not supplied.",
	},
	{"InvalidParameter", 400, ErrInvalidParameter, false, "The specified parameter is not valid."},
	{"UnsupportedParameter", 400, ErrInvalidParameter, false, "The parameter is not supported."},
	{"IncompleteSignature", 400, ErrUnauthorized, false, "The request signature does not conform to Aliyun standards."},
	{
		"SignatureDoesNotMatch",
		400,
		ErrUnauthorized,
		false,
		"The request signature does not match the signature calculated by the server.",
	},
	{"SignatureNonceUsed", 400, ErrUnauthorized, false, "The request signature nonce has been used."},
	{"InvalidAccessKeyId.NotFound", 404, ErrUnauthorized, false, "Specified access key is not found."},
	{"InvalidTimeStamp.Expired", 400, ErrUnauthorized, false, "Specified time stamp or date value is expired."},
	{
		"Forbidden.RAM",
		403,
		ErrUnauthorized,
		false,
		"User not authorized to operate on the specified resource, or this API doesn't support RAM.",
	},
	{"Forbidden.SubUser", 403, ErrUnauthorized, false, "The specified action is not available for you."},
	{"InvalidAction", 403, ErrInvalidParameter, false, "Specified api is not found, please check your url and method."},
	// 404 as observed (API facts, common errors: the error table says 400).
	{
		"InvalidAction.NotFound",
		404,
		ErrInvalidParameter,
		false,
		"Specified api is not found, please check your url and method.",
	},
	{"LastTokenProcessing", 403, ErrConflict, true, "The last token request is processing."},
	{"OperationFailed.LastTokenProcessing", 400, ErrConflict, true, "The last token request is processing."},
	{"Rejected.Throttling", 400, ErrThrottled, true, "Request was denied due to flow control."},
	{"InvalidRegionId.NotFound", 404, ErrNotFound, false, "Specified value of RegionId is not supported."},
	{"OperationConflict", 409, ErrConflict, true, "Request was denied due to conflict with a previous request."},
	{"InternalError", 500, ErrInternal, true, "The request processing has failed due to some unknown error."},
	{"UnknownError", 400, ErrInternal, false, "The request processing has failed due to some unknown error."},
	{
		"ServiceUnavailable",
		503,
		ErrUnavailable,
		true,
		"The request has failed due to a temporary failure of the server.",
	},

	// VPC: EIP operations.
	{"InvalidAllocationId.NotFound", 404, ErrNotFound, false, "Specified allocation ID is not found"},
	{"InvalidInstanId.NotFound", 404, ErrNotFound, false, "Specified instance does not exist."},
	{"InvalidInstanceId.NotFound", 404, ErrNotFound, false, "Specified instance does not exist."},
	{"InvalidBindInstance.NotFound", 404, ErrNotFound, false, "The specified bind instance does not exist."},
	{
		"Forbidden.RegionNotFound",
		404,
		ErrNotFound,
		false,
		"Specified region is not found during access authentication.",
	},
	{
		"InvalidRegion.NotSupport",
		400,
		ErrInvalidParameter,
		false,
		"The specified region does not support this operation.",
	},
	{"InvalidAssociation.Duplicated", 400, ErrConflict, false, "Specified instance already is associated."},
	{"OperationDenied", 400, ErrInvalidState, false, "Specified instance is not in VPC."},
	{
		"InvalidParameter.Mismatch",
		400,
		ErrInvalidParameter,
		false,
		"Specified elastic IP address and ECS instance are not in the same region.",
	},
	{"IncorrectEipStatus", 400, ErrInvalidState, false, "Current elastic IP status does not support this operation."},
	{
		"IncorrectInstanceStatus",
		400,
		ErrInvalidState,
		false,
		"Current instance status does not support this operation.",
	},
	{
		"InvalidInstanceType.ValueNotSupported",
		400,
		ErrInvalidParameter,
		false,
		"The specified value of InstanceType is not supported.",
	},
	{"TaskConflict", 400, ErrConflict, true, "The eip operate too frequent, TaskConflict."},
	{"InvalidBindingStatus", 400, ErrInvalidState, false, "The eip binding status invalid."},
	{
		"Eni.Attached",
		400,
		ErrInvalidState,
		false,
		"The eni should be detached from ecs when associating with direct eip.",
	},
	{"Eni.HasSubIp", 400, ErrInvalidState, false, "Eni has sub ip can not bind direct eip."},
	{"OperationFailed.EniSubIp", 400, ErrInvalidState, false, "Eni has sub ip can not bind direct eip."},
	{"Invalid.DirectEip.BindType", 400, ErrInvalidParameter, false, "The direct eip can be only associated with eni."},
	{
		"InvalidStatus.EniStatusNotSupport",
		400,
		ErrInvalidState,
		false,
		"The status of the eni does not support this operation.",
	},
	{"InvalidParameter.EniInstanceId", 400, ErrInvalidParameter, false, "The specified eni instance id is invalid."},
	{"Mode.Conflict", 400, ErrConflict, false, "The eni can bind only one mode of eip."},
	{"Mode.NotSupport", 400, ErrUnauthorized, false, "The user cannot use multi direct eip."},
	{"QuotaExceed.MultiBindedEip", 400, ErrQuotaExceeded, false, "The number of multi binded eip is over limit."},
	{
		"InvalidEip.EipQuotaExceeded",
		400,
		ErrQuotaExceeded,
		false,
		"The specified eni assigned eip is more than privateIp.",
	},
	{
		"OperationUnsupported.EipBindModel",
		400,
		ErrInvalidState,
		false,
		"The instance type of ecs does not support MULTI_BINDED model Eip.",
	},
	{
		"OperationFailed.EipBindModeConflict",
		400,
		ErrConflict,
		false,
		"Eips can not bind Eni with NAT mode and MULTI_BINDED mode at the same time.",
	},
	{"IllegalParam.Mode", 400, ErrInvalidParameter, false, "The specified mode is invalid."},
	{"InvalidEIPStatus.BizDisabled", 400, ErrInvalidState, false, "The EIP has been locked."},
	{"Forbidden.FinancialLocked", 400, ErrInvalidState, false, "The ip business status is invalid."},
	{"OperationFailed.SystemBusy", 400, ErrUnavailable, true, "Operation failed because system is busy."},
	{"QuotaExceeded.Eip", 400, ErrQuotaExceeded, false, "Elastic IP address quota exceeded"},
	{"Forbidden.ChargeTypeIsPrepaid", 400, ErrInvalidState, false, "It's forbidden to release a prepaid EIP"},
	{"Forbbiden", 403, ErrUnauthorized, false, "User not authorized to operate on the specified resource."},

	// ECS: ENI operations.
	{"InvalidEniId.NotFound", 404, ErrNotFound, false, "The specified ENI does not exist."},
	{"InvalidEcsId.NotFound", 404, ErrNotFound, false, "The specified ECS instance does not exist."},
	{"InvalidVSwitchId.NotFound", 404, ErrNotFound, false, "The specified VSwitchId does not exist."},
	{
		"InvalidOperation.InvalidEniState",
		400,
		ErrInvalidState,
		false,
		"The operation is not allowed in the current ENI state.",
	},
	{
		"InvalidOperation.InvalidEcsState",
		400,
		ErrInvalidState,
		false,
		"The operation is not allowed in the current ECS state.",
	},
	{
		"InvalidOperation.DetachPrimaryEniNotAllowed",
		400,
		ErrInvalidParameter,
		false,
		"Detaching the primary ENI is not allowed.",
	},
	{
		"InvalidOperation.InvalidEniType",
		403,
		ErrInvalidParameter,
		false,
		"The operation is not allowed on this type of ENI.",
	},
	{
		"EniPerInstanceLimitExceeded",
		403,
		ErrQuotaExceeded,
		false,
		"The maximum number of ENIs per instance is exceeded.",
	},
	{
		"InvalidOperation.AvailabilityZoneMismatch",
		403,
		ErrInvalidParameter,
		false,
		"The ENI and the instance are not in the same zone.",
	},
	{
		"InvalidOperation.VpcMismatch",
		403,
		ErrInvalidParameter,
		false,
		"The ENI and the instance are not in the same VPC.",
	},
	{
		"InvalidOperation.Ipv4CountExceeded",
		403,
		ErrQuotaExceeded,
		false,
		"The number of private IPv4 addresses of the ENI exceeds the limit of the instance type.",
	},
	{
		"InvalidVSwitchId.IpNotEnough",
		403,
		ErrQuotaExceeded,
		false,
		"The specified VSwitch has not enough IP addresses.",
	},
	{
		"InvalidVSwitchId.IpInvalid",
		403,
		ErrInvalidParameter,
		false,
		"The specified IP address is not in the CIDR block of the VSwitch.",
	},
	// Not in the API references: the references document that a vSwitch reserves its
	// first and its last three addresses (VPC CreateDefaultVSwitch,
	// CheckCanAllocateVpcPrivateIpAddress, CreateVSwitchCidrReservation), not the code
	// the cloud refuses one with. This is the emulator's name for it, distinct from
	// InvalidVSwitchId.IpInvalid (an address outside the block).
	{
		"InvalidPrivateIpAddress.Reserved",
		400,
		ErrInvalidParameter,
		false,
		"The specified IP address is reserved by the system: a vSwitch reserves its first and its last three addresses.",
	},
	// IPv4 prefixes and IPv6 addresses of ENIs and vSwitches.
	{"OperationFailed.IpPrefixConflict", 400, ErrInvalidState, false, "The operation failed due to the IP prefix of the ENI."},
	// Not in the API references, which document the conditions (AssignIpv6Addresses: IPv6
	// enabled on the vSwitch, 10 addresses on an ENI that is not attached, the instance
	// type's quantity on one that is; CreateVSwitch Ipv6CidrBlock needs a VPC with IPv6)
	// but not the codes: these are the emulator's names for them.
	{"InvalidVSwitch.Ipv6NotTurnOn", 403, ErrInvalidState, false, "The specified vSwitch has no IPv6 block."},
	{
		"InvalidOperation.Ipv6CountExceeded",
		403,
		ErrQuotaExceeded,
		false,
		"The number of IPv6 addresses of the ENI exceeds the limit.",
	},
	{"OperationFailed.VpcNotEnableIpv6", 400, ErrInvalidState, false, "The VPC has no IPv6 block."},
	{"InvalidIpv6CidrBlock.InUse", 400, ErrConflict, false, "The IPv6 block is held by another VPC."},
	{"InvalidIp.IpRepeated", 403, ErrConflict, false, "The specified IP addresses are repeated."},
	{"InvalidPrivateIpAddress.Duplicated", 400, ErrConflict, false, "Specified private IP address is duplicated."},
	{"InvalidIp.IpAssigned", 403, ErrConflict, false, "The specified IP address is already assigned."},
	{"InvalidIp.IpUnassigned", 403, ErrInvalidParameter, false, "The specified IP address is not assigned to the ENI."},
	{"Operation.Conflict", 403, ErrConflict, true, "operations conflict. You need to try again."},
	{
		"InvalidOperation.InvalidRegion",
		400,
		ErrInvalidParameter,
		false,
		"The ENI and the instance are not in the same region.",
	},

	// Tags: VPC and ECS TagResources, UntagResources (VPC UnTagResources) and
	// ListTagResources, from the error tables of their API reference pages.
	{"InvalidTagKey", 400, ErrInvalidParameter, false, "The specified tag key is invalid."},
	{"InvalidTagValue", 400, ErrInvalidParameter, false, "The specified tag value is invalid."},
	{"SizeLimitExceeded.TagNum", 400, ErrQuotaExceeded, false, "The maximum number of tags is exceeded."},
	{
		"SizeLimitExceeded.ResourceId",
		400,
		ErrInvalidParameter,
		false,
		"The maximum number of resource IDs is exceeded.",
	},
	{"Forbidden.TagKey.Duplicated", 400, ErrInvalidParameter, false, "The specified tag key already exists."},
	{"InvalidTagKey.Malformed", 400, ErrInvalidParameter, false, "The specified Tag.n.Key is not valid."},
	{"InvalidTagValue.Malformed", 400, ErrInvalidParameter, false, "The specified Tag.n.Value is not valid."},
	{"NumberExceed.Tags", 400, ErrInvalidParameter, false, "The Tags parameter's number is exceed , Valid : 20"},
	{
		"NumberExceed.ResourceIds",
		400,
		ErrInvalidParameter,
		false,
		"The ResourceIds parameter's number is exceed , Valid : 50",
	},
	{"Duplicate.TagKey", 400, ErrInvalidParameter, false, "The Tag.N.Key contain duplicate key."},
	{
		"OperationDenied.QuotaExceed",
		400,
		ErrQuotaExceeded,
		false,
		"The quota of tags on resource is beyond permitted range.",
	},
	{"InvalidResourceId.NotFound", 404, ErrNotFound, false, "The specified ResourceIds are not found in our records."},
	{
		"InvalidResourceType.NotFound",
		404,
		ErrInvalidParameter,
		false,
		"The ResourceType provided does not exist in our records.",
	},
}

var codeIndex = func() map[string]CodeInfo {
	m := make(map[string]CodeInfo, len(knownCodes))
	for _, c := range knownCodes {
		m[c.Code] = c
	}
	return m
}()
