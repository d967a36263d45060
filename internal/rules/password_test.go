package rules

import (
	"strings"
	"testing"
)

// strong is a policy that meets the default baseline exactly.
func strong() PasswordPolicy {
	return PasswordPolicy{
		MinimumLength:      Known(14),
		RequireUppercase:   Known(true),
		RequireLowercase:   Known(true),
		RequireNumbers:     Known(true),
		RequireSymbols:     Known(true),
		MaxAgeDays:         Known(90),
		ReusePrevention:    Known(24),
		AllowUsersToChange: Known(true),
		HardExpiry:         Known(false),
	}
}

func policy(edit func(p *PasswordPolicy)) PasswordPolicy {
	p := strong()
	edit(&p)
	return p
}

// TestPolicyUnjudged: an argument in PolicyUnjudged, known or not,
// changes no finding of any policy, weak or strong.
func TestPolicyUnjudged(t *testing.T) {
	for _, name := range PolicyUnjudged {
		for _, p := range []PasswordPolicy{strong(), {MinimumLength: Known(6)}, NoPasswordPolicy()} {
			base := findingsText(EvaluatePasswordPolicy(p, DefaultBaseline()))
			for _, v := range []Value[bool]{Known(true), Known(false), UnknownValue[bool]()} {
				q := p
				switch name {
				case AttrHardExpiry:
					q.HardExpiry = v
				default:
					t.Fatalf("%s: no case here to set it", name)
				}
				if got := findingsText(EvaluatePasswordPolicy(q, DefaultBaseline())); got != base {
					t.Errorf("%s = %+v changes the findings:\n%s\nwant\n%s", name, v, got, base)
				}
			}
		}
	}
}

func findingsText(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Rule.ID + " " + f.Severity.String() + " " + f.Message + "\n")
	}
	return b.String()
}

