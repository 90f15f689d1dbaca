// Package testutil holds what memlint's tests share: setting an
// analyzer's flag for one test, building the memlint command once per test
// binary, and copying a tree of files. Only tests import it.
package testutil

import (
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/memlint/memlint/internal/fsutil"
	"golang.org/x/tools/go/analysis"
)

// SetFlag sets the analyzer's flag name to value for the duration of the
// test, through the flag's own Set (so its validation runs), and restores
// the old value when the test ends.
func SetFlag(t testing.TB, a *analysis.Analyzer, name, value string) {
	t.Helper()
	f := RestoreFlag(t, a, name)
	if err := f.Value.Set(value); err != nil {
		t.Fatalf("-%s.%s=%s: %v", a.Name, name, value, err)
	}
}

// RestoreFlag returns the analyzer's flag name and restores its current
// value when the test ends, for tests that set it themselves (to check
// that bad values are rejected).
func RestoreFlag(t testing.TB, a *analysis.Analyzer, name string) *flag.Flag {
	t.Helper()
	f := a.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("%s has no flag %q", a.Name, name)
	}
	old := f.Value.String()
	t.Cleanup(func() {
		if err := f.Value.Set(old); err != nil {
			t.Errorf("restoring -%s.%s=%s: %v", a.Name, name, old, err)
		}
	})
	return f
}

var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
	out  []byte
}

// Memlint builds the memlint command of this checkout once per test
// binary and returns its path. A TestMain should call RemoveBuilt after
// the tests run.
func Memlint(t testing.TB) string {
	t.Helper()
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "memlint-test-bin-")
		if built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "memlint")
		// The import path builds from any directory of the module.
		cmd := exec.Command("go", "build", "-o", built.bin, "github.com/memlint/memlint/cmd/memlint")
		built.out, built.err = cmd.CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build ./cmd/memlint: %v\n%s", built.err, built.out)
	}
	return built.bin
}

// RemoveBuilt removes the command Memlint built, if any.
func RemoveBuilt() {
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
}

// CopyTree copies the tree under src to dst (see fsutil.CopyTree) or
// fails the test.
func CopyTree(t testing.TB, src, dst string, skip func(rel string, d fs.DirEntry) bool) {
	t.Helper()
	if err := fsutil.CopyTree(src, dst, skip); err != nil {
		t.Fatalf("copying %s to %s: %v", src, dst, err)
	}
}
