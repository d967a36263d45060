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
// refused is an IG806 and the report is still judged; one that fails
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
	denied := &awsiam.Error{Service: "iam", Action: "GetAccountSummary", Code: "AccessDenied", Status: 403, Err: errors.New("denied")}
	_, fs, err := c.credentialReportArea(context.Background(), rep, summary(denied), nil)
	if err != nil || len(fs) == 0 || fs[0].RuleID.ValueString() != rules.CheckIncomplete.ID || c.compliant(fs).ValueBool() {
		t.Errorf("summary denied: got %v, %+v; want IG806 findings", err, fs)
	}
}
