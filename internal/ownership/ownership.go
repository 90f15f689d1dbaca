// Package ownership is a helper analyzer that says what a function does
// with its parameters beyond using them during the call: whether it
// retains one (stores it in a field, a global, a map or a channel, hands it
// to a goroutine or to a function that retains it) or returns it (or a
// value wrapping it). Passes that ask whether a value outlives the call
// that built it Require it and query its Result.
//
// It is the start of the shared ownership engine of issue 13: the logic is
// unclosed's summaries (retains/returns) over internal/ssaflow, with the
// house convention for parameter indices (the signature's parameters,
// receiver excluded, from 0). unclosed and multipart keep their own engines
// for now; "releases parameter i" is not here yet.
//
// Facts are exported for exported functions and methods of every package
// (a helper that stores an io.Closer need not import any library); the
// Result computes the same summaries on demand for the package's own
// functions, and also answers for whole values built in a function: does
// this value escape the function, and is it released?
package ownership

import (
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/internal/ssaflow"
)

// Analyzer computes ownership facts and the Result.
var Analyzer = &analysis.Analyzer{
	Name:       "ownership",
	Doc:        "helper: which parameters a function retains or returns",
	URL:        "https://pkg.go.dev/github.com/memlint/memlint/internal/ownership",
	Run:        run,
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer},
	FactTypes:  []analysis.Fact{new(Fact)},
	ResultType: reflect.TypeFor[*Result](),
}

// Fact is exported for a function that retains or returns some of its
// parameters. Indices are signature parameters, receiver excluded.
type Fact struct {
	Retains passutil.Params // stored beyond the call, or handed to a goroutine or a retaining callee
	Returns passutil.Params // returned, or stored in a value that is returned
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

func (f *Fact) String() string {
	return passutil.JoinFacts(f.Retains.Format("retains"), f.Returns.Format("returns"))
}

func (f *Fact) empty() bool { return len(f.Retains) == 0 && len(f.Returns) == 0 }

// Result answers ownership questions for the package being analysed.
type Result struct {
	pass       *analysis.Pass
	summaries  map[*ssa.Function]*Fact
	inProgress map[*ssa.Function]bool
	imported   map[*types.Func]*Fact
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{
		pass:       pass,
		summaries:  make(map[*ssa.Function]*Fact),
		inProgress: make(map[*ssa.Function]bool),
		imported:   make(map[*types.Func]*Fact),
	}
	ssaRes := pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA)
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
	// Import the facts of every function the package calls now, while the
	// pass is live; queries made later by dependent analyzers read them.
	for _, fn := range ssaRes.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := call.Common().StaticCallee()
				if callee == nil {
					continue
				}
				if callee.Origin() != nil {
					callee = callee.Origin()
				}
				obj, _ := callee.Object().(*types.Func)
				if obj == nil || obj.Pkg() == pass.Pkg {
					continue
				}
				if _, done := r.imported[obj]; done {
					continue
				}
				var f Fact
				if pass.ImportObjectFact(obj.Origin(), &f) {
					r.imported[obj] = &f
				} else {
					r.imported[obj] = nil
				}
			}
		}
	}
	return r, nil
}

// Of returns what callee does with its parameters (signature indices,
// receiver excluded), or nil when nothing is known.
func (r *Result) Of(callee *ssa.Function) *Fact {
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	if callee.Pkg != nil && callee.Pkg.Pkg == r.pass.Pkg && len(callee.Blocks) > 0 {
		return r.summary(callee)
	}
	obj, _ := callee.Object().(*types.Func)
	if obj == nil {
		return nil
	}
	return r.imported[obj]
}

// Retains reports whether callee retains its parameter i.
func (r *Result) Retains(callee *ssa.Function, i int) bool {
	f := r.Of(callee)
	return f != nil && slices.Contains(f.Retains, i)
}

// Returns reports whether callee returns its parameter i.
func (r *Result) Returns(callee *ssa.Function, i int) bool {
	f := r.Of(callee)
	return f != nil && slices.Contains(f.Returns, i)
}

// Usage is what a function does with a value it holds.
type Usage struct {
	// Escape is the first instruction by which the value may outlive the
	// function (a return, a store beyond its locals, a send, a goroutine,
	// a retaining callee, an unknown function or interface method); nil
	// if none.
	Escape ssa.Instruction
	// Releases are the calls and defers of one of the release methods on
	// the value itself (a helper that releases it does not count yet).
	Releases []ssa.Instruction
	// Values are the aliases of the value within the function.
	Values map[ssa.Value]bool
}

