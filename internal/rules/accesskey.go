package rules

import (
	"fmt"
	"strings"
	"time"
)

var accessKeyTypes = []string{"aws_iam_access_key"}

// Access-key rules.
var (
	AccessKeyReactivated = &Rule{
		ID: "IG201", Slug: "access-key-reactivated", Severity: High,
		Summary:   "An inactive access key is switched back on",
		Rationale: "Keys are deactivated because they leaked, were replaced or went unused; reactivating one revives a credential nobody is watching.",
		Remediation: Remediation{
			Console:   "IAM > Users > (user) > Security credentials: create a new key instead of activating the old one, then delete the old key.",
			CLI:       "aws iam create-access-key --user-name USER; aws iam delete-access-key --user-name USER --access-key-id OLD",
			Terraform: "Keep status = \"Inactive\" on the old aws_iam_access_key and add a new aws_iam_access_key resource for the user.",
		},
		References: []string{"CIS AWS 1.14", "AWS FSBP IAM.3"},
		Event:      "UpdateAccessKey", ResourceTypes: accessKeyTypes,
	}
	AccessKeySecretInState = &Rule{
		ID: "IG202", Slug: "access-key-secret-in-state", Severity: High,
		Summary:   "An access key's secret is stored in Terraform state",
		Rationale: "Without pgp_key, aws_iam_access_key keeps the plain secret (and SMTP password) in state, where everyone with state access can read it.",
		Remediation: Remediation{
			Console:   "Prefer roles (IAM Identity Center, OIDC federation) over long-lived keys.",
			CLI:       "Create keys out of band (aws iam create-access-key) and store the secret in a secrets manager.",
			Terraform: "Set pgp_key = \"keybase:USER\" (or a base64 public key) on aws_iam_access_key, or stop managing long-lived keys in Terraform.",
		},
		References: []string{"AWS FSBP IAM.3", "Terraform docs: aws_iam_access_key pgp_key"},
		Event:      "CreateAccessKey", ResourceTypes: accessKeyTypes,
	}
	AccessKeyMultipleActive = &Rule{
		ID: "IG203", Slug: "access-key-multiple-active", Severity: Medium,
		Summary:   "A user has more than one active access key",
		Rationale: "Two active keys should exist only briefly during rotation; left in place, the old one is a credential that keeps working after it is forgotten.",
		Remediation: Remediation{
			Console:   "IAM > Users > (user) > Security credentials: deactivate and delete the key that is no longer used.",
			CLI:       "aws iam update-access-key --status Inactive ...; aws iam delete-access-key ...",
			Terraform: "Set status = \"Inactive\" on, or remove, the older aws_iam_access_key of the user once rotation is done.",
		},
		References: []string{"CIS AWS 1.13"},
		Event:      "CreateAccessKey", ResourceTypes: accessKeyTypes,
	}
	AccessKeyNotRotated = &Rule{
		ID: "IG204", Slug: "access-key-not-rotated", Severity: Medium,
		Summary:   "An active access key is older than the baseline allows",
		Rationale: "The longer a key lives, the more places it has been copied to; rotation bounds the exposure of a leaked key.",
		Remediation: Remediation{
			Console:   "IAM > Users > (user) > Security credentials: create a new key, move consumers to it, deactivate and delete the old one.",
			CLI:       "aws iam create-access-key --user-name USER, then update-access-key --status Inactive and delete-access-key on the old key.",
			Terraform: "Add a new aws_iam_access_key for the user, switch consumers, then remove the old resource.",
		},
		References: []string{"CIS AWS 1.14", "AWS FSBP IAM.3"},
		Event:      "CreateAccessKey", ResourceTypes: accessKeyTypes,
	}
)

var accessKeyRules = []*Rule{AccessKeyReactivated, AccessKeySecretInState, AccessKeyMultipleActive, AccessKeyNotRotated}

// Days is the whole number of days from t to now, rounded down: 20 hours
// before is day -1. It counts in seconds, not in a time.Duration, which
// saturates past 292 years.
func Days(t, now time.Time) int {
	secs := now.Unix() - t.Unix()
	if now.Nanosecond() < t.Nanosecond() {
		secs-- // the part of a second left over is below zero
	}
	n := secs / 86400
	if secs < 0 && secs%86400 != 0 {
		n--
	}
	return int(n)
}

