package lint

import (
	"slices"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// judgeSigningCertificate judges aws_iam_signing_certificate.
func judgeSigningCertificate(l *linter, c *change) []rules.Finding {
	if c.removed {
		if !l.deletesInUse(c) {
			return nil
		}
		user := l.signingUser(c)
		return rules.SigningCertificateRemoval(user, max(l.signingReplacement(c, user.V), c.current))
	}
	out := rules.EvaluateSigningCertificate(c.after().str("certificate_body", ""), l.now, l.baseline)
	replaced := c.action == "replace" && !c.forgetsOld() // a forgotten one stays in AWS
	if replaced && l.deletesInUse(c) && !uploadRefusedFirst(c) || !replaced && c.replaces == nil && l.clearedWithUser(c) {
		// The old certificate is deleted (as the new one is made, or with
		// its user): the user keeps a sound one only if this (or another)
		// upload is one for them. The old object a replacement forgets is
		// judged so with the replacement, once (round 152).
		user := l.signingUser(c)
		best := l.signingReplacement(c, user.V)
		if c.action == "replace" && c.configured.Find("user_name").UsersOnly && l.maybeSameUser(c) {
			// Uploaded again at its address for a user known only after
			// apply, read from aws_iam_users alone (aws_iam_user.u[each.key].id
			// of a user replaced, aws_iam_user.u.name of one renamed to a
			// name known then; round 149): it may be the same user's.
			a := c.after()
			best = max(best, min(rules.PendingReplacement, rules.SigningCertificateReplacement(a.status("Active"), a.str("certificate_body", ""), l.now, l.baseline)))
		}
		out = append(out, rules.SigningCertificateRemoval(user, best)...)
	}
	out = append(out, c.reactivation(rules.SigningCertificateReactivated)...)
	return append(out, l.reupload(c, rules.SigningCertificateReactivated)...)
}

// uploadRefusedFirst reports whether c replaces a signing certificate
// creating first (create_before_destroy) with a body IAM refuses: the
// upload fails, and the old certificate, deleted only after it, stays
// (round 236).
func uploadRefusedFirst(c *change) bool {
	body := c.after().str("certificate_body", "")
	return slices.Equal(c.rc.Actions, tfjson.Actions{tfjson.ActionCreate, tfjson.ActionDelete}) &&
		!body.Unknown && !body.Unreadable && rules.IAMRefusesBody(body.V)
}

// maybeSameUser reports whether the user a certificate uploaded again at
// its address is for, known only after apply, may be the one whose
// certificate it replaces: one read per instance (aws_iam_user.u[each.key]
// of users replaced), or the user the plan renames from the old
// certificate's user to a name known only then. A new user's, beside the
// old one, is not (round 152).
func (l *linter) maybeSameUser(c *change) bool {
	u := l.userOf(appliedObject{address: c.rc.Address, change: c}, "user_name")
	if u.name.Unknown {
		return true
	}
	was := c.before().str("user_name", "")
	k, ok := l.accountUser(c.rc, was.V)
	to, renamed := l.renamedUsers[k]
	return ok && renamed && !was.Unknown && to.group == u.key
}

// signingUser is the user whose certificate c deletes, withheld where any
// object marks the name sensitive.
func (l *linter) signingUser(c *change) rules.Value[string] {
	u := c.before().str("user_name", "")
	return l.withheld(user{name: u, key: userKey(u.V)})
}

// signedNothing reports whether the signing certificate c changes signed
// nothing before the plan (rules.SignsNothing) as it is now, whatever
// state as written says (round 194: one switched back on in the console,
// then replaced by an inactive one, was taken as inactive). A status now
// that cannot be read is taken as composed with the state as written; one
// the plan does not show, of a certificate destroyed after a change outside
// Terraform (plan.Change.Drifted), as active (round 215).
func (l *linter) signedNothing(c *change) bool {
	n := c.now()
	status := n.status("Active")
	switch {
	case c.rc.Drifted:
		status = rules.Known("Active")
	case status.Unreadable:
		status = c.before().status("Active")
	}
	return rules.SignsNothing(status, n.str("certificate_body", ""), l.now)
}

// deletesInUse reports whether c deletes a signing certificate that IG501
// judges: one that signed something before the plan (signedNothing), of a
// user the plan keeps. Deleting a user's certificates as the user is
// deleted (offboarding) is no loss.
func (l *linter) deletesInUse(c *change) bool {
	if l.signedNothing(c) {
		return false
	}
	u := c.before().str("user_name", "")
	return u.Unknown || !l.userGone(c, u.V)
}

// clearedWithUser reports whether the plan deletes the signing certificate
// that c keeps (or forgets) with its user, while a user of that name is
// there once it is applied (see readUsers), and whether it signed
// something before the plan. The AWS provider deletes a user with
// force_destroy only after deleting the user's signing certificates, so
// a user replaced, or deleted and made again at another address, comes
// back without them, whatever the plan shows for the certificate; not one
// replaced creating first under its own name, which IAM refuses before
// anything is deleted (see readUsers). Without force_destroy, IAM refuses
// to delete a user who holds a certificate, and nothing is removed.
func (l *linter) clearedWithUser(c *change) bool {
	b := c.before()
	u := b.str("user_name", "")
	if len(l.clearedUsers) == 0 || b.values == nil || u.Unknown {
		return false
	}
	k, ok := l.accountUser(c.rc, u.V)
	return ok && l.clearedUsers[k] && !l.signedNothing(c)
}
