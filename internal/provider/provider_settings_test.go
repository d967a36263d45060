package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

const ppConfig = `data "iamguard_password_policy" "test" {}`

// TestSettingsChecked: settings that cannot work are refused at once,
// naming the setting, not met by every call retried in full (round 121:
// an endpoint without a scheme failed after 26 attempts, 7 minutes; a
// max_retries past int wrapped to the SDK's default of 3 attempts).
func TestSettingsChecked(t *testing.T) {
	for _, c := range []struct {
		name string
		m    providerModel
		want string // "" for no error
	}{
		{"endpoint without a scheme", providerModel{Endpoints: &endpointsModel{IAM: types.StringValue("iam.example.com")}}, "endpoints.iam must be an http or https URL"},
		{"ftp endpoint", providerModel{Endpoints: &endpointsModel{STS: types.StringValue("ftp://sts.example.com")}}, "endpoints.sts must be an http or https URL"},
		{"https endpoint", providerModel{Endpoints: &endpointsModel{CloudTrail: types.StringValue("https://127.0.0.1:8443/x")}}, ""},
		{"max_retries past the limit", providerModel{MaxRetries: types.Int64Value(9223372036854775807)}, "max_retries must be from 0 to 1000"},
		{"max_retries at the limit", providerModel{MaxRetries: types.Int64Value(1000)}, ""},
		{"max_retries below 0", providerModel{MaxRetries: types.Int64Value(-1)}, "max_retries must be from 0 to 1000"},
		{"max_retries 0", providerModel{MaxRetries: types.Int64Value(0)}, ""},
		{"endpoint without a host", providerModel{Endpoints: &endpointsModel{IAM: types.StringValue("https://")}}, "endpoints.iam must be an http or https URL"},
		{"both roles", providerModel{AssumeRole: &assumeRoleModel{}, WebIdentity: &webIdentityModel{}}, "Set assume_role or assume_role_with_web_identity, not both."},
	} {
		var diags diag.Diagnostics
		loadOptions(c.m, time.Second, &diags)
		got := ""
		for _, d := range diags.Errors() {
			got += d.Detail()
		}
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// A duration setting is at least a second.
	for v, ok := range map[string]bool{"1s": true, "90s": true, "999ms": false, "0s": false} {
		var diags diag.Diagnostics
		durationSetting(types.StringValue(v), time.Minute, path.Root("credential_report_timeout"), &diags)
		if diags.HasError() == ok {
			t.Errorf("duration %q: errors %v", v, diags.Errors())
		}
	}
	// A web identity token is given one way, not both.
	both := &webIdentityModel{RoleARN: types.StringValue("arn:aws:iam::123456789012:role/ci"),
		WebIdentityToken: types.StringValue("token"), WebIdentityTokenFile: types.StringValue("/run/token")}
	if diags := assumeRoleWithWebIdentity(&aws.Config{}, both, nil); !strings.Contains(fmt.Sprint(diags.Errors()), "not both") {
		t.Errorf("token and token file: errors %v", diags.Errors())
	}
	// A role's session lasts from 15 minutes to 12 hours, as STS takes it.
	for v, ok := range map[string]bool{"15m": true, "12h": true, "14m59s": false, "12h0m1s": false} {
		var diags diag.Diagnostics
		sessionDuration(types.StringValue(v), path.Root("assume_role").AtName("duration"), &diags)
		if diags.HasError() == ok {
			t.Errorf("session duration %q: errors %v", v, diags.Errors())
		}
	}
	// The environment's endpoints, which the SDK reads, are checked alike
	// (round 124).
	t.Setenv("AWS_ENDPOINT_URL_STS", "localhost:4566")
	{
		var diags diag.Diagnostics
		loadOptions(providerModel{}, time.Second, &diags)
		got := ""
		for _, d := range diags.Errors() {
			got += d.Detail()
		}
		if want := "AWS_ENDPOINT_URL_STS must be an http or https URL"; !strings.Contains(got, want) {
			t.Errorf("AWS_ENDPOINT_URL_STS=localhost:4566: %q, want %q", got, want)
		}
	}
	// ~ is the home directory, as in the hashicorp/aws provider.
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip(err)
	}
	if got := homePaths([]string{"~/.aws/config", "/etc/aws", "~user/x", "~"}); got[0] != filepath.Join(home, ".aws/config") || got[1] != "/etc/aws" ||
		got[2] != "~user/x" || got[3] != home {
		t.Errorf("homePaths = %q", got)
	}
}

