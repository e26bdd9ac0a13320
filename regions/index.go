package regions

import (
	"cmp"
	"math/bits"
	"slices"
)

// indexSlots is the size of an index's hash table: a power of two several times the
// number of regions, so that a lookup probes one slot or two.
const indexSlots = 256

// An index finds a region by its exact ID. It hashes the ID's first and last eight
// bytes into a table of positions with linear probing: [CanAssociate] looks regions up
// on every call, and this is cheaper than a map lookup, whose hash is built for keys of
// any length (BenchmarkLookup).
//
// [CanAssociate]: https://pkg.go.dev/github.com/eipassoc/eipassoc#CanAssociate
type index struct {
	infos []Info            // sorted by ID
	slots [indexSlots]uint8 // 1 + the position in infos, or 0 for an empty slot
}

// newIndex indexes infos. It panics if two regions share an ID or if there are more
// regions than an index holds, both mistakes in this package's table caught at init.
func newIndex(infos map[ID]Info) *index {
	x := &index{infos: make([]Info, 0, len(infos))}
	for _, info := range infos {
		x.infos = append(x.infos, info)
	}
	slices.SortFunc(x.infos, func(a, b Info) int { return cmp.Compare(a.ID, b.ID) })
	if len(x.infos) >= indexSlots/2 || len(x.infos) > 255 {
		panic("regions: the table has too many regions for the index")
	}
	for i := range x.infos {
		h := hashID(string(x.infos[i].ID))
		for x.slots[h%indexSlots] != 0 {
			h++
		}
		x.slots[h%indexSlots] = uint8(i + 1)
	}
	return x
}

// find returns the region whose ID is exactly id, or nil. The table always has an empty
// slot, so the probe ends.
func (x *index) find(id ID) *Info {
	for h := hashID(string(id)); ; h++ {
		slot := x.slots[h%indexSlots]
		if slot == 0 {
			return nil
		}
		if info := &x.infos[slot-1]; info.ID == id {
			return info
		}
	}
}

// hashID hashes a region ID: an ID of eight bytes or more by its first and last eight
// bytes and its length (every region ID is), a shorter one byte by byte with FNV-1a.
// Collisions only cost a probe.
func hashID(s string) uint32 {
	if len(s) < 8 {
		h := uint32(2166136261)
		for i := 0; i < len(s); i++ {
			h ^= uint32(s[i])
			h *= 16777619
		}
		return h
	}
	first, last := load64(s), load64(s[len(s)-8:])
	h := (first ^ bits.RotateLeft64(last, 29) ^ uint64(len(s))) * 0x9e3779b97f4a7c15
	return uint32(h >> 40)
}

// load64 reads the first eight bytes of s, little endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
