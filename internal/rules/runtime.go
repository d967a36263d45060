package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Runtime-only rules (IG8xx): the provider judges them on the live account;
// no planned resource carries these facts.
var (
	ConsoleUserNoMFA = &Rule{
		ID: "IG801", Slug: "console-user-no-mfa", Severity: High,
		Summary:   "A user with a console password has no MFA device",
		Rationale: "A console password alone falls to phishing and reuse; MFA stops a stolen password from being enough to sign in.",
		Remediation: Remediation{
			Console:   "IAM > Users > (user) > Security credentials > Assign MFA device.",
			CLI:       "aws iam create-virtual-mfa-device ...; aws iam enable-mfa-device --user-name USER --serial-number ARN --authentication-code1 ... --authentication-code2 ...",
			Terraform: "Terraform cannot enable a user's MFA device (aws_iam_virtual_mfa_device also keeps its seed in state): have the user assign one in the console, or remove the user's aws_iam_user_login_profile.",
		},
		References: []string{"CIS AWS 1.10", "AWS FSBP IAM.5"},
		Event:      "DeactivateMFADevice",
	}
	CredentialUnused = &Rule{
		ID: "IG802", Slug: "credential-unused", Severity: Medium,
		Summary:   "A password or active access key has gone unused for longer than the baseline allows",
		Rationale: "Credentials nobody uses are credentials nobody watches; a never-used credential counts from the day it was issued.",
		Remediation: Remediation{
			Console:   "IAM > Users > (user) > Security credentials: deactivate the unused access key, or remove the console password.",
			CLI:       "aws iam update-access-key --user-name USER --access-key-id ID --status Inactive; aws iam delete-login-profile --user-name USER",
			Terraform: "Set status = \"Inactive\" on (or remove) the aws_iam_access_key, or remove the aws_iam_user_login_profile.",
		},
		References: []string{"CIS AWS 1.12", "AWS FSBP IAM.8", "AWS FSBP IAM.22"},
		Event:      "UpdateAccessKey",
	}
	RootAccessKey = &Rule{
		ID: "IG803", Slug: "root-access-key", Severity: Critical,
		Summary:   "The root user has an active access key",
		Rationale: "Root keys cannot be limited by any policy; a leaked one is the whole account.",
		Remediation: Remediation{
			Console:   "Sign in as root > Security credentials > Access keys: deactivate and delete every key.",
			CLI:       "Use the root user's own credentials once: aws iam delete-access-key --access-key-id ID",
			Terraform: "Terraform cannot manage root keys; delete them in the console and use roles instead.",
		},
		References: []string{"CIS AWS 1.4", "AWS FSBP IAM.4"},
		Event:      "CreateAccessKey",
	}
	RootNoMFA = &Rule{
		ID: "IG804", Slug: "root-no-mfa", Severity: Critical,
		Summary:   "The root user can sign in or sign requests and has no MFA device",
		Rationale: "The root user can do anything, including closing the account; its password must not be the only factor. A root user without a password, access key or signing certificate (an AWS Organizations member account whose root credentials were removed) cannot sign in, so it is not judged.",
		Remediation: Remediation{
			Console:   "Sign in as root > Security credentials > Multi-factor authentication: assign a (preferably hardware) MFA device.",
			CLI:       "Not possible for root: use the console.",
			Terraform: "Not possible for root: use the console.",
		},
		// It checks that an MFA device is active (mfa_active,
		// AccountMFAEnabled), not that it is a hardware device, so CIS
		// 1.6 (hardware MFA for root) is not claimed.
		References: []string{"CIS AWS 1.5", "AWS FSBP IAM.9"},
		Event:      "DeactivateMFADevice",
	}
	CredentialReportStale = &Rule{
		ID: "IG805", Slug: "credential-report-stale", Severity: Low,
		Summary:   "The credential report used is older than the baseline allows",
		Rationale: "Findings drawn from an old report miss credentials created or used since. IAM regenerates a report older than four hours on request, so on a sound account an old report is read only when GenerateCredentialReport was denied or failed; one served old after IAM said it was complete is judged the same way. A report without a generation time, or one dated after IAM's clock, has no known age: that is an IG806 (check-incomplete) finding.",
		Remediation: Remediation{
			Console:   "Grant iam:GenerateCredentialReport to the identity Terraform uses, or download a fresh report under IAM > Credential report.",
			CLI:       "aws iam generate-credential-report, then aws iam get-credential-report",
			Terraform: "Add iam:GenerateCredentialReport to the policy of the role the iamguard provider uses, then re-run terraform plan.",
		},
		References: []string{"AWS IAM user guide: credential reports"},
		Event:      "GenerateCredentialReport",
	}
	CheckIncomplete = &Rule{
		ID: "IG806", Slug: "check-incomplete", Severity: Medium,
		Summary:   "Some IAM facts could not be read, so the check is incomplete",
		Rationale: "A permission gap or throttling must not pass for a clean account: what was not read was not judged.",
		Remediation: Remediation{
			Console:   "Grant the missing read-only permission named in the message to the identity Terraform uses.",
			CLI:       "aws iam attach-role-policy (or put-role-policy) adding the named iam:Get*/List* action.",
			Terraform: "Add the named action to the policy of the role the iamguard provider uses.",
		},
		References: []string{"AWS IAM user guide: actions for IAM"},
		Event:      "DetachRolePolicy", // how a reader's permission usually goes missing
	}
	RootUsedRecently = &Rule{
		ID: "IG807", Slug: "root-used-recently", Severity: High,
		Summary:   "The root user's password or an access key of root was used within the baseline's window",
		Rationale: "Root should be used only for the few tasks that need it; any recent use is worth a look, and everyday use means the account's strongest credential is exposed every day.",
		Remediation: Remediation{
			Console:   "Find who signed in as root (CloudTrail, event ConsoleLogin with userIdentity.type Root), give them an IAM role or Identity Center user for the task, and delete root's access keys.",
			CLI:       "aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root",
			Terraform: "Give the tasks done as root an IAM role (aws_iam_role) or an IAM Identity Center permission set instead.",
		},
		References: []string{"CIS AWS 1.7"},
		Event:      "ConsoleLogin",
	}
)
var runtimeRules = []*Rule{ConsoleUserNoMFA, CredentialUnused, RootAccessKey, RootNoMFA, CredentialReportStale, CheckIncomplete, RootUsedRecently}

