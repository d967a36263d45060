package awsiam

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
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
const RootUser = "<root_account>"

// CredentialReport is a parsed IAM credential report.
type CredentialReport struct {
	GeneratedTime time.Time
	Users         []ReportUser
}

// ReportUser is one row of the report. Zero times mean "N/A" or "no_information".
type ReportUser struct {
	User, ARN            string
	Created              time.Time
	PasswordEnabled      bool
	PasswordLastUsed     time.Time
	PasswordLastChanged  time.Time
	PasswordNextRotation time.Time
	MFAActive            bool
	AccessKeys           [2]ReportKey
	Certs                [2]ReportCert
}

// Root reports whether the row is the account root user.
func (u ReportUser) Root() bool { return u.User == RootUser }

// ReportKey is one of the two access-key slots of a report row.
type ReportKey struct {
	Active          bool
	LastRotated     time.Time
	LastUsed        time.Time
	LastUsedRegion  string
	LastUsedService string
}

// ReportCert is one of the two signing-certificate slots of a report row.
type ReportCert struct {
	Active      bool
	LastRotated time.Time
}

// GetCredentialReport asks IAM to generate the credential report, polls with
// backoff until it is COMPLETE or opts.Timeout passes, then fetches and parses
// it. IAM reuses a report younger than four hours, so this is a handful of
// calls whatever the number of users.
func GetCredentialReport(ctx context.Context, api CredentialReportAPI, opts ReportOptions) (*CredentialReport, error) {
	opts = opts.withDefaults()
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	wait := opts.MinInterval
	for {
		ready, err := reportReady(ctx, api)
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

func parseReport(out *iam.GetCredentialReportOutput) (*CredentialReport, error) {
	r := csv.NewReader(bytes.NewReader(out.Content))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("GetCredentialReport: reading the report header: %w", err)
	}
	col := make(map[string]int, len(header))
	for i, h := range header {
		col[h] = i
	}
	if _, ok := col["user"]; !ok {
		return nil, fmt.Errorf("GetCredentialReport: the report has no user column")
	}
	rep := &CredentialReport{GeneratedTime: aws.ToTime(out.GeneratedTime)}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return rep, nil
		}
		if err != nil {
			return nil, fmt.Errorf("GetCredentialReport: report line %d: %w", line, err)
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		u := ReportUser{
			User:                 get("user"),
			ARN:                  get("arn"),
			Created:              reportTime(get("user_creation_time")),
			PasswordEnabled:      get("password_enabled") == "true",
			PasswordLastUsed:     reportTime(get("password_last_used")),
			PasswordLastChanged:  reportTime(get("password_last_changed")),
			PasswordNextRotation: reportTime(get("password_next_rotation")),
			MFAActive:            get("mfa_active") == "true",
		}
		for i := range u.AccessKeys {
			p := fmt.Sprintf("access_key_%d_", i+1)
			u.AccessKeys[i] = ReportKey{
				Active:          get(p+"active") == "true",
				LastRotated:     reportTime(get(p + "last_rotated")),
				LastUsed:        reportTime(get(p + "last_used_date")),
				LastUsedRegion:  reportString(get(p + "last_used_region")),
				LastUsedService: reportString(get(p + "last_used_service")),
			}
			p = fmt.Sprintf("cert_%d_", i+1)
			u.Certs[i] = ReportCert{Active: get(p+"active") == "true", LastRotated: reportTime(get(p + "last_rotated"))}
		}
		rep.Users = append(rep.Users, u)
	}
}

// reportTime reads an ISO 8601 report date; "N/A", "no_information" and
// "not_supported" give the zero time.
func reportTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

func reportString(s string) string {
	if s == "N/A" || s == "no_information" {
		return ""
	}
	return s
}
