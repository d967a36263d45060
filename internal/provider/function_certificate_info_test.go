package provider

import (
	"crypto"
	"crypto/elliptic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

// issuedCert is a sound certificate for www.example.com, issued by a test
// CA and valid around testNow.
func issuedCert(t *testing.T) (*certtest.Issued, *inspect.Certificate) {
	t.Helper()
	ca := certtest.Issue(t, certtest.Cert{CN: "iamguard test CA", CA: true})
	leaf := certtest.Issue(t, certtest.Cert{CN: "www.example.com", DNSNames: []string{"www.example.com"}, Parent: ca,
		NotBefore: testNow.AddDate(0, 0, -10), NotAfter: testNow.AddDate(0, 0, 100)})
	c, err := inspect.ParseCertificate(leaf.PEM)
	if err != nil {
		t.Fatal(err)
	}
	return leaf, c
}

func TestCertificateInfo(t *testing.T) {
	leaf, c := issuedCert(t)
	// A self-signed RSA-1024 certificate without names, expiring in 10 days.
	weak := certtest.Issue(t, certtest.Cert{Key: certtest.RSA(t, 1024), CN: "weak",
		NotBefore: testNow.AddDate(0, 0, -355), NotAfter: testNow.AddDate(0, 0, 10)})
	weakFindings := []knownvalue.Check{
		finding("IG302", "certificate-expiring", "medium", "the certificate expires on 2026-06-11, in 10 days; the baseline warns 30 days ahead"),
		finding("IG304", "certificate-weak-key", "high", "RSA key of 1024 bits; at least 2048 required"),
		finding("IG309", "certificate-domain", "medium", "the certificate has no DNS subject alternative name; clients ignore the common name"),
		finding("IG310", "certificate-self-signed", "medium", `the certificate is self-signed (issuer and subject are both "CN=weak,O=iamguard tests")`),
	}
	file := config.TestNameFile("test.tf")
	at := func(p ...string) tfjsonpath.Path {
		path := tfjsonpath.New(p[0])
		for _, s := range p[1:] {
			path = path.AtMapKey(s)
		}
		return path
	}
	runFunctionTest(t,
		resource.TestStep{
			ConfigFile: file,
			ConfigVariables: config.Variables{
				"pem": config.StringVariable(leaf.PEM),
				"now": config.StringVariable(testNow.Format(time.RFC3339)),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("info", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"subject":             knownvalue.StringExact("CN=www.example.com,O=iamguard tests"),
					"issuer":              knownvalue.StringExact("CN=iamguard test CA,O=iamguard tests"),
					"serial_number":       knownvalue.StringExact(c.SerialNumber),
					"sans":                knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("www.example.com")}),
					"dns_names":           knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("www.example.com")}),
					"not_before":          knownvalue.StringExact("2026-05-22T12:00:00Z"),
					"not_after":           knownvalue.StringExact("2026-09-09T12:00:00Z"),
					"key_algorithm":       knownvalue.StringExact("ECDSA"),
					"key_bits":            knownvalue.Int64Exact(256),
					"signature_algorithm": knownvalue.StringExact("ECDSA-SHA256"),
					"is_ca":               knownvalue.Bool(false),
					"self_signed":         knownvalue.Bool(false),
					"sha256_fingerprint":  knownvalue.StringExact(c.SHA256Fingerprint),
					"findings":            noFindings,
				})),
				statecheck.ExpectKnownOutputValue("default_baseline", noFindings),
			},
		},
		// now = null reads the provider's clock (testNow in tests).
		resource.TestStep{
			ConfigFile:      file,
			ConfigVariables: config.Variables{"pem": config.StringVariable(weak.PEM)},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("info", at("findings"), knownvalue.ListExact(weakFindings)),
				statecheck.ExpectKnownOutputValueAtPath("info", at("self_signed"), knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValueAtPath("info", at("key_algorithm"), knownvalue.StringExact("RSA")),
				statecheck.ExpectKnownOutputValueAtPath("info", at("key_bits"), knownvalue.Int64Exact(1024)),
				statecheck.ExpectKnownOutputValueAtPath("info", at("sans"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		},
		// An explicit now, and a baseline that moves the bars.
		resource.TestStep{
			ConfigFile: file,
			ConfigVariables: config.Variables{
				"pem": config.StringVariable(leaf.PEM),
				"now": config.StringVariable("2026-09-01T00:00:00+02:00"),
				"baseline": config.ObjectVariable(map[string]config.Variable{
					"certificate_expiry_warning_days": config.IntegerVariable(7),
					"allowed_certificate_domains":     config.ListVariable(config.StringVariable("*.example.org")),
				}),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("info", at("findings"), knownvalue.ListExact([]knownvalue.Check{
					finding("IG309", "certificate-domain", "medium", "DNS names outside the allowed domains (*.example.org): www.example.com"),
				})),
				// The default baseline warns 30 days ahead.
				statecheck.ExpectKnownOutputValue("default_baseline", knownvalue.ListExact([]knownvalue.Check{
					finding("IG302", "certificate-expiring", "medium", "the certificate expires on 2026-09-09, in 8 days; the baseline warns 30 days ahead"),
				})),
			},
		},
		resource.TestStep{
			ConfigFile: file,
			ConfigVariables: config.Variables{
				"pem": config.StringVariable(leaf.PEM),
				"now": config.StringVariable("2026-09-10T13:00:00Z"),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("info", at("findings"), knownvalue.ListExact([]knownvalue.Check{
					finding("IG301", "certificate-expired", "high", "the certificate expired on 2026-09-09, 1 day before plan time"),
				})),
			},
		},
	)
}

func TestCertificateInfoNull(t *testing.T) {
	runFunctionTest(t, resource.TestStep{
		ConfigFile:  config.TestNameFile("test.tf"),
		ExpectError: errorText(`pem is null: pass one PEM-encoded X.509 certificate, such as file("cert.pem")`),
	})
}

// TestCertificateInfoUnknown: a pem, a now or a baseline known only after
// apply makes the whole result unknown during plan.
func TestCertificateInfoUnknown(t *testing.T) {
	leaf, _ := issuedCert(t)
	runFunctionTest(t, resource.TestStep{
		ConfigFile:      config.TestNameFile("test.tf"),
		ConfigVariables: config.Variables{"pem": config.StringVariable(leaf.PEM)},
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectUnknownOutputValue("pem_unknown"),
			plancheck.ExpectUnknownOutputValue("now_unknown"),
			plancheck.ExpectUnknownOutputValue("baseline_unknown"),
			plancheck.ExpectKnownOutputValue("known", knownvalue.StringExact("2026-09-09T12:00:00Z")),
		}},
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValueAtPath("pem_unknown", tfjsonpath.New("findings"), noFindings),
			statecheck.ExpectKnownOutputValueAtPath("baseline_unknown", tfjsonpath.New("findings"), noFindings),
		},
	})
}

