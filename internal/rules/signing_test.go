package rules

import (
	"crypto/x509"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

func TestEvaluateSigningCertificate(t *testing.T) {
	rsa2048, rsa1024 := certtest.RSA(t, 2048), certtest.RSA(t, 1024)
	issue := func(c certtest.Cert) Value[string] { return Known(certtest.Issue(t, c).PEM) }
	day := 24 * time.Hour
	tests := []struct {
		name string
		body Value[string]
		want []want
	}{
		{"sound", issue(certtest.Cert{Key: rsa2048}), nil},
		{"expired", issue(certtest.Cert{Key: rsa2048, NotBefore: certNow.AddDate(-1, 0, 0), NotAfter: certNow.Add(-2 * day)}),
			[]want{{"IG502", High, "certificate_body", "certificate-expired: the certificate expired on 2026-05-30, 2 days before plan time"}}},
		{"expiring keeps its own severity", issue(certtest.Cert{Key: rsa2048, NotAfter: certNow.Add(5 * day)}),
			[]want{{"IG502", Medium, "certificate_body", "certificate-expiring: the certificate expires on 2026-06-06, in 5 days; the baseline warns 30 days ahead"}}},
		{"not yet valid", issue(certtest.Cert{Key: rsa2048, NotBefore: certNow.Add(2 * day)}),
			[]want{{"IG502", Medium, "certificate_body", "certificate-not-yet-valid: the certificate is valid only from 2026-06-03, 2 days after plan time"}}},
		{"weak key and SHA-1", issue(certtest.Cert{Key: rsa1024, SigAlg: x509.SHA1WithRSA}),
			[]want{
				{"IG502", High, "certificate_body", "certificate-weak-key: RSA key of 1024 bits; at least 2048 required"},
				{"IG502", High, "certificate_body", "certificate-weak-signature: the certificate is signed with SHA1-RSA; SHA-256 or stronger required"},
			}},
		{"does not parse", Known("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----"),
			[]want{{"IG502", High, "certificate_body", "certificate_body: no valid PEM block found (want a CERTIFICATE block: base64 between BEGIN and END lines)"}}},
		{"unknown", UnknownValue[string](),
			[]want{{"IG502", Info, "certificate_body", unknownMsg("certificate_body", "IG502", "signing-certificate-weak")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertFindings(t, EvaluateSigningCertificate(tt.body, certNow, DefaultBaseline()), tt.want)
		})
	}
}

// TestSignsNothing: a certificate of status Inactive or Expired, or past
// its end date, signs nothing (round 193: Expired was taken as signing).
func TestSignsNothing(t *testing.T) {
	rsa2048 := certtest.RSA(t, 2048)
	sound := Known(certtest.Issue(t, certtest.Cert{Key: rsa2048}).PEM)
	expired := Known(certtest.Issue(t, certtest.Cert{Key: rsa2048, NotBefore: certNow.AddDate(-1, 0, 0), NotAfter: certNow.Add(-time.Hour)}).PEM)
	for _, c := range []struct {
		status, body Value[string]
		want         bool
	}{
		{Known("Active"), sound, false},
		{Known("Inactive"), sound, true},
		{Known("Expired"), sound, true},
		{Known("Active"), expired, true},
		{UnknownValue[string](), sound, false},
		{Known("Active"), UnknownValue[string](), false},
	} {
		if got := SignsNothing(c.status, c.body, certNow); got != c.want {
			t.Errorf("SignsNothing(%+v, %.20q) = %v, want %v", c.status, c.body.V, got, c.want)
		}
	}
}

func TestEvaluateLiveSigningCertificate(t *testing.T) {
	rsa2048 := certtest.RSA(t, 2048)
	body := func(notAfter time.Time) Value[string] {
		return Known(certtest.Issue(t, certtest.Cert{Key: rsa2048, NotBefore: certNow.AddDate(-2, 0, 0), NotAfter: notAfter}).PEM)
	}
	current, expired := body(certNow.AddDate(1, 0, 0)), body(certNow.AddDate(0, 0, -10))
	tests := []struct {
		name string
		in   LiveSigningCertificate
		want []want
	}{
		{"active and recent", LiveSigningCertificate{Body: current, Active: true, Uploaded: certNow.AddDate(0, 0, -44)}, nil},
		{"inactive and old", LiveSigningCertificate{Body: current, Uploaded: certNow.AddDate(-1, 0, 0)}, nil},
		{"active and old", LiveSigningCertificate{Body: current, Active: true, Uploaded: certNow.AddDate(0, 0, -45)},
			[]want{{"IG808", Medium, "status", "the signing certificate has been active for 45 days since its upload and IAM records no use of signing certificates; the baseline allows 45 days unused"}}},
		{"active and expired", LiveSigningCertificate{Body: expired, Active: true, Uploaded: certNow.AddDate(0, 0, -1)},
			[]want{
				{"IG502", High, "certificate_body", "certificate-expired: the certificate expired on 2026-05-22, 10 days before plan time"},
				{"IG808", Medium, "status", "the signing certificate is still active although it expired on 2026-05-22, 10 days ago"},
			}},
		{"inactive and expired", LiveSigningCertificate{Body: expired},
			[]want{{"IG502", High, "certificate_body", "certificate-expired: the certificate expired on 2026-05-22, 10 days before plan time"}}},
		{"body unknown (root), active and old", LiveSigningCertificate{Body: UnknownValue[string](), Active: true, Uploaded: certNow.AddDate(0, 0, -100)},
			[]want{{"IG808", Medium, "status", "the signing certificate has been active for 100 days since its upload and IAM records no use of signing certificates; the baseline allows 45 days unused"}}},
		{"body unknown, upload unknown", LiveSigningCertificate{Body: UnknownValue[string](), Active: true}, nil},
		{"status unreadable", LiveSigningCertificate{Body: current, StatusUnreadable: true, Uploaded: certNow.AddDate(-1, 0, 0)},
			[]want{{"IG806", Medium, "status", "the signing certificate has a status other than Active, Inactive or Expired, so whether it is active is not known; IG808 (signing-certificate-active-unused) not judged"}}},
		{"status unreadable, expired", LiveSigningCertificate{Body: expired, StatusUnreadable: true},
			[]want{
				{"IG502", High, "certificate_body", "certificate-expired: the certificate expired on 2026-05-22, 10 days before plan time"},
				{"IG806", Medium, "status", "the signing certificate has a status other than Active, Inactive or Expired, so whether it is active is not known; IG808 (signing-certificate-active-unused) not judged"},
			}},
		{"active, upload missing", LiveSigningCertificate{Body: current, Active: true, UploadedMissing: true},
			[]want{{"IG806", Medium, "upload_date", "the active signing certificate has no upload date, so how long it has been active is not known; IG808 (signing-certificate-active-unused) not judged"}}},
		{"active and expired, upload missing", LiveSigningCertificate{Body: expired, Active: true, UploadedMissing: true},
			[]want{
				{"IG502", High, "certificate_body", "certificate-expired: the certificate expired on 2026-05-22, 10 days before plan time"},
				{"IG808", Medium, "status", "the signing certificate is still active although it expired on 2026-05-22, 10 days ago"},
			}},
		{"inactive, upload missing", LiveSigningCertificate{Body: current, UploadedMissing: true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertFindings(t, EvaluateLiveSigningCertificate(tt.in, certNow, DefaultBaseline()), tt.want)
		})
	}
}

// TestIAMRefusesBody: the length and characters IAM takes in a body (round
// 234: a certificate with 18,000 characters of text before its PEM block,
// or an en dash in it, was taken as the replacement of one deleted).
func TestIAMRefusesBody(t *testing.T) {
	for body, refused := range map[string]bool{
		"": true, "-----BEGIN CERTIFICATE-----\r\n\tx\n": false, "café": false, "\u00ff": false,
		"alice – CI": true, "→": true, "\x00": true, "a\x1fb": true,
		strings.Repeat("a", 16384): false, strings.Repeat("a", 16385): true, strings.Repeat("é", 16384): false,
	} {
		if got := IAMRefusesBody(body); got != refused {
			t.Errorf("IAMRefusesBody(%.20q) = %v, want %v", body, got, refused)
		}
	}
}
