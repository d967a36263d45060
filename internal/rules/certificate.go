package rules

import (
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/glob"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
)

const eventUploadServerCertificate = "UploadServerCertificate"

var serverCertificateTypes = []string{"aws_iam_server_certificate"}

// Server-certificate rules.
var (
	CertificateExpired = &Rule{
		ID: "IG301", Slug: "certificate-expired", Severity: High,
		Summary:   "The certificate has expired",
		Rationale: "Clients refuse an expired certificate, so whatever serves it (load balancer, CloudFront) fails every TLS handshake. CIS asks that expired certificates be removed from IAM.",
		Remediation: Remediation{
			Console:   "Request or import a current certificate (ACM is preferred), point listeners at it, then delete the expired one from IAM.",
			CLI:       "aws iam upload-server-certificate with the renewed certificate; aws iam delete-server-certificate --server-certificate-name OLD",
			Terraform: "Give aws_iam_server_certificate a renewed certificate_body (with name_prefix and create_before_destroy), or move to aws_acm_certificate.",
		},
		References:    []string{"CIS AWS 1.19", "AWS IAM User Guide: Managing server certificates in IAM"},
		Event:         eventUploadServerCertificate,
		ResourceTypes: serverCertificateTypes,
	}
	CertificateExpiring = &Rule{
		ID: "IG302", Slug: "certificate-expiring", Severity: Medium,
		Summary:   "The certificate, or a CA in its chain, expires within the warning window",
		Rationale: "IAM server certificates do not renew themselves; one that expires soon after upload means an outage is already scheduled.",
		Remediation: Remediation{
			Console:   "Renew the certificate with its CA now and upload the renewal, or move the endpoint to an ACM certificate that renews automatically.",
			CLI:       "aws iam upload-server-certificate with the renewed certificate, then switch listeners to it.",
			Terraform: "Supply the renewed certificate_body (or a chain of current intermediates); set lifecycle { create_before_destroy = true } with name_prefix so listeners switch without downtime.",
		},
		References:    []string{"CIS AWS 1.19", "AWS IAM User Guide: Managing server certificates in IAM"},
		Event:         eventUploadServerCertificate,
		ResourceTypes: serverCertificateTypes,
	}
	CertificateNotYetValid = &Rule{
		ID: "IG303", Slug: "certificate-not-yet-valid", Severity: Medium,
		Summary:   "The certificate is not valid yet",
		Rationale: "Until notBefore passes, clients reject the certificate; switching an endpoint to it now breaks TLS.",
		Remediation: Remediation{
			Console:   "Wait until the certificate's validity starts before serving it, or reissue it with a current notBefore.",
			CLI:       "Check the dates with openssl x509 -noout -dates -in cert.pem before aws iam upload-server-certificate.",
			Terraform: "Apply the change after notBefore, or reissue the certificate; check clocks on the machine that issued it.",
		},
		References:    []string{"AWS IAM User Guide: Managing server certificates in IAM"},
		Event:         eventUploadServerCertificate,
		ResourceTypes: serverCertificateTypes,
	}
	CertificateWeakKey = &Rule{
		ID: "IG304", Slug: "certificate-weak-key", Severity: High,
		Summary:   "The certificate's key, or a CA's in its chain, is too weak",
		Rationale: "RSA keys below 2048 bits or with a public exponent of 1 or an even one, elliptic curves below 256 bits, Ed25519 keys of small order and DSA keys can be broken or are refused by current clients.",
		Remediation: Remediation{
			Console:   "Issue a new certificate for an RSA key of at least the baseline's RSA size (2048 bits by default) or an ECDSA P-256/P-384 key.",
			CLI:       "openssl req -newkey rsa:BITS, BITS at least the baseline's RSA size (2048 by default), or ec -pkeyopt ec_paramgen_curve:P-256, for a new CSR, then upload the new certificate.",
			Terraform: "Generate the key with tls_private_key { algorithm = \"RSA\", rsa_bits = BITS }, BITS at least the baseline's RSA size (2048 by default), or algorithm = \"ECDSA\", and reissue.",
		},
		References:    []string{"NIST SP 800-131A", "CA/Browser Forum Baseline Requirements 6.1.5", "AWS IAM User Guide: Managing server certificates in IAM"},
		Event:         eventUploadServerCertificate,
		ResourceTypes: serverCertificateTypes,
	}
	CertificateWeakSignature = &Rule{
		ID: "IG305", Slug: "certificate-weak-signature", Severity: High,
		Summary:   "The certificate, or a CA in its chain, is signed with MD5, SHA-1 or another weak or unknown algorithm",
		Rationale: "Collisions against MD5 and SHA-1 are practical, so a forged certificate can share the signature; browsers and Go reject such certificates.",
		Remediation: Remediation{
			Console:   "Have the CA reissue the certificate with a SHA-256 (or stronger) signature.",
			CLI:       "Check with openssl x509 -noout -text | grep 'Signature Algorithm' and reissue with -sha256.",
			Terraform: "Reissue with a SHA-256 signature (tls_locally_signed_cert and ACM never use SHA-1).",
		},
		References:    []string{"NIST SP 800-131A", "CA/Browser Forum Baseline Requirements 7.1.3", "AWS IAM User Guide: Managing server certificates in IAM"},
		Event:         eventUploadServerCertificate,
		ResourceTypes: serverCertificateTypes,
	}
	CertificateChainInvalid = &Rule{
		ID: "IG306", Slug: "certificate-chain-invalid", Severity: Medium,
		Summary:   "The certificate chain does not verify the certificate for a TLS server",
		Rationale: "Clients that lack the intermediates (most non-browser clients) fail the handshake when the chain is wrong, incomplete or out of order, or when the certificate's key usages do not allow a TLS server.",
		Remediation: Remediation{
			Console:   "Upload the issuing CA's intermediates, ordered from the certificate's issuer up to the root, for a certificate issued for a TLS server.",
			CLI:       "openssl verify -purpose sslserver -untrusted chain.pem cert.pem shows which link or usage fails.",
			Terraform: "Set certificate_chain to the issuer's intermediates in order (for example tls_locally_signed_cert's CA cert, or the CA bundle file); a certificate whose own usages refuse a TLS server must be issued again with serverAuth and digital signatures allowed.",
		},
		References:    []string{"AWS IAM User Guide: Managing server certificates in IAM"},
		Event:         eventUploadServerCertificate,
		ResourceTypes: serverCertificateTypes,
	}
	CertificateKeyMismatch = &Rule{
		ID: "IG307", Slug: "certificate-key-mismatch", Severity: High,
		Summary:   "The private key does not belong to the certificate",
		Rationale: "A mismatched key cannot complete a handshake; IAM refuses the upload, so the apply fails half-way.",
		Remediation: Remediation{
			Console:   "Upload the key the certificate was issued for.",
			CLI:       "Compare openssl x509 -noout -pubkey -in cert.pem with openssl pkey -pubout -in key.pem.",
			Terraform: "Pass the matching private_key (the tls_private_key the CSR was made from).",
		},
		References:    []string{"AWS IAM User Guide: Managing server certificates in IAM"},
		Event:         eventUploadServerCertificate,
		ResourceTypes: serverCertificateTypes,
	}
	CertificateUnparseable = &Rule{
		ID: "IG308", Slug: "certificate-unparseable", Severity: High,
		Summary:   "The certificate material does not parse",
		Rationale: "IAM accepts only PEM X.509 certificates and unencrypted PEM keys; anything else fails the apply, and iamguard cannot judge it.",
		Remediation: Remediation{
			Console:   "Paste the whole PEM text, including its BEGIN CERTIFICATE and END CERTIFICATE lines.",
			CLI:       "openssl x509 -in cert.pem -noout -text must succeed; use file://cert.pem with aws iam upload-server-certificate.",
			Terraform: "Use file(\"cert.pem\") or a tls_* resource's PEM output for certificate_body, certificate_chain and private_key.",
		},
		References:    []string{"AWS IAM User Guide: Managing server certificates in IAM"},
		Event:         eventUploadServerCertificate,
		ResourceTypes: serverCertificateTypes,
	}
	CertificateDomain = &Rule{
		ID: "IG309", Slug: "certificate-domain", Severity: Medium,
		Summary:   "The certificate has no DNS name or IP address, or a name outside the allowed domains",
		Rationale: "Clients match host names against subject alternative names only; a certificate without them serves nobody, and one for a foreign domain should not be in this account.",
		Remediation: Remediation{
			Console:   "Reissue the certificate with subjectAltName DNS entries for the account's domains only.",
			CLI:       "openssl x509 -noout -ext subjectAltName -in cert.pem lists the names.",
			Terraform: "Upload a certificate whose subjectAltName names only hosts within the baseline's allowed_certificate_domains (dns_names of a tls_cert_request, or the CA's order), or add the domain there if it is the account's.",
		},
		References:    []string{"AWS IAM User Guide: Managing server certificates in IAM"},
		Event:         eventUploadServerCertificate,
		ResourceTypes: serverCertificateTypes,
	}
	CertificateSelfSigned = &Rule{
		ID: "IG310", Slug: "certificate-self-signed", Severity: Medium,
		Summary:   "The server certificate is self-signed",
		Rationale: "No client trusts a self-signed certificate unless told to, which teaches users and code to skip verification.",
		Remediation: Remediation{
			Console:   "Use a certificate from a public or private CA (ACM, ACM Private CA).",
			CLI:       "Request one with aws acm request-certificate, or have your CA sign a CSR.",
			Terraform: "Issue through tls_locally_signed_cert from a CA the clients trust, or use aws_acm_certificate.",
		},
		References:    []string{"AWS IAM User Guide: Managing server certificates in IAM"},
		Event:         eventUploadServerCertificate,
		ResourceTypes: serverCertificateTypes,
	}
)

