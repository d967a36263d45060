package inspect_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha1" //nolint:gosec // RFC 5280 key identifiers
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"math/big"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

var now = certtest.Now

func TestParseCertificateFacts(t *testing.T) {
	rsa1024 := certtest.RSA(t, 1024)
	tests := []struct {
		name     string
		cert     certtest.Cert
		alg      string
		bits     int
		sigAlg   string
		hash     string
		selfSign bool
	}{
		{"ecdsa p256 self-signed", certtest.Cert{Key: certtest.EC(t, elliptic.P256())}, "ECDSA", 256, "ECDSA-SHA256", "SHA256", true},
		{"ecdsa p384", certtest.Cert{Key: certtest.EC(t, elliptic.P384())}, "ECDSA", 384, "ECDSA-SHA384", "SHA384", true},
		{"rsa 2048", certtest.Cert{Key: certtest.RSA(t, 2048)}, "RSA", 2048, "SHA256-RSA", "SHA256", true},
		{"rsa 1024 sha1", certtest.Cert{Key: rsa1024, SigAlg: x509.SHA1WithRSA}, "RSA", 1024, "SHA1-RSA", "SHA1", true},
		{"ed25519", certtest.Cert{Key: certtest.Ed25519(t)}, "Ed25519", 256, "Ed25519", "Ed25519", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cert.CN = "www.example.com"
			tt.cert.DNSNames = []string{"www.example.com", "example.com"}
			is := certtest.Issue(t, tt.cert)
			c, err := inspect.ParseCertificate(is.PEM)
			if err != nil {
				t.Fatal(err)
			}
			if c.KeyAlgorithm != tt.alg || c.KeyBits != tt.bits {
				t.Errorf("key = %s-%d, want %s-%d", c.KeyAlgorithm, c.KeyBits, tt.alg, tt.bits)
			}
			if c.SignatureAlgorithm != tt.sigAlg || c.SignatureHash != tt.hash {
				t.Errorf("signature = %s/%q, want %s/%q", c.SignatureAlgorithm, c.SignatureHash, tt.sigAlg, tt.hash)
			}
			if c.SelfSigned() != tt.selfSign {
				t.Errorf("self-signed = %v, want %v", c.SelfSigned(), tt.selfSign)
			}
			if !strings.Contains(c.Subject, "CN=www.example.com") || c.Issuer != c.Subject {
				t.Errorf("subject %q issuer %q", c.Subject, c.Issuer)
			}
			if !slices.Equal(c.SANs, []string{"www.example.com", "example.com"}) {
				t.Errorf("SANs = %v", c.SANs)
			}
			if !c.NotAfter.Equal(is.Cert.NotAfter) || !c.NotBefore.Equal(is.Cert.NotBefore) {
				t.Errorf("validity %v..%v, want %v..%v", c.NotBefore, c.NotAfter, is.Cert.NotBefore, is.Cert.NotAfter)
			}
			sum := sha256.Sum256(is.Cert.Raw)
			if got := strings.ReplaceAll(c.SHA256Fingerprint, ":", ""); got != hex.EncodeToString(sum[:]) {
				t.Errorf("sha256 fingerprint %s", c.SHA256Fingerprint)
			}
			if len(c.MD5Fingerprint) != 16*3-1 {
				t.Errorf("md5 fingerprint %q", c.MD5Fingerprint)
			}
		})
	}
}

