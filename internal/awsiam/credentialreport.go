package awsiam

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// CredentialReportAPI is the part of the IAM client CredentialReport needs.
type CredentialReportAPI interface {
	GenerateCredentialReport(context.Context, *iam.GenerateCredentialReportInput, ...func(*iam.Options)) (*iam.GenerateCredentialReportOutput, error)
	GetCredentialReport(context.Context, *iam.GetCredentialReportInput, ...func(*iam.Options)) (*iam.GetCredentialReportOutput, error)
}

// ReportOptions bound the wait for IAM to finish a report.
type ReportOptions struct {
	Timeout     time.Duration // total wait; default 2 minutes
	MinInterval time.Duration // first pause between polls; default 1 s, doubling
	MaxInterval time.Duration // longest pause; default 10 s
}

func (o ReportOptions) withDefaults() ReportOptions {
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	if o.MinInterval <= 0 {
		o.MinInterval = time.Second
	}
	if o.MaxInterval < o.MinInterval {
		o.MaxInterval = max(10*time.Second, o.MinInterval)
	}
	return o
}

// RootUser is the credential report's name for the account root user.
const RootUser = rules.RootUserName

// CredentialReport is a parsed IAM credential report.
type CredentialReport struct {
	GeneratedTime time.Time
	// ServerTime is IAM's clock when it served the report (the reply's
	// Date header), zero when the reply gave none: GeneratedTime is IAM's
	// clock too, so the report's age is judged against it (AgeClock).
	ServerTime time.Time
	Users      []ReportUser
	// NotRefreshed says why IAM did not generate a fresh report and the
	// existing one was read instead: GenerateCredentialReport was denied,
	// throttled or failed. It is nil when IAM generated the report (or
	// confirmed a recent one) on request.
	NotRefreshed error
}

// ReportUser is one row of the report. Zero times mean "N/A",
// "no_information" or "not_supported"; a flag with one of those values is
// Unknown.
type ReportUser struct {
	User, ARN            string
	Created              time.Time
	PasswordEnabled      rules.Value[bool]
	PasswordLastUsed     time.Time
	PasswordLastChanged  time.Time
	PasswordNextRotation time.Time
	MFAActive            rules.Value[bool]
	AccessKeys           [2]ReportKey
	Certs                [2]ReportCert
}

// AgeClock is the time to judge the report's age against: IAM's own
// when its reply gave it, else local, the clock the provider judges AWS's
// dates by (the host's, or STS's where ahead). A host clock that runs
// ahead or behind IAM's would age the report by its error. A Date more
// than MaxDateSkew from local is not taken: a stale one (an endpoint's, a
// proxy's) made a report IAM could not refresh, 10 hours old, half an
// hour old (round 315), and one a month ahead made keys old that the
// other data sources judged young (round 320).
func (r *CredentialReport) AgeClock(local time.Time) time.Time {
	if r.ServerTime.IsZero() || r.ServerTime.Sub(local).Abs() > MaxDateSkew {
		return local
	}
	return r.ServerTime
}

// MaxDateSkew is how far from the provider's clock a reply's Date may be
// and still be taken for IAM's: AWS refuses a request signed more than 15
// minutes off its own clock.
const MaxDateSkew = 15 * time.Minute

// Root reports whether the row is the account root user.
func (u ReportUser) Root() bool { return u.User == RootUser }

// ReportKey is one of the two access-key slots of a report row.
type ReportKey struct {
	Active          rules.Value[bool]
	LastRotated     time.Time
	LastUsed        time.Time
	LastUsedRegion  string
	LastUsedService string
}

// ReportCert is one of the two signing-certificate slots of a report row.
type ReportCert struct {
	Active      rules.Value[bool]
	LastRotated time.Time
}