func TestEvaluatePasswordPolicy(t *testing.T) {
	def := DefaultBaseline()
	for _, c := range []struct {
		name     string
		p        PasswordPolicy
		baseline func(b *Baseline)
		want     []want
	}{
		{name: "meets the baseline", p: strong()},
		{name: "stronger than the baseline", p: policy(func(p *PasswordPolicy) {
			p.MinimumLength, p.MaxAgeDays, p.ReusePrevention, p.HardExpiry = Known(32), Known(30), Known(24), Known(true)
		})},
		{name: "max age of one day", p: policy(func(p *PasswordPolicy) { p.MaxAgeDays = Known(1) })},
		{name: "minimum length one below", p: policy(func(p *PasswordPolicy) { p.MinimumLength = Known(13) }),
			want: []want{{"IG101", High, "minimum_password_length", "minimum_password_length is 13; the baseline requires at least 14"}}},
		{name: "API default minimum length", p: policy(func(p *PasswordPolicy) { p.MinimumLength = Known(APIDefaultMinimumLength) }),
			want: []want{{"IG101", High, "minimum_password_length", "minimum_password_length is 6; the baseline requires at least 14"}}},
		{name: "uppercase not required", p: policy(func(p *PasswordPolicy) { p.RequireUppercase = Known(false) }),
			want: []want{{"IG102", Medium, "require_uppercase_characters", "require_uppercase_characters is false; the baseline requires it"}}},
		{name: "lowercase not required", p: policy(func(p *PasswordPolicy) { p.RequireLowercase = Known(false) }),
			want: []want{{"IG103", Medium, "require_lowercase_characters", "require_lowercase_characters is false; the baseline requires it"}}},
		{name: "numbers not required", p: policy(func(p *PasswordPolicy) { p.RequireNumbers = Known(false) }),
			want: []want{{"IG104", Medium, "require_numbers", "require_numbers is false; the baseline requires it"}}},
		{name: "symbols not required", p: policy(func(p *PasswordPolicy) { p.RequireSymbols = Known(false) }),
			want: []want{{"IG105", Medium, "require_symbols", "require_symbols is false; the baseline requires it"}}},
		{name: "reuse prevention one below", p: policy(func(p *PasswordPolicy) { p.ReusePrevention = Known(23) }),
			want: []want{{"IG106", Medium, "password_reuse_prevention", "password_reuse_prevention is 23; the baseline requires 24"}}},
		{name: "reuse prevention not set", p: policy(func(p *PasswordPolicy) { p.ReusePrevention = Known(0) }),
			want: []want{{"IG106", Medium, "password_reuse_prevention", "password_reuse_prevention is not set, so passwords may be reused; the baseline requires 24"}}},
		{name: "max age one above", p: policy(func(p *PasswordPolicy) { p.MaxAgeDays = Known(91) }),
			want: []want{{"IG107", Medium, "max_password_age", "max_password_age is 91 days; the baseline allows at most 90"}}},
		{name: "passwords never expire", p: policy(func(p *PasswordPolicy) { p.MaxAgeDays = Known(0) }),
			want: []want{{"IG107", Medium, "max_password_age", "passwords never expire (max_password_age not set); the baseline requires at most 90 days"}}},
		{name: "users may not change their password", p: policy(func(p *PasswordPolicy) { p.AllowUsersToChange = Known(false) }),
			want: []want{{"IG110", Low, "allow_users_to_change_password", "allow_users_to_change_password is false: users cannot change their own password"}}},
		{name: "hard expiry is not judged", p: policy(func(p *PasswordPolicy) { p.HardExpiry = UnknownValue[bool]() })},
		{
			name: "no custom policy: AWS default",
			p:    NoPasswordPolicy(),
			want: []want{
				{"IG101", High, "minimum_password_length", "minimum_password_length is 8; the baseline requires at least 14"},
				{"IG102", Medium, "require_uppercase_characters", "require_uppercase_characters is false; the baseline requires it"},
				{"IG103", Medium, "require_lowercase_characters", "require_lowercase_characters is false; the baseline requires it"},
				{"IG104", Medium, "require_numbers", "require_numbers is false; the baseline requires it"},
				{"IG105", Medium, "require_symbols", "require_symbols is false; the baseline requires it"},
				{"IG106", Medium, "password_reuse_prevention", "password_reuse_prevention is not set, so passwords may be reused; the baseline requires 24"},
				{"IG107", Medium, "max_password_age", "passwords never expire (max_password_age not set); the baseline requires at most 90 days"},
				{"IG110", Low, "allow_users_to_change_password", "allow_users_to_change_password is false: users cannot change their own password"},
			},
		},
		{
			name: "every value known only after apply",
			p: PasswordPolicy{
				MinimumLength: UnknownValue[int](), RequireUppercase: UnknownValue[bool](), RequireLowercase: UnknownValue[bool](),
				RequireNumbers: UnknownValue[bool](), RequireSymbols: UnknownValue[bool](), MaxAgeDays: UnknownValue[int](),
				ReusePrevention: UnknownValue[int](), AllowUsersToChange: UnknownValue[bool](), HardExpiry: UnknownValue[bool](),
			},
			want: []want{
				{"IG101", Info, "minimum_password_length", unknownMsg("minimum_password_length", "IG101", "password-min-length")},
				{"IG102", Info, "require_uppercase_characters", unknownMsg("require_uppercase_characters", "IG102", "password-require-uppercase")},
				{"IG103", Info, "require_lowercase_characters", unknownMsg("require_lowercase_characters", "IG103", "password-require-lowercase")},
				{"IG104", Info, "require_numbers", unknownMsg("require_numbers", "IG104", "password-require-numbers")},
				{"IG105", Info, "require_symbols", unknownMsg("require_symbols", "IG105", "password-require-symbols")},
				{"IG106", Info, "password_reuse_prevention", unknownMsg("password_reuse_prevention", "IG106", "password-reuse-prevention")},
				{"IG107", Info, "max_password_age", unknownMsg("max_password_age", "IG107", "password-max-age")},
				{"IG110", Info, "allow_users_to_change_password", unknownMsg("allow_users_to_change_password", "IG110", "password-change-disallowed")},
			},
		},
		{
			name: "an unknown value beside a weak known one",
			p:    policy(func(p *PasswordPolicy) { p.MinimumLength, p.RequireSymbols = UnknownValue[int](), Known(false) }),
			want: []want{
				{"IG101", Info, "minimum_password_length", unknownMsg("minimum_password_length", "IG101", "password-min-length")},
				{"IG105", Medium, "require_symbols", "require_symbols is false; the baseline requires it"},
			},
		},
		{
			name:     "stricter baseline",
			p:        strong(),
			baseline: func(b *Baseline) { b.PasswordMinLength, b.PasswordReusePrevention, b.PasswordMaxAgeDays = 20, 24, 60 },
			want: []want{
				{"IG101", High, "minimum_password_length", "minimum_password_length is 14; the baseline requires at least 20"},
				{"IG107", Medium, "max_password_age", "max_password_age is 90 days; the baseline allows at most 60"},
			},
		},
		{
			name: "looser baseline",
			p: policy(func(p *PasswordPolicy) {
				p.MinimumLength, p.ReusePrevention, p.MaxAgeDays = Known(8), Known(5), Known(365)
			}),
			baseline: func(b *Baseline) { b.PasswordMinLength, b.PasswordReusePrevention, b.PasswordMaxAgeDays = 8, 5, 365 },
		},
		{
			name:     "looser baseline still wants expiry and reuse prevention",
			p:        policy(func(p *PasswordPolicy) { p.ReusePrevention, p.MaxAgeDays = Known(0), Known(0) }),
			baseline: func(b *Baseline) { b.PasswordReusePrevention, b.PasswordMaxAgeDays = 5, 365 },
			want: []want{
				{"IG106", Medium, "password_reuse_prevention", "password_reuse_prevention is not set, so passwords may be reused; the baseline requires 5"},
				{"IG107", Medium, "max_password_age", "passwords never expire (max_password_age not set); the baseline requires at most 365 days"},
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := def
			if c.baseline != nil {
				c.baseline(&b)
			}
			assertFindings(t, EvaluatePasswordPolicy(c.p, b), c.want)
		})
	}
}

