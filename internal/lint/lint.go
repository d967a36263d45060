// Package lint judges the resources of a Terraform plan with the rule
// catalogue: it turns each planned change into the rules' value types, runs
// the evaluators and adds what only a plan shows (removals, transitions,
// counts across resources).
package lint

import (
	"sort"
	"time"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// Options steer a lint run; the zero value judges with the default baseline.
type Options struct {
	// Now is the time dates are judged against; zero means the plan's
	// timestamp, or the current time when the plan has none.
	Now      time.Time
	Baseline *rules.Baseline
	// ChangedOnly judges only resources whose action is not no-op or read.
	ChangedOnly bool
	// Disabled rules are not reported.
	Disabled map[string]bool
	// Waiver, when set, returns the waiver covering a finding, if any.
	Waiver func(ruleID, address string) *Waiver
}

// Waiver accepts a finding's risk for a while.
type Waiver struct {
	Reason  string `json:"reason"`
	Expires string `json:"expires,omitempty"`
	Expired bool   `json:"expired"`
}

// Finding is a rule finding on a planned resource.
type Finding struct {
	rules.Finding
	Address      string
	ResourceType string
	Action       string
	Line         int     // where the resource's change starts in the plan file
	Waiver       *Waiver // the waiver that matched, expired or not
}

// Waived reports whether a live waiver covers the finding.
func (f Finding) Waived() bool { return f.Waiver != nil && !f.Waiver.Expired }

// Result is the outcome of a lint run.
type Result struct {
	Plan      *plan.Plan
	Now       time.Time
	Resources int // resources judged
	Findings  []Finding
	Judged    []ResourceRef // the resources judged, in plan order
}

// ResourceRef names a judged resource.
type ResourceRef struct {
	Address, Type, Action string
}

// ResourceTypes reports whether the linter judges resources of type t; pass
// it to plan.Read so the reader keeps only those.
func ResourceTypes(t string) bool { _, ok := judges[t]; return ok }

// judge evaluates one planned change of a resource type.
type judge func(l *linter, c *change) []rules.Finding

var judges = map[string]judge{
	"aws_iam_account_password_policy": judgePasswordPolicy,
	"aws_iam_access_key":              judgeAccessKey,
	"aws_iam_user_login_profile":      judgeLoginProfile,
	"aws_cloudtrail":                  judgeCloudTrail,
	"aws_iam_server_certificate":      judgeServerCertificate,
	"aws_iam_user_ssh_key":            judgeSSHKey,
	"aws_iam_signing_certificate":     judgeSigningCertificate,
}

// change is one resource change seen from the rules' side.
type change struct {
	rc      *tfjson.ResourceChange
	action  string
	before  attrs // empty on create
	after   attrs // empty on delete
	removed bool  // destroyed and not replaced
}

type linter struct {
	plan     *plan.Plan
	now      time.Time
	baseline rules.Baseline

	activeKeys map[string][]string // user -> addresses of active keys after apply

	sshKeys        map[string][]string // SSH key fingerprint -> users it is uploaded for
	signingUploads map[string]int      // user -> best new signing certificate (uploadNone...)
}

// Lint judges every kept resource change of p.
func Lint(p *plan.Plan, opt Options) Result {
	l := &linter{plan: p, now: opt.Now, baseline: rules.DefaultBaseline()}
	if opt.Baseline != nil {
		l.baseline = *opt.Baseline
	}
	if l.now.IsZero() {
		l.now = time.Now().UTC()
		if t, err := time.Parse(time.RFC3339, p.Timestamp); err == nil {
			l.now = t
		}
	}
	res := Result{Plan: p, Now: l.now}
	for _, rc := range p.Changes {
		if rc.DeposedKey != "" || rc.Change == nil {
			continue // a deposed object's cleanup is not a change of intent
		}
		c := newChange(p, rc)
		if opt.ChangedOnly && (c.action == "no-op" || c.action == "read") {
			continue
		}
		res.Resources++
		res.Judged = append(res.Judged, ResourceRef{Address: rc.Address, Type: rc.Type, Action: c.action})
		for _, f := range judges[rc.Type](l, c) {
			if opt.Disabled[f.Rule.ID] {
				continue
			}
			lf := Finding{Finding: f, Address: rc.Address, ResourceType: rc.Type, Action: c.action, Line: p.Line(rc)}
			if opt.Waiver != nil {
				lf.Waiver = opt.Waiver(f.Rule.ID, rc.Address)
			}
			res.Findings = append(res.Findings, lf)
		}
	}
	sort.SliceStable(res.Findings, func(i, j int) bool {
		a, b := res.Findings[i], res.Findings[j]
		if a.Address != b.Address {
			return a.Address < b.Address
		}
		return a.Rule.ID < b.Rule.ID
	})
	return res
}

func newChange(p *plan.Plan, rc *tfjson.ResourceChange) *change {
	acts := rc.Change.Actions
	c := &change{rc: rc, action: actionName(acts), removed: acts.Delete()}
	c.before.values, _ = rc.Change.Before.(map[string]any)
	if acts.Forget() {
		// Terraform stops managing the object; it stays in AWS as it is.
		c.after.values = c.before.values
	} else if !c.removed {
		c.after.values, _ = rc.Change.After.(map[string]any)
		c.after.unknown, _ = rc.Change.AfterUnknown.(map[string]any)
		c.after.configured, c.after.hasConfig = p.Configured(rc)
	}
	return c
}

// object is a resource's values, with what is known only after apply.
type object struct{ values, unknown map[string]any }

// applied returns the resources of type typ that exist once the plan is
// applied, by address: those in prior state the plan leaves alone, then
// what it creates, updates or keeps, and what it forgets (which stays in
// AWS as it was). For cross-resource rules such as IG203 and IG404.
func (l *linter) applied(typ string) map[string]object {
	out := map[string]object{}
	for _, r := range l.plan.Prior {
		if r.Type == typ {
			out[r.Address] = object{values: r.Values}
		}
	}
	for _, rc := range l.plan.Changes {
		if rc.Type != typ || rc.Change == nil || rc.DeposedKey != "" {
			continue
		}
		if rc.Change.Actions.Delete() {
			delete(out, rc.Address)
			continue
		}
		var o object
		if rc.Change.Actions.Forget() {
			o.values, _ = rc.Change.Before.(map[string]any)
		} else {
			o.values, _ = rc.Change.After.(map[string]any)
			o.unknown, _ = rc.Change.AfterUnknown.(map[string]any)
		}
		out[rc.Address] = o
	}
	return out
}

// reactivation is r's finding when an update turns status from Inactive to
// Active (UpdateAccessKey, UpdateSSHPublicKey, UpdateSigningCertificate).
func (c *change) reactivation(r *rules.Rule) []rules.Finding {
	status := c.after.str("status", "Active")
	before, _ := c.before.raw("status").(string)
	if c.action != "update" || status.Unknown || status.V != "Active" || before != "Inactive" {
		return nil
	}
	return []rules.Finding{r.Finding("status", "status changes from Inactive to Active")}
}

// actionName names a change's actions in one word.
func actionName(a tfjson.Actions) string {
	switch {
	case a.Replace():
		return "replace"
	case a.Create():
		return "create"
	case a.Delete():
		return "delete"
	case a.Update():
		return "update"
	case a.Read():
		return "read"
	case a.Forget():
		return "forget"
	}
	return "no-op"
}
