// Package lint judges the resources of a Terraform plan with the rule
// catalogue: it turns each planned change into the rules' value types, runs
// the evaluators and adds what only a plan shows (removals, transitions,
// counts across resources).
package lint

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/iamguard/terraform-provider-iamguard/internal/config"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
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
	// Waivers accept findings' risk; they are judged at WaiversAt, not at
	// Now, so that an old plan cannot revive an expired waiver.
	Waivers   []config.Waiver
	WaiversAt time.Time
	// Plan names the plan as the run does (given, or found in a
	// directory), for the waivers kept to some plans (config.Waiver.Plan).
	Plan string
	// Context, when set, stops judging once it is done (an interrupt):
	// the result then holds only its error.
	Context context.Context
	// Checks bounds the signature checks, private keys read and names
	// matched (see inspect.Budget): one shared by a run's plans bounds the
	// run. Nil: a budget of the plan's own.
	Checks *inspect.Budget
	// MaxFindings, when above zero, stops judging once the findings pass
	// it, and MaxFindingBytes once the bytes of their addresses and
	// messages, which every format repeats, pass it; the result then holds
	// only the error that says so (Err). EarlierFindings and
	// EarlierFindingBytes are those of the run's earlier plans, which count
	// against them too (see Result.FindingBytes).
	MaxFindings, EarlierFindings         int
	MaxFindingBytes, EarlierFindingBytes int
	// AddressPrefix is what a report adds to each resource's address (a
	// merged report's plan path and separator): counted against
	// MaxFindingBytes for each finding, and with the address twice (kept,
	// and named anew) for each resource judged.
	AddressPrefix int
}

// Finding is a rule finding on a planned resource. The resource is shared
// by its findings (an entry of Result.Judged), not copied into each.
type Finding struct {
	rules.Finding
	*ResourceRef
	Waiver *config.Waiver // the waiver that matched, live or expired
	Waived bool           // a live waiver covers the finding
}

// waiverFor returns the waiver covering a finding, a live one before an
// expired one (which is still returned so the report can say it expired),
// and whether it is live. This is the one place waivers meet findings.
func (o *Options) waiverFor(ruleID, address string) (*config.Waiver, bool) {
	var expired *config.Waiver
	for i := range o.Waivers {
		w := &o.Waivers[i]
		if !w.Covers(ruleID, o.Plan, address) {
			continue
		}
		if !w.ExpiredAt(o.WaiversAt) {
			return w, true
		}
		if expired == nil {
			expired = w
		}
	}
	return expired, false
}

// Result is the outcome of a lint run.
type Result struct {
	Plan      *plan.Plan // the plan's header: versions, timestamp, resource count
	Now       time.Time
	Resources int // resources judged
	Findings  []Finding
	Judged    []ResourceRef // the resources judged, in plan order
	// FindingBytes weighs the findings: the bytes of their addresses and
	// messages, and of the address prefixes (see Options.MaxFindingBytes).
	FindingBytes int
	// Err says why the plan could not be judged as given (past
	// Options.MaxFindings, or a change Terraform never plans); the result
	// then holds nothing else.
	Err error
}

// ResourceRef names a judged resource.
type ResourceRef struct {
	Address, Type, Action string
	Line                  int // where the resource's change starts in the plan file
	// In is the plan the resource is in when one report joins the results
	// of several (report.Merge), its path then prefixing Address; nil
	// for one plan.
	In *PlanRef
}

// PlanRef names a plan of a run over several: its path as given, and its
// file for the formats that point at files.
type PlanRef struct{ Path, File string }

// ResourceTypes reports whether the linter reads resources of type t: the
// types it judges, and aws_iam_user, whose planned names tell whose
// credentials name a user by reference (see readUsers). Pass it to
// plan.Read so the reader keeps only those. Lint itself skips other types,
// so the filter saves memory, not correctness.
func ResourceTypes(t string) bool { _, ok := judges[t]; return ok || t == userType }

// userType is the type of IAM users, which the linter reads but does not judge.
const userType = "aws_iam_user"

// Limits for a run on untrusted input, far above any real plan (100,000
// access keys are ten times what AWS's quotas allow in one account, and
// give 200,000 findings): the CLI passes MaxResources to plan.Read
// (plan.MaxResources) and MaxFindings in Options, counting the run's
// earlier plans too, so that memory stays bounded whatever the plans hold.
const (
	MaxResources = 150_000
	MaxFindings  = 250_000
	// A thousand findings on a resource whose address is 60 KB (a long
	// for_each key) made a 26 GB SARIF report; 200,000 findings on access
	// keys weigh 30 MB.
	MaxFindingBytes = 128 << 20
)

