package driver

import "syscall"

// setDeathSignal makes the kernel kill the child when the driver dies,
// even by SIGKILL, which no handler sees.
func setDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
