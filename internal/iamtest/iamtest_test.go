package iamtest_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/csv"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/smithy-go"
	"golang.org/x/crypto/ssh"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

var (
	t0       = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	now      = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	pemCert  = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
	pemChain = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n"
)

// awsConfig is an SDK configuration that only knows the fake: static
// credentials, us-east-1, and the standard retryer without backoff delays
// so retry tests run fast.
func awsConfig(maxAttempts int) aws.Config {
	return aws.Config{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKIDTEST", "secret", ""),
		// A connection each request: one the server has just closed,
		// reused, fails a call that has one attempt (net.ErrClosed).
		HTTPClient: awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) { t.DisableKeepAlives = true }),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts = maxAttempts
				o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			})
		},
	}
}

func iamClient(s *iamtest.Server, maxAttempts int) *iam.Client {
	return iam.NewFromConfig(awsConfig(maxAttempts), func(o *iam.Options) { o.BaseEndpoint = aws.String(s.URL) })
}

func sampleAccount() *iamtest.Account {
	return &iamtest.Account{
		ID:  "111122223333",
		Now: now,
		PasswordPolicy: &iamtest.PasswordPolicy{
			MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true,
			RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
			AllowUsersToChangePassword: true, MaxPasswordAge: 90, PasswordReusePrevention: 24,
		},
		Root: iamtest.Root{Created: t0, HasAccessKeys: true},
		Users: []iamtest.User{
			{
				Name: "alice", Path: "/admins/", Created: t0, PasswordLastUsed: t0.AddDate(0, 1, 0),
				LoginProfile: &iamtest.LoginProfile{Created: t0, PasswordResetRequired: true},
				MFADevices:   []iamtest.MFADevice{{Enabled: t0}},
				AccessKeys: []iamtest.AccessKey{
					{ID: "AKIAALICE1", Created: t0, LastUsed: t0.AddDate(0, 2, 0), LastUsedService: "s3", LastUsedRegion: "eu-west-1"},
					{ID: "AKIAALICE2", Status: "Inactive", Created: t0.AddDate(0, 3, 0)},
				},
				SigningCertificates: []iamtest.SigningCertificate{{ID: "CERT1", Body: pemCert, Uploaded: t0}},
			},
			{Name: "bob", Created: t0, LoginProfile: &iamtest.LoginProfile{Created: t0}},
		},
		ServerCertificates: []iamtest.ServerCertificate{
			{Name: "web", Body: pemCert, Chain: pemChain, Expiration: t0.AddDate(1, 0, 0), Uploaded: t0},
		},
	}
}

func apiCode(t *testing.T, err error) string {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("error %v is not a smithy.APIError", err)
	}
	return ae.ErrorCode()
}

