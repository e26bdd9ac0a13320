package emulator

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/tea"
	"pgregory.net/rapid"

	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestNonceLogMatchesTheRule checks the queue against the rule it implements, written
// out the slow way: a nonce is refused when the same nonce was accepted less than the
// window before. The clock moves forward by random steps, some longer than the window.
// With backward steps allowed too (a wall clock that is set back), the log may have
// forgotten a nonce the rule still remembers, so there it may accept more than the
// rule, never less.
func TestNonceLogMatchesTheRule(t *testing.T) {
	t.Parallel()
	for _, back := range []bool{false, true} {
		t.Run(fmt.Sprintf("clock-steps-back=%v", back), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) { checkNonceLog(t, back) })
		})
	}
}

func checkNonceLog(t *rapid.T, back bool) {
	var log nonceLog
	last := map[string]time.Time{} // the slow model: when each nonce was last accepted
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	steps := rapid.IntRange(1, 300).Draw(t, "steps")
	for i := range steps {
		switch rapid.IntRange(0, 9).Draw(t, "clock") {
		case 0:
			now = now.Add(signatureWindow + time.Duration(rapid.IntRange(-2, 60).Draw(t, "beyond"))*time.Second)
		case 1:
			if back {
				now = now.Add(-time.Duration(rapid.IntRange(1, 60).Draw(t, "back")) * time.Second)
			}
		default:
			now = now.Add(time.Duration(rapid.IntRange(0, 120).Draw(t, "step")) * time.Second)
		}
		nonce := strconv.Itoa(rapid.IntRange(0, 20).Draw(t, "nonce"))
		at, seen := last[nonce]
		want := !seen || now.Sub(at) >= signatureWindow
		got := log.use(nonce, now)
		if got != want && !(back && got) {
			t.Fatalf("step %d: use(%s) = %v, want %v", i, nonce, got, want)
		}
		if got {
			last[nonce] = now
		}
	}
}

// TestNonceLogForgets: after the window has passed, the log holds only the nonces seen
// within it, so memory follows the request rate, not the server's age.
func TestNonceLogForgets(t *testing.T) {
	t.Parallel()
	var log nonceLog
	start := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	// One nonce a second for an hour: the window of 15 minutes holds 900 of them.
	for i := range 3600 {
		if !log.use(fmt.Sprint(i), start.Add(time.Duration(i)*time.Second)) {
			t.Fatalf("nonce %d refused", i)
		}
	}
	if got := log.len(); got != 900 {
		t.Errorf("remembered %d nonces, want the 900 of the last 15 minutes", got)
	}
	if len(log.queue)-log.head != 900 || cap(log.queue) > 4*3600 {
		t.Errorf("queue holds %d live of %d (cap %d)", len(log.queue)-log.head, len(log.queue), cap(log.queue))
	}
}

// BenchmarkSignedRequests measures signed requests (RPC signature, signed in the loop)
// on a server that has just started and on one that has already served 200,000 signed
// requests inside the window, whose nonces it must all remember: the rate must not fall
// with the size of the table.
func BenchmarkSignedRequests(b *testing.B) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for _, before := range []int{0, 200_000} {
		b.Run(fmt.Sprintf("after=%d", before), func(b *testing.B) {
			f := fake.NewBuilder(fake.Options{}).EIP("eip-1", "cn-shanghai").MustBuild()
			s, err := New(
				Config{
					Backend:    f,
					AccessKeys: map[string]string{"id": "secret"},
					Now:        func() time.Time { return now },
					Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
				},
			)
			if err != nil {
				b.Fatal(err)
			}
			serve := func(nonce string) {
				params := map[string]*string{
					"Action": tea.String(
						"DescribeEipAddresses",
					), "Version": tea.String(VPCVersion), "Format": tea.String("json"), "RegionId": tea.String("cn-shanghai"),
					"AccessKeyId": tea.String(
						"id",
					), "SignatureMethod": tea.String("HMAC-SHA1"), "SignatureVersion": tea.String("1.0"),
					"SignatureNonce": tea.String(nonce), "Timestamp": tea.String(now.Format(time.RFC3339)),
				}
				vals := url.Values{}
				for k, v := range params {
					vals.Set(k, *v)
				}
				vals.Set("Signature", *openapiutil.GetRPCSignature(params, tea.String("POST"), tea.String("secret")))
				w := httptest.NewRecorder()
				s.ServeHTTP(w, httptest.NewRequest("POST", "http://127.0.0.1:8787/?"+vals.Encode(), nil))
				if w.Code != 200 {
					b.Fatalf("status %d: %s", w.Code, w.Body)
				}
			}
			for i := range before {
				serve("before-" + strconv.Itoa(i))
			}
			if got := s.verifier.nonces.len(); got != before {
				b.Fatalf("the server remembers %d nonces, want %d", got, before)
			}
			b.ReportAllocs()
			start := time.Now()
			n := 0
			for b.Loop() {
				serve("n-" + strconv.Itoa(n))
				n++
			}
			b.ReportMetric(float64(n)/time.Since(start).Seconds(), "req/s")
		})
	}
}
