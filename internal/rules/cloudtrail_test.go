package rules

import (
	"fmt"
	"strings"
	"testing"
)

// goodTrail records IAM events everywhere with integrity validation, and has
// no selectors (CloudTrail's default: all management events).
func goodTrail() Trail {
	return Trail{
		IncludeGlobalServiceEvents: Known(true),
		MultiRegion:                Known(true),
		Logging:                    Known(true),
		LogFileValidation:          Known(true),
	}
}

func trail(edit func(t *Trail)) Trail {
	t := goodTrail()
	edit(&t)
	return t
}

func basic(rw string, include Value[bool], excluded ...string) EventSelector {
	return EventSelector{ReadWriteType: rw, IncludeManagementEvents: include, ExcludeManagementEventSources: excluded}
}

func advanced(fields ...FieldSelector) AdvancedSelector { return AdvancedSelector{Fields: fields} }

var (
	management = FieldSelector{Field: "eventCategory", Equals: []string{"Management"}}
	dataEvents = FieldSelector{Field: "eventCategory", Equals: []string{"Data"}}
	s3Objects  = FieldSelector{Field: "resources.type", Equals: []string{"AWS::S3::Object"}}
)

const (
	msgBasic    = "no event_selector records write management events from iam.amazonaws.com (include_management_events false, read_write_type ReadOnly, or the source excluded)"
	msgAdvanced = "no advanced_event_selector records write management events from iam.amazonaws.com"
)

