package lint

import (
	"fmt"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// judgeSigningCertificate judges aws_iam_signing_certificate (IG501-IG503).
func judgeSigningCertificate(l *linter, c *change) []rules.Finding {
	if c.removed {
		user, _ := c.before.raw("user_name").(string)
		switch l.signingUploadsByUser()[user] {
		case uploadSound:
			return nil // rotation: a sound certificate replaces this one
		case uploadPending:
			return []rules.Finding{{Rule: rules.SigningCertificateDeleted, Severity: rules.Info,
				Message: fmt.Sprintf("a new signing certificate for user %q is known only after apply; IG501 (signing-certificate-deleted) cannot be judged until then", user)}}
		}
		return []rules.Finding{rules.SigningCertificateDeleted.Finding("",
			"the signing certificate of user %q is deleted and this plan uploads no sound, active replacement for the user", user)}
	}
	out := rules.EvaluateSigningCertificate(c.after.str("certificate_body", ""), l.now, l.baseline)
	return append(out, c.reactivation(rules.SigningCertificateReactivated)...)
}

// What a plan's new signing certificates offer a user whose old one it deletes.
const (
	uploadNone    = iota
	uploadPending // a new certificate whose body or status is known only after apply
	uploadSound   // a new, active certificate with no IG502 finding
)

// signingUploadsByUser says, per user, the best signing certificate the plan
// creates (alone or as the new half of a replacement).
func (l *linter) signingUploadsByUser() map[string]int {
	if l.signingUploads != nil {
		return l.signingUploads
	}
	l.signingUploads = map[string]int{}
	for _, rc := range l.plan.Changes {
		if rc.Type != "aws_iam_signing_certificate" || rc.Change == nil || rc.DeposedKey != "" || !rc.Change.Actions.Create() && !rc.Change.Actions.Replace() {
			continue
		}
		c := newChange(l.plan, rc)
		user := c.after.str("user_name", "")
		status := c.after.str("status", "Active")
		body := c.after.str("certificate_body", "")
		if user.Unknown || user.V == "" || !status.Unknown && status.V != "Active" {
			continue
		}
		state := uploadSound
		if status.Unknown || body.Unknown {
			state = uploadPending
		} else if len(rules.EvaluateSigningCertificate(body, l.now, l.baseline)) > 0 {
			continue
		}
		l.signingUploads[user.V] = max(l.signingUploads[user.V], state)
	}
	return l.signingUploads
}
