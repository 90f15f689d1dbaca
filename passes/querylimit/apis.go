package querylimit

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/rowsource"
)

// isInput reports whether fn returns client-controlled request input:
// a query, form or path parameter accessor of any framework, or a getter
// of a gRPC request message (internal/httpapi).
func isInput(fn *types.Func) bool {
	_, ok := httpapi.Input(fn)
	return ok
}

// requestRead describes v when it reads client input without a call: an
// element of a request-input map (mux.Vars(r)["limit"]), a field of a
// gRPC request message (req.PageSize) or a GraphQL argument (gqlRead);
// "" otherwise.
func (c *checker) requestRead(v ssa.Value) string {
	if src := c.gqlRead(v); src != "" {
		return src
	}
	if src := c.requestField(v); src != "" {
		return src
	}
	if src := boundField(v); src != "" {
		return src
	}
	switch x := v.(type) {
	case *ssa.Extract:
		if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 0 {
			return c.requestRead(l) // n, ok := vars["limit"]
		}
	case *ssa.Lookup:
		if call, ok := x.X.(*ssa.Call); ok && isInput(apimatch.SSACallee(call.Common())) {
			if ix, ok := c.index[x.Pos()]; ok {
				return types.ExprString(ix)
			}
			return c.describe(call)
		}
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL && httpapi.IsRequestMessage(fa.X.Type()) {
			st := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
			if p, ok := fa.X.(*ssa.Parameter); ok {
				return p.Name() + "." + st.Field(fa.Field).Name()
			}
			return "request message field " + st.Field(fa.Field).Name()
		}
	}
	return ""
}

// passthrough returns the argument a call of one of the passthroughs
// returns in another form, or nil.
func passthrough(common *ssa.CallCommon) ssa.Value {
	if passthroughs[apimatch.Key(apimatch.SSACallee(common))] {
		return common.Args[0]
	}
	return nil
}

// callArgs returns a call's arguments without the receiver.
func callArgs(common *ssa.CallCommon) []ssa.Value {
	if !common.IsInvoke() && common.Signature().Recv() != nil && len(common.Args) > 0 {
		return common.Args[1:]
	}
	return common.Args
}

// recv returns the receiver of a method call, or nil.
func recv(common *ssa.CallCommon) ssa.Value {
	if common.IsInvoke() {
		return common.Value
	}
	if common.Signature().Recv() != nil && len(common.Args) > 0 {
		return common.Args[0]
	}
	return nil
}

func isRows(t types.Type) bool {
	return rowsTypes[apimatch.TypeKey(t)]
}