func TestEvaluateTrail(t *testing.T) {
	ig705basic := []want{{"IG705", High, "event_selector", msgBasic}}
	ig705adv := []want{{"IG705", High, "advanced_event_selector", msgAdvanced}}
	for _, c := range []struct {
		name string
		t    Trail
		want []want
	}{
		{name: "multi-region, validated, default selectors", t: goodTrail()},
		{name: "global service events off", t: trail(func(t *Trail) { t.IncludeGlobalServiceEvents = Known(false) }),
			want: []want{{"IG701", High, "include_global_service_events", "include_global_service_events is false: IAM events are not recorded by this trail"}}},
		{name: "single region", t: trail(func(t *Trail) { t.MultiRegion = Known(false) }),
			want: []want{{"IG702", Medium, "is_multi_region_trail", "is_multi_region_trail is false: the trail records one region only"}}},
		{name: "logging off", t: trail(func(t *Trail) { t.Logging = Known(false) }),
			want: []want{{"IG703", High, "enable_logging", "enable_logging is false: the trail records nothing"}}},
		{name: "log validation off", t: trail(func(t *Trail) { t.LogFileValidation = Known(false) }),
			want: []want{{"IG706", Medium, "enable_log_file_validation", "enable_log_file_validation is false: delivered log files cannot be verified"}}},
		{
			name: "everything off",
			t: Trail{IncludeGlobalServiceEvents: Known(false), MultiRegion: Known(false), Logging: Known(false),
				LogFileValidation: Known(false), EventSelectors: []EventSelector{basic("ReadOnly", Known(true))}},
			want: []want{
				{"IG701", High, "include_global_service_events", "include_global_service_events is false: IAM events are not recorded by this trail"},
				{"IG702", Medium, "is_multi_region_trail", "is_multi_region_trail is false: the trail records one region only"},
				{"IG703", High, "enable_logging", "enable_logging is false: the trail records nothing"},
				{"IG705", High, "event_selector", msgBasic},
				{"IG706", Medium, "enable_log_file_validation", "enable_log_file_validation is false: delivered log files cannot be verified"},
			},
		},
		{
			name: "every flag known only after apply",
			t: Trail{IncludeGlobalServiceEvents: UnknownValue[bool](), MultiRegion: UnknownValue[bool](), Logging: UnknownValue[bool](),
				LogFileValidation: UnknownValue[bool](), Selectors: UnknownValue[bool]()},
			want: []want{
				{"IG701", Info, "include_global_service_events", unknownMsg("include_global_service_events", "IG701", "cloudtrail-global-events-off")},
				{"IG702", Info, "is_multi_region_trail", unknownMsg("is_multi_region_trail", "IG702", "cloudtrail-single-region")},
				{"IG703", Info, "enable_logging", unknownMsg("enable_logging", "IG703", "cloudtrail-logging-off")},
				{"IG705", Info, "event_selector", unknownMsg("event_selector", "IG705", "cloudtrail-management-events-excluded")},
				{"IG706", Info, "enable_log_file_validation", unknownMsg("enable_log_file_validation", "IG706", "cloudtrail-log-validation-off")},
			},
		},

		// Basic event selectors.
		{name: "selector All", t: trail(func(t *Trail) { t.EventSelectors = []EventSelector{basic("All", Known(true))} })},
		{name: "selector with empty read_write_type", t: trail(func(t *Trail) { t.EventSelectors = []EventSelector{basic("", Known(true))} })},
		{name: "selector WriteOnly", t: trail(func(t *Trail) { t.EventSelectors = []EventSelector{basic("WriteOnly", Known(true))} })},
		{name: "selector ReadOnly", t: trail(func(t *Trail) { t.EventSelectors = []EventSelector{basic("ReadOnly", Known(true))} }),
			want: ig705basic},
		{name: "management events excluded", t: trail(func(t *Trail) { t.EventSelectors = []EventSelector{basic("All", Known(false))} }),
			want: ig705basic},
		{name: "iam.amazonaws.com excluded",
			t: trail(func(t *Trail) {
				t.EventSelectors = []EventSelector{basic("All", Known(true), "kms.amazonaws.com", "iam.amazonaws.com")}
			}),
			want: ig705basic},
		{name: "other sources excluded",
			t: trail(func(t *Trail) {
				t.EventSelectors = []EventSelector{basic("All", Known(true), "kms.amazonaws.com", "rdsdata.amazonaws.com")}
			})},
		{name: "a ReadOnly and a WriteOnly selector",
			t: trail(func(t *Trail) {
				t.EventSelectors = []EventSelector{basic("ReadOnly", Known(true)), basic("WriteOnly", Known(true))}
			})},
		{name: "data-only selector and a ReadOnly one",
			t: trail(func(t *Trail) {
				t.EventSelectors = []EventSelector{basic("All", Known(false)), basic("ReadOnly", Known(true))}
			}),
			want: ig705basic},
		{name: "include_management_events known only after apply",
			t: trail(func(t *Trail) { t.EventSelectors = []EventSelector{basic("All", UnknownValue[bool]())} }),
			want: []want{{"IG705", Info, "event_selector.include_management_events",
				unknownMsg("event_selector.include_management_events", "IG705", "cloudtrail-management-events-excluded")}}},
		{name: "unknown include_management_events beside a selector that records",
			t: trail(func(t *Trail) {
				t.EventSelectors = []EventSelector{basic("All", UnknownValue[bool]()), basic("All", Known(true))}
			})},
		{name: "unknown include_management_events on a ReadOnly selector decides nothing",
			t:    trail(func(t *Trail) { t.EventSelectors = []EventSelector{basic("ReadOnly", UnknownValue[bool]())} }),
			want: ig705basic},
		{name: "unknown include_management_events with iam excluded decides nothing",
			t: trail(func(t *Trail) {
				t.EventSelectors = []EventSelector{basic("All", UnknownValue[bool](), "iam.amazonaws.com")}
			}),
			want: ig705basic},

		// Advanced event selectors.
		{name: "advanced: all management events", t: trail(func(t *Trail) { t.AdvancedSelectors = []AdvancedSelector{advanced(management)} })},
		{name: "advanced: management write events",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(management, FieldSelector{Field: "readOnly", Equals: []string{"false"}})}
			})},
		{name: "advanced: management read events only",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(management, FieldSelector{Field: "readOnly", Equals: []string{"true"}})}
			}),
			want: ig705adv},
		{name: "advanced: readOnly not_equals false",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(management, FieldSelector{Field: "readOnly", NotEquals: []string{"false"}})}
			}),
			want: ig705adv},
		{name: "advanced: data events only",
			t:    trail(func(t *Trail) { t.AdvancedSelectors = []AdvancedSelector{advanced(dataEvents, s3Objects)} }),
			want: ig705adv},
		{name: "advanced: no eventCategory at all", t: trail(func(t *Trail) { t.AdvancedSelectors = []AdvancedSelector{advanced(s3Objects)} }),
			want: ig705adv},
		{name: "advanced: data events and management events",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(dataEvents, s3Objects), advanced(management)}
			})},
		{name: "advanced: iam.amazonaws.com excluded",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(management,
					FieldSelector{Field: "eventSource", NotEquals: []string{"kms.amazonaws.com", "iam.amazonaws.com"}})}
			}),
			want: ig705adv},
		{name: "advanced: other sources excluded",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(management,
					FieldSelector{Field: "eventSource", NotEquals: []string{"kms.amazonaws.com", "rdsdata.amazonaws.com"}})}
			})},
		{name: "advanced: only iam.amazonaws.com",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(management,
					FieldSelector{Field: "eventSource", Equals: []string{"iam.amazonaws.com"}})}
			})},
		{name: "advanced: only another source",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(management,
					FieldSelector{Field: "eventSource", Equals: []string{"s3.amazonaws.com"}})}
			}),
			want: ig705adv},
		{name: "advanced: iam excluded by prefix",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(management,
					FieldSelector{Field: "eventSource", NotStartsWith: []string{"iam."}})}
			}),
			want: ig705adv},
		{name: "advanced: eventCategory by prefix",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(FieldSelector{Field: "eventCategory", StartsWith: []string{"Manage"}})}
			})},
		{name: "advanced: eventCategory not_equals Management",
			t: trail(func(t *Trail) {
				t.AdvancedSelectors = []AdvancedSelector{advanced(FieldSelector{Field: "eventCategory", NotEquals: []string{"Management"}})}
			}),
			want: ig705adv},
		{name: "advanced selectors take precedence over basic ones",
			t: trail(func(t *Trail) {
				t.EventSelectors = []EventSelector{basic("All", Known(true))}
				t.AdvancedSelectors = []AdvancedSelector{advanced(dataEvents, s3Objects)}
			}),
			want: ig705adv},
	} {
		t.Run(c.name, func(t *testing.T) {
			assertFindings(t, EvaluateTrail(c.t), c.want)
		})
	}
}

