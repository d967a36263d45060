package awsiam

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// AccountSummaryAPI is the part of the IAM client AccountSummary needs.
type AccountSummaryAPI interface {
	GetAccountSummary(context.Context, *iam.GetAccountSummaryInput, ...func(*iam.Options)) (*iam.GetAccountSummaryOutput, error)
}

// AccountSummary reads what GetAccountSummary says about the root user, live:
// whether it has MFA, a password, access keys or signing certificates; and
// how many IAM users there are.
func AccountSummary(ctx context.Context, api AccountSummaryAPI) (rules.AccountSummary, error) {
	out, err := api.GetAccountSummary(ctx, &iam.GetAccountSummaryInput{})
	if err != nil {
		return rules.AccountSummary{}, wrap("GetAccountSummary", err)
	}
	// Every reply carries these three, 0 or 1; a reply without one (cut
	// short, or not AWS's) says nothing of it, which is not "none".
	var missing []string
	has := func(k types.SummaryKeyType) bool {
		n, ok := out.SummaryMap[string(k)]
		if !ok {
			missing = append(missing, string(k))
		}
		return n > 0
	}
	s := rules.AccountSummary{
		Known:                      true,
		MFAEnabled:                 has(types.SummaryKeyTypeAccountMFAEnabled),
		AccessKeysPresent:          has(types.SummaryKeyTypeAccountAccessKeysPresent),
		SigningCertificatesPresent: has(types.SummaryKeyTypeAccountSigningCertificatesPresent),
		Users:                      -1,
	}
	if n, ok := out.SummaryMap[string(types.SummaryKeyTypeUsers)]; ok {
		s.Users = int(n)
	}
	// Newer than the three above: a reply without it says nothing of
	// root's password (nor does the credential report, on AWS).
	n, ok := out.SummaryMap[string(types.SummaryKeyTypeAccountPasswordPresent)]
	s.PasswordPresent, s.PasswordShown = n > 0, ok
	if len(missing) > 0 {
		return rules.AccountSummary{}, &Error{Service: "iam", Action: "GetAccountSummary",
			Err: fmt.Errorf("the reply's SummaryMap has no %s, which every reply holds", strings.Join(missing, ", "))}
	}
	return s, nil
}
