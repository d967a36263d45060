package main

import (
	"strings"
	"testing"
)

// TestOpenTofuPlan: `tofu show -json` output is the same format as
// Terraform's. testdata/opentofu holds one configuration planned by
// OpenTofu 1.8.8 and by Terraform 1.8.5 (see main.tf there); both plans
// give the same findings.
func TestOpenTofuPlan(t *testing.T) {
	const dir = "testdata/opentofu/"
	tofu := lintCLI(t, nil, "lint", "--format", "json", dir+"plan.tofu.json")
	terraform := lintCLI(t, nil, "lint", "--format", "json", dir+"plan.terraform.json")
	if tofu.code != 1 || tofu.stderr != "" || terraform.code != 1 {
		t.Fatalf("exit %d (stderr %q) and %d: want findings from both plans", tofu.code, tofu.stderr, terraform.code)
	}
	tr, tf := decode(t, tofu), decode(t, terraform)
	if tr.Plan.TerraformVersion != "1.8.8" {
		t.Errorf("terraform_version %q: the fixture is not the OpenTofu 1.8.8 plan", tr.Plan.TerraformVersion)
	}
	got := func(r jsonReport) string {
		var out []string
		for _, f := range r.Findings {
			out = append(out, f.RuleID+" "+f.Address)
		}
		return strings.Join(out, "\n")
	}
	if got(tr) != got(tf) {
		t.Errorf("OpenTofu plan findings:\n%s\nTerraform plan findings:\n%s", got(tr), got(tf))
	}
	const want = "IG702 aws_cloudtrail.main,IG703 aws_cloudtrail.main,IG706 aws_cloudtrail.main," +
		"IG202 aws_iam_access_key.ci,IG101 aws_iam_account_password_policy.this,IG105 aws_iam_account_password_policy.this," +
		"IG106 aws_iam_account_password_policy.this,IG107 aws_iam_account_password_policy.this,IG601 aws_iam_user_login_profile.alice"
	if g := strings.ReplaceAll(got(tr), "\n", ","); g != want {
		t.Errorf("findings:\n%s\nwant:\n%s", g, want)
	}
	if tr.Summary.Resources != 4 {
		t.Errorf("%d resources judged, want 4 (password policy, access key, login profile, trail)", tr.Summary.Resources)
	}
}
