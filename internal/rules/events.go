package rules

import (
	"fmt"
	"strings"
	"time"
)

// The IAM events iamguard guards, by their CloudTrail event names.
const (
	EventUpdateAccountPasswordPolicy = "UpdateAccountPasswordPolicy"
	EventUpdateAccessKey             = "UpdateAccessKey"
	EventUploadServerCertificate     = "UploadServerCertificate"
	EventUploadSSHPublicKey          = "UploadSSHPublicKey"
	EventDeleteSigningCertificate    = "DeleteSigningCertificate"
)

// GuardedEvents lists the guarded event names in catalogue order.
var GuardedEvents = []string{
	EventUpdateAccountPasswordPolicy, EventUpdateAccessKey, EventUploadServerCertificate,
	EventUploadSSHPublicKey, EventDeleteSigningCertificate,
}

// Event rules (IG9xx): one per guarded event, judged on what CloudTrail
// recorded (LookupEvents), not on a plan.
var (
	EventPasswordPolicyWeak = &Rule{
		ID: "IG901", Slug: "event-password-policy-weak", Severity: High,
		Event:     EventUpdateAccountPasswordPolicy,
		Summary:   "CloudTrail recorded an UpdateAccountPasswordPolicy that set a weak policy, or one made with root credentials",
		Rationale: "The call replaces the whole policy, and every setting it omits falls to the API default; a policy set outside Terraform, below the baseline, is how an account drifts. Root should never be the one changing it.",
		Remediation: Remediation{
			Console:   "IAM > Account settings > Password policy > Edit: restore the baseline settings; find who made the call in CloudTrail > Event history.",
			CLI:       "aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password --max-password-age 90 --password-reuse-prevention 24",
			Terraform: "Manage the policy with aws_iam_account_password_policy at the baseline and re-apply it; restrict iam:UpdateAccountPasswordPolicy to the role that applies Terraform.",
		},
		References: []string{"CIS AWS 1.8", "CIS AWS 1.9", "CIS AWS 4.4", "AWS FSBP IAM.7"},
	}
	EventAccessKeyActivated = &Rule{
		ID: "IG902", Slug: "event-access-key-activated", Severity: High,
		Event:     EventUpdateAccessKey,
		Summary:   "CloudTrail recorded an UpdateAccessKey that set a key Active, or one made with root credentials",
		Rationale: "Reactivating an access key revives a credential someone chose to switch off, often one that was leaked or unused; it is a common step in keeping a foothold.",
		Remediation: Remediation{
			Console:   "IAM > Users > (user) > Security credentials: deactivate the key again unless the change is known and approved.",
			CLI:       "aws iam update-access-key --user-name USER --access-key-id ID --status Inactive",
			Terraform: "Keep status = \"Inactive\" on the aws_iam_access_key and re-apply; prefer roles over long-lived keys.",
		},
		References: []string{"CIS AWS 1.14", "CIS AWS 4.4", "AWS FSBP IAM.3"},
	}
	EventServerCertificateUploaded = &Rule{
		ID: "IG903", Slug: "event-server-certificate-uploaded", Severity: Medium,
		Event:     EventUploadServerCertificate,
		Summary:   "CloudTrail recorded an UploadServerCertificate by root or by a principal not in expected_principals",
		Rationale: "A server certificate uploaded outside the expected pipeline can serve a look-alike endpoint behind a load balancer or CloudFront; who uploaded it matters as much as what it is.",
		Remediation: Remediation{
			Console:   "CloudTrail > Event history: review the upload; IAM certificates are managed only through the API, so list and delete unexpected ones with the CLI.",
			CLI:       "aws iam list-server-certificates; aws iam delete-server-certificate --server-certificate-name NAME",
			Terraform: "Upload certificates only through aws_iam_server_certificate applied by an expected principal (or use ACM), and add that principal to expected_principals.",
		},
		References: []string{"CIS AWS 1.19", "CIS AWS 4.4"},
	}
	EventSSHKeyUploaded = &Rule{
		ID: "IG904", Slug: "event-ssh-key-uploaded", Severity: Medium,
		Event:     EventUploadSSHPublicKey,
		Summary:   "CloudTrail recorded an UploadSSHPublicKey by root or by a principal not in expected_principals",
		Rationale: "An SSH public key on an IAM user grants CodeCommit (and EC2 Instance Connect-style) access as that user; a key added by someone else is a back door.",
		Remediation: Remediation{
			Console:   "IAM > Users > (user) > Security credentials > SSH public keys: deactivate or delete the unexpected key.",
			CLI:       "aws iam update-ssh-public-key --user-name USER --ssh-public-key-id ID --status Inactive; aws iam delete-ssh-public-key --user-name USER --ssh-public-key-id ID",
			Terraform: "Manage keys with aws_iam_user_ssh_key applied by an expected principal, and add that principal to expected_principals.",
		},
		References: []string{"CIS AWS 4.4"},
	}
	EventSigningCertificateDeleted = &Rule{
		ID: "IG905", Slug: "event-signing-certificate-deleted", Severity: Medium,
		Event:     EventDeleteSigningCertificate,
		Summary:   "CloudTrail recorded a DeleteSigningCertificate by root or by a principal not in expected_principals",
		Rationale: "Deleting a signing certificate can break the workloads that sign with it and removes evidence of which credential existed; outside the expected pipeline it deserves a look.",
		Remediation: Remediation{
			Console:   "CloudTrail > Event history: review who deleted the certificate and why; upload a replacement if a workload needs it.",
			CLI:       "aws iam list-signing-certificates --user-name USER; aws iam upload-signing-certificate --user-name USER --certificate-body file://cert.pem",
			Terraform: "Manage signing certificates with aws_iam_signing_certificate applied by an expected principal, and add that principal to expected_principals.",
		},
		References: []string{"CIS AWS 4.4"},
	}
)

