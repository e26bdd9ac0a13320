package backendtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// Run runs the conformance suite. newSetup is called once for each subtest; it may
// return a fresh account each time (as the fake does) or the same one (a real account:
// the suite deletes what it creates).
func Run(t *testing.T, newSetup func(t *testing.T) Setup) {
	tests := []struct {
		name string
		run  func(*h)
	}{
		{"EIPLifecycle", testEIPLifecycle},
		{"EIPQuota", testEIPQuota},
		{"ReleasePrepaid", testReleasePrepaid},
		{"UnknownResources", testUnknownResources},
		{"ENILifecycle", testENILifecycle},
		{"PrivateIPs", testPrivateIPs},
		{"AttachDetach", testAttachDetach},
		{"AssociateNAT", testAssociateNAT},
		{"AssociateNATErrors", testAssociateNATErrors},
		{"CutThrough", testCutThrough},
		{"MultiBinded", testMultiBinded},
		{"ModeConflict", testModeConflict},
		{"Unassociate", testUnassociate},
		{"Idempotency", testIdempotency},
		{"Pagination", testPagination},
		{"Instances", testInstances},
		{"VSwitches", testVSwitches},
		{"Context", testContext},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.run(newH(t, newSetup)) })
	}
}

func testEIPLifecycle(h *h) {
	a := h.allocate()
	if a.Status != eip.Available || a.ChargeType != eip.PostPaid || !a.Association.IsZero() {
		h.t.Fatalf("new EIP %+v", a)
	}
	if got := h.eip(a.ID); got.IP != a.IP || got.Status != eip.Available {
		h.t.Fatalf("DescribeEIPs gives %+v, want %+v", got, a)
	}
	h.ok(h.s.Backend.ReleaseEIP(h.ctx, backend.ReleaseEIPInput{Region: h.s.Region, EIP: a.ID}), "ReleaseEIP")
	h.waitEIP(a.ID, 0)
	err := h.s.Backend.ReleaseEIP(h.ctx, backend.ReleaseEIPInput{Region: h.s.Region, EIP: a.ID})
	h.wantCode(err, "InvalidAllocationId.NotFound", backend.ErrNotFound)
}

func testEIPQuota(h *h) {
	if h.s.EIPQuota <= 0 || h.s.EIPQuota > 30 {
		h.t.Skip("Setup.EIPQuota not set: the quota check would allocate the account's whole quota")
	}
	page, err := h.s.Backend.DescribeEIPs(h.ctx, backend.DescribeEIPsInput{Region: h.s.Region, PageSize: 100})
	h.ok(err, "DescribeEIPs")
	for range h.s.EIPQuota - page.TotalCount {
		h.allocate()
	}
	_, err = h.s.Backend.AllocateEIP(h.ctx, backend.AllocateEIPInput{Region: h.s.Region})
	h.wantCode(err, "QuotaExceeded.Eip", backend.ErrQuotaExceeded)
}

func testReleasePrepaid(h *h) {
	if !h.s.Prepaid {
		h.t.Skip("Setup.Prepaid not set: subscription EIPs cost money")
	}
	a := h.allocateWith(backend.AllocateEIPInput{Region: h.s.Region, ChargeType: eip.PrePaid})
	err := h.s.Backend.ReleaseEIP(h.ctx, backend.ReleaseEIPInput{Region: h.s.Region, EIP: a.ID})
	h.wantCode(err, "Forbidden.ChargeTypeIsPrepaid", backend.ErrInvalidState)
}

