package emulator

import (
	"cmp"
	"context"
	"encoding/json"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// The operations this file answers from the fake's state, with their declarations
// (see backend.Declare).
const (
	OpDescribeMaintenance     backend.Op = "DescribeInstanceMaintenanceAttributes"
	OpDescribeAttachmentAttrs backend.Op = "DescribeInstanceAttachmentAttributes"
)

var _ = backend.Declare(
	backend.Operation{API: backend.ECS, Op: OpDescribeMaintenance},
	backend.Operation{API: backend.ECS, Op: OpDescribeAttachmentAttrs},
)

// The attributes the provider reads back of an instance beside DescribeInstances: its
// maintenance attributes and its attachment attributes (the private pool it takes).

func (s *Server) describeMaintenanceAttributes(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	ids, err := p.list("InstanceId", 100)
	if err != nil {
		return nil, err
	}
	list := []maintenanceJSON{}
	for _, id := range ids {
		d, err := s.b.DescribeInstanceDetail(ctx, r, id)
		if err != nil {
			continue
		}
		m := maintenanceJSON{InstanceID: id, NotifyOnMaintenance: d.Maintenance.Notify}
		m.ActionOnMaintenance.Value = cmp.Or(d.Maintenance.Action, "AutoRecover")
		m.ActionOnMaintenance.DefaultValue = "AutoRecover"
		m.ActionOnMaintenance.SupportedValues.SupportedValue = fake.MaintenanceActions
		m.MaintenanceWindows.MaintenanceWindow = []maintenanceWindowJSON{}
		for _, w := range d.Maintenance.Windows {
			m.MaintenanceWindows.MaintenanceWindow = append(m.MaintenanceWindows.MaintenanceWindow,
				maintenanceWindowJSON{w.Start, w.End})
		}
		list = append(list, m)
	}
	out := maintenanceAnswer{pageHead: onePage(len(list), 10)}
	out.MaintenanceAttributes.MaintenanceAttribute = list
	return out, nil
}

// maintenanceAnswer is DescribeInstanceMaintenanceAttributes' answer.
type maintenanceAnswer struct {
	pageHead
	MaintenanceAttributes struct{ MaintenanceAttribute []maintenanceJSON }
}

// A maintenanceJSON is an instance's maintenance attributes: the cloud's defaults.
type maintenanceJSON struct {
	InstanceID          string `json:"InstanceId"`
	NotifyOnMaintenance bool
	ActionOnMaintenance struct {
		Value, DefaultValue string
		SupportedValues     struct{ SupportedValue []string }
	}
	MaintenanceWindows struct{ MaintenanceWindow []maintenanceWindowJSON }
}

// A maintenanceWindowJSON is one maintenance window of an instance.
type maintenanceWindowJSON struct{ StartTime, EndTime string }

// modifyMaintenanceAttributes answers ModifyInstanceMaintenanceAttributes:
// InstanceId.N, ActionOnMaintenance, NotifyOnMaintenance and MaintenanceWindow.N.
func (s *Server) modifyMaintenanceAttributes(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	in := fake.ModifyMaintenanceInput{Region: r, Action: p.optional("ActionOnMaintenance")}
	if in.Instances, err = p.list("InstanceId", 100); err != nil {
		return nil, err
	}
	if v := p.optional("NotifyOnMaintenance"); v != nil {
		notify, err := strconv.ParseBool(*v)
		if err != nil {
			return nil, p.badParam("NotifyOnMaintenance", "true or false")
		}
		in.Notify = &notify
	}
	for n := 1; p.has("MaintenanceWindow." + strconv.Itoa(n) + ".StartTime"); n++ {
		prefix := "MaintenanceWindow." + strconv.Itoa(n) + "."
		in.Windows = append(in.Windows, fake.MaintenanceWindow{Start: p.str(prefix + "StartTime"),
			End: p.str(prefix + "EndTime")})
	}
	if err := s.b.ModifyMaintenance(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) describeAttachmentAttributes(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	var ids []string
	if raw := p.str("InstanceIds"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &ids); err != nil {
			return nil, p.badParam("InstanceIds", "must be a JSON array of instance IDs")
		}
	}
	list := []attachmentAttributesJSON{}
	for _, id := range ids {
		if d, err := s.b.DescribeInstanceDetail(ctx, r, id); err == nil {
			list = append(list, attachmentAttributesJSON{InstanceID: id,
				PrivatePoolOptionsMatchCriteria: cmp.Or(d.Options["PrivatePoolOptions.MatchCriteria"], "None"),
				PrivatePoolOptionsID:            d.Options["PrivatePoolOptions.Id"]})
		}
	}
	out := attachmentAttributesAnswer{pageHead: onePage(len(list), 10)}
	out.Instances.Instance = list
	return out, nil
}

// attachmentAttributesAnswer is DescribeInstanceAttachmentAttributes' answer.
type attachmentAttributesAnswer struct {
	pageHead
	Instances struct{ Instance []attachmentAttributesJSON }
}

// An attachmentAttributesJSON is an instance's private pool options: none.
type attachmentAttributesJSON struct {
	InstanceID                      string `json:"InstanceId"`
	PrivatePoolOptionsMatchCriteria string
	PrivatePoolOptionsID            string `json:"PrivatePoolOptionsId"`
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.ECS, Op: OpDescribeMaintenance, Handler: func(s *Server) handler { return s.describeMaintenanceAttributes },
		Params: modelledParams("RegionId", `^InstanceId\.[^.]+$`)},
	route{API: backend.ECS, Op: fake.OpModifyMaintenance, Handler: func(s *Server) handler { return s.modifyMaintenanceAttributes },
		Params: modelledParams("RegionId", `^InstanceId\.[^.]+$`, "ActionOnMaintenance", "NotifyOnMaintenance",
			`^MaintenanceWindow\.[^.]+\.(StartTime|EndTime)$`)},
	route{API: backend.ECS, Op: OpDescribeAttachmentAttrs, Handler: func(s *Server) handler { return s.describeAttachmentAttributes },
		Params: modelledParams("RegionId", "InstanceIds")},
)
