// Package iamtest is a local fake of AWS IAM, STS and CloudTrail for tests.
//
// New starts an httptest server backed by an in-memory Account. One URL
// serves all three services; point every SDK client's BaseEndpoint at
// Server.URL (any region and static credentials; signatures are not checked):
//
//	srv := iamtest.New(t, &iamtest.Account{Users: []iamtest.User{{Name: "alice"}}})
//	client := iam.NewFromConfig(cfg, func(o *iam.Options) { o.BaseEndpoint = aws.String(srv.URL) })
//
// Requests are routed like this:
//
//   - X-Amz-Target header present: CloudTrail's JSON 1.1 protocol
//     (DescribeTrails, GetTrailStatus, GetEventSelectors, LookupEvents).
//   - otherwise a POST form body in the query protocol. Version=2011-06-15 is
//     STS (GetCallerIdentity, AssumeRole); anything else is IAM
//     (GetAccountPasswordPolicy, GetAccountSummary, ListUsers, ListAccessKeys,
//     GetAccessKeyLastUsed, ListMFADevices, GetLoginProfile,
//     GenerateCredentialReport, GetCredentialReport, ListServerCertificates,
//     GetServerCertificate, ListSSHPublicKeys, GetSSHPublicKey,
//     ListSigningCertificates). Unknown operations get InvalidAction
//     (CloudTrail: UnknownOperationException).
//
// Replies use IAM's XML shapes and error envelope
// (<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>).
// Every List* paginates with Marker/IsTruncated (MaxItems default 100);
// LookupEvents with NextToken (MaxResults default and maximum 50).
// SetPageSize caps both, so small pages are easy to test. SetRateLimit
// throttles an action above a rate; LookupEvents is throttled above
// CloudTrail's LookupEventsRate (2 a second) from the start. Requests records
// when each call arrived.
//
// CloudTrail: DescribeTrails called with includeShadowTrails lists the
// trails of the signing region plus, when true, multi-region and
// organization trails homed elsewhere (shadow trails). GetTrailStatus
// reports logging and the latest delivery time and error. LookupEvents
// returns records shaped like CloudTrail's (eventVersion 1.08, userIdentity
// for IAMUser, AssumedRole or Root, requestParameters, responseElements,
// errorCode) generated from each Event (record.go).
//
// The caller is the account's root user: GetCallerIdentity answers
// arn:aws:iam::<account>:root, and ListAccessKeys or ListMFADevices without a
// UserName list the root user's keys and MFA device.
//
// Errors the account state produces: NoSuchEntity (404) for a missing
// password policy, user, login profile, access key, server certificate or
// SSH key; ReportNotPresent (410) before GenerateCredentialReport and
// ReportInProgress (404) while CredentialReportDelay is not used up;
// TrailNotFoundException for an unknown trail. Fail injects the Fault
// errors documented on each constant, per action or for all ("*");
// FailHTTP any status and code (a 403 under a code the SDK has no model
// for, or with no code, which the SDK reads as UnknownError); EmptyReply
// HTTP 200 with no body at all, RawReply HTTP 200 with a body (and header
// fields) of the test's choosing. SetPageFault
// breaks an IAM listing's pagination (a repeated Marker, or IsTruncated
// without one), or LookupEvents' (a repeated NextToken, or the first page
// again under a new one). DropEventIDs and DropKeyDates leave EventId out
// of LookupEvents' events and CreateDate out of ListAccessKeys' keys,
// though the services always send them. SetRateLimit answers Throttling
// beyond a number of calls a second, and Throttled counts those answers.
//
// The credential report follows AWS's documented CSV: the root user's
// password_enabled is not_supported, and GetAccountSummary's
// AccountPasswordPresent says whether root has a password (Root.HasPassword).
// As IAM does, GenerateCredentialReport answers COMPLETE without making a
// new report while the one held is under ReportReuse (four hours) old by
// Account.Now: GetCredentialReport then serves that older snapshot, which
// does not show what changed since. Account.CredentialReportGenerated
// stands for a report IAM already holds, and Account.EditCredentialReport
// rewrites the rows to break the format.
// SetReportTime makes GetCredentialReport answer another GeneratedTime, or
// none.
//
// FailItem, per IAM action and item (one user, one certificate), as a
// policy that denies an action on some resources only.
//
// Counters: Calls and TotalCalls count every request received (retries and
// faulted ones too); MaxInFlight is the peak of concurrent requests;
// Requests returns the parameters and signing region of each call.
// ResetCounters clears all three.
//
// The server keeps the *Account it was given. Set it up before the first
// request, or change it later through Update, which holds the server's lock.
// Times the test leaves zero where IAM always sends one (creation and upload
// dates) read as Account.Now.
package iamtest
