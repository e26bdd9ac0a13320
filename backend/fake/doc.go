// Package fake is an in-memory Alibaba Cloud account that implements
// [backend.Backend]: EIPs, ENIs, vSwitches and ECS instances, with the cloud's status
// machines, error codes and HTTP statuses, quotas, ClientToken idempotency and
// association rules. Use it instead of a real account in tests:
//
//	f := fake.NewBuilder(fake.Options{Seed: 1}).
//		VSwitch("vsw-1", "cn-hangzhou", "cn-hangzhou-h", "vpc-1", "192.168.0.0/24").
//		ENI("eni-1", "vsw-1", 2).
//		EIP("eip-1", "cn-hangzhou").
//		MustBuild()
//	err := f.AssociateEIP(ctx, backend.AssociateEIPInput{Region: "cn-hangzhou", EIP: "eip-1",
//		InstanceID: "eni-1", InstanceType: eip.NetworkInterface, Mode: modes.NAT})
//
// The fake enforces the cloud's limits with its own bookkeeping; it never calls
// eipassoc.CanAssociate, so tests can check that the two agree. Everything is
// deterministic for a given Options.Seed: IDs, public addresses, request IDs.
//
// # Status transitions
//
// By default transitions are immediate: AssociateEIP returns with the EIP InUse. With
// Options.TransitionDelay set, an EIP stays Associating (Unassociating, Releasing) and
// an ENI Attaching (Detaching, Deleting) until that much time has passed on
// Options.Clock; a [ManualClock] steps them in tests.
//
// # Test hooks
//
// [Backend.InjectFault] delays or fails an operation (an Alibaba Cloud code, any
// error, throttling after N calls); [Backend.Calls] records every call with its request
// ID; [Backend.Snapshot] and [Backend.Restore] save and reset the resources;
// [Backend.Seed] and [Builder] create a topology, [LoadTopology] reads one from JSON.
//
// # Differences from Alibaba Cloud
//
// The fake behaves like the cloud where the API facts say how the cloud behaves. Where
// they are silent, it chooses, and the choices are listed here (keep this list true):
//   - NAT-mode associations with attached secondary ENIs fail with Eni.Attached, as the
//     documentation's prerequisite says; with Options.Behaviour Observed they succeed,
//     as the API does in practice. Cut-through and multi-EIP-to-ENI associations with
//     attached ENIs always fail with Eni.Attached.
//   - A mode that the product documentation does not list for the region fails with
//     InvalidParameter; the cloud's code for this is not documented. A decommissioned
//     region fails with Forbidden.RegionNotFound.
//   - Trunk and member ENIs, and cut-through or multi-EIP-to-ENI on a primary ENI, fail
//     with Invalid.DirectEip.BindType; the documentation only names primary and
//     secondary ENIs.
//   - EcsInstance, NetworkInterface and IpAddress targets exist (an address of a VPC
//     with an IPv4 gateway, seeded); NAT gateways, CLB and HAVIP targets fail with
//     InvalidInstanceType.ValueNotSupported. UnassociateEipAddress undoes an IpAddress
//     association though its reference lists no such type.
//   - An ENI with IPv4 prefixes takes no cut-through EIP
//     (OperationFailed.IpPrefixConflict), and its secondary addresses and prefixes
//     together stay within the type's addresses per ENI less the primary one; member
//     ENIs attach and detach at once, and their instance type takes
//     EniTotalQuantity - EniQuantity of them.
//   - The codes of refusals the references describe but do not name (an IPv6 address
//     of a vSwitch without IPv6, too many IPv6 addresses, a vSwitch block in a VPC
//     without IPv6, a resource of another product that does not exist) are the fake's
//     own names, in the API's style.
//   - Deleting an ENI that carries EIPs, and unassigning an address that carries one,
//     fail with InvalidOperation.InvalidEniState; assigning secondary addresses to an
//     ENI with a cut-through EIP fails with OperationFailed.EniSubIp.
//   - Attaching an ENI with multi-EIP-to-ENI EIPs to an instance outside the listed
//     families fails with OperationUnsupported.EipBindModel; DHCP is not checked, since
//     the cloud cannot see it either.
//   - An association succeeds or fails at the call; it never fails later, during
//     Associating. Rate limits exist only as injected faults ([Throttle]).
//   - A ClientToken remembers successful calls only; a failed call can be retried with
//     the same token and runs again.
//   - Messages for codes whose message the API facts do not quote are descriptions,
//     not the cloud's words. Instance status is "Running" unless seeded otherwise and
//     never changes.
//   - Pages: DescribeEipAddresses pages by PageNumber/PageSize; DescribeNetworkInterfaces
//     returns NextToken as a decimal position.
package fake
