package rules

import (
	"crypto"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/glob"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

var certNow = certtest.Now // 2026-06-01T12:00:00Z

// pki is a root and an intermediate valid long before and after certNow.
type pki struct{ root, inter *certtest.Issued }

func newPKI(t *testing.T) pki {
	long := certtest.Cert{CA: true, NotBefore: certNow.AddDate(-5, 0, 0), NotAfter: certNow.AddDate(5, 0, 0)}
	root := long
	root.CN = "Test Root"
	r := certtest.Issue(t, root)
	inter := long
	inter.CN, inter.Parent = "Test Intermediate", r
	return pki{root: r, inter: certtest.Issue(t, inter)}
}

// leaf issues a server certificate from the intermediate; zero fields of c
// take a sound default.
func (p pki) leaf(t *testing.T, c certtest.Cert) *certtest.Issued {
	if c.CN == "" {
		c.CN = "www.example.com"
	}
	if c.DNSNames == nil {
		c.DNSNames = []string{"www.example.com"}
	}
	if c.Parent == nil {
		c.Parent = p.inter
	}
	return certtest.Issue(t, c)
}

func (p pki) chain() string { return certtest.Chain(p.inter, p.root) }

func serverCert(body, chain, key string) ServerCertificate {
	return ServerCertificate{Body: Known(body), Chain: Known(chain), PrivateKey: Known(key)}
}

const noSignature = "the certificate's key usage does not allow digital signatures, which a TLS server makes with its key"

func TestEvaluateServerCertificate(t *testing.T) {
	p := newPKI(t)
	b := DefaultBaseline()
	b.AllowedCertificateDomains = []string{"*.example.com"}
	rsa1024 := certtest.RSA(t, 1024)
	sound := p.leaf(t, certtest.Cert{})
	soundKey := certtest.PKCS8(t, sound.Key)
	day := 24 * time.Hour
	otherRoot := certtest.Issue(t, certtest.Cert{CN: "Other Root", CA: true})
	weakInter := certtest.Issue(t, certtest.Cert{CN: "Weak Intermediate", CA: true, Parent: p.root, Key: rsa1024,
		NotBefore: certNow.AddDate(-1, 0, 0), NotAfter: certNow.AddDate(0, 0, 5)})
	weakInterLeaf := p.leaf(t, certtest.Cert{Parent: weakInter})
	rsaRoot := certtest.Issue(t, certtest.Cert{CN: "RSA Root", CA: true, Key: certtest.RSA(t, 2048)})
	sha1Inter := certtest.Issue(t, certtest.Cert{CN: "SHA1 Intermediate", CA: true, Parent: rsaRoot, SigAlg: x509.SHA1WithRSA})
	sha1InterLeaf := p.leaf(t, certtest.Cert{Parent: sha1Inter})
	// A SHA-1 intermediate that takes its root's name, the root left out:
	// its signature is the root's, not its own (round 115).
	sha1Namesake := certtest.Issue(t, certtest.Cert{CN: "RSA Root", CA: true, Parent: rsaRoot, SigAlg: x509.SHA1WithRSA})
	sha1NamesakeLeaf := p.leaf(t, certtest.Cert{Parent: sha1Namesake})
	// RSA keys of other public exponents than 65537 (round 101): 1 and even
	// ones give no security; 3 is sound, if unusual.
	exponent := func(e int) string {
		k := certtest.RSA(t, 2048)
		return p.leaf(t, certtest.Cert{PublicKey: &rsa.PublicKey{N: k.N, E: e}}).PEM
	}
	// Ed25519 keys crypto/x509 takes as any 32 bytes: of small order (the
	// neutral point, points of order 2, 4 and 8, and non-canonical spellings
	// of them) anyone can sign for; no point of the curve, nothing verifies.
	ed25519Key := func(hexKey string) string {
		k, err := hex.DecodeString(hexKey)
		if err != nil {
			t.Fatal(err)
		}
		return p.leaf(t, certtest.Cert{PublicKey: ed25519.PublicKey(k)}).PEM
	}
	const smallOrder = "Ed25519 public key of small order; anyone can make signatures that verify under it"
	// Key usages a TLS server cannot use, on the certificate or its issuer.
	crlOnly := p.leaf(t, certtest.Cert{KeyUsage: x509.KeyUsageCRLSign})
	// A certificate of the intermediate's name and another key, which the
	// intermediate signs: self-issued, not self-signed.
	selfIssued := certtest.Issue(t, certtest.Cert{CN: "Test Intermediate", CA: true, Parent: p.inter,
		NotBefore: certNow.AddDate(-5, 0, 0), NotAfter: certNow.AddDate(5, 0, 0)})
	// The intermediate again, its key named by another identifier: what it
	// issues names that one (crypto/x509 sets it from the issuer's).
	otherKeyID := certtest.Issue(t, certtest.Cert{CN: "Test Intermediate", CA: true, Parent: p.root, Key: p.inter.Key, SubjectKeyID: []byte{1, 2, 3, 4},
		NotBefore: certNow.AddDate(-5, 0, 0), NotAfter: certNow.AddDate(5, 0, 0)})
	noCertSign := certtest.Issue(t, certtest.Cert{CN: "Signing-only Intermediate", CA: true, Parent: p.root, KeyUsage: x509.KeyUsageDigitalSignature})
	noCertSignLeaf := p.leaf(t, certtest.Cert{Parent: noCertSign})

	tests := []struct {
		name string
		in   ServerCertificate
		b    Baseline
		want []want
	}{
		{"sound certificate, chain and key", serverCert(sound.PEM, p.chain(), soundKey), b, nil},
		{"no chain, no key given", serverCert(sound.PEM, "", ""), b, nil},
		{"expired", serverCert(p.leaf(t, certtest.Cert{NotBefore: certNow.AddDate(-1, 0, 0), NotAfter: certNow.Add(-10 * day)}).PEM, p.chain(), ""), b,
			[]want{{"IG301", High, "certificate_body", "the certificate expired on 2026-05-22, 10 days before plan time"}}},
		{"expiring inside the window", serverCert(p.leaf(t, certtest.Cert{NotAfter: certNow.Add(12 * day)}).PEM, p.chain(), ""), b,
			[]want{{"IG302", Medium, "certificate_body", "the certificate expires on 2026-06-13, in 12 days; the baseline warns 30 days ahead"}}},
		{"expiring outside the window", serverCert(p.leaf(t, certtest.Cert{NotAfter: certNow.Add(31 * day)}).PEM, p.chain(), ""), b, nil},
		{"not yet valid", serverCert(p.leaf(t, certtest.Cert{NotBefore: certNow.Add(3 * day)}).PEM, p.chain(), ""), b,
			[]want{{"IG303", Medium, "certificate_body", "the certificate is valid only from 2026-06-04, 3 days after plan time"}}},
		{"RSA 1024", serverCert(p.leaf(t, certtest.Cert{Key: rsa1024}).PEM, p.chain(), certtest.PKCS1(rsa1024)), b,
			[]want{{"IG304", High, "certificate_body", "RSA key of 1024 bits; at least 2048 required"}}},
		{"RSA 2048 under a 3072 baseline", serverCert(p.leaf(t, certtest.Cert{Key: certtest.RSA(t, 2048)}).PEM, "", ""),
			func() Baseline { b := b; b.MinRSABits = 3072; return b }(),
			[]want{{"IG304", High, "certificate_body", "RSA key of 2048 bits; at least 3072 required"}}},
		{"RSA exponent 1", serverCert(exponent(1), p.chain(), ""), b,
			[]want{{"IG304", High, "certificate_body", "RSA key with the public exponent 1, which gives no security; use 65537"}}},
		{"RSA exponent 2", serverCert(exponent(2), p.chain(), ""), b,
			[]want{{"IG304", High, "certificate_body", "RSA key with the public exponent 2, which gives no security; use 65537"}}},
		{"RSA exponent 4", serverCert(exponent(4), p.chain(), ""), b,
			[]want{{"IG304", High, "certificate_body", "RSA key with the even public exponent 4, which TLS libraries such as Go's refuse; use 65537"}}},
		{"RSA exponent 3", serverCert(exponent(3), p.chain(), ""), b, nil},
		{"Ed25519 neutral point", serverCert(ed25519Key("0100000000000000000000000000000000000000000000000000000000000000"), p.chain(), ""), b,
			[]want{{"IG304", High, "certificate_body", smallOrder}}},
		{"Ed25519 neutral point, non-canonical", serverCert(ed25519Key("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), p.chain(), ""), b,
			[]want{{"IG304", High, "certificate_body", smallOrder}}},
		{"Ed25519 point of order 2", serverCert(ed25519Key("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), p.chain(), ""), b,
			[]want{{"IG304", High, "certificate_body", smallOrder}}},
		{"Ed25519 point of order 4", serverCert(ed25519Key("0000000000000000000000000000000000000000000000000000000000000080"), p.chain(), ""), b,
			[]want{{"IG304", High, "certificate_body", smallOrder}}},
		{"Ed25519 point of order 8", serverCert(ed25519Key("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"), p.chain(), ""), b,
			[]want{{"IG304", High, "certificate_body", smallOrder}}},
		{"Ed25519 bytes off the curve", serverCert(ed25519Key("0200000000000000000000000000000000000000000000000000000000000000"), p.chain(), ""), b,
			[]want{{"IG304", High, "certificate_body", "Ed25519 public key that is no point of the curve; no signature verifies under it"}}},
		{"Ed25519 sound key", serverCert(p.leaf(t, certtest.Cert{Key: certtest.Ed25519(t)}).PEM, p.chain(), ""), b, nil},
		{"key usage for CRLs alone", serverCert(crlOnly.PEM, p.chain(), ""), b,
			[]want{{"IG306", Medium, "certificate_chain", "the chain does not verify the certificate: " + noSignature}}},
		// Round 271: what TLS does with the key, by its type, and what the
		// certificate shows on its own, with no chain too.
		{"ECDSA key for key encipherment alone", serverCert(p.leaf(t, certtest.Cert{KeyUsage: x509.KeyUsageKeyEncipherment}).PEM, p.chain(), ""), b,
			[]want{{"IG306", Medium, "certificate_chain", "the chain does not verify the certificate: " + noSignature}}},
		{"RSA key for key agreement alone", serverCert(p.leaf(t, certtest.Cert{Key: certtest.RSA(t, 2048), KeyUsage: x509.KeyUsageKeyAgreement}).PEM, p.chain(), ""), b,
			[]want{{"IG306", Medium, "certificate_chain", "the chain does not verify the certificate: the certificate's key usage allows neither digital signatures nor key encipherment, one of which a TLS server needs of an RSA key"}}},
		{"RSA key for key encipherment alone", serverCert(p.leaf(t, certtest.Cert{Key: certtest.RSA(t, 2048), KeyUsage: x509.KeyUsageKeyEncipherment}).PEM, p.chain(), ""), b, nil},
		{"key usage for CRLs alone, no chain", serverCert(crlOnly.PEM, "", ""), b,
			[]want{{"IG306", Medium, "certificate_body", "a TLS server cannot use the certificate: " + noSignature}}},
		{"client authentication alone, no chain", serverCert(p.leaf(t, certtest.Cert{ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}).PEM, "", ""), b,
			[]want{{"IG306", Medium, "certificate_body", "a TLS server cannot use the certificate: the certificate's extended key usage does not allow a TLS server (serverAuth)"}}},
		{"a certificate of the issuer's name that the issuer signs, off the path", serverCert(sound.PEM, certtest.Chain(selfIssued, p.inter, p.root), ""), b,
			[]want{{"IG306", Medium, "certificate_chain", "the chain does not verify the certificate: the chain holds a certificate off the path: one of its issuer's name that its issuer's key does not sign it with"}}},
		{"authority key identifier of another key", serverCert(p.leaf(t, certtest.Cert{Parent: otherKeyID}).PEM, certtest.Chain(p.inter, p.root), ""), b,
			[]want{{"IG306", Medium, "certificate_chain", `the chain does not verify the certificate: "CN=www.example.com,O=iamguard tests" names another key of its issuer (authority key identifier) than "CN=Test Intermediate,O=iamguard tests" has (subject key identifier); OpenSSL-based clients find no issuer`}}},
		{"issuer that may not sign certificates", serverCert(noCertSignLeaf.PEM, certtest.Chain(noCertSign, p.root), ""), b,
			[]want{{"IG306", Medium, "certificate_chain", `the chain does not verify the certificate: the issuer of "CN=www.example.com,O=iamguard tests" may not sign certificates: its key usage lacks certificate signing`}}},
		{"ECDSA P-224", serverCert(p.leaf(t, certtest.Cert{Key: certtest.EC(t, elliptic.P224())}).PEM, p.chain(), ""), b,
			[]want{{"IG304", High, "certificate_body", "ECDSA key of 224 bits; at least 256 required"}}},
		{"chain missing the intermediate", serverCert(sound.PEM, p.root.PEM, ""), b,
			[]want{{"IG306", Medium, "certificate_chain", `the chain does not verify the certificate: no certificate in the chain issued "CN=www.example.com,O=iamguard tests": an intermediate is missing, or the chain belongs to another certificate`}}},
		{"chain of another CA", serverCert(sound.PEM, otherRoot.PEM, ""), b,
			[]want{{"IG306", Medium, "certificate_chain", `the chain does not verify the certificate: no certificate in the chain issued "CN=www.example.com,O=iamguard tests": an intermediate is missing, or the chain belongs to another certificate`}}},
		{"chain out of order", serverCert(sound.PEM, certtest.Chain(p.root, p.inter), ""), b,
			[]want{{"IG306", Medium, "certificate_chain", `the chain does not verify the certificate: the chain is out of order or holds a certificate off the path: "CN=Test Root,O=iamguard tests" follows "CN=www.example.com,O=iamguard tests", whose issuer is "CN=Test Intermediate,O=iamguard tests"`}}},
		{"chain of the certificate itself", serverCert(sound.PEM, sound.PEM, ""), b,
			[]want{{"IG306", Medium, "certificate_chain", "the chain does not verify the certificate: the chain holds the certificate itself; it holds the CAs that issued it, from its issuer up"}}},
		{"chain with a weak, soon expiring intermediate", serverCert(weakInterLeaf.PEM, certtest.Chain(weakInter, p.root), ""), b,
			[]want{
				{"IG304", High, "certificate_chain", `the chain's "CN=Weak Intermediate,O=iamguard tests": RSA key of 1024 bits; at least 2048 required`},
				{"IG302", Medium, "certificate_chain", `the chain's "CN=Weak Intermediate,O=iamguard tests" expires on 2026-06-06, in 5 days; the baseline warns 30 days ahead`},
			}},
		{"chain with a SHA-1 intermediate", serverCert(sha1InterLeaf.PEM, certtest.Chain(sha1Inter, rsaRoot), ""), b,
			[]want{
				{"IG306", Medium, "certificate_chain", `the chain does not verify the certificate: "CN=SHA1 Intermediate,O=iamguard tests" is signed with SHA1-RSA, which clients refuse`},
				{"IG305", High, "certificate_chain", `the chain's "CN=SHA1 Intermediate,O=iamguard tests" is signed with SHA1-RSA; SHA-256 or stronger required`},
			}},
		{"chain with a SHA-1 intermediate named as its root", serverCert(sha1NamesakeLeaf.PEM, sha1Namesake.PEM, ""), b,
			[]want{{"IG305", High, "certificate_chain", `the chain's "CN=RSA Root,O=iamguard tests" is signed with SHA1-RSA; SHA-256 or stronger required`}}},
		{"self-signed, naming another issuer", serverCert(certtest.Issue(t, certtest.Cert{CN: "self", IssuerCN: "SELF", DNSNames: []string{"self.example.com"}}).PEM, "", ""), b,
			[]want{{"IG310", Medium, "certificate_body", `the certificate is self-signed: its own key signs it, though it names "CN=SELF,O=iamguard tests" as issuer`}}},
		{"private key of another certificate", serverCert(sound.PEM, p.chain(), certtest.PKCS1(rsa1024)), b,
			[]want{{"IG307", High, "private_key", "private_key (RSA, 1024 bits) does not match the certificate's public key (ECDSA, 256 bits)"}}},
		{"body not PEM", serverCert("MIIB...not a certificate", "", ""), b,
			[]want{{"IG308", High, "certificate_body", "certificate_body: no valid PEM block found (want a CERTIFICATE block: base64 between BEGIN and END lines)"}}},
		{"body is a private key", serverCert(soundKey, "", ""), b,
			[]want{{"IG308", High, "certificate_body", `certificate_body: certificate: PEM block "PRIVATE KEY" is a private key, not a certificate`}}},
		{"chain does not parse", serverCert(sound.PEM, "-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----\n", ""), b,
			[]want{{"IG308", High, "certificate_chain", "certificate_chain: no valid PEM block found (want a CERTIFICATE block: base64 between BEGIN and END lines)"}}},
		{"key truncated", serverCert(sound.PEM, "", truncateLines(soundKey)), b,
			[]want{{"IG308", High, "private_key", "private_key: private key: the PRIVATE KEY block does not hold a valid PKCS#8 key"}}},
		{"no DNS name", serverCert(p.leaf(t, certtest.Cert{DNSNames: []string{}}).PEM, p.chain(), ""), b,
			[]want{{"IG309", Medium, "certificate_body", "the certificate has no DNS subject alternative name; clients ignore the common name"}}},
		{"DNS names outside the allowed domains", serverCert(p.leaf(t, certtest.Cert{DNSNames: []string{"a.example.com", "evil.test", "example.com"}}).PEM, p.chain(), ""), b,
			[]want{{"IG309", Medium, "certificate_body", "DNS names outside the allowed domains (*.example.com): evil.test, example.com"}}},
		{"any DNS name when no domains are configured", serverCert(p.leaf(t, certtest.Cert{DNSNames: []string{"evil.test"}}).PEM, p.chain(), ""), DefaultBaseline(), nil},
		{"self-signed", serverCert(certtest.Issue(t, certtest.Cert{CN: "self", DNSNames: []string{"self.example.com"}}).PEM, "", ""), b,
			[]want{{"IG310", Medium, "certificate_body", `the certificate is self-signed (issuer and subject are both "CN=self,O=iamguard tests")`}}},
		{"body unknown", ServerCertificate{Body: UnknownValue[string]()}, b,
			[]want{{"IG308", Info, "certificate_body", unknownMsg("certificate_body", "IG308", "certificate-unparseable")}}},
		{"chain and key unknown", ServerCertificate{Body: Known(sound.PEM), Chain: UnknownValue[string](), PrivateKey: UnknownValue[string]()}, b,
			[]want{
				{"IG306", Info, "certificate_chain", unknownMsg("certificate_chain", "IG306", "certificate-chain-invalid")},
				{"IG307", Info, "private_key", unknownMsg("private_key", "IG307", "certificate-key-mismatch")},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertFindings(t, EvaluateServerCertificate(tt.in, certNow, tt.b), tt.want)
		})
	}
}

// An expired body fires IG301 only: the chain is judged while the body is valid.
func TestChainJudgedWhileBodyValid(t *testing.T) {
	p := newPKI(t)
	old := p.leaf(t, certtest.Cert{NotBefore: certNow.AddDate(-2, 0, 0), NotAfter: certNow.AddDate(-1, 0, 0)})
	fs := EvaluateServerCertificate(serverCert(old.PEM, p.chain(), ""), certNow, DefaultBaseline())
	if len(fs) != 1 || fs[0].Rule != CertificateExpired {
		t.Fatalf("got %+v, want IG301 alone", got(fs))
	}
	// An intermediate that expired while the body was valid is a chain fault.
	shortInter := certtest.Issue(t, certtest.Cert{CN: "Short Intermediate", CA: true, Parent: p.root,
		NotBefore: certNow.AddDate(-3, 0, 0), NotAfter: certNow.AddDate(0, -1, 0)})
	leaf := p.leaf(t, certtest.Cert{Parent: shortInter, NotBefore: certNow.AddDate(-1, 0, 0), NotAfter: certNow.AddDate(1, 0, 0)})
	fs = EvaluateServerCertificate(serverCert(leaf.PEM, certtest.Chain(shortInter, p.root), ""), certNow, DefaultBaseline())
	assertFindings(t, fs, []want{{"IG306", Medium, "certificate_chain",
		`the chain does not verify the certificate: "CN=Short Intermediate,O=iamguard tests" on the path is expired or not yet valid at plan time`}})
	// Checked at the body's expiry, the chain names that moment, not plan
	// time (round 297: an intermediate issued since, valid at plan time),
	// by a date that stays the same from plan to plan (round 301).
	lateInter := certtest.Issue(t, certtest.Cert{CN: "Late Intermediate", CA: true, Parent: p.root,
		NotBefore: certNow.AddDate(0, 0, -1), NotAfter: certNow.AddDate(2, 0, 0)})
	expired := p.leaf(t, certtest.Cert{Parent: lateInter, NotBefore: certNow.AddDate(-1, 0, 0), NotAfter: certNow.AddDate(0, 0, -2)})
	fs = EvaluateServerCertificate(serverCert(expired.PEM, certtest.Chain(lateInter, p.root), ""), certNow, DefaultBaseline())
	assertFindings(t, fs, []want{{"IG301", High, "certificate_body", "the certificate expired on 2026-05-30, 2 days before plan time"}, {"IG306", Medium, "certificate_chain",
		`the chain does not verify the certificate: "CN=Late Intermediate,O=iamguard tests" on the path is expired or not yet valid on 2026-05-30, when the certificate expires`}})
	// With the body sensitive, a chain finding withheld names the body,
	// whose value it would tell (round 309: it named the chain).
	secret := serverCert(leaf.PEM, certtest.Chain(shortInter, p.root), "")
	secret.Body.Sensitive = true
	assertFindings(t, EvaluateServerCertificate(secret, certNow, DefaultBaseline()), []want{{"IG306", Medium, "certificate_chain",
		"The certificate chain does not verify the certificate for a TLS server; certificate_body is (sensitive), so the details are not shown"}})
	// Checked when a body not yet valid becomes valid, past its CA's expiry.
	early := p.leaf(t, certtest.Cert{Parent: shortInter, NotBefore: certNow.AddDate(0, 0, 10), NotAfter: certNow.AddDate(1, 0, 0)})
	fs = EvaluateServerCertificate(serverCert(early.PEM, certtest.Chain(shortInter, p.root), ""), certNow, DefaultBaseline())
	assertFindings(t, fs, []want{{"IG303", Medium, "certificate_body", "the certificate is valid only from 2026-06-11, 10 days after plan time"}, {"IG306", Medium, "certificate_chain",
		`the chain does not verify the certificate: "CN=Short Intermediate,O=iamguard tests" on the path is expired or not yet valid on 2026-06-11, when the certificate becomes valid`}})
}

// Signature and key checks on facts crypto/x509 will no longer create.
func TestCertificateFindingsFromFacts(t *testing.T) {
	valid := inspect.Certificate{NotBefore: certNow.AddDate(-1, 0, 0), NotAfter: certNow.AddDate(1, 0, 0),
		KeyAlgorithm: "RSA", KeyBits: 2048, KeyExponent: 65537, SignatureAlgorithm: "SHA256-RSA", SignatureHash: "SHA256"}
	with := func(f func(c *inspect.Certificate)) *inspect.Certificate { c := valid; f(&c); return &c }
	tests := []struct {
		name string
		c    *inspect.Certificate
		want []want
	}{
		{"sound", &valid, nil},
		{"MD5", with(func(c *inspect.Certificate) { c.SignatureAlgorithm, c.SignatureHash = "MD5-RSA", "MD5" }),
			[]want{{"IG305", High, "certificate_body", "the certificate is signed with MD5-RSA; SHA-256 or stronger required"}}},
		{"SHA-1", with(func(c *inspect.Certificate) { c.SignatureAlgorithm, c.SignatureHash = "SHA1-RSA", "SHA1" }),
			[]want{{"IG305", High, "certificate_body", "the certificate is signed with SHA1-RSA; SHA-256 or stronger required"}}},
		{"DSA", with(func(c *inspect.Certificate) { c.KeyAlgorithm, c.KeyBits = "DSA", 2048 }),
			[]want{{"IG304", High, "certificate_body", "DSA key of 2048 bits; DSA is deprecated, use RSA or ECDSA"}}},
		{"Ed25519", with(func(c *inspect.Certificate) { c.KeyAlgorithm, c.KeyBits, c.SignatureHash = "Ed25519", 256, "Ed25519" }), nil},
		// What crypto/x509 cannot read (an RSA key under the RSA-PSS key
		// type, MD4, RSA-PSS with SHA-1) is not known to be strong.
		{"unknown key", with(func(c *inspect.Certificate) { c.KeyAlgorithm, c.KeyBits = "unknown", 0 }),
			[]want{{"IG304", High, "certificate_body", "a public key of a type iamguard cannot read; use RSA or ECDSA"}}},
		{"unknown signature", with(func(c *inspect.Certificate) { c.SignatureAlgorithm, c.SignatureHash = "0", "" }),
			[]want{{"IG305", High, "certificate_body", "the certificate is signed with an algorithm iamguard cannot read; SHA-256 or stronger required"}}},
		{"ECDSA P-256", with(func(c *inspect.Certificate) { c.KeyAlgorithm, c.KeyBits = "ECDSA", 256 }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertFindings(t, CertificateFindings(tt.c, certNow, DefaultBaseline()), tt.want)
		})
	}
}

// TestCertificateDayCounts: counts of days read as prose at the edges: a
// certificate expired a second ago, one valid from an hour on, and a
// baseline warning one day ahead.
func TestCertificateDayCounts(t *testing.T) {
	c := inspect.Certificate{NotBefore: certNow.AddDate(-1, 0, 0), NotAfter: certNow.Add(-time.Second),
		KeyAlgorithm: "ECDSA", KeyBits: 256, SignatureHash: "SHA256"}
	b := DefaultBaseline()
	b.CertificateExpiryWarningDays = 1
	day := c.NotAfter.UTC().Format("2006-01-02")
	assertFindings(t, CertificateFindings(&c, certNow, b), []want{{"IG301", High, "certificate_body",
		"the certificate expired on " + day + ", less than a day before plan time"}})
	c.NotAfter = certNow.Add(time.Hour)
	assertFindings(t, CertificateFindings(&c, certNow, b), []want{{"IG302", Medium, "certificate_body",
		"the certificate expires on " + c.NotAfter.UTC().Format("2006-01-02") + ", in less than a day; the baseline warns 1 day ahead"}})
	c.NotBefore = certNow.Add(time.Hour)
	assertFindings(t, CertificateFindings(&c, certNow, b), []want{{"IG303", Medium, "certificate_body",
		"the certificate is valid only from " + c.NotBefore.UTC().Format("2006-01-02") + ", less than a day after plan time"}})
	// Expiring exactly as far ahead as the baseline warns is no finding
	// (round 189).
	c.NotBefore, c.NotAfter = certNow.AddDate(-1, 0, 0), certNow.Add(24*time.Hour)
	assertFindings(t, CertificateFindings(&c, certNow, b), nil)
}

// A real SHA-1 certificate reaches IG305 through the parser.
func TestSHA1CertificateParsed(t *testing.T) {
	k := certtest.RSA(t, 2048)
	c := certtest.Issue(t, certtest.Cert{Key: k, DNSNames: []string{"a.example.com"}, SigAlg: x509.SHA1WithRSA})
	fs := EvaluateServerCertificate(serverCert(c.PEM, "", ""), certNow, DefaultBaseline())
	assertFindings(t, fs, []want{
		{"IG305", High, "certificate_body", "the certificate is signed with SHA1-RSA; SHA-256 or stronger required"},
		{"IG310", Medium, "certificate_body", `the certificate is self-signed (issuer and subject are both "CN=test,O=iamguard tests")`},
	})
}

func TestDomainAllowed(t *testing.T) {
	allowed := []string{"*.example.com", "api.example.org"}
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"www.example.com", true}, {"a.b.example.com", true}, {"*.example.com", true}, {"WWW.Example.COM.", true},
		{"example.com", false}, {"badexample.com", false}, {"example.com.evil.test", false},
		{"api.example.org", true}, {"www.api.example.org", false}, {"example.org", false},
	} {
		if got := newDomains(allowed).allow(tt.name); got != tt.want {
			t.Errorf("allow(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
	// Each kind of pattern agrees with glob.Match, case aside.
	patterns := []string{"*.Example.com", "*example.net", "api.example.org.", "a*b.test", "*", "x*", "a***b.test", "***.example.com", "**"}
	for _, name := range []string{"www.example.com", "badexample.net", "API.example.org", "ab.test", "a.x.b.test", "", "xyz", "example.com"} {
		for _, p := range patterns {
			want := name != "" && glob.Match(FoldName(strings.TrimSuffix(p, ".")), FoldName(name))
			if got := newDomains([]string{p}).allow(name); got != want {
				t.Errorf("pattern %q, name %q: %v, want %v", p, name, got, want)
			}
		}
	}
}

// TestDomainStarRuns: a run of stars is one star, so that a pattern of
// stars costs no step of a match per star (round 201: a hundred thousand
// stars took half a minute over 20,000 names).
func TestDomainStarRuns(t *testing.T) {
	d := newDomains([]string{"a***b.test", "***.example.com", strings.Repeat("*", 1000)})
	if !slices.Equal(d.globs, []string{"a*b.test"}) || !d.suffixes[".example.com"] || !d.suffixes[""] {
		t.Errorf("globs %q, suffixes %v", d.globs, d.suffixes)
	}
}

// truncateLines drops the second half of a PEM block's base64 lines.
func truncateLines(pemText string) string {
	lines := strings.Split(strings.TrimSpace(pemText), "\n")
	return strings.Join(lines[:len(lines)/2], "\n") + "\n" + lines[len(lines)-1] + "\n"
}

// TestCertificateNamesEveryKind: with allowed domains, an IP address, an
// email's domain and a URI's host are judged like DNS names.
func TestCertificateNamesEveryKind(t *testing.T) {
	b := DefaultBaseline()
	b.AllowedCertificateDomains = []string{"*.example.com"}
	for _, c := range []struct {
		cert inspect.Certificate
		want string
	}{
		{inspect.Certificate{DNSNames: []string{"www.example.com"}}, ""},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, IPAddresses: []string{"203.0.113.5"}}, "IP 203.0.113.5"},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, EmailAddresses: []string{"a@evil.test"}, URIHosts: []string{"evil.test"}},
			"email a@evil.test, URI host evil.test"},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, EmailAddresses: []string{"ops@mail.example.com"}}, ""},
		// Names no host has: a client that stops reading at the NUL, the
		// slash or the second @ sees evil.com.
		{inspect.Certificate{DNSNames: []string{"evil.com\x00.example.com"}}, "evil.com\x00.example.com"},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, EmailAddresses: []string{"a@evil.com@x.example.com"}}, "email a@evil.com@x.example.com"},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, URIHosts: []string{"evil.com/.example.com"}}, "URI host evil.com/.example.com"},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, URIHosts: []string{"2001:db8::1"}}, "URI host 2001:db8::1"},
		// An IPv6 zone holds any byte: no address, and no host name (round 265).
		{inspect.Certificate{DNSNames: []string{"::1%evil.com\x00.example.com"}}, "::1%evil.com\x00.example.com"},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, URIHosts: []string{"fe80::1%x.example.com"}}, "URI host fe80::1%x.example.com"},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, EmailAddresses: []string{"a@::1%evil.com@x.example.com"}}, "email a@::1%evil.com@x.example.com"},
		// The domain follows the last @; a quoted local part may hold one.
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, EmailAddresses: []string{`"a@b"@mail.example.com`}}, ""},
	} {
		fs := CertificateNames(&c.cert, b, nil)
		if c.want == "" && len(fs) != 0 || c.want != "" && (len(fs) != 1 || !strings.HasSuffix(fs[0].Message, c.want)) {
			t.Errorf("%+v: %+v, want %q", c.cert, fs, c.want)
		}
	}
	// Allowed domains are globs; an empty DNS name matches no host.
	for _, c := range []struct {
		allowed []string
		names   []string
		want    bool // a finding
	}{
		{[]string{"*"}, []string{"www.example.com", "a.b.test"}, false},
		{[]string{"www.*"}, []string{"www.example.com"}, false},
		{[]string{"www.*"}, []string{"api.example.com"}, true},
		{[]string{"*.example.com"}, []string{"a.b.example.com", "*.example.com", "WWW.Example.COM."}, false},
		{[]string{"*.example.com"}, []string{"example.com"}, true},
		{[]string{"*.example.com"}, []string{"badexample.com"}, true},
		{[]string{"*"}, []string{"www.example.com", ""}, true},
		{[]string{""}, []string{""}, true},
		{[]string{"*.example.com"}, []string{"evil.com .example.com"}, true},
		{[]string{"*"}, []string{"evil.com\x00"}, true},
		{[]string{"*.example.com"}, []string{"_srv.x-1.example.com"}, false},
	} {
		b := DefaultBaseline()
		b.AllowedCertificateDomains = c.allowed
		if fs := CertificateNames(&inspect.Certificate{DNSNames: c.names}, b, nil); (len(fs) > 0) != c.want {
			t.Errorf("names %q under %q: %+v, want a finding: %v", c.names, c.allowed, fs, c.want)
		}
	}
	// An IP address is in no domain: only "*" or the address itself admits
	// it, no other glob (round 279).
	for _, allowed := range [][]string{{"a.test", "*.113.1"}, {"a.test", "203.0.*"}, {"a.test", "*1"}} {
		b := DefaultBaseline()
		b.AllowedCertificateDomains = allowed
		if fs := CertificateNames(&inspect.Certificate{DNSNames: []string{"a.test"}, IPAddresses: []string{"203.0.113.1"}, EmailAddresses: []string{"ops@[203.0.113.1]"}}, b, nil); len(fs) != 1 {
			t.Errorf("203.0.113.1 under %q: %+v, want IG309", allowed, fs)
		}
	}
	exact := DefaultBaseline()
	exact.AllowedCertificateDomains = []string{"a.test", "203.0.113.1", "2001:0DB8:0:0:0:0:0:1"}
	if fs := CertificateNames(&inspect.Certificate{DNSNames: []string{"a.test"}, IPAddresses: []string{"203.0.113.1", "2001:db8::1"},
		EmailAddresses: []string{"ops@[IPv6:2001:DB8::1]"}, URIHosts: []string{"2001:DB8::1"}}, exact, nil); len(fs) != 0 {
		t.Errorf("addresses allowed as written, in any spelling (round 280): %+v", fs)
	}
	// An IP address is no host name, and "*" admits it, as a SAN or a URI's host.
	star := DefaultBaseline()
	star.AllowedCertificateDomains = []string{"*"}
	if fs := CertificateNames(&inspect.Certificate{DNSNames: []string{"a.test"}, IPAddresses: []string{"2001:db8::2"}, URIHosts: []string{"2001:db8::1"},
		EmailAddresses: []string{"ops@[203.0.113.1]", "ops@[IPv6:2001:db8::3]", `"a@b"@example.org`}}, star, nil); len(fs) != 0 {
		t.Errorf("IP addresses under *: %+v", fs)
	}
	// A message shows at most maxShown bytes of each list, however long
	// the config file's list or the certificate's names.
	long := DefaultBaseline()
	for i := range 2000 {
		long.AllowedCertificateDomains = append(long.AllowedCertificateDomains, fmt.Sprintf("d%d.example.com", i))
	}
	if fs := CertificateNames(&inspect.Certificate{DNSNames: strings.Fields(strings.Repeat("x.test ", 2000))}, long, nil); len(fs) != 1 || len(fs[0].Message) > 3*maxShown {
		t.Errorf("a message of %d bytes", len(fs[0].Message))
	}
	// Names matched against patterns of other stars than one leading star
	// spend the run's checks: past them, IG309 is not judged, and not
	// passed (round 226: 1,000 patterns of 16 stars over 750,000 names
	// took 163 s). Exact names and leading stars cost nothing.
	spent := inspect.NewBudget()
	spent.Spend(inspect.MaxSignatureWork)
	cert := &inspect.Certificate{DNSNames: []string{"api.example.com", "x.other.test"}}
	for _, c := range []struct {
		allowed []string
		checks  *inspect.Budget
		want    string
	}{
		{[]string{"api-*.example.com", "*.other.test"}, inspect.NewBudget(), "outside the allowed domains"},
		{[]string{"api-*.example.com", "*.other.test"}, spent, "not judged, and not passed"},
		{[]string{"api.example.com", "*.test"}, spent, ""},
	} {
		b := DefaultBaseline()
		b.AllowedCertificateDomains = c.allowed
		got := ""
		for _, f := range CertificateNames(cert, b, c.checks) {
			got += f.Message
			if f.Severity != CertificateDomain.Severity {
				t.Errorf("%q: %s %s", c.allowed, f.Severity, f.Message)
			}
		}
		if !strings.Contains(got, c.want) || c.want == "" && got != "" {
			t.Errorf("%q, %d checks left: %q, want %q", c.allowed, c.checks.Left(), got, c.want)
		}
	}
	// With no allowed domains, a DNS name or an IP address is a name
	// clients match; an empty DNS name, an email or a URI is not.
	for _, c := range []struct {
		cert inspect.Certificate
		want bool
	}{
		{inspect.Certificate{IPAddresses: []string{"10.0.0.1"}}, false},
		{inspect.Certificate{DNSNames: []string{""}}, true},
		{inspect.Certificate{DNSNames: []string{"."}}, true},
		{inspect.Certificate{EmailAddresses: []string{"a@example.com"}, URIHosts: []string{"example.com"}}, true},
	} {
		if fs := CertificateNames(&c.cert, DefaultBaseline(), nil); (len(fs) > 0) != c.want {
			t.Errorf("%+v with no allowed domains: %+v, want a finding: %v", c.cert, fs, c.want)
		}
	}
	if why := weakKey(&inspect.Certificate{KeyAlgorithm: "RSA", KeyBits: inspect.MaxRSABits * 2, KeyExponent: 65537}, b); !strings.Contains(why, "no TLS client") {
		t.Errorf("an RSA key of %d bits: %q", inspect.MaxRSABits*2, why)
	}
}