// CredentialUser is a user's credentials as the credential report shows
// them. Zero times mean never or not known; a flag the report gives no value
// for (N/A, not_supported, no_information) is Unknown.
type CredentialUser struct {
	Name                string
	Root                bool
	Created             time.Time
	PasswordEnabled     Value[bool]
	PasswordLastUsed    time.Time
	PasswordLastChanged time.Time
	MFAActive           Value[bool]
	// Keys are the report slots access_key_1 and _2, Name the slot, with
	// UsageKnown; a zero Created is a last_rotated the report left out.
	Keys []AccessKey
	// KeysUnknown names the slots whose access_key_N_active has no value.
	KeysUnknown []string
	// Certificates are the slots cert_1 and cert_2: whether each is active.
	Certificates []Value[bool]
	// CertificatesListed counts the cert slots that hold a certificate,
	// active or not (a cert_N_last_rotated date).
	CertificatesListed int
}

// AccountSummary is what GetAccountSummary says about the root user now;
// the credential report may be up to four hours old. Known is false when it
// could not be read.
type AccountSummary struct {
	Known                      bool
	MFAEnabled                 bool // AccountMFAEnabled
	AccessKeysPresent          bool // AccountAccessKeysPresent (active or not)
	SigningCertificatesPresent bool // AccountSigningCertificatesPresent
	// PasswordPresent is AccountPasswordPresent, PasswordShown whether the
	// reply holds it: whether the root user has a console password. On AWS
	// the credential report never says (root's password_enabled is
	// not_supported), so this is how root's password is known.
	PasswordPresent, PasswordShown bool
	Users                          int // IAM users, the root user not counted; -1 when the reply gives no count
}

// password is what s says of root's password: Unknown unless it shows it.
func (s AccountSummary) password() Value[bool] {
	if !s.Known || !s.PasswordShown {
		return UnknownValue[bool]()
	}
	return Known(s.PasswordPresent)
}

// RootUserName is the credential report's name for the root user's row.
const RootUserName = "<root_account>"

