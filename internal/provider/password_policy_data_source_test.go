package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

const ppAddr = "data.iamguard_password_policy.test"

func strongPolicy() *iamtest.PasswordPolicy {
	return &iamtest.PasswordPolicy{
		MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true,
		RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
		AllowUsersToChangePassword: true, MaxPasswordAge: 90, PasswordReusePrevention: 24,
	}
}

func TestPasswordPolicyCompliant(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, PasswordPolicy: strongPolicy()})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_password_policy" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(ppAddr, "exists", "true"),
			resource.TestCheckResourceAttr(ppAddr, "minimum_password_length", "14"),
			resource.TestCheckResourceAttr(ppAddr, "max_password_age", "90"),
			resource.TestCheckResourceAttr(ppAddr, "password_reuse_prevention", "24"),
			resource.TestCheckResourceAttr(ppAddr, "require_symbols", "true"),
			resource.TestCheckResourceAttr(ppAddr, "hard_expiry", "false"),
			resource.TestCheckResourceAttr(ppAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(ppAddr, "findings.#", "0"),
		),
	})
}

// TestPasswordPolicyMissing: no policy means AWS's default applies, and is
// judged with the linter's rule IDs.
func TestPasswordPolicyMissing(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_password_policy" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(ppAddr, "exists", "false"),
			resource.TestCheckResourceAttr(ppAddr, "minimum_password_length", "8"),
			resource.TestCheckResourceAttr(ppAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(ppAddr, "findings.#", "8"),
			resource.TestCheckResourceAttr(ppAddr, "findings.0.rule_id", "IG101"),
			resource.TestCheckResourceAttr(ppAddr, "findings.0.rule", "password-min-length"),
			resource.TestCheckResourceAttr(ppAddr, "findings.0.severity", "high"),
			resource.TestCheckResourceAttr(ppAddr, "findings.0.subject", "account"),
			resource.TestCheckResourceAttr(ppAddr, "findings.0.message", "minimum_password_length is 8; the baseline requires at least 14"),
			resource.TestCheckResourceAttr(ppAddr, "findings.5.rule_id", "IG106"),
			resource.TestCheckResourceAttr(ppAddr, "findings.6.rule_id", "IG107"),
			resource.TestCheckResourceAttr(ppAddr, "findings.7.rule_id", "IG110"),
		),
	})
}

// TestPasswordPolicyWeak judges a custom policy against a baseline block.
func TestPasswordPolicyWeak(t *testing.T) {
	p := strongPolicy()
	p.MinimumPasswordLength, p.MaxPasswordAge, p.PasswordReusePrevention = 10, 365, 5
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, PasswordPolicy: p})
	run(t, resource.TestStep{
		Config: providerBlock(srv, `
  baseline {
    password_min_length   = 10
    password_max_age_days = 180
  }`) + `data "iamguard_password_policy" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(ppAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(ppAddr, "findings.#", "2"),
			resource.TestCheckResourceAttr(ppAddr, "findings.0.rule_id", "IG106"),
			resource.TestCheckResourceAttr(ppAddr, "findings.0.message", "password_reuse_prevention is 5; the baseline requires 24"),
			resource.TestCheckResourceAttr(ppAddr, "findings.1.rule_id", "IG107"),
			resource.TestCheckResourceAttr(ppAddr, "findings.1.message", "max_password_age is 365 days; the baseline allows at most 180"),
		),
	})
}

func TestPasswordPolicyDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, PasswordPolicy: strongPolicy()})
	srv.Fail("GetAccountPasswordPolicy", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config:      providerBlock(srv, "") + `data "iamguard_password_policy" "test" {}`,
		ExpectError: regexp.MustCompile(`(?s)Cannot read the account password policy.*lack the\s+permission\s+iam:GetAccountPasswordPolicy`),
	})
}

// TestPasswordPolicyThrottled: throttling that outlives max_retries (1) is
// an error, never a pass.
func TestPasswordPolicyThrottled(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, PasswordPolicy: strongPolicy()})
	srv.Fail("GetAccountPasswordPolicy", iamtest.Throttling, -1)
	run(t, resource.TestStep{
		Config:      providerBlock(srv, "") + `data "iamguard_password_policy" "test" {}`,
		ExpectError: regexp.MustCompile(`(?s)AWS kept throttling\s+GetAccountPasswordPolicy`),
	})
	if n := srv.Calls("GetAccountPasswordPolicy"); n != 2 {
		t.Errorf("GetAccountPasswordPolicy calls = %d, want 2 (max_retries = 1)", n)
	}
}
