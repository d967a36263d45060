//go:build unix

package plan

import (
	"os/exec"
	"syscall"
)

// ownGroup runs cmd in a process group of its own and makes stopping it
// kill the whole group: terraform show starts provider plugins, which a
// kill of terraform alone would leave running.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	dieWithParent(cmd.SysProcAttr)
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
