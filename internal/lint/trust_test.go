package lint

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	tfjson "github.com/hashicorp/terraform-json"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// These tests try to get a weak change past the linter by how the plan is
// spelled rather than what it does. testdata/trust holds real Terraform
// plans (generate.sh makes them from the main.tf beside each).

// TestNullIsOmitted: `attr = null` leaves the attribute to its default, as
// deleting the line does, so both plans are judged alike.
func TestNullIsOmitted(t *testing.T) {
	omitted, set := Lint(readFixture(t, "trust/null-omitted"), Options{}), Lint(readFixture(t, "trust/null-set"), Options{})
	want := rowsOf(omitted.Findings)
	if len(want) != 2 || want[0].Sev != rules.Medium || want[1].ID != rules.LoginProfileNoReset.ID {
		t.Fatalf("the omitted plan gives %v", want)
	}
	assertRows(t, set.Findings, want)
}

// TestZeroLengthIsOmitted: the AWS provider sends no zero argument, so a
// minimum length of 0 applies IAM's default of 6: a baseline of 6 passes it,
// as it passes the line deleted.
func TestZeroLengthIsOmitted(t *testing.T) {
	p := readFixture(t, "trust/zero-length")
	if got := ids(Lint(p, Options{}).Findings); got != "IG101:high" {
		t.Errorf("default baseline: %q, want IG101:high", got)
	}
	b := rules.DefaultBaseline()
	b.PasswordMinLength = 6
	if got := ids(Lint(p, Options{Baseline: &b}).Findings); got != "" {
		t.Errorf("baseline 6: %q, want none", got)
	}
}

// TestNumberUserName: a user name a hand-made plan writes as a number, even
// past 2^53 (kept as its text), is the string Terraform makes of it: two
// active keys of one user are IG203 (round 182: unreadable, no finding).
func TestNumberUserName(t *testing.T) {
	key := func(i int, user string) string {
		return fmt.Sprintf(`{"address": "aws_iam_access_key.k%d", "mode": "managed", "type": "aws_iam_access_key", "name": "k%d",
		  "change": {"actions": ["create"], "before": null, "after": {"pgp_key": "keybase:x", "status": "Active", "user": %s},
		  "after_unknown": {"create_date": true}}}`, i, i, user)
	}
	// Each pair is one user (round 183: 2^53 + 1 was 2^53, and an
	// exponent's digits were float64's), or two.
	for pair, want := range map[[2]string]string{
		{"12345678901234567890", "12345678901234567890"}: "IG203:medium",
		{"42", "42"}: "IG203:medium",
		{"9007199254740993", `"9007199254740993"`}:           "IG203:medium",
		{"12345678901234567891e0", `"12345678901234567891"`}: "IG203:medium",
		{"1.5e1", `"15"`}:                          "IG203:medium",
		{"9007199254740993", `"9007199254740992"`}: "",
		// A fraction is cty's text of it at 512 bits (round 184).
		{"0.30000000000000001", `"0.30000000000000001"`}: "IG203:medium",
		{"0.30000000000000001", `"0.3"`}:                 "",
	} {
		p := readAsCLI(t, `{"format_version": "1.2", "resource_changes": [`+key(1, pair[0])+`,`+key(2, pair[1])+`]}`)
		if got := ids(Lint(p, Options{}).Findings); got != want {
			t.Errorf("users %s and %s: findings %q, want %q", pair[0], pair[1], got, want)
		}
	}
}

// TestDriftSpelling: a setting changed outside Terraform is measured from
// the stronger of its values as the rule reads them, however the state
// spells them, whether the plan leaves the setting as it is now or changes
// it: 20 written with a long exponent (which strconv reads as 0) is 20, 14
// spelled long now is the 14 the plan keeps (rounds 185 and 186), "20" is
// 20, a number past 32 bits is what IAM gets of it, 4294967302 being 6
// (round 187), and null is the setting's default (round 190). Where one
// value cannot be read, a plan weakening the other is still a weakening;
// else the rule cannot judge: info (rounds 190 and 191). Each case passed,
// exit 0.
func TestDriftSpelling(t *testing.T) {
	// spell sets an attribute of the object at address in fixture as
	// written (drift before), now (drift after, change before) and planned
	// (change after), each given as its JSON text, or planned as unknown
	// (known after apply).
	const unknown = "(unknown)"
	spell := func(fixture, address, attr, written, now, planned string) string {
		data, err := os.ReadFile("testdata/trust/" + fixture + "/plan.json")
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		entry := func(list string) map[string]any {
			for _, rc := range doc[list].([]any) {
				if rc := rc.(map[string]any); rc["address"] == address {
					return rc["change"].(map[string]any)
				}
			}
			t.Fatalf("%s: no %s in %s", fixture, address, list)
			return nil
		}
		set := func(side any, marker int) {
			side.(map[string]any)[attr] = json.Number(fmt.Sprint(marker)) // spelled below
		}
		drift, change := entry("resource_drift"), entry("resource_changes")
		if fixture == "drift-long-number" {
			drift["before"].(map[string]any)["minimum_password_length"] = 14 // its own drift from 20 goes
		}
		set(drift["before"], 1_000_001)
		set(drift["after"], 1_000_002)
		set(change["before"], 1_000_002)
		if set(change["after"], 1_000_003); planned == unknown {
			delete(change["after"].(map[string]any), attr)
			change["after_unknown"].(map[string]any)[attr] = true
		}
		out, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		for i, v := range []string{written, now, planned} {
			text = strings.ReplaceAll(text, fmt.Sprintf(`"%s":%d`, attr, 1_000_001+i), fmt.Sprintf(`"%s":%s`, attr, v))
		}
		return text
	}
	long20, long14 := "0."+strings.Repeat("0", 100_000)+"20e100002", "14."+strings.Repeat("0", 200)
	const (
		// The policy alone, its length written as 20; the trail sound; the
		// key, beside another of its user's, switched off in the console;
		// the certificate switched off there, then replaced.
		policy, trail, key, cert = "drift-long-number", "drift-trail-spelling", "drift-plan-updates", "drift-cert-switched-off"
		length, age, allow       = "minimum_password_length", "max_password_age", "allow_users_to_change_password"
		organization             = "is_organization_trail"
	)
	address := map[string]string{policy: "aws_iam_account_password_policy.p", trail: "aws_cloudtrail.t", key: "aws_iam_access_key.def",
		cert: "aws_iam_signing_certificate.c"}
	for _, c := range []struct {
		fixture, attr, written, now, planned, want string
	}{
		{policy, length, "20", "14", "14", "IG109:medium"},
		{policy, length, long20, "14", "14", "IG109:medium"},
		{policy, length, long20, "14", "16", "IG109:medium"},
		{policy, length, "20", long14, "14", "IG109:medium"},
		{policy, length, long20, long14, "16", "IG109:medium"},
		{policy, length, `"20"`, "14", "16", "IG109:medium"},
		{policy, length, "20.0", `"14"`, "16", "IG109:medium"},
		{policy, length, `"20"`, `"14"`, "14", "IG109:medium"},
		{policy, length, "4294967302", "24", "16", "IG109:medium"},  // 6 as written
		{policy, length, "-4294967272", "14", "14", "IG109:medium"}, // 24 as written
		{policy, length, "24", "null", "16", "IG109:medium"},
		{policy, length, `" 20"`, "14", "14", "IG109:info"},
		{policy, length, "20.5", "14", "14", "IG109:info"},
		{policy, age, "60", "null", "90", "IG109:medium"},
		{policy, age, `"x"`, "30", "90", "IG109:medium"}, // a weakening whatever "x" is (round 191: info)
		{policy, length, `" 20"`, "14", "8", "IG101:high IG109:medium"},
		{policy, "password_reuse_prevention", "24", `"x"`, "5", "IG106:medium IG109:medium"},
		{policy, allow, `"true"`, "false", `"false"`, "IG109:medium IG110:low"},
		{policy, allow, "true", `"false"`, "false", "IG109:medium IG110:low"},
		{trail, organization, "true", "null", "false", "IG704:high"},
		{trail, organization, `"TRUE"`, "false", "false", "IG704:info"},
		{trail, organization, "1", "false", "false", "IG704:info"},
		{trail, organization, "true", `"TRUE"`, "false", "IG704:high"},
		{trail, organization, "false", `"TRUE"`, "true", ""},
		{key, "status", `"Inactive"`, "null", `"Active"`, "IG201:high IG203:medium"},
		{key, "status", `"Inactive"`, `"inactive"`, `"Active"`, "IG201:high IG203:medium"},
		{key, "status", `"x"`, `"Inactive"`, unknown, "IG201:info IG203:info"}, // round 193: IG203 alone
		// A certificate switched off signs nothing (round 193: IG501 medium).
		{cert, "status", `"inactive"`, `"Inactive"`, `"Inactive"`, ""},
		{cert, "status", `"Inactive"`, `"x"`, `"Inactive"`, ""},
		{cert, "status", `"Expired"`, `"Expired"`, `"Inactive"`, ""},
		// One switched back on in the console, then replaced by an inactive
		// one, is deleted while it signs (round 194: no finding).
		{cert, "status", `"Inactive"`, `"Active"`, `"Inactive"`, "IG501:medium"},
		{cert, "status", `"Expired"`, `"Active"`, `"Inactive"`, "IG501:medium"},
		{cert, "status", `"Inactive"`, "null", `"Inactive"`, "IG501:medium"},
		{key, "status", `"Active"`, `"x"`, unknown, "IG201:info IG203:info"}, // round 194: IG203 alone
	} {
		var got []string
		for _, f := range Lint(readAsCLI(t, spell(c.fixture, address[c.fixture], c.attr, c.written, c.now, c.planned)), Options{}).Findings {
			if f.Address == address[c.fixture] {
				got = append(got, f.Rule.ID+":"+f.Severity.String())
			}
		}
		if got := strings.Join(got, " "); got != c.want {
			t.Errorf("%s written %.20s, now %.20s, planned %s: findings %q, want %q", c.attr, c.written, c.now, c.planned, got, c.want)
		}
	}
}

// TestForgottenDeposedObject: a deposed object Terraform forgets (a
// removed block with destroy = false) stays in AWS beside the current one,
// and counts with it: two active keys for one user.
func TestForgottenDeposedObject(t *testing.T) {
	res := Lint(readFixture(t, "trust/forget-deposed"), Options{})
	if got := ids(res.Findings); got != "IG203:medium" {
		t.Fatalf("findings %q, want IG203:medium", got)
	}
	if msg := res.Findings[0].Message; !strings.Contains(msg, "aws_iam_access_key.k (deposed 00000001)") {
		t.Errorf("IG203 does not name the deposed key: %s", msg)
	}
}