var certificateRules = []*Rule{
	CertificateExpired, CertificateExpiring, CertificateNotYetValid, CertificateWeakKey, CertificateWeakSignature,
	CertificateChainInvalid, CertificateKeyMismatch, CertificateUnparseable, CertificateDomain, CertificateSelfSigned,
}

// ServerCertificate is the material of an IAM server certificate. Chain and
// PrivateKey are known empty when not given (the runtime API never returns
// the key).
type ServerCertificate struct {
	Body       Value[string]
	Chain      Value[string]
	PrivateKey Value[string]
	// Checks is what is left of the plan's budget of signature checks and
	// private keys read (inspect.Budget): past it none is made, and IG306,
	// IG307 or IG310 says so (see pastBudget). Nil: no bound.
	Checks *inspect.Budget
}

// pastBudget builds the finding for a signature check, or a private key
// read, past the plan's inspect.Budget: at the rule's severity, as for a
// value an impure function chooses, since iamguard does not pass what it
// did not check.
func (r *Rule) pastBudget(attr string) Finding {
	f := r.undecided(attr, "the certificates and keys judged with this one need more work than iamguard does in one run or read (%d signature checks with a 2,048-bit RSA key, fewer with larger keys); %s is not judged, and not passed",
		inspect.MaxSignatureWork, r.Name())
	f.Severity = r.Severity
	return f
}

