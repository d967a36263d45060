// Package release tests how iamguard is shipped: the layout of the
// goreleaser snapshot that `make release-check` builds into dist/, the
// GitHub Action's shell steps, and the pre-commit hook.
package release
