package emulator_test

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eip"
	"github.com/eipassoc/eipassoc/emulator"
	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/modes"
)

// TestParallelApplies drives the emulator the way Terraform does at its default
// -parallelism=10: ten workers, each through its own official SDK client, associate
// their EIP with a shared pool of ENIs and take it off again, as the provider does
// (AssociateEipAddress with a ClientToken, retried with the same token, then
// DescribeEipAddresses until InUse; UnassociateEipAddress, then until Available), while
// statuses take 5 ms to settle. Afterwards:
//   - every EIP is Available and every ENI carries nothing (the final state);
//   - a ClientToken retried after a success got a success, and associated nothing twice;
//   - in the order the account served the calls (its call log), each EIP's successful
//     calls alternate associate, unassociate, as the documented status machine
//     (Available -> Associating -> InUse -> Unassociating -> Available) requires, and
//     no ENI ever held two cut-through EIPs (one EIP per ENI in cut-through mode).
func TestParallelApplies(t *testing.T) {
	t.Parallel()
	const workers, rounds = 10, 6
	bld := fake.NewBuilder(fake.Options{Seed: 3, TransitionDelay: 5 * time.Millisecond}).
		VSwitch("vsw-p", "cn-shanghai", "cn-shanghai-b", "vpc-p", "192.168.0.0/24")
	for i := range 3 {
		bld.ENI(eni.ID(eniID(i)), "vsw-p", 1)
	}
	for i := range workers {
		bld.EIP(eip.ID(eipID(i)), "cn-shanghai")
	}
	account := bld.MustBuild()
	account.ResetCalls()
	srv, err := emulator.New(emulator.Config{Backend: account, AccessKeys: map[string]string{"k": "s"},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	var wg sync.WaitGroup
	var refused atomic.Int64
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- worker(ts.URL, w, rounds, &refused)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}

	if n := refused.Load(); n == 0 || n == workers*rounds {
		t.Errorf(
			"%d of %d associations refused: the workers did not contend, or nothing got through",
			n,
			workers*rounds,
		)
	}
	topo := account.Topology()
	for _, e := range topo.EIPs {
		if e.Association != nil {
			t.Errorf("%s is still associated: %+v", e.ID, e.Association)
		}
	}
	// The call log, in the order the account served the calls.
	associated := map[string]string{} // EIP -> ENI while associated
	token := map[string]string{}      // EIP -> the ClientToken that associated it
	cut := map[string]int{}           // ENI -> cut-through EIPs on it
	replays := 0
	for _, c := range account.Calls() {
		if c.Err != nil {
			continue
		}
		switch in := c.Input.(type) {
		case backend.AssociateEIPInput:
			if n, ok := associated[string(in.EIP)]; ok && n == in.InstanceID && token[string(in.EIP)] == in.ClientToken {
				replays++ // the same ClientToken again: the first call's answer, nothing done twice
				continue
			}
			token[string(in.EIP)] = in.ClientToken
			if _, ok := associated[string(in.EIP)]; ok {
				t.Fatalf("%s (%s): associated again while associated with %s", in.EIP, c.RequestID, associated[string(in.EIP)])
			}
			associated[string(in.EIP)] = in.InstanceID
			if in.Mode == modes.Binded {
				if cut[in.InstanceID]++; cut[in.InstanceID] > 1 {
					t.Fatalf("%s holds two cut-through EIPs", in.InstanceID)
				}
			}
		case backend.UnassociateEIPInput:
			n, ok := associated[string(in.EIP)]
			if !ok {
				t.Fatalf("%s (%s): unassociated while not associated", in.EIP, c.RequestID)
			}
			if cut[n] > 0 && strings.HasPrefix(n, "eni-") {
				cut[n]--
			}
			delete(associated, string(in.EIP))
		}
	}
	if len(associated) != 0 {
		t.Errorf("the call log leaves %v associated", associated)
	}
	if replays == 0 {
		t.Error("no retried ClientToken was answered as a replay")
	}
}

func eniID(i int) string { return fmt.Sprintf("eni-p%d", i) }
func eipID(i int) string { return fmt.Sprintf("eip-p%d", i) }

// worker associates EIP w with the ENIs in turn, cut-through on even rounds (where the
// workers contend for the ENI) and NAT otherwise, as the provider does.
func worker(url string, w, rounds int, refused *atomic.Int64) error {
	client, err := vpc.NewClient(
		&openapi.Config{
			AccessKeyId:     tea.String("k"),
			AccessKeySecret: tea.String("s"),
			RegionId:        tea.String("cn-shanghai"),
			Endpoint: tea.String(
				strings.TrimPrefix(url, "http://"),
			),
			Protocol:   tea.String("http"),
			HttpClient: sdkTransport{},
		},
	)
	if err != nil {
		return err
	}
	region, id := tea.String("cn-shanghai"), tea.String(eipID(w))
	for r := range rounds {
		target := eniID((w + r) % 3)
		mode := "NAT"
		if r%2 == 0 {
			mode = "BINDED"
		}
		token := fmt.Sprintf("tf-%d-%d", w, r)
		req := &vpc.AssociateEipAddressRequest{RegionId: region, AllocationId: id, InstanceId: tea.String(target),
			InstanceType: tea.String("NetworkInterface"), Mode: tea.String(mode), ClientToken: tea.String(token)}
		if err := untilAccepted(func() error { _, err := client.AssociateEipAddress(req); return err }); err != nil {
			// Another worker holds the ENI in another mode or at its capacity: the cloud
			// refuses with a conflict, state or capacity code, and Terraform reports it.
			if kind := backend.LookupCode(code(err)).Kind; kind == backend.ErrConflict ||
				kind == backend.ErrInvalidState ||
				kind == backend.ErrQuotaExceeded {
				refused.Add(1)
				continue
			}
			return fmt.Errorf("worker %d round %d associate: %w", w, r, err)
		}
		// The provider's retry after a timeout sends the same token: a success, and no
		// second association.
		if _, err := client.AssociateEipAddress(req); err != nil && code(err) != "IncorrectEipStatus" {
			return fmt.Errorf("worker %d round %d: the retried ClientToken: %w", w, r, err)
		}
		if err := waitStatus(client, id, "InUse"); err != nil {
			return fmt.Errorf("worker %d round %d: %w", w, r, err)
		}
		if err := untilAccepted(func() error {
			_, err := client.UnassociateEipAddress(&vpc.UnassociateEipAddressRequest{RegionId: region, AllocationId: id,
				InstanceId: tea.String(target), InstanceType: tea.String("NetworkInterface"),
				ClientToken: tea.String(token + "-off")})
			return err
		}); err != nil {
			return fmt.Errorf("worker %d round %d unassociate: %w", w, r, err)
		}
		if err := waitStatus(client, id, "Available"); err != nil {
			return fmt.Errorf("worker %d round %d: %w", w, r, err)
		}
	}
	return nil
}

// untilAccepted retries a call the provider retries (TaskConflict, IncorrectEipStatus,
// OperationConflict and the like, API facts "What TF retries on") for up to 2 s.
func untilAccepted(call func() error) error {
	deadline := time.Now().Add(2 * time.Second)
	for {
		err := call()
		if err == nil || time.Now().After(deadline) ||
			!backend.LookupCode(code(err)).Retryable && code(err) != "IncorrectEipStatus" &&
				code(err) != "InvalidBindingStatus" {
			return err
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func waitStatus(client *vpc.Client, id *string, want string) error {
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := client.DescribeEipAddresses(
			&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-shanghai"), AllocationId: id},
		)
		if err != nil {
			return err
		}
		if list := resp.Body.EipAddresses.EipAddress; len(list) == 1 && tea.StringValue(list[0].Status) == want {
			return nil
		}
		time.Sleep(time.Millisecond)
	}
	return fmt.Errorf("%s never became %s", tea.StringValue(id), want)
}

func code(err error) string {
	var sdkErr *tea.SDKError
	if errors.As(err, &sdkErr) {
		return tea.StringValue(sdkErr.Code)
	}
	return ""
}