// TestRetrySettings: max_retries defaults to 25 as in hashicorp/aws;
// AWS_MAX_ATTEMPTS (cfg.RetryMaxAttempts) counts attempts; retry_mode picks
// standard or adaptive, both with the SDK's retry quota on.
func TestRetrySettings(t *testing.T) {
	for _, c := range []struct {
		name     string
		m        providerModel
		cfg      aws.Config
		attempts int
		adaptive bool
	}{
		{"defaults", providerModel{}, aws.Config{}, 26, false},
		{"max_retries", providerModel{MaxRetries: types.Int64Value(3)}, aws.Config{RetryMaxAttempts: 9}, 4, false},
		{"AWS_MAX_ATTEMPTS", providerModel{}, aws.Config{RetryMaxAttempts: 9}, 9, false},
		{"AWS_MAX_ATTEMPTS past the bound", providerModel{}, aws.Config{RetryMaxAttempts: 1 << 40}, maxRetriesLimit + 1, false},
		{"AWS_RETRY_MODE", providerModel{}, aws.Config{RetryMode: aws.RetryModeAdaptive}, 26, true},
		{"retry_mode", providerModel{RetryMode: types.StringValue("adaptive")}, aws.Config{}, 26, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := c.cfg
			setRetryer(&cfg, c.m)
			r := cfg.Retryer()
			if r.MaxAttempts() != c.attempts {
				t.Errorf("MaxAttempts = %d, want %d", r.MaxAttempts(), c.attempts)
			}
			if _, ok := r.(*retry.AdaptiveMode); ok != c.adaptive {
				t.Errorf("retryer %T, adaptive want %v", r, c.adaptive)
			}
			if s, ok := r.(*retry.Standard); ok {
				// The quota is on: retries draw from a bucket that empties.
				if _, err := s.GetRetryToken(t.Context(), nil); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestProviderAccountIDs(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow}) // account 123456789012
	run(t,
		resource.TestStep{
			Config:      providerBlock(srv, `allowed_account_ids = ["111111111111"]`) + ppConfig,
			ExpectError: regexp.MustCompile(`(?s)Account not allowed.*account 123456789012, which is not in\s+allowed_account_ids`),
		},
		resource.TestStep{
			Config:      providerBlock(srv, `forbidden_account_ids = ["123456789012"]`) + ppConfig,
			ExpectError: regexp.MustCompile(`(?s)account 123456789012, which is in\s+forbidden_account_ids`),
		},
		resource.TestStep{
			// STS names no account: forbidden_account_ids cannot be checked,
			// so nothing is read (round 82: the empty account passed it).
			PreConfig: func() {
				srv.RawReply("GetCallerIdentity", []byte(`<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:root</Arn>`+
					`</GetCallerIdentityResult></GetCallerIdentityResponse>`), nil, -1)
			},
			Config:      providerBlock(srv, `forbidden_account_ids = ["123456789012"]`) + ppConfig,
			ExpectError: regexp.MustCompile(`(?s)Cannot use the AWS credentials.*GetCallerIdentity: STS named no 12-digit\s+account\s+ID`),
		},
		resource.TestStep{
			PreConfig: func() { srv.RawReply("GetCallerIdentity", nil, nil, 0) },
			Config:    providerBlock(srv, `allowed_account_ids = ["123456789012"]`) + ppConfig,
			Check:     resource.TestCheckResourceAttr("data.iamguard_password_policy.test", "exists", "false"),
		},
	)
	if n := srv.Calls("GetAccountPasswordPolicy"); n == 0 || srv.Calls("GetCallerIdentity") == 0 {
		t.Errorf("GetAccountPasswordPolicy = %d calls after the allowed account", n)
	}
}

// TestProviderCredentialsChecked: bad credentials give one diagnostic from
// Configure, and no data source reaches IAM.
func TestProviderCredentialsChecked(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	srv.FailHTTP("GetCallerIdentity", 403, "InvalidClientTokenId", -1)
	run(t, resource.TestStep{
		Config: providerBlock(srv, "") + ppConfig + `
data "iamguard_credential_report" "test" {}
data "iamguard_access_keys" "test" {}`,
		ExpectError: regexp.MustCompile(`(?s)Cannot use the AWS credentials.*GetCallerIdentity`),
	})
	if n := srv.TotalCalls() - srv.Calls("GetCallerIdentity"); n != 0 {
		t.Errorf("%d IAM calls with credentials that failed the check", n)
	}
}

// TestProviderEmptyReplies: an HTTP 200 that holds no result (an empty
// body, an XML declaration alone, {}), which the AWS SDK reads as a result
// with nothing in it, is an error on every client the provider builds
// (IAM, CloudTrail, STS), never an account with no users or a trail with
// no event selectors.
func TestProviderEmptyReplies(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Trails: []iamtest.Trail{goodTrail("main", "us-east-1")},
		Users: []iamtest.User{{Name: "deploy", AccessKeys: []iamtest.AccessKey{{ID: "AKIADEPLOY000000001", Created: daysAgo(400)}}}}})
	var last string
	reply := func(action, body string) func() {
		return func() {
			if last != "" {
				srv.EmptyReply(last, 0)
			}
			srv.RawReply(action, []byte(body), nil, -1)
			last = action
		}
	}
	const noResult = `holds\s+no\s+result`
	run(t,
		resource.TestStep{
			PreConfig:   reply("ListUsers", ""),
			Config:      cloudTrailProviderBlock(srv) + `data "iamguard_access_keys" "test" {}`,
			ExpectError: regexp.MustCompile(`(?s)Cannot read access keys.*ListUsers.*` + noResult),
		},
		resource.TestStep{
			PreConfig:   reply("ListAccessKeys", `<?xml version="1.0" encoding="UTF-8"?>`),
			Config:      cloudTrailProviderBlock(srv) + `data "iamguard_access_keys" "test" {}`,
			ExpectError: regexp.MustCompile(`(?s)Cannot read access keys.*ListAccessKeys.*` + noResult),
		},
		resource.TestStep{
			PreConfig:   reply("GetEventSelectors", ""),
			Config:      cloudTrailProviderBlock(srv) + `data "iamguard_cloudtrail_iam_logging" "test" {}`,
			ExpectError: regexp.MustCompile(`(?s)Cannot read CloudTrail trails.*GetEventSelectors.*` + noResult),
		},
		resource.TestStep{
			PreConfig:   reply("GetEventSelectors", "{}"),
			Config:      cloudTrailProviderBlock(srv) + `data "iamguard_cloudtrail_iam_logging" "test" {}`,
			ExpectError: regexp.MustCompile(`(?s)Cannot read CloudTrail trails.*GetEventSelectors.*` + noResult),
		},
		resource.TestStep{
			PreConfig:   reply("GetCallerIdentity", ""),
			Config:      cloudTrailProviderBlock(srv) + `data "iamguard_access_keys" "test" {}`,
			ExpectError: regexp.MustCompile(`(?s)Cannot use the AWS credentials.*GetCallerIdentity.*` + noResult),
		},
	)
}

