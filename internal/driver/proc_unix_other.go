//go:build unix && !linux

package driver

import "syscall"

func setDeathSignal(*syscall.SysProcAttr) {}
