package rules

import (
	"fmt"
	"net"
	"slices"
	"strings"
	"unicode/utf8"
)

var cloudTrailTypes = []string{"aws_cloudtrail"}

// CloudTrail rules: IAM is a global service, so its events reach only trails
// that record global service events, and only while logging is on.
var (
	CloudTrailGlobalEventsOff = &Rule{
		ID: "IG701", Slug: "cloudtrail-global-events-off", Severity: High,
		Event:     "UpdateTrail",
		Summary:   "The trail does not record global service events, where IAM events go",
		Rationale: "IAM, STS and other global services deliver their events as global service events; a trail without them records no IAM change at all.",
		Remediation: Remediation{
			Console:   "CloudTrail > Trails: global service events follow multi-region trails; recreate the trail as multi-region from the console.",
			CLI:       "aws cloudtrail update-trail --name TRAIL --include-global-service-events",
			Terraform: "Set include_global_service_events = true (the default) on aws_cloudtrail.",
		},
		References:    []string{"CIS AWS 3.1", "AWS FSBP CloudTrail.1"},
		ResourceTypes: cloudTrailTypes,
	}
	CloudTrailSingleRegion = &Rule{
		ID: "IG702", Slug: "cloudtrail-single-region", Severity: Medium,
		Event:   "UpdateTrail",
		Summary: "The trail records a single region only",
		Rationale: "Activity in other regions goes unseen, and a single-region trail outside us-east-1 misses global events too: " +
			"it records none of IAM's events, which go to one region a partition (us-east-1 for most accounts), and the finding is high then.",
		Remediation: Remediation{
			Console:   "CloudTrail > Trails > (trail) > General details > Edit: enable for all regions.",
			CLI:       "aws cloudtrail update-trail --name TRAIL --is-multi-region-trail",
			Terraform: "Set is_multi_region_trail = true on aws_cloudtrail (the AWS default is false).",
		},
		References:    []string{"CIS AWS 3.1", "AWS FSBP CloudTrail.1"},
		ResourceTypes: cloudTrailTypes,
	}
	CloudTrailLoggingOff = &Rule{
		ID: "IG703", Slug: "cloudtrail-logging-off", Severity: High,
		Event:     "StopLogging",
		Summary:   "Logging is stopped on the trail",
		Rationale: "A stopped trail (StopLogging) records nothing; it is a classic first step before tampering with IAM.",
		Remediation: Remediation{
			Console:   "CloudTrail > Trails > (trail): Start logging.",
			CLI:       "aws cloudtrail start-logging --name TRAIL",
			Terraform: "Set enable_logging = true (the default) on aws_cloudtrail.",
		},
		References:    []string{"CIS AWS 3.1", "AWS FSBP CloudTrail.1"},
		ResourceTypes: cloudTrailTypes,
	}
	CloudTrailDeleted = &Rule{
		ID: "IG704", Slug: "cloudtrail-deleted", Severity: High,
		Event:     "DeleteTrail",
		Summary:   "A trail is destroyed and not replaced",
		Rationale: "Deleting a trail (DeleteTrail) ends the record of IAM changes it carried. A trail replaced at its address by one that does not record IAM's events, or by one CloudTrail refuses to create, is deleted all the same. An organization trail made a trail of its own account (is_organization_trail false) is judged alike: its copies in the member accounts are deleted.",
		Remediation: Remediation{
			Console:   "CloudTrail > Trails: keep a multi-region trail that records management events.",
			CLI:       "Do not run aws cloudtrail delete-trail on the account's IAM trail.",
			Terraform: "Keep the aws_cloudtrail resource (an organization trail as one). Deleting a trail is judged whatever else records: where another trail of the account records IAM events in full, waive IG704 with that reason.",
		},
		References:    []string{"CIS AWS 3.1", "AWS FSBP CloudTrail.1"},
		ResourceTypes: cloudTrailTypes,
	}
	CloudTrailManagementEventsExcluded = &Rule{
		ID: "IG705", Slug: "cloudtrail-management-events-excluded", Severity: High,
		Event:     "PutEventSelectors",
		Summary:   "The trail's event selectors drop management write events or IAM's event source",
		Rationale: "IAM changes are write management events from iam.amazonaws.com; selectors that leave out management events, keep only read events or exclude that source record none of them.",
		Remediation: Remediation{
			Console:   "CloudTrail > Trails > (trail) > Management events > Edit: API activity Read and Write, no excluded sources.",
			CLI:       `aws cloudtrail put-event-selectors --trail-name TRAIL --event-selectors '[{"ReadWriteType":"All","IncludeManagementEvents":true}]'`,
			Terraform: "Give at least one event_selector include_management_events = true and read_write_type = \"All\" (or \"WriteOnly\") without excluding iam.amazonaws.com, or one advanced_event_selector eventCategory = Management without readOnly = true or an eventSource condition that drops iam.amazonaws.com; a trail for data events alone needs another trail of its account that records IAM's events.",
		},
		References:    []string{"CIS AWS 3.1", "AWS FSBP CloudTrail.1"},
		ResourceTypes: cloudTrailTypes,
	}
	CloudTrailLogValidationOff = &Rule{
		ID: "IG706", Slug: "cloudtrail-log-validation-off", Severity: Medium,
		Event:     "UpdateTrail",
		Summary:   "Log file integrity validation is off",
		Rationale: "Without digest files nobody can prove that log files were not altered or deleted after delivery.",
		Remediation: Remediation{
			Console:   "CloudTrail > Trails > (trail) > General details > Edit: enable log file validation.",
			CLI:       "aws cloudtrail update-trail --name TRAIL --enable-log-file-validation",
			Terraform: "Set enable_log_file_validation = true on aws_cloudtrail (the AWS default is false).",
		},
		References:    []string{"CIS AWS 3.2", "AWS FSBP CloudTrail.4"},
		ResourceTypes: cloudTrailTypes,
	}
)

