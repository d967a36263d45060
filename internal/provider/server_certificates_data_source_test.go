package provider

import (
	"crypto/x509"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

const scAddr = "data.iamguard_server_certificates.test"

// caIssued is a certificate for name issued by a test CA, with that CA as
// its chain: a certificate no server-certificate rule fires on.
func caIssued(t testing.TB, name string) iamtest.ServerCertificate {
	t.Helper()
	ca := certtest.Issue(t, certtest.Cert{CN: "iamguard test CA", CA: true})
	leaf := certtest.Issue(t, certtest.Cert{CN: name, DNSNames: []string{name}, Parent: ca, NotAfter: daysAgo(-200)})
	return iamtest.ServerCertificate{Name: strings.ReplaceAll(name, ".", "-"), Body: leaf.PEM, Chain: ca.PEM,
		Expiration: leaf.Cert.NotAfter, Uploaded: daysAgo(30)}
}

func TestServerCertificatesCompliant(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, ServerCertificates: []iamtest.ServerCertificate{
		caIssued(t, "www.example.com"), caIssued(t, "api.example.com"),
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_server_certificates" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(scAddr, "server_certificates.#", "2"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.name", "api-example-com"),
			resource.TestMatchResourceAttr(scAddr, "server_certificates.0.id", regexp.MustCompile(`^ASCA[0-9A-F]{17}$`)),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.arn", "arn:aws:iam::123456789012:server-certificate/api-example-com"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.path", "/"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.upload_date", "2026-05-02T12:00:00Z"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.expiration", "2026-12-18T12:00:00Z"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.days_to_expiry", "200"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.subject", "CN=api.example.com,O=iamguard tests"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.issuer", "CN=iamguard test CA,O=iamguard tests"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.sans.#", "1"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.sans.0", "api.example.com"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.key_algorithm", "ECDSA"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.key_bits", "256"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.signature_algorithm", "ECDSA-SHA256"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.self_signed", "false"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.chain_length", "1"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.chain_valid", "true"),
			resource.TestCheckResourceAttr(scAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(scAddr, "findings.#", "0"),
		),
	})
}

