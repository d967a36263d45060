package awsiam

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// PasswordPolicyAPI is the part of the IAM client PasswordPolicy needs.
type PasswordPolicyAPI interface {
	GetAccountPasswordPolicy(context.Context, *iam.GetAccountPasswordPolicyInput, ...func(*iam.Options)) (*iam.GetAccountPasswordPolicyOutput, error)
}

// PasswordPolicy reads the account password policy. When the account has
// none (NoSuchEntity), it returns what applies instead, rules.NoPasswordPolicy,
// with exists false.
func PasswordPolicy(ctx context.Context, api PasswordPolicyAPI) (p rules.PasswordPolicy, exists bool, err error) {
	out, err := api.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
	if code(err) == "NoSuchEntity" {
		return rules.NoPasswordPolicy(), false, nil
	}
	if err != nil {
		return rules.PasswordPolicy{}, false, wrap("GetAccountPasswordPolicy", err)
	}
	pp := out.PasswordPolicy
	if pp == nil {
		return rules.NoPasswordPolicy(), false, nil
	}
	return rules.PasswordPolicy{
		MinimumLength:      rules.Known(int(aws.ToInt32(pp.MinimumPasswordLength))),
		RequireUppercase:   rules.Known(pp.RequireUppercaseCharacters),
		RequireLowercase:   rules.Known(pp.RequireLowercaseCharacters),
		RequireNumbers:     rules.Known(pp.RequireNumbers),
		RequireSymbols:     rules.Known(pp.RequireSymbols),
		MaxAgeDays:         rules.Known(int(aws.ToInt32(pp.MaxPasswordAge))),
		ReusePrevention:    rules.Known(int(aws.ToInt32(pp.PasswordReusePrevention))),
		AllowUsersToChange: rules.Known(pp.AllowUsersToChangePassword),
		HardExpiry:         rules.Known(aws.ToBool(pp.HardExpiry)),
	}, true, nil
}
