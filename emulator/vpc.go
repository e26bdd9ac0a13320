package emulator

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// A route is how the server answers one operation of one API: the parameters it
// models or keeps (the server refuses any other by name before the handler runs), and
// its handler, made for a server.
type route struct {
	API     backend.API
	Op      backend.Op
	Params  modelled
	Handler func(s *Server) handler
}

// routes are the routes added, by API and action; written only while the package
// initialises, read after.
var routes = map[backend.API]map[backend.Op]route{}

// addRoutes adds routes: each file of handlers routes its operations next to them, in
// a package-level declaration (var _ = addRoutes(...)). Routing an action twice for
// one API is a programming error and panics then, before anything is served;
// TestEveryOperationServed checks that the routes are exactly backend.Operations.
func addRoutes(rs ...route) struct{} {
	for _, r := range rs {
		if _, dup := routes[r.API][r.Op]; dup || r.Handler == nil {
			panic("emulator: " + r.API.Product() + " " + string(r.Op) + " routed twice, or without a handler")
		}
		if routes[r.API] == nil {
			routes[r.API] = map[backend.Op]route{}
		}
		routes[r.API][r.Op] = r
	}
	return struct{}{}
}

// table is the route table: the handler of each of backend.Operations, keyed by API
// version and action (TagResources, ListTagResources exist in several APIs), and the
// parameters each declares.
func (s *Server) table() (map[opKey]handler, map[opKey]modelled) {
	actions, params := map[opKey]handler{}, map[opKey]modelled{}
	for _, o := range backend.Operations() {
		if r, ok := routes[o.API][o.Op]; ok {
			k := opKey{o.API.Version(), string(o.Op)}
			actions[k], params[k] = r.Handler(s), r.Params
		}
	}
	return actions, params
}

// An opKey names an operation: its API version and its action.
type opKey struct{ version, action string }

// A handler answers one operation.
type handler func(context.Context, *params) (any, error)

// requestOnly is the success body of operations that answer with a request ID only.
type requestOnly struct {
	RequestID string `json:"RequestId"`
}

func ok() (any, error) { return requestOnly{RequestID: newRequestID()}, nil }

func region(p *params) (regions.ID, error) {
	r, err := p.required("RegionId")
	return regions.ID(r), err
}

func (s *Server) allocateEIP(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	tags, err := createTags(backend.VPC, p)
	if err != nil {
		return nil, err
	}
	// What AllocateEipAddress takes beyond these is refused, named, not dropped.
	// ActivityId, a promotion the order takes part in, is write-only: no describe call
	// gives it back, and the emulator bills nothing it would change.
	if err := refuseOthers(p, allocateEIPParams); err != nil {
		return nil, err
	}
	in := backend.AllocateEIPInput{
		Region:      r,
		Name:        p.str("Name"),
		Description: p.str("Description"),
		ClientToken: p.str("ClientToken"),
		Settings: eip.Settings{ISP: p.str("ISP"), Netmode: p.str("Netmode"), ResourceGroupID: p.str("ResourceGroupId"),
			Zone: p.str("Zone"), PricingCycle: p.str("PricingCycle"), AutoPay: p.str("AutoPay") == "true",
			PublicIPPool: p.str("PublicIpAddressPoolId")},
	}
	if in.IP, err = p.addr("IpAddress"); err != nil {
		return nil, err
	}
	in.Restore = eip.ID(p.str("InstanceId")) // a released EIP to take back
	if in.Settings.SecurityProtectionTypes, err = p.list("SecurityProtectionTypes", 10); err != nil {
		return nil, err
	}
	if len(in.Settings.SecurityProtectionTypes) == 0 {
		in.Settings.SecurityProtectionTypes = nil
	}
	if in.Settings.Period, err = p.integer("Period"); err != nil {
		return nil, err
	}
	if in.ChargeType, err = enumParam(p, "InstanceChargeType", eip.ParseChargeType); err != nil {
		return nil, err
	}
	if in.InternetChargeType, err = enumParam(p, "InternetChargeType", eip.ParseInternetChargeType); err != nil {
		return nil, err
	}
	if in.Bandwidth, err = p.integer("Bandwidth"); err != nil {
		return nil, err
	}
	a, err := s.b.AllocateEIP(ctx, in)
	if err != nil {
		return nil, err
	}
	if err := s.tagNew(ctx, backend.VPC, r, "EIP", string(a.ID), tags); err != nil {
		return nil, err
	}
	return allocateEIPAnswer{newRequestID(), string(a.ID), a.IP.String()}, nil
}

// allocateEIPAnswer is AllocateEipAddress' answer.
type allocateEIPAnswer struct {
	RequestID    string `json:"RequestId"`
	AllocationID string `json:"AllocationId"`
	EipAddress   string `json:"EipAddress"`
}

