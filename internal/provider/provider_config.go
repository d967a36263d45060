package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// assumeRole swaps cfg's credentials for those of the role, fetched (and
// refreshed) through STS when first needed.
func assumeRole(cfg *aws.Config, m *assumeRoleModel, stsEndpoint string) diag.Diagnostics {
	var diags diag.Diagnostics
	at := path.Root("assume_role")
	arn := m.RoleARN.ValueString()
	if arn == "" {
		diags.Append(invalidAttribute(at.AtName("role_arn"), "Missing role_arn", "An assume_role block needs role_arn."))
	}
	var duration time.Duration
	if v := m.Duration.ValueString(); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 15*time.Minute || d > 12*time.Hour {
			diags.Append(invalidAttribute(at.AtName("duration"), "Invalid duration",
				fmt.Sprintf("duration %q must be a Go duration from 15m to 12h, such as \"1h\".", v)))
		}
		duration = d
	}
	if diags.HasError() {
		return diags
	}
	client := sts.NewFromConfig(*cfg, func(o *sts.Options) {
		if stsEndpoint != "" {
			o.BaseEndpoint = aws.String(stsEndpoint)
		}
	})
	creds := stscreds.NewAssumeRoleProvider(client, arn, func(o *stscreds.AssumeRoleOptions) {
		if v := m.SessionName.ValueString(); v != "" {
			o.RoleSessionName = v
		}
		if v := m.ExternalID.ValueString(); v != "" {
			o.ExternalID = aws.String(v)
		}
		if duration > 0 {
			o.Duration = duration
		}
	})
	cfg.Credentials = aws.NewCredentialsCache(creds)
	return diags
}

// baselineSchema is the provider's baseline block, built from the one
// declaration of the baseline in internal/rules, as .iamguard.hcl is.
func baselineSchema() schema.SingleNestedBlock {
	attrs := map[string]schema.Attribute{}
	for _, t := range rules.Thresholds() {
		attrs[t.Name] = schema.Int64Attribute{Optional: true, Description: t.Description()}
	}
	d := rules.AllowedDomains
	attrs[d.Name] = schema.ListAttribute{Optional: true, ElementType: types.StringType,
		Description: fmt.Sprintf("%s, for %s.", d.What, rules.Names(d.Rules...))}
	return schema.SingleNestedBlock{
		Description: "Thresholds the rules judge against, with the same names, defaults and bounds as the baseline block of .iamguard.hcl.",
		Attributes:  attrs,
	}
}

// applyBaseline overrides b with the attributes set in the baseline block,
// reporting values outside a threshold's bounds.
func applyBaseline(ctx context.Context, block types.Object, b rules.Baseline, diags *diag.Diagnostics) rules.Baseline {
	if block.IsNull() {
		return b
	}
	attrs := block.Attributes()
	for _, t := range rules.Thresholds() {
		v, ok := attrs[t.Name].(types.Int64)
		if !ok || v.IsNull() {
			continue
		}
		if err := t.Set(&b, v.ValueInt64()); err != nil {
			diags.Append(invalidAttribute(path.Root("baseline").AtName(t.Name), "Invalid baseline threshold", err.Error()+"."))
		}
	}
	if v, ok := attrs[rules.AllowedDomains.Name].(types.List); ok && !v.IsNull() {
		b.AllowedCertificateDomains = []string{}
		diags.Append(v.ElementsAs(ctx, &b.AllowedCertificateDomains, false)...)
	}
	return b
}
