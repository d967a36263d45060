package lint

import (
	"slices"
	"strings"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// This file collects facts across resources for the rules that judge sets:
// a user's access keys, the account's SSH keys, a user's new signing
// certificates. The verdicts themselves come from internal/rules.

// gatherFacts gathers the facts across resources that the judged changes
// need, while the whole plan is at hand.
func (l *linter) gatherFacts(judged []*change) {
	types := map[string]bool{}
	for _, c := range judged {
		types[c.rc.Type] = true
	}
	if types["aws_iam_access_key"] {
		l.accessKeyFindings()
	}
	if types["aws_iam_user_ssh_key"] {
		l.sshKeyFindings()
	}
	if types["aws_iam_signing_certificate"] {
		l.signingReplacement("")
	}
}

// mustHavePlan stops a fact from being gathered after Lint let the plan
// go, which would judge with a fact made of nothing: gatherFacts must
// gather every fact a judge asks for.
func (l *linter) mustHavePlan() {
	if l.plan == nil {
		panic("lint: a fact across resources was asked for after the plan was let go; gather it in gatherFacts")
	}
}

// appliedObject is a resource as it stands once the plan is applied.
type appliedObject struct {
	address string
	attrs   attrs
	change  *change // nil for a resource in prior state only
}

// applied returns the resources of type typ that exist once the plan is
// applied, in address order: those in prior state the plan leaves alone,
// and what it creates, updates or keeps, and what it forgets (which stays
// in AWS as it was). Of entries with one address, the last in the plan
// counts, and a change counts over prior state.
func (l *linter) applied(typ string) []appliedObject {
	l.mustHavePlan()
	n := 0
	for _, c := range l.changes {
		if c.rc.Type == typ {
			n++
		}
	}
	all := make([]appliedObject, 0, n)
	for _, r := range l.plan.Prior {
		if r.Type == typ {
			all = append(all, appliedObject{r.Address, attrs{values: r.Values, sensitive: r.Sensitive}, nil})
		}
	}
	for _, c := range l.changes {
		if c.rc.Type == typ {
			all = append(all, appliedObject{c.rc.Address, c.after, c})
		}
	}
	slices.SortStableFunc(all, func(a, b appliedObject) int { return strings.Compare(a.address, b.address) })
	out := all[:0]
	for i, o := range all {
		if i+1 < len(all) && all[i+1].address == o.address || o.change != nil && o.change.removed {
			continue
		}
		out = append(out, o)
	}
	return out
}

// userKey groups by IAM user name, which AWS compares case-insensitively.
func userKey(name string) string { return strings.ToLower(name) }

// accessKeyFindings judges each user's access keys as a set once the plan
// is applied, and returns the findings by key address: a key's own findings,
// and the user's IG203 once, on the first of its active keys this run
// judges. Keys named by plan address; keys whose user is known only after
// apply are judged alone.
func (l *linter) accessKeyFindings() map[string][]rules.Finding {
	if l.accessKeys != nil {
		return l.accessKeys
	}
	type group struct {
		user    rules.Value[string]
		keys    []rules.AccessKey
		changes []*change // each key's change, nil for a key in prior state only
	}
	var groups []*group
	byUser := map[string]*group{}
	for _, o := range l.applied("aws_iam_access_key") {
		status := o.attrs.str("status", "Active")
		k := rules.AccessKey{Name: o.address, Active: !status.Unknown && status.V == "Active"}
		if created := o.attrs.str("create_date", ""); !created.Unknown {
			k.Created, _ = time.Parse(time.RFC3339, created.V)
			k.CreatedSensitive = created.Sensitive
		}
		user := o.attrs.str("user", "")
		g := byUser[userKey(user.V)]
		if user.Unknown || user.V == "" || g == nil {
			g = &group{user: user}
			groups = append(groups, g)
			if !user.Unknown && user.V != "" {
				byUser[userKey(user.V)] = g
			}
		}
		g.keys, g.changes = append(g.keys, k), append(g.changes, o.change)
	}
	l.accessKeys = map[string][]rules.Finding{}
	for _, g := range groups {
		for _, f := range rules.EvaluateAccessKeys(g.user, g.keys, l.now, l.baseline) {
			if f.Rule != rules.AccessKeyMultipleActive {
				l.accessKeys[f.Subject] = append(l.accessKeys[f.Subject], f)
				continue
			}
			for i, k := range g.keys {
				if c := g.changes[i]; k.Active && c != nil && c.judged {
					l.accessKeys[k.Name] = append(l.accessKeys[k.Name], f)
					break
				}
			}
		}
	}
	return l.accessKeys
}

// sshKeyFindings judges every SSH key that exists once the plan is applied,
// each parsed once: its own findings (IG401-IG403), and IG404 when its key
// is uploaded for other users too. Findings by key address.
func (l *linter) sshKeyFindings() map[string][]rules.Finding {
	if l.sshKeys != nil {
		return l.sshKeys
	}
	l.sshKeys = map[string][]rules.Finding{}
	var uses []rules.SSHKeyUse
	fingerprints := map[string]string{} // address -> fingerprint
	for _, o := range l.applied("aws_iam_user_ssh_key") {
		fs, key := rules.EvaluateSSHKey(rules.SSHPublicKey{
			PublicKey: o.attrs.str("public_key", ""),
			Encoding:  o.attrs.str("encoding", ""),
		}, l.baseline)
		l.sshKeys[o.address] = fs
		if key != nil {
			fp := rules.Known(key.SHA256Fingerprint)
			fp.Sensitive = o.attrs.isSensitive("public_key")
			uses = append(uses, rules.SSHKeyUse{User: o.attrs.str("username", ""), Fingerprint: fp})
			fingerprints[o.address] = key.SHA256Fingerprint
		}
	}
	shared := rules.SharedSSHKeys(uses)
	for addr, fp := range fingerprints {
		if f, ok := shared[fp]; ok {
			l.sshKeys[addr] = append(l.sshKeys[addr], f)
		}
	}
	return l.sshKeys
}

// signingReplacement says, for a user, the best signing certificate the plan
// creates (alone or as the new half of a replacement).
func (l *linter) signingReplacement(user string) rules.Replacement {
	if l.signingBest == nil {
		l.mustHavePlan()
		l.signingBest = map[string]rules.Replacement{}
		for _, c := range l.changes {
			if c.rc.Type != "aws_iam_signing_certificate" {
				continue
			}
			if c.action != "create" && c.action != "replace" {
				continue
			}
			u := c.after.str("user_name", "")
			if u.Unknown || u.V == "" {
				continue
			}
			r := rules.SigningCertificateReplacement(c.after.str("status", "Active"), c.after.str("certificate_body", ""), l.now, l.baseline)
			l.signingBest[userKey(u.V)] = max(l.signingBest[userKey(u.V)], r)
		}
	}
	return l.signingBest[userKey(user)]
}
