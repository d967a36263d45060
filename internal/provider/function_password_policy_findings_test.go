package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func strongPolicyVariable() config.Variable { return strongPolicyOfLength(14) }

func strongPolicyOfLength(n int) config.Variable {
	return config.ObjectVariable(map[string]config.Variable{
		"minimum_password_length":        config.IntegerVariable(n),
		"require_uppercase_characters":   config.BoolVariable(true),
		"require_lowercase_characters":   config.BoolVariable(true),
		"require_numbers":                config.BoolVariable(true),
		"require_symbols":                config.BoolVariable(true),
		"max_password_age":               config.IntegerVariable(90),
		"password_reuse_prevention":      config.IntegerVariable(24),
		"allow_users_to_change_password": config.BoolVariable(true),
		"hard_expiry":                    config.BoolVariable(false),
	})
}

func TestPasswordPolicyFindings(t *testing.T) {
	known := config.TestNameFile("test.tf")
	// Every argument omitted: judged as the linter judges the resource with
	// every argument omitted (AWS's API defaults, users may change passwords).
	omitted := []knownvalue.Check{
		finding("IG101", "password-min-length", "high", "minimum_password_length is 6; the baseline requires at least 14"),
		finding("IG102", "password-require-uppercase", "medium", "require_uppercase_characters is false; the baseline requires it"),
		finding("IG103", "password-require-lowercase", "medium", "require_lowercase_characters is false; the baseline requires it"),
		finding("IG104", "password-require-numbers", "medium", "require_numbers is false; the baseline requires it"),
		finding("IG105", "password-require-symbols", "medium", "require_symbols is false; the baseline requires it"),
		finding("IG106", "password-reuse-prevention", "medium", "password_reuse_prevention is not set, so passwords may be reused; the baseline requires 24"),
		finding("IG107", "password-max-age", "medium", "passwords never expire (max_password_age not set); the baseline requires at most 90 days"),
	}
	runFunctionTest(t,
		resource.TestStep{
			ConfigFile:      known,
			ConfigVariables: config.Variables{"policy": strongPolicyVariable()},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("findings", noFindings),
				statecheck.ExpectKnownOutputValue("default_baseline", noFindings),
			},
		},
		resource.TestStep{
			ConfigFile:      known,
			ConfigVariables: config.Variables{"policy": config.ObjectVariable(map[string]config.Variable{})},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("findings", knownvalue.ListExact(omitted)),
			},
		},
		// A length of 0 the AWS provider leaves out, as it does every zero:
		// IAM applies its default of 6. Of a number past 32 bits it sends
		// the low 32: IAM gets 6. Both are judged as the linter judges them.
		resource.TestStep{
			ConfigFile:      known,
			ConfigVariables: config.Variables{"policy": strongPolicyOfLength(0)},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("findings", knownvalue.ListExact([]knownvalue.Check{
					finding("IG101", "password-min-length", "high",
						"minimum_password_length is 6 (0 given, which the AWS provider leaves out: IAM's default); the baseline requires at least 14"),
				})),
			},
		},
		resource.TestStep{
			ConfigFile:      known,
			ConfigVariables: config.Variables{"policy": strongPolicyOfLength(1<<32 + 6)},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("findings", knownvalue.ListExact([]knownvalue.Check{
					finding("IG101", "password-min-length", "high",
						"minimum_password_length is 6 (4294967302 given, of which the AWS provider sends only the low 32 bits); the baseline requires at least 14"),
				})),
			},
		},
		// Null attributes are omitted ones; strings convert as Terraform
		// converts them; the baseline moves the bars.
		resource.TestStep{
			ConfigFile: known,
			ConfigVariables: config.Variables{
				"policy": config.ObjectVariable(map[string]config.Variable{
					"minimum_password_length":        config.StringVariable("10"),
					"require_uppercase_characters":   config.BoolVariable(true),
					"require_lowercase_characters":   config.StringVariable("true"),
					"require_numbers":                config.BoolVariable(true),
					"require_symbols":                config.BoolVariable(true),
					"max_password_age":               config.IntegerVariable(365),
					"password_reuse_prevention":      config.IntegerVariable(5),
					"allow_users_to_change_password": config.BoolVariable(false),
					"hard_expiry":                    config.StringVariable("false"),
				}),
				"baseline": config.ObjectVariable(map[string]config.Variable{
					"password_min_length":   config.IntegerVariable(10),
					"password_max_age_days": config.IntegerVariable(180),
				}),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("findings", knownvalue.ListExact([]knownvalue.Check{
					finding("IG106", "password-reuse-prevention", "medium", "password_reuse_prevention is 5; the baseline requires 24"),
					finding("IG107", "password-max-age", "medium", "max_password_age is 365 days; the baseline allows at most 180"),
					finding("IG110", "password-change-disallowed", "low", "allow_users_to_change_password is false: users cannot change their own password"),
				})),
				statecheck.ExpectKnownOutputValue("default_baseline", knownvalue.ListSizeExact(4)),
			},
		},
	)
}

