package rules

import (
	"fmt"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
)

var signingCertificateTypes = []string{"aws_iam_signing_certificate"}

// Signing-certificate rules. An IAM user's signing certificate signs SOAP
// requests to the few services that still take them (EC2 bundling, SimpleDB).
var (
	SigningCertificateDeleted = &Rule{
		ID: "IG501", Slug: "signing-certificate-deleted", Severity: Medium,
		Event:     "DeleteSigningCertificate",
		Summary:   "A signing certificate is deleted and not replaced",
		Rationale: "Whatever signed requests with the certificate stops working; if the deletion was not planned it may also hide a takeover (delete, then upload an attacker's own). A certificate that signed nothing before the plan (Inactive, or expired) is not judged, nor one deleted with its user when no user of that name is left: that is the clean-up IG808 asks for. A user deleted with force_destroy and made again under its name (replaced, say) comes back without its certificates: those are judged. A user who keeps another sound, active certificate, uploaded by this plan or before it (the first step of a rotation), loses nothing; an upload IAM may refuse, the user holding its quota of two certificates while nothing orders a deletion first, may replace nothing.",
		Remediation: Remediation{
			Console:   "IAM > Users > (user) > Security credentials: upload the new certificate before deleting the old one.",
			CLI:       "aws iam upload-signing-certificate for the new certificate, then aws iam delete-signing-certificate for the old one.",
			Terraform: "Add the replacement aws_iam_signing_certificate for the user in the same change, or waive IG501 with the reason.",
		},
		References:    []string{"IAM API Reference: UploadSigningCertificate"},
		ResourceTypes: signingCertificateTypes,
	}
	SigningCertificateWeak = &Rule{
		ID: "IG502", Slug: "signing-certificate-weak", Severity: High,
		Event:     "UploadSigningCertificate",
		Summary:   "The signing certificate is expired, not yet valid, weak, or does not parse",
		Rationale: "The same checks as for server certificates (IG301-IG305) apply: a weak key or signature can be forged, and an expired certificate is refused.",
		Remediation: Remediation{
			Console:   "Create a new certificate with an RSA key of at least the baseline's RSA size (2048 bits by default) and a SHA-256 signature, valid now, and upload it.",
			CLI:       "openssl req -x509 -newkey rsa:BITS -sha256 -days 365 ..., BITS at least the baseline's RSA size (2048 by default); aws iam upload-signing-certificate --user-name USER --certificate-body file://cert.pem",
			Terraform: "Set certificate_body to a current certificate with a strong key and signature (tls_self_signed_cert with rsa_bits at least the baseline's RSA size, 2048 bits by default).",
		},
		References:    []string{"NIST SP 800-131A", "IAM API Reference: UploadSigningCertificate"},
		ResourceTypes: signingCertificateTypes,
	}
	SigningCertificateReactivated = &Rule{
		ID: "IG503", Slug: "signing-certificate-reactivated", Severity: High,
		Event:     "UpdateSigningCertificate",
		Summary:   "An inactive signing certificate is switched back on",
		Rationale: "A certificate was deactivated because it leaked or was replaced; reactivating it, or uploading the same certificate again, revives a credential nobody is watching.",
		Remediation: Remediation{
			Console:   "Upload a new signing certificate instead of activating the old one.",
			CLI:       "aws iam upload-signing-certificate for a new certificate; aws iam delete-signing-certificate for the old one.",
			Terraform: "Keep status = \"Inactive\" on the old aws_iam_signing_certificate, and give a new aws_iam_signing_certificate a new certificate, not the old one.",
		},
		References:    []string{"IAM API Reference: UploadSigningCertificate"},
		ResourceTypes: signingCertificateTypes,
	}
	// SigningCertificateUnused is a runtime rule (IG8xx): only the live
	// account shows how long a certificate has been active.
	SigningCertificateUnused = &Rule{
		ID: "IG808", Slug: "signing-certificate-active-unused", Severity: Medium,
		Event:     "UploadSigningCertificate",
		Summary:   "A signing certificate is still active although it has expired, or has been active longer than the baseline allows unused",
		Rationale: "IAM records no use of signing certificates, and the SOAP APIs that took them are retired, so an active certificate is a credential nobody watches: after the unused-credential window, its age is its time unused. An expired one signs nothing and only hides among the active.",
		Remediation: Remediation{
			Console:   "IAM > Users > (user) > Security credentials > X.509 signing certificates: make the certificate Inactive, then delete it once nothing breaks.",
			CLI:       "aws iam update-signing-certificate --user-name USER --certificate-id ID --status Inactive; aws iam delete-signing-certificate --user-name USER --certificate-id ID",
			Terraform: "Set status = \"Inactive\" on the aws_iam_signing_certificate, then remove the resource.",
		},
		References: []string{"CIS AWS 1.12", "IAM API Reference: UpdateSigningCertificate"},
	}
)