// EvaluateCredentialReport judges every row of a credential report:
// EvaluateRoot for the root user's row, EvaluateCredentialUser for the
// others, and EvaluateRootUnlisted when no row is the root user's. Each
// finding's Subject is the user, or user/access_key_N for a finding about
// one of the user's keys.
func EvaluateCredentialReport(users []CredentialUser, s AccountSummary, now time.Time, b Baseline) []Finding {
	var out []Finding
	if !slices.ContainsFunc(users, func(u CredentialUser) bool { return u.Root }) {
		for _, f := range EvaluateRootUnlisted(s) {
			f.Subject = RootUserName
			out = append(out, f)
		}
	}
	for _, u := range users {
		var fs []Finding
		if u.Root {
			fs = EvaluateRoot(u, s, now, b)
		} else {
			fs = EvaluateCredentialUser(u, now, b)
		}
		for _, f := range fs {
			switch f.Subject {
			case "", u.Name:
				f.Subject = u.Name
			default: // one of the user's keys
				f.Subject = u.Name + "/" + f.Subject
			}
			out = append(out, f)
		}
	}
	return out
}

// EvaluateRoot judges the root user's row (IG803, IG804, IG807), cross-
// checked with the live account summary s when it is Known: a key the
// summary shows and the report does not list is an IG803 finding.
//
// Root's MFA is judged only when root can sign in or sign requests: it has a
// password, an active access key or an active signing certificate, or the
// summary shows keys or certificates the report does not. A root user with
// none of them (an AWS Organizations member account without root
// credentials) passes, as AWS Config's root-account-mfa-enabled reports
// NOT_APPLICABLE there.
func EvaluateRoot(u CredentialUser, s AccountSummary, now time.Time, b Baseline) []Finding {
	var out []Finding
	var keys, certs []string
	// A use the report records happened, whether or not the key is gone
	// since: judged before the summary takes the report's keys away.
	used := RootUse(u, now, b)
	// The summary is live: with no key or certificate now, the report's,
	// up to four hours old, are gone.
	if s.Known && !s.AccessKeysPresent {
		u.Keys, u.KeysUnknown = nil, nil
	}
	if s.Known && !s.SigningCertificatesPresent {
		u.Certificates = nil
	}
	for _, k := range u.Keys {
		if k.Active {
			keys = append(keys, k.Name)
		}
	}
	// The summary counts keys and certificates active or not; one the
	// report does not list at all was added since the report was made, and
	// is judged on the safe side, as active.
	listedKeys := 0
	for _, k := range u.Keys {
		if !k.Created.IsZero() {
			listedKeys++
		}
	}
	unlistedKey := s.Known && listedKeys == 0 && s.AccessKeysPresent
	switch {
	case len(keys) > 0:
		out = append(out, RootAccessKey.finding("access_key", "the root user has %d active access key(s): %s", len(keys), strings.Join(keys, ", ")))
	case unlistedKey:
		out = append(out, RootAccessKey.finding("access_key", "the root user has an access key, active or not, that the account summary shows "+
			"and the credential report, up to four hours old, does not list yet"))
	}
	var certsUnknown []string // slots whose cert_N_active has no value
	for i, c := range u.Certificates {
		switch {
		case c.Unknown:
			certsUnknown = append(certsUnknown, fmt.Sprintf("cert_%d", i+1))
		case c.V:
			certs = append(certs, fmt.Sprintf("cert_%d", i+1))
		}
	}
	password := s.password() // live, where the report has not_supported
	if password.Unknown {
		password = u.PasswordEnabled
	}
	var can []string // what lets root sign in or sign requests
	if password.V && !password.Unknown {
		can = append(can, "a password")
	}
	if len(keys) > 0 {
		can = append(can, "active access key(s) "+strings.Join(keys, ", "))
	}
	if len(certs) > 0 {
		can = append(can, "active signing certificate(s) "+strings.Join(certs, ", "))
	}
	if unlistedKey {
		can = append(can, "an access key (the account summary shows one the report does not list)")
	}
	if s.Known && u.CertificatesListed == 0 && s.SigningCertificatesPresent {
		can = append(can, "a signing certificate (the account summary shows one the report does not list)")
	}
	mfa := u.MFAActive
	if s.Known { // the summary is live, the report up to four hours old
		mfa = Known(s.MFAEnabled)
	}
	// Beside keys or certificates the report lists, all inactive, the
	// summary cannot tell one activated or added since the report: that
	// goes unjudged rather than passes (round 130).
	mfaOff := !mfa.V && !mfa.Unknown && len(can) == 0
	for _, slot := range u.KeysUnknown {
		// An active key there would be root's only credential, whose MFA,
		// unless known on, is then judged too (round 198).
		unjudged := []*Rule{RootAccessKey}
		if mfaOff || mfa.Unknown && len(can) == 0 {
			unjudged = append(unjudged, RootNoMFA)
		}
		f := Unreported(slot+"_active", unjudged...)
		f.Subject = slot
		out = append(out, f)
	}
	if s.Known && s.AccessKeysPresent && listedKeys > 0 && len(keys) == 0 && len(u.KeysUnknown) == 0 {
		unjudged := []*Rule{RootAccessKey}
		if mfaOff {
			unjudged = append(unjudged, RootNoMFA)
		}
		out = append(out, sinceReport("access keys", unjudged))
	}
	if s.Known && s.SigningCertificatesPresent && u.CertificatesListed > 0 && len(certs) == 0 && len(certsUnknown) == 0 && mfaOff {
		out = append(out, sinceReport("signing certificates", []*Rule{RootNoMFA}))
	}
	switch {
	case mfa.V && !mfa.Unknown:
	case len(can) == 0 && password.Unknown:
		out = append(out, CheckIncomplete.finding("password_enabled", "neither the credential report (password_enabled) nor the account summary "+
			"(AccountPasswordPresent) says whether the root user has a password; %s not judged", Names(RootNoMFA)))
	case len(can) == 0 && len(certsUnknown) > 0:
		// A certificate that may be active is a credential to protect.
		for _, slot := range certsUnknown {
			f := Unreported(slot+"_active", RootNoMFA)
			f.Subject = slot
			out = append(out, f)
		}
	case len(can) == 0: // no credentials: nothing to protect
	case mfa.Unknown:
		out = append(out, Unreported("mfa_active", RootNoMFA))
	default:
		out = append(out, RootNoMFA.finding("mfa_active", "the root user has no MFA device and has %s", strings.Join(can, " and ")))
	}
	return append(out, used...)
}

