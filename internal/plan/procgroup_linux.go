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