func TestServerCertificatesNonCompliant(t *testing.T) {
	rsa1024 := certtest.RSA(t, 1024)
	weak := certtest.Issue(t, certtest.Cert{Key: rsa1024, CN: "old.example.com", SigAlg: x509.SHA1WithRSA,
		NotBefore: daysAgo(400), NotAfter: daysAgo(3)}) // self-signed, no SAN
	otherCA := certtest.Issue(t, certtest.Cert{CN: "someone else", CA: true})
	good := caIssued(t, "shop.example.com")
	good.Name, good.Chain = "wrong-chain", otherCA.PEM
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, ServerCertificates: []iamtest.ServerCertificate{
		{Name: "legacy", Body: weak.PEM, Expiration: weak.Cert.NotAfter},
		good,
		{Name: "garbage", Body: "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n", Expiration: daysAgo(-10)},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, `
  baseline {
    allowed_certificate_domains = ["*.example.com"]
  }`) + `data "iamguard_server_certificates" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(scAddr, "server_certificates.#", "3"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.name", "garbage"),
			resource.TestCheckNoResourceAttr(scAddr, "server_certificates.0.subject"),
			resource.TestCheckNoResourceAttr(scAddr, "server_certificates.0.sans"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.days_to_expiry", "10"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.1.name", "legacy"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.1.days_to_expiry", "-3"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.1.key_algorithm", "RSA"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.1.key_bits", "1024"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.1.signature_algorithm", "SHA1-RSA"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.1.self_signed", "true"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.1.chain_length", "0"),
			resource.TestCheckNoResourceAttr(scAddr, "server_certificates.1.chain_valid"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.2.chain_valid", "false"),
			resource.TestCheckResourceAttr(scAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(scAddr, "findings.#", "7"),
			resource.TestCheckResourceAttr(scAddr, "findings.0.rule_id", "IG308"),
			resource.TestCheckResourceAttr(scAddr, "findings.0.subject", "garbage"),
			resource.TestCheckResourceAttr(scAddr, "findings.1.rule_id", "IG301"),
			resource.TestCheckResourceAttr(scAddr, "findings.1.subject", "legacy"),
			resource.TestCheckResourceAttr(scAddr, "findings.1.message", "the certificate expired on 2026-05-29, 3 days before plan time"),
			resource.TestCheckResourceAttr(scAddr, "findings.2.rule_id", "IG304"),
			resource.TestCheckResourceAttr(scAddr, "findings.3.rule_id", "IG305"),
			resource.TestCheckResourceAttr(scAddr, "findings.4.rule_id", "IG309"),
			resource.TestCheckResourceAttr(scAddr, "findings.5.rule_id", "IG310"),
			resource.TestCheckResourceAttr(scAddr, "findings.6.rule_id", "IG306"),
			resource.TestCheckResourceAttr(scAddr, "findings.6.subject", "wrong-chain"),
		),
	})
}

// TestServerCertificatesPaginated lists one certificate per page, and
// filters by path and name.
func TestServerCertificatesPaginated(t *testing.T) {
	acct := &iamtest.Account{Now: testNow}
	for i := range 6 {
		c := caIssued(t, fmt.Sprintf("site%d.example.com", i))
		if i%2 == 1 {
			c.Path = "/cloudfront/"
		}
		acct.ServerCertificates = append(acct.ServerCertificates, c)
	}
	srv := iamtest.New(t, acct)
	srv.SetPageSize(1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `
data "iamguard_server_certificates" "test" {}
data "iamguard_server_certificates" "cloudfront" {
  path_prefix = "/cloudfront/"
  name_regex  = "^site[0-3]-"
}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(scAddr, "server_certificates.#", "6"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.5.name", "site5-example-com"),
			resource.TestCheckResourceAttr(scAddr, "compliant", "true"),
			resource.TestCheckResourceAttr("data.iamguard_server_certificates.cloudfront", "server_certificates.#", "2"),
			resource.TestCheckResourceAttr("data.iamguard_server_certificates.cloudfront", "server_certificates.0.path", "/cloudfront/"),
			resource.TestCheckResourceAttr("data.iamguard_server_certificates.cloudfront", "server_certificates.1.name", "site3-example-com"),
		),
	})
	// Each read of the unfiltered source takes 6 pages and 6 bodies; the
	// filtered one 3 pages and 2 bodies (site5 is listed, not fetched).
	lists, gets := srv.Operations("ListServerCertificates"), srv.Operations("GetServerCertificate")
	if lists%9 != 0 || gets*9 != lists*8 {
		t.Errorf("ListServerCertificates %d, GetServerCertificate %d; want 9 pages and 8 bodies per read", lists, gets)
	}
}

// TestServerCertificatesDeniedItem: one certificate's body is refused; it
// is still listed, the others are judged, and IG806 names it.
func TestServerCertificatesDeniedItem(t *testing.T) {
	weak := certtest.Issue(t, certtest.Cert{Key: certtest.RSA(t, 1024), DNSNames: []string{"a.example.com"}})
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, ServerCertificates: []iamtest.ServerCertificate{
		{Name: "hidden", Body: weak.PEM, Expiration: weak.Cert.NotAfter},
		{Name: "weak", Body: weak.PEM, Expiration: weak.Cert.NotAfter},
	}})
	srv.FailItem("GetServerCertificate", "ServerCertificateName", "hidden", iamtest.AccessDenied)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_server_certificates" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(scAddr, "server_certificates.#", "2"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.name", "hidden"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.0.days_to_expiry", "365"),
			resource.TestCheckNoResourceAttr(scAddr, "server_certificates.0.key_bits"),
			resource.TestCheckResourceAttr(scAddr, "server_certificates.1.key_bits", "1024"),
			resource.TestCheckResourceAttr(scAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(scAddr, "findings.#", "3"),
			resource.TestCheckResourceAttr(scAddr, "findings.0.rule_id", "IG806"),
			resource.TestCheckResourceAttr(scAddr, "findings.0.subject", "hidden"),
			resource.TestMatchResourceAttr(scAddr, "findings.0.message", regexp.MustCompile(
				`^server certificate "hidden" could not be read \(GetServerCertificate was denied: grant iam:GetServerCertificate\); IG301 \(certificate-expired\), .*IG310 \(certificate-self-signed\) not judged$`)),
			resource.TestCheckResourceAttr(scAddr, "findings.1.rule_id", "IG304"),
			resource.TestCheckResourceAttr(scAddr, "findings.1.subject", "weak"),
			resource.TestCheckResourceAttr(scAddr, "findings.2.rule_id", "IG310"),
		),
	})
}

