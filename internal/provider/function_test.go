package provider

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// runFunctionTest drives provider functions through the real Terraform CLI.
// Functions need no AWS, so this is a unit test (no TF_ACC), but it still
// needs the CLI: without TF_ACC_TERRAFORM_PATH terraform-plugin-testing
// would download one or exit the test binary.
func runFunctionTest(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set (make test sets it)")
	} else if _, err := os.Stat(p); err != nil {
		t.Skipf("TF_ACC_TERRAFORM_PATH: %v", err)
	}
	isolateAWS(t)
	// Serve the provider at its real address, so the test configurations
	// declare it as users do: source = "iamguard/iamguard".
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "iamguard")
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: factories(),
		Steps:                    steps,
	})
}

// finding is the expected value of one element of a function's findings.
func finding(id, slug, severity, message string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"rule_id":  knownvalue.StringExact(id),
		"rule":     knownvalue.StringExact(slug),
		"severity": knownvalue.StringExact(severity),
		"message":  knownvalue.StringExact(message),
	})
}

// noFindings is an empty findings list (never null).
var noFindings = knownvalue.ListExact([]knownvalue.Check{})

// errorText matches an error message however Terraform wraps its lines.
func errorText(msg string) *regexp.Regexp {
	return regexp.MustCompile(strings.Join(strings.Fields(regexp.QuoteMeta(msg)), `\s+`))
}