func TestFieldSelectorMatches(t *testing.T) {
	for _, c := range []struct {
		f     FieldSelector
		value string
		want  bool
	}{
		{FieldSelector{}, "Management", true},
		{FieldSelector{Equals: []string{"Data", "Management"}}, "Management", true},
		{FieldSelector{Equals: []string{"Data"}}, "Management", false},
		{FieldSelector{NotEquals: []string{"Data"}}, "Management", true},
		{FieldSelector{NotEquals: []string{"Management"}}, "Management", false},
		{FieldSelector{StartsWith: []string{"Man"}}, "Management", true},
		{FieldSelector{StartsWith: []string{"Dat"}}, "Management", false},
		{FieldSelector{NotStartsWith: []string{"Man"}}, "Management", false},
		{FieldSelector{EndsWith: []string{".amazonaws.com"}}, "iam.amazonaws.com", true},
		{FieldSelector{EndsWith: []string{".aws"}}, "iam.amazonaws.com", false},
		{FieldSelector{NotEndsWith: []string{"amazonaws.com"}}, "iam.amazonaws.com", false},
		{FieldSelector{Equals: []string{"iam.amazonaws.com"}, NotEquals: []string{"iam.amazonaws.com"}}, "iam.amazonaws.com", false},
	} {
		if got := c.f.matches(c.value); got != c.want {
			t.Errorf("%+v matches(%q) = %v, want %v", c.f, c.value, got, c.want)
		}
	}
}

func TestRecordsIAMEvents(t *testing.T) {
	for _, c := range []struct {
		name string
		t    Trail
		ok   bool
		why  string
	}{
		{name: "good trail", t: goodTrail(), ok: true},
		{name: "single region, no validation still records IAM events",
			t: trail(func(t *Trail) { t.MultiRegion, t.LogFileValidation = Known(false), Known(false) }), ok: true},
		{name: "no global events", t: trail(func(t *Trail) { t.IncludeGlobalServiceEvents = Known(false) }),
			why: "global service events are not included"},
		{name: "global events unknown", t: trail(func(t *Trail) { t.IncludeGlobalServiceEvents = UnknownValue[bool]() }),
			why: "global service events are not included"},
		{name: "logging off", t: trail(func(t *Trail) { t.Logging = Known(false) }), why: "logging is off"},
		{name: "read-only selector", t: trail(func(t *Trail) { t.EventSelectors = []EventSelector{basic("ReadOnly", Known(true))} }),
			why: msgBasic},
		{name: "data-only advanced selector", t: trail(func(t *Trail) { t.AdvancedSelectors = []AdvancedSelector{advanced(dataEvents)} }),
			why: msgAdvanced},
		{name: "unknown include_management_events",
			t:   trail(func(t *Trail) { t.EventSelectors = []EventSelector{basic("All", UnknownValue[bool]())} }),
			why: "event_selector.include_management_events is known only after apply"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ok, why := RecordsIAMEvents(c.t)
			if ok != c.ok || why != c.why {
				t.Errorf("RecordsIAMEvents = %v, %q; want %v, %q", ok, why, c.ok, c.why)
			}
		})
	}
}

