package awsiam

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"golang.org/x/sync/errgroup"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// SigningCertificatesAPI is the part of the IAM client SigningCertificates needs.
type SigningCertificatesAPI interface {
	CredentialReportAPI
	AccountSummaryAPI // for SigningCertificates
	iam.ListUsersAPIClient
	iam.ListSigningCertificatesAPIClient
}

// SigningCertificate is one signing certificate. The root user's come from
// the credential report: Root is set, and ID and Body are "" (the report
// gives only each slot's status and upload date). Uploaded is zero when
// the upload date is not given.
type SigningCertificate struct {
	UserName, ID, Status string
	Uploaded             time.Time
	Body                 string // public PEM; never shown by iamguard
	Root                 bool
	Slot                 int // the report's cert_N column, for the root user's
}

// Active reports whether the certificate can sign requests.
func (c SigningCertificate) Active() bool { return c.Status == "Active" }

// StatusKnown reports whether Status is one IAM defines: another ("active",
// "Enabled", or none) does not say whether the certificate can sign
// requests. The root user's, from the credential report, always is.
func (c SigningCertificate) StatusKnown() bool { return statusKnown(c.Status) }

// UploadMissing reports whether IAM, which always gives a certificate's
// upload date in ListSigningCertificates, gave none for this one. The root
// user's come from the credential report, whose cert_N_last_rotated may
// rightly be N/A: theirs is never missing.
func (c SigningCertificate) UploadMissing() bool { return !c.Root && c.Uploaded.IsZero() }

// SigningCertificatesRead is what SigningCertificates read.
type SigningCertificatesRead struct {
	Certificates []SigningCertificate // ordered by user, then certificate ID
	// Gaps are users whose certificates could not be listed, and, when the
	// credential report could not be read, the root user.
	Gaps []Gap
	// Listed counts the users whose certificates were listed.
	Listed int
}

// SigningCertificates reads the signing certificates of every user (of
// userName alone, when set): ListSigningCertificates per user, every page,
// at most MaxInFlight calls at once; the body comes with the listing.
//
// For every user, the credential report is read too, for the root user's
// certificates, which only it shows (its cert_N columns); when it cannot be
// read the root user is a Gap. It never spares listing a user: IAM hands
// back a report up to four hours old instead of a new one
// (GenerateCredentialReport answers COMPLETE), and nothing tells whether a
// certificate was uploaded since, so empty cert_N columns prove nothing. A refused ListUsers (or listing of userName's
// certificates) is err; a refused or throttled listing of another user's
// certificates is a Gap.
func SigningCertificates(ctx context.Context, api SigningCertificatesAPI, userName string, opts ReportOptions) (*SigningCertificatesRead, error) {
	report := func(ctx context.Context) (*CredentialReport, error) { return GetCredentialReport(ctx, api, opts) }
	summary := func(ctx context.Context) (rules.AccountSummary, error) { return AccountSummary(ctx, api) }
	return SigningCertificatesWithReport(ctx, api, userName, report, summary)
}

