//go:build unix

package driver

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/memlint/memlint/internal/testutil"
)

// TestSignalKillsChildren sends SIGTERM to a running memlint: no child
// process may survive it, and its temporary directory is removed.
func TestSignalKillsChildren(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc: cannot list child processes")
	}
	bin := testutil.Memlint(t)
	tmp := t.TempDir()
	// The standard library without a cache: minutes of work, so children
	// are running when the signal comes.
	cmd := exec.Command(bin, "-test=false", "std")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "MEMLINT_CACHE=off", "TMPDIR="+tmp)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var kids []int
	deadline := time.Now().Add(time.Minute)
	for len(kids) == 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		kids = descendants(cmd.Process.Pid)
	}
	if len(kids) == 0 {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("memlint started no child process within a minute")
	}
	// Let a unit child start too (the first child is go list).
	time.Sleep(2 * time.Second)
	kids = append(kids, descendants(cmd.Process.Pid)...)
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("memlint did not exit within 30s of SIGTERM")
	}
	time.Sleep(500 * time.Millisecond)
	for _, pid := range kids {
		if alive(pid) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Errorf("child process %d survived SIGTERM of memlint", pid)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "memlint-*")); len(left) > 0 {
		t.Errorf("temporary directories left behind: %v", left)
	}
}

// descendants lists the processes below pid, from /proc.
func descendants(pid int) []int {
	parent := make(map[int]int)
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces.
		s := string(data)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) > 1 {
			parent[p], _ = strconv.Atoi(fields[1])
		}
	}
	var out []int
	for p := range parent {
		for q := parent[p]; q > 1; q = parent[q] {
			if q == pid {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// alive reports whether pid is a running (not zombie) process.
func alive(pid int) bool {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	return len(fields) > 0 && fields[0] != "Z"
}

// TestInterruptExitStatus interrupts memlint while one child is blocked
// (go list, running cgo, running a C compiler that sleeps): memlint must
// die of the signal, as an uncaught SIGINT or SIGTERM kills a process, so
// that a shell reports 130 or 143, and the blocked grandchild must not
// survive it.
func TestInterruptExitStatus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds memlint")
	}
	bin := testutil.Memlint(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := writeModule(t, map[string]string{
				"go.mod": "module example.com/slow\n\ngo 1.22\n",
				"c.go":   "package slow\n\n// int one(void) { return 1; }\nimport \"C\"\n\nfunc One() int { return int(C.one()) }\n",
			})
			pidFile := filepath.Join(t.TempDir(), "cc.pid")
			cc := filepath.Join(t.TempDir(), "cc")
			script := "#!/bin/sh\necho $$ > " + pidFile + ".tmp\nmv " + pidFile + ".tmp " + pidFile + "\nexec sleep 300\n"
			if err := os.WriteFile(cc, []byte(script), 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "./...")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "MEMLINT_CACHE=off", "CGO_ENABLED=1", "CC="+cc, "TMPDIR="+t.TempDir())
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var ccPid int
			for deadline := time.Now().Add(2 * time.Minute); ccPid == 0; {
				if data, err := os.ReadFile(pidFile); err == nil {
					ccPid, _ = strconv.Atoi(strings.TrimSpace(string(data)))
				} else if time.Now().After(deadline) {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("the C compiler was not started within 2 minutes; stderr:\n%s", stderr.String())
				} else {
					time.Sleep(50 * time.Millisecond)
				}
			}
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				<-done
				syscall.Kill(ccPid, syscall.SIGKILL)
				t.Fatalf("memlint did not exit within 30s of %v", sig)
			}
			// What a shell would print for $?.
			ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
			status := ws.ExitStatus()
			if ws.Signaled() {
				status = 128 + int(ws.Signal())
			}
			if want := 128 + int(sig); status != want {
				t.Errorf("after %v: shell status %d (%v), want %d; stderr:\n%s", sig, status, cmd.ProcessState, want, stderr.String())
			}
			for deadline := time.Now().Add(5 * time.Second); alive(ccPid) && time.Now().Before(deadline); {
				time.Sleep(50 * time.Millisecond)
			}
			if alive(ccPid) {
				syscall.Kill(ccPid, syscall.SIGKILL)
				t.Errorf("the blocked C compiler (pid %d) survived %v of memlint", ccPid, sig)
			}
		})
	}
}