func TestIAMActionsParseInTheSDK(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, sampleAccount())
	c := iamClient(s, 1)

	pp, err := c.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
	if err != nil {
		t.Fatal(err)
	}
	p := pp.PasswordPolicy
	if aws.ToInt32(p.MinimumPasswordLength) != 14 || !p.RequireSymbols || !p.ExpirePasswords ||
		aws.ToInt32(p.MaxPasswordAge) != 90 || aws.ToInt32(p.PasswordReusePrevention) != 24 || p.HardExpiry != nil {
		t.Errorf("password policy = %+v", p)
	}

	users, err := c.ListUsers(ctx, &iam.ListUsersInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(users.Users) != 2 || users.IsTruncated {
		t.Fatalf("ListUsers = %d users, truncated %v", len(users.Users), users.IsTruncated)
	}
	alice := users.Users[0]
	if aws.ToString(alice.UserName) != "alice" || aws.ToString(alice.Arn) != "arn:aws:iam::111122223333:user/admins/alice" ||
		aws.ToString(alice.Path) != "/admins/" || !strings.HasPrefix(aws.ToString(alice.UserId), "AIDA") ||
		!aws.ToTime(alice.CreateDate).Equal(t0) || !aws.ToTime(alice.PasswordLastUsed).Equal(t0.AddDate(0, 1, 0)) {
		t.Errorf("alice = %+v", alice)
	}
	if users.Users[1].PasswordLastUsed != nil {
		t.Errorf("bob never used his password, got %v", users.Users[1].PasswordLastUsed)
	}

	keys, err := c.ListAccessKeys(ctx, &iam.ListAccessKeysInput{UserName: aws.String("alice")})
	if err != nil {
		t.Fatal(err)
	}
	if len(keys.AccessKeyMetadata) != 2 || keys.AccessKeyMetadata[1].Status != iamtypes.StatusTypeInactive ||
		aws.ToString(keys.AccessKeyMetadata[0].UserName) != "alice" || !aws.ToTime(keys.AccessKeyMetadata[0].CreateDate).Equal(t0) {
		t.Errorf("ListAccessKeys = %+v", keys.AccessKeyMetadata)
	}
	rootKeys, err := c.ListAccessKeys(ctx, &iam.ListAccessKeysInput{})
	if err != nil || len(rootKeys.AccessKeyMetadata) != 1 {
		t.Errorf("root keys = %v, %v", rootKeys, err)
	}

	used, err := c.GetAccessKeyLastUsed(ctx, &iam.GetAccessKeyLastUsedInput{AccessKeyId: aws.String("AKIAALICE1")})
	if err != nil {
		t.Fatal(err)
	}
	if u := used.AccessKeyLastUsed; aws.ToString(used.UserName) != "alice" || aws.ToString(u.ServiceName) != "s3" ||
		aws.ToString(u.Region) != "eu-west-1" || !aws.ToTime(u.LastUsedDate).Equal(t0.AddDate(0, 2, 0)) {
		t.Errorf("GetAccessKeyLastUsed = %+v", u)
	}
	never, err := c.GetAccessKeyLastUsed(ctx, &iam.GetAccessKeyLastUsedInput{AccessKeyId: aws.String("AKIAALICE2")})
	if err != nil {
		t.Fatal(err)
	}
	if u := never.AccessKeyLastUsed; u.LastUsedDate != nil || aws.ToString(u.ServiceName) != "N/A" || aws.ToString(u.Region) != "N/A" {
		t.Errorf("never used key = %+v", u)
	}

	mfa, err := c.ListMFADevices(ctx, &iam.ListMFADevicesInput{UserName: aws.String("alice")})
	if err != nil {
		t.Fatal(err)
	}
	if len(mfa.MFADevices) != 1 || aws.ToString(mfa.MFADevices[0].SerialNumber) != "arn:aws:iam::111122223333:mfa/alice" {
		t.Errorf("ListMFADevices = %+v", mfa.MFADevices)
	}

	lp, err := c.GetLoginProfile(ctx, &iam.GetLoginProfileInput{UserName: aws.String("alice")})
	if err != nil {
		t.Fatal(err)
	}
	if !lp.LoginProfile.PasswordResetRequired || !aws.ToTime(lp.LoginProfile.CreateDate).Equal(t0) {
		t.Errorf("GetLoginProfile = %+v", lp.LoginProfile)
	}

	certs, err := c.ListServerCertificates(ctx, &iam.ListServerCertificatesInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(certs.ServerCertificateMetadataList) != 1 ||
		aws.ToString(certs.ServerCertificateMetadataList[0].Arn) != "arn:aws:iam::111122223333:server-certificate/web" ||
		!aws.ToTime(certs.ServerCertificateMetadataList[0].Expiration).Equal(t0.AddDate(1, 0, 0)) {
		t.Errorf("ListServerCertificates = %+v", certs.ServerCertificateMetadataList)
	}
	cert, err := c.GetServerCertificate(ctx, &iam.GetServerCertificateInput{ServerCertificateName: aws.String("web")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(cert.ServerCertificate.CertificateBody) != pemCert || aws.ToString(cert.ServerCertificate.CertificateChain) != pemChain ||
		aws.ToString(cert.ServerCertificate.ServerCertificateMetadata.ServerCertificateName) != "web" {
		t.Errorf("GetServerCertificate = %+v", cert.ServerCertificate)
	}

	signing, err := c.ListSigningCertificates(ctx, &iam.ListSigningCertificatesInput{UserName: aws.String("alice")})
	if err != nil {
		t.Fatal(err)
	}
	if len(signing.Certificates) != 1 || aws.ToString(signing.Certificates[0].CertificateBody) != pemCert ||
		signing.Certificates[0].Status != iamtypes.StatusTypeActive {
		t.Errorf("ListSigningCertificates = %+v", signing.Certificates)
	}

	summary, err := c.GetAccountSummary(ctx, &iam.GetAccountSummaryInput{})
	if err != nil {
		t.Fatal(err)
	}
	m := summary.SummaryMap
	if m["AccountAccessKeysPresent"] != 1 || m["AccountMFAEnabled"] != 0 || m["Users"] != 2 || m["ServerCertificates"] != 1 {
		t.Errorf("GetAccountSummary = %v", m)
	}
}

func TestSSHPublicKeys(t *testing.T) {
	ctx := context.Background()
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ssh.NewPublicKey(&priv.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub)))
	s := iamtest.New(t, &iamtest.Account{Users: []iamtest.User{{
		Name:          "carol",
		SSHPublicKeys: []iamtest.SSHPublicKey{{ID: "APKA1", Body: body, Uploaded: t0}, {ID: "APKA2", Body: "not a key", Status: "Inactive"}},
	}}})
	c := iamClient(s, 1)

	list, err := c.ListSSHPublicKeys(ctx, &iam.ListSSHPublicKeysInput{UserName: aws.String("carol")})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.SSHPublicKeys) != 2 || aws.ToString(list.SSHPublicKeys[0].SSHPublicKeyId) != "APKA1" ||
		list.SSHPublicKeys[1].Status != iamtypes.StatusTypeInactive || !aws.ToTime(list.SSHPublicKeys[0].UploadDate).Equal(t0) {
		t.Errorf("ListSSHPublicKeys = %+v", list.SSHPublicKeys)
	}

	asSSH, err := c.GetSSHPublicKey(ctx, &iam.GetSSHPublicKeyInput{UserName: aws.String("carol"), SSHPublicKeyId: aws.String("APKA1"), Encoding: iamtypes.EncodingTypeSsh})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(asSSH.SSHPublicKey.SSHPublicKeyBody) != body || aws.ToString(asSSH.SSHPublicKey.Fingerprint) != ssh.FingerprintLegacyMD5(pub) {
		t.Errorf("SSH encoding = %+v", asSSH.SSHPublicKey)
	}

	asPEM, err := c.GetSSHPublicKey(ctx, &iam.GetSSHPublicKeyInput{UserName: aws.String("carol"), SSHPublicKeyId: aws.String("APKA1"), Encoding: iamtypes.EncodingTypePem})
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode([]byte(aws.ToString(asPEM.SSHPublicKey.SSHPublicKeyBody)))
	if block == nil || block.Type != "PUBLIC KEY" {
		t.Fatalf("PEM encoding = %q", aws.ToString(asPEM.SSHPublicKey.SSHPublicKeyBody))
	}
	got, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil || !priv.PublicKey.Equal(got) {
		t.Errorf("PEM key does not match: %v", err)
	}

	bad, err := c.GetSSHPublicKey(ctx, &iam.GetSSHPublicKeyInput{UserName: aws.String("carol"), SSHPublicKeyId: aws.String("APKA2"), Encoding: iamtypes.EncodingTypePem})
	if err != nil || aws.ToString(bad.SSHPublicKey.SSHPublicKeyBody) != "not a key" {
		t.Errorf("unparseable key = %+v, %v", bad, err)
	}

	_, err = c.GetSSHPublicKey(ctx, &iam.GetSSHPublicKeyInput{UserName: aws.String("carol"), SSHPublicKeyId: aws.String("APKA9"), Encoding: iamtypes.EncodingTypeSsh})
	if code := apiCode(t, err); code != "NoSuchEntity" {
		t.Errorf("missing key: code %s", code)
	}
}

