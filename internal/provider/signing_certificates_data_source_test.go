package provider

import (
	"crypto/x509"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

const sgAddr = "data.iamguard_signing_certificates.test"

// signingCert is a sound certificate valid for another year.
func signingCert(t *testing.T) string {
	t.Helper()
	return certtest.Issue(t, certtest.Cert{Key: certtest.RSA(t, 2048), CN: "signer", NotAfter: daysAgo(-365)}).PEM
}

func TestSigningCertificatesCompliant(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", Created: daysAgo(100), SigningCertificates: []iamtest.SigningCertificate{{ID: "ALICECERT1", Body: signingCert(t), Uploaded: daysAgo(10)}}},
		{Name: "bob", Created: daysAgo(100), SigningCertificates: []iamtest.SigningCertificate{{ID: "BOBCERT1", Body: signingCert(t), Status: "Inactive", Uploaded: daysAgo(300)}}},
		{Name: "carol", Created: daysAgo(100)},
		{Name: "dave", Created: daysAgo(100)},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_signing_certificates" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.#", "2"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.user_name", "alice"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.certificate_id", "ALICECERT1"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.status", "Active"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.upload_date", "2026-05-22T12:00:00Z"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.expiration", "2027-06-01T12:00:00Z"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.days_to_expiry", "365"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.subject", "CN=signer,O=iamguard tests"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.key_algorithm", "RSA"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.key_bits", "2048"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.signature_algorithm", "SHA256-RSA"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.1.status", "Inactive"),
			resource.TestCheckResourceAttr(sgAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(sgAddr, "findings.#", "0"),
		),
	})
	// Every user is listed, carol and dave too, though the credential
	// report shows them without certificates.
	listed := map[string]bool{}
	for _, r := range srv.Requests("ListSigningCertificates") {
		listed[r.Params.Get("UserName")] = true
	}
	if len(listed) != 4 || srv.Calls("GetCredentialReport") == 0 {
		t.Errorf("ListSigningCertificates for %v; the report read %d times", listed, srv.Calls("GetCredentialReport"))
	}
}

// TestSigningCertificatesReusedReport: a weak certificate uploaded after
// the credential report was made is judged. IAM hands back the report,
// under four hours old, instead of a new one, and it shows the user with
// no certificate; listing only the users it shows with one gave
// compliant = true in both data sources (round 89).
func TestSigningCertificatesReusedReport(t *testing.T) {
	weak := certtest.Issue(t, certtest.Cert{Key: certtest.RSA(t, 1024), SigAlg: x509.SHA1WithRSA, NotAfter: daysAgo(-365)}).PEM
	acct := compliantAccount(t)
	srv := iamtest.New(t, acct)
	config := cloudTrailProviderBlock(srv) + `
data "iamguard_signing_certificates" "test" {}
data "iamguard_account_compliance" "test" {}
`
	run(t, resource.TestStep{
		Config: config,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sgAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(acAddr, "compliant", "true"),
		),
	}, resource.TestStep{
		PreConfig: func() {
			srv.Update(func(a *iamtest.Account) {
				a.Now = testNow.Add(time.Minute)
				a.Users[1].SigningCertificates = []iamtest.SigningCertificate{{ID: "CIWEAKCERT1", Body: weak, Uploaded: a.Now}}
			})
		},
		Config: config,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sgAddr, "compliant", "false"),
			resource.TestCheckTypeSetElemNestedAttrs(sgAddr, "findings.*", map[string]string{"rule_id": "IG502", "subject": "CIWEAKCERT1"}),
			resource.TestCheckResourceAttr(acAddr, "compliant", "false"),
			areaFinding("signing_certificates", "IG502"),
		),
	})
}