// TestLongSubjectsClipped: a subject may be as long as its certificate; a
// message quotes at most a few hundred bytes of it, whichever rule quotes
// it (a weak CA key, its coming expiry, a chain out of order, a
// self-signed body).
func TestLongSubjectsClipped(t *testing.T) {
	long := strings.Repeat("\x01", 8<<10)
	weak := certtest.RSA(t, 1024)
	root := certtest.Issue(t, certtest.Cert{CN: long, CA: true, Key: weak, NotBefore: certNow.AddDate(-1, 0, 0), NotAfter: certNow.AddDate(0, 0, 10)})
	leaf := certtest.Issue(t, certtest.Cert{CN: "www.example.com", DNSNames: []string{"www.example.com"}, Parent: root})
	self := certtest.Issue(t, certtest.Cert{CN: long, DNSNames: []string{"www.example.com"}})
	other := certtest.Issue(t, certtest.Cert{CN: long + "x", CA: true})
	var fs []Finding
	for _, c := range []ServerCertificate{
		serverCert(leaf.PEM, certtest.Chain(root), ""),
		serverCert(leaf.PEM, certtest.Chain(other, root), ""),
		serverCert(self.PEM, "", ""),
	} {
		fs = append(fs, EvaluateServerCertificate(c, certNow, DefaultBaseline())...)
	}
	rules := map[string]bool{}
	for _, f := range fs {
		rules[f.Rule.ID] = true
		if len(f.Message) > 4<<10 { // a subject unclipped would be 32 KiB, quoted
			t.Errorf("%s: a message of %d bytes: %.120s…", f.Rule.ID, len(f.Message), f.Message)
		}
	}
	for _, id := range []string{"IG302", "IG304", "IG306", "IG310"} {
		if !rules[id] {
			t.Errorf("no %s: the test proves nothing for it (findings %v)", id, got(fs))
		}
	}
}