func manyUsers(n int) []iamtest.User {
	users := make([]iamtest.User, n)
	for i := range users {
		users[i] = iamtest.User{Name: fmt.Sprintf("user%03d", i), Created: t0}
	}
	return users
}

func TestPagination(t *testing.T) {
	ctx := context.Background()
	var keys []iamtest.AccessKey
	var mfas []iamtest.MFADevice
	var sshKeys []iamtest.SSHPublicKey
	var signing []iamtest.SigningCertificate
	for i := range 5 {
		keys = append(keys, iamtest.AccessKey{ID: fmt.Sprintf("AKIA%d", i), Created: t0})
		mfas = append(mfas, iamtest.MFADevice{SerialNumber: fmt.Sprintf("arn:aws:iam::123456789012:mfa/d%d", i), Enabled: t0})
		sshKeys = append(sshKeys, iamtest.SSHPublicKey{ID: fmt.Sprintf("APKA%d", i), Body: "ssh-rsa AAAA", Uploaded: t0})
		signing = append(signing, iamtest.SigningCertificate{ID: fmt.Sprintf("CERT%d", i), Body: pemCert, Uploaded: t0})
	}
	users := manyUsers(23)
	users[0].AccessKeys, users[0].MFADevices, users[0].SSHPublicKeys, users[0].SigningCertificates = keys, mfas, sshKeys, signing
	var certs []iamtest.ServerCertificate
	for i := range 7 {
		certs = append(certs, iamtest.ServerCertificate{Name: fmt.Sprintf("cert%d", i), Body: pemCert})
	}
	s := iamtest.New(t, &iamtest.Account{Users: users, ServerCertificates: certs})
	s.SetPageSize(2)
	c := iamClient(s, 1)
	alice := aws.String("user000")

	var names []string
	p := iam.NewListUsersPaginator(c, &iam.ListUsersInput{MaxItems: aws.Int32(10)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Users) > 2 {
			t.Fatalf("page of %d users exceeds the page size", len(page.Users))
		}
		for _, u := range page.Users {
			names = append(names, aws.ToString(u.UserName))
		}
	}
	if len(names) != 23 || names[0] != "user000" || names[22] != "user022" || s.Calls("ListUsers") != 12 {
		t.Errorf("ListUsers: %d users in %d calls", len(names), s.Calls("ListUsers"))
	}

	count := func(action string, want int, next func() (int, bool, error)) {
		t.Helper()
		total := 0
		for {
			n, more, err := next()
			if err != nil {
				t.Fatalf("%s: %v", action, err)
			}
			total += n
			if !more {
				break
			}
		}
		if total != want {
			t.Errorf("%s: %d items, want %d", action, total, want)
		}
	}
	kp := iam.NewListAccessKeysPaginator(c, &iam.ListAccessKeysInput{UserName: alice})
	count("ListAccessKeys", 5, func() (int, bool, error) {
		out, err := kp.NextPage(ctx)
		return len(out.AccessKeyMetadata), kp.HasMorePages(), err
	})
	mp := iam.NewListMFADevicesPaginator(c, &iam.ListMFADevicesInput{UserName: alice})
	count("ListMFADevices", 5, func() (int, bool, error) {
		out, err := mp.NextPage(ctx)
		return len(out.MFADevices), mp.HasMorePages(), err
	})
	sp := iam.NewListSSHPublicKeysPaginator(c, &iam.ListSSHPublicKeysInput{UserName: alice})
	count("ListSSHPublicKeys", 5, func() (int, bool, error) {
		out, err := sp.NextPage(ctx)
		return len(out.SSHPublicKeys), sp.HasMorePages(), err
	})
	gp := iam.NewListSigningCertificatesPaginator(c, &iam.ListSigningCertificatesInput{UserName: alice})
	count("ListSigningCertificates", 5, func() (int, bool, error) {
		out, err := gp.NextPage(ctx)
		return len(out.Certificates), gp.HasMorePages(), err
	})
	cp := iam.NewListServerCertificatesPaginator(c, &iam.ListServerCertificatesInput{})
	count("ListServerCertificates", 7, func() (int, bool, error) {
		out, err := cp.NextPage(ctx)
		return len(out.ServerCertificateMetadataList), cp.HasMorePages(), err
	})
	if s.Calls("ListServerCertificates") != 4 || s.Calls("ListAccessKeys") != 3 {
		t.Errorf("calls: certificates %d, keys %d", s.Calls("ListServerCertificates"), s.Calls("ListAccessKeys"))
	}

	if r := s.Requests("ListAccessKeys"); len(r) != 3 || r[1].Params.Get("UserName") != "user000" || r[1].Params.Get("Marker") != "2" || r[1].Region != "us-east-1" {
		t.Errorf("recorded ListAccessKeys requests = %+v", r)
	}

	// Without a cap, MaxItems decides the page size.
	s.SetPageSize(0)
	out, err := c.ListUsers(ctx, &iam.ListUsersInput{MaxItems: aws.Int32(20)})
	if err != nil || len(out.Users) != 20 || !out.IsTruncated || out.Marker == nil {
		t.Errorf("MaxItems 20: %d users, truncated %v, %v", len(out.Users), out.IsTruncated, err)
	}
}