var cloudTrailRules = []*Rule{
	CloudTrailGlobalEventsOff, CloudTrailSingleRegion, CloudTrailLoggingOff, CloudTrailDeleted,
	CloudTrailManagementEventsExcluded, CloudTrailLogValidationOff,
	CloudTrailNoIAMRecording, // runtime only
}

// Trail is what the rules need to know of a CloudTrail trail.
type Trail struct {
	IncludeGlobalServiceEvents Value[bool]
	MultiRegion                Value[bool]
	Logging                    Value[bool]
	LogFileValidation          Value[bool]
	// HomeRegion is the region the trail lives in, when known: a single-
	// region trail outside us-east-1 records none of IAM's events.
	HomeRegion Value[string]
	// Organization: an organization trail, of which every member account of
	// the organization has a copy.
	Organization Value[bool]
	// Selectors is unknown when either selector list is known only after apply.
	Selectors         Value[bool]
	EventSelectors    []EventSelector
	AdvancedSelectors []AdvancedSelector
	// Name, Bucket, S3KeyPrefix, the CloudWatch Logs group and role and
	// the tags are what a trail the plan creates is given, the tags as the
	// AWS provider sends them (its default_tags too, aws: ones left out):
	// those known, Unknown when some are known only after apply (see
	// TrailRefused). NameTaken: another trail of its account and region
	// keeps that name through the apply; NameFreed: has it until the plan
	// deletes it, which nothing orders before this trail is made;
	// NameRaced: another trail the plan makes takes it, which nothing
	// orders after this one; NameMaybeTaken: one of its account does any
	// of these where its region, or this trail's, is not known (a region
	// of its own known only after apply, or one read from a variable).
	Name, Bucket, S3KeyPrefix, LogGroup, LogRole    Value[string]
	Tags                                            Value[map[string]string]
	NameTaken, NameFreed, NameRaced, NameMaybeTaken bool
}

// TrailRefused tells why CloudTrail refuses to create t, and the attribute
// at fault, or is "" when nothing the plan shows says it does; unknown then
// names an attribute known only after apply that may make it refuse. The
// AWS provider checks none of these: its name (see TrailNameRefused), or
// one another trail of its account and region keeps (TrailAlreadyExists);
// an S3 bucket name no bucket can have (3 to 255 letters, digits, periods,
// dashes and underscores, as a legacy us-east-1 name may be); a key prefix
// past 200 characters; a CloudWatch Logs group without the log stream
// wildcard (arn:...:log-group:NAME:*), or a group without a role or a role
// without a group (CreateTrail takes both or neither); more than 50 tags,
// a tag key past 128 characters or a value past 256.
func TrailRefused(t Trail) (why, attr, unknown string) {
	var pending []string
	known := func(attr string, v Value[string]) bool {
		if v.Unknown {
			pending = append(pending, attr)
		}
		return !v.Unknown && !v.Unreadable
	}
	if n := t.Name; known("name", n) && n.V != "" {
		if why := TrailNameRefused(n.V); why != "" {
			return why, "name", ""
		}
		if t.NameTaken {
			return "another trail of its account and region keeps that name", "name", ""
		}
	}
	// CloudTrail refuses a multi-region trail without global service
	// events (InvalidParameterCombinationException; round 349).
	switch multi, global := t.MultiRegion, t.IncludeGlobalServiceEvents; {
	case multi.Unreadable || global.Unreadable, !multi.Unknown && !multi.V, !global.Unknown && global.V:
	case multi.Unknown:
		pending = append(pending, "is_multi_region_trail")
	case global.Unknown:
		pending = append(pending, "include_global_service_events")
	default:
		attr := "include_global_service_events"
		if multi.Sensitive { // the message tells both values
			attr = "is_multi_region_trail"
		}
		return "a multi-region trail must include global service events", attr, ""
	}
	if b := t.Bucket; known("s3_bucket_name", b) && b.V != "" && !bucketName(b.V) {
		return "no S3 bucket has that name: 3 to 255 letters, digits, periods, dashes and underscores", "s3_bucket_name", ""
	}
	if p := t.S3KeyPrefix; known("s3_key_prefix", p) && utf8.RuneCountInString(p.V) > 200 {
		return "a trail's s3_key_prefix has at most 200 characters", "s3_key_prefix", ""
	}
	group, role := t.LogGroup, t.LogRole
	groupKnown, roleKnown := known("cloud_watch_logs_group_arn", group), known("cloud_watch_logs_role_arn", role)
	switch {
	case groupKnown && group.V != "" && !strings.HasSuffix(group.V, ":*"):
		return "a trail's cloud_watch_logs_group_arn ends with the log stream wildcard, :*", "cloud_watch_logs_group_arn", ""
	case groupKnown && roleKnown && (group.V == "") != (role.V == ""):
		attr := "cloud_watch_logs_group_arn"
		if group.V == "" {
			attr = "cloud_watch_logs_role_arn"
		}
		return "CloudTrail takes cloud_watch_logs_group_arn and cloud_watch_logs_role_arn together or neither", attr, ""
	}
	if len(t.Tags.V) > 50 {
		return "a trail has at most 50 tags, the provider's default_tags counted", "tags", ""
	}
	for k, v := range t.Tags.V {
		if utf8.RuneCountInString(k) > 128 || utf8.RuneCountInString(v) > 256 {
			return "a tag's key has at most 128 characters, and its value 256", "tags", ""
		}
	}
	if t.Tags.Unknown {
		pending = append(pending, "tags")
	}
	// One an impure function chooses first: no one can review it (round
	// 359: one known only after apply before it hid it).
	for _, attr := range pending {
		if t.impure(attr) {
			return "", "", attr
		}
	}
	if len(pending) > 0 {
		return "", "", pending[0]
	}
	return "", "", ""
}