// BenchmarkLongChain judges a certificate whose chain repeats its P-521 CA
// 200 times: only the first few are verified (inspect.VerifyChain), and
// none is checked for its own signature, which no rule asks of a chain
// certificate signed with SHA-256 or stronger (about 1 ms each for P-521).
func BenchmarkLongChain(b *testing.B) {
	ca := certtest.Issue(b, certtest.Cert{CN: "P-521 CA", CA: true, Key: certtest.EC(b, elliptic.P521())})
	leaf := certtest.Issue(b, certtest.Cert{CN: "www.example.com", DNSNames: []string{"www.example.com"}, Parent: ca})
	cert := ServerCertificate{Body: Known(leaf.PEM), Chain: Known(strings.Repeat(ca.PEM, 200))}
	for b.Loop() {
		EvaluateServerCertificate(cert, certtest.Now, DefaultBaseline())
	}
}

// TestSelfSignatureTooCostly: a certificate whose self-signature costs too
// much to check (an 8,200-bit RSA key, exponent 2^20+1) and that names
// another issuer may still be self-signed: IG310 at info, not a pass.
func TestSelfSignatureTooCostly(t *testing.T) {
	text, err := os.ReadFile("../inspect/testdata/e20-8200-other-issuer.pem")
	if err != nil {
		t.Fatal(err)
	}
	c, err := inspect.ParseCertificate(string(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []Finding
	for _, f := range CertificateOwnFindings(c, c.NotBefore.Add(time.Hour), DefaultBaseline()) {
		if f.Rule == CertificateSelfSigned {
			got = append(got, f)
		}
	}
	if len(got) != 1 || got[0].Severity != Info || !strings.Contains(got[0].Message, "8200 bits") {
		t.Errorf("IG310 findings %+v, want one at info naming the key's size", got)
	}
}

// TestSelfSignedBrokenSignature: a self-signed certificate with one byte
// of its signature flipped still names itself as its issuer, and no CA
// issued it: IG310, not a pass (attack round 77: srv-badsig gave no
// finding). The same holds for the provider's certificate_info, which
// judges through CertificateOwnFindings. A certificate named like the CA
// that signs it is the CA's when the chain verifies it, and is judged
// self-signed only without that chain. A signing certificate is judged for
// IG301-IG305 only (IG502): self-signed is what IAM expects of one.
func TestSelfSignedBrokenSignature(t *testing.T) {
	b := DefaultBaseline()
	const brokenMsg = `the certificate is self-signed (issuer and subject are both "CN=www.example.com,O=iamguard tests"), ` +
		`but its signature does not verify with its own key: the signature is broken, or made by a CA of that name that no chain shows`
	for _, key := range []crypto.Signer{certtest.RSA(t, 2048), certtest.EC(t, elliptic.P256())} {
		self := certtest.Issue(t, certtest.Cert{CN: "www.example.com", DNSNames: []string{"www.example.com"}, Key: key})
		broken := certtest.BreakSignature(t, self)
		assertFindings(t, EvaluateServerCertificate(serverCert(broken.PEM, "", certtest.PKCS8(t, key)), certNow, b),
			[]want{{"IG310", Medium, "certificate_body", brokenMsg}})
		c, err := inspect.ParseCertificate(broken.PEM)
		if err != nil {
			t.Fatal(err)
		}
		assertFindings(t, CertificateOwnFindings(c, certNow, b), []want{{"IG310", Medium, "certificate_body", brokenMsg}})
		assertFindings(t, EvaluateSigningCertificate(Known(broken.PEM), certNow, b), nil)
	}

	// Named like its CA, which signs it.
	long := certtest.Cert{CA: true, NotBefore: certNow.AddDate(-5, 0, 0), NotAfter: certNow.AddDate(5, 0, 0)}
	ca := long
	ca.CN = "www.example.com"
	issuer := certtest.Issue(t, ca)
	named := certtest.Issue(t, certtest.Cert{CN: "www.example.com", DNSNames: []string{"www.example.com"}, Parent: issuer})
	assertFindings(t, EvaluateServerCertificate(serverCert(named.PEM, issuer.PEM, ""), certNow, b), nil)
	assertFindings(t, EvaluateServerCertificate(serverCert(named.PEM, "", ""), certNow, b),
		[]want{{"IG310", Medium, "certificate_body", brokenMsg}})
	// A chain that does not verify it shows no CA: IG306 and IG310.
	other := certtest.Issue(t, certtest.Cert{CN: "Other Root", CA: true, NotBefore: long.NotBefore, NotAfter: long.NotAfter})
	fs := EvaluateServerCertificate(serverCert(named.PEM, other.PEM, ""), certNow, b)
	if len(fs) != 2 || fs[0].Rule != CertificateSelfSigned || fs[1].Rule != CertificateChainInvalid {
		t.Errorf("named like its CA, with another CA's chain: %+v; want IG310 and IG306", got(fs))
	}
}

// TestPastSignatureBudget: past the plan's budget of signature checks, what
// was not checked is not passed (round 201): the chain not verified is
// IG306 at its severity, a body not checked for its own signature IG310,
// and of the certificates that name themselves with a weak signature only
// the anchor's is taken as its own.
func TestPastSignatureBudget(t *testing.T) {
	p := newPKI(t)
	old := func(cn string) *certtest.Issued {
		return certtest.Issue(t, certtest.Cert{CN: cn, CA: true, Key: certtest.RSA(t, 2048), SigAlg: x509.SHA1WithRSA,
			NotBefore: certNow.AddDate(-5, 0, 0), NotAfter: certNow.AddDate(5, 0, 0)})
	}
	s := serverCert(p.leaf(t, certtest.Cert{}).PEM, certtest.Chain(old("Old Intermediate"), old("Old Root")), "")
	got := func(fs []Finding) []string {
		var out []string
		for _, f := range fs {
			if f.Rule == CertificateChainInvalid || f.Rule == CertificateWeakSignature || f.Rule == CertificateSelfSigned {
				out = append(out, f.Rule.ID+" "+f.Severity.String()+" "+f.Message)
			}
		}
		return out
	}
	checked := got(EvaluateServerCertificate(s, certNow, DefaultBaseline()))
	if len(checked) != 1 || !strings.HasPrefix(checked[0], "IG306 medium the chain does not verify") {
		t.Errorf("checked: %q; want IG306 alone (both weak signatures are their own)", checked)
	}
	s.Checks = new(inspect.Budget)
	spent := got(EvaluateServerCertificate(s, certNow, DefaultBaseline()))
	past := "the certificates and keys judged with this one need more work than iamguard does in one run or read"
	want := []string{
		"IG310 medium " + past,
		"IG306 medium " + past,
		`IG305 high the chain's "CN=Old Intermediate,O=iamguard tests" is signed with SHA1-RSA; SHA-256 or stronger required`,
	}
	if len(spent) != len(want) {
		t.Fatalf("past the budget: %q", spent)
	}
	for i := range want {
		if !strings.HasPrefix(spent[i], want[i]) {
			t.Errorf("past the budget, finding %d: %q, want %q…", i, spent[i], want[i])
		}
	}
	// A private key is not read past it: whether it matches is not passed.
	k := certtest.RSA(t, 2048)
	body := certtest.Issue(t, certtest.Cert{Key: k, DNSNames: []string{"www.example.com"}, Parent: p.inter,
		NotBefore: certNow.AddDate(0, -1, 0), NotAfter: certNow.AddDate(1, 0, 0)})
	s = serverCert(body.PEM, "", certtest.PKCS1(k))
	if fs := EvaluateServerCertificate(s, certNow, DefaultBaseline()); len(fs) != 0 {
		t.Errorf("the key checked: %+v", fs)
	}
	s.Checks = new(inspect.Budget)
	fs := EvaluateServerCertificate(s, certNow, DefaultBaseline())
	if !slices.ContainsFunc(fs, func(f Finding) bool {
		return f.Rule == CertificateKeyMismatch && f.Severity == CertificateKeyMismatch.Severity && strings.HasPrefix(f.Message, past)
	}) {
		t.Errorf("the key past the budget: %+v; want IG307 at its severity, not passed", fs)
	}
}

// TestBudgetCoversIAMQuota: IAM's quota of 1,000 server certificates, each
// with a chain of CAs and its private key, fits a plan's budget with the
// costliest common keys (round 202: Let's Encrypt's P-384, 4,096-bit RSA;
// round 203: P-521 throughout; round 206: three P-521 CAs), and leaves a
// fifth of it.
func TestBudgetCoversIAMQuota(t *testing.T) {
	for name, key := range map[string]func() crypto.Signer{
		"P-384":    func() crypto.Signer { return certtest.EC(t, elliptic.P384()) },
		"P-521":    func() crypto.Signer { return certtest.EC(t, elliptic.P521()) },
		"RSA 4096": func() crypto.Signer { return certtest.RSA(t, 4096) },
	} {
		long := certtest.Cert{CA: true, NotBefore: certNow.AddDate(-5, 0, 0), NotAfter: certNow.AddDate(5, 0, 0)}
		root, inter := long, long
		root.CN, root.Key = "Root", key()
		r := certtest.Issue(t, root)
		inter.CN, inter.Key, inter.Parent = "Intermediate", key(), r
		i := certtest.Issue(t, inter)
		chain := certtest.Chain(i, r)
		if name == "P-521" { // three CAs
			inter.CN, inter.Key, inter.Parent = "Second Intermediate", key(), i
			i2 := certtest.Issue(t, inter)
			chain, i = certtest.Chain(i2, i, r), i2
		}
		leafKey := certtest.EC(t, elliptic.P521())
		leaf := certtest.Cert{CN: "www.example.com", DNSNames: []string{"www.example.com"}, Parent: i, Key: leafKey,
			NotBefore: certNow.AddDate(0, -1, 0), NotAfter: certNow.AddDate(1, 0, 0)}
		s := serverCert(certtest.Issue(t, leaf).PEM, chain, certtest.PKCS8(t, leafKey))
		s.Checks = inspect.NewBudget()
		if fs := EvaluateServerCertificate(s, certNow, DefaultBaseline()); len(fs) != 0 {
			t.Fatalf("%s: %+v", name, fs)
		}
		if cost := inspect.MaxSignatureWork - s.Checks.Left(); 1000*cost > inspect.MaxSignatureWork*4/5 {
			t.Errorf("%s: a certificate costs %d, 1,000 cost %d of %d", name, cost, 1000*cost, inspect.MaxSignatureWork)
		}
	}
}

// TestVerifiedBodyOwnKey: a body that a chain's CA signs with its key is
// still self-signed where its own key is that key, though the chain's
// first certificate holds another (one subject named twice): the check the
// budget spares is made there. That first certificate is off the path
// (round 271): the chain is IG306 too.
func TestVerifiedBodyOwnKey(t *testing.T) {
	// RSA keys, whose checks the budget spares (ECDSA ones are always
	// made); certtest keeps one key a size.
	p := newPKI(t)
	ca := certtest.Cert{CN: "Test Intermediate", CA: true, Parent: p.root, Key: certtest.RSA(t, 2048),
		NotBefore: certNow.AddDate(-5, 0, 0), NotAfter: certNow.AddDate(5, 0, 0)}
	inter := certtest.Issue(t, ca)
	ca.Parent, ca.Key = inter, certtest.RSA(t, 3072)
	twin := certtest.Issue(t, ca)
	s := serverCert(p.leaf(t, certtest.Cert{Parent: inter, Key: inter.Key}).PEM, certtest.Chain(twin, inter, p.root), "")
	s.Checks = inspect.NewBudget()
	fs := EvaluateServerCertificate(s, certNow, DefaultBaseline())
	if !slices.ContainsFunc(fs, func(f Finding) bool {
		return f.Rule == CertificateChainInvalid && strings.Contains(f.Message, "off the path")
	}) {
		t.Errorf("findings %+v; want IG306: the twin is off the path", fs)
	}
	if !slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == CertificateSelfSigned && f.Severity == Medium }) {
		t.Errorf("findings %+v; want IG310: its own key signs it", fs)
	}
}