// TestProviderStalledEndpoint: an endpoint that takes a call and never
// answers fails each attempt once the connection has been silent for the
// read timeout; the SDK retries it as any timeout, then the read fails
// with one diagnostic. Round 89: with no timeout the plan waited for ever.
// The timeout is 300ms here (60s by default), and every data source of
// the provider uses it: IAM and CloudTrail, and STS in Configure.
func TestProviderStalledEndpoint(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow, Trails: []iamtest.Trail{goodTrail("main", "us-east-1")}})
	stalled := iamtest.New(t, &iamtest.Account{Now: testNow})
	stalled.SetLatency(time.Hour) // answers when the client hangs up
	block := func(service string) string {
		urls := map[string]string{"iam": srv.URL, "sts": srv.URL, "cloudtrail": srv.URL}
		urls[service] = stalled.URL
		return endpointsProviderBlock(urls["iam"], urls["sts"], urls["cloudtrail"], "")
	}
	const silent = `(?s)no\s+reply.*300ms`
	start := time.Now()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { preCheck(t) },
		ProtoV6ProviderFactories: factories(func(p *iamguardProvider) { p.readTimeout = 300 * time.Millisecond }),
		Steps: []resource.TestStep{{
			Config:      block("iam") + ppConfig,
			ExpectError: regexp.MustCompile(`(?s)Cannot read the account password policy.*GetAccountPasswordPolicy.*` + silent),
		}, {
			Config:      block("cloudtrail") + `data "iamguard_cloudtrail_iam_logging" "test" {}`,
			ExpectError: regexp.MustCompile(`(?s)Cannot read CloudTrail trails.*DescribeTrails.*` + silent),
		}, {
			Config:      block("sts") + ppConfig,
			ExpectError: regexp.MustCompile(`(?s)Cannot use the AWS credentials.*GetCallerIdentity.*` + silent),
		}},
	})
	for _, action := range []string{"GetAccountPasswordPolicy", "DescribeTrails", "GetCallerIdentity"} {
		if n := stalled.Calls(action); n != 2 {
			t.Errorf("%s: %d attempts, want 2 (max_retries = 1)", action, n)
		}
	}
	if d := time.Since(start); d > time.Minute {
		t.Errorf("took %v", d)
	}
}