// bucketName reports whether an S3 bucket may have the name b: 3 to 255
// ASCII letters, digits, periods, dashes and underscores (a legacy bucket
// of us-east-1 may have upper case and underscores; newer ones have
// fewer).
func bucketName(b string) bool {
	if len(b) < 3 || len(b) > 255 {
		return false
	}
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '_':
		default:
			return false
		}
	}
	return true
}

// TrailNameRefused tells why CloudTrail refuses to create a trail of this
// name, or is "" when it takes it: 3 to 128 ASCII letters, digits,
// periods, underscores and dashes, starting and ending with a letter or
// digit, no two of the others in a row, and not an IP address. The AWS
// provider checks only the length.
func TrailNameRefused(name string) string {
	alnum := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
	switch {
	case len(name) < 3 || len(name) > 128:
		return "a trail's name has 3 to 128 characters"
	case !alnum(name[0]) || !alnum(name[len(name)-1]):
		return "a trail's name starts and ends with a letter or digit"
	case net.ParseIP(name) != nil:
		return "a trail's name is not an IP address"
	}
	for i := 1; i < len(name); i++ {
		c := name[i]
		switch {
		case alnum(c):
		case c != '.' && c != '_' && c != '-':
			return "a trail's name holds only ASCII letters, digits, periods, underscores and dashes"
		case !alnum(name[i-1]):
			return "a trail's name has no two periods, underscores or dashes in a row"
		}
	}
	return ""
}

// TrailReplacedRefused is the verdict (IG704) on a trail replaced at its
// address destroying first (Terraform's default) with now, which CloudTrail
// refuses to create (see TrailRefused): the old trail is deleted, and the
// new one never made (rounds 233, 234). was is the old trail, as
// TrailRemoval takes it.
func TrailReplacedRefused(was *Trail, now Trail) []Finding {
	why, attr, unknown := TrailRefused(now)
	if why == "" && unknown == "" && !now.NameFreed && !now.NameRaced && !now.NameMaybeTaken {
		return nil
	}
	fs := TrailRemoval(was, NoReplacement)
	for i := range fs {
		if why == "" && unknown == "" {
			var race string
			switch {
			case now.NameFreed:
				race = "of a trail the plan deletes, and the plan does not show that deletion ordered first"
			case now.NameRaced:
				race = "that another trail the plan makes takes too, and iamguard does not follow which is made first"
			default:
				race = "that another trail of its account has, in a region that may be its own (one of the two regions is not shown)"
			}
			fs[i] = Finding{Rule: CloudTrailDeleted, Severity: Info, Attribute: "name", Message: "the trail is replaced destroying first under the name " +
				race + ": if CloudTrail refuses the new trail, the old one is deleted and none takes its place; " + CloudTrailDeleted.Name() + " cannot be judged until then"}
			continue
		}
		if why == "" && now.impure(unknown) { // no one can review it (round 358: a name timestamp() chose, which CloudTrail refuses, was info)
			fs[i].Attribute = unknown
			fs[i].Message = "the trail is replaced destroying first, and " + unknown + " is chosen at apply by an impure function such as timestamp() or uuid(): " +
				"if CloudTrail refuses the new trail, the old one is deleted and none takes its place, so " + CloudTrailDeleted.Name() +
				" cannot judge it and does not pass it (plantimestamp() is known when Terraform plans)"
			continue
		}
		if why == "" { // the README's promise: a value known only after apply is info
			fs[i] = Finding{Rule: CloudTrailDeleted, Severity: Info, Attribute: unknown, Message: "the trail is replaced destroying first, and " +
				unknown + " is known only after apply: if CloudTrail refuses the new trail, the old one is deleted and none takes its place; " +
				CloudTrailDeleted.Name() + " cannot be judged until then"}
			continue
		}
		fs[i].Attribute = attr
		fs[i].Message = "the trail is replaced destroying first, and CloudTrail refuses the new one (" + why + "): the old trail is deleted, none takes its place, and the IAM events it recorded stop being logged"
	}
	return withhold(fs, now.sensitive) // which rule a sensitive name breaks tells of it (round 236)
}