// sinceReport is the IG806 finding for root's credentials of a kind the
// credential report lists only as inactive, while the account summary,
// which counts them active or not, shows some.
func sinceReport(what string, unjudged []*Rule) Finding {
	return CheckIncomplete.finding("", "the credential report, up to four hours old, lists the root user's %s as inactive, and the account summary "+
		"cannot tell whether one was activated or added since; %s not judged", what, Names(unjudged...))
}

// EvaluateRootUnlisted judges the root user when the credential report has
// no row for it: an IG806 finding for the missing row, and, when the
// account summary s is Known, IG803 and IG804 from it alone. The summary
// counts root's access keys active or not, and only the report tells which,
// so any key is an IG803 (as AWS Config's iam-root-access-key-check judges
// it). Root's last uses (IG807) are only in the report; with no MFA, and no
// password, key or certificate the summary shows, IG804 is judged only
// when the summary says whether root has a password.
func EvaluateRootUnlisted(s AccountSummary) []Finding {
	gap := func(judged, unjudged []*Rule) Finding {
		if len(judged) == 0 {
			return CheckIncomplete.finding("", "the credential report has no row for the root user (%s); %s not judged", RootUserName, Names(unjudged...))
		}
		return CheckIncomplete.finding("", "the credential report has no row for the root user (%s); %s judged from the account summary alone, %s not judged",
			RootUserName, Names(judged...), Names(unjudged...))
	}
	if !s.Known {
		return []Finding{gap(nil, []*Rule{RootAccessKey, RootNoMFA, RootUsedRecently})}
	}
	const why = " (the account summary shows one; the report has no row for root)"
	var out []Finding
	var can []string
	if s.AccessKeysPresent {
		out = append(out, RootAccessKey.finding("access_key", "the root user has an access key, active or not"+why))
		can = append(can, "an access key"+why)
	}
	if s.SigningCertificatesPresent {
		can = append(can, "a signing certificate"+why)
	}
	password := s.password()
	if password.V && !password.Unknown {
		can = append([]string{"a password"}, can...)
	}
	judged, unjudged := []*Rule{RootAccessKey, RootNoMFA}, []*Rule{RootUsedRecently}
	switch {
	case s.MFAEnabled:
	case len(can) > 0:
		out = append(out, RootNoMFA.finding("mfa_active", "the root user has no MFA device and has %s", strings.Join(can, " and ")))
	case password.Unknown: // it may have a password, which the summary does not say
		judged, unjudged = []*Rule{RootAccessKey}, []*Rule{RootNoMFA, RootUsedRecently}
	}
	return append([]Finding{gap(judged, unjudged)}, out...)
}

