package lint

import (
	"crypto/elliptic"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// planNow is planTimestamp as a time; certificates are dated against it.
var planNow = time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC)

// testPKI is a root and intermediate valid for years around planNow.
type testPKI struct{ root, inter *certtest.Issued }

func newTestPKI(t *testing.T) testPKI {
	t.Helper()
	r := certtest.Issue(t, certtest.Cert{CN: "Test Root", CA: true, NotBefore: planNow.AddDate(-5, 0, 0), NotAfter: planNow.AddDate(5, 0, 0)})
	i := certtest.Issue(t, certtest.Cert{CN: "Test Intermediate", CA: true, Parent: r, NotBefore: planNow.AddDate(-5, 0, 0), NotAfter: planNow.AddDate(5, 0, 0)})
	return testPKI{root: r, inter: i}
}

// leaf issues a server certificate for www.example.com valid around planNow;
// set fields of c override that.
func (p testPKI) leaf(t *testing.T, c certtest.Cert) *certtest.Issued {
	t.Helper()
	if c.CN == "" {
		c.CN = "www.example.com"
	}
	if c.DNSNames == nil {
		c.DNSNames = []string{"www.example.com"}
	}
	if c.Parent == nil {
		c.Parent = p.inter
	}
	if c.NotBefore.IsZero() {
		c.NotBefore = planNow.AddDate(0, -1, 0)
	}
	if c.NotAfter.IsZero() {
		c.NotAfter = planNow.AddDate(1, 0, 0)
	}
	return certtest.Issue(t, c)
}

func (p testPKI) chain() string { return certtest.Chain(p.inter, p.root) }

const certAddr = "aws_iam_server_certificate.web"

// serverCertState is a server certificate as state holds it.
func serverCertState(body, chain, key string, kv ...any) map[string]any {
	m := map[string]any{"arn": "arn:aws:iam::111122223333:server-certificate/web", "certificate_body": body,
		"certificate_chain": nil, "expiration": "2027-11-23T07:00:00Z", "id": "ASCAEXAMPLE", "name": "web",
		"name_prefix": "", "path": "/", "private_key": key, "tags": nil, "tags_all": map[string]any{},
		"upload_date": "2026-10-23T07:00:00Z"}
	if chain != "" {
		m["certificate_chain"] = chain
	}
	return with(m, kv...)
}

var serverCertComputed = map[string]any{"arn": true, "expiration": true, "id": true, "name_prefix": true, "tags_all": true, "upload_date": true}

// newServerCert is a planned create; unknown names attributes known only
// after apply (set from other resources).
func newServerCert(body, chain, key string, unknown ...string) res {
	after := with(serverCertState(body, chain, key), "arn", omit, "expiration", omit, "id", omit,
		"name_prefix", omit, "tags_all", omit, "upload_date", omit)
	u := map[string]any{"arn": true, "expiration": true, "id": true, "name_prefix": true, "tags_all": true, "upload_date": true}
	for _, a := range unknown {
		delete(after, a)
		u[a] = true
	}
	if chain == "" {
		delete(after, "certificate_chain")
	}
	return res{addr: certAddr, actions: create, after: after, unknown: u}
}