func TestSigningCertificatesNonCompliant(t *testing.T) {
	weak := certtest.Issue(t, certtest.Cert{Key: certtest.RSA(t, 1024), SigAlg: x509.SHA1WithRSA, NotBefore: daysAgo(900), NotAfter: daysAgo(5)}).PEM
	srv := iamtest.New(t, &iamtest.Account{Now: testNow,
		Root: iamtest.Root{Created: daysAgo(1000), HasSigningCertificates: true},
		Users: []iamtest.User{
			{Name: "legacy", Created: daysAgo(1000), SigningCertificates: []iamtest.SigningCertificate{
				{ID: "LEGACYCERT1", Body: weak, Uploaded: daysAgo(800)},
				{ID: "LEGACYCERT2", Body: signingCert(t), Uploaded: daysAgo(60)},
			}},
		}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_signing_certificates" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.#", "3"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.user_name", "<root_account>"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.certificate_id", "cert_1"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.status", "Active"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.0.upload_date", "2023-09-05T12:00:00Z"),
			resource.TestCheckNoResourceAttr(sgAddr, "signing_certificates.0.key_bits"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.1.days_to_expiry", "-5"),
			resource.TestCheckResourceAttr(sgAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(sgAddr, "findings.#", "7"),
			resource.TestCheckResourceAttr(sgAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(sgAddr, "findings.0.subject", "<root_account>/cert_1"),
			resource.TestCheckResourceAttr(sgAddr, "findings.1.rule_id", "IG808"),
			resource.TestCheckResourceAttr(sgAddr, "findings.1.subject", "<root_account>/cert_1"),
			resource.TestCheckResourceAttr(sgAddr, "findings.2.rule_id", "IG502"),
			resource.TestCheckResourceAttr(sgAddr, "findings.2.subject", "LEGACYCERT1"),
			resource.TestCheckResourceAttr(sgAddr, "findings.2.message", "certificate-expired: the certificate expired on 2026-05-27, 5 days before plan time"),
			resource.TestCheckResourceAttr(sgAddr, "findings.3.rule_id", "IG502"),
			resource.TestCheckResourceAttr(sgAddr, "findings.4.rule_id", "IG502"),
			resource.TestCheckResourceAttr(sgAddr, "findings.5.rule_id", "IG808"),
			resource.TestCheckResourceAttr(sgAddr, "findings.5.message", "the signing certificate is still active although it expired on 2026-05-27, 5 days ago"),
			resource.TestCheckResourceAttr(sgAddr, "findings.6.rule_id", "IG808"),
			resource.TestCheckResourceAttr(sgAddr, "findings.6.subject", "LEGACYCERT2"),
			resource.TestCheckResourceAttr(sgAddr, "findings.6.message",
				"the signing certificate has been active for 60 days since its upload and IAM records no use of signing certificates; the baseline allows 45 days unused"),
		),
	})
}

// TestSigningCertificatesUnreadableFacts: a certificate whose status IAM
// does not define, or an active one listed with no UploadDate, is an IG806
// finding naming IG808, not a pass (round 82: both gave compliant=true).
func TestSigningCertificatesUnreadableFacts(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", Created: daysAgo(100), SigningCertificates: []iamtest.SigningCertificate{{ID: "ALICECERT1", Body: signingCert(t), Status: "Enabled", Uploaded: daysAgo(300)}}},
	}})
	const noDate = `<ListSigningCertificatesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListSigningCertificatesResult>` +
		`<IsTruncated>false</IsTruncated><Certificates><member><UserName>alice</UserName><CertificateId>ALICECERT1</CertificateId>` +
		`<Status>Active</Status></member></Certificates></ListSigningCertificatesResult></ListSigningCertificatesResponse>`
	config := providerBlock(srv, "") + `data "iamguard_signing_certificates" "test" { user_name = "alice" }`
	run(t,
		resource.TestStep{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(sgAddr, "compliant", "false"),
				resource.TestCheckResourceAttr(sgAddr, "findings.#", "1"),
				resource.TestCheckResourceAttr(sgAddr, "findings.0.rule_id", "IG806"),
				resource.TestCheckResourceAttr(sgAddr, "findings.0.subject", "ALICECERT1"),
				resource.TestCheckResourceAttr(sgAddr, "findings.0.message",
					"the signing certificate has a status other than Active, Inactive or Expired, so whether it is active is not known; IG808 (signing-certificate-active-unused) not judged"),
			),
		},
		resource.TestStep{
			PreConfig: func() { srv.RawReply("ListSigningCertificates", []byte(noDate), nil, -1) },
			Config:    config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(sgAddr, "compliant", "false"),
				resource.TestCheckResourceAttr(sgAddr, "findings.#", "2"), // and IG502: the body is not a certificate
				resource.TestCheckResourceAttr(sgAddr, "findings.1.rule_id", "IG806"),
				resource.TestCheckResourceAttr(sgAddr, "findings.1.message",
					"the active signing certificate has no upload date, so how long it has been active is not known; IG808 (signing-certificate-active-unused) not judged"),
			),
		},
	)
}

