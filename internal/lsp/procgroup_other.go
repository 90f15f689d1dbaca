//go:build !unix

package lsp

import "os/exec"

// inGroup leaves cmd as it is: without process groups, cancelling kills
// only cmd itself.
func inGroup(cmd *exec.Cmd) {}
