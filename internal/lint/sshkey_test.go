package lint

import (
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// sshKeyState is an SSH key as state holds it.
func sshKeyState(user, publicKey, encoding, status string) map[string]any {
	return map[string]any{"encoding": encoding, "fingerprint": "aa:bb", "id": "APKAEXAMPLE" + user,
		"public_key": publicKey, "ssh_public_key_id": "APKAEXAMPLE" + user, "status": status, "username": user}
}

var sshKeyComputed = map[string]any{"fingerprint": true, "id": true, "ssh_public_key_id": true}

func newSSHKey(addr, user, publicKey, encoding string) res {
	after := sshKeyState(user, publicKey, encoding, "Active")
	for k := range sshKeyComputed {
		delete(after, k)
	}
	return res{addr: addr, actions: create, after: after, unknown: sshKeyComputed}
}

func TestSSHKey(t *testing.T) {
	alice := certtest.FreshRSA(t, 2048)
	aliceSSH := certtest.SSHAuthorized(t, &alice.PublicKey, "alice@laptop")
	alicePEM := certtest.SSHPEM(t, &alice.PublicKey)
	short := certtest.SSHAuthorized(t, &certtest.RSA(t, 1024).PublicKey, "")
	dsaKey := certtest.SSHAuthorized(t, certtest.DSA(t), "")
	parsed, err := inspect.ParseSSHPublicKey(aliceSSH)
	if err != nil {
		t.Fatal(err)
	}
	fp := parsed.SHA256Fingerprint
	const (
		a = `aws_iam_user_ssh_key.this["alice"]`
		b = `aws_iam_user_ssh_key.this["bob"]`
		c = `aws_iam_user_ssh_key.this["carol"]`
	)
	unknownKey := newSSHKey(a, "alice", "", "SSH")
	delete(unknownKey.after, "public_key")
	unknownKey.unknown = map[string]any{"fingerprint": true, "id": true, "ssh_public_key_id": true, "public_key": true}

	runCases(t, []lintCase{
		{name: "sound key in SSH form", spec: planSpec{changes: []res{newSSHKey(a, "alice", aliceSSH, "SSH")}}},
		{name: "sound key in PEM form", spec: planSpec{changes: []res{newSSHKey(a, "alice", alicePEM, "PEM")}}},
		{name: "DSA", spec: planSpec{changes: []res{newSSHKey(a, "alice", dsaKey, "SSH")}},
			want: []row{{a, "create", "IG401", rules.High, "public_key", "ssh-dss (DSA) key of 1024 bits; use RSA of at least 2048 bits"}}},
		{name: "short RSA", spec: planSpec{changes: []res{newSSHKey(a, "alice", short, "SSH")}},
			want: []row{{a, "create", "IG402", rules.High, "public_key", "RSA key of 1024 bits; at least 2048 required"}}},
		{name: "bad base64", spec: planSpec{changes: []res{newSSHKey(a, "alice", "ssh-rsa AAAAB3Nza$$$ alice", "SSH")}},
			want: []row{{a, "create", "IG403", rules.Medium, "public_key", `public_key: not an OpenSSH public key (expected "TYPE BASE64 [comment]" with valid base64 key data)`}}},
		{name: "truncated key", spec: planSpec{changes: []res{newSSHKey(a, "alice", aliceSSH[:60], "SSH")}},
			want: []row{{a, "create", "IG403", rules.Medium, "public_key", `public_key: not an OpenSSH public key (expected "TYPE BASE64 [comment]" with valid base64 key data)`}}},
		{name: "PEM key declared SSH", spec: planSpec{changes: []res{newSSHKey(a, "alice", alicePEM, "SSH")}},
			want: []row{{a, "create", "IG403", rules.Medium, "encoding", `public_key is in PEM form but encoding is "SSH"`}}},
		{name: "key from a resource not yet created", spec: planSpec{changes: []res{unknownKey}},
			want: []row{{a, "create", "IG403", rules.Info, "public_key", unknownMsg("public_key", "IG403", "ssh-key-unparseable")}}},
		{name: "same key for two users, in two forms", spec: planSpec{changes: []res{
			newSSHKey(a, "alice", aliceSSH, "SSH"), newSSHKey(b, "bob", alicePEM, "PEM")}},
			want: []row{
				{a, "create", "IG404", rules.Medium, "public_key", `the key ` + fp + ` is uploaded for 2 users: "alice", "bob"`},
				{b, "create", "IG404", rules.Medium, "public_key", `the key ` + fp + ` is uploaded for 2 users: "alice", "bob"`},
			}},
		{name: "same key already uploaded for a user the plan does not touch", spec: planSpec{
			changes: []res{newSSHKey(a, "alice", aliceSSH, "SSH")},
			prior:   []res{{addr: c, after: sshKeyState("carol", aliceSSH, "SSH", "Active")}}},
			want: []row{{a, "create", "IG404", rules.Medium, "public_key", `the key ` + fp + ` is uploaded for 2 users: "alice", "carol"`}}},
		{name: "key moved from bob to alice", spec: planSpec{changes: []res{
			newSSHKey(a, "alice", aliceSSH, "SSH"),
			{addr: b, actions: del, before: sshKeyState("bob", aliceSSH, "SSH", "Active")}}}},
		{name: "reactivated", spec: planSpec{changes: []res{{addr: a, actions: update,
			before: sshKeyState("alice", aliceSSH, "SSH", "Inactive"), after: sshKeyState("alice", aliceSSH, "SSH", "Active")}}},
			want: []row{{a, "update", "IG405", rules.High, "status", "status changes from Inactive to Active"}}},
		{name: "deactivated", spec: planSpec{changes: []res{{addr: a, actions: update,
			before: sshKeyState("alice", aliceSSH, "SSH", "Active"), after: sshKeyState("alice", aliceSSH, "SSH", "Inactive")}}}},
		// The key is the credential: a dormant one deleted and uploaded
		// again in another form is Active again; one known only after
		// apply may be it.
		{name: "dormant key deleted and uploaded again", spec: planSpec{changes: []res{
			newSSHKey(a, "alice", alicePEM, "PEM"),
			{addr: b, actions: del, before: sshKeyState("alice", aliceSSH, "SSH", "Inactive")}}},
			want: []row{{a, "create", "IG405", rules.High, "public_key",
				"public_key holds the key of " + b + ", which this plan deletes while Inactive: uploaded again, it is Active again"}}},
		// Forgotten, it stays in AWS: the message says so.
		{name: "dormant key forgotten and uploaded again", spec: planSpec{changes: []res{
			newSSHKey(a, "alice", alicePEM, "PEM"),
			{addr: b, actions: forget, before: sshKeyState("alice", aliceSSH, "SSH", "Inactive")}}},
			want: []row{{a, "create", "IG405", rules.High, "public_key",
				"public_key holds the key of " + b + ", which this plan forgets while Inactive: uploaded again, it is Active again"}}},
		// Switched back on by the same plan: the message says so.
		{name: "dormant key reactivated and uploaded again", spec: planSpec{changes: []res{
			newSSHKey(a, "alice", alicePEM, "PEM"),
			{addr: b, actions: update, before: sshKeyState("alice", aliceSSH, "SSH", "Inactive"), after: sshKeyState("alice", aliceSSH, "SSH", "Active")}}},
			want: []row{
				{a, "create", "IG405", rules.High, "public_key",
					"public_key holds the key of " + b + ", which this plan switches back on, Inactive before it: uploaded again, it is Active again"},
				{b, "update", "IG405", rules.High, "status", "status changes from Inactive to Active"},
			}},
		{name: "dormant key deleted and a key known after apply uploaded", spec: planSpec{changes: []res{
			unknownKey, {addr: b, actions: del, before: sshKeyState("alice", aliceSSH, "SSH", "Inactive")}}},
			want: []row{
				{a, "create", "IG403", rules.Info, "public_key", unknownMsg("public_key", "IG403", "ssh-key-unparseable")},
				{a, "create", "IG405", rules.Info, "public_key", unknownMsg("public_key", "IG405", "ssh-key-reactivated")},
			}},
		{name: "dormant key deleted and uploaded again, inactive", spec: planSpec{changes: []res{
			{addr: a, actions: create, after: sshKeyState("alice", alicePEM, "PEM", "Inactive"), unknown: sshKeyComputed},
			{addr: b, actions: del, before: sshKeyState("alice", aliceSSH, "SSH", "Inactive")}}}},
	})
}
