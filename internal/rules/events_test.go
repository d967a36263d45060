package rules

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
)

var eventTime = time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)

func TestEventRulesCatalogue(t *testing.T) {
	for i, c := range []struct{ id, slug, event string }{
		{"IG901", "event-password-policy-weak", "UpdateAccountPasswordPolicy"},
		{"IG902", "event-access-key-activated", "UpdateAccessKey"},
		{"IG903", "event-server-certificate-uploaded", "UploadServerCertificate"},
		{"IG904", "event-ssh-key-uploaded", "UploadSSHPublicKey"},
		{"IG905", "event-signing-certificate-deleted", "DeleteSigningCertificate"},
	} {
		r := ByID(c.id)
		if r == nil || r.Slug != c.slug || r.Event != c.event || len(r.ResourceTypes) != 0 || EventRule(c.event) != r || GuardedEvents[i] != c.event {
			t.Errorf("%s = %+v", c.id, r)
		}
	}
	if r := ByID("IG707"); r != CloudTrailNoIAMRecording || r.Slug != "cloudtrail-no-iam-recording" || len(r.ResourceTypes) != 0 {
		t.Errorf("IG707 = %+v", r)
	}
}

func strongRequest() map[string]any {
	return map[string]any{"minimumPasswordLength": 14.0, "requireSymbols": true, "requireNumbers": true,
		"requireUppercaseCharacters": true, "requireLowercaseCharacters": true, "allowUsersToChangePassword": true,
		"maxPasswordAge": 90.0, "passwordReusePrevention": 24.0}
}

func TestEvaluateEvents(t *testing.T) {
	user := "arn:aws:iam::111122223333:user/alice"
	deployer := "arn:aws:sts::111122223333:assumed-role/deployer/ci"
	weak := strongRequest()
	weak["minimumPasswordLength"] = 8.0
	delete(weak, "requireSymbols")
	expected := Principals(func(arn string) bool { return arn == "arn:aws:iam::111122223333:role/deployer" })
	events := []Event{
		{ID: "e1", Name: EventUpdateAccountPasswordPolicy, PrincipalType: "IAMUser", PrincipalARN: user, Parameters: strongRequest()},
		{ID: "e2", Name: EventUpdateAccountPasswordPolicy, PrincipalType: "IAMUser", PrincipalARN: user, Parameters: weak},
		{ID: "e3", Name: EventUpdateAccessKey, PrincipalType: "IAMUser", PrincipalARN: user,
			Parameters: map[string]any{"accessKeyId": "AKIAOLD", "status": "Active", "userName": "bob"}},
		{ID: "e4", Name: EventUpdateAccessKey, PrincipalType: "IAMUser", PrincipalARN: user, Parameters: map[string]any{"accessKeyId": "AKIAOLD", "status": "Inactive"}},
		{ID: "e5", Name: EventUploadServerCertificate, PrincipalType: "AssumedRole", PrincipalARN: deployer,
			IssuerARN: "arn:aws:iam::111122223333:role/deployer", Parameters: map[string]any{"serverCertificateName": "web"}},
		{ID: "e6", Name: EventUploadSSHPublicKey, PrincipalType: "IAMUser", PrincipalARN: user, Parameters: map[string]any{"userName": "bob"}},
		{ID: "e7", Name: EventDeleteSigningCertificate, PrincipalType: "Root", PrincipalARN: "arn:aws:iam::111122223333:root",
			Parameters: map[string]any{"certificateId": "CERT1"}},
		{ID: "e8", Name: EventUpdateAccessKey, PrincipalType: "IAMUser", PrincipalARN: user, ErrorCode: "AccessDenied",
			Parameters: map[string]any{"accessKeyId": "AKIAOLD", "status": "Active"}},
		{ID: "e9", Name: "CreateUser", PrincipalType: "Root"},
		// Refused calls as CloudTrail records them: no request parameters.
		{ID: "e10", Name: EventUpdateAccessKey, PrincipalType: "IAMUser", PrincipalARN: user, ErrorCode: "AccessDenied"},
		{ID: "e11", Name: EventUpdateAccountPasswordPolicy, PrincipalType: "IAMUser", PrincipalARN: user, ErrorCode: "AccessDenied"},
	}
	for i := range events {
		events[i].Time = eventTime
	}
	at := " at 2026-06-01T10:00:00Z "
	assertFindings(t, EvaluateEvents(events, DefaultBaseline(), expected), []want{
		{"IG901", High, "", "UpdateAccountPasswordPolicy by " + user + at + "set a policy below the baseline: IG101 (password-min-length), IG105 (password-require-symbols)"},
		{"IG902", High, "", "UpdateAccessKey by " + user + at + "set access key AKIAOLD of user bob to Active"},
		{"IG904", Medium, "", "UploadSSHPublicKey by " + user + at + "uploaded an SSH public key for user bob, made by a principal not in expected_principals"},
		{"IG905", Critical, "", "DeleteSigningCertificate by arn:aws:iam::111122223333:root" + at + "made with root credentials"},
		{"IG902", Medium, "", "attempted (AccessDenied): UpdateAccessKey by " + user + at + "set access key AKIAOLD of the calling user to Active"},
		{"IG902", Medium, "", "attempted (AccessDenied): UpdateAccessKey by " + user + at + "asked for settings CloudTrail did not record"},
		{"IG901", Medium, "", "attempted (AccessDenied): UpdateAccountPasswordPolicy by " + user + at + "asked for settings CloudTrail did not record"},
	})
	fs := EvaluateEvents(events, DefaultBaseline(), nil)
	if len(fs) != 8 || fs[2].Rule != EventServerCertificateUploaded || fs[2].Subject != "e5" {
		t.Errorf("without expected principals: %+v", got(fs))
	}
}

