package ownership_test

import (
	"reflect"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/internal/testdataroot"
)

// TestConcurrentQueries queries one Result from many goroutines, as the
// analyzers that share it (unclosed, multipart, perrequest) do when a
// driver runs them in parallel: the summaries they memoize must not race
// (before its mutex, telegraf's config package crashed memlint with
// "concurrent map read and map write"). Run with -race to see a race
// the runtime does not catch.
func TestConcurrentQueries(t *testing.T) {
	prober := &analysis.Analyzer{
		Name:       "prober",
		Doc:        "queries ownership.Result concurrently",
		Requires:   []*analysis.Analyzer{ownership.Analyzer, ssabuild.Analyzer},
		ResultType: reflect.TypeFor[int](),
		Run: func(pass *analysis.Pass) (any, error) {
			r := pass.ResultOf[ownership.Analyzer].(*ownership.Result)
			funcs := pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA).SrcFuncs
			var wg sync.WaitGroup
			for g := range 8 {
				wg.Go(func() {
					for i := range funcs {
						fn := funcs[(i+g*7)%len(funcs)]
						r.Of(fn)
						if len(fn.Params) > 0 {
							r.Analyse(fn, []ssa.Value{fn.Params[0]}, ownership.Query{Fields: true})
						}
					}
				})
			}
			wg.Wait()
			return len(funcs), nil
		},
	}
	for _, res := range analysistest.Run(t, testdataroot.Dir(), prober, "ownership/concurrent") {
		if n, _ := res.Result.(int); n == 0 {
			t.Errorf("%s: no functions queried", res.Pass.Pkg.Path())
		}
	}
}
