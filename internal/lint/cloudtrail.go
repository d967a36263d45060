package lint

import (
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

func judgeCloudTrail(l *linter, c *change) []rules.Finding {
	if c.removed {
		var was *rules.Trail // as it stands now, where the plan shows it
		if !c.rc.Drifted {
			region, _ := l.plan.Region(c.rc)
			t := trailOf(c.before(), region)
			was = &t
		}
		return rules.TrailRemoval(was, c.current)
	}
	t := trailOf(c.after(), c.region)
	out := rules.EvaluateTrail(t)
	if other := l.otherRecorder(c, t); other != "" {
		// Another trail of its account records IAM's events in full: this
		// one leaving them out stops none being recorded (round 293: a
		// trail for data events alone was high).
		for i, f := range out {
			switch f.Rule {
			case rules.CloudTrailGlobalEventsOff, rules.CloudTrailSingleRegion, rules.CloudTrailLoggingOff, rules.CloudTrailManagementEventsExcluded:
			default:
				continue
			}
			if f.Severity > rules.Info {
				out[i].Severity = rules.Info
				out[i].Message += "; " + other + " records IAM's events in this account"
			}
		}
	}
	if c.action == "replace" && !c.forgetsOld() {
		replaced, stays := l.replacedTrail(c, &t)
		out = append(out, replaced...)
		if stays || verdict(replaced) {
			// The old trail stays as it is (round 354: a false IG704 for
			// its organization), or it is deleted and not replaced, the
			// member accounts' copies with it (round 353: a second IG704).
			return out
		}
	}
	return append(out, l.leavesOrganization(c, t)...)
}

// verdict reports whether some finding is more than a note (info).
func verdict(fs []rules.Finding) bool {
	return slices.ContainsFunc(fs, func(f rules.Finding) bool { return f.Severity > rules.Info })
}

// replacedTrail judges the deletion of the old trail that a replacement at
// c's address makes, as a deposed one is judged against the current one
// (see unreplaced; round 350: a recording trail replaced by one that
// records nothing passed). Destroying first, CloudTrail may refuse the new
// trail (TrailReplacedRefused), and the old one is deleted either way:
// where the new one surely records nothing, whether CloudTrail takes it
// does not matter (round 353: info where its bucket was made in the same
// plan). Creating first, a new trail CloudTrail refuses, its name taken by
// the old one or another, leaves the old one as it is (stays; round 353: a
// false IG704): its own name, or another's where the plan has one AWS
// account or shows the other trail in its account (round 354: a trail
// perhaps of another account, taken for one of its own, passed a
// weakening; round 356: one of its own configuration was not taken).
func (l *linter) replacedTrail(c *change, t *rules.Trail) (fs []rules.Finding, stays bool) {
	region, _ := l.plan.Region(c.rc)
	was := trailOf(c.before(), region)
	mine := l.nameClash(c.rc, t, inProviderRegion(c.after(), c.region), trailIDs(c.before(), region))
	replaced := rules.TrailReplaced(&was, rules.TrailRecording(*t, false))
	if !slices.Equal(c.rc.Actions, tfjson.Actions{tfjson.ActionDelete, tfjson.ActionCreate}) {
		made := *t
		made.NameTaken = t.NameTaken && (l.plan.AWSAccounts <= 1 || mine || sameName(c))
		if why, _, _ := rules.TrailRefused(made); why != "" {
			return nil, true
		}
		return replaced, false
	}
	if refused := rules.TrailReplacedRefused(&was, *t); verdict(refused) || refused != nil && !verdict(replaced) {
		return refused, false
	}
	return replaced, false
}

// sameName reports whether a trail is replaced under its own name, which
// its old object keeps while the new one is made.
func sameName(c *change) bool {
	was, now := c.before().str("name", ""), c.after().str("name", "")
	return !was.Unknown && !now.Unknown && was.V == now.V
}

// leavesOrganization judges whether c's trail stops being an organization
// trail (see rules.TrailLeavesOrganization).
func (l *linter) leavesOrganization(c *change, t rules.Trail) []rules.Finding {
	if c.before().values == nil || c.forgetsOld() {
		return nil
	}
	// In place or replaced: the member accounts' copies go either way,
	// unless the old trail is forgotten and stays (round 152).
	return rules.TrailLeavesOrganization(c.before().flag("is_organization_trail"), t)
}

// tagsOf reads the tags the AWS provider sends when it creates a trail:
// tags_all (its default_tags too) and tags, which it holds unless the
// provider ignores some, less those whose key starts with aws:, which the
// provider leaves out. Unknown when tags is known only after apply; where
// only tags_all is, tags alone are read (the AWS provider plans it unknown
// for many a replacement, and default_tags are seldom many).
func tagsOf(a attrs) rules.Value[map[string]string] {
	out := rules.Known(map[string]string{})
	for _, name := range []string{"tags", "tags_all"} {
		out.Sensitive = out.Sensitive || a.isSensitive(name)
		if a.anyUnknown(name) {
			out.Unknown = out.Unknown || name == "tags"
			continue
		}
		add := func(k string, v any) {
			if strings.HasPrefix(k, "aws:") || v == nil {
				return
			}
			if s, ok := toString(v); ok {
				out.V[k] = s
			} else {
				out.Unreadable = true
			}
		}
		switch tags := markOf(a.values, name).(type) {
		case map[string]any:
			for k, v := range tags {
				add(k, v)
			}
		case plan.Object:
			for _, m := range tags {
				add(m.Name, m.Value)
			}
		case nil:
		default:
			out.Unreadable = true
		}
	}
	return out
}

// trailNames gives the keys under which a trail of rc's configuration, in
// region (see homeRegion), is known by its name: in its account and region
// where the region is known; by its provider configuration where it lives
// in that one's region (byProvider, see inProviderRegion), whose such trails
// share one region however it is given (region = var.region); in its
// account whatever the region; and, where the region is not known, among
// its account's trails of a region not known. Accounts are those that may
// be one (plan.AccountAlike): a clash must not be missed (round 240). ok is
// false where the account is not known among several.
func (l *linter) trailNames(rc *plan.Change, region rules.Value[string], byProvider bool, name string) (keys trailKeys, ok bool) {
	account := "" // with one AWS provider configuration, one account
	if l.plan.AWSAccounts > 1 {
		if account, ok = l.plan.AccountAlike(rc); !ok {
			return keys, false
		}
	}
	keys.anyRegion = account + "\x00anyregion\x00" + name
	keys.unknownRegion = account + "\x00unknownregion\x00" + name
	if !region.Unknown && !region.Unreadable && region.V != "" {
		keys.region = account + "\x00region\x00" + region.V + "\x00" + name
	}
	if provider, ok := l.plan.Provider(rc); ok && byProvider {
		keys.provider = account + "\x00provider\x00" + provider + "\x00" + name
	}
	return keys, true
}

// trailKeys are the keys of a trail's name (see trailNames); "" for none.
// unknownRegion is the key of its account's trails of a region not known,
// which is the trail's own where region is "".
type trailKeys struct{ region, provider, anyRegion, unknownRegion string }

// own are the keys the trail is known by.
func (k trailKeys) own() []string {
	if k.region != "" {
		k.unknownRegion = ""
	}
	return slices.DeleteFunc([]string{k.region, k.provider, k.anyRegion, k.unknownRegion}, func(s string) bool { return s == "" })
}

// inProviderRegion reports whether a trail lives in its provider
// configuration's region (providerRegion, "" where not known): it has no
// region of its own (the AWS provider's v6 argument), or the same one. One
// of its own known only after apply may be any (round 334: taken for the
// provider's, it clashed with a trail of that provider in another region).
func inProviderRegion(a attrs, providerRegion string) bool {
	own := a.str("region", "")
	return !own.Unknown && (own.V == "" || own.V == providerRegion)
}

// nameClash finds what other trails do with the name t, a trail of rc's
// configuration, is to be given, in its account and region (see
// rules.Trail): keep it (NameTaken), have it until the plan deletes them
// (NameFreed), or take it too as the plan makes them (NameRaced); by the
// region where it is known, else by the provider configuration (see
// trailNames). Where either of two trails' regions is not known, one that
// does any of these may clash (NameMaybeTaken): a region of its own known
// only after apply (round 336: no finding where it was the same region), or
// one read from a variable beside a trail of another provider (round 338:
// none where it was the same account and region). Its own old object's
// deletion comes first, its own creation is no other trail's, and it does
// not keep its own name from itself at another address (self: its old
// object's trailIDs; round 350). mine: a trail that keeps the name is
// surely of rc's account (plan.Account alike).
func (l *linter) nameClash(rc *plan.Change, t *rules.Trail, byProvider bool, self []string) (mine bool) {
	if t.Name.Unknown || t.Name.Unreadable {
		return false
	}
	keys, ok := l.trailNames(rc, t.HomeRegion, byProvider, t.Name.V)
	if !ok {
		return false
	}
	account, _ := l.plan.Account(rc)
	other := func(k string) (kept, freed, raced bool) {
		n := l.keptNames[k]
		selves := 0 // of its account
		for _, by := range n.keptBy {
			switch {
			case !sameTrail(by.ids, self):
				kept = true
			case by.account == account:
				selves++
			}
		}
		mine = mine || n.keptIn[account] > selves
		return kept || n.keptMany, n.freed && n.freedBy != rc.Address, n.made && n.madeBy != rc.Address
	}
	sure := keys.region
	if sure == "" {
		sure = keys.provider
	}
	kept, freed, raced := other(sure)
	if region := t.HomeRegion; !kept && !freed && keys.region != "" {
		if elsewhere := l.keptNames[anyAccountTrail(region.V, t.Name.V)]; elsewhere.freed {
			freed = true
		}
	}
	t.NameTaken, t.NameFreed, t.NameRaced = kept, freed, raced
	if kept || freed || raced {
		return mine
	}
	maybe := keys.anyRegion // its own region may be any
	if keys.region != "" {
		maybe = keys.unknownRegion // another's may be its
	}
	kept, freed, raced = other(maybe)
	t.NameMaybeTaken = kept || freed || raced
	return false // only maybe in its region
}

// anyAccountTrail names a trail's name in region in whichever account, for
// a trail whose configuration is gone among several accounts: its deletion
// may free the name in any (round 289).
func anyAccountTrail(region, name string) string { return "\x00any\x00" + region + "\x00" + name }

// trailName is what the apply does with a trail's name (see
// keptTrailNames): trails keep it (keptBy: the first few, keptMany: more
// than those; keptIn: how many, by account), the plan deletes the trail
// that has it (freedBy: its address, or "" for several), or makes one that
// takes it (madeBy, likewise).
type trailName struct {
	keptBy          []keeper
	keptMany        bool
	keptIn          map[string]int
	freed, made     bool
	freedBy, madeBy string
}

// keeper is a trail that keeps its name: its trailIDs, and its account as
// plan.Account names it.
type keeper struct {
	ids     []string
	account string
}

// maxKeepers bounds the keepers a name records: a trail is at most one of
// them, by address or by trailIDs, in any plan AWS makes; a hand-made plan
// of thousands of trails under one name costs no more than a few (round
// 356: each trail replaced under it read them all).
const maxKeepers = 4

// keep notes at k a trail that keeps its name.
func keep(names map[string]trailName, k string, by keeper) {
	n := names[k]
	if n.keptIn == nil {
		n.keptIn = map[string]int{}
	}
	n.keptIn[by.account]++ // round 357: one of its own past the first few was missed
	if len(n.keptBy) < maxKeepers {
		n.keptBy = append(n.keptBy, by)
	} else {
		n.keptMany = true
	}
	names[k] = n
}

// keptTrailNames finds the trails that keep their name through the apply
// (in prior state only, left as they are, updated in place, or forgotten,
// which stay in AWS), by trailNames: a trail replaced destroying first
// under one of those names is never made (TrailAlreadyExistsException;
// round 239). So does one replaced creating first under its own name: its
// new one is refused while the old one is there, which Terraform then keeps
// (round 338). It also finds those of the trails the plan deletes, or
// replaces, under their names before: nothing orders the deletion before
// another trail's creation under that name, which may come first (round
// 287), and those of the trails the plan makes, which nothing orders one
// before another (round 337).
func (l *linter) keptTrailNames() map[string]trailName {
	out := map[string]trailName{}
	keysOf := func(rc *plan.Change, a attrs, region string, name string) []string {
		if keys, ok := l.trailNames(rc, homeRegion(a, region), inProviderRegion(a, region), name); ok {
			return keys.own()
		}
		return nil
	}
	for _, c := range slices.Concat(l.changes, l.orphans) {
		if c.rc.Type != "aws_cloudtrail" || !c.removed && c.action != "replace" {
			continue
		}
		a := c.before()
		name := a.str("name", "")
		if name.Unknown || name.Unreadable {
			continue
		}
		region, _ := l.plan.Region(c.rc)
		if now := c.after().str("name", ""); c.action == "replace" && !c.rc.Actions.DestroyBeforeCreate() && !c.forgetsOld() && !now.Unknown && now.V == name.V {
			account, _ := l.plan.Account(c.rc)
			for _, k := range keysOf(c.rc, a, region, name.V) {
				keep(out, k, keeper{account: account}) // the old object stays (see above; round 357: of no account)
			}
			continue
		}
		keys := keysOf(c.rc, a, region, name.V)
		if home := homeRegion(a, region); keys == nil && !home.Unknown && !home.Unreadable && home.V != "" {
			keys = []string{anyAccountTrail(home.V, name.V)} // its account not shown among several
		}
		for _, k := range keys {
			n := out[k]
			n.freed, n.freedBy = noted(n.freed, n.freedBy, c.rc.Address)
			out[k] = n
		}
	}
	for _, o := range l.applied("aws_cloudtrail") {
		a := o.attrs()
		if c := o.change; c != nil && !o.forgotten {
			switch c.action {
			case "forget":
				a = c.before()
			case "no-op", "update", "read":
				if c.before().str("name", "").V != a.str("name", "").V {
					continue // renamed in place (a hand-made plan: the name forces a new trail)
				}
			default:
				continue
			}
		}
		name := a.str("name", "")
		if name.Unknown || name.Unreadable {
			continue
		}
		region, _ := l.plan.Region(o.ref())
		account, _ := l.plan.Account(o.ref())
		for _, k := range keysOf(o.ref(), a, region, name.V) {
			keep(out, k, keeper{trailIDs(a, region), account})
		}
	}
	for _, c := range l.changes {
		if c.rc.Type != "aws_cloudtrail" || c.action != "create" && c.action != "replace" {
			continue
		}
		a := c.after()
		name := a.str("name", "")
		if name.Unknown || name.Unreadable {
			continue
		}
		for _, k := range keysOf(c.rc, a, c.region, name.V) {
			n := out[k]
			n.made, n.madeBy = noted(n.made, n.madeBy, c.rc.Address)
			out[k] = n
		}
	}
	return out
}

// noted notes that the trail at address does what done and by record
// (see trailName): by stays its address while that trail alone does it.
func noted(done bool, by, address string) (bool, string) {
	if done && by != address {
		return true, ""
	}
	return true, address
}

// recorder is a trail that records IAM's events in full before and after
// the plan (see iamRecorders): its address, its place among them, and its
// trailIDs.
type recorder struct {
	address string
	n       int
	ids     []string
}

// recorderKey is what otherRecorder asks of a recorder: its account (see
// accountID), partition (see partitionOf), whether it is an organization
// trail, and the account its ARN names ("" where the plan shows none,
// anyARN for every recorder whatever it names).
type recorderKey struct {
	account, partition string
	organization       bool
	arnAccount         string
}

const anyARN = "*"

// iamRecorders finds the trails that record IAM's events in full both
// before the plan and once it is applied, by recorderKey: EvaluateTrail
// finds nothing in them, not even a value known only after apply. Only a
// trail that stands before the plan counts: one it makes may be refused (a
// name CloudTrail takes, a bucket no bucket has), and nothing orders its
// creation before another trail's change (round 294). One whose account
// the plan does not show among several counts for none. One trail at
// several addresses (see trailIDs) is one recorder: looked up for each
// trail, many would make the work grow with the square of the plan (round
// 356).
func (l *linter) iamRecorders() map[recorderKey][]recorder {
	out := map[recorderKey][]recorder{}
	seen := map[[2]string]bool{} // by account and trailID
	n := 0
	for _, o := range l.applied("aws_cloudtrail") {
		rc := o.ref()
		if !o.standing() {
			continue
		}
		if _, shown := l.plan.Account(rc); l.plan.AWSAccounts > 1 && !shown {
			continue
		}
		region, _ := l.plan.Region(rc)
		after := o.attrs()
		sides := []attrs{after}
		if c := o.change; c != nil && !o.forgotten {
			sides = append(sides, c.before()) // an update CloudTrail refuses leaves it so
		}
		full := true
		for _, a := range sides {
			full = full && a.values != nil && len(rules.EvaluateTrail(trailOf(a, region))) == 0
		}
		if !full {
			continue
		}
		t := trailOf(after, region)
		account, ids := l.accountID(rc), trailIDs(after, region)
		if slices.ContainsFunc(ids, func(id string) bool { return seen[[2]string{account, id}] }) {
			continue
		}
		for _, id := range ids {
			seen[[2]string{account, id}] = true
		}
		n++
		r := recorder{o.address, n, ids}
		k := recorderKey{account, partitionOf(t.HomeRegion), t.Organization.V && !t.Organization.Unknown, rules.ARNAccount(after.str("arn", "").V)}
		out[k] = append(out[k], r)
		k.arnAccount = anyARN
		out[k] = append(out[k], r)
	}
	return out
}

// trailIDs names the trail a shows as AWS knows it: by its ARN, and by its
// name in its home region, where the plan shows them. Two addresses that
// share one manage one trail (both imported, say).
func trailIDs(a attrs, region string) []string {
	var ids []string
	if arn := a.str("arn", ""); !arn.Unknown && !arn.Unreadable && arn.V != "" {
		ids = append(ids, arn.V)
	}
	name, home := a.str("name", ""), homeRegion(a, region)
	if !name.Unknown && !name.Unreadable && name.V != "" && !home.Unknown && !home.Unreadable && home.V != "" {
		ids = append(ids, home.V+" "+name.V) // no ARN has a space
	}
	return ids
}

// sameTrail reports whether two trails' trailIDs name one trail.
func sameTrail(a, b []string) bool {
	return slices.ContainsFunc(a, func(id string) bool { return slices.Contains(b, id) })
}

// otherRecorder names a trail other than c's that records IAM's events in
// full in c's account (see iamRecorders), or is "": another trail, not c's
// at another address (round 349: logging stopped at one of two addresses
// of the account's one trail was info), in the same partition,
// under an ARN of the same account where both show one (round 294: one in
// cn-north-1, or of another account's ARN, was taken), and an organization
// trail, which records its member accounts', only beside another (round
// 294: a trail of the management account alone was taken for it).
func (l *linter) otherRecorder(c *change, t rules.Trail) string {
	partition := partitionOf(t.HomeRegion)
	if partition == "" && c.region != "" {
		// A region of its own known only after apply is in the partition
		// of its provider's credentials (round 334).
		partition = partitionOf(rules.Known(c.region))
	}
	if partition == "" {
		return ""
	}
	organizations := []bool{true}
	if org := wasOrganization(c) || t.Organization.V || t.Organization.Unknown; !org {
		organizations = append(organizations, false)
	}
	arns := []string{anyARN}
	if account := rules.ARNAccount(c.before().str("arn", "").V); account != "" {
		arns = []string{account, ""}
	}
	address, self := objectAddress(c.rc.Address, c.rc.DeposedKey), trailIDs(c.before(), c.region)
	var best *recorder // the first of those found
	for _, organization := range organizations {
		for _, arn := range arns {
			for _, r := range l.recorders[recorderKey{l.accountID(c.rc), partition, organization, arn}] {
				if r.address != address && !sameTrail(r.ids, self) {
					if best == nil || r.n < best.n {
						best = &r
					}
					break
				}
			}
		}
	}
	if best == nil {
		return ""
	}
	return best.address
}

// partitionOf names the partition of a trail's home region by the region
// its global events go to, or the region itself where that is not known;
// "" when the region is not known.
func partitionOf(region rules.Value[string]) string {
	if region.Unknown || region.Unreadable || region.V == "" {
		return ""
	}
	if p := rules.GlobalEventsRegion(region.V); p != "" {
		return p
	}
	return region.V
}

// wasOrganization reports whether the trail c changes was an organization
// trail before the plan.
func wasOrganization(c *change) bool {
	was := c.before().flag("is_organization_trail")
	return was.V && !was.Unknown && !was.Unreadable
}

// homeRegion is the region a trail lives in: home_region, known once it
// exists; for a new trail its own region (the AWS provider's v6 region
// argument), else its provider's (region, where the configuration gives
// it). An own region known only after apply is unknown, not the
// provider's: v6 fills in the provider's only where none is configured.
func homeRegion(a attrs, region string) rules.Value[string] {
	home := a.str("home_region", "")
	if !home.Unknown && home.V != "" {
		return home
	}
	switch r := a.str("region", ""); {
	case r.Unknown:
		return r
	case !r.Unreadable && r.V != "":
		return r
	}
	if region != "" {
		return rules.Known(region)
	}
	return home
}

// trailOf reads a trail's settings; region is its provider's, where the
// configuration gives it.
func trailOf(a attrs, region string) rules.Trail {
	t := rules.Trail{
		IncludeGlobalServiceEvents: a.flag("include_global_service_events"),
		MultiRegion:                a.flag("is_multi_region_trail"),
		Organization:               a.flag("is_organization_trail"),
		Logging:                    a.flag("enable_logging"),
		LogFileValidation:          a.flag("enable_log_file_validation"),
		HomeRegion:                 homeRegion(a, region),
		Name:                       a.str("name", ""),
		Bucket:                     a.str("s3_bucket_name", ""),
		S3KeyPrefix:                a.str("s3_key_prefix", ""),
		LogGroup:                   a.str("cloud_watch_logs_group_arn", ""),
		LogRole:                    a.str("cloud_watch_logs_role_arn", ""),
		Tags:                       tagsOf(a),
	}
	if a.blockUnknown("event_selector") || a.blockUnknown("advanced_event_selector") {
		t.Selectors = rules.UnknownValue[bool]()
	}
	t.Selectors.Sensitive = a.isSensitive("event_selector") || a.isSensitive("advanced_event_selector")
	// A selector value known only after apply leaves the selectors undecided
	// (include_management_events carries its own unknown); so does one of a
	// kind the provider would refuse, which is reported as unreadable.
	unreadable := false
	list := func(a attrs, name string) []attrs {
		l, ok := a.list(name)
		unreadable = unreadable || !ok
		return l
	}
	str := func(a attrs, name string) string {
		v := a.str(name, "")
		unreadable = unreadable || v.Unreadable
		return v.V
	}
	strs := func(a attrs, name string) []string {
		l, ok := a.strings(name)
		unreadable = unreadable || !ok
		return l
	}
	// A value known only after apply leaves its selector undecided, and
	// the trail's with it unless another selector decides (rules).
	for _, s := range list(a, "event_selector") {
		t.EventSelectors = append(t.EventSelectors, rules.EventSelector{
			ReadWriteType:                 str(s, "read_write_type"),
			IncludeManagementEvents:       s.bool("include_management_events", true),
			ExcludeManagementEventSources: strs(s, "exclude_management_event_sources"),
			TypeUnknown:                   s.anyUnknown("read_write_type"),
			ExcludedUnknown:               s.anyUnknown("exclude_management_event_sources"),
			Impure:                        s.unknownsImpure("read_write_type", "include_management_events", "exclude_management_event_sources"),
		})
	}
	conditions := []string{"field", "equals", "not_equals", "starts_with", "not_starts_with", "ends_with", "not_ends_with"}
	for _, s := range list(a, "advanced_event_selector") {
		var sel rules.AdvancedSelector
		if s.blockUnknown("field_selector") {
			// Dynamic blocks over values known after apply: any fields.
			sel.Fields = append(sel.Fields, rules.FieldSelector{NameUnknown: true, CondUnknown: true})
		}
		fields := list(s, "field_selector")
		sel.Impure = len(fields) > 0 && !slices.ContainsFunc(fields, func(f attrs) bool {
			return f.anyUnknown(conditions...) && !f.unknownsImpure(conditions...)
		})
		for _, f := range fields {
			fs := rules.FieldSelector{
				Field:  str(f, "field"),
				Equals: strs(f, "equals"), NotEquals: strs(f, "not_equals"),
				StartsWith: strs(f, "starts_with"), NotStartsWith: strs(f, "not_starts_with"),
				EndsWith: strs(f, "ends_with"), NotEndsWith: strs(f, "not_ends_with"),
				NameUnknown: f.anyUnknown("field"),
				CondUnknown: f.anyUnknown("equals", "not_equals", "starts_with", "not_starts_with", "ends_with", "not_ends_with"),
			}
			if fs.NameUnknown {
				fs.Field = "" // any field
			}
			sel.Fields = append(sel.Fields, fs)
		}
		t.AdvancedSelectors = append(t.AdvancedSelectors, sel)
	}
	if unreadable {
		sensitive := t.Selectors.Sensitive
		t.Selectors = rules.UnreadableValue[bool]()
		t.Selectors.Sensitive = sensitive
	}
	return t
}
