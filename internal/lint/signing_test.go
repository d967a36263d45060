package lint

import (
	"crypto/x509"
	"strings"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

func signingState(user, body, status string) map[string]any {
	return map[string]any{"certificate_body": body, "certificate_id": "CERTID" + user, "id": "CERTID" + user + ":" + user,
		"status": status, "user_name": user}
}

func newSigningCert(addr, user, body string) res {
	after := map[string]any{"certificate_body": body, "status": "Active", "user_name": user}
	unknown := map[string]any{"certificate_id": true, "id": true}
	if body == "" {
		delete(after, "certificate_body")
		unknown["certificate_body"] = true
	}
	return res{addr: addr, actions: create, after: after, unknown: unknown}
}

func TestSigningCertificate(t *testing.T) {
	valid := func(c certtest.Cert) string {
		if c.NotBefore.IsZero() {
			c.NotBefore = planNow.AddDate(0, -1, 0)
		}
		if c.NotAfter.IsZero() {
			c.NotAfter = planNow.AddDate(1, 0, 0)
		}
		return certtest.Issue(t, c).PEM
	}
	sound := valid(certtest.Cert{Key: certtest.RSA(t, 2048)})
	oldKey := certtest.FreshRSA(t, 2048)
	old := valid(certtest.Cert{CN: "old", Key: oldKey})
	reissued := valid(certtest.Cert{CN: "old, issued again", Key: oldKey})
	weak := valid(certtest.Cert{Key: certtest.RSA(t, 1024), SigAlg: x509.SHA1WithRSA})
	expired := valid(certtest.Cert{NotBefore: planNow.AddDate(-1, 0, 0), NotAfter: planNow.AddDate(0, 0, -1)})
	const (
		oldAddr = "aws_iam_signing_certificate.old"
		newAddr = "aws_iam_signing_certificate.new"
	)
	deleted := res{addr: oldAddr, actions: del, before: signingState("alice", old, "Active")}
	reuploadMsg := "certificate_body holds the key of " + oldAddr + ", which this plan deletes while Inactive: uploaded again, it is Active again"
	deletedMsg := `the signing certificate of user "alice" is deleted and this plan uploads no sound, active replacement for the user`

	runCases(t, []lintCase{
		{name: "sound upload", spec: planSpec{changes: []res{newSigningCert(newAddr, "alice", sound)}}},
		{name: "weak key and SHA-1 signature", spec: planSpec{changes: []res{newSigningCert(newAddr, "alice", weak)}},
			want: []row{
				{newAddr, "create", "IG502", rules.High, "certificate_body", "certificate-weak-key: RSA key of 1024 bits; at least 2048 required"},
				{newAddr, "create", "IG502", rules.High, "certificate_body", "certificate-weak-signature: the certificate is signed with SHA1-RSA; SHA-256 or stronger required"},
			}},
		{name: "expired certificate kept", spec: planSpec{changes: []res{{addr: oldAddr,
			before: signingState("alice", expired, "Active"), after: signingState("alice", expired, "Active")}}},
			want: []row{{oldAddr, "no-op", "IG502", rules.High, "certificate_body", "certificate-expired: the certificate expired on 2026-11-22, 1 day before plan time"}}},
		{name: "malformed body", spec: planSpec{changes: []res{newSigningCert(newAddr, "alice", "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n")}},
			want: []row{{newAddr, "create", "IG502", rules.High, "certificate_body", "certificate_body: certificate: the CERTIFICATE block is not a valid DER X.509 certificate"}}},
		{name: "deleted, not replaced", spec: planSpec{changes: []res{deleted}},
			want: []row{{oldAddr, "delete", "IG501", rules.Medium, "", deletedMsg}}},
		{name: "deleted while another user gets one", spec: planSpec{changes: []res{deleted, newSigningCert(newAddr, "bob", sound)}},
			want: []row{{oldAddr, "delete", "IG501", rules.Medium, "", deletedMsg}}},
		{name: "rotated to a sound certificate", spec: planSpec{changes: []res{deleted, newSigningCert(newAddr, "alice", sound)}}},
		// The second step of a rotation: the new certificate was uploaded
		// by an earlier apply. An expired one kept is no replacement.
		{name: "deleted while the user keeps a sound one", spec: planSpec{changes: []res{deleted,
			{addr: newAddr, before: signingState("alice", sound, "Active"), after: signingState("alice", sound, "Active")}}}},
		// One certificate at two addresses: deleting it at one deletes it.
		{name: "deleted while kept at another address", spec: planSpec{changes: []res{deleted,
			{addr: newAddr, before: signingState("alice", old, "Active"), after: signingState("alice", old, "Active")}}},
			want: []row{{oldAddr, "delete", "IG501", rules.Medium, "", deletedMsg}}},
		{name: "deleted while the user keeps an expired one", spec: planSpec{changes: []res{deleted,
			{addr: newAddr, before: signingState("alice", expired, "Active"), after: signingState("alice", expired, "Active")}}},
			want: []row{
				{newAddr, "no-op", "IG502", rules.High, "certificate_body", "certificate-expired: the certificate expired on 2026-11-22, 1 day before plan time"},
				{oldAddr, "delete", "IG501", rules.Medium, "", deletedMsg},
			}},
		{name: "replaced by a weak certificate", spec: planSpec{changes: []res{deleted, newSigningCert(newAddr, "alice", weak)}},
			want: []row{
				{newAddr, "create", "IG502", rules.High, "certificate_body", "certificate-weak-key: RSA key of 1024 bits; at least 2048 required"},
				{newAddr, "create", "IG502", rules.High, "certificate_body", "certificate-weak-signature: the certificate is signed with SHA1-RSA; SHA-256 or stronger required"},
				{oldAddr, "delete", "IG501", rules.Medium, "", deletedMsg},
			}},
		{name: "replaced by an inactive certificate", spec: planSpec{changes: []res{deleted,
			func() res { r := newSigningCert(newAddr, "alice", sound); r.after["status"] = "Inactive"; return r }()}},
			want: []row{{oldAddr, "delete", "IG501", rules.Medium, "", deletedMsg}}},
		{name: "replacement known after apply", spec: planSpec{changes: []res{deleted, newSigningCert(newAddr, "alice", "")}},
			want: []row{
				{newAddr, "create", "IG502", rules.Info, "certificate_body", unknownMsg("certificate_body", "IG502", "signing-certificate-weak")},
				{oldAddr, "delete", "IG501", rules.Info, "", `whether user "alice" keeps a sound, active signing certificate is known only after apply (a new one's user, body, status or holders, or whether it is uploaded after its user is made again, or after the same certificate is deleted at another address or uploaded again, or while the user holds the quota of 2 certificates); IG501 (signing-certificate-deleted) cannot be judged until then`},
			}},
		{name: "replaced in place", spec: planSpec{changes: []res{{addr: oldAddr, actions: deleteFirst,
			before: signingState("alice", old, "Active"), after: map[string]any{"certificate_body": sound, "status": "Active", "user_name": "alice"},
			unknown: map[string]any{"certificate_id": true, "id": true}}}}},
		// A replacement deletes the old certificate: an inactive one, or one
		// for another user, leaves the user without.
		{name: "replaced in place by an inactive one", spec: planSpec{changes: []res{{addr: oldAddr, actions: deleteFirst,
			before: signingState("alice", old, "Active"), after: map[string]any{"certificate_body": sound, "status": "Inactive", "user_name": "alice"},
			unknown: map[string]any{"certificate_id": true, "id": true}}}},
			want: []row{{oldAddr, "replace", "IG501", rules.Medium, "", deletedMsg}}},
		// One that signed nothing (Inactive, expired) is no loss, deleted
		// or replaced; nor one deleted with its user.
		{name: "an inactive one deleted", spec: planSpec{changes: []res{{addr: oldAddr, actions: del, before: signingState("alice", old, "Inactive")}}}},
		{name: "an expired one deleted", spec: planSpec{changes: []res{{addr: oldAddr, actions: del, before: signingState("alice", expired, "Active")}}}},
		{name: "an inactive one replaced in place by an inactive one", spec: planSpec{changes: []res{{addr: oldAddr, actions: deleteFirst,
			before: signingState("alice", old, "Inactive"), after: map[string]any{"certificate_body": sound, "status": "Inactive", "user_name": "alice"},
			unknown: map[string]any{"certificate_id": true, "id": true}}}}},
		{name: "deleted with its user", spec: planSpec{changes: []res{deleted, {addr: "aws_iam_user.alice", actions: del, before: map[string]any{"name": "ALICE"}}}},
			skipped: 1}, // the user
		{name: "deleted with its user, whose name another user takes", spec: planSpec{changes: []res{deleted,
			{addr: "aws_iam_user.alice", actions: del, before: map[string]any{"name": "alice"}},
			{addr: "aws_iam_user.alice2", actions: create, after: map[string]any{"name": "alice"}, unknown: map[string]any{"id": true}}}},
			want: []row{{oldAddr, "delete", "IG501", rules.Medium, "", deletedMsg}}, skipped: 2},
		{name: "deleted with its user, whom a new key names", spec: planSpec{changes: []res{deleted,
			{addr: "aws_iam_user.alice", actions: del, before: map[string]any{"name": "alice"}}, newKey("aws_iam_access_key.a", "alice")}},
			want: []row{{oldAddr, "delete", "IG501", rules.Medium, "", deletedMsg}}, skipped: 1},
		// A user renamed keeps its certificates: one uploaded again under
		// the new name replaces the old one.
		{name: "replaced in place as its user is renamed", spec: planSpec{changes: []res{
			{addr: "aws_iam_user.alice", actions: update, before: map[string]any{"name": "alice"}, after: map[string]any{"name": "alice2"}},
			{addr: oldAddr, actions: deleteFirst, before: signingState("alice", old, "Active"),
				after: map[string]any{"certificate_body": old, "status": "Active", "user_name": "alice2"}, unknown: map[string]any{"certificate_id": true, "id": true}}}},
			skipped: 1},
		// Renewed for its key pair while last year's stays Inactive, as the
		// user is renamed: the user held the key Active, under its old name.
		{name: "renewed as its user is renamed", spec: planSpec{changes: []res{
			{addr: "aws_iam_user.carol", actions: update, before: map[string]any{"name": "carol"}, after: map[string]any{"name": "dave"}},
			{addr: newAddr, actions: deleteFirst, before: signingState("carol", old, "Active"),
				after: map[string]any{"certificate_body": reissued, "status": "Active", "user_name": "dave"}, unknown: map[string]any{"certificate_id": true, "id": true}},
			{addr: oldAddr, actions: deleteFirst, before: signingState("carol", old, "Inactive"),
				after: map[string]any{"certificate_body": old, "status": "Inactive", "user_name": "dave"}, unknown: map[string]any{"certificate_id": true, "id": true}}}},
			skipped: 1},
		// A new user takes the name the plan renames carol from: carol's
		// active copy of a key is no renewal for the new user.
		{name: "a new user of a renamed user's old name", spec: planSpec{changes: []res{
			{addr: "aws_iam_user.carol", actions: update, before: map[string]any{"name": "carol"}, after: map[string]any{"name": "dave"}},
			{addr: "aws_iam_user.new", actions: create, after: map[string]any{"name": "carol"}, unknown: map[string]any{"id": true}},
			{addr: oldAddr, before: signingState("carol", old, "Inactive"), after: signingState("carol", old, "Inactive")},
			{addr: "aws_iam_signing_certificate.current", before: signingState("carol", reissued, "Active"), after: signingState("carol", reissued, "Active")},
			newSigningCert(newAddr, "carol", reissued)}},
			want: []row{{newAddr, "create", "IG503", rules.High, "certificate_body", "certificate_body holds the key of " + oldAddr +
				", which this plan keeps while Inactive: uploaded again, it is Active again"}},
			skipped: 2},
		{name: "replaced in place by another user's", spec: planSpec{changes: []res{{addr: oldAddr, actions: deleteFirst,
			before: signingState("alice", old, "Active"), after: map[string]any{"certificate_body": sound, "status": "Active", "user_name": "bob"},
			unknown: map[string]any{"certificate_id": true, "id": true}}}},
			want: []row{{oldAddr, "replace", "IG501", rules.Medium, "", deletedMsg}}},
		// Replaced by forgetting it (round 84): it stays in AWS, alice's.
		{name: "replaced in place by another user's, forgetting the old", spec: planSpec{changes: []res{{addr: oldAddr, actions: []string{"create", "forget"},
			before: signingState("alice", old, "Active"), after: map[string]any{"certificate_body": sound, "status": "Active", "user_name": "bob"},
			unknown: map[string]any{"certificate_id": true, "id": true}}}}},
		{name: "reactivated", spec: planSpec{changes: []res{{addr: oldAddr, actions: update,
			before: signingState("alice", old, "Inactive"), after: signingState("alice", old, "Active")}}},
			want: []row{{oldAddr, "update", "IG503", rules.High, "status", "status changes from Inactive to Active"}}},
		// The credential is the key pair: a certificate issued again for
		// a dormant one's key, which the plan deletes, deposed or
		// forgotten, is it back. A dormant SSH key is no certificate.
		{name: "issued again for a dormant one's key", spec: planSpec{changes: []res{
			{addr: oldAddr, actions: del, before: signingState("alice", old, "Inactive")},
			newSigningCert(newAddr, "alice", reissued)}},
			want: []row{{newAddr, "create", "IG503", rules.High, "certificate_body", reuploadMsg}}},
		{name: "a dormant deposed one uploaded again", spec: planSpec{changes: []res{
			{addr: oldAddr, actions: del, deposed: "00aa", before: signingState("alice", old, "Inactive")},
			newSigningCert(newAddr, "alice", old)}},
			want: []row{{newAddr, "create", "IG503", rules.High, "certificate_body",
				"certificate_body holds the key of " + oldAddr + " (deposed 00aa), which this plan deletes while Inactive: uploaded again, it is Active again"}},
			skipped: -1}, // the deposed one is judged too, as a removal the upload replaces
		{name: "a dormant forgotten one uploaded again", spec: planSpec{changes: []res{
			{addr: oldAddr, actions: forget, before: signingState("alice", old, "Inactive")},
			newSigningCert(newAddr, "bob", old)}},
			want: []row{{newAddr, "create", "IG503", rules.High, "certificate_body", strings.Replace(reuploadMsg, "deletes", "forgets", 1)}}},
		{name: "a dormant SSH key is no certificate", spec: planSpec{changes: []res{
			{addr: "aws_iam_user_ssh_key.k", actions: del, before: sshKeyState("alice", certtest.SSHAuthorized(t, &certtest.RSA(t, 2048).PublicKey, ""), "SSH", "Inactive")},
			newSigningCert(newAddr, "alice", "")}},
			want: []row{{newAddr, "create", "IG502", rules.Info, "certificate_body", unknownMsg("certificate_body", "IG502", "signing-certificate-weak")}}},
	})
}
