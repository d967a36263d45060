package glob

import (
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	cases := []struct {
		pattern, address string
		want             bool
	}{
		{"aws_iam_access_key.k", "aws_iam_access_key.k", true},
		{"aws_iam_access_key.k", "aws_iam_access_key.kk", false},
		{`module.users["deployer"].aws_iam_access_key.this[0]`, `module.users["deployer"].aws_iam_access_key.this[0]`, true},
		{`module.users["deployer"].aws_iam_access_key.this[0]`, `module.users["deployer"].aws_iam_access_key.this0`, false}, // [ ] are not classes
		{`module.users["*"].aws_iam_access_key.this[*]`, `module.users["ci"].aws_iam_access_key.this[1]`, true},
		{`module.users["*"].aws_iam_access_key.this[*]`, `module.users["ci"].aws_iam_user.this[1]`, false},
		{"module.*", "module.a.module.b.aws_cloudtrail.t", true},
		{"*", "", true},
		{"*.this", "aws_iam_access_key.this.this", true},
		{"a*b*c", "aXbYbZc", true},
		{"a*b*c", "aXbYc d", false},
		{"key[?]", "key[3]", false}, // ? is itself
		{"key[?]", "key[?]", true},
		{`u["*"]`, `u["é"]`, true},
		{"", "a", false},
		{"a.b", "aXb", false},   // . is literal
		{"\xff", "\xfe", false}, // bytes match themselves only
		{"*\xff*", "a\xffb", true},
		{"*\xff*", "a\xfeb", false},
		{"a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaa", false},
		{strings.Repeat("*:", 1000), "x", false},
		{strings.Repeat("*", 1000) + "x", "abx", true},
		{"*é*", "xéy", true},
		{"a*", "a", true},
		{"*a", "ba", true},
		{"a*b", "ab", true},
		{"ab*ba", "aba", false}, // the literal start and end overlap
		{"a*b*a", "aba", true},
		{"a*b*a", "aa", false},
		{"a*b*a", "abba", true},
	}
	for _, tc := range cases {
		if got := Match(tc.pattern, tc.address); got != tc.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tc.pattern, tc.address, got, tc.want)
		}
	}
}

// TestMatchAgreesWithGlob: Match decides as the plain byte-by-byte glob it
// speeds up, for every short pattern and address over a few characters
// (UTF-8 or not).
func TestMatchAgreesWithGlob(t *testing.T) {
	var glob func(p, s string) bool
	glob = func(p, s string) bool {
		switch {
		case p == "":
			return s == ""
		case p[0] == '*':
			return glob(p[1:], s) || s != "" && glob(p, s[1:])
		}
		return s != "" && p[0] == s[0] && glob(p[1:], s[1:])
	}
	var words func(alphabet []string, n int) []string
	words = func(alphabet []string, n int) []string {
		if n == 0 {
			return []string{""}
		}
		out := []string{""}
		for _, w := range words(alphabet, n-1) {
			for _, c := range alphabet {
				out = append(out, w+c)
			}
		}
		return out
	}
	patterns, addresses := words([]string{"a", "\xc3", "*", "?"}, 4), words([]string{"a", "b", "?", "é"}, 4)
	for _, p := range patterns {
		for _, a := range addresses {
			if got, want := Match(p, a), glob(p, a); got != want {
				t.Fatalf("Match(%q, %q) = %v, want %v", p, a, got, want)
			}
		}
	}
}

// TestMatchARN: each of an ARN's six parts matches on its own, so a * in
// the account never reaches the resource (round 89: a user whose path
// held ":role/terraform-" matched arn:aws:iam::*:role/terraform-*).
func TestMatchARN(t *testing.T) {
	const role = "arn:aws:iam::*:role/terraform-*"
	for _, c := range []struct {
		pattern, arn string
		want         bool
	}{
		{role, "arn:aws:iam::123456789012:role/terraform-ci", true},
		{role, "arn:aws:iam::123456789012:role/terraform-", true},
		{role, "arn:aws:iam::123456789012:user/:role/terraform-/mallory", false},
		{role, "arn:aws:iam::123456789012:user/role/terraform-x", false},
		{role, "arn:aws:iam::123456789012:role/path/terraform-ci", false},
		{role, "arn:aws:iam:us-east-1:123456789012:role/terraform-ci", false}, // region is its own part
		{role, "arn:aws:sts::123456789012:assumed-role/terraform-ci/s", false},
		{"arn:aws:iam::*:role/*terraform-*", "arn:aws:iam::123456789012:role/ci/terraform-x", true}, // * crosses / in the resource
		{"arn:aws:iam::123456789012:*", "arn:aws:iam::123456789012:user/a:b", true},
		{"arn:aws:iam::123456789012:*", "arn:aws:iam::210987654321:user/a", false},
		{"arn:*:iam::*:user/ci", "arn:aws-us-gov:iam::123456789012:user/ci", true},
		{"arn:aws:iam::123456789012:user/ci", "arn:aws:iam::123456789012:user/ci", true},
		{"arn:aws:iam::123456789012:user/a:b", "arn:aws:iam::123456789012:user/a:b", true}, // the resource keeps its colons
		{"arn:aws:iam::*:user/a*", "arn:aws:iam::123456789012:user/a:b:c", true},
		{"*", "arn:aws:iam::123456789012:user/anyone", true},
		{"*", "not an arn", true},
		{"arn:*", "arn:aws:iam::123456789012:user/anyone", false}, // not six parts
		{"*:role/terraform-*", "arn:aws:iam::123456789012:role/terraform-ci", false},
		{"arn:aws:iam::*:*", "arn:aws:iam::123456789012", false}, // the ARN is not six parts
		{"arn:aws:iam::*:*", "xrn:aws:iam::123456789012:user/a", false},
	} {
		if got := MatchARN(c.pattern, c.arn); got != c.want {
			t.Errorf("MatchARN(%q, %q) = %v, want %v", c.pattern, c.arn, got, c.want)
		}
	}
}
