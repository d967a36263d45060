package inspect

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/md5" //nolint:gosec // IAM and browsers still show MD5 fingerprints
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // RFC 5280 derives key identifiers with SHA-1
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Certificate is what iamguard knows of an X.509 certificate.
type Certificate struct {
	Subject      string   `json:"subject"`
	Issuer       string   `json:"issuer"`
	SerialNumber string   `json:"serial_number"`
	DNSNames     []string `json:"dns_names"`
	SANs         []string `json:"sans"` // every subject alternative name: DNS, IP, email, URI
	// The names that are not DNS names, by kind: URIs by their host, where
	// they have one.
	IPAddresses    []string  `json:"-"`
	EmailAddresses []string  `json:"-"`
	URIHosts       []string  `json:"-"`
	NotBefore      time.Time `json:"not_before"`
	NotAfter       time.Time `json:"not_after"`
	KeyAlgorithm   string    `json:"key_algorithm"` // RSA, ECDSA, Ed25519, DSA or unknown
	KeyBits        int       `json:"key_bits"`
	// KeyExponent is an RSA key's public exponent (0 for other keys, or one
	// past what an int holds).
	KeyExponent int `json:"-"`
	// KeyFlaw says what makes the key give no security where its
	// algorithm and size do not tell (see keyFlaw), or "".
	KeyFlaw string `json:"-"`
	// SignatureAlgorithm is crypto/x509's name, such as SHA256-RSA, or the
	// algorithm's object identifier (1.3.101.113) where it names none.
	SignatureAlgorithm string `json:"signature_algorithm"`
	// SignatureHash is the digest the signature covers: MD2, MD5, SHA1,
	// SHA256, SHA384, SHA512, Ed25519 (its own), or "" for an algorithm
	// crypto/x509 does not know.
	SignatureHash     string `json:"signature_hash"`
	IsCA              bool   `json:"is_ca"`
	SHA256Fingerprint string `json:"sha256_fingerprint"` // over the DER, colon-separated hex
	MD5Fingerprint    string `json:"md5_fingerprint"`
	// PublicKeySHA256 identifies the key pair: the SHA-256 of the subject
	// public key info as crypto/x509 encodes the key, the same for every
	// certificate issued for one key, however it spells the key.
	PublicKeySHA256 string `json:"-"`

	x509 *x509.Certificate
}

// ParseCertificate reads a PEM certificate body: exactly one CERTIFICATE
// block, as IAM's UploadServerCertificate and UploadSigningCertificate want.
func ParseCertificate(pemText string) (*Certificate, error) {
	certs, err := parseCertificates("certificate", pemText)
	if err != nil {
		return nil, err
	}
	if len(certs) > 1 {
		return nil, fmt.Errorf("certificate body holds %d certificates; one expected (put the others in the chain)", len(certs))
	}
	return certs[0], nil
}

// ParseChain reads a PEM certificate chain: one or more CERTIFICATE blocks,
// each issuer following the certificate it signs.
func ParseChain(pemText string) ([]*Certificate, error) {
	return parseCertificates("certificate chain", pemText)
}

// PublicKeyID is the PublicKeySHA256 of a PEM certificate body that
// ParseCertificate reads, found without judging the certificate (no
// signature is checked): cheap enough to compare every certificate a plan
// holds, dormant ones included.
func PublicKeyID(pemText string) (string, error) {
	certs, err := parseX509("certificate", pemText)
	switch {
	case err != nil:
		return "", err
	case len(certs) > 1:
		return "", fmt.Errorf("certificate body holds %d certificates; one expected", len(certs))
	}
	return publicKeySHA256(certs[0]), nil
}

func parseCertificates(what, pemText string) ([]*Certificate, error) {
	certs, err := parseX509(what, pemText)
	if err != nil {
		return nil, err
	}
	out := make([]*Certificate, len(certs))
	for i, c := range certs {
		out[i] = newCertificate(c)
	}
	return out, nil
}

// maxCertificateDER bounds one certificate: IAM takes a body of at most
// 16,384 characters, about 12 KiB of DER, and crypto/x509 keeps every name
// a certificate lists (505,000 names in 2 MiB took 344 MB; round 132).
const maxCertificateDER = 64 << 10

