package awsiam

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

// uploadedAccount has users users, each with one SSH key and one signing
// certificate, and certs server certificates. Bodies are shared: the
// collectors do not parse them.
func uploadedAccount(t testing.TB, users, certs int) *iamtest.Account {
	cert := certtest.Issue(t, certtest.Cert{CN: "bench"}).PEM
	key := certtest.SSHAuthorized(t, certtest.Ed25519(t).Public(), "")
	acct := &iamtest.Account{Now: now}
	for i := range users {
		acct.Users = append(acct.Users, iamtest.User{Name: fmt.Sprintf("user%04d", i), Created: now.AddDate(0, 0, -30),
			SSHPublicKeys:       []iamtest.SSHPublicKey{{ID: fmt.Sprintf("APKA%016d", i), Body: key}},
			SigningCertificates: []iamtest.SigningCertificate{{ID: fmt.Sprintf("CERT%016d", i), Body: cert}},
		})
	}
	for i := range certs {
		acct.ServerCertificates = append(acct.ServerCertificates, iamtest.ServerCertificate{Name: fmt.Sprintf("cert%03d", i), Body: cert})
	}
	return acct
}

// TestUploadedInFlight: the three collectors run in parallel, never with
// more than MaxInFlight calls at once, and read every item.
func TestUploadedInFlight(t *testing.T) {
	srv := iamtest.New(t, uploadedAccount(t, 200, 60))
	srv.SetLatency(5 * time.Millisecond)
	srv.SetPageSize(7)
	ctx := context.Background()
	certs, err := ServerCertificates(ctx, client(srv), "", nil)
	if err != nil || len(certs) != 60 || certs[0].Name != "cert000" || certs[0].Body == "" {
		t.Fatalf("server certificates: %d, %v", len(certs), err)
	}
	check := func(what string) {
		t.Helper()
		if m := srv.MaxInFlight(); m > MaxInFlight || m < MaxInFlight/2 {
			t.Errorf("%s: max in flight = %d, want between %d and %d", what, m, MaxInFlight/2, MaxInFlight)
		}
		srv.ResetCounters()
	}
	check("server certificates")
	ssh, err := SSHPublicKeys(ctx, client(srv), "")
	if err != nil || len(ssh.Keys) != 200 || len(ssh.Users) != 0 || ssh.Keys[199].UserName != "user0199" || ssh.Keys[0].Body == "" {
		t.Fatalf("SSH keys: %+v, %v", ssh, err)
	}
	check("SSH keys")
	sc, err := SigningCertificates(ctx, client(srv), "", ReportOptions{MinInterval: time.Millisecond})
	if err != nil || len(sc.Certificates) != 200 || len(sc.Gaps) != 0 || sc.Listed != 200 {
		t.Fatalf("signing certificates: %d, %+v, %v", len(sc.Certificates), sc.Gaps, err)
	}
	check("signing certificates")
}