func (c *checker) checkCall(call *ssa.Call) {
	common := call.Common()
	fn := apimatch.SSACallee(common)
	key, via := c.calleeKey(fn)
	args := callArgs(common)
	sig := common.Signature()
	c.checkGenerated(call, fn)

	switch {
	case squirrelRuns[key]:
		// rows, err := b.Query(): the text the builder writes.
		c.checkSQL(call, common.Args[0], nil, c.rowsAccumulation(call))
		return
	case preparedQueries[key]:
		// The query text is the one given to Prepare, in this function or
		// into the struct field the statement is loaded from.
		if len(args) == 0 {
			return
		}
		if q := c.preparedText(recv(common)); q != nil {
			c.checkSQL(call, q, args[len(args)-1], c.rowsAccumulation(call))
		}
		return
	case sig.Results().Len() == 2 && isRows(sig.Results().At(0).Type()) && stringParam(common) >= 0:
		// A query (or a DBTX wrapper of one); a function returning rows
		// without a query text is judged by its facts below.
		q := stringParam(common)
		if q < 0 || len(args) != sig.Params().Len() {
			return
		}
		var argsv ssa.Value // nil: arguments not positional (sqlx NamedQuery)
		if sig.Variadic() {
			argsv = args[len(args)-1]
		}
		c.checkSQL(call, args[q], argsv, c.rowsAccumulation(call))
		return
	}
	if f := c.fact(fn); f != nil && len(f.RunsQuery) > 0 && f.RunsQuery[0] < len(args) && !common.IsInvoke() {
		// m.fetch(ctx, query, cursor, num): the helper runs the text
		// and arguments given here, and keeps every row.
		var argsv ssa.Value
		if len(f.RunsQuery) > 1 && f.RunsQuery[1] < len(args) {
			argsv = args[f.RunsQuery[1]]
		}
		c.checkSQL(call, args[f.RunsQuery[0]], argsv, &accum{what: f.RunsWhat + " in " + shortName(fn), pos: call.Pos()})
		return
	}
	if idx, ok := sqlxFinders[key]; ok && len(args) > idx[1] {
		dest := args[idx[0]]
		if !pointsToSlice(dest) {
			return
		}
		acc := &accum{what: "read into " + c.name(dest) + " by sqlx Select", pos: call.Pos()}
		c.checkSQL(call, args[idx[1]], args[len(args)-1], acc)
		return
	}
	if l, ok := limiters[key]; ok && len(args) > 0 {
		if l.name == "gorm Limit" && subqueryOnly(call) {
			return // the database reads the bounded rows, none reach Go
		}
		if l.name == "gorm Limit" && c.chainedAfterFinisher(call) {
			return // bounds nothing: reported at the finisher (lateLimit)
		}
		c.checkBound(call, args[0], l.name+via, func(n int64) string { return fmt.Sprintf("%s(%d)%s", l.name, n, via) }, l.lower, "")
		return
	}
	if fn != nil && rowsource.EntQuery(fn) != "" && !common.IsInvoke() {
		switch {
		case rowsource.EntReads[fn.Name()]:
			c.checkEnt(call, fn.Name())
		case fn.Name() == "Limit" && len(args) == 1:
			c.checkBound(call, args[0], "ent Limit", func(n int64) string { return fmt.Sprintf("ent Limit(%d)", n) }, anyLower, "")
		}
		return
	}
	if m := xormMethod(fn); (m == "Iterate" || m == "Rows") && len(args) > 0 {
		c.streamedName(c.tableName(args[0], snake)) // x.Iterate(new(chunk), fn)
		return
	}
	if gormMethod(key) == "FindInBatches" && len(args) > 0 {
		c.streamedName(c.tableName(args[0], gormName))
		return
	}
	if m := xormMethod(fn); xormFinds[m] {
		c.checkXorm(call, m, args)
		return
	}
	if m := gormMethod(key); m != "" && len(args) > 0 {
		if f, ok := gormFinders[m]; ok && (f.args == 0 || len(args) == f.args) {
			c.checkGorm(call, m, via, args[f.dest], args)
		}
		return
	}
	switch {
	case mongoFinders[key]:
		c.checkMongo(call, args)
	default:
		// A function that passes a parameter to a row bound, called
		// directly or through an interface one of its implementations
		// satisfies (a repository behind an interface).
		f := c.fact(fn)
		if f == nil && common.IsInvoke() {
			f = c.implFact(common.Value.Type(), fn)
		}
		if f == nil {
			return
		}
		var acc *accum // how this caller holds a returned cursor's rows
		if len(f.Cursors) > 0 {
			acc = c.rowsAccumulation(call)
		}
		for _, i := range f.bounded() {
			if i >= len(args) {
				continue
			}
			name, callee := paramName(fn, i), shortName(fn)
			if !f.Params.Has(i) {
				// The callee bounds it above but leaves the low end to
				// its callers.
				c.checkLower(call, args[i], fmt.Sprintf("%s's %s (a row bound)", callee, name), f.lowerOf(i), c.bothEnds())
				continue
			}
			held := ""
			if f.Cursors.Has(i) {
				// The callee returns the rows: they are held only if this
				// caller accumulates them; returned again, its caller is
				// judged.
				switch {
				case acc != nil:
					held = acc.what
				case returnsRows(call):
					c.cursorBound(call, args[i])
					continue
				default:
					continue
				}
			}
			c.checkBound(call, args[i], fmt.Sprintf("%s's %s (a row bound)", callee, name),
				func(n int64) string { return fmt.Sprintf("%s %s = %d", callee, name, n) }, f.lowerOf(i), held)
		}
	}
}