func parseX509(what, pemText string) ([]*x509.Certificate, error) {
	if err := checkSize(what, pemText); err != nil {
		return nil, err
	}
	blocks, err := pemBlocks(what, pemText)
	if err != nil {
		return nil, err
	}
	if len(blocks) == 0 {
		return nil, errNoPEM("CERTIFICATE")
	}
	out := make([]*x509.Certificate, 0, len(blocks))
	for i, b := range blocks {
		where := what
		if len(blocks) > 1 {
			where = fmt.Sprintf("%s (block %d of %d)", what, i+1, len(blocks))
		}
		switch {
		case isPrivateKeyBlock(b.Type):
			return nil, fmt.Errorf("%s: PEM block %s is a private key, not a certificate", where, blockType(b.Type))
		case b.Type != "CERTIFICATE":
			return nil, fmt.Errorf("%s: PEM block is %s, not CERTIFICATE", where, blockType(b.Type))
		}
		if len(b.Bytes) > maxCertificateDER {
			return nil, fmt.Errorf("%s: the certificate is %d bytes of DER; iamguard inspects certificates of at most %d", where, len(b.Bytes), maxCertificateDER)
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			// crypto/x509's reasons can quote fields of the input; keep them out.
			return nil, fmt.Errorf("%s: the CERTIFICATE block is not a valid DER X.509 certificate", where)
		}
		out = append(out, c)
	}
	return out, nil
}

// publicKeySHA256 identifies c's key pair (see Certificate.PublicKeySHA256).
func publicKeySHA256(c *x509.Certificate) string {
	spki := c.RawSubjectPublicKeyInfo
	if der, err := x509.MarshalPKIXPublicKey(c.PublicKey); err == nil {
		// The key itself: crypto/x509 passes over bytes after an RSA key
		// in its BIT STRING, so one key has more than one encoding.
		spki = der
	}
	key := sha256.Sum256(spki)
	return colonHex(key[:])
}

// MaxRSABits is the largest RSA key iamguard checks signatures with, far
// above any a TLS client takes (AWS's load balancers take 4,096): checking
// with a made-up key of a million bits takes many seconds.
const MaxRSABits = 16384

// maxKeyDER bounds a private key's DER: an RSA key of MaxRSABits is about
// 9 KiB.
const maxKeyDER = 16 << 10

// oversized reports whether a certificate's RSA key is past MaxRSABits.
func oversized(c *x509.Certificate) bool {
	k, ok := c.PublicKey.(*rsa.PublicKey)
	return ok && k.N != nil && k.N.BitLen() > MaxRSABits
}

func newCertificate(c *x509.Certificate) *Certificate {
	alg, bits := keyInfo(c.PublicKey)
	if c.PublicKeyAlgorithm == x509.DSA {
		alg = "DSA" // crypto/x509 may leave PublicKey nil for DSA; the algorithm is still known
	}
	sha := sha256.Sum256(c.Raw)
	md := md5.Sum(c.Raw) //nolint:gosec
	out := &Certificate{
		Subject:            c.Subject.String(),
		Issuer:             c.Issuer.String(),
		SerialNumber:       c.SerialNumber.String(),
		DNSNames:           c.DNSNames,
		NotBefore:          c.NotBefore.UTC(),
		NotAfter:           c.NotAfter.UTC(),
		KeyAlgorithm:       alg,
		KeyBits:            bits,
		KeyExponent:        rsaExponent(c.PublicKey),
		KeyFlaw:            keyFlaw(c.PublicKey),
		SignatureAlgorithm: signatureName(c),
		SignatureHash:      signatureHash[c.SignatureAlgorithm],
		IsCA:               c.IsCA,
		SHA256Fingerprint:  colonHex(sha[:]),
		MD5Fingerprint:     colonHex(md[:]),
		PublicKeySHA256:    publicKeySHA256(c),
		x509:               c,
	}
	out.SANs = append(out.SANs, c.DNSNames...)
	for _, ip := range c.IPAddresses {
		out.SANs = append(out.SANs, ip.String())
		out.IPAddresses = append(out.IPAddresses, ip.String())
	}
	out.SANs = append(out.SANs, c.EmailAddresses...)
	out.EmailAddresses = c.EmailAddresses
	for _, u := range c.URIs {
		out.SANs = append(out.SANs, u.String())
		if h := u.Hostname(); h != "" { // a URN names no host a client matches
			out.URIHosts = append(out.URIHosts, h)
		}
	}
	return out
}

// signatureName is crypto/x509's name of c's signature algorithm, or the
// algorithm's object identifier, dotted, where crypto/x509 names none
// (its name for those is "0").
func signatureName(c *x509.Certificate) string {
	if c.SignatureAlgorithm != x509.UnknownSignatureAlgorithm {
		return c.SignatureAlgorithm.String()
	}
	var outer struct {
		TBS       asn1.RawValue
		Algorithm pkix.AlgorithmIdentifier
		Signature asn1.BitString
	}
	if _, err := asn1.Unmarshal(c.Raw, &outer); err != nil || len(outer.Algorithm.Algorithm) == 0 {
		return "unknown" // crypto/x509 read it; not expected
	}
	return outer.Algorithm.Algorithm.String()
}

