package inspect

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"

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
}

// ParseSSHPublicKey reads one SSH public key in either encoding IAM accepts,
// telling them apart by the PEM armour.
func ParseSSHPublicKey(text string) (*SSHKey, error) {
	if err := checkSize("SSH public key", text); err != nil {
		return nil, err
	}
	if strings.HasPrefix(strings.TrimSpace(text), "-----BEGIN") {
		return parseSSHPEM(text)
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
	pub, comment, options, rest, err := ssh.ParseAuthorizedKey([]byte(text))
	if err != nil {
		// x/crypto/ssh's reasons can quote the input; give a fixed one.
		return nil, errors.New("not an OpenSSH public key (expected \"TYPE BASE64 [comment]\" with valid base64 key data)")
	}
	if len(options) > 0 {
		return nil, errors.New("the key has authorized_keys options; IAM takes a bare public key")
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, errors.New("more than one line of key data; IAM takes one public key")
	}
	k := newSSHKey(pub, EncodingSSH)
	k.Comment = comment
	return k, nil
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
	default:
		return nil, fmt.Errorf("PEM block is %s, not PUBLIC KEY or RSA PUBLIC KEY", blockType(b.Type))
	}
	if err != nil {
		return nil, fmt.Errorf("the %s block does not hold a valid public key", b.Type)
	}
	alg, _ := keyInfo(key)
	pub, err := ssh.NewPublicKey(key)
	if err != nil {
		return nil, fmt.Errorf("the %s block holds a key of type %s, which SSH cannot use", b.Type, alg)
	}
	// A key SSH refuses to read in its own form is refused in this one
	// too: the same key either way (round 115).
	if _, err := ssh.ParsePublicKey(pub.Marshal()); err != nil {
		return nil, fmt.Errorf("the %s block holds a key of type %s that SSH refuses to read, such as an RSA key whose public exponent is 1 or even", b.Type, alg)
	}
	return newSSHKey(pub, EncodingPEM), nil
}

func newSSHKey(pub ssh.PublicKey, encoding string) *SSHKey {
	k := &SSHKey{
		Encoding:   encoding,
		Type:       pub.Type(),
		Algorithm:  pub.Type(),
		Authorized: strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub))),
	}
	if cert, ok := pub.(*ssh.Certificate); ok {
		pub = cert.Key
	}
	// A certificate's fingerprints are its key's, as OpenSSH gives them:
	// the key is the same one, certified or not (round 115).
	k.SHA256Fingerprint, k.MD5Fingerprint = ssh.FingerprintSHA256(pub), ssh.FingerprintLegacyMD5(pub)
	if cp, ok := pub.(ssh.CryptoPublicKey); ok {
		if alg, bits := keyInfo(cp.CryptoPublicKey()); alg != "unknown" {
			k.Algorithm, k.Bits = alg, bits
		}
	}
	return k
}
