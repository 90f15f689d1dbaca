package jsonindent_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/internal/testutil"
	"github.com/memlint/memlint/passes/jsonindent"
)

// defaultPatterns are the test packages checked with default flags: every
// package under testdata/src/jsonindent except allflag.
func defaultPatterns(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(testdataroot.Dir(), "src", "jsonindent"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "allflag" {
			patterns = append(patterns, "jsonindent/"+e.Name())
		}
	}
	if len(patterns) < 7 {
		t.Fatalf("found only %v under testdata/src/jsonindent", patterns)
	}
	return patterns
}

func TestAnalyzer(t *testing.T) {
	testutil.RunWithFixes(t, testdataroot.Dir(), jsonindent.Analyzer, defaultPatterns(t)...)
}

// TestRealLibraries runs the pass on examples/jsonapi, which uses the real
// gin, echo, goccy/go-json and json-iterator modules (from the module
// cache), so stubs that drift from upstream cannot hide a miss.
func TestRealLibraries(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real libraries")
	}
	analysistest.Run(t, testdataroot.Examples(), jsonindent.Analyzer, "./jsonapi")
}

func TestAllFlag(t *testing.T) {
	testutil.SetFlag(t, jsonindent.Analyzer, "all", "true")
	testutil.RunWithFixes(t, testdataroot.Dir(), jsonindent.Analyzer, "jsonindent/allflag")
}

// TestAllFlagOff checks that the allflag package is silent by default, so
// TestAllFlag can only pass because of the flag.
func TestAllFlagOff(t *testing.T) {
	results := analysistest.Run(&quiet{T: t}, testdataroot.Dir(), jsonindent.Analyzer, "jsonindent/allflag")
	if len(results) == 0 {
		t.Fatal("jsonindent/allflag did not load")
	}
	for _, r := range results {
		if len(r.Diagnostics) != 0 {
			t.Errorf("%s: %d diagnostics without -all, want none", r.Action.Package.PkgPath, len(r.Diagnostics))
		}
	}
}

// quiet swallows the analysistest errors about unmet expectations.
type quiet struct{ *testing.T }

func (*quiet) Errorf(string, ...any) {}