func testUnknownResources(h *h) {
	b, r := h.s.Backend, h.s.Region
	h.wantCode(
		b.AssociateEIP(
			h.ctx,
			backend.AssociateEIPInput{
				Region:       r,
				EIP:          "eip-doesnotexist",
				InstanceID:   "eni-x",
				InstanceType: eip.NetworkInterface,
			},
		),
		"InvalidAllocationId.NotFound",
		backend.ErrNotFound,
	)
	a := h.allocate()
	h.wantCode(
		b.AssociateEIP(
			h.ctx,
			backend.AssociateEIPInput{
				Region:       r,
				EIP:          a.ID,
				InstanceID:   "eni-doesnotexist",
				InstanceType: eip.NetworkInterface,
			},
		),
		"InvalidInstanId.NotFound",
		backend.ErrNotFound,
	)
	h.wantCode(
		b.DeleteENI(h.ctx, backend.DeleteENIInput{Region: r, ENI: "eni-doesnotexist"}),
		"InvalidEniId.NotFound",
		backend.ErrNotFound,
	)
	_, err := b.CreateENI(h.ctx, backend.CreateENIInput{Region: r, VSwitch: "vsw-doesnotexist"})
	h.wantCode(err, "InvalidVSwitchId.NotFound", backend.ErrNotFound)
	_, err = b.DescribeEIPs(h.ctx, backend.DescribeEIPsInput{Region: "mars-north-1"})
	h.wantCode(err, "InvalidRegionId.NotFound", backend.ErrNotFound)
	_, err = b.DescribeEIPs(h.ctx, backend.DescribeEIPsInput{})
	h.wantCode(err, "MissingParameter", backend.ErrInvalidParameter)
}

func testENILifecycle(h *h) {
	n := h.createENI(3)
	got := h.eni(n.ID)
	if got.PrimaryIP != n.PrimaryIP || !slices.Equal(got.SecondaryIPs, n.SecondaryIPs) || got.VPC == "" ||
		got.Zone == "" {
		h.t.Fatalf("DescribeENIs gives %+v, want %+v", got, n)
	}
	_, err := h.s.Backend.CreateENI(
		h.ctx,
		backend.CreateENIInput{Region: h.s.Region, VSwitch: h.s.VSwitch, PrimaryIP: n.PrimaryIP},
	)
	h.wantCode(err, "InvalidPrivateIpAddress.Duplicated", backend.ErrConflict)
	_, err = h.s.Backend.CreateENI(
		h.ctx,
		backend.CreateENIInput{Region: h.s.Region, VSwitch: h.s.VSwitch, PrimaryIP: h.s.foreign()},
	)
	h.wantCode(err, "InvalidVSwitchId.IpInvalid", backend.ErrInvalidParameter)
	_, err = h.s.Backend.CreateENI(
		h.ctx,
		backend.CreateENIInput{Region: h.s.Region, VSwitch: h.s.VSwitch, SecondaryIPCount: 50},
	)
	h.wantCode(err, "InvalidParameter", backend.ErrInvalidParameter)
	h.ok(h.s.Backend.DeleteENI(h.ctx, backend.DeleteENIInput{Region: h.s.Region, ENI: n.ID}), "DeleteENI")
	h.waitENI(n.ID, 0)
}

func testPrivateIPs(h *h) {
	n := h.createENI(1)
	added, err := h.s.Backend.AssignPrivateIPs(
		h.ctx,
		backend.AssignPrivateIPsInput{Region: h.s.Region, ENI: n.ID, Count: 2},
	)
	h.ok(err, "AssignPrivateIPs")
	if len(added) != 2 || h.eni(n.ID).PrivateIPCount() != 3 {
		h.t.Fatalf("assigned %v; ENI now %+v", added, h.eni(n.ID))
	}
	_, err = h.s.Backend.AssignPrivateIPs(
		h.ctx,
		backend.AssignPrivateIPsInput{Region: h.s.Region, ENI: n.ID, IPs: added[:1]},
	)
	h.wantCode(err, "InvalidIp.IpAssigned", backend.ErrConflict)
	_, err = h.s.Backend.AssignPrivateIPs(
		h.ctx,
		backend.AssignPrivateIPsInput{Region: h.s.Region, ENI: n.ID, Count: eni.MaxUnattachedSecondaryIPs},
	)
	h.wantCode(err, "InvalidOperation.Ipv4CountExceeded", backend.ErrQuotaExceeded)
	h.ok(
		h.s.Backend.UnassignPrivateIPs(
			h.ctx,
			backend.UnassignPrivateIPsInput{Region: h.s.Region, ENI: n.ID, IPs: added[:1]},
		),
		"UnassignPrivateIPs",
	)
	if got := h.eni(n.ID); got.PrivateIPCount() != 2 || got.HasPrivateIP(added[0]) {
		h.t.Fatalf("after UnassignPrivateIPs, ENI is %+v", got)
	}
	err = h.s.Backend.UnassignPrivateIPs(
		h.ctx,
		backend.UnassignPrivateIPsInput{Region: h.s.Region, ENI: n.ID, IPs: added[:1]},
	)
	h.wantCode(err, "InvalidIp.IpUnassigned", backend.ErrInvalidParameter)
}

