package check_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/ecs"
)

// Settings mean what the CLI's flags document: observed, warn and unknown DHCP when
// left empty; each word a setting takes; and a *SettingError naming the setting for
// anything else.
func TestSettings(t *testing.T) {
	t.Parallel()
	opts, err := check.Settings{}.Options()
	if err != nil || opts.Behaviour != eipassoc.Observed || opts.Unknown != check.UnknownWarn ||
		opts.InstanceDHCP != ecs.DHCPUnknown || opts.Limits != nil || opts.Account.MultiBindedAllowed {
		t.Fatalf("defaults: %+v, %v", opts, err)
	}
	table := filepath.Join(t.TempDir(), "limits.txt")
	if err := os.WriteFile(table, []byte("ecs.g8i: large 3/10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts, err = check.Settings{Behaviour: "documented", InstanceDHCP: "enabled", Unknown: "fail",
		LimitsFile: table, MultiBindedAllowed: true}.Options()
	if err != nil || opts.Behaviour != eipassoc.Documented || opts.Unknown != check.UnknownFail ||
		opts.InstanceDHCP != ecs.DHCPEnabled || !opts.Account.MultiBindedAllowed {
		t.Fatalf("set: %+v, %v", opts, err)
	}
	if l, ok := opts.Limits.Lookup("ecs.g8i.large"); !ok || l.ENIs != 3 || l.PrivateIPsPerENI != 10 {
		t.Fatalf("limits from the file: %+v, %v", l, ok)
	}
	for _, c := range []struct {
		s    check.Settings
		name string
		want error
	}{
		{check.Settings{Behaviour: "lax"}, check.SettingBehaviour, nil},
		{check.Settings{InstanceDHCP: "maybe"}, check.SettingInstanceDHCP, nil},
		{check.Settings{Unknown: "shrug"}, check.SettingUnknown, nil},
		{check.Settings{LimitsFile: filepath.Join(t.TempDir(), "none")}, check.SettingLimitsFile, fs.ErrNotExist},
	} {
		_, err := c.s.Options()
		var bad *check.SettingError
		if !errors.As(err, &bad) || bad.Setting != c.name || (c.want != nil && !errors.Is(err, c.want)) {
			t.Errorf("%+v: %v; want a *SettingError for %s", c.s, err, c.name)
		}
	}
}
