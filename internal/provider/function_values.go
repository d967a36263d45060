package provider

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/agext/levenshtein"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// This file holds what the provider functions share: the findings they
// return, the optional baseline argument, the reading of key and
// certificate text, and readers for the loosely typed (dynamic) object
// arguments. Terraform calls functions without configuring the provider, so
// the provider block's baseline never reaches them.

var _ provider.ProviderWithFunctions = (*iamguardProvider)(nil)

// functionFinding is one element of a function's findings list.
type functionFinding struct {
	RuleID   string `tfsdk:"rule_id"`
	Rule     string `tfsdk:"rule"`
	Severity string `tfsdk:"severity"`
	Message  string `tfsdk:"message"`
}

var functionFindingType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"rule_id":  types.StringType,
	"rule":     types.StringType,
	"severity": types.StringType,
	"message":  types.StringType,
}}

var functionFindingsType = types.ListType{ElemType: functionFindingType}

// findingsDescription documents a findings list in a function's docs.
const findingsDescription = "`findings` is a list of objects `{rule_id, rule, severity, message}`, " +
	"the same rule IDs, slugs, severities and messages `iamguard lint` reports; it is empty when nothing fires."

// functionFindings converts findings for a function result; never nil, so a
// clean input gives [] rather than null.
func functionFindings(fs []rules.Finding) []functionFinding {
	out := make([]functionFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, functionFinding{RuleID: f.Rule.ID, Rule: f.Rule.Slug, Severity: f.Severity.String(), Message: f.Message})
	}
	return out
}

// baselineParameter is the optional last argument every function takes.
func baselineParameter() function.DynamicParameter {
	return function.DynamicParameter{
		Name:           "baseline",
		AllowNullValue: true,
		Description: "Optional: thresholds to judge against, as an object with the attribute names of the provider's " +
			"baseline block (" + baselineNames("") + "); omitted attributes, an omitted argument and null all mean the defaults.",
	}
}

// baselineDescription documents the baseline argument in a function's docs.
func baselineDescription() string {
	return "The optional last argument `baseline` is an object with any of the attributes of the provider's `baseline` block (" +
		baselineNames("`") + "), with the same defaults and bounds; leave it out, or pass `null`, for the defaults. " +
		"Terraform calls provider functions without configuring the provider, so the provider block's own `baseline` does not apply to them."
}

// baselineNames lists the baseline settings, each between quote marks.
func baselineNames(quote string) string {
	var names []string
	for _, t := range rules.Thresholds() {
		names = append(names, quote+t.Name+quote)
	}
	return strings.Join(append(names, quote+rules.AllowedDomains.Name+quote), ", ")
}

// openTofuNote is part of every function's documentation.
const openTofuNote = "Provider functions need Terraform 1.8 or later; OpenTofu 1.7 and later call them with the same " +
	"`provider::iamguard::` syntax. The function is offline: it makes no AWS call and needs no provider configuration."

// sensitiveNote is part of the documentation of the functions that read
// key material.
const sensitiveNote = "Terraform itself shows the values of the variables an expression that fails refers to, unless they are " +
	"sensitive: keep key material in sensitive variables (`sensitive = true`; `tls_private_key`'s `private_key_pem` already is)."

// unknownNote documents the unknown-argument behaviour of every function.
const unknownNote = "An argument that is unknown during plan (wholly, or any attribute of it) makes the whole result unknown until apply."

// material describes the first argument of a function that reads key or
// certificate text, and the object the function returns.
type material struct {
	function, name string
	want, example  string // "one SSH public key", `file("id_rsa.pub")`
	hint           string // what to pass instead, after a parse error
	baselineAt     int64  // position of the baseline argument
	result         map[string]attr.Type
}

