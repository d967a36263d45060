package iamtest

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"net/url"
	"strconv"
	"time"
)

// credentialReport is a generated report: the CSV as of GeneratedTime.
type credentialReport struct {
	csv       []byte
	generated time.Time
}

// reportColumns are the credential report's columns, in IAM's order.
var reportColumns = []string{
	"user", "arn", "user_creation_time", "password_enabled", "password_last_used",
	"password_last_changed", "password_next_rotation", "mfa_active",
	"access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
	"access_key_1_last_used_region", "access_key_1_last_used_service",
	"access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
	"access_key_2_last_used_region", "access_key_2_last_used_service",
	"cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
}

// ReportReuse is how long IAM keeps handing back the credential report it
// holds: GenerateCredentialReport answers COMPLETE for a report younger
// than this without making a new one, and GetCredentialReport serves it
// as it was.
const ReportReuse = 4 * time.Hour

// generateCredentialReport answers COMPLETE at once while the report the
// server holds (one it generated, or Account.CredentialReportGenerated) is
// under ReportReuse old by the account's clock, keeping that report, as
// IAM does. Otherwise it answers STARTED, then INPROGRESS, until
// CredentialReportDelay calls have been made; the next call, and each
// later one once the report is ReportReuse old, builds the report from the
// current state and answers COMPLETE.
func generateCredentialReport(s *Server, _ url.Values) (any, *apiError) {
	type result struct {
		State       string
		Description string `xml:",omitempty"`
	}
	if held := s.heldReport(); held != nil && s.acct.now().Sub(held.generated) < ReportReuse {
		return result{"COMPLETE", ""}, nil
	}
	if s.pending < s.acct.CredentialReportDelay {
		s.pending++
		if s.pending == 1 {
			return result{"STARTED", "No report exists. Starting a new report generation task"}, nil
		}
		return result{"INPROGRESS", ""}, nil
	}
	s.report = &credentialReport{csv: buildReport(s.acct), generated: s.acct.now()}
	return result{"COMPLETE", ""}, nil
}

// heldReport is the report IAM holds: the last one generated, else the
// one Account.CredentialReportGenerated stands for (built from the account
// as it is now), else nil.
func (s *Server) heldReport() *credentialReport {
	if s.report == nil && !s.acct.CredentialReportGenerated.IsZero() {
		s.report = &credentialReport{csv: buildReport(s.acct), generated: s.acct.CredentialReportGenerated}
	}
	return s.report
}

// getCredentialReport answers ReportNotPresent before any generation and
// ReportInProgress while one is under way.
//
// Account.CredentialReportGenerated stands for a report made before the
// test: it is served, as of that time, until GenerateCredentialReport
// makes a new one.
func getCredentialReport(s *Server, _ url.Values) (any, *apiError) {
	if s.heldReport() == nil {
		if s.pending > 0 {
			return nil, &apiError{status: 404, code: "ReportInProgress", message: "Report generation in progress"}
		}
		return nil, &apiError{status: 410, code: "ReportNotPresent",
			message: "Unable to find a credential report for this account. Use GenerateCredentialReport to create one."}
	}
	generated := s.report.generated
	if s.reportTime != nil {
		generated = *s.reportTime
	}
	return struct {
		Content       string
		ReportFormat  string
		GeneratedTime string `xml:",omitempty"`
	}{base64.StdEncoding.EncodeToString(s.report.csv), "text/csv", iso(generated)}, nil
}

// reportTime formats a time as the credential report writes it, or
// returns ifZero.
func reportTime(t time.Time, ifZero string) string {
	if t.IsZero() {
		return ifZero
	}
	return t.UTC().Format("2006-01-02T15:04:05+00:00")
}

// keyColumns gives the five access_key_N_* columns for key i of keys.
func keyColumns(a *Account, keys []AccessKey, i int) []string {
	if i >= len(keys) {
		return []string{"false", "N/A", "N/A", "N/A", "N/A"}
	}
	k := keys[i]
	cols := []string{strconv.FormatBool(keyStatus(k.Status) == "Active"), reportTime(a.orNow(k.Created), ""), "N/A", "N/A", "N/A"}
	if !k.LastUsed.IsZero() {
		cols[2], cols[3], cols[4] = reportTime(k.LastUsed, ""), orDefault(k.LastUsedRegion, "N/A"), orDefault(k.LastUsedService, "N/A")
	}
	return cols
}

// certColumns gives the two cert_N_* columns for certificate i of certs.
func certColumns(a *Account, certs []SigningCertificate, i int) []string {
	if i >= len(certs) {
		return []string{"false", "N/A"}
	}
	return []string{strconv.FormatBool(keyStatus(certs[i].Status) == "Active"), reportTime(a.orNow(certs[i].Uploaded), "")}
}

func buildReport(a *Account) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(reportColumns)

	rootCerts := a.rootCertificates()
	rootKeys := a.rootKeys()
	row := []string{
		"<root_account>", "arn:aws:iam::" + a.accountID() + ":root", reportTime(a.rootCreated(), "N/A"),
		"not_supported", reportTime(a.Root.PasswordLastUsed, "no_information"), "not_supported", "not_supported",
		strconv.FormatBool(a.Root.MFAEnabled),
	}
	row = append(row, keyColumns(a, rootKeys, 0)...)
	row = append(row, keyColumns(a, rootKeys, 1)...)
	row = append(row, certColumns(a, rootCerts, 0)...)
	row = append(row, certColumns(a, rootCerts, 1)...)
	w.Write(row)

	for i := range a.Users {
		u := &a.Users[i]
		passwordEnabled := u.LoginProfile != nil
		lastUsed, lastChanged, nextRotation := "N/A", "N/A", "N/A"
		if !u.PasswordLastUsed.IsZero() {
			lastUsed = reportTime(u.PasswordLastUsed, "")
		} else if passwordEnabled {
			lastUsed = "no_information"
		}
		if passwordEnabled {
			changed := u.LoginProfile.PasswordLastChanged
			if changed.IsZero() {
				changed = a.loginProfileCreated(u)
			}
			lastChanged = reportTime(changed, "N/A")
			if p := a.PasswordPolicy; p != nil && p.MaxPasswordAge > 0 && !changed.IsZero() {
				nextRotation = reportTime(changed.AddDate(0, 0, int(p.MaxPasswordAge)), "N/A")
			}
		}
		row := []string{
			u.Name, a.userARN(u), reportTime(a.userCreated(u), "N/A"),
			strconv.FormatBool(passwordEnabled), lastUsed, lastChanged, nextRotation,
			strconv.FormatBool(len(u.MFADevices) > 0),
		}
		row = append(row, keyColumns(a, u.AccessKeys, 0)...)
		row = append(row, keyColumns(a, u.AccessKeys, 1)...)
		row = append(row, certColumns(a, u.SigningCertificates, 0)...)
		row = append(row, certColumns(a, u.SigningCertificates, 1)...)
		w.Write(row)
	}
	w.Flush()
	if a.EditCredentialReport == nil {
		return buf.Bytes()
	}
	rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		panic("iamtest: reading back the report: " + err.Error())
	}
	buf.Reset()
	w = csv.NewWriter(&buf)
	w.WriteAll(a.EditCredentialReport(rows))
	return buf.Bytes()
}