// TestAdvancedSelectorUnjudgedField: a management selector that also
// filters on a field iamguard cannot judge is not known to record IAM's
// writes (IG705), and the message says which field.
func TestAdvancedSelectorUnjudgedField(t *testing.T) {
	trail := func(fields ...FieldSelector) Trail {
		return Trail{IncludeGlobalServiceEvents: Known(true), MultiRegion: Known(true), Logging: Known(true), LogFileValidation: Known(true),
			AdvancedSelectors: []AdvancedSelector{{Fields: fields}}}
	}
	mgmt := FieldSelector{Field: "eventCategory", Equals: []string{"Management"}}
	if fs := EvaluateTrail(trail(mgmt)); len(fs) != 0 {
		t.Errorf("management events: %+v", fs)
	}
	for _, f := range []FieldSelector{{Field: "eventName", Equals: []string{"ConsoleLogin"}}, {Field: "eventsource", NotEquals: []string{"iam.amazonaws.com"}}} {
		fs := EvaluateTrail(trail(mgmt, f))
		if len(fs) != 1 || fs[0].Rule != CloudTrailManagementEventsExcluded || !strings.Contains(fs[0].Message, `"`+f.Field+`"`) {
			t.Errorf("management events filtered on %s: %+v", f.Field, fs)
		}
	}
}

// TestSingleRegionTrailOutsideUSEast1: such a trail records none of IAM's
// events, as serious as leaving global events out (IG702 at high).
func TestSingleRegionTrailOutsideUSEast1(t *testing.T) {
	trail := func(region Value[string]) Trail {
		return Trail{IncludeGlobalServiceEvents: Known(true), MultiRegion: Known(false), Logging: Known(true), LogFileValidation: Known(true), HomeRegion: region}
	}
	for region, want := range map[string]Severity{"eu-west-1": High, "us-east-1": Medium, "": Medium,
		"us-gov-west-1": Medium, "us-gov-east-1": High, "cn-north-1": Medium, "cn-northwest-1": High,
		"us-iso-east-1": Medium, "eusc-de-east-1": Medium} { // each partition's own region
		fs := EvaluateTrail(trail(Known(region)))
		if len(fs) != 1 || fs[0].Rule != CloudTrailSingleRegion || fs[0].Severity != want {
			t.Errorf("single-region trail in %q: %+v, want IG702 at %s", region, fs, want)
		}
	}
	if fs := EvaluateTrail(trail(UnknownValue[string]())); len(fs) != 1 || fs[0].Severity != Medium {
		t.Errorf("region known only after apply: %+v", fs)
	}
	// Only the home region sensitive: the message says so, and names it
	// (not is_multi_region_trail, which is shown).
	hidden := trail(Known("eu-west-1"))
	hidden.HomeRegion.Sensitive = true
	if fs := EvaluateTrail(hidden); len(fs) != 1 || fs[0].Severity != High ||
		fs[0].Message != "is_multi_region_trail is false and home_region is (sensitive), not the region IAM's events go to: the trail records none of them" {
		t.Errorf("home region sensitive: %+v", fs)
	}
	hidden.HomeRegion.V = "us-east-1"
	if fs := EvaluateTrail(hidden); len(fs) != 1 || fs[0].Message != "is_multi_region_trail is false: the trail records one region only" {
		t.Errorf("home region sensitive, where IAM's events go: %+v", fs)
	}
	// Single-region or not, chosen at apply by an impure function: the
	// rule's own severity, not what a single-region trail there would get,
	// nor its message (round 109).
	impure := trail(Known("eu-west-1"))
	impure.MultiRegion = Value[bool]{Unknown: true, Impure: true}
	if fs := EvaluateTrail(impure); len(fs) != 1 || fs[0].Severity != Medium || strings.Contains(fs[0].Message, "is false") {
		t.Errorf("multi-region chosen at apply: %+v", fs)
	}
}