// Uses classifies what fn does with the value held by roots. release
// names its release methods; own is its library's package, whose
// functions and methods only use it. Stores into a local struct make the
// struct stand for the value (&http.Client{Transport: t}).
func (r *Result) Uses(fn *ssa.Function, roots []ssa.Value, release []string, own *types.Package) Usage {
	a := r.analyse(fn, roots, release, own, false)
	u := Usage{Values: a.values}
	if len(a.escapes) > 0 {
		u.Escape = a.escapes[0]
	}
	u.Releases = a.releases
	return u
}

type usage struct {
	escapes  []ssa.Instruction
	releases []ssa.Instruction
	returned bool
	values   map[ssa.Value]bool
}

// analyse is unclosed's use classification, without release paths: in
// summary mode (a parameter) dynamic calls and interface methods are plain
// uses and a return from fn itself is "returns", not an escape.
func (r *Result) analyse(fn *ssa.Function, roots []ssa.Value, release []string, own *types.Package, summary bool) *usage {
	a := &usage{values: make(map[ssa.Value]bool)}
	flow := ssaflow.Track(roots, &ssaflow.Options{
		Follow: func(u ssaflow.Use) []ssa.Value { return r.follow(u, own) },
		Fields: true,
	})
	for v := range flow.Values {
		a.values[v] = true
	}
	escape := func(in ssa.Instruction) { a.escapes = append(a.escapes, in) }
	for _, u := range flow.Uses {
		switch in := u.Instr.(type) {
		case *ssa.Return:
			if summary && in.Parent() == fn {
				a.returned = true
			} else {
				escape(in)
			}
		case *ssa.Store, *ssa.Send, *ssa.MapUpdate, *ssa.Go:
			escape(in)
		case *ssa.MakeClosure:
			if r.closureEscapes(in, summary) {
				escape(in)
			}
		case ssa.CallInstruction:
			switch r.classifyCall(in, flow, release, own, summary) {
			case Release:
				a.releases = append(a.releases, in)
			case Escape:
				escape(in)
			}
		}
	}
	return a
}

// closureEscapes reports whether a closure capturing the value may outlive
// the function: anything but calling or deferring it.
func (r *Result) closureEscapes(mc *ssa.MakeClosure, summary bool) bool {
	cflow := ssaflow.Track([]ssa.Value{mc}, nil)
	for _, u := range cflow.Uses {
		switch in := u.Instr.(type) {
		case *ssa.Go:
			return true
		case ssa.CallInstruction:
			if cflow.Values[in.Common().Value] {
				continue // called or deferred here
			}
			if r.classifyCall(in, cflow, nil, nil, summary) == Escape {
				return true
			}
		case *ssa.Return, *ssa.Store, *ssa.Send, *ssa.MapUpdate, *ssa.MakeClosure:
			return true
		}
	}
	return false
}

// A Kind is what a call does with a tracked value.
type Kind int

const (
	// Use: the call only uses the value.
	Use Kind = iota
	// Release: the call releases the value (one of the release methods,
	// or a helper that releases its parameter).
	Release
	// Escape: the value may outlive the call's caller: a goroutine, an
	// interface method or func value it is passed to (outside a
	// summary), append, or a helper that retains its parameter.
	Escape
)

// ClassifyDirect classifies a call, go or defer using the tracked values
// of flow by what needs no summary of the callee: a go statement, an
// interface method (a release method of the value itself is a release), a
// builtin, a func value, a release method called on the value, a function
// of the value's own library own (a use). In a summary (summary set), a
// value passed to an interface method or a func value is only used. When
// the answer depends on what the static callee does with its parameters,
// decided is false and callee (its generic origin) and obj are returned.
func ClassifyDirect(in ssa.CallInstruction, flow *ssaflow.Flow, release []string, own *types.Package, summary bool) (k Kind, callee *ssa.Function, obj *types.Func, decided bool) {
	if _, ok := in.(*ssa.Go); ok {
		return Escape, nil, nil, true
	}
	common := in.Common()
	if common.IsInvoke() {
		if flow.Tracked(common.Value) {
			if slices.Contains(release, common.Method.Name()) {
				return Release, nil, nil, true
			}
			return Use, nil, nil, true
		}
		if summary {
			return Use, nil, nil, true
		}
		return Escape, nil, nil, true // passed to an interface method
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" {
			return Escape, nil, nil, true
		}
		return Use, nil, nil, true
	}
	callee = common.StaticCallee()
	if callee == nil {
		if summary || flow.Tracked(common.Value) {
			return Use, nil, nil, true
		}
		return Escape, nil, nil, true // passed to a func value
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	obj, _ = callee.Object().(*types.Func)
	recv := callee.Signature.Recv() != nil
	if recv && len(common.Args) > 0 && flow.Tracked(common.Args[0]) && obj != nil && slices.Contains(release, obj.Name()) {
		return Release, nil, nil, true
	}
	if obj != nil && own != nil && obj.Pkg() == own {
		return Use, nil, nil, true // the library's own functions and methods only use it
	}
	return Use, callee, obj, false
}