// SigningCertificatesWithReport is SigningCertificates with the credential
// report read by report and the account summary by summary, for a caller
// that reads each once for several purposes.
func SigningCertificatesWithReport(ctx context.Context, api SigningCertificatesAPI, userName string, report func(context.Context) (*CredentialReport, error),
	summary func(context.Context) (rules.AccountSummary, error)) (*SigningCertificatesRead, error) {
	c := &signingCollector{api: api, limiter: newLimiter(), read: &SigningCertificatesRead{}}
	if userName != "" {
		if err := c.userCertificates(ctx, userName, true); err != nil {
			return nil, err
		}
		return c.read, nil
	}
	rep, err := report(ctx)
	switch {
	case err != nil:
		// Every user is listed instead; only the root user's certificates,
		// which only the report shows, are a gap.
		var e *Error
		if !errors.As(err, &e) {
			e = &Error{Service: "iam", Action: "GetCredentialReport", Err: err}
		}
		c.read.Gaps = append(c.read.Gaps, Gap{Name: RootUser, Item: "the root user's signing certificates", Err: e})
	default:
		// The report may be up to four hours old; the account summary is
		// live. A certificate of the root user's the summary shows and the
		// report does not was uploaded since: it cannot be judged. With none
		// in the summary, the report's were deleted since.
		root := rootCertificates(rep)
		s, err := summary(ctx)
		switch {
		case err != nil:
			// The report's, as they were, and a gap for any uploaded since
			// (round 111: a denied summary passed one).
			gap, err := gapOf(RootUser, "the root user's signing certificates uploaded since the credential report", "GetAccountSummary", err)
			if err != nil {
				return nil, err
			}
			c.read.Gaps = append(c.read.Gaps, *gap)
		case len(root) == 0 && s.SigningCertificatesPresent:
			c.read.Gaps = append(c.read.Gaps, Gap{Name: RootUser, Item: "the root user's signing certificates",
				Err: &Error{Service: "iam", Action: "GetCredentialReport", Err: errRootCertUnlisted}})
		case !s.SigningCertificatesPresent:
			root = nil
		case !slices.ContainsFunc(root, func(c SigningCertificate) bool { return c.Status == "Active" }):
			// Beside certificates the report lists, all inactive, the
			// summary cannot tell one activated or uploaded since (round
			// 130: a pass).
			c.read.Gaps = append(c.read.Gaps, Gap{Name: RootUser, Item: "the root user's signing certificates",
				Err: &Error{Service: "iam", Action: "GetCredentialReport", Err: errRootCertInactive}})
		}
		c.read.Certificates = append(c.read.Certificates, root...)
	}

	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(MaxInFlight) // bounds goroutines; c.limiter bounds calls

	err = listUsers(gctx, c.limiter, api, func(u types.User) {
		name := aws.ToString(u.UserName)
		c.read.Listed++
		g.Go(func() error { return c.userCertificates(gctx, name, false) })
	})
	if err != nil {
		if werr := g.Wait(); werr != nil {
			return nil, werr // a worker failed first and cancelled the listing
		}
		return nil, err
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	slices.SortFunc(c.read.Certificates, func(a, b SigningCertificate) int {
		if c := strings.Compare(a.UserName, b.UserName); c != 0 {
			return c
		}
		if c := strings.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return a.Slot - b.Slot
	})
	slices.SortFunc(c.read.Gaps, func(a, b Gap) int { return strings.Compare(a.Name, b.Name) })
	return c.read, nil
}

// errRootCertUnlisted: the account summary shows the root user has a signing
// certificate that the credential report, made before it, does not list.
var errRootCertUnlisted = errors.New("the account summary shows a signing certificate of the root user that the credential report, up to four hours old, does not list")

// errRootCertInactive: the credential report lists the root user's signing
// certificates as inactive, and the account summary, which counts them
// active or not, cannot tell whether one was activated or uploaded since.
var errRootCertInactive = errors.New("the credential report, up to four hours old, lists the root user's signing certificates as inactive, and the account summary cannot tell whether one was activated or uploaded since")

// rootCertificates are the root user's signing certificates as the report
// shows them: a slot that is active or has an upload date holds one.
func rootCertificates(rep *CredentialReport) []SigningCertificate {
	var out []SigningCertificate
	for _, u := range rep.Users {
		if !u.Root() {
			continue
		}
		for i, s := range u.Certs {
			active := s.Active.V || s.Active.Unknown // a slot the report leaves out may hold one
			if !active && s.LastRotated.IsZero() {
				continue
			}
			status := "Inactive"
			if active {
				status = "Active"
			}
			out = append(out, SigningCertificate{UserName: RootUser, Status: status, Uploaded: s.LastRotated, Root: true, Slot: i + 1})
		}
	}
	return out
}

type signingCollector struct {
	api SigningCertificatesAPI
	limiter

	mu   sync.Mutex
	read *SigningCertificatesRead
}

// userCertificates lists one user's certificates. A refused listing is a
// Gap unless fatal says it must fail the read.
func (c *signingCollector) userCertificates(ctx context.Context, user string, fatal bool) error {
	var certs []SigningCertificate
	p := iam.NewListSigningCertificatesPaginator(c.api, &iam.ListSigningCertificatesInput{UserName: aws.String(user)})
	err := allPages(ctx, c.limiter, "ListSigningCertificates", p,
		func(page *iam.ListSigningCertificatesOutput) (bool, *string, []types.SigningCertificate) {
			return page.IsTruncated, page.Marker, page.Certificates
		},
		func(m types.SigningCertificate) *string { return m.CertificateId },
		func(m types.SigningCertificate) {
			certs = append(certs, SigningCertificate{
				UserName: user, ID: aws.ToString(m.CertificateId), Status: string(m.Status),
				Uploaded: aws.ToTime(m.UploadDate).UTC(), Body: material(m.CertificateBody),
			})
		})
	if err != nil {
		gap, err := userListingGap(user, fmt.Sprintf("the signing certificates of user %q", user), "ListSigningCertificates", fatal, err)
		if gap != nil {
			c.mu.Lock()
			c.read.Gaps = append(c.read.Gaps, *gap)
			c.mu.Unlock()
		}
		return err
	}
	c.mu.Lock()
	c.read.Certificates = append(c.read.Certificates, certs...)
	c.mu.Unlock()
	return nil
}

// maxMaterial is IAM's limit on a certificate body or SSH public key:
// 16,384 characters, each of the Latin-1 range (U+0009 to U+00FF), so at
// most twice that in bytes. What a reply holds past it, which only
// something other than IAM sends, is cut off when the material is kept, so
// that the material of every user is not held whole (60 MiB bodies took
// 4.3 GB; round 138); what is kept then judges as what it is.
const maxMaterial = 16_384

// material is a body as kept: its first maxMaterial characters. A body of
// IAM's is whole, text with accents before the PEM block included (round
// 247: cut at 16,384 bytes, a sound certificate lost its END line and was
// IG502 high).
func material(s *string) string {
	v := aws.ToString(s)
	if len(v) <= maxMaterial {
		return v
	}
	n := 0
	for i := range v {
		if n == maxMaterial {
			return strings.Clone(v[:i])
		}
		n++
	}
	return v
}
