package unclosed

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), Analyzer, "unclosed/a", "unclosed/helpers")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdataroot.Dir(), Analyzer, "unclosed/a")
}
