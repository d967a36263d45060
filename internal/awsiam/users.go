package awsiam

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// Users lists every IAM user, with when it was made (iam:ListUsers, every
// page).
func Users(ctx context.Context, api iam.ListUsersAPIClient) ([]rules.ListedUser, error) {
	var users []rules.ListedUser
	err := listUsers(ctx, newLimiter(), api, func(u types.User) {
		users = append(users, rules.ListedUser{Name: aws.ToString(u.UserName), Created: aws.ToTime(u.CreateDate).UTC()})
	})
	return users, err
}