// TestServerCertificatesThrottledItem: a body still throttled after the
// retries is a gap like a denial, not a failed read.
func TestServerCertificatesThrottledItem(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, ServerCertificates: []iamtest.ServerCertificate{caIssued(t, "a.example.com")}})
	srv.FailItem("GetServerCertificate", "ServerCertificateName", "a-example-com", iamtest.Throttling)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_server_certificates" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(scAddr, "findings.#", "1"),
			resource.TestMatchResourceAttr(scAddr, "findings.0.message", regexp.MustCompile(`GetServerCertificate was still throttled after retries`)),
		),
	})
}

func TestServerCertificatesListingDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	srv.Fail("ListServerCertificates", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config:      providerBlock(srv, "") + `data "iamguard_server_certificates" "test" {}`,
		ExpectError: regexp.MustCompile(`(?s)Cannot read server certificates.*permission\s+iam:ListServerCertificates`),
	})
}

func TestServerCertificatesBadRegex(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	run(t, resource.TestStep{
		Config:      providerBlock(srv, "") + `data "iamguard_server_certificates" "test" { name_regex = "(" }`,
		ExpectError: regexp.MustCompile(`Invalid name_regex`),
	})
	if n := srv.TotalCalls() - srv.Calls("GetCallerIdentity"); n != 0 {
		t.Errorf("%d IAM calls with an invalid name_regex", n)
	}
}

// TestServerCertificatePastBudget: a read bounds its signature checks as a
// plan does (inspect.Budget): past it, the chain is not verified, and is
// neither valid nor compliant, nor is the certificate's own signature
// checked.
func TestServerCertificatePastBudget(t *testing.T) {
	c := caIssued(t, "www.example.com")
	cert := awsiam.ServerCertificate{Name: c.Name, Body: c.Body, Chain: c.Chain, Expiration: c.Expiration}
	if j := judgeServerCertificate(cert, testNow, rules.DefaultBaseline(), inspect.NewBudget()); len(j.found) != 0 || !j.model.ChainValid.ValueBool() ||
		j.model.SelfSigned != types.BoolValue(false) {
		t.Errorf("within the budget: %+v, chain valid %v, self-signed %v", j.found, j.model.ChainValid, j.model.SelfSigned)
	}
	j := judgeServerCertificate(cert, testNow, rules.DefaultBaseline(), new(inspect.Budget))
	if len(j.found) != 2 || j.found[0].Rule != rules.CertificateSelfSigned || j.found[1].Rule != rules.CertificateChainInvalid ||
		j.found[1].Severity != rules.Medium || j.model.ChainValid.ValueBool() || !j.model.SelfSigned.IsNull() {
		t.Errorf("past the budget: %+v, chain valid %v, self-signed %v; want IG310 and IG306 medium, not valid, self-signed null",
			j.found, j.model.ChainValid, j.model.SelfSigned)
	}
	// One that names itself is self-signed as far as it shows, checked or not.
	root := certtest.Issue(t, certtest.Cert{CN: "Own Root", CA: true})
	for _, b := range []*inspect.Budget{inspect.NewBudget(), new(inspect.Budget)} {
		j := judgeServerCertificate(awsiam.ServerCertificate{Name: "root", Body: root.PEM}, testNow, rules.DefaultBaseline(), b)
		if j.model.SelfSigned != types.BoolValue(true) {
			t.Errorf("a root, budget %v: self-signed %v, want true", b, j.model.SelfSigned)
		}
	}
}
