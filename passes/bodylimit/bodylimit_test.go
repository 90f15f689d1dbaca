package bodylimit_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/passes/bodylimit"
)

func TestBodyLimit(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), bodylimit.Analyzer,
		"bodylimit/nethttp")
}
