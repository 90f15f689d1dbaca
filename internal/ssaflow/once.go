package ssaflow

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
)

// OncePerProcess reports whether fn runs once, just before the process
// exits: main.main (the process ends when it returns) and a function
// given the *testing.M, which exists only in TestMain, whose result is the
// test binary's exit code.
func OncePerProcess(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Pkg == nil {
		return false
	}
	if fn.Signature.Recv() == nil && fn.Pkg.Pkg.Name() == "main" && fn.Name() == "main" {
		return true
	}
	params := fn.Signature.Params()
	for i := range params.Len() {
		if apimatch.TypeKey(params.At(i).Type()) == "testing.M" {
			return true
		}
	}
	return false
}

// TopLevelTest reports whether fn is a test, benchmark or fuzz test the
// go command runs once per test binary run: a function TestXxx(*testing.T),
// BenchmarkXxx(*testing.B) or FuzzXxx(*testing.F) of a _test.go file.
func TopLevelTest(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Signature.Recv() != nil || fn.Pkg == nil {
		return false
	}
	if fn.Prog == nil || fn.Prog.Fset == nil || !fn.Pos().IsValid() ||
		!strings.HasSuffix(fn.Prog.Fset.File(fn.Pos()).Name(), "_test.go") {
		return false
	}
	params := fn.Signature.Params()
	if params.Len() != 1 || fn.Signature.Results().Len() != 0 {
		return false
	}
	for prefix, typ := range map[string]string{"Test": "T", "Benchmark": "B", "Fuzz": "F"} {
		if strings.HasPrefix(fn.Name(), prefix) && apimatch.TypeKey(params.At(0).Type()) == "testing."+typ {
			return true
		}
	}
	return false
}
