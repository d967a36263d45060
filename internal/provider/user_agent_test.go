package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// TestProviderUserAgent: every AWS call names the provider and the version
// it was built as (main.version, set by the release's ldflags; "test" here).
func TestProviderUserAgent(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_password_policy" "test" {}`,
		Check:  resource.TestCheckResourceAttr("data.iamguard_password_policy.test", "exists", "false"),
	})
	calls := srv.Requests("GetAccountPasswordPolicy")
	if len(calls) == 0 {
		t.Fatal("GetAccountPasswordPolicy was never called")
	}
	for _, c := range calls {
		if !strings.Contains(c.UserAgent, "terraform-provider-iamguard/test") {
			t.Errorf("User-Agent %q does not name the provider's version", c.UserAgent)
		}
	}
}
