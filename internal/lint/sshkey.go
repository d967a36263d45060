package lint

import "github.com/iamguard/terraform-provider-iamguard/internal/rules"

// judgeSSHKey judges aws_iam_user_ssh_key.
func judgeSSHKey(l *linter, c *change) []rules.Finding {
	if c.removed {
		return nil
	}
	return append(l.sshKeyFindings()[c.rc.Address], c.reactivation(rules.SSHKeyReactivated)...)
}