// Attributes lists the attributes the linter reads of a resource type; pass
// it to plan.Read (plan.Attributes) so the reader keeps no others.
func Attributes(t string) []string { return attributes[t] }

// attributes is every attribute each judge reads, and so all the plan
// reader needs to keep. TestAttributesCoverJudges holds it to the judges.
var attributes = map[string][]string{
	"aws_iam_account_password_policy": {rules.AttrMinimumLength, rules.AttrRequireUppercase, rules.AttrRequireLowercase,
		rules.AttrRequireNumbers, rules.AttrRequireSymbols, rules.AttrMaxAge, rules.AttrReusePrevention,
		rules.AttrAllowUsersToChange, rules.AttrHardExpiry},
	"aws_iam_access_key":         {"user", "status", "pgp_key", "create_date", plan.NullOnly("secret")},
	"aws_iam_user_login_profile": {"user", "password_reset_required"},
	"aws_cloudtrail": {"include_global_service_events", "is_multi_region_trail", "is_organization_trail", "enable_logging", "enable_log_file_validation", "event_selector", "advanced_event_selector",
		"home_region", "region", "name", "arn", "s3_bucket_name", "s3_key_prefix", "cloud_watch_logs_group_arn", "cloud_watch_logs_role_arn", "tags", "tags_all"},
	"aws_iam_server_certificate":  {"certificate_body", "certificate_chain", "private_key"},
	"aws_iam_user_ssh_key":        {"username", "public_key", "encoding", "status"},
	"aws_iam_signing_certificate": {"user_name", "certificate_body", "status"},
	userType:                      {"name", "force_destroy"},
}

// computedWhenNull lists, of the attributes the rules read, those the AWS
// provider's schema makes optional and computed with no default: left null,
// Terraform plans them as known only after apply, and AWS applies its
// default. The rest plan a null as their schema default, or as null.
var computedWhenNull = map[string]map[string]bool{
	"aws_iam_account_password_policy": {rules.AttrRequireUppercase: true, rules.AttrRequireLowercase: true,
		rules.AttrRequireNumbers: true, rules.AttrRequireSymbols: true, rules.AttrMaxAge: true,
		rules.AttrReusePrevention: true, rules.AttrHardExpiry: true},
	"aws_iam_user_login_profile": {"password_reset_required": true},
	"aws_iam_user_ssh_key":       {"status": true},
	// The provider computes it from tags and default_tags: tagsOf reads
	// it only where the plan shows it known.
	"aws_cloudtrail": {"tags_all": true},
}

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

// change is one resource change seen from the rules' side. Its two sides
// are views of the plan's change, made when asked for: a plan of many
// judged resources holds one small change for each.
type change struct {
	rc         *plan.Change
	action     string
	configured plan.Settings     // how its configuration sets the attributes
	hasConfig  bool              // the plan shows its configuration
	region     string            // its provider's region, where the configuration shows it
	removed    bool              // destroyed and not replaced
	judged     bool              // judged in this run (--changed-only leaves some out)
	current    rules.Replacement // a deposed object destroyed: how well the current one takes its place (see unreplaced)
	keySet     int32             // an access key's user's set, not judged yet: its first key + 1 (see groupAccessKeys)
	// old is the object a replacement forgets, judged as a forget is;
	// replaces is the replacement it comes from (see forgetsOld).
	old, replaces *change
}

// object names the object c judges, as applied names it.
func (c *change) object() string {
	if c.replaces != nil {
		return c.rc.Address + forgottenSuffix
	}
	return objectAddress(c.rc.Address, c.rc.DeposedKey)
}

// ordered reports whether Terraform may walk the change after an
// aws_iam_user for attr (plan.AttrSetting.Ordered); so it may when the
// plan does not show the configuration.
func (c *change) ordered(attr string) bool {
	return !c.hasConfig || c.configured.Find(attr).Ordered
}

// unchanged reports whether the change leaves the object as it is.
func (c *change) unchanged() bool { return c.action == "no-op" || c.action == "read" }

// before is the object before the change; empty on create, unreadable
// when the plan gives something other than an object.
func (c *change) before() attrs {
	values, ok := c.rc.Before.(plan.Object)
	return attrs{values: values, sensitive: c.rc.BeforeSensitive, unreadable: !ok && c.rc.Before != nil}
}

