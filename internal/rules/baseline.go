package rules

// Value is a fact that may be known only after apply. The zero Value is a
// known zero, so runtime callers (the provider) never think about Unknown.
type Value[T any] struct {
	V       T
	Unknown bool
}

// Known wraps a definite value.
func Known[T any](v T) Value[T] { return Value[T]{V: v} }

// UnknownValue is a value Terraform will know only after apply.
func UnknownValue[T any]() Value[T] { return Value[T]{Unknown: true} }

// Baseline holds every threshold a rule reads. The linter fills it from
// .iamguard.hcl, the provider from its baseline block; both start from
// DefaultBaseline.
type Baseline struct {
	PasswordMinLength            int      `hcl:"password_min_length,optional"`
	PasswordReusePrevention      int      `hcl:"password_reuse_prevention,optional"`
	PasswordMaxAgeDays           int      `hcl:"password_max_age_days,optional"`
	AccessKeyMaxAgeDays          int      `hcl:"access_key_max_age_days,optional"`
	UnusedCredentialDays         int      `hcl:"unused_credential_days,optional"`
	CertificateExpiryWarningDays int      `hcl:"certificate_expiry_warning_days,optional"`
	MinRSABits                   int      `hcl:"min_rsa_bits,optional"`
	AllowedCertificateDomains    []string `hcl:"allowed_certificate_domains,optional"`
}

// DefaultBaseline is the CIS AWS Foundations-aligned baseline.
func DefaultBaseline() Baseline {
	return Baseline{
		PasswordMinLength:            14,
		PasswordReusePrevention:      24,
		PasswordMaxAgeDays:           90,
		AccessKeyMaxAgeDays:          90,
		UnusedCredentialDays:         45,
		CertificateExpiryWarningDays: 30,
		MinRSABits:                   2048,
	}
}
