package querylimit

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
)

// xorm (xorm.io/xorm; apimatch maps its old path github.com/go-xorm/xorm
// and casdoor's fork github.com/xorm-io/xorm to it): an
// Engine's chain methods each open a new Session, as gorm's do, but a
// Session's methods add to the session itself and return it, and its
// statement is reset only when a finisher (Find, Get, Count, ...) runs.
// A condition or Limit added to the same session in another statement
// (sess.And(...) under an if, with its result dropped) therefore applies
// to the Find too: a chain whose session is given such a call is unknown
// here (xormChains).

// xormBuilders are the Session (and Engine) methods that only add to the
// statement and return the session. Other methods run it (Find, Get,
// Count, Iterate, ...), or manage the session (Close, Begin, Commit).
var xormBuilders = map[string]bool{
	"Where": true, "And": true, "Or": true, "In": true, "NotIn": true, "ID": true, "Id": true,
	"Limit": true, "Table": true, "Alias": true, "Join": true, "GroupBy": true, "Having": true,
	"OrderBy": true, "Asc": true, "Desc": true, "Select": true, "Cols": true, "AllCols": true,
	"MustCols": true, "Omit": true, "Distinct": true, "Unscoped": true, "NoAutoCondition": true,
	"NoAutoTime": true, "UseBool": true, "Context": true, "SQL": true, "Sql": true, "Prepare": true,
	"NoCache": true, "NoCascade": true, "Cascade": true, "ForUpdate": true, "Decr": true, "Incr": true,
	"SetExpr": true, "Nullable": true, "StoreEngine": true, "Charset": true, "NoVersionCheck": true,
	"IndexHint": true, "ContextCache": true, "BufferSize": true, "Before": true, "After": true,
	"MustLogSQL": true,
}

// xormBreakers make what a chain selects unknown here: Or and NotIn
// change the meaning of the conditions around them, GroupBy and Having
// aggregate (a row per group, not per row), NoAutoCondition drops the
// bean's conditions. Join is unknown too (xormChains).
var xormBreakers = map[string]bool{
	"Or": true, "NotIn": true, "NoAutoCondition": true, "GroupBy": true, "Having": true,
}

// xormFinds are the methods that read every row of the statement into
// their first argument, a pointer to a slice or a map.
var xormFinds = map[string]bool{"Find": true, "FindAndCount": true}

// xormMethod returns the method name if fn is a method of xorm's Engine,
// EngineGroup or Session, or of an interface whose methods return a
// *xorm.Session (a service's Engine interface over both, as gogs'
// database.Engine and gitea's db.Engine are), or "".
func xormMethod(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	if isXormPkg(fn.Pkg()) {
		return fn.Name()
	}
	if types.IsInterface(sig.Recv().Type()) && xormInterface(sig.Recv().Type()) {
		return fn.Name()
	}
	return ""
}

func isXormPkg(p *types.Package) bool {
	return p != nil && apimatch.PkgPath(p) == xormPkg
}

// isXormSession reports whether t is *xorm.Session.
func isXormSession(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Name() == "Session" && isXormPkg(n.Obj().Pkg())
}

// xormInterface reports whether the interface t has a Where method
// returning a *xorm.Session: it is implemented by xorm's Engine and
// Session, and a chain through it is an xorm chain.
func xormInterface(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for m := range iface.Methods() {
		sig := m.Type().(*types.Signature)
		if m.Name() == "Where" && sig.Results().Len() == 1 && isXormSession(sig.Results().At(0).Type()) {
			return true
		}
	}
	return false
}

// checkXorm judges an xorm Find of every row of a chain into dest.
func (c *checker) checkXorm(call *ssa.Call, method string, args []ssa.Value) {
	if len(args) != 2 {
		return
	}
	dest := args[0]
	if !pointsToSlice(dest) && !pointsToMap(dest) {
		return
	}
	conds, ok := variadic(args[1])
	if !ok {
		return
	}
	var inline []string
	for _, bean := range conds {
		cs, ok := c.condBean(bean)
		if !ok {
			return // a condition bean built elsewhere: what it selects is unknown
		}
		inline = append(inline, cs...)
	}
	var alts []chain
	c.xormChains(recv(call.Common()), call, 0, &alts, chain{})
	if method == "FindAndCount" && c.countOnly(call, dest, alts) {
		return
	}
	acc := &accum{what: "read into " + c.name(dest) + " by xorm " + method, pos: call.Pos(), dest: dest}
	// One parent's rows paged on the chain's other paths (if page > 0 {
	// sess = sess.Limit(n, start) }) stay silent: on the corpus every such
	// xorm read, called for "all" by design (gogs' milestones of a
	// repository for page -1, an organisation's members for limit 0,
	// vikunja's attachments of a task), was small by construction.
	c.judgeChains(call, alts, acc, inline, c.tableName(dest, snake), false)
}