// TestSigningCertificatesReusedReport: every user's certificates are
// listed, whatever the credential report shows. IAM hands back a report
// under four hours old instead of a new one (GenerateCredentialReport
// answers COMPLETE), so a certificate uploaded since is not in it: skipping
// the users it shows without one missed it (round 89).
func TestSigningCertificatesReusedReport(t *testing.T) {
	acct := uploadedAccount(t, 10, 0)
	for i := range acct.Users {
		acct.Users[i].SigningCertificates = nil
	}
	srv := iamtest.New(t, acct)
	opts := ReportOptions{MinInterval: time.Millisecond}
	sc, err := SigningCertificates(context.Background(), client(srv), "", opts)
	if err != nil || len(sc.Certificates) != 0 || sc.Listed != 10 || srv.Calls("ListSigningCertificates") != 10 {
		t.Fatalf("got %d certificates, listed %d, %d calls, %v", len(sc.Certificates), sc.Listed, srv.Calls("ListSigningCertificates"), err)
	}
	// A minute later (by IAM's clock and the host's) user0003 has uploaded a
	// certificate; the report IAM hands back is the one above.
	srv.Update(func(a *iamtest.Account) {
		a.Now = now.Add(time.Minute)
		a.Users[3].SigningCertificates = []iamtest.SigningCertificate{{ID: "CERTNEW", Body: "x", Uploaded: a.Now}}
	})
	srv.ResetCounters()
	sc, err = SigningCertificates(context.Background(), client(srv), "", opts)
	if err != nil || len(sc.Certificates) != 1 || sc.Certificates[0].ID != "CERTNEW" || sc.Listed != 10 || srv.Calls("ListSigningCertificates") != 10 {
		t.Fatalf("after an upload: %+v, listed %d, %v", sc.Certificates, sc.Listed, err)
	}
	rep, err := GetCredentialReport(context.Background(), client(srv), opts)
	if err != nil || !rep.GeneratedTime.Equal(now) {
		t.Fatalf("the report was not reused: generated %v, %v", rep.GeneratedTime, err)
	}
	// The root user's certificates only the report lists: one uploaded
	// since, which the live account summary shows, is a gap, not a pass
	// (round 94).
	if len(sc.Gaps) != 0 {
		t.Fatalf("gaps before root's upload: %+v", sc.Gaps)
	}
	srv.Update(func(a *iamtest.Account) { a.Root.HasSigningCertificates = true })
	sc, err = SigningCertificates(context.Background(), client(srv), "", opts)
	if err != nil || len(sc.Gaps) != 1 || sc.Gaps[0].Name != RootUser || !errors.Is(sc.Gaps[0].Err, errRootCertUnlisted) {
		t.Fatalf("after root's upload: gaps %+v, %v", sc.Gaps, err)
	}

}

// TestSigningCertificatesRootDeleted: a certificate of the root user's
// that the reused report lists and the live account summary no longer
// shows was deleted since; it is not judged (round 108). With no summary,
// the report's stands.
func TestSigningCertificatesRootDeleted(t *testing.T) {
	acct := uploadedAccount(t, 1, 0)
	acct.Root.HasSigningCertificates = true
	srv := iamtest.New(t, acct)
	opts := ReportOptions{MinInterval: time.Millisecond}
	root := func() int {
		t.Helper()
		sc, err := SigningCertificates(context.Background(), client(srv), "", opts)
		if err != nil || len(sc.Gaps) != 0 {
			t.Fatalf("gaps %+v, %v", sc.Gaps, err)
		}
		n := 0
		for _, c := range sc.Certificates {
			if c.Root {
				n++
			}
		}
		return n
	}
	if n := root(); n != 1 {
		t.Fatalf("%d root certificates before the delete, want 1", n)
	}
	srv.Update(func(a *iamtest.Account) { a.Root.HasSigningCertificates = false })
	if n := root(); n != 0 {
		t.Errorf("%d root certificates after the delete, want 0", n)
	}
	// Without the summary, the report's stand, and any uploaded since is
	// a gap (round 111).
	srv.Fail("GetAccountSummary", iamtest.AccessDenied, -1)
	sc, err := SigningCertificates(context.Background(), client(srv), "", opts)
	var e *Error
	if err != nil || len(sc.Certificates) != 2 || !sc.Certificates[0].Root || len(sc.Gaps) != 1 || sc.Gaps[0].Name != RootUser ||
		!errors.As(sc.Gaps[0].Err, &e) || e.Action != "GetAccountSummary" || !e.Denied() {
		t.Errorf("without the summary: %+v, gaps %+v, %v", sc.Certificates, sc.Gaps, err)
	}
	srv.Fail("GetAccountSummary", iamtest.InternalError, -1)
	if _, err := SigningCertificates(context.Background(), client(srv), "", opts); !errors.As(err, &e) || e.Action != "GetAccountSummary" {
		t.Errorf("a failing summary: %v", err)
	}
}

