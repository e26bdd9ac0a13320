package emulator

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"maps"
	"net/netip"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

func eniID(s string) eni.ID { return eni.ID(s) }

type privateIPJSON struct {
	Primary            bool   `json:"Primary"`
	PrivateIPAddress   string `json:"PrivateIpAddress"`
	AssociatedPublicIP *struct {
		AllocationID    string `json:"AllocationId"`
		PublicIPAddress string `json:"PublicIpAddress"`
	} `json:"AssociatedPublicIp,omitempty"`
}

// eniJSON is one ENI as CreateNetworkInterface and DescribeNetworkInterfaces show it.
type eniJSON struct {
	NetworkInterfaceID string `json:"NetworkInterfaceId"`
	Status             string `json:"Status"`
	Type               string `json:"Type"`
	InstanceID         string `json:"InstanceId"`
	VpcID              string `json:"VpcId"`
	VSwitchID          string `json:"VSwitchId"`
	ZoneID             string `json:"ZoneId"`
	PrivateIPAddress   string `json:"PrivateIpAddress"`
	PrivateIPSets      struct {
		PrivateIPSet []privateIPJSON `json:"PrivateIpSet"`
	} `json:"PrivateIpSets"`
	Attachment           *attachmentJSON `json:"Attachment,omitempty"`
	NetworkInterfaceName string          `json:"NetworkInterfaceName"`
	Description          string          `json:"Description"`
	MacAddress           string          `json:"MacAddress"`
	SecurityGroupIDs     struct {
		SecurityGroupID []string `json:"SecurityGroupId"`
	} `json:"SecurityGroupIds"`
	// The provider reads these sets without checking that they are there: they are
	// always given, empty for an ENI without IPv6 addresses or IPv4 prefixes.
	Ipv6Sets struct {
		Ipv6Set []ipv6SetJSON `json:"Ipv6Set"`
	} `json:"Ipv6Sets"`
	Ipv4PrefixSets struct {
		Ipv4PrefixSet []ipv4PrefixSetJSON `json:"Ipv4PrefixSet"`
	} `json:"Ipv4PrefixSets"`
	Tags            ecsTags `json:"Tags"`
	ResourceGroupID string  `json:"ResourceGroupId"`
	// What keptENIOptions kept, or the cloud's defaults.
	DeleteOnRelease             bool
	SourceDestCheck             bool
	NetworkInterfaceTrafficMode string
	QueueNumber                 int
	QueuePairNumber             int
}

// An ipv6SetJSON is one IPv6 address of an ENI.
type ipv6SetJSON struct {
	Ipv6Address string
}

// An ipv4PrefixSetJSON is one IPv4 prefix of an ENI.
type ipv4PrefixSetJSON struct {
	Ipv4Prefix string
}

// keptENIOptions are the CreateNetworkInterface and ModifyNetworkInterfaceAttribute
// parameters kept and given back as sent (fake.Backend.SetENIOptions), with the values
// the ECS API reference allows (nil: any).
var keptENIOptions = map[string][]string{
	"DeleteOnRelease":             {"true", "false"},
	"SourceDestCheck":             {"true", "false"},
	"NetworkInterfaceTrafficMode": {"Standard"}, // HighPerformance (RDMA) needs a type the catalog lacks
	"QueueNumber":                 nil,
	"ResourceGroupId":             nil,
}

// eniOptions reads the keptENIOptions a call sets.
func eniOptions(p *params) (map[string]string, error) {
	out, err := p.terms(keptENIOptions)
	if err != nil {
		return nil, err
	}
	if v, ok := out["QueueNumber"]; ok {
		if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 64 {
			return nil, p.badParam("QueueNumber", "a whole number of queues, 1 to 64")
		}
	}
	return out, nil
}

// withOptions sets on j what SetENIOptions kept, or the defaults.
func (j *eniJSON) withOptions(o map[string]string) {
	j.DeleteOnRelease = o["DeleteOnRelease"] != "false"
	j.SourceDestCheck = o["SourceDestCheck"] == "true"
	j.NetworkInterfaceTrafficMode = cmp.Or(o["NetworkInterfaceTrafficMode"], "Standard")
	j.QueueNumber, _ = strconv.Atoi(cmp.Or(o["QueueNumber"], "1"))
	j.QueuePairNumber, _ = strconv.Atoi(o["QueuePairNumber"])
	j.ResourceGroupID = o["ResourceGroupId"]
}

