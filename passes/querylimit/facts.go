package querylimit

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// limitFact summarises a function for querylimit. Parameter sets follow
// memlint's one convention (passutil.Params: signature parameters,
// receiver excluded); messages take the parameters' names from the
// function's signature.
type limitFact struct {
	// Result is resultBounds when the first (integer) result is bounded on
	// every path (a clamp helper), resultRequest when it is request input
	// with no upper bound (a page-size helper that does not clamp).
	Result uint8
	// Params are the parameters that reach a row bound (LIMIT argument,
	// gorm Limit, SetLimit) with no upper bound.
	Params passutil.Params
	// Cursors are the Params whose bound limits rows the function returns
	// to its caller (a cursor) instead of holding them: a caller is judged
	// by what it does with the rows.
	Cursors passutil.Params
	// ZeroAll and NegAll are the parameters reaching a bound of rows the
	// function holds where 0 (mongo SetLimit) or a negative value (gorm
	// Limit) means no limit, with nothing in the function ruling that
	// value out, whether or not it bounds the other end (gorm
	// Limit(min(n, 100))): a caller passing request input must check that
	// end itself, and its hint asks for both ends.
	ZeroAll passutil.Params
	NegAll  passutil.Params
	// Rows are the parameters holding rows or a cursor whose every row the
	// function accumulates (a scan helper), and RowsWhat how, in the same
	// order ("appended to out").
	Rows     passutil.Params
	RowsWhat []string
	// Unbounded is set on a function of a generated file (sqlc's :many
	// queries) that returns every row of a query with no row bound, rows
	// that grow with the data: "no LIMIT|<belief>". User code calling it is
	// reported at the call.
	Unbounded string
	// RunsQuery is set on a function that runs the SQL text of one of its
	// string parameters, with the arguments of its variadic parameter (if
	// any), and keeps every row as RunsWhat says (go-clean-arch's
	// fetch(ctx, query string, args ...any)): [text] or [text, args].
	// Each call is judged as that query, with the caller's text.
	RunsQuery passutil.Params
	RunsWhat  string
	// ReqFields are the integer fields of the struct the function returns
	// (by value or pointer) that it sets to request input with no upper
	// bound (fathom's GetRequestParams: params.Limit = limit from
	// ?limit=, checked only > 0): a caller's load of such a field is
	// request input.
	ReqFields []string
	// Forwards is the key of the gorm method a pass-through wrapper's
	// method (or an interface method all of whose implementations in its
	// package are such methods) forwards its call to (forward.go): calls
	// of it are read as calls of that gorm method.
	Forwards string
	// Where is the constant condition a wrapper method adds to its
	// receiver's chain with gorm's Where, when Forwards is that Where
	// (statping's func (it *Db) Since(ago time.Time) Database { return
	// it.Where("created_at > ?", it.FormatTime(ago)) }): a chain through
	// the method is judged with that condition, not the caller's
	// arguments (filters in forward.go).
	Where string
	// FreshSession is set on a function that returns, on every path, a new
	// xorm session with nothing added to its statement (vikunja's
	// db.NewSession: s := x.NewSession(); s.Begin(); return s): a chain
	// starting at its call starts at a NewSession. It is also set on a
	// getter of a base *gorm.DB (baseHandle: the gin realworld app's
	// common.GetDB() returns the global that gorm.Open's handle was stored
	// in): a chain starting at its call starts at that handle.
	FreshSession bool
	// Pages is the *gorm.DB parameter of a paging helper (pager in
	// gorm.go), which returns it with only Limit, Offset and Order added
	// and a Limit on some path (PagesEvery: on every path): a chain
	// through its call goes on from the argument, paged on those paths.
	Pages      passutil.Params
	PagesEvery bool
}

const (
	resultNone = iota
	resultBounds
	resultRequest
)

func (*limitFact) AFact() {}

// String prints the fact as every memlint fact prints: a word per kind,
// parameter sets as name(0,2).
func (f *limitFact) String() string {
	var result string
	switch f.Result {
	case resultBounds:
		result = "boundsResult"
	case resultRequest:
		result = "requestInput"
	}
	var unbounded string
	if f.Unbounded != "" {
		unbounded = "unboundedRows"
	}
	var fields string
	if len(f.ReqFields) > 0 {
		fields = "requestFields(" + strings.Join(f.ReqFields, ",") + ")"
	}
	var fwd string
	if f.Forwards != "" {
		fwd = "forwards(" + f.Forwards + ")"
	}
	var where string
	if f.Where != "" {
		where = fmt.Sprintf("where(%q)", f.Where)
	}
	var fresh string
	if f.FreshSession {
		fresh = "freshSession"
	}
	pages := f.Pages.Format("pagesSome")
	if f.PagesEvery {
		pages = f.Pages.Format("pagesEvery")
	}
	return passutil.JoinFacts(result, f.Params.Format("rowBound"), f.Cursors.Format("cursor"), f.ZeroAll.Format("zeroUnbounded"), f.NegAll.Format("negativeUnbounded"), f.Rows.Format("accumulates"), unbounded, f.RunsQuery.Format("runsQuery"), fields, fwd, where, fresh, pages)
}

