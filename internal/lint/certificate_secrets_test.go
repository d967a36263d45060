package lint_test

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/report"
)

// TestCertificateMaterialNeverLeaves plants private keys, certificate bodies
// and broken material carrying canary strings in a plan, lints it and
// renders every report format: no PEM armour, base64 line of the material
// or canary may appear.
func TestCertificateMaterialNeverLeaves(t *testing.T) {
	now := time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC)
	weakKey := certtest.FreshRSA(t, 1024)
	// Weak, expired, self-signed: many findings, each a chance to leak.
	body := certtest.Issue(t, certtest.Cert{Key: weakKey, CN: "leak.example.com",
		NotBefore: now.AddDate(-2, 0, 0), NotAfter: now.AddDate(0, 0, -1)}).PEM
	otherKey := certtest.PKCS1(certtest.FreshRSA(t, 1024)) // IG307 fires on it
	const (
		canaryBody = "CANARYBODYc2VjcmV0IGNlcnRpZmljYXRlIGJvZHk"
		canaryKey  = "CANARYKEYc2VjcmV0IHByaXZhdGUga2V5IG1hdGVyaWFs"
		canarySSH  = "CANARYSSHc2VjcmV0IHNzaCBrZXk"
	)
	brokenBody := "-----BEGIN CERTIFICATE-----\n" + canaryBody + "\n-----END CERTIFICATE-----\n"
	brokenKey := "-----BEGIN RSA PRIVATE KEY-----\n" + canaryKey + "\n-----END RSA PRIVATE KEY-----\n"
	sshKey := certtest.SSHAuthorized(t, &weakKey.PublicKey, "")

	chain := certtest.Issue(t, certtest.Cert{CN: "Unrelated CA", CA: true}).PEM // IG306 fires on it
	server := func(name, body, key string) map[string]any {
		v := map[string]any{"name": name, "path": "/", "certificate_body": body, "certificate_chain": chain, "private_key": key}
		return map[string]any{"address": "aws_iam_server_certificate." + name, "mode": "managed",
			"type": "aws_iam_server_certificate", "name": name, "provider_name": "registry.terraform.io/hashicorp/aws",
			"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": v,
				"after_unknown":   map[string]any{"arn": true, "id": true},
				"after_sensitive": map[string]any{"private_key": true}}}
	}
	other := func(typ, name string, after map[string]any) map[string]any {
		return map[string]any{"address": typ + "." + name, "mode": "managed", "type": typ, "name": name,
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change":        map[string]any{"actions": []string{"create"}, "before": nil, "after": after, "after_unknown": map[string]any{}}}
	}
	p := map[string]any{"format_version": "1.2", "terraform_version": "1.8.5", "timestamp": now.Format(time.RFC3339),
		"resource_changes": []any{
			server("weak", body, otherKey),
			server("broken", brokenBody, brokenKey),
			other("aws_iam_signing_certificate", "weak", map[string]any{"certificate_body": body, "status": "Active", "user_name": "alice"}),
			other("aws_iam_signing_certificate", "broken", map[string]any{"certificate_body": brokenBody, "status": "Active", "user_name": "bob"}),
			other("aws_iam_user_ssh_key", "weak", map[string]any{"public_key": sshKey, "encoding": "PEM", "username": "alice"}),
			other("aws_iam_user_ssh_key", "broken", map[string]any{"public_key": "ssh-rsa " + canarySSH + " x", "encoding": "SSH", "username": "bob"}),
			other("aws_iam_user_ssh_key", "private", map[string]any{"public_key": brokenKey, "encoding": "PEM", "username": "carol"}),
		}}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := plan.Read(bytes.NewReader(data), lint.ResourceTypes)
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Lint(pl, lint.Options{})
	rules := map[string]bool{}
	for _, f := range res.Findings {
		rules[f.Rule.ID] = true
	}
	for _, id := range []string{"IG301", "IG304", "IG306", "IG307", "IG308", "IG310", "IG402", "IG403", "IG502"} {
		if !rules[id] {
			t.Errorf("%s did not fire; the test would not see its message", id)
		}
	}

	secrets := []string{"-----BEGIN", "-----END", "PRIVATE KEY-----", canaryBody, canaryKey, canarySSH, sshKey[8:40]}
	for _, pemText := range []string{body, chain, otherKey, certtest.PKCS1(weakKey)} {
		for _, line := range strings.Split(pemText, "\n") {
			if len(line) >= 16 && !strings.HasPrefix(line, "-----") {
				secrets = append(secrets, line[:16])
			}
		}
	}
	rep := report.New(res, "test")
	if testing.Verbose() {
		var b bytes.Buffer
		_ = report.WriteText(&b, rep, report.Options{})
		t.Log(b.String())
	}
	names := make([]string, 0, len(report.Formats))
	for name := range report.Formats {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var out bytes.Buffer
		if err := report.Formats[name](&out, rep, report.Options{}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, s := range secrets {
			if strings.Contains(out.String(), s) {
				t.Errorf("%s report contains %q", name, s)
			}
		}
	}
}