// TestStricterPolicy: setting by setting the stricter of two standing
// policies, so that a weakening from either is reported (round 298).
func TestStricterPolicy(t *testing.T) {
	a := policy(func(p *PasswordPolicy) {
		p.MinimumLength, p.MaxAgeDays, p.ReusePrevention, p.RequireSymbols = Known(20), Known(0), Known(5), Known(false)
	})
	b := policy(func(p *PasswordPolicy) {
		p.MaxAgeDays, p.RequireNumbers, p.ReusePrevention = Known(180), UnknownValue[bool](), UnreadableValue[int]()
	})
	want := policy(func(p *PasswordPolicy) {
		p.MinimumLength, p.MaxAgeDays, p.ReusePrevention = Known(20), Known(180), Known(5)
	})
	for _, got := range []PasswordPolicy{StricterPolicy(a, b), StricterPolicy(b, a)} {
		if got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
	}
	// Of two values not definite, the unreadable one, which
	// PasswordPolicyWeakened reports as undecided.
	u := policy(func(p *PasswordPolicy) { p.MinimumLength = UnknownValue[int]() })
	r := policy(func(p *PasswordPolicy) { p.MinimumLength = UnreadableValue[int]() })
	for _, got := range []PasswordPolicy{StricterPolicy(u, r), StricterPolicy(r, u)} {
		if !got.MinimumLength.Unreadable {
			t.Errorf("minimum length %+v, want the unreadable one", got.MinimumLength)
		}
	}
}