func TestCertificateInfoBad(t *testing.T) {
	leaf, _ := issuedCert(t)
	key := certtest.PKCS8(t, certtest.EC(t, elliptic.P256()))
	file := config.StaticFile("testdata/TestCertificateInfoBad/test.tf") // subtests share it
	for name, c := range map[string]struct {
		pem, now, want string
	}{
		"not PEM": {"hello", "", "pem is not one PEM-encoded X.509 certificate (no valid PEM block found (want a CERTIFICATE block: base64 between BEGIN and END lines))"},
		"private key": {key, "", `pem is not one PEM-encoded X.509 certificate (certificate: PEM block "PRIVATE KEY" is a private key, not a certificate). ` +
			`Pass the certificate only, such as file("cert.pem"); the chain and the private key do not belong here`},
		"chain":   {leaf.PEM + leaf.PEM, "", "certificate body holds 2 certificates; one expected"},
		"bad now": {leaf.PEM, "yesterday", "now must be an RFC 3339 timestamp"},
	} {
		t.Run(name, func(t *testing.T) {
			vars := config.Variables{"pem": config.StringVariable(c.pem)}
			if c.now != "" {
				vars["now"] = config.StringVariable(c.now)
			}
			runFunctionTest(t, resource.TestStep{ConfigFile: file, ConfigVariables: vars, ExpectError: errorText(c.want)})
		})
	}
}

// TestCertificateInfoPrecondition drives the refusal of the
// server-certificate module example: a certificate expiring within 30 days
// of plan time, or with a high finding, stops the plan. plantimestamp() is
// the real clock, so the certificates are dated around it.
func TestCertificateInfoPrecondition(t *testing.T) {
	now := time.Now().UTC()
	cert := func(days int, key crypto.Signer) string {
		return certtest.Issue(t, certtest.Cert{CN: "www.example.com", DNSNames: []string{"www.example.com"}, Key: key,
			Parent:    certtest.Issue(t, certtest.Cert{CN: "CA", CA: true}),
			NotBefore: now.AddDate(0, 0, -1), NotAfter: now.AddDate(0, 0, days)}).PEM
	}
	file := config.TestNameFile("test.tf")
	step := func(pem string, want string) resource.TestStep {
		s := resource.TestStep{ConfigFile: file, ConfigVariables: config.Variables{"certificate_body": config.StringVariable(pem)}}
		if want != "" {
			s.ExpectError = errorText(want)
		}
		return s
	}
	// A window the baseline refuses is the module's own error, not the
	// function's from inside the module.
	zero := step(cert(400, nil), "min_days_valid must be a whole number of days from 1 to 3650")
	zero.ConfigVariables["min_days_valid"] = config.IntegerVariable(0)
	runFunctionTest(t, zero,
		step(cert(10, nil), "Resource precondition failed"),
		step(cert(29, nil), "within 30 days: upload its renewal instead"),
		step(cert(400, certtest.RSA(t, 1024)), "IG304 certificate-weak-key (high): RSA key of 1024 bits; at least 2048 required"),
		step(cert(400, nil), ""),
	)
}