var eventRules = []*Rule{
	EventPasswordPolicyWeak, EventAccessKeyActivated, EventServerCertificateUploaded,
	EventSSHKeyUploaded, EventSigningCertificateDeleted,
}

// EventRule returns the rule guarding the named event, or nil.
func EventRule(eventName string) *Rule {
	for _, r := range eventRules {
		if r.Event == eventName {
			return r
		}
	}
	return nil
}

// EventsCut is the IG806 finding for a read of events that max_events cut:
// the older events in the window were not read, so the rules guarding them
// (unjudged; none for event names no rule guards) never saw them.
func EventsCut(maxEvents int, unjudged ...*Rule) Finding {
	if len(unjudged) == 0 {
		return CheckIncomplete.finding("max_events", "only the newest %d event(s) were read (max_events): the older ones in the window were not", maxEvents)
	}
	return CheckIncomplete.finding("max_events", "only the newest %d event(s) were read (max_events): the older ones in the window were not, so %s not judged on them",
		maxEvents, Names(unjudged...))
}

// Event is one CloudTrail management event, as LookupEvents returns it.
// Parameters holds only the request parameters SafeParameters lets through.
type Event struct {
	ID            string
	Name          string
	Time          time.Time
	PrincipalType string // userIdentity.type: Root, IAMUser, AssumedRole, ...
	PrincipalARN  string
	// IssuerARN is the role (sessionContext.sessionIssuer.arn) behind an
	// assumed-role session, or the user behind a federated one; "" otherwise.
	// IssuerType is its type: Role, IAMUser, Root.
	IssuerARN, IssuerType string
	UserName              string
	AccessKeyID           string
	SourceIP              string
	UserAgent             string
	ReadOnly              bool
	ErrorCode             string
	Parameters            map[string]any // string, bool or float64 values
	// Unreadable is a record (CloudTrailEvent) that did not parse: who made
	// the call and what it asked for are not known.
	Unreadable bool
}

// Root reports whether the call was made with the root user's credentials:
// the root user's own, or a session root issued (GetFederationToken, which
// root may call; round 303: such calls passed as the federated user's, and
// an expected_principals pattern that matched root's ARN waived them).
func (e Event) Root() bool { return e.PrincipalType == "Root" || e.IssuerType == "Root" }

// Attempt reports whether the call failed (errorCode set): it was tried,
// not done.
func (e Event) Attempt() bool { return e.ErrorCode != "" }

