package provider

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/elliptic"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"golang.org/x/crypto/ssh"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// These tests call the functions' Run directly, without Terraform, for
// what the CLI-driven tests cannot see: parity with the linter over many
// policies, and the exact error text and logs for secret input.

// callFunction runs f with args (the variadic baseline left out) and
// returns the result, the error text and what f logged.
func callFunction(t *testing.T, f function.Function, ret attr.Value, args ...attr.Value) (attr.Value, string, string) {
	t.Helper()
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	args = append(args, types.TupleValueMust([]attr.Type{}, []attr.Value{}))
	resp := &function.RunResponse{Result: function.NewResultData(ret)}
	f.Run(ctx, function.RunRequest{Arguments: function.NewArgumentsData(args)}, resp)
	msg := ""
	if resp.Error != nil {
		msg = resp.Error.Error()
	}
	return resp.Result.Value(), msg, logs.String()
}

// TestPasswordPolicyFindingsMatchLint: for the same arguments, the function
// and iamguard lint (on a planned aws_iam_account_password_policy with
// those arguments, the others omitted) give the same findings.
func TestPasswordPolicyFindingsMatchLint(t *testing.T) {
	for i, policy := range []map[string]any{
		{},
		{"minimum_password_length": 14},
		{"minimum_password_length": 8, "require_symbols": true, "require_numbers": false},
		{"max_password_age": 365, "password_reuse_prevention": 5, "allow_users_to_change_password": false},
		{"max_password_age": 0, "password_reuse_prevention": 0, "hard_expiry": true},
		{"minimum_password_length": 14, "require_uppercase_characters": true, "require_lowercase_characters": true,
			"require_numbers": true, "require_symbols": true, "max_password_age": 90, "password_reuse_prevention": 24},
	} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			got := functionPasswordFindings(t, policy)
			want := lintPasswordFindings(t, policy)
			if i == 0 && len(want) != 7 {
				t.Fatalf("lint gives %d findings for an empty policy, want 7: is the plan judged at all?", len(want))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("policy %v:\nfunction:\n  %s\nlint:\n  %s", policy, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

func functionPasswordFindings(t *testing.T, policy map[string]any) []string {
	t.Helper()
	attrTypes, values := map[string]attr.Type{}, map[string]attr.Value{}
	for k, v := range policy {
		switch v := v.(type) {
		case int:
			attrTypes[k], values[k] = types.NumberType, types.NumberValue(big.NewFloat(float64(v)))
		case bool:
			attrTypes[k], values[k] = types.BoolType, types.BoolValue(v)
		}
	}
	arg := types.DynamicValue(types.ObjectValueMust(attrTypes, values))
	res, msg, _ := callFunction(t, passwordPolicyFindingsFunction{}, types.ListUnknown(functionFindingType), arg)
	if msg != "" {
		t.Fatal(msg)
	}
	var out []string
	for _, e := range res.(types.List).Elements() {
		a := e.(types.Object).Attributes()
		out = append(out, a["rule_id"].(types.String).ValueString()+" "+a["severity"].(types.String).ValueString()+" "+a["message"].(types.String).ValueString())
	}
	return out
}

func lintPasswordFindings(t *testing.T, policy map[string]any) []string {
	t.Helper()
	p := map[string]any{"format_version": "1.2", "terraform_version": "1.8.5",
		"resource_changes": []any{map[string]any{
			"address": "aws_iam_account_password_policy.this", "mode": "managed", "type": "aws_iam_account_password_policy", "name": "this",
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": policy,
				"after_unknown": map[string]any{"id": true, "expire_passwords": true}},
		}}}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := plan.Read(bytes.NewReader(data), lint.ResourceTypes)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range lint.Lint(pl, lint.Options{}).Findings {
		out = append(out, f.Rule.ID+" "+f.Severity.String()+" "+f.Message)
	}
	return out
}

// TestFunctionErrorsKeepSecrets passes private keys and broken material to
// certificate_info and ssh_public_key_info: the error says what is wrong
// and neither it nor the log quotes the input.
func TestFunctionErrorsKeepSecrets(t *testing.T) {
	const canary = "CANARYc2VjcmV0IGtleSBtYXRlcmlhbA"
	ec := certtest.EC(t, elliptic.P256())
	rsa := certtest.FreshRSA(t, 1024)
	ed := certtest.Ed25519(t)
	inputs := map[string]string{
		"PKCS#1":          certtest.PKCS1(rsa),
		"PKCS#8":          certtest.PKCS8(t, ec),
		"SEC1":            certtest.SEC1(t, ec),
		"OpenSSH private": openSSHPrivateKey(t, ed),
		"broken PEM":      "-----BEGIN CERTIFICATE-----\n" + canary + "\n-----END CERTIFICATE-----\n",
		"broken key":      "-----BEGIN RSA PRIVATE KEY-----\n" + canary + "\n-----END RSA PRIVATE KEY-----\n",
		"one line":        "ssh-rsa " + canary + " comment",
		"bare text":       canary,
	}
	for name, input := range inputs {
		secrets := []string{canary}
		for _, line := range strings.Split(input, "\n") {
			if len(line) >= 16 && !strings.HasPrefix(line, "-----") {
				secrets = append(secrets, line[:16], line[len(line)-16:])
			}
		}
		for fn, call := range map[string]func() (string, string){
			"certificate_info": func() (string, string) {
				_, msg, logs := callFunction(t, certificateInfoFunction{}, types.ObjectUnknown(certificateInfoType),
					types.StringValue(input), types.StringNull())
				return msg, logs
			},
			"ssh_public_key_info": func() (string, string) {
				_, msg, logs := callFunction(t, sshPublicKeyInfoFunction{}, types.ObjectUnknown(sshPublicKeyInfoType), types.StringValue(input))
				return msg, logs
			},
		} {
			msg, logs := call()
			if msg == "" {
				t.Errorf("%s(%s): no error", fn, name)
				continue
			}
			if !strings.Contains(logs, "provider function argument does not parse") {
				t.Errorf("%s(%s): the reason was not logged; logs: %s", fn, name, logs)
			}
			for _, s := range secrets {
				if strings.Contains(msg, s) || strings.Contains(logs, s) {
					t.Errorf("%s(%s): %q appears in the error or the log\nerror: %s", fn, name, s, msg)
				}
			}
		}
	}
}

// TestFunctionSecretsStayOut passes a private key by mistake to both key
// functions through the real CLI with trace logging: the errors say what is
// wrong, and no line of the key reaches Terraform's or the provider's log.
func TestFunctionSecretsStayOut(t *testing.T) {
	key := certtest.PKCS8(t, certtest.EC(t, elliptic.P256()))
	logFile := filepath.Join(t.TempDir(), "tf.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	runFunctionTest(t, resource.TestStep{
		ConfigFile:      config.TestNameFile("test.tf"),
		ConfigVariables: config.Variables{"private_key": config.StringVariable(key)},
		ExpectError:     regexp.MustCompile(`(?s)PEM block "PRIVATE KEY" is a private key`),
	})
	logs, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logs), "provider function argument does not parse") {
		t.Fatal("the provider's own debug log is missing: is TF_ACC_LOG_PATH honoured?")
	}
	for _, line := range strings.Split(key, "\n") {
		if len(line) >= 16 && !strings.HasPrefix(line, "-----") && strings.Contains(string(logs), line[:16]) {
			t.Errorf("a line of the private key appears in the logs")
		}
	}
}

