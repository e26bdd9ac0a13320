package client

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/eipassoc/eipassoc"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// retry calls fn until it succeeds, fails with an error that is not retryable, runs
// out of attempts, or would sleep past the context's deadline. It returns fn's last
// error.
func (c *Client) retry(ctx context.Context, op backend.Op, fn func(context.Context) error) error {
	p := c.opts.Retry
	for attempt := 1; ; attempt++ {
		err := fn(ctx)
		if err == nil || !backend.Retryable(err) || attempt >= p.MaxAttempts {
			if err != nil {
				c.log.LogAttrs(
					ctx,
					slog.LevelDebug,
					"call failed",
					slog.String("op", string(op)),
					slog.Int("attempt", attempt),
					slog.String("code", backend.Code(err)),
					slog.String("error", err.Error()),
				)
			}
			return err
		}
		delay := backoff(p, attempt)
		if deadline, ok := ctx.Deadline(); ok && deadline.Sub(c.clock.Now()) < delay {
			return err
		}
		c.log.LogAttrs(
			ctx,
			slog.LevelWarn,
			"retrying",
			slog.String("op", string(op)),
			slog.Int("attempt", attempt),
			slog.String("code", backend.Code(err)),
			slog.Duration("delay", delay),
		)
		if c.clock.Sleep(ctx, delay) != nil {
			return err
		}
	}
}

// backoff returns the delay after the given failed attempt: a random duration up to
// BaseDelay·2^(attempt-1), capped at MaxDelay ("full jitter").
func backoff(p RetryPolicy, attempt int) time.Duration {
	ceiling := p.MaxDelay
	if shift := attempt - 1; shift < 30 && p.BaseDelay<<shift < p.MaxDelay && p.BaseDelay<<shift > 0 {
		ceiling = p.BaseDelay << shift
	}
	return time.Duration(rand.Int64N(int64(ceiling)) + 1)
}

func (c *Client) describeEIP(ctx context.Context, region regions.ID, id eip.ID) (eip.Address, error) {
	var page backend.EIPPage
	err := c.retry(ctx, backend.OpDescribeEIPs, func(ctx context.Context) (err error) {
		page, err = c.b.DescribeEIPs(ctx, backend.DescribeEIPsInput{Region: region, IDs: []eip.ID{id}})
		return err
	})
	if err != nil {
		return eip.Address{}, err
	}
	if len(page.EIPs) != 1 {
		return eip.Address{}, notFound(
			backend.OpDescribeEIPs,
			"InvalidAllocationId.NotFound",
			"EIP "+string(id)+" not found in "+string(region),
		)
	}
	return page.EIPs[0], nil
}

func (c *Client) describeENI(ctx context.Context, region regions.ID, id eni.ID) (eni.Interface, error) {
	var page backend.ENIPage
	err := c.retry(ctx, backend.OpDescribeENIs, func(ctx context.Context) (err error) {
		page, err = c.b.DescribeENIs(ctx, backend.DescribeENIsInput{Region: region, IDs: []eni.ID{id}})
		return err
	})
	if err != nil {
		return eni.Interface{}, err
	}
	if len(page.ENIs) != 1 {
		return eni.Interface{}, notFound(
			backend.OpDescribeENIs,
			"InvalidEniId.NotFound",
			"ENI "+string(id)+" not found in "+string(region),
		)
	}
	return page.ENIs[0], nil
}

func notFound(op backend.Op, code, msg string) error { return backend.NewError(string(op), code, msg) }