// EventSelector is a basic event selector.
type EventSelector struct {
	ReadWriteType                 string // All, ReadOnly, WriteOnly; empty means All
	IncludeManagementEvents       Value[bool]
	ExcludeManagementEventSources []string
	// The read-write type, or some excluded sources, are known only after
	// apply.
	TypeUnknown, ExcludedUnknown bool
	// Impure: each of its values known only after apply is chosen then by
	// an impure function (see Value.Impure).
	Impure bool
}

// AdvancedSelector is an advanced event selector: all its fields must
// match. Impure: each of its values known only after apply is chosen then
// by an impure function (see Value.Impure).
type AdvancedSelector struct {
	Fields []FieldSelector
	Impure bool
}

// FieldSelector is one condition of an advanced event selector.
type FieldSelector struct {
	Field                                                               string
	Equals, NotEquals, StartsWith, NotStartsWith, EndsWith, NotEndsWith []string
	// The field's name, or a condition's values, are known only after
	// apply: a condition known only after apply is left out of the lists.
	NameUnknown, CondUnknown bool
}

// maybe is a three-valued answer: a selector may record IAM's writes
// depending on a value known only after apply.
type maybe int8

const (
	never maybe = iota
	perhaps
	surely
)

func known(b bool) maybe {
	if b {
		return surely
	}
	return never
}

const iamSource = "iam.amazonaws.com"

// EvaluateTrail judges a trail (IG701-IG703, IG705, IG706).
func EvaluateTrail(t Trail) []Finding {
	var out []Finding
	flag := func(r *Rule, attr string, v Value[bool], want bool, msg string) {
		switch {
		case v.Unknown:
			out = append(out, r.unknown(attr, v))
		case v.V != want:
			out = append(out, r.finding(attr, "%s", msg))
		}
	}
	flag(CloudTrailGlobalEventsOff, "include_global_service_events", t.IncludeGlobalServiceEvents, true,
		"include_global_service_events is false: IAM events are not recorded by this trail")
	flag(CloudTrailSingleRegion, "is_multi_region_trail", t.MultiRegion, true,
		"is_multi_region_trail is false: the trail records one region only")
	if f := len(out) - 1; f >= 0 && out[f].Rule == CloudTrailSingleRegion && !t.MultiRegion.Unknown &&
		!t.HomeRegion.Unknown && outsideIAMRegion(t.HomeRegion.V) {
		// IAM's events are delivered to one region only: this trail gets none.
		out[f].Severity = High
		out[f].Message = fmt.Sprintf("is_multi_region_trail is false and the trail lives in %s: it records none of IAM's events, which go to %s",
			t.HomeRegion.Show(), GlobalEventsRegion(t.HomeRegion.V))
		if t.HomeRegion.Sensitive { // where IAM's events go would tell of it
			out[f].Message = "is_multi_region_trail is false and home_region is " + redacted +
				", not the region IAM's events go to: the trail records none of them"
		}
	}
	flag(CloudTrailLoggingOff, "enable_logging", t.Logging, true,
		"enable_logging is false: the trail records nothing")
	if t.Selectors.Unknown {
		out = append(out, CloudTrailManagementEventsExcluded.unknown("event_selector", t.Selectors))
	} else if attr, why, ok, unknown := recordsIAMWrites(t); unknown {
		out = append(out, CloudTrailManagementEventsExcluded.unknown(attr, Value[bool]{Unknown: true, Impure: t.selectorsImpure()}))
	} else if !ok {
		out = append(out, CloudTrailManagementEventsExcluded.finding(attr, "%s", why))
	}
	flag(CloudTrailLogValidationOff, "enable_log_file_validation", t.LogFileValidation, true,
		"enable_log_file_validation is false: delivered log files cannot be verified")
	return withhold(out, t.sensitive)
}