func (r *Result) classifyCall(in ssa.CallInstruction, flow *ssaflow.Flow, release []string, own *types.Package, summary bool) Kind {
	k, callee, _, decided := ClassifyDirect(in, flow, release, own, summary)
	if decided {
		return k
	}
	f := r.Of(callee)
	if f == nil {
		return Use
	}
	for i, arg := range in.Common().Args {
		if !flow.Tracked(arg) {
			continue
		}
		if p, ok := sigIndex(callee, i); ok && slices.Contains(f.Retains, p) {
			return Escape
		}
	}
	return Use
}

// sigIndex converts the index of a call argument of a static callee to a
// signature parameter index (receiver excluded); false for the receiver.
func sigIndex(callee *ssa.Function, arg int) (int, bool) {
	if callee.Signature.Recv() != nil {
		return arg - 1, arg > 0
	}
	return arg, true
}

// follow returns the aliases a use creates through a callee that returns
// its parameter.
func (r *Result) follow(u ssaflow.Use, own *types.Package) []ssa.Value {
	call, ok := u.Instr.(*ssa.Call)
	if !ok || call.Call.IsInvoke() {
		return nil
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	obj, _ := callee.Object().(*types.Func)
	if obj != nil && own != nil && obj.Pkg() == own {
		return nil
	}
	f := r.Of(callee)
	if f == nil {
		return nil
	}
	for i, arg := range call.Call.Args {
		p, ok := sigIndex(callee, i)
		if arg != u.Val || !ok || !slices.Contains(f.Returns, p) {
			continue
		}
		if _, tuple := call.Type().(*types.Tuple); !tuple {
			return []ssa.Value{call}
		}
		for _, ref := range *call.Referrers() {
			if e, ok := ref.(*ssa.Extract); ok && e.Index == 0 {
				return []ssa.Value{e}
			}
		}
	}
	return nil
}

// summary computes what fn does with its parameters.
func (r *Result) summary(fn *ssa.Function) (f *Fact) {
	if f := r.summaries[fn]; f != nil {
		return f
	}
	if r.inProgress[fn] {
		return &Fact{} // recursion: assume plain use
	}
	r.inProgress[fn] = true
	defer func() {
		delete(r.inProgress, fn)
		if e := recover(); e != nil {
			// A summary refines precision; one odd function (in any
			// dependency) must not break the analysis.
			f = &Fact{}
		}
		r.summaries[fn] = f
	}()
	f = &Fact{}
	if len(fn.Blocks) == 0 {
		return f
	}
	off := 0
	if fn.Signature.Recv() != nil {
		off = 1
	}
	for i, p := range fn.Params {
		if i < off || !MayHold(p.Type()) {
			continue
		}
		a := r.analyse(fn, []ssa.Value{p}, nil, nil, true)
		if len(a.escapes) > 0 {
			f.Retains = append(f.Retains, i-off)
			continue
		}
		if a.returned {
			f.Returns = append(f.Returns, i-off)
		}
	}
	return f
}

// MayHold reports whether a parameter of type t can carry a client or
// another resource, so is worth a summary: not an error, a
// context.Context, nor a type made only of basic types without methods
// ([]byte, *int, map[string]int, a struct of strings). Funcs are kept: a
// closure capturing a client may be passed to one that retains it
// (http.HandleFunc). Summaries of the others would only say that a
// function returns its []byte (bytes.TrimSpace): facts every importing
// package decodes, for nothing. unclosed uses it too.
func MayHold(t types.Type) bool {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil &&
		n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context" {
		return false
	}
	return canHold(t, map[types.Type]bool{})
}

// canHold reports whether a value of type t is, or can refer to, a value
// of a named type with methods (a resource, or an interface holding one)
// or a func. Types already being looked at count as not holding: their
// other parts decide.
func canHold(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if n, ok := types.Unalias(t).(*types.Named); ok && n.NumMethods() > 0 {
		return true // may be the resource itself (a file handle of ints)
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return false
	case *types.Pointer:
		return canHold(u.Elem(), seen)
	case *types.Slice:
		return canHold(u.Elem(), seen)
	case *types.Array:
		return canHold(u.Elem(), seen)
	case *types.Map:
		return canHold(u.Key(), seen) || canHold(u.Elem(), seen)
	case *types.Chan:
		return canHold(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if canHold(u.Field(i).Type(), seen) {
				return true
			}
		}
		return false
	}
	return true // interfaces, type parameters, funcs
}
