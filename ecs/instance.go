package ecs

import (
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/internal/family"
	"github.com/eipassoc/eipassoc/regions"
)

// An Instance is an ECS instance as DescribeInstances reports it, reduced to what the
// rules read. The zero Instance describes no instance. An Instance is a plain value;
// ENIs is shared between copies.
type Instance struct {
	// ID is the instance ID, e.g. "i-bp1...".
	ID string `json:"id"`
	// Type is the instance type, e.g. "ecs.g7.large".
	Type string `json:"type"`
	// Region is the instance's region.
	Region regions.ID `json:"region"`
	// Zone is the instance's zone, e.g. "cn-hangzhou-h".
	Zone string `json:"zone"`
	// VPC is the ID of the instance's VPC.
	VPC string `json:"vpc"`
	// Status is the instance status, e.g. "Running" or "Stopped".
	Status string `json:"status,omitempty"`
	// DHCP says whether DHCP is enabled in the instance's OS.
	DHCP DHCP `json:"dhcp,omitempty"`
	// ENIs are the IDs of the ENIs attached to the instance, the primary first.
	ENIs []eni.ID `json:"enis,omitempty"`
	// Limits are the instance type's ENI limits, e.g. from DescribeInstanceTypes. The
	// zero Limits means "look Type up in [eni.LimitsFor]".
	Limits eni.Limits `json:"limits,omitzero"`
}

// ENICount returns how many ENIs the instance has: len(ENIs), and at least 1, the
// primary ENI every instance has.
func (i Instance) ENICount() int { return max(len(i.ENIs), 1) }

// Family returns the instance's family, e.g. "ecs.g7" (see [Family]).
func (i Instance) Family() string { return Family(i.Type) }

// TypeLimits returns the instance type's ENI limits: Limits when set, otherwise the
// built-in table's entry for Type. ok is false when neither knows them.
func (i Instance) TypeLimits() (limits eni.Limits, ok bool) {
	if i.Limits != (eni.Limits{}) {
		return i.Limits, true
	}
	return eni.LimitsFor(i.Type)
}

// Family returns the instance family of an instance type, lower-cased: "ecs.g7" for
// "ecs.g7.large", "ecs.gn5i-c8g1" for "ecs.gn5i-c8g1.2xlarge". A string with fewer than
// two dots is returned lower-cased.
func Family(instanceType string) string { return family.Of(instanceType) }
