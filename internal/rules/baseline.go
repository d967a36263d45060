package rules

import "fmt"

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
// DefaultBaseline and set it through Thresholds, which declares each
// setting's name, default and bounds once.
type Baseline struct {
	PasswordMinLength            int
	PasswordReusePrevention      int
	PasswordMaxAgeDays           int
	AccessKeyMaxAgeDays          int
	UnusedCredentialDays         int
	CertificateExpiryWarningDays int
	MinRSABits                   int
	AllowedCertificateDomains    []string
}

// Threshold declares one numeric baseline setting. The config file, the
// provider's baseline block and the docs all read these declarations.
type Threshold struct {
	Name     string // attribute name in .iamguard.hcl and in the provider
	Default  int
	Min, Max int  // allowed values, inclusive
	Higher   bool // a higher value is the stricter one
	What     string
	Rules    []*Rule // the rules that read it
	field    func(*Baseline) *int
}

// Thresholds lists the numeric baseline settings in documentation order.
// Every threshold is at least 1: zero days, bits or characters is never a
// meaningful bar. The maxima are IAM's own limits where IAM has one.
func Thresholds() []Threshold { return thresholds }

var thresholds = []Threshold{
	{Name: "password_min_length", Default: 14, Min: 1, Max: 128, Higher: true,
		What: "Shortest acceptable minimum password length", Rules: []*Rule{PasswordMinLength},
		field: func(b *Baseline) *int { return &b.PasswordMinLength }},
	{Name: "password_reuse_prevention", Default: 24, Min: 1, Max: 24, Higher: true,
		What: "Fewest previous passwords a user may not reuse", Rules: []*Rule{PasswordReusePrevention},
		field: func(b *Baseline) *int { return &b.PasswordReusePrevention }},
	{Name: "password_max_age_days", Default: 90, Min: 1, Max: 1095,
		What: "Longest acceptable password lifetime in days", Rules: []*Rule{PasswordMaxAge},
		field: func(b *Baseline) *int { return &b.PasswordMaxAgeDays }},
	{Name: "access_key_max_age_days", Default: 90, Min: 1, Max: 36500,
		What: "Oldest acceptable active access key in days", Rules: []*Rule{AccessKeyNotRotated},
		field: func(b *Baseline) *int { return &b.AccessKeyMaxAgeDays }},
	{Name: "unused_credential_days", Default: 45, Min: 1, Max: 36500,
		What: "Days a console password, active access key or active signing certificate may go unused", Rules: []*Rule{CredentialUnused, SigningCertificateUnused},
		field: func(b *Baseline) *int { return &b.UnusedCredentialDays }},
	{Name: "certificate_expiry_warning_days", Default: 30, Min: 1, Max: 3650, Higher: true,
		What: "Days before a certificate expires to start warning", Rules: []*Rule{CertificateExpiring},
		field: func(b *Baseline) *int { return &b.CertificateExpiryWarningDays }},
	{Name: "min_rsa_bits", Default: 2048, Min: 1, Max: 16384, Higher: true,
		What: "Smallest acceptable RSA key size in bits", Rules: []*Rule{CertificateWeakKey, SSHKeyWeakRSA, SigningCertificateWeak},
		field: func(b *Baseline) *int { return &b.MinRSABits }},
}

// AllowedDomains declares the one list setting of the baseline.
var AllowedDomains = struct {
	Name, What string
	Rules      []*Rule
}{
	Name:  "allowed_certificate_domains",
	What:  "Domains (globs such as \"*.example.com\") certificates may name; empty means only SAN presence is checked",
	Rules: []*Rule{CertificateDomain},
}

// DefaultBaseline is the CIS AWS Foundations-aligned baseline.
func DefaultBaseline() Baseline {
	var b Baseline
	for _, t := range thresholds {
		*t.field(&b) = t.Default
	}
	return b
}

// LookupThreshold finds a threshold by name.
func LookupThreshold(name string) (Threshold, bool) {
	for _, t := range thresholds {
		if t.Name == name {
			return t, true
		}
	}
	return Threshold{}, false
}

// Get returns the threshold's value in b.
func (t Threshold) Get(b Baseline) int { return *t.field(&b) }

// Set checks v against the threshold's bounds and stores it in b.
func (t Threshold) Set(b *Baseline, v int64) error {
	if v < int64(t.Min) || v > int64(t.Max) {
		return fmt.Errorf("%s must be from %d to %d, not %d", t.Name, t.Min, t.Max, v)
	}
	*t.field(b) = int(v)
	return nil
}

// Weaker reports whether v is a weaker bar than the default.
func (t Threshold) Weaker(v int) bool {
	if t.Higher {
		return v < t.Default
	}
	return v > t.Default
}

// Description documents the threshold: what it is, the rules that read it,
// its default and its bounds.
func (t Threshold) Description() string {
	return fmt.Sprintf("%s, for %s. Default %d; from %d to %d.", t.What, Names(t.Rules...), t.Default, t.Min, t.Max)
}
