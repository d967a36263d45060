package rules

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

// secret marks a value sensitive.
func secret[T any](v Value[T]) Value[T] {
	v.Sensitive = true
	return v
}

// TestSensitiveNeverShown: every finding an evaluator draws from a
// sensitive value is withheld, whatever its severity; only one undecided
// built (known only after apply, unreadable, iamguard's own bound), whose
// message holds no value, keeps its text. Each case names a canary: text
// the message would show of the value. Info findings were passed over
// (attack round 77: a sensitive certificate_body's IG310 info named its
// 9,000-bit key; a sensitive minimum_password_length of 200 gave IG101 info
// naming the 6 to 128 IAM takes).
func TestSensitiveNeverShown(t *testing.T) {
	b := DefaultBaseline()
	costly, err := os.ReadFile("../inspect/testdata/e20-8200-other-issuer.pem")
	if err != nil {
		t.Fatal(err)
	}
	costlyNow := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	weak := certtest.Issue(t, certtest.Cert{CN: "weak.example.com", Key: certtest.RSA(t, 1024)})
	rsa1024 := certtest.SSHAuthorized(t, certtest.RSA(t, 1024).Public(), "")
	p := newPKI(t)
	leaf := p.leaf(t, certtest.Cert{})
	policy := func(edit func(*PasswordPolicy)) PasswordPolicy {
		q := strong()
		edit(&q)
		return q
	}
	for _, c := range []struct {
		name    string
		fs      []Finding
		canary  string // text drawn from the value, never to be shown
		atInfo  bool   // the case gives an info finding drawn from the value
		mayKeep string // text a value-free finding keeps
	}{
		{name: "self-signature too costly to check", canary: "8200",
			fs:     EvaluateServerCertificate(ServerCertificate{Body: secret(Known(string(costly)))}, costlyNow, b),
			atInfo: true},
		{name: "weak self-signed body", canary: "1024",
			fs: EvaluateServerCertificate(ServerCertificate{Body: secret(Known(weak.PEM))}, certNow, b)},
		{name: "signing certificate", canary: "1024",
			fs: EvaluateSigningCertificate(secret(Known(weak.PEM)), certNow, b)},
		{name: "chain past the bound", canary: "Test Intermediate", mayKeep: "more work than iamguard does",
			fs: EvaluateServerCertificate(ServerCertificate{Body: Known(leaf.PEM), Chain: secret(Known(p.chain())), Checks: new(inspect.Budget)}, certNow, b)},
		{name: "body known after apply", mayKeep: "known only after apply",
			fs: EvaluateServerCertificate(ServerCertificate{Body: secret(UnknownValue[string]())}, certNow, b)},
		{name: "length IAM refuses", canary: "6 to 128", atInfo: true,
			fs: EvaluatePasswordPolicy(policy(func(q *PasswordPolicy) { q.MinimumLength = secret(Known(200)) }), b)},
		{name: "reuse IAM refuses", canary: "1 to 24", atInfo: true,
			fs: EvaluatePasswordPolicy(policy(func(q *PasswordPolicy) { q.ReusePrevention = secret(Known(30)) }), b)},
		{name: "weak length", canary: "is 7",
			fs: EvaluatePasswordPolicy(policy(func(q *PasswordPolicy) { q.MinimumLength = secret(Known(7)) }), b)},
		{name: "length unreadable", mayKeep: "cannot read",
			fs: EvaluatePasswordPolicy(policy(func(q *PasswordPolicy) { q.MinimumLength = secret(UnreadableValue[int]()) }), b)},
		{name: "weak SSH key", canary: "1024",
			fs: func() []Finding {
				fs, _ := EvaluateSSHKey(SSHPublicKey{PublicKey: secret(Known(rsa1024)), Encoding: Known("PEM")}, b)
				return fs
			}()},
		{name: "trail in one region", canary: "eu-west-1",
			fs: EvaluateTrail(trail(func(t *Trail) { t.MultiRegion, t.HomeRegion = secret(Known(false)), secret(Known("eu-west-1")) }))},
		// Only the home region sensitive: where the trail lives, even
		// with its name withheld, is not shown either (round 189).
		{name: "trail in one sensitive region", canary: "lives in",
			fs: EvaluateTrail(trail(func(t *Trail) { t.MultiRegion, t.HomeRegion = Known(false), secret(Known("eu-west-1")) }))},
		// A private key that is a certificate: the PEM block's type
		// (round 189).
		{name: "private key that does not parse", canary: "CERTIFICATE",
			fs: EvaluateServerCertificate(ServerCertificate{Body: Known(leaf.PEM), PrivateKey: secret(Known(leaf.PEM))}, certNow, b)},
		// One key's status sensitive, listed before one that is not: which
		// keys are active (round 189).
		{name: "access keys, one status sensitive", canary: "2 active",
			fs: EvaluateAccessKeys(Known("alice"), []AccessKey{{Name: "a", Active: true, StatusSensitive: true}, {Name: "b", Active: true}}, certNow, b)},
		{name: "access key reactivated", canary: "Inactive",
			fs: Reactivation(AccessKeyReactivated, secret(Known("Inactive")), secret(Known("Active")))},
		{name: "old access key", canary: "days old",
			fs: EvaluateAccessKeys(Known("alice"), []AccessKey{{Name: "k", Active: true, Created: certNow.AddDate(-1, 0, 0), CreatedSensitive: true}}, certNow, b)},
	} {
		if len(c.fs) == 0 {
			t.Errorf("%s: no finding; the case proves nothing", c.name)
			continue
		}
		info := false
		for _, f := range c.fs {
			switch {
			case c.canary != "" && strings.Contains(f.Message, c.canary):
				t.Errorf("%s: %s at %s shows the sensitive value: %q", c.name, f.Rule.ID, f.Severity, f.Message)
			case !f.valueFree && !strings.Contains(f.Message, redacted):
				t.Errorf("%s: %s at %s is drawn from a sensitive value but not withheld: %q", c.name, f.Rule.ID, f.Severity, f.Message)
			case f.valueFree && c.mayKeep != "" && !strings.Contains(f.Message, c.mayKeep):
				t.Errorf("%s: %s at %s lost its value-free text: %q", c.name, f.Rule.ID, f.Severity, f.Message)
			}
			info = info || f.Severity == Info && !f.valueFree
		}
		if c.atInfo && !info {
			t.Errorf("%s: no info finding drawn from the value; the case proves nothing: %+v", c.name, got(c.fs))
		}
	}
}