// TestSelfSignedByKey: a certificate is self-signed when its own key signs
// it, whatever issuer it names (another spelling of its subject, or another
// name altogether). One that names itself as its issuer (with no authority
// key identifier, or one naming its own key) is self-signed too when its
// signature does not verify with its own key: a corrupted self-signature
// makes no CA its issuer (attack round 77), and a CA of the same name is
// shown only by a chain that verifies it. One whose authority key
// identifier names another key, or that names another issuer, is not.
func TestSelfSignedByKey(t *testing.T) {
	ca := certtest.Issue(t, certtest.Cert{CN: "CA", CA: true})
	leaf := certtest.Issue(t, certtest.Cert{CN: "leaf", Parent: ca})
	// Same names as the CA but signed by its key, not its own.
	impostor := certtest.Issue(t, certtest.Cert{CN: "CA", Parent: ca, Key: certtest.EC(t, elliptic.P256())})
	namedCA := certtest.Issue(t, certtest.Cert{CN: "CA", Parent: ca, Key: certtest.EC(t, elliptic.P256()), AuthorityKeyID: ca.Cert.SubjectKeyId})
	otherCase := certtest.Issue(t, certtest.Cert{CN: "www.example.com", IssuerCN: "WWW.EXAMPLE.COM"})
	otherName := certtest.Issue(t, certtest.Cert{CN: "www.example.com", IssuerCN: "Example Corp Issuing CA"})

	// Self-signed certificates with one signature byte flipped.
	rsaKey := certtest.RSA(t, 2048)
	plain := certtest.Issue(t, certtest.Cert{CN: "www.example.com", Key: rsaKey})
	withIDs := certtest.Issue(t, certtest.Cert{CN: "www.example.com", SubjectKeyID: []byte{1, 2, 3}, AuthorityKeyID: []byte{1, 2, 3}})
	rsaBits := x509.MarshalPKCS1PublicKey(&rsaKey.PublicKey) // an RSA key's subjectPublicKey holds its PKCS#1 form
	sha1ID, sha256ID := sha1.Sum(rsaBits), sha256.Sum256(rsaBits)
	ownSHA1 := certtest.Issue(t, certtest.Cert{CN: "www.example.com", Key: rsaKey, AuthorityKeyID: sha1ID[:]})
	ownSHA256 := certtest.Issue(t, certtest.Cert{CN: "www.example.com", Key: rsaKey, AuthorityKeyID: sha256ID[:20]})
	foreign := certtest.Issue(t, certtest.Cert{CN: "www.example.com", Key: rsaKey, AuthorityKeyID: []byte{9, 9, 9}})
	mismatched := certtest.Issue(t, certtest.Cert{CN: "www.example.com", SubjectKeyID: []byte{1, 2, 3}, AuthorityKeyID: []byte{4, 5, 6}})
	broken := func(c *certtest.Issued) *certtest.Issued { return certtest.BreakSignature(t, c) }
	// SHA-1, which crypto/x509 does not check: checked with the key itself
	// (round 115).
	sha1Self := certtest.Issue(t, certtest.Cert{CN: "old", Key: rsaKey, SigAlg: x509.SHA1WithRSA})
	sha1SelfEC := certtest.Issue(t, certtest.Cert{CN: "old", Key: certtest.EC(t, elliptic.P256()), SigAlg: x509.ECDSAWithSHA1})
	sha1Impostor := certtest.Issue(t, certtest.Cert{CN: "CA", Parent: ca, Key: rsaKey, SigAlg: x509.ECDSAWithSHA1})
	rsaCA := certtest.Issue(t, certtest.Cert{CN: "RSA CA", CA: true, Key: certtest.RSA(t, 2049)}) // not rsaKey, which RSA(t, 2048) gives
	sha1RSAImpostor := certtest.Issue(t, certtest.Cert{CN: "RSA CA", Parent: rsaCA, Key: rsaKey, SigAlg: x509.SHA1WithRSA})

	for _, tt := range []struct {
		name string
		pem  string
		want inspect.SelfSignature
	}{
		{"CA", ca.PEM, inspect.SignedByOwnKey},
		{"leaf", leaf.PEM, inspect.NotSelfSigned},
		{"CA's names, signed by the CA", impostor.PEM, inspect.SelfNamedUnverified},
		{"CA's names and key identifier, signed by the CA", namedCA.PEM, inspect.NotSelfSigned},
		{"other case", otherCase.PEM, inspect.SignedByOwnKey},
		{"other issuer", otherName.PEM, inspect.SignedByOwnKey},
		{"broken, RSA", broken(plain).PEM, inspect.SelfNamedUnverified},
		{"broken CA", broken(ca).PEM, inspect.SelfNamedUnverified},
		{"broken, key identifiers agree", broken(withIDs).PEM, inspect.SelfNamedUnverified},
		{"broken, authority is own key (SHA-1)", broken(ownSHA1).PEM, inspect.SelfNamedUnverified},
		{"broken, authority is own key (SHA-256)", broken(ownSHA256).PEM, inspect.SelfNamedUnverified},
		{"own key (SHA-1), sound", ownSHA1.PEM, inspect.SignedByOwnKey},
		{"broken, authority is another key", broken(foreign).PEM, inspect.NotSelfSigned},
		{"broken, key identifiers differ", broken(mismatched).PEM, inspect.NotSelfSigned},
		{"broken, other issuer", broken(otherName).PEM, inspect.NotSelfSigned},
		{"SHA-1, own key", sha1Self.PEM, inspect.SignedByOwnKey},
		{"SHA-1, own ECDSA key", sha1SelfEC.PEM, inspect.SignedByOwnKey},
		{"SHA-1, broken", broken(sha1Self).PEM, inspect.SelfNamedUnverified},
		{"SHA-1, CA's names, signed by the CA", sha1Impostor.PEM, inspect.SelfNamedUnverified},
		{"SHA-1, RSA CA's names, signed by the CA", sha1RSAImpostor.PEM, inspect.SelfNamedUnverified},
	} {
		c, err := inspect.ParseCertificate(tt.pem)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := c.SelfSignature(nil); got != tt.want || c.SelfSigned() != (tt.want != inspect.NotSelfSigned) {
			t.Errorf("%s: self-signature = %v, self-signed = %v; want %v", tt.name, got, c.SelfSigned(), tt.want)
		}
	}
}

