//go:build !unix

package driver

import (
	"os"
	"os/exec"
	"syscall"
)

func setProcAttr(*exec.Cmd) {}

func killGroup(p *os.Process) { p.Kill() }

// processAlive is true: without a cheap check, never remove another
// run's files.
func processAlive(int) bool { return true }

// dieOf returns the status a unix shell gives a process killed by sig,
// 128 + its number (130 for SIGINT, 143 for SIGTERM): there is no default
// action to die of here.
func dieOf(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}