var signatureHash = map[x509.SignatureAlgorithm]string{
	x509.MD2WithRSA: "MD2", x509.MD5WithRSA: "MD5",
	x509.SHA1WithRSA: "SHA1", x509.DSAWithSHA1: "SHA1", x509.ECDSAWithSHA1: "SHA1",
	x509.SHA256WithRSA: "SHA256", x509.SHA256WithRSAPSS: "SHA256", x509.DSAWithSHA256: "SHA256", x509.ECDSAWithSHA256: "SHA256",
	x509.SHA384WithRSA: "SHA384", x509.SHA384WithRSAPSS: "SHA384", x509.ECDSAWithSHA384: "SHA384",
	x509.SHA512WithRSA: "SHA512", x509.SHA512WithRSAPSS: "SHA512", x509.ECDSAWithSHA512: "SHA512",
	x509.PureEd25519: "Ed25519",
}

// SelfSignature is what a certificate shows, on its own, of the key that
// signs it.
type SelfSignature int8

// Self-signatures, as SelfSignature finds them.
const (
	// NotSelfSigned: another key signs it, or may (a CA's).
	NotSelfSigned SelfSignature = iota
	// SignedByOwnKey: its own key signs it, whatever issuer it names.
	SignedByOwnKey
	// SelfNamedUnchecked: it names itself as its issuer (see namesItself)
	// and its signature is not checked: an algorithm that neither
	// crypto/x509 checks nor, for SHA-1 and MD5, crypto/rsa and
	// crypto/ecdsa (MD2, DSA, SHA-3), an RSA key crypto/rsa
	// refuses to check with (an exponent past 2^31-1, too few bits), or a
	// check too costly (see costly). Nothing shows another key signs it.
	SelfNamedUnchecked
	// SelfNamedUnverified: it names itself as its issuer (see namesItself),
	// but its signature does not verify with its own key: the signature is
	// broken, or made by another key under its name (a CA of that name),
	// which only a chain that verifies it can show.
	SelfNamedUnverified
)

// SelfSignature says whether the certificate's own key signs it, or it
// names itself as its issuer (see selfSignature). It is checked on each
// call, not when the certificate is read: a check can take milliseconds,
// and most certificates a plan holds (those of chains, signing
// certificates) need none. b bounds the check: one it does not cover, and
// one too costly (see costly), is not made, and the certificate is judged
// by its names alone; unchecked says so.
func (c *Certificate) SelfSignature(b *Budget) (s SelfSignature, unchecked bool) {
	if c.x509 == nil {
		return NotSelfSigned, false
	}
	return selfSignature(c.x509, b)
}

// SelfSigned reports whether no CA issued the certificate as far as it
// shows on its own: its own key signs it, or it names itself as its issuer
// (SelfSignature is not NotSelfSigned), the check unbounded.
func (c *Certificate) SelfSigned() bool {
	s, _ := c.SelfSignature(nil)
	return s != NotSelfSigned
}

// SelfSignedUnchecked reports whether SelfSigned judges the certificate by
// its names and key identifiers alone, its signature too costly to check
// (see costly): a certificate it finds not self-signed may be.
func (c *Certificate) SelfSignedUnchecked() bool {
	return c.x509 != nil && !oversized(c.x509) && costly(c.x509)
}

// costly reports whether checking c's self-signature costs more than a
// plan's certificates may: an RSA key past 8,192 bits, twice what AWS's
// load balancers take, with an exponent of 20 bits or more (the usual
// 65537 has 17), which only makes the check costlier (a made-up one of
// 2^31-1 and 16,384 bits takes 25 ms). Up to 8,192 bits any exponent
// costs about 2 ms at most.
func costly(c *x509.Certificate) bool {
	k, ok := c.PublicKey.(*rsa.PublicKey)
	return ok && k.E >= 1<<20 && k.N.BitLen() > 8192
}

// Budget bounds the signature checks made for one run or read, the
// private keys read, and the names matched against allowed domains, so
// that costly certificates (keys of thousands of bits, weak signatures
// that ask whose key made them, long chains, thousands of names) cannot
// take minutes: each check spends what it costs (see checkCost and
// keyParseCost), and once one is not covered the budget is spent: nothing
// after it is checked. A nil *Budget is unbounded. A Budget is for one
// goroutine.
type Budget struct{ left int }

// MaxSignatureWork is a plan's budget, in checks with a 2,048-bit RSA key
// and the exponent 65537 (about 30 µs each): a few seconds at most. IAM's
// quota of 1,000 server certificates, each with its private key and a
// chain of CAs, needs a fifth of it with Let's Encrypt's two P-384 CAs, and
// about three quarters with three P-521 CAs, or two 8,192-bit RSA ones.
const MaxSignatureWork = 300_000

// NewBudget returns a plan's budget, MaxSignatureWork.
func NewBudget() *Budget { return &Budget{left: MaxSignatureWork} }

// Left is what is left of b, in the units of MaxSignatureWork.
func (b *Budget) Left() int { return b.left }