func TestParseCertificateErrors(t *testing.T) {
	good := certtest.Issue(t, certtest.Cert{}).PEM
	rsaKey := certtest.RSA(t, 2048)
	body := strings.Split(strings.TrimSpace(good), "\n")
	truncated := strings.Join(body[:len(body)/2], "\n") + "\n-----END CERTIFICATE-----\n"
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "no valid PEM block"},
		{"raw base64 without armour", base64.StdEncoding.EncodeToString([]byte("hello")), "no valid PEM block"},
		{"bad base64", "-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n-----END CERTIFICATE-----\n", "no valid PEM block"},
		{"private key block", certtest.PKCS1(rsaKey), "is a private key, not a certificate"},
		{"wrong block type", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", `PEM block is "PUBLIC KEY", not CERTIFICATE`},
		{"truncated DER", truncated, "not a valid DER X.509 certificate"},
		{"two certificates", good + good, "holds 2 certificates; one expected"},
		// A block pem.Decode passes over, before or after the certificate
		// (round 244: the certificate alone was judged).
		{"broken block after", good + "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n", "1 of its 2 PEM blocks are not valid PEM"},
		{"broken key before", "-----BEGIN RSA PRIVATE KEY-----\nMIIE!!\n-----END RSA PRIVATE KEY-----\n" + good, "1 of its 2 PEM blocks are not valid PEM"},
		{"mismatched END after", good + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n", "1 of its 2 PEM blocks are not valid PEM"},
		{"too large", strings.Repeat("A", inspect.MaxInputBytes+1), "iamguard inspects at most"},
		// Round 346: white space before the first block hid it from
		// pem.Decode, and the certificate after it was judged alone; an
		// indented block after text still is not decoded, and is refused.
		{"two certificates after a space", " " + good + good, "holds 2 certificates; one expected"},
		{"two certificates after a tab", "\t" + good + good, "holds 2 certificates; one expected"},
		{"indented block after text", "note\n\t" + good + good, "1 of its 2 PEM blocks are not valid PEM"},
		// Round 351: after a lone CR, the block Java's reader takes first.
		{"block after a lone CR", "#\r" + good + good, "1 of its 2 PEM blocks are not valid PEM"},
		{"block after a NEL", "#\u0085" + good + good, "1 of its 2 PEM blocks are not valid PEM"},
		{"block after NBSP", "#\n\u00a0" + good + good, "1 of its 2 PEM blocks are not valid PEM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := inspect.ParseCertificate(tt.in)
			if err == nil || c != nil {
				t.Fatalf("ParseCertificate = %v, %v; want error", c, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "MII") {
				t.Errorf("error %q quotes input", err)
			}
		})
	}
}

// A 10 MB PEM is refused quickly, with an error that names no material.
func TestTenMegabytePEM(t *testing.T) {
	good := certtest.Issue(t, certtest.Cert{}).PEM
	big := strings.Repeat(good, 10<<20/len(good)+1)
	start := time.Now()
	for _, parse := range []func(string) error{
		func(s string) error { _, err := inspect.ParseCertificate(s); return err },
		func(s string) error { _, err := inspect.ParseChain(s); return err },
		func(s string) error { _, err := inspect.ParsePrivateKey(s, nil); return err },
		func(s string) error { _, err := inspect.ParseSSHPublicKey(s); return err },
	} {
		err := parse(big)
		if err == nil || !strings.Contains(err.Error(), "at most") || strings.Contains(err.Error(), "MII") {
			t.Errorf("10 MB input: error %v", err)
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("refusing 10 MB took %v", d)
	}
}

// TestManyNamesRefused: a certificate far past any IAM takes (a body of
// 16,384 characters), here of 20,000 names, is refused before crypto/x509
// keeps each name: 505,000 names in 2 MiB took 344 MB (round 132). One of
// 500 names, about 12 KiB, is read.
func TestManyNamesRefused(t *testing.T) {
	names := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "a.example.com"
		}
		return out
	}
	if _, err := inspect.ParseCertificate(certtest.Issue(t, certtest.Cert{DNSNames: names(500)}).PEM); err != nil {
		t.Errorf("500 names: %v", err)
	}
	for _, parse := range []func(string) error{
		func(s string) error { _, err := inspect.ParseCertificate(s); return err },
		func(s string) error { _, err := inspect.ParseChain(s); return err },
	} {
		err := parse(certtest.Issue(t, certtest.Cert{DNSNames: names(20000)}).PEM)
		if err == nil || !strings.Contains(err.Error(), "iamguard inspects certificates of at most 65536") {
			t.Errorf("20,000 names: error %v", err)
		}
	}
}

