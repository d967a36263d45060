package rules

import (
	"fmt"
	"unicode/utf8"
)

// Value is a fact as a plan or a report holds it: it may be known only
// after apply, not reported by its source (a credential-report column
// saying N/A), unreadable (a plan value of the wrong kind), or sensitive.
// The zero Value is a known, plain zero, so runtime callers never think
// about the rest.
type Value[T any] struct {
	V T
	// Unknown: no definite value to judge, because Terraform knows it only
	// after apply or because the plan's value cannot be read as a T (then
	// Unreadable too). Rules give an info finding instead of a verdict.
	Unknown    bool
	Unreadable bool
	// Impure: Unknown, though the configuration sets it from values
	// Terraform knows when it plans (constants, variables, functions of
	// them): an impure function such as timestamp() or uuid() chooses it
	// at apply. Rules judge it at their own severity, not as a note: no
	// object anyone can review decides it.
	Impure bool
	// Sensitive: Terraform marks the value sensitive. It is judged like any
	// other, but no message shows it, nor anything drawn from it.
	Sensitive bool
}

// Known wraps a definite value.
func Known[T any](v T) Value[T] { return Value[T]{V: v} }

// UnknownValue is a value Terraform will know only after apply.
func UnknownValue[T any]() Value[T] { return Value[T]{Unknown: true} }

// UnreadableValue is a plan value that is not a T, such as "eight" where a
// number belongs.
func UnreadableValue[T any]() Value[T] { return Value[T]{Unknown: true, Unreadable: true} }

// redacted stands in messages for a sensitive value.
const redacted = "(sensitive)"

// Show renders the value for a message: as %v, or (sensitive).
func (v Value[T]) Show() string {
	if v.Sensitive {
		return redacted
	}
	return clip(fmt.Sprint(v.V))
}

// Quote renders the value for a message as %q, or (sensitive).
func (v Value[T]) Quote() string {
	if v.Sensitive {
		return redacted
	}
	if s, ok := any(v.V).(string); ok && len(s) > maxShown {
		return fmt.Sprintf("%q…", s[:cut(s)])
	}
	return fmt.Sprintf("%q", any(v.V))
}

// maxShown bounds the bytes of a value a message shows: far above any IAM
// name (64 characters), so that a message never grows with a value a
// hand-made plan makes long.
const maxShown = 256

// clip cuts s to maxShown bytes at a character boundary, marking the cut.
func clip(s string) string {
	if len(s) <= maxShown {
		return s
	}
	return s[:cut(s)] + "…"
}

// cut is where clip cuts a string longer than maxShown.
func cut(s string) int {
	n := maxShown
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

// uncertain is a Value of any type, as the findings on one without a
// definite value read it.
type uncertain interface {
	unreadable() bool
	impure() bool
}

func (v Value[T]) unreadable() bool { return v.Unreadable }
func (v Value[T]) impure() bool     { return v.Impure }

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
	RootUseDays                  int
	CredentialReportMaxAgeHours  int
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
	{Name: "root_use_days", Default: 90, Min: 1, Max: 36500, Higher: true,
		What: "Days back in which any use of the root user's password or access keys is a finding", Rules: []*Rule{RootUsedRecently},
		field: func(b *Baseline) *int { return &b.RootUseDays }},
	{Name: "credential_report_max_age_hours", Default: 4, Min: 4, Max: 8760,
		What: "Oldest acceptable credential report, in hours (IAM regenerates a report older than four hours on request, so only one it could not refresh is older)", Rules: []*Rule{CredentialReportStale},
		field: func(b *Baseline) *int { return &b.CredentialReportMaxAgeHours }},
}

// AllowedDomains declares the one list setting of the baseline.
var AllowedDomains = struct {
	Name, What string
	Rules      []*Rule
	// Max is the most patterns it takes: each name of a certificate is
	// matched against each pattern (100,000 took 17 s; round 132).
	Max int
}{
	Name:  "allowed_certificate_domains",
	What:  "Domains (globs such as \"*.example.com\") certificates may name; empty means only SAN presence is checked",
	Rules: []*Rule{CertificateDomain},
	Max:   1000,
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
