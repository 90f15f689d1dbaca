// Package ssafloor is a benchmark floor: a pass that builds SSA and
// declares a fact, like memlint's passes, but reports nothing. Declaring a
// fact makes every driver analyse every dependency too, so this floor is
// the least any fact-using SSA pass can cost in a given driver.
package ssafloor

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/memlint/memlint/internal/ssabuild"
)

// visited is a package fact exported for every package, so that fact
// files are written and read as for a real pass.
type visited struct{ Funcs int }

func (*visited) AFact()         {}
func (*visited) String() string { return "visited" }

// Analyzer builds SSA, counts the source functions and exports that count
// as a package fact.
var Analyzer = &analysis.Analyzer{
	Name:      "ssafloor",
	Doc:       "ssafloor: a no-op pass needing memlint's SSA (internal/ssabuild) and declaring a fact (benchmark floor)",
	URL:       "https://github.com/memlint/memlint/tree/main/bench",
	Requires:  []*analysis.Analyzer{ssabuild.Analyzer},
	FactTypes: []analysis.Fact{new(visited)},
	Run: func(pass *analysis.Pass) (any, error) {
		ssa := pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA)
		pass.ExportPackageFact(&visited{Funcs: len(ssa.SrcFuncs)})
		return nil, nil
	},
}
