package rowsource_test

import (
	"go/ast"
	"go/types"
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

// ignoreWants is an analysistest.Testing that drops analysistest's
// complaints: the examples module's want comments are the passes', not
// rowsource's, whose facts TestRealLibraries checks itself.
type ignoreWants struct{}

func (ignoreWants) Errorf(string, ...any) {}

// TestRealLibraries asserts the facts of the examples module's
// repositories, which read rows with the real libraries (gorm and
// jinzhu/gorm, xorm, sqlx, pgx, mongo-driver v1 and v2, ent): a stub can
// drift from its library, the module cannot.
func TestRealLibraries(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the examples module")
	}
	got := map[string]string{}
	for _, r := range analysistest.Run(ignoreWants{}, testdataroot.Examples(), rowsource.Analyzer, "./repo", "./entrepo") {
		for obj, facts := range r.Facts {
			fn, ok := obj.(*types.Func)
			if !ok {
				continue
			}
			for _, f := range facts {
				got[fn.FullName()] = f.(*rowsource.Fact).String()
			}
		}
	}
	const repo, ent = "github.com/memlint/memlint/examples/repo", "github.com/memlint/memlint/examples/entrepo"
	want := map[string]string{
		"(*" + repo + ".Orders).Open":    "rowsResult(0)", // gorm Find
		repo + ".PruneEntries":           "rowsResult(0)", // jinzhu/gorm Find
		"(*" + repo + ".Users).ByDomain": "rowsResult(0)", // sqlx SelectContext
		repo + ".scanUsers":              "rowsResult(0)", // database/sql rows loop
		"(*" + repo + ".Users).Active":   "rowsResult(0)", // through scanUsers
		"(*" + repo + ".Events).ForDay":  "rowsResult(0)", // pgx.CollectRows
		"(*" + repo + ".DocsV1).All":     "rowsResult(0)", // mongo v1 cursor.All
		"(*" + repo + ".DocsV2).ByTitle": "rowsResult(0)", // mongo v2 cursor.All
		repo + ".Since":                  "rowsResult(0)", // xorm Find; the error it returns is no row
		"(" + repo + ".Hitters).List":    "rowsResult(0)", // a wrapper interface's Find, by its implementation's fact
		"(*" + ent + ".Items).Archived":  "rowsResult(0)", // ent All
		"(*" + ent + ".Items).Since":     "rowsResult(0)", // ent IDs
	}
	for name, fact := range want {
		if got[name] != fact {
			t.Errorf("%s: fact %q, want %q", name, got[name], fact)
		}
	}
	// No rows: a count, and a cursor returned to the caller.
	for _, name := range []string{"(*" + repo + ".Users).Count", "(*" + repo + ".Events).Stream"} {
		if f, ok := got[name]; ok {
			t.Errorf("%s: fact %q, want none", name, f)
		}
	}
}
