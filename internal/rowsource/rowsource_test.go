package rowsource_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/rowsource"
	"github.com/memlint/memlint/internal/testdataroot"
)

// TestFacts asserts the facts of each library's reads (rowsource/repo)
// and of a wrapper of another package's functions (rowsource/use).
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), rowsource.Analyzer, "rowsource/repo", "rowsource/use")
}

// probe reports "holds rows" at each call of a function named probe whose
// argument Holds rows.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "reports probe(x) calls whose argument holds rows",
	Requires: []*analysis.Analyzer{rowsource.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		r := pass.ResultOf[rowsource.Analyzer].(*rowsource.Result)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "probe" && r.Holds(call.Args[0]) {
					pass.Reportf(call.Pos(), "holds rows")
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestHolds asserts Result.Holds on values read through repo's functions
// in another package, and on values that hold no rows.
func TestHolds(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), probe, "rowsource/probe")
}

func TestFactString(t *testing.T) {
	f := &rowsource.Fact{Results: []int{0}, Fills: []int{1, 2}, Receiver: true}
	if got, want := f.String(), "rowsResult(0) fillsRows(1,2) fillsReceiver"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