// TestSelectorsPartlyUnknown: a value known only after apply leaves its
// selector undecided, and IG705 with it only when no other selector
// decides: one that records IAM's writes, or ones that cannot whatever
// their unknown values.
func TestSelectorsPartlyUnknown(t *testing.T) {
	sound := Trail{IncludeGlobalServiceEvents: Known(true), MultiRegion: Known(true), Logging: Known(true), LogFileValidation: Known(true)}
	field := func(name string, unknown bool, equals ...string) FieldSelector {
		return FieldSelector{Field: name, Equals: equals, NameUnknown: unknown && name == "", CondUnknown: unknown}
	}
	management := AdvancedSelector{Fields: []FieldSelector{field("eventCategory", false, "Management")}}
	reads := AdvancedSelector{Fields: []FieldSelector{field("eventCategory", false, "Management"), field("readOnly", false, "true")}}
	data := AdvancedSelector{Fields: []FieldSelector{field("eventCategory", false, "Data"), field("resources.ARN", true)}}
	unknownSource := AdvancedSelector{Fields: []FieldSelector{field("eventCategory", false, "Management"), field("eventSource", true)}}
	unknownName := AdvancedSelector{Fields: []FieldSelector{field("eventCategory", false, "Management"), field("", true)}}
	for name, c := range map[string]struct {
		adv   []AdvancedSelector
		basic []EventSelector
		want  string
	}{
		"management and unknown data":       {adv: []AdvancedSelector{management, data}, want: ""},
		"reads and unknown data":            {adv: []AdvancedSelector{reads, data}, want: "IG705:high"},
		"unknown data only":                 {adv: []AdvancedSelector{data}, want: "IG705:high"},
		"unknown source":                    {adv: []AdvancedSelector{reads, unknownSource}, want: "IG705:info"},
		"unknown field name":                {adv: []AdvancedSelector{unknownName}, want: "IG705:info"},
		"unknown source beside management":  {adv: []AdvancedSelector{unknownSource, management}, want: ""},
		"basic: unknown type, no mgmt":      {basic: []EventSelector{{TypeUnknown: true, IncludeManagementEvents: Known(false)}}, want: "IG705:high"},
		"basic: unknown type":               {basic: []EventSelector{{TypeUnknown: true, IncludeManagementEvents: Known(true)}}, want: "IG705:info"},
		"basic: unknown type beside writes": {basic: []EventSelector{{TypeUnknown: true, IncludeManagementEvents: Known(true)}, {ReadWriteType: "All", IncludeManagementEvents: Known(true)}}, want: ""},
		"basic: reads, unknown exclusions":  {basic: []EventSelector{{ReadWriteType: "ReadOnly", ExcludedUnknown: true, IncludeManagementEvents: Known(true)}}, want: "IG705:high"},
		"basic: iam excluded, unknown type": {basic: []EventSelector{{TypeUnknown: true, ExcludeManagementEventSources: []string{iamSource}, IncludeManagementEvents: Known(true)}}, want: "IG705:high"},
		"basic: unknown exclusions":         {basic: []EventSelector{{ExcludedUnknown: true, IncludeManagementEvents: Known(true)}}, want: "IG705:info"},
		"advanced: fields unknown":          {adv: []AdvancedSelector{{Fields: []FieldSelector{{NameUnknown: true, CondUnknown: true}}}}, want: "IG705:info"},
		// A known condition that already fails decides beside unknown ones.
		"source s3, unknown exclusion": {adv: []AdvancedSelector{{Fields: []FieldSelector{field("eventCategory", false, "Management"),
			{Field: "eventSource", Equals: []string{"s3.amazonaws.com"}, CondUnknown: true}}}}, want: "IG705:high"},
		"unknown field, values that fit none": {adv: []AdvancedSelector{{Fields: []FieldSelector{field("eventCategory", false, "Management"),
			{NameUnknown: true, Equals: []string{"true"}}}}}, want: "IG705:high"},
		"unknown field, iam's source": {adv: []AdvancedSelector{{Fields: []FieldSelector{field("eventCategory", false, "Management"),
			{NameUnknown: true, Equals: []string{iamSource}}}}}, want: "IG705:info"},
	} {
		tr := sound
		tr.AdvancedSelectors, tr.EventSelectors = c.adv, c.basic
		var got []string
		for _, f := range EvaluateTrail(tr) {
			got = append(got, f.Rule.ID+":"+f.Severity.String())
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: findings %q, want %q", name, got, c.want)
		}
	}
}

