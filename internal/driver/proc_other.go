//go:build !unix

package driver

import (
	"os"
	"os/exec"
)

func setProcAttr(*exec.Cmd) {}

func killGroup(p *os.Process) { p.Kill() }