func (f *limitFact) equal(g *limitFact) bool {
	if f == nil || g == nil {
		return f == g
	}
	return f.Result == g.Result && slices.Equal(f.Params, g.Params) && slices.Equal(f.Cursors, g.Cursors) && slices.Equal(f.ZeroAll, g.ZeroAll) && slices.Equal(f.NegAll, g.NegAll) && slices.Equal(f.Rows, g.Rows) && f.Unbounded == g.Unbounded &&
		slices.Equal(f.RunsQuery, g.RunsQuery) && f.RunsWhat == g.RunsWhat && slices.Equal(f.ReqFields, g.ReqFields) &&
		f.Forwards == g.Forwards && f.Where == g.Where && f.FreshSession == g.FreshSession &&
		slices.Equal(f.Pages, g.Pages) && f.PagesEvery == g.PagesEvery
}

// lowerOf returns what the bound parameter i reaches needs below:
// nonZero or nonNegative when the function leaves that end to its caller.
func (f *limitFact) lowerOf(i int) lowerBound {
	switch {
	case f.NegAll.Has(i):
		return nonNegative
	case f.ZeroAll.Has(i):
		return nonZero
	}
	return anyLower
}

// bounded returns the parameters that reach a row bound, unclamped
// above (Params) or unchecked below (ZeroAll, NegAll), in order.
func (f *limitFact) bounded() []int {
	var ps passutil.Params
	for _, set := range []passutil.Params{f.Params, f.ZeroAll, f.NegAll} {
		for _, i := range set {
			ps = ps.Add(i)
		}
	}
	return ps
}

// paramName returns the name of parameter i of fn (receiver excluded), or
// "param i" when it has none.
func paramName(fn *types.Func, i int) string {
	if sig, ok := fn.Type().(*types.Signature); ok && i < sig.Params().Len() {
		if n := sig.Params().At(i).Name(); n != "" && n != "_" {
			return n
		}
	}
	return fmt.Sprintf("param %d", i)
}

// generatedQueries judges the queries of generated files (sqlc's :many
// methods) like any code, without reporting there: a function that returns
// every row of a query with no bound, rows that grow with the data, gets
// Unbounded in its fact, and user code calling it is reported at the call
// (checkGenerated). It runs once, after the summaries.
func (c *checker) generatedQueries(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, _ := fn.Object().(*types.Func)
		if fn.Blocks == nil || obj == nil || !c.gen[c.pass.Fset.File(fn.Pos())] {
			continue
		}
		c.capture = true
		c.captured = nil
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					c.checkCall(call)
				}
			}
		}
		c.capture = false
		if c.captured == nil {
			continue
		}
		f := &limitFact{}
		if old := c.sums[obj]; old != nil {
			g := *old
			f = &g
		}
		f.Unbounded = c.captured.note + "|" + c.captured.belief
		c.sums[obj] = f
	}
}

// checkGenerated reports a call, in user code, of a generated function
// whose fact says it returns unbounded rows.
func (c *checker) checkGenerated(call *ssa.Call, fn *types.Func) {
	if c.collecting || c.capture {
		return // nothing is reported in these rounds
	}
	f := c.fact(fn)
	if f == nil || f.Unbounded == "" || c.gen[c.pass.Fset.File(call.Pos())] {
		return
	}
	caller := call.Parent()
	if !c.cfg.strict && migration(caller) || c.testCode(caller) {
		return
	}
	note, belief, _ := strings.Cut(f.Unbounded, "|")
	c.reportf(call, "%s returns every row of its generated query (%s); add a LIMIT to the query's SQL and page it %s",
		passutil.FuncName(fn), note, belief)
}

func (c *checker) checkFuncs(funcs []*ssa.Function) {
	c.methods = nil // facts may have changed
	for _, fn := range funcs {
		if fn.Blocks == nil || c.gen[c.pass.Fset.File(fn.Pos())] {
			continue
		}
		c.inTest = c.test[c.pass.Fset.File(fn.Pos())]
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					c.checkCall(call)
				}
			}
		}
	}
	c.inTest = false
}

// fact returns the summary of fn, from this package or a fact.
func (c *checker) fact(fn *types.Func) *limitFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if f, ok := c.sums[fn]; ok {
		return f
	}
	if fn.Pkg() == c.pass.Pkg {
		return nil
	}
	var f limitFact
	if c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// summarize computes the fact of fn, or nil.