// TestSigningCertificatesPaginated lists one item per page; a user created
// after the report was generated is listed although the report lacks them.
func TestSigningCertificatesPaginated(t *testing.T) {
	acct := &iamtest.Account{Now: testNow}
	for i := range 4 {
		u := iamtest.User{Name: fmt.Sprintf("user%d", i), Created: daysAgo(50)}
		for j := range 2 {
			u.SigningCertificates = append(u.SigningCertificates, iamtest.SigningCertificate{ID: fmt.Sprintf("USER%dCERT%d", i, j), Body: signingCert(t), Uploaded: daysAgo(1)})
		}
		acct.Users = append(acct.Users, u)
	}
	srv := iamtest.New(t, acct)
	srv.SetPageSize(1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_signing_certificates" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.#", "8"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.7.certificate_id", "USER3CERT1"),
			resource.TestCheckResourceAttr(sgAddr, "compliant", "true"),
		),
	})
	reads := srv.Operations("ListUsers") / 4
	if n := srv.Operations("ListSigningCertificates"); reads == 0 || n != 8*reads {
		t.Errorf("ListSigningCertificates calls = %d, want 2 pages x 4 users x %d reads", n, reads)
	}
}

// TestSigningCertificatesDeniedItem: one user's certificates are refused;
// the others are judged and IG806 names the user and the permission.
func TestSigningCertificatesDeniedItem(t *testing.T) {
	weak := certtest.Issue(t, certtest.Cert{Key: certtest.RSA(t, 1024)}).PEM
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", Created: daysAgo(10), SigningCertificates: []iamtest.SigningCertificate{{ID: "ALICECERT1", Body: weak, Uploaded: daysAgo(1)}}},
		{Name: "bob", Created: daysAgo(10), SigningCertificates: []iamtest.SigningCertificate{{ID: "BOBCERT1", Body: weak, Uploaded: daysAgo(1)}}},
	}})
	srv.FailItem("ListSigningCertificates", "UserName", "bob", iamtest.AccessDenied)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_signing_certificates" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.#", "1"),
			resource.TestCheckResourceAttr(sgAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(sgAddr, "findings.0.rule_id", "IG502"),
			resource.TestCheckResourceAttr(sgAddr, "findings.0.subject", "ALICECERT1"),
			resource.TestCheckResourceAttr(sgAddr, "findings.1.rule_id", "IG806"),
			resource.TestCheckResourceAttr(sgAddr, "findings.1.subject", "bob"),
			resource.TestCheckResourceAttr(sgAddr, "findings.1.message",
				`the signing certificates of user "bob" could not be read (ListSigningCertificates was denied: grant iam:ListSigningCertificates); IG502 (signing-certificate-weak), IG808 (signing-certificate-active-unused) not judged`),
		),
	})
}

// TestSigningCertificatesReportDenied: without the credential report every
// user is listed, and the root user's certificates are a gap.
func TestSigningCertificatesReportDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", Created: daysAgo(10)}, {Name: "bob", Created: daysAgo(10)},
	}})
	srv.Fail("GenerateCredentialReport", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_signing_certificates" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.#", "0"),
			resource.TestCheckResourceAttr(sgAddr, "findings.#", "1"),
			resource.TestCheckResourceAttr(sgAddr, "findings.0.subject", "<root_account>"),
			resource.TestMatchResourceAttr(sgAddr, "findings.0.message", regexp.MustCompile(
				`^the root user's signing certificates could not be read \(GenerateCredentialReport was denied: grant iam:GenerateCredentialReport\)`)),
		),
	})
	reads := srv.Operations("ListUsers")
	if n := srv.Operations("ListSigningCertificates"); reads == 0 || n != 2*reads {
		t.Errorf("ListSigningCertificates calls = %d, want every user listed (%d)", n, 2*reads)
	}
}

func TestSigningCertificatesUserFilter(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", SigningCertificates: []iamtest.SigningCertificate{{ID: "ALICECERT1", Body: signingCert(t)}}},
		{Name: "bob", SigningCertificates: []iamtest.SigningCertificate{{ID: "BOBCERT1", Body: "garbage"}}},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_signing_certificates" "test" { user_name = "alice" }`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.#", "1"),
			resource.TestCheckResourceAttr(sgAddr, "compliant", "true"),
		),
	})
	if n := srv.Calls("ListUsers") + srv.Calls("GenerateCredentialReport"); n != 0 {
		t.Errorf("%d ListUsers or report calls with user_name set", n)
	}
}

func TestSigningCertificatesListingDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{{Name: "alice"}}})
	srv.Fail("ListUsers", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config:      providerBlock(srv, "") + `data "iamguard_signing_certificates" "test" {}`,
		ExpectError: regexp.MustCompile(`(?s)Cannot read signing certificates.*permission\s+iam:ListUsers`),
	})
}
