// Package eipassoc knows Alibaba Cloud's rules for associating Elastic IP addresses
// (EIPs) with elastic network interfaces (ENIs), and answers "can this EIP be associated
// with this ENI in this mode?" with a [Decision]: a verdict, machine-readable
// [Violation]s with stable codes, and non-blocking [Advisories].
//
// Alibaba Cloud offers three association modes (package [modes]): NAT, cut-through
// (BINDED) and multi-EIP-to-ENI (MULTI_BINDED). They differ in which ENIs they target,
// how many EIPs an ENI carries, whether the ENI keeps its private network, which
// protocols work, in which regions they exist and what they need first. The API checks
// some of this and rejects the call; some of it only shows later as a silent
// misconfiguration. [CanAssociate] checks all of it before the call, with no I/O, and
// [CanAttach] does the same for attaching an ENI that carries EIPs to an ECS instance.
// [ConfigurationFee] applies the documentation's fee rules, and [CanUnassociate] and
// [CanRelease] the rules of the way back.
//
// # Partial knowledge
//
// A caller rarely knows everything: a Terraform plan knows an ENI's addresses only after
// apply, and the API never reports whether an instance's OS has DHCP. Mark such inputs
// in [Request.Unknown] (a set of [Fact]s) instead of guessing. A rule that needs an
// unknown fact is reported in [Decision.Undecided] with the facts that would decide it,
// and the [Verdict] is [Undecided] unless some rule is broken on the known facts alone
// ([Denied]). The rules are sound: a denial or an allow holds for every value of the
// unknown facts, and property tests check it.
//
// The domain types live in small packages with no dependencies beyond the standard
// library: [modes], [regions], [eni], [eip] and [ecs]. This package is pure too: it does
// no I/O and imports no backend.
//
// # Acting on an account
//
// A [github.com/eipassoc/eipassoc/client.Client] runs associations on an Alibaba Cloud
// account through a [github.com/eipassoc/eipassoc/backend.Backend] and checks before it
// acts: it reads the live state, decides, refuses with the [Decision] when the rules deny
// or cannot decide, and otherwise calls the API with a ClientToken, retries transient
// errors and waits for the final state. Backends: backend/aliyun (the official SDK), backend/fake (in memory, for
// tests), and the emulator package, which serves a fake account over the real RPC API.
// Package check runs the same rules on Terraform plans for CI ("eipassoc check").
//
// # Sources
//
// Each rule names its source: the product documentation "Associate an EIP with a
// secondary ENI" (last updated 2024-01-19; "doc:"), the API reference and its error
// codes ("api:"), or this library's own input validation. Where the documentation and
// the API's observed behaviour differ, both are modelled: [Request.Behaviour] chooses
// the documented rule (the default) or the observed one, and [regions.Info.Listing]
// keeps both sources' region lists.
//
// # Rules
//
// [CanAssociate], [CanAttach], [CanUnassociate] and [CanRelease] apply these rules.
// "Reads" lists the facts ([Fact]) a rule may read: when one it needs is marked
// unknown, the rule is undecided. The first group denies, the second
// only advises. [Rules] returns the same list with fixes.
//
//   - The request names an EIP: it has an allocation ID. Code eip-invalid; source: eipassoc: input
//     validation.
//   - The request names an ENI with an ID and a valid kind, and, to attach, its zone and VPC. Code
//     eni-invalid; source: eipassoc: input validation. Reads: target, private_ip, eni.placement,
//     eni.private_ip_count.
//   - The mode is NAT, BINDED or MULTI_BINDED. Code mode-invalid; source: api: AssociateEipAddress
//     parameter Mode. Reads: mode.
//   - Every region named is a known Alibaba Cloud region ID. Code region-unknown; source: api:
//     region list (ECS and VPC endpoint pages). Reads: eip.region, eni.region, instance.region.
//   - No resource is placed in a decommissioned region. Code region-closed; source: api: region
//     list (ECS and VPC endpoint pages). Reads: eip.region, eni.region, instance.region.
//   - The EIP and the ENI (or the ENI and the instance) are in the same region. Code
//     region-mismatch; source: doc: Prerequisites; api: AssociateEipAddress; api:
//     AttachNetworkInterface. Reads: eip.region, eni.region, instance.region.
//   - The mode is offered in the region. Code mode-region-unsupported; source: doc: Association
//     modes, Supported regions. Reads: mode, eni.region.
//   - The mode can target the ENI's kind (NAT: primary and secondary; cut-through and
//     multi-EIP-to-ENI: secondary only); only secondary ENIs are attached. Code
//     eni-kind-unsupported; source: doc: Association modes (comparison table), Types of ENIs.
//     Reads: mode.
//   - The ENI has room for one more EIP in the mode (primary ENI: 1 in NAT; secondary: one per
//     private IP in NAT, 1 in cut-through, 10 in multi-EIP-to-ENI). Code eni-capacity; source: doc:
//     Association modes (comparison table), maximum number of EIPs. Reads: mode,
//     eni.private_ip_count, eni.bound_eips.
//   - The private IP given belongs to the ENI. Code private-ip-not-on-eni; source: api:
//     AssociateEipAddress parameter PrivateIpAddress. Reads: private_ip, eni.private_ips.
//   - In NAT mode the private IP carries no EIP yet: one EIP per private IP. Code
//     private-ip-in-use; source: doc: Association modes (comparison table), NAT mode capacity.
//     Reads: mode, private_ip, eni.private_ips, eni.bound_eips.
//   - In cut-through mode the EIP maps to the ENI's primary private IP. Code
//     private-ip-not-primary; source: doc: Association modes (comparison table), cut-through
//     capacity note. Reads: mode, private_ip, eni.private_ips.
//   - In cut-through mode the ENI has no secondary private IPs. Code eni-has-secondary-ips; source:
//     api: AssociateEipAddress errors. Reads: mode, eni.private_ip_count.
//   - All EIPs on one ENI use the same mode. Code mode-conflict; source: api: AssociateEipAddress
//     errors. Reads: mode, eni.bound_eips.
//   - A secondary ENI is not attached to an ECS instance when an EIP is associated (documented for
//     every mode; the API enforces it for cut-through and accepts NAT on attached ENIs), nor when a
//     cut-through EIP is disassociated. Code eni-attached; source: doc: Prerequisites; api:
//     AssociateEipAddress errors. Reads: mode, eip.status, eni.status, eni.attachment.
//   - The ENI is in a VPC. Code eni-not-in-vpc; source: doc: Prerequisites. Reads: eni.placement.
//   - The ENI is in a status that allows the operation (associate: Available, or InUse when
//     attached; attach: Available). Code eni-status; source: api: AssociateEipAddress and api:
//     AttachNetworkInterface errors. Reads: eni.status, eni.attachment.
//   - The EIP is in the status the operation needs: Available (associated with nothing) to
//     associate, InUse to disassociate. Code eip-status; source: api: AssociateEipAddress errors.
//     Reads: eip.status.
//   - The EIP carries no security lock. Code eip-locked; source: api: AssociateEipAddress errors.
//     Reads: eip.status.
//   - The EIP is not locked for overdue payment. Code eip-financial-locked; source: api:
//     AssociateEipAddress errors. Reads: eip.status.
//   - Only a pay-as-you-go EIP is released through the API; a subscription EIP is released at the
//     end of its term. Code eip-prepaid-release; source: api: ReleaseEipAddress errors. Reads:
//     eip.charge_type.
//   - Multi-EIP-to-ENI mode is used only by allowlisted accounts; it accepts no new applications.
//     Code mode-not-allowlisted; source: doc: Associate EIPs with a secondary ENI in
//     multi-EIP-to-ENI mode; api: AssociateEipAddress errors. Reads: mode,
//     account.multi_binded_allowlist.
//   - The instance has an ID, an instance type, a zone and a VPC. Code instance-invalid; source:
//     eipassoc: input validation. Reads: instance.type, instance.placement.
//   - The instance has room for one more ENI (EniQuantity, the primary included). Code
//     instance-eni-quota; source: api: AttachNetworkInterface errors. Reads: instance.type,
//     instance.limits, instance.eni_count.
//   - The ENI holds no more private IPs than the instance type allows per ENI. Code
//     instance-private-ip-quota; source: api: AttachNetworkInterface errors. Reads:
//     eni.private_ip_count, instance.type, instance.limits.
//   - An ENI carrying multi-EIP-to-ENI EIPs is attached only to an instance of a listed family.
//     Code instance-family-unsupported; source: doc: Associate EIPs with a secondary ENI in
//     multi-EIP-to-ENI mode, instance families. Reads: eni.bound_eips, instance.type.
//   - An instance that takes an ENI with multi-EIP-to-ENI EIPs has DHCP enabled, or the mode does
//     not take effect. Code instance-dhcp-disabled; source: doc: Associate EIPs with a secondary
//     ENI in multi-EIP-to-ENI mode, DHCP. Reads: eni.bound_eips, instance.dhcp.
//   - The ENI and the instance are in the same zone. Code zone-mismatch; source: api:
//     AttachNetworkInterface. Reads: eni.placement, instance.placement.
//   - The ENI and the instance are in the same VPC. Code vpc-mismatch; source: api:
//     AttachNetworkInterface. Reads: eni.placement, instance.placement.
//   - Cut-through mode is marked not recommended. Code cut-through-not-recommended; source: doc:
//     Associate an EIP with a secondary ENI in cut-through mode.
//   - In cut-through mode the ENI's private network is unavailable. Code
//     cut-through-private-network-lost; source: doc: Association modes (comparison table), private
//     network.
//   - Releasing a subscription EIP from a cut-through ENI that is attached leaves the ENI without
//     private network until it is detached and attached again. Code
//     cut-through-subscription-release; source: doc: Associate an EIP with a secondary ENI in
//     cut-through mode, warning.
//   - Attaching a cut-through ENI adds a route through it with a lower priority than the primary
//     ENI's. Code cut-through-route-priority; source: doc: Associate an EIP with a secondary ENI in
//     cut-through mode, step 6.
//   - NAT mode does not carry protocols managed by NAT application layer gateways (H.323, SIP, DNS,
//     RTSP, TFTP). Code nat-no-alg-protocols; source: doc: Association modes (comparison table),
//     supported protocols.
//   - The ENI is attached: the documentation says to detach it first, but the API accepts NAT
//     associations on attached ENIs. Code nat-attached-eni; source: doc: Prerequisites; observed
//     API behaviour (API facts §6).
//   - A configuration fee applies to the EIP. Code configuration-fee; source: doc: FAQ,
//     configuration fee.
//   - Inbound traffic works at once; outbound traffic through a secondary ENI needs route changes
//     in the OS. Code outbound-needs-routes; source: doc: FAQ, additional configuration.
//   - Multi-EIP-to-ENI EIPs must be configured statically in the OS, and DHCP must be enabled on
//     the instance. Code multi-binded-static-config; source: doc: Associate EIPs with a secondary
//     ENI in multi-EIP-to-ENI mode.
//   - Multi-EIP-to-ENI mode accepts no new applications. Code multi-binded-closed; source: doc:
//     Associate EIPs with a secondary ENI in multi-EIP-to-ENI mode.
//   - The ENI can later be attached only to an instance of a listed family. Code
//     multi-binded-instance-family; source: doc: Associate EIPs with a secondary ENI in
//     multi-EIP-to-ENI mode, instance families.
//   - The region is closing down. Code region-closing; source: api: region list (ECS and VPC
//     endpoint pages).
//   - The product documentation and the API documentation disagree on whether the mode is offered
//     in the region. Code region-sources-disagree; source: doc: Association modes, Supported
//     regions; API documentation (2021).
//   - Some images do not configure a secondary ENI's address and routes by themselves. Code
//     secondary-eni-guest-config; source: doc: Associate an EIP with a secondary ENI in cut-through
//     mode, step 6.
//   - The instance type is retired. Code instance-type-retired; source: doc: ECS retired instance
//     types.
//   - A disassociated EIP stays allocated and keeps incurring retention costs until it is released.
//     Code eip-retention-cost; source: doc: EIP user guide, Disassociate an EIP from a cloud
//     resource.
//
// # Codes
//
// Codes are append-only: a code is never renamed, removed or given another meaning, so
// CI pipelines and tests can match on them. The API column lists the Alibaba Cloud error
// codes a violation predicts.
//
//	eip-invalid                        deny      MissingParameter, InvalidAllocationId.NotFound
//	eni-invalid                        deny      InvalidInstanId.NotFound
//	mode-invalid                       deny      IllegalParam.Mode
//	region-unknown                     deny      InvalidRegionId.NotFound
//	region-closed                      deny      Forbidden.RegionNotFound
//	region-mismatch                    deny      InvalidParameter.Mismatch,
//	                                             InvalidOperation.InvalidRegion
//	mode-region-unsupported            deny      -
//	eni-kind-unsupported               deny      Invalid.DirectEip.BindType,
//	                                             InvalidOperation.InvalidEniType
//	eni-capacity                       deny      InvalidEip.EipQuotaExceeded,
//	                                             QuotaExceed.MultiBindedEip,
//	                                             InvalidAssociation.Duplicated
//	private-ip-not-on-eni              deny      InvalidParameter
//	private-ip-in-use                  deny      InvalidAssociation.Duplicated
//	private-ip-not-primary             deny      InvalidParameter
//	eni-has-secondary-ips              deny      Eni.HasSubIp, OperationFailed.EniSubIp
//	mode-conflict                      deny      Mode.Conflict,
//	                                             OperationFailed.EipBindModeConflict
//	eni-attached                       deny      Eni.Attached
//	eni-not-in-vpc                     deny      OperationDenied
//	eni-status                         deny      InvalidStatus.EniStatusNotSupport,
//	                                             InvalidOperation.InvalidEniState
//	eip-status                         deny      IncorrectEipStatus, InvalidAssociation.Duplicated
//	eip-locked                         deny      InvalidEIPStatus.BizDisabled
//	eip-financial-locked               deny      Forbidden.FinancialLocked
//	eip-prepaid-release                deny      Forbidden.ChargeTypeIsPrepaid
//	mode-not-allowlisted               deny      Mode.NotSupport
//	instance-invalid                   deny      InvalidInstanceId.NotFound
//	instance-eni-quota                 deny      EniPerInstanceLimitExceeded
//	instance-private-ip-quota          deny      InvalidOperation.Ipv4CountExceeded
//	instance-family-unsupported        deny      OperationUnsupported.EipBindModel
//	instance-dhcp-disabled             deny      -
//	zone-mismatch                      deny      InvalidOperation.AvailabilityZoneMismatch
//	vpc-mismatch                       deny      InvalidOperation.VpcMismatch
//	cut-through-not-recommended        advisory  -
//	cut-through-private-network-lost   advisory  -
//	cut-through-subscription-release   advisory  -
//	cut-through-route-priority         advisory  -
//	nat-no-alg-protocols               advisory  -
//	nat-attached-eni                   advisory  -
//	configuration-fee                  advisory  -
//	outbound-needs-routes              advisory  -
//	multi-binded-static-config         advisory  -
//	multi-binded-closed                advisory  -
//	multi-binded-instance-family       advisory  -
//	region-closing                     advisory  -
//	region-sources-disagree            advisory  -
//	secondary-eni-guest-config         advisory  -
//	instance-type-retired              advisory  -
//	eip-retention-cost                 advisory  -
//
// Retired codes, which no rule reports any more (their rules now leave the question
// undecided, missing a fact): instance-limits-unknown, instance-dhcp-unknown and
// instance-private-ip-limit-unknown.
//
// Parse errors of the domain packages carry codes too: mode-invalid, eni-kind-invalid,
// eni-status-invalid, eip-status-invalid, eip-charge-type-invalid,
// eip-internet-charge-type-invalid, eip-lock-reason-invalid, eip-business-status-invalid,
// eip-instance-type-invalid, region-status-invalid, region-unknown, limits-invalid and
// behaviour-invalid.
package eipassoc

//go:generate go run ./internal/rulesdoc