// Spend takes units from b if it holds that many; if not, b is spent, and
// nothing after is checked either. It reports whether they were taken.
func (b *Budget) Spend(units int) bool {
	if b == nil {
		return true
	}
	if units > b.left {
		b.left = 0
		return false
	}
	b.left -= units
	return true
}

// checkCost is what a signature check with c's key costs, in the units of
// MaxSignatureWork, rounded up as measured: crypto/rsa's check grows with
// a power of the key's size between 2 and 3 (3,072 bits cost 5, 4,096 bits
// 8, 8,192 bits 31, 16,384 bits 172) and with the multiplications its
// exponent takes (65537 takes 17);
// crypto/ecdsa's costs 6 on P-224, 3 on P-256, 17 on P-384, 52 on P-521;
// Ed25519's 2.
func checkCost(c *x509.Certificate) int {
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		size := 1 // up to 2,048 bits
		if w := (k.N.BitLen() + 1023) / 1024; w > 2 {
			size = (w*w*(w+8) + 23) / 24
		}
		e := uint(k.E)
		return size * ((bits.Len(e) + bits.OnesCount(e) - 2 + 16) / 17)
	case *ecdsa.PublicKey:
		switch k.Curve.Params().BitSize {
		case 224:
			return 6
		case 384:
			return 17
		case 521:
			return 52
		}
		return 3
	case ed25519.PublicKey:
		return 2
	}
	return 1
}

// keyParseCost is what reading a private key of der bytes costs, in the
// units of MaxSignatureWork: crypto/x509 precomputes an RSA key as it
// reads it, in time that grows with the square of its size, and so of its
// DER (2,048 bits, about 1,200 bytes, cost 5; 29,000 bits 750). An EC
// key's DER is under 512 bytes, and may leave out what names its curve
// (round 204: a P-521 key of 98 bytes): each is charged as P-521's, 19.
func keyParseCost(der int) int {
	if der < 512 {
		return 19
	}
	w := (der + 575) / 576 // about 1,024 bits of an RSA key
	return w*w + 1
}

// ErrBudgetSpent is the error of VerifyChain and ParsePrivateKey when the
// plan's Budget does not cover their work.
var ErrBudgetSpent = errors.New("the plan's budget of signature checks is spent")

// selfSignature says whether c's own key signs it, whatever issuer it
// names (a self-signed certificate can name another issuer, or its subject
// spelt another way), and else whether c names itself as its issuer. One
// that names itself is self-signed as far as it shows, whether its
// signature cannot be checked or does not verify: nothing in it shows a CA
// issued it, and a client that trusts it as its own root does not check
// that signature (a corrupted one is as good as a sound one there).
func selfSignature(c *x509.Certificate, b *Budget) (SelfSignature, bool) {
	if oversized(c) {
		return NotSelfSigned, false // an oversized key is judged as such, unchecked
	}
	if costly(c) || !b.Spend(checkCost(c)) { // judged by names and key identifiers alone
		if namesItself(c) {
			return SelfNamedUnchecked, true
		}
		return NotSelfSigned, true
	}
	return checkedSelfSignature(c), false
}

// checkedSelfSignature is selfSignature where the signature is checked.
func checkedSelfSignature(c *x509.Certificate) SelfSignature {
	err := c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature)
	var insecure x509.InsecureAlgorithmError
	own, checked := false, false
	if err != nil {
		own, checked = ownWeakSignature(c)
	}
	switch {
	case err == nil || own:
		return SignedByOwnKey
	case !namesItself(c):
		return NotSelfSigned
	case checked: // another key signed it under its name (round 115)
		return SelfNamedUnverified
	case errors.As(err, &insecure) || errors.Is(err, x509.ErrUnsupportedAlgorithm):
		return SelfNamedUnchecked
	case isRSA(c.PublicKey) && !errors.Is(err, rsa.ErrVerification):
		return SelfNamedUnchecked // crypto/rsa refused the key, not the signature
	}
	return SelfNamedUnverified
}

// ownWeakSignature checks whether c's own key made its signature where
// crypto/x509 will not (SHA-1, MD5): crypto/rsa and crypto/ecdsa still
// check such a signature given its digest. checked is false when it cannot
// be checked: another algorithm (MD2), or a key crypto/rsa refuses.
func ownWeakSignature(c *x509.Certificate) (own, checked bool) {
	var (
		digest []byte
		hash   crypto.Hash
	)
	switch c.SignatureAlgorithm {
	case x509.SHA1WithRSA, x509.ECDSAWithSHA1:
		d := sha1.Sum(c.RawTBSCertificate)
		digest, hash = d[:], crypto.SHA1
	case x509.MD5WithRSA:
		d := md5.Sum(c.RawTBSCertificate)
		digest, hash = d[:], crypto.MD5
	default:
		return false, false
	}
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		if c.SignatureAlgorithm == x509.ECDSAWithSHA1 {
			return false, true
		}
		err := rsa.VerifyPKCS1v15(k, hash, digest, c.Signature)
		return err == nil, err == nil || errors.Is(err, rsa.ErrVerification)
	case *ecdsa.PublicKey:
		return c.SignatureAlgorithm == x509.ECDSAWithSHA1 && ecdsa.VerifyASN1(k, digest, c.Signature), true
	}
	return false, true // an RSA or ECDSA signature, and a key of another kind
}

