package provider

import (
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

// baselineModel is the provider's baseline block; unset attributes keep
// rules.DefaultBaseline.
type baselineModel struct {
	PasswordMinLength            types.Int64    `tfsdk:"password_min_length"`
	PasswordReusePrevention      types.Int64    `tfsdk:"password_reuse_prevention"`
	PasswordMaxAgeDays           types.Int64    `tfsdk:"password_max_age_days"`
	AccessKeyMaxAgeDays          types.Int64    `tfsdk:"access_key_max_age_days"`
	UnusedCredentialDays         types.Int64    `tfsdk:"unused_credential_days"`
	CertificateExpiryWarningDays types.Int64    `tfsdk:"certificate_expiry_warning_days"`
	MinRSABits                   types.Int64    `tfsdk:"min_rsa_bits"`
	AllowedCertificateDomains    []types.String `tfsdk:"allowed_certificate_domains"`
}

func baselineSchema() schema.SingleNestedBlock {
	d := rules.DefaultBaseline()
	num := func(what string, def int) schema.Int64Attribute {
		return schema.Int64Attribute{Optional: true, Description: fmt.Sprintf("%s. Default %d.", what, def)}
	}
	return schema.SingleNestedBlock{
		Description: "Thresholds the rules judge against, with the same names and defaults as the baseline block of .iamguard.hcl.",
		Attributes: map[string]schema.Attribute{
			"password_min_length":             num("Shortest acceptable minimum password length (IG101)", d.PasswordMinLength),
			"password_reuse_prevention":       num("Fewest remembered passwords (IG106)", d.PasswordReusePrevention),
			"password_max_age_days":           num("Longest acceptable password lifetime in days (IG107)", d.PasswordMaxAgeDays),
			"access_key_max_age_days":         num("Oldest acceptable active access key in days (IG204)", d.AccessKeyMaxAgeDays),
			"unused_credential_days":          num("Days a password or active key may go unused (IG802)", d.UnusedCredentialDays),
			"certificate_expiry_warning_days": num("Days before certificate expiry to warn (IG302)", d.CertificateExpiryWarningDays),
			"min_rsa_bits":                    num("Smallest acceptable RSA key size (IG304, IG402)", d.MinRSABits),
			"allowed_certificate_domains": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				Description: "Domains (globs such as \"*.example.com\") certificates may name (IG309). Empty: only SAN presence is checked."},
		},
	}
}

// apply overrides b with the attributes set in m, reporting values that
// cannot be thresholds.
func (m *baselineModel) apply(b rules.Baseline, diags *diag.Diagnostics) rules.Baseline {
	if m == nil {
		return b
	}
	for _, f := range []struct {
		name string
		v    types.Int64
		dst  *int
	}{
		{"password_min_length", m.PasswordMinLength, &b.PasswordMinLength},
		{"password_reuse_prevention", m.PasswordReusePrevention, &b.PasswordReusePrevention},
		{"password_max_age_days", m.PasswordMaxAgeDays, &b.PasswordMaxAgeDays},
		{"access_key_max_age_days", m.AccessKeyMaxAgeDays, &b.AccessKeyMaxAgeDays},
		{"unused_credential_days", m.UnusedCredentialDays, &b.UnusedCredentialDays},
		{"certificate_expiry_warning_days", m.CertificateExpiryWarningDays, &b.CertificateExpiryWarningDays},
		{"min_rsa_bits", m.MinRSABits, &b.MinRSABits},
	} {
		if f.v.IsNull() {
			continue
		}
		if f.v.ValueInt64() < 1 {
			diags.Append(invalidAttribute(path.Root("baseline").AtName(f.name), "Invalid baseline threshold",
				fmt.Sprintf("%s must be 1 or more, not %d.", f.name, f.v.ValueInt64())))
			continue
		}
		*f.dst = int(f.v.ValueInt64())
	}
	if m.AllowedCertificateDomains != nil {
		b.AllowedCertificateDomains = stringValues(m.AllowedCertificateDomains)
	}
	return b
}