// TestUnknownUserSourceLinear: the name of a user known after apply is
// made once for all the instances that read it. Made per instance from all
// the references, 40,000 instances of a key whose user reads 140,000
// references took 425 s; here 5,000 instances and 20,000 references must
// allocate in proportion to the plan.
func TestUnknownUserSourceLinear(t *testing.T) {
	const refs, keys = 20_000, 5_000
	var b strings.Builder
	b.WriteString(`{"format_version": "1.2", "resource_changes": [`)
	for i := range keys {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"address": "aws_iam_access_key.k[%d]", "mode": "managed", "type": "aws_iam_access_key", "name": "k", "index": %d,
		  "change": {"actions": ["create"], "before": null, "after": {"pgp_key": "keybase:x", "status": "Active"},
		  "after_unknown": {"user": true, "create_date": true}}}`, i, i)
	}
	b.WriteString(`], "configuration": {"root_module": {"resources": [{"address": "aws_iam_access_key.k", "type": "aws_iam_access_key",
	  "name": "k", "count_expression": {"constant_value": 5000}, "expressions": {"user": {"references": [`)
	for i := range refs {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"aws_iam_user.u%d.id"`, i)
	}
	b.WriteString(`]}}}]}}}`)
	doc := []byte(b.String())
	fs, allocated := lintAllocating(t, doc)
	if got := ids(fs); got != "IG203:medium" {
		t.Errorf("findings %q, want one IG203 for the one user", got)
	}
	if limit := uint64(50 * len(doc)); allocated > limit {
		t.Errorf("linting %d bytes allocated %d bytes, more than %d", len(doc), allocated, limit)
	}
}

// TestLongInstanceKeysLinear: users whose instance keys are long runs of
// digits, and references with such keys, are read in time and
// memory in proportion to the keys. Each key parsed as a number at 512
// bits allocated in the square of its length: 700 keys of 65,000 digits
// took 8.7 s.
func TestLongInstanceKeysLinear(t *testing.T) {
	digits := "1" + strings.Repeat("9", 60_000) // near the longest value iamguard reads
	var b strings.Builder
	b.WriteString(`{"format_version": "1.2", "resource_changes": [`)
	for i := range 4 {
		fmt.Fprintf(&b, `{"address": "aws_iam_user.u[%d%s]", "mode": "managed", "type": "aws_iam_user", "name": "u",
		  "change": {"actions": ["create"], "before": null, "after": {"name": "user%d"}, "after_unknown": {}}},`, i, digits, i)
	}
	for i, user := range []string{`"user0"`, "null", "null"} {
		fmt.Fprintf(&b, `{"address": "aws_iam_access_key.k%d", "mode": "managed", "type": "aws_iam_access_key", "name": "k%d",
		  "change": {"actions": ["create"], "before": null, "after": {"user": %s, "pgp_key": "keybase:x", "status": "Active"},
		  "after_unknown": {"user": %t, "create_date": true}}}`, i, i, user, user == "null")
		if i < 2 {
			b.WriteString(",")
		}
	}
	b.WriteString(`], "configuration": {"root_module": {"resources": [`)
	for i, ref := range []string{`aws_iam_user.u[0` + digits + `].id`, `aws_iam_user.u[\"00` + digits + `\"].id`} {
		fmt.Fprintf(&b, `{"address": "aws_iam_access_key.k%d", "type": "aws_iam_access_key", "name": "k%d",
		  "expressions": {"user": {"references": ["%s"]}}},`, i+1, i+1, ref)
	}
	b.WriteString(`{"address": "aws_iam_access_key.k0", "type": "aws_iam_access_key", "name": "k0",
	  "expressions": {"user": {"constant_value": "user0"}}}]}}}`)
	doc := []byte(b.String())
	fs, allocated := lintAllocating(t, doc)
	// k1 reads user0 by its index, its leading zero dropped; k2's string
	// key is past what is converted to an index, a user of its own.
	if got := ids(fs); got != "IG203:medium" || !strings.HasSuffix(fs[0].Message, "aws_iam_access_key.k0, aws_iam_access_key.k1") {
		t.Errorf("findings %q, want IG203:medium for user0's keys k0 and k1: %v", got, fs)
	}
	if limit := uint64(50 * len(doc)); allocated > limit {
		t.Errorf("linting %d bytes allocated %d bytes, more than %d", len(doc), allocated, limit)
	}
}

// lintAllocating lints doc and tells the bytes allocated meanwhile.
func lintAllocating(t *testing.T, doc []byte) ([]Finding, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fs := Lint(readPlan(t, doc), Options{}).Findings
	runtime.ReadMemStats(&after)
	return fs, after.TotalAlloc - before.TotalAlloc
}

// TestFixtureFindings lints real plans, each made to show one class of
// judgement, and compares the findings by address.
func TestFixtureFindings(t *testing.T) {
	for _, c := range []struct {
		fixture string
		skip    []string // rules left out
		want    map[string]string
	}{
		// A value read only from variables that are null (a root
		// variable, a module input given null through two modules,
		// each.value of a for_each over a variable) is null as `= null`
		// is, and judged with the default. Values read from a resource
		// stay unknown.
		// So is null read from a local value, or a function of constants.
		// Numbers past 32 bits, of which the AWS provider sends the low
		// 32 (round 180: info, exit 0, where IAM gets 6 and 1).
		// A trail renamed, destroying first, to the name of a trail the
		// plan deletes, in no set order (round 287: no finding); one
		// replaced under its own name frees it first.
		// A trail for data events alone beside one that records IAM's
		// events in full in its account (round 293: high, exit 1), and
		// beside one that does not validate its log files.
		{"trust/trail-data-only", nil, map[string]string{
			"aws_cloudtrail.data":       "IG701:info IG705:info",
			"aws_cloudtrail.other_data": "IG701:high IG705:high",
			"aws_cloudtrail.other_main": "IG706:medium",
		}},
		// What counts as another trail recording IAM's events (round 294):
		// one that stands before the plan, and for an organization trail
		// another organization trail.
		{"trust/trail-recorder-kinds", nil, map[string]string{
			"aws_cloudtrail.org":   "IG701:high",
			"aws_cloudtrail.plain": "IG701:info",
		}},
		{"trust/trail-name-freed", nil, map[string]string{
			"aws_cloudtrail.main": "IG704:info",
		}},
		// The same under a name another trail the plan makes takes too
		// (round 337: no finding).
		{"trust/trail-name-raced", nil, map[string]string{
			"aws_cloudtrail.x": "IG704:info",
		}},
		// A trail replaced creating first under its own name keeps it
		// (round 338: info, as if its deletion freed it); a region read
		// from a variable may be another provider's of the account (round
		// 338: no finding).
		{"trust/trail-name-kept-replacing", nil, map[string]string{
			"aws_cloudtrail.x": "IG704:high",
		}},
		{"trust/trail-name-variable-region", nil, map[string]string{
			"aws_cloudtrail.x": "IG704:info",
		}},
		// The same beside a second account (round 289: no finding).
		{"trust/trail-name-freed-accounts", nil, map[string]string{
			"aws_cloudtrail.main": "IG704:info",
		}},
		{"trust/policy-low-bits", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG101:high IG106:medium",
		}},
		// A body its own ECDSA key signs, whose verified chain's CA holds a
		// second key recovered from the same signature (round 204: no
		// IG310, exit 0).
		{"trust/cert-ecdsa-second-key", nil, map[string]string{
			"aws_iam_server_certificate.web": "IG310:medium",
		}},
		// The same with Ed25519 keys of small order, which one signature
		// verifies under (round 205: no IG310 for web, the body with its
		// chain).
		// A key kept as the AWS provider's SHA-1 before 3.0 is not read
		// as a key in place (round 297: IG308 high on every plan); given
		// as the key of an upload, it is one IAM refuses.
		{"trust/cert-legacy-key-hash", nil, map[string]string{
			"aws_iam_server_certificate.typed": "IG308:high",
		}},
		{"trust/sensitive-alike", nil, map[string]string{
			"aws_iam_server_certificate.plain":    "IG304:high IG304:high",
			"aws_iam_server_certificate.web":      "IG304:high IG304:high",
			"aws_iam_signing_certificate.s":       "IG502:high IG502:high",
			"aws_iam_signing_certificate.s_plain": "IG502:high IG502:high",
		}},
		{"trust/cert-ed25519-small-order", nil, map[string]string{
			"aws_iam_server_certificate.web":     "IG302:medium IG302:medium IG304:high IG304:high IG307:high IG310:medium",
			"aws_iam_server_certificate.nochain": "IG302:medium IG304:high IG307:high IG310:medium",
		}},
		// A user renamed, its certificate deleted, and one uploaded for
		// the new user who takes the old name (round 250: no finding).
		{"trust/signing-user-renamed-retaken", nil, map[string]string{
			"aws_iam_signing_certificate.old": "IG501:medium",
		}},
		// The same, and a key moved with its renamed user, each made
		// through an alias that reads the same credentials (round 251:
		// no finding, exit 0).
		{"trust/user-renamed-alias", nil, map[string]string{
			"aws_iam_access_key.new":             "IG203:medium",
			"aws_iam_access_key.h":               "IG203:medium",
			"aws_iam_signing_certificate.old[0]": "IG501:medium",
		}},
		// Numbers past 32 bits whose low 32 bits meet the baseline (round
		// 252: no finding, exit 0).
		{"trust/policy-wrapped-numbers", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG101:low IG106:low IG107:low",
		}},
		// A key whose state records no status, set to Active (round 250:
		// taken as Active, no finding).
		{"trust/status-not-recorded", nil, map[string]string{
			"aws_iam_access_key.k": "IG201:info",
		}},
		// Renames in one account of constant credentials beside users of
		// the same names in another (round 253: credentials moved across).
		{"trust/user-renamed-other-account", nil, map[string]string{
			"aws_iam_access_key.b_new":             "IG203:medium",
			"aws_iam_signing_certificate.c_old[0]": "IG501:medium",
		}},
		// Renames beside credentials of a configuration that may be the
		// renamed user's account or another (round 256: IG203 and IG404
		// hidden, a false IG501).
		{"trust/user-renamed-unshown", nil, map[string]string{
			"aws_iam_access_key.k_new":   "IG203:medium",
			"aws_iam_user_ssh_key.s_new": "IG404:medium",
			"aws_iam_user_ssh_key.s_old": "IG404:medium",
		}},
		// Ed25519 SSH keys of small order, in both forms, and no point of
		// the curve (round 244: no finding); a sound one beside them.
		// An RSA key of the exponent 1, in both forms (round 297: IG403
		// medium, as a key no SSH reads).
		{"trust/ssh-rsa-exponent-one", nil, map[string]string{
			"aws_iam_user_ssh_key.e1":     "IG403:high IG404:medium",
			"aws_iam_user_ssh_key.e1_pem": "IG403:high IG404:medium",
		}},
		{"trust/ssh-ed25519-small-order", nil, map[string]string{
			"aws_iam_user_ssh_key.small":     "IG403:high IG404:medium",
			"aws_iam_user_ssh_key.small_pem": "IG403:high IG404:medium",
			"aws_iam_user_ssh_key.off_curve": "IG403:high",
		}},
		// status = "" on an SSH key: the AWS provider takes it as unset and
		// uploads the key Active (round 196: info, exit 0).
		{"trust/ssh-empty-status", nil, map[string]string{
			"aws_iam_user_ssh_key.bob_laptop": "IG405:high",
			"aws_iam_user_ssh_key.k":          "IG405:high",
		}},
		// The same keys uploaded again asking for a status IAM refuses
		// ("inactive", "Inactive" and a tab), which the AWS provider does
		// not check: the UpdateSSHPublicKey after the upload fails, and
		// the key is Active (round 233: info, exit 0).
		{"trust/ssh-refused-status", nil, map[string]string{
			"aws_iam_user_ssh_key.bob_laptop": "IG405:high",
			"aws_iam_user_ssh_key.k":          "IG405:high",
		}},
		// A policy replaced destroying first with a length IAM refuses:
		// the old one is deleted, and the new one never set (round 233:
		// info, exit 0).
		{"trust/policy-replaced-refused", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG101:info IG108:high",
		}},
		{"trust/ssh-dsa-forms", nil, map[string]string{
			"aws_iam_user_ssh_key.pem": "IG401:high IG404:medium",
			"aws_iam_user_ssh_key.ssh": "IG401:high IG404:medium",
		}},
		// A trail's own region known only after apply (the AWS provider's
		// v6 argument) is no region of its provider's: a name another
		// trail keeps in some region may clash, IG704 info (round 334:
		// high, sure of a clash in another region; round 336: none, where
		// it was the same region), and it is in the provider's partition,
		// where another trail records IAM's events (round 334: IG701 and
		// IG703 high).
		{"trust/trail-own-region-clash", nil, map[string]string{
			"aws_cloudtrail.x": "IG702:info IG704:info",
		}},
		{"trust/trail-own-region-recorder", nil, map[string]string{
			"aws_cloudtrail.x": "IG701:info IG703:info",
		}},
		// An upload for a user who holds IAM's quota of two certificates,
		// one of which the plan deletes, unordered (round 331: no finding).
		{"trust/signing-quota", nil, map[string]string{
			"aws_iam_signing_certificate.old": "IG501:info",
		}},
		// One certificate at two addresses counts once against the quota
		// (round 355: twice, IG501 info on a sound rotation).
		{"trust/signing-quota-two-addresses", nil, map[string]string{
			"aws_iam_access_key.k": "IG202:high",
		}},
		// A replacement that deletes first counts once: two rotated so hold
		// two (round 334: IG501 info on both); an upload for a user known
		// only after apply may be for any (round 334: no finding).
		{"trust/signing-quota-rotated", nil, map[string]string{
			"aws_iam_access_key.k": "IG202:high",
		}},
		{"trust/signing-quota-rotated-unknown-user", nil, map[string]string{
			"aws_iam_access_key.k": "IG202:high",
		}},
		{"trust/signing-quota-unknown-user", nil, map[string]string{
			"aws_iam_signing_certificate.b": "IG501:info",
		}},
		// An upload of a certificate the user keeps at another address,
		// which IAM refuses, and of one deleted at another address, which
		// it refuses if the upload comes first (round 266: no finding).
		{"trust/signing-same-kept", nil, map[string]string{
			"aws_iam_signing_certificate.a": "IG501:medium",
		}},
		{"trust/signing-same-readdressed", nil, map[string]string{
			"aws_iam_signing_certificate.old": "IG501:info",
		}},
		{"trust/signing-same-replaced", nil, map[string]string{
			"aws_iam_signing_certificate.a": "IG501:info",
			"aws_iam_signing_certificate.b": "IG501:info",
		}},
		// A key of an aws_iam_user named only after apply beside one for
		// that name given outright, and the same user renamed to a name
		// known only after apply with a standing key (round 266: no
		// finding).
		// A key forgotten as its user goes with force_destroy, and one
		// forgotten alone (round 273: IG204 on both).
		{"trust/key-forgotten-user-forced", nil, map[string]string{
			"aws_iam_access_key.carol": "IG204:medium",
		}},
		{"trust/key-user-forced-create-first", nil, map[string]string{
			"aws_iam_access_key.bob": "IG202:high IG204:medium",
		}},
		{"trust/key-user-forced-create-first-later", nil, map[string]string{
			"aws_iam_access_key.bob": "IG202:high IG204:medium",
		}},
		{"trust/signing-user-forced-create-first-later", nil, map[string]string{
			"aws_iam_access_key.bob": "IG204:medium",
		}},
		{"trust/signing-user-replaced-renamed", nil, map[string]string{
			"aws_iam_user_login_profile.alice": "IG601:medium",
		}},
		{"trust/signing-user-refused-reupload", nil, map[string]string{
			"aws_iam_signing_certificate.a": "IG501:info",
		}},
		{"trust/signing-user-forced-create-first", nil, map[string]string{
			"aws_iam_access_key.alice": "IG202:high IG204:medium",
		}},
		{"trust/key-user-named-later", nil, map[string]string{
			"aws_iam_access_key.k1": "IG203:info",
		}},
		{"trust/key-user-renamed-later", nil, map[string]string{
			"aws_iam_access_key.old": "IG203:info",
		}},
		// The same beside another account's user of that name, and a user
		// that account creates named only after apply beside a standing
		// key of a user there before the plan (round 267).
		{"trust/key-user-named-later-apart", nil, map[string]string{
			"aws_iam_access_key.k1": "IG203:info",
		}},
		{"trust/key-user-named-later-alias", nil, map[string]string{
			"aws_iam_access_key.k1": "IG203:info",
		}},
		// The same with a length known only after apply (round 261: no
		// IG108; a trail's IG704 is info then).
		{"trust/policy-replaced-unknown", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG101:info IG108:info",
		}},
		// A signing certificate deleted beside an upload whose body holds
		// an en dash, which IAM refuses (round 234: no finding, exit 0).
		{"trust/signing-refused-body", nil, map[string]string{
			"aws_iam_signing_certificate.c": "IG501:medium",
		}},
		// The same certificate replaced creating first: the upload fails
		// before the old one is deleted, and alice keeps it (round 236: a
		// false IG501).
		{"trust/signing-refused-body-cbd", nil, map[string]string{
			"aws_iam_user_login_profile.alice": "IG601:medium",
		}},
		// A trail replaced destroying first with a name CloudTrail refuses
		// (round 233: no finding, exit 0).
		{"trust/trail-replaced-refused", nil, map[string]string{
			"aws_cloudtrail.a": "IG704:high",
		}},
		// The same, with a log group CloudTrail refuses (no :*, no role)
		// or more than 50 tags, the provider's default_tags counted
		// (round 237: no finding, exit 0). Both settings, 50 tags: sound.
		{"trust/trail-replaced-refused-logs", nil, map[string]string{
			"aws_cloudtrail.no_wildcard":  "IG704:high",
			"aws_cloudtrail.no_role":      "IG704:high",
			"aws_cloudtrail.tags":         "IG704:high",
			"aws_cloudtrail.default_tags": "IG704:high",
		}},
		// Round 239: a name another trail keeps, a bucket name no bucket
		// has, a tag key or value too long; a log group made in the same
		// plan leaves it to apply (info). 51 tags, one aws:, which the
		// provider does not send: taken.
		{"trust/trail-replaced-refused-more", nil, map[string]string{
			"aws_cloudtrail.taken":         "IG704:high",
			"aws_cloudtrail.bucket":        "IG704:high",
			"aws_cloudtrail.long_key":      "IG704:high",
			"aws_cloudtrail.long_value":    "IG704:high",
			"aws_cloudtrail.group_unknown": "IG704:info",
		}},
		// Round 349: a multi-region trail without global service events,
		// which CloudTrail refuses, beside one that records (IG701 info,
		// exit 0); the same known only after apply; renamed soundly.
		{"trust/trail-replaced-refused-global", nil, map[string]string{
			"aws_cloudtrail.t": "IG701:info IG704:high",
			"aws_cloudtrail.u": "IG701:info IG704:info",
		}},
		// Round 349: logging stopped at one of two addresses of one trail
		// (IG703 info: the other address was taken for another trail).
		{"trust/trail-one-trail-two-addresses", nil, map[string]string{
			"aws_cloudtrail.dup": "IG703:high",
		}},
		// Round 350: a recording trail replaced by one that records
		// nothing, either order, beside another that records (IG703 info,
		// exit 0); one trail at two addresses, one replaced (a false
		// IG704 high: its name taken by itself).
		{"trust/trail-replaced-beside-recorder", nil, map[string]string{
			"aws_cloudtrail.a": "IG703:info IG704:high",
			"aws_cloudtrail.c": "IG703:info IG704:high",
		}},
		// Round 353: destroying first into a trail that records nothing,
		// CloudTrail perhaps refusing it (its bucket made by the plan), or
		// logging as an impure function says, was IG704 info; creating
		// first under a name kept, another's or its own, a false IG704
		// high; an organization trail's, two IG704s.
		{"trust/trail-replacement-verdicts", nil, map[string]string{
			"aws_cloudtrail.a":   "IG703:info IG704:high",
			"aws_cloudtrail.b":   "IG703:info IG704:high",
			"aws_cloudtrail.c":   "IG703:info",
			"aws_cloudtrail.d":   "IG703:info",
			"aws_cloudtrail.org": "IG703:high IG704:high",
			// Round 354: an organization trail's new one refused, creating
			// first, was IG704 for leaving the organization; one region or
			// all, chosen by an impure function in us-east-1, IG704 high.
			"aws_cloudtrail.region": "IG702:info",
		}},
		// Round 354: replaced creating first under the name a trail of
		// another account has (profiles the plan cannot tell apart): taken
		// as refused, its deletion passed.
		{"trust/trail-replaced-first-other-account", nil, map[string]string{
			"aws_cloudtrail.main": "IG703:info IG704:high",
		}},
		// Round 356: the same beside a second account, under the name a
		// trail of its own provider keeps: refused (a false IG704 high).
		{"trust/trail-replaced-first-own-account", nil, map[string]string{
			"aws_cloudtrail.main": "IG703:info",
		}},
		// Round 357: the same after four trails of that name in other
		// accounts, and under the name a trail replaced creating first
		// keeps (a false IG704 high each; IG703 is high there as the
		// replaced trail, which stays, is not taken as recording).
		{"trust/trail-name-kept-among-accounts", nil, map[string]string{
			"aws_cloudtrail.main": "IG703:info",
		}},
		{"trust/trail-replaced-first-own-name", nil, map[string]string{
			"aws_cloudtrail.main": "IG703:high",
		}},
		// Round 358: the same beside a third upload under credentials the
		// plan does not show (no finding).
		{"trust/ssh-shared-role-accounts-beside", nil, map[string]string{
			"aws_iam_user_ssh_key.s1": "IG404:medium",
			"aws_iam_user_ssh_key.s2": "IG404:medium",
			"aws_iam_user_ssh_key.s3": "IG404:medium",
		}},
		// Round 359: an upload under credentials the plan does not show
		// beside uploads of that name in two role accounts is one more
		// user's, whatever the addresses (IG404 or not by their order);
		// two role names of one account are one user's.
		{"trust/ssh-role-accounts-order", nil, map[string]string{
			"aws_iam_user_ssh_key.c1": "IG404:medium",
			"aws_iam_user_ssh_key.c3": "IG404:medium",
		}},
		// Round 360: one key at two addresses, one forgotten, beside a key
		// of hers in a second role account (IG404 "in 2 accounts").
		{"trust/ssh-forgotten-second-address", nil, map[string]string{
			"aws_iam_access_key.k": "IG202:high",
		}},
		// Round 356: one SSH key at two addresses under two configurations
		// of one account, credentials read alike (IG404 "in 2 accounts").
		{"trust/ssh-key-two-aliases", nil, map[string]string{
			"aws_iam_access_key.k": "IG202:high",
		}},
		// Round 355: one user at two addresses, renamed through one, the
		// other left as it is or forgotten: a key made for the old name
		// goes with the rename (no finding: the name taken as kept).
		{"trust/user-renamed-two-addresses", nil, map[string]string{
			"aws_iam_access_key.k2": "IG203:medium",
			"aws_iam_access_key.m2": "IG203:medium",
		}},
		// Round 355: one SSH key for users of one name in two accounts the
		// roles show apart (no finding: one user).
		{"trust/ssh-shared-two-accounts", nil, map[string]string{
			"aws_iam_user_ssh_key.prod": "IG404:medium",
			"aws_iam_user_ssh_key.dev":  "IG404:medium",
		}},
		// Round 358: renamed destroying first to a name timestamp() chooses
		// (IG704 info, exit 0).
		{"trust/trail-replaced-impure-name", nil, map[string]string{
			"aws_cloudtrail.audit": "IG704:high",
		}},
		// Round 359: an impure setting after one known only after apply
		// (IG704 info); deposed trails left by a current one CloudTrail
		// refuses (a false IG704 high).
		{"trust/trail-impure-refusals", nil, map[string]string{
			"aws_cloudtrail.a": "IG704:high",
		}},
		// Round 240: the name kept by a trail of the same provider
		// configuration, its region read from a variable, or of another
		// configuration with the same credentials and region.
		{"trust/trail-name-taken", nil, map[string]string{
			"aws_cloudtrail.t": "IG704:high",
			"aws_cloudtrail.u": "IG704:high",
		}},
		// Round 240: the name a forgotten trail keeps in AWS; a deposed
		// trail beside its current one, updated in place with a log group
		// CloudTrail refuses, is replaced all the same (a false IG704).
		{"trust/trail-kept-name", nil, map[string]string{
			"aws_cloudtrail.v": "IG704:high",
		}},
		// A weakening from the console's 24, where state as written held
		// 4294967302 (6 as IAM gets it; round 187: no finding, exit 0).
		{"trust/drift-low-bits", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG109:medium",
		}},
		{"trust/trail-selector-numbers", nil, map[string]string{ // round 184: info, exit 0
			"aws_cloudtrail.numbers_2p53":      "IG705:high",
			"aws_cloudtrail.number_and_string": "IG705:high",
		}},
		{"trust/policy-low-bits-2p53", nil, map[string]string{ // round 183: info, exit 0
			"aws_iam_account_password_policy.p": "IG106:medium",
		}},
		{"trust/policy-low-bits-update", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG101:high IG106:medium IG107:medium IG109:medium IG109:medium IG109:medium",
		}},
		{"trust/null-local", nil, map[string]string{
			"aws_iam_account_password_policy.this": "IG104:medium IG105:medium",
			"aws_iam_user_login_profile.ops":       "IG601:medium",
		}},
		{"trust/null-module-output", nil, map[string]string{
			"aws_iam_account_password_policy.this": "IG104:info IG105:medium",
			"aws_iam_user_login_profile.ops":       "IG601:medium",
			"aws_iam_user_login_profile.dev":       "IG601:medium",
		}},
		// Nulls through outputs that read what Terraform knows when it
		// plans: a data source, another module's output, a managed
		// resource left as it is (round 225: info, exit 0), or one of a
		// module of count = 0 (round 227).
		{"trust/null-output-chain", nil, map[string]string{
			"aws_iam_user_login_profile.data":    "IG601:medium",
			"aws_iam_user_login_profile.nested":  "IG601:medium",
			"aws_iam_user_login_profile.managed": "IG601:medium",
			"aws_iam_user_login_profile.input":   "IG601:medium",
			"aws_iam_user_login_profile.none":    "IG601:medium",
			"aws_iam_user_login_profile.later":   "IG601:info",
		}},
		// Conditionals whose branches are both null, which Terraform
		// folds to null (round 84: info, exit 0).
		{"trust/null-conditional", nil, map[string]string{
			"module.p.aws_iam_account_password_policy.this": "IG105:medium",
			"aws_iam_user_login_profile.ops":                "IG601:medium",
			"aws_iam_user_login_profile.dev":                "IG601:medium",
			"aws_cloudtrail.t":                              "IG702:medium",
		}},
		// Settings an impure function chooses at apply, directly, beside
		// a variable or through a module input (round 106: info, exit
		// 0); one another object gives, or a local, stays a note.
		{"trust/impure-function", nil, map[string]string{
			"aws_iam_account_password_policy.this": "IG101:high",
			"aws_cloudtrail.t":                     "IG703:high",
			"aws_cloudtrail.with_variable":         "IG703:high",
			"module.m.aws_cloudtrail.t":            "IG703:high",
			"aws_cloudtrail.from_object":           "IG703:info",
			"aws_cloudtrail.from_local":            "IG703:info",
		}},
		// A credential's status or user so chosen (round 109: info, exit 0).
		{"trust/impure-credentials", nil, map[string]string{
			"aws_iam_access_key.deployer_a": "IG203:medium",
			"aws_iam_access_key.carol_b":    "IG203:medium",
			"aws_iam_user_ssh_key.alice":    "IG404:medium",
			"aws_iam_user_ssh_key.bob":      "IG404:medium",
		}},
		{"trust/impure-key-age", nil, map[string]string{"aws_iam_access_key.old": "IG204:medium"}},
		// A replacement certificate's status so chosen (round 123: IG501 info, exit 0).
		{"trust/impure-signing-rotation", nil, map[string]string{"aws_iam_signing_certificate.old": "IG501:medium"}},
		// A value inside a trail's selector blocks so chosen (round 123:
		// info, exit 0); one read from another object, or in a dynamic
		// block, stays info.
		{"trust/impure-selectors", nil, map[string]string{
			"aws_cloudtrail.include":     "IG705:high",
			"aws_cloudtrail.read_write":  "IG705:high",
			"aws_cloudtrail.advanced":    "IG705:high",
			"aws_cloudtrail.from_object": "IG705:info",
			"aws_cloudtrail.dynamic":     "IG705:info",
			// A set of blocks in another order than written (round 125).
			"aws_cloudtrail.set_from_object": "IG705:info",
			"aws_cloudtrail.set_first":       "IG705:high",
			"aws_cloudtrail.set_second":      "IG705:high",
			// Blocks within several selectors, taken together (round 126).
			"aws_cloudtrail.two_selectors":         "IG705:high",
			"aws_cloudtrail.dynamic_beside_static": "IG705:info",
			// A data selector that cannot record IAM's writes beside an
			// impure one; a set's blocks of constants written twice; and
			// blocks from a variable written twice, which a set merges,
			// beside a dynamic one (round 127: info, info, high).
			"aws_cloudtrail.data_beside":                   "IG705:high",
			"aws_cloudtrail.constant_twice":                "IG705:high",
			"aws_cloudtrail.variable_twice_beside_dynamic": "IG705:info",
			// Selectors of a list, each matched with its own (round 131:
			// a local in the other selector gave info).
			"aws_cloudtrail.local_beside":          "IG705:high",
			"aws_cloudtrail.advanced_local_beside": "IG705:high",
			// The copy with an attribute null or [] (round 137: info).
			"aws_cloudtrail.constant_twice_null":  "IG705:high",
			"aws_cloudtrail.constant_twice_empty": "IG705:high",
			// Written with a bool and with a string (round 141: info).
			"aws_cloudtrail.bool_and_string": "IG705:high",
		}},
		// Refresh-only plans accept what changed outside Terraform
		// (resource_drift): judged as those changes, from the state as
		// written (round 95: 0 findings, exit 0).
		{"trust/refresh-drift", nil, map[string]string{
			"aws_cloudtrail.t":                  "IG704:high",
			"aws_iam_access_key.old":            "IG201:high",
			"aws_iam_account_password_policy.p": "IG109:medium",
		}},
		{"trust/refresh-drift-deleted", nil, map[string]string{
			"aws_cloudtrail.t":                  "IG704:high",
			"aws_iam_account_password_policy.p": "IG108:high",
		}},
		// A normal plan accepts what changed outside Terraform where it
		// keeps the object as it is now, or does not make a deleted one
		// again: the same pull request, with its changes made in the
		// console first, gave 0 findings, exit 0 (round 100).
		{"trust/drift-console-first", nil, map[string]string{
			"aws_cloudtrail.t":                  "IG704:high",
			"aws_iam_access_key.old":            "IG201:high",
			"aws_iam_account_password_policy.p": "IG109:medium",
		}},
		// An object the plan updates: each attribute it leaves as it is
		// now is judged from the state as written (the policy lowered in
		// the console while the plan shortens max_password_age), each it
		// changes from its value now (def, switched off by a defender,
		// switched back on by the plan).
		{"trust/drift-plan-updates", nil, map[string]string{
			"aws_cloudtrail.t":                  "IG704:high",
			"aws_iam_access_key.def":            "IG201:high IG203:medium",
			"aws_iam_access_key.old":            "IG201:high",
			"aws_iam_account_password_policy.p": "IG109:medium",
		}},
		// A replacement too: an organization trail made single-account in
		// the console, then replaced by the plan (round 102: 0 findings).
		{"trust/drift-org-trail-replaced", nil, map[string]string{
			"aws_cloudtrail.t": "IG704:high",
		}},
		// An attribute changed in the console and by the plan: a weakening
		// is measured from the stronger of its value as written and now
		// (20, lowered to 8 in the console, set to 14: round 102, 0 findings).
		{"trust/drift-overwritten", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG109:medium",
		}},
		// Deleted in the console and made again by the plan: a replacement
		// of the policy as written (20 to 14: round 102, 0 findings).
		{"trust/drift-policy-recreated", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG109:medium",
		}},
		// A certificate a defender switched off in the console, then
		// replaced (-replace): nothing that signs is lost, so no IG501
		// (round 104: a false IG501 medium).
		{"trust/drift-cert-switched-off", nil, map[string]string{
			"aws_iam_user_login_profile.ops": "IG601:medium",
		}},
		{"trust/drift-trail-beside", nil, map[string]string{
			"aws_cloudtrail.t": "IG704:high",
		}},
		// Names Terraform writes unescaped (round 90: refused by 98b8fb7).
		{"trust/unicode-names", nil, map[string]string{
			"aws_iam_access_key.kéy1":                         "IG202:high IG203:medium",
			"aws_iam_access_key.kéy2":                         "IG202:high",
			"module.mödule.aws_iam_account_password_policy.p": "IG101:high IG102:medium IG103:medium IG104:medium IG105:medium IG106:medium IG107:medium",
		}},
		{"trust/null-variable", nil, map[string]string{
			"aws_iam_account_password_policy.this":                      "IG105:medium",
			`aws_iam_user_login_profile.each["each-null"]`:              "IG601:medium",
			"module.outer.module.inner.aws_iam_user_login_profile.this": "IG601:medium",
			"aws_iam_user_login_profile.from_resource":                  "IG601:info",
			"module.from_resource.aws_iam_user_login_profile.this":      "IG601:info",
		}},
		// An ephemeral root variable is never in the plan's variables, and
		// reaches an attribute only through ephemeralasnull, as null: in
		// the root and through a module input alike, it is judged as the
		// line left out.
		{"trust/ephemeral-variable", nil, map[string]string{
			"aws_iam_account_password_policy.this":           "IG105:medium",
			"aws_iam_user_login_profile.root":                "IG601:medium",
			"module.profile.aws_iam_user_login_profile.this": "IG601:medium",
		}},
		// So are an ephemeral resource's value and terraform.applying: in
		// the root, through a module's ephemeral output and in a module.
		{"trust/ephemeral-resource", nil, map[string]string{
			"aws_iam_account_password_policy.this":           "IG105:medium",
			"aws_iam_user_login_profile.applying":            "IG601:medium",
			"aws_iam_user_login_profile.output":              "IG601:medium",
			"module.profile.aws_iam_user_login_profile.this": "IG601:medium",
		}},
		// Changes Terraform defers to a later round are judged as any
		// change, beside the plan's others or alone (round 163: the
		// weak policy passed; alone, 0 findings, exit 0).
		{"trust/deferred-changes", nil, map[string]string{
			"aws_iam_access_key.k":              "IG202:high",
			"aws_iam_account_password_policy.p": "IG101:high IG102:medium IG103:medium IG104:medium IG105:medium IG106:medium IG107:medium",
		}},
		{"trust/deferred-changes-all", nil, map[string]string{
			"aws_iam_access_key.k":              "IG202:high",
			"aws_iam_account_password_policy.p": "IG101:high IG102:medium IG103:medium IG104:medium IG105:medium IG106:medium IG107:medium",
		}},
		{"trust/deferred-wildcard", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG101:info",
		}},
		// The account has one password policy: one created beside another
		// object of it (forgotten, or left in state by a -target plan)
		// replaces the policy that object shows, and is judged against it
		// (20 to 14 characters, 60 to 90 days).
		{"trust/policy-forget", nil, map[string]string{
			"aws_iam_account_password_policy.new": "IG109:medium IG109:medium",
		}},
		// IG203 goes on the key the plan adds beside two standing ones,
		// whatever their names: a waiver given to a standing key must not
		// cover it.
		{"trust/key-added-beside", nil, map[string]string{
			"aws_iam_access_key.zz_extra": "IG203:medium",
		}},
		// Also when a standing key is replaced too (a rotation adds no
		// key), and when the added key's status is known only after apply.
		{"trust/key-added-replaced", nil, map[string]string{
			"aws_iam_access_key.zz_extra": "IG203:medium",
		}},
		{"trust/key-added-status-unknown", nil, map[string]string{
			"aws_iam_access_key.zz_extra": "IG203:medium",
		}},
		// A setting read from a data source Terraform reads while it
		// plans is null when the plan shows it unknown, as `= null` is;
		// one read at apply, in any instance of a module, stays unknown
		// (round 142: info, exit 0, for both).
		// The same of another object's attribute, where the plan leaves
		// every instance of the object as it is (round 208: info, exit 0),
		// or there is none (round 210).
		// Trails removed beside the account's IAM trail: only one that
		// recorded IAM's events takes something away (round 214: IG704 high
		// on each).
		{"trust/trail-removed-recorded-nothing", nil, map[string]string{
			"aws_cloudtrail.audit": "IG704:high",
		}},
		// One written with logging off, switched back on in the console,
		// then destroyed: as it is now (round 215: no IG704).
		{"trust/trail-drift-destroyed", nil, map[string]string{
			"aws_cloudtrail.restarted": "IG704:high",
		}},
		{"trust/managed-at-plan", nil, map[string]string{
			"aws_iam_account_password_policy.this":         "IG105:medium IG106:medium IG107:medium",
			"aws_iam_user_login_profile.noop":              "IG601:medium",
			"aws_iam_user_login_profile.none":              "IG601:medium",
			"aws_iam_user_login_profile.each":              "IG601:medium",
			"aws_iam_user_login_profile.changing":          "IG601:info",
			"module.inner.aws_iam_user_login_profile.this": "IG601:medium",
		}},
		{"trust/data-at-plan", nil, map[string]string{
			"aws_iam_account_password_policy.this":                 "IG105:medium",
			"aws_iam_user_login_profile.now":                       "IG601:medium",
			"aws_iam_user_login_profile.later":                     "IG601:info",
			`module.both["carol"].aws_iam_user_login_profile.this`: "IG601:medium",
			`module.both["dave"].aws_iam_user_login_profile.this`:  "IG601:medium",
			`module.one["erin"].aws_iam_user_login_profile.this`:   "IG601:info",
			`module.one["frank"].aws_iam_user_login_profile.this`:  "IG601:info",
			// A trail switch it leaves unknown comes from an impure
			// function, as with a variable (round 147: info).
			"aws_cloudtrail.impure": "IG703:high",
		}},
		// A certificate's address reused for a new user known only after
		// apply, beside the old one: not the old user's (round 152: info).
		{"trust/signing-new-user-unknown", nil, map[string]string{
			"aws_iam_signing_certificate.c": "IG501:medium",
		}},
		// ["create","forget"], hand-made from real plans (Terraform 1.11
		// cannot write it): the old object stays, and is judged as a
		// forget; its certificate deleted with a user replaced is IG501
		// once, not again on the old object; a forgotten organization trail
		// leaves its member accounts' copies (no IG704); drift accepted by
		// the replacement is judged (round 152: IG501 twice, IG704 high,
		// no IG109).
		{"trust/create-forget-signing", nil, map[string]string{
			"aws_iam_signing_certificate.alice": "IG501:medium",
			"aws_iam_signing_certificate.bob":   "IG501:medium",
			"aws_iam_signing_certificate.erin":  "IG501:medium",
		}},
		{"trust/create-forget-org-trail", nil, map[string]string{
			"aws_iam_access_key.k":          "IG204:medium",
			"aws_iam_server_certificate.sc": "IG310:medium IG304:high IG305:high IG309:medium IG310:medium",
			"aws_iam_user_ssh_key.s":        "IG402:high",
		}},
		{"trust/create-forget-drift", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG109:medium",
		}},
		// The old object stays as it is now, not as written: a key
		// switched back on in the console, then forgotten (round 153: no
		// finding).
		{"trust/create-forget-drift-key", nil, map[string]string{
			"aws_iam_access_key.k": "IG204:medium",
		}},
		// A user renamed in place takes its keys with it: a key there
		// before, whatever its user attribute still says, counts beside
		// one added for the new name (round 142: no finding, exit 0),
		// not for a user who takes the old name.
		{"trust/key-user-renamed", nil, map[string]string{
			"aws_iam_access_key.one_new": "IG203:medium",
			"aws_iam_access_key.two_new": "IG203:medium",
			// An SSH key goes with its user too: a new user who takes
			// the old name and uploads it holds it beside the renamed one.
			"aws_iam_user_ssh_key.four_old":   "IG404:medium",
			"aws_iam_user_ssh_key.four_again": "IG404:medium",
			// A key forgotten stays with the user too, also where the
			// plan no longer shows its account; and a user renamed to a
			// name known only after apply keeps its keys beside those that
			// read its name (round 147: no finding, exit 0).
			"aws_iam_access_key.five_new": "IG203:medium",
			"aws_iam_access_key.six_new":  "IG203:medium",
			// A key made for the old name goes with the user too, when no
			// other user takes the name (round 148: no finding).
			"aws_iam_access_key.seven_new": "IG203:medium",
			// Also beside a user of the old name in another account
			// (round 149: no finding).
			"aws_iam_access_key.eight_new": "IG203:medium",
			// A certificate uploaded again for a user renamed to a name
			// known only after apply may be the same user's (round 149:
			// medium).
			"aws_iam_signing_certificate.nine": "IG501:info",
			// A key made from the renamed user's ID is that user's, though
			// a new user takes the old name (round 149: no finding).
			"aws_iam_access_key.ten_new": "IG203:medium",
		}},
		// A refresh-only plan lists no resource changes: each object of
		// its prior_state, the account as refreshed, is judged as it
		// stays, and one that changed outside Terraform as that change
		// (resource_drift), which the plan accepts: the old key switched
		// back on (IG201), the policy weakened (IG109).
		{"trust/refresh-only", nil, map[string]string{
			"aws_iam_access_key.new":            "IG204:medium",
			"aws_iam_access_key.old":            "IG201:high IG203:medium IG204:medium",
			"aws_iam_account_password_policy.p": "IG101:high IG105:medium IG106:medium IG107:medium IG109:medium IG109:medium IG109:medium IG109:medium",
		}},
		// Deleting signing certificates that signed nothing (Inactive,
		// expired), or one with its user, is clean-up: IG501 only for
		// dave's, active and current, whose user stays.
		{"trust/signing-cleanup", nil, map[string]string{
			"aws_iam_signing_certificate.dave": "IG501:medium",
		}},
		// A user deleted with force_destroy loses its signing certificates
		// with it, whatever the plan shows for them: IG501 where a user of
		// the name is there once the plan is applied (replaced, or made
		// again at another address) and gets no sound replacement. Without
		// force_destroy IAM refuses the delete; a user leaving for good is
		// offboarding.
		{"trust/signing-user-replaced", nil, map[string]string{
			"aws_iam_signing_certificate.alice": "IG501:medium",
			"aws_iam_signing_certificate.erin":  "IG501:medium",
		}},
		// An upload of a key another user holds Active once the plan is
		// applied replaces nothing: IAM refuses it (one certificate an
		// account), or two users share one credential. A certificate
		// renewed for the user's own key pair replaces the old one.
		{"trust/signing-shared-replacement", nil, map[string]string{
			"aws_iam_signing_certificate.alice": "IG501:medium",
		}},
		{"trust/key-no-create-date", nil, map[string]string{
			"aws_iam_access_key.ci": "IG204:info",
		}},
		{"trust/signing-user-replaced-for-each", nil, map[string]string{
			`aws_iam_signing_certificate.c["alice"]`: "IG501:info",
		}},
		{"trust/signing-for-each-other-source", nil, map[string]string{
			`aws_iam_signing_certificate.c["alice"]`: "IG501:medium",
			`aws_iam_signing_certificate.c["bob"]`:   "IG501:medium",
		}},
		{"trust/signing-user-replaced-loosely-ordered", nil, map[string]string{
			"aws_iam_signing_certificate.alice_old": "IG501:info",
			"aws_iam_signing_certificate.bob_old":   "IG501:info",
			"aws_iam_signing_certificate.carol_old": "IG501:info",
		}},
		{"trust/signing-user-replaced-unordered", nil, map[string]string{
			"aws_iam_signing_certificate.alice_old": "IG501:info",
		}},
		{"trust/signing-shared-replacement-forms", nil, map[string]string{
			"aws_iam_signing_certificate.alice": "IG501:medium",
			"aws_iam_signing_certificate.dave":  "IG501:medium",
			"aws_iam_signing_certificate.erin":  "IG501:medium",
		}},
		// Another user's active copy of a dormant key is no renewal: for
		// alice, her SSH key and certificate come back.
		{"trust/reupload-other-user", nil, map[string]string{
			"aws_iam_user_ssh_key.ssh_alice":         "IG405:high",
			"aws_iam_signing_certificate.cert_alice": "IG503:high",
			"aws_iam_signing_certificate.cert_bob":   "IG501:medium",
		}},
		// One key known only after apply, read alike by two users' uploads:
		// maybe shared (IG404 info: other expressions over the same
		// references may give two keys); a key read from elsewhere is not.
		{"trust/ssh-shared-unknown", nil, map[string]string{
			"aws_iam_user_ssh_key.alice": "IG403:info IG404:info",
			"aws_iam_user_ssh_key.bob":   "IG403:info IG404:info",
			"aws_iam_user_ssh_key.carol": "IG403:info",
		}},
		{"trust/policy-target", nil, map[string]string{
			"aws_iam_account_password_policy.new": "IG109:medium IG109:medium",
		}},
		// A targeted plan's objects in prior_state alone are judged beside
		// the targeted ones (their sensitive values withheld: see
		// report.TestSensitiveNeverLeaves).
		// Organization trails made trails of their own account, in place,
		// replaced, or deposed and destroyed: the member accounts' copies
		// go (IG704). One renamed that stays an organization trail loses
		// nothing.
		{"trust/trail-organization-ended", nil, map[string]string{
			"aws_cloudtrail.off":      "IG704:high",
			"aws_cloudtrail.replaced": "IG704:high",
			"aws_cloudtrail.deposed":  "IG704:high",
		}},
		// A user replaced by a targeted plan, which leaves its signing
		// certificate out: force_destroy deletes it all the same (alice);
		// without it IAM refuses the delete (bob).
		{"trust/signing-user-replaced-target", nil, map[string]string{
			"aws_iam_signing_certificate.alice": "IG501:medium",
		}},
		// A certificate uploaded again for its user, replaced, whom it
		// names by ID (known only after apply): a sound replacement.
		{"trust/signing-user-id-replaced", nil, map[string]string{
			"aws_iam_signing_certificate.dave": "IG501:medium",
		}},
		{"trust/target-sensitive", nil, map[string]string{
			"aws_iam_account_password_policy.new": "IG109:medium",
			"aws_iam_user_ssh_key.new":            "IG402:high IG404:medium",
			"aws_iam_access_key.carol_new":        "IG203:medium",
		}},
		// With two AWS provider configurations the objects may be in two
		// accounts, each with its own policy: a policy created beside a
		// stronger one of another provider is judged by its own baseline
		// (12 characters: IG101), and against the other's 20 only at info
		// (IG109): the plan does not show whether it is the same account.
		// Two accounts by the roles their providers assume: a policy
		// created in one is no other's, and not compared (round 293: IG109
		// info said prod's "may be" dev's).
		// One service user in each of two role accounts, each rotating
		// its key: IG203 once in each (round 293: one finding across
		// both). alice's one SSH key in both accounts is shared: one
		// leaked private key opens both (round 355: grouped as one user).
		{"trust/key-user-role-accounts", nil, map[string]string{
			"module.ci_dev.aws_iam_access_key.ci":       "IG203:medium",
			"module.ci_prod.aws_iam_access_key.ci":      "IG203:medium",
			"module.ci_dev.aws_iam_user_ssh_key.alice":  "IG404:medium",
			"module.ci_prod.aws_iam_user_ssh_key.alice": "IG404:medium",
		}},
		{"trust/policy-role-accounts", nil, map[string]string{
			"module.dev_baseline.aws_iam_account_password_policy.this": "IG101:high",
		}},
		{"trust/policy-other-account", nil, map[string]string{
			"aws_iam_account_password_policy.sandbox": "IG101:high IG109:info",
		}},
		// A shared module given provider aliases: a copy created with the
		// provider configuration of a standing one is in its account, and
		// compared (16 to 14 characters).
		{"trust/policy-module-providers", nil, map[string]string{
			"module.pp_sandbox.aws_iam_account_password_policy.this": "IG109:medium",
		}},
		// A policy created beside one being replaced (replace_triggered_by)
		// may be applied last: judged against the one that stands now.
		// Two objects of the policy stand: a new one is compared with
		// the stricter of each setting, not with the first object alone
		// (round 298: the root's weaker object hid the length drop).
		{"trust/policy-standing-two", nil, map[string]string{
			"module.baseline.aws_iam_account_password_policy.this": "IG106:medium",
			"module.next.aws_iam_account_password_policy.this":     "IG106:medium IG109:medium IG109:medium",
		}},
		// An update beside another standing object is compared with the
		// stricter of both (round 301); a no-op is compared with nothing.
		{"trust/policy-standing-update", nil, map[string]string{
			"aws_iam_account_password_policy.legacy":               "IG109:medium",
			"module.baseline.aws_iam_account_password_policy.this": "IG106:medium",
		}},
		{"trust/policy-replaced-beside", nil, map[string]string{
			"aws_iam_account_password_policy.new": "IG109:medium IG109:medium",
		}},
		// A second AWS provider configuration that neither policy uses
		// leaves them in one account: compared (IG109 medium). So does
		// one for another region alone (the same credentials), whichever
		// the old object's was once its configuration is gone (removed).
		// With other credentials, that object may be of either: IG109 info.
		{"trust/policy-target-alias", nil, map[string]string{
			"aws_iam_account_password_policy.new": "IG109:medium IG109:medium",
		}},
		{"trust/policy-target-alias-endpoints", nil, map[string]string{
			"aws_iam_account_password_policy.new": "IG109:medium IG109:medium",
		}},
		{"trust/policy-forget-alias", nil, map[string]string{
			"aws_iam_account_password_policy.new": "IG109:medium IG109:medium",
		}},
		{"trust/policy-forget-account", nil, map[string]string{
			"aws_iam_account_password_policy.new": "IG109:info",
		}},
		// Both reading one variable's credentials: they may be one account,
		// and a weaker policy is compared (IG501 would not credit across
		// them: see trust/signing-profile-accounts).
		{"trust/policy-forget-alias-var", nil, map[string]string{
			"aws_iam_account_password_policy.new": "IG109:medium IG109:medium",
		}},
		// A provider configuration for another region alone is the same
		// account: a certificate whose configuration is gone is replaced
		// (alice), or goes with its user (bob), as with one.
		{"trust/signing-region-alias", nil, map[string]string{
			"aws_iam_signing_certificate.carol": "IG501:medium",
		}},
		// A module's block with nothing set may be a proxy for a passed
		// alias, or a configuration of its own that reads the
		// environment's credentials: the plan does not show which. It is
		// another account for IG501, so the certificates whose
		// configuration is gone may be of either, and none is credited:
		// false findings for alice and bob, never a pass.
		{"trust/signing-module-proxy", nil, map[string]string{
			"aws_iam_signing_certificate.alice_2026": "IG501:medium",
			"aws_iam_signing_certificate.bob":        "IG501:medium",
			"aws_iam_signing_certificate.carol":      "IG501:medium",
		}},
		// Two accounts whose profiles are read from one variable
		// ("${var.org}-prod", "${var.org}-dev"): written alike in the plan,
		// they are not one account. An upload in dev replaces nothing in
		// prod.
		{"trust/signing-profile-accounts", nil, map[string]string{
			`aws_iam_signing_certificate.prod["alice"]`: "IG501:medium",
		}},
		// A user passed into a module (user = var.user) is the one its
		// call gives, read in the calling module: two instances of one
		// call, or a root key and one two calls down, given
		// aws_iam_user.x.id, are keys of one user. A local made of the
		// input may be the same user in every instance or not: info.
		{"trust/unknown-user-passed", nil, map[string]string{
			"aws_iam_access_key.svc":                        "IG203:medium",
			`module.key["blue"].aws_iam_access_key.this`:    "IG203:medium",
			`module.local["blue"].aws_iam_access_key.this`:  "IG203:info",
			`module.local["green"].aws_iam_access_key.this`: "IG203:info",
		}},
		// A user named by an aws_iam_user's name, by its ID (known only
		// after apply) and outright, in any case, is one user when the
		// plan gives that aws_iam_user's name; the SSH key of alice (by
		// ID) and bob (outright) is shared. The SSH key is a weak one
		// (IG402).
		{"trust/user-named-many-ways", []string{"IG402"}, map[string]string{
			"aws_iam_access_key.deploy_by_id": "IG203:medium",
			"aws_iam_access_key.svc_outright": "IG203:medium",
			"aws_iam_user_ssh_key.alice":      "IG404:medium",
			"aws_iam_user_ssh_key.bob":        "IG404:medium",
		}},
		// An instance key spelt as a number or a string, "01" too, names
		// one user (IG203 medium on each pair). Any attribute but the ID and the
		// name, or a splat, may be any user's: IG203 info, and two tags
		// are two users for the shared SSH key (IG404). A user whose name
		// is sensitive is one with a key that names it outright (see
		// TestResolvedUserStaysSensitive). The SSH key is a weak one
		// (IG402).
		{"trust/user-reference-forms", []string{"IG402"}, map[string]string{
			"aws_iam_access_key.each_number":    "IG203:medium",
			"aws_iam_access_key.counted_number": "IG203:medium",
			"aws_iam_access_key.pair_one":       "IG203:medium",
			"aws_iam_access_key.by_arn":         "IG203:info",
			"aws_iam_access_key.by_splat":       "IG203:info",
			"aws_iam_access_key.secret_alias":   "IG203:medium",
			"aws_iam_user_ssh_key.tags_id":      "IG404:medium",
			"aws_iam_user_ssh_key.tags_name":    "IG404:medium",
		}},
		// A for_each key is the instance it spells, a number index the key
		// of its digits: "1" and "01" are two users, read apart whether
		// the plan gives their names or not. Where the aws_iam_user of that
		// name is counted (module.counted), "01" is the index 1.
		{"trust/for-each-number-keys", nil, map[string]string{
			"aws_iam_access_key.alice_index":                "IG203:medium",
			"aws_iam_access_key.bob_key":                    "IG203:medium",
			"module.counted.aws_iam_access_key.by_index":    "IG203:medium",
			"module.counted.aws_iam_access_key.later_index": "IG203:medium",
		}},
		// A user read through anything but aws_iam_user itself (a local,
		// a module's output, a data source, terraform_data) may be any
		// user, the other key's included: IG203 info on each such key.
		// The key that reads aws_iam_user.ci.id directly has no other
		// key known to be its user's.
		{"trust/unknown-user-local", nil, map[string]string{
			"aws_iam_access_key.blue":             "IG203:medium",
			"module.keys.aws_iam_access_key.blue": "IG203:medium",
		}},
		{"trust/unknown-user-indirect", nil, map[string]string{
			"aws_iam_access_key.via_local":                         "IG203:info",
			`module.via_output["blue"].aws_iam_access_key.this`:    "IG203:info",
			`module.via_output["green"].aws_iam_access_key.this`:   "IG203:info",
			`module.via_data["blue"].aws_iam_access_key.this`:      "IG203:info",
			`module.via_data["green"].aws_iam_access_key.this`:     "IG203:info",
			`module.via_resource["blue"].aws_iam_access_key.this`:  "IG203:info",
			`module.via_resource["green"].aws_iam_access_key.this`: "IG203:info",
		}},
		// A user's name marked sensitive only by a credential (a key, an
		// SSH key or a signing certificate this plan deletes, whose state
		// marks it; a login profile given a sensitive variable) is
		// withheld wherever other objects spell it (TestSensitiveUserMarks),
		// and still judged.
		{"trust/sensitive-user-marks", []string{"IG402"}, map[string]string{
			"aws_iam_access_key.a[0]":          "IG203:medium",
			"aws_iam_access_key.b[0]":          "IG203:medium",
			"aws_iam_access_key.c[0]":          "IG203:medium",
			"aws_iam_access_key.console[0]":    "IG203:medium",
			"aws_iam_access_key.rotating[0]":   "IG203:medium",
			"aws_iam_signing_certificate.gone": "IG501:medium",
			"aws_iam_user_ssh_key.console":     "IG404:medium",
			"aws_iam_user_ssh_key.other":       "IG404:medium",
		}},
		// Names read from modules' outputs declared sensitive, which the
		// plan does not mark: withheld (report.TestSensitiveNeverLeaves),
		// and judged as any name.
		{"trust/sensitive-module-output", []string{"IG402"}, map[string]string{
			"aws_iam_access_key.direct[0]":                 "IG203:medium",
			"aws_iam_access_key.local[0]":                  "IG203:medium",
			"aws_iam_access_key.plain[0]":                  "IG203:medium",
			"aws_iam_access_key.relayed[0]":                "IG203:medium",
			"aws_iam_access_key.relayed_local[0]":          "IG203:medium",
			"module.keys_local.aws_iam_access_key.this[0]": "IG203:medium",
			"aws_cloudtrail.selector":                      "IG705:high",
			"module.cycle.aws_iam_access_key.this[0]":      "IG203:medium",
			"aws_iam_access_key.labelled[0]":               "IG203:medium",
			"module.keys.aws_iam_access_key.this[0]":       "IG203:medium",
			`aws_iam_user_ssh_key.each["a"]`:               "IG404:medium",
			`aws_iam_user_ssh_key.each["b"]`:               "IG404:medium",
		}},
		// An SSH key or signing certificate is its key material: the
		// dormant one uploaded again, as a replacement or at another
		// address after its own is deleted, is Active again. Another key
		// uploaded after a dormant one's delete is a new credential.
		{"trust/credential-reupload", nil, map[string]string{
			"aws_iam_user_ssh_key.k":          "IG405:high",
			"aws_iam_user_ssh_key.bob_laptop": "IG405:high",
			"aws_iam_signing_certificate.s":   "IG503:high",
		}},
		// The same, while the dormant objects stay as they are: an SSH
		// key uploaded for another user (shared too, IG404), a signing
		// certificate issued again for the same key pair.
		{"trust/credential-reupload-kept", nil, map[string]string{
			"aws_iam_user_ssh_key.alice_old":             "IG404:medium",
			"aws_iam_user_ssh_key.bob":                   "IG404:medium IG405:high",
			"aws_iam_signing_certificate.alice_reissued": "IG503:high",
		}},
		// Rotations: credentials Active before the plan, switched off now,
		// whose key pairs go on elsewhere, and a certificate renewed for a
		// key pair that a dormant one holds too. Nothing dormant comes
		// back: no IG405 or IG503.
		{"trust/credential-rotated", nil, map[string]string{
			"aws_iam_user_ssh_key.deploy_old": "IG404:medium",
			"aws_iam_user_ssh_key.deploy_new": "IG404:medium",
		}},
		// Objects whose user is known only after apply count for one user
		// when one module instance reads it alike (user =
		// aws_iam_user.ci.id, in two resources or two counted
		// instances), and for different users when they read different
		// users (per module instance, two aws_iam_user resources). Read
		// through a variable too (coalesce(var.x, aws_iam_user.app.id)),
		// a user may be another key's: IG203 info on the app and ops
		// keys, whose SSH keys still count as uploaded for two users. A
		// user read per instance (count.index) cannot be told apart from
		// the others' yet: IG203 info, as for
		// for_each = {a = aws_iam_user.ci.id, b = aws_iam_user.ci.id},
		// which names one user twice. The fixture's SSH key is a weak one
		// (IG402).
		{"trust/unknown-user", []string{"IG402"}, map[string]string{
			"aws_iam_access_key.a":           "IG203:medium",
			"aws_iam_access_key.counted[0]":  "IG203:medium",
			"aws_iam_access_key.per_user[0]": "IG203:info",
			"aws_iam_access_key.per_user[1]": "IG203:info",
			"aws_iam_access_key.app":         "IG203:info",
			"aws_iam_access_key.ops":         "IG203:info",
			"aws_iam_user_ssh_key.alice":     "IG404:medium",
			"aws_iam_user_ssh_key.bob":       "IG404:medium",
			"aws_iam_user_ssh_key.app":       "IG404:medium",
			"aws_iam_user_ssh_key.ops":       "IG404:medium",
		}},
		// With two AWS provider configurations the objects may be in two
		// accounts: a signing certificate deleted is replaced only by an
		// upload for its user under the same provider configuration (bob's,
		// replaced in place), not by one for a namesake in the other
		// account (alice's: IG501).
		{"trust/signing-other-account", nil, map[string]string{
			"aws_iam_signing_certificate.old": "IG501:medium",
		}},
		// The AWS provider under another local name ("amazon") is the
		// AWS provider: with two of its configurations, an upload for a
		// namesake under the other replaces nothing (IG501).
		{"trust/provider-renamed", nil, map[string]string{
			"aws_iam_signing_certificate.rot": "IG501:medium",
		}},
		// State holds only deposed objects (a create_before_destroy
		// replacement whose destroy step failed, its new object destroyed
		// since): destroying them deletes the last trail and alice's
		// signing certificate, with nothing in their place.
		{"trust/deposed-only", nil, map[string]string{
			"aws_cloudtrail.t":              "IG704:high",
			"aws_iam_signing_certificate.s": "IG501:medium",
		}},
		// A deposed signing certificate is replaced by the current object
		// at its address only if that is an active certificate of the
		// same user: here it is bob's, and alice loses hers.
		{"trust/deposed-other-user", nil, map[string]string{
			"aws_iam_signing_certificate.s": "IG501:medium",
		}},
		// A selector value known only after apply (the ARN of a bucket
		// made in the same plan) leaves only its selector undecided: a
		// data-event selector records no management events whatever it
		// is, so a trail recording management reads only, or data events
		// only, is IG705 high, and one recording every management event
		// passes. Only a value that could decide is info.
		{"trust/trail-selector-update", nil, map[string]string{
			"aws_cloudtrail.t": "IG705:high",
		}},
		{"trust/trail-selector-unknown", nil, map[string]string{
			"aws_cloudtrail.reads":     "IG705:high",
			"aws_cloudtrail.data_only": "IG705:high",
			"aws_cloudtrail.undecided": "IG705:info",
			"aws_cloudtrail.source_s3": "IG705:high", // a known condition decides beside an unknown one
			"aws_cloudtrail.any_field": "IG705:high",
		}},
		// The current trail (logging off) does not replace the deposed
		// one destroyed (logging): IG704 beside the current one's IG703.
		{"trust/deposed-trail-off", nil, map[string]string{
			"aws_cloudtrail.t": "IG703:high IG704:high",
		}},
		// The current trail, created single-region in its provider's
		// us-west-2, does not replace the deposed multi-region one.
		{"trust/deposed-trail-region", nil, map[string]string{
			"aws_cloudtrail.t": "IG702:high IG704:high",
		}},
		// IG202 is about a secret in state: a key that keeps one there
		// (made by Terraform without pgp_key, or made now) is judged; a
		// key imported (its secret null: AWS returns one only from
		// CreateAccessKey) or forgotten (a removed block takes it, and its
		// secret, out of state) holds none.
		{"trust/key-secret-state", nil, map[string]string{
			"aws_iam_access_key.created": "IG202:high",
			"aws_iam_access_key.kept":    "IG202:high",
		}},
		// A trail created has no home_region until apply; it lives in
		// its provider's region, where the configuration gives it as a
		// constant, through modules too, and in a module's own provider
		// configuration. A single-region trail outside us-east-1 records
		// none of IAM's events: IG702 high. A region read from a variable
		// is not followed (medium).
		{"trust/trail-region", nil, map[string]string{
			"aws_cloudtrail.root_alias":       "IG702:high",
			"aws_cloudtrail.root_var":         "IG702:medium",
			"module.m.aws_cloudtrail.t":       "IG702:high",
			"aws_cloudtrail.root_default":     "IG702:medium",
			"module.inherit.aws_cloudtrail.t": "IG702:medium",
			"module.own.aws_cloudtrail.t":     "IG702:high",
		}},
		// Selectors an impure function decides, beside one that records
		// no writes whatever it reads, or in the field or a not_ends_with
		// condition: IG705 high. Fields a dynamic block makes from
		// another object stay info (round 189, which found each unpinned).
		{"trust/trail-selector-impure-mixed", nil, map[string]string{
			"aws_cloudtrail.read_only_beside": "IG705:high",
			"aws_cloudtrail.field":            "IG705:high",
			"aws_cloudtrail.not_ends_with":    "IG705:high",
			"aws_cloudtrail.dynamic_fields":   "IG705:info",
		}},
		// IG203 on a standing key, not on the inactive one added; a
		// user's statuses, one chosen by uuid(), one by another object:
		// medium; an imported key replaced keeps a secret in state
		// (round 189, which found each unpinned).
		{"trust/key-status-mixed", nil, map[string]string{
			"aws_iam_access_key.a":         "IG203:medium",
			"aws_iam_access_key.rotator_a": "IG203:medium",
			"aws_iam_access_key.imported":  "IG202:high",
		}},
		// Reuse prevention from 0 (none) to -1 weakens nothing: no IG109
		// (round 189).
		{"trust/policy-reuse-negative", nil, map[string]string{
			"aws_iam_account_password_policy.p": "IG106:medium",
		}},
	} {
		got := map[string]string{}
		for _, f := range Lint(readFixture(t, c.fixture), Options{}).Findings {
			if !slices.Contains(c.skip, f.Rule.ID) {
				got[f.Address] = strings.TrimSpace(got[f.Address] + " " + f.Rule.ID + ":" + f.Severity.String())
			}
		}
		if !maps.Equal(got, c.want) {
			t.Errorf("%s: findings by address:\n got %v\nwant %v", c.fixture, got, c.want)
		}
	}
}

