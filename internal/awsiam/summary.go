package awsiam

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// AccountSummaryAPI is the part of the IAM client AccountSummary needs.
type AccountSummaryAPI interface {
	GetAccountSummary(context.Context, *iam.GetAccountSummaryInput, ...func(*iam.Options)) (*iam.GetAccountSummaryOutput, error)
}

// AccountSummary reads what GetAccountSummary says about the root user, live:
// whether it has MFA, access keys or signing certificates.
func AccountSummary(ctx context.Context, api AccountSummaryAPI) (rules.AccountSummary, error) {
	out, err := api.GetAccountSummary(ctx, &iam.GetAccountSummaryInput{})
	if err != nil {
		return rules.AccountSummary{}, wrap("GetAccountSummary", err)
	}
	m := out.SummaryMap
	return rules.AccountSummary{
		Known:                      true,
		MFAEnabled:                 m[string(types.SummaryKeyTypeAccountMFAEnabled)] > 0,
		AccessKeysPresent:          m[string(types.SummaryKeyTypeAccountAccessKeysPresent)] > 0,
		SigningCertificatesPresent: m[string(types.SummaryKeyTypeAccountSigningCertificatesPresent)] > 0,
	}, nil
}