// An attachmentJSON is the instance an ENI is attached to, on network card 0, and the
// trunk ENI of a member ENI.
type attachmentJSON struct {
	InstanceID       string `json:"InstanceId"`
	NetworkCardIndex int
	// TrunkNetworkInterfaceID is the trunk ENI of a member ENI.
	TrunkNetworkInterfaceID string `json:"TrunkNetworkInterfaceId,omitempty"`
}

// macOf derives a stable, locally administered MAC address from an ENI ID.
func macOf(id eni.ID) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	v := h.Sum32()
	return fmt.Sprintf("00:16:3e:%02x:%02x:%02x", byte(v>>16), byte(v>>8), byte(v))
}

func toENIJSON(n eni.Interface, public map[netip.Addr]eip.Address) eniJSON {
	j := eniJSON{
		NetworkInterfaceID: string(n.ID), Status: n.Status.String(), Type: n.Kind.String(), InstanceID: n.Instance,
		VpcID: n.VPC, VSwitchID: n.VSwitch, ZoneID: n.Zone, PrivateIPAddress: n.PrimaryIP.String(),
	}
	j.PrivateIPSets.PrivateIPSet = []privateIPJSON{}
	j.NetworkInterfaceName, j.Description, j.MacAddress = n.Name, n.Description, macOf(n.ID)
	j.SecurityGroupIDs.SecurityGroupID = append([]string{}, n.SecurityGroups...)
	j.Ipv6Sets.Ipv6Set, j.Ipv4PrefixSets.Ipv4PrefixSet, j.Tags.Tag = []ipv6SetJSON{}, []ipv4PrefixSetJSON{}, []ecsTagJSON{}
	for _, a := range n.IPv6 {
		j.Ipv6Sets.Ipv6Set = append(j.Ipv6Sets.Ipv6Set, ipv6SetJSON{a.String()})
	}
	for _, p := range n.IPv4Prefixes {
		j.Ipv4PrefixSets.Ipv4PrefixSet = append(j.Ipv4PrefixSets.Ipv4PrefixSet, ipv4PrefixSetJSON{p.String()})
	}
	for i, a := range n.PrivateIPs() {
		set := privateIPJSON{Primary: i == 0, PrivateIPAddress: a.String()}
		e, ok := public[a]
		if !ok && i == 0 {
			e, ok = public[netip.Addr{}]
		}
		if ok {
			set.AssociatedPublicIP = &struct {
				AllocationID    string `json:"AllocationId"`
				PublicIPAddress string `json:"PublicIpAddress"`
			}{string(e.ID), e.IP.String()}
		}
		j.PrivateIPSets.PrivateIPSet = append(j.PrivateIPSets.PrivateIPSet, set)
	}
	if n.Instance != "" {
		j.Attachment = &attachmentJSON{InstanceID: n.Instance, TrunkNetworkInterfaceID: string(n.Trunk)}
	}
	return j
}

func (s *Server) createENI(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	tags, err := createTags(backend.ECS, p)
	if err != nil {
		return nil, err
	}
	in := backend.CreateENIInput{
		Region:      r,
		Name:        p.str("NetworkInterfaceName"),
		Description: p.str("Description"),
		ClientToken: p.str("ClientToken"),
	}
	if in.SecurityGroups, err = p.list("SecurityGroupIds", 10); err != nil {
		return nil, err
	}
	if one := p.str("SecurityGroupId"); one != "" {
		if len(in.SecurityGroups) > 0 {
			return nil, p.badParam("SecurityGroupId", "give SecurityGroupId or SecurityGroupIds.N, not both")
		}
		in.SecurityGroups = []string{one}
	}
	if in.VSwitch, err = p.required("VSwitchId"); err != nil {
		return nil, err
	}
	if in.PrimaryIP, err = p.addr("PrimaryIpAddress"); err != nil {
		return nil, err
	}
	if in.SecondaryIPs, err = p.addrs("PrivateIpAddress", 10); err != nil {
		return nil, err
	}
	if in.SecondaryIPCount, err = p.integer("SecondaryPrivateIpAddressCount"); err != nil {
		return nil, err
	}
	if in.Kind, err = enumParam(p, "InstanceType", eni.ParseKind); err != nil {
		return nil, err
	}
	if in.IPv6, in.IPv6Count, err = ipv6Params(p, ""); err != nil {
		return nil, err
	}
	if in.IPv4Prefixes, in.IPv4PrefixCount, err = prefixParams(p); err != nil {
		return nil, err
	}
	options, err := eniOptions(p)
	if err != nil {
		return nil, err
	}
	n, err := s.b.CreateENI(ctx, in)
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.ECS, r, "eni", string(n.ID), tags); err != nil {
		return nil, err
	}
	if len(options) > 0 {
		if err := s.b.SetENIOptions(ctx, r, n.ID, options); err != nil {
			return nil, err
		}
	}
	j := toENIJSON(n, nil)
	j.Tags = s.ecsTagsOf(string(n.ID))
	j.withOptions(s.b.ENIOptions(n.ID))
	return createENIAnswer{newRequestID(), j}, nil
}