// TestTargetedReadsShown: in a targeted plan, what an object in prior state
// alone reads from another object is not withheld as if read from a
// variable: its user's constant name stays named.
func TestTargetedReadsShown(t *testing.T) {
	for _, f := range Lint(readFixture(t, "trust/target-sensitive"), Options{}).Findings {
		if f.Rule.ID == "IG203" && !strings.Contains(f.Message, `user "carol"`) {
			t.Errorf("IG203 does not name carol: %s", f.Message)
		}
	}
}

// TestChangedOnlyUserDeletesCertificates: a certificate the plan leaves as
// it is but deletes with its user (force_destroy) is judged under
// --changed-only too: in AWS it changes.
func TestChangedOnlyUserDeletesCertificates(t *testing.T) {
	for _, fixture := range []string{"trust/signing-user-replaced", "trust/signing-user-replaced-target"} {
		p := readFixture(t, fixture)
		want := rowsOf(Lint(p, Options{}).Findings)
		if len(want) == 0 {
			t.Fatalf("%s: no findings: the test tests nothing", fixture)
		}
		assertRows(t, Lint(p, Options{ChangedOnly: true}).Findings, want)
	}
}

// TestTrailOwnRegion: a new trail's own region argument (the AWS
// provider's v6) places it, and a sensitive one is not shown.
func TestTrailOwnRegion(t *testing.T) {
	const after = `{"is_multi_region_trail": false, "enable_log_file_validation": true, "region": "eu-north-1"}`
	fs := judgeOne(t, "aws_cloudtrail", []string{"create"}, "null", after, "")
	if got := ids(fs); got != "IG702:high" || !strings.Contains(fs[0].Message, "eu-north-1") {
		t.Errorf("findings %q (%v), want IG702 high in eu-north-1", got, fs)
	}
	doc := `{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.x", "mode": "managed", "type": "aws_cloudtrail",
	  "name": "x", "change": {"actions": ["create"], "before": null, "after": ` + after + `, "after_unknown": {},
	  "after_sensitive": {"region": true}}}]}`
	fs = Lint(readPlan(t, []byte(doc)), Options{}).Findings
	if got := ids(fs); got != "IG702:high" || strings.Contains(fs[0].Message, "eu-north-1") {
		t.Errorf("sensitive region: findings %q (%v), want IG702 high, the region withheld", got, fs)
	}
}

