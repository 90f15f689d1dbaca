// Package inspectfloor is a benchmark floor: a pass that does nothing but
// require the inspect pass. Loading, parsing and type-checking a package is
// then all the work, so memlint's syntax-only cost is measured against it.
package inspectfloor

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer does nothing beyond building the inspector.
var Analyzer = &analysis.Analyzer{
	Name:     "inspectfloor",
	Doc:      "inspectfloor: a no-op pass needing only inspect (benchmark floor)",
	URL:      "https://github.com/memlint/memlint/tree/main/bench",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		_ = pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		return nil, nil
	},
}