func testAttachDetach(h *h) {
	n := h.createENI(2)
	h.attach(n.ID)
	inst, err := h.s.Backend.DescribeInstance(
		h.ctx,
		backend.DescribeInstanceInput{Region: h.s.Region, Instance: h.s.Instance},
	)
	h.ok(err, "DescribeInstance")
	if !slices.Contains(inst.ENIs, n.ID) || len(inst.ENIs) < 2 {
		h.t.Fatalf("instance ENIs %v lack %s", inst.ENIs, n.ID)
	}
	err = h.s.Backend.AttachENI(h.ctx, backend.AttachENIInput{Region: h.s.Region, ENI: n.ID, Instance: h.s.Instance})
	h.wantCode(err, "InvalidOperation.InvalidEniState", backend.ErrInvalidState)
	h.wantCode(
		h.s.Backend.DeleteENI(h.ctx, backend.DeleteENIInput{Region: h.s.Region, ENI: n.ID}),
		"InvalidOperation.InvalidEniState",
		backend.ErrInvalidState,
	)
	err = h.s.Backend.DetachENI(
		h.ctx,
		backend.DetachENIInput{Region: h.s.Region, ENI: inst.ENIs[0], Instance: h.s.Instance},
	)
	h.wantCode(err, "InvalidOperation.DetachPrimaryEniNotAllowed", backend.ErrInvalidParameter)
	h.ok(
		h.s.Backend.DetachENI(h.ctx, backend.DetachENIInput{Region: h.s.Region, ENI: n.ID, Instance: h.s.Instance}),
		"DetachENI",
	)
	if got := h.waitENI(n.ID, eni.Available); got.Instance != "" {
		h.t.Fatalf("after DetachENI, ENI is on %q", got.Instance)
	}
}

func testAssociateNAT(h *h) {
	n := h.createENI(2)
	a1, a2 := h.allocate(), h.allocate()
	h.associate(a1.ID, n.ID, modes.NAT, netip.Addr{})
	if got := h.eip(a1.ID).Association.PrivateIP; got.IsValid() && got != n.PrimaryIP {
		h.t.Fatalf("NAT EIP without PrivateIP maps to %v, want the primary %v", got, n.PrimaryIP)
	}
	h.associate(a2.ID, n.ID, modes.NAT, n.SecondaryIPs[0])
	page, err := h.s.Backend.DescribeEIPs(
		h.ctx,
		backend.DescribeEIPsInput{
			Region:                 h.s.Region,
			AssociatedInstanceID:   string(n.ID),
			AssociatedInstanceType: eip.NetworkInterface,
		},
	)
	h.ok(err, "DescribeEIPs")
	if page.TotalCount != 2 || len(page.EIPs) != 2 {
		h.t.Fatalf("DescribeEIPs by ENI found %d EIPs, want 2", page.TotalCount)
	}
	a3 := h.allocate()
	h.wantCode(
		h.assoc(a3.ID, n.ID, modes.NAT, n.SecondaryIPs[0]),
		"InvalidEip.EipQuotaExceeded",
		backend.ErrQuotaExceeded,
	)
	h.wantCode(h.assoc(a1.ID, n.ID, modes.NAT, netip.Addr{}), "IncorrectEipStatus", backend.ErrInvalidState)
}