// safeParameters lists, per guarded event, the request parameters that are a
// name, an ID or a policy setting. Everything else (certificate and key
// bodies, private keys) never leaves the collector.
var safeParameters = map[string][]string{
	EventUpdateAccountPasswordPolicy: {
		"minimumPasswordLength", "requireSymbols", "requireNumbers", "requireUppercaseCharacters",
		"requireLowercaseCharacters", "allowUsersToChangePassword", "maxPasswordAge",
		"passwordReusePrevention", "hardExpiry",
	},
	EventUpdateAccessKey:          {"userName", "accessKeyId", "status"},
	EventUploadServerCertificate:  {"serverCertificateName", "path"},
	EventUploadSSHPublicKey:       {"userName"},
	EventDeleteSigningCertificate: {"userName", "certificateId"},
}

// safeResponse lists the response elements worth keeping (IDs of what an
// upload created), flattened under the parent's name.
var safeResponse = map[string][]string{
	EventUploadServerCertificate: {"serverCertificateMetadata.serverCertificateId", "serverCertificateMetadata.arn"},
	EventUploadSSHPublicKey:      {"sSHPublicKey.sSHPublicKeyId", "sSHPublicKey.status"},
}

// SafeParameters keeps the request parameters (and response elements) of an
// event that are a name, an ID or a policy setting, as scalars. For events
// iamguard does not guard, only scalar parameters whose name ends in Name,
// Id or Arn are kept.
func SafeParameters(eventName string, request, response map[string]any) map[string]any {
	out := map[string]any{}
	keep := func(key string, v any) {
		switch v.(type) {
		case string, bool, float64:
			out[key] = v
		}
	}
	if names, ok := safeParameters[eventName]; ok {
		for _, k := range names {
			if v, ok := request[k]; ok {
				keep(k, v)
			}
		}
	} else {
		for k, v := range request {
			if strings.HasSuffix(k, "Name") || strings.HasSuffix(k, "Id") || strings.HasSuffix(k, "Arn") {
				keep(k, v)
			}
		}
	}
	for _, path := range safeResponse[eventName] {
		parent, child, _ := strings.Cut(path, ".")
		if m, ok := response[parent].(map[string]any); ok {
			if v, ok := m[child]; ok {
				keep(child, v)
			}
		}
	}
	return out
}

// Principals reports whether a principal ARN is expected to make the
// upload and deletion calls; nil expects nobody.
type Principals func(arn string) bool

// EvaluateEvents judges CloudTrail events (IG901-IG905), newest first as
// given. A failed call (errorCode) is reported as an attempt one severity
// lower; a call with root credentials is critical.
func EvaluateEvents(events []Event, b Baseline, expected Principals) []Finding {
	var out []Finding
	for _, e := range events {
		if f, ok := evaluateEvent(e, b, expected); ok {
			f.Subject = e.ID
			out = append(out, f)
		}
	}
	return out
}

