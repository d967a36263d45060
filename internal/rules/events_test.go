package rules

import (
	"strings"
	"testing"
	"time"
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
		// A record that did not parse: a gap, whatever the rule.
		{ID: "e12", Name: EventUpdateAccessKey, UserName: "root", Unreadable: true},
		{ID: "e13", Name: "CreateUser", Unreadable: true},
		// A call that succeeded, recorded without the status it set.
		{ID: "e14", Name: EventUpdateAccessKey, PrincipalType: "IAMUser", PrincipalARN: user, Parameters: map[string]any{"accessKeyId": "AKIAOLD"}},
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
		{"IG806", Medium, "", "UpdateAccessKey event e12 at 2026-06-01T10:00:00Z has a CloudTrail record iamguard cannot read, so who made the call and what it asked for are not known; IG902 (event-access-key-activated) not judged"},
		{"IG806", Medium, "", "UpdateAccessKey event e14 at 2026-06-01T10:00:00Z has a CloudTrail record without the status it set; IG902 (event-access-key-activated) not judged"},
	})
	fs := EvaluateEvents(events, DefaultBaseline(), nil)
	if len(fs) != 10 || fs[2].Rule != EventServerCertificateUploaded || fs[2].Subject != "e5" {
		t.Errorf("without expected principals: %+v", got(fs))
	}
}

// TestEventSeverities: IG901 is as severe as the gravest setting below the
// baseline, and a note is none (round 303); a session root issued is root's
// call, whatever expected_principals matches (round 303).
func TestEventSeverities(t *testing.T) {
	user := "arn:aws:iam::111122223333:user/alice"
	noChange := strongRequest()
	noChange["allowUsersToChangePassword"] = false
	tooLong := strongRequest()
	tooLong["minimumPasswordLength"] = 129.0
	fed := "arn:aws:sts::111122223333:federated-user/broker"
	root := "arn:aws:iam::111122223333:root"
	anyone := Principals(func(string) bool { return true })
	events := []Event{
		{ID: "e1", Name: EventUpdateAccountPasswordPolicy, PrincipalType: "IAMUser", PrincipalARN: user, Parameters: noChange},
		{ID: "e2", Name: EventUpdateAccountPasswordPolicy, PrincipalType: "IAMUser", PrincipalARN: user, Parameters: tooLong, ErrorCode: "ValidationError"},
		{ID: "e3", Name: EventUploadSSHPublicKey, PrincipalType: "FederatedUser", PrincipalARN: fed, IssuerType: "Root", IssuerARN: root,
			Parameters: map[string]any{"userName": "bob"}},
		{ID: "e4", Name: EventUpdateAccountPasswordPolicy, PrincipalType: "FederatedUser", PrincipalARN: fed, IssuerType: "Root", IssuerARN: root,
			Parameters: strongRequest()},
	}
	for i := range events {
		events[i].Time = eventTime
	}
	at := " at 2026-06-01T10:00:00Z "
	assertFindings(t, EvaluateEvents(events, DefaultBaseline(), anyone), []want{
		{"IG901", Low, "", "UpdateAccountPasswordPolicy by " + user + at + "set a policy below the baseline: IG110 (password-change-disallowed)"},
		{"IG904", Critical, "", "UploadSSHPublicKey by " + fed + at + "made with root credentials"},
		{"IG901", Critical, "", "UpdateAccountPasswordPolicy by " + fed + at + "made with root credentials"},
	})
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
	assertFindings(t, acct, []want{{"IG707", High, "", "no trail is multi-region or lives where IAM's events are delivered, so IAM events are not recorded"}})

	// A trail whose status was refused does not count, an organization's
	// seen from a member account included (rounds 303 and 306); one
	// managed elsewhere alone does.
	unknown := good
	unknown.Logging = UnknownValue[bool]()
	for _, c := range []struct {
		trail LiveTrail
		rec   bool
	}{
		{LiveTrail{Name: "own", Unread: "status", Trail: unknown}, false},
		{LiveTrail{Name: "org", Organization: true, ManagedElsewhere: true, Unread: "status", Trail: unknown}, false},
		{LiveTrail{Name: "org", Organization: true, ManagedElsewhere: true, Trail: unknown}, true},
	} {
		rec, vs, _ := EvaluateLiveTrails([]LiveTrail{c.trail})
		if rec != c.rec || vs[0].RecordsIAM != c.rec || len(vs[0].Findings) != 0 || !c.rec && vs[0].Why != "its status could not be read" {
			t.Errorf("%+v: recording %v, %+v", c.trail, rec, vs[0])
		}
	}
}

// TestEventsCut: a max_events cut names what it left unjudged.
func TestEventsCut(t *testing.T) {
	assertFindings(t, []Finding{EventsCut(50, EventAccessKeyActivated, EventSSHKeyUploaded)}, []want{{"IG806", Medium, "max_events",
		"only the newest 50 event(s) were read (max_events): the older ones in the window were not, so IG902 (event-access-key-activated), IG904 (event-ssh-key-uploaded) not judged on them"}})
	assertFindings(t, []Finding{EventsCut(1)}, []want{{"IG806", Medium, "max_events",
		"only the newest 1 event(s) were read (max_events): the older ones in the window were not"}})
}