func pointsToMap(v ssa.Value) bool {
	p, ok := unwrap(v).Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Map)
	return ok
}

// condBean returns the conditions of a condition bean given to Find
// (x.Find(&forks, &Repository{ForkID: id})): xorm selects the rows whose
// columns equal the bean's non-zero fields. Only a struct literal made in
// the function is read: each field stored into it, other than a zero
// constant, is "column = ?" (the field's name in snake case).
func (c *checker) condBean(v ssa.Value) ([]string, bool) {
	alloc, ok := unwrapIface(v).(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	if _, ok := alloc.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct); !ok {
		return nil, false
	}
	var conds []string
	for _, r := range *alloc.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, rr := range *fa.Referrers() {
			st, ok := rr.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			if k, ok := st.Val.(*ssa.Const); ok && k.IsNil() || ok && k.Value != nil && isZeroConst(k) {
				continue // xorm skips zero fields
			}
			conds = append(conds, snake(fieldName(alloc.Type(), fa.Field))+" = ?")
		}
	}
	return conds, true
}

func isZeroConst(k *ssa.Const) bool {
	switch k.Value.ExactString() {
	case "0", `""`, "false", "0.0":
		return true
	}
	return false
}

// xormChains walks an xorm chain back from the receiver v of the
// finisher at (or of a further builder), as chains does for gorm.
func (c *checker) xormChains(v ssa.Value, at ssa.Instruction, depth int, out *[]chain, cur chain) {
	if len(*out) >= 8 {
		return
	}
	if depth > 24 {
		cur.unknown = true
		*out = append(*out, cur)
		return
	}
	if isXormSession(v.Type()) {
		stmts, ok := xormInPlace.statements(v, at)
		for _, top := range stmts {
			for x := top; !cur.unknown; {
				c.xormStep(x, xormMethod(apimatch.SSACallee(x.Common())), &cur)
				if r := recv(x.Common()); r != v {
					x = r.(*ssa.Call) // statementTop followed these calls
					continue
				}
				break
			}
		}
		if !ok || cur.unknown {
			cur.unknown = true // another statement may add to the same session
			*out = append(*out, cur)
			return
		}
	}
	switch x := v.(type) {
	case *ssa.Call:
		fn := apimatch.SSACallee(x.Common())
		m := xormMethod(fn)
		if m == "NewSession" || m == "Context" && !isXormSession(recvType(x.Common())) {
			// A new session of an engine (EngineGroup's and a service
			// interface's too): nothing added yet.
			*out = append(*out, cur)
			return
		}
		if f := c.fact(c.callee(x.Common())); m == "" && f != nil && f.FreshSession {
			*out = append(*out, cur) // a helper returning a new session
			return
		}
		if !xormBuilders[m] || !isXormSession(x.Type()) {
			cur.unknown = true // a helper returning a session
			break
		}
		c.xormStep(x, m, &cur)
		if r := recv(x.Common()); r != nil && !cur.unknown {
			c.xormChains(r, x, depth+1, out, cur)
			return
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			if e != x {
				c.xormChains(e, at, depth+1, out, cur)
			}
		}
		return
	case *ssa.Parameter, *ssa.Global:
		// The engine or a session passed in: taken for a fresh one.
	case *ssa.UnOp:
		switch y := x.X.(type) {
		case *ssa.FieldAddr, *ssa.Global:
			if isXormSession(x.Type()) {
				cur.unknown = true // a session kept in a field may carry conditions
			}
		case *ssa.FreeVar:
			if v := capturedValue(y); v != nil {
				c.xormChains(v, at, depth+1, out, cur)
				return
			}
			cur.unknown = true
		default:
			cur.unknown = true
		}
	case *ssa.Field:
		if isXormSession(x.Type()) {
			cur.unknown = true
		}
	default:
		cur.unknown = true
	}
	*out = append(*out, cur)
}

// xormStep adds what the builder call x, of xorm method m, does to the
// chain cur: its conditions, table or Limit, or that what it selects is
// unknown here.
func (c *checker) xormStep(x *ssa.Call, m string, cur *chain) {
	args := callArgs(x.Common())
	switch {
	case xormBreakers[m]:
		cur.unknown = true
	case m == "Limit":
		if n, ok := constInt(args[0]); !ok || n > 0 {
			cur.limit = true
			cur.one = ok && n <= 1
		}
	case m == "SQL" || m == "Sql":
		cur.raw = x.Common()
	case m == "ID" || m == "Id":
		cur.conds = append(slices.Clip(cur.conds), "id = ?")
	case m == "In":
		if col, ok := constString(args[0]); ok {
			cur.conds = append(slices.Clip(cur.conds), col+" IN (?)")
			if len(args) > 1 {
				if vs, ok := variadic(args[1]); ok {
					cur.lists = appendLists(cur.lists, vs)
				}
			}
		} else {
			cur.unknown = true
		}
	case m == "Where" || m == "And":
		if conds, ok := xormCond(args[0], 0); ok {
			cur.conds = append(slices.Clip(cur.conds), conds...)
		} else {
			cur.unknown = true // a condition built elsewhere, a map or a text built at run time
		}
	case m == "Table":
		if t, ok := constString(args[0]); ok && cur.table == "" && !strings.ContainsAny(t, " ,(") {
			cur.table = strings.ToLower(t[strings.LastIndex(t, ".")+1:])
		} else if cur.table == "" {
			cur.table = c.tableName(args[0], snake)
		}
	case m == "Join":
		cur.unknown = true // rows of another table, joined or filtered
	}
}

