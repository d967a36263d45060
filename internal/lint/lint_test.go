package lint

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// row is a finding as the tests state it.
type row struct {
	Addr, Action, ID string
	Sev              rules.Severity
	Attr, Msg        string
}

func (r row) String() string {
	return fmt.Sprintf("%s (%s) %s %s [%s] %s", r.Addr, r.Action, r.ID, r.Sev, r.Attr, r.Msg)
}

func rowsOf(fs []Finding) []row {
	var out []row
	for _, f := range fs {
		out = append(out, row{f.Address, f.Action, f.Rule.ID, f.Severity, f.Attribute, f.Message})
	}
	return out
}

func assertRows(t *testing.T, fs []Finding, want []row) {
	t.Helper()
	got := rowsOf(fs)
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = got[i] == want[i]
	}
	if !ok {
		var b strings.Builder
		b.WriteString("findings differ\n got:\n")
		for _, r := range got {
			b.WriteString("  " + r.String() + "\n")
		}
		b.WriteString(" want:\n")
		for _, r := range want {
			b.WriteString("  " + r.String() + "\n")
		}
		t.Error(b.String())
	}
}

// readPlan goes through the streaming reader, as the CLI does.
func readPlan(t *testing.T, data []byte) *plan.Plan {
	t.Helper()
	p, err := plan.Read(bytes.NewReader(data), ResourceTypes)
	if err != nil {
		t.Fatalf("plan.Read: %v", err)
	}
	return p
}

// readAsCLI reads a plan as the CLI does: keeping of each judged resource
// only the attributes the rules read.
func readAsCLI(t *testing.T, doc string) *plan.Plan {
	t.Helper()
	p, err := plan.Read(strings.NewReader(doc), ResourceTypes, plan.Attributes(Attributes))
	if err != nil {
		t.Fatalf("plan.Read: %v", err)
	}
	return p
}

func unknownMsg(attr, id, slug string) string {
	return attr + " is known only after apply; " + id + " (" + slug + ") cannot be judged until then"
}

// omit, as a value given to with, removes the attribute.
type omitted struct{}

var omit = omitted{}

// with copies m and sets (or, for omit, removes) attributes: with(m, "a", 1, "b", omit).
func with(m map[string]any, kv ...any) map[string]any {
	c := maps.Clone(m)
	if c == nil {
		c = map[string]any{}
	}
	for i := 0; i < len(kv); i += 2 {
		k := kv[i].(string)
		if kv[i+1] == omit {
			delete(c, k)
		} else {
			c[k] = kv[i+1]
		}
	}
	return c
}

var (
	create      = []string{"create"}
	update      = []string{"update"}
	del         = []string{"delete"}
	deleteFirst = []string{"delete", "create"}
	createFirst = []string{"create", "delete"}
	forget      = []string{"forget"}
)

// ---- aws_iam_account_password_policy ----

const policyAddr = "aws_iam_account_password_policy.this"

// strongPolicy is the state of a policy that meets the default baseline.
var strongPolicy = map[string]any{
	"allow_users_to_change_password": true,
	"expire_passwords":               true,
	"hard_expiry":                    false,
	"id":                             "iam-account-password-policy",
	"max_password_age":               90.0,
	"minimum_password_length":        14.0,
	"password_reuse_prevention":      24.0,
	"require_lowercase_characters":   true,
	"require_numbers":                true,
	"require_symbols":                true,
	"require_uppercase_characters":   true,
}

// newPolicy is a planned create: id and expire_passwords are computed.
func newPolicy(kv ...any) res {
	return res{addr: policyAddr, actions: create,
		after:   with(strongPolicy, append([]any{"id", omit, "expire_passwords", omit}, kv...)...),
		unknown: map[string]any{"id": true, "expire_passwords": true}}
}

// ---- aws_iam_access_key ----

var keyComputed = map[string]any{"create_date": true, "encrypted_secret": true, "encrypted_ses_smtp_password_v4": true,
	"id": true, "key_fingerprint": true, "secret": true, "ses_smtp_password_v4": true}

func newKey(addr, user string, kv ...any) res {
	return res{addr: addr, actions: create, unknown: keyComputed,
		after: with(map[string]any{"pgp_key": "keybase:" + user, "status": "Active", "user": user}, kv...)}
}

// keyState is an existing key as state holds it.
func keyState(user, status, created string, kv ...any) map[string]any {
	return with(map[string]any{
		"create_date": created, "encrypted_secret": "wcBMA...", "encrypted_ses_smtp_password_v4": "wcBMA...",
		"id": "AKIAEXAMPLE" + strings.ToUpper(user), "key_fingerprint": "1234ABCD", "pgp_key": "keybase:" + user,
		"secret": nil, "ses_smtp_password_v4": nil, "status": status, "user": user,
	}, kv...)
}

func existingKey(addr string, actions []string, before, after map[string]any) res {
	return res{addr: addr, actions: actions, before: before, after: after}
}

const recent = "2026-11-01T10:00:00Z" // 21 days before planTimestamp

// ---- aws_iam_user_login_profile ----

const profileAddr = `aws_iam_user_login_profile.console["alice"]`

func newProfile(kv ...any) res {
	return res{addr: profileAddr, actions: create,
		after:   with(map[string]any{"password_length": 20.0, "password_reset_required": true, "pgp_key": "keybase:alice", "user": "alice"}, kv...),
		unknown: map[string]any{"encrypted_password": true, "id": true, "key_fingerprint": true, "password": true}}
}

var profileState = map[string]any{"encrypted_password": "wcBMA...", "id": "alice", "key_fingerprint": "1234ABCD",
	"password": nil, "password_length": 20.0, "password_reset_required": false, "pgp_key": "keybase:alice", "user": "alice"}

// ---- aws_cloudtrail ----

const trailAddr = "module.logging.aws_cloudtrail.org"

var trailState = map[string]any{
	"advanced_event_selector": []any{}, "arn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org",
	"cloud_watch_logs_group_arn": nil, "cloud_watch_logs_role_arn": nil,
	"enable_log_file_validation": true, "enable_logging": true, "event_selector": []any{},
	"home_region": "us-east-1", "id": "org", "include_global_service_events": true, "insight_selector": []any{},
	"is_multi_region_trail": true, "is_organization_trail": false, "kms_key_id": nil, "name": "org",
	"s3_bucket_name": "org-trail-logs", "s3_key_prefix": nil, "sns_topic_name": nil, "tags": nil, "tags_all": map[string]any{},
}

func newTrail(kv ...any) res {
	return res{addr: trailAddr, actions: create,
		after:   with(trailState, append([]any{"arn", omit, "home_region", omit, "id", omit, "tags_all", omit}, kv...)...),
		unknown: map[string]any{"arn": true, "home_region": true, "id": true, "tags_all": true}}
}