// EvaluateServerCertificate judges a server certificate (IG301-IG310).
func EvaluateServerCertificate(s ServerCertificate, now time.Time, b Baseline) []Finding {
	if s.Body.Unknown {
		return []Finding{CertificateUnparseable.unknown("certificate_body", s.Body)}
	}
	body, err := inspect.ParseCertificate(s.Body.V)
	if err != nil {
		f := CertificateUnparseable.finding("certificate_body", "certificate_body: %v", err)
		return withhold([]Finding{f}, func(string) bool { return s.Body.Sensitive })
	}
	// The chain is judged first: one that verifies the body shows a CA
	// issued it, though it names itself as its issuer (IG310).
	var chainOut []Finding
	caIssued := false
	switch {
	case s.Chain.Unknown:
		chainOut = append(chainOut, CertificateChainInvalid.unknown("certificate_chain", s.Chain))
	case strings.TrimSpace(s.Chain.V) != "":
		chain, err := inspect.ParseChain(s.Chain.V)
		switch {
		case err != nil:
			chainOut = append(chainOut, CertificateUnparseable.finding("certificate_chain", "certificate_chain: %v", err))
		default:
			chainOut = CertificateChain(body, chain, now, b, s.Checks)
			caIssued = !slices.ContainsFunc(chainOut, func(f Finding) bool { return f.Rule == CertificateChainInvalid })
		}
	default:
		chainOut = certificateUse(body) // a chain's check says so itself
	}
	out := append(certificateOwnFindings(body, now, b, caIssued, s.Checks), chainOut...)
	switch {
	case s.PrivateKey.Unknown:
		out = append(out, CertificateKeyMismatch.unknown("private_key", s.PrivateKey))
	case strings.TrimSpace(s.PrivateKey.V) != "":
		if key, err := inspect.ParsePrivateKey(s.PrivateKey.V, s.Checks); errors.Is(err, inspect.ErrBudgetSpent) {
			out = append(out, CertificateKeyMismatch.pastBudget("private_key"))
		} else if err != nil {
			out = append(out, CertificateUnparseable.finding("private_key", "private_key: %v", err))
		} else {
			out = append(out, CertificateKey(body, key)...)
		}
	}
	// A finding on the chain or the key also describes the body.
	// Its own attribute named first, when that is sensitive.
	return withholdAs(out, func(attr string) (string, bool) {
		switch {
		case attr == "certificate_chain" && s.Chain.Sensitive, attr == "private_key" && s.PrivateKey.Sensitive:
			return attr, true
		case s.Body.Sensitive:
			return "certificate_body", true
		}
		return attr, false
	})
}

