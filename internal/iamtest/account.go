package iamtest

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"time"
)

// DefaultAccountID is used when Account.ID is empty.
const DefaultAccountID = "123456789012"

// Account is the in-memory state the server answers from. Empty fields take
// the defaults documented on each type, so a test only spells out what it
// checks. Change an account that a server is already using only through
// Server.Update, which holds the server's lock.
type Account struct {
	ID string // 12 digits; DefaultAccountID when empty

	// Now is the server's clock for generated times (credential report,
	// STS credentials) and the Date header of its replies. Zero means the
	// real clock.
	Now time.Time

	// PasswordPolicy is nil when the account has none: GetAccountPasswordPolicy
	// then answers NoSuchEntity, as IAM does.
	PasswordPolicy *PasswordPolicy

	Users              []User
	Root               Root
	ServerCertificates []ServerCertificate

	// CredentialReportDelay is how many GenerateCredentialReport calls answer
	// STARTED (the first) or INPROGRESS (the rest) before one answers
	// COMPLETE. Zero completes on the first call.
	CredentialReportDelay int

	// CredentialReportGenerated, when set, is a report IAM already holds:
	// GetCredentialReport serves it as generated at that time until
	// GenerateCredentialReport makes a new one, which it does only once
	// the report is ReportReuse old.
	CredentialReportGenerated time.Time

	// EditCredentialReport, when set, rewrites the report's CSV rows
	// (header first) before they are served, to make reports that break
	// AWS's documented format: a missing column, a short row, a bad date.
	EditCredentialReport func(rows [][]string) [][]string

	// CloudTrail state (optional).
	Trails []Trail
	Events []Event
}

// PasswordPolicy mirrors IAM's PasswordPolicy. ExpirePasswords is derived
// from MaxPasswordAge > 0, as IAM does. Zero MaxPasswordAge and
// PasswordReusePrevention are left out of the reply (not set); a nil
// HardExpiry too.
type PasswordPolicy struct {
	MinimumPasswordLength      int32
	RequireSymbols             bool
	RequireNumbers             bool
	RequireUppercaseCharacters bool
	RequireLowercaseCharacters bool
	AllowUsersToChangePassword bool
	MaxPasswordAge             int32
	PasswordReusePrevention    int32
	HardExpiry                 *bool
}

// User is an IAM user. Defaults: Path "/", ID "AIDA" plus a stable hash of
// the name, ARN arn:aws:iam::<account>:user<path><name>, Created the
// account's clock.
type User struct {
	Name    string
	ID      string
	ARN     string
	Path    string
	Created time.Time

	// PasswordLastUsed is when the console password was last used; zero
	// means never (or no password).
	PasswordLastUsed time.Time

	// LoginProfile is nil when the user has no console password.
	LoginProfile *LoginProfile

	MFADevices          []MFADevice
	AccessKeys          []AccessKey
	SSHPublicKeys       []SSHPublicKey
	SigningCertificates []SigningCertificate
}

// LoginProfile is a console password. Created defaults to the user's
// creation time, PasswordLastChanged to Created.
type LoginProfile struct {
	Created               time.Time
	PasswordLastChanged   time.Time
	PasswordResetRequired bool
}

// MFADevice is an MFA device enabled for a user. SerialNumber defaults to
// arn:aws:iam::<account>:mfa/<user>.
type MFADevice struct {
	SerialNumber string
	Enabled      time.Time
}

// AccessKey is an access key. Status defaults to "Active". A zero LastUsed
// means never used: GetAccessKeyLastUsed then answers ServiceName and Region
// "N/A" with no date, and the credential report writes N/A.
type AccessKey struct {
	ID              string
	Status          string // Active | Inactive
	Created         time.Time
	LastUsed        time.Time
	LastUsedService string // e.g. "s3"; "N/A" when empty
	LastUsedRegion  string // e.g. "us-east-1"; "N/A" when empty
}

// SSHPublicKey is a user's SSH public key, Body in OpenSSH format
// ("ssh-rsa AAAA..."). Status defaults to "Active". GetSSHPublicKey with
// Encoding=PEM converts the body to a PKIX "PUBLIC KEY" PEM block; a body
// that does not parse is returned unchanged, with an empty fingerprint.
type SSHPublicKey struct {
	ID       string
	Body     string
	Status   string
	Uploaded time.Time
}