func eventSelector(rw string, include any, excluded ...any) map[string]any {
	if excluded == nil {
		excluded = []any{}
	}
	return map[string]any{"data_resource": []any{}, "exclude_management_event_sources": excluded,
		"include_management_events": include, "read_write_type": rw}
}

func fieldSelector(field, op string, values ...any) map[string]any {
	fs := map[string]any{"field": field}
	for _, o := range []string{"equals", "not_equals", "starts_with", "not_starts_with", "ends_with", "not_ends_with"} {
		fs[o] = []any{}
	}
	fs[op] = values
	return fs
}

func advancedSelector(name string, fields ...any) map[string]any {
	return map[string]any{"name": name, "field_selector": fields}
}

type lintCase struct {
	name    string
	spec    planSpec
	opt     Options
	want    []row
	skipped int // resources not judged (ChangedOnly)
}

func runCases(t *testing.T, cases []lintCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Lint(readPlan(t, build(t, c.spec)), c.opt)
			assertRows(t, res.Findings, c.want)
			judged := -c.skipped
			for _, r := range c.spec.changes {
				if r.deposed == "" {
					judged++
				}
			}
			if res.Resources != judged {
				t.Errorf("Resources = %d, want %d", res.Resources, judged)
			}
		})
	}
}

func TestPasswordPolicy(t *testing.T) {
	ig109 := func(action, attr, msg string) row {
		return row{policyAddr, action, "IG109", rules.Medium, attr, msg}
	}
	cases := []lintCase{
		{name: "compliant policy created", spec: planSpec{changes: []res{newPolicy()}}},
		{name: "compliant policy unchanged", spec: planSpec{changes: []res{{addr: policyAddr, before: strongPolicy, after: strongPolicy}}}},
		{
			name: "omitted attributes take the AWS defaults",
			// allow_users_to_change_password and minimum_password_length have
			// provider defaults; the others are optional+computed.
			spec: planSpec{changes: []res{{addr: policyAddr, actions: create, config: []string{},
				after: map[string]any{"allow_users_to_change_password": true, "minimum_password_length": 6.0},
				unknown: map[string]any{"expire_passwords": true, "hard_expiry": true, "id": true, "max_password_age": true,
					"password_reuse_prevention": true, "require_lowercase_characters": true, "require_numbers": true,
					"require_symbols": true, "require_uppercase_characters": true}}}},
			want: []row{
				{policyAddr, "create", "IG101", rules.High, "minimum_password_length", "minimum_password_length is 6; the baseline requires at least 14"},
				{policyAddr, "create", "IG102", rules.Medium, "require_uppercase_characters", "require_uppercase_characters is false; the baseline requires it"},
				{policyAddr, "create", "IG103", rules.Medium, "require_lowercase_characters", "require_lowercase_characters is false; the baseline requires it"},
				{policyAddr, "create", "IG104", rules.Medium, "require_numbers", "require_numbers is false; the baseline requires it"},
				{policyAddr, "create", "IG105", rules.Medium, "require_symbols", "require_symbols is false; the baseline requires it"},
				{policyAddr, "create", "IG106", rules.Medium, "password_reuse_prevention", "password_reuse_prevention is not set, so passwords may be reused; the baseline requires 24"},
				{policyAddr, "create", "IG107", rules.Medium, "max_password_age", "passwords never expire (max_password_age not set); the baseline requires at most 90 days"},
			},
		},
		{
			name: "unknown values without a configuration block stay unknown",
			spec: planSpec{noConfig: true, changes: []res{{addr: policyAddr, actions: create,
				after: map[string]any{"allow_users_to_change_password": true, "minimum_password_length": 6.0},
				unknown: map[string]any{"expire_passwords": true, "hard_expiry": true, "id": true, "max_password_age": true,
					"password_reuse_prevention": true, "require_lowercase_characters": true, "require_numbers": true,
					"require_symbols": true, "require_uppercase_characters": true}}}},
			want: []row{
				{policyAddr, "create", "IG101", rules.High, "minimum_password_length", "minimum_password_length is 6; the baseline requires at least 14"},
				{policyAddr, "create", "IG102", rules.Info, "require_uppercase_characters", unknownMsg("require_uppercase_characters", "IG102", "password-require-uppercase")},
				{policyAddr, "create", "IG103", rules.Info, "require_lowercase_characters", unknownMsg("require_lowercase_characters", "IG103", "password-require-lowercase")},
				{policyAddr, "create", "IG104", rules.Info, "require_numbers", unknownMsg("require_numbers", "IG104", "password-require-numbers")},
				{policyAddr, "create", "IG105", rules.Info, "require_symbols", unknownMsg("require_symbols", "IG105", "password-require-symbols")},
				{policyAddr, "create", "IG106", rules.Info, "password_reuse_prevention", unknownMsg("password_reuse_prevention", "IG106", "password-reuse-prevention")},
				{policyAddr, "create", "IG107", rules.Info, "max_password_age", unknownMsg("max_password_age", "IG107", "password-max-age")},
			},
		},
		{
			name: "minimum length configured from a reference",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: update, before: strongPolicy,
				after:   with(strongPolicy, "minimum_password_length", omit),
				unknown: map[string]any{"minimum_password_length": true}}}},
			want: []row{{policyAddr, "update", "IG101", rules.Info, "minimum_password_length", unknownMsg("minimum_password_length", "IG101", "password-min-length")}},
		},
		{
			name: "deleted: IG108 only",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: del, before: strongPolicy}}},
			want: []row{{policyAddr, "delete", "IG108", rules.High, "", "the password policy is deleted: the account falls back to AWS's default (8 characters, no expiry, no reuse prevention)"}},
		},
		{
			name: "deleted weak policy: IG108 only",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: del, before: with(strongPolicy, "minimum_password_length", 8.0)}}},
			want: []row{{policyAddr, "delete", "IG108", rules.High, "", "the password policy is deleted: the account falls back to AWS's default (8 characters, no expiry, no reuse prevention)"}},
		},
		{name: "replaced, destroy before create: not a removal",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: deleteFirst, before: strongPolicy, after: with(strongPolicy, "id", omit),
				unknown: map[string]any{"id": true}}}}},
		{
			name: "replaced, create before destroy, weaker",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: createFirst, before: strongPolicy,
				after: with(strongPolicy, "id", omit, "minimum_password_length", 12.0), unknown: map[string]any{"id": true}}}},
			want: []row{
				{policyAddr, "replace", "IG101", rules.High, "minimum_password_length", "minimum_password_length is 12; the baseline requires at least 14"},
				// Destroying the old object then deletes the account's one policy.
				{policyAddr, "replace", "IG108", rules.High, "", "the policy is replaced creating first: destroying the old object then deletes the account's only policy, and AWS's default applies"},
				ig109("replace", "minimum_password_length", "minimum_password_length drops from 14 to 12"),
			},
		},
		{
			// Forgetting the old object destroys nothing: no IG108.
			name: "replaced, create and forget, weaker",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: []string{"create", "forget"}, before: strongPolicy,
				after: with(strongPolicy, "id", omit, "minimum_password_length", 12.0), unknown: map[string]any{"id": true}}}},
			want: []row{
				{policyAddr, "replace", "IG101", rules.High, "minimum_password_length", "minimum_password_length is 12; the baseline requires at least 14"},
				ig109("replace", "minimum_password_length", "minimum_password_length drops from 14 to 12"),
			},
		},
		{
			name: "weakened but still compliant",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: update,
				before: with(strongPolicy, "minimum_password_length", 20.0, "max_password_age", 60.0, "password_reuse_prevention", 24.0),
				after:  strongPolicy}}},
			want: []row{
				ig109("update", "minimum_password_length", "minimum_password_length drops from 20 to 14"),
				ig109("update", "max_password_age", "max_password_age grows from 60 to 90 days"),
			},
		},
		{
			name: "expiry goes to never",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: update, before: strongPolicy,
				after: with(strongPolicy, "max_password_age", 0.0, "expire_passwords", false)}}},
			want: []row{
				{policyAddr, "update", "IG107", rules.Medium, "max_password_age", "passwords never expire (max_password_age not set); the baseline requires at most 90 days"},
				ig109("update", "max_password_age", "max_password_age changes from 90 days to never expiring"),
			},
		},
		{
			name: "classes and self-service switched off",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: update, before: strongPolicy,
				after: with(strongPolicy, "require_numbers", false, "allow_users_to_change_password", false)}}},
			want: []row{
				{policyAddr, "update", "IG104", rules.Medium, "require_numbers", "require_numbers is false; the baseline requires it"},
				ig109("update", "require_numbers", "require_numbers changes from true to false"),
				ig109("update", "allow_users_to_change_password", "allow_users_to_change_password changes from true to false"),
				{policyAddr, "update", "IG110", rules.Low, "allow_users_to_change_password", "allow_users_to_change_password is false: users cannot change their own password"},
			},
		},
		{
			name: "strengthened",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: update,
				before: with(strongPolicy, "minimum_password_length", 8.0, "max_password_age", 0.0, "password_reuse_prevention", 0.0, "require_symbols", false),
				after:  strongPolicy}}},
		},
		{
			name: "weak policy left alone is still judged",
			spec: planSpec{changes: []res{{addr: policyAddr, before: with(strongPolicy, "minimum_password_length", 10.0),
				after: with(strongPolicy, "minimum_password_length", 10.0)}}},
			want: []row{{policyAddr, "no-op", "IG101", rules.High, "minimum_password_length", "minimum_password_length is 10; the baseline requires at least 14"}},
		},
		{
			name:    "changed-only skips a weak policy left alone",
			opt:     Options{ChangedOnly: true},
			spec:    planSpec{changes: []res{{addr: policyAddr, before: with(strongPolicy, "minimum_password_length", 10.0), after: with(strongPolicy, "minimum_password_length", 10.0)}}},
			skipped: 1,
		},
		{
			name: "changed-only still judges an update",
			opt:  Options{ChangedOnly: true},
			spec: planSpec{changes: []res{{addr: policyAddr, actions: update, before: strongPolicy, after: with(strongPolicy, "hard_expiry", true)}}},
		},
		{
			name: "forgotten: the policy stays in AWS as it was",
			spec: planSpec{changes: []res{{addr: policyAddr, actions: forget, before: strongPolicy}}},
		},
		{
			name: "stricter baseline from the options",
			opt:  Options{Baseline: &rules.Baseline{PasswordMinLength: 16, PasswordReusePrevention: 24, PasswordMaxAgeDays: 90}},
			spec: planSpec{changes: []res{newPolicy()}},
			want: []row{{policyAddr, "create", "IG101", rules.High, "minimum_password_length", "minimum_password_length is 14; the baseline requires at least 16"}},
		},
		{
			name: "disabled rule",
			opt:  Options{Disabled: map[string]bool{"IG101": true}},
			spec: planSpec{changes: []res{newPolicy("minimum_password_length", 8.0, "require_symbols", false)}},
			want: []row{{policyAddr, "create", "IG105", rules.Medium, "require_symbols", "require_symbols is false; the baseline requires it"}},
		},
	}
	// One weak attribute at a time on a created policy.
	for _, w := range []struct {
		attr string
		v    any
		want row
	}{
		{"minimum_password_length", 13.0, row{policyAddr, "create", "IG101", rules.High, "minimum_password_length", "minimum_password_length is 13; the baseline requires at least 14"}},
		{"require_uppercase_characters", false, row{policyAddr, "create", "IG102", rules.Medium, "require_uppercase_characters", "require_uppercase_characters is false; the baseline requires it"}},
		{"require_lowercase_characters", false, row{policyAddr, "create", "IG103", rules.Medium, "require_lowercase_characters", "require_lowercase_characters is false; the baseline requires it"}},
		{"require_numbers", false, row{policyAddr, "create", "IG104", rules.Medium, "require_numbers", "require_numbers is false; the baseline requires it"}},
		{"require_symbols", false, row{policyAddr, "create", "IG105", rules.Medium, "require_symbols", "require_symbols is false; the baseline requires it"}},
		{"password_reuse_prevention", 23.0, row{policyAddr, "create", "IG106", rules.Medium, "password_reuse_prevention", "password_reuse_prevention is 23; the baseline requires 24"}},
		{"max_password_age", 91.0, row{policyAddr, "create", "IG107", rules.Medium, "max_password_age", "max_password_age is 91 days; the baseline allows at most 90"}},
		{"allow_users_to_change_password", false, row{policyAddr, "create", "IG110", rules.Low, "allow_users_to_change_password", "allow_users_to_change_password is false: users cannot change their own password"}},
	} {
		cases = append(cases, lintCase{name: fmt.Sprintf("created with %s = %v", w.attr, w.v),
			spec: planSpec{changes: []res{newPolicy(w.attr, w.v)}}, want: []row{w.want}})
	}
	runCases(t, cases)
}

