//go:build unix

package main

import "syscall"

// processAlive reports whether a process with this ID is running: signal
// 0 checks for it without signalling it (EPERM: it runs as another user).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