// CertificateOwnFindings judges what a certificate shows on its own: dates,
// key, signature, names, self-signature and the usage it allows (IG301-
// IG306, IG309, IG310). The chain (the rest of IG306) and the private key
// (IG307) need other inputs.
func CertificateOwnFindings(c *inspect.Certificate, now time.Time, b Baseline) []Finding {
	return append(certificateOwnFindings(c, now, b, false, nil), certificateUse(c)...)
}

// certificateUse is IG306 for a certificate whose own extensions keep a
// TLS server from using it, whatever CAs clients hold (round 271).
func certificateUse(c *inspect.Certificate) []Finding {
	if why := inspect.ServerUse(c); why != "" {
		return []Finding{CertificateChainInvalid.finding("certificate_body", "a TLS server cannot use the certificate: %s", why)}
	}
	return nil
}

// certificateOwnFindings is CertificateOwnFindings; caIssued says a chain
// verifies the certificate, so that one naming itself as its issuer whose
// own key does not sign it is a CA's (one of the same name), not
// self-signed. checks bounds the self-signature's check, which is made
// whatever the chain: a signature can verify under a CA's key and its own
// (an ECDSA one under a key recovered from it, round 204; an Ed25519 one
// under keys of small order, round 205; an RSA one of exponent 3 under
// divisors of s³ - m).
func certificateOwnFindings(c *inspect.Certificate, now time.Time, b Baseline, caIssued bool, checks *inspect.Budget) []Finding {
	out := CertificateFindings(c, now, b)
	out = append(out, CertificateNames(c, b, checks)...)
	self, unchecked := c.SelfSignature(checks) // unchecked: the check was not made
	switch {
	case self == inspect.SelfNamedUnverified && caIssued: // a CA of its name issued it
	case self == inspect.SelfNamedUnverified:
		out = append(out, CertificateSelfSigned.finding("certificate_body",
			"the certificate is self-signed (issuer and subject are both %s), but its signature does not verify with its own key: the signature is broken, or made by a CA of that name that no chain shows",
			Known(c.Subject).Quote()))
	case self != inspect.NotSelfSigned && c.Issuer == c.Subject:
		out = append(out, CertificateSelfSigned.finding("certificate_body", "the certificate is self-signed (issuer and subject are both %s)", Known(c.Subject).Quote()))
	case self != inspect.NotSelfSigned:
		out = append(out, CertificateSelfSigned.finding("certificate_body", "the certificate is self-signed: its own key signs it, though it names %s as issuer", Known(c.Issuer).Quote()))
	case c.SelfSignedUnchecked():
		out = append(out, Finding{Rule: CertificateSelfSigned, Severity: Info, Attribute: "certificate_body",
			Message: fmt.Sprintf("the signature of a certificate with an RSA key of %d bits and so large an exponent costs too much to check; %s cannot be judged", c.KeyBits, CertificateSelfSigned.Name())})
	case unchecked:
		out = append(out, CertificateSelfSigned.pastBudget("certificate_body"))
	}
	return out
}

