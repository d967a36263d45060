package awsiam

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"golang.org/x/sync/errgroup"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// SSHPublicKeysAPI is the part of the IAM client SSHPublicKeys needs.
type SSHPublicKeysAPI interface {
	iam.ListUsersAPIClient
	iam.ListSSHPublicKeysAPIClient
	GetSSHPublicKey(context.Context, *iam.GetSSHPublicKeyInput, ...func(*iam.Options)) (*iam.GetSSHPublicKeyOutput, error)
}

// SSHPublicKey is one user's SSH public key (for CodeCommit). Body is the
// public key in SSH encoding; it is "" when Gap says it could not be read.
type SSHPublicKey struct {
	UserName, ID, Status string
	Uploaded             time.Time
	Body                 string
	Gap                  *Gap
}

// SSHKeysRead is what SSHPublicKeys read: every key it could list, and what
// it could not. A Gap in Users is a user (or, with Others set, every user
// but the named one) whose keys could not be listed.
type SSHKeysRead struct {
	Keys  []SSHPublicKey // ordered by user, then key ID
	Users []Gap
}

// SSHPublicKeys reads the SSH public keys of every user: ListUsers, then
// ListSSHPublicKeys per user (IAM lists only the caller's own keys without
// a UserName), then GetSSHPublicKey in SSH encoding per key, at most
// MaxInFlight calls at once.
//
// Shared keys are judged across the whole account, so with userName set
// that user's keys are read first and every other user's after them. A
// refused listing of userName's keys, or (without userName) a refused
// ListUsers, is err. A refused or throttled ListUsers with userName set,
// or listing of another user's keys, is a Gap in Users; a refused or
// throttled GetSSHPublicKey is a Gap on that key. Any other failure is err.
func SSHPublicKeys(ctx context.Context, api SSHPublicKeysAPI, userName string) (*SSHKeysRead, error) {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(MaxInFlight) // bounds goroutines; c.limiter bounds calls
	c := &sshCollector{api: api, limiter: newLimiter(), read: &SSHKeysRead{}}

	if userName != "" {
		if err := c.userKeys(gctx, userName, true); err != nil {
			return nil, err
		}
	}
	err := listUsers(gctx, c.limiter, api, func(u types.User) {
		if name := aws.ToString(u.UserName); rules.FoldName(name) != rules.FoldName(userName) {
			g.Go(func() error { return c.userKeys(gctx, name, false) })
		}
	})
	if err != nil {
		if werr := g.Wait(); werr != nil {
			return nil, werr // a worker failed first and cancelled the listing
		}
		if userName == "" {
			return nil, err
		}
		gap, err := gapOf("", "the other users' SSH public keys", "ListUsers", err)
		if err != nil {
			return nil, err
		}
		c.read.Users = append(c.read.Users, *gap)
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	slices.SortFunc(c.read.Keys, func(a, b SSHPublicKey) int {
		if c := strings.Compare(a.UserName, b.UserName); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	slices.SortFunc(c.read.Users, func(a, b Gap) int { return strings.Compare(a.Item, b.Item) })
	return c.read, nil
}

type sshCollector struct {
	api SSHPublicKeysAPI
	limiter

	mu   sync.Mutex
	read *SSHKeysRead
}

// userKeys lists one user's keys and reads each one's body. A refused
// listing is a Gap unless fatal says it must fail the read.
func (c *sshCollector) userKeys(ctx context.Context, user string, fatal bool) error {
	var metas []types.SSHPublicKeyMetadata
	p := iam.NewListSSHPublicKeysPaginator(c.api, &iam.ListSSHPublicKeysInput{UserName: aws.String(user)})
	err := allPages(ctx, c.limiter, "ListSSHPublicKeys", p,
		func(page *iam.ListSSHPublicKeysOutput) (bool, *string, []types.SSHPublicKeyMetadata) {
			return page.IsTruncated, page.Marker, page.SSHPublicKeys
		},
		func(m types.SSHPublicKeyMetadata) *string { return m.SSHPublicKeyId },
		func(m types.SSHPublicKeyMetadata) { metas = append(metas, m) })
	if err != nil {
		gap, err := userListingGap(user, fmt.Sprintf("the SSH public keys of user %q", user), "ListSSHPublicKeys", fatal, err)
		if gap != nil {
			c.mu.Lock()
			c.read.Users = append(c.read.Users, *gap)
			c.mu.Unlock()
		}
		return err
	}
	keys := make([]SSHPublicKey, 0, len(metas))
	for _, m := range metas {
		k := SSHPublicKey{UserName: user, ID: aws.ToString(m.SSHPublicKeyId), Status: string(m.Status), Uploaded: aws.ToTime(m.UploadDate).UTC()}
		var out *iam.GetSSHPublicKeyOutput
		err := c.do(ctx, func() (err error) {
			out, err = c.api.GetSSHPublicKey(ctx, &iam.GetSSHPublicKeyInput{
				UserName: aws.String(user), SSHPublicKeyId: m.SSHPublicKeyId, Encoding: types.EncodingTypeSsh,
			})
			return err
		})
		switch {
		case err != nil:
			gap, err := gapOf(k.ID, fmt.Sprintf("SSH public key %s of user %q", k.ID, user), "GetSSHPublicKey", err)
			if err != nil {
				return err
			}
			k.Gap = gap
		case out.SSHPublicKey != nil:
			k.Body = material(out.SSHPublicKey.SSHPublicKeyBody)
		}
		keys = append(keys, k)
	}
	c.mu.Lock()
	c.read.Keys = append(c.read.Keys, keys...)
	c.mu.Unlock()
	return nil
}
