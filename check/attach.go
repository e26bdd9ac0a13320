package check

import (
	"strconv"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/eni"
)

// RunAttachments checks every planned ENI attachment of m: the ENI and the instance are
// in the same zone and VPC (through their vSwitches), the instance type takes one more
// ENI (counting its primary ENI and the attachments before this one in address order),
// and the ENI holds no more private addresses than the type allows per ENI.
func RunAttachments(m *Model) []Finding {
	perInstance := map[string]int{}
	var out []Finding
	for _, at := range m.Attachments {
		perInstance[at.Instance]++
		if !at.Planned {
			continue
		}
		n, in := m.ENIs[at.ENI], m.Instances[at.Instance]
		if n == nil || in == nil {
			continue
		}
		add := func(code eipassoc.Code, msg, api string) {
			r, _ := RuleFor(code)
			out = append(out, Finding{Rule: code, Level: LevelError, Status: StatusFail, Address: at.Address, ResourceType: typeAttach,
				Message: msg, Source: r.Source, Fix: r.Fix, APICode: api})
		}
		ev, iv := m.VSwitches[n.VSwitch], m.VSwitches[in.VSwitch]
		if ev != nil && iv != nil {
			if ev.Zone != "" && iv.Zone != "" && ev.Zone != iv.Zone {
				add(eipassoc.CodeZoneMismatch, n.Key+" is in zone "+ev.Zone+" and "+in.Key+" in "+iv.Zone, "InvalidOperation.AvailabilityZoneMismatch")
			}
			if ev.VPC != "" && iv.VPC != "" && ev.VPC != iv.VPC {
				add(eipassoc.CodeVPCMismatch, n.Key+" is in VPC "+ev.VPC+" and "+in.Key+" in "+iv.VPC, "InvalidOperation.VpcMismatch")
			}
		}
		if in.Type == "" {
			continue
		}
		limits, ok := eni.LimitsFor(in.Type)
		if !ok {
			continue
		}
		if have := 1 + perInstance[at.Instance]; have > limits.ENIs {
			add(eipassoc.CodeInstanceENIQuota, in.Type+" takes at most "+strconv.Itoa(limits.ENIs)+" ENIs, the primary included; this attachment makes "+strconv.Itoa(have), "EniPerInstanceLimitExceeded")
		}
		if limits.KnowsPrivateIPs() && n.IPCountKnown && n.IPCount > limits.PrivateIPsPerENI {
			add(eipassoc.CodeInstancePrivateIPQuota, n.Key+" has "+strconv.Itoa(n.IPCount)+" private IPs and "+in.Type+" takes at most "+strconv.Itoa(limits.PrivateIPsPerENI)+" per ENI", "InvalidOperation.Ipv4CountExceeded")
		}
	}
	return out
}
