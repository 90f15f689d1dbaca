package blockedsend_test

import (
	"testing"

	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/internal/testutil"
	"github.com/memlint/memlint/passes/blockedsend"
)

// TestAnalyzer checks the diagnostics and, against .golden files, the
// suggested fixes of every package, in one load
// (MEMLINT_UPDATE_GOLDENS=1 rewrites the goldens).
func TestAnalyzer(t *testing.T) {
	testutil.RunWithFixes(t, testdataroot.Dir(), blockedsend.Analyzer,
		"blockedsend/basic", "blockedsend/helper", "blockedsend/crosspkg", "blockedsend/cmdmain", "blockedsend/fix", "blockedsend/testfail", "blockedsend/onceper", "blockedsend/async", "blockedsend/asyncuser", "blockedsend/serve")
}
