package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"net/netip"
	"os"
	"time"
)

// serveTLS returns the TLS configuration "eipassoc serve" listens with: the -tls-cert
// and -tls-key pair, or with -tls-self-signed a certificate made now for localhost,
// the loopback addresses and the listen address, whose PEM is written to that file for
// clients to trust (SSL_CERT_FILE for Go programs such as Terraform's providers); nil
// for plain HTTP.
func serveTLS(certFile, keyFile, selfSigned string, listen net.Addr) (*tls.Config, error) {
	switch {
	case selfSigned != "" && (certFile != "" || keyFile != ""):
		return nil, errors.New("-tls-self-signed or -tls-cert and -tls-key, not both")
	case (certFile == "") != (keyFile == ""):
		return nil, errors.New("-tls-cert and -tls-key go together")
	case certFile != "":
		cert, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return nil, err
		}
		return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
	case selfSigned != "":
		cert, certPEM, err := selfSignedCert(listen)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(selfSigned, certPEM, 0o644); err != nil {
			return nil, err
		}
		return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
	}
	return nil, nil
}

// selfSignedCert makes a P-256 certificate, valid for a week, for localhost, 127.0.0.1,
// ::1 and the listen address.
func selfSignedCert(listen net.Addr) (tls.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "eipassoc serve"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(7 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true, // its own issuer, so that clients can trust it as a root
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	if ap, err := netip.ParseAddrPort(listen.String()); err == nil && !ap.Addr().IsLoopback() &&
		!ap.Addr().IsUnspecified() {
		tmpl.IPAddresses = append(tmpl.IPAddresses, ap.Addr().AsSlice())
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, certPEM, nil
}
