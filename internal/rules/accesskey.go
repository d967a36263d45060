package rules

import (
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

// Days is the whole number of days from t to now.
func Days(t, now time.Time) int { return int(now.Sub(t) / (24 * time.Hour)) }

// AccessKeyAge judges an active key created at created (IG204).
func AccessKeyAge(created, now time.Time, b Baseline) (Finding, bool) {
	if d := Days(created, now); d > b.AccessKeyMaxAgeDays {
		return AccessKeyNotRotated.finding("create_date", "access key is %d days old; the baseline requires rotation every %d days", d, b.AccessKeyMaxAgeDays), true
	}
	return Finding{}, false
}

// MultipleActiveKeys is the IG203 finding for a user with n > 1 active keys;
// keys names them (addresses or key IDs, never secrets).
func MultipleActiveKeys(user string, keys []string) Finding {
	return AccessKeyMultipleActive.finding("status", "user %q has %d active access keys: %s", user, len(keys), strings.Join(keys, ", "))
}
