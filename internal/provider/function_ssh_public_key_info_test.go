package provider

import (
	"crypto/ed25519"
	"crypto/rsa"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"golang.org/x/crypto/ssh"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

func parsedSSHKey(t *testing.T, text string) *inspect.SSHKey {
	t.Helper()
	k, err := inspect.ParseSSHPublicKey(text)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// openSSHPrivateKey renders a private key as ssh-keygen writes it.
func openSSHPrivateKey(t *testing.T, k ed25519.PrivateKey) string {
	t.Helper()
	b, err := ssh.MarshalPrivateKey(k, "")
	if err != nil {
		t.Fatal(err)
	}
	return certtest.PEM(b.Type, b.Bytes)
}

func TestSSHPublicKeyInfo(t *testing.T) {
	ed := certtest.Ed25519(t)
	edLine := certtest.SSHAuthorized(t, ed.Public(), "alice@example.com")
	edKey := parsedSSHKey(t, edLine)
	rsaPEM := certtest.SSHPEM(t, certtest.RSA(t, 1024).Public())
	rsaKey := parsedSSHKey(t, rsaPEM)
	dsaLine := certtest.SSHAuthorized(t, certtest.DSA(t), "")
	neutral := make([]byte, ed25519.PublicKeySize)
	neutral[0] = 1
	file := config.TestNameFile("test.tf")
	at := func(name string) tfjsonpath.Path { return tfjsonpath.New(name) }
	weakRSA := finding("IG402", "ssh-key-weak-rsa", "high", "RSA key of 1024 bits; at least 2048 required")
	runFunctionTest(t,
		resource.TestStep{
			ConfigFile:      file,
			ConfigVariables: config.Variables{"key": config.StringVariable(edLine)},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("info", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"algorithm":          knownvalue.StringExact("Ed25519"),
					"type":               knownvalue.StringExact("ssh-ed25519"),
					"bits":               knownvalue.Int64Exact(256),
					"encoding":           knownvalue.StringExact("SSH"),
					"sha256_fingerprint": knownvalue.StringExact(edKey.SHA256Fingerprint),
					"md5_fingerprint":    knownvalue.StringExact(edKey.MD5Fingerprint),
					// The comment is dropped.
					"public_key": knownvalue.StringExact(strings.TrimSuffix(edLine, " alice@example.com\n")),
					"findings":   noFindings,
				})),
				statecheck.ExpectKnownOutputValue("default_baseline", noFindings),
			},
		},
		// A PEM key is normalised to the OpenSSH form; its fingerprint is the
		// one the OpenSSH form of the same key has.
		resource.TestStep{
			ConfigFile:      file,
			ConfigVariables: config.Variables{"key": config.StringVariable(rsaPEM)},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("info", at("encoding"), knownvalue.StringExact("PEM")),
				statecheck.ExpectKnownOutputValueAtPath("info", at("algorithm"), knownvalue.StringExact("RSA")),
				statecheck.ExpectKnownOutputValueAtPath("info", at("bits"), knownvalue.Int64Exact(1024)),
				statecheck.ExpectKnownOutputValueAtPath("info", at("public_key"),
					knownvalue.StringExact(strings.TrimSpace(certtest.SSHAuthorized(t, certtest.RSA(t, 1024).Public(), "")))),
				statecheck.ExpectKnownOutputValueAtPath("info", at("sha256_fingerprint"), knownvalue.StringExact(rsaKey.SHA256Fingerprint)),
				statecheck.ExpectKnownOutputValueAtPath("info", at("findings"), knownvalue.ListExact([]knownvalue.Check{weakRSA})),
			},
		},
		resource.TestStep{
			ConfigFile: file,
			ConfigVariables: config.Variables{
				"key":      config.StringVariable(rsaPEM),
				"baseline": config.ObjectVariable(map[string]config.Variable{"min_rsa_bits": config.IntegerVariable(1024)}),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("info", at("findings"), noFindings),
				statecheck.ExpectKnownOutputValue("default_baseline", knownvalue.ListExact([]knownvalue.Check{weakRSA})),
			},
		},
		resource.TestStep{
			ConfigFile:      file,
			ConfigVariables: config.Variables{"key": config.StringVariable(dsaLine)},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("info", at("algorithm"), knownvalue.StringExact("DSA")),
				statecheck.ExpectKnownOutputValueAtPath("info", at("findings"), knownvalue.ListExact([]knownvalue.Check{
					finding("IG401", "ssh-key-dsa", "high", "ssh-dss (DSA) key of 1024 bits; use RSA of at least 2048 bits"),
				})),
			},
		},
		// The neutral point, which any signature "R = neutral, S = 0"
		// verifies under (round 244: no finding).
		resource.TestStep{
			ConfigFile:      file,
			ConfigVariables: config.Variables{"key": config.StringVariable(certtest.SSHAuthorized(t, ed25519.PublicKey(neutral), ""))},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("info", at("algorithm"), knownvalue.StringExact("Ed25519")),
				statecheck.ExpectKnownOutputValueAtPath("info", at("findings"), knownvalue.ListExact([]knownvalue.Check{
					finding("IG403", "ssh-key-unparseable", "high", "public_key is an Ed25519 public key of small order; anyone can make signatures that verify under it"),
				})),
			},
		},
		// An RSA key of the exponent 1, which OpenSSH reads (round 297: an
		// argument error, as a key no SSH reads).
		resource.TestStep{
			ConfigFile:      file,
			ConfigVariables: config.Variables{"key": config.StringVariable(certtest.SSHPEM(t, &rsa.PublicKey{N: certtest.RSA(t, 2048).N, E: 1}))},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("info", at("algorithm"), knownvalue.StringExact("RSA")),
				statecheck.ExpectKnownOutputValueAtPath("info", at("findings"), knownvalue.ListExact([]knownvalue.Check{
					finding("IG403", "ssh-key-unparseable", "high", "public_key is an RSA key with the public exponent 1; anyone can make signatures that verify under it"),
				})),
			},
		},
	)
}