func evaluateEvent(e Event, b Baseline, expected Principals) (Finding, bool) {
	r := EventRule(e.Name)
	if r == nil {
		return Finding{}, false
	}
	_, status := e.Parameters["status"]
	switch {
	case e.Unreadable:
		return CheckIncomplete.finding("", "%s event %s at %s has a CloudTrail record iamguard cannot read, so who made the call and what it asked for are not known; %s not judged",
			e.Name, e.ID, e.Time.Format(time.RFC3339), r.Name()), true
	case r == EventAccessKeyActivated && !status && !e.Attempt() && !e.Root():
		// A call that succeeded sent a status: its record lost it.
		return CheckIncomplete.finding("", "%s event %s at %s has a CloudTrail record without the status it set; %s not judged",
			e.Name, e.ID, e.Time.Format(time.RFC3339), r.Name()), true
	}
	who := e.who()
	var why string
	severity := r.Severity
	switch {
	case e.Root():
		why = "made with root credentials"
	case e.Attempt() && len(e.Parameters) == 0 && (r == EventPasswordPolicyWeak || r == EventAccessKeyActivated):
		// A refused call is often recorded without its parameters
		// (AccessDenied): what it asked for is not known, and the attempt
		// is reported as such.
		why = "asked for settings CloudTrail did not record"
	case r == EventPasswordPolicyWeak:
		// As severe as the gravest setting below the baseline, as iamguard
		// lint and password_policy_findings judge it; a note (info) is no
		// setting below it (round 303: a policy whose only fault is IG110,
		// low, was IG901 high, and a length IAM refuses for being too
		// long was "below the baseline").
		var ids []*Rule
		severity = Info
		for _, f := range EvaluatePasswordPolicy(PolicyFromRequest(e.Parameters), b) {
			if f.Severity > Info {
				ids = append(ids, f.Rule)
				severity = max(severity, f.Severity)
			}
		}
		if len(ids) == 0 {
			return Finding{}, false
		}
		why = "set a policy below the baseline: " + Names(ids...)
	case r == EventAccessKeyActivated:
		if s, _ := e.Parameters["status"].(string); s != "Active" {
			return Finding{}, false
		}
		why = fmt.Sprintf("set access key %s of %s to Active", param(e, "accessKeyId"), userOf(e))
	default:
		if expected != nil && (expected(e.PrincipalARN) || e.IssuerARN != "" && expected(e.IssuerARN)) {
			return Finding{}, false
		}
		why = "made by a principal not in expected_principals"
		switch r {
		case EventServerCertificateUploaded:
			why = fmt.Sprintf("uploaded server certificate %s, %s", param(e, "serverCertificateName"), why)
		case EventSSHKeyUploaded:
			why = fmt.Sprintf("uploaded an SSH public key for %s, %s", userOf(e), why)
		case EventSigningCertificateDeleted:
			why = fmt.Sprintf("deleted signing certificate %s of %s, %s", param(e, "certificateId"), userOf(e), why)
		}
	}
	f := r.finding("", "%s by %s at %s %s", e.Name, who, e.Time.UTC().Format(time.RFC3339), why)
	f.Severity = min(severity, r.Severity)
	if e.Root() {
		f.Severity = Critical
	}
	if e.Attempt() {
		f.Message = fmt.Sprintf("attempted (%s): %s", e.ErrorCode, f.Message)
		f.Severity = max(f.Severity-1, Low)
	}
	return f, true
}

// who names the principal: its ARN, else its type.
func (e Event) who() string {
	switch {
	case e.PrincipalARN != "":
		return e.PrincipalARN
	case e.PrincipalType != "":
		return "a " + e.PrincipalType + " principal"
	}
	return "an unknown principal"
}

func param(e Event, key string) string {
	if s, ok := e.Parameters[key].(string); ok && s != "" {
		return s
	}
	return "(not recorded)"
}

// userOf names the user a call acted on; IAM defaults to the caller.
func userOf(e Event) string {
	switch s, _ := e.Parameters["userName"].(string); {
	case s != "":
		return "user " + s
	case e.Attempt() && len(e.Parameters) == 0:
		return "a user CloudTrail did not record" // a refused call's parameters are not recorded
	}
	return "the calling user"
}

// PolicyFromRequest is the policy an UpdateAccountPasswordPolicy call with
// these parameters leaves in place: the call replaces the whole policy, and
// an omitted setting takes the API's default (minimum length 6, no class
// required, no expiry, no reuse prevention, users may not change passwords).
func PolicyFromRequest(p map[string]any) PasswordPolicy {
	num := func(k string) int {
		v, _ := p[k].(float64)
		return int(v)
	}
	flag := func(k string) bool {
		v, _ := p[k].(bool)
		return v
	}
	minLen := APIDefaultMinimumLength
	if _, ok := p["minimumPasswordLength"].(float64); ok {
		minLen = num("minimumPasswordLength")
	}
	return PasswordPolicy{
		MinimumLength:      Known(minLen),
		RequireUppercase:   Known(flag("requireUppercaseCharacters")),
		RequireLowercase:   Known(flag("requireLowercaseCharacters")),
		RequireNumbers:     Known(flag("requireNumbers")),
		RequireSymbols:     Known(flag("requireSymbols")),
		MaxAgeDays:         Known(num("maxPasswordAge")),
		ReusePrevention:    Known(num("passwordReusePrevention")),
		AllowUsersToChange: Known(flag("allowUsersToChangePassword")),
		HardExpiry:         Known(flag("hardExpiry")),
	}
}
