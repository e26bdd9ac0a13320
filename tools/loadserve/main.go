// Command loadserve drives "eipassoc serve" with signed calls from the official SDK
// (every call a fresh nonce) from several workers for a while, and samples the
// server's resident memory, to check that replay protection stays within its bound
// under sustained load:
//
//	go build -o /tmp/eipassoc ./cmd/eipassoc
//	go run ./tools/loadserve -bin /tmp/eipassoc -workers 16 -duration 6m
//
// It starts the server itself (on -addr, with one EIP seeded), so that the memory it
// samples is the server's alone, and prints a line every -every and a summary.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/aliyun"
)

func main() {
	bin := flag.String("bin", "", "the eipassoc binary")
	addr := flag.String("addr", "127.0.0.1:18899", "address for the server")
	workers := flag.Int("workers", 16, "concurrent SDK clients")
	duration := flag.Duration("duration", 6*time.Minute, "how long to drive it")
	every := flag.Duration("every", 30*time.Second, "how often to print the server's memory")
	flag.Parse()
	if *bin == "" {
		log.Fatal("loadserve: -bin is required")
	}
	if err := run(*bin, *addr, *workers, *duration, *every); err != nil {
		log.Fatal(err)
	}
}

func run(bin, addr string, workers int, duration, every time.Duration) error {
	dir, err := os.MkdirTemp("", "loadserve")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	topology := filepath.Join(dir, "topology.json")
	if err := os.WriteFile(topology, []byte(`{"vswitches": [{"id": "vsw-1", "region": "cn-shanghai",
		"zone": "cn-shanghai-b", "vpc": "vpc-1", "cidr": "192.168.0.0/24"}],
		"eips": [{"id": "eip-1", "region": "cn-shanghai"}]}`), 0o644); err != nil {
		return err
	}
	server := exec.Command(bin, "serve", "-addr", addr, "-access-key", "load:load-secret", "-topology", topology)
	server.Stderr = nil // a line per request: discarded
	if err := server.Start(); err != nil {
		return err
	}
	defer func() { _ = server.Process.Kill(); _ = server.Wait() }()
	b, err := aliyun.New(aliyun.Config{Region: "cn-shanghai", Endpoint: addr, Protocol: "HTTP",
		AccessKeyID: "load", AccessKeySecret: "load-secret"})
	if err != nil {
		return err
	}
	ctx := context.Background()
	in := backend.DescribeEIPsInput{Region: "cn-shanghai"}
	for start := time.Now(); ; time.Sleep(100 * time.Millisecond) {
		if _, err := b.DescribeEIPs(ctx, in); err == nil {
			break
		} else if time.Since(start) > 10*time.Second {
			return fmt.Errorf("the server did not answer: %w", err)
		}
	}
	base, err := rss(server.Process.Pid)
	if err != nil {
		return err
	}
	fmt.Printf("server RSS before: %.1f MiB\n", base)
	var calls, failures atomic.Int64
	var firstErr atomic.Value
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				if _, err := b.DescribeEIPs(ctx, in); err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err)
				}
				calls.Add(1)
			}
		}()
	}
	start, peak := time.Now(), base
	for time.Now().Before(deadline) {
		time.Sleep(min(every, time.Until(deadline)))
		m, err := rss(server.Process.Pid)
		if err != nil {
			return err
		}
		peak = max(peak, m)
		n := calls.Load()
		fmt.Printf("%6.0fs  %9d calls  %6.0f/s  %6d failed  server RSS %.1f MiB\n", time.Since(start).Seconds(), n,
			float64(n)/time.Since(start).Seconds(), failures.Load(), m)
	}
	wg.Wait()
	n := calls.Load()
	fmt.Printf("total: %d signed calls in %s (%.0f/s), %d failed; server RSS %.1f MiB before, %.1f MiB at its peak\n",
		n, duration, float64(n)/duration.Seconds(), failures.Load(), base, peak)
	if err, ok := firstErr.Load().(error); ok {
		return fmt.Errorf("first failure: %w", err)
	}
	return nil
}

// rss returns a process's resident memory in MiB, from /proc.
func rss(pid int) (float64, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024, err
		}
	}
	return 0, errors.New("no VmRSS in /proc/" + strconv.Itoa(pid) + "/status")
}