// CertificateFindings judges a certificate's dates, key and signature
// (IG301-IG305); signing certificates reuse it for IG502.
func CertificateFindings(c *inspect.Certificate, now time.Time, b Baseline) []Finding {
	const attr = "certificate_body"
	var out []Finding
	day := func(t time.Time) string { return t.UTC().Format("2006-01-02") }
	switch {
	case now.After(c.NotAfter):
		out = append(out, CertificateExpired.finding(attr, "the certificate expired on %s, %s before plan time", day(c.NotAfter), days(Days(c.NotAfter, now))))
	case now.Before(c.NotBefore):
		out = append(out, CertificateNotYetValid.finding(attr, "the certificate is valid only from %s, %s after plan time", day(c.NotBefore), days(Days(now, c.NotBefore))))
	case c.NotAfter.Sub(now) < time.Duration(b.CertificateExpiryWarningDays)*24*time.Hour:
		out = append(out, CertificateExpiring.finding(attr, "the certificate expires on %s, in %s; the baseline warns %s ahead", day(c.NotAfter), days(Days(now, c.NotAfter)), days(b.CertificateExpiryWarningDays)))
	}
	if why := weakKey(c, b); why != "" {
		out = append(out, CertificateWeakKey.finding(attr, "%s", why))
	}
	switch c.SignatureHash {
	case "MD2", "MD5", "SHA1":
		out = append(out, CertificateWeakSignature.finding(attr, "the certificate is signed with %s; SHA-256 or stronger required", c.SignatureAlgorithm))
	case "": // an algorithm crypto/x509 does not know (MD4, RSA-PSS with SHA-1, ...) is not known to be strong
		out = append(out, CertificateWeakSignature.finding(attr, "the certificate is signed with an algorithm iamguard cannot read; SHA-256 or stronger required"))
	}
	return out
}