// RootUse judges the root user's last uses (IG807): any use of its password
// or of one of its access keys within b.RootUseDays, active or not now.
func RootUse(u CredentialUser, now time.Time, b Baseline) []Finding {
	var out []Finding
	used := func(subject, what string, at time.Time) {
		if at.IsZero() || Days(at, now) >= b.RootUseDays {
			return
		}
		f := RootUsedRecently.finding("last_used", "%s was used %s, at %s; the baseline allows no root use within %s",
			what, ago(at, now), at.UTC().Format(time.RFC3339), days(b.RootUseDays))
		f.Subject = subject
		out = append(out, f)
	}
	used(u.Name, "the root user's password", u.PasswordLastUsed)
	for _, k := range u.Keys {
		if k.UsageKnown {
			used(k.Name, "the root user's access key "+k.Name, k.LastUsed)
		}
	}
	return out
}

// ago says how long before now t was, in days, or hours within a day.
func ago(t, now time.Time) string {
	switch d := Days(t, now); {
	case d == 1:
		return "1 day ago"
	case d > 1:
		return fmt.Sprintf("%d days ago", d)
	}
	if h := int(now.Sub(t).Hours()); h >= 1 {
		return fmt.Sprintf("%d hour(s) ago", h)
	}
	return "less than an hour ago"
}

// EvaluateCredentialUser judges one IAM user's row: IG801, IG802, and its
// access keys as EvaluateAccessKeys does. A value a rule needs that the
// report leaves out is an IG806 finding naming the column.
func EvaluateCredentialUser(u CredentialUser, now time.Time, b Baseline) []Finding {
	var out []Finding
	switch {
	case u.PasswordEnabled.Unknown:
		out = append(out, Unreported("password_enabled", ConsoleUserNoMFA, CredentialUnused))
	case u.PasswordEnabled.V:
		switch {
		case u.MFAActive.Unknown:
			out = append(out, Unreported("mfa_active", ConsoleUserNoMFA))
		case !u.MFAActive.V:
			out = append(out, ConsoleUserNoMFA.finding("mfa_active", "user %q has a console password and no MFA device", u.Name))
		}
		issued := u.PasswordLastChanged
		if issued.IsZero() {
			issued = u.Created
		}
		if u.PasswordLastUsed.IsZero() && issued.IsZero() {
			out = append(out, Unreported("password_last_changed", CredentialUnused))
		} else if lateDate(u.PasswordLastUsed, now) || lateDate(issued, now) {
			out = append(out, CheckIncomplete.finding("password_last_used", "user %q's console password has a last use or change more than a day after IAM's clock, which cannot be right; %s not judged",
				u.Name, CredentialUnused.Name()))
		} else if f, ok := UnusedCredential("console password", u.PasswordLastUsed, issued, now, b); ok {
			out = append(out, f)
		}
	}
	for _, slot := range u.KeysUnknown {
		f := Unreported(slot+"_active", AccessKeyMultipleActive, AccessKeyNotRotated, CredentialUnused)
		f.Subject = slot
		out = append(out, f)
	}
	for _, k := range u.Keys {
		if !k.Active || !k.Created.IsZero() {
			continue
		}
		unjudged := []*Rule{AccessKeyNotRotated}
		if k.LastUsed.IsZero() {
			unjudged = append(unjudged, CredentialUnused)
		}
		f := Unreported(k.Name+"_last_rotated", unjudged...)
		f.Subject = k.Name
		out = append(out, f)
	}
	return append(out, EvaluateAccessKeys(Known(u.Name), u.Keys, now, b)...)
}

// UnusedCredential judges a credential last used at lastUsed (zero: never)
// and issued at issued (IG802). A never-used credential is judged by its age.
func UnusedCredential(what string, lastUsed, issued, now time.Time, b Baseline) (Finding, bool) {
	limit := b.UnusedCredentialDays
	switch {
	case !lastUsed.IsZero():
		if d := Days(lastUsed, now); d >= limit {
			return CredentialUnused.finding("last_used", "%s was last used %s ago; the baseline allows %s unused", what, days(d), days(limit)), true
		}
	case !issued.IsZero():
		if d := Days(issued, now); d >= limit {
			return CredentialUnused.finding("last_used", "%s has never been used in the %s since it was issued; the baseline allows %s unused", what, days(d), days(limit)), true
		}
	}
	return Finding{}, false
}