// now is the object as it is now, before the plan: before, unless that is
// composed with the state as written (see composeBefore).
func (c *change) now() attrs {
	if c.rc.Now == nil {
		return c.before()
	}
	values, ok := c.rc.Now.(plan.Object)
	return attrs{values: values, sensitive: c.rc.BeforeSensitive, unreadable: !ok}
}

// after is the object once the change is applied; empty on delete.
func (c *change) after() attrs {
	switch {
	case c.action == "forget":
		// Terraform stops managing the object; it stays in AWS as it is.
		return c.before()
	case c.removed:
		return attrs{}
	}
	a := attrs{sensitive: c.rc.AfterSensitive, configured: c.configured, hasConfig: c.hasConfig,
		computedWhenNull: computedWhenNull[c.rc.Type], inPlace: c.action == "update" || c.action == "no-op"}
	var isObject bool
	a.values, isObject = c.rc.After.(plan.Object)
	a.unknown, _ = c.rc.AfterUnknown.(plan.Object)
	// A hand-made plan may give a whole object unknown, or no object.
	a.allUnknown = c.rc.AfterUnknown == true
	a.unreadable = !isObject && !a.allUnknown
	return a
}

type linter struct {
	plan     *plan.Plan
	now      time.Time
	baseline rules.Baseline
	// changes has every change of a judged type, in plan order, deposed
	// objects left out unless forgotten: each read once, whether judged or
	// only a fact.
	changes []*change
	// Facts across resources. Access keys are grouped by user in
	// gatherFacts, and each user's set judged on first use (see
	// groupAccessKeys); the others are gathered whole.
	keys           []appliedObject
	keyNext        []int32
	keyFacts       map[*change][]rules.Finding
	activeKeys     int            // keys active, or maybe, once the plan is applied
	activeUnheld   map[string]int // of them, by account (see accountUser), those of a user named outright whom no aws_iam_user holds, not there before
	unheldNear     map[string]int // activeUnheld of the accounts the plan does not show apart from each account
	keyScratch     []rules.AccessKey
	changeScratch  []*change
	sshKeys        map[string][]rules.Finding // address -> IG401-IG404
	signingBest    map[string]rules.Replacement
	keptNames      map[string]trailName                    // see keptTrailNames
	recorders      map[recorderKey][]recorder              // see iamRecorders
	dormant        map[string]map[string]dormantCredential // see dormantCredentials
	heldActive     map[[3]string]bool                      // keys Active before the plan: by type, key and accountUser (see renews)
	orphans        []*change                               // deposed objects destroyed (see unreplaced)
	standing       []standingPolicy                        // see standingPolicies
	standingBy     map[string]*rules.PasswordPolicy        // see accountPolicy
	otherBy        map[string]int                          // see accountPolicy: an index of standing, or -1
	sourceReads    map[int]sourceRead                      // see sourceUser
	userNames      map[[2]string]rules.Value[string]       // by user (see userRef) and module instance: see readUsers
	users          map[string]int                          // the aws_iam_users sources read, numbered (see readSource)
	userKeys       map[[2]string]int8                      // the keys of the aws_iam_users' instances, by module instance and name (see readUsers)
	sensitiveUsers map[string]bool                         // users, by key, whose name an object marks sensitive (see markSensitiveUsers)
	goneUsers      map[string]string                       // users the plan deletes: by accountUser, their key (see userGone)
	keptUsers      map[string]bool                         // users there once the plan is applied, by key (see userGone)
	renamedUsers   map[string]renamed                      // users the plan renames: by accountUser, the new one (see readUsers)
	renamedNames   map[string]renamed                      // renamedUsers by name alone (see rename)
	takenIn        map[string]bool                         // users there once the plan is applied, by accountUser (see ownerOf)
	heldBefore     map[string]bool                         // users there before the plan, by accountUser (see renamedElsewhere)
	keysNaming     map[string]int                          // the access keys that name each user, by userKey (see ownerOf)
	oldNames       map[string][]string                     // renamedUsers the other way: by the new one, the old ones (see renews)
	retaken        map[string]bool                         // names a user is renamed from that another user takes, by key (see readUsers)
	clearedUsers   map[string]bool                         // users deleted with force_destroy and made again, by accountUser (see readUsers)
	forcedUsers    map[string]string                       // users deleted with force_destroy, by accountUser: their key (see goneWithUser)
	refusedUsers   map[string]bool                         // users replaced creating first under their own name, which IAM refuses, by accountUser (see readUsers)
	checks         *inspect.Budget                         // the signature checks left (see Options.Checks)
}

