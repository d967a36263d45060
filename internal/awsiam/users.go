package awsiam

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/iam"
)

// UserNames lists every IAM user's name (iam:ListUsers, every page).
func UserNames(ctx context.Context, api iam.ListUsersAPIClient) ([]string, error) {
	var names []string
	err := listUsers(ctx, newLimiter(), api, func(name string) { names = append(names, name) })
	return names, err
}