func TestServerCertificate(t *testing.T) {
	p := newTestPKI(t)
	soundRSA := certtest.RSA(t, 2048)
	sound := p.leaf(t, certtest.Cert{Key: soundRSA})
	soundKey := certtest.PKCS1(soundRSA)
	rsa1024 := certtest.FreshRSA(t, 1024)
	weak := p.leaf(t, certtest.Cert{Key: rsa1024})
	expired := p.leaf(t, certtest.Cert{NotBefore: planNow.AddDate(-1, 0, 0), NotAfter: planNow.AddDate(0, 0, -3)})
	expiredKey := certtest.PKCS8(t, expired.Key)
	self := certtest.Issue(t, certtest.Cert{CN: "self", DNSNames: []string{}})
	huge := strings.Repeat(sound.PEM, 10<<20/len(sound.PEM)+1)
	const (
		body  = "certificate_body"
		chain = "certificate_chain"
		key   = "private_key"
	)
	runCases(t, []lintCase{
		{name: "sound certificate, chain and key", spec: planSpec{changes: []res{newServerCert(sound.PEM, p.chain(), soundKey)}}},
		{name: "expired certificate left in place", spec: planSpec{changes: []res{{addr: certAddr,
			before: serverCertState(expired.PEM, p.chain(), expiredKey), after: serverCertState(expired.PEM, p.chain(), expiredKey)}}},
			want: []row{{certAddr, "no-op", "IG301", rules.High, body, "the certificate expired on 2026-11-20, 3 days before plan time"}}},
		{name: "weak key", spec: planSpec{changes: []res{newServerCert(weak.PEM, p.chain(), certtest.PKCS1(rsa1024))}},
			want: []row{{certAddr, "create", "IG304", rules.High, body, "RSA key of 1024 bits; at least 2048 required"}}},
		{name: "chain without the intermediate", spec: planSpec{changes: []res{newServerCert(sound.PEM, p.root.PEM, soundKey)}},
			want: []row{{certAddr, "create", "IG306", rules.Medium, chain, `the chain does not verify the certificate: no certificate in the chain issued "CN=www.example.com,O=iamguard tests": an intermediate is missing, or the chain belongs to another certificate`}}},
		{name: "key of another certificate", spec: planSpec{changes: []res{newServerCert(sound.PEM, p.chain(), certtest.PKCS1(rsa1024))}},
			want: []row{{certAddr, "create", "IG307", rules.High, key, "private_key (RSA, 1024 bits) does not match the certificate's public key (RSA, 2048 bits)"}}},
		{name: "bad base64 body", spec: planSpec{changes: []res{newServerCert("-----BEGIN CERTIFICATE-----\nMIIB$$$$\n-----END CERTIFICATE-----\n", "", "")}},
			want: []row{{certAddr, "create", "IG308", rules.High, body, "certificate_body: no valid PEM block found (want a CERTIFICATE block: base64 between BEGIN and END lines)"}}},
		{name: "key in the body", spec: planSpec{changes: []res{newServerCert(soundKey, "", "")}},
			want: []row{{certAddr, "create", "IG308", rules.High, body, `certificate_body: certificate: PEM block "RSA PRIVATE KEY" is a private key, not a certificate`}}},
		{name: "10 MB body", spec: planSpec{changes: []res{newServerCert(huge, "", "")}},
			want: []row{{certAddr, "create", "IG308", rules.High, body, "certificate_body: certificate is " + itoa(len(huge)) + " bytes; iamguard inspects at most 2097152"}}},
		{name: "no DNS name, self-signed", spec: planSpec{changes: []res{newServerCert(self.PEM, "", "")}},
			want: []row{
				{certAddr, "create", "IG309", rules.Medium, body, "the certificate has no DNS subject alternative name; clients ignore the common name"},
				{certAddr, "create", "IG310", rules.Medium, body, `the certificate is self-signed (issuer and subject are both "CN=self,O=iamguard tests")`},
			}},
		{name: "body from a resource not yet created", spec: planSpec{changes: []res{newServerCert("", "", "", body, key)}},
			want: []row{{certAddr, "create", "IG308", rules.Info, body, unknownMsg(body, "IG308", "certificate-unparseable")}}},
		{name: "key and chain from resources not yet created", spec: planSpec{changes: []res{newServerCert(sound.PEM, "", "", chain, key)}},
			want: []row{
				{certAddr, "create", "IG306", rules.Info, chain, unknownMsg(chain, "IG306", "certificate-chain-invalid")},
				{certAddr, "create", "IG307", rules.Info, key, unknownMsg(key, "IG307", "certificate-key-mismatch")},
			}},
		{name: "removing an expired certificate", spec: planSpec{changes: []res{{addr: certAddr, actions: del,
			before: serverCertState(expired.PEM, "", expiredKey)}}}},
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestSignatureChecksBounded: past the run's budget of signature checks
// (inspect.MaxSignatureWork, shared by its plans), a chain is not
// verified, nor a body's own signature checked, so that many costly
// certificates cannot take minutes; each says so at the rule's severity,
// not passed. The certificates' keys, signatures and expiry are still
// judged: a weak intermediate past the budget is IG304 high.
func TestSignatureChecksBounded(t *testing.T) {
	// CAs of P-521 keys, the costliest checks to make, so that few
	// certificates spend the budget.
	long := certtest.Cert{CA: true, Key: certtest.EC(t, elliptic.P521()), NotBefore: planNow.AddDate(-5, 0, 0), NotAfter: planNow.AddDate(5, 0, 0)}
	root, inter := long, long
	root.CN = "Test Root"
	p := testPKI{root: certtest.Issue(t, root)}
	inter.CN, inter.Parent, inter.Key = "Test Intermediate", p.root, certtest.EC(t, elliptic.P521())
	p.inter = certtest.Issue(t, inter)
	leaf := p.leaf(t, certtest.Cert{}).PEM
	body, _ := json.Marshal(leaf)
	chain, _ := json.Marshal(p.chain())
	weak := certtest.Issue(t, certtest.Cert{CN: "Weak Intermediate", CA: true, Parent: p.root, Key: certtest.RSA(t, 1024),
		NotBefore: planNow.AddDate(-1, 0, 0), NotAfter: planNow.AddDate(5, 0, 0)})
	weakBody, _ := json.Marshal(p.leaf(t, certtest.Cert{Parent: weak}).PEM)
	weakChain, _ := json.Marshal(certtest.Chain(weak, p.root))
	// The certificates the budget covers wholly, by what one costs.
	budget := inspect.NewBudget()
	rules.EvaluateServerCertificate(rules.ServerCertificate{Body: rules.Known(leaf), Chain: rules.Known(p.chain()), Checks: budget}, planNow, rules.DefaultBaseline())
	covered := inspect.MaxSignatureWork / (inspect.MaxSignatureWork - budget.Left())
	var b strings.Builder
	b.WriteString(`{"format_version": "1.2", "resource_changes": [`)
	for i := range covered + 3 {
		if i > 0 {
			b.WriteString(",")
		}
		if i == covered+2 {
			body, chain = weakBody, weakChain
		}
		fmt.Fprintf(&b, `{"address": "aws_iam_server_certificate.c%05d", "mode": "managed", "type": "aws_iam_server_certificate", "name": "c%05d",
		  "change": {"actions": ["create"], "before": null, "after": {"certificate_body": %s, "certificate_chain": %s}, "after_unknown": {}}}`,
			i, i, body, chain)
	}
	b.WriteString(`]}`)
	shared := inspect.NewBudget() // a run's, for all its plans
	res := Lint(readPlan(t, []byte(b.String())), Options{Now: planNow, Checks: shared})
	unchecked := map[string]int{}
	weakKey := false
	for _, f := range res.Findings {
		switch {
		case (f.Rule == rules.CertificateChainInvalid || f.Rule == rules.CertificateSelfSigned) && f.Severity == rules.Medium &&
			strings.Contains(f.Message, "more work than iamguard does in one run or read"):
			unchecked[f.Address]++
		case f.Rule == rules.CertificateChainInvalid || f.Rule == rules.CertificateSelfSigned:
			t.Errorf("%s: %s %s %s", f.Address, f.Rule.ID, f.Severity, f.Message)
		}
		weakKey = weakKey || f.Rule == rules.CertificateWeakKey && f.Severity == rules.High && strings.Contains(f.Message, "Weak Intermediate")
	}
	// The one after the covered ones may be checked in part; nothing past
	// it is.
	for i := covered + 1; i < covered+3; i++ {
		if addr := fmt.Sprintf("aws_iam_server_certificate.c%05d", i); unchecked[addr] != 2 {
			t.Errorf("%s: %d findings for checks not made, want IG306 and IG310", addr, unchecked[addr])
		}
	}
	if len(unchecked) > 3 {
		t.Errorf("certificates not checked: %v; want those past the %d the budget covers", unchecked, covered)
	}
	if !weakKey {
		t.Error("no IG304 high on the weak intermediate of the chain past the budget")
	}
	// A second plan of the run checks nothing more (round 226: each plan
	// had a budget of its own, and five took five times as long).
	again := 0
	for _, f := range Lint(readPlan(t, []byte(b.String())), Options{Now: planNow, Checks: shared}).Findings {
		if strings.Contains(f.Message, "more work than iamguard does in one run or read") {
			again++
		}
	}
	if want := 2 * (covered + 3); again != want {
		t.Errorf("the run's second plan: %d findings for checks not made, want %d (IG306 and IG310 for each)", again, want)
	}
}

// TestBlankChainsCostNothing: a chain that is blank or does not parse
// costs the plan's budget of signature checks nothing: a thousand
// certificates with one, ahead of one with a chain of another CA, leave
// that one's IG306 at medium.
func TestBlankChainsCostNothing(t *testing.T) {
	p := newTestPKI(t)
	body, _ := json.Marshal(p.leaf(t, certtest.Cert{}).PEM)
	other := newTestPKI(t)
	wrong, _ := json.Marshal(other.chain())
	var b strings.Builder
	b.WriteString(`{"format_version": "1.2", "resource_changes": [`)
	for i := range 1001 {
		chain := `"\n"`
		if i%2 == 1 {
			chain = `"-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----\n"`
		}
		fmt.Fprintf(&b, `{"address": "aws_iam_server_certificate.a%d", "mode": "managed", "type": "aws_iam_server_certificate", "name": "a%d",
		  "change": {"actions": ["create"], "before": null, "after": {"certificate_body": %s, "certificate_chain": %s}, "after_unknown": {}}},`,
			i, i, body, chain)
	}
	fmt.Fprintf(&b, `{"address": "aws_iam_server_certificate.zzz", "mode": "managed", "type": "aws_iam_server_certificate", "name": "zzz",
	  "change": {"actions": ["create"], "before": null, "after": {"certificate_body": %s, "certificate_chain": %s}, "after_unknown": {}}}]}`, body, wrong)
	res := Lint(readPlan(t, []byte(b.String())), Options{Now: planNow})
	for _, f := range res.Findings {
		if f.Address == "aws_iam_server_certificate.zzz" && f.Rule == rules.CertificateChainInvalid && f.Severity != rules.Medium {
			t.Errorf("the last certificate's IG306 is %s: %s", f.Severity, f.Message)
		}
	}
	if !slices.ContainsFunc(res.Findings, func(f Finding) bool {
		return f.Address == "aws_iam_server_certificate.zzz" && f.Rule == rules.CertificateChainInvalid
	}) {
		t.Error("no IG306 on the certificate with another CA's chain")
	}
}
