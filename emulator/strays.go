package emulator

import (
	"slices"
	"sync"
)

// strays notes the parameters handlers read that their operation does not declare, as
// "Action Parameter", for the tests to fail on.
type strays struct {
	mu    sync.Mutex
	names []string
}

func (s *strays) note(action string, params []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range params {
		if name := action + " " + p; !slices.Contains(s.names, name) {
			s.names = append(s.names, name)
		}
	}
}

func (s *strays) list() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(slices.Values(s.names))
}
