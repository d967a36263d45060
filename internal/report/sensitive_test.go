package report

import (
	"os"
	"strings"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
)

// sensitivePlan plants canaries in every place Terraform marks values
// sensitive: after_sensitive (one attribute, and a whole object),
// before_sensitive, and prior_state sensitive_values.
const sensitivePlan = `{"format_version": "1.2", "timestamp": "2026-11-23T07:00:00Z",
 "resource_changes": [
  {"address": "aws_iam_account_password_policy.whole", "mode": "managed", "type": "aws_iam_account_password_policy", "name": "whole",
   "change": {"actions": ["create"], "before": null,
     "after": {"minimum_password_length": 3, "max_password_age": 4321, "password_reuse_prevention": 5},
     "after_unknown": {}, "after_sensitive": true}},
  {"address": "aws_iam_signing_certificate.old", "mode": "managed", "type": "aws_iam_signing_certificate", "name": "old",
   "change": {"actions": ["delete"], "before": {"user_name": "CANARY-before-user", "status": "Active"}, "after": null,
     "before_sensitive": {"user_name": true}}},
  {"address": "aws_iam_access_key.new", "mode": "managed", "type": "aws_iam_access_key", "name": "new",
   "change": {"actions": ["create"], "before": null, "after": {"user": "CANARY-after-user", "pgp_key": "keybase:x", "status": "Active"},
     "after_unknown": {"create_date": true}, "after_sensitive": {"user": true}}},
  {"address": "aws_iam_user_ssh_key.a", "mode": "managed", "type": "aws_iam_user_ssh_key", "name": "a",
   "change": {"actions": ["create"], "before": null, "after": {"username": "CANARY-ssh-user", "encoding": "pEm", "public_key": "SSHKEY"},
     "after_unknown": {}, "after_sensitive": {"username": true, "encoding": true}}}
 ],
 "prior_state": {"format_version": "1.0", "values": {"root_module": {"resources": [
  {"address": "aws_iam_access_key.old", "mode": "managed", "type": "aws_iam_access_key", "name": "old",
   "values": {"user": "CANARY-after-user", "status": "Active", "create_date": "2026-01-01T00:00:00Z"},
   "sensitive_values": {"user": true}},
  {"address": "aws_iam_user_ssh_key.b", "mode": "managed", "type": "aws_iam_user_ssh_key", "name": "b",
   "values": {"username": "CANARY-prior-ssh-user", "encoding": "SSH", "public_key": "SSHKEY"},
   "sensitive_values": {"username": true}}
 ]}}}}`