func TestVerifyChain(t *testing.T) {
	root := certtest.Issue(t, certtest.Cert{CN: "Root", CA: true})
	inter := certtest.Issue(t, certtest.Cert{CN: "Intermediate", CA: true, Parent: root})
	leaf := certtest.Issue(t, certtest.Cert{CN: "leaf", DNSNames: []string{"a.example.com"}, Parent: inter})
	otherRoot := certtest.Issue(t, certtest.Cert{CN: "Other root", CA: true})
	impostorInter := certtest.Issue(t, certtest.Cert{CN: "Intermediate", CA: true, Parent: root})
	notCA := certtest.Issue(t, certtest.Cert{CN: "Not a CA", Parent: root})
	leafOfNotCA := certtest.Issue(t, certtest.Cert{CN: "leaf2", Parent: notCA})
	expiredInter := certtest.Issue(t, certtest.Cert{CN: "Old intermediate", CA: true, Parent: root,
		NotBefore: now.AddDate(-2, 0, 0), NotAfter: now.AddDate(0, -1, 0)})
	leafOfExpired := certtest.Issue(t, certtest.Cert{CN: "leaf3", Parent: expiredInter,
		NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(1, 0, 0)})
	rsaRoot := certtest.Issue(t, certtest.Cert{CN: "RSA root", CA: true, Key: certtest.RSA(t, 2048)})
	sha1Inter := certtest.Issue(t, certtest.Cert{CN: "SHA1 intermediate", CA: true, Parent: rsaRoot, SigAlg: x509.SHA1WithRSA})

	tests := []struct {
		name  string
		leaf  *certtest.Issued
		chain string
		want  string // "" verifies
	}{
		{"intermediate then root", leaf, certtest.Chain(inter, root), ""},
		// Bounded work: one CA named twice (a cross-signed root) at most,
		// and ten certificates.
		{"a CA named twice", leaf, certtest.Chain(inter, impostorInter, root), "off the path: \"CN=Intermediate,O=iamguard tests\" follows \"CN=Intermediate"},
		{"a CA named three times", leaf, certtest.Chain(inter, impostorInter, impostorInter, root), "names \"CN=Intermediate"},
		{"eleven certificates", leaf, certtest.Chain(inter, otherRoot, otherRoot, otherRoot, otherRoot, otherRoot, otherRoot, otherRoot, otherRoot, otherRoot, root),
			"holds 11 certificates"},
		{"intermediate only, as anchor", leaf, certtest.Chain(inter), ""},
		// The path ends at the last certificate given, and the chain lists
		// it in order, with nothing else.
		{"root first, intermediate last", leaf, certtest.Chain(root, inter), "out of order or holds a certificate off the path: \"CN=Root,O=iamguard tests\" follows \"CN=leaf"},
		{"an extra certificate first", leaf, certtest.Chain(otherRoot, inter, root), "off the path: \"CN=Other root"},
		{"the certificate itself", leaf, certtest.Chain(leaf), "holds the certificate itself"},
		{"the certificate itself last", leaf, certtest.Chain(inter, leaf), "holds the certificate itself"},
		{"the certificate itself first", leaf, certtest.Chain(leaf, inter, root), "holds the certificate itself"},
		{"the root twice", leaf, certtest.Chain(inter, root, root), "off the path: \"CN=Root,O=iamguard tests\" follows \"CN=Root,O=iamguard tests\", which signs itself"},
		{"the root, then re-issued", leaf, certtest.Chain(inter, root, certtest.Issue(t, certtest.Cert{CN: "Root", CA: true, Key: root.Key})),
			"follows \"CN=Root,O=iamguard tests\", which signs itself"},
		{"root not last", leaf, certtest.Chain(inter, root, otherRoot), "no certificate in the chain issued \"CN=Root"},
		{"missing intermediate", leaf, certtest.Chain(root), "no certificate in the chain issued \"CN=leaf"},
		{"chain of another root", leaf, certtest.Chain(otherRoot), "no certificate in the chain issued"},
		{"issuer name right, key wrong", leaf, certtest.Chain(impostorInter, root), "the signature on \"CN=leaf,O=iamguard tests\" does not verify"},
		{"issuer not a CA", leafOfNotCA, certtest.Chain(notCA, root), "the issuer of \"CN=leaf2,O=iamguard tests\" is not a CA"},
		{"expired intermediate", leafOfExpired, certtest.Chain(expiredInter, root), `"CN=Old intermediate,O=iamguard tests" on the path is expired`},
		{"a client certificate", certtest.Issue(t, certtest.Cert{CN: "client", Parent: inter, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}),
			certtest.Chain(inter, root), "extended key usage does not allow a TLS server"},
		{"a server certificate", certtest.Issue(t, certtest.Cert{CN: "server", Parent: inter, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}),
			certtest.Chain(inter, root), ""},
		{"sha1 signature on the path", certtest.Issue(t, certtest.Cert{CN: "leaf4", Parent: sha1Inter}), certtest.Chain(sha1Inter, rsaRoot), "is signed with SHA1-RSA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, err := inspect.ParseCertificate(tt.leaf.PEM)
			if err != nil {
				t.Fatal(err)
			}
			chain, err := inspect.ParseChain(tt.chain)
			if err != nil {
				t.Fatal(err)
			}
			err = inspect.VerifyChain(body, chain, now, nil)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("VerifyChain: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("VerifyChain = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParsePrivateKey(t *testing.T) {
	rsaKey := certtest.RSA(t, 2048)
	ecKey := certtest.EC(t, elliptic.P256())
	edKey := certtest.Ed25519(t)
	rsaCert, _ := inspect.ParseCertificate(certtest.Issue(t, certtest.Cert{Key: rsaKey}).PEM)
	ecCert, _ := inspect.ParseCertificate(certtest.Issue(t, certtest.Cert{Key: ecKey}).PEM)
	edCert, _ := inspect.ParseCertificate(certtest.Issue(t, certtest.Cert{Key: edKey}).PEM)
	ecParams := "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
	tests := []struct {
		name, pem, alg, format string
		bits                   int
		matches                *inspect.Certificate
		other                  *inspect.Certificate
	}{
		{"pkcs1 rsa", certtest.PKCS1(rsaKey), "RSA", "PKCS#1", 2048, rsaCert, ecCert},
		{"pkcs8 rsa", certtest.PKCS8(t, rsaKey), "RSA", "PKCS#8", 2048, rsaCert, edCert},
		{"pkcs8 ecdsa", certtest.PKCS8(t, ecKey), "ECDSA", "PKCS#8", 256, ecCert, rsaCert},
		{"sec1 ecdsa", certtest.SEC1(t, ecKey), "ECDSA", "SEC1", 256, ecCert, rsaCert},
		{"sec1 after EC PARAMETERS", ecParams + certtest.SEC1(t, ecKey), "ECDSA", "SEC1", 256, ecCert, edCert},
		{"pkcs8 ed25519", certtest.PKCS8(t, edKey), "Ed25519", "PKCS#8", 256, edCert, ecCert},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := inspect.ParsePrivateKey(tt.pem, nil)
			if err != nil {
				t.Fatal(err)
			}
			if k.Algorithm != tt.alg || k.Bits != tt.bits || k.Format != tt.format {
				t.Errorf("got %s-%d %s, want %s-%d %s", k.Algorithm, k.Bits, k.Format, tt.alg, tt.bits, tt.format)
			}
			if !k.Matches(tt.matches) {
				t.Error("key does not match its certificate")
			}
			if k.Matches(tt.other) {
				t.Error("key matches another key's certificate")
			}
		})
	}
}

func TestParsePrivateKeyErrors(t *testing.T) {
	rsaKey := certtest.PKCS1(certtest.RSA(t, 2048))
	lines := strings.Split(strings.TrimSpace(rsaKey), "\n")
	truncated := strings.Join(lines[:len(lines)/2], "\n") + "\n-----END RSA PRIVATE KEY-----\n"
	encrypted := strings.Replace(rsaKey, "-----BEGIN RSA PRIVATE KEY-----\n",
		"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00000000000000000000000000000000\n\n", 1)
	tests := []struct{ name, in, want string }{
		{"empty", "", "no valid PEM block"},
		{"truncated", truncated, "does not hold a valid PKCS#1 key"},
		{"pkcs1 labelled pkcs8", strings.ReplaceAll(rsaKey, "RSA PRIVATE KEY", "PRIVATE KEY"), "does not hold a valid PKCS#8 key"},
		{"certificate instead", certtest.Issue(t, certtest.Cert{}).PEM, `PEM block is "CERTIFICATE"`},
		{"encrypted pkcs1", encrypted, "encrypted"},
		{"encrypted pkcs8", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", "encrypted"},
		{"openssh", "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n", "OpenSSH form"},
		{"two keys", rsaKey + rsaKey, "2 PEM blocks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := inspect.ParsePrivateKey(tt.in, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), lines[1][:16]) {
				t.Errorf("error quotes key material: %v", err)
			}
		})
	}
}

// TestPrivateKeyBounded: a key past what an RSA key of MaxRSABits takes is
// refused before crypto/x509 precomputes it, which a made-up key of 65,536
// bits would keep busy for minutes.
func TestPrivateKeyBounded(t *testing.T) {
	big := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: make([]byte, 20<<10)})
	if _, err := inspect.ParsePrivateKey(string(big), nil); err == nil || !strings.Contains(err.Error(), "at most") {
		t.Errorf("a 20 KiB key: err = %v", err)
	}
}

