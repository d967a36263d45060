package iamtest

import (
	"crypto/x509"
	"encoding/pem"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/crypto/ssh"
)

// iamActions maps each IAM operation to its handler. Handlers run with the
// server's lock held.
var iamActions = map[string]func(*Server, url.Values) (any, *apiError){
	"GetAccountPasswordPolicy": getAccountPasswordPolicy,
	"GetAccountSummary":        getAccountSummary,
	"ListUsers":                listUsers,
	"ListAccessKeys":           listAccessKeys,
	"GetAccessKeyLastUsed":     getAccessKeyLastUsed,
	"ListMFADevices":           listMFADevices,
	"GetLoginProfile":          getLoginProfile,
	"GenerateCredentialReport": generateCredentialReport,
	"GetCredentialReport":      getCredentialReport,
	"ListServerCertificates":   listServerCertificates,
	"GetServerCertificate":     getServerCertificate,
	"ListSSHPublicKeys":        listSSHPublicKeys,
	"GetSSHPublicKey":          getSSHPublicKey,
	"ListSigningCertificates":  listSigningCertificates,
}

// Reply shapes, named and nested as in the IAM API reference.

type xmlPasswordPolicy struct {
	MinimumPasswordLength      int32
	RequireSymbols             bool
	RequireNumbers             bool
	RequireUppercaseCharacters bool
	RequireLowercaseCharacters bool
	AllowUsersToChangePassword bool
	ExpirePasswords            bool
	MaxPasswordAge             int32 `xml:",omitempty"`
	PasswordReusePrevention    int32 `xml:",omitempty"`
	HardExpiry                 *bool `xml:",omitempty"`
}

type xmlUser struct {
	Path             string
	UserName         string
	UserId           string
	Arn              string
	CreateDate       string
	PasswordLastUsed string `xml:",omitempty"`
}

type xmlAccessKey struct {
	UserName    string
	AccessKeyId string
	Status      string
	CreateDate  string `xml:",omitempty"` // left out only by DropKeyDates
}

type xmlMFADevice struct {
	UserName     string
	SerialNumber string
	EnableDate   string
}

type xmlServerCertMeta struct {
	Path                  string
	ServerCertificateName string
	ServerCertificateId   string
	Arn                   string
	UploadDate            string `xml:",omitempty"`
	Expiration            string `xml:",omitempty"`
}

type xmlSSHKeyMeta struct {
	UserName       string
	SSHPublicKeyId string
	Status         string
	UploadDate     string
}

type xmlSigningCert struct {
	UserName        string
	CertificateId   string
	CertificateBody string
	Status          string
	UploadDate      string
}