// inspectMaterial is the body of a function that reads key or certificate
// text: it reads the baseline and the text, and returns what build makes of
// them, or an unknown result while a baseline setting is unknown (Terraform
// itself answers unknown for an unknown text). Neither error quotes the
// text: the parse reason comes from internal/inspect, whose errors say what
// is wrong without quoting the input (a private key passed by mistake is
// named by its PEM block type only). The reason is logged too, with the
// function's name and never the argument.
func inspectMaterial[T any](ctx context.Context, resp *function.RunResponse, m material, text types.String, baseline []types.Dynamic,
	parse func(string) (T, error), build func(T, rules.Baseline) any) {
	if text.IsNull() {
		resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("%s is null: pass %s, such as %s", m.name, m.want, m.example))
		return
	}
	b, ferr := baselineArgument(ctx, m.baselineAt, baseline)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	v, err := parse(text.ValueString())
	if err != nil {
		tflog.Debug(ctx, "provider function argument does not parse", map[string]any{"function": m.function, "argument": m.name, "error": err.Error()})
		resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("%s is not %s (%s). %s", m.name, m.want, err, m.hint))
		return
	}
	if !allKnown(ctx, baseline) {
		resp.Error = resp.Result.Set(ctx, types.ObjectUnknown(m.result))
		return
	}
	resp.Error = resp.Result.Set(ctx, build(v, b))
}

// baselineArgument reads the variadic baseline argument at position pos:
// none, or null, means the default baseline. Unknown settings are skipped;
// the caller returns an unknown result for them. Thresholds are read through
// rules.Thresholds, so bounds are checked where they are declared.
func baselineArgument(ctx context.Context, pos int64, args []types.Dynamic) (rules.Baseline, *function.FuncError) {
	b := rules.DefaultBaseline()
	switch {
	case len(args) > 1:
		return b, function.NewArgumentFuncError(pos+1, "too many arguments: baseline is the last argument, and there is at most one")
	case len(args) == 0 || isNull(args[0]):
		return b, nil
	}
	attrs, ok := objectAttributes(args[0])
	if !ok {
		return b, function.NewArgumentFuncError(pos,
			"baseline must be an object such as { min_rsa_bits = 3072 }, or null for the defaults")
	}
	taken := map[string]bool{}
	for _, t := range rules.Thresholds() {
		taken[t.Name] = true
		v := attrs[t.Name]
		if isNull(v) || !whollyKnown(ctx, v) {
			continue
		}
		n, ok := wholeNumber(v)
		if !ok || t.Set(&b, n) != nil {
			return b, function.NewArgumentFuncError(pos,
				fmt.Sprintf("baseline.%s must be a whole number from %d to %d", t.Name, t.Min, t.Max))
		}
	}
	d := rules.AllowedDomains
	taken[d.Name] = true
	if v := attrs[d.Name]; !isNull(v) && whollyKnown(ctx, v) {
		domains, ok := stringList(v)
		if !ok {
			return b, function.NewArgumentFuncError(pos, fmt.Sprintf("baseline.%s must be a list of strings", d.Name))
		}
		if len(domains) > d.Max {
			return b, function.NewArgumentFuncError(pos, fmt.Sprintf("baseline.%s has %d patterns; it takes at most %d", d.Name, len(domains), d.Max))
		}
		b.AllowedCertificateDomains = domains
	}
	if extra, hint := untaken(attrs, taken); extra {
		return b, function.NewArgumentFuncError(pos, fmt.Sprintf(
			"baseline has an attribute that is not a baseline setting%s; the settings are %s", hint, baselineNames("")))
	}
	return b, nil
}

// untaken reports whether attrs has an attribute not in taken and, for the
// error, a hint naming the taken one nearest the first, one or two edits
// away (" (did you mean NAME?)"), or "". The attribute's name is never
// quoted: a key may be a sensitive value (Terraform takes one as a map key,
// and removes the marks before the provider sees them; round 132).
func untaken(attrs map[string]attr.Value, taken map[string]bool) (found bool, hint string) {
	var extra []string
	for name := range attrs {
		if !taken[name] {
			extra = append(extra, name)
		}
	}
	if len(extra) == 0 {
		return false, ""
	}
	slices.Sort(extra)
	const near = 2 // edits
	best, nearest := near+1, ""
	for name := range taken {
		if len(extra[0]) > 2*len(name) {
			continue // far, and maybe long: not worth its cost
		}
		// No MaxCost: with one, agext/levenshtein may give a distance of
		// 15 as 2.
		if d := levenshtein.Distance(extra[0], name, nil); d < best || d <= near && d == best && name < nearest {
			best, nearest = d, name
		}
	}
	if nearest == "" {
		return true, ""
	}
	return true, " (did you mean " + nearest + "?)"
}