// SigningCertificate is a user's X.509 signing certificate (PEM body).
// Status defaults to "Active".
type SigningCertificate struct {
	ID       string
	Body     string
	Status   string
	Uploaded time.Time
}

// Root describes the account's root user.
//
// HasPassword gives the root user a console password (AccountPasswordPresent
// 1 in the account summary; 0 otherwise, as for an AWS Organizations member
// account whose root credentials were removed). The credential report, as
// AWS's, says not_supported either way. HasAccessKeys with no
// AccessKeys stands for one active, never used key created at Created. MFAEnabled adds a virtual MFA device
// arn:aws:iam::<account>:mfa/root-account-mfa-device.
type Root struct {
	Created                time.Time
	HasPassword            bool
	PasswordLastUsed       time.Time // zero: no_information in the report
	MFAEnabled             bool
	HasAccessKeys          bool
	AccessKeys             []AccessKey
	HasSigningCertificates bool
	// SigningCertificates, when set, are root's certificates as the
	// credential report lists them (Status "Inactive" for one switched
	// off); else HasSigningCertificates stands for one active certificate.
	SigningCertificates []SigningCertificate
}

// ServerCertificate is an IAM server certificate. Defaults: Path "/", ID
// "ASCA" plus a stable hash of the name, ARN
// arn:aws:iam::<account>:server-certificate<path><name>.
type ServerCertificate struct {
	Name       string
	ID         string
	ARN        string
	Path       string
	Body       string
	Chain      string
	Expiration time.Time
	Uploaded   time.Time
}

// Trail is a CloudTrail trail. Defaults: HomeRegion us-east-1, ARN
// arn:aws:cloudtrail:<region>:<account>:trail/<name>. When both selector
// lists are empty, GetEventSelectors answers CloudTrail's default: one
// selector with ReadWriteType All and management events included.
type Trail struct {
	Name                       string
	ARN                        string
	HomeRegion                 string
	S3BucketName               string
	IncludeGlobalServiceEvents bool
	IsMultiRegionTrail         bool
	LogFileValidationEnabled   bool
	IsOrganizationTrail        bool
	IsLogging                  bool
	KMSKeyID                   string
	LatestDeliveryTime         time.Time // zero: never delivered
	LatestDeliveryError        string
	EventSelectors             []EventSelector
	AdvancedEventSelectors     []AdvancedEventSelector
}

// EventSelector is a basic CloudTrail event selector.
type EventSelector struct {
	ReadWriteType                 string // All | ReadOnly | WriteOnly
	IncludeManagementEvents       bool
	ExcludeManagementEventSources []string
}

// AdvancedEventSelector is a CloudTrail advanced event selector.
type AdvancedEventSelector struct {
	Name           string
	FieldSelectors []FieldSelector
}

// FieldSelector is one condition of an advanced event selector.
type FieldSelector struct {
	Field         string
	Equals        []string
	NotEquals     []string
	StartsWith    []string
	NotStartsWith []string
	EndsWith      []string
	NotEndsWith   []string
}

// Event is a CloudTrail management event returned by LookupEvents. Source
// defaults to iam.amazonaws.com and ID to a stable hash; CloudTrailEvent
// (the raw JSON record) is generated from the other fields when empty.
type Event struct {
	ID              string
	Name            string
	Source          string
	Time            time.Time
	Username        string
	AccessKeyID     string
	ReadOnly        bool
	Resources       []EventResource
	CloudTrailEvent string

	// The rest shapes the generated record (see record.go). PrincipalType
	// is userIdentity.type, default IAMUser; PrincipalARN defaults to the
	// user's ARN (the root ARN for Root). RoleARN is the role behind an
	// AssumedRole session (sessionContext.sessionIssuer). ResponseElements
	// default to what IAM answers for the two uploads; an event with an
	// ErrorCode has none.
	PrincipalType     string
	PrincipalARN      string
	RoleARN           string
	SourceIP          string // default 203.0.113.10
	UserAgent         string // default aws-cli/2.15.0
	RequestParameters map[string]any
	ResponseElements  map[string]any
	ErrorCode         string
	ErrorMessage      string
}

