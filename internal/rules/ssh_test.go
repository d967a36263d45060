package rules

import (
	"crypto/elliptic"
	"fmt"
	"strings"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

func TestEvaluateSSHKey(t *testing.T) {
	rsa2048 := certtest.RSA(t, 2048)
	rsa1024 := certtest.RSA(t, 1024)
	key := func(text, enc string) SSHPublicKey { return SSHPublicKey{PublicKey: Known(text), Encoding: Known(enc)} }
	tests := []struct {
		name string
		in   SSHPublicKey
		want []want
	}{
		{"RSA 2048 in SSH form", key(certtest.SSHAuthorized(t, &rsa2048.PublicKey, "alice"), "SSH"), nil},
		{"RSA 2048 in PEM form", key(certtest.SSHPEM(t, &rsa2048.PublicKey), "PEM"), nil},
		{"encoding is case-insensitive", key(certtest.SSHPEM(t, &rsa2048.PublicKey), "pem"), nil},
		{"Ed25519", key(certtest.SSHAuthorized(t, certtest.Ed25519(t).Public(), ""), "SSH"), nil},
		{"ECDSA P-256", key(certtest.SSHAuthorized(t, &certtest.EC(t, elliptic.P256()).PublicKey, ""), "SSH"), nil},
		{"DSA", key(certtest.SSHAuthorized(t, certtest.DSA(t), ""), "SSH"),
			[]want{{"IG401", High, "public_key", "ssh-dss (DSA) key of 1024 bits; use RSA of at least 2048 bits"}}},
		{"RSA 1024", key(certtest.SSHAuthorized(t, &rsa1024.PublicKey, ""), "SSH"),
			[]want{{"IG402", High, "public_key", "RSA key of 1024 bits; at least 2048 required"}}},
		{"RSA 1024 in PEM form", key(certtest.SSHPEM(t, &rsa1024.PublicKey), "PEM"),
			[]want{{"IG402", High, "public_key", "RSA key of 1024 bits; at least 2048 required"}}},
		{"SSH form declared PEM", key(certtest.SSHAuthorized(t, &rsa2048.PublicKey, ""), "PEM"),
			[]want{{"IG403", Medium, "encoding", `public_key is in SSH (OpenSSH one-line) form but encoding is "PEM"`}}},
		{"PEM form declared SSH", key(certtest.SSHPEM(t, &rsa2048.PublicKey), "SSH"),
			[]want{{"IG403", Medium, "encoding", `public_key is in PEM form but encoding is "SSH"`}}},
		// Only the key sensitive: its form is not shown, the encoding is,
		// and the message names the key as the sensitive value.
		{"sensitive key in the other form", SSHPublicKey{PublicKey: secret(Known(certtest.SSHAuthorized(t, &rsa1024.PublicKey, ""))), Encoding: Known("PEM")},
			[]want{
				{"IG403", Medium, "encoding", `public_key is (sensitive) and not in the form encoding "PEM" names`},
				{"IG402", High, "public_key", SSHKeyWeakRSA.Summary + "; public_key is (sensitive), so the details are not shown"},
			}},
		{"bad base64", key("ssh-rsa AAAA%%%% bob", "SSH"),
			[]want{{"IG403", Medium, "public_key", `public_key: not an OpenSSH public key (expected "TYPE BASE64 [comment]" with valid base64 key data)`}}},
		{"private key pasted", key(certtest.PKCS1(rsa1024), "PEM"),
			[]want{{"IG403", Medium, "public_key", `public_key: PEM block "RSA PRIVATE KEY" is a private key; upload only the public key`}}},
		{"key unknown", SSHPublicKey{PublicKey: UnknownValue[string](), Encoding: Known("SSH")},
			[]want{{"IG403", Info, "public_key", unknownMsg("public_key", "IG403", "ssh-key-unparseable")}}},
		{"encoding unknown, weak key still judged", SSHPublicKey{PublicKey: Known(certtest.SSHAuthorized(t, &rsa1024.PublicKey, "")), Encoding: UnknownValue[string]()},
			[]want{
				{"IG403", Info, "encoding", unknownMsg("encoding", "IG403", "ssh-key-unparseable")},
				{"IG402", High, "public_key", "RSA key of 1024 bits; at least 2048 required"},
			}},
	}
	noKey := map[string]bool{"bad base64": true, "private key pasted": true, "key unknown": true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, k := EvaluateSSHKey(tt.in, DefaultBaseline())
			assertFindings(t, fs, tt.want)
			if (k == nil) != noKey[tt.name] {
				t.Errorf("parsed key returned = %v, want %v", k != nil, !noKey[tt.name])
			}
		})
	}
}