var signingCertificateRules = []*Rule{SigningCertificateDeleted, SigningCertificateWeak, SigningCertificateReactivated, SigningCertificateUnused}

// LiveSigningCertificate is a signing certificate as the live account
// holds it. Body is Unknown when it cannot be read: the root user's
// certificates appear only in the credential report, without their body.
type LiveSigningCertificate struct {
	Body     Value[string]
	Active   bool
	Uploaded time.Time // zero when not known
	// StatusUnreadable: the source gives a status it does not define (IAM:
	// Active, Inactive, Expired), so whether the certificate is active is
	// not known.
	StatusUnreadable bool
	// UploadedMissing: the source, which always gives a certificate's
	// upload date (IAM's ListSigningCertificates), gave none for this one.
	UploadedMissing bool
}

// EvaluateLiveSigningCertificate judges a signing certificate of the live
// account: its body as EvaluateSigningCertificate does (IG502), when the
// body is known, and, when it is active, whether it has expired or been
// active longer than the baseline allows unused (IG808). A certificate
// whose status is unreadable, or an active one whose upload date is
// missing, is an IG806 finding naming IG808 as not judged, unless its
// expiry already decided IG808.
func EvaluateLiveSigningCertificate(c LiveSigningCertificate, now time.Time, b Baseline) []Finding {
	var out []Finding
	var notAfter time.Time
	if !c.Body.Unknown {
		out = EvaluateSigningCertificate(c.Body, now, b)
		if parsed, err := inspect.ParseCertificate(c.Body.V); err == nil {
			notAfter = parsed.NotAfter
		}
	}
	expired := !notAfter.IsZero() && now.After(notAfter)
	if c.StatusUnreadable {
		return append(out, CheckIncomplete.finding("status",
			"the signing certificate has a status other than Active, Inactive or Expired, so whether it is active is not known; %s not judged",
			Names(SigningCertificateUnused)))
	}
	if !c.Active {
		return out
	}
	switch {
	case expired:
		out = append(out, SigningCertificateUnused.finding("status", "the signing certificate is still active although it expired on %s, %s ago",
			notAfter.UTC().Format("2006-01-02"), days(Days(notAfter, now))))
	case c.UploadedMissing:
		out = append(out, CheckIncomplete.finding("upload_date",
			"the active signing certificate has no upload date, so how long it has been active is not known; %s not judged",
			Names(SigningCertificateUnused)))
	case !c.Uploaded.IsZero() && Days(c.Uploaded, now) >= b.UnusedCredentialDays:
		out = append(out, SigningCertificateUnused.finding("status",
			"the signing certificate has been active for %s since its upload and IAM records no use of signing certificates; the baseline allows %s unused",
			days(Days(c.Uploaded, now)), days(b.UnusedCredentialDays)))
	}
	return out
}

// EvaluateSigningCertificate judges a signing certificate's body (IG502):
// IG301-IG305 findings become IG502 findings that keep their severity and
// name the check they come from.
func EvaluateSigningCertificate(body Value[string], now time.Time, b Baseline) []Finding {
	if body.Unknown {
		return []Finding{SigningCertificateWeak.unknown("certificate_body", body)}
	}
	var out []Finding
	if c, err := inspect.ParseCertificate(body.V); err != nil {
		out = append(out, SigningCertificateWeak.finding("certificate_body", "certificate_body: %v", err))
	} else {
		for _, f := range CertificateFindings(c, now, b) {
			f.Rule, f.Message = SigningCertificateWeak, f.Rule.Slug+": "+f.Message // severity, attribute and all else kept
			out = append(out, f)
		}
	}
	return withhold(out, func(string) bool { return body.Sensitive })
}

