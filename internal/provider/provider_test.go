package provider

import (
	"fmt"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/awsiam"
	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// testNow is the clock of every acceptance test and of its fake account.
var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func daysAgo(n int) time.Time { return testNow.AddDate(0, 0, -n) }

// factories serve a provider whose clock is testNow and whose report polling
// is quick; each of set changes it further.
func factories(set ...func(*iamguardProvider)) map[string]func() (tfprotov6.ProviderServer, error) {
	p := &iamguardProvider{
		version: "test",
		now:     func() time.Time { return testNow },
		report:  awsiam.ReportOptions{MinInterval: 5 * time.Millisecond, Timeout: 20 * time.Second},
	}
	for _, f := range set {
		f(p)
	}
	return map[string]func() (tfprotov6.ProviderServer, error){
		"iamguard": providerserver.NewProtocol6WithError(p),
	}
}

// preCheck keeps the developer's AWS settings out of the test and skips
// when terraform-plugin-testing cannot run (it would otherwise download
// Terraform or exit the test binary). `make test` sets both variables.
func preCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH (make test does)")
	}
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set (make test sets it)")
	} else if _, err := os.Stat(p); err != nil {
		t.Skipf("TF_ACC_TERRAFORM_PATH: %v", err)
	}
	isolateAWS(t)
}

// isolateAWS clears every AWS_* setting the SDK would otherwise read.
func isolateAWS(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		for i := 0; i < len(kv); i++ {
			if kv[i] == '=' {
				if name := kv[:i]; len(name) > 4 && name[:4] == "AWS_" {
					t.Setenv(name, "")
					os.Unsetenv(name)
				}
				break
			}
		}
	}
	none := t.TempDir() + "/none"
	t.Setenv("AWS_CONFIG_FILE", none)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", none)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

// providerBlock points the provider at srv with test credentials; extra is
// added inside the block.
func providerBlock(srv *iamtest.Server, extra string) string {
	return fmt.Sprintf(`
provider "iamguard" {
  access_key  = "AKIAIOSFODNN7EXAMPLE"
  secret_key  = "test-secret-never-printed"
  max_retries = 1
  endpoints {
    iam = %q
    sts = %q
  }
%s
}
`, srv.URL, srv.URL, extra)
}

func run(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { preCheck(t) },
		ProtoV6ProviderFactories: factories(),
		Steps:                    steps,
	})
}

func TestProviderConfigErrors(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	for name, c := range map[string]struct{ block, want string }{
		"access key alone": {`provider "iamguard" {
  access_key = "AKIAIOSFODNN7EXAMPLE"
}`, `secret_key must be set too`},
		"bad threshold": {`provider "iamguard" {
  baseline {
    password_min_length = 0
  }
}`, `baseline.password_min_length must be from 1 to 128.`},
		// Each name of a certificate is matched against each pattern
		// (round 132).
		"too many domain patterns": {`provider "iamguard" {
  baseline {
    allowed_certificate_domains = [for i in range(1001) : "*.d${i}.example.com"]
  }
}`, `allowed_certificate_domains has 1001 patterns; it takes at most 1000`},
		"assume role without ARN": {`provider "iamguard" {
  assume_role {
    session_name = "x"
  }
}`, `An assume_role block needs role_arn`},
		"bad duration": {`provider "iamguard" {
  assume_role {
    role_arn = "arn:aws:iam::123456789012:role/r"
    duration = "5m"
  }
}`, `must be a Go duration from 15m to 12h`},
		"missing profile": {`provider "iamguard" {
  profile = "nope"
}`, `Invalid AWS configuration`},
	} {
		t.Run(name, func(t *testing.T) {
			run(t, resource.TestStep{
				Config:      c.block + "\ndata \"iamguard_password_policy\" \"test\" {}\n",
				ExpectError: regexp.MustCompile(c.want),
			})
		})
	}
	if n := srv.TotalCalls(); n != 0 {
		t.Errorf("a misconfigured provider made %d calls", n)
	}
}

// TestProviderEnvironment configures the provider only through the
// environment variables the hashicorp/aws provider reads.
func TestProviderEnvironment(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	srv.Fail("GetAccountPasswordPolicy", iamtest.Throttling, 1)
	run(t, resource.TestStep{
		PreConfig: func() {
			t.Setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
			t.Setenv("AWS_SECRET_ACCESS_KEY", "test-secret-never-printed")
			t.Setenv("AWS_DEFAULT_REGION", "eu-west-1")
			t.Setenv("AWS_MAX_ATTEMPTS", "1") // so the one throttled call is final
			t.Setenv("AWS_ENDPOINT_URL_IAM", srv.URL)
			t.Setenv("AWS_ENDPOINT_URL_STS", srv.URL)
		},
		Config:      `data "iamguard_password_policy" "test" {}`,
		ExpectError: regexp.MustCompile(`AWS kept throttling GetAccountPasswordPolicy`),
	})
	if n := srv.Calls("GetAccountPasswordPolicy"); n != 1 {
		t.Errorf("GetAccountPasswordPolicy calls = %d, want 1 (AWS_MAX_ATTEMPTS=1)", n)
	}
}

// TestProviderAssumeRole reads through credentials from STS AssumeRole.
func TestProviderAssumeRole(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	run(t, resource.TestStep{
		Config: providerBlock(srv, `
  assume_role {
    role_arn     = "arn:aws:iam::123456789012:role/auditor"
    session_name = "iamguard"
    external_id  = "x-123"
    duration     = "1h"
  }`) + `data "iamguard_password_policy" "test" {}`,
		Check: resource.TestCheckResourceAttr("data.iamguard_password_policy.test", "exists", "false"),
	})
	if n := srv.Calls("AssumeRole"); n == 0 {
		t.Error("AssumeRole was never called")
	}
}

// TestProviderAssumeRoleDenied: a refused AssumeRole is named as such, not
// blamed on the IAM action that needed the credentials.
func TestProviderAssumeRoleDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	srv.Fail("AssumeRole", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, `
  assume_role {
    role_arn = "arn:aws:iam::123456789012:role/auditor"
  }`) + `data "iamguard_password_policy" "test" {}`,
		ExpectError: regexp.MustCompile(`(?s)AWS refused AssumeRole.*permission\s+sts:AssumeRole.*trust\s+policy`),
	})
	if n := srv.Calls("GetAccountPasswordPolicy"); n != 0 {
		t.Errorf("GetAccountPasswordPolicy reached the server %d times without credentials", n)
	}
}