// createENIAnswer is CreateNetworkInterface's answer: the ENI as made.
type createENIAnswer struct {
	RequestID string `json:"RequestId"`
	eniJSON
}

func (s *Server) eniRequest(p *params) (backend.DeleteENIInput, error) {
	r, err := region(p)
	if err != nil {
		return backend.DeleteENIInput{}, err
	}
	id, err := p.required("NetworkInterfaceId")
	return backend.DeleteENIInput{Region: r, ENI: eni.ID(id)}, err
}

func (s *Server) deleteENI(ctx context.Context, p *params) (any, error) {
	in, err := s.eniRequest(p)
	if err != nil {
		return nil, err
	}
	if err := s.b.DeleteENI(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

// attachENI answers AttachNetworkInterface. Instances here have one network card, so
// NetworkCardIndex may be 0 only; WaitForNetworkConfigurationReady is taken either way,
// since an attachment is done when the call answers (there is no guest to wait for).
func (s *Server) attachENI(ctx context.Context, p *params) (any, error) {
	if v := p.str("NetworkCardIndex"); v != "" && v != "0" {
		return nil, p.badParam("NetworkCardIndex", "eipassoc serve models instances with one network card, index 0")
	}
	if v := p.str("WaitForNetworkConfigurationReady"); v != "" && v != "true" && v != "false" {
		return nil, p.badParam("WaitForNetworkConfigurationReady", "true or false")
	}
	return s.withInstance(p, func(in backend.AttachENIInput) error { return s.b.AttachENI(ctx, in) })
}

func (s *Server) detachENI(ctx context.Context, p *params) (any, error) {
	return s.withInstance(p, func(in backend.AttachENIInput) error {
		return s.b.DetachENI(ctx, backend.DetachENIInput(in))
	})
}

// withInstance reads the parameters that Attach and DetachNetworkInterface share and
// runs call with them.
func (s *Server) withInstance(p *params, call func(backend.AttachENIInput) error) (any, error) {
	in, err := s.eniRequest(p)
	if err != nil {
		return nil, err
	}
	inst, err := p.required("InstanceId")
	if err != nil {
		return nil, err
	}
	trunk := eni.ID(p.str("TrunkNetworkInstanceId")) // a member ENI's trunk
	if err := call(backend.AttachENIInput{Region: in.Region, ENI: in.ENI, Instance: inst, Trunk: trunk}); err != nil {
		return nil, err
	}
	return ok()
}

// assignPrivateIPs answers AssignPrivateIpAddresses: secondary addresses, or IPv4
// prefixes; a call that names both is refused by name.
func (s *Server) assignPrivateIPs(ctx context.Context, p *params) (any, error) {
	prefixes, count, err := prefixParams(p)
	if err != nil {
		return nil, err
	}
	if len(prefixes) > 0 || count != 0 {
		if p.has("PrivateIpAddress.1") || p.has("SecondaryPrivateIpAddressCount") {
			return nil, backend.NewError(string(p.op), "UnsupportedParameter", "eipassoc serve takes addresses "+
				"(PrivateIpAddress.N, SecondaryPrivateIpAddressCount) or prefixes (Ipv4Prefix.N, Ipv4PrefixCount) "+
				"in one AssignPrivateIpAddresses call, not both.")
		}
		return s.changeAddresses(ctx, p, fake.ENIAddressChange{Prefixes: prefixes, PrefixCount: count})
	}
	base, err := s.eniRequest(p)
	if err != nil {
		return nil, err
	}
	in := backend.AssignPrivateIPsInput{Region: base.Region, ENI: base.ENI, ClientToken: p.str("ClientToken")}
	if in.IPs, err = p.addrs("PrivateIpAddress", 50); err != nil {
		return nil, err
	}
	if in.Count, err = p.integer("SecondaryPrivateIpAddressCount"); err != nil {
		return nil, err
	}
	added, err := s.b.AssignPrivateIPs(ctx, in)
	if err != nil {
		return nil, err
	}
	out := assignedAnswer{RequestID: newRequestID()}
	out.Set.NetworkInterfaceID = string(in.ENI)
	out.Set.PrivateIPSet.PrivateIPAddress, out.Set.Ipv4PrefixSet.Ipv4Prefixes = []string{}, []string{}
	for _, a := range added {
		out.Set.PrivateIPSet.PrivateIPAddress = append(out.Set.PrivateIPSet.PrivateIPAddress, a.String())
	}
	return out, nil
}

// unassignPrivateIPs answers UnassignPrivateIpAddresses: secondary addresses, or IPv4
// prefixes; a call that names both is refused by name.
func (s *Server) unassignPrivateIPs(ctx context.Context, p *params) (any, error) {
	ips, err := p.addrs("PrivateIpAddress", 50)
	if err != nil {
		return nil, err
	}
	if prefixes, err := prefixList(p); err != nil || len(prefixes) > 0 {
		if err != nil {
			return nil, err
		}
		if len(ips) > 0 {
			return nil, backend.NewError(string(p.op), "UnsupportedParameter", "eipassoc serve takes addresses "+
				"(PrivateIpAddress.N) or prefixes (Ipv4Prefix.N) in one UnassignPrivateIpAddresses call, not both.")
		}
		return s.changeAddresses(ctx, p, fake.ENIAddressChange{Prefixes: prefixes})
	}
	base, err := s.eniRequest(p)
	if err != nil {
		return nil, err
	}
	in := backend.UnassignPrivateIPsInput{Region: base.Region, ENI: base.ENI, IPs: ips}
	if err := s.b.UnassignPrivateIPs(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) describeENIs(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	in := backend.DescribeENIsInput{
		Region:    r,
		Instance:  p.str("InstanceId"),
		VPC:       p.str("VpcId"),
		VSwitch:   p.str("VSwitchId"),
		NextToken: p.str("NextToken"),
	}
	ids, err := p.list("NetworkInterfaceId", 100)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		in.IDs = append(in.IDs, eni.ID(id))
	}
	if in.Kind, err = enumParam(p, "Type", eni.ParseKind); err != nil {
		return nil, err
	}
	if in.Status, err = enumParam(p, "Status", eni.ParseStatus); err != nil {
		return nil, err
	}
	if in.MaxResults, err = p.integer("MaxResults"); err != nil {
		return nil, err
	}
	if in.Tags, err = p.tags(); err != nil {
		return nil, err
	}
	page, err := s.b.DescribeENIs(ctx, in)
	if err != nil {
		return nil, err
	}
	// The data source's filters, and its paging by page number: every page, then the
	// filters, then the page asked for.
	keep := func(n eni.Interface) bool {
		return matches(p, "NetworkInterfaceName", n.Name) && matches(p, "PrimaryIpAddress", n.PrimaryIP.String()) &&
			(p.str("SecurityGroupId") == "" || slices.Contains(n.SecurityGroups, p.str("SecurityGroupId"))) &&
			matches(p, "ServiceManaged", "false") && inGroup(p, s.b.ENIOptions(n.ID)["ResourceGroupId"])
	}
	if p.has("PageNumber") || p.has("PageSize") {
		all := page.ENIs
		for page.NextToken != "" {
			in.NextToken = page.NextToken
			if page, err = s.b.DescribeENIs(ctx, in); err != nil {
				return nil, err
			}
			all = append(all, page.ENIs...)
		}
		all = slices.DeleteFunc(all, func(n eni.Interface) bool { return !keep(n) })
		picked, head, err := pageOf(p, all)
		if err != nil {
			return nil, err
		}
		page = backend.ENIPage{ENIs: picked, TotalCount: head.TotalCount}
	} else {
		page.ENIs = slices.DeleteFunc(page.ENIs, func(n eni.Interface) bool { return !keep(n) })
	}
	public, err := s.publicByPrivate(ctx, r)
	if err != nil {
		return nil, err
	}
	out := struct {
		RequestID  string `json:"RequestId"`
		NextToken  string `json:"NextToken"`
		TotalCount int    `json:"TotalCount"`
		Sets       struct {
			Set []eniJSON `json:"NetworkInterfaceSet"`
		} `json:"NetworkInterfaceSets"`
	}{RequestID: newRequestID(), NextToken: page.NextToken, TotalCount: page.TotalCount}
	out.Sets.Set = []eniJSON{}
	for _, n := range page.ENIs {
		j := toENIJSON(n, public[n.ID])
		j.Tags = s.ecsTagsOf(string(n.ID))
		j.withOptions(s.b.ENIOptions(n.ID))
		out.Sets.Set = append(out.Sets.Set, j)
	}
	return out, nil
}

// publicByPrivate maps each ENI's private addresses to the NAT EIPs on them.
func (s *Server) publicByPrivate(ctx context.Context, r regions.ID) (map[eni.ID]map[netip.Addr]eip.Address, error) {
	out := map[eni.ID]map[netip.Addr]eip.Address{}
	for number := 1; ; number++ {
		page, err := s.b.DescribeEIPs(
			ctx,
			backend.DescribeEIPsInput{
				Region:                 r,
				AssociatedInstanceType: eip.NetworkInterface,
				PageNumber:             number,
				PageSize:               100,
			},
		)
		if err != nil {
			return nil, err
		}
		for _, a := range page.EIPs {
			// A NAT association without a private IP maps to the primary one; it is
			// kept under the zero address, which toENIJSON reads for the primary.
			if a.Association.PrivateIP.IsValid() || a.Association.Mode == modes.NAT {
				id := eni.ID(a.Association.InstanceID)
				if out[id] == nil {
					out[id] = map[netip.Addr]eip.Address{}
				}
				out[id][a.Association.PrivateIP] = a
			}
		}
		if number*100 >= page.TotalCount {
			return out, nil
		}
	}
}

// describeInstanceTypes answers DescribeInstanceTypes: the types named, or of a family,
// narrowed by MinimumEniIpv6AddressQuantity and MinimumEniPrivateIpAddressQuantity;
// other filters are refused, named, rather than ignored.
func (s *Server) describeInstanceTypes(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, instanceTypesParams); err != nil {
		return nil, err
	}
	minIPv6, err := p.integer("MinimumEniIpv6AddressQuantity")
	if err != nil {
		return nil, err
	}
	minIPs, err := p.integer("MinimumEniPrivateIpAddressQuantity")
	if err != nil {
		return nil, err
	}
	types, err := p.list("InstanceTypes", 100)
	if err != nil {
		return nil, err
	}
	size, err := p.integer("MaxResults")
	if err != nil {
		return nil, err
	}
	if size == 0 {
		size = 100
	}
	if size < 1 || size > 100 {
		return nil, p.badParam("MaxResults", "must be 1 to 100")
	}
	start := 0
	if token := p.str("NextToken"); token != "" {
		if start, err = strconv.Atoi(token); err != nil || start < 0 {
			return nil, p.badParam("NextToken", "is not a token this server gave")
		}
	}
	if one := p.str("InstanceType"); one != "" {
		types = append(types, one)
	}
	found, err := s.b.DescribeInstanceTypes(
		ctx,
		backend.DescribeInstanceTypesInput{Types: types, Family: p.str("InstanceTypeFamily")},
	)
	if err != nil {
		return nil, err
	}
	found = slices.DeleteFunc(found, func(t backend.InstanceType) bool {
		// GPUSpec names a GPU, and the catalog's types have none; every type takes
		// every disk category a zone sells (SystemDiskCategory narrows nothing).
		return t.IPv6PerENI < minIPv6 || (minIPs > 0 && t.Limits.PrivateIPsPerENI < minIPs) || p.str("GPUSpec") != ""
	})
	next := ""
	if start >= len(found) {
		found = nil
	} else {
		end := min(start+size, len(found))
		if end < len(found) {
			next = strconv.Itoa(end)
		}
		found = found[start:end]
	}
	type typeJSON struct {
		InstanceTypeID              string  `json:"InstanceTypeId"`
		InstanceTypeFamily          string  `json:"InstanceTypeFamily"`
		EniQuantity                 int     `json:"EniQuantity"`
		EniPrivateIPAddressQuantity *int    `json:"EniPrivateIpAddressQuantity,omitempty"`
		CPUCoreCount                int     `json:"CpuCoreCount"`
		MemorySize                  float64 `json:"MemorySize"`
		EniIpv6AddressQuantity      int     `json:"EniIpv6AddressQuantity"`
		EniTrunkSupported           bool    `json:"EniTrunkSupported"`
		EniTotalQuantity            int     `json:"EniTotalQuantity,omitempty"`
	}
	out := struct {
		RequestID     string `json:"RequestId"`
		NextToken     string `json:"NextToken"`
		InstanceTypes struct {
			InstanceType []typeJSON `json:"InstanceType"`
		} `json:"InstanceTypes"`
	}{RequestID: newRequestID(), NextToken: next}
	out.InstanceTypes.InstanceType = []typeJSON{}
	for _, t := range found {
		j := typeJSON{
			InstanceTypeID:         t.Type,
			InstanceTypeFamily:     t.Family,
			EniQuantity:            t.Limits.ENIs,
			CPUCoreCount:           t.Cores,
			MemorySize:             t.MemoryGiB,
			EniIpv6AddressQuantity: t.IPv6PerENI,
			EniTrunkSupported:      t.Trunk,
			EniTotalQuantity:       t.ENITotal,
		}
		if t.Limits.KnowsPrivateIPs() {
			n := t.Limits.PrivateIPsPerENI
			j.EniPrivateIPAddressQuantity = &n
		}
		out.InstanceTypes.InstanceType = append(out.InstanceTypes.InstanceType, j)
	}
	return out, nil
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.ECS, Op: backend.OpCreateENI, Handler: func(s *Server) handler { return s.createENI },
		Params: modelledParams(append(slices.Sorted(maps.Keys(keptENIOptions)), "RegionId", "VSwitchId",
			"SecurityGroupId", `^SecurityGroupIds\.[^.]+$`, "PrimaryIpAddress", `^PrivateIpAddress\.[^.]+$`,
			"SecondaryPrivateIpAddressCount", "NetworkInterfaceName", "Description", "InstanceType", "ClientToken",
			`^Ipv6Address\.[^.]+$`, "Ipv6AddressCount", `^Ipv4Prefix\.[^.]+$`, "Ipv4PrefixCount", tagParams)...)},
	route{API: backend.ECS, Op: backend.OpDeleteENI, Handler: func(s *Server) handler { return s.deleteENI },
		Params: modelledParams("RegionId", "NetworkInterfaceId")},
	route{API: backend.ECS, Op: backend.OpAttachENI, Handler: func(s *Server) handler { return s.attachENI },
		Params: modelledParams("RegionId", "NetworkInterfaceId", "InstanceId", "NetworkCardIndex",
			"WaitForNetworkConfigurationReady", "TrunkNetworkInstanceId")},
	route{API: backend.ECS, Op: backend.OpDetachENI, Handler: func(s *Server) handler { return s.detachENI },
		Params: modelledParams("RegionId", "NetworkInterfaceId", "InstanceId", "TrunkNetworkInstanceId")},
	route{API: backend.ECS, Op: backend.OpAssignPrivateIPs, Handler: func(s *Server) handler { return s.assignPrivateIPs },
		Params: modelledParams("RegionId", "NetworkInterfaceId", `^PrivateIpAddress\.[^.]+$`,
			"SecondaryPrivateIpAddressCount", `^Ipv4Prefix\.[^.]+$`, "Ipv4PrefixCount", "ClientToken")},
	route{API: backend.ECS, Op: backend.OpUnassignPrivateIPs, Handler: func(s *Server) handler { return s.unassignPrivateIPs },
		Params: modelledParams("RegionId", "NetworkInterfaceId", `^PrivateIpAddress\.[^.]+$`, `^Ipv4Prefix\.[^.]+$`,
			"ClientToken")},
	route{API: backend.ECS, Op: backend.OpDescribeENIs, Handler: func(s *Server) handler { return s.describeENIs },
		Params: modelledParams("RegionId", `^NetworkInterfaceId\.[^.]+$`, "InstanceId", "VSwitchId", "VpcId",
			"Status", "Type", "MaxResults", "NextToken", tagParams, "NetworkInterfaceName", "PrimaryIpAddress",
			"SecurityGroupId", "ServiceManaged", "ResourceGroupId", "PageNumber", "PageSize")},
	route{API: backend.ECS, Op: backend.OpDescribeInstanceTypes, Handler: func(s *Server) handler { return s.describeInstanceTypes },
		Params: instanceTypesParams},
)