// TestUploadedListingErrors: a refused listing fails the read and names
// the permission; other failures of an item are not passed off as gaps.
func TestUploadedListingErrors(t *testing.T) {
	srv := iamtest.New(t, uploadedAccount(t, 3, 3))
	var e *Error
	srv.Fail("ListServerCertificates", iamtest.AccessDenied, -1)
	if _, err := ServerCertificates(context.Background(), client(srv), "", nil); !errors.As(err, &e) || e.Permission() != "iam:ListServerCertificates" {
		t.Errorf("server certificates: %v", err)
	}
	srv.Fail("GetServerCertificate", iamtest.InternalError, -1)
	srv.Fail("ListServerCertificates", 0, 0)
	if _, err := ServerCertificates(context.Background(), client(srv), "", nil); !errors.As(err, &e) || e.Action != "GetServerCertificate" || e.Denied() {
		t.Errorf("a failing GetServerCertificate: %v", err)
	}
	if _, err := SSHPublicKeys(context.Background(), client(srv), "nobody"); !errors.As(err, &e) || e.Action != "ListSSHPublicKeys" {
		t.Errorf("SSH keys of an unknown user: %v", err)
	}
	srv.Fail("ListUsers", iamtest.AccessDenied, -1)
	if _, err := SSHPublicKeys(context.Background(), client(srv), ""); !errors.As(err, &e) || e.Permission() != "iam:ListUsers" {
		t.Errorf("SSH keys: %v", err)
	}
	if _, err := SigningCertificates(context.Background(), client(srv), "", ReportOptions{MinInterval: time.Millisecond}); !errors.As(err, &e) || e.Permission() != "iam:ListUsers" {
		t.Errorf("signing certificates: %v", err)
	}
}

// TestSigningCertificateFacts: a status IAM does not define ("active",
// "Enabled", none) is not known, and a certificate ListSigningCertificates
// gives no UploadDate for has its upload missing, as the SDK reads the
// reply; the root user's slots from the credential report are neither.
func TestSigningCertificateFacts(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice"}}})
	const listing = `<ListSigningCertificatesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListSigningCertificatesResult>` +
		`<IsTruncated>false</IsTruncated><Certificates><member><UserName>alice</UserName><CertificateId>CERT1</CertificateId>` +
		`<CertificateBody>x</CertificateBody>%s</member></Certificates></ListSigningCertificatesResult></ListSigningCertificatesResponse>`
	for _, c := range []struct {
		name, fields        string
		known, uploadMissed bool
	}{
		{"active", `<Status>Active</Status><UploadDate>2026-01-01T00:00:00Z</UploadDate>`, true, false},
		{"expired", `<Status>Expired</Status><UploadDate>2026-01-01T00:00:00Z</UploadDate>`, true, false},
		{"lower case", `<Status>active</Status><UploadDate>2026-01-01T00:00:00Z</UploadDate>`, false, false},
		{"enabled", `<Status>Enabled</Status><UploadDate>2026-01-01T00:00:00Z</UploadDate>`, false, false},
		{"no status", `<UploadDate>2026-01-01T00:00:00Z</UploadDate>`, false, false},
		{"no upload date", `<Status>Active</Status>`, true, true},
	} {
		srv.RawReply("ListSigningCertificates", fmt.Appendf(nil, listing, c.fields), nil, 1)
		read, err := SigningCertificates(context.Background(), client(srv), "alice", ReportOptions{})
		if err != nil || len(read.Certificates) != 1 {
			t.Fatalf("%s: %+v, %v", c.name, read, err)
		}
		if got := read.Certificates[0]; got.StatusKnown() != c.known || got.UploadMissing() != c.uploadMissed {
			t.Errorf("%s: status %q known %v, upload missing %v; want %v, %v", c.name, got.Status, got.StatusKnown(), got.UploadMissing(), c.known, c.uploadMissed)
		}
	}
	root := SigningCertificate{UserName: RootUser, Status: "Active", Root: true, Slot: 1} // cert_1_last_rotated N/A
	if !root.StatusKnown() || root.UploadMissing() {
		t.Errorf("root slot: status known %v, upload missing %v", root.StatusKnown(), root.UploadMissing())
	}
}

