package provider

import (
	"crypto/elliptic"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

const sshAddr = "data.iamguard_ssh_public_keys.test"

// sshKey is a fresh ECDSA P-256 key in OpenSSH form, with its fingerprint.
func sshKey(t testing.TB) (body, fingerprint string) {
	t.Helper()
	body = certtest.SSHAuthorized(t, &certtest.EC(t, elliptic.P256()).PublicKey, "")
	k, err := inspect.ParseSSHPublicKey(body)
	if err != nil {
		t.Fatal(err)
	}
	return body, k.SHA256Fingerprint
}

func TestSSHPublicKeysCompliant(t *testing.T) {
	alice, aliceFP := sshKey(t)
	bob, _ := sshKey(t)
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKAALICE0000000001", Body: alice, Uploaded: daysAgo(3)}}},
		{Name: "bob", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKABOB000000000001", Body: bob, Status: "Inactive"}}},
		{Name: "carol"},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_ssh_public_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.#", "2"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.0.user_name", "alice"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.0.ssh_public_key_id", "APKAALICE0000000001"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.0.status", "Active"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.0.upload_date", "2026-05-29T12:00:00Z"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.0.fingerprint", aliceFP),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.0.algorithm", "ECDSA"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.0.bits", "256"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.1.status", "Inactive"),
			resource.TestCheckResourceAttr(sshAddr, "compliant", "true"),
			resource.TestCheckResourceAttr(sshAddr, "findings.#", "0"),
		),
	})
	for _, r := range srv.Requests("GetSSHPublicKey") {
		if r.Params.Get("Encoding") != "SSH" {
			t.Errorf("GetSSHPublicKey with Encoding %q, want SSH", r.Params.Get("Encoding"))
		}
	}
	for _, r := range srv.Requests("ListSSHPublicKeys") {
		if r.Params.Get("UserName") == "" {
			t.Error("ListSSHPublicKeys without UserName lists only the caller's keys")
		}
	}
}

func TestSSHPublicKeysNonCompliant(t *testing.T) {
	shared, sharedFP := sshKey(t)
	dsa := certtest.SSHAuthorized(t, certtest.DSA(t), "")
	rsa1024 := certtest.SSHAuthorized(t, &certtest.RSA(t, 1024).PublicKey, "")
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "Deployer", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKADEPLOY000000001", Body: shared}}},
		{Name: "ci", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKACI0000000000001", Body: shared}}},
		{Name: "legacy", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKALEGACY000000001", Body: dsa}, {ID: "APKALEGACY000000002", Body: rsa1024}}},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_ssh_public_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.#", "4"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.2.algorithm", "DSA"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.2.bits", "1024"),
			resource.TestCheckResourceAttr(sshAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(sshAddr, "findings.#", "3"),
			resource.TestCheckResourceAttr(sshAddr, "findings.0.rule_id", "IG401"),
			resource.TestCheckResourceAttr(sshAddr, "findings.0.subject", "APKALEGACY000000001"),
			resource.TestCheckResourceAttr(sshAddr, "findings.1.rule_id", "IG402"),
			resource.TestCheckResourceAttr(sshAddr, "findings.1.message", "RSA key of 1024 bits; at least 2048 required"),
			resource.TestCheckResourceAttr(sshAddr, "findings.2.rule_id", "IG404"),
			resource.TestCheckResourceAttr(sshAddr, "findings.2.subject", sharedFP),
			resource.TestCheckResourceAttr(sshAddr, "findings.2.message", fmt.Sprintf(`the key %s is uploaded for 2 users: "Deployer", "ci"`, sharedFP)),
		),
	})
}

// TestSSHPublicKeysUserFilter: with user_name, only that user's keys are
// shown, yet a key shared with another user is still found.
func TestSSHPublicKeysUserFilter(t *testing.T) {
	shared, sharedFP := sshKey(t)
	other, _ := sshKey(t)
	weak := certtest.SSHAuthorized(t, &certtest.RSA(t, 1024).PublicKey, "")
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKAALICE0000000001", Body: shared}}},
		{Name: "bob", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKABOB000000000001", Body: shared}, {ID: "APKABOB000000000002", Body: weak}}},
		{Name: "carol", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKACAROL0000000001", Body: other}, {ID: "APKACAROL0000000002", Body: weak}}},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_ssh_public_keys" "test" { user_name = "alice" }`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.#", "1"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.0.user_name", "alice"),
			resource.TestCheckResourceAttr(sshAddr, "findings.#", "1"),
			resource.TestCheckResourceAttr(sshAddr, "findings.0.rule_id", "IG404"),
			resource.TestCheckResourceAttr(sshAddr, "findings.0.subject", sharedFP),
		),
	})
}

// TestSSHPublicKeysUserFilterOthersDenied: when the other users cannot be
// listed, the named user's keys are judged and IG806 says IG404 was not.
func TestSSHPublicKeysUserFilterOthersDenied(t *testing.T) {
	key, _ := sshKey(t)
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKAALICE0000000001", Body: key}}},
	}})
	srv.Fail("ListUsers", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_ssh_public_keys" "test" { user_name = "alice" }`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.#", "1"),
			resource.TestCheckResourceAttr(sshAddr, "findings.#", "1"),
			resource.TestCheckResourceAttr(sshAddr, "findings.0.subject", "account"),
			resource.TestCheckResourceAttr(sshAddr, "findings.0.message",
				"the other users' SSH public keys could not be read (ListUsers was denied: grant iam:ListUsers); IG404 (ssh-key-shared) not judged"),
		),
	})
}

