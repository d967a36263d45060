package lint

import "github.com/iamguard/terraform-provider-iamguard/internal/rules"

// judgeServerCertificate judges aws_iam_server_certificate (IG301-IG310).
// Removing a server certificate is not a risk iamguard judges.
func judgeServerCertificate(l *linter, c *change) []rules.Finding {
	if c.removed {
		return nil
	}
	a := c.after()
	s := rules.ServerCertificate{
		Body:       a.str("certificate_body", ""),
		Chain:      a.str("certificate_chain", ""),
		PrivateKey: a.str("private_key", ""),
		Checks:     l.checks,
	}
	return rules.EvaluateServerCertificate(s, l.now, l.baseline)
}