// TestProviderTricklingEndpoint: an endpoint that sends its reply's
// headers a byte at a time, each within the read timeout, is cut when the
// headers have not come within it (round 94: held the plan for ever).
func TestProviderTricklingEndpoint(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 200 OK\r\n")
		trickle(r, func() error {
			if _, err := buf.WriteString("X"); err != nil {
				return err
			}
			return buf.Flush()
		})
	}))
	defer slow.Close()
	start := time.Now()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { preCheck(t) },
		ProtoV6ProviderFactories: factories(func(p *iamguardProvider) { p.readTimeout = 500 * time.Millisecond }),
		Steps: []resource.TestStep{{
			Config:      endpointsProviderBlock(srv.URL, slow.URL, srv.URL, "") + ppConfig,
			ExpectError: regexp.MustCompile(`(?s)Cannot use the AWS credentials.*GetCallerIdentity.*timeout\s+awaiting\s+response\s+headers`),
		}},
	})
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v", d)
	}
}

// trickle calls write, for a byte of the reply, every 100 ms for a minute
// at most, until it fails or the client hangs up.
func trickle(r *http.Request, write func() error) {
	for range 600 {
		if write() != nil {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// TestProviderTricklingBody: a reply whose headers come at once and whose
// body then trickles in, a byte within each read timeout, is cut after
// five read timeouts, and not retried (round 315: a byte every 20 seconds
// held the plan for hours; round 320: 26 attempts of 5 minutes each).
func TestProviderTricklingBody(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	var calls atomic.Int32
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(http.StatusOK)
		trickle(r, func() error {
			_, err := w.Write([]byte(" "))
			w.(http.Flusher).Flush()
			return err
		})
	}))
	defer slow.Close()
	start := time.Now()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { preCheck(t) },
		ProtoV6ProviderFactories: factories(func(p *iamguardProvider) { p.readTimeout = 500 * time.Millisecond }),
		Steps: []resource.TestStep{{
			Config:      endpointsProviderBlock(slow.URL, srv.URL, srv.URL, "") + ppConfig,
			ExpectError: regexp.MustCompile(`(?s)Cannot read the account password policy.*GetAccountPasswordPolicy:\s+no\s+whole\s+reply.*time\s+of\s+an\s+attempt`),
		}},
	})
	if d := time.Since(start); d > 30*time.Second || calls.Load() != 1 {
		t.Errorf("took %v, %d attempts; want one", d, calls.Load())
	}
}

// TestProviderNoCredentials: with nothing configured the message says so
// and lists where the provider looked; the IMDS detail is not its lead.
func TestProviderNoCredentials(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	run(t, resource.TestStep{
		Config: `provider "iamguard" {
  endpoints {
    iam = "` + srv.URL + `"
    sts = "` + srv.URL + `"
  }
}
` + ppConfig,
		ExpectError: regexp.MustCompile(`(?s)No AWS credentials found.*found no AWS\s+credentials.*provider block.*environment.*profile.*shared config files.*shared\s+credentials\s+files.*EC2\s+instance\s+metadata`),
	})
	if n := srv.TotalCalls(); n != 0 {
		t.Errorf("%d calls without credentials", n)
	}
}

