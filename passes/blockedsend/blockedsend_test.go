package blockedsend_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/internal/testutil"
	"github.com/memlint/memlint/passes/blockedsend"
)

// TestAnalyzer checks the diagnostics and, against .golden files, the
// suggested fixes of every package, in one load
// (MEMLINT_UPDATE_GOLDENS=1 rewrites the goldens).
func TestAnalyzer(t *testing.T) {
	results := testutil.RunWithFixes(t, testdataroot.Dir(), blockedsend.Analyzer,
		"blockedsend/basic", "blockedsend/helper", "blockedsend/crosspkg", "blockedsend/cmdmain", "blockedsend/fix", "blockedsend/testfail", "blockedsend/onceper", "blockedsend/async", "blockedsend/asyncuser", "blockedsend/serve")
	checkRelated(t, results)
}

// checkRelated checks what want comments cannot express: a finding on a
// goroutine with two sends on an unbuffered channel names the second as
// related information, after the goroutine's start.
func checkRelated(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	for _, r := range results {
		if r.Pass == nil || r.Pass.Pkg.Path() != "blockedsend/basic" {
			continue
		}
		for _, d := range r.Diagnostics {
			if !strings.Contains(d.Message, "when resultOrFailure returns") {
				continue
			}
			var got []string
			for _, rel := range d.Related {
				got = append(got, fmt.Sprintf("%d: %s", r.Pass.Fset.Position(rel.Pos).Line-r.Pass.Fset.Position(d.Pos).Line, rel.Message))
			}
			want := []string{"-2: goroutine started here", "3: the goroutine may block sending here too", "9: resultOrFailure returns here without receiving from done"}
			if !slices.Equal(got, want) {
				t.Errorf("related information of %q:\n got %q\nwant %q", d.Message, got, want)
			}
			return
		}
	}
	t.Error("no finding on resultOrFailure")
}
