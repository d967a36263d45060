package inspect_test

import (
	"crypto/elliptic"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

// Seeds are generated here, so no key is committed; each run of the fuzzer
// starts from fresh, valid material and the usual ways it goes wrong.
func pemSeeds(f *testing.F) []string {
	ca := certtest.Issue(f, certtest.Cert{CN: "CA", CA: true})
	leaf := certtest.Issue(f, certtest.Cert{CN: "leaf", DNSNames: []string{"a.example.com"}, Parent: ca})
	ec := certtest.EC(f, elliptic.P256())
	return []string{
		leaf.PEM, certtest.Chain(leaf, ca), ca.PEM[:len(ca.PEM)/2],
		certtest.PKCS1(certtest.RSA(f, 1024)), certtest.PKCS8(f, ec), certtest.SEC1(f, ec),
		"-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n", "", "-----BEGIN",
	}
}

func FuzzParseCertificate(f *testing.F) {
	for _, s := range pemSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, err := inspect.ParseCertificate(in)
		if (c == nil) == (err == nil) {
			t.Fatalf("certificate %v with error %v", c, err)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("error is not one line: %q", err)
		}
		if chain, err := inspect.ParseChain(in); err == nil && c != nil {
			_ = inspect.VerifyChain(c, chain, time.Now(), nil)
		}
	})
}

func FuzzParsePrivateKey(f *testing.F) {
	for _, s := range pemSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		k, err := inspect.ParsePrivateKey(in, nil)
		if (k == nil) == (err == nil) {
			t.Fatalf("key %v with error %v", k, err)
		}
	})
}

func FuzzParseSSHPublicKey(f *testing.F) {
	rsaKey := certtest.RSA(f, 2048)
	for _, s := range []string{
		certtest.SSHAuthorized(f, &rsaKey.PublicKey, "me@host"),
		certtest.SSHAuthorized(f, certtest.Ed25519(f).Public(), ""),
		certtest.SSHPEM(f, &rsaKey.PublicKey),
		"ssh-rsa AAAA", "ssh-dss", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		k, err := inspect.ParseSSHPublicKey(in)
		if (k == nil) == (err == nil) {
			t.Fatalf("key %v with error %v", k, err)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("error is not one line: %q", err)
		}
	})
}