// GetCredentialReport asks IAM to generate the credential report, polls with
// backoff until it is COMPLETE or opts.Timeout passes, then fetches and parses
// it. IAM reuses a report younger than four hours, so this is a handful of
// calls whatever the number of users.
//
// When GenerateCredentialReport itself fails (denied, throttled, an error),
// the report IAM already has is read instead and NotRefreshed says why; if
// there is none, the generation error is returned.
func GetCredentialReport(ctx context.Context, api CredentialReportAPI, opts ReportOptions) (*CredentialReport, error) {
	opts = opts.withDefaults()
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	wait := opts.MinInterval
	for {
		ready, err := reportReady(ctx, api)
		if err != nil && ctx.Err() == nil {
			return existingReport(ctx, api, err)
		}
		if err != nil {
			return nil, timedOut(ctx, err, opts.Timeout)
		}
		if ready {
			out, err := api.GetCredentialReport(ctx, &iam.GetCredentialReportInput{})
			switch {
			case err == nil:
				return parseReport(out)
			case code(err) != "ReportInProgress" && code(err) != "ReportNotPresent" && code(err) != "ReportExpired":
				return nil, timedOut(ctx, wrap("GetCredentialReport", err), opts.Timeout)
			}
		}
		select {
		case <-ctx.Done():
			return nil, timedOut(ctx, ctx.Err(), opts.Timeout)
		case <-time.After(wait):
		}
		wait = min(2*wait, opts.MaxInterval)
	}
}

// existingReport reads the report IAM has after generating a fresh one
// failed with genErr.
func existingReport(ctx context.Context, api CredentialReportAPI, genErr error) (*CredentialReport, error) {
	out, err := api.GetCredentialReport(ctx, &iam.GetCredentialReportInput{})
	switch c := code(err); {
	case err == nil:
	case c == "ReportNotPresent" || c == "ReportExpired" || c == "ReportInProgress":
		return nil, genErr
	default:
		return nil, wrap("GetCredentialReport", err)
	}
	rep, err := parseReport(out)
	if err != nil {
		return nil, err
	}
	rep.NotRefreshed = genErr
	return rep, nil
}

func reportReady(ctx context.Context, api CredentialReportAPI) (bool, error) {
	out, err := api.GenerateCredentialReport(ctx, &iam.GenerateCredentialReportInput{})
	if err != nil {
		return false, wrap("GenerateCredentialReport", err)
	}
	return out.State == types.ReportStateTypeComplete, nil
}

// timedOut turns a deadline hit while waiting into a message that says so.
func timedOut(ctx context.Context, err error, limit time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("GenerateCredentialReport: the credential report was not ready within %s", limit)
	}
	return err
}

// ReportColumns are the credential report's columns as AWS documents them,
// in IAM's order. Every one is required: a report without one of them, or
// with a row shorter than its header, is an error rather than a pass.
var ReportColumns = []string{
	"user", "arn", "user_creation_time", "password_enabled", "password_last_used",
	"password_last_changed", "password_next_rotation", "mfa_active",
	"access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
	"access_key_1_last_used_region", "access_key_1_last_used_service",
	"access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
	"access_key_2_last_used_region", "access_key_2_last_used_service",
	"cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
}

// ReportError is a credential report that does not parse as AWS documents
// it. It names the line and column; values are quoted only from date and
// flag columns, which hold no secrets.
type ReportError struct {
	Line   int    // 1 is the header; 0 when the whole report is at fault
	Column string // "" when the row is at fault
	Detail string
}

func (e *ReportError) Error() string {
	switch {
	case e.Line == 0:
		return "GetCredentialReport: the report does not parse: " + e.Detail
	case e.Column == "":
		return fmt.Sprintf("GetCredentialReport: report line %d does not parse: %s", e.Line, e.Detail)
	}
	return fmt.Sprintf("GetCredentialReport: report line %d, column %s: %s", e.Line, e.Column, e.Detail)
}

// maxReportUsers bounds the users a credential report may list beside
// root: twice IAM's quota of users an account, as maxListPages bounds
// ListUsers. Each row is kept, and goes into Terraform's state: 150,000
// rows took the provider to 3.5 GB (round 151).
const maxReportUsers = 10_000