func (c *checker) summarize(fn *ssa.Function) *limitFact {
	f := &limitFact{Result: c.summarizeResult(fn)}
	params := fn.Signature.Params()
	for i := range params.Len() {
		t := params.At(i).Type()
		if !isRows(t) && apimatch.TypeKey(t) != mongoPkg+".Cursor" {
			continue
		}
		j := i
		if fn.Signature.Recv() != nil {
			j++
		}
		if j >= len(fn.Params) {
			continue
		}
		if acc := c.accumulationOf(fn.Params[j]); acc != nil {
			f.Rows = append(f.Rows, i)
			f.RowsWhat = append(f.RowsWhat, acc.what)
		}
	}
	f.RunsQuery, f.RunsWhat = c.runsQuery(fn)
	f.ReqFields = c.requestFields(fn)
	f.Forwards = forwards(fn)
	if f.Forwards == "" {
		f.Forwards, f.Where = c.filters(fn)
	}
	f.FreshSession = c.freshSession(fn) || baseHandle(fn)
	if p, every, ok := pager(fn); ok {
		f.Pages, f.PagesEvery = passutil.Params{p}, every
	}
	if f.Result == resultNone && len(f.Rows) == 0 && len(f.RunsQuery) == 0 && len(f.ReqFields) == 0 && f.Forwards == "" && !f.FreshSession && len(f.Pages) == 0 {
		return nil
	}
	return f
}

// runsQuery returns the parameters of fn (signature indexes) that a query
// call of fn takes as its text and its variadic arguments, when the call
// keeps every row (a fetch helper), and how it keeps them.
func (c *checker) runsQuery(fn *ssa.Function) (passutil.Params, string) {
	off := 0
	if fn.Signature.Recv() != nil {
		off = 1
	}
	direct := func(v ssa.Value) int {
		p, ok := v.(*ssa.Parameter)
		if !ok {
			return -1
		}
		for i, q := range fn.Params {
			if q == p && i >= off {
				return i - off
			}
		}
		return -1
	}
	param := func(v ssa.Value) int {
		if i := paramThrough(v, direct, map[ssa.Value]bool{}, 0); i >= 0 {
			return i
		}
		return -1
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			common := call.Common()
			sig := common.Signature()
			args := callArgs(common)
			if sig.Results().Len() != 2 || !isRows(sig.Results().At(0).Type()) || len(args) != sig.Params().Len() {
				continue
			}
			q := stringParam(common)
			if q < 0 {
				continue
			}
			text := param(args[q])
			if text < 0 {
				continue
			}
			ps := passutil.Params{text}
			if sig.Variadic() {
				a := param(args[len(args)-1])
				if a < 0 || !fn.Signature.Variadic() || a != fn.Signature.Params().Len()-1 {
					continue // arguments of its own: the caller's are not the query's
				}
				ps = ps.Add(a)
			}
			if acc := c.rowsAccumulation(call); acc != nil {
				return ps, acc.what
			}
		}
	}
	return nil, ""
}

// paramThrough returns the parameter (by direct) v is, seen through a
// variable a closure captures (the parameter stored in its cell, loaded
// at the use), phis and calls with that parameter as their only argument
// besides a receiver, returning a string (fider's dbx: command =
// formatter.Replace(command) when debug logging is on, and a deferred
// log closure captures command): each value stored or merged must be the
// same parameter; -1 if not (-2 for a value already being resolved,
// which adds nothing).
func paramThrough(v ssa.Value, direct func(ssa.Value) int, seen map[ssa.Value]bool, depth int) int {
	if depth > 8 {
		return -1
	}
	if i := direct(v); i >= 0 {
		return i
	}
	if seen[v] {
		return -2
	}
	seen[v] = true
	same := func(vs []ssa.Value) int {
		p := -2
		for _, e := range vs {
			switch i := paramThrough(e, direct, seen, depth+1); {
			case i == -2:
			case i < 0 || p >= 0 && i != p:
				return -1
			default:
				p = i
			}
		}
		return p
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		cell, ok := x.X.(*ssa.Alloc)
		if x.Op != token.MUL || !ok || cell.Referrers() == nil {
			return -1
		}
		var stored []ssa.Value
		for _, r := range *cell.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr != cell {
					return -1
				}
				stored = append(stored, r.Val)
			case *ssa.MakeClosure:
				if writes(r, cell) {
					return -1
				}
			case *ssa.UnOp, *ssa.DebugRef:
				// loads
			default:
				return -1 // its address escapes: it may be set elsewhere
			}
		}
		if len(stored) == 0 {
			return -1
		}
		return same(stored)
	case *ssa.Phi:
		return same(x.Edges)
	case *ssa.Call:
		if x.Call.IsInvoke() || !types.Identical(x.Type().Underlying(), types.Typ[types.String]) {
			return -1
		}
		args := x.Call.Args
		if fn := x.Call.StaticCallee(); fn != nil && fn.Signature.Recv() != nil && len(args) > 0 {
			args = args[1:]
		}
		if len(args) != 1 {
			return -1
		}
		return paramThrough(args[0], direct, seen, depth+1)
	}
	return -1
}

