package ssabuild_test

import (
	"go/ast"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint"
	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/internal/testdataroot"
)

// probe reports, at every function declaration, whether ssabuild built its
// body and how many literals it holds, and at every static call of a
// function of the package whether the callee was elided.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "test probe of ssabuild",
	Requires: []*analysis.Analyzer{ssabuild.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA)
		src := map[*ssa.Function]bool{}
		for _, fn := range res.SrcFuncs {
			src[fn] = true
		}
		for _, f := range pass.Files {
			for _, decl := range f.Decls {
				d, ok := decl.(*ast.FuncDecl)
				if !ok {
					continue
				}
				fn := res.Pkg.Prog.FuncValue(pass.TypesInfo.Defs[d.Name].(*types.Func))
				switch {
				case ssabuild.Elided(pass, fn):
					if src[fn] || len(fn.Blocks) > 0 {
						pass.Reportf(d.Name.Pos(), "%s: elided, yet built or listed", d.Name.Name)
					} else {
						pass.Reportf(d.Name.Pos(), "%s: elided", d.Name.Name)
					}
				case src[fn] && len(fn.Blocks) > 0:
					pass.Reportf(d.Name.Pos(), "%s: built, %d literals", d.Name.Name, len(fn.AnonFuncs))
				default:
					pass.Reportf(d.Name.Pos(), "%s: neither built nor elided", d.Name.Name)
				}
				for _, b := range fn.Blocks {
					for _, in := range b.Instrs {
						call, ok := in.(*ssa.Call)
						if !ok {
							continue
						}
						callee := call.Call.StaticCallee()
						if callee == nil || callee.Pkg != res.Pkg {
							continue
						}
						state := "built"
						if ssabuild.Elided(pass, callee) {
							state = "elided"
						}
						pass.Reportf(call.Pos(), "calls %s, %s", callee.Name(), state)
					}
				}
			}
		}
		return nil, nil
	},
}

// TestElided checks that the body of a huge function in a generated file
// is not built (no SSA work happens there), while a short generated
// function and a long hand-written one are built as buildssa builds them.
func TestElided(t *testing.T) {
	defer func(n int) { ssabuild.MaxGeneratedLines = n }(ssabuild.MaxGeneratedLines)
	ssabuild.MaxGeneratedLines = 5
	analysistest.Run(t, testdataroot.Dir(), probe, "ssabuild")
}

// TestNoBuildssa fails if a memlint pass (or a helper it requires) still
// requires x/tools' buildssa: buildssa would build the huge generated
// functions that ssabuild leaves out, and a pass reading
// pass.ResultOf[buildssa.Analyzer] without requiring it gets nil.
func TestNoBuildssa(t *testing.T) {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(path string, as []*analysis.Analyzer)
	visit = func(path string, as []*analysis.Analyzer) {
		for _, a := range as {
			if a == buildssa.Analyzer {
				t.Errorf("%s requires buildssa: require ssabuild.Analyzer instead", path)
			}
			if !seen[a] {
				seen[a] = true
				visit(path+" -> "+a.Name, a.Requires)
			}
		}
	}
	for _, a := range memlint.Analyzers {
		visit(a.Name, a.Requires)
	}
}