func TestPolicyFromRequestDefaults(t *testing.T) {
	p := PolicyFromRequest(map[string]any{})
	if p.MinimumLength.V != APIDefaultMinimumLength || p.RequireSymbols.V || p.MaxAgeDays.V != 0 || p.AllowUsersToChange.V {
		t.Errorf("empty request = %+v", p)
	}
	if fs := EvaluatePasswordPolicy(PolicyFromRequest(strongRequest()), DefaultBaseline()); len(fs) != 0 {
		t.Errorf("strong request judged weak: %+v", got(fs))
	}
}

func TestSafeParameters(t *testing.T) {
	body := "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"
	got := SafeParameters(EventUploadServerCertificate,
		map[string]any{"serverCertificateName": "web", "path": "/", "certificateBody": body, "privateKey": "HIDDEN_DUE_TO_SECURITY_REASONS"},
		map[string]any{"serverCertificateMetadata": map[string]any{"serverCertificateId": "ASCA1", "arn": "arn:x", "expiration": "2027"}})
	if len(got) != 4 || got["serverCertificateName"] != "web" || got["serverCertificateId"] != "ASCA1" || got["arn"] != "arn:x" || got["path"] != "/" {
		t.Errorf("server certificate: %v", got)
	}
	got = SafeParameters(EventUploadSSHPublicKey, map[string]any{"userName": "bob", "sSHPublicKeyBody": "ssh-rsa AAAA"},
		map[string]any{"sSHPublicKey": map[string]any{"sSHPublicKeyId": "APKA1", "fingerprint": "aa:bb", "sSHPublicKeyBody": "ssh-rsa AAAA"}})
	if len(got) != 2 || got["userName"] != "bob" || got["sSHPublicKeyId"] != "APKA1" {
		t.Errorf("ssh key: %v", got)
	}
	got = SafeParameters("CreateUser", map[string]any{"userName": "x", "tags": []any{"a"}, "policyDocument": "{}", "roleArn": "arn"}, nil)
	if len(got) != 2 || got["userName"] != "x" || got["roleArn"] != "arn" {
		t.Errorf("other event: %v", got)
	}
	for _, v := range got {
		if s, ok := v.(string); ok && strings.Contains(s, "BEGIN") {
			t.Error("a body leaked")
		}
	}
}