func TestAccessKey(t *testing.T) {
	const (
		k0     = `module.users["alice"].aws_iam_access_key.this[0]`
		k1     = `module.users["alice"].aws_iam_access_key.this[1]`
		bobKey = `module.users["bob"].aws_iam_access_key.this[0]`
		legacy = "aws_iam_access_key.legacy"
		extra  = `module.users["alice"].aws_iam_access_key.extra["ci"]`
		ig202  = "pgp_key is not set: the secret access key and SMTP password are stored unencrypted in state"
	)
	ig203 := func(addr, action string, keys ...string) row {
		return row{addr, action, "IG203", rules.Medium, "status",
			fmt.Sprintf("user %q has %d active access keys: %s", "alice", len(keys), strings.Join(keys, ", "))}
	}
	plainKey := keyState("alice", "Active", recent, "pgp_key", nil, "encrypted_secret", nil,
		"encrypted_ses_smtp_password_v4", nil, "key_fingerprint", nil, "secret", "wJalrEXAMPLEcanary", "ses_smtp_password_v4", "BEXAMPLEcanary")
	runCases(t, []lintCase{
		{name: "created with pgp_key", spec: planSpec{changes: []res{newKey(k0, "alice")}}},
		{
			name: "created without pgp_key",
			spec: planSpec{changes: []res{newKey(k0, "alice", "pgp_key", nil)}},
			want: []row{{k0, "create", "IG202", rules.High, "pgp_key", ig202}},
		},
		{
			name: "existing key without pgp_key",
			spec: planSpec{changes: []res{existingKey(k0, nil, plainKey, plainKey)}},
			want: []row{{k0, "no-op", "IG202", rules.High, "pgp_key", ig202}},
		},
		{
			name: "pgp_key from a reference",
			spec: planSpec{changes: []res{{addr: k0, actions: create, config: []string{"user", "pgp_key"},
				after:   map[string]any{"status": "Active", "user": "alice"},
				unknown: with(keyComputed, "pgp_key", true)}}},
			want: []row{{k0, "create", "IG202", rules.Info, "pgp_key", unknownMsg("pgp_key", "IG202", "access-key-secret-in-state")}},
		},
		{
			name: "pgp_key unknown, no configuration block",
			spec: planSpec{noConfig: true, changes: []res{{addr: k0, actions: create,
				after:   map[string]any{"status": "Active", "user": "alice"},
				unknown: with(keyComputed, "pgp_key", true)}}},
			want: []row{{k0, "create", "IG202", rules.Info, "pgp_key", unknownMsg("pgp_key", "IG202", "access-key-secret-in-state")}},
		},
		// The AWS provider deactivates a key it creates only when asked
		// for Inactive, and IAM refuses a status it does not define
		// (round 233: no finding, exit 0).
		{
			name: "created asking for Expired, beside an active key",
			spec: planSpec{changes: []res{newKey(k0, "alice"), newKey(k1, "alice", "status", "Expired")}},
			want: []row{ig203(k0, "create", k0, k1)},
		},
		{
			name: "created asking for a status IAM does not define, beside an active key",
			spec: planSpec{changes: []res{newKey(k0, "alice"), newKey(k1, "alice", "status", "inactive")}},
			want: []row{ig203(k0, "create", k0, k1)},
		},
		{
			name: "created Inactive beside an active key",
			spec: planSpec{changes: []res{newKey(k0, "alice"), newKey(k1, "alice", "status", "Inactive")}},
		},
		{
			name: "reactivated",
			spec: planSpec{changes: []res{existingKey(k0, update, keyState("alice", "Inactive", recent), keyState("alice", "Active", recent))}},
			want: []row{{k0, "update", "IG201", rules.High, "status", "status changes from Inactive to Active"}},
		},
		{name: "deactivated",
			spec: planSpec{changes: []res{existingKey(k0, update, keyState("alice", "Active", recent), keyState("alice", "Inactive", recent))}}},
		{
			name: "inactive key replaced by an active one: a new key, not a reactivation",
			spec: planSpec{changes: []res{{addr: k0, actions: deleteFirst, before: keyState("alice", "Inactive", recent),
				after: map[string]any{"pgp_key": "keybase:alice", "status": "Active", "user": "alice"}, unknown: keyComputed}}},
		},
		{name: "deleted key without pgp_key: nothing to report",
			spec: planSpec{changes: []res{existingKey(k0, del, plainKey, nil)}}},

		// IG203: keys active once the plan is applied, prior state counted.
		{
			name: "second key created beside a surviving one",
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", recent), keyState("alice", "Active", recent)), newKey(k1, "alice")}},
			want: []row{ig203(k1, "create", k0, k1)}, // one finding per user, on the key the plan writes
		},
		{
			// Replacing an active key adds none: IG203 stays on the first.
			name: "second of two keys rotated",
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", recent), keyState("alice", "Active", recent)),
				{addr: k1, actions: deleteFirst, before: keyState("alice", "Active", recent),
					after: map[string]any{"pgp_key": "keybase:alice2", "status": "Active", "user": "alice"}, unknown: keyComputed}}},
			want: []row{ig203(k0, "no-op", k0, k1)},
		},
		{
			// Another user's key handed to alice adds one to hers.
			name: "another user's key given to her beside one",
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", recent), keyState("alice", "Active", recent)),
				{addr: k1, actions: deleteFirst, before: keyState("bob", "Active", recent),
					after: map[string]any{"pgp_key": "keybase:alice2", "status": "Active", "user": "alice"}, unknown: keyComputed}}},
			want: []row{ig203(k1, "replace", k0, k1)},
		},
		{
			// Replacing an inactive one with an active one adds one.
			name: "an inactive key replaced by an active one beside another",
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", recent), keyState("alice", "Active", recent)),
				{addr: k1, actions: deleteFirst, before: keyState("alice", "Inactive", recent),
					after: map[string]any{"pgp_key": "keybase:alice2", "status": "Active", "user": "alice"}, unknown: keyComputed}}},
			want: []row{ig203(k1, "replace", k0, k1)},
		},
		{
			name: "prior key outside the plan (targeted) is counted",
			spec: planSpec{changes: []res{newKey(k0, "alice")},
				prior: []res{{addr: legacy, after: keyState("alice", "Active", recent)}}},
			want: []row{ig203(k0, "create", legacy, k0)},
		},
		{
			name: "inactive prior key outside the plan is not counted",
			spec: planSpec{changes: []res{newKey(k0, "alice")},
				prior: []res{{addr: legacy, after: keyState("alice", "Inactive", recent)}}},
		},
		{
			name: "prior key deleted by the plan is not counted",
			spec: planSpec{changes: []res{existingKey(legacy, del, keyState("alice", "Active", recent), nil), newKey(k0, "alice")}},
		},
		{
			name: "rotation: old key deactivated, new key created",
			spec: planSpec{changes: []res{existingKey(legacy, update, keyState("alice", "Active", recent), keyState("alice", "Inactive", recent)), newKey(k0, "alice")}},
		},
		{
			name: "replaced key counts once",
			spec: planSpec{changes: []res{{addr: k0, actions: createFirst, before: keyState("alice", "Active", recent),
				after: map[string]any{"pgp_key": "keybase:alice2", "status": "Active", "user": "alice"}, unknown: keyComputed}}},
		},
		{
			name: "keys of different users",
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", recent), keyState("alice", "Active", recent)), newKey(bobKey, "bob")}},
		},
		{
			// Read from the module's input (var.user), which may be alice.
			name: "new key's user known only after apply: undecided",
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", recent), keyState("alice", "Active", recent)),
				{addr: k1, actions: create, config: []string{"user", "pgp_key"}, after: map[string]any{"pgp_key": "keybase:x", "status": "Active"},
					unknown: with(keyComputed, "user", true)}}},
			want: []row{{k1, "create", "IG203", rules.Info, "user", unknownMsg("user", "IG203", "access-key-multiple-active")}},
		},
		{
			name: "third key: every active key named",
			spec: planSpec{changes: []res{
				existingKey(k0, nil, keyState("alice", "Active", recent), keyState("alice", "Active", recent)),
				existingKey(legacy, nil, keyState("alice", "Inactive", recent), keyState("alice", "Inactive", recent)),
				newKey(k1, "alice"),
				newKey(extra, "alice"),
			}},
			want: []row{ig203(extra, "create", extra, k0, k1)}, // on the first key by address
		},
		{
			name: "deposed object of a replaced key is neither judged nor counted",
			spec: planSpec{changes: []res{
				{addr: k0, actions: create, after: map[string]any{"pgp_key": "keybase:alice", "status": "Active", "user": "alice"}, unknown: keyComputed},
				{addr: k0, actions: del, deposed: "00000001", before: plainKey},
			}},
		},
		{
			name: "forgotten key stays active in AWS and is counted",
			spec: planSpec{changes: []res{{addr: legacy, actions: forget, before: keyState("alice", "Active", recent)}, newKey(k0, "alice")}},
			want: []row{ig203(k0, "create", legacy, k0)},
		},

		{
			// The old key a replacement forgets stays in AWS as it is, and
			// is judged as a key forgotten alone is (round 150: an old
			// active key replaced by an inactive one passed).
			name: "replaced creating first, the old key forgotten",
			spec: planSpec{changes: []res{{addr: k0, actions: []string{"create", "forget"}, before: keyState("alice", "Active", "2025-06-01T09:30:00Z"),
				after: map[string]any{"pgp_key": "keybase:alice", "status": "Inactive", "user": "alice"}, unknown: keyComputed}}},
			want: []row{{k0, "forget", "IG204", rules.Medium, "create_date", "access key is 539 days old; the baseline requires rotation every 90 days"}},
		},
		{
			name: "replaced forgetting first, beside another active key",
			spec: planSpec{changes: []res{{addr: k0, actions: []string{"forget", "create"}, before: keyState("alice", "Active", recent),
				after: map[string]any{"pgp_key": "keybase:alice", "status": "Active", "user": "alice"}, unknown: keyComputed}}},
			want: []row{ig203(k0, "replace", k0, k0+" (forgotten)")},
		},

		// IG204 against the plan's timestamp (2026-11-23T07:00:00Z) or Options.Now.
		{
			name: "key 100 days old",
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", "2026-08-15T07:00:00Z"), keyState("alice", "Active", "2026-08-15T07:00:00Z"))}},
			want: []row{{k0, "no-op", "IG204", rules.Medium, "create_date", "access key is 100 days old; the baseline requires rotation every 90 days"}},
		},
		{
			name: "key exactly 90 days old",
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", "2026-08-25T07:00:00Z"), keyState("alice", "Active", "2026-08-25T07:00:00Z"))}},
		},
		{
			name: "old key reactivated",
			spec: planSpec{changes: []res{existingKey(k0, update, keyState("alice", "Inactive", "2025-06-01T09:30:00Z"), keyState("alice", "Active", "2025-06-01T09:30:00Z"))}},
			want: []row{
				{k0, "update", "IG201", rules.High, "status", "status changes from Inactive to Active"},
				{k0, "update", "IG204", rules.Medium, "create_date", "access key is 539 days old; the baseline requires rotation every 90 days"},
			},
		},
		{
			name: "old inactive key",
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Inactive", "2025-06-01T09:30:00Z"), keyState("alice", "Inactive", "2025-06-01T09:30:00Z"))}},
		},
		{
			name: "Options.Now overrides the plan timestamp",
			opt:  Options{Now: time.Date(2027, 1, 1, 7, 0, 0, 0, time.UTC)},
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", "2026-10-01T07:00:00Z"), keyState("alice", "Active", "2026-10-01T07:00:00Z"))}},
			want: []row{{k0, "no-op", "IG204", rules.Medium, "create_date", "access key is 92 days old; the baseline requires rotation every 90 days"}},
		},
		{
			name: "same key judged at the plan timestamp",
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", "2026-10-01T07:00:00Z"), keyState("alice", "Active", "2026-10-01T07:00:00Z"))}},
		},
		{
			name: "baseline from the options",
			opt:  Options{Baseline: &rules.Baseline{AccessKeyMaxAgeDays: 14}},
			spec: planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", recent), keyState("alice", "Active", recent))}},
			want: []row{{k0, "no-op", "IG204", rules.Medium, "create_date", "access key is 21 days old; the baseline requires rotation every 14 days"}},
		},
		{
			name:    "changed-only skips an old key left alone",
			opt:     Options{ChangedOnly: true},
			spec:    planSpec{changes: []res{existingKey(k0, nil, keyState("alice", "Active", "2026-08-15T07:00:00Z"), keyState("alice", "Active", "2026-08-15T07:00:00Z"))}},
			skipped: 1,
		},
	})
}