// TestTrailOwnRegionUnknown: a trail's own region known only after apply
// is unknown, not its provider's (round 332: "lives in eu-west-1", high,
// where the provider's region stood in for the trail's).
func TestTrailOwnRegionUnknown(t *testing.T) {
	doc := `{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.x", "mode": "managed", "type": "aws_cloudtrail",
	  "name": "x", "change": {"actions": ["create"], "before": null,
	  "after": {"is_multi_region_trail": false, "include_global_service_events": true, "enable_log_file_validation": true},
	  "after_unknown": {"home_region": true, "region": true}}}],
	  "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}}},
	  "root_module": {"resources": [{"address": "aws_cloudtrail.x", "mode": "managed", "type": "aws_cloudtrail", "name": "x",
	  "provider_config_key": "aws", "expressions": {"is_multi_region_trail": {"constant_value": false},
	  "region": {"references": ["terraform_data.r.output", "terraform_data.r"]}}}]}}}`
	fs := Lint(readPlan(t, []byte(doc)), Options{})
	if got := ids(fs.Findings); got != "IG702:medium" || strings.Contains(fs.Findings[0].Message, "eu-west-1") {
		t.Errorf("findings %q (%v), want IG702 medium, no region named", got, fs.Findings)
	}
}

// judgeOne lints a plan with one resource change, read as the CLI reads
// it, and returns its findings.
func judgeOne(t *testing.T, typ string, actions []string, before, after string, extra string) []Finding {
	t.Helper()
	doc := fmt.Sprintf(`{"format_version": "1.2", "timestamp": "2026-11-23T07:00:00Z", "resource_changes": [
	  {"address": "%s.x", "mode": "managed", "type": "%s", "name": "x",
	   "change": {"actions": %s, "before": %s, "after": %s, "after_unknown": {}}}%s]}`,
		typ, typ, jsonList(actions), before, after, extra)
	return Lint(readAsCLI(t, doc), Options{}).Findings
}

func jsonList(s []string) string { return `["` + strings.Join(s, `","`) + `"]` }

func ids(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule.ID+":"+f.Severity.String())
	}
	return strings.Join(out, " ")
}