// selectorsImpure reports whether every selector that a value known only
// after apply leaves undecided has its values chosen then by an impure
// function: whether IAM's writes are recorded is then decided by nothing
// anyone can review (round 123). A selector that cannot record them
// whatever its unknown values (a data-event selector on a bucket's ARN)
// decides nothing (round 127).
func (t Trail) selectorsImpure() bool {
	for _, s := range t.EventSelectors {
		if s.recordsIAMWrites() == perhaps && !s.Impure {
			return false
		}
	}
	for _, s := range t.AdvancedSelectors {
		if s.recordsIAMWrites() == perhaps && !s.Impure {
			return false
		}
	}
	return true
}

// sensitive reports whether the attribute's value is marked sensitive.
func (t Trail) sensitive(attr string) bool { s, _ := t.flags(attr); return s }

// impure reports whether the attribute's value, known only after apply, is
// chosen then by an impure function (see Value.Impure).
func (t Trail) impure(attr string) bool { _, i := t.flags(attr); return i }

// flags gives sensitive and impure of an attribute the rules read; the
// selector findings' for any other.
func (t Trail) flags(attr string) (sensitive, impure bool) {
	switch attr {
	case "name":
		return t.Name.Sensitive, t.Name.Impure
	case "s3_key_prefix":
		return t.S3KeyPrefix.Sensitive, t.S3KeyPrefix.Impure
	case "cloud_watch_logs_group_arn":
		return t.LogGroup.Sensitive || t.LogRole.Sensitive, t.LogGroup.Impure
	case "cloud_watch_logs_role_arn":
		return t.LogGroup.Sensitive || t.LogRole.Sensitive, t.LogRole.Impure
	case "s3_bucket_name":
		return t.Bucket.Sensitive, t.Bucket.Impure
	case "tags":
		return t.Tags.Sensitive, false // a tag's value is no name CloudTrail refuses
	case "include_global_service_events":
		return t.IncludeGlobalServiceEvents.Sensitive, t.IncludeGlobalServiceEvents.Impure
	case "is_multi_region_trail":
		return t.MultiRegion.Sensitive, t.MultiRegion.Impure
	case "enable_logging":
		return t.Logging.Sensitive, t.Logging.Impure
	case "enable_log_file_validation":
		return t.LogFileValidation.Sensitive, t.LogFileValidation.Impure
	case "is_organization_trail":
		return t.Organization.Sensitive, t.Organization.Impure
	}
	return t.Selectors.Sensitive, false // the selector findings
}

// RecordsIAMEvents says whether a trail records IAM's write management events,
// and if not, why.
func RecordsIAMEvents(t Trail) (bool, string) {
	if t.IncludeGlobalServiceEvents.Unknown || !t.IncludeGlobalServiceEvents.V {
		return false, "global service events are not included"
	}
	if t.Logging.Unknown || !t.Logging.V {
		return false, "logging is off"
	}
	attr, why, ok, unknown := recordsIAMWrites(t)
	if unknown {
		return false, attr + " is known only after apply"
	}
	return ok, why
}

// recordsIAMWrites applies the selectors. No selectors at all is CloudTrail's
// default: every management event is recorded. unknown reports that only a
// value known after apply (in attr) could make a selector record them: one
// selector that records them, or ones that cannot whatever their unknown
// values, decide without it.
func recordsIAMWrites(t Trail) (attr, why string, ok, unknown bool) {
	if len(t.AdvancedSelectors) > 0 {
		best := never
		for _, s := range t.AdvancedSelectors {
			best = max(best, s.recordsIAMWrites())
		}
		switch best {
		case surely:
			return "", "", true, false
		case perhaps:
			return "advanced_event_selector", "", false, true
		}
		why := "no advanced_event_selector records write management events from iam.amazonaws.com"
		for _, s := range t.AdvancedSelectors {
			if f := s.unjudgedField(); f != "" {
				why = fmt.Sprintf("no advanced_event_selector is known to record write management events from iam.amazonaws.com (one filters on %q, which iamguard cannot judge)", clip(f))
				break
			}
		}
		return "advanced_event_selector", why, false, false
	}
	if len(t.EventSelectors) == 0 {
		return "", "", true, false
	}
	best, attr := never, "event_selector"
	for _, s := range t.EventSelectors {
		if s.IncludeManagementEvents.Unknown && s.writes() != never {
			attr = "event_selector.include_management_events"
		}
		best = max(best, s.recordsIAMWrites())
	}
	switch best {
	case surely:
		return "", "", true, false
	case perhaps:
		return attr, "", false, true
	}
	return "event_selector", "no event_selector records write management events from iam.amazonaws.com (include_management_events false, read_write_type ReadOnly, or the source excluded)", false, false
}

// writes says whether the selector's read-write type and excluded sources
// let IAM's write management events through: one known already decides,
// an unknown one may go either way.
func (s EventSelector) writes() maybe {
	rw := s.ReadWriteType
	writes := known((s.TypeUnknown || rw == "" || rw == "All" || rw == "WriteOnly") && !slices.Contains(s.ExcludeManagementEventSources, iamSource))
	if writes == surely && (s.TypeUnknown || s.ExcludedUnknown) {
		writes = perhaps
	}
	return writes
}

