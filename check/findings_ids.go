package check

// withIDs names, in the messages and fixes of fs, every resource the plan manages that
// exists already by its address and its cloud ID ("alicloud_ecs_network_interface.pub
// (eni-uf6...)"), whichever of the two the message gave, so that a finding names what
// it blames by both. Addresses and IDs are matched whole, never inside a longer address
// ("module.x.alicloud_instance.fw" is not "alicloud_instance.fw").
func (m *Model) withIDs(fs []Finding) {
	if len(fs) == 0 {
		return
	}
	ids := map[string]string{}
	add := func(address, id string) {
		if address != "" && id != "" && id != address {
			ids[address] = id
		}
	}
	for _, n := range m.ENIs {
		add(n.Address, n.ID)
	}
	for _, e := range m.EIPs {
		add(e.Address, e.ID)
	}
	for _, in := range m.Instances {
		add(in.Address, in.ID)
	}
	if len(ids) == 0 {
		return
	}
	addresses := make(map[string]string, len(ids))
	for address, id := range ids {
		addresses[id] = address
	}
	for i := range fs {
		fs[i].Message = namedWithIDs(fs[i].Message, ids, addresses)
		fs[i].Fix = namedWithIDs(fs[i].Fix, ids, addresses)
	}
}

// namedWithIDs writes " (ID)" after each whole address of s that ids has, and the
// address before each whole ID that addresses has.
func namedWithIDs(s string, ids, addresses map[string]string) string {
	var out []byte
	last := 0
	for i := 0; i < len(s); {
		if !addressByte(s[i]) || i > 0 && addressByte(s[i-1]) {
			i++
			continue
		}
		j := i
		for j < len(s) && addressByte(s[j]) {
			j++
		}
		end := j
		for end > i && (s[end-1] == '.' || s[end-1] == '-') { // a sentence's end, not the address's
			end--
		}
		if id, ok := ids[s[i:end]]; ok {
			out = append(out, s[last:end]...)
			out = append(out, " ("+id+")"...)
			last = end
		} else if address, ok := addresses[s[i:end]]; ok && (i == 0 || s[i-1] != '(') {
			out = append(out, s[last:i]...)
			out = append(out, address+" ("+s[i:end]+")"...)
			last = end
		}
		i = j
	}
	if out == nil {
		return s
	}
	return string(append(out, s[last:]...))
}

// addressByte reports whether b may be part of a resource instance address.
func addressByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' ||
		b == '_' || b == '-' || b == '.' || b == '[' || b == ']' || b == '"'
}
