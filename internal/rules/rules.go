// Package rules is iamguard's rule catalogue: every rule's identity, metadata
// and the pure evaluators that judge IAM facts against a Baseline. It knows
// nothing of Terraform plans or the AWS SDK; the linter and the provider both
// translate their inputs into the value types here and get the same findings.
package rules

import (
	"fmt"
	"sort"
	"strings"
)

// Severity orders findings from info (lowest) to critical (highest).
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{"info", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if s < Info || s > Critical {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// MarshalText renders the severity by name, so JSON and HCL see "high".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(name, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want one of %s)", name, SeverityNames())
}

// SeverityNames lists the severities' names, lowest first: "info, low, ...".
func SeverityNames() string { return strings.Join(severityNames[:], ", ") }

// Remediation says how to fix a finding in each place users make changes.
type Remediation struct {
	Console   string `json:"console"`
	CLI       string `json:"cli"`
	Terraform string `json:"terraform"`
}

// Rule is one entry of the catalogue. IDs are stable: add, never renumber.
type Rule struct {
	ID            string      `json:"id"`
	Slug          string      `json:"slug"`
	Severity      Severity    `json:"severity"`
	Summary       string      `json:"summary"`
	Rationale     string      `json:"rationale"`
	Remediation   Remediation `json:"remediation"`
	References    []string    `json:"references"`
	Event         string      `json:"event"`          // CloudTrail event name the rule guards
	ResourceTypes []string    `json:"resource_types"` // Terraform resource types judged; empty for runtime-only rules
}

// Finding is one rule firing on one subject.
type Finding struct {
	Rule      *Rule
	Severity  Severity // usually Rule.Severity; Info when a value is unknown until apply
	Attribute string   // the attribute at fault, if one
	Message   string   // names what is wrong, never secret material
	// Subject names what the finding is about when one evaluation covers
	// several objects (a user's keys, an account's SSH keys); else "".
	Subject string
	// valueFree: the message tells nothing drawn from any value (the
	// attribute is known only after apply or unreadable; a bound of
	// iamguard's own is reached), so withhold keeps it. Only undecided
	// sets it.
	valueFree bool
	// unrefreshed: an IG805 for a report IAM could not refresh, so the
	// facts since it was made were not read (see Gap).
	unrefreshed bool
	// withheld: withhold put the rule's summary in place of the message
	// (see Withheld).
	withheld bool
}

// Withheld reports whether the message is the rule's summary in place of
// one that drew on a sensitive value: several findings of one rule on one
// attribute may then read alike.
func (f Finding) Withheld() bool { return f.withheld }

// Gap reports whether the finding says that facts could not be read: an
// IG806, or an IG805 for a credential report left old because a fresh one
// could not be generated (GenerateCredentialReport denied, throttled or
// failed). What was not read was not judged, so the provider never counts
// such a finding compliant, whatever compliant_at says.
func (f Finding) Gap() bool { return f.Rule == CheckIncomplete || f.unrefreshed }

// finding builds a finding at the rule's own severity.
func (r *Rule) finding(attr, format string, args ...any) Finding {
	msg := format // a fixed message is shared, not copied per finding
	if len(args) > 0 || strings.Contains(format, "%") {
		msg = fmt.Sprintf(format, args...)
	}
	return Finding{Rule: r, Severity: r.Severity, Attribute: attr, Message: msg}
}

// unknown builds the info finding for an attribute without a definite
// value: known only after apply, or unreadable, so the rule cannot decide.
// A value an impure function chooses at apply (Value.Impure) is a finding
// at the rule's severity instead.
func (r *Rule) unknown(attr string, v uncertain) Finding {
	switch {
	case v.unreadable():
		return r.undecided(attr, "%s holds a value iamguard cannot read as the provider would; %s cannot be judged", attr, r.Name())
	case v.impure():
		f := r.undecided(attr, "%s is known only after apply, though it reads nothing unknown at plan: an impure function such as timestamp() or uuid() "+
			"chooses it then, so %s cannot judge it and does not pass it (plantimestamp() is known when Terraform plans)", attr, r.Name())
		f.Severity = r.Severity
		return f
	}
	return r.undecided(attr, "%s is known only after apply; %s cannot be judged until then", attr, r.Name())
}

// undecided builds an info finding saying why the rule cannot decide, in a
// message that tells nothing of any value (its arguments are attribute
// names, rule names, iamguard's own bounds): the one finding withhold
// leaves as it is, the attribute's value sensitive or not.
func (r *Rule) undecided(attr, format string, args ...any) Finding {
	f := r.finding(attr, format, args...)
	f.Severity, f.valueFree = Info, true
	return f
}

// withhold replaces the message of each finding drawn from a sensitive
// value (sensitive says which attributes are), whatever its severity: the
// value is judged, but nothing taken from it is shown. Only a finding built
// by undecided, whose message tells of no value, keeps its message.
func withhold(fs []Finding, sensitive func(attr string) bool) []Finding {
	return withholdAs(fs, func(attr string) (string, bool) { return attr, sensitive(attr) })
}

// withholdAs is withhold where the value that makes a finding on attr
// sensitive may be another attribute's, which the message names (round
// 309: a chain finding withheld for a sensitive body blamed the chain).
func withholdAs(fs []Finding, sensitive func(attr string) (string, bool)) []Finding {
	for i, f := range fs {
		name, ok := sensitive(f.Attribute)
		switch {
		case f.valueFree || !ok:
		case f.Severity == Info: // a note, not the rule's verdict: its summary would overstate it
			fs[i].Message = fmt.Sprintf("%s is %s, so what %s notes of it is not shown", attrName(name), redacted, f.Rule.Name())
			fs[i].withheld = true
		default:
			fs[i].Message = fmt.Sprintf("%s; %s is %s, so the details are not shown", f.Rule.Summary, attrName(name), redacted)
			fs[i].withheld = true
		}
	}
	return fs
}

// attrName names a finding's attribute in prose, or the value it draws on
// when it names none.
func attrName(attr string) string {
	if attr == "" {
		return "the value it draws on"
	}
	return attr
}

// Name is how prose names a rule: "IG101 (password-min-length)".
func (r *Rule) Name() string { return r.ID + " (" + r.Slug + ")" }

// Names names several rules in prose, for messages and descriptions, so
// that no front end spells a rule ID itself.
func Names(rs ...*Rule) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name()
	}
	return strings.Join(names, ", ")
}