func parseReport(out *iam.GetCredentialReportOutput) (*CredentialReport, error) {
	// A byte-order mark, which a proxy or a re-encoded report may carry,
	// is not part of the first column's name.
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out.Content, []byte("\ufeff"))))
	r.FieldsPerRecord = -1 // checked below, with a clearer message
	header, err := r.Read()
	if err != nil {
		return nil, &ReportError{Detail: "reading the header: " + err.Error()}
	}
	col := make(map[string]int, len(header))
	for i, h := range header {
		if _, twice := col[h]; twice && slices.Contains(ReportColumns, h) {
			// Which of the two is the report's is not ours to pick.
			return nil, &ReportError{Line: 1, Column: h, Detail: "the header names it twice"}
		}
		col[h] = i
	}
	var missing []string
	for _, c := range ReportColumns {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, &ReportError{Line: 1, Detail: "the header lacks the column(s) " + strings.Join(missing, ", ")}
	}
	rep := &CredentialReport{GeneratedTime: aws.ToTime(out.GeneratedTime).UTC()}
	if t, ok := awsmiddleware.GetServerTime(out.ResultMetadata); ok {
		rep.ServerTime = t.UTC()
	}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return rep, nil
		}
		if line > maxReportUsers+2 { // the header, then root
			return nil, &ReportError{Line: line, Detail: fmt.Sprintf("the report lists more than %d users, twice IAM's quota of 5,000 an account", maxReportUsers)}
		}
		if err != nil {
			return nil, &ReportError{Line: line, Detail: err.Error()}
		}
		if len(rec) != len(header) {
			return nil, &ReportError{Line: line, Detail: fmt.Sprintf("it has %d fields; the header has %d", len(rec), len(header))}
		}
		p := rowParser{rec: rec, col: col, line: line}
		u := ReportUser{
			User:                 p.str("user"),
			ARN:                  p.str("arn"),
			Created:              p.date("user_creation_time"),
			PasswordEnabled:      p.flag("password_enabled"),
			PasswordLastUsed:     p.date("password_last_used"),
			PasswordLastChanged:  p.date("password_last_changed"),
			PasswordNextRotation: p.date("password_next_rotation"),
			MFAActive:            p.flag("mfa_active"),
		}
		for i := range u.AccessKeys {
			k := fmt.Sprintf("access_key_%d_", i+1)
			u.AccessKeys[i] = ReportKey{
				Active:          p.flag(k + "active"),
				LastRotated:     p.date(k + "last_rotated"),
				LastUsed:        p.date(k + "last_used_date"),
				LastUsedRegion:  reportString(p.str(k + "last_used_region")),
				LastUsedService: reportString(p.str(k + "last_used_service")),
			}
			c := fmt.Sprintf("cert_%d_", i+1)
			u.Certs[i] = ReportCert{Active: p.flag(c + "active"), LastRotated: p.date(c + "last_rotated")}
		}
		if p.err == nil && u.User == "" {
			p.err = &ReportError{Line: line, Column: "user", Detail: "the user name is empty"}
		}
		if p.err != nil {
			return nil, p.err
		}
		rep.Users = append(rep.Users, u)
	}
}

// rowParser reads the cells of one report row, keeping the first error.
type rowParser struct {
	rec  []string
	col  map[string]int
	line int
	err  *ReportError
}

func (p *rowParser) str(name string) string { return p.rec[p.col[name]] }

func (p *rowParser) fail(name, format string, args ...any) {
	if p.err == nil {
		p.err = &ReportError{Line: p.line, Column: name, Detail: fmt.Sprintf(format, args...)}
	}
}

// noValue reports whether s is one of the report's words for "no value".
func noValue(s string) bool { return s == "N/A" || s == "no_information" || s == "not_supported" }

// date reads an ISO 8601 date; "N/A", "no_information" and
// "not_supported" give the zero time, anything else is an error.
func (p *rowParser) date(name string) time.Time {
	s := p.str(name)
	if noValue(s) {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		p.fail(name, "%q is not an ISO 8601 date, N/A, no_information or not_supported", s)
		return time.Time{}
	}
	return t.UTC()
}

// flag reads TRUE or FALSE (in any case); "N/A", "no_information" and
// "not_supported" give an Unknown value, anything else is an error.
func (p *rowParser) flag(name string) rules.Value[bool] {
	s := p.str(name)
	switch {
	case strings.EqualFold(s, "true"):
		return rules.Known(true)
	case strings.EqualFold(s, "false"):
		return rules.Known(false)
	case noValue(s):
		return rules.UnknownValue[bool]()
	}
	p.fail(name, "%q is not true, false, N/A, no_information or not_supported", s)
	return rules.UnknownValue[bool]()
}

func reportString(s string) string {
	if s == "N/A" || s == "no_information" {
		return ""
	}
	return s
}
