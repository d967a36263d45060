package provider

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// TestCredentialReportAreaSummaryFailed: an account summary that is
// refused or still throttled is an IG806 and the report is still judged; one that fails
// otherwise (a service error) fails the area, never passing as a gap.
func TestCredentialReportAreaSummaryFailed(t *testing.T) {
	c := &client{baseline: rules.DefaultBaseline(), now: func() time.Time { return testNow }, compliantAt: rules.Low}
	rep := &awsiam.CredentialReport{GeneratedTime: testNow.Add(-time.Hour)}
	summary := func(err error) func() (rules.AccountSummary, error) {
		return func() (rules.AccountSummary, error) { return rules.AccountSummary{}, err }
	}
	failed := &awsiam.Error{Service: "iam", Action: "GetAccountSummary", Code: "ServiceFailure", Status: 500, Err: errors.New("internal error")}
	if _, fs, err := c.credentialReportArea(context.Background(), rep, summary(failed), nil); !errors.Is(err, failed) {
		t.Errorf("summary failed: got %v, %+v; want the error", err, fs)
	}
	for _, code := range []string{"AccessDenied", "Throttling"} {
		gap := &awsiam.Error{Service: "iam", Action: "GetAccountSummary", Code: code, Status: 400, Err: errors.New(code)}
		_, fs, err := c.credentialReportArea(context.Background(), rep, summary(gap), nil)
		if err != nil || len(fs) == 0 || fs[0].RuleID.ValueString() != rules.CheckIncomplete.ID || c.compliant(fs).ValueBool() {
			t.Errorf("summary %s: got %v, %+v; want IG806 findings", code, err, fs)
		}
	}
}

// TestCredentialUserCertificatesListed: only a certificate slot with a
// rotation date is one the report lists; an N/A slot is not, so that a
// certificate the account summary shows is still judged for root (IG804).
func TestCredentialUserCertificatesListed(t *testing.T) {
	u := awsiam.ReportUser{User: rules.RootUserName, Certs: [2]awsiam.ReportCert{
		{Active: rules.Known(false), LastRotated: testNow.AddDate(-1, 0, 0)}, {Active: rules.Known(false)}}}
	if got := credentialUser(u); got.CertificatesListed != 1 || len(got.Certificates) != 2 {
		t.Errorf("got %d listed of %d, want 1 of 2", got.CertificatesListed, len(got.Certificates))
	}
}
