//go:build !linux

package plan

import (
	"os/exec"
	"syscall"
)

// endGroup leaves what terraform started to itself: without waitid's
// WNOWAIT, killing its group after it exits could hit another group.
func endGroup(cmd *exec.Cmd) {}

// dieWithParent does nothing: only Linux has a parent-death signal.
func dieWithParent(*syscall.SysProcAttr) {}
