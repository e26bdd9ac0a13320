package emulator

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"testing"
	"time"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/tea"
	"pgregory.net/rapid"

	"github.com/eipassoc/eipassoc/backend/fake"
)

// TestNonceLogMatchesTheRule checks the buckets against the rule they implement,
// written out the slow way: a nonce is refused when it was last accepted in a minute
// that ends less than the window before now (so never accepted again within the
// window, and refused at most one minute longer). The clock moves forward by random
// steps, some longer than the window. With backward steps allowed too (a wall clock
// that is set back), the log may have forgotten a minute that the earlier time still
// covers, or filed an acceptance in a later minute, so it may differ from the rule
// either way; it still never refuses a nonce that was never used.
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
			now = now.Add(signatureWindow + time.Duration(rapid.IntRange(-2, 90).Draw(t, "beyond"))*time.Second)
		case 1:
			if back {
				now = now.Add(-time.Duration(rapid.IntRange(1, 60).Draw(t, "back")) * time.Second)
			}
		default:
			now = now.Add(time.Duration(rapid.IntRange(0, 120).Draw(t, "step")) * time.Second)
		}
		nonce := strconv.Itoa(rapid.IntRange(0, 20).Draw(t, "nonce"))
		at, seen := last[nonce]
		withinWindow := seen && now.Sub(at) < signatureWindow
		bucketRule := seen && at.Truncate(nonceBucket).Add(nonceBucket).After(now.Add(-signatureWindow))
		got := log.use(nonce, now)
		switch {
		case !back && withinWindow && got:
			t.Fatalf("step %d: use(%s) accepted a nonce accepted %v before", i, nonce, now.Sub(at))
		case !back && got == bucketRule:
			t.Fatalf("step %d: use(%s) = %v, want %v (last accepted %v before)", i, nonce, got, !bucketRule, now.Sub(at))
		case !seen && !got:
			t.Fatalf("step %d: use(%s) refused a nonce never used", i, nonce)
		}
		if got {
			last[nonce] = now
		}
	}
}

// TestNonceLogForgets: after the window has passed, the log holds only the nonces of
// the minutes the window touches, so memory follows the request rate, not the
// server's age.
func TestNonceLogForgets(t *testing.T) {
	t.Parallel()
	var log nonceLog
	start := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	// One nonce a second for an hour: the window of 15 minutes holds 900 of them, and
	// the minutes it touches at most 960.
	for i := range 3600 {
		if !log.use(fmt.Sprint(i), start.Add(time.Duration(i)*time.Second)) {
			t.Fatalf("nonce %d refused", i)
		}
	}
	if got := log.len(); got < 900 || got > 960 {
		t.Errorf("remembered %d nonces, want the 900 of the last 15 minutes and at most one minute more", got)
	}
	if len(log.sealed) > 16 {
		t.Errorf("%d sealed minutes, want at most 16", len(log.sealed))
	}
}

// TestNonceLogBytesPerNonce: filled for 16 minutes of its clock at 800 requests a
// second, the log holds under 16 bytes of heap per remembered nonce, whatever the
// nonce's length (these are 36 characters). Not parallel: it reads the heap.
func TestNonceLogBytesPerNonce(t *testing.T) {
	if testing.Short() {
		t.Skip("fills 768,000 nonces")
	}
	held, n := fillNonceLog(t, 800)
	if perNonce := held / float64(n); perNonce >= 16 {
		t.Errorf("%.1f bytes per nonce (%d nonces, %.1f MB), want under 16", perNonce, n, held/1e6)
	}
}

// fillNonceLog fills a log at rate nonces a second of its clock for 16 minutes and
// returns the heap it holds then and how many nonces it remembers.
func fillNonceLog(tb testing.TB, rate int) (held float64, n int) {
	const seconds = 16 * 60
	var log nonceLog
	start := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	buf := make([]byte, 0, 40)
	for s := range seconds {
		now := start.Add(time.Duration(s) * time.Second)
		for i := range rate {
			buf = strconv.AppendInt(append(buf[:0], "3f2a9c1e-77b0-4d8e-9a61-"...), int64(s*rate+i), 16)
			if !log.use(string(buf), now) {
				tb.Fatalf("nonce %d refused", s*rate+i)
			}
		}
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	n = log.len()
	runtime.KeepAlive(&log)
	return float64(after.HeapAlloc) - float64(before.HeapAlloc), n
}

// BenchmarkNonceLogWindow fills the log at 8,000 requests a second of its clock for 16
// minutes (a whole window and the minute it may overlap) and reports the heap it holds
// then, per remembered nonce and in all: the bound the nonceLog comment states.
func BenchmarkNonceLogWindow(b *testing.B) {
	for b.Loop() {
		held, n := fillNonceLog(b, 8000)
		b.ReportMetric(held/1e6, "MB-held")
		b.ReportMetric(held/float64(n), "B/nonce")
		b.ReportMetric(float64(n), "nonces")
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
