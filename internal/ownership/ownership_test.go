package ownership_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/testdataroot"
)

// TestFacts asserts the facts the passes' cross-package tests rely on:
// unclosed/a on unclosed/helpers (releases, retains, returns of Kafka
// and io.Closer values), perrequest/crosspkg on perrequest/helper,
// multipart/crosspkg on multipart/helpers (removesForm, through
// net/http, gin, echo v4 and v5).
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), ownership.Analyzer, "unclosed/helpers", "perrequest/helper", "multipart/helpers")
}

// TestRealLibraries asserts the facts of the examples module's helper
// package that the real-library examples rely on (pipeline/producer.go
// defers shutdown.Quietly).
func TestRealLibraries(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the examples module")
	}
	analysistest.Run(t, testdataroot.Examples(), ownership.Analyzer, "./pipeline/shutdown")
}

func TestFactString(t *testing.T) {
	f := &ownership.Fact{Releases: []int{0}, Retains: []int{2}, Returns: []int{1}, RemovesForm: []int{0, 3}}
	if got, want := f.String(), "releases(0) retains(2) returns(1) removesForm(0,3)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
