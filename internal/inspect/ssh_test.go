package inspect_test

import (
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"math/big"
	"os"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

func TestParseSSHPublicKey(t *testing.T) {
	rsa2048 := certtest.RSA(t, 2048)
	rsa1024 := certtest.RSA(t, 1024)
	ec := certtest.EC(t, elliptic.P384())
	ed := certtest.Ed25519(t)
	dsaKey := certtest.DSA(t)
	tests := []struct {
		name, in, encoding, typ, alg, comment string
		bits                                  int
	}{
		{"ssh rsa 2048", certtest.SSHAuthorized(t, &rsa2048.PublicKey, "alice@laptop"), "SSH", "ssh-rsa", "RSA", "alice@laptop", 2048},
		{"ssh rsa 1024", certtest.SSHAuthorized(t, &rsa1024.PublicKey, ""), "SSH", "ssh-rsa", "RSA", "", 1024},
		{"ssh ecdsa p384", certtest.SSHAuthorized(t, &ec.PublicKey, ""), "SSH", "ecdsa-sha2-nistp384", "ECDSA", "", 384},
		{"ssh ed25519", certtest.SSHAuthorized(t, ed.Public(), "x"), "SSH", "ssh-ed25519", "Ed25519", "x", 256},
		{"ssh dsa", certtest.SSHAuthorized(t, dsaKey, ""), "SSH", "ssh-dss", "DSA", "", 1024},
		{"pem pkix rsa", certtest.SSHPEM(t, &rsa2048.PublicKey), "PEM", "ssh-rsa", "RSA", "", 2048},
		{"pem pkcs1 rsa", certtest.PEM("RSA PUBLIC KEY", pkcs1Public(&rsa1024.PublicKey)), "PEM", "ssh-rsa", "RSA", "", 1024},
		{"pem ecdsa", certtest.SSHPEM(t, &ec.PublicKey), "PEM", "ecdsa-sha2-nistp384", "ECDSA", "", 384},
		// Round 351: after white space, unreadable (IG403) where the same
		// key plainly was too weak (IG402).
		{"pem after a space", " " + certtest.SSHPEM(t, &rsa1024.PublicKey), "PEM", "ssh-rsa", "RSA", "", 1024},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := inspect.ParseSSHPublicKey(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := [...]any{k.Encoding, k.Type, k.Algorithm, k.Comment, k.Bits}
			want := [...]any{tt.encoding, tt.typ, tt.alg, tt.comment, tt.bits}
			if got != want {
				t.Errorf("got %v, want %v", got, want)
			}
			if !strings.HasPrefix(k.SHA256Fingerprint, "SHA256:") || len(k.MD5Fingerprint) != 47 {
				t.Errorf("fingerprints %q %q", k.SHA256Fingerprint, k.MD5Fingerprint)
			}
		})
	}
}