// TestSpelling: a value is judged the same however valid JSON spells it.
func TestSpelling(t *testing.T) {
	const policy = "aws_iam_account_password_policy"
	strong := `"minimum_password_length": 14, "require_symbols": true, "require_numbers": true, "require_uppercase_characters": true,
		"require_lowercase_characters": true, "password_reuse_prevention": 24, "max_password_age": 90`
	for _, c := range []struct {
		name, after, want string
	}{
		{"plain", `{` + strong + `}`, ""},
		{"length as a string", `{` + strong + `, "minimum_password_length": "8"}`, "IG101:high"},
		{"flag as a string", `{` + strong + `, "require_symbols": "false"}`, "IG105:medium"},
		{"flag as a true string", `{` + strong + `, "require_symbols": "true"}`, ""},
		{"flag unreadable", `{` + strong + `, "require_symbols": "no"}`, "IG105:info"},
		{"flag as a number", `{` + strong + `, "require_symbols": 0}`, "IG105:info"},
		{"age overflowing int64", `{` + strong + `, "max_password_age": 1e19}`, "IG107:medium"},
		{"negative age", `{` + strong + `, "max_password_age": -1}`, "IG107:medium"},
		{"negative length", `{` + strong + `, "minimum_password_length": -20}`, "IG101:high"},
		// A value IAM refuses is never applied: no compliant policy.
		{"huge reuse", `{` + strong + `, "password_reuse_prevention": 1e300}`, "IG106:info"},
		// The AWS provider sends the low 32 bits of a number: 2^53 + 6,
		// which float64 cannot hold, reaches IAM as 6 (round 180).
		{"length past 2^53", `{` + strong + `, "minimum_password_length": 9007199254740998}`, "IG101:high"},
		{"length 2^32", `{` + strong + `, "minimum_password_length": 4294967296}`, "IG101:info"},
		// strconv caps a long literal's exponent: this is 14, never 0
		// (round 182: IG101 high for a length of 14).
		{"length with a long exponent", `{` + strong + `, "minimum_password_length": 0.` + strings.Repeat("0", 1_000_000) + `14e1000002}`, ""},
		{"length with a huge exponent", `{` + strong + `, "minimum_password_length": 1` + strings.Repeat("0", 100) + `e999999999}`, "IG101:info"},
		// A power of two in a long string is not read, rather than read
		// to float64's precision, whose low bits are not the number's
		// (round 182: 2^55 + 13 read as 2^55 + 16, a pass).
		{"long power-of-two string", `{` + strong + `, "minimum_password_length": "` + strings.Repeat("0", 10_001) + `36028797018963981p0"}`, "IG101:info"},
		{"power-of-two string", `{` + strong + `, "minimum_password_length": "36028797018963981p0"}`, "IG101:high"},
		{"length above IAM's limit", `{` + strong + `, "minimum_password_length": 200}`, "IG101:info"},
		// A fraction is no value of an integer attribute (the provider
		// refuses it): unreadable, never rounded to a pass.
		{"fractional age", `{` + strong + `, "max_password_age": 90.5}`, "IG107:info"},
		{"fractional age as a string", `{` + strong + `, "max_password_age": "90.99"}`, "IG107:info"},
		{"whole age with a fraction's spelling", `{` + strong + `, "max_password_age": 90.0}`, ""},
		{"whole age with an exponent", `{` + strong + `, "max_password_age": 9.0e1}`, ""},
		// A fraction float64 rounds to a whole number (round 84).
		{"fraction float64 reads as whole", `{` + strong + `, "minimum_password_length": 13.99999999999999999}`, "IG101:info"},
		{"fraction float64 reads as whole, exponent", `{` + strong + `, "max_password_age": 9000000000000000001e-17}`, "IG107:info"},
		{"fraction float64 reads as whole, as a string", `{` + strong + `, "max_password_age": "90.000000000000001"}`, "IG107:info"},
		{"escaped attribute key", `{` + strong + `, "m\u0061x_password_age": 400}`, "IG107:medium"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ids(judgeOne(t, policy, []string{"create"}, "null", c.after, "")); got != c.want {
				t.Errorf("findings %q, want %q", got, c.want)
			}
		})
	}
	// The reader's own keys and the resource's mode, escaped.
	escaped := []byte(`{"format_version": "1.2", "resource_changes": [
	  {"addr\u0065ss": "aws_cloudtrail.t", "m\u006fde": "m\u0061naged", "\u0074ype": "aws_\u0063loudtrail", "name": "t",
	   "ch\u0061nge": {"\u0061ctions": ["update"], "before": {}, "after": {"enable_logging": false, "is_multi_region_trail": true,
	   "enable_log_file_validation": true}, "after_unknown": {}}}]}`)
	if got := ids(Lint(readPlan(t, escaped), Options{}).Findings); got != "IG703:high" {
		t.Errorf("escaped keys: findings %q, want IG703:high", got)
	}
}

// TestStatusOutsideIAMs: a credential's status that is none of IAM's
// ("ACTIVE", "inactive", true), which the provider never plans, is judged
// unknown (info), never as not active (round 84: no IG201, no IG203); on a
// key the plan creates, as Active: the provider deactivates a new key only
// when asked for Inactive (round 233).
func TestStatusOutsideIAMs(t *testing.T) {
	key := func(status string) string {
		return `{"user": "alice", "status": ` + status + `, "pgp_key": "keybase:alice", "create_date": "2026-11-01T00:00:00Z"}`
	}
	for _, c := range []struct{ name, before, after, want string }{
		{"switched on", key(`"Inactive"`), key(`"Active"`), "IG201:high"},
		{"switched on from lower case", key(`"inactive"`), key(`"Active"`), "IG201:info"},
		{"switched on to upper case", key(`"Inactive"`), key(`"ACTIVE"`), "IG201:info"},
		{"switched on to true", key(`"Inactive"`), key(`true`), "IG201:info"},
	} {
		if got := ids(judgeOne(t, "aws_iam_access_key", []string{"update"}, c.before, c.after, "")); got != c.want {
			t.Errorf("%s: findings %q, want %q", c.name, got, c.want)
		}
	}
	second := `, {"address": "aws_iam_access_key.y", "mode": "managed", "type": "aws_iam_access_key", "name": "y",
	   "change": {"actions": ["create"], "before": null, "after": ` + key(`"Active"`) + `, "after_unknown": {}}}`
	for status, want := range map[string]string{`"Active"`: "IG203:medium", `"ACTIVE"`: "IG203:medium", `"active"`: "IG203:medium", `"Inactive"`: "", `true`: "IG203:medium"} {
		if got := ids(judgeOne(t, "aws_iam_access_key", []string{"create"}, "null", key(status), second)); got != want {
			t.Errorf("a second key beside one %s: findings %q, want %q", status, got, want)
		}
	}
}

// TestFieldKeysSpelledOtherwise: a plan that spells the plan format's own
// keys otherwise than Terraform writes them is refused, in one line that
// shows no value. encoding/json, and so terraform-json, matches such keys
// to its fields (in any case, the Kelvin sign for k and the long s for s);
// Python and jq do not, so the plan says two things. Read one way, the
// mark under "After_Sen\u017Fitive" withheld the length; read the other, it
// showed it.
func TestFieldKeysSpelledOtherwise(t *testing.T) {
	doc := []byte(`{"Format_Version": "1.2", "RESOURCE_CHANGES": [
	  {"Address": "aws_iam_account_password_policy.p", "MODE": "managed", "Type": "aws_iam_account_password_policy", "Name": "p",
	   "Change": {"Actions": ["create"], "Before": null, "After": {"minimum_password_length": 7, "require_symbols": true,
	     "require_numbers": true, "require_uppercase_characters": true, "require_lowercase_characters": true,
	     "password_reuse_prevention": 24, "max_password_age": 90},
	     "After_Unknown": {}, "After_Sen\u017Fitive": {"minimum_password_length": true}}}],
	  "Configuration": {"Root_Module": {"Resources": [{"Address": "aws_iam_account_password_policy.p",
	    "Type": "aws_iam_account_password_policy", "Name": "p", "Expressions": {"minimum_password_length": {"Constant_Value": 7}}}]}}}`)
	// terraform-json reads these keys as its fields.
	var tf tfjson.Plan
	if err := json.Unmarshal(doc, &tf); err != nil {
		t.Fatal(err)
	}
	if len(tf.ResourceChanges) != 1 || tf.ResourceChanges[0].Change.AfterSensitive == nil {
		t.Fatalf("terraform-json reads otherwise: %+v", tf.ResourceChanges)
	}
	_, err := plan.Read(bytes.NewReader(doc), ResourceTypes)
	if err == nil || !strings.Contains(err.Error(), "spells") || strings.Contains(err.Error(), "7") || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %v, want the spelling refused in one line", err)
	}
	twice := []byte(`{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.t", "mode": "managed",
	  "type": "aws_cloudtrail", "type": "aws_s3_bucket", "name": "t", "change": {"actions": ["create"], "before": null, "after": {}}}]}`)
	if _, err := plan.Read(bytes.NewReader(twice), ResourceTypes); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("type twice in one entry: error %v, want a duplicate key", err)
	}
}

// TestEveryActionPair: each action list of the JSON plan format is judged,
// --changed-only too, and a create paired with a forget is a replacement,
// whose old object, which stays in AWS, is judged as a forget is (round
// 150: it was not).
func TestEveryActionPair(t *testing.T) {
	weak := `{"enable_logging": false, "is_multi_region_trail": true, "enable_log_file_validation": true}`
	for _, c := range []struct {
		actions []string
		action  string
		want    string
		changed bool // judged with --changed-only
	}{
		{[]string{"no-op"}, "no-op", "IG703:high", false},
		{[]string{"create"}, "create", "IG703:high", true},
		{[]string{"update"}, "update", "IG703:high", true},
		{[]string{"delete", "create"}, "replace", "IG703:high", true},
		{[]string{"create", "delete"}, "replace", "IG703:high", true},
		{[]string{"create", "forget"}, "replace", "IG703:high IG703:high", true},
		{[]string{"forget", "create"}, "replace", "IG703:high IG703:high", true},
		{[]string{"forget"}, "forget", "IG703:high", true},
		{[]string{"delete"}, "delete", "IG704:high", true},
		{[]string{"read"}, "read", "IG703:high", false},
	} {
		t.Run(strings.Join(c.actions, ","), func(t *testing.T) {
			before := weak
			switch {
			case c.actions[0] == "create" && len(c.actions) == 1:
				before = "null"
			case c.action == "delete": // one that recorded IAM's events: a weak one's removal takes nothing away
				before = `{"enable_logging": true, "is_multi_region_trail": true}`
			}
			after := weak
			if c.action == "delete" || c.action == "forget" {
				after = "null"
			}
			doc := fmt.Sprintf(`{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.x", "mode": "managed",
			  "type": "aws_cloudtrail", "name": "x", "change": {"actions": %s, "before": %s, "after": %s, "after_unknown": {}}}]}`,
				jsonList(c.actions), before, after)
			p := readPlan(t, []byte(doc))
			res := Lint(p, Options{})
			judged := []string{c.action}
			if slices.Contains(c.actions, "forget") && c.action == "replace" {
				judged = append(judged, "forget")
			}
			var got []string
			for _, r := range res.Judged {
				got = append(got, r.Action)
			}
			if ids(res.Findings) != c.want || !slices.Equal(got, judged) || res.Resources != 1 {
				t.Errorf("findings %q as %v (%d resources), want %q as %v", ids(res.Findings), got, res.Resources, c.want, judged)
			}
			if n := Lint(p, Options{ChangedOnly: true}).Resources; n == 1 != c.changed {
				t.Errorf("--changed-only judged %d resources, want judged=%v", n, c.changed)
			}
		})
	}
}

// TestBlockConfigKeepsUnknown: the configuration of a nested block, matched
// by place (which a set of blocks need not keep), tells only whether a
// value the plan shows unknown is impure, never that it is known: here one
// that the configuration omits.
func TestBlockConfigKeepsUnknown(t *testing.T) {
	doc := `{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.t", "mode": "managed", "type": "aws_cloudtrail", "name": "t",
	  "change": {"actions": ["create"], "before": null,
	    "after": {"is_multi_region_trail": true, "enable_log_file_validation": true, "event_selector": [{"read_write_type": "All"}]},
	    "after_unknown": {"event_selector": [{"include_management_events": true}]}}}],
	  "configuration": {"root_module": {"resources": [{"address": "aws_cloudtrail.t", "mode": "managed", "type": "aws_cloudtrail", "name": "t",
	    "expressions": {"is_multi_region_trail": {"constant_value": true}, "enable_log_file_validation": {"constant_value": true},
	      "event_selector": [{"read_write_type": {"constant_value": "All"}}]}}]}}}`
	if got := ids(Lint(readPlan(t, []byte(doc)), Options{}).Findings); got != "IG705:info" {
		t.Errorf("findings %q, want IG705:info", got)
	}
}

// TestReactivationKeptInPlace: a key switched on is IG201 whatever action
// keeps it in place: a hand-made no-op or read whose sides differ, which
// Terraform writes alike, passed (round 122).
func TestReactivationKeptInPlace(t *testing.T) {
	for _, action := range []string{"update", "no-op", "read"} {
		doc := `{"format_version": "1.2", "resource_changes": [{"address": "aws_iam_access_key.k", "mode": "managed", "type": "aws_iam_access_key", "name": "k",
		  "change": {"actions": ["` + action + `"], "before": {"user": "ci", "status": "Inactive", "pgp_key": "keybase:ci"},
		  "after": {"user": "ci", "status": "Active", "pgp_key": "keybase:ci"}, "after_unknown": {}}}]}`
		if got := ids(Lint(readPlan(t, []byte(doc)), Options{}).Findings); got != "IG201:high" {
			t.Errorf("%s: findings %q, want IG201:high", action, got)
		}
	}
}

// TestUserNamesIgnoreCase: IAM user names are case-insensitive, so keys for
// Deployer and deployer are two keys of one user.
func TestUserNamesIgnoreCase(t *testing.T) {
	key := func(addr, user string) string {
		return fmt.Sprintf(`{"address": "%s", "mode": "managed", "type": "aws_iam_access_key", "name": "k",
		  "change": {"actions": ["create"], "before": null, "after": {"user": "%s", "pgp_key": "keybase:x", "status": "Active"},
		  "after_unknown": {"create_date": true}}}`, addr, user)
	}
	doc := `{"format_version": "1.2", "resource_changes": [` + key("aws_iam_access_key.a", "Deployer") + "," +
		key("aws_iam_access_key.b", "deployer") + `]}`
	if got := ids(Lint(readPlan(t, []byte(doc)), Options{}).Findings); got != "IG203:medium" {
		t.Errorf("findings %q, want one IG203", got)
	}
	// Only ASCII letters fold, as in IAM: the Kelvin sign is another user.
	kelvin := `{"format_version": "1.2", "resource_changes": [` + key("aws_iam_access_key.a", "Kate") + "," +
		key("aws_iam_access_key.b", "\u212Aate") + `]}`
	if got := ids(Lint(readPlan(t, []byte(kelvin)), Options{}).Findings); got != "" {
		t.Errorf("Kate and \u212Aate: findings %q, want none", got)
	}
	// The name marked sensitive on the second key is not printed from the first.
	at := strings.LastIndex(doc, `"after_unknown": {"create_date": true}}}`)
	secret := doc[:at] + `"after_unknown": {"create_date": true}, "after_sensitive": {"user": true}}}]}`
	for _, f := range Lint(readPlan(t, []byte(secret)), Options{}).Findings {
		if strings.Contains(strings.ToLower(f.Message), "deployer") {
			t.Errorf("%s names the sensitive user: %s", f.Rule.ID, f.Message)
		}
	}
}

// TestAttributesCoverJudges: keeping only Attributes changes no finding on
// any plan the tests and examples hold, so the list names every attribute
// a judge reads.
func TestAttributesCoverJudges(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*/plan.json")
	more, _ := filepath.Glob("testdata/trust/*/plan.json")
	examples, _ := filepath.Glob("../../examples/plans/*.json")
	paths = append(append(paths, more...), examples...)
	if len(paths) < 6 {
		t.Fatalf("only %d plans found", len(paths))
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		all := readPlan(t, data)
		some, err := plan.Read(bytes.NewReader(data), ResourceTypes, plan.Attributes(Attributes))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		want := Lint(all, Options{}).Findings
		if len(want) == 0 {
			t.Errorf("%s gives no findings: it tests nothing here", path)
		}
		t.Run(path, func(t *testing.T) { assertRows(t, Lint(some, Options{}).Findings, rowsOf(want)) })
	}
	for typ := range judges {
		if len(Attributes(typ)) == 0 {
			t.Errorf("%s: no attributes listed", typ)
		}
	}
}

// TestSelectorValuesUnknown: a selector value known only after apply is
// never read as "All" or as no exclusion: IG705 is undecided (info).
func TestSelectorValuesUnknown(t *testing.T) {
	for name, sel := range map[string]string{
		"read_write_type":  `"event_selector": [{"include_management_events": true}]`,
		"excluded sources": `"event_selector": [{"read_write_type": "All", "include_management_events": true}]`,
		"advanced field":   `"advanced_event_selector": [{"field_selector": [{"field": "eventCategory", "equals": ["Management"]}]}]`,
	} {
		unknown := map[string]string{
			"read_write_type":  `"event_selector": [{"read_write_type": true}]`,
			"excluded sources": `"event_selector": [{"exclude_management_event_sources": true}]`,
			"advanced field":   `"advanced_event_selector": [{"field_selector": [{"equals": true}]}]`,
		}[name]
		doc := fmt.Sprintf(`{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.t", "mode": "managed",
		  "type": "aws_cloudtrail", "name": "t", "change": {"actions": ["create"], "before": null,
		  "after": {"enable_logging": true, "is_multi_region_trail": true, "enable_log_file_validation": true, %s},
		  "after_unknown": {%s}}}]}`, sel, unknown)
		if got := ids(Lint(readPlan(t, []byte(doc)), Options{}).Findings); got != "IG705:info" {
			t.Errorf("%s unknown: findings %q, want IG705:info", name, got)
		}
	}
}