// days renders a count of whole days: "less than a day", "1 day", "3 days".
func days(n int) string {
	switch n {
	case 0:
		return "less than a day"
	case 1:
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// weakKey says why a certificate's key is too weak, or "" when it is not.
func weakKey(c *inspect.Certificate, b Baseline) string {
	alg, bits := c.KeyAlgorithm, c.KeyBits
	switch {
	case alg == "DSA":
		return fmt.Sprintf("DSA key of %d bits; DSA is deprecated, use RSA or ECDSA", bits)
	case alg == "RSA" && bits < b.MinRSABits:
		return fmt.Sprintf("RSA key of %d bits; at least %d required", bits, b.MinRSABits)
	case alg == "ECDSA" && bits < 256:
		return fmt.Sprintf("ECDSA key of %d bits; at least 256 required", bits)
	case alg == "RSA" && bits > inspect.MaxRSABits:
		return fmt.Sprintf("RSA key of %d bits; no TLS client takes a key past %d bits", bits, inspect.MaxRSABits)
	case alg == "RSA" && c.KeyExponent < 3:
		return fmt.Sprintf("RSA key with the public exponent %d, which gives no security; use 65537", c.KeyExponent)
	case alg == "RSA" && c.KeyExponent%2 == 0:
		// Its owner can sign as Rabin's scheme does (round 325), but
		// crypto/rsa, Go's TLS among others, refuses it.
		return fmt.Sprintf("RSA key with the even public exponent %d, which TLS libraries such as Go's refuse; use 65537", c.KeyExponent)
	case c.KeyFlaw != "":
		return c.KeyFlaw
	case alg != "RSA" && alg != "ECDSA" && alg != "Ed25519":
		return "a public key of a type iamguard cannot read; use RSA or ECDSA"
	}
	return ""
}

// CertificateNames judges the subject alternative names (IG309). With no
// allowed domains configured only their presence is checked: a DNS name, or
// an IP address, which TLS clients match too. An allowed domain is a glob
// (glob.Match, case aside): "example.com" admits that name only;
// "*.example.com" every name below example.com (and the wildcard itself),
// at any depth; "*" every name. An empty DNS name matches no host and is
// never allowed, nor is a name holding a byte no host name has (see
// hostLike).
//
// Names matched against patterns of other stars spend checks (see
// matchUnits): past them, IG309 is not judged, and not passed.
func CertificateNames(c *inspect.Certificate, b Baseline, checks *inspect.Budget) []Finding {
	if !slices.ContainsFunc(c.DNSNames, func(n string) bool { return strings.TrimSuffix(n, ".") != "" }) && len(c.IPAddresses) == 0 {
		return []Finding{CertificateDomain.finding("certificate_body", "the certificate has no DNS subject alternative name; clients ignore the common name")}
	}
	if len(b.AllowedCertificateDomains) == 0 {
		return nil
	}
	// Every name a client may match counts: DNS names, the domain of an
	// email address, a URI's host; an IP address is in no domain.
	var outside []string
	onlyDNS := true
	allowed := domainsOf(b.AllowedCertificateDomains)
	if !checks.Spend(allowed.matchUnits(c)) {
		f := CertificateDomain.undecided("certificate_body", "matching the certificate's names against allowed_certificate_domains needs more work than is left of what iamguard does in one run or read; %s is not judged, and not passed",
			CertificateDomain.Name())
		f.Severity = CertificateDomain.Severity
		return []Finding{f}
	}
	// A name is in an allowed domain only if it is spelled as a host name
	// is (see hostLike), or is an IP address (ip).
	check := func(kind, name, domain string, ip bool) {
		if ip && !allowed.allowAddress(domain) || !ip && (!hostLike(domain) || !allowed.allow(domain)) {
			outside, onlyDNS = append(outside, kind+clip(name)), onlyDNS && kind == ""
		}
	}
	for _, n := range c.DNSNames {
		check("", n, n, false)
	}
	for _, ip := range c.IPAddresses {
		check("IP ", ip, ip, true)
	}
	for _, e := range c.EmailAddresses {
		// The domain follows the last @, which a quoted local part may
		// come before ("a@b"@example.com); one that is not quoted makes
		// the address no address (its domain is read from the first @,
		// and so holds an @). The domain may be an address in brackets:
		// ops@[203.0.113.1].
		at := strings.LastIndexByte(e, '@')
		domain := e[at+1:]
		if local := e[:max(at, 0)]; strings.Contains(local, "@") && !(len(local) > 1 && local[0] == '"' && local[len(local)-1] == '"') {
			domain = e[strings.IndexByte(e, '@')+1:]
		}
		if inner, ok := strings.CutPrefix(domain, "["); ok && strings.HasSuffix(inner, "]") {
			if addr := strings.TrimPrefix(strings.TrimSuffix(inner, "]"), "IPv6:"); isIP(addr) {
				check("email ", e, addr, true)
				continue
			}
		}
		check("email ", e, domain, false)
	}
	for _, h := range c.URIHosts {
		check("URI host ", h, h, isIP(h))
	}
	if len(outside) == 0 {
		return nil
	}
	what := "names"
	if onlyDNS {
		what = "DNS names"
	}
	return []Finding{CertificateDomain.finding("certificate_body", "%s outside the allowed domains (%s): %s",
		what, clip(strings.Join(b.AllowedCertificateDomains, ", ")), clip(strings.Join(outside, ", ")))}
}

// hostLike reports whether a name is spelled as a host name may be: ASCII
// letters, digits, hyphens, underscores, dots and wildcard stars. Any
// other byte (a NUL, a slash, a space, an @) is no host's, and a name
// holding one is in no allowed domain, whatever it ends with: a client
// that stops reading at it ("evil.com\x00.example.com") sees another host.
func hostLike(name string) bool {
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '*':
		default:
			return false
		}
	}
	return true
}

// isIP reports whether a name is an IP address without a zone, as a URI's
// host or an e-mail address's domain may be: matched as written (in no
// domain but "*"), not as a host name. A zone may hold any byte
// ("::1%evil.com\x00.example.com"): an address with one is no IP address
// here, and no host name either.
func isIP(name string) bool {
	addr, err := netip.ParseAddr(name)
	return err == nil && addr.Zone() == ""
}

// domains are allowed domains made ready to match many names in time
// linear in the names: folded once, those without a star (example.com)
// and those of one star that comes first (*.example.com) looked up, not
// matched in turn; only other globs are.
type domains struct {
	exact, suffixes map[string]bool
	lengths         []int // of the suffixes, each once
	globs           []string
	// What matching a name against every glob costs, in steps of about
	// 0.3 ns (see matchWork): perName, whatever the name (each match's
	// call, about 15 ns, and its reads of the glob), and perByte for each
	// byte of the name: each piece's search of it may compare the piece at
	// each byte (round 229: long pieces of one repeated byte cost 29 times
	// a step a byte).
	perName, perByte int
}

