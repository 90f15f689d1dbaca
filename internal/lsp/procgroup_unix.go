//go:build unix

package lsp

import (
	"os/exec"
	"syscall"
)

// inGroup makes cmd the leader of a new process group and has cancelling
// its context kill the whole group: the memlint driver's own children (one
// per package being analysed) and the go command's, not only cmd.
func inGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