// TestProviderAssumeRoleSettings: policy, policy_arns, tags and
// transitive_tag_keys reach STS AssumeRole as hashicorp/aws sends them.
func TestProviderAssumeRoleSettings(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	run(t, resource.TestStep{
		Config: providerBlock(srv, `
  sts_region = "eu-central-1"
  assume_role {
    role_arn            = "arn:aws:iam::123456789012:role/auditor"
    session_name        = "iamguard"
    policy              = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:Get*\",\"Resource\":\"*\"}]}"
    policy_arns         = ["arn:aws:iam::aws:policy/SecurityAudit"]
    tags                = { team = "security", purpose = "audit" }
    transitive_tag_keys = ["team"]
  }`) + ppConfig,
		Check: resource.TestCheckResourceAttr("data.iamguard_password_policy.test", "exists", "false"),
	})
	reqs := srv.Requests("AssumeRole")
	if len(reqs) == 0 {
		t.Fatal("AssumeRole was never called")
	}
	p := reqs[0].Params
	for k, want := range map[string]string{
		"PolicyArns.member.1.arn":    "arn:aws:iam::aws:policy/SecurityAudit",
		"Tags.member.1.Key":          "purpose",
		"Tags.member.1.Value":        "audit",
		"Tags.member.2.Key":          "team",
		"TransitiveTagKeys.member.1": "team",
		"RoleSessionName":            "iamguard",
	} {
		if got := p.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if !strings.Contains(p.Get("Policy"), `"iam:Get*"`) {
		t.Errorf("Policy = %q", p.Get("Policy"))
	}
	if r := reqs[0].Region; r != "eu-central-1" {
		t.Errorf("AssumeRole signed for %q, want sts_region eu-central-1", r)
	}
}

// TestProviderWebIdentity assumes a role with an OIDC token from a file.
func TestProviderWebIdentity(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	tokenFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte("oidc-token-never-printed"), 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, resource.TestStep{
		Config: `provider "iamguard" {
  endpoints {
    iam = "` + srv.URL + `"
    sts = "` + srv.URL + `"
  }
  assume_role_with_web_identity {
    role_arn                = "arn:aws:iam::123456789012:role/ci"
    session_name            = "ci"
    web_identity_token_file = "` + tokenFile + `"
    policy_arns             = ["arn:aws:iam::aws:policy/SecurityAudit"]
  }
}
` + ppConfig,
		Check: resource.TestCheckResourceAttr("data.iamguard_password_policy.test", "exists", "false"),
	})
	reqs := srv.Requests("AssumeRoleWithWebIdentity")
	if len(reqs) == 0 {
		t.Fatal("AssumeRoleWithWebIdentity was never called")
	}
	want := url.Values{"WebIdentityToken": {"oidc-token-never-printed"}, "RoleSessionName": {"ci"},
		"PolicyArns.member.1.arn": {"arn:aws:iam::aws:policy/SecurityAudit"}}
	for k := range want {
		if reqs[0].Params.Get(k) != want.Get(k) {
			t.Errorf("%s = %q, want %q", k, reqs[0].Params.Get(k), want.Get(k))
		}
	}
}

func TestProviderSettingErrors(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	for name, c := range map[string]struct{ extra, want string }{
		"retry_mode":    {`retry_mode = "legacy"`, `retry_mode must be standard or adaptive.`},
		"compliant_at":  {`compliant_at = "severe"`, `compliant_at must be one of info, low, medium, high, critical.`},
		"both accounts": {"allowed_account_ids = [\"1\"]\n  forbidden_account_ids = [\"2\"]", `allowed_account_ids or forbidden_account_ids, not both`},
		"rate":          {`iam_calls_per_second = 0`, `iam_calls_per_second must be from 1 to 10000.`},
		"report wait":   {`credential_report_timeout = "soon"`, `credential_report_timeout must be a Go duration`},
	} {
		t.Run(name, func(t *testing.T) {
			run(t, resource.TestStep{Config: providerBlock(srv, c.extra) + ppConfig, ExpectError: regexp.MustCompile(c.want)})
		})
	}
	if n := srv.TotalCalls(); n != 0 {
		t.Errorf("a misconfigured provider made %d calls", n)
	}
}