// TestSelfSignedUncheckable: a self-signed certificate whose signature
// crypto/x509 cannot check (here SHA-224 with RSA, made by openssl req
// -x509 -sha224) is still self-signed: the names say so, and nothing shows
// otherwise.
func TestSelfSignedUncheckable(t *testing.T) {
	pemText, err := os.ReadFile("testdata/sha224-self-signed.pem")
	if err != nil {
		t.Fatal(err)
	}
	c, err := inspect.ParseCertificate(string(pemText))
	if err != nil || !c.SelfSigned() || c.SignatureHash != "" {
		t.Errorf("certificate %+v, %v; want self-signed with an unreadable signature", c, err)
	}
	// crypto/x509 names no SHA-224 signature: its OID stands for it, not
	// crypto/x509's "0".
	if c != nil && c.SignatureAlgorithm != "1.2.840.113549.1.1.14" {
		t.Errorf("signature algorithm %q, want sha224WithRSAEncryption's OID", c.SignatureAlgorithm)
	}
}

// TestSelfSignedRefusedKey: a self-signed certificate whose RSA key
// crypto/rsa refuses to check a signature with (here the exponent 2^33+1,
// made by openssl) is self-signed by its names, not one whose signature
// fails: the key was refused, not the signature.
func TestSelfSignedRefusedKey(t *testing.T) {
	pemText, err := os.ReadFile("testdata/e2-33-self-signed.pem")
	if err != nil {
		t.Fatal(err)
	}
	c, err := inspect.ParseCertificate(string(pemText))
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := c.SelfSignature(nil); s != inspect.SelfNamedUnchecked {
		t.Errorf("certificate %+v, %v; want self-signed by its names, its signature unchecked", c, err)
	}
}

