package memlint_test

import (
	"slices"
	"testing"

	"github.com/memlint/memlint"
	"github.com/memlint/memlint/internal/passutil"
)

// TestIgnorePassNames checks that //memlint:ignore knows exactly the
// passes memlint runs: a pass missing from passutil.Passes would have its
// directives reported as naming an unknown pass.
func TestIgnorePassNames(t *testing.T) {
	var names []string
	for _, a := range memlint.Analyzers {
		names = append(names, a.Name)
	}
	slices.Sort(names)
	if !slices.Equal(names, passutil.Passes) {
		t.Errorf("passutil.Passes = %v, want the sorted names of memlint.Analyzers %v", passutil.Passes, names)
	}
}
