package inspect

import (
	"bytes"
	"crypto/dsa" //nolint:staticcheck // DSA keys must be read to be flagged
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/ssh"
)

// SSH public-key encodings, as IAM names them.
const (
	EncodingSSH = "SSH" // OpenSSH one-line form: "ssh-rsa AAAA... comment"
	EncodingPEM = "PEM" // -----BEGIN PUBLIC KEY----- (PKIX) or RSA PUBLIC KEY (PKCS#1)
)

// SSHKey is what iamguard knows of an SSH public key.
type SSHKey struct {
	Encoding  string `json:"encoding"`  // the form the key was given in: SSH or PEM
	Type      string `json:"type"`      // SSH key type, such as ssh-rsa or ssh-ed25519
	Algorithm string `json:"algorithm"` // RSA, DSA, ECDSA, Ed25519, or the type when unknown
	Bits      int    `json:"bits"`
	Comment   string `json:"comment"`
	// SHA256Fingerprint is OpenSSH's "SHA256:..." form; it is the same for
	// the SSH and PEM forms of a key, so it identifies the key.
	SHA256Fingerprint string `json:"sha256_fingerprint"`
	// MD5Fingerprint is the colon-separated hex IAM shows for SSH keys.
	MD5Fingerprint string `json:"md5_fingerprint"`
	// Authorized is the key in OpenSSH one-line form without a comment
	// ("ssh-ed25519 AAAA..."), whichever encoding it was given in: public
	// material only, the same for every spelling of one key.
	Authorized string `json:"authorized"`
	// KeyFlaw says what makes the key give no security whatever its size
	// (see keyFlaw); "" for a sound key.
	KeyFlaw string `json:"-"`
}

// ParseSSHPublicKey reads one SSH public key in either encoding IAM accepts,
// telling them apart by the PEM armour.
func ParseSSHPublicKey(text string) (*SSHKey, error) {
	if err := checkSize("SSH public key", text); err != nil {
		return nil, err
	}
	if t := strings.TrimSpace(text); strings.HasPrefix(t, "-----BEGIN") {
		return parseSSHPEM(t) // as a certificate's PEM is read (round 351)
	}
	return parseSSHAuthorized(text)
}

func parseSSHAuthorized(text string) (*SSHKey, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, errors.New("SSH public key is empty")
	}
	// x/crypto/ssh skips lines it cannot read (a comment, a private key)
	// and takes options: either would let one key stand for other text.
	if strings.ContainsAny(text, "\r\n") {
		return nil, errors.New("more than one line of key data; IAM takes one public key")
	}
	// Its base64 decoder skips white space a field cannot end at, a
	// vertical tab or form feed (round 310).
	if strings.ContainsAny(text, "\v\f") {
		text = strings.NewReplacer("\v", "", "\f", "").Replace(text)
	}
	pub, comment, options, rest, err := ssh.ParseAuthorizedKey([]byte(text))
	if err != nil {
		if named := openSSHNames(text); named != text {
			text = named
			pub, comment, options, rest, err = ssh.ParseAuthorizedKey([]byte(text))
		}
	}
	if err != nil {
		if k, err := refusedParams(text); k != nil || err != nil {
			if err == nil && holdsKey(k.Comment) {
				err = errSecondKey
			}
			return k, err
		}
		// x/crypto/ssh's reasons can quote the input; give a fixed one.
		return nil, errors.New("not an OpenSSH public key (expected \"TYPE BASE64 [comment]\" with valid base64 key data)")
	}
	if len(options) > 0 {
		return nil, errors.New("the key has authorized_keys options; IAM takes a bare public key")
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, errors.New("more than one line of key data; IAM takes one public key")
	}
	inner := pub
	if cert, ok := pub.(*ssh.Certificate); ok {
		inner = cert.Key
	}
	if cp, ok := inner.(ssh.CryptoPublicKey); ok {
		// x/crypto/ssh reads the modulus's sign as given; OpenSSH refuses
		// a negative one (round 122).
		if k, ok := cp.CryptoPublicKey().(*rsa.PublicKey); ok && k.N.Sign() <= 0 {
			return nil, errors.New("the RSA key's modulus is not positive; no SSH takes it")
		}
	}
	if holdsKey(comment) {
		return nil, errSecondKey
	}
	k := newSSHKey(pub, EncodingSSH)
	k.Comment = comment
	return k, nil
}

