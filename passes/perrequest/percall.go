package perrequest

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/hotpath"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/resources"
	"github.com/memlint/memlint/internal/ssabuild"
)

// Per-call builders: a function that builds a client, uses it and drops
// it (remark42's downloadImage builds a Transport for each image it
// fetches; homebox's forwardToOTLP dials a gRPC connection for each
// export) builds one at each call. A call of such a function per request
// is reported like the constructor itself: at the constructor when it is
// in the caller's package, else at the call.

// perCallFact marks a function that builds a client on every call and
// keeps it nowhere.
type perCallFact struct {
	Ctor  string // "safehttp.Transport, which builds &http.Transport{}"
	Typ   string // the client's type: "http.Transport"
	Costs string // what each client sets up
	At    string // where it is built ("image.go:214"), for other packages' messages
}

func (*perCallFact) AFact() {}

func (f *perCallFact) String() string { return "perCall(" + f.Ctor + ")" }

// A perCall is a per-call builder's fact and, when the constructor is in
// this package, its position.
type perCall struct {
	fact *perCallFact
	pos  token.Pos
}

// perCallOfCallee returns the per-call fact of the function a call
// invokes, or nil.
func (c *checker) perCallOfCallee(call *ssa.CallCommon) *perCall {
	if call.IsInvoke() {
		return nil
	}
	fn := call.StaticCallee()
	if fn == nil {
		return nil
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if fn.Pkg != nil && fn.Pkg.Pkg == c.pass.Pkg {
		return c.perCallOf(fn)
	}
	if fn.Object() == nil || ssabuild.Elided(c.pass, fn) {
		return nil
	}
	var f perCallFact
	if c.pass.ImportObjectFact(fn.Object(), &f) {
		return &perCall{fact: &f}
	}
	return nil
}

// perCallOf memoizes perCallsOf for the functions of this package.
func (c *checker) perCallOf(fn *ssa.Function) *perCall {
	if p, ok := c.perCalls[fn]; ok {
		return p
	}
	c.perCalls[fn] = nil // recursion: not one
	p := c.perCallsOf(fn)
	c.perCalls[fn] = p
	return p
}

// perCallsOf returns the per-call fact of fn: a named function, not a
// handler, a builder, test or generated code, that outside any loop
// builds a client (a constructor, a client literal, a builder's call, or
// a call of a per-call builder) that it neither keeps nor returns, and
// that is closed or that unclosed does not track (a tracked client never
// closed is unclosed's finding).
func (c *checker) perCallsOf(fn *ssa.Function) *perCall {
	obj, _ := fn.Object().(*types.Func)
	if fn.Parent() != nil || fn.Synthetic != "" || obj == nil || c.skipFile(fn.Pos()) ||
		httpapi.OnRequestPath(obj) || c.builderOf(fn) != nil {
		return nil
	}
	if fn.Name() == "main" || fn.Name() == "init" {
		return nil
	}
	for _, b := range fn.Blocks {
		if !everyCall(fn, b) {
			continue
		}
		for _, instr := range b.Instrs {
			cur, ok := c.nodes[instr.Pos()]
			if !ok || hotpath.Of(c.pass.TypesInfo, cur).Kind != hotpath.Cold || lazyInit(c.pass.TypesInfo, cur) {
				continue
			}
			if call, ok := instr.(*ssa.Call); ok {
				if p := c.perCallOfCallee(&call.Call); p != nil {
					if !p.pos.IsValid() {
						p = &perCall{fact: p.fact, pos: instr.Pos()}
					}
					return p
				}
			}
			cr := c.creationOf(instr)
			if cr == nil || cr.root == nil || cr.call != nil && perCallerCredentials(cr.call) {
				continue
			}
			u := c.own.Analyse(fn, []ssa.Value{cr.root}, ownership.Query{Release: cr.client.Release, Own: cr.own, Fields: true})
			if u.Escape != nil {
				continue
			}
			if len(u.Releases) == 0 && len(cr.client.Release) > 0 && resources.TrackedByUnclosed(cr.key, cr.literal) {
				continue
			}
			pos := instr.Pos() // the key of c.nodes
			if cr.built != nil && cr.builtAt.IsValid() {
				pos = cr.builtAt
			}
			return &perCall{
				fact: &perCallFact{Ctor: strings.TrimSuffix(cr.ctor, ","), Typ: cr.typ, Costs: cr.client.Costs,
					At: passutil.ShortPos(c.pass.Fset, pos)},
				pos: pos,
			}
		}
	}
	return nil
}

// checkPerCall reports a call of a per-call builder made per request.
func (c *checker) checkPerCall(fn *ssa.Function, call *ssa.Call, p *perCall) {
	cur, ok := c.nodes[call.Pos()]
	if !ok {
		return
	}
	h := c.hot(cur)
	if !c.reportable(cur, h) {
		return
	}
	inLoop := ""
	if h.Kind != hotpath.PerRequest {
		var ok bool
		if h, ok = c.requestAround(cur, h); !ok {
			return // in a loop off the request path: each item may carry its own configuration
		}
		inLoop = " in a loop"
	}
	reachedFn, via := c.reachedAt(cur, h)
	callee := apimatch.SSACallee(&call.Call)
	if callee == nil {
		return
	}
	name := funcName(callee)
	f := p.fact
	ctor := f.Ctor
	if strings.Contains(ctor, ", which builds ") {
		ctor += ","
	}
	if at, ok := c.nodes[p.pos]; ok && p.pos.IsValid() {
		if c.perCallReported[p.pos] {
			return
		}
		c.perCallReported[p.pos] = true
		node := at.Node()
		who := "a handler calls per request"
		switch {
		case c.roundTrip(h.Region):
			who = "RoundTrip calls for every request the client sends"
		case via != nil:
			who = "is called per request in " + via.phrase(funcName(reachedFn))
		}
		who += inLoop
		passutil.Report(c.pass, analysis.Diagnostic{
			Pos: node.Pos(), End: node.End(),
			Message: fmt.Sprintf("%s from %s is built on every call of %s, which %s (%s each time); build it once at startup and pass it in",
				f.Typ, ctor, name, who, f.Costs),
			Related: []analysis.RelatedInformation{{Pos: cur.Node().Pos(), End: cur.Node().End(), Message: "called per request here"}},
		})
		return
	}
	node := cur.Node()
	where := "per request"
	if c.roundTrip(h.Region) {
		where = "for every request RoundTrip sends"
	}
	where += " here" + inLoop
	if via != nil {
		where += ", in " + via.phrase(funcName(reachedFn)) + ","
	}
	passutil.Report(c.pass, analysis.Diagnostic{
		Pos: node.Pos(), End: node.End(),
		Message: fmt.Sprintf("%s builds %s from %s on every call (%s), and is called %s (%s each time); build it once at startup and pass it in",
			name, f.Typ, ctor, f.At, where, f.Costs),
	})
}

// lazyInit reports whether cur is inside the body of an if statement that
// tests a field or package variable against nil and assigns it there (if
// c.httpClient == nil { c.httpClient = ... }): what is built there is
// built once and kept (gatus' getHTTPClient), not on every call. A local
// variable (tr := p.Transport; if tr == nil { tr = newTransport() }) is
// chosen per call and does not count.
func lazyInit(info *types.Info, cur inspector.Cursor) bool {
	for p := range cur.Enclosing() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if n.Body.Pos() > cur.Node().Pos() || cur.Node().End() > n.Body.End() {
				continue // in the condition or the else branch
			}
			be, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
			if !ok || be.Op != token.EQL {
				continue
			}
			x := be.X
			if id, isNil := ast.Unparen(be.X).(*ast.Ident); isNil && id.Name == "nil" {
				x = be.Y
			} else if id, isNil := ast.Unparen(be.Y).(*ast.Ident); !isNil || id.Name != "nil" {
				continue
			}
			switch x := ast.Unparen(x).(type) {
			case *ast.SelectorExpr: // c.httpClient
			case *ast.Ident: // a package variable; a local one is chosen per call
				v, _ := info.Uses[x].(*types.Var)
				if v == nil || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
					continue
				}
			default:
				continue
			}
			want := types.ExprString(x)
			assigned := false
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if as, ok := m.(*ast.AssignStmt); ok {
					for _, l := range as.Lhs {
						if types.ExprString(l) == want {
							assigned = true
						}
					}
				}
				return !assigned
			})
			if assigned {
				return true
			}
		}
	}
	return false
}