// recordsIAMWrites says whether the selector records IAM's write management
// events: it lets them through, and includes management events.
func (s EventSelector) recordsIAMWrites() maybe {
	included := known(s.IncludeManagementEvents.V)
	if s.IncludeManagementEvents.Unknown {
		included = perhaps
	}
	return min(s.writes(), included)
}

// recordsIAMWrites says whether the selector records IAM's write management
// events: every field must let them through, and one must select the
// Management category.
func (s AdvancedSelector) recordsIAMWrites() maybe {
	management, all := never, surely
	for _, f := range s.Fields {
		var m maybe
		switch f.Field {
		case "eventCategory":
			m = f.matchesMaybe("Management")
			management = max(management, m)
		case "readOnly":
			m = f.matchesMaybe("false")
		case "eventSource":
			m = f.matchesMaybe(iamSource)
		default:
			// Any other field narrows what is recorded in a way iamguard
			// cannot judge (eventName, userIdentity.arn, a misspelt name):
			// the selector is not known to record all of IAM's writes. A
			// field whose name is known only after apply may be any: the
			// category, readOnly or the source, if its values allow.
			m = never
			if f.NameUnknown {
				category := min(f.matchesMaybe("Management"), perhaps)
				m = max(category, min(max(f.matchesMaybe("false"), f.matchesMaybe(iamSource)), perhaps))
				management = max(management, category)
			}
		}
		all = min(all, m)
	}
	return min(management, all)
}

// matchesMaybe is matches: never when a known condition fails, perhaps
// when only a condition known after apply could.
func (f FieldSelector) matchesMaybe(value string) maybe {
	switch {
	case !f.matches(value):
		return never
	case f.CondUnknown:
		return perhaps
	}
	return surely
}

// unjudgedField is the first field of a management-event selector that
// recordsIAMWrites cannot judge; "" for other selectors.
func (s AdvancedSelector) unjudgedField() string {
	if !slices.ContainsFunc(s.Fields, func(f FieldSelector) bool { return f.Field == "eventCategory" && f.matches("Management") }) {
		return ""
	}
	for _, f := range s.Fields {
		switch f.Field {
		case "eventCategory", "readOnly", "eventSource":
		default:
			return f.Field
		}
	}
	return ""
}

// matches reports whether value passes every condition of the field selector.
func (f FieldSelector) matches(value string) bool {
	anyOf := func(list []string, pred func(string) bool) bool { return slices.ContainsFunc(list, pred) }
	eq := func(p string) bool { return value == p }
	pre := func(p string) bool { return strings.HasPrefix(value, p) }
	suf := func(p string) bool { return strings.HasSuffix(value, p) }
	switch {
	case len(f.Equals) > 0 && !anyOf(f.Equals, eq),
		len(f.StartsWith) > 0 && !anyOf(f.StartsWith, pre),
		len(f.EndsWith) > 0 && !anyOf(f.EndsWith, suf),
		anyOf(f.NotEquals, eq), anyOf(f.NotStartsWith, pre), anyOf(f.NotEndsWith, suf):
		return false
	}
	return true
}

// TrailRemoval is the verdict on destroying a trail (IG704), as it stands
// (was; nil where the plan does not show it), given the best trail that
// takes its place (TrailRecording; NoReplacement when none does). One
// that surely records none of IAM's events (logging off, global service
// events left out, a single region they do not reach, selectors that keep
// them out) takes nothing away: its removal is the clean-up IG701, IG703
// or IG705 asks for (round 214).
func TrailRemoval(was *Trail, best Replacement) []Finding {
	switch {
	case best == SoundReplacement || was != nil && recordedNoIAMEvents(*was):
		return nil
	case best == PendingReplacement:
		return []Finding{{Rule: CloudTrailDeleted, Severity: Info,
			Message: "the trail that takes this one's place is known only after apply; " + CloudTrailDeleted.Name() + " cannot be judged until then"}}
	case best == ImpureReplacement:
		return []Finding{CloudTrailDeleted.finding("", "whether the trail that takes this one's place records IAM's events is chosen at apply by an impure function "+
			"such as timestamp() or uuid(), so %s cannot judge it and does not pass it (plantimestamp() is known when Terraform plans)", CloudTrailDeleted.Name())}
	}
	return []Finding{CloudTrailDeleted.finding("",
		"the trail is destroyed and not replaced: the IAM events it recorded stop being logged")}
}

// TrailReplaced is the verdict (IG704) on a trail that a replacement at
// its address destroys (was, as TrailRemoval takes it), given how surely
// the new one records IAM's events (TrailRecording): the same as its
// destruction beside a new trail at another address (round 350: a
// recording trail replaced by one that records nothing was IG703 info
// beside another trail that records, exit 0).
func TrailReplaced(was *Trail, best Replacement) []Finding {
	fs := TrailRemoval(was, best)
	for i := range fs {
		if best == NoReplacement && fs[i].Severity != Info {
			fs[i].Message = "the trail is replaced by one that does not record IAM's events: the IAM events it recorded stop being logged"
		}
	}
	return fs
}