// Lint judges every resource change of p whose type a rule judges.
func Lint(p *plan.Plan, opt Options) Result {
	p = markPrior(p)
	if p.Resources == 0 {
		p = refreshOnly(p)
	}
	p = acceptDrift(p)
	l := &linter{plan: p, now: opt.Now, baseline: rules.DefaultBaseline(), checks: opt.Checks,
		sourceReads: map[int]sourceRead{}, users: map[string]int{}, sensitiveUsers: map[string]bool{}}
	if l.checks == nil {
		l.checks = inspect.NewBudget()
	}
	if opt.Baseline != nil {
		l.baseline = *opt.Baseline
	}
	if l.now.IsZero() {
		l.now = time.Now().UTC()
		if t, err := time.Parse(time.RFC3339, p.Timestamp); err == nil {
			l.now = t
		}
	}
	// The result keeps the plan's header only, so that the plan itself can
	// be freed once judged.
	head := &plan.Plan{FormatVersion: p.FormatVersion, TerraformVersion: p.TerraformVersion, Timestamp: p.Timestamp, Resources: p.Resources}
	res := Result{Plan: head, Now: l.now}
	var changes, orphans []*change
	// Users are read first (--changed-only judges what a user's delete
	// deletes: see clearedWithUser), and only for facts: the rest of the
	// run goes without their changes, so that a plan of many users frees
	// them before the facts are gathered (50,000 users: about 20 MB).
	var users []*plan.Change
	withoutUsers := *p
	withoutUsers.Changes = make([]*plan.Change, 0, len(p.Changes))
	for _, rc := range p.Changes {
		if rc.Type == userType {
			users = append(users, rc)
		} else {
			withoutUsers.Changes = append(withoutUsers.Changes, rc)
		}
	}
	l.readUsers(p, users)
	p, l.plan = &withoutUsers, &withoutUsers
	if len(l.clearedUsers) > 0 {
		// A targeted plan leaves out the signing certificates of a user it
		// deletes, but the user's delete deletes them all the same.
		p = priorAsChanges(p, func(rc *plan.Change) bool {
			return rc.Type == "aws_iam_signing_certificate" && l.clearedWithUser(newChange(p, rc))
		})
		l.plan = p
	}
	for _, rc := range p.Changes {
		if _, ok := judges[rc.Type]; !ok {
			continue
		}
		c := newChange(p, rc)
		if rc.DeposedKey != "" {
			// A deposed object is on its way out: Terraform plans only to
			// destroy or forget it. Anything else, which only a hand-made
			// plan holds, is refused rather than judged as the resource.
			switch {
			case c.removed && rc.Type == "aws_iam_account_password_policy":
				// Destroying it deletes the account's one policy, whichever
				// object Terraform means: judged, as a removal.
				c.judged = true
				changes = append(changes, c)
			case c.removed:
				// Replaced by the current object, if that replaces it (see
				// unreplaced).
				orphans = append(orphans, c)
			case c.action == "forget":
				// Terraform lets it go and it stays in AWS, beside the
				// current object: it counts for the facts across resources.
				l.changes = append(l.changes, c)
			case c.removed || c.unchanged():
			default:
				return Result{Plan: head, Now: l.now, Err: fmt.Errorf("%q: a deposed object planned to %s; Terraform only destroys or forgets one", rc.Address, c.action)}
			}
			continue
		}
		l.changes = append(l.changes, c)
		if opt.ChangedOnly && c.unchanged() && !(c.rc.Type == "aws_iam_signing_certificate" && l.clearedWithUser(c)) {
			continue
		}
		c.judged = true
		changes = append(changes, c)
		if c.forgetsOld() && rc.Type != "aws_iam_account_password_policy" {
			// The old object stays in AWS as it is, as one forgotten alone
			// does, and is judged as that is (round 150: its own findings
			// were lost). The account's one password policy is replaced.
			old := *rc
			old.Actions = tfjson.Actions{tfjson.ActionForget}
			c.old = newChange(p, &old)
			c.old.judged, c.old.replaces = true, c
			changes = append(changes, c.old)
		}
	}
	l.orphans = slices.Clone(orphans) // unreplaced drops from orphans in place
	for _, c := range l.unreplaced(orphans) {
		c.judged = true
		changes = append(changes, c)
	}
	// Findings come out ordered by address, then rule: sorting the changes
	// (pointers) is cheap, sorting many findings (large structs) is not.
	slices.SortStableFunc(changes, func(a, b *change) int { return strings.Compare(a.rc.Address, b.rc.Address) })
	// The facts across resources are gathered now, and then the plan is let
	// go: each change is dropped once judged, so that a plan of many
	// resources is freed as its findings are made.
	l.gatherFacts(changes)
	// The facts keep reading the configuration (userOf) and prior state.
	rest := *p
	rest.Changes = nil
	l.plan, l.changes, l.orphans, p = &rest, nil, nil, nil
	// Each change's findings are gathered first and copied once into a
	// slice of the right size: growing a large slice of findings as they
	// come costs more than judging them.
	res.Judged = make([]ResourceRef, len(changes))
	found := make([][]rules.Finding, len(changes))
	n := 0
	for i, c := range changes {
		if opt.Context != nil && opt.Context.Err() != nil {
			return Result{Plan: head, Now: l.now, Err: fmt.Errorf("interrupted: %w", opt.Context.Err())}
		}
		rc := c.rc
		if c.replaces == nil { // the old object a replacement forgets is judged with it
			res.Resources++
		}
		res.Judged[i] = ResourceRef{Address: rc.Address, Type: rc.Type, Action: c.action, Line: rc.Line}
		fs := slices.DeleteFunc(judges[rc.Type](l, c), func(f rules.Finding) bool { return opt.Disabled[f.Rule.ID] })
		slices.SortStableFunc(fs, func(a, b rules.Finding) int { return strings.Compare(a.Rule.ID, b.Rule.ID) })
		found[i], n = fs, n+len(fs)
		if opt.AddressPrefix > 0 {
			// A merged report keeps this address and names the resource
			// anew, prefixed, whether or not it has findings.
			res.FindingBytes += opt.AddressPrefix + 2*len(rc.Address)
		}
		for _, f := range fs {
			res.FindingBytes += opt.AddressPrefix + len(rc.Address) + len(f.Message)
		}
		changes[i] = nil
		switch {
		case opt.MaxFindings > 0 && opt.EarlierFindings+n > opt.MaxFindings:
			return Result{Plan: head, Now: l.now, Err: fmt.Errorf("past %d findings, the most iamguard reports in one run", opt.MaxFindings)}
		case opt.MaxFindingBytes > 0 && opt.EarlierFindingBytes+res.FindingBytes > opt.MaxFindingBytes:
			size := fmt.Sprintf("%d bytes", opt.MaxFindingBytes)
			if opt.MaxFindingBytes%(1<<20) == 0 {
				size = fmt.Sprintf("%d MiB", opt.MaxFindingBytes>>20)
			}
			return Result{Plan: head, Now: l.now, Err: fmt.Errorf("past %s of addresses and messages in the report, the most iamguard reports in one run", size)}
		}
	}
	res.Findings = make([]Finding, 0, n)
	for i := range res.Judged {
		r := &res.Judged[i]
		for j, f := range found[i] {
			lf := Finding{Finding: f, ResourceRef: r}
			if j > 0 && f.Rule == found[i][j-1].Rule {
				// A resource's findings come by rule: one match a rule.
				last := &res.Findings[len(res.Findings)-1]
				lf.Waiver, lf.Waived = last.Waiver, last.Waived
			} else {
				lf.Waiver, lf.Waived = opt.waiverFor(f.Rule.ID, r.Address)
			}
			res.Findings = append(res.Findings, lf)
		}
		found[i] = nil
	}
	return res
}