// The SSH and PEM forms of one key share fingerprints; another key does not.
func TestSSHFingerprintIdentifiesKey(t *testing.T) {
	a, b := certtest.RSA(t, 2048), certtest.RSA(t, 1024)
	ssh, _ := inspect.ParseSSHPublicKey(certtest.SSHAuthorized(t, &a.PublicKey, "one"))
	pem, _ := inspect.ParseSSHPublicKey(certtest.SSHPEM(t, &a.PublicKey))
	other, _ := inspect.ParseSSHPublicKey(certtest.SSHAuthorized(t, &b.PublicKey, "one"))
	if ssh.SHA256Fingerprint != pem.SHA256Fingerprint || ssh.MD5Fingerprint != pem.MD5Fingerprint {
		t.Errorf("SSH and PEM forms differ: %s / %s", ssh.SHA256Fingerprint, pem.SHA256Fingerprint)
	}
	if ssh.SHA256Fingerprint == other.SHA256Fingerprint {
		t.Error("two keys share a fingerprint")
	}
	// An RSA exponent past 24 bits, which OpenSSH takes and x/crypto/ssh
	// does not: read in both forms, its size judged alike (round 119).
	wide := &rsa.PublicKey{N: b.N, E: 1<<24 + 1}
	line, err := inspect.ParseSSHPublicKey(certtest.SSHAuthorized(t, wide, "ci"))
	if err != nil {
		t.Fatal(err)
	}
	block, err := inspect.ParseSSHPublicKey(certtest.SSHPEM(t, wide))
	if err != nil || line.Bits != 1024 || line.Algorithm != "RSA" || line.Comment != "ci" || line.Encoding != inspect.EncodingSSH ||
		block.SHA256Fingerprint != line.SHA256Fingerprint || block.Authorized != line.Authorized {
		t.Errorf("exponent 2^24+1: %+v and %+v, %v", line, block, err)
	}
	// Past 31 bits, which crypto/x509 refuses in PKCS#1 alone: the three
	// spellings read alike (round 124).
	long := &rsa.PublicKey{N: b.N, E: 1<<33 + 17}
	var prints []string
	for _, text := range []string{wire(t, long.N, big.NewInt(int64(long.E))), certtest.SSHPEM(t, long), certtest.PEM("RSA PUBLIC KEY", pkcs1Public(long))} {
		k, err := inspect.ParseSSHPublicKey(text)
		if err != nil || k.Bits != 1024 {
			t.Fatalf("exponent 2^33+17: %+v, %v", k, err)
		}
		prints = append(prints, k.SHA256Fingerprint)
	}
	if prints[0] != prints[1] || prints[1] != prints[2] {
		t.Errorf("exponent 2^33+17: fingerprints %q", prints)
	}
	// An OpenSSH certificate of a key is that key, as OpenSSH fingerprints
	// it (round 115).
	signer, err := gossh.NewSignerFromKey(b)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := gossh.NewPublicKey(&a.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	c := &gossh.Certificate{Key: pub, CertType: gossh.UserCert, KeyId: "one", ValidBefore: gossh.CertTimeInfinity}
	if err := c.SignCert(rand.Reader, signer); err != nil {
		t.Fatal(err)
	}
	certLine := string(gossh.MarshalAuthorizedKey(c))
	cert, err := inspect.ParseSSHPublicKey(certLine)
	if err != nil || cert.Type != gossh.CertAlgoRSAv01 || cert.SHA256Fingerprint != ssh.SHA256Fingerprint || cert.MD5Fingerprint != ssh.MD5Fingerprint {
		t.Errorf("certificate of the key: %+v, %v; want the key's fingerprints %s", cert, err, ssh.SHA256Fingerprint)
	}
	// So is one named by a signature algorithm's certificate name, as
	// OpenSSH reads it (round 310: refused, a false IG403 on a sound key).
	for _, name := range []string{gossh.CertAlgoRSASHA256v01, gossh.CertAlgoRSASHA512v01} {
		cert, err := inspect.ParseSSHPublicKey(name + strings.TrimPrefix(certLine, gossh.CertAlgoRSAv01))
		if err != nil || cert.SHA256Fingerprint != ssh.SHA256Fingerprint || cert.Bits != 2048 {
			t.Errorf("%s: %+v, %v", name, cert, err)
		}
	}
	// An exponent past an int, which crypto/rsa cannot hold and OpenSSH
	// reads (round 310: 2^64+1 refused, so a 1,024-bit key was IG403
	// medium, not IG402 high): read by its size, with OpenSSH's
	// fingerprint of its canonical form.
	huge := new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 64), big.NewInt(1))
	k, err := inspect.ParseSSHPublicKey(wire(t, certtest.RSA(t, 1024).N, huge))
	if err != nil || k.Algorithm != "RSA" || k.Bits != 1024 || k.KeyFlaw != "" || !strings.HasPrefix(k.SHA256Fingerprint, "SHA256:") || k.Comment != "me" {
		t.Errorf("exponent 2^64+1: %+v, %v", k, err)
	}
}

