package golangci

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/internal/testdataroot"
)

// TestSharesBuildssa checks that under golangci-lint memlint's SSA passes
// use the SSA form x/tools' buildssa builds for the other linters, rather
// than building every package a second time: after New, the builder
// requires buildssa and hands on its very result.
func TestSharesBuildssa(t *testing.T) {
	if _, err := New(map[string]any{}); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(ssabuild.Analyzer.Requires, buildssa.Analyzer) {
		t.Fatalf("after New, ssabuild requires %v, not buildssa", ssabuild.Analyzer.Requires)
	}
	same := 0
	probe := &analysis.Analyzer{
		Name:     "probe",
		Doc:      "probe: compares the two SSA results",
		Requires: []*analysis.Analyzer{ssabuild.Analyzer, buildssa.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.ResultOf[ssabuild.Analyzer] != pass.ResultOf[buildssa.Analyzer] {
				t.Errorf("%s: ssabuild built its own SSA form", pass.Pkg.Path())
			} else {
				same++
			}
			return nil, nil
		},
	}
	// The package's // want comments belong to ssabuild's own test.
	analysistest.Run(ignoreWants{}, testdataroot.Dir(), probe, "ssabuild")
	if same == 0 {
		t.Error("the probe ran on no package: the test proves nothing")
	}
}

// ignoreWants is an analysistest.Testing that ignores unmet expectations.
type ignoreWants struct{}

func (ignoreWants) Errorf(string, ...any) {}
