package emulator

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/backend/fake"
)

// The network interfaces RunInstances launches an instance with (NetworkInterface.N).

// launchInterfaces reads NetworkInterface.N. The one of InstanceType Primary describes
// the primary ENI: its vSwitch, security groups, addresses and IPv6 addresses where the
// call does not give them at the top, and what the ENI keeps (its traffic mode and
// queue pairs), returned for SetENIOptions. The others are the secondary ENIs at launch
// (fake.LaunchENI): an existing one by NetworkInterfaceId, or a new one (InstanceType
// Secondary) in a vSwitch with its security groups. Instances here have one network
// card (index 0) and Standard traffic.
func launchInterfaces(p *params, in *fake.RunInstanceInput) (map[string]string, error) {
	var primary map[string]string
	for n := 1; ; n++ {
		prefix := "NetworkInterface." + strconv.Itoa(n) + "."
		if !p.anyUnder(prefix) {
			break
		}
		if v := p.str(prefix + "NetworkCardIndex"); v != "" && v != "0" {
			return nil, p.badParam(prefix+"NetworkCardIndex", "eipassoc serve models instances with one network card, index 0")
		}
		if v := p.str(prefix + "NetworkInterfaceTrafficMode"); v != "" && v != "Standard" {
			return nil, p.badParam(prefix+"NetworkInterfaceTrafficMode", "eipassoc serve models Standard traffic only")
		}
		groups, err := p.list(prefix+"SecurityGroupIds", 10)
		if err != nil {
			return nil, err
		}
		groups = append(groups, slices.DeleteFunc([]string{p.str(prefix + "SecurityGroupId")},
			func(s string) bool { return s == "" })...)
		options := map[string]string{}
		for _, name := range []string{"NetworkInterfaceTrafficMode", "QueuePairNumber"} {
			if v := p.str(prefix + name); v != "" {
				options[name] = v
			}
		}
		switch t := p.str(prefix + "InstanceType"); {
		case t == "Primary":
			if primary != nil {
				return nil, p.badParam(prefix+"InstanceType", "one network interface is the primary one")
			}
			primary = options
			if err := primaryFrom(p, prefix, groups, in); err != nil {
				return nil, err
			}
		case p.str(prefix+"NetworkInterfaceId") != "":
			in.ENIs = append(in.ENIs, fake.LaunchENI{ID: eniID(p.str(prefix + "NetworkInterfaceId"))})
		case t == "Secondary" || t == "":
			vsw, err := p.required(prefix + "VSwitchId")
			if err != nil {
				return nil, err
			}
			in.ENIs = append(in.ENIs, fake.LaunchENI{VSwitch: vsw, SecurityGroups: groups, Options: options})
		default:
			return nil, p.badParam(prefix+"InstanceType", "Primary or Secondary")
		}
	}
	return primary, nil
}

// primaryFrom fills in what the primary ENI's NetworkInterface.N gives and the call
// does not give at the top.
func primaryFrom(p *params, prefix string, groups []string, in *fake.RunInstanceInput) error {
	in.VSwitch = cmp.Or(in.VSwitch, p.str(prefix+"VSwitchId"))
	if !in.PrivateIP.IsValid() {
		var err error
		if in.PrivateIP, err = p.addr(prefix + "PrimaryIpAddress"); err != nil {
			return err
		}
	}
	if len(in.SecurityGroups) == 0 {
		in.SecurityGroups = groups
	}
	if len(in.IPv6) == 0 && in.IPv6Count == 0 {
		var err error
		if in.IPv6, in.IPv6Count, err = ipv6Params(p, prefix); err != nil {
			return err
		}
	}
	return nil
}