// TestOddPlans: hand-made plans that spell a weak change in ways Terraform
// never writes: each is judged as what it says, reported as unreadable, or
// refused; none passes quietly.
func TestOddPlans(t *testing.T) {
	const trail = "aws_cloudtrail"
	weakTrail := `{"enable_logging": false, "include_global_service_events": false}`
	doc := func(resource string) string {
		return `{"format_version": "1.2", "timestamp": "2026-11-23T07:00:00Z", "resource_changes": [` + resource + `]}`
	}
	change := func(head, body string) string {
		return `{` + head + `, "change": ` + body + `}`
	}
	const head = `"address": "aws_cloudtrail.x", "mode": "managed", "type": "aws_cloudtrail", "name": "x"`
	update := func(before, after, unknown string) string {
		return fmt.Sprintf(`{"actions": ["update"], "before": %s, "after": %s, "after_unknown": %s}`, before, after, unknown)
	}
	for _, c := range []struct{ name, doc, want string }{
		{"mode null", doc(change(strings.Replace(head, `"managed"`, "null", 1), update("{}", weakTrail, "{}"))),
			"IG701:high IG702:medium IG703:high IG706:medium"},
		// A deposed object destroyed beside the current object that
		// replaced it removes nothing; with no current object, it removes
		// the trail.
		{"deposed delete", doc(change(head+`, "deposed": "00aa"`, `{"actions": ["delete"], "before": {}, "after": null}`) + "," +
			change(head, `{"actions": ["no-op"], "before": {}, "after": {"is_multi_region_trail": true, "enable_log_file_validation": true}}`)), ""},
		{"deposed delete, no current object", doc(change(head+`, "deposed": "00aa"`, `{"actions": ["delete"], "before": {}, "after": null}`)), "IG704:high"},
		{"after a list", doc(change(head, update("{}", "["+weakTrail+"]", "{}"))),
			"IG701:info IG702:info IG703:info IG705:info IG706:info"},
		{"after wholly unknown", doc(change(head, update("{}", "null", "true"))),
			"IG701:info IG702:info IG703:info IG705:info IG706:info"},
		{"selectors an object", doc(change(head, update("{}", `{"is_multi_region_trail": true, "enable_log_file_validation": true,
			"event_selector": {"read_write_type": "ReadOnly"}}`, "{}"))), "IG705:info"},
		{"selector a string", doc(change(head, update("{}", `{"is_multi_region_trail": true, "enable_log_file_validation": true,
			"event_selector": ["ReadOnly"]}`, "{}"))), "IG705:info"},
		{"excluded sources a string", doc(change(head, update("{}", `{"is_multi_region_trail": true, "enable_log_file_validation": true,
			"event_selector": [{"exclude_management_event_sources": "iam.amazonaws.com"}]}`, "{}"))), "IG705:info"},
		{"read_write_type an object", doc(change(head, update("{}", `{"is_multi_region_trail": true, "enable_log_file_validation": true,
			"event_selector": [{"read_write_type": {"v": "ReadOnly"}}]}`, "{}"))), "IG705:info"},
		{"key reactivated from an unreadable before", doc(`{"address": "aws_iam_access_key.k", "mode": "managed", "type": "aws_iam_access_key", "name": "k",
			"change": {"actions": ["update"], "before": ["Inactive"], "after": {"status": "Active", "user": "u", "pgp_key": "keybase:u"}, "after_unknown": {}}}`),
			"IG201:info"},
		{"age past float64", doc(`{"address": "aws_iam_account_password_policy.p", "mode": "managed", "type": "aws_iam_account_password_policy", "name": "p",
			"change": {"actions": ["create"], "before": null, "after": {"minimum_password_length": 14, "require_symbols": true, "require_numbers": true,
			"require_uppercase_characters": true, "require_lowercase_characters": true, "password_reuse_prevention": 24, "max_password_age": 1e400}, "after_unknown": {}}}`),
			"IG107:medium"},
		{"length a hex string", doc(`{"address": "aws_iam_account_password_policy.p", "mode": "managed", "type": "aws_iam_account_password_policy", "name": "p",
			"change": {"actions": ["create"], "before": null, "after": {"minimum_password_length": "0x1p4", "require_symbols": true, "require_numbers": true,
			"require_uppercase_characters": true, "require_lowercase_characters": true, "password_reuse_prevention": 24, "max_password_age": 90}, "after_unknown": {}}}`),
			"IG101:info"},
		// The account has one password policy: destroying a deposed object
		// of it deletes the current one.
		{"password policy deposed and destroyed", doc(`{"address": "aws_iam_account_password_policy.p", "mode": "managed", "type": "aws_iam_account_password_policy", "name": "p",
			"change": {"actions": ["no-op"], "before": {"minimum_password_length": 14, "require_symbols": true, "require_numbers": true,
			"require_uppercase_characters": true, "require_lowercase_characters": true, "password_reuse_prevention": 24, "max_password_age": 90},
			"after": {"minimum_password_length": 14, "require_symbols": true, "require_numbers": true,
			"require_uppercase_characters": true, "require_lowercase_characters": true, "password_reuse_prevention": 24, "max_password_age": 90}, "after_unknown": {}}},
			{"address": "aws_iam_account_password_policy.p", "mode": "managed", "type": "aws_iam_account_password_policy", "name": "p", "deposed": "00aa",
			"change": {"actions": ["delete"], "before": {"minimum_password_length": 20}, "after": null}}`),
			"IG108:high"},
		// A replacement that forgets the old key leaves it in AWS, active:
		// the user has two.
		{"key replaced, the old one forgotten", doc(`{"address": "aws_iam_access_key.k", "mode": "managed", "type": "aws_iam_access_key", "name": "k",
			"change": {"actions": ["create", "forget"], "before": {"user": "ci", "status": "Active", "pgp_key": "keybase:u"},
			"after": {"user": "ci", "status": "Active", "pgp_key": "keybase:u"}, "after_unknown": {}}}`),
			"IG203:medium"},
		// A creation date iamguard cannot read is said so, not skipped.
		{"create_date not RFC 3339", doc(`{"address": "aws_iam_access_key.k", "mode": "managed", "type": "aws_iam_access_key", "name": "k",
			"change": {"actions": ["no-op"], "before": {"user": "u", "status": "Active", "pgp_key": "keybase:u", "create_date": "2019-01-01"},
			"after": {"user": "u", "status": "Active", "pgp_key": "keybase:u", "create_date": "2019-01-01"}, "after_unknown": {}}}`),
			"IG204:info"},
		// Strings as Terraform (cty) converts them: "08" is 8, "0" is false.
		{"length a zero-led string", doc(`{"address": "aws_iam_account_password_policy.p", "mode": "managed", "type": "aws_iam_account_password_policy", "name": "p",
			"change": {"actions": ["create"], "before": null, "after": {"minimum_password_length": "08", "require_symbols": "1", "require_numbers": true,
			"require_uppercase_characters": true, "require_lowercase_characters": true, "password_reuse_prevention": 24, "max_password_age": 90}, "after_unknown": {}}}`),
			"IG101:high"},
		{"symbols \"0\"", doc(`{"address": "aws_iam_account_password_policy.p", "mode": "managed", "type": "aws_iam_account_password_policy", "name": "p",
			"change": {"actions": ["create"], "before": null, "after": {"minimum_password_length": 14, "require_symbols": "0", "require_numbers": true,
			"require_uppercase_characters": true, "require_lowercase_characters": true, "password_reuse_prevention": 24, "max_password_age": 90}, "after_unknown": {}}}`),
			"IG105:medium"},
	} {
		// Read as the CLI reads, keeping only the attributes the rules read.
		p := readAsCLI(t, c.doc)
		if got := ids(Lint(p, Options{}).Findings); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}

	// A deposed object is only ever destroyed or forgotten: one planned to
	// change is refused, and one left as it is hides nothing at its address.
	p := readAsCLI(t, doc(change(head+`, "deposed": "00aa"`, update("{}", weakTrail, "{}"))))
	if res := Lint(p, Options{}); res.Err == nil || !strings.Contains(res.Err.Error(), "deposed object planned to update") {
		t.Errorf("deposed update: err %v, findings %q", res.Err, ids(res.Findings))
	}
	dsaKey := strings.TrimSpace(certtest.SSHAuthorized(t, certtest.DSA(t), ""))
	ed25519Key := strings.TrimSpace(certtest.SSHAuthorized(t, certtest.Ed25519(t).Public(), ""))
	dsa := `{"address": "aws_iam_user_ssh_key.k", "mode": "managed", "type": "aws_iam_user_ssh_key", "name": "k",
	  "change": {"actions": ["create"], "before": null, "after": {"username": "u", "encoding": "SSH", "public_key": "` + dsaKey + `"}, "after_unknown": {}}}`
	leftover := `{"address": "aws_iam_user_ssh_key.k", "mode": "managed", "type": "aws_iam_user_ssh_key", "name": "k", "deposed": "00aa",
	  "change": {"actions": ["no-op"], "before": {"username": "u", "encoding": "SSH", "public_key": "` + ed25519Key + `"},
	  "after": {"username": "u", "encoding": "SSH", "public_key": "` + ed25519Key + `"}, "after_unknown": {}}}`
	p = readAsCLI(t, `{"format_version": "1.2", "resource_changes": [`+dsa+","+leftover+`]}`)
	if got := ids(Lint(p, Options{}).Findings); !strings.Contains(got, "IG401:high") {
		t.Errorf("a weak key followed by a deposed no-op at its address: %q, want IG401", got)
	}
	// Two entries at one address: the second would stand for the first.
	if _, err := plan.Read(strings.NewReader(`{"format_version": "1.2", "resource_changes": [`+dsa+","+dsa+`]}`), ResourceTypes); err == nil ||
		!strings.Contains(err.Error(), "listed twice") {
		t.Errorf("an address listed twice: err %v", err)
	}
}

// TestEmptyExpressionIsSet: an expression Terraform writes as {} (a value
// with no references, known only after apply) sets the attribute; only a
// null constant leaves it to its default.
func TestEmptyExpressionIsSet(t *testing.T) {
	doc := func(expr string) string {
		return `{"format_version": "1.2", "resource_changes": [
		  {"address": "aws_cloudtrail.x", "mode": "managed", "type": "aws_cloudtrail", "name": "x",
		   "change": {"actions": ["create"], "before": null, "after": {"is_multi_region_trail": true, "enable_log_file_validation": true},
		     "after_unknown": {"enable_logging": true}}}],
		  "configuration": {"root_module": {"resources": [{"address": "aws_cloudtrail.x", "type": "aws_cloudtrail", "name": "x",
		    "expressions": {"enable_logging": ` + expr + `}}]}}}`
	}
	// enable_logging plans a null as its default (true), so a value the
	// plan shows unknown is not null, whatever it is read from. Read from
	// nothing ({}), only an impure function such as timestamp() makes it
	// unknown, and chooses it at apply: judged at the rule's severity.
	for expr, want := range map[string]string{
		`{}`: "IG703:high", `{"references": ["var.on"]}`: "IG703:info",
		`{"references": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}`: "IG703:info", `{"constant_value": null}`: "",
	} {
		if got := ids(Lint(readPlan(t, []byte(doc(expr))), Options{}).Findings); got != want {
			t.Errorf("enable_logging = %s: got %q, want %q", expr, got, want)
		}
	}
}

// TestComputedWhenNull: an attribute the provider makes optional and
// computed plans a null as unknown. Set from values the plan shows known
// when Terraform plans (a variable), an unknown value can only be that
// null, and AWS's default applies; set from a resource, from a variable
// the plan does not show, or from no reference at all, it stays unknown.
func TestComputedWhenNull(t *testing.T) {
	doc := func(expr string) string {
		return `{"format_version": "1.2", "variables": {"symbols": {"value": null}}, "resource_changes": [
		  {"address": "aws_iam_account_password_policy.p", "mode": "managed", "type": "aws_iam_account_password_policy", "name": "p",
		   "change": {"actions": ["create"], "before": null, "after": {"minimum_password_length": 14, "require_lowercase_characters": true,
		     "require_uppercase_characters": true, "require_numbers": true, "allow_users_to_change_password": true,
		     "password_reuse_prevention": 24, "max_password_age": 90}, "after_unknown": {"require_symbols": true}}}],
		  "configuration": {"root_module": {"resources": [{"address": "aws_iam_account_password_policy.p", "type": "aws_iam_account_password_policy",
		    "name": "p", "expressions": {"require_symbols": ` + expr + `}}]}}}`
	}
	for expr, want := range map[string]string{
		`{"references": ["var.symbols"]}`: "IG105:medium", `{"constant_value": null}`: "IG105:medium",
		// No references, no constant: a function of constants (one([]),
		// tobool(null)), or a local value (the plan shows none), known
		// when Terraform plans: shown unknown, null. An impure function
		// (timestamp()) would be a finding too, never a pass.
		`{}`:                                "IG105:medium",
		`{"references": ["local.symbols"]}`: "IG105:medium",
		// a variable the plan does not show: a hand-made plan's reference
		`{"references": ["var.other"]}`:                                        "IG105:info",
		`{"references": ["aws_ssm_parameter.p.value", "aws_ssm_parameter.p"]}`: "IG105:info",
	} {
		if got := ids(Lint(readPlan(t, []byte(doc(expr))), Options{}).Findings); got != want {
			t.Errorf("require_symbols = %s: got %q, want %q", expr, got, want)
		}
	}
}