// reportConfirmSlack is how much older than the baseline a report IAM
// confirmed on request may be: IAM checks the four hours when asked, some
// seconds (or, while polling, minutes) before the report is judged here,
// against a clock that may differ a little from this one.
const reportConfirmSlack = 15 * time.Minute

// lateDate reports whether t, a date IAM recorded (a creation, a last use),
// comes more than a day after now, IAM's clock: a date that cannot be
// right, which would make a credential look new or just used (round 286: a
// last use in 2099). The day allows for a clock that is the host's, where
// IAM's reply gives none (round 290: a host ten minutes behind made a key
// used a minute ago IG806); a reply that fakes a date can fake a likely one.
func lateDate(t, now time.Time) bool { return t.Sub(now) > 24*time.Hour }

// reportClockSlack is how far a report's generation time may run ahead of
// the clock its age is judged by: the two are IAM's, but the reply's Date
// is to the second, and a host's clock (used without one) may drift.
const reportClockSlack = 5 * time.Minute

// CredentialReportAge judges the age of the credential report that was used
// (IG805) against the baseline, however it was obtained. notRefreshed says
// why no fresh report was generated, such as a denied
// GenerateCredentialReport; it is "" when IAM said on request that the
// report was complete, and since IAM regenerates any report older than four
// hours, such a report is old only when the service served a stale one. A
// zero generated (the reply gave no GeneratedTime), or one more than
// reportClockSlack after now, is an IG806 finding: the report's age is not
// known.
func CredentialReportAge(generated, now time.Time, notRefreshed string, b Baseline) (Finding, bool) {
	if generated.IsZero() {
		return CheckIncomplete.finding("generated_time", "the credential report gives no generation time, so its age is not known; %s not judged",
			CredentialReportStale.Name()), true
	}
	limit := time.Duration(b.CredentialReportMaxAgeHours) * time.Hour
	age := now.Sub(generated)
	switch {
	case age < -reportClockSlack:
		// Generated after the clock it is judged by (IAM's, where its
		// reply gives it): a time that cannot be right, which would make
		// any report look fresh (round 151).
		return CheckIncomplete.finding("generated_time", "the credential report gives a generation time %s after IAM's clock, so its age is not known; %s not judged",
			(-age).Round(time.Minute), CredentialReportStale.Name()), true
	case notRefreshed != "" && age > limit:
		f := CredentialReportStale.finding("generated_time", "the credential report used was generated %s ago and no fresh one could be generated (%s); the baseline allows %s",
			age.Round(time.Minute), notRefreshed, limit)
		f.unrefreshed = true
		return f, true
	case notRefreshed == "" && age > limit+reportConfirmSlack:
		return CredentialReportStale.finding("generated_time", "the credential report used was generated %s ago, though IAM said on request that it was complete "+
			"(IAM regenerates a report older than four hours); the baseline allows %s", age.Round(time.Minute), limit), true
	}
	return Finding{}, false
}

// Incomplete is the IG806 finding for facts that could not be read; why
// names the action and permission, unjudged names the rules left undecided
// (none: the facts are only shown, not judged).
func Incomplete(what, why string, unjudged ...*Rule) Finding {
	if len(unjudged) == 0 {
		return CheckIncomplete.finding("", "%s could not be read (%s)", what, why)
	}
	return CheckIncomplete.finding("", "%s could not be read (%s); %s not judged", what, why, Names(unjudged...))
}

// Unreported is the IG806 finding for a credential-report column that has
// no value (N/A, not_supported or no_information) where a rule needs one.
func Unreported(column string, unjudged ...*Rule) Finding {
	return CheckIncomplete.finding(column, "the credential report gives no value for %s; %s not judged", column, Names(unjudged...))
}

// SummaryUnread is the IG806 finding for an account summary that could not
// be read: root was judged from the credential report alone.
func SummaryUnread(why string) Finding {
	return CheckIncomplete.finding("", "the account summary could not be read (%s); %s judged from the credential report alone, which may be up to four hours old",
		why, Names(RootAccessKey, RootNoMFA))
}

// ListedUser is an IAM user as ListUsers names it, live.
type ListedUser struct {
	Name    string
	Created time.Time
}