// markPrior marks sensitive, in each object of prior_state, every attribute
// its configuration sets from inputs (plan.AttrSetting.Inputs: variables,
// locals, module outputs, functions). State marks only what was sensitive
// when it was written, not what the configuration reads since from an
// input variable made sensitive; and an object that prior_state alone
// holds has no change to carry today's marks: the objects a targeted plan
// leaves alone, and every object of a refresh-only plan. An attribute read
// from another object is as sensitive as that object's, whose marks hold.
func markPrior(p *plan.Plan) *plan.Plan {
	q := *p
	q.Prior = slices.Clone(p.Prior)
	for i := range q.Prior {
		r := &q.Prior[i]
		if settings, ok := p.Configured(priorRef(r)); ok {
			r.Sensitive = markRead(r.Sensitive, settings, r.Values)
		}
	}
	return &q
}

// refreshOnly gives a plan that lists no resource changes, as a
// refresh-only plan does, a no-op change for each current object of its
// prior_state: the account as refreshed, which applying the plan keeps. A
// normal plan lists every such object, as a no-op when it stays as it is.
// Deposed objects stay in Prior, beside them.
func refreshOnly(p *plan.Plan) *plan.Plan {
	return priorAsChanges(p, func(*plan.Change) bool { return true })
}

// acceptDrift gives p with what changed outside Terraform (resource_drift)
// judged where applying the plan accepts it into state, as a change from
// the state as written. An object the plan keeps, updates or replaces
// takes, for each attribute the plan leaves as it is now, its value in the
// state as written (see composeBefore): a key switched back on in the
// console, or a policy weakened there, is judged as if the plan did it
// (IG201, IG109), an organization trail made single-account there and
// then replaced as if the plan did that (IG704); an attribute the plan
// changes too is judged from the stronger of the two. An object deleted outside
// Terraform that the plan does not make again is a delete (IG704, IG108),
// and one it makes again a replacement of the object as written.
func acceptDrift(p *plan.Plan) *plan.Plan {
	if len(p.Drift) == 0 {
		return p
	}
	q := *p
	q.Changes, q.Drift = slices.Clone(p.Changes), nil
	at := map[string]int{}
	for i, c := range q.Changes {
		if c.DeposedKey == "" {
			at[c.Address] = i
		}
	}
	for _, d := range p.Drift {
		if d.DeposedKey != "" || d.Actions.NoOp() {
			continue
		}
		marks := d.BeforeSensitive
		if settings, ok := p.Configured(d); ok {
			before, _ := d.Before.(plan.Object)
			marks = markRead(marks, settings, before)
		}
		i, ok := at[d.Address]
		switch {
		case ok && actionName(q.Changes[i].Actions) == "replace" && slices.Contains(q.Changes[i].Actions, tfjson.ActionForget) &&
			q.Changes[i].Type != "aws_iam_account_password_policy":
			// The old object a replacement forgets stays as it is now, and is
			// judged so (round 153: a key switched back on in the console,
			// then forgotten, was judged as written, inactive). The
			// account's one password policy is replaced: its weakening is
			// judged below. What the drift marks sensitive stays marked
			// (round 154).
			c := *q.Changes[i]
			c.BeforeSensitive = plan.MergeMarks(marks, c.BeforeSensitive)
			q.Changes[i] = &c
		case ok && (q.Changes[i].Actions.NoOp() || q.Changes[i].Actions.Update() || actionName(q.Changes[i].Actions) == "replace"):
			// A replacement, also the password policy's that forgets the
			// old object, which terraform-json's Replace leaves out (round
			// 152).
			c := *q.Changes[i]
			marks = plan.MergeMarks(marks, c.AfterSensitive)
			c.Now = c.Before
			c.Before, c.BeforeSensitive, c.AfterSensitive = composeBefore(d.Before, &c), marks, marks
			if c.Actions.NoOp() {
				c.Actions = d.Actions
			}
			if c.Line == 0 {
				c.Line = d.Line
			}
			q.Changes[i] = &c
		case ok && d.Actions.Delete() && q.Changes[i].Actions.Create():
			// Gone, and made again: a replacement of the object as written.
			c := *q.Changes[i]
			marks = plan.MergeMarks(marks, c.AfterSensitive)
			c.Actions, c.Before, c.BeforeSensitive, c.AfterSensitive = tfjson.Actions{tfjson.ActionDelete, tfjson.ActionCreate}, d.Before, marks, marks
			q.Changes[i] = &c
		case ok && q.Changes[i].Actions.Delete() && !d.Actions.Delete():
			// Changed outside Terraform, and destroyed: what it recorded
			// or signed may be more than Before shows (round 215: a trail
			// switched back on in the console, then destroyed, was judged
			// as it was written, logging off: no IG704).
			c := *q.Changes[i]
			c.Drifted = true
			q.Changes[i] = &c
		case !ok && d.Actions.Delete(): // gone, and not made again
			gone := *d
			gone.BeforeSensitive, gone.AfterSensitive = marks, marks
			q.Changes = append(q.Changes, &gone)
		}
	}
	return &q
}

