package provider

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
)

// The parity tests put the same facts through both front ends, a planned
// resource through iamguard lint and the live account (iamtest) through the
// data source under the real Terraform CLI, and want the same rule IDs,
// severities and messages from each.

// verdict is a finding as both front ends can show it.
type verdict struct{ RuleID, Severity, Message string }

func (v verdict) String() string { return v.RuleID + " " + v.Severity + ": " + v.Message }

// lintVerdicts lints a one-resource-type plan and returns its findings,
// without repeats (a per-user finding sits on each of the user's keys),
// ordered by rule ID and message.
func lintVerdicts(t *testing.T, changes []map[string]any, rename map[string]string) []verdict {
	t.Helper()
	doc, err := json.Marshal(map[string]any{
		"format_version": "1.2", "terraform_version": "1.8.5",
		"timestamp": testNow.Format(time.RFC3339), "resource_changes": changes,
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Read(strings.NewReader(string(doc)), lint.ResourceTypes)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[verdict]bool{}
	var out []verdict
	for _, f := range lint.Lint(p, lint.Options{}).Findings {
		msg := f.Message
		for from, to := range rename {
			msg = strings.ReplaceAll(msg, from, to)
		}
		v := verdict{f.Rule.ID, f.Severity.String(), msg}
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sortVerdicts(out)
	return out
}

func sortVerdicts(vs []verdict) {
	sort.Slice(vs, func(i, j int) bool { return vs[i].String() < vs[j].String() })
}

// sameVerdicts checks that the data source at addr found exactly want.
func sameVerdicts(addr string, want []verdict) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		a := rs.Primary.Attributes
		var got []verdict
		for i := 0; a[fmt.Sprintf("findings.%d.rule_id", i)] != ""; i++ {
			at := func(k string) string { return a[fmt.Sprintf("findings.%d.%s", i, k)] }
			got = append(got, verdict{at("rule_id"), at("severity"), at("message")})
		}
		sortVerdicts(got)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("the data source found\n  %v\nthe linter found\n  %v", got, want)
		}
		return nil
	}
}

func TestParityPasswordPolicy(t *testing.T) {
	for name, p := range map[string]iamtest.PasswordPolicy{
		"weak": {MinimumPasswordLength: 8, RequireLowercaseCharacters: true, MaxPasswordAge: 180,
			PasswordReusePrevention: 5, AllowUsersToChangePassword: false},
		"strong": {MinimumPasswordLength: 16, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true,
			RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, MaxPasswordAge: 60, PasswordReusePrevention: 24},
	} {
		t.Run(name, func(t *testing.T) {
			after := map[string]any{
				"minimum_password_length":        p.MinimumPasswordLength,
				"require_symbols":                p.RequireSymbols,
				"require_numbers":                p.RequireNumbers,
				"require_uppercase_characters":   p.RequireUppercaseCharacters,
				"require_lowercase_characters":   p.RequireLowercaseCharacters,
				"allow_users_to_change_password": p.AllowUsersToChangePassword,
				"max_password_age":               p.MaxPasswordAge,
				"password_reuse_prevention":      p.PasswordReusePrevention,
				"hard_expiry":                    false,
			}
			want := lintVerdicts(t, []map[string]any{{
				"address": "aws_iam_account_password_policy.this", "mode": "managed",
				"type": "aws_iam_account_password_policy", "name": "this",
				"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": after, "after_unknown": map[string]any{}},
			}}, nil)
			if name == "weak" && len(want) < 5 || name == "strong" && len(want) != 0 {
				t.Fatalf("the linter found %v: the case does not test what it says", want)
			}
			srv := iamtest.New(t, &iamtest.Account{Now: testNow, PasswordPolicy: &p})
			run(t, resource.TestStep{
				Config: providerBlock(srv, "") + `data "iamguard_password_policy" "test" {}`,
				Check:  sameVerdicts("data.iamguard_password_policy.test", want),
			})
		})
	}
}

// TestParityAccessKeys: a user with two active keys, one older than 90
// days. A plan names keys by address and AWS by key ID, so the linter's
// messages are compared with each address read as the key's ID.
func TestParityAccessKeys(t *testing.T) {
	keys := []iamtest.AccessKey{
		{ID: "AKIAPARITY000000001", Created: daysAgo(120), LastUsed: daysAgo(1)},
		{ID: "AKIAPARITY000000002", Created: daysAgo(10), LastUsed: daysAgo(2)},
	}
	var changes []map[string]any
	rename := map[string]string{}
	for i, k := range keys {
		addr := fmt.Sprintf("aws_iam_access_key.deploy[%d]", i)
		rename[addr] = k.ID
		state := map[string]any{"id": k.ID, "user": "deploy", "status": "Active", "pgp_key": "keybase:ops",
			"create_date": k.Created.Format(time.RFC3339)}
		changes = append(changes, map[string]any{
			"address": addr, "mode": "managed", "type": "aws_iam_access_key", "name": "deploy", "index": i,
			"change": map[string]any{"actions": []string{"no-op"}, "before": state, "after": state, "after_unknown": map[string]any{}},
		})
	}
	want := lintVerdicts(t, changes, rename)
	if len(want) != 2 {
		t.Fatalf("the linter found %v, want IG203 and IG204", want)
	}
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{{Name: "deploy", AccessKeys: keys}}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_access_keys" "test" {}`,
		Check:  sameVerdicts(akAddr, want),
	})
}