// TestBaselineArgumentReadsEveryThreshold: the baseline argument takes
// every threshold the catalogue declares, with its bounds, and the domain
// list; nothing is listed by hand here.
func TestBaselineArgumentReadsEveryThreshold(t *testing.T) {
	ctx := context.Background()
	object := func(name string, v attr.Value) []types.Dynamic {
		return []types.Dynamic{types.DynamicValue(types.ObjectValueMust(map[string]attr.Type{name: v.Type(ctx)}, map[string]attr.Value{name: v}))}
	}
	number := func(n int) attr.Value { return types.NumberValue(big.NewFloat(float64(n))) }
	for _, th := range rules.Thresholds() {
		for _, n := range []int{th.Min, th.Max} {
			b, ferr := baselineArgument(ctx, 1, object(th.Name, number(n)))
			if ferr != nil || th.Get(b) != n {
				t.Errorf("%s = %d: got %d, error %v", th.Name, n, th.Get(b), ferr)
			}
		}
		for _, n := range []int{th.Min - 1, th.Max + 1} {
			if _, ferr := baselineArgument(ctx, 1, object(th.Name, number(n))); ferr == nil {
				t.Errorf("%s = %d was accepted", th.Name, n)
			}
		}
	}
	domains := types.TupleValueMust([]attr.Type{types.StringType}, []attr.Value{types.StringValue("*.example.com")})
	b, ferr := baselineArgument(ctx, 1, object(rules.AllowedDomains.Name, domains))
	if ferr != nil || len(b.AllowedCertificateDomains) != 1 || b.AllowedCertificateDomains[0] != "*.example.com" {
		t.Errorf("%s: got %v, error %v", rules.AllowedDomains.Name, b.AllowedCertificateDomains, ferr)
	}
	// As many patterns as the setting takes, and one more.
	for n, ok := range map[int]bool{rules.AllowedDomains.Max: true, rules.AllowedDomains.Max + 1: false} {
		elemTypes, values := make([]attr.Type, n), make([]attr.Value, n)
		for i := range n {
			elemTypes[i], values[i] = types.StringType, types.StringValue(fmt.Sprintf("*.d%d.example.com", i))
		}
		b, ferr := baselineArgument(ctx, 1, object(rules.AllowedDomains.Name, types.TupleValueMust(elemTypes, values)))
		if (ferr == nil) != ok || ok && len(b.AllowedCertificateDomains) != n {
			t.Errorf("%d patterns: got %d, error %v", n, len(b.AllowedCertificateDomains), ferr)
		}
	}
	if b, ferr := baselineArgument(ctx, 1, []types.Dynamic{types.DynamicNull()}); ferr != nil || b.MinRSABits != rules.DefaultBaseline().MinRSABits {
		t.Errorf("null baseline: %+v, error %v", b, ferr)
	}
	if _, ferr := baselineArgument(ctx, 1, []types.Dynamic{types.DynamicNull(), types.DynamicNull()}); ferr == nil {
		t.Error("two baselines were accepted")
	}
}