// TestNegativeSerial: a certificate with a negative serial number (made by
// openssl req -x509 -set_serial -12345) is read, as RFC 5280 asks of
// certificate users: crypto/x509 refuses it unless GODEBUG
// x509negativeserial=1, which go.mod sets for iamguard's binaries and tests.
func TestNegativeSerial(t *testing.T) {
	pemText, err := os.ReadFile("testdata/negative-serial.pem")
	if err != nil {
		t.Fatal(err)
	}
	c, err := inspect.ParseCertificate(string(pemText))
	if err != nil || c.SerialNumber != "-12345" || !c.SelfSigned() {
		t.Errorf("certificate %+v, %v; want serial -12345, self-signed", c, err)
	}
}

// TestPublicKeyIdentity: a certificate for the same key pair whose public
// key is spelt with two more bytes in its BIT STRING (which crypto/x509
// and openssl pass over) holds the same key: a dormant signing certificate
// uploaded again that way is still the same credential (IG503).
func TestPublicKeyIdentity(t *testing.T) {
	var certs [2]*inspect.Certificate
	for i, name := range []string{"testdata/spki-der.pem", "testdata/spki-padded.pem"} {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if certs[i], err = inspect.ParseCertificate(string(text)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if certs[0].SHA256Fingerprint == certs[1].SHA256Fingerprint {
		t.Fatal("the two certificates are one: the test proves nothing")
	}
	if certs[0].PublicKeySHA256 != certs[1].PublicKeySHA256 {
		t.Errorf("one key, two identities: %s and %s", certs[0].PublicKeySHA256, certs[1].PublicKeySHA256)
	}
	// PublicKeyID finds it without judging the certificate.
	for i, name := range []string{"testdata/spki-der.pem", "testdata/spki-padded.pem"} {
		text, _ := os.ReadFile(name)
		if id, err := inspect.PublicKeyID(string(text)); err != nil || id != certs[i].PublicKeySHA256 {
			t.Errorf("%s: PublicKeyID = %q, %v; want %q", name, id, err, certs[i].PublicKeySHA256)
		}
	}
}

// exponent231 is a self-signed certificate for a made-up RSA key of 16,384
// bits with the exponent 2^31-1, whose signature check alone took 25 ms.
const exponent231 = "testdata/exponent-2-31.pem"

// TestLargeExponentNotChecked: a certificate whose RSA exponent is past
// 65537 is judged self-signed by its names, without the costly check
// (BenchmarkLargeExponent).
func TestLargeExponentNotChecked(t *testing.T) {
	text, err := os.ReadFile(exponent231)
	if err != nil {
		t.Fatal(err)
	}
	c, err := inspect.ParseCertificate(string(text))
	if err != nil {
		t.Fatal(err)
	}
	if !c.SelfSigned() || c.KeyBits != 16384 {
		t.Errorf("self-signed %v, %d bits; want a self-signed certificate of 16384 bits", c.SelfSigned(), c.KeyBits)
	}
}

// TestUnusualExponentChecked: an exponent past 65537 costs little more to
// check on a key of up to 8,192 bits (1.3 ms for 2^20+1): a self-signed
// certificate that names another issuer is still found self-signed.
func TestUnusualExponentChecked(t *testing.T) {
	for _, name := range []string{"testdata/e65539-other-issuer.pem", "testdata/e20-8192-other-issuer.pem"} {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		c, err := inspect.ParseCertificate(string(text))
		if err != nil {
			t.Fatal(err)
		}
		if !c.SelfSigned() || c.Issuer == c.Subject {
			t.Errorf("%s: self-signed %v, issuer %q, subject %q; want self-signed, naming another issuer", name, c.SelfSigned(), c.Issuer, c.Subject)
		}
	}
}

func BenchmarkLargeExponent(b *testing.B) {
	text, err := os.ReadFile(exponent231)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c, err := inspect.ParseCertificate(string(text))
		if err != nil {
			b.Fatal(err)
		}
		c.SelfSigned()
	}
}

// TestBlockTypeWithheld: a PEM block's type is named in an error only when
// it is a known label. The type line of a broken block can hold a line of
// the key that follows it.
func TestBlockTypeWithheld(t *testing.T) {
	const canary = "CANARYMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo"
	for _, typ := range []string{canary, canary + " PRIVATE KEY", "RSA PRIVATE KEY " + canary} {
		text := "-----BEGIN " + typ + "-----\nAAAA\n-----END " + typ + "-----\n"
		_, errKey := inspect.ParsePrivateKey(text, nil)
		_, errCert := inspect.ParseCertificate(text)
		_, errSSH := inspect.ParseSSHPublicKey(text)
		for _, err := range []error{errKey, errCert, errSSH} {
			if err == nil || strings.Contains(err.Error(), "CANARY") {
				t.Errorf("%q: err = %v, want an error that does not name the type", typ, err)
			}
		}
	}
}

// TestURIHosts: a URI names its host; one with no host, such as a URN,
// names none a client may match (round 158: IG309 named an empty host).
func TestURIHosts(t *testing.T) {
	var uris []*url.URL
	for _, s := range []string{"https://svc.example.com:8443/x", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "spiffe://trust.example.org/w"} {
		u, err := url.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		uris = append(uris, u)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), NotBefore: certtest.Now, NotAfter: certtest.Now.AddDate(1, 0, 0), URIs: uris}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := inspect.ParseCertificate(string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"svc.example.com", "trust.example.org"}; !slices.Equal(c.URIHosts, want) {
		t.Errorf("URIHosts = %q, want %q", c.URIHosts, want)
	}
	if len(c.SANs) != 3 {
		t.Errorf("SANs = %q, want all three URIs", c.SANs)
	}
}