// everyCall reports whether block b of fn runs on every call that
// returns normally: b dominates every return but those that return a
// non-nil error, or b is the branch of a nil check that sets a default
// (if transport == nil { transport = safehttp.Transport() }: remark42's
// downloadImage, whose field is nil in production). A client built only
// under another condition (minio's env.LookupEnv, which fetches a value
// over HTTP only when it starts with env://) is not built per call.
//
// In a function with a defer, go/ssa stores what a return statement
// returns in result variables, runs the defers and returns the variables'
// values: what it returns is what its block stored in the error result
// (or, for a block that stores none, each block jumping to it). Reading
// only the returned load made every return of such a function look like a
// non-nil error, so a client built on one path only was taken as built on
// every call.
func everyCall(fn *ssa.Function, b *ssa.BasicBlock) bool {
	for _, rb := range fn.Blocks {
		ret, ok := rb.Instrs[len(rb.Instrs)-1].(*ssa.Return)
		if !ok || rb == fn.Recover {
			continue
		}
		errv := lastErrorResult(fn, ret)
		slot := resultSlot(errv)
		if slot != nil {
			if v := storedIn(rb, slot); v != nil {
				errv, slot = v, nil // the return statement's own block
			}
		}
		if slot == nil {
			if b.Dominates(rb) || errorValue(errv) {
				continue
			}
			return nilDefault(b)
		}
		for _, pred := range rb.Preds {
			if b.Dominates(pred) || errorValue(storedIn(pred, slot)) {
				continue
			}
			return nilDefault(b)
		}
	}
	return true
}