// AccessKeySecret judges whether a key's secret is stored in state (IG202):
// a key that CreateAccessKey makes keeps its secret there unless pgp_key
// encrypts it. noSecret says the state holds none: the key leaves state,
// or it was imported (AWS returns a secret only from CreateAccessKey).
// A sensitive pgp_key is not told to be empty (round 348).
func AccessKeySecret(pgpKey Value[string], noSecret bool) []Finding {
	var fs []Finding
	switch {
	case noSecret:
	case pgpKey.Unknown:
		fs = []Finding{AccessKeySecretInState.unknown("pgp_key", pgpKey)}
	case pgpKey.V == "":
		fs = []Finding{AccessKeySecretInState.finding("pgp_key",
			"pgp_key is not set: the secret access key and SMTP password are stored unencrypted in state")}
	}
	return withhold(fs, func(string) bool { return pgpKey.Sensitive })
}

// AccessKey is one access key of a user as either front end sees it.
type AccessKey struct {
	Name          string // names the key: key ID, plan address or report slot; never a secret
	Active        bool   // known to be Active
	StatusUnknown bool   // its status is known only after apply
	StatusImpure  bool   // and chosen then by an impure function (see Value.Impure)
	// StatusUnreadable: the source gives a status it does not define (IAM:
	// Active, Inactive, Expired), so whether the key is active is not known.
	StatusUnreadable bool
	// StatusSensitive: the plan marks its status sensitive, so which keys
	// are active is not shown.
	StatusSensitive bool
	// CreatedUnreadable: the plan's create_date is not a time iamguard can read.
	CreatedUnreadable bool
	Created           time.Time // created or last rotated; zero when not known yet
	// CreatedSensitive: the plan marks the creation date sensitive.
	CreatedSensitive bool
	// Live: read from IAM, not planned: its dates are IAM's, none of which
	// comes after IAM's clock (see lateDate).
	Live bool
	// CreatedMissing: the source, which always gives a key's creation date
	// (IAM's ListAccessKeys), gave none for this one.
	CreatedMissing bool
	// LastUsed is when the key was last used (zero: never). It is judged
	// (IG802) only when UsageKnown: a plan does not know a key's use.
	LastUsed   time.Time
	UsageKnown bool
}

// EvaluateAccessKeys judges one user's access keys as a set: IG204 and
// IG802 for each active key (IG204 at info for an old one whose status is
// known only after apply), with the key's Name as Subject, and IG203 once
// for the user, with the user's name as Subject. A key whose status is
// unreadable, or an active one whose creation date is missing, is an IG806
// finding naming the rules it leaves undecided.
func EvaluateAccessKeys(user Value[string], keys []AccessKey, now time.Time, b Baseline) []Finding {
	var active, maybe, unreadable []string // maybe: keys whose status is known only after apply
	var fs []Finding
	statusSensitive := false
	maybeStatus := UnknownValue[string]() // Impure when an impure function chooses one
	for _, k := range keys {
		if k.StatusUnreadable {
			unreadable = append(unreadable, k.Name)
		}
		status := UnknownValue[string]()
		status.Impure = k.StatusImpure
		if k.StatusUnknown {
			maybe = append(maybe, k.Name)
			maybeStatus.Impure = maybeStatus.Impure || k.StatusImpure
		}
		statusSensitive = statusSensitive || k.StatusSensitive
		if k.StatusUnknown && !k.Created.IsZero() && Days(k.Created, now) > b.AccessKeyMaxAgeDays {
			// Old enough for IG204, if it stays active.
			f := AccessKeyNotRotated.unknown("status", status)
			f.Subject = k.Name
			fs = append(fs, f)
		}
		if !k.Active {
			continue
		}
		active = append(active, k.Name)
		if k.CreatedUnreadable {
			f := AccessKeyNotRotated.unknown("create_date", UnreadableValue[string]())
			f.Subject = k.Name
			fs = append(fs, f)
		}
		if k.CreatedMissing {
			unjudged := []*Rule{AccessKeyNotRotated}
			if k.LastUsed.IsZero() { // never used (or not known): IG802 would judge its age
				unjudged = append(unjudged, CredentialUnused)
			}
			f := CheckIncomplete.finding("create_date", "access key %s has no creation date, so its age is not known; %s not judged", k.Name, Names(unjudged...))
			f.Subject = k.Name
			fs = append(fs, f)
		}
		// IAM records no creation or use after its own clock: such a date
		// would make the key look new or just used (round 286).
		createdLate, usedLate := k.Live && lateDate(k.Created, now), k.Live && k.UsageKnown && lateDate(k.LastUsed, now)
		if createdLate || usedLate {
			attr, what, unjudged := "last_used", "last use", []*Rule{CredentialUnused}
			if createdLate {
				attr, what, unjudged = "create_date", "creation date", []*Rule{AccessKeyNotRotated, CredentialUnused}
			}
			f := CheckIncomplete.finding(attr, "access key %s has a %s more than a day after IAM's clock, which cannot be right; %s not judged", k.Name, what, Names(unjudged...))
			f.Subject = k.Name
			fs = append(fs, f)
		}
		if !k.Created.IsZero() && !createdLate {
			if d := Days(k.Created, now); d > b.AccessKeyMaxAgeDays {
				f := AccessKeyNotRotated.finding("create_date", "access key is %s old; the baseline requires rotation every %s", days(d), days(b.AccessKeyMaxAgeDays))
				f.Subject = k.Name
				fs = append(fs, withhold([]Finding{f}, func(string) bool { return k.CreatedSensitive })...)
			}
		}
		if k.UsageKnown && !createdLate && !usedLate {
			if f, ok := UnusedCredential("access key "+k.Name, k.LastUsed, k.Created, now, b); ok {
				f.Subject = k.Name
				fs = append(fs, f)
			}
		}
	}
	for _, name := range unreadable {
		unjudged := []*Rule{AccessKeyNotRotated, CredentialUnused}
		if len(keys) > 1 && len(active) < 2 { // it may be the second active key
			unjudged = append([]*Rule{AccessKeyMultipleActive}, unjudged...)
		}
		f := CheckIncomplete.finding("status", "access key %s has a status other than Active, Inactive or Expired, so whether it is active is not known; %s not judged",
			name, Names(unjudged...))
		f.Subject = name
		fs = append(fs, f)
	}
	switch {
	case len(active) > 1:
		f := AccessKeyMultipleActive.finding("status", "user %s has %d active access keys: %s", user.Quote(), len(active), nameSome(active))
		if len(maybe) > 0 {
			f.Message += fmt.Sprintf("; and may have %d more, whose status is known only after apply: %s", len(maybe), nameSome(maybe))
		}
		f.Subject = user.V
		// Which keys are active, and how many, tells a sensitive status.
		fs = append(fs, withhold([]Finding{f}, func(string) bool { return statusSensitive })...)
	case len(active)+len(maybe) > 1:
		// Two or more may be active once applied: named, the ones known
		// active apart (round 252: the finding, on a key known active,
		// said only that its status was unknown).
		f := AccessKeyMultipleActive.unknown("status", maybeStatus)
		which := nameSome(maybe) + " known only after apply"
		if len(active) > 0 {
			which = nameSome(active) + " active; " + which
		}
		f.Message = fmt.Sprintf("user %s may have %d active access keys (%s): ", user.Quote(), len(active)+len(maybe), which) + f.Message
		f.Subject, f.valueFree = user.V, false
		fs = append(fs, withhold([]Finding{f}, func(string) bool { return statusSensitive })...)
	}
	return fs
}