func TestLoginProfile(t *testing.T) {
	const msg = "password_reset_required is false: the initial console password stays valid until the user changes it"
	runCases(t, []lintCase{
		{name: "created with a reset", spec: planSpec{changes: []res{newProfile()}}},
		{
			name: "created without a reset",
			spec: planSpec{changes: []res{newProfile("password_reset_required", false)}},
			want: []row{{profileAddr, "create", "IG601", rules.Medium, "password_reset_required", msg}},
		},
		{
			name: "omitted: the provider sends false",
			spec: planSpec{changes: []res{{addr: profileAddr, actions: create, config: []string{"user", "pgp_key"},
				after:   map[string]any{"password_length": 20.0, "pgp_key": "keybase:alice", "user": "alice"},
				unknown: map[string]any{"encrypted_password": true, "id": true, "key_fingerprint": true, "password": true, "password_reset_required": true}}}},
			want: []row{{profileAddr, "create", "IG601", rules.Medium, "password_reset_required", msg}},
		},
		{
			name: "omitted, no configuration block: unknown",
			spec: planSpec{noConfig: true, changes: []res{{addr: profileAddr, actions: create,
				after:   map[string]any{"password_length": 20.0, "pgp_key": "keybase:alice", "user": "alice"},
				unknown: map[string]any{"encrypted_password": true, "id": true, "key_fingerprint": true, "password": true, "password_reset_required": true}}}},
			want: []row{{profileAddr, "create", "IG601", rules.Info, "password_reset_required", unknownMsg("password_reset_required", "IG601", "login-profile-no-reset")}},
		},
		{
			name: "from a reference",
			spec: planSpec{changes: []res{{addr: profileAddr, actions: create, config: []string{"user", "pgp_key", "password_reset_required"},
				after:   map[string]any{"password_length": 20.0, "pgp_key": "keybase:alice", "user": "alice"},
				unknown: map[string]any{"encrypted_password": true, "id": true, "key_fingerprint": true, "password": true, "password_reset_required": true}}}},
			want: []row{{profileAddr, "create", "IG601", rules.Info, "password_reset_required", unknownMsg("password_reset_required", "IG601", "login-profile-no-reset")}},
		},
		{
			name: "replaced without a reset",
			spec: planSpec{changes: []res{{addr: profileAddr, actions: deleteFirst, before: profileState,
				after:   map[string]any{"password_length": 24.0, "password_reset_required": false, "pgp_key": "keybase:alice", "user": "alice"},
				unknown: map[string]any{"encrypted_password": true, "id": true, "key_fingerprint": true, "password": true}}}},
			want: []row{{profileAddr, "replace", "IG601", rules.Medium, "password_reset_required", msg}},
		},
		// IAM clears PasswordResetRequired once the user has changed the
		// password, so existing profiles read false (ignore_changes keeps
		// the plan a no-op).
		{name: "existing profile after the user's first sign-in", spec: planSpec{changes: []res{{addr: profileAddr, before: profileState, after: profileState}}}},
		{name: "deleted", spec: planSpec{changes: []res{{addr: profileAddr, actions: del, before: profileState}}}},
	})
}

