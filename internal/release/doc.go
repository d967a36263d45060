// Package release holds the test of the release layout: it reads the
// snapshot that `make release-check` builds into dist/ with goreleaser and
// checks it against what the Terraform Registry and the GitHub Action need.
package release