// list is the common tail of a paginated IAM reply.
type list struct {
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

func noSuchUser(name string) *apiError {
	return &apiError{status: 404, code: "NoSuchEntity", message: "The user with name " + name + " cannot be found."}
}

func invalidInput(msg string) *apiError {
	return &apiError{status: 400, code: "ValidationError", message: msg}
}

// maxItems reads MaxItems (IAM allows 1 to 1000, default 100) and applies
// the server's cap.
func (s *Server) maxItems(form url.Values) (int, *apiError) {
	asked := 0
	if v := form.Get("MaxItems"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			return 0, invalidInput("1 validation error detected: Value '" + v + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000")
		}
		asked = n
	}
	return s.pageSize(asked, 100), nil
}

// page applies Marker and MaxItems to a list of n items.
func (s *Server) page(form url.Values, n int) (start, end int, l list, err *apiError) {
	size, err := s.maxItems(form)
	if err != nil {
		return 0, 0, l, err
	}
	marker := form.Get("Marker")
	if f := s.pageFaults[form.Get("Action")]; f == RestartMarker || f == EmptyPages {
		marker = "" // the fault's own markers mean nothing, below
	}
	start, end, next, err := paginate(n, marker, size)
	if err != nil {
		return 0, 0, l, err
	}
	start, end, l = s.breakPage(form, n, size, start, end, list{IsTruncated: next != "", Marker: next})
	return start, end, l, nil
}

func getAccountPasswordPolicy(s *Server, _ url.Values) (any, *apiError) {
	p := s.acct.PasswordPolicy
	if p == nil {
		return nil, &apiError{status: 404, code: "NoSuchEntity",
			message: "The Password Policy with domain name " + s.acct.accountID() + " cannot be found."}
	}
	return struct {
		PasswordPolicy xmlPasswordPolicy
	}{xmlPasswordPolicy{
		MinimumPasswordLength:      p.MinimumPasswordLength,
		RequireSymbols:             p.RequireSymbols,
		RequireNumbers:             p.RequireNumbers,
		RequireUppercaseCharacters: p.RequireUppercaseCharacters,
		RequireLowercaseCharacters: p.RequireLowercaseCharacters,
		AllowUsersToChangePassword: p.AllowUsersToChangePassword,
		ExpirePasswords:            p.MaxPasswordAge > 0,
		MaxPasswordAge:             p.MaxPasswordAge,
		PasswordReusePrevention:    p.PasswordReusePrevention,
		HardExpiry:                 p.HardExpiry,
	}}, nil
}

type summaryEntry struct {
	Key   string `xml:"key"`
	Value int    `xml:"value"`
}

func getAccountSummary(s *Server, _ url.Values) (any, *apiError) {
	a := s.acct
	mfaDevices, mfaInUse := 0, 0
	signing := 0
	for _, u := range a.Users {
		mfaDevices += len(u.MFADevices)
		mfaInUse += len(u.MFADevices)
		signing += len(u.SigningCertificates)
	}
	values := map[string]int{
		"Users":                             len(a.Users),
		"UsersQuota":                        5000,
		"Groups":                            0,
		"GroupsQuota":                       300,
		"ServerCertificates":                len(a.ServerCertificates),
		"ServerCertificatesQuota":           20,
		"MFADevices":                        mfaDevices,
		"MFADevicesInUse":                   mfaInUse,
		"AccessKeysPerUserQuota":            2,
		"SigningCertificatesPerUserQuota":   2,
		"AccountMFAEnabled":                 b2i(a.Root.MFAEnabled),
		"AccountAccessKeysPresent":          b2i(len(a.rootKeys()) > 0),
		"AccountSigningCertificatesPresent": b2i(len(a.rootCertificates()) > 0),
		"AccountPasswordPresent":            b2i(a.Root.HasPassword),
	}
	order := []string{"Users", "UsersQuota", "Groups", "GroupsQuota", "ServerCertificates",
		"ServerCertificatesQuota", "MFADevices", "MFADevicesInUse", "AccessKeysPerUserQuota",
		"SigningCertificatesPerUserQuota", "AccountMFAEnabled", "AccountAccessKeysPresent",
		"AccountSigningCertificatesPresent", "AccountPasswordPresent"}
	entries := make([]summaryEntry, 0, len(order))
	for _, k := range order {
		entries = append(entries, summaryEntry{k, values[k]})
	}
	return struct {
		Entries []summaryEntry `xml:"SummaryMap>entry"`
	}{entries}, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func listUsers(s *Server, form url.Values) (any, *apiError) {
	a := s.acct
	prefix := form.Get("PathPrefix")
	var users []*User
	for i := range a.Users {
		if strings.HasPrefix(a.userPath(&a.Users[i]), prefix) {
			users = append(users, &a.Users[i])
		}
	}
	start, end, l, err := s.page(form, len(users))
	if err != nil {
		return nil, err
	}
	out := make([]xmlUser, 0, end-start)
	for _, u := range users[start:end] {
		out = append(out, xmlUser{
			Path:             a.userPath(u),
			UserName:         u.Name,
			UserId:           a.userID(u),
			Arn:              a.userARN(u),
			CreateDate:       iso(a.userCreated(u)),
			PasswordLastUsed: iso(u.PasswordLastUsed),
		})
	}
	return struct {
		Users []xmlUser `xml:"Users>member"`
		list
	}{out, l}, nil
}

// keysOf returns the access keys of the named user; an empty name means the
// caller, who is the root user.
func (s *Server) keysOf(name string) ([]AccessKey, *apiError) {
	if name == "" {
		return s.acct.rootKeys(), nil
	}
	u := s.findUser(name)
	if u == nil {
		return nil, noSuchUser(name)
	}
	return u.AccessKeys, nil
}

func listAccessKeys(s *Server, form url.Values) (any, *apiError) {
	name := form.Get("UserName")
	keys, err := s.keysOf(name)
	if err != nil {
		return nil, err
	}
	start, end, l, err := s.page(form, len(keys))
	if err != nil {
		return nil, err
	}
	out := make([]xmlAccessKey, 0, end-start)
	for _, k := range keys[start:end] {
		created := iso(s.acct.orNow(k.Created))
		if s.dropKeyDates {
			created = ""
		}
		out = append(out, xmlAccessKey{UserName: name, AccessKeyId: k.ID, Status: keyStatus(k.Status), CreateDate: created})
	}
	return struct {
		AccessKeyMetadata []xmlAccessKey `xml:"AccessKeyMetadata>member"`
		list
	}{out, l}, nil
}

func getAccessKeyLastUsed(s *Server, form url.Values) (any, *apiError) {
	id := form.Get("AccessKeyId")
	if id == "" {
		return nil, invalidInput("AccessKeyId is required")
	}
	key, owner := s.findKey(id)
	if key == nil {
		return nil, &apiError{status: 404, code: "NoSuchEntity", message: "The Access Key with id " + id + " cannot be found."}
	}
	type lastUsed struct {
		LastUsedDate string `xml:",omitempty"`
		ServiceName  string
		Region       string
	}
	used := lastUsed{ServiceName: "N/A", Region: "N/A"}
	if !key.LastUsed.IsZero() {
		used = lastUsed{iso(key.LastUsed), orDefault(key.LastUsedService, "N/A"), orDefault(key.LastUsedRegion, "N/A")}
	}
	return struct {
		UserName          string `xml:",omitempty"`
		AccessKeyLastUsed lastUsed
	}{owner, used}, nil
}

func listMFADevices(s *Server, form url.Values) (any, *apiError) {
	a := s.acct
	name := form.Get("UserName")
	var devices []xmlMFADevice
	if name == "" {
		if a.Root.MFAEnabled {
			devices = append(devices, xmlMFADevice{
				UserName:     a.accountID(),
				SerialNumber: "arn:aws:iam::" + a.accountID() + ":mfa/root-account-mfa-device",
				EnableDate:   iso(a.rootCreated()),
			})
		}
	} else {
		u := s.findUser(name)
		if u == nil {
			return nil, noSuchUser(name)
		}
		for _, d := range u.MFADevices {
			devices = append(devices, xmlMFADevice{UserName: name, SerialNumber: a.mfaSerial(u, d), EnableDate: iso(a.orNow(d.Enabled))})
		}
	}
	start, end, l, err := s.page(form, len(devices))
	if err != nil {
		return nil, err
	}
	return struct {
		MFADevices []xmlMFADevice `xml:"MFADevices>member"`
		list
	}{devices[start:end], l}, nil
}

func getLoginProfile(s *Server, form url.Values) (any, *apiError) {
	name := form.Get("UserName")
	u := s.findUser(name)
	if u == nil {
		return nil, noSuchUser(name)
	}
	if u.LoginProfile == nil {
		return nil, &apiError{status: 404, code: "NoSuchEntity", message: "Login Profile for User " + name + " cannot be found."}
	}
	type loginProfile struct {
		UserName              string
		CreateDate            string
		PasswordResetRequired bool
	}
	return struct {
		LoginProfile loginProfile
	}{loginProfile{name, iso(s.acct.loginProfileCreated(u)), u.LoginProfile.PasswordResetRequired}}, nil
}

func listServerCertificates(s *Server, form url.Values) (any, *apiError) {
	a := s.acct
	prefix := form.Get("PathPrefix")
	var certs []*ServerCertificate
	for i := range a.ServerCertificates {
		if strings.HasPrefix(a.certPath(&a.ServerCertificates[i]), prefix) {
			certs = append(certs, &a.ServerCertificates[i])
		}
	}
	start, end, l, err := s.page(form, len(certs))
	if err != nil {
		return nil, err
	}
	out := make([]xmlServerCertMeta, 0, end-start)
	for _, c := range certs[start:end] {
		out = append(out, s.certMeta(c))
	}
	return struct {
		ServerCertificateMetadataList []xmlServerCertMeta `xml:"ServerCertificateMetadataList>member"`
		list
	}{out, l}, nil
}

func (s *Server) certMeta(c *ServerCertificate) xmlServerCertMeta {
	a := s.acct
	return xmlServerCertMeta{
		Path:                  a.certPath(c),
		ServerCertificateName: c.Name,
		ServerCertificateId:   a.certID(c),
		Arn:                   a.certARN(c),
		UploadDate:            iso(a.orNow(c.Uploaded)),
		Expiration:            iso(c.Expiration),
	}
}

func getServerCertificate(s *Server, form url.Values) (any, *apiError) {
	name := form.Get("ServerCertificateName")
	for i := range s.acct.ServerCertificates {
		c := &s.acct.ServerCertificates[i]
		if c.Name != name {
			continue
		}
		type serverCert struct {
			ServerCertificateMetadata xmlServerCertMeta
			CertificateBody           string
			CertificateChain          string `xml:",omitempty"`
		}
		return struct {
			ServerCertificate serverCert
		}{serverCert{s.certMeta(c), c.Body, c.Chain}}, nil
	}
	return nil, &apiError{status: 404, code: "NoSuchEntity", message: "The Server Certificate with name " + name + " cannot be found."}
}

func listSSHPublicKeys(s *Server, form url.Values) (any, *apiError) {
	name := form.Get("UserName")
	var keys []SSHPublicKey
	if name != "" { // the root caller has no SSH keys
		u := s.findUser(name)
		if u == nil {
			return nil, noSuchUser(name)
		}
		keys = u.SSHPublicKeys
	}
	start, end, l, err := s.page(form, len(keys))
	if err != nil {
		return nil, err
	}
	out := make([]xmlSSHKeyMeta, 0, end-start)
	for _, k := range keys[start:end] {
		out = append(out, xmlSSHKeyMeta{UserName: name, SSHPublicKeyId: k.ID, Status: keyStatus(k.Status), UploadDate: iso(s.acct.orNow(k.Uploaded))})
	}
	return struct {
		SSHPublicKeys []xmlSSHKeyMeta `xml:"SSHPublicKeys>member"`
		list
	}{out, l}, nil
}

func getSSHPublicKey(s *Server, form url.Values) (any, *apiError) {
	name, id, encoding := form.Get("UserName"), form.Get("SSHPublicKeyId"), form.Get("Encoding")
	if encoding != "SSH" && encoding != "PEM" {
		return nil, invalidInput("1 validation error detected: Value '" + encoding + "' at 'encoding' failed to satisfy constraint: Member must satisfy enum value set: [SSH, PEM]")
	}
	u := s.findUser(name)
	if u == nil {
		return nil, noSuchUser(name)
	}
	for _, k := range u.SSHPublicKeys {
		if k.ID != id {
			continue
		}
		body, fingerprint := k.Body, ""
		if pub, _, _, _, err := ssh.ParseAuthorizedKey([]byte(k.Body)); err == nil {
			fingerprint = ssh.FingerprintLegacyMD5(pub)
			if encoding == "PEM" {
				body = sshToPEM(pub, body)
			}
		}
		type sshKey struct {
			UserName         string
			SSHPublicKeyId   string
			Fingerprint      string
			SSHPublicKeyBody string
			Status           string
			UploadDate       string
		}
		return struct {
			SSHPublicKey sshKey
		}{sshKey{name, k.ID, fingerprint, body, keyStatus(k.Status), iso(s.acct.orNow(k.Uploaded))}}, nil
	}
	return nil, &apiError{status: 404, code: "NoSuchEntity", message: "The Public Key with id " + id + " cannot be found."}
}

// sshToPEM encodes an SSH public key as a PKIX PEM block, or returns
// fallback when the key type has no such encoding.
func sshToPEM(pub ssh.PublicKey, fallback string) string {
	cpk, ok := pub.(ssh.CryptoPublicKey)
	if !ok {
		return fallback
	}
	der, err := x509.MarshalPKIXPublicKey(cpk.CryptoPublicKey())
	if err != nil {
		return fallback
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

func listSigningCertificates(s *Server, form url.Values) (any, *apiError) {
	name := form.Get("UserName")
	var certs []SigningCertificate
	if name != "" { // the root caller's certificates are not modelled
		u := s.findUser(name)
		if u == nil {
			return nil, noSuchUser(name)
		}
		certs = u.SigningCertificates
	}
	start, end, l, err := s.page(form, len(certs))
	if err != nil {
		return nil, err
	}
	out := make([]xmlSigningCert, 0, end-start)
	for _, c := range certs[start:end] {
		out = append(out, xmlSigningCert{UserName: name, CertificateId: c.ID, CertificateBody: c.Body, Status: keyStatus(c.Status), UploadDate: iso(s.acct.orNow(c.Uploaded))})
	}
	return struct {
		Certificates []xmlSigningCert `xml:"Certificates>member"`
		list
	}{out, l}, nil
}