// whollyKnown reports whether v holds no unknown value at any depth.
func whollyKnown(ctx context.Context, v attr.Value) bool {
	tv, err := v.ToTerraformValue(ctx)
	return err == nil && tv.IsFullyKnown()
}

// allKnown reports whether every one of vs is wholly known.
func allKnown(ctx context.Context, vs []types.Dynamic) bool {
	for _, v := range vs {
		if !whollyKnown(ctx, v) {
			return false
		}
	}
	return true
}

// underlying unwraps a dynamic value.
func underlying(v attr.Value) attr.Value {
	for {
		d, ok := v.(types.Dynamic)
		if !ok || d.IsNull() || d.IsUnknown() {
			return v
		}
		v = d.UnderlyingValue()
	}
}

func isNull(v attr.Value) bool {
	v = underlying(v)
	return v == nil || v.IsNull()
}

// objectAttributes returns the attributes of an object (or the elements of
// a map); ok is false for any other value.
func objectAttributes(v attr.Value) (map[string]attr.Value, bool) {
	switch x := underlying(v).(type) {
	case types.Object:
		return x.Attributes(), true
	case types.Map:
		return x.Elements(), true
	}
	return nil, false
}

// wholeNumber reads an integer the way Terraform converts one: a number
// without a fraction, or a string of decimal digits.
func wholeNumber(v attr.Value) (int64, bool) {
	var f *big.Float
	switch x := underlying(v).(type) {
	case types.Number:
		f = x.ValueBigFloat()
	case types.Int64:
		return x.ValueInt64(), true
	case types.String:
		// As Terraform converts a string to a number (base 10: "08",
		// "1e1"). One past 100,000 characters, whose parse takes time
		// growing with the square of its length (ten million digits took
		// three minutes, round 158; 100,000 take 30 ms), as the linter
		// reads it, in time linear in its length, but not one scaled by a
		// power of two ("6p0"), which plan.Fractional cannot tell whole
		// (round 162): refused.
		s := x.ValueString()
		if len(s) > 100_000 {
			if strings.ContainsAny(s, "pP") {
				return 0, false
			}
			return plan.ParseWhole(s) // exact: the AWS provider sends a number's low 32 bits (round 182)
		}
		var err error
		if f, _, err = big.ParseFloat(s, 10, 512, big.ToNearestEven); err != nil {
			return 0, false
		}
	}
	if f == nil || f.IsInf() || !f.IsInt() {
		return 0, false
	}
	n, _ := f.Int64() // past int64, the nearest: judged as the huge number it is
	return n, true
}

// boolean reads a bool the way Terraform converts one: true, false, or the
// strings "true", "1", "false" and "0".
func boolean(v attr.Value) (bool, bool) {
	switch x := underlying(v).(type) {
	case types.Bool:
		return x.ValueBool(), true
	case types.String:
		switch x.ValueString() {
		case "true", "1":
			return true, true
		case "false", "0":
			return false, true
		}
	}
	return false, false
}

// stringList reads a list, set or tuple of strings.
func stringList(v attr.Value) ([]string, bool) {
	var elems []attr.Value
	switch x := underlying(v).(type) {
	case types.List:
		elems = x.Elements()
	case types.Set:
		elems = x.Elements()
	case types.Tuple:
		elems = x.Elements()
	default:
		return nil, false
	}
	out := make([]string, 0, len(elems))
	for _, e := range elems {
		s, ok := underlying(e).(types.String)
		if !ok || s.IsNull() || s.IsUnknown() {
			return nil, false
		}
		out = append(out, s.ValueString())
	}
	return out, true
}
