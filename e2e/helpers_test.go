package e2e_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/memlint/memlint/internal/analysisjson"
	"github.com/memlint/memlint/internal/testutil"
)

// This file holds helpers shared by the slow end-to-end tests, which drive
// the real tools (golangci-lint, pre-commit, the memlint command) on copies
// of this checkout and of examples/.

// TestMain removes the memlint command testutil.Memlint built for the
// Neovim tests.
func TestMain(m *testing.M) {
	code := m.Run()
	testutil.RemoveBuilt()
	os.Exit(code)
}

// repoRoot is the checkout this test runs in (go test runs in e2e/).
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// snapshotCheckout copies the memlint module (without .git, examples/ and
// testdata/) to a fresh directory, so that tools building it see one
// consistent state even while the checkout is being edited. In a git
// worktree .git is a file naming the real repository: it is left out too,
// or git commands in the snapshot (TestPreCommit's) would commit to the
// checkout's branch.
func snapshotCheckout(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "memlint")
	testutil.CopyTree(t, repoRoot(t), dst, func(rel string, d fs.DirEntry) bool {
		base := d.Name()
		if d.IsDir() {
			return strings.HasPrefix(base, ".") || base == "testdata" || rel == "examples"
		}
		return base == ".git"
	})
	return dst
}

// sourceHash hashes the files that go into a memlint binary: the non-test Go
// files, go.mod and go.sum of the snapshot, plus extra strings.
func sourceHash(t *testing.T, dir string, extra ...string) string {
	t.Helper()
	h := sha256.New()
	for _, e := range extra {
		fmt.Fprintf(h, "%s\n", e)
	}
	var files []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			name := d.Name()
			if (strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")) || name == "go.mod" || name == "go.sum" {
				files = append(files, path)
			}
		}
		return nil
	})
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// cacheDir is where the slow tests keep what they build between runs:
// $MEMLINT_E2E_CACHE, or memlint-e2e under the user cache directory.
func cacheDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("MEMLINT_E2E_CACHE")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			t.Fatalf("no cache directory for the end-to-end builds: %v (set MEMLINT_E2E_CACHE)", err)
		}
		dir = filepath.Join(base, "memlint-e2e")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// goEnv is the environment for the go commands the tools run. GOFLAGS is
// reduced to -buildvcs=false: CI exports -mod=readonly, which "go mod tidy"
// inside "golangci-lint custom" must not inherit, and copies of the checkout
// are not VCS repositories. The module cache and proxy settings are kept.
func goEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GOFLAGS=") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "GOFLAGS=-buildvcs=false")
	return append(env, extra...)
}

// result is what a command did.
type result struct {
	stdout, stderr []byte
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// run runs name with args in dir and returns its output and exit code; it
// fails the test only when the command cannot be started.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	t.Logf("%s %s (in %s): %v", name, strings.Join(args, " "), dir, time.Since(start).Round(time.Millisecond))
	r := result{stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	default:
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// mustRun is run that fails the test on a non-zero exit.
func mustRun(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	r := run(t, dir, env, name, args...)
	if r.code != 0 {
		t.Fatalf("%s %s: %s", name, strings.Join(args, " "), r)
	}
	return r
}

// buildMemlint builds the memlint command from a snapshot of the checkout.
func buildMemlint(t *testing.T, snapshot string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "memlint")
	mustRun(t, snapshot, goEnv(), "go", "build", "-o", bin, "./cmd/memlint")
	return bin
}

// finding is one diagnostic as "file:line:col: pass: message", with file
// relative to the analysed tree, so that both drivers' findings compare.
type finding = string

// memlintFindings runs the memlint command with -json in dir on ./... and
// returns its findings as a sorted, de-duplicated list. (The same file is
// analysed for a package and for its test variant; golangci-lint reports
// such a finding once.)
func memlintFindings(t *testing.T, bin, dir string, flags ...string) []finding {
	t.Helper()
	args := append(append([]string{"-json"}, flags...), "./...")
	r := run(t, dir, goEnv(), bin, args...)
	if r.code != 0 && r.code != 3 {
		t.Fatalf("memlint %s: %s", strings.Join(args, " "), r)
	}
	// A stream of {"pkg": {"pass": [{"posn": "file:line:col", "message":
	// "..."}]}} trees; a failed pass has {"error": "..."} instead of a list.
	set := map[finding]bool{}
	err := analysisjson.Decode(bytes.NewReader(r.stdout), func(res analysisjson.Result) error {
		if res.Err != "" {
			return fmt.Errorf("package %s, pass %s: %s", res.Pkg, res.Pass, res.Err)
		}
		for _, d := range res.Diagnostics {
			set[relFinding(t, dir, d.Posn, res.Pass+": "+d.Message)] = true
			// golangci-lint reports each related position as an issue
			// "pass(related information): message".
			for _, rel := range d.Related {
				set[relFinding(t, dir, rel.Posn, res.Pass+"(related information): "+rel.Message)] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("memlint -json output: %v\n%s", err, r)
	}
	return sortedSet(set)
}

// relFinding turns an absolute "file:line:col" and a text into a finding.
func relFinding(t *testing.T, dir, posn, text string) finding {
	t.Helper()
	// file:line:col; the file name may itself contain colons only on
	// Windows, which these tests do not support.
	parts := strings.SplitN(posn, ":", 2)
	file := parts[0]
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = filepath.ToSlash(rel)
		}
	}
	if len(parts) == 2 {
		return file + ":" + parts[1] + ": " + text
	}
	return file + ": " + text
}

func sortedSet(set map[finding]bool) []finding {
	out := make([]finding, 0, len(set))
	for f := range set {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// diff describes how got differs from want, or is "" when they are equal.
func diff(got, want []finding) string {
	g, w := map[string]bool{}, map[string]bool{}
	for _, f := range got {
		g[f] = true
	}
	for _, f := range want {
		w[f] = true
	}
	var b strings.Builder
	for _, f := range want {
		if !g[f] {
			fmt.Fprintf(&b, "\tmissing:    %s\n", f)
		}
	}
	for _, f := range got {
		if !w[f] {
			fmt.Fprintf(&b, "\tunexpected: %s\n", f)
		}
	}
	return b.String()
}

// writeFile writes a file, creating its directory.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyFile copies one file, keeping its mode.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, fi.Mode())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// needTime fails the test at once, with a clear message, when the test
// binary's -timeout leaves less than d: these tests drive real tools for
// minutes, and running out of time mid-build only yields a goroutine dump.
func needTime(t *testing.T, d time.Duration) {
	t.Helper()
	if deadline, ok := t.Deadline(); ok && time.Until(deadline) < d {
		t.Fatalf("%s needs about %v but the test timeout leaves %v: run go test -timeout 60m (or -short to skip it)",
			t.Name(), d, time.Until(deadline).Round(time.Second))
	}
}