// implFact returns the row-bound fact of a method named like m of a type
// that implements iface, from this package or a dependency, or nil. A
// parameter counts only when every implementation in the interface's
// package and in the implementing packages passes it to a row bound:
// juicefs' ObjectStorage.List(..., limit int64, ...) is an SQL LIMIT in
// its SQL store and a listing's page size in the other stores beside it.
func (c *checker) implFact(iface types.Type, m *types.Func) *limitFact {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok || m == nil {
		return nil
	}
	if c.methods == nil {
		c.methods = map[string][]*types.Func{}
		add := func(fn *types.Func, f *limitFact) {
			if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && f != nil && len(f.bounded()) > 0 {
				c.methods[fn.Name()] = append(c.methods[fn.Name()], fn)
			}
		}
		for _, of := range c.pass.AllObjectFacts() {
			if fn, ok := of.Object.(*types.Func); ok {
				f, _ := of.Fact.(*limitFact)
				add(fn, f)
			}
		}
		for fn, f := range c.sums {
			add(fn, f)
		}
		for _, fns := range c.methods {
			slices.SortFunc(fns, func(a, b *types.Func) int { return strings.Compare(a.FullName(), b.FullName()) })
		}
	}
	var best *limitFact
	for _, fn := range c.methods[m.Name()] {
		recv := fn.Type().(*types.Signature).Recv().Type()
		if !types.Implements(recv, it) {
			continue
		}
		if !types.Identical(fn.Type().(*types.Signature).Params(), m.Type().(*types.Signature).Params()) {
			continue
		}
		if f := c.fact(fn); f != nil && (best == nil || len(f.Params) > len(best.Params)) {
			best = f
		}
	}
	if best == nil {
		return nil
	}
	return c.everyImpl(iface, it, m, best)
}

// everyImpl narrows f, the fact of one implementation of the method m of
// iface (the interface it), to the parameters every implementation in the
// interface's package and in f's implementers' packages passes to a row
// bound; nil when none is left.
func (c *checker) everyImpl(iface types.Type, it *types.Interface, m *types.Func, f *limitFact) *limitFact {
	pkgs := map[*types.Package]bool{}
	if n, ok := types.Unalias(iface).(*types.Named); ok && n.Obj().Pkg() != nil {
		pkgs[n.Obj().Pkg()] = true
	}
	for _, fn := range c.methods[m.Name()] {
		if recv := fn.Type().(*types.Signature).Recv().Type(); types.Implements(recv, it) && fn.Pkg() != nil {
			pkgs[fn.Pkg()] = true
		}
	}
	params, cursors, zero, neg := f.Params, f.Cursors, f.ZeroAll, f.NegAll
	for pkg := range pkgs {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			if n, ok := tn.Type().(*types.Named); !ok || n.TypeParams().Len() > 0 {
				continue // generic: which instance implements it is not known here
			}
			var recv types.Type = types.NewPointer(tn.Type())
			if !types.Implements(recv, it) {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(recv, true, m.Pkg(), m.Name())
			impl, ok := obj.(*types.Func)
			if !ok {
				continue
			}
			g := c.fact(impl)
			if g == nil {
				return nil // an implementation that bounds no rows with it
			}
			params = slices.DeleteFunc(slices.Clone(params), func(i int) bool { return !g.Params.Has(i) })
			cursors = slices.DeleteFunc(slices.Clone(cursors), func(i int) bool { return !g.Params.Has(i) })
			zero = slices.DeleteFunc(slices.Clone(zero), func(i int) bool { return !g.ZeroAll.Has(i) && !g.NegAll.Has(i) })
			neg = slices.DeleteFunc(slices.Clone(neg), func(i int) bool { return !g.NegAll.Has(i) })
		}
	}
	if len(params) == 0 && len(zero) == 0 && len(neg) == 0 {
		return nil
	}
	if len(params) == len(f.Params) && len(zero) == len(f.ZeroAll) && len(neg) == len(f.NegAll) {
		return f
	}
	narrowed := *f
	narrowed.Params, narrowed.Cursors, narrowed.ZeroAll, narrowed.NegAll = params, cursors, zero, neg
	return &narrowed
}

// paramMark marks a parameter reached by unclamped while collecting.
const paramMark = "\x00param"

// paramIndex returns the index of p among its function's parameters
// (receiver excluded), or -1 for a receiver or a closure's parameter.
func paramIndex(p *ssa.Parameter) int {
	fn := p.Parent()
	if fn.Object() == nil {
		return -1
	}
	i := slices.Index(fn.Params, p)
	if fn.Signature.Recv() != nil {
		i--
	}
	return i
}

// shortName returns "pkg.Func" or "Type.Method".
func shortName(fn *types.Func) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// stringParam returns the index of the first string parameter, or -1.
func stringParam(common *ssa.CallCommon) int {
	params := common.Signature().Params()
	for i := range params.Len() {
		if b, ok := params.At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			return i
		}
	}
	return -1
}

func pointsToSlice(v ssa.Value) bool {
	v = unwrap(v)
	p, ok := v.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Slice)
	return ok
}

