package blockedsend_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/passes/blockedsend"
)

func TestBlockedSend(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), blockedsend.Analyzer,
		"blockedsend/basic", "blockedsend/helper", "blockedsend/crosspkg", "blockedsend/cmdmain")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdataroot.Dir(), blockedsend.Analyzer, "blockedsend/fix")
}