// bound lists the EIPs associated with the ENI: as a NetworkInterface target and, for a
// primary ENI, as its instance.
func (c *Client) bound(ctx context.Context, n eni.Interface) ([]eipassoc.Binding, error) {
	targets := []struct {
		id  string
		typ eip.InstanceType
	}{{string(n.ID), eip.NetworkInterface}}
	if n.Kind == eni.Primary && n.Instance != "" {
		targets = append(targets, struct {
			id  string
			typ eip.InstanceType
		}{n.Instance, eip.EcsInstance})
	}
	var out []eipassoc.Binding
	for _, t := range targets {
		for number := 1; ; number++ {
			var page backend.EIPPage
			err := c.retry(ctx, backend.OpDescribeEIPs, func(ctx context.Context) (err error) {
				page, err = c.b.DescribeEIPs(
					ctx,
					backend.DescribeEIPsInput{
						Region:                 n.Region,
						AssociatedInstanceID:   t.id,
						AssociatedInstanceType: t.typ,
						PageNumber:             number,
						PageSize:               100,
					},
				)
				return err
			})
			if err != nil {
				return nil, err
			}
			for _, a := range page.EIPs {
				out = append(out, eipassoc.BindingOf(a))
			}
			if len(page.EIPs) == 0 || number*100 >= page.TotalCount {
				break
			}
		}
	}
	return out, nil
}

// waitEIP polls until done reports the EIP done or fails. Once the EIP has been seen in
// the transitional status during, a fall back to the status it left (Available after
// Associating, InUse after Unassociating) means the cloud reverted the operation.
func (c *Client) waitEIP(
	ctx context.Context,
	region regions.ID,
	id eip.ID,
	want string,
	during eip.Status,
	done func(eip.Address) (bool, error),
) (eip.Address, error) {
	var last eip.Address
	seen := false
	err := c.wait(ctx, string(id), func(ctx context.Context) (string, bool, error) {
		a, err := c.describeEIP(ctx, region, id)
		if err != nil {
			return "", false, err
		}
		last = a
		ok, err := done(a)
		switch {
		case ok || err != nil:
			return a.Status.String(), ok, err
		case a.Status == during:
			seen = true
		case seen:
			return a.Status.String(), false, fmt.Errorf(
				"%w: EIP %s went from %s to %s",
				ErrReverted,
				id,
				during,
				a.Status,
			)
		}
		return a.Status.String() + " on " + describe(a.Association), false, nil
	}, want)
	return last, err
}

// waitENI polls until the ENI has status want, failing like waitEIP when it falls back
// from during.
func (c *Client) waitENI(
	ctx context.Context,
	region regions.ID,
	id eni.ID,
	want, during eni.Status,
) (eni.Interface, error) {
	var last eni.Interface
	seen := false
	err := c.wait(ctx, string(id), func(ctx context.Context) (string, bool, error) {
		n, err := c.describeENI(ctx, region, id)
		if err != nil {
			return "", false, err
		}
		last = n
		switch {
		case n.Status == during:
			seen = true
		case seen && n.Status != want:
			return n.Status.String(), false, fmt.Errorf(
				"%w: ENI %s went from %s to %s",
				ErrReverted,
				id,
				during,
				n.Status,
			)
		}
		return n.Status.String(), n.Status == want, nil
	}, want.String())
	return last, err
}

// wait calls poll every PollInterval on the client's clock until it reports done, fails,
// or WaitTimeout or the context ends the wait with a *TimeoutError.
func (c *Client) wait(
	ctx context.Context,
	resource string,
	poll func(context.Context) (status string, done bool, err error),
	want string,
) error {
	ctx, cancel := context.WithTimeout(ctx, c.opts.WaitTimeout)
	defer cancel()
	start := c.clock.Now()
	deadline := start.Add(c.opts.WaitTimeout)
	last := "unknown"
	for {
		status, done, err := poll(ctx)
		if done {
			c.log.LogAttrs(
				ctx,
				slog.LevelDebug,
				"state reached",
				slog.String("resource", resource),
				slog.String("status", status),
				slog.Duration("after", c.clock.Now().Sub(start)),
			)
			return nil
		}
		if err == nil {
			last = status
		} else if ctx.Err() == nil {
			return err
		}
		if ctx.Err() != nil || !c.clock.Now().Before(deadline) {
			return &TimeoutError{Resource: resource, Want: want, Last: last, Err: ctx.Err()}
		}
		if err := c.clock.Sleep(ctx, c.opts.PollInterval); err != nil {
			return &TimeoutError{Resource: resource, Want: want, Last: last, Err: err}
		}
	}
}