// TestSSHPublicKeysPaginated lists with one item per page.
func TestSSHPublicKeysPaginated(t *testing.T) {
	acct := &iamtest.Account{Now: testNow}
	for i := range 4 {
		u := iamtest.User{Name: fmt.Sprintf("user%d", i)}
		for j := range 3 {
			body, _ := sshKey(t)
			u.SSHPublicKeys = append(u.SSHPublicKeys, iamtest.SSHPublicKey{ID: fmt.Sprintf("APKAUSER%d000000000%d", i, j), Body: body})
		}
		acct.Users = append(acct.Users, u)
	}
	srv := iamtest.New(t, acct)
	srv.SetPageSize(1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_ssh_public_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.#", "12"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.11.ssh_public_key_id", "APKAUSER30000000002"),
			resource.TestCheckResourceAttr(sshAddr, "compliant", "true"),
		),
	})
	// Per read: 4 pages of users, 3 pages of keys per user, 12 bodies.
	reads := srv.Operations("ListUsers") / 4
	if l, g := srv.Operations("ListSSHPublicKeys"), srv.Operations("GetSSHPublicKey"); reads == 0 || l != 12*reads || g != 12*reads {
		t.Errorf("ListUsers %d, ListSSHPublicKeys %d, GetSSHPublicKey %d; want 4, 12 and 12 per read", srv.Calls("ListUsers"), l, g)
	}
}

// TestSSHPublicKeysDeniedItems: one user's keys and another user's key
// body are refused; the rest is judged and IG806 names both.
func TestSSHPublicKeysDeniedItems(t *testing.T) {
	weak := certtest.SSHAuthorized(t, &certtest.RSA(t, 1024).PublicKey, "")
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKAALICE0000000001", Body: weak}}},
		{Name: "bob", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKABOB000000000001", Body: weak}}},
		{Name: "carol", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKACAROL0000000001", Body: weak}}},
	}})
	srv.FailItem("ListSSHPublicKeys", "UserName", "bob", iamtest.AccessDenied)
	srv.FailItem("GetSSHPublicKey", "SSHPublicKeyId", "APKACAROL0000000001", iamtest.AccessDenied)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_ssh_public_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.#", "2"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.1.user_name", "carol"),
			resource.TestCheckNoResourceAttr(sshAddr, "ssh_public_keys.1.fingerprint"),
			resource.TestCheckResourceAttr(sshAddr, "compliant", "false"),
			resource.TestCheckResourceAttr(sshAddr, "findings.#", "3"),
			resource.TestCheckResourceAttr(sshAddr, "findings.0.rule_id", "IG402"),
			resource.TestCheckResourceAttr(sshAddr, "findings.0.subject", "APKAALICE0000000001"),
			resource.TestCheckResourceAttr(sshAddr, "findings.1.rule_id", "IG806"),
			resource.TestCheckResourceAttr(sshAddr, "findings.1.subject", "APKACAROL0000000001"),
			resource.TestMatchResourceAttr(sshAddr, "findings.1.message", regexp.MustCompile(
				`^SSH public key APKACAROL0000000001 of user "carol" could not be read \(GetSSHPublicKey was denied: grant iam:GetSSHPublicKey\); IG401 \(ssh-key-dsa\), IG402 \(ssh-key-weak-rsa\), IG403 \(ssh-key-unparseable\), IG404 \(ssh-key-shared\) not judged$`)),
			resource.TestCheckResourceAttr(sshAddr, "findings.2.rule_id", "IG806"),
			resource.TestCheckResourceAttr(sshAddr, "findings.2.subject", "bob"),
			resource.TestMatchResourceAttr(sshAddr, "findings.2.message", regexp.MustCompile(
				`^the SSH public keys of user "bob" could not be read \(ListSSHPublicKeys was denied: grant iam:ListSSHPublicKeys\); IG401 .* not judged$`)),
		),
	})
}

func TestSSHPublicKeysListingDenied(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{{Name: "alice"}}})
	srv.Fail("ListUsers", iamtest.AccessDenied, -1)
	run(t, resource.TestStep{
		Config:      providerBlock(srv, "") + `data "iamguard_ssh_public_keys" "test" {}`,
		ExpectError: regexp.MustCompile(`(?s)Cannot read SSH public keys.*permission\s+iam:ListUsers`),
	})
}

// TestSSHPublicKeysPEMReply: a sound key IAM sends in PEM form, though the
// provider asks for the SSH form, is judged as the key it is, not as one in
// the wrong form (round 279: IG403).
func TestSSHPublicKeysPEMReply(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Users: []iamtest.User{
		{Name: "alice", SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKAALICE0000000001", Body: certtest.SSHPEM(t, &certtest.RSA(t, 2048).PublicKey), Uploaded: daysAgo(3)}}},
	}})
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + `data "iamguard_ssh_public_keys" "test" {}`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.0.bits", "2048"),
			resource.TestCheckResourceAttr(sshAddr, "findings.#", "0"),
		),
	})
}