// matchWork is the steps of glob matching (see domains) in the time of one
// unit of inspect.Budget, a signature check with a 2,048-bit RSA key of
// about 30 µs.
const matchWork = 100_000

// matchUnits is what matching c's names against the globs may cost, in
// units of inspect.Budget: nothing without globs.
func (d *domains) matchUnits(c *inspect.Certificate) int {
	if len(d.globs) == 0 {
		return 0
	}
	steps := 0
	for _, names := range [][]string{c.DNSNames, c.IPAddresses, c.EmailAddresses, c.URIHosts} {
		for _, n := range names {
			steps += d.perName + len(n)*d.perByte
		}
	}
	return (steps + matchWork - 1) / matchWork
}

func newDomains(allowed []string) *domains {
	d := &domains{exact: map[string]bool{}, suffixes: map[string]bool{}}
	for _, a := range allowed {
		a = FoldName(strings.TrimSuffix(a, ".")) // DNS folds ASCII letters only
		for strings.Contains(a, "**") {          // a run of stars is one: each would cost a step of every match
			a = strings.ReplaceAll(a, "**", "*")
		}
		switch star := strings.IndexByte(a, '*'); {
		case star < 0:
			d.exact[canonicalAddress(a)] = true // a itself, folded, unless an IP address
		case star == 0 && strings.IndexByte(a[1:], '*') < 0:
			if !d.suffixes[a[1:]] {
				d.suffixes[a[1:]] = true
				d.lengths = append(d.lengths, len(a)-1)
			}
		case !slices.Contains(d.globs, a):
			d.globs = append(d.globs, a)
			d.perName += 50 + 2*len(a)
			d.perByte += max(1, len(a)-strings.Count(a, "*")) // the pieces' bytes
		}
	}
	slices.Sort(d.lengths)
	d.lengths = slices.Compact(d.lengths)
	return d
}

// allowAddress reports whether an IP address is allowed: by "*", or as it
// is written (round 279: "*.113.1" and "203.0.*" admitted 203.0.113.1). An
// address is in no domain.
func (d *domains) allowAddress(a string) bool { return d.suffixes[""] || d.exact[canonicalAddress(a)] }

// canonicalAddress is an IP address as netip writes it (2001:db8::1 for
// 2001:0DB8:0:0:0:0:0:1), so that spellings of one address match (round
// 280); anything else as it is, case folded.
func canonicalAddress(a string) string {
	if addr, err := netip.ParseAddr(a); err == nil {
		return addr.String()
	}
	return FoldName(a)
}

// allow reports whether a name is in one of the domains (glob.Match, case
// aside).
func (d *domains) allow(name string) bool {
	name = FoldName(strings.TrimSuffix(name, "."))
	if name == "" {
		return false
	}
	if d.exact[name] {
		return true
	}
	for _, n := range d.lengths {
		if n > len(name) {
			break
		}
		if d.suffixes[name[len(name)-n:]] {
			return true
		}
	}
	return slices.ContainsFunc(d.globs, func(g string) bool { return glob.Match(g, name) })
}

// lastDomains keeps the domains last made, by the list they were made of:
// a plan's certificates, or a provider's, are judged against one list.
var lastDomains struct {
	sync.Mutex
	of []string
	d  *domains
}

// domainsOf gives the domains of a list of allowed domains, made once for
// the list (which is never changed once made).
func domainsOf(allowed []string) *domains {
	lastDomains.Lock()
	defer lastDomains.Unlock()
	if len(allowed) == 0 || len(lastDomains.of) != len(allowed) || &lastDomains.of[0] != &allowed[0] {
		lastDomains.of, lastDomains.d = allowed, newDomains(allowed)
	}
	return lastDomains.d
}