// writes reports whether the closure mc stores to the captured cell
// (only reads, as a deferred logger's, keep the cell's values known).
func writes(mc *ssa.MakeClosure, cell ssa.Value) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return true
	}
	for i, b := range mc.Bindings {
		if b != cell || i >= len(fn.FreeVars) || fn.FreeVars[i].Referrers() == nil {
			continue
		}
		for _, r := range *fn.FreeVars[i].Referrers() {
			switch r.(type) {
			case *ssa.UnOp, *ssa.DebugRef:
			default:
				return true
			}
		}
	}
	return false
}

// requestFields returns the integer fields of the struct fn returns that
// it sets to request input with no upper bound: fn returns, on every
// return with a result, one struct it allocates (return *p or return p,
// p a local or new struct), and a store of an unclamped request value
// into a field of it (params.Limit = limit) names that field. A parser of
// the request's parameters into a struct is how services pass a page
// size on (fathom's GetRequestParams).
func (c *checker) requestFields(fn *ssa.Function) []string {
	res := fn.Signature.Results()
	if res.Len() == 0 || res.Len() > 2 || fn.Object() == nil {
		return nil
	}
	t := res.At(0).Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var alloc *ssa.Alloc
	for _, b := range fn.Blocks {
		r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(r.Results) == 0 {
			continue
		}
		v := r.Results[0]
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			v = u.X
		}
		a, ok := v.(*ssa.Alloc)
		if !ok || alloc != nil && a != alloc {
			return nil
		}
		alloc = a
	}
	if alloc == nil || alloc.Referrers() == nil {
		return nil
	}
	var fields []string
	for _, r := range *alloc.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != alloc || !isInteger(st.Field(fa.Field).Type()) || slices.Contains(fields, st.Field(fa.Field).Name()) {
			continue
		}
		for _, rr := range *fa.Referrers() {
			if store, ok := rr.(*ssa.Store); ok && store.Addr == fa && c.unclamped(store.Val, store.Block(), store, anyLower) != "" {
				fields = append(fields, st.Field(fa.Field).Name())
				break
			}
		}
	}
	return fields
}

// requestField returns how messages name v when it is a field, listed
// in the fact of the function returning its struct, that holds request
// input (params.Limit, params from GetRequestParams(r)), or "".
func (c *checker) requestField(v ssa.Value) string {
	var base ssa.Value
	var field int
	switch x := v.(type) {
	case *ssa.Field:
		base, field = x.X, x.Field
	case *ssa.UnOp:
		fa, ok := x.X.(*ssa.FieldAddr)
		if !ok || x.Op != token.MUL {
			return ""
		}
		base, field = fa.X, fa.Field
		if a, ok := base.(*ssa.Alloc); ok {
			// params := parse(r) kept in a local: its one store.
			base = nil
			for _, r := range *a.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == a {
					if base != nil {
						return ""
					}
					base = st.Val
				}
			}
		}
	default:
		return ""
	}
	if e, ok := base.(*ssa.Extract); ok && e.Index == 0 {
		base = e.Tuple
	}
	call, ok := base.(*ssa.Call)
	if !ok {
		return ""
	}
	fn := apimatch.SSACallee(call.Common())
	f := c.fact(fn)
	if f == nil || len(f.ReqFields) == 0 {
		return ""
	}
	t := call.Type()
	if tup, ok := t.(*types.Tuple); ok {
		t = tup.At(0).Type()
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || field >= st.NumFields() || !slices.Contains(f.ReqFields, st.Field(field).Name()) {
		return ""
	}
	return fn.Name() + "(...)." + st.Field(field).Name()
}

// summarizeResult summarises an integer first result.
func (c *checker) summarizeResult(fn *ssa.Function) uint8 {
	res := fn.Signature.Results()
	if res.Len() == 0 || res.Len() > 2 || !isInteger(res.At(0).Type()) {
		return resultNone
	}
	var rets []*ssa.Return
	for _, b := range fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(r.Results) > 0 {
			rets = append(rets, r)
		}
	}
	if len(rets) == 0 {
		return resultNone
	}
	allConst, bounded := true, true
	for _, r := range rets {
		v := r.Results[0]
		if src := c.unclamped(v, r.Block(), nil, anyLower); src != "" {
			return resultRequest
		}
		if _, ok := constInt(v); !ok {
			allConst = false
		}
		if !c.bounded(v, r.Block(), nil) {
			bounded = false
		}
	}
	if bounded && !allConst {
		return resultBounds
	}
	return resultNone
}

func isUnsigned(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsUnsigned != 0
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