// unwrap strips interface conversions and numeric conversions.
func unwrap(v ssa.Value) ssa.Value {
	for range 8 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
	return v
}

// name returns a short name for the variable v points to or holds.
func (c *checker) name(v ssa.Value) string {
	v = unwrap(v)
	switch x := v.(type) {
	case *ssa.Alloc:
		if x.Comment != "" {
			return x.Comment
		}
	case *ssa.Phi:
		if x.Comment != "" {
			return x.Comment
		}
	case *ssa.FieldAddr:
		return fieldName(x.X.Type(), x.Field)
	case *ssa.Global:
		return x.Name()
	case *ssa.Parameter:
		return x.Name()
	case *ssa.FreeVar:
		return x.Name()
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return c.name(x.X)
		}
	}
	return "a slice"
}

func fieldName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return "a field"
}

// gormMethod returns the method name if key is a method of *gorm.DB, v2
// (gorm.io/gorm) or v1 (github.com/jinzhu/gorm), or "".
func gormMethod(key string) string {
	for _, pkg := range []string{gormPkg, gorm1Pkg} {
		if m, ok := strings.CutPrefix(key, "(*"+pkg+".DB)."); ok {
			return m
		}
	}
	return ""
}

// isGormDB reports whether t is *gorm.DB's DB of either version.
func isGormDB(t types.Type) bool {
	k := apimatch.TypeKey(t)
	return k == gormPkg+".DB" || k == gorm1Pkg+".DB"
}

// boundField describes v when it loads an integer field of a struct that
// a framework binder fills from the request (var req ListReq;
// c.ShouldBindQuery(&req); ... req.PageSize): "req.PageSize bound by
// gin ShouldBindQuery". A field whose struct tag caps it (max=, lte=,
// lt= or oneof= in a binding or validate tag, which gin's binding and
// validators enforce) is not request input to judge; "" otherwise.
func boundField(v ssa.Value) string {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return ""
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if !ok {
		return ""
	}
	a, ok := fa.X.(*ssa.Alloc)
	if !ok || a.Referrers() == nil {
		return ""
	}
	st, ok := a.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return ""
	}
	f := st.Field(fa.Field)
	if !isInteger(f.Type()) || capTag(st.Tag(fa.Field)) || checkedField(a, fa.Field) {
		return ""
	}
	for _, r := range *a.Referrers() {
		mi, ok := r.(*ssa.MakeInterface)
		if !ok || mi.Referrers() == nil {
			continue
		}
		for _, rr := range *mi.Referrers() {
			call, ok := rr.(*ssa.Call)
			if !ok {
				continue
			}
			fn := apimatch.SSACallee(call.Common())
			if !httpapi.Binder(fn) {
				continue
			}
			if args := callArgs(call.Common()); len(args) == 0 || args[0] != mi {
				continue
			}
			name := a.Comment
			if name == "" {
				name = "the bound value"
			}
			return name + "." + f.Name() + " (bound by " + fn.Name() + ")"
		}
	}
	return ""
}

// checkedField reports whether the function writes field i of a (a
// default or a clamp: if req.PageSize > 100 { req.PageSize = 100 }) or
// compares a load of it (if req.PageSize > 100 { return }): the field
// lives in memory, so the clamp analysis, which follows values, cannot
// tell which load a check covers; precision first, it is not judged.
func checkedField(a *ssa.Alloc, i int) bool {
	for _, r := range *a.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.Field != i || fa.Referrers() == nil {
			continue
		}
		for _, rr := range *fa.Referrers() {
			switch rr := rr.(type) {
			case *ssa.Store:
				if rr.Addr == fa {
					return true
				}
			case *ssa.UnOp:
				if rr.Referrers() == nil {
					continue
				}
				for _, use := range *rr.Referrers() {
					if b, ok := use.(*ssa.BinOp); ok {
						switch b.Op {
						case token.LSS, token.LEQ, token.GTR, token.GEQ:
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// capTag reports whether a struct tag bounds its field from above in a
// binding or validate rule (binding:"max=100", validate:"lte=100").
func capTag(tag string) bool {
	st := reflect.StructTag(tag)
	for _, key := range []string{"binding", "validate"} {
		for _, rule := range strings.Split(st.Get(key), ",") {
			rule = strings.TrimSpace(rule)
			for _, p := range []string{"max=", "lte=", "lt=", "oneof="} {
				if strings.HasPrefix(rule, p) {
					return true
				}
			}
		}
	}
	return false
}