// openSSHNames writes the key type of a "TYPE BASE64 [comment]" line, and
// the one its key data begins with, as x/crypto/ssh names them, where
// OpenSSH reads another name as that type: on the line, a signature
// algorithm's ("rsa-sha2-512", rounds 309 and 310); in the key data, that
// or a short name (see keyTypeName; round 327: a key of the exponent 1, a
// small-order Ed25519 key and a DSA key so named were IG403 medium, "not
// an OpenSSH public key"). Other text is left as it is.
func openSSHNames(text string) string {
	f := sshFields(text)
	if len(f) < 2 {
		return text
	}
	data, err := base64.StdEncoding.DecodeString(f[1])
	if err != nil {
		return text
	}
	var w struct {
		Name string
		Rest []byte `ssh:"rest"`
	}
	if ssh.Unmarshal(data, &w) != nil {
		return text
	}
	// On the line, OpenSSH takes full names only: a signature
	// algorithm's, not a short name (round 328).
	inner, outer := keyTypeName(w.Name), f[0]
	if as, ok := signatureNames[outer]; ok {
		outer = as
	}
	if inner == w.Name && outer == f[0] {
		return text
	}
	if inner != w.Name {
		w.Name = inner
		f[1] = base64.StdEncoding.EncodeToString(ssh.Marshal(w))
	}
	// The fields' own separators are kept: the comment is what follows.
	comment := strings.TrimLeft(text, " \t")
	for range 2 {
		comment = strings.TrimLeft(comment[strings.IndexAny(comment+" ", " \t"):], " \t")
	}
	return strings.TrimSpace(outer + " " + f[1] + " " + comment)
}

// keyTypeName is the key type x/crypto/ssh names what OpenSSH reads as
// name at the head of key data (see openSSHNames): a signature
// algorithm's name, or a plain key type's short name in any ASCII case
// (OpenSSH's strcasecmp; its ECDSA keys take none, round 328).
func keyTypeName(name string) string {
	if as, ok := signatureNames[name]; ok {
		return as
	}
	for short, as := range shortNames {
		if len(name) == len(short) && strings.ToLower(name) == short && isASCII(name) {
			return as
		}
	}
	return name
}

// shortNames are the short names OpenSSH reads in key data as the key
// types x/crypto/ssh names.
var shortNames = map[string]string{
	"rsa": ssh.KeyAlgoRSA, "dsa": ssh.KeyAlgoDSA, "ed25519": ssh.KeyAlgoED25519, "ed25519-sk": ssh.KeyAlgoSKED25519,
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// signatureNames are the names of RSA signature algorithms OpenSSH reads
// in a key line's type field, each as the key type it signs with.
var signatureNames = map[string]string{
	ssh.KeyAlgoRSASHA256: ssh.KeyAlgoRSA, ssh.KeyAlgoRSASHA512: ssh.KeyAlgoRSA,
	ssh.CertAlgoRSASHA256v01: ssh.CertAlgoRSAv01, ssh.CertAlgoRSASHA512v01: ssh.CertAlgoRSAv01,
}

// sshFields splits a line as x/crypto/ssh and OpenSSH do: at spaces and
// tabs.
func sshFields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' })
}

// errSecondKey refuses a line whose comment is another key: read as one
// key, the second would go to IAM unjudged (round 269).
var errSecondKey = errors.New("more than one key on the line; IAM takes one public key")

// holdsKey reports whether a key's comment holds another public key: base64
// of key data that begins with a key type's name, whatever name the field
// before gives it (OpenSSH reads "rsa-sha2-512 DATA" as the RSA key DATA)
// and whatever else the data holds.
func holdsKey(comment string) bool {
	for _, field := range sshFields(comment) {
		var w struct {
			Name string
			Rest []byte `ssh:"rest"`
		}
		if len(field) < 16 { // no key's data is that short
			continue
		}
		if data, err := base64.StdEncoding.DecodeString(field); err != nil || ssh.Unmarshal(data, &w) != nil {
			continue
		}
		// Named as OpenSSH reads it too (round 328: "RSA" passed).
		if name := keyTypeName(w.Name); strings.HasPrefix(name, "ssh-") || strings.HasPrefix(name, "ecdsa-") || strings.HasPrefix(name, "sk-") {
			return true
		}
	}
	return false
}