func TestParseSSHPublicKeyErrors(t *testing.T) {
	good := certtest.SSHAuthorized(t, &certtest.RSA(t, 2048).PublicKey, "")
	fields := strings.Fields(good)
	tests := []struct{ name, in, want string }{
		{"empty", "  \n", "empty"},
		{"bad base64", "ssh-rsa !!!notbase64!!! me", "not an OpenSSH public key"},
		{"truncated key data", "ssh-rsa " + fields[1][:len(fields[1])/2] + " me", "not an OpenSSH public key"},
		{"type without data", "ssh-rsa", "not an OpenSSH public key"},
		{"two keys", good + good, "more than one line"},
		{"private key pem", certtest.PKCS1(certtest.RSA(t, 1024)), "is a private key"},
		{"openssh private key", "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n", "is a private key"},
		{"certificate pem", certtest.Issue(t, certtest.Cert{}).PEM, `PEM block is "CERTIFICATE"`},
		{"pem bad base64", "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n", "no valid PEM block"},
		{"pem garbage der", certtest.PEM("PUBLIC KEY", []byte("not der")), "does not hold a valid public key"},
		// Past what SSH takes, read through the fallback for long exponents
		// or in PEM; fields split at a no-break space; a negative modulus
		// (round 122).
		{"ssh rsa past 16384 bits, long exponent", wire(t, hugeN, big.NewInt(1<<24+1)), "not an OpenSSH public key"},
		{"pem rsa past 16384 bits", certtest.SSHPEM(t, &rsa.PublicKey{N: hugeN, E: 65537}), "past the 16384 that SSH takes"},
		{"no-break space", strings.Replace(wire(t, certtest.RSA(t, 2048).N, big.NewInt(1<<24+1)), " ", "\u00a0", 1), "not an OpenSSH public key"},
		{"negative modulus", wire(t, new(big.Int).Neg(certtest.RSA(t, 2048).N), big.NewInt(65537)), "modulus is not positive"},
		// The exponent 0, under which no signature verifies, said so
		// (round 325: "not an OpenSSH public key ... valid base64").
		{"ssh rsa exponent 0", wire(t, certtest.RSA(t, 2048).N, big.NewInt(0)), "the public exponent 0, under which no signature verifies"},
		// Nor one of a negative exponent, long or short (round 309: a long
		// odd one passed as a sound key).
		{"ssh rsa exponent -(2^32+1)", wire(t, certtest.RSA(t, 2048).N, big.NewInt(-(1<<32 + 1))), "not an OpenSSH public key"},
		{"ssh rsa exponent -65537", wire(t, certtest.RSA(t, 2048).N, big.NewInt(-65537)), "not an OpenSSH public key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := inspect.ParseSSHPublicKey(tt.in)
			if err == nil || k != nil {
				t.Fatalf("got %v, %v; want error", k, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "AAAA") || strings.Contains(err.Error(), "!!!") {
				t.Errorf("error quotes input: %q", err)
			}
		})
	}
}

func pkcs1Public(k *rsa.PublicKey) []byte { return x509.MarshalPKCS1PublicKey(k) }

// hugeN is an odd number of 16,400 bits, standing for a modulus past what
// SSH takes: no parser here factors it.
var hugeN = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 16400), big.NewInt(1))

// wire writes an ssh-rsa line with the exponent and modulus given, as
// x/crypto/ssh would not (it refuses some of them).
func wire(t *testing.T, n, e *big.Int) string {
	t.Helper()
	blob := gossh.Marshal(struct {
		Name string
		E, N *big.Int
	}{gossh.KeyAlgoRSA, e, n})
	return gossh.KeyAlgoRSA + " " + base64.StdEncoding.EncodeToString(blob) + " me"
}