// TestBudget: a plan's signature checks spend its budget by what they cost,
// and one past it is not made (round 201: chains of SHA-1 CAs with
// 16,384-bit keys cost a minute a plan). Checks that cost nothing, such as
// a chain's length, are made past it.
func TestBudget(t *testing.T) {
	self, err := inspect.ParseCertificate(certtest.Issue(t, certtest.Cert{CN: "self"}).PEM)
	if err != nil {
		t.Fatal(err)
	}
	rsa4096, err := inspect.ParseCertificate(certtest.Issue(t, certtest.Cert{CN: "self", Key: certtest.RSA(t, 4096)}).PEM)
	if err != nil {
		t.Fatal(err)
	}
	b := inspect.NewBudget()
	if b.Left() != inspect.MaxSignatureWork {
		t.Fatalf("a new budget holds %d", b.Left())
	}
	s, unchecked := self.SelfSignature(b)
	p256 := inspect.MaxSignatureWork - b.Left()
	if s != inspect.SignedByOwnKey || unchecked || p256 < 1 {
		t.Fatalf("P-256 within the budget: %v, unchecked %v, cost %d", s, unchecked, p256)
	}
	left := b.Left()
	rsa4096.SelfSignature(b)
	if cost := left - b.Left(); cost < 4 {
		t.Errorf("a 4,096-bit RSA check costs %d, want 4 or more (a 2,048-bit one's 1, times the square of the size)", cost)
	}
	// P-224's check costs twice P-256's in crypto/ecdsa (round 205).
	p224, err := inspect.ParseCertificate(certtest.Issue(t, certtest.Cert{CN: "self", Key: certtest.EC(t, elliptic.P224())}).PEM)
	if err != nil {
		t.Fatal(err)
	}
	left = b.Left()
	p224.SelfSignature(b)
	if cost := left - b.Left(); cost < 2*p256 {
		t.Errorf("a P-224 check costs %d, P-256's %d; want twice that or more", cost, p256)
	}
	key := certtest.PKCS1(certtest.RSA(t, 2048))
	left = b.Left()
	if _, err := inspect.ParsePrivateKey(key, b); err != nil || b.Left() >= left {
		t.Errorf("a private key within the budget: %v, %d left of %d", err, b.Left(), left)
	}
	for b.Left() >= p256 {
		self.SelfSignature(b)
	}
	if s, unchecked := self.SelfSignature(b); s != inspect.SelfNamedUnchecked || !unchecked || b.Left() != 0 {
		t.Errorf("past the budget: %v, unchecked %v, %d left; want judged by its names, unchecked, the budget spent", s, unchecked, b.Left())
	}
	if _, err := inspect.ParsePrivateKey(key, b); !errors.Is(err, inspect.ErrBudgetSpent) {
		t.Errorf("a private key past the budget: %v", err)
	}
	if s, unchecked := self.SelfSignature(nil); s != inspect.SignedByOwnKey || unchecked {
		t.Errorf("no budget: %v, unchecked %v", s, unchecked)
	}

	root := certtest.Issue(t, certtest.Cert{CN: "Root", CA: true})
	leaf, err := inspect.ParseCertificate(certtest.Issue(t, certtest.Cert{CN: "leaf", DNSNames: []string{"a.example.com"}, Parent: root}).PEM)
	if err != nil {
		t.Fatal(err)
	}
	chain, err := inspect.ParseChain(root.PEM)
	if err != nil {
		t.Fatal(err)
	}
	if err := inspect.VerifyChain(leaf, chain, now, inspect.NewBudget()); err != nil {
		t.Errorf("within the budget: %v", err)
	}
	// A subject named twice makes crypto/x509 check every link above it
	// twice, once a path (round 203): so it is charged.
	inter := certtest.Issue(t, certtest.Cert{CN: "Intermediate", CA: true, Parent: root})
	twin := certtest.Issue(t, certtest.Cert{CN: "Intermediate", CA: true, Parent: root, Key: inter.Key})
	leaf2, err := inspect.ParseCertificate(certtest.Issue(t, certtest.Cert{CN: "leaf", DNSNames: []string{"a.example.com"}, Parent: inter}).PEM)
	if err != nil {
		t.Fatal(err)
	}
	spent := func(pemChain string) int {
		chain, err := inspect.ParseChain(pemChain)
		if err != nil {
			t.Fatal(err)
		}
		b := inspect.NewBudget()
		inspect.VerifyChain(leaf2, chain, now, b)
		return inspect.MaxSignatureWork - b.Left()
	}
	if plain, twice := spent(certtest.Chain(inter, root)), spent(certtest.Chain(inter, twin, root)); twice < 3*plain {
		t.Errorf("a chain of two links costs %d, of three with a subject named twice %d; want twice its links", plain, twice)
	}
	if err := inspect.VerifyChain(leaf, chain, now, b); !errors.Is(err, inspect.ErrBudgetSpent) {
		t.Errorf("past the budget: %v, want ErrBudgetSpent", err)
	}
	long, err := inspect.ParseChain(strings.Repeat(root.PEM, 11))
	if err != nil {
		t.Fatal(err)
	}
	if err := inspect.VerifyChain(leaf, long, now, b); err == nil || errors.Is(err, inspect.ErrBudgetSpent) {
		t.Errorf("eleven certificates past the budget: %v, want refused for its length", err)
	}
}

