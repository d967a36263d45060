package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// TestCheckBlockForms proves what the docs say about check blocks: a data
// source declared inside a check block turns even a failed read into a
// warning, while one declared outside and referenced from the check stops
// the plan.
func TestCheckBlockForms(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	srv.Fail("GetAccountPasswordPolicy", iamtest.AccessDenied, -1)
	run(t,
		resource.TestStep{
			Config: providerBlock(srv, "") + `
check "scoped" {
  data "iamguard_password_policy" "inside" {}
  assert {
    condition     = data.iamguard_password_policy.inside.compliant
    error_message = "not compliant"
  }
}`,
			// No error: the failed read is a warning, and Terraform plans to
			// read the scoped data source again at every apply.
			ExpectNonEmptyPlan: true,
		},
		resource.TestStep{
			Config: providerBlock(srv, "") + `
data "iamguard_password_policy" "outside" {}
check "referenced" {
  assert {
    condition     = data.iamguard_password_policy.outside.compliant
    error_message = "not compliant"
  }
}`,
			ExpectError: regexp.MustCompile(`(?s)Cannot read the account password policy.*iam:GetAccountPasswordPolicy`),
		},
	)
	if n := srv.Calls("GetAccountPasswordPolicy"); n == 0 {
		t.Error("the scoped data source was never read")
	}
}