func TestPasswordPolicyFindingsNull(t *testing.T) {
	runFunctionTest(t, resource.TestStep{
		ConfigFile:  config.TestNameFile("test.tf"),
		ExpectError: errorText("policy is null: pass an object with the arguments of aws_iam_account_password_policy"),
	})
}

// TestPasswordPolicyFindingsUnknown: a policy, an attribute of it, or a
// baseline setting known only after apply makes the findings unknown.
func TestPasswordPolicyFindingsUnknown(t *testing.T) {
	runFunctionTest(t, resource.TestStep{
		ConfigFile: config.TestNameFile("test.tf"),
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectUnknownOutputValue("attribute_unknown"),
			plancheck.ExpectUnknownOutputValue("policy_unknown"),
			plancheck.ExpectUnknownOutputValue("baseline_unknown"),
			plancheck.ExpectKnownOutputValue("known", knownvalue.ListSizeExact(7)),
			plancheck.ExpectKnownOutputValue("computed_unknown", knownvalue.ListSizeExact(7)),
		}},
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("attribute_unknown", knownvalue.ListSizeExact(6)),
			statecheck.ExpectKnownOutputValue("policy_unknown", knownvalue.ListSizeExact(6)),
			statecheck.ExpectKnownOutputValue("baseline_unknown", knownvalue.ListSizeExact(7)),
		},
	})
}

func TestPasswordPolicyFindingsBad(t *testing.T) {
	bad := config.StaticFile("testdata/TestPasswordPolicyFindingsBad/test.tf") // subtests share it
	for name, c := range map[string]struct {
		vars config.Variables
		want string
	}{
		"not an object": {config.Variables{"policy": config.StringVariable("minimum_password_length=14")},
			"policy must be an object with the arguments of aws_iam_account_password_policy"},
		"unknown attribute": {config.Variables{"policy": config.ObjectVariable(map[string]config.Variable{
			"minimum_length": config.IntegerVariable(14)})},
			"policy has an attribute that aws_iam_account_password_policy does not take; its arguments are minimum_password_length, require_uppercase_characters"},
		// A key is never quoted: it may be a sensitive value (round 132).
		"a key that is a secret": {config.Variables{"policy": config.ObjectVariable(map[string]config.Variable{
			"Hunter2secretPW": config.IntegerVariable(14)})},
			"policy has an attribute that aws_iam_account_password_policy does not take; its arguments are"},
		"a typo": {config.Variables{"policy": config.ObjectVariable(map[string]config.Variable{
			"minimum_password_lenght": config.IntegerVariable(14)})},
			"policy has an attribute that aws_iam_account_password_policy does not take (did you mean minimum_password_length?); its arguments are"},
		"fraction": {config.Variables{"policy": config.ObjectVariable(map[string]config.Variable{
			"minimum_password_length": config.FloatVariable(14.5)})},
			"policy.minimum_password_length must be a whole number"},
		"not a bool": {config.Variables{"policy": config.ObjectVariable(map[string]config.Variable{
			"require_symbols": config.StringVariable("yes")})},
			"policy.require_symbols must be true or false"},
		"baseline out of bounds": {config.Variables{
			"policy":   config.ObjectVariable(map[string]config.Variable{}),
			"baseline": config.ObjectVariable(map[string]config.Variable{"password_min_length": config.IntegerVariable(0)})},
			"baseline.password_min_length must be a whole number from 1 to 128"},
		"baseline unknown setting": {config.Variables{
			"policy":   config.ObjectVariable(map[string]config.Variable{}),
			"baseline": config.ObjectVariable(map[string]config.Variable{"min_length": config.IntegerVariable(14)})},
			"baseline has an attribute that is not a baseline setting; the settings are password_min_length,"},
		"baseline typo": {config.Variables{
			"policy":   config.ObjectVariable(map[string]config.Variable{}),
			"baseline": config.ObjectVariable(map[string]config.Variable{"min_rsa_bit": config.IntegerVariable(3072)})},
			"baseline has an attribute that is not a baseline setting (did you mean min_rsa_bits?); the settings are"},
		// Each name of a certificate is matched against each pattern
		// (round 132: 100,000 took 17 s).
		"baseline too many patterns": {config.Variables{
			"policy":   config.ObjectVariable(map[string]config.Variable{}),
			"baseline": config.ObjectVariable(map[string]config.Variable{"allowed_certificate_domains": manyPatterns(1001)})},
			"baseline.allowed_certificate_domains has 1001 patterns; it takes at most 1000"},
		"baseline not an object": {config.Variables{
			"policy":   config.ObjectVariable(map[string]config.Variable{}),
			"baseline": config.IntegerVariable(14)},
			"baseline must be an object such as { min_rsa_bits = 3072 }, or null for the defaults"},
	} {
		t.Run(name, func(t *testing.T) {
			runFunctionTest(t, resource.TestStep{ConfigFile: bad, ConfigVariables: c.vars, ExpectError: errorText(c.want)})
		})
	}
}

func manyPatterns(n int) config.Variable {
	out := make([]config.Variable, n)
	for i := range out {
		out[i] = config.StringVariable(fmt.Sprintf("*.d%d.example.com", i))
	}
	return config.ListVariable(out...)
}