func TestPasswordPolicyWeakened(t *testing.T) {
	for _, c := range []struct {
		name          string
		before, after PasswordPolicy
		want          []want
	}{
		{name: "unchanged", before: strong(), after: strong()},
		{name: "strengthened everywhere",
			before: policy(func(p *PasswordPolicy) {
				p.MinimumLength, p.ReusePrevention, p.MaxAgeDays = Known(8), Known(5), Known(180)
				p.RequireSymbols, p.AllowUsersToChange = Known(false), Known(false)
			}),
			after: strong()},
		{name: "expiry turned on", before: policy(func(p *PasswordPolicy) { p.MaxAgeDays = Known(0) }), after: strong()},
		{name: "reuse prevention turned on", before: policy(func(p *PasswordPolicy) { p.ReusePrevention = Known(0) }), after: strong()},
		{name: "hard expiry turned off is not a weakening", before: policy(func(p *PasswordPolicy) { p.HardExpiry = Known(true) }), after: strong()},
		{name: "still compliant: length 20 to 14",
			before: policy(func(p *PasswordPolicy) { p.MinimumLength = Known(20) }), after: strong(),
			want: []want{{"IG109", Medium, "minimum_password_length", "minimum_password_length drops from 20 to 14"}}},
		{name: "still compliant: max age 30 to 90",
			before: policy(func(p *PasswordPolicy) { p.MaxAgeDays = Known(30) }), after: strong(),
			want: []want{{"IG109", Medium, "max_password_age", "max_password_age grows from 30 to 90 days"}}},
		{name: "still compliant: reuse 30 to 24",
			before: policy(func(p *PasswordPolicy) { p.ReusePrevention = Known(30) }), after: strong(),
			want: []want{{"IG109", Medium, "password_reuse_prevention", "password_reuse_prevention drops from 30 to 24"}}},
		{name: "expiry goes to never",
			before: strong(), after: policy(func(p *PasswordPolicy) { p.MaxAgeDays = Known(0) }),
			want: []want{{"IG109", Medium, "max_password_age", "max_password_age changes from 90 days to never expiring"}}},
		{name: "never to never", before: policy(func(p *PasswordPolicy) { p.MaxAgeDays = Known(0) }),
			after: policy(func(p *PasswordPolicy) { p.MaxAgeDays = Known(0) })},
		{name: "reuse prevention switched off",
			before: strong(), after: policy(func(p *PasswordPolicy) { p.ReusePrevention = Known(0) }),
			want: []want{{"IG109", Medium, "password_reuse_prevention", "password_reuse_prevention drops from 24 to 0"}}},
		{
			name:   "every setting weaker",
			before: strong(),
			after: PasswordPolicy{MinimumLength: Known(8), MaxAgeDays: Known(180), ReusePrevention: Known(5),
				RequireUppercase: Known(false), RequireLowercase: Known(false), RequireNumbers: Known(false),
				RequireSymbols: Known(false), AllowUsersToChange: Known(false), HardExpiry: Known(true)},
			want: []want{
				{"IG109", Medium, "minimum_password_length", "minimum_password_length drops from 14 to 8"},
				{"IG109", Medium, "password_reuse_prevention", "password_reuse_prevention drops from 24 to 5"},
				{"IG109", Medium, "max_password_age", "max_password_age grows from 90 to 180 days"},
				{"IG109", Medium, "require_uppercase_characters", "require_uppercase_characters changes from true to false"},
				{"IG109", Medium, "require_lowercase_characters", "require_lowercase_characters changes from true to false"},
				{"IG109", Medium, "require_numbers", "require_numbers changes from true to false"},
				{"IG109", Medium, "require_symbols", "require_symbols changes from true to false"},
				{"IG109", Medium, "allow_users_to_change_password", "allow_users_to_change_password changes from true to false"},
			},
		},
		{
			name:   "unknown after-values are not compared",
			before: strong(),
			after: PasswordPolicy{MinimumLength: UnknownValue[int](), MaxAgeDays: UnknownValue[int](), ReusePrevention: UnknownValue[int](),
				RequireUppercase: UnknownValue[bool](), RequireLowercase: UnknownValue[bool](), RequireNumbers: UnknownValue[bool](),
				RequireSymbols: UnknownValue[bool](), AllowUsersToChange: UnknownValue[bool]()},
		},
		{
			name: "unknown before-values are not compared",
			before: PasswordPolicy{MinimumLength: UnknownValue[int](), MaxAgeDays: UnknownValue[int](), ReusePrevention: UnknownValue[int](),
				RequireSymbols: UnknownValue[bool]()},
			after: NoPasswordPolicy(),
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			assertFindings(t, PasswordPolicyWeakened(c.before, c.after), c.want)
		})
	}
}

