package bigbuffer

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), Analyzer, "bigbuffer/...")
}