// TestComputedWhenNullInPlace: an object updated in place keeps an optional
// and computed attribute's value where its configuration gives null, and
// the plan shows it known; shown unknown, it is unknown, whatever its
// configuration reads (a local that reads a value known only after apply):
// a dormant SSH key's status so read is no reactivation.
func TestComputedWhenNullInPlace(t *testing.T) {
	pub, err := os.ReadFile("testdata/trust/ssh_key.pub")
	if err != nil {
		t.Fatal(err)
	}
	key := strings.TrimSpace(string(pub))
	for action, want := range map[string]string{"update": "IG405:info", "create": ""} {
		before := `{"username": "alice", "encoding": "SSH", "public_key": "` + key + `", "status": "Inactive"}`
		if action == "create" {
			before = "null"
		}
		doc := `{"format_version": "1.2", "resource_changes": [
		  {"address": "aws_iam_user_ssh_key.k", "mode": "managed", "type": "aws_iam_user_ssh_key", "name": "k",
		   "change": {"actions": ["` + action + `"], "before": ` + before + `,
		     "after": {"username": "alice", "encoding": "SSH", "public_key": "` + key + `"}, "after_unknown": {"status": true}}}],
		  "configuration": {"root_module": {"resources": [{"address": "aws_iam_user_ssh_key.k", "type": "aws_iam_user_ssh_key",
		    "name": "k", "expressions": {"status": {"references": ["local.status"]}}}]}}}`
		fs := Lint(readPlan(t, []byte(doc)), Options{})
		var got []string
		for _, f := range fs.Findings {
			if f.Rule.ID == "IG405" {
				got = append(got, f.Rule.ID+":"+f.Severity.String())
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s: IG405 %q, want %q", action, got, want)
		}
	}
}

// TestPriorStateMarks: a value prior_state marks sensitive stays withheld
// though the change of that resource gives no mark, whichever comes first.
func TestPriorStateMarks(t *testing.T) {
	key := func(addr string) string {
		return `{"address": "` + addr + `", "mode": "managed", "type": "aws_iam_access_key", "name": "k",
		  "change": {"actions": ["no-op"], "before": {"user": "SECRETUSER", "status": "Active", "pgp_key": "keybase:x"},
		  "after": {"user": "SECRETUSER", "status": "Active", "pgp_key": "keybase:x"}, "after_unknown": {}, "before_sensitive": {}, "after_sensitive": {}}}`
	}
	changes := `"resource_changes": [` + key("aws_iam_access_key.a") + "," + key("aws_iam_access_key.b") + `]`
	prior := `"prior_state": {"values": {"root_module": {"resources": [{"address": "aws_iam_access_key.b", "mode": "managed",
	  "type": "aws_iam_access_key", "name": "k", "values": {"user": "SECRETUSER"}, "sensitive_values": {"user": true}}]}}}`
	for name, doc := range map[string]string{"changes first": changes + "," + prior, "prior first": prior + "," + changes} {
		p := readAsCLI(t, `{"format_version": "1.2", `+doc+`}`)
		fs := Lint(p, Options{}).Findings
		if ids(fs) != "IG203:medium" {
			t.Errorf("%s: findings %q", name, ids(fs))
		}
		for _, f := range fs {
			if strings.Contains(f.Message, "SECRETUSER") {
				t.Errorf("%s: %s prints the user prior_state marks sensitive: %s", name, f.Rule.ID, f.Message)
			}
		}
	}
}

// TestPriorDeposedObject: a deposed object in prior_state is a second
// object at its address, not the one there: it hides nothing.
func TestPriorDeposedObject(t *testing.T) {
	key := func(extra, status string) string {
		return `{"address": "aws_iam_access_key.a", "mode": "managed", "type": "aws_iam_access_key", "name": "a",
		  "values": {"user": "alice", "status": "` + status + `", "pgp_key": "keybase:x"}` + extra + `}`
	}
	doc := `{"format_version": "1.2", "resource_changes": [{"address": "aws_iam_access_key.b", "mode": "managed", "type": "aws_iam_access_key", "name": "b",
	  "change": {"actions": ["create"], "before": null, "after": {"user": "alice", "status": "Active", "pgp_key": "keybase:x"}, "after_unknown": {}}}],
	  "prior_state": {"values": {"root_module": {"resources": [` + key("", "Active") + "," + key(`, "deposed_key": "5f2c"`, "Inactive") + `]}}}}`
	p := readAsCLI(t, doc)
	if got := ids(Lint(p, Options{}).Findings); got != "IG203:medium" {
		t.Errorf("findings %q, want IG203: alice keeps a and gets b", got)
	}
}

// TestPriorDeposedObjectValues: a deposed object's values are its own,
// though Terraform names it deposed only after them and the current object
// at its address has a change: an active deposed key beside the current
// active one is a second active key of its user.
func TestPriorDeposedObjectValues(t *testing.T) {
	doc := `{"format_version": "1.2", "resource_changes": [{"address": "aws_iam_access_key.a", "mode": "managed", "type": "aws_iam_access_key", "name": "a",
	  "change": {"actions": ["no-op"], "before": {"user": "alice", "status": "Active", "pgp_key": "keybase:x"},
	  "after": {"user": "alice", "status": "Active", "pgp_key": "keybase:x"}, "after_unknown": {}}}],
	  "prior_state": {"values": {"root_module": {"resources": [{"address": "aws_iam_access_key.a", "mode": "managed",
	  "type": "aws_iam_access_key", "name": "a", "values": {"user": "alice", "status": "Active", "pgp_key": "keybase:x"}, "deposed_key": "5f2c"}]}}}}`
	p := readAsCLI(t, doc)
	if got := ids(Lint(p, Options{}).Findings); got != "IG203:medium" {
		t.Errorf("findings %q, want IG203: the deposed key is alice's too, and active", got)
	}
}

// TestComputedWhenNullMatchesSchema: computedWhenNull lists exactly the
// attributes the rules read that the AWS provider's schema makes optional
// and computed (testdata/aws-schema.json, made by testdata/schema.sh).
func TestComputedWhenNullMatchesSchema(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "aws-schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]map[string]struct{ Optional, Computed bool }
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	for typ, names := range attributes {
		for _, name := range names {
			a := schema[typ][name]
			if want := a.Optional && a.Computed; computedWhenNull[typ][name] != want {
				t.Errorf("%s.%s: in computedWhenNull %v, optional and computed in the schema %v", typ, name, !want, want)
			}
		}
	}
	for typ, names := range computedWhenNull {
		for name := range names {
			if !slices.Contains(attributes[typ], name) {
				t.Errorf("computedWhenNull lists %s.%s, which no rule reads", typ, name)
			}
		}
	}
}

// oneUserKeys is a plan of n access keys of one user, old and active: the
// first two changed (created, updated), the rest in prior state only.
func oneUserKeys(n int) []byte {
	var b strings.Builder
	key := func(i int) string {
		return fmt.Sprintf(`{"create_date":"2020-01-01T00:00:00Z","pgp_key":"keybase:x","status":"Active","user":"bob","id":"AKIA%d"}`, i)
	}
	b.WriteString(`{"format_version":"1.2","timestamp":"2026-11-20T10:00:00Z","resource_changes":[`)
	fmt.Fprintf(&b, `{"address":"aws_iam_access_key.k[0]","mode":"managed","type":"aws_iam_access_key","name":"k","change":{"actions":["update"],"before":%s,"after":%s}},`, key(0), key(0))
	fmt.Fprintf(&b, `{"address":"aws_iam_access_key.k[1]","mode":"managed","type":"aws_iam_access_key","name":"k","change":{"actions":["no-op"],"before":%s,"after":%s}}`, key(1), key(1))
	b.WriteString(`],"prior_state":{"values":{"root_module":{"resources":[`)
	for i := 2; i < n; i++ {
		if i > 2 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"address":"aws_iam_access_key.k[%d]","mode":"managed","type":"aws_iam_access_key","name":"k","values":%s}`, i, key(i))
	}
	b.WriteString(`]}}}}`)
	return []byte(b.String())
}

// TestOneUserManyKeys: a user's findings across keys go on the keys this
// run judges, however many keys the user has in prior state: IG204 on each
// judged key, IG203 once, on the first.
func TestOneUserManyKeys(t *testing.T) {
	for _, n := range []int{3, 2000} {
		got := map[string]string{}
		for _, f := range Lint(readPlan(t, oneUserKeys(n)), Options{}).Findings {
			got[f.Address] = strings.TrimSpace(got[f.Address] + " " + f.Rule.ID)
		}
		want := map[string]string{"aws_iam_access_key.k[0]": "IG203 IG204", "aws_iam_access_key.k[1]": "IG204"}
		if !maps.Equal(got, want) {
			t.Errorf("%d keys: %v, want %v", n, got, want)
		}
	}
}

// BenchmarkOneUserManyKeys: one user's 50,000 keys are judged as one set;
// its findings are placed on the judged keys in time linear in the keys.
func BenchmarkOneUserManyKeys(b *testing.B) {
	data := oneUserKeys(50_000)
	for b.Loop() {
		p, err := plan.Read(bytes.NewReader(data), ResourceTypes)
		if err != nil {
			b.Fatal(err)
		}
		Lint(p, Options{})
	}
}

// BenchmarkTrailsOfOneName: 5,000 standing trails under one name and
// region, beside 5,000 replaced under that name, and 5,000 recorders in
// another partition beside 5,000 trails stopping their logging: each
// trail's lookup of the names kept and of another recorder is of a few,
// not of all (round 356: quadratic, 6 s on 18,000 of each).
func BenchmarkTrailsOfOneName(b *testing.B) {
	const n = 5000
	trail := func(name, region, arn string, logging bool) string {
		return fmt.Sprintf(`{"name":%q,"home_region":%q,"arn":%q,"is_multi_region_trail":true,"include_global_service_events":true,`+
			`"enable_logging":%t,"enable_log_file_validation":true,"is_organization_trail":false,"event_selector":[],"advanced_event_selector":[]}`,
			name, region, arn, logging)
	}
	var w strings.Builder
	w.WriteString(`{"format_version":"1.2","resource_changes":[`)
	change := func(addr string, i int, actions, before, after string) {
		if w.Len() > 50 {
			w.WriteString(",")
		}
		fmt.Fprintf(&w, `{"address":"aws_cloudtrail.%s[%d]","mode":"managed","type":"aws_cloudtrail","name":%q,"index":%d,`+
			`"change":{"actions":%s,"before":%s,"after":%s}}`, addr, i, addr, i, actions, before, after)
	}
	for i := range n {
		kept := trail("x", "us-east-1", fmt.Sprintf("arn:aws:cloudtrail:us-east-1:1:trail/x%d", i), true)
		change("kept", i, `["no-op"]`, kept, kept)
		change("renamed", i, `["delete","create"]`, trail(fmt.Sprint("o", i), "us-east-1", "", true), trail("x", "us-east-1", "", true))
		rec := trail(fmt.Sprint("r", i), "cn-north-1", "", true)
		change("recorder", i, `["no-op"]`, rec, rec)
		change("stopped", i, `["update"]`, trail(fmt.Sprint("s", i), "us-east-1", "", true), trail(fmt.Sprint("s", i), "us-east-1", "", false))
	}
	w.WriteString(`]}`)
	data := []byte(w.String())
	for b.Loop() {
		p, err := plan.Read(bytes.NewReader(data), ResourceTypes, plan.Attributes(Attributes))
		if err != nil {
			b.Fatal(err)
		}
		if res := Lint(p, Options{}); res.Err != nil || len(res.Findings) == 0 {
			b.Fatal(res.Err, len(res.Findings))
		}
	}
}

// BenchmarkPoliciesOfTwoRoles: 5,000 password policies created in one
// role's account beside 5,000 standing in another's, the roles' ARNs
// 60,000 characters long: which standing policy each created one may
// replace is found once for its account, and accounts are compared by
// short names (round 319: quadratic, 19 s on a 13 MB plan).
func BenchmarkPoliciesOfTwoRoles(b *testing.B) {
	const n = 5000
	var w strings.Builder
	policy := `{"minimum_password_length":14,"require_symbols":true,"require_numbers":true,"require_uppercase_characters":true,` +
		`"require_lowercase_characters":true,"allow_users_to_change_password":true,"max_password_age":90,"password_reuse_prevention":24}`
	role := func(c string) string {
		return `{"expressions":{"assume_role":[{"role_arn":{"constant_value":"arn:aws-` + strings.Repeat("a", 60000) + c + `:iam::1:role/x"}}]}}`
	}
	w.WriteString(`{"format_version":"1.2","resource_changes":[`)
	for i := range n {
		if i > 0 {
			w.WriteString(",")
		}
		fmt.Fprintf(&w, `{"address":"aws_iam_account_password_policy.n[%d]","mode":"managed","type":"aws_iam_account_password_policy","name":"n","index":%d,`+
			`"change":{"actions":["create"],"before":null,"after":%s}}`, i, i, policy)
	}
	w.WriteString(`],"prior_state":{"values":{"root_module":{"resources":[`)
	for i := range n {
		if i > 0 {
			w.WriteString(",")
		}
		fmt.Fprintf(&w, `{"address":"aws_iam_account_password_policy.s[%d]","mode":"managed","type":"aws_iam_account_password_policy","name":"s","index":%d,"values":%s}`, i, i, policy)
	}
	w.WriteString(`]}}},"configuration":{"provider_config":{"aws.a":` + role("x") + `,"aws.b":` + role("y") + `},"root_module":{"resources":[` +
		`{"address":"aws_iam_account_password_policy.s","mode":"managed","type":"aws_iam_account_password_policy","name":"s","provider_config_key":"aws.a"},` +
		`{"address":"aws_iam_account_password_policy.n","mode":"managed","type":"aws_iam_account_password_policy","name":"n","provider_config_key":"aws.b"}]}}}`)
	data := []byte(w.String())
	for b.Loop() {
		p, err := plan.Read(bytes.NewReader(data), ResourceTypes, plan.Attributes(Attributes))
		if err != nil {
			b.Fatal(err)
		}
		Lint(p, Options{})
	}
}

// TestDeposedSigningCertificateReplaced: the old half of a failed
// create_before_destroy replacement, destroyed now, was replaced by the
// current object only if that is a sound, active certificate of its user,
// as an upload must be.
func TestDeposedSigningCertificateReplaced(t *testing.T) {
	issue := func(bits int) string {
		return certtest.Issue(t, certtest.Cert{Key: certtest.RSA(t, bits), NotBefore: planNow.AddDate(0, -1, 0), NotAfter: planNow.AddDate(1, 0, 0)}).PEM
	}
	sound, weak := issue(2048), issue(1024)
	object := func(user, status, body string) string {
		o := map[string]string{"user_name": user, "certificate_body": body}
		if status != "" {
			o["status"] = status
		}
		b, _ := json.Marshal(o)
		return string(b)
	}
	for _, c := range []struct{ name, current, want string }{
		{"the same user's, sound", object("Alice", "Active", sound), ""},
		{"active by default", object("alice", "", sound), ""},
		{"another user's", object("bob", "Active", sound), "IG501:medium"},
		{"inactive", object("alice", "Inactive", sound), "IG501:medium"},
		{"weak", object("alice", "Active", weak), "IG501:medium"},
	} {
		doc := `{"format_version": "1.2", "timestamp": "2026-11-23T07:00:00Z", "resource_changes": [
		  {"address": "aws_iam_signing_certificate.s", "mode": "managed", "type": "aws_iam_signing_certificate", "name": "s",
		   "change": {"actions": ["no-op"], "before": ` + c.current + `, "after": ` + c.current + `, "after_unknown": {}}},
		  {"address": "aws_iam_signing_certificate.s", "mode": "managed", "type": "aws_iam_signing_certificate", "name": "s", "deposed": "00aa",
		   "change": {"actions": ["delete"], "before": {"user_name": "alice", "status": "Active"}, "after": null}}]}`
		fs := Lint(readPlan(t, []byte(doc)), Options{ChangedOnly: true}).Findings
		if got := ids(fs); got != c.want {
			t.Errorf("current object %s: findings %q, want %q", c.name, got, c.want)
		}
	}
}

// TestDeposedTrailReplaced: a trail destroyed as a deposed object was
// replaced by the current one only if that records IAM's events.
func TestDeposedTrailReplaced(t *testing.T) {
	for current, want := range map[string]string{
		`{"is_multi_region_trail": true, "enable_log_file_validation": true}`:                          "",
		`{"is_multi_region_trail": true, "enable_log_file_validation": true, "enable_logging": false}`: "IG704:high",
		// A single-region trail outside us-east-1 records none of IAM's events.
		`{"is_multi_region_trail": false, "home_region": "us-west-2"}`: "IG704:high",
		`{"is_multi_region_trail": false, "home_region": "us-east-1"}`: "",
		// Known only after apply: undecided.
		`{"is_multi_region_trail": true, "enable_logging": null}`: "IG704:info",
	} {
		unknown := `{}`
		if strings.Contains(current, "null") {
			unknown = `{"enable_logging": true}`
		}
		doc := `{"format_version": "1.2", "timestamp": "2026-11-23T07:00:00Z", "resource_changes": [
		  {"address": "aws_cloudtrail.t", "mode": "managed", "type": "aws_cloudtrail", "name": "t",
		   "change": {"actions": ["update"], "before": ` + current + `, "after": ` + current + `, "after_unknown": ` + unknown + `}},
		  {"address": "aws_cloudtrail.t", "mode": "managed", "type": "aws_cloudtrail", "name": "t", "deposed": "00aa",
		   "change": {"actions": ["delete"], "before": {}, "after": null}}]}`
		fs := Lint(readPlan(t, []byte(doc)), Options{}).Findings
		fs = slices.DeleteFunc(fs, func(f Finding) bool { return f.Rule.ID != "IG704" }) // the current trail's own are left out
		if got := ids(fs); got != want {
			t.Errorf("current trail %s: findings %q, want %q", current, got, want)
		}
	}
}

// TestOnlyDeposedObjects: a plan whose only changes of a judged type
// destroy deposed objects, its current objects in prior state only, is
// judged: gathering the facts across resources had panicked on it.
func TestOnlyDeposedObjects(t *testing.T) {
	for typ, want := range map[string]string{
		"aws_iam_access_key":              "",
		"aws_iam_user_ssh_key":            "",
		"aws_iam_signing_certificate":     "IG501:medium",
		"aws_cloudtrail":                  "IG704:high",
		"aws_iam_account_password_policy": "IG108:high",
	} {
		doc := `{"format_version": "1.2", "resource_changes": [
		  {"address": "` + typ + `.x", "mode": "managed", "type": "` + typ + `", "name": "x", "deposed": "00aa",
		   "change": {"actions": ["delete"], "before": {"user": "alice", "user_name": "alice", "username": "alice"}, "after": null}}]}`
		if got := ids(Lint(readPlan(t, []byte(doc)), Options{}).Findings); got != want {
			t.Errorf("%s: findings %q, want %q", typ, got, want)
		}
	}
}

// TestLintInterrupted: judging stops when the run's context is done (an
// interrupt), however long the plan would take.
func TestLintInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := Lint(readFixture(t, "trust/key-secret-state"), Options{Context: ctx})
	if res.Err == nil || !strings.Contains(res.Err.Error(), "interrupted") || len(res.Findings) != 0 {
		t.Errorf("err %v, %d findings; want interrupted and nothing else", res.Err, len(res.Findings))
	}
}

// TestResolvedUserStaysSensitive: a key that names a user outright, and
// first, does not show the name that the user's aws_iam_user marks
// sensitive, which another key reads by ID.
func TestResolvedUserStaysSensitive(t *testing.T) {
	for _, f := range Lint(readFixture(t, "trust/user-reference-forms"), Options{}).Findings {
		if f.Address == "aws_iam_access_key.secret_alias" && (f.Rule.ID != "IG203" || !strings.Contains(f.Message, "(sensitive)") || strings.Contains(strings.ToLower(f.Message), "alice")) {
			t.Errorf("%s %s", f.Rule.ID, f.Message)
		}
	}
}

// TestUserRef: only a user's ID or name read from one aws_iam_user names
// it, with its instance key spelt one way; after a bar, the user a string
// key reads where the aws_iam_user is counted, if another.
func TestUserRef(t *testing.T) {
	refs := map[string]string{
		"aws_iam_user.ci.id":                 "ci",
		"aws_iam_user.ci.name":               "ci",
		"aws_iam_user.ci[0].id":              "ci[0]",
		`aws_iam_user.ci["0"].id`:            "ci[0]",
		`aws_iam_user.ci["00"].id`:           `ci["00"]|ci[0]`,
		`aws_iam_user.ci["01"].id`:           `ci["01"]|ci[1]`,
		"aws_iam_user.ci[01].id":             "ci[1]",
		`aws_iam_user.ci["10"].id`:           "ci[10]",
		`aws_iam_user.ci["1.0"].id`:          `ci["1.0"]|ci[1]`,
		"aws_iam_user.ci[].id":               "",
		`aws_iam_user.ci["1e0"].id`:          `ci["1e0"]|ci[1]`,
		`aws_iam_user.ci["+1"].id`:           `ci["+1"]|ci[1]`,
		`aws_iam_user.ci["1.5"].id`:          `ci["1.5"]`,
		`aws_iam_user.ci["-1"].id`:           `ci["-1"]`,
		`aws_iam_user.ci["a.b"].name`:        `ci["a.b"]`,
		`aws_iam_user.ci["a\"].id"].id`:      `ci["a\"].id"]`,
		"aws_iam_user.ci.arn":                "",
		"aws_iam_user.ci.tags.id":            "",
		`aws_iam_user.ci["a"].tags.name`:     "",
		"aws_iam_user.ci":                    "",
		"aws_iam_user.ci[*].id":              "",
		`aws_iam_user.ci["a"]["b"].id`:       "",
		"aws_iam_user.id":                    "",
		"aws_iam_user_login_profile.ci.user": "",
		"data.aws_iam_user.ci.user_name":     "",
	}
	// Leading zeros, however many, are no part of the number.
	zeros := strings.Repeat("0", 100_000)
	refs["aws_iam_user.ci["+zeros+"7].id"] = "ci[7]"
	refs[`aws_iam_user.ci["`+zeros+`1e0"].id`] = `ci["` + zeros + `1e0"]|ci[1]`
	refs[`aws_iam_user.ci["-`+zeros+`.0"].id`] = `ci["-` + zeros + `.0"]|ci[0]`
	refs[`aws_iam_user.ci["`+zeros+`e9"].id`] = `ci["` + zeros + `e9"]|ci[0]`
	for ref, want := range refs {
		got, counted, ok := userRef(ref)
		if counted != "" {
			got += "|" + counted
		}
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("userRef(%.80s) = %.80q, want %q", ref, got, want)
		}
	}
}

// TestMostPrecise: a reference Terraform lists as another's parent is left
// out, a key's dots and brackets are no steps, and each is kept once.
func TestMostPrecise(t *testing.T) {
	got := mostPrecise([]string{"aws_iam_user.a.id", "aws_iam_user.a", `aws_iam_user.b["x.y"].name`, `aws_iam_user.b["x.y"]`, "aws_iam_user.b",
		`aws_iam_user.c["x["]`, "var.x", "var.x"})
	want := []string{"aws_iam_user.a.id", `aws_iam_user.b["x.y"].name`, `aws_iam_user.c["x["]`, "var.x"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// BenchmarkMostPreciseLongRefs: references as long as a plan allows, with
// a step every byte, cost work in proportion to their bytes. Every prefix
// hashed as a step took 248 s on 700 such references.
func BenchmarkMostPreciseLongRefs(b *testing.B) {
	refs := make([]string, 100)
	for i := range refs {
		refs[i] = fmt.Sprintf("terraform_data.x%d", i) + strings.Repeat(".", 64<<10)
	}
	b.SetBytes(int64(len(refs) * len(refs[0])))
	for b.Loop() {
		mostPrecise(refs)
	}
}

// TestSensitiveUserEverywhere: a user name that one object marks sensitive
// (here its aws_iam_user) is withheld in every message that names the
// user, though other objects spell it outright: IG203 over two access
// keys, IG404 over an SSH key, IG501 over a signing certificate deleted.
func TestSensitiveUserEverywhere(t *testing.T) {
	pub, err := os.ReadFile("testdata/trust/ssh_key.pub")
	if err != nil {
		t.Fatal(err)
	}
	key := strconv.Quote(strings.TrimSpace(string(pub)))
	doc := `{"format_version": "1.2", "resource_changes": [
	  {"address": "aws_iam_user.secret", "mode": "managed", "type": "aws_iam_user", "name": "secret",
	   "change": {"actions": ["create"], "before": null, "after": {"name": "alice"}, "after_unknown": {"id": true}, "after_sensitive": {"name": true}}},
	  {"address": "aws_iam_access_key.a", "mode": "managed", "type": "aws_iam_access_key", "name": "a",
	   "change": {"actions": ["create"], "before": null, "after": {"user": "alice", "pgp_key": "keybase:x", "status": "Active"}}},
	  {"address": "aws_iam_access_key.b", "mode": "managed", "type": "aws_iam_access_key", "name": "b",
	   "change": {"actions": ["create"], "before": null, "after": {"user": "ALICE", "pgp_key": "keybase:x", "status": "Active"}}},
	  {"address": "aws_iam_user_ssh_key.a", "mode": "managed", "type": "aws_iam_user_ssh_key", "name": "a",
	   "change": {"actions": ["create"], "before": null, "after": {"username": "alice", "encoding": "SSH", "public_key": ` + key + `}}},
	  {"address": "aws_iam_user_ssh_key.b", "mode": "managed", "type": "aws_iam_user_ssh_key", "name": "b",
	   "change": {"actions": ["create"], "before": null, "after": {"username": "bob", "encoding": "SSH", "public_key": ` + key + `}}},
	  {"address": "aws_iam_signing_certificate.s", "mode": "managed", "type": "aws_iam_signing_certificate", "name": "s",
	   "change": {"actions": ["delete"], "before": {"user_name": "alice", "certificate_body": "x", "status": "Active"}, "after": null}}]}`
	// The same, with the aws_iam_user deleted (its name marked in
	// before_sensitive), and with it in prior state only.
	deleted := strings.Replace(doc, `"change": {"actions": ["create"], "before": null, "after": {"name": "alice"}, "after_unknown": {"id": true}, "after_sensitive": {"name": true}}`,
		`"change": {"actions": ["delete"], "before": {"name": "alice"}, "after": null, "before_sensitive": {"name": true}}`, 1)
	priorOnly := strings.Replace(doc, `{"address": "aws_iam_user.secret", "mode": "managed", "type": "aws_iam_user", "name": "secret",
	   "change": {"actions": ["create"], "before": null, "after": {"name": "alice"}, "after_unknown": {"id": true}, "after_sensitive": {"name": true}}},`, "", 1)
	priorOnly = strings.Replace(priorOnly, `]}`, `], "prior_state": {"values": {"root_module": {"resources": [{"address": "aws_iam_user.secret", "mode": "managed",
	  "type": "aws_iam_user", "name": "secret", "values": {"name": "alice"}, "sensitive_values": {"name": true}}]}}}}`, 1)
	if deleted == doc || !strings.HasSuffix(priorOnly, "}}}}") {
		t.Fatal("the variants are not made")
	}
	for name, doc := range map[string]string{"planned": doc, "deleted": deleted, "in prior state only": priorOnly} {
		t.Run(name, func(t *testing.T) { assertUserWithheld(t, doc) })
	}
}

func assertUserWithheld(t *testing.T, doc string) {
	seen := map[string]bool{}
	for _, f := range Lint(readPlan(t, []byte(doc)), Options{}).Findings {
		seen[f.Rule.ID] = true
		if strings.Contains(strings.ToLower(f.Message), "alice") {
			t.Errorf("%s on %s names the user: %s", f.Rule.ID, f.Address, f.Message)
		}
	}
	for _, id := range []string{"IG203", "IG404", "IG501"} {
		if !seen[id] {
			t.Errorf("no %s finding: the test proves nothing for it", id)
		}
	}
}

// TestUserAddressTwice: a hand-made plan with aws_iam_user.u[0] and
// aws_iam_user.u["0"], one object to Terraform, under two names: a key
// that reads it may be either user's, so IG203 info, not a pass. So too
// u[1] and u["01"], a counted and a for_each object that no plan from
// Terraform holds both of, for a key that reads u["01"].
func TestUserAddressTwice(t *testing.T) {
	for _, c := range []struct{ count, each, ref string }{{"0", "0", "[0]"}, {"1", "01", `[\"01\"]`}} {
		doc := fmt.Sprintf(`{"format_version": "1.2", "resource_changes": [
		  {"address": "aws_iam_user.u[%s]", "mode": "managed", "type": "aws_iam_user", "name": "u", "index": %[1]s,
		   "change": {"actions": ["create"], "before": null, "after": {"name": "deploy"}, "after_unknown": {"id": true}}},
		  {"address": "aws_iam_user.u[\"%s\"]", "mode": "managed", "type": "aws_iam_user", "name": "u", "index": "%[2]s",
		   "change": {"actions": ["create"], "before": null, "after": {"name": "bob"}, "after_unknown": {"id": true}}},
		  {"address": "aws_iam_access_key.a", "mode": "managed", "type": "aws_iam_access_key", "name": "a",
		   "change": {"actions": ["create"], "before": null, "after": {"pgp_key": "keybase:x", "status": "Active"}, "after_unknown": {"user": true}}},
		  {"address": "aws_iam_access_key.b", "mode": "managed", "type": "aws_iam_access_key", "name": "b",
		   "change": {"actions": ["create"], "before": null, "after": {"user": "deploy", "pgp_key": "keybase:x", "status": "Active"}}}],
		 "configuration": {"root_module": {"resources": [
		  {"address": "aws_iam_access_key.a", "mode": "managed", "type": "aws_iam_access_key", "name": "a",
		   "expressions": {"user": {"references": ["aws_iam_user.u%[3]s.id", "aws_iam_user.u%[3]s", "aws_iam_user.u"]}}}]}}}`, c.count, c.each, c.ref)
		if got := ids(Lint(readPlan(t, []byte(doc)), Options{}).Findings); got != "IG203:info" {
			t.Errorf("u[%s] and u[%q], a key reading u%s: findings %q, want IG203:info", c.count, c.each, c.ref, got)
		}
	}
}

