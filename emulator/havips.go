package emulator

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// The VPC API for alicloud_havip and alicloud_havip_attachment.

var (
	createHaVipParams = modelledParams("RegionId", "VSwitchId", "IpAddress", "Name", "Description", "ClientToken",
		"ResourceGroupId")
	associateHaVipParams = modelledParams("RegionId", "HaVipId", "InstanceId", "InstanceType", "Force", "ClientToken")
	modifyHaVipParams    = modelledParams("RegionId", "HaVipId", "Name", "Description", "ClientToken")
	deleteHaVipParams    = modelledParams("RegionId", "HaVipId", "ClientToken")
	describeHaVipsParams = modelledParams("RegionId", `^Filter\.\d+\.Key$`, `^Filter\.\d+\.Value\.\d+$`, "PageNumber",
		"PageSize")
)

func (s *Server) createHaVip(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, createHaVipParams); err != nil {
		return nil, err
	}
	r, vsw, err := regionAnd(p, "VSwitchId")
	if err != nil {
		return nil, err
	}
	in := fake.CreateHaVipInput{Region: r, VSwitch: vsw, Name: p.str("Name"), Description: p.str("Description"),
		ResourceGroupID: p.str("ResourceGroupId")}
	if in.IP, err = p.addr("IpAddress"); err != nil {
		return nil, err
	}
	h, err := s.b.CreateHaVip(ctx, in)
	if err != nil {
		return nil, err
	}
	return struct {
		RequestID string `json:"RequestId"`
		HaVipID   string `json:"HaVipId"`
		IPAddress string `json:"IpAddress"`
	}{newRequestID(), h.ID, h.IP.String()}, nil
}

// haVipJSON is a HaVip as DescribeHaVips answers it.
type haVipJSON struct {
	HaVipID                string `json:"HaVipId"`
	RegionID               string `json:"RegionId"`
	VpcID                  string `json:"VpcId"`
	VSwitchID              string `json:"VSwitchId"`
	IPAddress              string `json:"IpAddress"`
	Status                 string
	MasterInstanceID       string `json:"MasterInstanceId"`
	Name                   string
	Description            string
	CreateTime             string
	AssociatedInstanceType string
	AssociatedInstances    struct {
		AssociatedInstance []string `json:"associatedInstance"`
	}
	AssociatedEipAddresses struct {
		AssociatedEipAddress []string `json:"associatedEipAddresse"`
	}
	Tags            vpcTags
	ResourceGroupID string `json:"ResourceGroupId"`
}

// describeHaVips answers DescribeHaVips, narrowed by the filters HaVipId, VpcId,
// VSwitchId, HaVipAddress and Status (Filter.N.Key with its Filter.N.Value.M).
func (s *Server) describeHaVips(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, describeHaVipsParams); err != nil {
		return nil, err
	}
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	filters := map[string][]string{}
	for _, k := range slices.Sorted(maps.Keys(p.v)) {
		rest, ok := strings.CutPrefix(k, "Filter.")
		if !ok || !strings.HasSuffix(rest, ".Key") {
			continue
		}
		n := strings.TrimSuffix(rest, ".Key")
		key := p.str(k)
		switch key {
		case "HaVipId", "VpcId", "VSwitchId", "HaVipAddress", "Status":
		default:
			return nil, p.badParam(k, "the filter keys are HaVipId, VpcId, VSwitchId, HaVipAddress and Status")
		}
		for i := 1; p.str("Filter."+n+".Value."+strconv.Itoa(i)) != ""; i++ {
			filters[key] = append(filters[key], p.str("Filter."+n+".Value."+strconv.Itoa(i)))
		}
	}
	all, err := s.b.HaVips(ctx, r)
	if err != nil {
		return nil, err
	}
	list := []haVipJSON{}
	for _, h := range all {
		fields := map[string]string{"HaVipId": h.ID, "VpcId": h.VPC, "VSwitchId": h.VSwitch,
			"HaVipAddress": h.IP.String(), "Status": h.Status()}
		keep := true
		for key, values := range filters {
			keep = keep && slices.Contains(values, fields[key])
		}
		if !keep {
			continue
		}
		j := haVipJSON{HaVipID: h.ID, RegionID: string(h.Region), VpcID: h.VPC, VSwitchID: h.VSwitch,
			IPAddress: h.IP.String(), Status: h.Status(), Name: h.Name, Description: h.Description,
			CreateTime: cloudTime(h.Created), AssociatedInstanceType: h.InstanceType, Tags: s.vpcTagsOf(h.ID),
			ResourceGroupID: h.ResourceGroupID}
		j.AssociatedInstances.AssociatedInstance = append([]string{}, h.Instances...)
		if len(h.Instances) > 0 {
			j.MasterInstanceID = h.Instances[0]
		}
		j.AssociatedEipAddresses.AssociatedEipAddress = []string{}
		list = append(list, j)
	}
	out := struct {
		pageHead
		HaVips struct{ HaVip []haVipJSON }
	}{pageHead: onePage(len(list), max(len(list), 10))}
	out.HaVips.HaVip = list
	return out, nil
}

// haVipAssociation reads the association a call names.
func haVipAssociation(p *params) (fake.HaVipAssociation, error) {
	if err := refuseOthers(p, associateHaVipParams); err != nil {
		return fake.HaVipAssociation{}, err
	}
	r, id, err := regionAnd(p, "HaVipId")
	if err != nil {
		return fake.HaVipAssociation{}, err
	}
	target, err := p.required("InstanceId")
	return fake.HaVipAssociation{Region: r, HaVip: id, Instance: target, InstanceType: p.str("InstanceType")}, err
}

func (s *Server) associateHaVip(ctx context.Context, p *params) (any, error) {
	in, err := haVipAssociation(p)
	if err != nil {
		return nil, err
	}
	if err := s.b.AssociateHaVip(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) unassociateHaVip(ctx context.Context, p *params) (any, error) {
	in, err := haVipAssociation(p)
	if err != nil {
		return nil, err
	}
	if err := s.b.UnassociateHaVip(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) modifyHaVip(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, modifyHaVipParams); err != nil {
		return nil, err
	}
	r, id, err := regionAnd(p, "HaVipId")
	if err != nil {
		return nil, err
	}
	if err := s.b.ModifyHaVip(ctx, r, id, p.optional("Name"), p.optional("Description")); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) deleteHaVip(ctx context.Context, p *params) (any, error) {
	if err := refuseOthers(p, deleteHaVipParams); err != nil {
		return nil, err
	}
	return deleteBy(ctx, p, "HaVipId", s.b.DeleteHaVip)
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.VPC, Op: fake.OpCreateHaVip, Handler: func(s *Server) handler { return s.createHaVip },
		Params: createHaVipParams},
	route{API: backend.VPC, Op: fake.OpDescribeHaVips, Handler: func(s *Server) handler { return s.describeHaVips },
		Params: describeHaVipsParams},
	route{API: backend.VPC, Op: fake.OpAssociateHaVip, Handler: func(s *Server) handler { return s.associateHaVip },
		Params: associateHaVipParams},
	route{API: backend.VPC, Op: fake.OpUnassociateHaVip, Handler: func(s *Server) handler { return s.unassociateHaVip },
		Params: associateHaVipParams},
	route{API: backend.VPC, Op: fake.OpModifyHaVip, Handler: func(s *Server) handler { return s.modifyHaVip },
		Params: modifyHaVipParams},
	route{API: backend.VPC, Op: fake.OpDeleteHaVip, Handler: func(s *Server) handler { return s.deleteHaVip },
		Params: deleteHaVipParams},
)