func testAssociateNATErrors(h *h) {
	n := h.createENI(2)
	a1, a2 := h.allocate(), h.allocate()
	h.associate(a1.ID, n.ID, modes.NAT, n.SecondaryIPs[0])
	h.wantCode(h.assoc(a2.ID, n.ID, modes.NAT, n.SecondaryIPs[0]), "InvalidAssociation.Duplicated", backend.ErrConflict)
	h.wantCode(h.assoc(a2.ID, n.ID, modes.NAT, h.s.foreign()), "InvalidParameter", backend.ErrInvalidParameter)
	h.wantCode(h.assoc(a2.ID, n.ID, modes.Mode(9), netip.Addr{}), "IllegalParam.Mode", backend.ErrInvalidParameter)
}

func testCutThrough(h *h) {
	if !h.modeOffered(modes.Binded) {
		h.t.Skipf("region %s does not offer cut-through mode", h.s.Region)
	}
	n := h.createENI(1)
	a1, a2 := h.allocate(), h.allocate()
	h.associate(a1.ID, n.ID, modes.Binded, netip.Addr{})
	h.wantCode(h.assoc(a2.ID, n.ID, modes.Binded, netip.Addr{}), "InvalidAssociation.Duplicated", backend.ErrConflict)
	withSub := h.createENI(2)
	h.wantCode(h.assoc(a2.ID, withSub.ID, modes.Binded, netip.Addr{}), "Eni.HasSubIp", backend.ErrInvalidState)
	attached := h.createENI(1)
	h.attach(attached.ID)
	h.wantCode(h.assoc(a2.ID, attached.ID, modes.Binded, netip.Addr{}), "Eni.Attached", backend.ErrInvalidState)
}

func testMultiBinded(h *h) {
	if !h.modeOffered(modes.MultiBinded) {
		h.t.Skipf("region %s does not offer multi-EIP-to-ENI mode", h.s.Region)
	}
	n := h.createENI(1)
	if !h.s.MultiBindedAllowed {
		a := h.allocate()
		h.wantCode(h.assoc(a.ID, n.ID, modes.MultiBinded, netip.Addr{}), "Mode.NotSupport", backend.ErrUnauthorized)
		return
	}
	for range 10 {
		a := h.allocate()
		h.associate(a.ID, n.ID, modes.MultiBinded, netip.Addr{})
	}
	extra := h.allocate()
	h.wantCode(
		h.assoc(extra.ID, n.ID, modes.MultiBinded, netip.Addr{}),
		"QuotaExceed.MultiBindedEip",
		backend.ErrQuotaExceeded,
	)
	infos, err := h.s.Backend.DescribeEIPGatewayInfo(
		h.ctx,
		backend.DescribeEIPGatewayInfoInput{Region: h.s.Region, ENI: n.ID},
	)
	h.ok(err, "DescribeEIPGatewayInfo")
	if len(infos) != 10 {
		h.t.Fatalf("DescribeEIPGatewayInfo gave %d entries, want 10", len(infos))
	}
	for _, gi := range infos {
		if !gi.IP.IsValid() || !gi.Gateway.IsValid() || !gi.Mask.IsValid() {
			h.t.Fatalf("gateway info %+v", gi)
		}
	}
}

func testModeConflict(h *h) {
	n := h.createENI(2)
	a1, a2 := h.allocate(), h.allocate()
	h.associate(a1.ID, n.ID, modes.NAT, netip.Addr{})
	if h.modeOffered(modes.Binded) {
		h.wantCode(h.assoc(a2.ID, n.ID, modes.Binded, netip.Addr{}), "Mode.Conflict", backend.ErrConflict)
	}
	if h.modeOffered(modes.MultiBinded) && h.s.MultiBindedAllowed {
		h.wantCode(
			h.assoc(a2.ID, n.ID, modes.MultiBinded, netip.Addr{}),
			"OperationFailed.EipBindModeConflict",
			backend.ErrConflict,
		)
	}
}