// SigningCertificatesPerUser is IAM's quota of signing certificates a user
// may hold, whatever their status.
const SigningCertificatesPerUser = 2

// Replacement is what a change offers a user in place of a signing
// certificate it deletes.
type Replacement int8

// Replacements, worst first.
const (
	NoReplacement      Replacement = iota
	ImpureReplacement              // a new certificate whose status an impure function chooses at apply (Value.Impure)
	PendingReplacement             // a new certificate whose body, status, holders or order is known only after apply
	SoundReplacement               // a new, active certificate with no IG502 finding
)

// SigningCertificateReplacement judges a new signing certificate as the
// replacement of a deleted one.
func SigningCertificateReplacement(status, body Value[string], now time.Time, b Baseline) Replacement {
	switch {
	case !status.Unknown && status.V != "Active":
		return NoReplacement
	case !body.Unknown && !body.Unreadable && IAMRefusesBody(body.V):
		return NoReplacement // never uploaded (round 234)
	case status.Impure: // Inactive, maybe, as a plain "Inactive" is (round 123)
		return ImpureReplacement
	case status.Unknown || body.Unknown:
		return PendingReplacement
	case len(EvaluateSigningCertificate(body, now, b)) > 0:
		return NoReplacement
	}
	return SoundReplacement
}

// SignsNothing reports whether a signing certificate, as it was before the
// plan, signed nothing: of status Inactive or Expired, or past its end
// date. Deleting one breaks nothing, and is the clean-up IG808 asks for,
// so IG501 does not judge it.
func SignsNothing(status, body Value[string], now time.Time) bool {
	switch {
	case !status.Unknown && (status.V == "Inactive" || status.V == "Expired"):
		return true
	case body.Unknown:
		return false
	}
	c, err := inspect.ParseCertificate(body.V)
	return err == nil && now.After(c.NotAfter)
}

// SigningCertificateRemoval is the verdict on deleting a user's signing
// certificate, given the best replacement the change uploads (IG501).
func SigningCertificateRemoval(user Value[string], best Replacement) []Finding {
	switch best {
	case SoundReplacement:
		return nil // rotation
	case ImpureReplacement:
		return []Finding{SigningCertificateDeleted.finding("", "the signing certificate of user %s is deleted, and the status of the one this plan uploads for the user "+
			"is chosen at apply by an impure function such as timestamp() or uuid(), so %s cannot judge it and does not pass it (plantimestamp() is known when Terraform plans)",
			user.Quote(), SigningCertificateDeleted.Name())}
	case PendingReplacement:
		return []Finding{{Rule: SigningCertificateDeleted, Severity: Info,
			Message: fmt.Sprintf("whether user %s keeps a sound, active signing certificate is known only after apply (a new one's user, body, status or holders, or whether it is uploaded after its user is made again, or after the same certificate is deleted at another address or uploaded again, or while the user holds the quota of 2 certificates); %s cannot be judged until then",
				user.Quote(), SigningCertificateDeleted.Name())}}
	}
	return []Finding{SigningCertificateDeleted.finding("",
		"the signing certificate of user %s is deleted and this plan uploads no sound, active replacement for the user", user.Quote())}
}

// IAMRefusesBody reports whether IAM refuses a certificate or SSH key body
// as UploadSigningCertificate, UploadServerCertificate and
// UploadSSHPublicKey take it: 1 to 16,384 characters, each a tab, line
// feed, carriage return or from U+0020 to U+00FF. The AWS provider checks
// neither, nor do the parsers, which skip text before the PEM block.
func IAMRefusesBody(body string) bool {
	n := 0
	for _, r := range body {
		if n++; n > 16384 || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r > 0xFF {
			return true
		}
	}
	return n == 0
}