func TestCloudTrail(t *testing.T) {
	const (
		ig705basic = "no event_selector records write management events from iam.amazonaws.com (include_management_events false, read_write_type ReadOnly, or the source excluded)"
		ig705adv   = "no advanced_event_selector records write management events from iam.amazonaws.com"
		deleted    = "the trail is destroyed and not replaced: the IAM events it recorded stop being logged"
	)
	management := fieldSelector("eventCategory", "equals", "Management")
	ig705 := func(action, attr, msg string) []row {
		return []row{{trailAddr, action, "IG705", rules.High, attr, msg}}
	}
	cases := []lintCase{
		{name: "compliant trail created", spec: planSpec{changes: []res{newTrail()}}},
		{name: "compliant trail unchanged", spec: planSpec{changes: []res{{addr: trailAddr, before: trailState, after: trailState}}}},
		{
			name: "omitted attributes take the provider defaults",
			spec: planSpec{changes: []res{newTrail("is_multi_region_trail", false, "enable_log_file_validation", false)}},
			want: []row{
				{trailAddr, "create", "IG702", rules.Medium, "is_multi_region_trail", "is_multi_region_trail is false: the trail records one region only"},
				{trailAddr, "create", "IG706", rules.Medium, "enable_log_file_validation", "enable_log_file_validation is false: delivered log files cannot be verified"},
			},
		},
		{
			name: "logging from a reference",
			spec: planSpec{changes: []res{{addr: trailAddr, actions: update, before: trailState,
				after: with(trailState, "enable_logging", omit), unknown: map[string]any{"enable_logging": true}}}},
			want: []row{{trailAddr, "update", "IG703", rules.Info, "enable_logging", unknownMsg("enable_logging", "IG703", "cloudtrail-logging-off")}},
		},
		{
			name: "deleted: IG704 only",
			spec: planSpec{changes: []res{{addr: trailAddr, actions: del, before: with(trailState, "is_multi_region_trail", false)}}},
			want: []row{{trailAddr, "delete", "IG704", rules.High, "", deleted}},
		},
		{name: "replaced, destroy before create: not a removal",
			spec: planSpec{changes: []res{{addr: trailAddr, actions: deleteFirst, before: trailState,
				after: with(trailState, "arn", omit, "id", omit), unknown: map[string]any{"arn": true, "id": true}}}}},
		{
			name: "replaced, create before destroy, as a single-region trail",
			spec: planSpec{changes: []res{{addr: trailAddr, actions: createFirst, before: trailState,
				after: with(trailState, "arn", omit, "id", omit, "is_multi_region_trail", false), unknown: map[string]any{"arn": true, "id": true}}}},
			want: []row{{trailAddr, "replace", "IG702", rules.Medium, "is_multi_region_trail", "is_multi_region_trail is false: the trail records one region only"}},
		},
		{
			name: "deposed trail cleaned up after a replacement",
			spec: planSpec{changes: []res{newTrail(), {addr: trailAddr, actions: del, deposed: "a1b2c3d4", before: trailState}}},
		},
		{
			name: "forgotten trail is not deleted",
			spec: planSpec{changes: []res{{addr: trailAddr, actions: forget, before: trailState}}},
		},

		// Basic event selectors.
		{name: "event_selector All", spec: planSpec{changes: []res{newTrail("event_selector", []any{eventSelector("All", true)})}}},
		{name: "event_selector WriteOnly", spec: planSpec{changes: []res{newTrail("event_selector", []any{eventSelector("WriteOnly", true)})}}},
		{name: "event_selector ReadOnly", spec: planSpec{changes: []res{newTrail("event_selector", []any{eventSelector("ReadOnly", true)})}},
			want: ig705("create", "event_selector", ig705basic)},
		{name: "event_selector without management events",
			spec: planSpec{changes: []res{newTrail("event_selector", []any{eventSelector("All", false)})}},
			want: ig705("create", "event_selector", ig705basic)},
		{name: "exclude_management_event_sources iam.amazonaws.com",
			spec: planSpec{changes: []res{newTrail("event_selector", []any{eventSelector("All", true, "kms.amazonaws.com", "iam.amazonaws.com")})}},
			want: ig705("create", "event_selector", ig705basic)},
		{name: "exclude_management_event_sources other services",
			spec: planSpec{changes: []res{newTrail("event_selector", []any{eventSelector("All", true, "kms.amazonaws.com", "rdsdata.amazonaws.com")})}}},
		{name: "a ReadOnly and a WriteOnly event_selector",
			spec: planSpec{changes: []res{newTrail("event_selector", []any{eventSelector("ReadOnly", true), eventSelector("WriteOnly", true)})}}},
		{
			name: "include_management_events from a reference",
			spec: planSpec{changes: []res{{addr: trailAddr, actions: update, before: trailState,
				after: with(trailState, "event_selector", []any{with(eventSelector("All", true), "include_management_events", omit)}),
				unknown: map[string]any{"event_selector": []any{map[string]any{"include_management_events": true,
					"data_resource": []any{}, "exclude_management_event_sources": []any{}}}}}}},
			want: []row{{trailAddr, "update", "IG705", rules.Info, "event_selector.include_management_events",
				unknownMsg("event_selector.include_management_events", "IG705", "cloudtrail-management-events-excluded")}},
		},
		{
			name: "dynamic advanced_event_selector known only after apply",
			// Terraform leaves dynamic blocks out of the configuration.
			spec: planSpec{changes: []res{{addr: trailAddr, actions: update, before: trailState,
				config:  []string{"name", "s3_bucket_name", "is_multi_region_trail", "enable_log_file_validation"},
				after:   with(trailState, "advanced_event_selector", omit),
				unknown: map[string]any{"advanced_event_selector": true}}}},
			want: []row{{trailAddr, "update", "IG705", rules.Info, "event_selector", unknownMsg("event_selector", "IG705", "cloudtrail-management-events-excluded")}},
		},

		// Advanced event selectors.
		{name: "advanced: management events",
			spec: planSpec{changes: []res{newTrail("advanced_event_selector", []any{advancedSelector("mgmt", management)})}}},
		{name: "advanced: management write events",
			spec: planSpec{changes: []res{newTrail("advanced_event_selector", []any{advancedSelector("mgmt", management,
				fieldSelector("readOnly", "equals", "false"))})}}},
		{name: "advanced: readOnly true",
			spec: planSpec{changes: []res{newTrail("advanced_event_selector", []any{advancedSelector("reads", management,
				fieldSelector("readOnly", "equals", "true"))})}},
			want: ig705("create", "advanced_event_selector", ig705adv)},
		{name: "advanced: eventCategory Data only",
			spec: planSpec{changes: []res{newTrail("advanced_event_selector", []any{advancedSelector("s3",
				fieldSelector("eventCategory", "equals", "Data"), fieldSelector("resources.type", "equals", "AWS::S3::Object"))})}},
			want: ig705("create", "advanced_event_selector", ig705adv)},
		{name: "advanced: eventSource not_equals iam.amazonaws.com",
			spec: planSpec{changes: []res{newTrail("advanced_event_selector", []any{advancedSelector("no-iam", management,
				fieldSelector("eventSource", "not_equals", "iam.amazonaws.com"))})}},
			want: ig705("create", "advanced_event_selector", ig705adv)},
		{name: "advanced: eventSource not_equals kms.amazonaws.com",
			spec: planSpec{changes: []res{newTrail("advanced_event_selector", []any{advancedSelector("no-kms", management,
				fieldSelector("eventSource", "not_equals", "kms.amazonaws.com"))})}}},
		{name: "advanced: data events beside management events",
			spec: planSpec{changes: []res{newTrail("advanced_event_selector", []any{
				advancedSelector("s3", fieldSelector("eventCategory", "equals", "Data"), fieldSelector("resources.type", "equals", "AWS::S3::Object")),
				advancedSelector("mgmt", management),
			})}}},
		{
			name: "everything off in a module instance",
			spec: planSpec{changes: []res{{addr: `module.logging["eu"].aws_cloudtrail.org`, actions: update, before: trailState,
				after: with(trailState, "include_global_service_events", false, "is_multi_region_trail", false, "enable_logging", false,
					"enable_log_file_validation", false, "event_selector", []any{eventSelector("ReadOnly", true)})}}},
			want: []row{
				{`module.logging["eu"].aws_cloudtrail.org`, "update", "IG701", rules.High, "include_global_service_events", "include_global_service_events is false: IAM events are not recorded by this trail"},
				{`module.logging["eu"].aws_cloudtrail.org`, "update", "IG702", rules.Medium, "is_multi_region_trail", "is_multi_region_trail is false: the trail records one region only"},
				{`module.logging["eu"].aws_cloudtrail.org`, "update", "IG703", rules.High, "enable_logging", "enable_logging is false: the trail records nothing"},
				{`module.logging["eu"].aws_cloudtrail.org`, "update", "IG705", rules.High, "event_selector", ig705basic},
				{`module.logging["eu"].aws_cloudtrail.org`, "update", "IG706", rules.Medium, "enable_log_file_validation", "enable_log_file_validation is false: delivered log files cannot be verified"},
			},
		},
	}
	for _, w := range []struct {
		attr string
		want row
	}{
		{"include_global_service_events", row{trailAddr, "update", "IG701", rules.High, "include_global_service_events", "include_global_service_events is false: IAM events are not recorded by this trail"}},
		{"is_multi_region_trail", row{trailAddr, "update", "IG702", rules.Medium, "is_multi_region_trail", "is_multi_region_trail is false: the trail records one region only"}},
		{"enable_logging", row{trailAddr, "update", "IG703", rules.High, "enable_logging", "enable_logging is false: the trail records nothing"}},
		{"enable_log_file_validation", row{trailAddr, "update", "IG706", rules.Medium, "enable_log_file_validation", "enable_log_file_validation is false: delivered log files cannot be verified"}},
	} {
		cases = append(cases, lintCase{name: w.attr + " set to false",
			spec: planSpec{changes: []res{{addr: trailAddr, actions: update, before: trailState, after: with(trailState, w.attr, false)}}},
			want: []row{w.want}})
	}
	runCases(t, cases)
}

