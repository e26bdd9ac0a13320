package fake_test

import (
	"testing"
	"time"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/backend/backendtest"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// newAccount returns a fake account with one vSwitch in cn-shanghai and one ecs.g7.large
// instance in it.
func newAccount(opts fake.Options) *fake.Backend {
	return fake.NewBuilder(opts).
		VSwitch("vsw-1", "cn-shanghai", "cn-shanghai-b", "vpc-1", "192.168.0.0/24").
		Instance("i-1", "ecs.g7.large", "vsw-1").
		MustBuild()
}

func TestConformance(t *testing.T) {
	t.Parallel()
	backendtest.Run(t, func(t *testing.T) backendtest.Setup {
		return backendtest.Setup{
			Backend: newAccount(fake.Options{Seed: 1, Account: eipassoc.Account{MultiBindedAllowed: true}}),
			Region:  "cn-shanghai", VSwitch: "vsw-1", Instance: "i-1",
			MultiBindedAllowed: true, EIPQuota: 20, Prepaid: true,
		}
	})
}

func TestConformanceNotAllowlisted(t *testing.T) {
	t.Parallel()
	backendtest.Run(t, func(t *testing.T) backendtest.Setup {
		return backendtest.Setup{
			Backend:  newAccount(fake.Options{Seed: 2}),
			Region:   "cn-shanghai",
			VSwitch:  "vsw-1",
			Instance: "i-1",
		}
	})
}

// TestConformanceWithTransitions runs the suite with real status transitions: every
// Associating, Attaching... status lasts 2ms of wall-clock time, and the suite polls.
func TestConformanceWithTransitions(t *testing.T) {
	t.Parallel()
	backendtest.Run(t, func(t *testing.T) backendtest.Setup {
		return backendtest.Setup{
			Backend: newAccount(
				fake.Options{
					Seed:            3,
					Account:         eipassoc.Account{MultiBindedAllowed: true},
					TransitionDelay: 2 * time.Millisecond,
				},
			),
			Region: "cn-shanghai", VSwitch: "vsw-1", Instance: "i-1", MultiBindedAllowed: true, Timeout: 5 * time.Second,
		}
	})
}