// TestIAMPageFaults: with RestartMarker, a ListUsers request that carries a
// Marker gets the first page again under a new Marker; with EmptyPages,
// every page is empty, truncated, under a new Marker.
func TestIAMPageFaults(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, &iamtest.Account{Users: manyUsers(5)})
	s.SetPageSize(2)
	c := iamClient(s, 1)
	for _, f := range []iamtest.PageFault{iamtest.RestartMarker, iamtest.EmptyPages} {
		s.SetPageFault("ListUsers", f)
		in := &iam.ListUsersInput{}
		markers := map[string]bool{}
		for range 3 {
			out, err := c.ListUsers(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			want := 2
			if f == iamtest.EmptyPages {
				want = 0
			}
			m := aws.ToString(out.Marker)
			if len(out.Users) != want || want > 0 && aws.ToString(out.Users[0].UserName) != "user000" || !out.IsTruncated || m == "" || markers[m] {
				t.Fatalf("fault %d: %d users, truncated %v, Marker %q", f, len(out.Users), out.IsTruncated, m)
			}
			markers[m] = true
			in.Marker = out.Marker
		}
	}
}

func TestFaultsSurfaceAsAPIErrors(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		fault  iamtest.Fault
		code   string
		status int
	}{
		{iamtest.Throttling, "Throttling", 400},
		{iamtest.AccessDenied, "AccessDenied", 403},
		{iamtest.InternalError, "ServiceFailure", 500},
		{iamtest.NoSuchEntity, "NoSuchEntity", 404},
	} {
		t.Run(tc.fault.String(), func(t *testing.T) {
			s := iamtest.New(t, sampleAccount())
			s.Fail("ListUsers", tc.fault, -1)
			c := iamClient(s, 1)
			_, err := c.ListUsers(ctx, &iam.ListUsersInput{})
			if code := apiCode(t, err); code != tc.code {
				t.Errorf("code = %s, want %s", code, tc.code)
			}
			var re *awshttp.ResponseError
			if !errors.As(err, &re) || re.HTTPStatusCode() != tc.status {
				t.Errorf("status: %v", err)
			}
			if tc.fault == iamtest.AccessDenied && !strings.Contains(err.Error(), "iam:ListUsers") {
				t.Errorf("message does not name the action: %v", err)
			}
			// Other actions are unaffected.
			if _, err := c.GetAccountSummary(ctx, &iam.GetAccountSummaryInput{}); err != nil {
				t.Errorf("GetAccountSummary: %v", err)
			}
		})
	}
}