func TestEvaluateLiveTrails(t *testing.T) {
	good := Trail{IncludeGlobalServiceEvents: Known(true), MultiRegion: Known(true), Logging: Known(true), LogFileValidation: Known(true)}
	single := good
	single.MultiRegion = Known(false)
	stopped := good
	stopped.Logging = Known(false)

	rec, vs, acct := EvaluateLiveTrails([]LiveTrail{{Name: "main", HomeRegion: "eu-west-1", Trail: good}})
	if !rec || len(acct) != 0 || !vs[0].RecordsIAM || !vs[0].RecordsIAMWrites || len(vs[0].Findings) != 0 {
		t.Errorf("good: %v %+v %+v", rec, vs, acct)
	}
	rec, vs, _ = EvaluateLiveTrails([]LiveTrail{{Name: "local", HomeRegion: "us-east-1", Trail: single}})
	if !rec || len(vs[0].Findings) != 1 || vs[0].Findings[0].Rule != CloudTrailSingleRegion {
		t.Errorf("single region in us-east-1: %v %+v", rec, vs)
	}
	rec, vs, acct = EvaluateLiveTrails([]LiveTrail{
		{Name: "eu", HomeRegion: "eu-west-1", Trail: single},
		{Name: "stopped", HomeRegion: "us-east-1", Trail: stopped},
	})
	assertFindings(t, acct, []want{{"IG707", High, "", "no trail records IAM events (eu: a single-region trail outside us-east-1 receives no global service events; stopped: logging is off)"}})
	if rec || vs[0].RecordsIAM || vs[1].RecordsIAM || !vs[1].RecordsIAMWrites {
		t.Errorf("bad: %v %+v", rec, vs)
	}
	_, _, acct = EvaluateLiveTrails(nil)
	assertFindings(t, acct, []want{{"IG707", High, "", "no trail exists, so IAM events are not recorded"}})
}

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{"Deployer": "deployer", "deployer": "deployer", "ALICE@x.com": "alice@x.com",
		"\u212Aate": "\u212Aate", "İnci": "İnci", "": ""} {
		if got := FoldName(in); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestShownValuesBounded: a message shows at most maxShown bytes of a
// value, so that a long hand-made name cannot grow every message.
func TestShownValuesBounded(t *testing.T) {
	long := strings.Repeat("\xff", 1<<20)
	if q := Known(long).Quote(); len(q) > 4*maxShown+8 {
		t.Errorf("Quote of 1 MiB: %d bytes", len(q))
	}
	if s := Known(strings.Repeat("é", 1000)).Show(); len(s) > maxShown+len("…") || !utf8.ValidString(s) {
		t.Errorf("Show: %d bytes, valid UTF-8 %v", len(s), utf8.ValidString(s))
	}
	if got := nameSome([]string{strings.Repeat("a", 1<<16), "b"}); len(got) > 2*maxShown {
		t.Errorf("nameSome: %d bytes", len(got))
	}
	if Known("deployer").Quote() != `"deployer"` {
		t.Error("a short name is cut")
	}
}

func TestOutsideIAMLimits(t *testing.T) {
	p := func(length, reuse, age int) PasswordPolicy {
		return PasswordPolicy{MinimumLength: Known(length), ReusePrevention: Known(reuse), MaxAgeDays: Known(age)}
	}
	for _, c := range []struct {
		p    PasswordPolicy
		want string
	}{
		{p(14, 24, 90), ""}, {p(6, 0, 0), ""}, {p(128, 1, 1095), ""},
		{p(1000, 24, 90), "minimum_password_length must be from 6 to 128"},
		{p(14, 100, 90), "password_reuse_prevention must be from 1 to 24"},
		{p(14, 24, 2000), "max_password_age must be from 1 to 1095"},
		{p(5, 24, 90), "minimum_password_length"},
	} {
		if got := OutsideIAMLimits(c.p); c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%+v: %q, want %q", c.p, got, c.want)
		}
	}
}