// freshSession reports whether fn returns, on every path, a new xorm
// session with nothing added to its statement (limitFact.FreshSession).
func (c *checker) freshSession(fn *ssa.Function) bool {
	res := fn.Signature.Results()
	if res.Len() == 0 || res.Len() > 2 || !isXormSession(res.At(0).Type()) {
		return false
	}
	for _, p := range fn.Params {
		if isXormSession(p.Type()) {
			return false // a session passed in, with what its caller added
		}
	}
	found := false
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		var alts []chain
		c.xormChains(ret.Results[0], ret, 0, &alts, chain{})
		for _, ch := range alts {
			if ch.unknown || ch.limit || ch.raw != nil || ch.table != "" || len(ch.conds) > 0 || ch.handle != "" {
				return false
			}
		}
		found = found || len(alts) > 0
	}
	return found
}

func recvType(common *ssa.CallCommon) types.Type {
	if r := recv(common); r != nil {
		return r.Type()
	}
	return nil
}

// xormHarmless are the builders that change neither which rows a
// statement selects nor how many: a statement of its own made only of
// them (if len(cols) > 0 { session.UseBool(cols...) }) is not judged.
var xormHarmless = map[string]bool{
	"OrderBy": true, "Asc": true, "Desc": true, "Cols": true, "AllCols": true, "MustCols": true,
	"Omit": true, "UseBool": true, "NoAutoTime": true, "Nullable": true, "NoCache": true,
	"NoCascade": true, "Cascade": true, "Context": true, "ContextCache": true, "BufferSize": true,
	"MustLogSQL": true, "ForUpdate": true, "Incr": true, "Decr": true, "SetExpr": true,
	"NoVersionCheck": true, "IndexHint": true, "StoreEngine": true, "Charset": true,
	"Before": true, "After": true, "Prepare": true, "Alias": true,
}

// xormInPlace: a Session's builders and the methods that run its
// statement (any other xorm method, Find, Get, Count, ...).
var xormInPlace = kind{
	builds: func(call *ssa.Call) bool {
		return xormBuilders[xormMethod(apimatch.SSACallee(call.Common()))]
	},
	runs: func(call *ssa.Call) bool {
		m := xormMethod(apimatch.SSACallee(call.Common()))
		return m != "" && !xormBuilders[m]
	},
	harmless: func(call *ssa.Call) bool {
		return xormHarmless[xormMethod(apimatch.SSACallee(call.Common()))]
	},
}

// countOnly reports a FindAndCount whose rows are read only to be
// counted: dest, a local variable, is not read after the call (answer's
// GetCommentCount: list := make([]*entity.Comment, 0); count, err =
// ...FindAndCount(&list)). Every row the chain selects is decoded and
// held until the call returns, for the one number Count would read. Its
// conditions do not matter, but a Limit on some path, or a chain that is
// not known, does.
func (c *checker) countOnly(call *ssa.Call, dest ssa.Value, alts []chain) bool {
	alloc, ok := unwrapIface(dest).(*ssa.Alloc)
	if !ok || len(alts) == 0 {
		return false
	}
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if r.Addr != alloc {
				return false
			}
		case *ssa.MakeInterface:
			if r.Referrers() == nil {
				return false
			}
			for _, rr := range *r.Referrers() {
				if rr != call {
					return false
				}
			}
		default:
			return false // read, or its address taken elsewhere
		}
	}
	for _, ch := range alts {
		if ch.unknown || ch.limit || ch.raw != nil {
			return false
		}
	}
	if migration(call.Parent()) || c.testCode(call.Parent()) {
		return true
	}
	elem := alloc.Type().Underlying().(*types.Pointer).Elem()
	model := "T"
	if sl, ok := elem.Underlying().(*types.Slice); ok {
		e := sl.Elem()
		if p, ok := e.(*types.Pointer); ok {
			e = p.Elem()
		}
		model = types.TypeString(e, func(p *types.Package) string {
			if p == c.pass.Pkg {
				return ""
			}
			return p.Name()
		})
	}
	name := c.name(alloc)
	c.reportf(call, "every row of this query is read into %s by xorm FindAndCount only to be counted (%s is not used after it): the rows are decoded and held for one number; count with Count(new(%s)) instead", name, name, model)
	return true
}
