package inspect_test

import (
	"strings"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

// TestSSHKeyAuthorized: both encodings of one key give the same
// comment-free OpenSSH line.
func TestSSHKeyAuthorized(t *testing.T) {
	pub := certtest.RSA(t, 2048).Public()
	line := certtest.SSHAuthorized(t, pub, "alice@example.com")
	fromLine, err := inspect.ParseSSHPublicKey(line)
	if err != nil {
		t.Fatal(err)
	}
	fromPEM, err := inspect.ParseSSHPublicKey(certtest.SSHPEM(t, pub))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.TrimSuffix(line, " alice@example.com\n")
	if fromLine.Authorized != want || fromPEM.Authorized != want {
		t.Errorf("Authorized: from the line %q, from PEM %q, want %q", fromLine.Authorized, fromPEM.Authorized, want)
	}
}