func testUnassociate(h *h) {
	n := h.createENI(1)
	a := h.allocate()
	h.associate(a.ID, n.ID, modes.NAT, netip.Addr{})
	err := h.s.Backend.UnassociateEIP(
		h.ctx,
		backend.UnassociateEIPInput{Region: h.s.Region, EIP: a.ID, InstanceID: "eni-other"},
	)
	h.wantCode(err, "InvalidBindInstance.NotFound", backend.ErrNotFound)
	h.ok(
		h.s.Backend.UnassociateEIP(
			h.ctx,
			backend.UnassociateEIPInput{
				Region:       h.s.Region,
				EIP:          a.ID,
				InstanceID:   string(n.ID),
				InstanceType: eip.NetworkInterface,
			},
		),
		"UnassociateEIP",
	)
	if got := h.waitEIP(a.ID, eip.Available); !got.Association.IsZero() {
		h.t.Fatalf("after UnassociateEIP, association is %+v", got.Association)
	}
	err = h.s.Backend.UnassociateEIP(h.ctx, backend.UnassociateEIPInput{Region: h.s.Region, EIP: a.ID})
	h.wantCode(err, "IncorrectEipStatus", backend.ErrInvalidState)
}

func testIdempotency(h *h) {
	in := backend.AllocateEIPInput{Region: h.s.Region, ClientToken: token("allocate", h.t.Name())}
	first := h.allocateWith(in)
	second, err := h.s.Backend.AllocateEIP(h.ctx, in)
	h.ok(err, "AllocateEIP again with the same token")
	if second.ID != first.ID {
		h.t.Fatalf("same ClientToken gave EIPs %s and %s", first.ID, second.ID)
	}
	in.Bandwidth = 7
	_, err = h.s.Backend.AllocateEIP(h.ctx, in)
	h.wantCode(err, "IdempotentParameterMismatch", backend.ErrIdempotencyMismatch)

	n := h.createENI(1)
	assoc := backend.AssociateEIPInput{
		Region:       h.s.Region,
		EIP:          first.ID,
		InstanceID:   string(n.ID),
		InstanceType: eip.NetworkInterface,
		Mode:         modes.NAT,
		ClientToken:  token("associate", h.t.Name()),
	}
	h.ok(h.s.Backend.AssociateEIP(h.ctx, assoc), "AssociateEIP")
	h.waitEIP(first.ID, eip.InUse)
	h.ok(h.s.Backend.AssociateEIP(h.ctx, assoc), "AssociateEIP retried with the same token")
}

func testPagination(h *h) {
	for range 3 {
		h.allocate()
	}
	page1, err := h.s.Backend.DescribeEIPs(h.ctx, backend.DescribeEIPsInput{Region: h.s.Region, PageSize: 2})
	h.ok(err, "DescribeEIPs page 1")
	page2, err := h.s.Backend.DescribeEIPs(
		h.ctx,
		backend.DescribeEIPsInput{Region: h.s.Region, PageSize: 2, PageNumber: 2},
	)
	h.ok(err, "DescribeEIPs page 2")
	if page1.TotalCount < 3 || len(page1.EIPs) != 2 || len(page2.EIPs) < 1 || page1.EIPs[0].ID == page2.EIPs[0].ID {
		h.t.Fatalf("pages: %+v / %+v", page1, page2)
	}
	_, err = h.s.Backend.DescribeEIPs(h.ctx, backend.DescribeEIPsInput{Region: h.s.Region, PageSize: 101})
	h.wantCode(err, "InvalidParameter", backend.ErrInvalidParameter)

	var want []eni.ID
	for range 11 {
		want = append(want, h.createENI(1).ID)
	}
	var got []eni.ID
	token := ""
	for pages := 0; ; pages++ {
		page, err := h.s.Backend.DescribeENIs(
			h.ctx,
			backend.DescribeENIsInput{
				Region:     h.s.Region,
				VSwitch:    h.s.VSwitch,
				Kind:       eni.Secondary,
				MaxResults: 10,
				NextToken:  token,
			},
		)
		h.ok(err, "DescribeENIs")
		for _, n := range page.ENIs {
			got = append(got, n.ID)
		}
		if token = page.NextToken; token == "" {
			break
		}
		if pages > 100 {
			h.t.Fatal("DescribeENIs never ends")
		}
	}
	for _, id := range want {
		if !slices.Contains(got, id) {
			h.t.Fatalf("paged listing lacks %s", id)
		}
	}
}

