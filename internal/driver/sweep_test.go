package driver

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/memlint/memlint/internal/testutil"
)

// The crash sweep runs memlint over code nobody in this project wrote and
// fails on any panic or internal error: the whole standard library (its
// packages, not their tests) and a sample of the compiler's own torture
// tests in $GOROOT/test that type-check. Code that does not type-check is
// not a failure (memlint reports it as file:line errors); a crash is.
//
// MEMLINT_SWEEP=full sweeps every $GOROOT/test file instead of a sample,
// and std with its tests.

// crashMarkers are what a crash looks like in memlint's output: the
// guard's "internal error: memlint pass ... panicked", the driver's
// "internal error: analysing ... crashed", or a raw Go panic with its
// goroutine trace ("goroutine 1 [running]:"; a finding's message may say
// "goroutines").
var crashMarkers = []*regexp.Regexp{
	regexp.MustCompile(`internal error`),
	regexp.MustCompile(`panic:`),
	regexp.MustCompile(`^goroutine \d+ \[`),
}

func crashes(out string) []string {
	var found []string
	for line := range strings.SplitSeq(out, "\n") {
		for _, m := range crashMarkers {
			if m.MatchString(line) {
				found = append(found, line)
				break
			}
		}
	}
	return found
}

func TestSweepStd(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the whole standard library (about a minute)")
	}
	bin := testutil.Memlint(t)
	args := []string{"-json", "-test=false", "std"}
	if os.Getenv("MEMLINT_SWEEP") == "full" {
		args = []string{"-json", "std"}
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "MEMLINT_CACHE="+t.TempDir())
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	out := string(stdout)
	if bad := crashes(stderr.String() + out); len(bad) > 0 {
		t.Errorf("memlint %s: %d crash lines:\n%s", strings.Join(args, " "), len(bad), strings.Join(bad, "\n"))
	}
	// std type-checks: any error is a driver bug.
	if code != 0 {
		t.Errorf("memlint %s: exit %d\n%s", strings.Join(args, " "), code, lastLines(stderr.String(), 30))
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("memlint -json std: %v\n%s", err, lastLines(out, 30))
	}
	for id, passes := range tree {
		for pass, raw := range passes {
			if strings.HasPrefix(string(raw), "{") {
				t.Errorf("%s: pass %s failed: %s", id, pass, raw)
			}
		}
	}
}

func TestSweepGorootTest(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a sample of $GOROOT/test")
	}
	files := gorootTests(t)
	every := 8 // a sample of about 400 files
	if os.Getenv("MEMLINT_SWEEP") == "full" {
		every = 1
	}
	// One package per file, in a module of their own.
	mod := t.TempDir()
	os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module sweep\n\ngo 1.26\n"), 0o644)
	n := 0
	for i, f := range files {
		if i%every != 0 {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(mod, "t"+strconv.Itoa(i))
		os.MkdirAll(dir, 0o777)
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	bin := testutil.Memlint(t)
	out, code := runMemlint(t, bin, mod, t.TempDir(), "-json", "./...")
	if bad := crashes(out); len(bad) > 0 {
		t.Errorf("memlint over %d $GOROOT/test files: %d crash lines:\n%s", n, len(bad), strings.Join(bad, "\n"))
	}
	if code != 0 && code != 1 {
		t.Errorf("memlint over $GOROOT/test: exit %d (want 0, or 1 for files that do not type-check)\n%s", code, lastLines(out, 30))
	}
	t.Logf("swept %d of %d $GOROOT/test files that should compile; exit %d", n, len(files), code)
}

// gorootTests lists $GOROOT/test/**/*.go files the compiler's test harness
// expects to compile ("// run", "// compile", "// build" headers), outside
// the *.dir trees (those are multi-package tests with relative imports).
func gorootTests(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	root := filepath.Join(strings.TrimSpace(string(out)), "test")
	var files []string
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasSuffix(path, ".dir") || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		if compiles(path) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Skipf("no $GOROOT/test: %v", err)
	}
	if len(files) == 0 {
		t.Skip("no $GOROOT/test files")
	}
	return files
}

// compiles reports whether the test harness header of a $GOROOT/test file
// says it compiles on its own.
func compiles(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "//go:build") || strings.HasPrefix(line, "// +build") {
			continue
		}
		if !strings.HasPrefix(line, "//") {
			return false
		}
		fields := strings.Fields(strings.TrimPrefix(line, "//"))
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "run", "compile", "build", "runoutput":
			return true
		}
		return false
	}
	return false
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return fmt.Sprint(strings.Join(lines, "\n"))
}
