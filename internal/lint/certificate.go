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
	inPlace := c.action == "no-op" || c.action == "update" || c.action == "forget"
	if inPlace && isKeyHash(s.PrivateKey) && c.before().str("private_key", "").V == s.PrivateKey.V {
		// Not the key: before 3.0 the AWS provider kept its SHA-1 in
		// state, and AWS never returns the key to read it back, so an
		// object uploaded then keeps the hash, in place, on every plan
		// (round 297: IG308 high on a sound certificate). IAM checked the
		// key when it took the upload.
		s.PrivateKey = rules.Known("")
	}
	return rules.EvaluateServerCertificate(s, l.now, l.baseline)
}

// isKeyHash reports whether v is 40 lowercase hex digits, the AWS
// provider's SHA-1 of a key before 3.0.
func isKeyHash(v rules.Value[string]) bool {
	if v.Unknown || len(v.V) != 40 {
		return false
	}
	for _, r := range v.V {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}