// TestSensitiveUserMarks: the names a credential marks sensitive, on the
// side of its change that this plan deletes or in a login profile, are not
// printed, and neither is which keys are active when their statuses are
// sensitive (trust/sensitive-user-marks).
func TestSensitiveUserMarks(t *testing.T) {
	fs := Lint(readFixture(t, "trust/sensitive-user-marks"), Options{}).Findings
	for _, f := range fs {
		if strings.Contains(f.Message, "CANARY") {
			t.Errorf("%s on %s names a sensitive user: %s", f.Rule.ID, f.Address, f.Message)
		}
		if f.Rule.ID == "IG203" && strings.Contains(f.Message, "rotating[1]") {
			t.Errorf("IG203 tells which keys are active, though their statuses are sensitive: %s", f.Message)
		}
	}
	if len(fs) == 0 {
		t.Fatal("no findings: the test proves nothing")
	}
}

// TestNestedMarksNotSensitive: a trail updated in place, whose nested
// blocks' marks hold nothing sensitive, gets IG705 with its details: the
// marks of both sides join, they do not turn the selectors sensitive.
func TestNestedMarksNotSensitive(t *testing.T) {
	res := Lint(readFixture(t, "trust/trail-selector-update"), Options{})
	if len(res.Findings) != 1 || strings.Contains(res.Findings[0].Message, "(sensitive)") {
		t.Errorf("findings %+v; want one IG705 that shows its details", res.Findings)
	}
}

// TestDeposedCopiesJudgeCurrentOnce: many objects deposed at one address are
// judged against the current object there once, not once each: a few MB of
// hand-made plan took minutes (a trail with a large selector, a large
// certificate). Counted in allocations: the work each further deposed copy
// adds must not grow with the current object's size.
func TestDeposedCopiesJudgeCurrentOnce(t *testing.T) {
	selectors := make([]any, 500)
	for i := range selectors {
		selectors[i] = map[string]any{"field_selector": []any{
			map[string]any{"field": "eventCategory", "equals": []any{"Management"}},
			map[string]any{"field": "eventSource", "not_equals": []any{fmt.Sprint(i, ".amazonaws.com")}},
		}}
	}
	trail := map[string]any{"name": "t", "is_multi_region_trail": true, "enable_log_file_validation": true,
		"advanced_event_selector": selectors}
	cert := certtest.Issue(t, certtest.Cert{Key: certtest.RSA(t, 2048), NotBefore: planNow.AddDate(0, -1, 0),
		NotAfter: planNow.AddDate(1, 0, 0), DNSNames: strings.Split(strings.Repeat("a.example.com ", 500), " ")[:500]}).PEM
	for _, c := range []struct {
		current, deposed res
	}{
		{res{addr: "aws_cloudtrail.t", actions: create, after: trail},
			res{addr: "aws_cloudtrail.t", actions: del, before: map[string]any{"name": "t"}}},
		{newSigningCert("aws_iam_signing_certificate.c", "alice", cert),
			res{addr: "aws_iam_signing_certificate.c", actions: del, before: signingState("alice", "", "Active")}},
	} {
		allocs := func(copies int) float64 {
			spec := planSpec{changes: []res{c.current}}
			for i := range copies {
				d := c.deposed
				d.deposed = fmt.Sprintf("%08x", i)
				spec.changes = append(spec.changes, d)
			}
			p := readPlan(t, build(t, spec))
			return testing.AllocsPerRun(3, func() { Lint(p, Options{}) })
		}
		one, many := allocs(1), allocs(201)
		if per := (many - one) / 200; per > 100 {
			t.Errorf("%s: each deposed copy costs %.0f allocations (%.0f for one copy, %.0f for 201): the current object is judged again for each",
				c.current.addr, per, one, many)
		}
	}
}

// TestBlockAttributesBounded: nested blocks naming more attributes than
// any block of the AWS provider has, which only a hand-made plan writes,
// are not read: their names times the plan's blocks took 153 s on a 1.9 MB
// plan (round 127).
func TestBlockAttributesBounded(t *testing.T) {
	var b plan.Settings
	for i := range maxBlockAttributes + 1 {
		b = append(b, plan.AttrSetting{Name: fmt.Sprint("a", i), Constant: true, Blocks: []plan.Settings{{}}})
	}
	items := []any{map[string]any{}}
	if _, ok := blocksSetting([]plan.Settings{b[:maxBlockAttributes]}, items); !ok {
		t.Errorf("%d attributes refused", maxBlockAttributes)
	}
	if _, ok := blocksSetting([]plan.Settings{b[:1], b[1:]}, items); ok {
		t.Errorf("%d attributes over two blocks read", len(b))
	}
}

// TestSensitiveModuleOutputsEveryRun: what reads a module's output declared
// sensitive is found whatever order the configuration's modules are walked
// in (round 134: a root local given to a module whose outputs read its own
// locals was printed in about one run in four, as map order fell).
func TestSensitiveModuleOutputsEveryRun(t *testing.T) {
	data, err := os.ReadFile("testdata/trust/sensitive-module-output/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	for range 40 {
		for _, f := range Lint(readPlan(t, data), Options{}).Findings {
			if strings.Contains(f.Message, "CANARY") {
				t.Fatalf("%s on %s names a value read from a sensitive output: %s", f.Rule.ID, f.Address, f.Message)
			}
		}
	}
}

// TestSensitiveModuleOutputPaths: a value read from a module's output
// declared sensitive is withheld however it is reached (with an output not
// declared sensitive after it in one expression, through each.value of a
// module's for_each, through a module's local value and its child's output
// passing on its own child's), and a value read from none is shown though
// its module calls one with such an output or has an input named as one
// (trust/sensitive-module-output-paths).
func TestSensitiveModuleOutputPaths(t *testing.T) {
	want := map[string]string{ // address: the length shown, "" withheld
		"aws_iam_account_password_policy.max":                   "",
		`module.each["main"].aws_iam_account_password_policy.p`: "",
		"module.chain.aws_iam_account_password_policy.p":        "",
		"module.calls_secret.aws_iam_account_password_policy.p": "11",
		"module.same_name.aws_iam_account_password_policy.p":    "12",
	}
	fs := Lint(readFixture(t, "trust/sensitive-module-output-paths"), Options{}).Findings
	if len(fs) != len(want) {
		t.Errorf("%d findings, want %d", len(fs), len(want))
	}
	for _, f := range fs {
		shown, ok := want[f.Address]
		switch {
		case !ok || f.Rule.ID != "IG101":
			t.Errorf("unexpected %s on %s", f.Rule.ID, f.Address)
		case shown == "" && (!strings.Contains(f.Message, "(sensitive)") || strings.ContainsAny(f.Message, "0123456789")):
			t.Errorf("%s shows a value read from a sensitive output: %s", f.Address, f.Message)
		case shown != "" && !strings.Contains(f.Message, "is "+shown+";"):
			t.Errorf("%s withholds %s, read from no sensitive output: %s", f.Address, shown, f.Message)
		}
	}
}

// TestSensitiveModuleOutputObjects: a value read from a module's output
// declared sensitive through another object's attribute (a terraform_data
// made by the plan, or kept in state) is withheld, wherever a message would
// name it; one such an object holds in a module that reads no such output
// is shown (round 284: all six formats printed the user name and length).
func TestSensitiveModuleOutputObjects(t *testing.T) {
	want := map[string]string{ // address: rule and what its message shows
		"aws_iam_access_key.a":                           "IG203 user (sensitive)",
		"aws_iam_access_key.c":                           "IG203 user (sensitive)",
		"aws_iam_account_password_policy.p":              "IG101 minimum_password_length is (sensitive)",
		"module.plain.aws_iam_account_password_policy.p": "IG101 minimum_password_length is 11;",
	}
	got := map[string]string{}
	for _, f := range Lint(readFixture(t, "trust/sensitive-module-output-objects"), Options{}).Findings {
		if strings.Contains(f.Message, "secret\"") || strings.Contains(f.Message, " 9") {
			t.Errorf("%s %s shows a value read from a sensitive output: %s", f.Address, f.Rule.ID, f.Message)
		}
		if f.Rule.ID != "IG202" {
			got[f.Address] = f.Rule.ID + " " + f.Message
		}
	}
	for addr, w := range want {
		if !strings.HasPrefix(got[addr], strings.Fields(w)[0]) || !strings.Contains(got[addr], strings.SplitN(w, " ", 2)[1]) {
			t.Errorf("%s: got %q, want %q", addr, got[addr], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("findings on %d addresses, want %d: %v", len(got), len(want), got)
	}
}

// TestSensitiveThroughObjects: a value whose source is sensitive but
// which Terraform leaves unmarked is withheld when read through a module
// that passes an input on through an object, a name made from an
// aws_iam_user's, a data source's attribute that reads a variable declared
// sensitive, or a terraform_remote_state output; a constant beside them is
// shown (round 285). A local value beside such a variable is withheld: the
// plan does not show what it reads, and it may read an object that drops
// the variable's marks (rounds 289 and 292).
func TestSensitiveThroughObjects(t *testing.T) {
	withheld := map[string]string{ // address: rule
		"aws_iam_access_key.a":                            "IG203",
		"module.derived.aws_iam_access_key.a":             "IG203",
		"module.var_doc.aws_iam_access_key.a":             "IG203",
		"module.var_doc.module.pass.aws_iam_access_key.a": "IG203",
		"module.var_doc.aws_iam_access_key.c":             "IG203",
		"module.remote.aws_iam_account_password_policy.p": "IG101",
	}
	seen := 0
	for _, f := range Lint(readFixture(t, "trust/sensitive-through-objects"), Options{}).Findings {
		if strings.Contains(f.Message, "-secret") || strings.Contains(f.Message, " 7") {
			t.Errorf("%s %s shows a sensitive value: %s", f.Address, f.Rule.ID, f.Message)
		}
		switch {
		case withheld[f.Address] == f.Rule.ID:
			seen++
			if !strings.Contains(f.Message, "(sensitive)") {
				t.Errorf("%s %s withholds nothing: %s", f.Address, f.Rule.ID, f.Message)
			}
		case f.Address == "aws_iam_access_key.c" && f.Rule.ID == "IG203" && !strings.Contains(f.Message, `"dave"`):
			t.Errorf("a constant withheld: %s", f.Message)
		}
	}
	if seen != len(withheld) {
		t.Errorf("%d of the %d findings expected", seen, len(withheld))
	}
}

// TestSensitiveThroughUsers: a name read from a module's output declared
// sensitive through an aws_iam_user is withheld: the user passed whole to a
// module that reads its tags, a name made from the user's in another
// module, an SSH key's user name made from it; "ops" beside it is shown
// (round 289).
func TestSensitiveThroughUsers(t *testing.T) {
	want := map[string]bool{ // the finding's first address
		"module.keys_named.aws_iam_access_key.a": true, "module.keys_whole.aws_iam_access_key.a": true, "aws_iam_user_ssh_key.x": true,
	}
	for _, f := range Lint(readFixture(t, "trust/sensitive-through-users"), Options{}).Findings {
		if strings.Contains(f.Message, "-secret") {
			t.Errorf("%s %s shows a sensitive name: %s", f.Address, f.Rule.ID, f.Message)
		}
		if f.Rule.ID == "IG404" && !strings.Contains(f.Message, `"ops", (sensitive)`) {
			t.Errorf("%s: %s", f.Address, f.Message)
		}
		delete(want, f.Address)
	}
	if len(want) > 0 {
		t.Errorf("no finding on %v", want)
	}
}

// TestSensitiveMarkedObjects: a sensitive value that an object's computed
// attribute passes on unmarked is withheld: an access key's secret through
// a terraform_data in state, sensitive() of a constant through a data
// source, a module's variable declared sensitive left to its default
// (round 292).
func TestSensitiveMarkedObjects(t *testing.T) {
	want := map[string]bool{"aws_iam_access_key.a": true, "module.fn.aws_iam_access_key.a": true, "module.dflt.aws_iam_access_key.a": true}
	for _, f := range Lint(readFixture(t, "trust/sensitive-marked-objects"), Options{}).Findings {
		if strings.Contains(f.Message, "-secret") {
			t.Errorf("%s %s shows a sensitive value: %s", f.Address, f.Rule.ID, f.Message)
		}
		if f.Rule.ID == "IG203" {
			delete(want, f.Address)
		}
	}
	if len(want) > 0 {
		t.Errorf("no IG203 on %v", want)
	}
}

// TestSensitiveModuleOutputEachKey: a user named by each.key of a for_each
// over a module's output declared sensitive, of a resource or of a module
// call, is withheld as each.value is (round 243: IG203 named it).
func TestSensitiveModuleOutputEachKey(t *testing.T) {
	fs := Lint(readFixture(t, "trust/sensitive-module-output-keys"), Options{}).Findings
	shared := 0
	for _, f := range fs {
		if f.Rule.ID != "IG203" {
			continue
		}
		shared++
		if !strings.HasPrefix(f.Message, "user (sensitive) has") {
			t.Errorf("%s names a user read from a sensitive output: %s", f.Address, f.Message)
		}
	}
	if shared != 2 {
		t.Errorf("%d IG203 findings, want one for each user", shared)
	}
}

// TestConfigurationSpellings: the configuration is read as a JSON reader
// sees it (round 141). A field_selector written twice is one block whatever
// the spelling of its constants (a number's too), so the impure selector
// beside it stays high; a module output's "sensitive" given as other than false still
// withholds what it guards.
func TestConfigurationSpellings(t *testing.T) {
	selectors, err := os.ReadFile("testdata/trust/impure-selectors/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	const constant = `"not_equals":{"constant_value":["kms.amazonaws.com"]}`
	for name, spelt := range map[string]string{
		"escaped": `"not_equals":{"constant_value":["kms.am\u0061zonaws.com"]}`,
		"blanks":  `"not_equals":{"constant_value":[ "kms.amazonaws.com" ]}`,
	} {
		// The second copy written, constant_twice's.
		first := bytes.Index(selectors, []byte(constant))
		i := bytes.Index(selectors[first+1:], []byte(constant)) + first + 1
		if first < 0 || i <= first {
			t.Fatal("the fixture no longer writes the constant twice")
		}
		doc := slices.Concat(selectors[:i], []byte(spelt), selectors[i+len(constant):])
		for _, f := range Lint(readPlan(t, doc), Options{}).Findings {
			if f.Address == "aws_cloudtrail.constant_twice" && f.Severity != rules.High {
				t.Errorf("%s: %s %s", name, f.Rule.ID, f.Severity)
			}
		}
	}
	// A number constant is one block with its string whatever the
	// number's spelling: as cty reads it, and converts it to a string.
	numbers, err := os.ReadFile("testdata/trust/trail-selector-numbers/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	const number = `"not_equals":{"constant_value":[9007199254740993]}`
	if bytes.Count(numbers, []byte(number)) != 2 {
		t.Fatal("the fixture no longer writes the number twice")
	}
	for _, spelt := range []string{"9007199254740993.0", "9.007199254740993e15", "90071992547409930E-1"} {
		doc := bytes.ReplaceAll(numbers, []byte(number), []byte(`"not_equals":{"constant_value":[`+spelt+`]}`))
		for _, f := range Lint(readPlan(t, doc), Options{}).Findings {
			if f.Address == "aws_cloudtrail.number_and_string" && f.Severity != rules.High {
				t.Errorf("%s: %s %s", spelt, f.Rule.ID, f.Severity)
			}
		}
	}
	outputs, err := os.ReadFile("testdata/trust/sensitive-module-output/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{`"true"`, `1`} {
		doc := bytes.ReplaceAll(outputs, []byte(`"direct":{"sensitive":true`), []byte(`"direct":{"sensitive":`+v))
		for _, f := range Lint(readPlan(t, doc), Options{}).Findings {
			if strings.Contains(f.Message, "CANARY") {
				t.Errorf(`"sensitive": %s: %s`, v, f.Message)
			}
		}
	}
}

// TestDriftedDelete: an object changed outside Terraform, then destroyed
// as the configuration no longer has it, is judged as it may be now, not
// as Terraform's before gives it (the state as written): a trail switched
// back on, a signing certificate switched back on (round 215: neither
// IG704 nor IG501). Without the drift, as written is as it is.
func TestDriftedDelete(t *testing.T) {
	for _, c := range []struct {
		typ, written, now, want string
	}{
		{"aws_cloudtrail", `{"name": "t", "enable_logging": false, "is_multi_region_trail": true}`,
			`{"name": "t", "enable_logging": true, "is_multi_region_trail": true}`, "IG704:high"},
		{"aws_cloudtrail", `{"name": "t", "enable_logging": false, "is_multi_region_trail": true}`, "", ""},
		{"aws_iam_signing_certificate", `{"user_name": "alice", "status": "Inactive", "certificate_body": ""}`,
			`{"user_name": "alice", "status": "Active", "certificate_body": ""}`, "IG501:medium"},
		{"aws_iam_signing_certificate", `{"user_name": "alice", "status": "Inactive", "certificate_body": ""}`, "", ""},
	} {
		addr := c.typ + ".x"
		entry := func(actions, before, after string) string {
			return `{"address": "` + addr + `", "mode": "managed", "type": "` + c.typ + `", "name": "x", "change": {"actions": ` + actions +
				`, "before": ` + before + `, "after": ` + after + `}}`
		}
		drift, prior := "", c.written
		if c.now != "" {
			drift, prior = `"resource_drift": [`+entry(`["update"]`, c.written, c.now)+`], `, c.now
		}
		doc := `{"format_version": "1.2", ` + drift + `"resource_changes": [` + entry(`["delete"]`, c.written, "null") + `],
		  "prior_state": {"values": {"root_module": {"resources": [{"address": "` + addr + `", "mode": "managed", "type": "` + c.typ +
			`", "name": "x", "values": ` + prior + `}]}}}}`
		if got := ids(Lint(readAsCLI(t, doc), Options{}).Findings); got != c.want {
			t.Errorf("%s written %s, now %s: findings %q, want %q", c.typ, c.written, c.now, got, c.want)
		}
	}
}

// TestKeyUserUnreadable: an access key whose user is of a kind the
// provider refuses (a list, an object) may be any user's second active
// key: IG203 info, as for a user known only after apply (round 216: a set
// of its own, no finding, exit 0).
func TestKeyUserUnreadable(t *testing.T) {
	for _, user := range []string{`"u2"`, `["u2"]`, `{"name": "u2"}`, `7`} {
		doc := `{"format_version": "1.2", "resource_changes": [
		  {"address": "aws_iam_access_key.k1", "mode": "managed", "type": "aws_iam_access_key", "name": "k1",
		   "change": {"actions": ["create"], "before": null, "after": {"user": "u2", "pgp_key": "keybase:u2", "status": "Active"}, "after_unknown": {}}},
		  {"address": "aws_iam_access_key.k2", "mode": "managed", "type": "aws_iam_access_key", "name": "k2",
		   "change": {"actions": ["create"], "before": null, "after": {"user": ` + user + `, "pgp_key": "keybase:u2", "status": "Active"}, "after_unknown": {}}}]}`
		want := "IG203:info"
		switch user {
		case `"u2"`:
			want = "IG203:medium"
		case `7`:
			want = "" // a number is its text, as cty converts it: user "7" has one key
		}
		if got := ids(Lint(readAsCLI(t, doc), Options{}).Findings); got != want {
			t.Errorf("user %s: findings %q, want %q", user, got, want)
		}
	}
}
