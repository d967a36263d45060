//go:build linux

package plan

import (
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"
)

// endGroup waits for terraform to exit, without reaping it, and then kills
// what it left running in its process group (provider plugins of a
// terraform that crashed, a wrapper's background jobs). Until it is
// reaped its process ID stays its group's, so no other process is hit.
func endGroup(cmd *exec.Cmd) {
	var info unix.Siginfo
	if err := unix.Waitid(unix.P_PID, cmd.Process.Pid, &info, unix.WEXITED|unix.WNOWAIT, nil); err == nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}

// dieWithParent has the kernel kill terraform when iamguard dies, however
// (round 322: a CI job cancelled with SIGKILL to iamguard's group left
// terraform, in a group of its own, running). The signal follows the
// thread that started it, and Go keeps its threads while the process
// lives.
func dieWithParent(attr *syscall.SysProcAttr) { attr.Pdeathsig = syscall.SIGKILL }