// TestUserDeletedDuringRead: a user that ListUsers named and that is gone
// by the time its items are listed (NoSuchEntity: deleted, or renamed with
// its items) is a gap for SSH public keys and signing certificates, and
// the read goes on; so is an SSH key gone before its body is read, and an
// access key's last use. Never a pass: a rename would hide the user's
// items, and a key passed over is not judged.
func TestUserDeletedDuringRead(t *testing.T) {
	acct := uploadedAccount(t, 3, 0)
	for i := range acct.Users {
		acct.Users[i].AccessKeys = []iamtest.AccessKey{{ID: fmt.Sprintf("AKIA%016d", i), Created: now.AddDate(0, 0, -5)}}
	}
	ctx := context.Background()
	for action, want := range map[string]struct{ items, gaps int }{
		"ListAccessKeys":          {2, 1},
		"GetAccessKeyLastUsed":    {3, 1},
		"ListSSHPublicKeys":       {2, 1},
		"GetSSHPublicKey":         {3, 1},
		"ListSigningCertificates": {2, 1},
	} {
		t.Run(action, func(t *testing.T) {
			srv := iamtest.New(t, acct)
			srv.FailHTTP(action, 404, "NoSuchEntity", 1) // one user, or one item, gone
			items, gaps := -1, 0
			switch action {
			case "ListAccessKeys", "GetAccessKeyLastUsed":
				if read, err := AccessKeys(ctx, client(srv), ""); err == nil {
					items, gaps = len(read.Keys), len(read.Users)
					if read.LastUsed != nil {
						gaps++
					}
				}
			case "ListSSHPublicKeys", "GetSSHPublicKey":
				if read, err := SSHPublicKeys(ctx, client(srv), ""); err == nil {
					items, gaps = len(read.Keys), len(read.Users)
					for _, k := range read.Keys {
						if k.Gap != nil {
							gaps++
						}
					}
				}
			default:
				if read, err := SigningCertificates(ctx, client(srv), "", ReportOptions{MinInterval: time.Millisecond}); err == nil {
					items, gaps = len(read.Certificates), len(read.Gaps)
				}
			}
			if items != want.items || gaps != want.gaps {
				t.Errorf("%d items and %d gaps (-1: the read failed), want %d and %d", items, gaps, want.items, want.gaps)
			}
		})
	}
}

// TestMaterialCut: a certificate body or SSH key past IAM's limit of 16,384
// characters, which only something other than IAM sends, is kept cut at
// the limit, so that every user's material is not held whole (round 138:
// 60 MiB bodies took 4.3 GB).
func TestMaterialCut(t *testing.T) {
	big := strings.Repeat("A", 100_000)
	srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice",
		SigningCertificates: []iamtest.SigningCertificate{{ID: "CERT", Body: big}},
		SSHPublicKeys:       []iamtest.SSHPublicKey{{ID: "APKAKEY", Body: big}}}}})
	sc, err := SigningCertificates(context.Background(), client(srv), "alice", ReportOptions{})
	if err != nil || len(sc.Certificates) != 1 || len(sc.Certificates[0].Body) != maxMaterial {
		t.Errorf("signing certificates: %+v, %v", sc, err)
	}
	keys, err := SSHPublicKeys(context.Background(), client(srv), "alice")
	if err != nil || len(keys.Keys) != 1 || len(keys.Keys[0].Body) != maxMaterial {
		t.Errorf("SSH keys: %d, %v", len(keys.Keys), err)
	}
	// The limit counts characters: 16,384 of two bytes each are kept
	// whole, one more is not (round 247: cut at 16,384 bytes).
	for _, n := range []int{maxMaterial, maxMaterial + 1} {
		body := strings.Repeat("é", n)
		srv := iamtest.New(t, &iamtest.Account{Now: now, Users: []iamtest.User{{Name: "alice",
			SigningCertificates: []iamtest.SigningCertificate{{ID: "CERT", Body: body}}}}})
		sc, err := SigningCertificates(context.Background(), client(srv), "alice", ReportOptions{})
		if err != nil || len(sc.Certificates) != 1 {
			t.Fatalf("%d characters of two bytes: %+v, %v", n, sc, err)
		}
		if kept := sc.Certificates[0].Body; kept != strings.Repeat("é", maxMaterial) {
			t.Errorf("%d characters of two bytes: %d bytes kept, want %d", n, len(kept), 2*maxMaterial)
		}
	}
}
