package regions_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/eipassoc/eipassoc/internal/enumtest"
	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestStatusContract(t *testing.T) {
	t.Parallel()
	enumtest.Check(
		t,
		[]regions.Status{regions.Open, regions.Closing, regions.Closed},
		regions.ParseStatus,
		regions.ErrUnknownStatus,
		"region-status-invalid",
	)
}

func FuzzParseStatus(f *testing.F) {
	enumtest.Fuzz(
		f,
		[]regions.Status{regions.Open, regions.Closing, regions.Closed},
		regions.ParseStatus,
		"Closing Down",
	)
}

func TestTableIsComplete(t *testing.T) {
	t.Parallel()
	all := regions.All()
	if len(all) < 35 {
		t.Fatalf("only %d regions", len(all))
	}
	for _, info := range all {
		if info.Name == "" || !info.Status.IsValid() || !info.ID.Known() {
			t.Errorf("incomplete entry %+v", info)
		}
		if l := info.Listing(modes.NAT); !l.ProductDoc || !l.Agree() {
			t.Errorf("%s: NAT must be listed by both sources (all regions)", info.ID)
		}
		if strings.ToLower(string(info.ID)) != string(info.ID) {
			t.Errorf("%s: IDs are lower case", info.ID)
		}
	}
}

func TestModeLists(t *testing.T) {
	t.Parallel()
	tests := []struct {
		mode modes.Mode
		want []regions.ID
	}{
		{
			modes.Binded,
			[]regions.ID{
				"ap-southeast-1",
				"ap-southeast-5",
				"cn-beijing",
				"cn-chengdu",
				"cn-guangzhou",
				"cn-hangzhou",
				"cn-huhehaote",
				"cn-qingdao",
				"cn-shanghai",
				"cn-shenzhen",
				"cn-zhangjiakou",
				"eu-central-1",
				"eu-west-1",
				"us-east-1",
			},
		},
		// ap-south-1 (Mumbai) is on the 2021 MULTI_BINDED list, but closed: a closed
		// region supports nothing new (facts §4).
		{
			modes.MultiBinded,
			[]regions.ID{
				"ap-southeast-1",
				"cn-beijing",
				"cn-chengdu",
				"cn-shanghai",
				"cn-shenzhen",
				"cn-zhangjiakou",
				"eu-central-1",
				"eu-west-1",
				"us-east-1",
			},
		},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, regions.ForMode(tc.mode)); diff != "" {
			t.Errorf("ForMode(%v) mismatch (-want +got):\n%s", tc.mode, diff)
		}
	}
	open := 0
	for _, info := range regions.All() {
		if info.Status != regions.Closed {
			open++
		}
		if info.Status == regions.Closed && len(info.Modes()) > 0 {
			t.Errorf("closed region %s supports %v", info.ID, info.Modes())
		}
	}
	if got := len(regions.ForMode(modes.NAT)); got != open {
		t.Errorf("NAT in %d of %d regions that are not closed", got, open)
	}
	if regions.ForMode(modes.Mode(0)) != nil {
		t.Error("the zero mode is offered somewhere")
	}
}

func TestSourcesDisagreeOnGuangzhouOnly(t *testing.T) {
	t.Parallel()
	var disagree []string
	for _, info := range regions.All() {
		for _, m := range modes.All() {
			if !info.Listing(m).Agree() {
				disagree = append(disagree, string(info.ID)+"/"+m.String())
			}
		}
	}
	if diff := cmp.Diff([]string{"cn-guangzhou/BINDED"}, disagree); diff != "" {
		t.Errorf("disagreements (-want +got):\n%s", diff)
	}
	gz, _ := regions.Lookup("cn-guangzhou")
	if l := gz.Listing(modes.Binded); !l.ProductDoc || l.APIDoc {
		t.Errorf("cn-guangzhou BINDED listing = %+v", l)
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     regions.ID
		want   regions.ID
		status regions.Status
	}{
		{"cn-hangzhou", "cn-hangzhou", regions.Open},
		{" CN-Hangzhou ", "cn-hangzhou", regions.Open},
		{"ap-south-1", "ap-south-1", regions.Closed},
		{"ap-southeast-2", "ap-southeast-2", regions.Closed},
		{"cn-nanjing", "cn-nanjing", regions.Closing},
	}
	for _, tc := range tests {
		info, err := regions.Lookup(tc.in)
		if err != nil || info.ID != tc.want || info.Status != tc.status {
			t.Errorf("Lookup(%q) = %+v, %v", tc.in, info, err)
		}
	}
	for _, in := range []regions.ID{"", "mars-north-1", "cn-hangzhou-1", "\xff"} {
		_, err := regions.Lookup(in)
		var ue *regions.UnknownError
		if !errors.Is(err, regions.ErrUnknown) || !errors.As(err, &ue) || ue.ID != in ||
			ue.Code() != regions.CodeUnknown {
			t.Errorf("Lookup(%q) error = %v", in, err)
		}
		if in.Known() {
			t.Errorf("%q.Known()", in)
		}
	}
}

func TestInfoModes(t *testing.T) {
	t.Parallel()
	info, _ := regions.Lookup("cn-shanghai")
	if diff := cmp.Diff([]modes.Mode{modes.NAT, modes.Binded, modes.MultiBinded}, info.Modes()); diff != "" {
		t.Errorf("cn-shanghai modes (-want +got):\n%s", diff)
	}
	if (regions.Info{}).Supports(modes.NAT) {
		t.Error("the zero Info supports NAT")
	}
}

func TestLookupNeverPanics(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		id := regions.ID(rapid.String().Draw(t, "id"))
		info, err := regions.Lookup(id)
		if (err == nil) != (info.ID != "") {
			t.Fatalf("Lookup(%q) = %+v, %v", id, info, err)
		}
	})
}

func FuzzLookup(f *testing.F) {
	for _, info := range regions.All() {
		f.Add(string(info.ID))
	}
	f.Add("")
	f.Add("CN-HANGZHOU")
	f.Fuzz(func(t *testing.T, s string) {
		info, err := regions.Lookup(regions.ID(s))
		if err != nil {
			if !errors.Is(err, regions.ErrUnknown) {
				t.Fatalf("Lookup(%q): untyped error %v", s, err)
			}
			return
		}
		if !info.ID.Known() || !strings.EqualFold(strings.TrimSpace(s), string(info.ID)) {
			t.Fatalf("Lookup(%q) = %s", s, info.ID)
		}
	})
}

func TestParseStatusRapid(t *testing.T) { enumtest.Property(t, regions.ParseStatus) }

var sinkInfo regions.Info

// BenchmarkLookup measures the lookup CanAssociate makes on every call: an exact ID.
func BenchmarkLookup(b *testing.B) {
	for b.Loop() {
		sinkInfo, _ = regions.Lookup("cn-hangzhou")
	}
}
