package emulator_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/emulator"
)

// TestRecordWritesEveryCall: -record (Config.Record) writes a served call, a call of an
// action the server does not serve (UnsupportedOperation) and a call whose signature
// does not match (SignatureDoesNotMatch), each with its
// status and code, and without signing parameters.
func TestRecordWritesEveryCall(t *testing.T) {
	t.Parallel()
	var rec bytes.Buffer
	s, err := emulator.New(emulator.Config{
		Backend:    fake.NewBuilder(fake.Options{}).EIP("eip-1", "cn-shanghai").MustBuild(),
		AccessKeys: map[string]string{keyID: secret},
		Now:        func() time.Time { return fixedNow },
		Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Record:     &rec,
	})
	if err != nil {
		t.Fatal(err)
	}
	serve(s, signedV2(t, "DescribeEipAddresses", map[string]string{"RegionId": "cn-shanghai"}, "r-1"))
	serve(s, signedV2(t, "DescribeNatGateways", map[string]string{"RegionId": "cn-shanghai"}, "r-2"))
	bad := signedV2(t, "DescribeEipAddresses", map[string]string{"RegionId": "cn-shanghai"}, "r-3")
	q := bad.URL.Query()
	q.Set("Signature", "forged")
	bad.URL.RawQuery = q.Encode()
	serve(s, bad)
	var got []string
	for line := range strings.SplitSeq(strings.TrimSpace(rec.String()), "\n") {
		var e emulator.Exchange
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if _, signed := e.Params["Signature"]; signed {
			t.Errorf("a recorded call keeps its signature: %s", line)
		}
		got = append(got, e.Action+" "+e.Code)
	}
	want := []string{"DescribeEipAddresses ", "DescribeNatGateways UnsupportedOperation",
		"DescribeEipAddresses SignatureDoesNotMatch"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("recorded %q, want %q", got, want)
	}
}
