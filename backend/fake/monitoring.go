package fake

import (
	"cmp"
	"context"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/regions"
)

// The operations this file implements, with their declarations (see backend.Declare).
const (
	OpSetHDMonitor      backend.Op = "SetHighDefinitionMonitorLogStatus"
	OpDescribeHDMonitor backend.Op = "DescribeHighDefinitionMonitorLogAttribute"
)

var _ = backend.Declare(
	backend.Operation{API: backend.VPC, Op: OpSetHDMonitor, Mutates: true},
	backend.Operation{API: backend.VPC, Op: OpDescribeHDMonitor},
)

// HDMonitor is an EIP's high-definition monitoring (SetHighDefinitionMonitorLogStatus,
// DescribeHighDefinitionMonitorLogAttribute): whether it is on and the Log Service
// project and store it writes to. Log Service is another product: the fake keeps the
// names as given and checks only that monitoring on has both.
type HDMonitor struct {
	// Status is ON or OFF (the default).
	Status     string
	LogProject string
	LogStore   string
}

// SetHDMonitor changes the monitoring of an EIP: status (ON or OFF) is required, as
// the VPC API reference says; a nil project or store keeps its value.
func (b *Backend) SetHDMonitor(
	ctx context.Context,
	region regions.ID,
	id eip.ID,
	status, project, store *string,
) (err error) {
	const op = OpSetHDMonitor
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	r, err := b.lookupEIP(op, region, id)
	if err != nil {
		return err
	}
	m := r.monitor
	for _, set := range []struct{ to, from *string }{{&m.Status, status}, {&m.LogProject, project}, {&m.LogStore, store}} {
		if set.from != nil {
			*set.to = *set.from
		}
	}
	switch {
	case status == nil:
		return fail(op, "MissingParameter", "The input parameter Status that is mandatory for processing this request "+
			"is not supplied.")
	case m.Status != "ON" && m.Status != "OFF":
		return fail(op, "InvalidParameter", "Status is ON or OFF.")
	case m.Status == "ON" && (m.LogProject == "" || m.LogStore == ""):
		return fail(op, "InvalidParameter", "High-definition monitoring on writes to a LogProject and a LogStore: give both.")
	}
	r.monitor = m
	return nil
}

// HDMonitorOf returns the monitoring of an EIP, OFF unless it was turned on.
func (b *Backend) HDMonitorOf(ctx context.Context, region regions.ID, id eip.ID) (m HDMonitor, err error) {
	const op = OpDescribeHDMonitor
	if err := begin(ctx, b, op, id); err != nil {
		return HDMonitor{}, err
	}
	defer func() { err = end(b, op, id, err) }()
	r, err := b.lookupEIP(op, region, id)
	if err != nil {
		return HDMonitor{}, err
	}
	m = r.monitor
	m.Status = cmp.Or(m.Status, "OFF")
	return m, nil
}