// TestPasswordPolicyFindingsUnjudgedUnknown: a policy made by this plan
// whose hard_expiry is omitted, which the AWS provider leaves unknown until
// apply, is judged all the same: no rule reads it (round 116).
func TestPasswordPolicyFindingsUnjudgedUnknown(t *testing.T) {
	attrTypes := map[string]attr.Type{rules.AttrMinimumLength: types.NumberType, rules.AttrHardExpiry: types.BoolType, "id": types.StringType}
	values := map[string]attr.Value{rules.AttrMinimumLength: types.NumberValue(big.NewFloat(8)), rules.AttrHardExpiry: types.BoolUnknown(), "id": types.StringUnknown()}
	res, msg, _ := callFunction(t, passwordPolicyFindingsFunction{}, types.ListUnknown(functionFindingType),
		types.DynamicValue(types.ObjectValueMust(attrTypes, values)))
	if msg != "" || res.IsUnknown() {
		t.Fatalf("got %v, %q; want findings", res, msg)
	}
	if l := res.(types.List).Elements(); len(l) == 0 || l[0].(types.Object).Attributes()["rule_id"].(types.String).ValueString() != rules.PasswordMinLength.ID {
		t.Errorf("findings %v; want %s first", l, rules.PasswordMinLength.ID)
	}
	// A judged argument unknown leaves the result unknown.
	values[rules.AttrMinimumLength] = types.NumberUnknown()
	if res, msg, _ := callFunction(t, passwordPolicyFindingsFunction{}, types.ListUnknown(functionFindingType),
		types.DynamicValue(types.ObjectValueMust(attrTypes, values))); msg != "" || !res.IsUnknown() {
		t.Errorf("length unknown: got %v, %q; want unknown", res, msg)
	}
}