// TestSSHKeyIsOneKey: text around one key (a comment line, a private key,
// options, a second key after a CR) is refused, not read past.
func TestSSHKeyIsOneKey(t *testing.T) {
	ed := strings.TrimSpace(certtest.SSHAuthorized(t, certtest.Ed25519(t).Public(), "ci"))
	rsa := strings.TrimSpace(certtest.SSHAuthorized(t, &certtest.RSA(t, 1024).PublicKey, ""))
	for _, text := range []string{ed + "\n", ed + " ssh-rsa key for alice", ed + " ssh-rsa AAAA", ed + " alice@example.com c29tZSBiYXNlNjQgdGV4dA=="} {
		if _, err := inspect.ParseSSHPublicKey(text); err != nil {
			t.Errorf("one key, %q: %v", text, err)
		}
	}
	for name, text := range map[string]string{
		"a comment line first":  "# deploy key\n" + ed,
		"options":               `command="/bin/true",no-pty ` + ed,
		"a second key after CR": ed + "\r" + rsa,
		// Read as a key and a comment, the second would go to IAM unjudged (round 269).
		"a second key after a space":          ed + " " + rsa,
		"a second key after a tab, commented": rsa + "\t" + ed,
		"a second key with a long exponent":   ed + " " + strings.TrimSuffix(wire(t, certtest.RSA(t, 2048).N, big.NewInt(1<<24+1)), " me"),
		// OpenSSH reads "rsa-sha2-512 DATA" as the RSA key DATA (round 270).
		"a second key named by its signature": ed + " rsa-sha2-512" + strings.TrimPrefix(rsa, "ssh-rsa"),
		"a second key after a comma":          ed + " x," + rsa,
		"a private key first":                 "-----BEGIN OPENSSH PRIVATE KEY-----x\n" + ed,
		// In PEM form, what follows the block is not read past either.
		"a PEM key, then another key":        certtest.SSHPEM(t, certtest.Ed25519(t).Public()) + rsa,
		"a PEM key, then a broken PEM block": certtest.SSHPEM(t, certtest.Ed25519(t).Public()) + "-----BEGIN RSA PRIVATE KEY-----\n!!!\n-----END RSA PRIVATE KEY-----\n",
		// pem.Decode would pass over a first block with a broken END
		// line and return the sound one after it.
		"a broken PEM block, then a PEM key": strings.Replace(certtest.SSHPEM(t, certtest.RSA(t, 1024).Public()), "-----END PUBLIC KEY-----", "-----END PUBLIC KEY----- x", 1) +
			certtest.SSHPEM(t, certtest.Ed25519(t).Public()),
	} {
		if _, err := inspect.ParseSSHPublicKey(text); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestFingerprintsAsXCrypto: the one-line form and both fingerprints,
// made from the key marshalled once, are x/crypto/ssh's own, for each kind
// of key and for a certificate (whose fingerprints are its key's).
func TestFingerprintsAsXCrypto(t *testing.T) {
	a, b := certtest.RSA(t, 2048), certtest.RSA(t, 1024)
	ec, ed := certtest.EC(t, elliptic.P256()), certtest.Ed25519(t)
	var keys []gossh.PublicKey
	for _, k := range []any{&a.PublicKey, &ec.PublicKey, ed.Public(), certtest.DSA(t)} {
		pub, err := gossh.NewPublicKey(k)
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, pub)
	}
	signer, err := gossh.NewSignerFromKey(b)
	if err != nil {
		t.Fatal(err)
	}
	c := &gossh.Certificate{Key: keys[0], CertType: gossh.UserCert, KeyId: "one", ValidBefore: gossh.CertTimeInfinity}
	if err := c.SignCert(rand.Reader, signer); err != nil {
		t.Fatal(err)
	}
	for _, pub := range append(keys, c) {
		k, err := inspect.ParseSSHPublicKey(string(gossh.MarshalAuthorizedKey(pub)))
		if err != nil {
			t.Fatalf("%s: %v", pub.Type(), err)
		}
		inner := pub
		if c, ok := pub.(*gossh.Certificate); ok {
			inner = c.Key
		}
		got := [...]string{k.Authorized, k.SHA256Fingerprint, k.MD5Fingerprint}
		want := [...]string{strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub))), gossh.FingerprintSHA256(inner), gossh.FingerprintLegacyMD5(inner)}
		if got != want {
			t.Errorf("%s: got %q, want %q", pub.Type(), got, want)
		}
	}
}

// TestSSHKeyNames: a key whose key data names its type as OpenSSH also
// reads it (a signature algorithm, a plain key type's short name in any
// ASCII case), or whose line names a signature algorithm, is that key,
// with its fingerprint and its flaws (round 327: IG403 medium, "not an
// OpenSSH public key", for a key of the exponent 1 so named in its data).
// Names OpenSSH refuses are refused (round 328): a short name on the
// line, an ECDSA key's, one in another script's case; and a second key in
// the comment so named is a second key.
func TestSSHKeyNames(t *testing.T) {
	named := func(line, outer, inner string) string {
		f := strings.Fields(line)
		data, _ := base64.StdEncoding.DecodeString(f[1])
		var w struct {
			Name string
			Rest []byte `ssh:"rest"`
		}
		if err := gossh.Unmarshal(data, &w); err != nil {
			t.Fatal(err)
		}
		w.Name = inner
		return outer + " " + base64.StdEncoding.EncodeToString(gossh.Marshal(w)) + " me"
	}
	e1 := wire(t, certtest.RSA(t, 2048).N, big.NewInt(1))
	weak := wire(t, certtest.RSA(t, 1024).N, big.NewInt(65537))
	dsaKey := certtest.SSHAuthorized(t, certtest.DSA(t), "")
	ed := certtest.SSHAuthorized(t, certtest.Ed25519(t).Public(), "")
	ec := certtest.SSHAuthorized(t, &certtest.EC(t, elliptic.P384()).PublicKey, "")
	sk := gossh.KeyAlgoSKED25519 + " " + base64.StdEncoding.EncodeToString(gossh.Marshal(struct{ Type, Key, App string }{
		gossh.KeyAlgoSKED25519, string(certtest.Ed25519(t).Public().(ed25519.PublicKey)), "ssh:"}))
	for _, c := range []struct {
		name, plain, outer, inner string
		read                      bool
	}{
		{"rsa-sha2-512 in the data", e1, "ssh-rsa", "rsa-sha2-512", true},
		{"RSA in the data", e1, "ssh-rsa", "RSA", true},
		{"rsa-sha2-256 on the line, Rsa in the data", e1, "rsa-sha2-256", "Rsa", true},
		{"DSA in the data", dsaKey, "ssh-dss", "DSA", true},
		{"ED25519 in the data", ed, "ssh-ed25519", "ED25519", true},
		{"rsa on the line", e1, "rsa", "ssh-rsa", false},
		{"ECDSA in the data", ec, "ecdsa-sha2-nistp384", "ECDSA", false},
		{"ed25519-sk in the data", sk, gossh.KeyAlgoSKED25519, "ed25519-sk", true},
		{"a Kelvin sign in the data", sk, gossh.KeyAlgoSKED25519, "ED25519-S\u212a", false},
	} {
		want, err := inspect.ParseSSHPublicKey(c.plain)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, err := inspect.ParseSSHPublicKey(named(c.plain, c.outer, c.inner))
		switch {
		case !c.read && err == nil:
			t.Errorf("%s: read %+v; OpenSSH refuses it", c.name, got)
		case c.read && (err != nil || got.SHA256Fingerprint != want.SHA256Fingerprint || got.Bits != want.Bits || got.KeyFlaw != want.KeyFlaw || got.Comment != "me"):
			t.Errorf("%s: %+v, %v; want %+v", c.name, got, err, want)
		}
	}
	second := strings.TrimSuffix(strings.TrimSpace(ed), " ") + " " + strings.TrimSuffix(named(weak, "ssh-rsa", "RSA"), " me")
	if _, err := inspect.ParseSSHPublicKey(second); err == nil || !strings.Contains(err.Error(), "more than one key") {
		t.Errorf("a second key named RSA in its data, in the comment: %v", err)
	}
}

