package e2e_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/memlint/memlint/internal/testutil"
)

// TestNeovim runs the real editor: headless Neovim with
// testdata/nvim/init.lua starts the freshly built `memlint lsp` on a
// scratch copy of examples/uploads/uploads.go (the examples module, with
// the real gin and echo from the module cache), waits for the diagnostics,
// applies the first quick fix through vim.lsp.buf.code_action, writes the
// buffer and waits for the diagnostics of the save. The diagnostics must
// be those `memlint ./uploads/` reports before and after, and the fixed
// file must build. It runs once per engine of the server.
func TestNeovim(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds memlint and analyses examples/uploads in Neovim")
	}
	nvim := findNeovim(t)
	bin := testutil.Memlint(t)
	t.Setenv("MEMLINT_CACHE", t.TempDir())
	for _, engine := range []string{"driver", "checker"} {
		t.Run(engine, func(t *testing.T) { neovim(t, nvim, bin, engine) })
	}
}

func neovim(t *testing.T, nvim, bin, engine string) {
	root := repoRoot(t)
	tmp := t.TempDir()
	// Leave a minute of the test binary's -timeout for the report.
	limit := 25 * time.Minute
	if d, ok := t.Deadline(); ok {
		limit = min(limit, time.Until(d)-time.Minute)
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()

	ex := filepath.Join(tmp, "examples")
	testutil.CopyTree(t, filepath.Join(root, "examples"), ex, nil)
	file := filepath.Join(ex, "uploads", "uploads.go")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}

	want := cliFindings(ctx, t, bin, ex, file)
	if len(want) == 0 {
		t.Fatal("memlint ./uploads/ reports nothing: the example changed?")
	}

	out := filepath.Join(tmp, "results.txt")
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-n", "-i", "NONE", "--noplugin",
		"-u", filepath.Join(root, "e2e", "testdata", "nvim", "init.lua"), file)
	cmd.Dir = ex
	cmd.Env = append(os.Environ(),
		"MEMLINT_E2E_BIN="+bin,
		"MEMLINT_E2E_OUT="+out,
		"MEMLINT_E2E_ENGINE="+engine,
		fmt.Sprintf("MEMLINT_E2E_TIMEOUT_MS=%d", (limit/3).Milliseconds()),
		"XDG_CONFIG_HOME="+filepath.Join(tmp, "config"),
		"XDG_DATA_HOME="+filepath.Join(tmp, "data"),
		"XDG_STATE_HOME="+filepath.Join(tmp, "state"),
		"XDG_CACHE_HOME="+filepath.Join(tmp, "cache"),
	)
	var nvimOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &nvimOut, &nvimOut
	start := time.Now()
	nvimErr := cmd.Run()
	t.Logf("nvim ran %v", time.Since(start).Round(time.Second))
	results, _ := os.ReadFile(out)
	if nvimErr != nil || !bytes.Contains(results, []byte("\nDONE\n")) {
		lspLog, _ := os.ReadFile(filepath.Join(tmp, "cache", "nvim", "lsp.log"))
		t.Fatalf("nvim: %v\noutput:\n%s\nresults:\n%s\nlsp.log:\n%s", nvimErr, nvimOut.String(), results, lspLog)
	}

	var diags, after []string
	var action string
	for _, line := range strings.Split(string(results), "\n") {
		tag, rest, _ := strings.Cut(line, " ")
		switch tag {
		case "DIAG":
			diags = append(diags, rest)
		case "AFTER":
			after = append(after, rest)
		case "ACTION":
			action = rest
		}
	}
	if !slices.Equal(diags, want) {
		t.Errorf("Neovim's diagnostics:\n%s\nmemlint ./uploads/:\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}

	// The quick fix of the first finding defers RemoveAll.
	if !strings.HasPrefix(action, "Defer ") || !strings.HasSuffix(action, ".RemoveAll()") {
		t.Errorf("applied code action %q, want a Defer ….RemoveAll()", action)
	}
	fixed, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	stmt := "defer " + strings.TrimPrefix(action, "Defer ")
	if n, m := strings.Count(string(fixed), stmt), strings.Count(string(orig), stmt); n != m+1 {
		t.Errorf("written buffer has %d × %q, the original %d:\n%s", n, stmt, m, fixed)
	}
	vet := exec.CommandContext(ctx, "go", "build", "./uploads/")
	vet.Dir = ex
	if out, err := vet.CombinedOutput(); err != nil {
		t.Errorf("the fixed file does not build: %v\n%s", err, out)
	}

	// After the save, Neovim shows what memlint reports on the fixed file:
	// one finding fewer.
	wantAfter := cliFindings(ctx, t, bin, ex, file)
	if !slices.Equal(after, wantAfter) || len(after) != len(want)-1 {
		t.Errorf("after the fix and :write, Neovim's diagnostics:\n%s\nmemlint ./uploads/:\n%s", strings.Join(after, "\n"), strings.Join(wantAfter, "\n"))
	}
}

// findNeovim returns the nvim binary, or skips the test with a message
// that shows without -v. Tests never install anything: .ci/run installs
// Debian's neovim.
func findNeovim(t *testing.T) string {
	if p, err := exec.LookPath("nvim"); err == nil {
		return p
	}
	msg := "Neovim (nvim) is not on PATH: the Neovim end-to-end test is skipped (.ci/run installs Debian's neovim)"
	fmt.Fprintln(os.Stderr, "e2e: "+msg)
	t.Skip(msg)
	return ""
}

// findingLine is a text finding of memlint: "file:line:col: message
// (pass)" or "(pass, fixable)"; the file is relative to the directory
// memlint ran in when it lies under it.
var findingLine = regexp.MustCompile(`^(.+):(\d+):(\d+): (.*?)(?: \([a-z]+(?:, fixable)?\))?$`)

// cliFindings runs `memlint ./uploads/` in dir and returns its findings in
// file as "line:col: message".
func cliFindings(ctx context.Context, t *testing.T, bin, dir, file string) []string {
	t.Helper()
	cmd := exec.CommandContext(ctx, bin, "./uploads/")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee := (*exec.ExitError)(nil); err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 3) {
		t.Fatalf("memlint ./uploads/: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	var got []string
	sc := bufio.NewScanner(bytes.NewReader(append(stdout.Bytes(), stderr.Bytes()...)))
	for sc.Scan() {
		m := findingLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		if !filepath.IsAbs(m[1]) {
			m[1] = filepath.Join(dir, m[1])
		}
		if canonical(m[1]) == canonical(file) {
			got = append(got, m[2]+":"+m[3]+": "+m[4])
		}
	}
	return got
}

// canonical resolves symlinks in path, so that two names of one file
// compare equal.
func canonical(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p
	}
	return filepath.Clean(path)
}
