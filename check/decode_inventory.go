package check

import (
	"bytes"
	"io"
	"net/netip"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// Inventory is the plain input format for users without Terraform, in YAML or JSON.
// Its JSON Schema is inventory.schema.json in this package's directory.
type Inventory struct {
	Region       regions.ID             `yaml:"region"`
	Instances    []InventoryInstance    `yaml:"instances"`
	ENIs         []InventoryENI         `yaml:"enis"`
	EIPs         []InventoryEIP         `yaml:"eips"`
	Associations []InventoryAssociation `yaml:"associations"`
}

// InventoryInstance is an ECS instance.
type InventoryInstance struct {
	ID   string `yaml:"id"`
	Type string `yaml:"type"`
}

// InventoryENI is an ENI; give private_ips or private_ip_count (primary included).
type InventoryENI struct {
	ID             string   `yaml:"id"`
	Kind           string   `yaml:"kind"`
	PrivateIPs     []string `yaml:"private_ips"`
	PrivateIPCount int      `yaml:"private_ip_count"`
	Instance       string   `yaml:"instance"`
}

// InventoryEIP is an EIP.
type InventoryEIP struct {
	ID         string `yaml:"id"`
	ChargeType string `yaml:"charge_type"`
}

// InventoryAssociation is an association to check, or an existing one.
type InventoryAssociation struct {
	Name         string `yaml:"name"`
	EIP          string `yaml:"eip"`
	Target       string `yaml:"target"`
	InstanceType string `yaml:"instance_type"`
	Mode         string `yaml:"mode"`
	PrivateIP    string `yaml:"private_ip"`
	Existing     bool   `yaml:"existing"`
}

// LoadInventory reads an inventory file into a Model. Unknown fields, bad addresses,
// modes and kinds, duplicate IDs and references to undeclared resources are
// *InputErrors that name the field.
func LoadInventory(r io.Reader, name string) (*Model, error) {
	data, err := io.ReadAll(io.LimitReader(r, 256<<20))
	if err != nil {
		return nil, &InputError{File: name, Msg: err.Error()}
	}
	var inv Inventory
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&inv); err != nil {
		return nil, &InputError{File: name, Msg: "not an inventory: " + err.Error()}
	}
	bad := func(where, msg string) error { return &InputError{File: name, Where: where, Msg: msg} }
	if _, err := regions.Lookup(inv.Region); err != nil {
		return nil, bad("region", err.Error())
	}
	m := newModel(name)
	for _, add := range []func(*Model, *Inventory, badInput) error{
		addInventoryInstances, addInventoryENIs, addInventoryEIPs, addInventoryAssociations,
	} {
		if err := add(m, &inv, bad); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// A badInput makes the *InputError of a value of the inventory, where it is.
type badInput func(where, msg string) error

// addInventoryInstances adds the instances of inv to m.
func addInventoryInstances(m *Model, inv *Inventory, bad badInput) error {
	for i, in := range inv.Instances {
		where := "instances[" + strconv.Itoa(i) + "]"
		if in.ID == "" || m.Instances[Key(in.ID)] != nil {
			return bad(where, "missing or duplicate id")
		}
		m.Instances[Key(in.ID)] = &Instance{
			Key:     Key(in.ID),
			Address: in.ID,
			ID:      in.ID,
			Type:    in.Type,
			Region:  inv.Region,
		}
	}
	return nil
}

// addInventoryENIs adds the ENIs of inv to m; the instance an ENI names must be one of
// the instances.
func addInventoryENIs(m *Model, inv *Inventory, bad badInput) error {
	for i, n := range inv.ENIs {
		where := "enis[" + strconv.Itoa(i) + "]"
		if n.ID == "" || m.ENIs[Key(n.ID)] != nil {
			return bad(where, "missing or duplicate id")
		}
		e := &ENI{
			Key:      Key(n.ID),
			Address:  n.ID,
			ID:       n.ID,
			Kind:     eni.Secondary,
			Region:   inv.Region,
			Instance: Key(n.Instance),
			Known:    true,
		}
		if n.Kind != "" {
			k, err := eni.ParseKind(n.Kind)
			if err != nil {
				return bad(where+".kind", err.Error())
			}
			e.Kind = k
		}
		for j, s := range n.PrivateIPs {
			a, err := netip.ParseAddr(s)
			if err != nil {
				return bad(where+".private_ips["+strconv.Itoa(j)+"]", "not an IP address")
			}
			e.IPs = append(e.IPs, a)
		}
		switch {
		case len(e.IPs) > 0 && n.PrivateIPCount != 0:
			return bad(where, "give private_ips or private_ip_count, not both")
		case len(e.IPs) > 0:
			e.IPCount, e.IPCountKnown = len(e.IPs), true
		case n.PrivateIPCount < 0 || n.PrivateIPCount > 50:
			return bad(where+".private_ip_count", "must be 1 to 50")
		default:
			e.IPCount, e.IPCountKnown = max(n.PrivateIPCount, 1), true
		}
		if n.Instance != "" && m.Instances[Key(n.Instance)] == nil {
			return bad(where+".instance", "instance "+strconv.Quote(n.Instance)+" is not declared")
		}
		m.ENIs[Key(n.ID)] = e
	}
	return nil
}

// addInventoryEIPs adds the EIPs of inv to m.
func addInventoryEIPs(m *Model, inv *Inventory, bad badInput) error {
	for i, a := range inv.EIPs {
		where := "eips[" + strconv.Itoa(i) + "]"
		if a.ID == "" || m.EIPs[Key(a.ID)] != nil {
			return bad(where, "missing or duplicate id")
		}
		charge := eip.PostPaid
		if a.ChargeType != "" {
			c, err := eip.ParseChargeType(a.ChargeType)
			if err != nil {
				return bad(where+".charge_type", "must be PostPaid or PrePaid")
			}
			charge = c
		}
		m.EIPs[Key(a.ID)] = &EIP{
			Key:     Key(a.ID),
			Address: a.ID,
			ID:      a.ID,
			Region:  inv.Region,
			PrePaid: charge == eip.PrePaid,
			Known:   true,
		}
	}
	return nil
}

// addInventoryAssociations adds the associations of inv to m; an instance as the target
// stands for its primary ENI.
func addInventoryAssociations(m *Model, inv *Inventory, bad badInput) error {
	for i, a := range inv.Associations {
		where := "associations[" + strconv.Itoa(i) + "]"
		as := &Association{
			Address:      a.Name,
			ResourceType: "inventory",
			Planned:      !a.Existing,
			EIP:          Key(a.EIP),
			Target:       Key(a.Target),
			InstanceType: a.InstanceType,
			Region:       inv.Region,
		}
		if as.Address == "" {
			as.Address = "associations[" + strconv.Itoa(i) + "]"
		}
		if m.EIPs[Key(a.EIP)] == nil {
			return bad(where+".eip", "EIP "+strconv.Quote(a.EIP)+" is not declared")
		}
		if m.ENIs[Key(a.Target)] == nil && m.Instances[Key(a.Target)] == nil {
			return bad(
				where+".target",
				"target "+strconv.Quote(a.Target)+" is neither a declared ENI nor an instance",
			)
		}
		if a.Mode != "" {
			mode, err := modes.Parse(a.Mode)
			if err != nil {
				return bad(where+".mode", err.Error())
			}
			as.Mode, as.ModeSet = mode, true
		}
		if a.PrivateIP != "" {
			ip, err := netip.ParseAddr(a.PrivateIP)
			if err != nil {
				return bad(where+".private_ip", "not an IP address")
			}
			as.PrivateIP = ip
		}
		if in := m.Instances[Key(a.Target)]; in != nil {
			// An instance target means its primary ENI.
			key := primaryENI(Key(a.Target))
			if m.ENIs[key] == nil {
				m.ENIs[key] = &ENI{
					Key:          key,
					Address:      a.Target,
					Kind:         eni.Primary,
					Region:       inv.Region,
					IPCount:      1,
					IPCountKnown: true,
					Instance:     Key(a.Target),
					Known:        true,
				}
			}
			as.Target = key
		}
		m.Associations = append(m.Associations, as)
	}
	return nil
}
