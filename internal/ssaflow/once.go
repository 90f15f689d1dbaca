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
	if !inTestFile(fn) {
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

// TestHelperOfTopLevelTests reports whether fn is a function of a
// _test.go file that runs at most once per test: every use of it in
// funcs (the package's functions) is a static call from a TopLevelTest
// function, outside any loop (kopia's createBucket, called once by each
// of two tests). A helper called in a loop, by another helper, or used as
// a value is not.
func TestHelperOfTopLevelTests(fn *ssa.Function, funcs []*ssa.Function) bool {
	if fn.Parent() != nil || fn.Signature.Recv() != nil || fn.Pkg == nil || !inTestFile(fn) {
		return false
	}
	if fn.Object() != nil && fn.Object().Exported() {
		return false // another test package may call it
	}
	called := false
	for _, g := range funcs {
		for _, b := range g.Blocks {
			for _, in := range b.Instrs {
				for _, op := range in.Operands(nil) {
					if *op != fn {
						continue
					}
					call, ok := in.(*ssa.Call)
					if !ok || call.Call.Value != fn || !TopLevelTest(g) || Reaches(b, b) {
						return false
					}
					called = true
				}
			}
		}
	}
	return called
}

// inTestFile reports whether fn is declared in a _test.go file.
func inTestFile(fn *ssa.Function) bool {
	return fn.Prog != nil && fn.Prog.Fset != nil && fn.Pos().IsValid() &&
		strings.HasSuffix(fn.Prog.Fset.File(fn.Pos()).Name(), "_test.go")
}