func readFixture(t *testing.T, name string) *plan.Plan {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := plan.Read(f, ResourceTypes)
	if err != nil {
		t.Fatalf("plan.Read: %v", err)
	}
	return p
}

// TestFormat01 lints a Terraform 0.12 plan: format 0.1, short provider
// names, no *_sensitive maps, no configuration block and no timestamp.
func TestFormat01(t *testing.T) {
	p := readFixture(t, "format-0.1")
	if p.FormatVersion != "0.1" || p.Timestamp != "" {
		t.Fatalf("format_version %q, timestamp %q", p.FormatVersion, p.Timestamp)
	}
	now := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	res := Lint(p, Options{Now: now})
	const (
		policy   = "module.baseline.aws_iam_account_password_policy.this"
		regional = "aws_cloudtrail.regional"
	)
	assertRows(t, res.Findings, []row{
		{"aws_cloudtrail.main", "delete", "IG704", rules.High, "", "the trail is destroyed and not replaced: the IAM events it recorded stop being logged"},
		{regional, "create", "IG702", rules.Medium, "is_multi_region_trail", "is_multi_region_trail is false: the trail records one region only"},
		// no configuration block: an unknown value stays unknown
		{regional, "create", "IG703", rules.Info, "enable_logging", unknownMsg("enable_logging", "IG703", "cloudtrail-logging-off")},
		{"aws_iam_access_key.ci[0]", "create", "IG202", rules.High, "pgp_key", "pgp_key is not set: the secret access key and SMTP password are stored unencrypted in state"},
		// the user is unknown, and another key is active: IG203 cannot decide
		{"aws_iam_access_key.ci[0]", "create", "IG203", rules.Info, "user", unknownMsg("user", "IG203", "access-key-multiple-active")},
		{"aws_iam_access_key.old", "no-op", "IG204", rules.Medium, "create_date", "access key is 214 days old; the baseline requires rotation every 90 days"},
		{"aws_iam_user_login_profile.admin", "create", "IG601", rules.Info, "password_reset_required", unknownMsg("password_reset_required", "IG601", "login-profile-no-reset")},
		{policy, "update", "IG101", rules.High, "minimum_password_length", "minimum_password_length is 8; the baseline requires at least 14"},
		{policy, "update", "IG109", rules.Medium, "minimum_password_length", "minimum_password_length drops from 14 to 8"},
	})
	if res.Resources != 6 || !res.Now.Equal(now) {
		t.Errorf("Resources = %d, Now = %s; want 6, %s", res.Resources, res.Now, now)
	}

	// Without --now and without a plan timestamp, dates are judged against the clock.
	before := time.Now()
	res = Lint(p, Options{})
	if res.Now.Before(before.Add(-time.Second)) || res.Now.After(time.Now().Add(time.Second)) {
		t.Errorf("Now = %s, want the current time", res.Now)
	}
}

