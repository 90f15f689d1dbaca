package multipart_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/passes/multipart"
)

func TestMultipart(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), multipart.Analyzer,
		"multipart/basic", "multipart/frameworks", "multipart/helpers", "multipart/crosspkg",
		"multipart/flags", "multipart/odd", "multipart/cgo", "multipart/echov5")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdataroot.Dir(), multipart.Analyzer, "multipart/fix")
}

func TestMaxMemoryFlag(t *testing.T) {
	f := multipart.Analyzer.Flags.Lookup("max-memory")
	old := f.Value.String()
	if err := f.Value.Set("8MiB"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
	analysistest.Run(t, testdataroot.Dir(), multipart.Analyzer, "multipart/flagsmall")
}

func TestMaxMemoryFlagRejectsGarbage(t *testing.T) {
	f := multipart.Analyzer.Flags.Lookup("max-memory")
	for _, bad := range []string{"-1", "lots", "1.5"} {
		if err := f.Value.Set(bad); err == nil {
			t.Errorf("Set(%q) succeeded, want an error", bad)
		}
	}
}