// recordedNoIAMEvents reports whether a trail surely recorded none of IAM's
// events: each value that decides it read, and one of them keeping the
// events out, as no trail that takes a trail's place may (TrailRecording).
func recordedNoIAMEvents(t Trail) bool {
	for _, v := range []Value[bool]{t.IncludeGlobalServiceEvents, t.Logging, t.MultiRegion, t.Selectors} {
		if v.Unknown || v.Unreadable {
			return false
		}
	}
	return !t.HomeRegion.Unknown && !t.HomeRegion.Unreadable && TrailRecording(t, false) == NoReplacement
}

// TrailLeavesOrganization is the verdict (IG704) on a trail that was an
// organization trail before the plan (was), as now planned: made a trail
// of its own account, its copies in the member accounts are deleted, and
// their IAM events stop being logged, as if their trails were destroyed.
// A value before that cannot be read may have been one (round 190).
func TrailLeavesOrganization(was Value[bool], now Trail) []Finding {
	var out []Finding
	switch o := now.Organization; {
	case was.Unreadable && (o.Unknown || !o.V):
		out = append(out, CloudTrailDeleted.unknown("is_organization_trail", was))
	case !was.V || was.Unknown:
	case o.Unknown || o.Unreadable:
		out = append(out, CloudTrailDeleted.unknown("is_organization_trail", o))
	case !o.V:
		out = append(out, CloudTrailDeleted.finding("is_organization_trail",
			"is_organization_trail becomes false: the trail's copies in the organization's member accounts are deleted, and their IAM events stop being logged"))
	}
	return withhold(out, func(attr string) bool { return was.Sensitive || now.sensitive(attr) })
}

// TrailRecording judges how surely a trail that exists, or once it is made,
// records IAM's events, as one that takes the place of a trail destroyed
// (organization: the one destroyed was an organization trail, and so must
// this be): sound if it records them (global service events, logging, a
// selector that keeps IAM's writes, and every region or the one IAM's
// events go to), pending if only values known after apply could make it,
// impure if an impure function chooses them. An update in place that
// CloudTrail refuses leaves it as it was (round 240: a false IG704); a
// trail it refuses to make is the caller's to judge (see replacedTrail,
// linter.replacement).
func TrailRecording(t Trail, organization bool) Replacement {
	best := SoundReplacement
	// A value an impure function chooses at apply is judged, not left to
	// it (round 353: a trail's place taken by one logging when
	// timestamp() says so was info).
	check := func(known, ok, impure bool) {
		switch {
		case !known && impure:
			best = min(best, ImpureReplacement)
		case !known:
			best = min(best, PendingReplacement)
		case !ok:
			best = NoReplacement
		}
	}
	flag := func(v Value[bool]) { check(!v.Unknown, v.V, v.Impure) }
	flag(t.IncludeGlobalServiceEvents)
	flag(t.Logging)
	if organization {
		flag(t.Organization)
	}
	// One region records IAM's events where it is theirs, and then every
	// region does too (round 354: whether a trail in us-east-1 was multi-
	// region, chosen by an impure function, was a high IG704).
	switch home := t.HomeRegion; {
	case !t.MultiRegion.Unknown && t.MultiRegion.V:
	case !home.Unknown && home.V != "" && GlobalEventsRegion(home.V) != "" && !outsideIAMRegion(home.V):
	case t.MultiRegion.Unknown:
		check(false, false, t.MultiRegion.Impure)
	default:
		check(!home.Unknown && home.V != "" && GlobalEventsRegion(home.V) != "", false, home.Impure)
	}
	if t.Selectors.Unknown {
		check(false, false, t.Selectors.Impure)
	} else {
		_, _, ok, unknown := recordsIAMWrites(t)
		check(!unknown, ok, t.selectorsImpure())
	}
	return best
}

// CloudTrailNoIAMRecording is the runtime verdict on a whole account: no
// trail records IAM events (IG707).
var CloudTrailNoIAMRecording = &Rule{
	ID: "IG707", Slug: "cloudtrail-no-iam-recording", Severity: High,
	Event:     "StopLogging",
	Summary:   "No trail records IAM events",
	Rationale: "IAM is a global service: its events reach only a trail that is logging, is multi-region or lives in us-east-1, includes global service events and records write management events. Without one, no IAM change (a weakened password policy, a reactivated key) leaves a trace.",
	Remediation: Remediation{
		Console:   "CloudTrail > Trails > Create trail: apply to all regions, management events Read and Write; then Start logging.",
		CLI:       "aws cloudtrail create-trail --name iam-audit --s3-bucket-name BUCKET --is-multi-region-trail --include-global-service-events --enable-log-file-validation; aws cloudtrail start-logging --name iam-audit",
		Terraform: "Add an aws_cloudtrail with is_multi_region_trail = true, include_global_service_events = true, enable_logging = true and management events recorded (no event_selector, or one with read_write_type = \"All\").",
	},
	References: []string{"CIS AWS 3.1", "AWS FSBP CloudTrail.1"},
}