func isRSA(k any) bool {
	_, ok := k.(*rsa.PublicKey)
	return ok
}

// namesItself reports whether c names itself as its issuer: its issuer is
// its subject, byte for byte, and its authority key identifier, if it has
// one, names its own key: it is its subject key identifier, or one that
// RFC 5280 or RFC 7093 derives from its key (SHA-1, or SHA-256 cut to 160
// bits, of the subjectPublicKey), as a certificate without a subject key
// identifier may give. An authority key identifier naming another key says
// another key signs it.
func namesItself(c *x509.Certificate) bool {
	if !bytes.Equal(c.RawIssuer, c.RawSubject) {
		return false
	}
	akid := c.AuthorityKeyId
	if len(akid) == 0 || len(c.SubjectKeyId) > 0 && bytes.Equal(akid, c.SubjectKeyId) {
		return true
	}
	var spki struct {
		Algorithm asn1.RawValue
		PublicKey asn1.BitString
	}
	if rest, err := asn1.Unmarshal(c.RawSubjectPublicKeyInfo, &spki); err != nil || len(rest) > 0 {
		return false
	}
	sum1, sum256 := sha1.Sum(spki.PublicKey.Bytes), sha256.Sum256(spki.PublicKey.Bytes) //nolint:gosec // key identifiers, not security
	return bytes.Equal(akid, sum1[:]) || bytes.Equal(akid, sum256[:20])
}

// maxChain bounds the certificates of a chain VerifyChain verifies.
const maxChain = 10

// named quotes a certificate's subject for a message, cut short: a subject
// may be as long as the certificate.
func named(subject string) string {
	if len(subject) > 256 {
		return strconv.Quote(strings.ToValidUTF8(subject[:256], "")) + "…"
	}
	return strconv.Quote(subject)
}

// ErrOutsideValidity is VerifyChain's error for a certificate on the path
// that is not valid at the moment the chain is checked; the caller knows
// which moment that is.
var ErrOutsideValidity = errors.New("expired or not yet valid")

