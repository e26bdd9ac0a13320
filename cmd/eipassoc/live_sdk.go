package main

import (
	"context"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/aliyun"
	"github.com/eipassoc/eipassoc/check"
	"github.com/eipassoc/eipassoc/regions"
)

// open returns the real backend for the account the flags name.
func (a *accountFlags) open() (*aliyun.Backend, error) {
	return aliyun.New(aliyun.Config{Region: regions.ID(*a.region), Endpoint: *a.endpoint, Protocol: *a.protocol})
}

// enrich reads the account through the real backend; ctx cancels it (Ctrl-C).
func (l *liveFlags) enrich(ctx context.Context, m *check.Model) error {
	b, err := l.account.open()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return check.Enrich(ctx, m, b)
}

// instanceTypes reads the ENI limits of the named instance types, or of all of them,
// from the account's DescribeInstanceTypes.
func (a *accountFlags) instanceTypes(ctx context.Context, types []string) ([]backend.InstanceType, error) {
	b, err := a.open()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return b.DescribeInstanceTypes(ctx, backend.DescribeInstanceTypesInput{Types: types})
}
