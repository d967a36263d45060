package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// TestSecretsStayOut runs a failing and a passing read with trace logging
// and checks that neither the secret key nor the session token appears in
// the logs (Terraform's and the provider's).
func TestSecretsStayOut(t *testing.T) {
	const secret, token = "test-secret-never-printed", "test-token-never-printed"
	logFile := filepath.Join(t.TempDir(), "tf.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	srv.Fail("GenerateCredentialReport", iamtest.AccessDenied, 1)
	// The secrets come in through variables: the test harness logs the
	// configuration text itself, which real users keep out of logs.
	cfg := `
variable "secret_key" {
  type      = string
  sensitive = true
}
variable "token" {
  type      = string
  sensitive = true
}
provider "iamguard" {
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = var.secret_key
  token      = var.token
  endpoints {
    iam = "` + srv.URL + `"
    sts = "` + srv.URL + `"
  }
}
data "iamguard_credential_report" "test" {}
`
	vars := config.Variables{"secret_key": config.StringVariable(secret), "token": config.StringVariable(token)}
	run(t,
		resource.TestStep{Config: cfg, ConfigVariables: vars, ExpectError: regexp.MustCompile(`iam:GenerateCredentialReport`)},
		resource.TestStep{Config: cfg, ConfigVariables: vars, Check: resource.TestCheckResourceAttrSet(crAddr, "generated_time")},
	)
	logs, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logs), "IAM read failed") {
		t.Fatal("the provider's own debug log is missing: is TF_ACC_LOG_PATH honoured?")
	}
	for _, s := range []string{secret, token} {
		if strings.Contains(string(logs), s) {
			t.Errorf("%q appears in the logs", s)
		}
	}
}