// TestDaysRoundsDown: a moment 20 hours ahead is day 0, 20 hours behind
// day -1, so that days_to_expiry turns negative as soon as it expires.
func TestDaysRoundsDown(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for d, want := range map[time.Duration]int{20 * time.Hour: 0, -20 * time.Hour: -1, 48 * time.Hour: 2, -48 * time.Hour: -2, -49 * time.Hour: -3, 0: 0} {
		if got := Days(now, now.Add(d)); got != want {
			t.Errorf("Days over %v = %d, want %d", d, got, want)
		}
	}
}

// TestAdvancedSelectorUnjudgedField: a management selector that also
// filters on a field iamguard cannot judge is not known to record IAM's
// writes (IG705), and the message says which field.
func TestAdvancedSelectorUnjudgedField(t *testing.T) {
	trail := func(fields ...FieldSelector) Trail {
		return Trail{IncludeGlobalServiceEvents: Known(true), MultiRegion: Known(true), Logging: Known(true), LogFileValidation: Known(true),
			AdvancedSelectors: []AdvancedSelector{{Fields: fields}}}
	}
	mgmt := FieldSelector{Field: "eventCategory", Equals: []string{"Management"}}
	if fs := EvaluateTrail(trail(mgmt)); len(fs) != 0 {
		t.Errorf("management events: %+v", fs)
	}
	for _, f := range []FieldSelector{{Field: "eventName", Equals: []string{"ConsoleLogin"}}, {Field: "eventsource", NotEquals: []string{"iam.amazonaws.com"}}} {
		fs := EvaluateTrail(trail(mgmt, f))
		if len(fs) != 1 || fs[0].Rule != CloudTrailManagementEventsExcluded || !strings.Contains(fs[0].Message, `"`+f.Field+`"`) {
			t.Errorf("management events filtered on %s: %+v", f.Field, fs)
		}
	}
}

// TestSingleRegionTrailOutsideUSEast1: such a trail records none of IAM's
// events, as serious as leaving global events out (IG702 at high).
func TestSingleRegionTrailOutsideUSEast1(t *testing.T) {
	trail := func(region Value[string]) Trail {
		return Trail{IncludeGlobalServiceEvents: Known(true), MultiRegion: Known(false), Logging: Known(true), LogFileValidation: Known(true), HomeRegion: region}
	}
	for region, want := range map[string]Severity{"eu-west-1": High, "us-east-1": Medium, "": Medium} {
		fs := EvaluateTrail(trail(Known(region)))
		if len(fs) != 1 || fs[0].Rule != CloudTrailSingleRegion || fs[0].Severity != want {
			t.Errorf("single-region trail in %q: %+v, want IG702 at %s", region, fs, want)
		}
	}
	if fs := EvaluateTrail(trail(UnknownValue[string]())); len(fs) != 1 || fs[0].Severity != Medium {
		t.Errorf("region known only after apply: %+v", fs)
	}
}

// TestCertificateNamesEveryKind: with allowed domains, an IP address, an
// email's domain and a URI's host are judged like DNS names.
func TestCertificateNamesEveryKind(t *testing.T) {
	b := DefaultBaseline()
	b.AllowedCertificateDomains = []string{"*.example.com"}
	for _, c := range []struct {
		cert inspect.Certificate
		want string
	}{
		{inspect.Certificate{DNSNames: []string{"www.example.com"}}, ""},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, IPAddresses: []string{"203.0.113.5"}}, "IP 203.0.113.5"},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, EmailAddresses: []string{"a@evil.test"}, URIHosts: []string{"evil.test"}},
			"email a@evil.test, URI host evil.test"},
		{inspect.Certificate{DNSNames: []string{"www.example.com"}, EmailAddresses: []string{"ops@mail.example.com"}}, ""},
	} {
		fs := CertificateNames(&c.cert, b)
		if c.want == "" && len(fs) != 0 || c.want != "" && (len(fs) != 1 || !strings.HasSuffix(fs[0].Message, c.want)) {
			t.Errorf("%+v: %+v, want %q", c.cert, fs, c.want)
		}
	}
	if why := weakKey("RSA", inspect.MaxRSABits*2, b); !strings.Contains(why, "no TLS client") {
		t.Errorf("an RSA key of %d bits: %q", inspect.MaxRSABits*2, why)
	}
}