// VerifyChain checks, the way a TLS client would, that chain leads from
// body to the chain's last certificate: that one is the trust anchor, the
// others are intermediates, every certificate must be valid at at, and the
// path must allow a TLS server certificate. The chain must list the path in
// order, each certificate followed by its issuer, and nothing else: a
// server sends it as it is, and clients that build no path of their own
// fail on a missing, extra or misplaced certificate. The error says why
// not, naming certificates by subject only.
func VerifyChain(body *Certificate, chain []*Certificate, at time.Time, b *Budget) error {
	if len(chain) == 0 {
		return errors.New("the chain is empty")
	}

	// Candidates that share a subject multiply the paths crypto/x509 tries,
	// each a signature check: a chain built for that costs a tenth of a
	// second a certificate. Real chains are short and name each CA once
	// (a cross-signed root twice).
	if len(chain) > maxChain {
		return fmt.Errorf("the chain holds %d certificates; iamguard verifies chains of at most %d", len(chain), maxChain)
	}
	if oversized(body.x509) {
		return fmt.Errorf("the certificate's RSA key is past %d bits; iamguard does not verify with it", MaxRSABits)
	}
	subjects, repeated := map[string]bool{}, 0
	for _, c := range chain {
		if oversized(c.x509) {
			return fmt.Errorf("%s on the path has an RSA key past %d bits; iamguard does not verify with it", named(c.Subject), MaxRSABits)
		}
		if subjects[string(c.x509.RawSubject)] {
			if repeated++; repeated > 1 {
				return fmt.Errorf("the chain names %s again; iamguard verifies chains that name one CA twice at most", named(c.Subject))
			}
		}
		subjects[string(c.x509.RawSubject)] = true
	}
	for _, c := range chain {
		if bytes.Equal(c.x509.Raw, body.x509.Raw) {
			return errors.New("the chain holds the certificate itself; it holds the CAs that issued it, from its issuer up")
		}
	}
	// crypto/x509 checks each link once, and with one subject named twice
	// each link from there up twice (both paths); inOrder checks the
	// certificates on the path that name themselves. brokenLink, where the
	// path breaks, pays for its own.
	links, cost, prev := 0, 0, body
	for _, c := range chain {
		links += checkCost(c.x509)
		if bytes.Equal(prev.x509.RawIssuer, prev.x509.RawSubject) {
			cost += checkCost(prev.x509)
		}
		prev = c
	}
	cost += links * (1 + min(repeated, 1))
	if !b.Spend(cost) {
		return ErrBudgetSpent
	}
	roots, inter := x509.NewCertPool(), x509.NewCertPool()
	roots.AddCert(chain[len(chain)-1].x509)
	for _, c := range chain[:len(chain)-1] {
		inter.AddCert(c.x509)
	}
	paths, err := body.x509.Verify(x509.VerifyOptions{
		Roots: roots, Intermediates: inter, CurrentTime: at,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	if why := ServerUse(body); why != "" {
		return errors.New(why) // the certificate's own fault, whatever the path
	}
	if err == nil {
		if err := inOrder(body, chain); err != nil {
			return err
		}
		// Names in order are not yet the path: a certificate of its
		// issuer's name that another key made is off it (round 271).
		if !slices.ContainsFunc(paths, func(p []*x509.Certificate) bool { return isPath(p, body, chain) }) {
			return errors.New("the chain holds a certificate off the path: one of its issuer's name that its issuer's key does not sign it with")
		}
		if err := caUsage(chain); err != nil {
			return err
		}
		return keyIDs(body, chain)
	}
	var (
		unknown  x509.UnknownAuthorityError
		invalid  x509.CertificateInvalidError
		insecure x509.InsecureAlgorithmError
	)
	switch {
	case errors.As(err, &unknown):
		if !b.Spend(links) { // where the path breaks is not looked for
			return errNoPath
		}
		return brokenLink(body, chain)
	case errors.As(err, &insecure):
		return fmt.Errorf("a signature on the path uses %s, which clients refuse", x509.SignatureAlgorithm(insecure))
	case errors.As(err, &invalid):
		name := "a certificate"
		if invalid.Cert != nil {
			name = named(invalid.Cert.Subject.String())
		}
		switch invalid.Reason {
		case x509.Expired:
			return fmt.Errorf("%s on the path is %w", name, ErrOutsideValidity)
		case x509.NotAuthorizedToSign:
			return fmt.Errorf("%s on the path signs certificates but is not a CA", name)
		case x509.TooManyIntermediates:
			return fmt.Errorf("%s on the path exceeds its path length constraint", name)
		case x509.IncompatibleUsage:
			return errors.New("the path's extended key usages do not allow a TLS server certificate (serverAuth)")
		case x509.CANotAuthorizedForThisName, x509.CANotAuthorizedForExtKeyUsage, x509.NameConstraintsWithoutSANs:
			return fmt.Errorf("%s on the path is not allowed to issue this certificate (name or usage constraints)", name)
		}
	}
	return errors.New("the chain does not verify the certificate")
}

// isPath reports whether p, a path crypto/x509 verified, is the body and
// then the chain as listed.
func isPath(p []*x509.Certificate, body *Certificate, chain []*Certificate) bool {
	if len(p) != len(chain)+1 || !bytes.Equal(p[0].Raw, body.x509.Raw) {
		return false
	}
	for i, c := range chain {
		if !bytes.Equal(p[i+1].Raw, c.x509.Raw) {
			return false
		}
	}
	return true
}

// caUsage checks that no CA on the path, its last certificate too, has an
// extended key usage that leaves out a TLS server: crypto/x509 takes
// anyExtendedKeyUsage for every usage, and an empty one for none, where
// OpenSSL takes only serverAuth, checking the anchor as the others
// (rounds 274, 276).
func caUsage(chain []*Certificate) error {
	for _, c := range chain {
		x := c.x509
		if hasExtension(x, oidExtKeyUsage) && !slices.Contains(x.ExtKeyUsage, x509.ExtKeyUsageServerAuth) {
			return fmt.Errorf("%s on the path has an extended key usage without serverAuth, which OpenSSL-based clients refuse for a TLS server", named(c.Subject))
		}
	}
	return nil
}

var oidExtKeyUsage = asn1.ObjectIdentifier{2, 5, 29, 37}

// hasExtension reports whether c carries the extension id.
func hasExtension(c *x509.Certificate, id asn1.ObjectIdentifier) bool {
	return slices.ContainsFunc(c.Extensions, func(e pkix.Extension) bool { return e.Id.Equal(id) })
}

// keyIDs checks that each certificate on the path that names its issuer
// (authority key identifier) names the issuer there: the key its issuer
// has (subject key identifier), where both are given, and the issuer's
// serial number, where given. crypto/x509 takes them as a hint only, but
// OpenSSL, and the clients built on it, take a certificate whose
// identifiers disagree for no issuer of it (rounds 271, 272).
func keyIDs(body *Certificate, chain []*Certificate) error {
	prev := body
	for _, c := range chain {
		if a, k := prev.x509.AuthorityKeyId, c.x509.SubjectKeyId; len(a) > 0 && len(k) > 0 && !bytes.Equal(a, k) {
			return fmt.Errorf("%s names another key of its issuer (authority key identifier) than %s has (subject key identifier); OpenSSL-based clients find no issuer",
				named(prev.Subject), named(c.Subject))
		}
		if serial := authoritySerial(prev.x509); serial != nil && serial.Cmp(c.x509.SerialNumber) != 0 {
			return fmt.Errorf("%s names its issuer by another serial number (authority key identifier) than %s has; OpenSSL-based clients find no issuer",
				named(prev.Subject), named(c.Subject))
		}
		prev = c
	}
	return nil
}

// authoritySerial is the issuer's serial number a certificate's authority
// key identifier gives, which crypto/x509 does not read, or nil.
func authoritySerial(c *x509.Certificate) *big.Int {
	for _, e := range c.Extensions {
		if !e.Id.Equal(oidAuthorityKeyID) {
			continue
		}
		var akid struct {
			ID     []byte        `asn1:"optional,tag:0"`
			Issuer asn1.RawValue `asn1:"optional,tag:1"`
			Serial *big.Int      `asn1:"optional,tag:2"`
		}
		if rest, err := asn1.Unmarshal(e.Value, &akid); err == nil && len(rest) == 0 {
			return akid.Serial
		}
	}
	return nil
}

var oidAuthorityKeyID = asn1.ObjectIdentifier{2, 5, 29, 35}

// ServerUse says why a TLS server cannot use a certificate, by what it
// shows on its own (crypto/x509 checks these only on a path it verifies),
// or is "": an extended key usage without serverAuth, a key usage without
// what TLS does with its key (signs with it, ECDHE; or, for RSA, may
// encipher a key with it), or a critical extension clients do not know.
func ServerUse(c *Certificate) string {
	x := c.x509
	if len(x.UnhandledCriticalExtensions) > 0 {
		return fmt.Sprintf("the certificate has a critical extension clients do not know (%s), so they refuse it", x.UnhandledCriticalExtensions[0])
	}
	// anyExtendedKeyUsage alone is no serverAuth to OpenSSL (round 272),
	// nor is an empty list.
	if hasExtension(x, oidExtKeyUsage) && !slices.Contains(x.ExtKeyUsage, x509.ExtKeyUsageServerAuth) {
		return "the certificate's extended key usage does not allow a TLS server (serverAuth)"
	}
	const sign, encipher = x509.KeyUsageDigitalSignature, x509.KeyUsageKeyEncipherment
	switch {
	case x.KeyUsage == 0:
	case c.KeyAlgorithm == "RSA" && x.KeyUsage&(sign|encipher) == 0:
		return "the certificate's key usage allows neither digital signatures nor key encipherment, one of which a TLS server needs of an RSA key"
	case c.KeyAlgorithm != "RSA" && x.KeyUsage&sign == 0:
		return "the certificate's key usage does not allow digital signatures, which a TLS server makes with its key"
	}
	return ""
}

// inOrder checks that a chain that verifies lists its path in order, each
// certificate followed by its issuer, and nothing else. A self-signed
// certificate ends the path: one after it is off the path, even of the same
// name (the root again, or re-issued), which names alone would take for its
// issuer.
func inOrder(body *Certificate, chain []*Certificate) error {
	prev := body
	for _, c := range chain {
		if selfSigned(prev.x509) {
			return fmt.Errorf("the chain holds a certificate off the path: %s follows %s, which signs itself and ends the path",
				named(c.Subject), named(prev.Subject))
		}
		if !bytes.Equal(prev.x509.RawIssuer, c.x509.RawSubject) {
			return fmt.Errorf("the chain is out of order or holds a certificate off the path: %s follows %s, whose issuer is %s",
				named(c.Subject), named(prev.Subject), named(prev.x509.Issuer.String()))
		}
		prev = c
	}
	return nil
}

// selfSigned reports whether c names itself as its issuer and its own key
// verifies its signature.
func selfSigned(c *x509.Certificate) bool {
	return bytes.Equal(c.RawIssuer, c.RawSubject) && c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
}

// errNoPath is VerifyChain's error where crypto/x509 finds no path and
// brokenLink no broken link.
var errNoPath = errors.New("no path leads from the certificate through the chain to its last certificate")

// brokenLink walks the chain by issuer name from body towards the anchor and
// says where the path breaks; crypto/x509 only reports an unknown authority.
func brokenLink(body *Certificate, chain []*Certificate) error {
	anchor := chain[len(chain)-1].x509
	cur := body.x509
	for range len(chain) + 1 {
		if bytes.Equal(cur.Raw, anchor.Raw) {
			break
		}
		var parent *x509.Certificate
		for _, c := range chain {
			if bytes.Equal(c.x509.RawSubject, cur.RawIssuer) && !bytes.Equal(c.x509.Raw, cur.Raw) {
				parent = c.x509
				break
			}
		}
		name := named(cur.Subject.String())
		switch {
		case parent == nil:
			return fmt.Errorf("no certificate in the chain issued %s: an intermediate is missing, or the chain belongs to another certificate", name)
		case parent.BasicConstraintsValid && !parent.IsCA:
			return fmt.Errorf("the issuer of %s is not a CA", name)
		case parent.KeyUsage != 0 && parent.KeyUsage&x509.KeyUsageCertSign == 0:
			return fmt.Errorf("the issuer of %s may not sign certificates: its key usage lacks certificate signing", name)
		case signatureHash[cur.SignatureAlgorithm] == "MD2" || signatureHash[cur.SignatureAlgorithm] == "MD5" || signatureHash[cur.SignatureAlgorithm] == "SHA1":
			return fmt.Errorf("%s is signed with %s, which clients refuse", name, cur.SignatureAlgorithm)
		case cur.CheckSignatureFrom(parent) != nil:
			return fmt.Errorf("the signature on %s does not verify with its issuer's key", name)
		}
		cur = parent
	}
	return errNoPath
}

// PrivateKey is the public half of a parsed private key and how it was
// encoded; the private part is dropped as soon as it is parsed.
type PrivateKey struct {
	Algorithm string `json:"algorithm"`
	Bits      int    `json:"bits"`
	Format    string `json:"format"` // PKCS#1, PKCS#8 or SEC1

	public crypto.PublicKey
}

// ParsePrivateKey reads an unencrypted PEM private key in PKCS#1 (RSA
// PRIVATE KEY), PKCS#8 (PRIVATE KEY) or SEC1 (EC PRIVATE KEY) form. An EC
// PARAMETERS block before the key, as openssl writes it, is skipped.
func ParsePrivateKey(pemText string, checks *Budget) (*PrivateKey, error) {
	if err := checkSize("private key", pemText); err != nil {
		return nil, err
	}
	blocks, err := pemBlocks("private key", pemText)
	if err != nil {
		return nil, err
	}
	var keys []*pem.Block
	for _, b := range blocks {
		if b.Type != "EC PARAMETERS" {
			keys = append(keys, b)
		}
	}
	switch {
	case len(keys) == 0:
		return nil, errNoPEM("PRIVATE KEY")
	case len(keys) > 1:
		return nil, fmt.Errorf("private key holds %d PEM blocks; one key expected", len(keys))
	}
	b := keys[0]
	// crypto/x509 precomputes an RSA key as it parses it, in time that grows
	// with the cube of its size: a made-up key of 65,536 bits takes minutes.
	if len(b.Bytes) > maxKeyDER {
		return nil, fmt.Errorf("private key is %d bytes; iamguard reads keys of at most %d (RSA of %d bits)", len(b.Bytes), maxKeyDER, MaxRSABits)
	}
	if !checks.Spend(keyParseCost(len(b.Bytes))) {
		return nil, ErrBudgetSpent
	}
	encrypted := len(b.Headers) > 0 // Proc-Type: 4,ENCRYPTED
	var (
		key    any
		format string
	)
	switch b.Type {
	case "RSA PRIVATE KEY":
		format = "PKCS#1"
		if encrypted {
			return nil, errors.New("private key is encrypted; IAM needs it unencrypted")
		}
		key, err = x509.ParsePKCS1PrivateKey(b.Bytes)
	case "PRIVATE KEY":
		format = "PKCS#8"
		key, err = x509.ParsePKCS8PrivateKey(b.Bytes)
	case "EC PRIVATE KEY":
		format = "SEC1"
		if encrypted {
			return nil, errors.New("private key is encrypted; IAM needs it unencrypted")
		}
		key, err = x509.ParseECPrivateKey(b.Bytes)
	case "ENCRYPTED PRIVATE KEY":
		return nil, errors.New("private key is encrypted (PKCS#8); IAM needs it unencrypted")
	case "OPENSSH PRIVATE KEY":
		return nil, errors.New("private key is in OpenSSH form; IAM needs PKCS#1, PKCS#8 or SEC1 PEM")
	default:
		return nil, fmt.Errorf("private key: PEM block is %s, not RSA PRIVATE KEY, PRIVATE KEY or EC PRIVATE KEY", blockType(b.Type))
	}
	if err != nil {
		// Library reasons are dropped: they describe the secret's structure.
		return nil, fmt.Errorf("private key: the %s block does not hold a valid %s key", b.Type, format)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("private key: unsupported %s key type", format)
	}
	pub := signer.Public()
	alg, bits := keyInfo(pub)
	return &PrivateKey{Algorithm: alg, Bits: bits, Format: format, public: pub}, nil
}

// Matches reports whether k is the private half of c's public key.
func (k *PrivateKey) Matches(c *Certificate) bool {
	pub, ok := k.public.(interface{ Equal(crypto.PublicKey) bool })
	return ok && c.x509 != nil && pub.Equal(c.x509.PublicKey)
}
