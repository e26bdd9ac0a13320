package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeTLS: with -tls-self-signed, serve answers HTTPS with a certificate a client
// trusts from the file it wrote (as Terraform's providers do through SSL_CERT_FILE),
// and plain HTTP is no longer answered as the API; -tls-cert without -tls-key is a
// usage error.
func TestServeTLS(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ca := filepath.Join(t.TempDir(), "ca.pem")
	var stderr syncBuffer
	endpoint, exit := startServe(t, ctx, cancel, &stderr, "-tls-self-signed", ca)
	pem, err := os.ReadFile(ca)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pem) {
		t.Fatalf("%s holds no certificate", ca)
	}
	client := &http.Client{Timeout: 5 * time.Second,
		Transport: &http.Transport{Proxy: nil, TLSClientConfig: &tls.Config{RootCAs: roots}}}
	resp, err := client.Get("https://" + endpoint + "/_eipassoc/health")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("health over HTTPS: %d", resp.StatusCode)
	}
	plain := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{Proxy: nil}}
	if resp, err := plain.Get("http://" + endpoint + "/_eipassoc/health"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == 200 {
			t.Error("plain HTTP answered 200 on a TLS listener")
		}
	}
	if !strings.Contains(stderr.String(), "url=https://") {
		t.Errorf("the log does not announce an https URL:\n%s", stderr.String())
	}
	cancel()
	if code := <-exit; code != exitOK {
		t.Errorf("exit %d", code)
	}
	var out syncBuffer
	if code := run(context.Background(), []string{"serve", "-addr", "127.0.0.1:0", "-tls-cert", ca}, &out, &out); code != exitUsage {
		t.Errorf("-tls-cert without -tls-key: exit %d, want %d\n%s", code, exitUsage, out.String())
	}
}
