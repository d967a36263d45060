//go:build !unix

package plan

import "os/exec"

// ownGroup leaves cmd as it is: stopping it kills terraform alone.
func ownGroup(cmd *exec.Cmd) {}
