package emulator

import (
	"context"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
)

// High-definition monitoring of EIPs: SetHighDefinitionMonitorLogStatus and
// DescribeHighDefinitionMonitorLogAttribute, for alicloud_eip_address's
// high_definition_monitor_log_status, log_project and log_store. The Log Service
// project and store are kept as named (fake.HDMonitor).

// monitoredEIP reads the EIP of a monitoring call: InstanceId, of InstanceType EIP
// (the default).
func monitoredEIP(p *params) (eip.ID, error) {
	if t := p.str("InstanceType"); t != "" && t != "EIP" {
		return "", p.badParam("InstanceType", "eipassoc serve monitors EIPs (InstanceType EIP)")
	}
	id, err := p.required("InstanceId")
	return eip.ID(id), err
}

func (s *Server) setHDMonitor(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	id, err := monitoredEIP(p)
	if err != nil {
		return nil, err
	}
	if err := s.b.SetHDMonitor(ctx, r, id, p.optional("Status"), p.optional("LogProject"), p.optional("LogStore")); err != nil {
		return nil, err
	}
	return ok()
}

func (s *Server) describeHDMonitor(ctx context.Context, p *params) (any, error) {
	r, err := region(p)
	if err != nil {
		return nil, err
	}
	id, err := monitoredEIP(p)
	if err != nil {
		return nil, err
	}
	m, err := s.b.HDMonitorOf(ctx, r, id)
	if err != nil {
		return nil, err
	}
	// The answer names the project and store, not the status (VPC API reference,
	// DescribeHighDefinitionMonitorLogAttribute); Success says the call was done.
	return struct {
		RequestID    string `json:"RequestId"`
		InstanceID   string `json:"InstanceId"`
		InstanceType string
		LogProject   string
		LogStore     string
		Success      string
	}{newRequestID(), string(id), "EIP", m.LogProject, m.LogStore, "true"}, nil
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.VPC, Op: fake.OpSetHDMonitor, Handler: func(s *Server) handler { return s.setHDMonitor },
		Params: modelledParams("RegionId", "InstanceId", "InstanceType", "Status", "LogProject", "LogStore",
			"ClientToken")},
	route{API: backend.VPC, Op: fake.OpDescribeHDMonitor, Handler: func(s *Server) handler { return s.describeHDMonitor },
		Params: modelledParams("RegionId", "InstanceId", "InstanceType")},
)