// USEast1 is where IAM, a global service, delivers its events in the
// commercial partition (see GlobalEventsRegion).
const USEast1 = "us-east-1"

// GlobalEventsRegion is where IAM delivers its events in the partition of
// region: us-east-1, or AWS GovCloud (US)'s us-gov-west-1 and China's
// cn-north-1; "" in the isolated and sovereign partitions (us-iso*,
// eu-iso*, eusc-), which iamguard does not know.
// ARNAccount is the account ID an ARN names
// (arn:PARTITION:SERVICE:REGION:ACCOUNT:...), or "" for none.
func ARNAccount(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return ""
	}
	return parts[4]
}

func GlobalEventsRegion(region string) string {
	switch {
	case strings.HasPrefix(region, "us-gov-"):
		return "us-gov-west-1"
	case strings.HasPrefix(region, "cn-"):
		return "cn-north-1"
	case strings.HasPrefix(region, "us-iso"), strings.HasPrefix(region, "eu-iso"), strings.HasPrefix(region, "eusc-"):
		return ""
	}
	return USEast1
}

// outsideIAMRegion reports whether a single-region trail in region is known
// to receive none of IAM's events: it is not where its partition's go.
func outsideIAMRegion(region string) bool {
	iam := GlobalEventsRegion(region)
	return region != "" && iam != "" && region != iam
}

// LiveTrail is a trail as CloudTrail reports it on the live account.
type LiveTrail struct {
	Name, ARN, HomeRegion string
	Organization          bool // an organization trail, possibly owned by the management account
	// ManagedElsewhere: an organization trail seen from a member account,
	// whose status and selectors only the management account can read.
	ManagedElsewhere bool
	// Unread names what of the trail could not be read ("status", "event
	// selectors", or both), refused or throttled: the trail is listed, and
	// not counted as recording IAM events on what it does not show.
	Unread string
	Trail  // the settings the plan rules judge
}

// TrailVerdict is the judgement on one live trail.
type TrailVerdict struct {
	RecordsIAMWrites bool   // its selectors record IAM's write management events
	RecordsIAM       bool   // it records IAM events: RecordsIAMEvents and reaches us-east-1
	Why              string // why not, when RecordsIAM is false
	Findings         []Finding
}

// EvaluateLiveTrails judges every trail as the linter judges a planned
// aws_cloudtrail (EvaluateTrail), and the account as a whole: recording is
// true when at least one trail records IAM events; otherwise the account gets
// an IG707 finding. An organization trail counts like the account's own;
// seen from a member account (ManagedElsewhere), on the settings this
// account can read.
func EvaluateLiveTrails(trails []LiveTrail) (recording bool, verdicts []TrailVerdict, account []Finding) {
	verdicts = make([]TrailVerdict, len(trails))
	var why []string
	for i, t := range trails {
		// What only the management account can read is its to judge: the
		// trail counts on what this account sees of it. What was refused
		// this account (Unread) is judged likewise, and the trail does not
		// count, managed elsewhere or not (round 306: an organization's
		// trail whose status was refused counted as recording).
		unread := t.Unread != ""
		if t.ManagedElsewhere || unread {
			if t.Logging.Unknown {
				t.Logging = Known(true)
			}
			if t.Selectors.Unknown {
				t.Selectors, t.EventSelectors, t.AdvancedSelectors = Value[bool]{}, nil, nil
			}
		}
		if t.HomeRegion != "" {
			t.Trail.HomeRegion = Known(t.HomeRegion)
		}
		v := TrailVerdict{Findings: EvaluateTrail(t.Trail)}
		_, _, v.RecordsIAMWrites, _ = recordsIAMWrites(t.Trail)
		v.RecordsIAM, v.Why = RecordsIAMEvents(t.Trail)
		if unread {
			v.RecordsIAMWrites, v.RecordsIAM, v.Why = false, false, "its "+t.Unread+" could not be read"
		}
		if iam := GlobalEventsRegion(t.HomeRegion); v.RecordsIAM && !t.MultiRegion.V && iam != "" && t.HomeRegion != iam {
			v.RecordsIAM, v.Why = false, "a single-region trail outside "+iam+" receives no global service events"
		}
		if v.RecordsIAM {
			recording = true
		} else {
			why = append(why, fmt.Sprintf("%s: %s", t.Name, v.Why))
		}
		verdicts[i] = v
	}
	if !recording {
		msg := "no trail is multi-region or lives where IAM's events are delivered, so IAM events are not recorded"
		if len(trails) > 0 {
			msg = "no trail records IAM events (" + strings.Join(why, "; ") + ")"
		}
		account = append(account, CloudTrailNoIAMRecording.finding("", "%s", msg))
	}
	return recording, verdicts, account
}