// TestTrailLeavesOrganization: an organization trail made a trail of its
// own account loses its copies in the member accounts (IG704), in place or
// replaced; a value known only after apply leaves it at info, a sensitive
// one unshown.
func TestTrailLeavesOrganization(t *testing.T) {
	sensitiveFalse := Known(false)
	sensitiveFalse.Sensitive = true
	for name, c := range map[string]struct {
		now  Value[bool]
		want Severity // when msg is set
		msg  string   // empty: no finding
	}{
		"stays":      {Known(true), Info, ""},
		"leaves":     {Known(false), High, "is_organization_trail becomes false"},
		"unknown":    {UnknownValue[bool](), Info, "known only after apply"},
		"unreadable": {UnreadableValue[bool](), Info, "cannot read"},
		"sensitive":  {sensitiveFalse, High, "is_organization_trail is (sensitive)"},
	} {
		fs := TrailLeavesOrganization(Known(true), trail(func(t *Trail) { t.Organization = c.now }))
		switch {
		case c.msg == "" && len(fs) != 0:
			t.Errorf("%s: %+v, want none", name, fs)
		case c.msg != "" && (len(fs) != 1 || fs[0].Rule != CloudTrailDeleted || fs[0].Severity != c.want || !strings.Contains(fs[0].Message, c.msg)):
			t.Errorf("%s: %+v, want IG704 at %s saying %q", name, fs, c.want, c.msg)
		}
	}
	// Not one before, or maybe one (a value that cannot be read, round 190).
	for _, c := range []struct {
		was, now Value[bool]
		want     string
	}{
		{Known(false), Known(false), ""},
		{UnknownValue[bool](), Known(false), ""},
		{UnreadableValue[bool](), Known(false), "IG704:info"},
		{UnreadableValue[bool](), UnknownValue[bool](), "IG704:info"},
		{UnreadableValue[bool](), Known(true), ""},
	} {
		got := ""
		for _, f := range TrailLeavesOrganization(c.was, trail(func(t *Trail) { t.Organization = c.now })) {
			got += f.Rule.ID + ":" + f.Severity.String()
		}
		if got != c.want {
			t.Errorf("was %+v, now %+v: %q, want %q", c.was, c.now, got, c.want)
		}
	}
	account := trail(func(t *Trail) { t.Organization = Known(false) })
	organization := trail(func(t *Trail) { t.Organization = Known(true) })
	pending := trail(func(t *Trail) { t.Organization = UnknownValue[bool]() })
	for _, c := range []struct {
		trail        Trail
		organization bool // the trail destroyed was one
		want         Replacement
	}{
		{account, false, SoundReplacement},
		{account, true, NoReplacement},
		{organization, true, SoundReplacement},
		{pending, true, PendingReplacement},
		{pending, false, SoundReplacement},
	} {
		if got := TrailRecording(c.trail, c.organization); got != c.want {
			t.Errorf("TrailRecording(organization %v, replacing one: %v) = %v, want %v", c.trail.Organization, c.organization, got, c.want)
		}
	}
}