// TestEmptyReply: HTTP 200 with no body for the times asked, which the
// SDK reads as a result with nothing in it; then the usual reply.
func TestEmptyReply(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, sampleAccount())
	s.EmptyReply("ListUsers", 1)
	c := iamClient(s, 1)
	out, err := c.ListUsers(ctx, &iam.ListUsersInput{})
	if err != nil || len(out.Users) != 0 {
		t.Fatalf("empty reply: %d users, %v; want the SDK's empty result", len(out.Users), err)
	}
	if out, err = c.ListUsers(ctx, &iam.ListUsersInput{}); err != nil || len(out.Users) == 0 {
		t.Errorf("after the empty reply: %d users, %v", len(out.Users), err)
	}
}

// TestRawReply: HTTP 200 with the body and header fields given, for the
// times asked; then the usual reply.
func TestRawReply(t *testing.T) {
	s := iamtest.New(t, sampleAccount())
	s.RawReply("ListUsers", []byte("OK"), http.Header{"X-Test": {"raw"}}, 1)
	get := func() (*http.Response, string) {
		resp, err := http.Post(s.URL, "application/x-www-form-urlencoded", strings.NewReader("Action=ListUsers&Version=2010-05-08"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b strings.Builder
		if _, err := io.Copy(&b, resp.Body); err != nil {
			t.Fatal(err)
		}
		return resp, b.String()
	}
	if resp, body := get(); resp.StatusCode != 200 || body != "OK" || resp.Header.Get("X-Test") != "raw" {
		t.Errorf("raw reply: %d %q %v", resp.StatusCode, body, resp.Header)
	}
	if _, body := get(); !strings.Contains(body, "<ListUsersResult>") {
		t.Errorf("after the raw reply: %q", body)
	}
}

func TestStateErrors(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, &iamtest.Account{Users: []iamtest.User{{Name: "bob"}}})
	c := iamClient(s, 1)
	_, err := c.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
	var nse *iamtypes.NoSuchEntityException
	if !errors.As(err, &nse) {
		t.Errorf("no password policy: %v", err)
	}
	if _, err := c.GetLoginProfile(ctx, &iam.GetLoginProfileInput{UserName: aws.String("bob")}); !errors.As(err, &nse) {
		t.Errorf("no login profile: %v", err)
	}
	if _, err := c.ListAccessKeys(ctx, &iam.ListAccessKeysInput{UserName: aws.String("nobody")}); !errors.As(err, &nse) {
		t.Errorf("unknown user: %v", err)
	}
	if _, err := c.ListRoles(ctx, &iam.ListRolesInput{}); apiCode(t, err) != "InvalidAction" {
		t.Errorf("unknown action: %v", err)
	}
}

func TestRetries(t *testing.T) {
	ctx := context.Background()
	for _, f := range []iamtest.Fault{iamtest.Throttling, iamtest.InternalError} {
		t.Run(f.String(), func(t *testing.T) {
			s := iamtest.New(t, sampleAccount())
			c := iamClient(s, 3)

			s.Fail("ListUsers", f, 1)
			if _, err := c.ListUsers(ctx, &iam.ListUsersInput{}); err != nil {
				t.Fatalf("one fault should be retried away: %v", err)
			}
			if n := s.Calls("ListUsers"); n != 2 {
				t.Errorf("calls = %d, want 2", n)
			}

			s.Fail("ListUsers", f, -1)
			if _, err := c.ListUsers(ctx, &iam.ListUsersInput{}); err == nil {
				t.Fatal("a permanent fault should fail")
			}
			if n := s.Calls("ListUsers"); n != 5 {
				t.Errorf("calls = %d, want 2 + 3 attempts", n)
			}
			if n := s.Operations("ListUsers"); n != 2 {
				t.Errorf("operations = %d, want 2: each operation's retries count once", n)
			}
		})
	}

	// AccessDenied is not retried.
	s := iamtest.New(t, sampleAccount())
	s.Fail("*", iamtest.AccessDenied, 1)
	if _, err := iamClient(s, 3).ListUsers(ctx, &iam.ListUsersInput{}); err == nil || s.TotalCalls() != 1 {
		t.Errorf("AccessDenied: %v after %d calls", err, s.TotalCalls())
	}
}

func TestLatencyAndInFlight(t *testing.T) {
	ctx := context.Background()
	s := iamtest.New(t, sampleAccount())
	s.SetLatency(200 * time.Millisecond)
	c := iamClient(s, 1)

	const n = 8
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			_, err := c.GetAccountSummary(ctx, &iam.GetAccountSummaryInput{})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 200*time.Millisecond || d > 2*time.Second {
		t.Errorf("8 parallel calls took %v", d)
	}
	if s.MaxInFlight() != n || s.TotalCalls() != n {
		t.Errorf("MaxInFlight = %d, TotalCalls = %d", s.MaxInFlight(), s.TotalCalls())
	}

	s.ResetCounters()
	s.SetLatency(0)
	if _, err := c.GetAccountSummary(ctx, &iam.GetAccountSummaryInput{}); err != nil {
		t.Fatal(err)
	}
	if s.MaxInFlight() != 1 || s.TotalCalls() != 1 {
		t.Errorf("after reset: MaxInFlight = %d, TotalCalls = %d", s.MaxInFlight(), s.TotalCalls())
	}
}

func TestCredentialReport(t *testing.T) {
	ctx := context.Background()
	acct := sampleAccount()
	acct.CredentialReportDelay = 2
	s := iamtest.New(t, acct)
	c := iamClient(s, 1)

	_, err := c.GetCredentialReport(ctx, &iam.GetCredentialReportInput{})
	var notPresent *iamtypes.CredentialReportNotPresentException
	if !errors.As(err, &notPresent) {
		t.Fatalf("before generation: %v", err)
	}
	for _, want := range []iamtypes.ReportStateType{iamtypes.ReportStateTypeStarted, iamtypes.ReportStateTypeInprogress} {
		gen, err := c.GenerateCredentialReport(ctx, &iam.GenerateCredentialReportInput{})
		if err != nil || gen.State != want {
			t.Fatalf("GenerateCredentialReport = %v, %v; want %s", gen.State, err, want)
		}
		_, err = c.GetCredentialReport(ctx, &iam.GetCredentialReportInput{})
		var notReady *iamtypes.CredentialReportNotReadyException
		if !errors.As(err, &notReady) {
			t.Fatalf("while generating: %v", err)
		}
	}
	gen, err := c.GenerateCredentialReport(ctx, &iam.GenerateCredentialReportInput{})
	if err != nil || gen.State != iamtypes.ReportStateTypeComplete {
		t.Fatalf("GenerateCredentialReport = %v, %v", gen.State, err)
	}

	rep, err := c.GetCredentialReport(ctx, &iam.GetCredentialReportInput{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.ReportFormat != iamtypes.ReportFormatTypeTextCsv || !aws.ToTime(rep.GeneratedTime).Equal(now) {
		t.Errorf("format %s, generated %v", rep.ReportFormat, rep.GeneratedTime)
	}
	// The reply's Date is the account's clock.
	if date, ok := awsmiddleware.GetServerTime(rep.ResultMetadata); !ok || !date.Equal(now.Truncate(time.Second)) {
		t.Errorf("Date %v (%v); want %v", date, ok, now)
	}
	rows, err := csv.NewReader(strings.NewReader(string(rep.Content))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := strings.Join(rows[0], ",")
	if want := "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
		"access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
		"access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service," +
		"cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated"; header != want {
		t.Errorf("header = %s", header)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want header, root and 2 users", len(rows))
	}
	record := func(row []string) map[string]string {
		m := map[string]string{}
		for i, col := range rows[0] {
			m[col] = row[i]
		}
		return m
	}
	root, alice, bob := record(rows[1]), record(rows[2]), record(rows[3])
	for _, check := range []struct {
		row       map[string]string
		col, want string
	}{
		{root, "user", "<root_account>"},
		{root, "arn", "arn:aws:iam::111122223333:root"},
		{root, "password_enabled", "not_supported"}, // as AWS writes it
		{root, "password_last_used", "no_information"},
		{root, "mfa_active", "false"},
		{root, "access_key_1_active", "true"},
		{root, "access_key_1_last_rotated", "2026-01-02T03:04:05+00:00"},
		{root, "access_key_1_last_used_date", "N/A"},
		{root, "access_key_2_active", "false"},
		{alice, "arn", "arn:aws:iam::111122223333:user/admins/alice"},
		{alice, "password_enabled", "true"},
		{alice, "password_last_used", "2026-02-02T03:04:05+00:00"},
		{alice, "password_last_changed", "2026-01-02T03:04:05+00:00"},
		{alice, "password_next_rotation", "2026-04-02T03:04:05+00:00"},
		{alice, "mfa_active", "true"},
		{alice, "access_key_1_last_used_date", "2026-03-02T03:04:05+00:00"},
		{alice, "access_key_1_last_used_region", "eu-west-1"},
		{alice, "access_key_1_last_used_service", "s3"},
		{alice, "access_key_2_active", "false"},
		{alice, "access_key_2_last_rotated", "2026-04-02T03:04:05+00:00"},
		{alice, "access_key_2_last_used_service", "N/A"},
		{alice, "cert_1_active", "true"},
		{alice, "cert_2_active", "false"},
		{bob, "password_last_used", "no_information"},
		{bob, "mfa_active", "false"},
		{bob, "access_key_1_active", "false"},
		{bob, "access_key_1_last_rotated", "N/A"},
	} {
		if got := check.row[check.col]; got != check.want {
			t.Errorf("%s %s = %q, want %q", check.row["user"], check.col, got, check.want)
		}
	}

	// The report is a snapshot: later changes appear only after regenerating,
	// which IAM does only once the report is four hours old. Until then
	// GenerateCredentialReport answers COMPLETE and the old report is served.
	s.Update(func(a *iamtest.Account) { a.Users = a.Users[:1] })
	rep, _ = c.GetCredentialReport(ctx, &iam.GetCredentialReportInput{})
	if n := strings.Count(string(rep.Content), "\n"); n != 4 {
		t.Errorf("snapshot changed: %d lines", n)
	}
	for _, age := range []time.Duration{0, iamtest.ReportReuse - time.Second, iamtest.ReportReuse} {
		s.Update(func(a *iamtest.Account) { a.Now = now.Add(age) })
		gen, err := c.GenerateCredentialReport(ctx, &iam.GenerateCredentialReportInput{})
		if err != nil || gen.State != iamtypes.ReportStateTypeComplete {
			t.Fatalf("%v later: GenerateCredentialReport = %v, %v", age, gen.State, err)
		}
		rep, _ = c.GetCredentialReport(ctx, &iam.GetCredentialReportInput{})
		lines, generated, reused := strings.Count(string(rep.Content), "\n"), aws.ToTime(rep.GeneratedTime), age < iamtest.ReportReuse
		if reused && (lines != 4 || !generated.Equal(now)) || !reused && (lines != 3 || !generated.Equal(now.Add(age))) {
			t.Errorf("%v later: %d lines generated %v; reused = %v", age, lines, generated, reused)
		}
	}

	// SetReportTime: another GeneratedTime after COMPLETE, or none at all.
	old := now.AddDate(0, 0, -31)
	s.SetReportTime(old)
	if rep, err = c.GetCredentialReport(ctx, &iam.GetCredentialReportInput{}); err != nil || !aws.ToTime(rep.GeneratedTime).Equal(old) {
		t.Errorf("SetReportTime(old): generated %v, %v", rep.GeneratedTime, err)
	}
	s.SetReportTime(time.Time{})
	if rep, err = c.GetCredentialReport(ctx, &iam.GetCredentialReportInput{}); err != nil || rep.GeneratedTime != nil {
		t.Errorf("SetReportTime(zero): generated %v, %v", rep.GeneratedTime, err)
	}
	s.ClearReportTime()
	if rep, err = c.GetCredentialReport(ctx, &iam.GetCredentialReportInput{}); err != nil || !aws.ToTime(rep.GeneratedTime).Equal(now.Add(iamtest.ReportReuse)) {
		t.Errorf("ClearReportTime: generated %v, %v", rep.GeneratedTime, err)
	}
}