func testInstances(h *h) {
	inst, err := h.s.Backend.DescribeInstance(
		h.ctx,
		backend.DescribeInstanceInput{Region: h.s.Region, Instance: h.s.Instance},
	)
	h.ok(err, "DescribeInstance")
	if inst.ID != h.s.Instance || inst.Type == "" || inst.Zone == "" || inst.VPC == "" || len(inst.ENIs) == 0 {
		h.t.Fatalf("DescribeInstance gave %+v", inst)
	}
	_, err = h.s.Backend.DescribeInstance(
		h.ctx,
		backend.DescribeInstanceInput{Region: h.s.Region, Instance: "i-doesnotexist"},
	)
	h.wantCode(err, "InvalidInstanceId.NotFound", backend.ErrNotFound)
	types, err := h.s.Backend.DescribeInstanceTypes(
		h.ctx,
		backend.DescribeInstanceTypesInput{Types: []string{"ecs.g7.large", "ecs.doesnotexist.large"}},
	)
	h.ok(err, "DescribeInstanceTypes")
	if len(types) != 1 || types[0].Type != "ecs.g7.large" || types[0].Limits.ENIs != 3 ||
		types[0].Limits.PrivateIPsPerENI != 6 {
		h.t.Fatalf("DescribeInstanceTypes gave %+v", types)
	}
}

// testVSwitches: the setup's vSwitch is read with its zone and VPC, which are the
// instance's (the setup puts it there); an ID the region does not have is left out.
func testVSwitches(h *h) {
	inst, err := h.s.Backend.DescribeInstance(
		h.ctx,
		backend.DescribeInstanceInput{Region: h.s.Region, Instance: h.s.Instance},
	)
	h.ok(err, "DescribeInstance")
	got, err := h.s.Backend.DescribeVSwitches(
		h.ctx,
		backend.DescribeVSwitchesInput{Region: h.s.Region, IDs: []string{"vsw-doesnotexist", h.s.VSwitch, h.s.VSwitch}},
	)
	h.ok(err, "DescribeVSwitches")
	if len(got) != 1 || got[0].ID != h.s.VSwitch || got[0].Region != h.s.Region || got[0].Zone != inst.Zone ||
		got[0].VPC != inst.VPC || !got[0].CIDR.IsValid() {
		h.t.Fatalf("DescribeVSwitches of %s (instance in %s, %s) gave %+v", h.s.VSwitch, inst.Zone, inst.VPC, got)
	}
	none, err := h.s.Backend.DescribeVSwitches(h.ctx, backend.DescribeVSwitchesInput{Region: h.s.Region})
	h.ok(err, "DescribeVSwitches of no IDs")
	if len(none) != 0 {
		h.t.Fatalf("DescribeVSwitches of no IDs gave %+v", none)
	}
}

func testContext(h *h) {
	ctx, cancel := context.WithCancel(h.ctx)
	cancel()
	_, err := h.s.Backend.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: h.s.Region})
	if !errors.Is(err, context.Canceled) {
		h.t.Fatalf("DescribeEIPs with a canceled context: %v", err)
	}
}

// token returns a ClientToken that is unique to the test and the call, within the
// cloud's 64 ASCII characters.
func token(call, test string) string {
	sum := sha256.Sum256([]byte(test + "/" + call + "/" + time.Now().String()))
	return "conformance-" + hex.EncodeToString(sum[:16])
}