// TestFormat12 lints a Terraform 1.8 plan with nested modules, count and
// for_each instances, a configuration block, sensitive maps, prior state and
// a deposed object.
func TestFormat12(t *testing.T) {
	p := readFixture(t, "format-1.2")
	const (
		policy  = "aws_iam_account_password_policy.strict"
		deploy0 = `module.iam["prod"].aws_iam_access_key.deploy[0]`
		deploy1 = `module.iam["prod"].aws_iam_access_key.deploy[1]`
		ops     = `module.iam["prod"].aws_iam_user_login_profile.ops["bob"]`
		ig203   = `user "deploy-prod" has 2 active access keys: module.iam["prod"].aws_iam_access_key.deploy[0], module.iam["prod"].aws_iam_access_key.deploy[1]`
	)
	all := []row{
		{"aws_cloudtrail.legacy", "delete", "IG704", rules.High, "", "the trail is destroyed and not replaced: the IAM events it recorded stop being logged"},
		// require_symbols omitted: the API default (false) applies
		{policy, "create", "IG105", rules.Medium, "require_symbols", "require_symbols is false; the baseline requires it"},
		// max_password_age set from a reference: unknown
		{policy, "create", "IG107", rules.Info, "max_password_age", unknownMsg("max_password_age", "IG107", "password-max-age")},
		// module.audit.aws_cloudtrail.this is replaced by a compliant trail;
		// its deposed object (logging off) is not judged.
		{deploy0, "no-op", "IG204", rules.Medium, "create_date", "access key is 205 days old; the baseline requires rotation every 90 days"},
		{deploy1, "create", "IG202", rules.Info, "pgp_key", unknownMsg("pgp_key", "IG202", "access-key-secret-in-state")},
		// The user's one IG203 goes on the key the plan creates.
		{deploy1, "create", "IG203", rules.Medium, "status", ig203},
		// password_reset_required omitted: the provider sends false
		{ops, "create", "IG601", rules.Medium, "password_reset_required", "password_reset_required is false: the initial console password stays valid until the user changes it"},
	}
	t.Run("all resources", func(t *testing.T) {
		res := Lint(p, Options{})
		assertRows(t, res.Findings, all)
		if res.Resources != 6 {
			t.Errorf("Resources = %d, want 6", res.Resources)
		}
		if want := time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC); !res.Now.Equal(want) {
			t.Errorf("Now = %s, want the plan timestamp %s", res.Now, want)
		}
	})
	t.Run("changed only", func(t *testing.T) {
		res := Lint(p, Options{ChangedOnly: true})
		var want []row
		for _, r := range all {
			if r.Addr != deploy0 { // the only no-op IAM resource
				want = append(want, r)
			}
		}
		assertRows(t, res.Findings, want)
		if res.Resources != 5 {
			t.Errorf("Resources = %d, want 5", res.Resources)
		}
	})
	t.Run("waivers", func(t *testing.T) {
		day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
		waivers := []config.Waiver{
			{Rule: "IG204", Address: `module.iam["*"].aws_iam_access_key.deploy[0]`, Reason: "old", Expires: day("2020-01-01")},
			{Rule: "IG204", Address: `module.iam["*"].aws_iam_access_key.*`, Reason: "rotation tracked in SEC-1", Expires: day("2030-01-01")},
			{Rule: "IG704", Address: "aws_cloudtrail.legacy", Reason: "old", Expires: day("2020-01-01")},
			{Rule: "IG203", Address: "aws_cloudtrail.legacy", Reason: "other rule"},
		}
		res := Lint(p, Options{Waivers: waivers, WaiversAt: day("2026-06-01")})
		assertRows(t, res.Findings, all)
		for _, f := range res.Findings {
			waived := f.Rule.ID == "IG204" && f.Address == deploy0
			if f.Waived != waived {
				t.Errorf("%s %s: Waived = %v, want %v", f.Address, f.Rule.ID, f.Waived, waived)
			}
			if waived && f.Waiver != &waivers[1] {
				t.Errorf("IG204: a live waiver must win over an expired one, got %+v", f.Waiver)
			}
			if f.Rule.ID == "IG704" && f.Waiver != &waivers[2] {
				t.Errorf("IG704: the expired waiver is not attached")
			}
			if f.Rule.ID != "IG204" && f.Rule.ID != "IG704" && f.Waiver != nil {
				t.Errorf("%s %s: waiver %+v attached", f.Address, f.Rule.ID, f.Waiver)
			}
		}
	})
}