func TestSSHPublicKeyInfoNull(t *testing.T) {
	runFunctionTest(t, resource.TestStep{
		ConfigFile:  config.TestNameFile("test.tf"),
		ExpectError: errorText(`key is null: pass one SSH public key, such as file("id_rsa.pub")`),
	})
}

// TestSSHPublicKeyInfoUnknown: a key or a baseline known only after apply
// makes the whole result unknown during plan.
func TestSSHPublicKeyInfoUnknown(t *testing.T) {
	key := certtest.SSHAuthorized(t, certtest.RSA(t, 1024).Public(), "")
	runFunctionTest(t, resource.TestStep{
		ConfigFile:      config.TestNameFile("test.tf"),
		ConfigVariables: config.Variables{"key": config.StringVariable(key)},
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectUnknownOutputValue("key_unknown"),
			plancheck.ExpectUnknownOutputValue("baseline_unknown"),
			plancheck.ExpectKnownOutputValue("known", knownvalue.Int64Exact(1024)),
		}},
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValueAtPath("key_unknown", tfjsonpath.New("findings"), knownvalue.ListSizeExact(1)),
			statecheck.ExpectKnownOutputValueAtPath("baseline_unknown", tfjsonpath.New("findings"), noFindings),
		},
	})
}

func TestSSHPublicKeyInfoBad(t *testing.T) {
	ed := certtest.Ed25519(t)
	line := certtest.SSHAuthorized(t, ed.Public(), "")
	file := config.StaticFile("testdata/TestSSHPublicKeyInfoBad/test.tf") // subtests share it
	for name, c := range map[string]struct {
		key  string
		want string
	}{
		"not a key": {"hello", "key is not one SSH public key (not an OpenSSH public key"},
		"OpenSSH private key": {openSSHPrivateKey(t, ed), `key is not one SSH public key (PEM block "OPENSSH PRIVATE KEY" is a private key; upload only the public key). ` +
			`Pass the public half only`},
		"PKCS#8 private key": {certtest.PKCS8(t, ed), `PEM block "PRIVATE KEY" is a private key`},
		"two keys":           {line + line, "more than one line of key data"},
		"empty":              {"", "SSH public key is empty"},
	} {
		t.Run(name, func(t *testing.T) {
			runFunctionTest(t, resource.TestStep{ConfigFile: file, ConfigVariables: config.Variables{"key": config.StringVariable(c.key)},
				ExpectError: errorText(c.want)})
		})
	}
}