func (s *Server) releaseEIP(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "AllocationId")
	if err != nil {
		return nil, err
	}
	if err := s.b.ReleaseEIP(ctx, backend.ReleaseEIPInput{Region: r, EIP: eip.ID(id)}); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) associateEIP(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	in := backend.AssociateEIPInput{Region: r, InstanceID: p.str("InstanceId"), ClientToken: p.str("ClientToken"),
		VPC: p.str("VpcId")}
	id, err := p.required("AllocationId")
	if err != nil {
		return nil, err
	}
	in.EIP = eip.ID(id)
	if _, err := p.required("InstanceId"); err != nil {
		return nil, err
	}
	if in.InstanceType, err = enumParam(p, "InstanceType", eip.ParseInstanceType); err != nil {
		return nil, err
	}
	if m := p.str("Mode"); m != "" {
		if in.Mode, err = modes.ParseAPI(m); err != nil {
			return nil, backend.NewError(
				string(p.op),
				"IllegalParam.Mode",
				"The Mode must be NAT, MULTI_BINDED or BINDED.",
			)
		}
	}
	if in.PrivateIP, err = p.addr("PrivateIpAddress"); err != nil {
		return nil, err
	}
	if err := s.b.AssociateEIP(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) unassociateEIP(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "AllocationId")
	if err != nil {
		return nil, err
	}
	in := backend.UnassociateEIPInput{
		Region:      r,
		EIP:         eip.ID(id),
		InstanceID:  p.str("InstanceId"),
		ClientToken: p.str("ClientToken"),
	}
	if in.InstanceType, err = enumParam(p, "InstanceType", eip.ParseInstanceType); err != nil {
		return nil, err
	}
	if in.PrivateIP, err = p.addr("PrivateIpAddress"); err != nil {
		return nil, err
	}
	if err := s.b.UnassociateEIP(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

// eipJSON is one entry of DescribeEipAddresses.
type eipJSON struct {
	AllocationID       string `json:"AllocationId"`
	IPAddress          string `json:"IpAddress"`
	RegionID           string `json:"RegionId"`
	Status             string `json:"Status"`
	InstanceID         string `json:"InstanceId"`
	InstanceType       string `json:"InstanceType"`
	Mode               string `json:"Mode,omitempty"`
	PrivateIPAddress   string `json:"PrivateIpAddress"`
	ChargeType         string `json:"ChargeType"`
	InternetChargeType string `json:"InternetChargeType"`
	BusinessStatus     string `json:"BusinessStatus"`
	Bandwidth          string `json:"Bandwidth"`
	Name               string `json:"Name"`
	Description        string `json:"Description"`
	ISP                string `json:"ISP"`
	Netmode            string `json:"Netmode"`
	ResourceGroupID    string `json:"ResourceGroupId"`
	Zone               string `json:"Zone,omitempty"`
	PublicIPPool       string `json:"PublicIpAddressPoolId"`
	VpcID              string `json:"VpcId"`
	SegmentInstanceID  string `json:"SegmentInstanceId"`
	DeletionProtection bool
	SecurityProtection struct {
		Types []string `json:"SecurityProtectionType"`
	} `json:"SecurityProtectionTypes"`
	OperationLocks struct {
		LockReason []lockJSON `json:"LockReason"`
	} `json:"OperationLocks"`
	Tags vpcTags `json:"Tags"`
}

type lockJSON struct {
	LockReason string `json:"LockReason"`
}

func toEIPJSON(a eip.Address) eipJSON {
	j := eipJSON{
		AllocationID: string(a.ID), IPAddress: a.IP.String(), RegionID: string(a.Region), Status: a.Status.String(),
		InstanceID: a.Association.InstanceID, ChargeType: a.ChargeType.String(),
		InternetChargeType: a.InternetChargeType.String(),
		BusinessStatus:     a.BusinessStatus.String(), Bandwidth: strconv.Itoa(cmp.Or(a.Bandwidth, 5)),
		Name: a.Name, Description: a.Description, ISP: a.Settings.ISP, Netmode: a.Settings.Netmode,
		ResourceGroupID: a.Settings.ResourceGroupID, Zone: a.Settings.Zone, DeletionProtection: a.Settings.DeletionProtection,
		PublicIPPool: a.Settings.PublicIPPool, VpcID: a.Association.VPC,
	}
	j.SecurityProtection.Types = append([]string{}, a.Settings.SecurityProtectionTypes...)
	if !a.Association.IsZero() {
		j.InstanceType = a.Association.InstanceType.String()
	}
	if a.Association.Mode.IsValid() {
		j.Mode = a.Association.Mode.String()
	}
	if a.Association.PrivateIP.IsValid() {
		j.PrivateIPAddress = a.Association.PrivateIP.String()
	}
	j.OperationLocks.LockReason = []lockJSON{}
	for _, l := range a.LockReasons {
		j.OperationLocks.LockReason = append(j.OperationLocks.LockReason, lockJSON{l.String()})
	}
	return j
}

func (s *Server) describeEIPs(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	in := backend.DescribeEIPsInput{Region: r, AssociatedInstanceID: p.str("AssociatedInstanceId")}
	if ids := p.str("AllocationId"); ids != "" {
		for id := range strings.SplitSeq(ids, ",") {
			in.IDs = append(in.IDs, eip.ID(strings.TrimSpace(id)))
		}
	}
	if in.Status, err = enumParam(p, "Status", eip.ParseStatus); err != nil {
		return nil, err
	}
	if in.AssociatedInstanceType, err = enumParam(p, "AssociatedInstanceType", eip.ParseInstanceType); err != nil {
		return nil, err
	}
	if in.Tags, err = p.tags(); err != nil {
		return nil, err
	}
	if in.PageNumber, err = p.integer("PageNumber"); err != nil {
		return nil, err
	}
	if in.PageSize, err = p.integer("PageSize"); err != nil {
		return nil, err
	}
	if v := p.str("IncludeReservationData"); v != "" && v != "true" && v != "false" {
		return nil, p.badParam("IncludeReservationData", "true or false") // no EIP here has a reservation
	}
	lock, err := enumParam(p, "LockReason", eip.ParseLockReason)
	if err != nil {
		return nil, err
	}
	page, err := s.b.DescribeEIPs(ctx, in)
	if err != nil {
		return nil, err
	}
	// The data source's filters, over every page, then the page asked for.
	if slices.ContainsFunc([]string{"ISP", "LockReason", "EipAddress", "ChargeType", "EipName", "ResourceGroupId",
		"SegmentInstanceId"}, p.has) {
		in.PageNumber, in.PageSize = 1, 100
		var all []eip.Address
		for {
			if page, err = s.b.DescribeEIPs(ctx, in); err != nil {
				return nil, err
			}
			all = append(all, page.EIPs...)
			if in.PageNumber*in.PageSize >= page.TotalCount {
				break
			}
			in.PageNumber++
		}
		all = slices.DeleteFunc(all, func(a eip.Address) bool {
			return !matches(p, "ISP", cmp.Or(a.Settings.ISP, "BGP")) || !matches(p, "EipAddress", a.IP.String()) ||
				!matches(p, "ChargeType", a.ChargeType.String()) || !matches(p, "EipName", a.Name) ||
				!inGroup(p, a.Settings.ResourceGroupID) || !matches(p, "SegmentInstanceId", "") ||
				(p.str("LockReason") != "" && !a.HasLock(lock))
		})
		picked, head, err := pageOf(p, all)
		if err != nil {
			return nil, err
		}
		page = backend.EIPPage{EIPs: picked, TotalCount: head.TotalCount, PageNumber: head.PageNumber, PageSize: head.PageSize}
	}
	out := struct {
		RequestID    string `json:"RequestId"`
		TotalCount   int    `json:"TotalCount"`
		PageNumber   int    `json:"PageNumber"`
		PageSize     int    `json:"PageSize"`
		EipAddresses struct {
			EipAddress []eipJSON `json:"EipAddress"`
		} `json:"EipAddresses"`
	}{RequestID: newRequestID(), TotalCount: page.TotalCount, PageNumber: page.PageNumber, PageSize: page.PageSize}
	out.EipAddresses.EipAddress = []eipJSON{}
	for _, a := range page.EIPs {
		j := toEIPJSON(a)
		j.Tags = s.vpcTagsOf(string(a.ID))
		out.EipAddresses.EipAddress = append(out.EipAddresses.EipAddress, j)
	}
	return out, nil
}

func (s *Server) describeEIPGatewayInfo(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "InstanceId")
	if err != nil {
		return nil, err
	}
	infos, err := s.b.DescribeEIPGatewayInfo(ctx, backend.DescribeEIPGatewayInfoInput{Region: r, ENI: eniID(id)})
	if err != nil {
		return nil, err
	}
	type info struct {
		IP     string `json:"Ip"`
		IPGw   string `json:"IpGw"`
		IPMask string `json:"IpMask"`
	}
	out := struct {
		RequestID string `json:"RequestId"`
		Code      string `json:"Code"`
		Message   string `json:"Message"`
		EipInfos  struct {
			EipInfo []info `json:"EipInfo"`
		} `json:"EipInfos"`
	}{RequestID: newRequestID(), Code: strconv.Itoa(200), Message: "successful"}
	out.EipInfos.EipInfo = []info{}
	for _, gi := range infos {
		out.EipInfos.EipInfo = append(out.EipInfos.EipInfo, info{gi.IP.String(), gi.Gateway.String(), gi.Mask.String()})
	}
	return out, nil
}

func (s *Server) modifyEIPAttribute(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	in := fake.ModifyEIPAttributeInput{Region: r}
	id, err := p.required("AllocationId")
	if err != nil {
		return nil, err
	}
	in.EIP = eip.ID(id)
	if p.has("Bandwidth") {
		n, err := p.integer("Bandwidth")
		if err != nil {
			return nil, err
		}
		in.Bandwidth = &n
	}
	in.Name, in.Description = p.optional("Name"), p.optional("Description")
	if err := s.b.ModifyEIPAttribute(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

// modifyEIPForwardMode changes an association's mode; InstanceId names the EIP, as the
// Terraform provider sends it.
func (s *Server) modifyEIPForwardMode(ctx context.Context, p *params) (any, error) {
	r, id, err := regionAnd(p, "InstanceId")
	if err != nil {
		return nil, err
	}
	in := fake.ModifyEIPForwardModeInput{Region: r, EIP: eip.ID(id)}
	if in.Mode, err = enumParam(p, "Mode", modes.Parse); err != nil {
		return nil, err
	}
	if err := s.b.ModifyEIPForwardMode(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

// deletionProtection answers VPC DeletionProtection for an EIP (Type EIP, the only
// type modelled): ProtectionEnable turns it on or off.
func (s *Server) deletionProtection(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	if t := p.str("Type"); t != "EIP" {
		return nil, backend.NewError(string(p.op), "UnsupportedParameter",
			"eipassoc serve models the deletion protection of EIPs only (Type EIP), not Type "+t+".")
	}
	id, err := p.required("InstanceId")
	if err != nil {
		return nil, err
	}
	on, err := strconv.ParseBool(p.str("ProtectionEnable"))
	if err != nil {
		return nil, p.badParam("ProtectionEnable", "true or false")
	}
	if err := s.b.SetEIPDeletionProtection(ctx, r, eip.ID(id), on); err != nil {
		return nil, err
	}
	return ok()
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.VPC, Op: backend.OpAllocateEIP, Handler: func(s *Server) handler { return s.allocateEIP },
		Params: allocateEIPParams},
	route{API: backend.VPC, Op: backend.OpReleaseEIP, Handler: func(s *Server) handler { return s.releaseEIP },
		Params: modelledParams("RegionId", "AllocationId", "ClientToken")},
	route{API: backend.VPC, Op: backend.OpAssociateEIP, Handler: func(s *Server) handler { return s.associateEIP },
		Params: modelledParams("RegionId", "AllocationId", "InstanceId", "InstanceType", "Mode", "PrivateIpAddress",
			"VpcId", "ClientToken")},
	route{API: backend.VPC, Op: backend.OpUnassociateEIP, Handler: func(s *Server) handler { return s.unassociateEIP },
		Params: modelledParams("RegionId", "AllocationId", "InstanceId", "InstanceType", "PrivateIpAddress",
			"Force", "ClientToken")},
	route{API: backend.VPC, Op: backend.OpDescribeEIPs, Handler: func(s *Server) handler { return s.describeEIPs },
		Params: modelledParams("RegionId", "AllocationId", "AssociatedInstanceId", "AssociatedInstanceType",
			"Status", "PageNumber", "PageSize", tagParams, "ISP", "IncludeReservationData", "LockReason",
			"EipAddress", "ChargeType", "EipName", "ResourceGroupId", "SegmentInstanceId")},
	route{API: backend.VPC, Op: backend.OpDescribeEIPGateway, Handler: func(s *Server) handler { return s.describeEIPGatewayInfo },
		Params: modelledParams("RegionId", "InstanceId")},
	route{API: backend.VPC, Op: fake.OpModifyEIPAttribute, Handler: func(s *Server) handler { return s.modifyEIPAttribute },
		Params: modelledParams("RegionId", "AllocationId", "Bandwidth", "Name", "Description")},
	route{API: backend.VPC, Op: fake.OpModifyEIPForwardMode, Handler: func(s *Server) handler { return s.modifyEIPForwardMode },
		Params: modelledParams("RegionId", "InstanceId", "Mode", "ClientToken")},
	route{API: backend.VPC, Op: fake.OpDeletionProtection, Handler: func(s *Server) handler { return s.deletionProtection },
		Params: modelledParams("RegionId", "InstanceId", "Type", "ProtectionEnable", "ClientToken")},
)