// TestMatchUnits: matching names against globs is charged at least what it
// was measured to take, a unit for about 30 µs (round 228: 1,000 patterns
// over 15,000 two-byte names a certificate, about 240 ms, were charged 600
// units; round 229: a 60 KB name against a 240 KB piece of one repeated
// byte took 29 times a step a byte).
func TestMatchUnits(t *testing.T) {
	var patterns []string
	for i := range 1000 {
		patterns = append(patterns, fmt.Sprintf("api-*.svc%d.example.com", i))
	}
	short := &inspect.Certificate{DNSNames: slices.Repeat([]string{"ab"}, 15000)}
	if got, want := newDomains(patterns).matchUnits(short), 240_000/30; got < want {
		t.Errorf("1,000 patterns over 15,000 short names: %d units, want at least %d", got, want)
	}
	piece := strings.Repeat("ab", 120_000)
	long := &inspect.Certificate{DNSNames: []string{"x" + piece[:60_000] + "y"}}
	if got, want := newDomains([]string{"x*" + piece + "!*y"}).matchUnits(long), 60_000*240_000/matchWork; got < want {
		t.Errorf("a 60 KB name against a 240 KB piece: %d units, want at least %d", got, want)
	}
}

// TestCertificateOwnUse: the function's own findings judge what the
// certificate's extensions allow, as lint does for a body without a chain
// (round 271).
func TestCertificateOwnUse(t *testing.T) {
	p := newPKI(t)
	c, err := inspect.ParseCertificate(p.leaf(t, certtest.Cert{ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}).PEM)
	if err != nil {
		t.Fatal(err)
	}
	fs := CertificateOwnFindings(c, certNow, DefaultBaseline())
	if !slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == CertificateChainInvalid && f.Attribute == "certificate_body" }) {
		t.Errorf("findings %+v; want IG306 for a client certificate", fs)
	}
}