// maxRSABits is the largest RSA modulus OpenSSH and x/crypto/ssh take.
const maxRSABits = 16384

// refusedParams reads an OpenSSH "TYPE BASE64 [comment]" line that
// x/crypto/ssh refuses for its parameters though OpenSSH reads it, so that
// it is judged as its PEM form, which crypto/x509 reads: an RSA key whose
// public exponent is 1 (round 297: judged as giving no security), past 24
// bits (round 122) or even (round 325: whoever holds its primes makes
// signatures OpenSSH verifies, as Rabin's scheme does: judged by its
// size), or a DSA key of other sizes than 1024 and 160 bits (round 269).
// An RSA key of the exponent 0 is refused with that reason (round 324:
// "not an OpenSSH public key ... valid base64"). Both are nil for anything
// else.
func refusedParams(text string) (*SSHKey, error) {
	f := sshFields(text)
	if len(f) < 2 {
		return nil, nil
	}
	data, err := base64.StdEncoding.DecodeString(f[1])
	if err != nil {
		return nil, nil
	}
	var key any
	switch f[0] {
	case ssh.KeyAlgoRSA:
		var w struct {
			Name string
			E, N *big.Int
		}
		if ssh.Unmarshal(data, &w) != nil || w.Name != f[0] || w.N.Sign() <= 0 || w.N.BitLen() > maxRSABits || w.E.Sign() < 0 || w.E.BitLen() > maxRSABits {
			return nil, nil
		}
		if w.E.Sign() == 0 {
			return nil, errors.New("an RSA key with the public exponent 0, under which no signature verifies")
		}
		if w.E.Bit(0) == 1 && w.E.BitLen() <= 24 && w.E.Cmp(big.NewInt(1)) != 0 {
			return nil, nil // x/crypto/ssh reads it: refused for another reason
		}
		if !w.E.IsInt64() || w.E.Int64() > math.MaxInt {
			// Past what crypto/rsa holds, though OpenSSH reads and uses
			// it (round 310: 2^64+1): known by its size and its wire form,
			// made canonical as OpenSSH's fingerprint is.
			k := newSSHKey(wireKey{ssh.KeyAlgoRSA, ssh.Marshal(w)}, EncodingSSH)
			k.Algorithm, k.Bits, k.Comment = "RSA", w.N.BitLen(), strings.Join(f[2:], " ")
			return k, nil
		}
		key = &rsa.PublicKey{N: w.N, E: int(w.E.Int64())}
	case ssh.KeyAlgoDSA:
		var w struct {
			Name       string
			P, Q, G, Y *big.Int
		}
		// What crypto/x509 asks of the PEM form: positive numbers.
		if ssh.Unmarshal(data, &w) != nil || w.Name != f[0] || w.P.Sign() <= 0 || w.Q.Sign() <= 0 || w.G.Sign() <= 0 || w.Y.Sign() <= 0 {
			return nil, nil
		}
		key = &dsa.PublicKey{Parameters: dsa.Parameters{P: w.P, Q: w.Q, G: w.G}, Y: w.Y}
	default:
		return nil, nil
	}
	pub, err := ssh.NewPublicKey(key)
	if err != nil {
		return nil, nil
	}
	k := newSSHKey(pub, EncodingSSH)
	k.Comment = strings.Join(f[2:], " ")
	return k, nil
}

// wireKey is an SSH key known by its wire form alone, for one no crypto
// package holds: it gives fingerprints and its OpenSSH form, and verifies
// nothing.
type wireKey struct {
	typ  string
	wire []byte
}

func (k wireKey) Type() string    { return k.typ }
func (k wireKey) Marshal() []byte { return k.wire }
func (k wireKey) Verify([]byte, *ssh.Signature) error {
	return errors.New("iamguard verifies no signature with this key")
}

// pkcs1LongExponent reads a PKCS#1 RSA public key whose exponent is past
// 2^31-1, which crypto/x509 refuses in this form though it reads it in the
// PKIX form, so that both forms of one key are judged alike (round 124).
func pkcs1LongExponent(der []byte) (*rsa.PublicKey, error) {
	var k struct{ N, E *big.Int }
	rest, err := asn1.Unmarshal(der, &k)
	switch {
	case err != nil || len(rest) > 0 || k.N.Sign() <= 0:
		return nil, errors.New("not a PKCS#1 RSA public key")
	case k.E.BitLen() <= 31 || !k.E.IsInt64() || k.E.Int64() > math.MaxInt:
		return nil, errors.New("not an exponent crypto/x509 refuses only for its length")
	}
	return &rsa.PublicKey{N: k.N, E: int(k.E.Int64())}, nil
}