// CertificateChain verifies the chain like a client (IG306), and judges its
// certificates' keys, signatures and coming expiry as the body's (IG304,
// IG305, IG302). When the body itself is outside its validity, IG301 or
// IG303 already says so, and the chain is checked at the nearest moment the
// body is valid, so that IG306 reports only faults of the chain. Past the
// plan's checks (nil: unbounded), IG306 says the chain was not verified
// (see pastBudget), and only the anchor's weak signature may be its own
// (see ownSignature): the other checks cost little and are made all the
// same.
func CertificateChain(body *inspect.Certificate, chain []*inspect.Certificate, now time.Time, b Baseline, checks *inspect.Budget) []Finding {
	const attr = "certificate_chain"
	var out []Finding
	at := now
	if at.After(body.NotAfter) {
		at = body.NotAfter
	} else if at.Before(body.NotBefore) {
		at = body.NotBefore
	}
	switch err := inspect.VerifyChain(body, chain, at, checks); {
	case errors.Is(err, inspect.ErrBudgetSpent):
		out = append(out, CertificateChainInvalid.pastBudget(attr))
	case errors.Is(err, inspect.ErrOutsideValidity):
		// Said of the moment checked, and in words that stay the same
		// from plan to plan, as a fingerprint needs (round 301).
		when := "at plan time"
		if !at.Equal(now) {
			edge := "expires"
			if at.Equal(body.NotBefore) {
				edge = "becomes valid"
			}
			when = fmt.Sprintf("on %s, when the certificate %s", at.UTC().Format(time.DateOnly), edge)
		}
		out = append(out, CertificateChainInvalid.finding(attr, "the chain does not verify the certificate: %v %s", err, when))
	case err != nil:
		out = append(out, CertificateChainInvalid.finding(attr, "the chain does not verify the certificate: %v", err))
	}
	// A CA's weak key or signature, or its coming expiry, weakens or ends
	// every certificate it issues: judged as the body's own would be. A
	// self-signed root's signature is its own, which no client checks.
	for i, c := range chain {
		if why := weakKey(c, b); why != "" {
			out = append(out, CertificateWeakKey.finding(attr, "the chain's %s: %s", Known(c.Subject).Quote(), why))
		}
		// Only a weak signature asks whether it is the root's own: made
		// by its own key, or named so where that cannot be checked. One
		// that names itself and that another key made is a CA's of the
		// same name, which clients check (round 115).
		if hash := c.SignatureHash; (hash == "MD2" || hash == "MD5" || hash == "SHA1" || hash == "") && !ownSignature(c, i == len(chain)-1, checks) {
			alg := c.SignatureAlgorithm
			if hash == "" {
				alg = "an algorithm iamguard cannot read"
			}
			out = append(out, CertificateWeakSignature.finding(attr, "the chain's %s is signed with %s; SHA-256 or stronger required", Known(c.Subject).Quote(), alg))
		}
		if !now.After(c.NotAfter) && c.NotAfter.Sub(now) < time.Duration(b.CertificateExpiryWarningDays)*24*time.Hour {
			out = append(out, CertificateExpiring.finding(attr, "the chain's %s expires on %s, in %s; the baseline warns %s ahead",
				Known(c.Subject).Quote(), c.NotAfter.UTC().Format("2006-01-02"), days(Days(now, c.NotAfter)), days(b.CertificateExpiryWarningDays)))
		}
	}
	return out
}

// ownSignature reports whether c's signature is its own as far as iamguard
// can tell: its own key made it, or it names itself as its issuer and the
// signature cannot be checked. Where the check is not made (too costly, or
// past checks), only the anchor, the chain's last certificate, is taken at
// its names: an intermediate's weak signature is its issuer's, which
// clients check.
func ownSignature(c *inspect.Certificate, anchor bool, checks *inspect.Budget) bool {
	self, unchecked := c.SelfSignature(checks)
	return self == inspect.SignedByOwnKey || self == inspect.SelfNamedUnchecked && (anchor || !unchecked)
}

// CertificateKey compares the private key's public half with the
// certificate's (IG307), never showing either.
func CertificateKey(body *inspect.Certificate, key *inspect.PrivateKey) []Finding {
	if key.Matches(body) {
		return nil
	}
	return []Finding{CertificateKeyMismatch.finding("private_key",
		"private_key (%s, %d bits) does not match the certificate's public key (%s, %d bits)", key.Algorithm, key.Bits, body.KeyAlgorithm, body.KeyBits)}
}