// composeBefore is the before side of change c (a no-op, an update or a
// replacement) to an object that drifted from written, its state as
// written, attribute by attribute (see composedValue), so that both the
// drift the plan accepts and the plan's own transitions are judged. Sides
// that are not objects (wholly unknown or sensitive) take the state as
// written for a no-op, and are kept else.
func composeBefore(written any, c *plan.Change) any {
	w, ok := written.(plan.Object)
	now, ok2 := c.Before.(plan.Object)
	after, ok3 := c.After.(plan.Object)
	if !ok || !ok2 || !ok3 {
		if c.Actions.NoOp() {
			return written
		}
		return c.Before
	}
	unknown, _ := c.AfterUnknown.(plan.Object)
	var out plan.Object // made when an attribute differs from now
	for i, m := range now {
		v := m.Value
		if was, ok := w.Get(m.Name); ok {
			v = composedValue(m.Name, was, v, after, unknown)
		}
		if out == nil && !reflect.DeepEqual(v, m.Value) {
			out = append(make(plan.Object, 0, len(now)), now[:i]...)
		}
		if out != nil {
			out = append(out, plan.Member{Name: m.Name, Value: v})
		}
	}
	if out == nil {
		return c.Before
	}
	return out
}

// composedValue is the before value of an attribute that was was as state
// was written and is now now. A setting a rule judges as a transition
// takes the stronger of the two (rules.StrongerSetting), whether the plan
// changes it too or not: a weakening in the console, or by the plan, is
// measured from it, and a certificate a defender switched off in the
// console is not one that signs when the plan then replaces it. Another
// attribute takes its value as written where the plan leaves it as it is
// now (the drift is accepted), and its value now where the plan changes it.
func composedValue(name string, was, now any, after, unknown plan.Object) any {
	planned, _ := after.Get(name)
	u, _ := unknown.Get(name)
	known := u == nil || u == false
	if !known {
		planned = struct{}{} // known after apply: read as no value
	}
	if s, ok := rules.StrongerSetting(name, was, now, planned, toInt, toBool); ok {
		return s
	}
	if known && reflect.DeepEqual(comparedAs(now), comparedAs(planned)) {
		return was
	}
	return now
}