// TestAnyPlan: Lint takes a plan read without the ResourceTypes filter.
// Types no rule judges are skipped, neither counted nor a panic.
func TestAnyPlan(t *testing.T) {
	keepAll := func(string) bool { return true }
	f, err := os.Open(filepath.Join("testdata", "format-1.2", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	all, err := plan.Read(f, keepAll)
	if err != nil {
		t.Fatal(err)
	}
	filtered := readFixture(t, "format-1.2")
	if len(all.Changes) <= len(filtered.Changes) {
		t.Fatalf("the fixture must hold unjudged types: %d changes unfiltered, %d filtered", len(all.Changes), len(filtered.Changes))
	}
	got, want := Lint(all, Options{}), Lint(filtered, Options{})
	assertRows(t, got.Findings, rowsOf(want.Findings))
	if got.Resources != want.Resources {
		t.Errorf("Resources = %d, want %d", got.Resources, want.Resources)
	}

	unjudged := []byte(`{"format_version": "1.2", "resource_changes": [
	  {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
	   "change": {"actions": ["create"], "before": null, "after": {"bucket": "b"}, "after_unknown": {}}},
	  {"address": "aws_iam_role.r", "mode": "managed", "type": "aws_iam_role", "name": "r",
	   "change": {"actions": ["delete"], "before": {"name": "r"}, "after": null}}]}`)
	p, err := plan.Read(bytes.NewReader(unjudged), keepAll)
	if err != nil {
		t.Fatal(err)
	}
	if res := Lint(p, Options{}); len(res.Findings) != 0 || res.Resources != 0 {
		t.Errorf("unjudged types gave %d findings over %d resources", len(res.Findings), res.Resources)
	}
}