// TestSettingErrorsQuoteNoValue: an error on a setting names the setting,
// never its value, which Terraform prints as the provider gives it even
// when it comes from a sensitive variable (round 300). Nor does an
// endpoint's path or user, or the path of a token file, reach a failed
// call's error (round 301).
func TestSettingErrorsQuoteNoValue(t *testing.T) {
	const canary, number = "CANARY300", "3003000"
	srv := iamtest.New(t, &iamtest.Account{Now: testNow})
	vars := `variable "s" {
  sensitive = true
  default = {
    text  = "CANARY300"
    regex = "(CANARY300"
    n     = 3003000
  }
}
`
	for name, c := range map[string]struct{ config, want string }{
		"retry_mode":   {providerBlock(srv, `retry_mode = var.s.text`) + ppConfig, `retry_mode must be standard or adaptive`},
		"severity":     {providerBlock(srv, `compliant_at = var.s.text`) + ppConfig, `compliant_at must be one of`},
		"report wait":  {providerBlock(srv, `credential_report_timeout = var.s.text`) + ppConfig, `credential_report_timeout must be a Go duration`},
		"max_retries":  {"provider \"iamguard\" { max_retries = var.s.n }\n" + ppConfig, `max_retries must be from 0 to`},
		"rate":         {providerBlock(srv, `iam_calls_per_second = var.s.n`) + ppConfig, `iam_calls_per_second must be from 1 to`},
		"baseline":     {providerBlock(srv, "baseline {\n    password_min_length = var.s.n\n  }") + ppConfig, `password_min_length must be from 1 to 128`},
		"role session": {providerBlock(srv, "assume_role {\n    role_arn = \"arn:aws:iam::123456789012:role/r\"\n    duration = var.s.text\n  }") + ppConfig, `duration must be a Go duration`},
		"profile":      {"provider \"iamguard\" { profile = var.s.text }\n" + ppConfig, `Invalid AWS configuration`},
		"lookback":     {providerBlock(srv, "") + `data "iamguard_iam_events" "test" { lookback = var.s.text }`, `lookback is not a number of days`},
		"name_regex":   {providerBlock(srv, "") + `data "iamguard_server_certificates" "test" { name_regex = var.s.regex }`, `name_regex is not a Go regular expression`},
		"token file": {`provider "iamguard" {
  max_retries = 0
  endpoints {
    sts = "` + srv.URL + `"
  }
  assume_role_with_web_identity {
    role_arn                = "arn:aws:iam::123456789012:role/ci"
    web_identity_token_file = "/nonexistent/${var.s.text}"
  }
}
` + ppConfig, `(a setting's value)`},
		"endpoint": {`provider "iamguard" {
  access_key  = "AKIAIOSFODNN7EXAMPLE"
  secret_key  = "test-secret-never-printed"
  max_retries = 0
  endpoints {
    sts = "http://CANARY300:x@127.0.0.1:1/CANARY300?t=CANARY300"
  }
}
` + ppConfig, `http://127.0.0.1:1`},
	} {
		t.Run(name, func(t *testing.T) {
			failed := false
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { preCheck(t) },
				ProtoV6ProviderFactories: factories(),
				Steps:                    []resource.TestStep{{Config: vars + c.config}},
				ErrorCheck: func(err error) error {
					failed = true
					if strings.Contains(err.Error(), canary) || strings.Contains(err.Error(), number) {
						return fmt.Errorf("the error quotes the value: %v", err)
					}
					if !strings.Contains(err.Error(), c.want) {
						return fmt.Errorf("want an error with %q, got %v", c.want, err)
					}
					return nil
				},
			})
			if !failed {
				t.Errorf("no error, want one with %q", c.want)
			}
		})
	}
}

// TestProviderPacesIAM: the provider's IAM calls keep to
// iam_calls_per_second. The server throttles above 10 calls a second and
// max_retries is 0, so one call too fast would fail the read.
func TestProviderPacesIAM(t *testing.T) {
	acct := &iamtest.Account{Now: testNow}
	for i := range 12 {
		acct.Users = append(acct.Users, iamtest.User{Name: fmt.Sprintf("u%02d", i)})
	}
	srv := iamtest.New(t, acct)
	srv.SetRateLimit("", 10)
	run(t, resource.TestStep{
		Config: `provider "iamguard" {
  access_key           = "AKIAIOSFODNN7EXAMPLE"
  secret_key           = "test-secret-never-printed"
  max_retries          = 0
  iam_calls_per_second = 6
  iam_burst            = 1
  endpoints {
    iam = "` + srv.URL + `"
    sts = "` + srv.URL + `"
  }
}
data "iamguard_access_keys" "test" {}`,
		Check: resource.TestCheckResourceAttr(akAddr, "compliant", "true"),
	})
	if n := srv.Throttled(""); n != 0 {
		t.Errorf("%d calls throttled; the pacer let calls through too fast", n)
	}
}
