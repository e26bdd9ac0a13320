package fake

import (
	"context"
	"sync"
	"time"
)

// A ManualClock is a clock for Options.Clock that moves only when told to, so tests can
// step the fake's status transitions. The zero ManualClock starts at the zero time. It
// is safe for concurrent use.
type ManualClock struct {
	mu  sync.Mutex // guards now
	now time.Time
}

// NewManualClock returns a clock that reads t until it is advanced.
func NewManualClock(t time.Time) *ManualClock { return &ManualClock{now: t} }

// Now returns the clock's time.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Sleep moves the clock forward by d at once, unless ctx has ended, whose error it then
// returns. It makes a ManualClock usable as the Clock of a client.Client, so that the
// client's waits step the fake's transitions without real sleeping.
func (c *ManualClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.Advance(d)
	return nil
}