// sameUser reports whether report row u is listed user l: of its name, and
// made when the row says (one deleted and made again under its name since
// the report is another user, whose row the report does not have; dates
// are to the second in both).
func sameUser(u CredentialUser, l ListedUser) bool {
	if u.Name != l.Name {
		return false
	}
	if u.Created.IsZero() || l.Created.IsZero() {
		return true
	}
	d := u.Created.Sub(l.Created)
	return d < time.Second && d > -time.Second
}

// CurrentRows gives the rows of the credential report that are still the
// users ListUsers names (see sameUser), and the root user's: the others'
// users are gone since the report (deleted, renamed, or made again under
// the name), and what their rows say is no longer so (round 241: a user
// deleted since was IG801 high for up to four hours). One renamed, or made
// again, is an UnreportedUsers finding under its name now.
func CurrentRows(listed []ListedUser, reported []CredentialUser) []CredentialUser {
	by := make(map[string]ListedUser, len(listed))
	for _, l := range listed {
		by[l.Name] = l
	}
	out := make([]CredentialUser, 0, len(reported))
	for _, u := range reported {
		if l, ok := by[u.Name]; u.Root || ok && sameUser(u, l) {
			out = append(out, u)
		}
	}
	return out
}

// UnreportedUsers gives the IG806 findings for the users ListUsers names
// that the credential report, generated at generated, does not list: made
// or renamed since (IAM hands back a report up to four hours old), or made
// again under a name whose row is the old user's (round 241: not judged at
// all), their credentials are not in it. Two per user: its console
// password and MFA (Subject the user) and its access keys (Subject
// user/access_keys).
func UnreportedUsers(listed []ListedUser, reported []CredentialUser, generated time.Time) []Finding {
	in := make(map[string]CredentialUser, len(reported))
	for _, u := range reported {
		if !u.Root {
			in[u.Name] = u
		}
	}
	var out []Finding
	for _, l := range listed {
		why := ""
		switch u, ok := in[l.Name]; {
		case !ok:
			why = "not in the credential report" + generatedAt(generated) + ": made or renamed since"
		case !sameUser(u, l):
			why = "made again under its name since the credential report" + generatedAt(generated) + ", whose row is the old user's"
		default:
			continue
		}
		out = append(out, unread(fmt.Sprintf("user %q's console password and MFA", l.Name), fmt.Sprintf("user %q's access keys", l.Name), l.Name, why)...)
	}
	return out
}

// UncountedUsers is UnreportedUsers from the account summary's count of
// users when their names are not listed: more users than the report has
// rows (the root user's aside) is the same two findings for the account.
// A user deleted since offsets one made since: only names tell them apart.
func UncountedUsers(s AccountSummary, reported []CredentialUser, generated time.Time) []Finding {
	names := make(map[string]bool, len(reported)) // each user once: a row given twice counts for no other (round 286)
	for _, u := range reported {
		if !u.Root {
			names[strings.ToLower(u.Name)] = true
		}
	}
	rows := len(names)
	switch {
	case !s.Known:
		return unread(sinceConsole, sinceKeys, "account", "the account summary, which counts the users, could not be read")
	case s.Users < 0:
		return unread(sinceConsole, sinceKeys, "account", "the account summary gives no count of users")
	case s.Users <= rows:
		return nil
	}
	return unread(sinceConsole, sinceKeys, "account", fmt.Sprintf(
		"the account summary counts %d users, the credential report%s lists %d", s.Users, generatedAt(generated), rows))
}

// UsersUnlisted gives the IG806 findings for a ListUsers that failed (why),
// so the users made since the credential report cannot be told: the same
// two findings for the account.
func UsersUnlisted(why string) []Finding {
	return unread(sinceConsole, sinceKeys, "account", why)
}

const (
	sinceConsole = "the console passwords and MFA of users made since the credential report"
	sinceKeys    = "the access keys of users made since the credential report"
)

// unread is the pair of IG806 findings for users whose credentials the
// report does not show: their console passwords and MFA (what), Subject
// subject, and their access keys (keys), Subject subject/access_keys.
func unread(what, keys, subject, why string) []Finding {
	f := Incomplete(what, why, ConsoleUserNoMFA, CredentialUnused)
	f.Subject = subject
	k := Incomplete(keys, why, AccessKeyMultipleActive, AccessKeyNotRotated, CredentialUnused)
	k.Subject = subject + "/access_keys"
	return []Finding{f, k}
}

// generatedAt says when a report was generated, or nothing when it does
// not say.
func generatedAt(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return " generated " + t.UTC().Format(time.RFC3339)
}
