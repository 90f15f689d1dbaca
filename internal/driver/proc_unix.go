//go:build unix

package driver

import (
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

func setProcAttr(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = new(syscall.SysProcAttr)
	}
	cmd.SysProcAttr.Setpgid = true
	setDeathSignal(cmd.SysProcAttr)
}

// killGroup kills p and every process in its group.
func killGroup(p *os.Process) {
	syscall.Kill(-p.Pid, syscall.SIGKILL)
	p.Kill()
}

// processAlive reports whether a process pid exists.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}

// dieOf ends memlint with sig, as if it had never caught it: the default
// action is restored and the signal sent again, so the parent sees a
// process killed by sig (a shell prints 128 + its number: 130, 143). If
// the signal does not kill (it was ignored when memlint started, and
// signal.Reset restores that), it returns 128 + the signal number.
func dieOf(sig os.Signal) int {
	s, ok := sig.(syscall.Signal)
	if !ok {
		return 1
	}
	signal.Reset(s)
	syscall.Kill(os.Getpid(), s)
	// The signal is delivered asynchronously; give it a moment.
	time.Sleep(time.Second)
	return 128 + int(s)
}
