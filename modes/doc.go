// Package modes describes the three ways Alibaba Cloud associates an Elastic IP address
// (EIP) with an elastic network interface (ENI): NAT mode, cut-through mode (API
// spelling BINDED) and multi-EIP-to-ENI mode (API spelling MULTI_BINDED).
//
// A [Mode] is a closed enum whose zero value is invalid, so a forgotten field never means
// NAT by accident, although NAT is the API's default. [Parse] accepts the API spellings
// and the names people use ("cut-through", "multi-EIP-to-ENI"), in any case.
//
// Where a request is decided, the zero Mode is refused: eipassoc.CanAssociate denies it
// (mode-invalid), and so do client.Client's Associate, Ensure and Preflight. Only one
// place takes it, the API call itself: backend.AssociateEIPInput sends no Mode for a
// zero Mode, because the API takes none for an ECS instance target and reads none as
// NAT for an ENI; the fake and the emulator answer such a call as the API does.
// eipassoc check reads an alicloud_eip_association without a mode the same way, since
// the provider then sends none.
//
// [Mode.Properties] answers what each mode does, exactly as the product documentation's
// comparison table ("Association modes") states it: whether the EIP shows in the guest OS,
// which ENI kinds it may target and how many EIPs each carries, whether the ENI keeps its
// private network, which protocols work, and what the mode needs before it works (a
// detached ENI, DHCP, an allowlisted account, an instance family from a fixed list).
//
// The package has no dependencies beyond the standard library and does no I/O.
package modes
