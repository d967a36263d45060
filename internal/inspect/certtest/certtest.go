// Package certtest generates certificates and keys for tests, with chosen
// algorithms, sizes and dates, so that no private key is ever committed.
// Only tests import it.
package certtest

import (
	"bytes"
	"crypto"
	"crypto/dsa" //nolint:staticcheck // tests need DSA keys to see them flagged
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

var (
	mu       sync.Mutex
	rsaCache = map[int]*rsa.PrivateKey{}
	serial   int64
)

// RSA returns an RSA key of the given size, generated once per size per
// test binary (key generation is slow).
func RSA(t testing.TB, bits int) *rsa.PrivateKey {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if k, ok := rsaCache[bits]; ok {
		return k
	}
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatalf("generating RSA-%d: %v", bits, err)
	}
	rsaCache[bits] = k
	return k
}

// FreshRSA returns a new RSA key, never shared with another caller.
func FreshRSA(t testing.TB, bits int) *rsa.PrivateKey {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatalf("generating RSA-%d: %v", bits, err)
	}
	return k
}

// EC returns a new ECDSA key on curve c.
func EC(t testing.TB, c elliptic.Curve) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(c, rand.Reader)
	if err != nil {
		t.Fatalf("generating ECDSA: %v", err)
	}
	return k
}

// Ed25519 returns a new Ed25519 key.
func Ed25519(t testing.TB) ed25519.PrivateKey {
	t.Helper()
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatalf("generating Ed25519: %v", err)
	}
	return k
}

// DSA returns a new 1024-bit DSA public key.
func DSA(t testing.TB) *dsa.PublicKey {
	t.Helper()
	var k dsa.PrivateKey
	if err := dsa.GenerateParameters(&k.Parameters, rand.Reader, dsa.L1024N160); err != nil {
		t.Fatalf("generating DSA parameters: %v", err)
	}
	if err := dsa.GenerateKey(&k, rand.Reader); err != nil {
		t.Fatalf("generating DSA: %v", err)
	}
	return &k.PublicKey
}

// Cert describes a certificate to issue. Zero fields take defaults: an
// ECDSA P-256 key, CN "test", valid from a day before Now to a year after.
type Cert struct {
	Key       crypto.Signer
	CN        string
	DNSNames  []string
	NotBefore time.Time
	NotAfter  time.Time
	SigAlg    x509.SignatureAlgorithm
	CA        bool
	Parent    *Issued // nil: self-signed
	// IssuerCN names another issuer than the subject on a self-signed
	// certificate, which its own key still signs.
	IssuerCN    string
	ExtKeyUsage []x509.ExtKeyUsage
	// SubjectKeyID and AuthorityKeyID set the key identifiers; nil leaves
	// them to crypto/x509 (a subject key identifier for a CA; an authority
	// key identifier when the issuer, named otherwise, has one).
	SubjectKeyID, AuthorityKeyID []byte
	// KeyUsage replaces the default: digital signatures, and certificate
	// signing for a CA.
	KeyUsage x509.KeyUsage
	// PublicKey is the certified key, when not Key's (which still signs a
	// self-signed certificate): an RSA key of an odd exponent, say.
	PublicKey crypto.PublicKey
}

// Now is the reference time the default validity is built around.
var Now = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// Issued is a generated certificate with its key.
type Issued struct {
	Cert *x509.Certificate
	Key  crypto.Signer
	PEM  string
}

// Issue creates the certificate c describes.
func Issue(t testing.TB, c Cert) *Issued {
	t.Helper()
	if c.Key == nil {
		c.Key = EC(t, elliptic.P256())
	}
	if c.CN == "" {
		c.CN = "test"
	}
	if c.NotBefore.IsZero() {
		c.NotBefore = Now.Add(-24 * time.Hour)
	}
	if c.NotAfter.IsZero() {
		c.NotAfter = Now.Add(365 * 24 * time.Hour)
	}
	mu.Lock()
	serial++
	sn := serial
	mu.Unlock()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(sn),
		Subject:      pkix.Name{CommonName: c.CN, Organization: []string{"iamguard tests"}},
		DNSNames:     c.DNSNames,
		NotBefore:    c.NotBefore, NotAfter: c.NotAfter,
		SignatureAlgorithm:    c.SigAlg,
		BasicConstraintsValid: true,
		IsCA:                  c.CA,
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           c.ExtKeyUsage,
		SubjectKeyId:          c.SubjectKeyID,
		AuthorityKeyId:        c.AuthorityKeyID,
	}
	if c.CA {
		tmpl.KeyUsage |= x509.KeyUsageCertSign
	}
	if c.KeyUsage != 0 {
		tmpl.KeyUsage = c.KeyUsage
	}
	pub := c.PublicKey
	if pub == nil {
		pub = c.Key.Public()
	}
	parent, signer := tmpl, c.Key
	switch {
	case c.Parent != nil:
		parent, signer = c.Parent.Cert, c.Parent.Key
	case c.IssuerCN != "":
		named := *tmpl
		named.Subject.CommonName = c.IssuerCN
		parent = &named
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
	if err != nil {
		t.Fatalf("creating certificate %q: %v", c.CN, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return &Issued{Cert: cert, Key: c.Key, PEM: PEM("CERTIFICATE", der)}
}

// BreakSignature returns c with the last byte of its signature flipped:
// the certificate still parses, and its signature verifies with no key.
func BreakSignature(t testing.TB, c *Issued) *Issued {
	t.Helper()
	der := slices.Clone(c.Cert.Raw)
	der[len(der)-1] ^= 0x01 // the signature ends the certificate
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatalf("certificate %q with a broken signature: %v", c.Cert.Subject.CommonName, err)
	}
	if bytes.Equal(cert.Signature, c.Cert.Signature) {
		t.Fatal("BreakSignature left the signature as it was")
	}
	return &Issued{Cert: cert, Key: c.Key, PEM: PEM("CERTIFICATE", der)}
}

// PEM armours der.
func PEM(blockType string, der []byte) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: blockType, Bytes: der}))
}

// Chain concatenates certificates' PEM, in the order given.
func Chain(certs ...*Issued) string {
	var b strings.Builder
	for _, c := range certs {
		b.WriteString(c.PEM)
	}
	return b.String()
}

// PKCS1 encodes an RSA key as an RSA PRIVATE KEY block.
func PKCS1(k *rsa.PrivateKey) string {
	return PEM("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(k))
}

// PKCS8 encodes any key as a PRIVATE KEY block.
func PKCS8(t testing.TB, k crypto.Signer) string {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return PEM("PRIVATE KEY", der)
}

// SEC1 encodes an ECDSA key as an EC PRIVATE KEY block.
func SEC1(t testing.TB, k *ecdsa.PrivateKey) string {
	t.Helper()
	der, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return PEM("EC PRIVATE KEY", der)
}

// SSHAuthorized renders a public key in OpenSSH one-line form.
func SSHAuthorized(t testing.TB, pub crypto.PublicKey, comment string) string {
	t.Helper()
	k, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k)))
	if comment != "" {
		line += " " + comment
	}
	return line + "\n"
}

// SSHPEM renders a public key as a PKIX PUBLIC KEY block.
func SSHPEM(t testing.TB, pub crypto.PublicKey) string {
	t.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(fmt.Errorf("marshal public key: %w", err))
	}
	return PEM("PUBLIC KEY", der)
}