// VagueUserKeys judges IG203 for the keys of a user whose name is known
// only after apply and read from where another user's may be too (a local,
// an input, a data source: see the linter's sourceUser), which
// EvaluateAccessKeys cannot tell apart from other users. When exactly one
// of its keys is or may be active, and the account holds other active keys
// (activeInAccount counts them all, these included), that key may be
// another user's second: IG203 at info, as the rule cannot decide until
// apply, or at its own severity when an impure function chooses the user
// (user.Impure). So for a user's name that cannot be read (user.Unreadable),
// which may be any user's. It returns that key's index in keys, or -1 for
// no finding.
// (With two or more, EvaluateAccessKeys gives IG203.)
func VagueUserKeys(user Value[string], keys []AccessKey, activeInAccount int) (int, Finding) {
	if activeInAccount < 2 {
		return -1, Finding{}
	}
	only := -1
	for j, k := range keys {
		if !k.Active && !k.StatusUnknown {
			continue
		}
		if only >= 0 {
			return -1, Finding{}
		}
		only = j
	}
	if only < 0 {
		return -1, Finding{}
	}
	return only, AccessKeyMultipleActive.unknown("user", Value[string]{Unknown: !user.Unreadable, Unreadable: user.Unreadable, Impure: user.Impure})
}

// FoldName is an IAM name as IAM compares it: user names are unique without
// regard to ASCII case. Only ASCII letters fold (IAM names are ASCII), so a
// look-alike such as the Kelvin sign is another name, as it is to IAM.
func FoldName(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; 'A' <= c && c <= 'Z' {
			b := []byte(name)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return name
}

// SameName reports whether two IAM names are one (see FoldName), without
// copying either.
func SameName(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// namedAtMost is how many names a message lists before it only counts.
const namedAtMost = 5

// nameSome lists names, the first few of them when there are many, so that a
// message stays short however many objects share the problem.
func nameSome(names []string) string {
	shown := make([]string, min(len(names), namedAtMost))
	for i := range shown {
		shown[i] = clip(names[i])
	}
	if len(names) <= namedAtMost {
		return strings.Join(shown, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(shown, ", "), len(names)-namedAtMost)
}
