package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

var _ function.Function = passwordPolicyFindingsFunction{}

// passwordPolicyFindingsFunction judges an aws_iam_account_password_policy's
// arguments as iamguard lint judges the planned resource.
type passwordPolicyFindingsFunction struct{}

func newPasswordPolicyFindingsFunction() function.Function { return passwordPolicyFindingsFunction{} }

func (passwordPolicyFindingsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "password_policy_findings"
}

func (passwordPolicyFindingsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Judges an account password policy against the baseline",
		MarkdownDescription: "Judges a password policy, given as an object with the argument names of " +
			"`aws_iam_account_password_policy`, with the rules `iamguard lint` applies to that resource: " +
			rules.Names(rules.PolicyRules...) + ".\n\n" +
			"Every attribute of `policy` is optional. An omitted or null attribute is judged as the default AWS applies " +
			"when the resource omits it, exactly as the linter judges an attribute omitted from a policy being created: `" + rules.AttrMinimumLength + "` " +
			fmt.Sprint(rules.APIDefaultMinimumLength) + ", no required character class, no expiry, no reuse prevention, and `" +
			rules.AttrAllowUsersToChange + "` true. So `{}` is a resource with every argument omitted. The AWS provider sends no argument " +
			"whose value is 0 or false, so a `" + rules.AttrMinimumLength + "` of 0 is judged as the default too, and of a number past 32 bits it " +
			"sends only the low 32 bits (4294967302 reaches IAM as 6): that is what is judged, and one whose low 32 bits meet the baseline is still a `low` finding of its rule. " +
			"Numbers and booleans may also be given as strings, as Terraform would convert them. " +
			"An attribute the resource does not take is an error; the attributes it computes itself (`" + strings.Join(computedPolicyAttributes, "`, `") +
			"`) are passed over, so the resource itself can be given, and so may `" + strings.Join(rules.PolicyUnjudged, "`, `") +
			"` be unknown, which no rule judges and the AWS provider leaves unknown until a policy it omits is made.\n\n" +
			"On an update, the AWS provider keeps the account's current value of an argument the configuration omits, and the linter " +
			"judges that value from the plan; this function sees only the object it is given. To judge what an existing policy will hold, " +
			"pass the resource: `aws_iam_account_password_policy.this` in a `check` block, or `self` in a postcondition.\n\n" +
			baselineDescription() + "\n\n" +
			findingsDescription + "\n\n" +
			"A null `policy`, an object of the wrong shape, a value IAM itself refuses (such as a `" + rules.AttrMinimumLength + "` below " +
			fmt.Sprint(rules.APIDefaultMinimumLength) + ", which UpdateAccountPasswordPolicy would reject, so the policy is never applied) " +
			"and a baseline value out of bounds are argument errors; the messages name the attribute, never its value. " +
			unknownNote + "\n\n" + openTofuNote,
		Parameters: []function.Parameter{
			function.DynamicParameter{
				Name:           "policy",
				AllowNullValue: true, // so that null gets this function's own error
				// So that the resource itself is judged during plan while
				// its computed id is still unknown (see knownPolicy).
				AllowUnknownValues: true,
				Description:        "The password policy: an object with any of the arguments of aws_iam_account_password_policy.",
			},
		},
		VariadicParameter: baselineParameter(),
		Return:            function.ListReturn{ElementType: functionFindingType},
	}
}

func (passwordPolicyFindingsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var (
		policy   types.Dynamic
		baseline []types.Dynamic
	)
	if resp.Error = req.Arguments.Get(ctx, &policy, &baseline); resp.Error != nil {
		return
	}
	if policy.IsUnknown() || policy.IsUnderlyingValueUnknown() {
		resp.Error = resp.Result.Set(ctx, types.ListUnknown(functionFindingType))
		return
	}
	if isNull(policy) {
		resp.Error = function.NewArgumentFuncError(0,
			"policy is null: pass an object with the arguments of aws_iam_account_password_policy; {} judges a policy with every argument omitted")
		return
	}
	p, ferr := passwordPolicyArgument(ctx, policy)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	b, ferr := baselineArgument(ctx, 1, baseline)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	if !knownPolicy(ctx, policy) || !allKnown(ctx, baseline) {
		resp.Error = resp.Result.Set(ctx, types.ListUnknown(functionFindingType))
		return
	}
	resp.Error = resp.Result.Set(ctx, functionFindings(rules.EvaluatePasswordPolicy(p, b)))
}

// computedPolicyAttributes are the attributes aws_iam_account_password_policy
// computes itself: a policy object may hold them (the resource itself, or
// self), and they are passed over.
var computedPolicyAttributes = []string{"expire_passwords", "id"}

// knownPolicy reports whether every attribute of a policy object that the
// rules judge is wholly known: the resource's computed attributes, and
// those no rule judges (rules.PolicyUnjudged), unknown until it is made,
// do not count.
func knownPolicy(ctx context.Context, v types.Dynamic) bool {
	attrs, ok := objectAttributes(v)
	if !ok {
		return whollyKnown(ctx, v)
	}
	for name, a := range attrs {
		if !slices.Contains(computedPolicyAttributes, name) && !slices.Contains(rules.PolicyUnjudged, name) && !whollyKnown(ctx, a) {
			return false
		}
	}
	return true
}

// passwordPolicyArgument reads the policy object. Its attribute names and
// their defaults come from rules.PlannedPasswordPolicy, as the linter's do;
// an attribute that function does not read is an error.
func passwordPolicyArgument(ctx context.Context, v types.Dynamic) (rules.PasswordPolicy, *function.FuncError) {
	attrs, ok := objectAttributes(v)
	if !ok {
		return rules.PasswordPolicy{}, function.NewArgumentFuncError(0,
			"policy must be an object with the arguments of aws_iam_account_password_policy, such as { "+rules.AttrMinimumLength+" = 14 }")
	}
	taken := map[string]bool{}
	for _, name := range computedPolicyAttributes {
		taken[name] = true
	}
	var names []string
	var problem string
	arg := func(name string) attr.Value {
		taken[name] = true
		names = append(names, name)
		return attrs[name]
	}
	num := func(name string, def int) rules.Value[int] {
		switch v := arg(name); {
		case isNull(v):
			return rules.Known(def) // omitted: the default applies, as in the linter
		case !whollyKnown(ctx, v):
			return rules.UnknownValue[int]() // the caller returns an unknown result
		default:
			n, ok := wholeNumber(v)
			if !ok && problem == "" {
				problem = fmt.Sprintf("policy.%s must be a whole number", name)
			}
			return rules.Known(int(n))
		}
	}
	flag := func(name string, def bool) rules.Value[bool] {
		switch v := arg(name); {
		case isNull(v):
			return rules.Known(def)
		case !whollyKnown(ctx, v):
			return rules.UnknownValue[bool]()
		default:
			b, ok := boolean(v)
			if !ok && problem == "" {
				problem = fmt.Sprintf("policy.%s must be true or false", name)
			}
			return rules.Known(b)
		}
	}
	p := rules.PlannedPasswordPolicy(num, flag)
	if problem == "" {
		if why := rules.OutsideIAMLimits(p); why != "" {
			problem = "policy." + why
		}
	}
	if problem != "" {
		return p, function.NewArgumentFuncError(0, problem)
	}
	if extra, hint := untaken(attrs, taken); extra {
		return p, function.NewArgumentFuncError(0, fmt.Sprintf(
			"policy has an attribute that aws_iam_account_password_policy does not take%s; its arguments are %s", hint, strings.Join(names, ", ")))
	}
	return p, nil
}
