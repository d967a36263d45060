// Package inspect reads X.509 certificates, private keys and SSH public keys
// and reports the facts the rules judge: names, validity, key algorithm and
// size, signature algorithm, fingerprints. It knows nothing of Terraform or
// AWS, so the linter and the provider share it.
//
// Nothing here returns or prints key material: a private key is reduced to
// its public half at once, and errors name what is wrong, never the input.
package inspect

import (
	"crypto/dsa" //nolint:staticcheck // DSA keys must be recognised to be flagged
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"strings"
	"unicode"

	"filippo.io/edwards25519"
)

// MaxInputBytes bounds any one input. IAM's own limit is 2,097,152
// characters for a certificate chain and 16,384 for a body, private key or
// SSH public key, so nothing IAM accepts is refused.
const MaxInputBytes = 2 << 20

// checkSize refuses input past MaxInputBytes before any parsing starts.
func checkSize(what, s string) error {
	if len(s) > MaxInputBytes {
		return fmt.Errorf("%s is %d bytes; iamguard inspects at most %d", what, len(s), MaxInputBytes)
	}
	return nil
}

// pemBlocks decodes every PEM block of s, in order: all of them, or an
// error naming what s is. s is read trimmed of white space, as the AWS
// provider plans a certificate or key (StateTrimSpace), so that the linter
// and the provider functions read one text alike (round 346: a space
// before the first block hid it from pem.Decode).
func pemBlocks(what, s string) ([]*pem.Block, error) {
	s = strings.TrimSpace(s)
	var out []*pem.Block
	rest := []byte(s)
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		out = append(out, b)
	}
	// pem.Decode passes over a block it cannot read, which would leave it
	// unjudged beside the others (round 244). A block begins at the start
	// of a line, where pem.Decode looks for one, or where it does not and
	// other readers do: after white space (round 346: an indented block
	// beside one that is not), or a line that a lone CR, NEL or Unicode
	// separator ends (round 351: after "#\r", the block Java reads first).
	// A comment naming the armour is no block (round 248). None decoded is
	// errNoPEM's.
	n := 0
	for line := range strings.FieldsFuncSeq(s, lineBreak) {
		if strings.HasPrefix(strings.TrimLeftFunc(line, unicode.IsSpace), "-----BEGIN ") {
			n++
		}
	}
	if len(out) > 0 && n > len(out) {
		return nil, fmt.Errorf("%s: %d of its %d PEM blocks are not valid PEM (base64 between matching BEGIN and END lines)", what, n-len(out), n)
	}
	return out, nil
}

// lineBreak reports whether r ends a line to some reader of PEM text.
func lineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

// errNoPEM is the error for text without a decodable PEM block; bad base64
// between the BEGIN and END lines ends up here too.
func errNoPEM(what string) error {
	return fmt.Errorf("no valid PEM block found (want a %s block: base64 between BEGIN and END lines)", what)
}

// blockType names a PEM block's type for an error: quoted when it is one
// of the labels PEM files hold (RFC 7468's, OpenSSL's, OpenSSH's), else
// only as unknown. The type line of a broken block may hold whatever was
// written there, such as a line of a private key.
func blockType(t string) string {
	if pemLabels[t] {
		return `"` + t + `"`
	}
	return "(an unknown type)"
}

var pemLabels = map[string]bool{
	"CERTIFICATE": true, "TRUSTED CERTIFICATE": true, "X509 CERTIFICATE": true, "ATTRIBUTE CERTIFICATE": true,
	"CERTIFICATE REQUEST": true, "NEW CERTIFICATE REQUEST": true, "X509 CRL": true, "PKCS7": true, "CMS": true,
	"PUBLIC KEY": true, "RSA PUBLIC KEY": true, "SSH2 PUBLIC KEY": true,
	"PRIVATE KEY": true, "ENCRYPTED PRIVATE KEY": true, "RSA PRIVATE KEY": true, "DSA PRIVATE KEY": true,
	"EC PRIVATE KEY": true, "OPENSSH PRIVATE KEY": true, "EC PARAMETERS": true, "DH PARAMETERS": true,
	"PGP PUBLIC KEY BLOCK": true, "PGP PRIVATE KEY BLOCK": true, "PGP MESSAGE": true, "PGP SIGNATURE": true,
}

// isPrivateKeyBlock reports whether a PEM block type names private key material.
func isPrivateKeyBlock(t string) bool { return strings.Contains(t, "PRIVATE KEY") }

// rsaExponent is an RSA public key's exponent, or 0 for another key.
func rsaExponent(pub any) int {
	if k, ok := pub.(*rsa.PublicKey); ok {
		return k.E
	}
	return 0
}

// keyInfo names a public key's algorithm and size in bits.
func keyInfo(pub any) (alg string, bits int) {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if k.N != nil {
			bits = k.N.BitLen()
		}
		return "RSA", bits
	case *ecdsa.PublicKey:
		if k.Curve != nil {
			bits = k.Curve.Params().BitSize
		}
		return "ECDSA", bits
	case ed25519.PublicKey:
		return "Ed25519", 256
	case *dsa.PublicKey:
		if k.P != nil {
			bits = k.P.BitLen()
		}
		return "DSA", bits
	}
	return "unknown", 0
}

// colonHex renders a digest as lowercase hex pairs joined by colons.
func colonHex(sum []byte) string {
	h := hex.EncodeToString(sum)
	var b strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(h[i : i+2])
	}
	return b.String()
}

// keyFlaw says what makes a public key give no security whatever its size,
// or "" when nothing does: an RSA key of the public exponent 1, under which
// a signature is its own message, padded (OpenSSH reads such a key and
// verifies what anyone signs for it: round 297), or a flawed Ed25519 key.
// crypto/x509 takes any 32 bytes for an Ed25519 key. One of small order
// (the neutral point, or one of the seven others that eight times is it)
// lets anyone make a signature that verifies for a message, without a
// private key; bytes that are no point of the curve verify no signature at
// all.
func keyFlaw(pub any) string {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if k.E == 1 {
			return "RSA key with the public exponent 1; anyone can make signatures that verify under it"
		}
	case ed25519.PublicKey:
		p, err := new(edwards25519.Point).SetBytes(k)
		switch {
		case err != nil:
			return "Ed25519 public key that is no point of the curve; no signature verifies under it"
		case new(edwards25519.Point).MultByCofactor(p).Equal(edwards25519.NewIdentityPoint()) == 1:
			return "Ed25519 public key of small order; anyone can make signatures that verify under it"
		}
	}
	return ""
}