// comparedAs reads a number the plan kept as its text (json.Number) as a
// float64, however it is spelled (strconv caps a long literal's exponent:
// 0.<100,000 zeros>20e100002, which is 20, was 0), so that values are
// compared by what they are (round 186); anything else is returned as is.
func comparedAs(v any) any {
	if n, ok := v.(json.Number); ok {
		if f, ok := plan.ParseNumber(string(n)); ok {
			return f
		}
	}
	return v
}

// priorAsChanges gives p with each current object of its prior_state that
// move accepts, as a no-op change, listed among its changes instead.
func priorAsChanges(p *plan.Plan, move func(rc *plan.Change) bool) *plan.Plan {
	q := *p
	q.Prior, q.Changes = nil, slices.Clip(p.Changes)
	for _, r := range p.Prior {
		rc := &plan.Change{Address: r.Address, ModuleAddress: r.ModuleAddress, Type: r.Type, Name: r.Name,
			Actions: tfjson.Actions{tfjson.ActionNoop}, Before: r.Values, After: r.Values,
			BeforeSensitive: r.Sensitive, AfterSensitive: r.Sensitive}
		if r.DeposedKey == "" && move(rc) {
			q.Changes = append(q.Changes, rc)
		} else {
			q.Prior = append(q.Prior, r)
		}
	}
	return &q
}

// markRead adds to an object's sensitivity marks every attribute that
// settings set from inputs, and every nested block of its values that
// settings do not show: Terraform shows no block made by a dynamic block,
// which may read anything.
func markRead(marks any, settings plan.Settings, values plan.Object) any {
	obj, ok := marks.(plan.Object)
	if !ok && marks != nil {
		return marks // true: all of it
	}
	obj = slices.Clone(obj)
	mark := func(name string) {
		if i := slices.IndexFunc(obj, func(m plan.Member) bool { return m.Name == name }); i >= 0 {
			obj[i].Value = true
		} else {
			obj = append(obj, plan.Member{Name: name, Value: true})
		}
	}
	for _, s := range settings {
		if s.Setting != plan.Unset && s.Inputs {
			mark(s.Name)
		}
	}
	for _, v := range values {
		if plan.IsBlocks(v.Value) && !slices.ContainsFunc(settings, func(s plan.AttrSetting) bool { return s.Name == v.Name }) {
			mark(v.Name)
		}
	}
	return obj
}

// unreplaced returns the deposed objects destroyed that the current object
// at their address does not surely replace, and so are judged as a
// removal, with how well it takes their place (change.current): there is
// none (the replacement that made them deposed is gone too: its destroy
// step failed, and the new object was destroyed since), or it does not do
// what they did (see replacement).
func (l *linter) unreplaced(deposed []*change) []*change {
	if len(deposed) == 0 {
		return nil
	}
	current := map[string]attrs{} // by address, once the plan is applied
	made := map[string]bool{}     // those the plan makes: CloudTrail may refuse them
	for _, c := range l.changes {
		if c.rc.DeposedKey == "" && !c.removed {
			current[c.rc.Address] = c.after()
			if c.action == "create" || c.action == "replace" {
				made[c.rc.Address] = true
			}
		}
	}
	for i := range l.plan.Prior {
		if r := &l.plan.Prior[i]; r.DeposedKey == "" {
			if _, ok := current[r.Address]; !ok {
				current[r.Address] = appliedObject{prior: r}.attrs()
			}
		}
	}
	// Many objects deposed at one address are judged against one current
	// object: it is judged once for all (by address, and whether the
	// deposed trail was an organization's).
	judged := map[string]rules.Replacement{}
	return slices.DeleteFunc(deposed, func(c *change) bool {
		if now, ok := current[c.rc.Address]; ok {
			c.current = l.replacement(c, now, made[c.rc.Address], judged)
		}
		return c.current == rules.SoundReplacement
	})
}