// TestSensitiveNeverLeaves lints plans whose sensitive values are canaries,
// one made by Terraform itself, and looks for them in every format.
func TestSensitiveNeverLeaves(t *testing.T) {
	read := func(name string) string { // a file of the linter's trust fixtures
		data, err := os.ReadFile("../lint/testdata/trust/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	key := strings.TrimSpace(read("ssh_key.pub"))
	real := read("sensitive/plan.json")
	afterOnly := read("sensitive-after-only/plan.json")
	keySecrets := read("key-secret-state/plan.json")
	userMarks := read("sensitive-user-marks/plan.json")
	refreshed := read("refresh-sensitive/plan.json")
	refreshedBlock := read("refresh-sensitive-selector/plan.json")
	refreshedDynamic := read("refresh-sensitive-dynamic/plan.json")
	drifted := read("refresh-drift-sensitive/plan.json")
	targeted := read("target-sensitive/plan.json")
	infos := read("sensitive-info/plan.json")
	outputs := read("sensitive-module-output/plan.json")
	objectOutput := read("sensitive-output-object/plan.json")
	forgotDrift := read("create-forget-drift-sensitive/plan.json")
	outputBlocks := read("sensitive-output-blocks/plan.json")
	for name, c := range map[string]struct {
		plan     string
		canaries []string
		fired    []string // rules that must fire, so the canaries are tested
		unnamed  bool     // no message would name a sensitive value
	}{
		"made by terraform": {real, []string{"CANARY-user-7f3a", key[8:40], " 7;", "is 7"},
			[]string{"IG101", "IG203", "IG402", "IG404"}, false},
		// Marked after only (a variable made sensitive since the state
		// was written), shown before by IG501.
		"made by terraform, marked after only": {afterOnly, []string{"CANARY-real-user"}, []string{"IG501"}, false},
		// Access-key secrets and SMTP passwords in state, judged for
		// whether they are null (IG202).
		"made by terraform, key secrets": {keySecrets, []string{"FORGOTTEN-KEY-SECRET", "KEPT-KEY-SECRET"}, []string{"IG202"}, true},
		// User names marked by credentials only: deleted ones (in state)
		// and a login profile; key statuses that are sensitive.
		"made by terraform, marked by credentials": {userMarks,
			[]string{"CANARY-DELKEYUSER", "CANARY-DELSSHUSER", "CANARY-DELSIGUSER", "CANARY-LPUSER", "rotating[0], aws_iam_access_key.rotating[1]"},
			[]string{"IG203", "IG404", "IG501"}, false},
		// A refresh-only plan marks only what state marks: a variable
		// made sensitive since is read from the configuration.
		"made by terraform, refresh-only": {refreshed, []string{"canary-user-7731"}, []string{"IG203"}, false},
		// A nested block's too: a trail's selector field (round 85).
		"made by terraform, refresh-only, nested block": {refreshedBlock, []string{"userIdentity.arn", "canary-who-4417"}, []string{"IG705"}, false},
		// Blocks made by dynamic blocks, which the configuration does not
		// show (round 88).
		"made by terraform, refresh-only, dynamic blocks": {refreshedDynamic, []string{"userIdentity.arn", "canary-inner-3391"}, []string{"IG705"}, false},
		// A change made outside Terraform that a refresh-only plan accepts
		// (resource_drift), judged from the state as written (round 95).
		"made by terraform, refresh-only, drift": {drifted, []string{"CANARYdriftbucket7"}, []string{"IG705"}, false},
		// So does a targeted plan, for the objects in prior_state alone.
		"made by terraform, targeted": {targeted, []string{"canary-user-5310", "canary-chain-8841", "from 23"}, []string{"IG109", "IG404"}, false},
		// Info findings drawn from a value: IG310 naming the key of a
		// certificate too costly to check, IG101 the range IAM takes of
		// a length it refuses (attack round 77).
		"made by terraform, info findings": {infos, []string{"8200", "6 to 128", "is 200"}, []string{"IG101", "IG310"}, false},
		// Names read from modules' outputs declared sensitive, which the
		// plan leaves unmarked: directly, through another module's output,
		// a module input, a local value and each.value (round 123).
		"made by terraform, sensitive module outputs": {outputs, []string{"CANARY"}, []string{"IG203", "IG404"}, false},
		// One that reads another object, through a local (round 139).
		"made by terraform, sensitive output of an object": {objectOutput, []string{"CANARY"}, []string{"IG203"}, false},
		// A selector field read from one in nested blocks: through
		// each.value, and through dynamic blocks, which the plan does not
		// show (round 160).
		"made by terraform, sensitive output in blocks": {outputBlocks, []string{"userIdentity.arn"}, []string{"IG705"}, false},
		// A name the drift marks, of an object a replacement forgets
		// (hand-edited; round 154).
		"create and forget, drift marks": {forgotDrift, []string{"CANARYUSER"}, []string{"IG203"}, false},
		"every sensitive place": {strings.ReplaceAll(sensitivePlan, "SSHKEY", key),
			[]string{"CANARY-before-user", "CANARY-after-user", "CANARY-ssh-user", "CANARY-prior-ssh-user", "pEm", "4321", "is 3", "is 5"},
			[]string{"IG101", "IG106", "IG107", "IG203", "IG403", "IG404", "IG501"}, false},
	} {
		t.Run(name, func(t *testing.T) {
			p, err := plan.Read(strings.NewReader(c.plan), lint.ResourceTypes)
			if err != nil {
				t.Fatal(err)
			}
			r := New(lint.Lint(p, lint.Options{}), "canary")
			fired := map[string]bool{}
			for _, f := range r.Findings {
				fired[f.Rule.ID] = true
			}
			for _, id := range c.fired {
				if !fired[id] {
					t.Fatalf("%s did not fire, so its canary proves nothing; findings: %+v", id, r.Findings)
				}
			}
			for format := range Formats {
				out := string(render(t, format, r, Options{ArtifactURI: "plan.json"}))
				for _, canary := range c.canaries {
					if strings.Contains(out, canary) {
						t.Errorf("format %s shows the sensitive value %q", format, canary)
					}
				}
				if !c.unnamed && !strings.Contains(out, "(sensitive)") {
					t.Errorf("format %s does not say a value was withheld", format)
				}
			}
		})
	}
}
