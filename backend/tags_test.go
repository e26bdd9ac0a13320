package backend_test

import (
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/eipassoc/eipassoc/backend"
)

// TestMergeTags: after TagResources a resource has every tag it had whose key was not
// given, every tag given, keys unique and sorted; and more than 20 tags is refused with
// the API's code instead (VPC SizeLimitExceeded.TagNum, ECS OperationDenied.QuotaExceed).
func TestMergeTags(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		key := rapid.StringMatching(`[a-e][0-9]?`)
		tags := func(label string) []backend.Tag {
			keys := rapid.SliceOfNDistinct(key, 0, 25, rapid.ID).Draw(t, label)
			out := make([]backend.Tag, len(keys))
			for i, k := range keys {
				out[i] = backend.Tag{Key: k, Value: rapid.StringMatching(`[xyz]{0,2}`).Draw(t, label+"-value")}
			}
			return out
		}
		have, add := tags("have"), tags("add")
		api := rapid.SampledFrom([]backend.API{backend.VPC, backend.ECS}).Draw(t, "api")
		got, err := backend.MergeTags(api, "TagResources", "r-1", have, add)
		want := map[string]string{}
		for _, tg := range have {
			want[tg.Key] = tg.Value
		}
		for _, tg := range add {
			want[tg.Key] = tg.Value
		}
		if len(want) > backend.MaxTagsPerResource {
			code := map[backend.API]string{
				backend.VPC: "SizeLimitExceeded.TagNum", backend.ECS: "OperationDenied.QuotaExceed",
			}[api]
			if backend.Code(err) != code {
				t.Fatalf("%d tags: %v, want %s", len(want), err, code)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) ||
			!slices.IsSortedFunc(got, func(a, b backend.Tag) int { return strings.Compare(a.Key, b.Key) }) {
			t.Fatalf("got %v, want the keys of %v sorted", got, want)
		}
		for _, tg := range got {
			if v, ok := want[tg.Key]; !ok || v != tg.Value {
				t.Fatalf("got %v, want %v", got, want)
			}
		}
	})
}
