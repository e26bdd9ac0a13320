package fake

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestListingMatchesASlice checks the listing against the plain way to keep an ordered
// list: a slice, appended to and deleted from. Enough removals happen to trigger
// compactions.
func TestListingMatchesASlice(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		var l listing[int]
		var model []int
		next := 1
		for range rapid.IntRange(0, 3000).Draw(t, "ops") {
			if len(model) == 0 || rapid.IntRange(0, 2).Draw(t, "op") > 0 {
				l.add(next)
				model = append(model, next)
				next++
			} else {
				i := rapid.IntRange(0, len(model)-1).Draw(t, "victim")
				l.remove(model[i])
				model = slices.Delete(model, i, i+1)
			}
		}
		if l.len() != len(model) {
			t.Fatalf("len %d, want %d", l.len(), len(model))
		}
		if got := l.all(); !slices.Equal(got, model) && !(len(got) == 0 && len(model) == 0) {
			t.Fatalf("all = %v, want %v", got, model)
		}
		rank := rapid.IntRange(-1, len(model)+1).Draw(t, "rank")
		max := rapid.IntRange(0, 120).Draw(t, "max")
		var want []int
		if rank >= 0 && rank < len(model) {
			want = model[rank:min(rank+max, len(model))]
		}
		if got := l.from(rank, max); !slices.Equal(got, want) {
			t.Fatalf("from(%d, %d) = %v, want %v", rank, max, got, want)
		}
		c := l.clone()
		l.add(next)
		if c.len() != len(model) {
			t.Fatalf("the clone changed with the original")
		}
		for i := 1; i < len(model); i++ {
			a, _ := l.slot(model[i-1])
			b, _ := l.slot(model[i])
			if a >= b {
				t.Fatalf("slots out of order: %d at %d, %d at %d", model[i-1], a, model[i], b)
			}
		}
	})
}

// TestListingCompacts: after many removals the holes are reclaimed and order and ranks
// hold.
func TestListingCompacts(t *testing.T) {
	t.Parallel()
	var l listing[int]
	for i := range 5000 {
		l.add(i)
	}
	for i := 0; i < 5000; i++ {
		if i%5 != 0 {
			l.remove(i)
		}
	}
	if len(l.slots) >= 5000 || l.holes > 1024 {
		t.Errorf("no compaction: %d slots, %d holes", len(l.slots), l.holes)
	}
	if l.len() != 1000 {
		t.Fatalf("len %d", l.len())
	}
	for rank := range 1000 {
		if got := l.from(rank, 1); len(got) != 1 || got[0] != rank*5 {
			t.Fatalf("from(%d) = %v, want [%d]", rank, got, rank*5)
		}
	}
}