// TestPEMTrimmed: a certificate, chain or key is read trimmed of white
// space, as the AWS provider plans it (round 346: one after a tab was no
// PEM to the provider function, and judged by the linter).
func TestPEMTrimmed(t *testing.T) {
	good := certtest.Issue(t, certtest.Cert{}).PEM
	for _, pad := range []string{" ", "\t", "\n\n", "\u00a0"} {
		if _, err := inspect.ParseCertificate(pad + good + pad); err != nil {
			t.Errorf("certificate after %q: %v", pad, err)
		}
		if _, err := inspect.ParseChain(pad + good); err != nil {
			t.Errorf("chain after %q: %v", pad, err)
		}
		if _, err := inspect.ParsePrivateKey(pad+certtest.PKCS1(certtest.RSA(t, 2048)), nil); err != nil {
			t.Errorf("private key after %q: %v", pad, err)
		}
	}
	// CRLF line ends are one break, and the key after a lone CR is read.
	crlf := strings.ReplaceAll(good, "\n", "\r\n")
	if _, err := inspect.ParseChain(crlf + crlf); err != nil {
		t.Errorf("chain with CRLF: %v", err)
	}
	key := certtest.PKCS1(certtest.RSA(t, 2048))
	if _, err := inspect.ParsePrivateKey("#\r"+key+key, nil); err == nil {
		t.Error("two keys, one after a lone CR: read, want refused")
	}
}

// TestPEMArmourInComments: a comment line that names the armour is no PEM
// block, before or after a certificate, a chain or a key (round 248:
// refused as a block that does not decode).
func TestPEMArmourInComments(t *testing.T) {
	good := certtest.Issue(t, certtest.Cert{}).PEM
	before := "# paste between -----BEGIN CERTIFICATE----- and -----END CERTIFICATE-----\n"
	after := "# each starts with -----BEGIN CERTIFICATE-----\n"
	if _, err := inspect.ParseCertificate(before + good + after); err != nil {
		t.Errorf("certificate: %v", err)
	}
	if _, err := inspect.ParseChain(before + good); err != nil {
		t.Errorf("chain: %v", err)
	}
	key := "# keep the -----BEGIN RSA PRIVATE KEY----- line\n" + certtest.PKCS1(certtest.RSA(t, 2048))
	if _, err := inspect.ParsePrivateKey(key, nil); err != nil {
		t.Errorf("private key: %v", err)
	}
}

// TestVerifyChainOpenSSLChecks: what OpenSSL-based clients check of a path
// that crypto/x509 does not (made by openssl, round 272): an authority key
// identifier's serial number, matching the key identifier but not the
// issuer's serial, finds no issuer; one of the issuer's serial does; a
// certificate whose extended key usage is anyExtendedKeyUsage alone is no
// TLS server's, nor is an intermediate's.
func TestVerifyChainOpenSSLChecks(t *testing.T) {
	for _, c := range []struct{ dir, want string }{
		{"akid_keyid_ok_serial_mismatch", "names its issuer by another serial number"},
		{"akid_issuer_serial_ok", ""},
		{"eku_any_only", "extended key usage does not allow a TLS server"},
		// An intermediate's too (round 274).
		{"intermediate_eku_any", "has an extended key usage without serverAuth"},
		// The anchor's, and an empty list (round 276).
		{"ca-eku-rootany", "has an extended key usage without serverAuth"},
		{"ca-eku-empty", "has an extended key usage without serverAuth"},
	} {
		read := func(name string) string {
			b, err := os.ReadFile("testdata/" + c.dir + "/" + name)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
		body, err := inspect.ParseCertificate(read("leaf.pem"))
		if err != nil {
			t.Fatal(err)
		}
		chain, err := inspect.ParseChain(read("chain.pem"))
		if err != nil {
			t.Fatal(err)
		}
		err = inspect.VerifyChain(body, chain, body.NotBefore.Add(time.Hour), inspect.NewBudget())
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s: VerifyChain = %v, want %q", c.dir, err, c.want)
		}
	}
}