// TestSSHEvenExponent: a key of an even exponent is its modulus's size, and
// one key in both forms, so IG402 and IG404 judge it (round 325).
func TestSSHEvenExponent(t *testing.T) {
	n := certtest.RSA(t, 1024).N
	line, err := inspect.ParseSSHPublicKey(wire(t, n, big.NewInt(2)))
	if err != nil {
		t.Fatal(err)
	}
	block, err := inspect.ParseSSHPublicKey(certtest.PEM("RSA PUBLIC KEY", pkcs1Public(&rsa.PublicKey{N: n, E: 2})))
	if err != nil {
		t.Fatal(err)
	}
	if line.Bits != 1024 || line.Algorithm != "RSA" || line.SHA256Fingerprint != block.SHA256Fingerprint {
		t.Errorf("line %+v, block %+v: want one 1,024-bit RSA key", line, block)
	}
}

// An Ed25519 key of small order or off the curve is flawed in every form
// IAM takes and as a security key's (round 244), and so is an RSA key of
// the public exponent 1, which OpenSSH reads (round 297); a sound one is
// not.
func TestSSHKeyFlaw(t *testing.T) {
	neutral := make(ed25519.PublicKey, ed25519.PublicKeySize)
	neutral[0] = 1
	offCurve := make(ed25519.PublicKey, ed25519.PublicKeySize)
	offCurve[0] = 2
	sk := func(k ed25519.PublicKey) string { // sk-ssh-ed25519@openssh.com: type, key, application
		wire := gossh.Marshal(struct{ Type, Key, App string }{gossh.KeyAlgoSKED25519, string(k), "ssh:"})
		return gossh.KeyAlgoSKED25519 + " " + base64.StdEncoding.EncodeToString(wire)
	}
	for _, tt := range []struct {
		name, in, flaw string
	}{
		{"ssh neutral", certtest.SSHAuthorized(t, neutral, ""), "small order"},
		{"pem neutral", certtest.SSHPEM(t, neutral), "small order"},
		{"sk neutral", sk(neutral), "small order"},
		{"ssh off the curve", certtest.SSHAuthorized(t, offCurve, ""), "no point of the curve"},
		{"ssh sound", certtest.SSHAuthorized(t, certtest.Ed25519(t).Public(), ""), ""},
		{"ssh rsa", certtest.SSHAuthorized(t, &certtest.RSA(t, 2048).PublicKey, ""), ""},
		{"ssh rsa exponent 1", wire(t, certtest.RSA(t, 2048).N, big.NewInt(1)), "public exponent 1"},
		{"pem rsa exponent 1", certtest.SSHPEM(t, &rsa.PublicKey{N: certtest.RSA(t, 2048).N, E: 1}), "public exponent 1"},
		{"ssh rsa exponent 3", wire(t, certtest.RSA(t, 2048).N, big.NewInt(3)), ""},
		// An even exponent is read and judged by its size, in both forms:
		// whoever holds the primes signs as Rabin's scheme does, and
		// OpenSSH verifies it (round 325: refused, IG403 medium, though a
		// 1,024-bit key was IG402 high).
		{"ssh rsa exponent 2", wire(t, certtest.RSA(t, 2048).N, big.NewInt(2)), ""},
		{"ssh rsa exponent 2^25", wire(t, certtest.RSA(t, 2048).N, big.NewInt(1<<25)), ""},
		{"ssh rsa exponent 2^64", wire(t, certtest.RSA(t, 2048).N, new(big.Int).Lsh(big.NewInt(1), 64)), ""},
		{"pem pkcs1 rsa exponent 2", certtest.PEM("RSA PUBLIC KEY", pkcs1Public(&rsa.PublicKey{N: certtest.RSA(t, 2048).N, E: 2})), ""},
		{"pem pkix rsa exponent 65538", certtest.SSHPEM(t, &rsa.PublicKey{N: certtest.RSA(t, 2048).N, E: 65538}), ""},
		// Named by a signature algorithm, as OpenSSH reads it (round 309).
		{"rsa-sha2-512 exponent 1", "rsa-sha2-512" + strings.TrimPrefix(wire(t, certtest.RSA(t, 2048).N, big.NewInt(1)), "ssh-rsa"), "public exponent 1"},
	} {
		k, err := inspect.ParseSSHPublicKey(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if (tt.flaw == "") != (k.KeyFlaw == "") || !strings.Contains(k.KeyFlaw, tt.flaw) {
			t.Errorf("%s: flaw %q, want one naming %q", tt.name, k.KeyFlaw, tt.flaw)
		}
	}
}

// TestDSAForms: a DSA key of 2,048 bits, which x/crypto/ssh refuses in the
// OpenSSH form (it takes 1,024 and 160 bits only) though OpenSSH reads it,
// is read in both forms alike, as DSA, with one fingerprint (round 269:
// IG401 in PEM, IG403 in the OpenSSH form).
func TestDSAForms(t *testing.T) {
	var keys []*inspect.SSHKey
	for _, name := range []string{"testdata/dsa-2048.pub", "testdata/dsa-2048.pem"} {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		k, err := inspect.ParseSSHPublicKey(string(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if k.Algorithm != "DSA" || k.Bits != 2048 {
			t.Errorf("%s: %s-%d, want DSA-2048", name, k.Algorithm, k.Bits)
		}
		keys = append(keys, k)
	}
	if keys[0].SHA256Fingerprint != keys[1].SHA256Fingerprint || keys[0].Authorized != keys[1].Authorized {
		t.Errorf("the forms differ: %s %s", keys[0].SHA256Fingerprint, keys[1].SHA256Fingerprint)
	}
}

// TestSSHKeySpellings: spellings OpenSSH reads as the key itself are that
// key, with its size and fingerprint: "rsa-sha2-256 DATA" and
// "rsa-sha2-512 DATA" (round 309: refused as no OpenSSH key, so a
// 1,024-bit key was IG403 medium, not IG402 high, and joined no shared-key
// check), and a vertical tab or form feed inside the base64, which
// OpenSSH's decoder skips (round 310).
func TestSSHKeySpellings(t *testing.T) {
	line := strings.TrimSpace(certtest.SSHAuthorized(t, &certtest.RSA(t, 1024).PublicKey, "ci"))
	plain, err := inspect.ParseSSHPublicKey(line)
	if err != nil {
		t.Fatal(err)
	}
	for _, spelled := range []string{
		"rsa-sha2-256" + strings.TrimPrefix(line, "ssh-rsa"),
		"rsa-sha2-512" + strings.TrimPrefix(line, "ssh-rsa"),
		line[:20] + "\v" + line[20:],
		line[:20] + "\f" + line[20:],
	} {
		k, err := inspect.ParseSSHPublicKey(spelled)
		if err != nil || k.Algorithm != "RSA" || k.Bits != 1024 || k.SHA256Fingerprint != plain.SHA256Fingerprint || k.Comment != "ci" {
			t.Errorf("%.30q: %+v, %v", spelled, k, err)
		}
	}
	if _, err := inspect.ParseSSHPublicKey("rsa-sha2-512"); err == nil {
		t.Error("a signature algorithm's name alone was read as a key")
	}
}
