package regions

import (
	"cmp"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// scan is the obvious lookup the index must agree with: a linear search of the table.
func scan(id ID) *Info {
	for i := range table.infos {
		if table.infos[i].ID == id {
			return &table.infos[i]
		}
	}
	return nil
}

func TestIndexFindsEveryRegionAndNearMisses(t *testing.T) {
	t.Parallel()
	if !slices.IsSortedFunc(table.infos, func(a, b Info) int { return cmp.Compare(a.ID, b.ID) }) {
		t.Error("the index's regions are not sorted by ID")
	}
	for i := range table.infos {
		id := table.infos[i].ID
		if got := table.find(id); got != &table.infos[i] {
			t.Errorf("find(%q) = %v", id, got)
		}
		// IDs one edit away share a prefix or a suffix with a real one, so they land
		// on the same slots; none of them may match.
		for _, near := range []ID{id[:len(id)-1], id + "-", "x" + id[1:], id[:len(id)-1] + "9", ID(string(id[1:]))} {
			if got := table.find(near); got != scan(near) {
				t.Errorf("find(%q) = %v, want %v", near, got, scan(near))
			}
		}
	}
}

func TestIndexAgreesWithScan(t *testing.T) {
	t.Parallel()
	ids := make([]string, len(table.infos))
	for i := range table.infos {
		ids[i] = string(table.infos[i].ID)
	}
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.String(), rapid.SampledFrom(ids), rapid.StringMatching(`[a-z]{2}-[a-z]{4,12}(-[0-9])?`)).
			Draw(t, "id")
		if got, want := table.find(ID(s)), scan(ID(s)); got != want {
			t.Fatalf("find(%q) = %v, want %v", s, got, want)
		}
	})
}
