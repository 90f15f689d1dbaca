// Package ownership is a helper analyzer, in the style of x/tools'
// ctrlflow and staticcheck's purity, that says what a function does with
// its parameters beyond using them during the call: whether it releases
// one on every path (calls a release method on it, or passes it to a
// function that does), retains it (stores it in a field, a global, a map
// or a channel, hands it to a goroutine or to a function that retains it,
// or releases it on some paths only), retains it only when it succeeds
// (stores or returns it only on paths that return a nil error, and
// neither keeps nor releases it on the others: a caller asking for it,
// Query.OnSuccess, still owns the value where the call fails), returns it
// (or a value wrapping it), or removes the multipart form it holds (RemoveAll on r.MultipartForm,
// c.Request.MultipartForm, the *multipart.Form itself, on some path).
//
// It is memlint's one ownership engine: unclosed asks it whether a Kafka
// or Cloud Storage value is released or handed off, perrequest whether a
// client outlives the request, multipart whether a helper removes the
// form. The release methods are those memlint's rule tables name
// (internal/resources): a library released by another method than Close
// needs only its rule line for helpers that release it to be understood.
//
// Facts are exported for exported functions and methods of every package
// (a helper that closes an io.Closer need not import any library), with
// memlint's one index convention: signature parameters, receiver
// excluded, from 0. The Result computes the same summaries on demand for
// the package's own functions, classifies the uses of a value built in a
// function (Analyse) and searches for a path on which it is not released
// (LeakPath).
package ownership

import (
	"go/types"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/ssabuild"
)

// Analyzer computes ownership facts and the Result.
var Analyzer = &analysis.Analyzer{
	Name:       "ownership",
	Doc:        "helper: which parameters a function releases, retains, returns, or whose multipart form it removes",
	URL:        "https://pkg.go.dev/github.com/memlint/memlint/internal/ownership",
	Run:        run,
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer},
	FactTypes:  []analysis.Fact{new(Fact)},
	ResultType: reflect.TypeFor[*Result](),
}

// Fact is exported for a function that does something with some of its
// parameters beyond using them. Indices are signature parameters,
// receiver excluded.
type Fact struct {
	Releases    passutil.Params // released on every path
	Retains     passutil.Params // kept beyond the call, or released on some paths only
	Returns     passutil.Params // returned, or stored in a value that is returned
	RemovesForm passutil.Params // the multipart form it holds is removed (on some path)
	// RetainsOnSuccess: kept only on paths that return a nil error; on
	// a path returning an error it is neither kept nor released, so the
	// caller still owns it when the call fails (goka's
	// newTopicManager(client) stores the client in what it returns).
	RetainsOnSuccess passutil.Params
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

func (f *Fact) String() string {
	return passutil.JoinFacts(f.Releases.Format("releases"), f.Retains.Format("retains"),
		f.RetainsOnSuccess.Format("retainsOnSuccess"), f.Returns.Format("returns"), f.RemovesForm.Format("removesForm"))
}

func (f *Fact) empty() bool {
	return len(f.Releases) == 0 && len(f.Retains) == 0 && len(f.RetainsOnSuccess) == 0 && len(f.Returns) == 0 && len(f.RemovesForm) == 0
}

// Result answers ownership questions for the package being analysed. Its
// methods are safe for concurrent use: the analyzers that require it (a
// driver runs them in parallel on one package) share it, and its queries
// compute and memoize summaries. The exported methods hold mu; the
// unexported ones, which they and the summaries call, assume it is held.
type Result struct {
	mu         sync.Mutex
	pass       *analysis.Pass
	ssa        *buildssa.SSA
	summaries  map[*ssa.Function]*Fact
	inProgress map[*ssa.Function]bool
	imported   map[*types.Func]*Fact
}

func run(pass *analysis.Pass) (any, error) {
	ssaRes := pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA)
	r := &Result{
		pass:       pass,
		ssa:        ssaRes,
		summaries:  make(map[*ssa.Function]*Fact),
		inProgress: make(map[*ssa.Function]bool),
		imported:   make(map[*types.Func]*Fact),
	}
	// Import the facts of every function the package calls now, while the
	// pass is live; summaries and queries made later by dependent
	// analyzers read them.
	for _, fn := range ssaRes.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if call, ok := in.(ssa.CallInstruction); ok {
					if callee := call.Common().StaticCallee(); callee != nil {
						r.importFact(callee)
					}
				}
			}
		}
	}
	for _, fn := range ssaRes.SrcFuncs {
		obj, _ := fn.Object().(*types.Func)
		if obj == nil || fn.Parent() != nil || !obj.Exported() || fn.Synthetic != "" {
			continue
		}
		if tf := pass.Fset.File(fn.Pos()); tf == nil || strings.HasSuffix(tf.Name(), "_test.go") {
			continue
		}
		if f := r.summary(fn); !f.empty() {
			pass.ExportObjectFact(obj, f)
		}
	}
	return r, nil
}

// importFact records the fact of callee, a function of another package.
func (r *Result) importFact(callee *ssa.Function) {
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	obj, _ := callee.Object().(*types.Func)
	if obj == nil || obj.Pkg() == r.pass.Pkg {
		return
	}
	if _, done := r.imported[obj]; done {
		return
	}
	var f Fact
	if r.pass.ImportObjectFact(obj.Origin(), &f) {
		r.imported[obj] = &f
	} else {
		r.imported[obj] = nil
	}
}

// Of returns what callee does with its parameters (signature indices,
// receiver excluded), or nil when nothing is known. A huge generated
// function whose body was not built (ssabuild.Elided) is taken to retain
// every parameter.
func (r *Result) Of(callee *ssa.Function) *Fact {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.of(callee)
}

func (r *Result) of(callee *ssa.Function) *Fact {
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	if callee.Pkg != nil && callee.Pkg.Pkg == r.pass.Pkg && len(callee.Blocks) > 0 {
		return r.summary(callee)
	}
	if ssabuild.Elided(r.pass, callee) {
		f := &Fact{}
		for i := range callee.Signature.Params().Len() {
			f.Retains = append(f.Retains, i)
		}
		return f
	}
	obj, _ := callee.Object().(*types.Func)
	if obj == nil {
		return nil
	}
	return r.imported[obj]
}

// OfFunc is Of for a function or method named in the syntax: a function
// of this package (its summary) or one the package calls statically (its
// fact); nil when nothing is known.
func (r *Result) OfFunc(obj *types.Func) *Fact {
	r.mu.Lock()
	defer r.mu.Unlock()
	obj = obj.Origin()
	if obj.Pkg() == r.pass.Pkg {
		if fn := r.ssa.Pkg.Prog.FuncValue(obj); fn != nil {
			return r.of(fn)
		}
		return nil
	}
	return r.imported[obj]
}

// ArgIndex converts the index of a call argument of a static callee (a
// method's receiver is argument 0 in SSA) to the index of a signature
// parameter, receiver excluded; false for the receiver.
func ArgIndex(callee *ssa.Function, arg int) (int, bool) {
	if callee.Signature.Recv() != nil {
		return arg - 1, arg > 0
	}
	return arg, true
}
