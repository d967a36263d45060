package rules

import (
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
			Terraform: "Add aws_iam_virtual_mfa_device for the user and enable it, or remove the user's aws_iam_user_login_profile.",
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
		Summary:   "The root user has no MFA device",
		Rationale: "The root user can do anything, including closing the account; its password must not be the only factor.",
		Remediation: Remediation{
			Console:   "Sign in as root > Security credentials > Multi-factor authentication: assign a (preferably hardware) MFA device.",
			CLI:       "Not possible for root: use the console.",
			Terraform: "Not possible for root: use the console.",
		},
		References: []string{"CIS AWS 1.5", "CIS AWS 1.6", "AWS FSBP IAM.9"},
		Event:      "DeactivateMFADevice",
	}
	CredentialReportStale = &Rule{
		ID: "IG805", Slug: "credential-report-stale", Severity: Low,
		Summary:   "The credential report is older than IAM's four-hour refresh window",
		Rationale: "Findings drawn from an old report miss credentials created or used since; IAM regenerates a report older than four hours on request.",
		Remediation: Remediation{
			Console:   "IAM > Credential report > Download credentials report.",
			CLI:       "aws iam generate-credential-report, then aws iam get-credential-report",
			Terraform: "Re-run terraform plan; the data source asks for a fresh report.",
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
)

var runtimeRules = []*Rule{ConsoleUserNoMFA, CredentialUnused, RootAccessKey, RootNoMFA, CredentialReportStale, CheckIncomplete}

// CredentialReportMaxAge is how old a credential report may be before IG805.
const CredentialReportMaxAge = 4 * time.Hour

// CredentialUser is a user's credentials as the credential report shows them.
// Zero times mean never or not known.
type CredentialUser struct {
	Name                string
	Root                bool
	Created             time.Time
	PasswordEnabled     bool
	PasswordLastUsed    time.Time
	PasswordLastChanged time.Time
	MFAActive           bool
	Keys                []AccessKey // report slots access_key_1 and _2, UsageKnown
}

// EvaluateCredentialUser judges one user's credentials: IG801-IG804, and
// its access keys as EvaluateAccessKeys does.
func EvaluateCredentialUser(u CredentialUser, now time.Time, b Baseline) []Finding {
	var out []Finding
	if u.Root {
		var active []string
		for _, k := range u.Keys {
			if k.Active {
				active = append(active, k.Name)
			}
		}
		if len(active) > 0 {
			out = append(out, RootAccessKey.finding("access_key", "the root user has %d active access key(s): %s", len(active), strings.Join(active, ", ")))
		}
		if !u.MFAActive {
			out = append(out, RootNoMFA.finding("mfa_active", "the root user has no MFA device"))
		}
		return out
	}
	if u.PasswordEnabled && !u.MFAActive {
		out = append(out, ConsoleUserNoMFA.finding("mfa_active", "user %q has a console password and no MFA device", u.Name))
	}
	if u.PasswordEnabled {
		issued := u.PasswordLastChanged
		if issued.IsZero() {
			issued = u.Created
		}
		if f, ok := UnusedCredential("console password", u.PasswordLastUsed, issued, now, b); ok {
			out = append(out, f)
		}
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
			return CredentialUnused.finding("last_used", "%s was last used %d days ago; the baseline allows %d days unused", what, d, limit), true
		}
	case !issued.IsZero():
		if d := Days(issued, now); d >= limit {
			return CredentialUnused.finding("last_used", "%s has never been used in the %d days since it was issued; the baseline allows %d days unused", what, d, limit), true
		}
	}
	return Finding{}, false
}

// CredentialReportAge judges when the credential report was generated (IG805).
func CredentialReportAge(generated, now time.Time) (Finding, bool) {
	if age := now.Sub(generated); age > CredentialReportMaxAge {
		return CredentialReportStale.finding("generated_time", "the credential report was generated %s ago; IAM refreshes reports older than %s",
			age.Round(time.Minute), CredentialReportMaxAge), true
	}
	return Finding{}, false
}

// Incomplete is the IG806 finding for facts that could not be read; why
// names the action and permission, unjudged names the rules left undecided.
func Incomplete(what, why string, unjudged ...*Rule) Finding {
	return CheckIncomplete.finding("", "%s could not be read (%s); %s not judged", what, why, Names(unjudged...))
}