// lastErrorResult returns what ret returns as fn's last result when that
// is of type error, nil otherwise.
func lastErrorResult(fn *ssa.Function, ret *ssa.Return) ssa.Value {
	res := fn.Signature.Results()
	if res.Len() == 0 || len(ret.Results) != res.Len() {
		return nil
	}
	if !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	return ret.Results[len(ret.Results)-1]
}

// resultSlot returns the variable v is loaded from when v is a load of a
// local (a result variable of a function with defers), nil otherwise.
func resultSlot(v ssa.Value) *ssa.Alloc {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil
	}
	slot, _ := ld.X.(*ssa.Alloc)
	return slot
}

// storedIn returns the last value block b stores in slot, nil if none.
func storedIn(b *ssa.BasicBlock, slot *ssa.Alloc) ssa.Value {
	for i := len(b.Instrs) - 1; i >= 0; i-- {
		if st, ok := b.Instrs[i].(*ssa.Store); ok && st.Addr == ssa.Value(slot) {
			return st.Val
		}
	}
	return nil
}

// errorValue reports whether v, an error result, may be a non-nil error:
// any value but the constant nil. A result not known (nil) is not one.
func errorValue(v ssa.Value) bool {
	if v == nil {
		return false
	}
	k, isConst := v.(*ssa.Const)
	return !isConst || !k.IsNil()
}

// nilDefault reports whether b is entered only from the true branch of an
// if on x == nil (or the false one of x != nil).
func nilDefault(b *ssa.BasicBlock) bool {
	idom := b.Idom()
	if idom == nil || len(idom.Instrs) == 0 {
		return false
	}
	ifi, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return false
	}
	isNil := func(v ssa.Value) bool { k, ok := v.(*ssa.Const); return ok && k.IsNil() }
	if !isNil(cmp.X) && !isNil(cmp.Y) {
		return false
	}
	succ := 0 // the branch taken when the value is nil
	if cmp.Op == token.NEQ {
		succ = 1
	}
	return idom.Succs[succ].Dominates(b) && !idom.Succs[1-succ].Dominates(b)
}