// TestPolicyValueStates: a sensitive value is judged but not shown, an
// unreadable one gives an info finding, and neither is mistaken for a pass.
func TestPolicyValueStates(t *testing.T) {
	b := DefaultBaseline()
	p := strong()
	p.MinimumLength = Value[int]{V: 7, Sensitive: true}
	assertFindings(t, EvaluatePasswordPolicy(p, b), []want{{"IG101", High, AttrMinimumLength,
		"Password policy minimum length is below the baseline; minimum_password_length is (sensitive), so the details are not shown"}})
	p.MinimumLength = Value[int]{V: 20, Sensitive: true}
	assertFindings(t, EvaluatePasswordPolicy(p, b), nil)
	p = strong()
	p.RequireSymbols = UnreadableValue[bool]()
	assertFindings(t, EvaluatePasswordPolicy(p, b), []want{{"IG105", Info, AttrRequireSymbols,
		"require_symbols holds a value iamguard cannot read as the provider would; IG105 (password-require-symbols) cannot be judged"}})
	p = strong()
	p.MaxAgeDays = Known(-1)
	assertFindings(t, EvaluatePasswordPolicy(p, b), []want{{"IG107", Medium, AttrMaxAge,
		"max_password_age is -1, which is no number of days; the baseline requires at most 90"}})
	before, after := strong(), strong()
	after.MinimumLength = Value[int]{V: 12, Sensitive: true}
	fs := PasswordPolicyWeakened(before, after)
	if len(fs) != 1 || strings.Contains(fs[0].Message, "12") || !strings.Contains(fs[0].Message, "(sensitive)") {
		t.Errorf("weakened with a sensitive value: %+v", fs)
	}
}

func TestOutsideIAMLimits(t *testing.T) {
	p := func(length, reuse, age int) PasswordPolicy {
		return PasswordPolicy{MinimumLength: Known(length), ReusePrevention: Known(reuse), MaxAgeDays: Known(age)}
	}
	for _, c := range []struct {
		p    PasswordPolicy
		want string
	}{
		{p(14, 24, 90), ""}, {p(6, 0, 0), ""}, {p(128, 1, 1095), ""},
		{p(1000, 24, 90), "minimum_password_length must be from 6 to 128"},
		{p(14, 100, 90), "password_reuse_prevention must be from 1 to 24"},
		{p(14, 24, 2000), "max_password_age must be from 1 to 1095"},
		{p(5, 24, 90), "minimum_password_length"},
	} {
		if got := OutsideIAMLimits(c.p); c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%+v: %q, want %q", c.p, got, c.want)
		}
	}
}

// TestRefusedPolicyIsNoPass: a setting IAM refuses that no rule finds weak
// is an info finding, never a compliant policy.
func TestRefusedPolicyIsNoPass(t *testing.T) {
	strong := PasswordPolicy{MinimumLength: Known(14), RequireUppercase: Known(true), RequireLowercase: Known(true),
		RequireNumbers: Known(true), RequireSymbols: Known(true), MaxAgeDays: Known(90), ReusePrevention: Known(24),
		AllowUsersToChange: Known(true)}
	lax := DefaultBaseline()
	lax.PasswordMinLength = 4
	for _, c := range []struct {
		name string
		edit func(*PasswordPolicy)
		b    Baseline
		want string
	}{
		{"compliant", func(*PasswordPolicy) {}, DefaultBaseline(), ""},
		{"length above 128", func(p *PasswordPolicy) { p.MinimumLength = Known(200) }, DefaultBaseline(), "IG101:info"},
		{"length below 6 over a lax baseline", func(p *PasswordPolicy) { p.MinimumLength = Known(5) }, lax, "IG101:info"},
		{"length below 6, weak too", func(p *PasswordPolicy) { p.MinimumLength = Known(3) }, DefaultBaseline(), "IG101:high"},
		{"reuse above 24", func(p *PasswordPolicy) { p.ReusePrevention = Known(30) }, DefaultBaseline(), "IG106:info"},
		{"age above 1095", func(p *PasswordPolicy) { p.MaxAgeDays = Known(2000) }, DefaultBaseline(), "IG107:medium"},
		{"sensitive", func(p *PasswordPolicy) { p.MinimumLength = Value[int]{V: 200, Sensitive: true} }, DefaultBaseline(), "IG101:info"},
	} {
		p := strong
		c.edit(&p)
		fs := EvaluatePasswordPolicy(p, c.b)
		var got []string
		for _, f := range fs {
			got = append(got, f.Rule.ID+":"+f.Severity.String())
			if p.MinimumLength.Sensitive && strings.Contains(f.Message, "200") {
				t.Errorf("%s: message shows the sensitive value: %q", c.name, f.Message)
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: findings %q, want %q", c.name, got, c.want)
		}
	}
}