func parseSSHPEM(text string) (*SSHKey, error) {
	// pem.Decode passes over a block it cannot read and returns the next
	// one: a broken block first would hide what it holds.
	if n := strings.Count(text, "-----BEGIN"); n > 1 {
		return nil, fmt.Errorf("SSH public key holds %d PEM blocks; one expected", n)
	}
	b, rest := pem.Decode([]byte(text)) // text starts with the block: ParseSSHPublicKey saw to it
	if b == nil {
		return nil, errNoPEM("PUBLIC KEY")
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		// Another key in another form, say: IAM takes one public key.
		return nil, errors.New("text follows the PEM block; IAM takes one public key")
	}
	var (
		key any
		err error
	)
	switch {
	case isPrivateKeyBlock(b.Type):
		return nil, fmt.Errorf("PEM block %s is a private key; upload only the public key", blockType(b.Type))
	case b.Type == "PUBLIC KEY":
		key, err = x509.ParsePKIXPublicKey(b.Bytes)
	case b.Type == "RSA PUBLIC KEY":
		key, err = x509.ParsePKCS1PublicKey(b.Bytes)
		if err != nil {
			key, err = pkcs1LongExponent(b.Bytes)
		}
	default:
		return nil, fmt.Errorf("PEM block is %s, not PUBLIC KEY or RSA PUBLIC KEY", blockType(b.Type))
	}
	if err != nil {
		return nil, fmt.Errorf("the %s block does not hold a valid public key", b.Type)
	}
	if k, ok := key.(*rsa.PublicKey); ok {
		// Refused as SSH refuses the same key in its own form: no SSH takes
		// a modulus past maxRSABits (round 122). The exponent 1 is read, to
		// be judged as giving no security (see keyFlaw), and an even one,
		// to be judged by its size (see refusedParams).
		if k.N.BitLen() > maxRSABits {
			return nil, fmt.Errorf("the %s block holds an RSA key of %d bits, past the %d that SSH takes", b.Type, k.N.BitLen(), maxRSABits)
		}
	}
	pub, err := ssh.NewPublicKey(key)
	if err != nil {
		alg, _ := keyInfo(key)
		return nil, fmt.Errorf("the %s block holds a key of type %s, which SSH cannot use", b.Type, alg)
	}
	return newSSHKey(pub, EncodingPEM), nil
}

func newSSHKey(pub ssh.PublicKey, encoding string) *SSHKey {
	// The key's wire form, marshalled once: x/crypto/ssh's MarshalAuthorizedKey,
	// FingerprintSHA256 and FingerprintLegacyMD5 each marshal it anew, by
	// reflection, which was half the time of a plan of 100,000 SSH keys.
	// TestFingerprintsAsXCrypto holds the three forms to theirs.
	wire := pub.Marshal()
	k := &SSHKey{
		Encoding:   encoding,
		Type:       pub.Type(),
		Algorithm:  pub.Type(),
		Authorized: pub.Type() + " " + base64.StdEncoding.EncodeToString(wire),
	}
	if cert, ok := pub.(*ssh.Certificate); ok {
		pub = cert.Key
		wire = pub.Marshal()
	}
	// A certificate's fingerprints are its key's, as OpenSSH gives them:
	// the key is the same one, certified or not (round 115).
	sha := sha256.Sum256(wire)
	k.SHA256Fingerprint = "SHA256:" + base64.RawStdEncoding.EncodeToString(sha[:])
	md := md5.Sum(wire)
	legacy := make([]byte, 0, 3*len(md))
	for i, c := range md {
		if i > 0 {
			legacy = append(legacy, ':')
		}
		legacy = hex.AppendEncode(legacy, []byte{c})
	}
	k.MD5Fingerprint = string(legacy)
	if cp, ok := pub.(ssh.CryptoPublicKey); ok {
		key := cp.CryptoPublicKey()
		if alg, bits := keyInfo(key); alg != "unknown" {
			k.Algorithm, k.Bits = alg, bits
		}
		k.KeyFlaw = keyFlaw(key)
	}
	return k
}