// Reactivation judges a credential's status on an update (IG201, IG405,
// IG503; r is the rule of the credential's kind): switching a dormant
// credential (Inactive, or Expired: IAM's other status) back to Active
// revives one nobody watches.
func Reactivation(r *Rule, before, after Value[string]) []Finding {
	dormant := !before.Unknown && (before.V == "Inactive" || before.V == "Expired")
	if dormant && after.Unknown && !after.Unreadable {
		return []Finding{r.unknown("status", after)} // a dormant credential may be switched on
	}
	// One side unreadable and the other as a reactivation would have it,
	// or may have it: it may be one, and nothing here can say.
	if before.Unreadable && (after.Unknown || after.V == "Active") || after.Unreadable && dormant {
		return []Finding{r.unknown("status", UnreadableValue[string]())}
	}
	if !dormant || after.Unknown || after.V != "Active" {
		return nil
	}
	return withhold([]Finding{r.finding("status", "status changes from %s to Active", before.V)},
		func(string) bool { return before.Sensitive || after.Sensitive })
}

// CreatedStatus is the status a credential the plan creates or uploads has
// once applied, given the status its configuration asks for (s). IAM makes
// each one Active, and the provider then sets the status asked for: an
// access key's only when that is Inactive (Expired leaves it Active), an
// SSH key's or signing certificate's whatever it is, and IAM refuses one it
// does not define ("inactive", "Inactive "), which leaves it Active too
// (round 233). refused tells that s is such a status, or Expired on an
// access key.
func CreatedStatus(accessKey bool, s Value[string]) (status Value[string], refused bool) {
	if s.Unreadable || accessKey && !s.Unknown && s.V == "Expired" {
		return Value[string]{V: "Active", Sensitive: s.Sensitive}, true
	}
	return s, false
}

// Reupload judges the upload of an SSH key or signing certificate (IG405,
// IG503) against a dormant one (was: Inactive or Expired) that holds the
// same key or certificate. That material is the credential: uploaded
// again, alone or as the new half of a replacement, it is back as an
// update of its status would bring it back, whether the plan deletes,
// forgets, keeps or reactivates the dormant one (fate: "deletes",
// "forgets", "keeps", "reactivates").
// from is the dormant one's address when it is not the upload's own.
// material is the upload's key or certificate: known only after apply, it
// may be the dormant one's, which Reupload is only called with when there
// is one. after is the status the upload asks for (see CreatedStatus).
func Reupload(r *Rule, material Value[string], attr, from, fate string, was, after Value[string]) []Finding {
	after, refused := CreatedStatus(false, after)
	if material.Unknown {
		if !after.Unknown && after.V != "Active" {
			return nil
		}
		return []Finding{r.unknown(attr, material)}
	}
	fs := Reactivation(r, was, after)
	if from != "" && len(fs) == 1 && fs[0].Severity != Info && !was.Sensitive && !after.Sensitive {
		fs[0].Attribute = attr
		how := fate + " while " + was.V
		if fate == "reactivates" {
			how = "switches back on, " + was.V + " before it"
		}
		fs[0].Message = fmt.Sprintf("%s holds the key of %s, which this plan %s: uploaded again, it is Active again", attr, from, how)
	}
	if refused && len(fs) == 1 && fs[0].Severity != Info && !after.Sensitive {
		fs[0].Message += "; the status the plan asks for is none IAM takes (Active, Inactive, Expired), so it stays Active"
	}
	return fs
}

// catalogue is the explicit registry: one slice per rule group.
var catalogue = concat(passwordRules, accessKeyRules, loginProfileRules, cloudTrailRules, runtimeRules, certificateRules, sshKeyRules, signingCertificateRules, eventRules)

var byID = func() map[string]*Rule {
	m := make(map[string]*Rule, len(catalogue))
	for _, r := range catalogue {
		if _, dup := m[r.ID]; dup {
			panic("rules: duplicate rule ID " + r.ID)
		}
		m[r.ID] = r
	}
	return m
}()

func concat(groups ...[]*Rule) []*Rule {
	var all []*Rule
	for _, g := range groups {
		all = append(all, g...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all
}

// All returns the catalogue ordered by ID. Callers must not modify it.
func All() []*Rule { return catalogue }

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *Rule { return byID[id] }