// replacement judges the current object now as taking the place of the
// deposed object c destroys: it must do what c did. A signing certificate
// is a user's: a sound, active one of the same user, as an upload must be
// (IG501); a trail, one that records IAM's events (IG704). An object of
// any other type takes its place. judged keeps what was found of now, by
// c's address and what c asks of it.
func (l *linter) replacement(c *change, now attrs, made bool, judged map[string]rules.Replacement) rules.Replacement {
	once := func(key string, judge func() rules.Replacement) rules.Replacement {
		r, ok := judged[key]
		if !ok {
			r = judge()
			judged[key] = r
		}
		return r
	}
	switch c.rc.Type {
	case "aws_iam_signing_certificate":
		was, user := c.before().str("user_name", ""), now.str("user_name", "")
		switch {
		case was.Unknown || user.Unknown:
			return rules.PendingReplacement
		case !rules.SameName(was.V, user.V):
			return rules.NoReplacement
		}
		return once(c.rc.Address, func() rules.Replacement {
			return rules.SigningCertificateReplacement(now.status("Active"), now.str("certificate_body", ""), l.now, l.baseline)
		})
	case "aws_cloudtrail":
		organization, key := wasOrganization(c), c.rc.Address
		if organization {
			key += "\x00organization"
		}
		return once(key, func() rules.Replacement {
			// The current object has the deposed one's configuration,
			// and so its provider's region.
			region, _ := l.plan.Region(c.rc)
			t := trailOf(now, region)
			if why, _, _ := rules.TrailRefused(t); made && why != "" {
				// Terraform destroys a deposed object only once the current
				// one is made: CloudTrail refusing it, the deposed trail
				// stays (round 359: a false IG704).
				return rules.SoundReplacement
			}
			return rules.TrailRecording(t, organization)
		})
	}
	return rules.SoundReplacement
}

func newChange(p *plan.Plan, rc *plan.Change) *change {
	c := &change{rc: rc, action: actionName(rc.Actions)}
	c.removed = c.action == "delete"
	if !c.removed && c.action != "forget" {
		c.configured, c.hasConfig = p.Configured(rc)
		c.region, _ = p.Region(rc)
	}
	return c
}

// reactivation judges the status change of a credential kept in place with
// r (IG201, IG405, IG503): an update, or a no-op or read, whose two sides
// Terraform writes alike and a hand-made plan may not (round 122). A
// replacement makes a new access key, but uploads an SSH key or signing
// certificate again: see reupload.
func (c *change) reactivation(r *rules.Rule) []rules.Finding {
	if c.action != "update" && !c.unchanged() {
		return nil
	}
	before := c.before().status("")
	if !before.Unknown && !before.Unreadable && before.V == "" {
		// No status recorded, which the provider always records (a state
		// written otherwise): what AWS holds is not known, and switching it
		// to Active may revive it (round 250: taken as Active).
		sensitive := before.Sensitive
		before = rules.UnreadableValue[string]()
		before.Sensitive = sensitive
	}
	return rules.Reactivation(r, before, c.after().status("Active"))
}

// actionName names a change's actions in one word. Every action list of
// the JSON plan format is known, and plan.Read refuses any other; a
// replacement is a create paired with the delete or forget of the object
// it replaces, in either order.
func actionName(a tfjson.Actions) string {
	switch len(a) {
	case 1:
		switch a[0] {
		case tfjson.ActionNoop, tfjson.ActionCreate, tfjson.ActionRead, tfjson.ActionUpdate, tfjson.ActionDelete, tfjson.ActionForget:
			return string(a[0])
		}
	case 2:
		if a[0] == tfjson.ActionCreate || a[1] == tfjson.ActionCreate {
			other := a[0]
			if other == tfjson.ActionCreate {
				other = a[1]
			}
			if other == tfjson.ActionDelete || other == tfjson.ActionForget {
				return "replace"
			}
		}
	}
	return "update"
}
