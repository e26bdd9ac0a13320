package fake

import (
	"math"
	"math/bits"
	"slices"
)

// A listing keeps IDs in the order they were created, which is the order the describe
// calls list them in. Adding and removing cost O(log n) (removal leaves a hole that a
// later compaction reclaims, amortised O(1)), and finding the k-th ID costs O(log n)
// through a Fenwick tree over the live slots, so that a page costs the same at 100 and
// at 20,000 resources. The zero value is an empty listing.
type listing[K comparable] struct {
	slots []K       // creation order; a removed slot holds the zero K
	pos   map[K]int // ID -> slot
	tree  []int32   // Fenwick tree over the slots (1-based): 1 live, 0 removed
	holes int
}

// add appends id, which must not be listed already.
func (l *listing[K]) add(id K) {
	if l.pos == nil {
		l.pos = map[K]int{}
	}
	l.pos[id] = len(l.slots)
	l.slots = append(l.slots, id)
	// The new node i covers (i-lowbit(i), i]: its own 1 plus the live slots before it
	// in that range.
	i := len(l.slots)
	l.tree = append(l.tree, int32(1+l.prefix(i-1)-l.prefix(i-i&-i)))
}

// remove drops id from the listing, if it is there.
func (l *listing[K]) remove(id K) {
	at, ok := l.pos[id]
	if !ok {
		return
	}
	delete(l.pos, id)
	var zero K
	l.slots[at] = zero
	for i := at + 1; i <= len(l.tree); i += i & -i {
		l.tree[i-1]--
	}
	l.holes++
	if l.holes > 1024 && l.holes > len(l.pos) {
		l.compact()
	}
}

// compact rebuilds the listing without its holes, in O(n).
func (l *listing[K]) compact() {
	ids := make([]K, 0, len(l.pos))
	for i, id := range l.slots {
		if at, ok := l.pos[id]; ok && at == i {
			ids = append(ids, id)
		}
	}
	*l = listing[K]{}
	for _, id := range ids {
		l.add(id)
	}
}

// len returns how many IDs are listed.
func (l *listing[K]) len() int { return len(l.pos) }

// slot returns id's place in creation order (comparable between IDs of one listing).
func (l *listing[K]) slot(id K) (int, bool) {
	at, ok := l.pos[id]
	return at, ok
}

// prefix returns how many of the first n slots are live.
func (l *listing[K]) prefix(n int) int {
	sum := 0
	for ; n > 0; n -= n & -n {
		sum += int(l.tree[n-1])
	}
	return sum
}

// from returns the live IDs from the rank-th (0-based) on, in order, at most max of them.
func (l *listing[K]) from(rank, max int) []K {
	if rank < 0 || rank >= l.len() || max <= 0 {
		return nil
	}
	// Find the slot of the rank-th live ID by descending the tree.
	at, left := 0, rank+1
	for step := 1 << (bits.Len(uint(len(l.tree))) - 1); step > 0; step >>= 1 {
		if next := at + step; next <= len(l.tree) && int(l.tree[next-1]) < left {
			at, left = next, left-int(l.tree[next-1])
		}
	}
	out := make([]K, 0, min(max, l.len()-rank))
	for i := at; i < len(l.slots) && len(out) < max; i++ {
		if at, ok := l.pos[l.slots[i]]; ok && at == i {
			out = append(out, l.slots[i])
		}
	}
	return out
}

// all returns every live ID in order.
func (l *listing[K]) all() []K { return l.from(0, l.len()) }

// clone returns an independent copy.
func (l *listing[K]) clone() *listing[K] {
	c := &listing[K]{
		slots: slices.Clone(l.slots),
		tree:  slices.Clone(l.tree),
		holes: l.holes,
		pos:   make(map[K]int, len(l.pos)),
	}
	for id, at := range l.pos {
		c.pos[id] = at
	}
	return c
}

// pageStart returns the offset of page number (1-based) of the given size; a page so far
// out that the offset overflows starts at math.MaxInt, past any listing.
func pageStart(number, size int) int {
	if number-1 > math.MaxInt/size {
		return math.MaxInt
	}
	return (number - 1) * size
}

// pageOf returns at most size IDs from the start-th (0-based) on, and how many IDs
// match in all. The IDs are those of l, or only those in ids when it is not empty, that
// keep accepts; unfiltered says that keep accepts every ID, so the page is found by rank
// without looking at the others. Its cost follows the page and the ids asked for, not
// the size of the listing, except for a filtered listing of everything.
func pageOf[K comparable](
	l *listing[K],
	ids []K,
	keep func(K) bool,
	unfiltered bool,
	start, size int,
) (page []K, total int) {
	switch {
	case len(ids) > 0:
		var match []K
		seen := make(map[K]bool, len(ids))
		for _, id := range ids {
			if _, listed := l.slot(id); listed && !seen[id] && keep(id) {
				seen[id] = true
				match = append(match, id)
			}
		}
		slices.SortFunc(match, func(a, b K) int {
			x, _ := l.slot(a)
			y, _ := l.slot(b)
			return x - y
		})
		if start < len(match) {
			page = match[start:min(start+size, len(match))]
		}
		return page, len(match)
	case unfiltered:
		return l.from(start, size), l.len()
	default:
		for i, id := range l.slots {
			if at, ok := l.pos[id]; !ok || at != i || !keep(id) {
				continue
			}
			if total >= start && total-start < size {
				page = append(page, id)
			}
			total++
		}
		return page, total
	}
}