// TestPasswordPolicyFindingsOfPlannedResource: given the planned resource
// itself (its computed id and expire_passwords too), the function judges
// what the linter judges, on an update too, where the AWS provider keeps
// the account's current value of each argument the configuration omits.
// The plan is real (testdata/planned-policy-update): a strong policy whose
// configuration now sets only the length. IG109, which compares with the
// policy before, is the linter's alone.
func TestPasswordPolicyFindingsOfPlannedResource(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "planned-policy-update", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		ResourceChanges []struct {
			Type   string
			Change struct{ After map[string]any }
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	after := p.ResourceChanges[0].Change.After
	if p.ResourceChanges[0].Type != "aws_iam_account_password_policy" || after["id"] == nil || after["expire_passwords"] == nil {
		t.Fatalf("the fixture is not a planned password policy with its computed attributes: %+v", p.ResourceChanges[0])
	}
	attrTypes, values := map[string]attr.Type{}, map[string]attr.Value{}
	for k, v := range after {
		switch v := v.(type) {
		case float64:
			attrTypes[k], values[k] = types.NumberType, types.NumberValue(big.NewFloat(v))
		case bool:
			attrTypes[k], values[k] = types.BoolType, types.BoolValue(v)
		case string:
			attrTypes[k], values[k] = types.StringType, types.StringValue(v)
		}
	}
	res, msg, _ := callFunction(t, passwordPolicyFindingsFunction{}, types.ListUnknown(functionFindingType),
		types.DynamicValue(types.ObjectValueMust(attrTypes, values)))
	if msg != "" {
		t.Fatalf("the planned resource is refused: %s", msg)
	}
	var got []string
	for _, e := range res.(types.List).Elements() {
		got = append(got, e.(types.Object).Attributes()["rule_id"].(types.String).ValueString())
	}
	pl, err := plan.Read(bytes.NewReader(data), lint.ResourceTypes)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range lint.Lint(pl, lint.Options{}).Findings {
		if f.Rule != rules.PasswordPolicyWeakenedRule {
			want = append(want, f.Rule.ID)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("function %v, lint %v", got, want)
	}
}

// TestFunctionsUnknownBaselineSetting: a baseline with one setting unknown
// during plan makes each function's whole result unknown (unknownNote), in
// Run itself, whatever the client does with a partly unknown argument: the
// findings judged against the default in its place could change at apply.
func TestFunctionsUnknownBaselineSetting(t *testing.T) {
	baseline := func(known bool) attr.Value {
		v := types.NumberUnknown()
		if known {
			v = types.NumberValue(big.NewFloat(12))
		}
		b := types.DynamicValue(types.ObjectValueMust(map[string]attr.Type{"password_min_length": types.NumberType},
			map[string]attr.Value{"password_min_length": v}))
		return types.TupleValueMust([]attr.Type{types.DynamicType}, []attr.Value{b})
	}
	call := func(f function.Function, ret attr.Value, args ...attr.Value) (attr.Value, string) {
		resp := &function.RunResponse{Result: function.NewResultData(ret)}
		f.Run(context.Background(), function.RunRequest{Arguments: function.NewArgumentsData(args)}, resp)
		msg := ""
		if resp.Error != nil {
			msg = resp.Error.Error()
		}
		return resp.Result.Value(), msg
	}
	cert := certtest.Issue(t, certtest.Cert{CN: "www.example.com", DNSNames: []string{"www.example.com"}}).PEM
	key := string(ssh.MarshalAuthorizedKey(mustSSHPublicKey(t, certtest.Ed25519(t))))
	for name, run := range map[string]func(b attr.Value) (attr.Value, string){
		"password_policy_findings": func(b attr.Value) (attr.Value, string) {
			return call(passwordPolicyFindingsFunction{}, types.ListUnknown(functionFindingType),
				types.DynamicValue(types.ObjectValueMust(map[string]attr.Type{}, map[string]attr.Value{})), b)
		},
		"certificate_info": func(b attr.Value) (attr.Value, string) {
			return call(certificateInfoFunction{}, types.ObjectUnknown(certificateInfoType),
				types.StringValue(cert), types.StringValue("2026-06-01T12:00:00Z"), b)
		},
		"ssh_public_key_info": func(b attr.Value) (attr.Value, string) {
			return call(sshPublicKeyInfoFunction{}, types.ObjectUnknown(sshPublicKeyInfoType), types.StringValue(key), b)
		},
	} {
		if res, msg := run(baseline(true)); msg != "" || res.IsUnknown() {
			t.Errorf("%s, baseline known: got %v, %q; want a known result", name, res, msg)
		}
		if res, msg := run(baseline(false)); msg != "" || !res.IsUnknown() {
			t.Errorf("%s, a baseline setting unknown: got %v, %q; want unknown", name, res, msg)
		}
	}
}

func mustSSHPublicKey(t *testing.T, k ed25519.PrivateKey) ssh.PublicKey {
	t.Helper()
	pub, err := ssh.NewPublicKey(k.Public())
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

// TestPasswordPolicyFindingsFirstProblem: of several attributes of the
// wrong kind, the error names the first the resource's arguments list; an
// attribute of the wrong kind is named so before any IAM limit is checked.
func TestPasswordPolicyFindingsFirstProblem(t *testing.T) {
	attrTypes := map[string]attr.Type{rules.AttrMinimumLength: types.NumberType, "password_reuse_prevention": types.NumberType,
		"max_password_age": types.NumberType}
	values := map[string]attr.Value{rules.AttrMinimumLength: types.NumberValue(big.NewFloat(14.5)),
		"password_reuse_prevention": types.NumberValue(big.NewFloat(2.5)), "max_password_age": types.NumberValue(big.NewFloat(0.5))}
	_, msg, _ := callFunction(t, passwordPolicyFindingsFunction{}, types.ListUnknown(functionFindingType),
		types.DynamicValue(types.ObjectValueMust(attrTypes, values)))
	if want := "policy." + rules.AttrMinimumLength + " must be a whole number"; !strings.Contains(msg, want) {
		t.Errorf("error %q; want it to name the first: %q", msg, want)
	}
	// A flag of the wrong kind is named before a length IAM refuses.
	_, msg, _ = callFunction(t, passwordPolicyFindingsFunction{}, types.ListUnknown(functionFindingType),
		types.DynamicValue(types.ObjectValueMust(map[string]attr.Type{rules.AttrMinimumLength: types.NumberType, "require_symbols": types.StringType},
			map[string]attr.Value{rules.AttrMinimumLength: types.NumberValue(big.NewFloat(3)), "require_symbols": types.StringValue("yes")})))
	if want := "policy.require_symbols must be true or false"; msg != want {
		t.Errorf("a short length and a flag of the wrong kind: error %q; want %q", msg, want)
	}
}

// TestFunctionArgumentsAsMaps: a policy or a baseline given as a map (a
// variable of type map(number), tomap(...)) is read as the object of the
// same attributes.
func TestFunctionArgumentsAsMaps(t *testing.T) {
	policy := types.DynamicValue(types.MapValueMust(types.NumberType, map[string]attr.Value{
		rules.AttrMinimumLength: types.NumberValue(big.NewFloat(8))}))
	res, msg, _ := callFunction(t, passwordPolicyFindingsFunction{}, types.ListUnknown(functionFindingType), policy)
	if msg != "" || res.IsUnknown() {
		t.Fatalf("a map policy: got %v, %q; want findings", res, msg)
	}
	if l := res.(types.List).Elements(); len(l) == 0 || l[0].(types.Object).Attributes()["rule_id"].(types.String).ValueString() != rules.PasswordMinLength.ID {
		t.Errorf("a map policy: findings %v; want %s first", l, rules.PasswordMinLength.ID)
	}
	b, ferr := baselineArgument(context.Background(), 1, []types.Dynamic{types.DynamicValue(types.MapValueMust(types.NumberType,
		map[string]attr.Value{"password_min_length": types.NumberValue(big.NewFloat(8))}))})
	if ferr != nil || b.PasswordMinLength != 8 {
		t.Errorf("a map baseline: %+v, error %v", b, ferr)
	}
}
