package english

import "testing"

func TestCount(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0 types", 1: "1 type", 2: "2 types", 536: "536 types"} {
		if got := Count(n, "type"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}