// EventResource is a resource named by an event.
type EventResource struct {
	Type string
	Name string
}

// The helpers below compute defaults on the fly, so the caller's Account is
// never rewritten.

func (a *Account) accountID() string {
	if a.ID == "" {
		return DefaultAccountID
	}
	return a.ID
}

func (a *Account) now() time.Time {
	if a.Now.IsZero() {
		return time.Now().UTC()
	}
	return a.Now.UTC()
}

// orNow stands in the account's clock for a date the test left zero where
// IAM always sends one.
func (a *Account) orNow(t time.Time) time.Time {
	if t.IsZero() {
		return a.now()
	}
	return t
}

func (a *Account) rootCreated() time.Time { return a.orNow(a.Root.Created) }

// rootKeys lists the root user's access keys, including the one implied by
// HasAccessKeys.
// rootCertificates are root's signing certificates, as rootKeys are its
// keys.
func (a *Account) rootCertificates() []SigningCertificate {
	if len(a.Root.SigningCertificates) > 0 || !a.Root.HasSigningCertificates {
		return a.Root.SigningCertificates
	}
	return []SigningCertificate{{Uploaded: a.rootCreated()}}
}

func (a *Account) rootKeys() []AccessKey {
	if len(a.Root.AccessKeys) > 0 || !a.Root.HasAccessKeys {
		return a.Root.AccessKeys
	}
	return []AccessKey{{ID: "AKIA" + stableID("root-key", 16), Created: a.rootCreated()}}
}

func (a *Account) userPath(u *User) string       { return orDefault(u.Path, "/") }
func (a *Account) userID(u *User) string         { return orDefault(u.ID, "AIDA"+stableID("user/"+u.Name, 17)) }
func (a *Account) userCreated(u *User) time.Time { return a.orNow(u.Created) }

func (a *Account) loginProfileCreated(u *User) time.Time {
	if c := u.LoginProfile.Created; !c.IsZero() {
		return c
	}
	return a.userCreated(u)
}

func (a *Account) userARN(u *User) string {
	if u.ARN != "" {
		return u.ARN
	}
	return "arn:aws:iam::" + a.accountID() + ":user" + a.userPath(u) + u.Name
}

func (a *Account) mfaSerial(u *User, d MFADevice) string {
	if d.SerialNumber != "" {
		return d.SerialNumber
	}
	return "arn:aws:iam::" + a.accountID() + ":mfa/" + u.Name
}

func (a *Account) certPath(c *ServerCertificate) string { return orDefault(c.Path, "/") }
func (a *Account) certID(c *ServerCertificate) string {
	return orDefault(c.ID, "ASCA"+stableID("cert/"+c.Name, 17))
}

func (a *Account) certARN(c *ServerCertificate) string {
	if c.ARN != "" {
		return c.ARN
	}
	return "arn:aws:iam::" + a.accountID() + ":server-certificate" + a.certPath(c) + c.Name
}

func (a *Account) trailRegion(t *Trail) string { return orDefault(t.HomeRegion, "us-east-1") }

func (a *Account) trailARN(t *Trail) string {
	if t.ARN != "" {
		return t.ARN
	}
	return "arn:aws:cloudtrail:" + a.trailRegion(t) + ":" + a.accountID() + ":trail/" + t.Name
}

// findTrail accepts a trail name or ARN.
func (a *Account) findTrail(nameOrARN string) *Trail {
	for i := range a.Trails {
		t := &a.Trails[i]
		if t.Name == nameOrARN || a.trailARN(t) == nameOrARN {
			return t
		}
	}
	return nil
}

func keyStatus(s string) string { return orDefault(s, "Active") }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// stableID derives an upper-case identifier of n characters from seed, so
// generated IDs are the same on every run.
func stableID(seed string, n int) string {
	sum := sha1.Sum([]byte(seed))
	id := strings.ToUpper(hex.EncodeToString(sum[:]))
	return id[:n]
}
