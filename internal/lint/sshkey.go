package lint

import (
	"slices"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// judgeSSHKey judges aws_iam_user_ssh_key.
func judgeSSHKey(l *linter, c *change) []rules.Finding {
	if c.removed {
		return nil
	}
	out := append(slices.Clone(l.sshKeyFindings()[c.object()]), c.reactivation(rules.SSHKeyReactivated)...)
	return append(out, l.reupload(c, rules.SSHKeyReactivated)...)
}