// TestSharedSSHKeysByUserKey: UserKey, where given, tells users apart
// instead of their names.
func TestSharedSSHKeysByUserKey(t *testing.T) {
	use := func(user, key string) SSHKeyUse {
		return SSHKeyUse{User: Known(user), UserKey: key, Fingerprint: Known("SHA256:k")}
	}
	if got := SharedSSHKeys([]SSHKeyUse{use("x (known after apply)", "1"), use("x (known after apply)", "2")}); len(got) != 1 {
		t.Errorf("two user keys: %v, want the key shared", got)
	}
	if got := SharedSSHKeys([]SSHKeyUse{use("a", "1"), use("b", "1")}); len(got) != 0 {
		t.Errorf("one user key: %v, want one user", got)
	}
}

// TestSharedSSHKeysReadFrom: uploads of a key known only after apply read
// alike from a source may share it (IG404 info); the message names a few
// of its references, however many it has.
func TestSharedSSHKeysReadFrom(t *testing.T) {
	refs := make([]string, 1500)
	for i := range refs {
		refs[i] = fmt.Sprintf("terraform_data.k%d.output", i)
	}
	use := func(user string) SSHKeyUse {
		return SSHKeyUse{User: Known(user), Fingerprint: Known("source 1 in "), ReadFrom: refs}
	}
	got := SharedSSHKeys([]SSHKeyUse{use("alice"), use("bob")})
	f, ok := got["source 1 in "]
	if !ok || f.Severity != Info || strings.Count(f.Message, "terraform_data.") != namedAtMost || !strings.Contains(f.Message, "and 1495 more") {
		t.Errorf("findings %v; want IG404 info naming %d references and the count", got, namedAtMost)
	}
}

func TestSharedSSHKeys(t *testing.T) {
	use := func(user, fp string) SSHKeyUse { return SSHKeyUse{User: Known(user), Fingerprint: Known(fp)} }
	got := SharedSSHKeys([]SSHKeyUse{
		use("bob", "SHA256:abc"), use("alice", "SHA256:abc"), use("alice", "SHA256:abc"), // the same upload twice is one user
		use("carol", "SHA256:own"),
		use("Deployer", "SHA256:dup"), use("deployer", "SHA256:dup"), // IAM user names are case-insensitive
		use("", "SHA256:x"), use("dave", ""), // no user or no key: left out
		{User: UnknownValue[string](), Fingerprint: Known("SHA256:own")},
	})
	if len(got) != 2 {
		t.Fatalf("got %d shared keys, want 2: %v", len(got), got)
	}
	// carol's key is uploaded for a user known only after apply too
	assertFindings(t, []Finding{got["SHA256:own"]}, []want{{"IG404", Info, "username", "username is known only after apply; IG404 (ssh-key-shared) cannot be judged until then"}})
	f := got["SHA256:abc"]
	assertFindings(t, []Finding{f}, []want{{"IG404", Medium, "public_key", `the key SHA256:abc is uploaded for 2 users: "alice", "bob"`}})
	if f.Subject != "SHA256:abc" {
		t.Errorf("subject = %q", f.Subject)
	}
	// A user's name marked sensitive under one spelling is withheld under all.
	secret := use("alice", "SHA256:abc")
	secret.User.Sensitive = true
	got = SharedSSHKeys([]SSHKeyUse{use("Alice", "SHA256:abc"), secret, use("bob", "SHA256:abc")})
	if m := got["SHA256:abc"].Message; strings.Contains(strings.ToLower(m), "alice") {
		t.Errorf("the sensitive name is printed: %s", m)
	}
	// A key one upload marks sensitive is withheld, whichever upload comes
	// first and whether or not that one's user is known.
	hidden := SSHKeyUse{User: UnknownValue[string](), Fingerprint: Known("SHA256:abc")}
	hidden.Fingerprint.Sensitive = true
	got = SharedSSHKeys([]SSHKeyUse{use("alice", "SHA256:abc"), hidden, use("bob", "SHA256:abc")})
	if m := got["SHA256:abc"].Message; strings.Contains(m, "SHA256:abc") || !strings.Contains(m, "(sensitive)") {
		t.Errorf("the sensitive key is printed: %s", m)
	}
	// Where a withheld name comes in the list tells nothing of it: after
	// the names shown, whatever it sorts as.
	for _, name := range []string{"aaron", "zoe"} {
		secret := use(name, "SHA256:abc")
		secret.User.Sensitive = true
		got = SharedSSHKeys([]SSHKeyUse{use("bob", "SHA256:abc"), secret, use("carol", "SHA256:abc")})
		if m, want := got["SHA256:abc"].Message, `uploaded for 3 users: "bob", "carol", (sensitive)`; !strings.HasSuffix(m, want) {
			t.Errorf("sensitive %q: %s, want it to end %s", name, m, want)
		}
	}
}