// TestTrailRemoval: destroying a trail that recorded IAM's events, with
// nothing sound in its place, is IG704; one that surely recorded none of
// them is not (round 214), and one whose record cannot be read may have.
func TestTrailRemoval(t *testing.T) {
	for _, c := range []struct {
		name string
		was  Trail
		best Replacement
		want string
	}{
		{"recorded IAM's events", goodTrail(), NoReplacement, "IG704:high"},
		{"recorded them, replaced soundly", goodTrail(), SoundReplacement, ""},
		{"recorded them, replacement pending", goodTrail(), PendingReplacement, "IG704:info"},
		{"logging off", trail(func(t *Trail) { t.Logging = Known(false) }), NoReplacement, ""},
		{"global service events left out", trail(func(t *Trail) { t.IncludeGlobalServiceEvents = Known(false) }), NoReplacement, ""},
		{"one region IAM's events do not reach", trail(func(t *Trail) { t.MultiRegion, t.HomeRegion = Known(false), Known("eu-west-1") }), NoReplacement, ""},
		{"one region, IAM's", trail(func(t *Trail) { t.MultiRegion, t.HomeRegion = Known(false), Known("us-east-1") }), NoReplacement, "IG704:high"},
		{"one region, not known which", trail(func(t *Trail) { t.MultiRegion = Known(false) }), NoReplacement, "IG704:high"},
		{"no management events", trail(func(t *Trail) { t.EventSelectors = []EventSelector{basic("All", Known(false))} }), NoReplacement, ""},
		{"logging unreadable", trail(func(t *Trail) { t.Logging = UnreadableValue[bool]() }), NoReplacement, "IG704:high"},
		{"logging off, region unreadable", trail(func(t *Trail) { t.Logging, t.HomeRegion = Known(false), UnreadableValue[string]() }), NoReplacement, "IG704:high"},
		{"selectors unreadable", trail(func(t *Trail) {
			t.Selectors, t.EventSelectors = UnreadableValue[bool](), []EventSelector{basic("All", Known(false))}
		}), NoReplacement, "IG704:high"},
	} {
		got := ""
		for _, f := range TrailRemoval(&c.was, c.best) {
			got += f.Rule.ID + ":" + f.Severity.String()
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if got := TrailRemoval(nil, NoReplacement); len(got) != 1 || got[0].Rule != CloudTrailDeleted || got[0].Severity != High {
		t.Errorf("a trail the plan does not show as it stands: %+v, want IG704 high", got)
	}
}

// TestTrailNameRefused: CloudTrail's rules for a trail's name, which the
// AWS provider checks only for its length (round 233).
// TestTrailReplaced: a trail that recorded IAM's events, replaced by one
// that does not, is deleted (round 350: no IG704).
func TestTrailReplaced(t *testing.T) {
	recording := Trail{IncludeGlobalServiceEvents: Known(true), MultiRegion: Known(true), Logging: Known(true), HomeRegion: Known(USEast1)}
	off := recording
	off.Logging = Known(false)
	assertFindings(t, TrailReplaced(&recording, TrailRecording(off, false)), []want{{"IG704", High, "",
		"the trail is replaced by one that does not record IAM's events: the IAM events it recorded stop being logged"}})
	assertFindings(t, TrailReplaced(&recording, TrailRecording(recording, false)), nil)
	assertFindings(t, TrailReplaced(&off, TrailRecording(off, false)), nil) // it recorded nothing either
	if fs := TrailReplaced(&recording, PendingReplacement); len(fs) != 1 || fs[0].Severity != Info {
		t.Errorf("pending: %+v, want one info finding", fs)
	}
	// Round 353: logging an impure function chooses at apply is judged.
	impure := recording
	impure.Logging = Value[bool]{Unknown: true, Impure: true}
	if got := TrailRecording(impure, false); got != ImpureReplacement {
		t.Errorf("TrailRecording, logging impure = %v, want ImpureReplacement", got)
	}
	if fs := TrailReplaced(&recording, TrailRecording(impure, false)); len(fs) != 1 || fs[0].Severity != High || !strings.Contains(fs[0].Message, "impure") {
		t.Errorf("impure: %+v, want one high finding naming the impure function", fs)
	}
	// Round 358: a name an impure function chooses, which CloudTrail may
	// refuse, destroying first.
	named := recording
	named.Name = Value[string]{Unknown: true, Impure: true}
	if fs := TrailReplacedRefused(&recording, named); len(fs) != 1 || fs[0].Severity != High || fs[0].Attribute != "name" {
		t.Errorf("impure name: %+v, want one high finding on name", fs)
	}
	named.Name.Impure = false
	if fs := TrailReplacedRefused(&recording, named); len(fs) != 1 || fs[0].Severity != Info {
		t.Errorf("name known after apply: %+v, want one info finding", fs)
	}
}

func TestTrailNameRefused(t *testing.T) {
	for name, refused := range map[string]bool{
		"org-trail": false, "a.b_c-d": false, "abc": false, "ABC123": false, strings.Repeat("a", 128): false, "192.168.5.4x": false,
		"ab": true, strings.Repeat("a", 129): true, "": true,
		"old trail!": true, "-trail": true, "trail-": true, "trail.": true, "_trail": true,
		"my--trail": true, "my-_trail": true, "my..trail": true, "tra\til": true, "träil": true,
		"192.168.5.4": true,
	} {
		if got := TrailNameRefused(name) != ""; got != refused {
			t.Errorf("TrailNameRefused(%q) = %q, want refused %v", name, TrailNameRefused(name), refused)
		}
	}
}

// TestTrailRefused: a name or key prefix CloudTrail refuses, where the plan
// shows them (round 234: a prefix of 300 characters).
func TestTrailRefused(t *testing.T) {
	const group, role = "arn:aws:logs:us-east-1:123456789012:log-group:trail", "arn:aws:iam::123456789012:role/trail-logs"
	tags := func(n, key, value int) map[string]string {
		m := map[string]string{}
		for i := range n {
			k := fmt.Sprintf("%0*d", key, i)
			m[k] = strings.Repeat("v", value)
		}
		return m
	}
	for _, c := range []struct {
		trail   Trail
		refused bool
	}{
		{Trail{}, false},
		{Trail{Name: Known("org"), S3KeyPrefix: Known(strings.Repeat("p", 200))}, false},
		{Trail{Name: Known("org"), S3KeyPrefix: Known(strings.Repeat("p", 201))}, true},
		{Trail{Name: Known("o!")}, true},
		{Trail{Name: UnknownValue[string](), S3KeyPrefix: UnknownValue[string]()}, false},
		// Round 237: a log group without the log stream wildcard, a group
		// or a role alone, more than 50 tags.
		{Trail{LogGroup: Known(group + ":*"), LogRole: Known(role)}, false},
		{Trail{LogGroup: Known(group), LogRole: Known(role)}, true},
		{Trail{LogGroup: Known(group + ":*")}, true},
		{Trail{LogRole: Known(role)}, true},
		{Trail{LogGroup: Known(group + ":*"), LogRole: UnknownValue[string]()}, false},
		{Trail{LogGroup: UnknownValue[string](), LogRole: Known(role)}, false},
		{Trail{Tags: Known(tags(50, 128, 256))}, false},
		{Trail{Tags: Known(tags(51, 1, 1))}, true},
		{Trail{Tags: Known(tags(1, 129, 1))}, true},
		{Trail{Tags: Known(tags(1, 1, 257))}, true},
		{Trail{Tags: Value[map[string]string]{V: tags(51, 1, 1), Unknown: true}}, true}, // those known are too many already
		// Round 239: a name another trail keeps, a bucket name no bucket
		// has.
		{Trail{Name: Known("audit"), NameTaken: true}, true},
		{Trail{Bucket: Known("Legacy_Logs.2019")}, false},
		{Trail{Bucket: Known("logs/archive")}, true},
		{Trail{Bucket: Known("ab")}, true},
		// Round 349: a multi-region trail without global service events.
		{Trail{MultiRegion: Known(true)}, true},
		{Trail{MultiRegion: Known(true), IncludeGlobalServiceEvents: Known(true)}, false},
		{Trail{MultiRegion: UnknownValue[bool]()}, false},
		{Trail{MultiRegion: Known(true), IncludeGlobalServiceEvents: UnreadableValue[bool]()}, false},
	} {
		if why, _, _ := TrailRefused(c.trail); (why != "") != c.refused {
			t.Errorf("TrailRefused(%+v) = %q, want refused %v", c.trail, why, c.refused)
		}
	}
}

// TestRefusedWithheld: which rule a sensitive value breaks is not shown
// (round 236: a sensitive trail name's fault, and the range a sensitive
// length is outside, were).
func TestRefusedWithheld(t *testing.T) {
	secret := func(v string) Value[string] { return Value[string]{V: v, Sensitive: true} }
	for name, fs := range map[string][]Finding{
		"trail name":         TrailReplacedRefused(nil, Trail{Name: secret("old trail!")}),
		"trail prefix":       TrailReplacedRefused(nil, Trail{Name: Known("org"), S3KeyPrefix: secret(strings.Repeat("p", 201))}),
		"trail log group":    TrailReplacedRefused(nil, Trail{Name: Known("org"), LogGroup: secret("arn:aws:logs:us-east-1:1:log-group:letter128")}),
		"trail multi-region": TrailReplacedRefused(nil, Trail{Name: Known("org"), MultiRegion: Value[bool]{V: true, Sensitive: true}}),
		"trail global events": TrailReplacedRefused(nil, Trail{Name: Known("org"), MultiRegion: Known(true),
			IncludeGlobalServiceEvents: Value[bool]{Sensitive: true}}),
		"policy length": PasswordPolicyReplacedRefused(PasswordPolicy{MinimumLength: Value[int]{V: 200, Sensitive: true},
			ReusePrevention: Known(24), MaxAgeDays: Known(90)}),
	} {
		if len(fs) != 1 || fs[0].Severity == Info || !strings.Contains(fs[0].Message, "(sensitive)") ||
			strings.Contains(fs[0].Message, "128") || strings.Contains(fs[0].Message, "letter") || strings.Contains(fs[0].Message, "200") {
			t.Errorf("%s: %+v, want one finding that withholds why", name, fs)
		}
	}
}
