package querylimit

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/passes/querylimit/internal/sqlscan"
)

// chain is one path of gorm builder calls ending at a Find or Scan.
type chain struct {
	limit   bool
	unknown bool // rooted at a parameter, a scope or a helper
	// mayPage: what the chain starts from or goes through (a helper, a
	// scope, a Session) may have paged it; a Where with a condition built
	// at run time makes the chain unknown, but pages nothing.
	mayPage bool
	raw     *ssa.CallCommon // db.Raw(sql, args...)
	conds   []string        // constant Where conditions, judged like SQL text
	table   string          // Model(&T{}) or Table("t") in the chain, else ""
	one     bool            // the limit is the constant 1 or 0
	// handle names the field or global a chain starts from when it holds
	// a service's wrapper rather than a *gorm.DB (forward.go): conditions
	// the wrapper was built with are not seen, so a read of "the whole
	// table" is a read of every row it selects.
	handle string
	// lists are the slice arguments of the chain's conditions (In("id",
	// ids), Where("id IN ?", ids)): a key list collected from the rows of
	// an unbounded read is as long as that read (keyed.go).
	lists []ssa.Value
}

func (c *checker) chains(v ssa.Value, depth int, out *[]chain, cur chain) {
	if len(*out) >= 8 {
		return
	}
	if depth > 24 {
		cur.unknown, cur.mayPage = true, true
		*out = append(*out, cur)
		return
	}
	switch x := v.(type) {
	case *ssa.Call:
		key, _ := c.calleeKey(apimatch.SSACallee(x.Common()))
		if m := gormMethod(key); m != "" {
			_, limit := limiters[key]
			switch {
			case limit:
				if n, ok := constInt(callArgs(x.Common())[0]); !ok || n >= 0 {
					cur.limit = true // a negative Limit is none
					cur.one = ok && n <= 1
				}
			case m == "Raw":
				cur.raw = x.Common()
			case m == "Where":
				// Where("user_id = ?", id), Where("id IN ?", ids): judged
				// as SQL conditions; a struct, a map or a condition built
				// at run time selects what is unknown here.
				if f := c.fact(apimatch.SSACallee(x.Common())); f != nil && f.Where != "" {
					cur.conds = append(slices.Clip(cur.conds), f.Where) // a wrapper's own condition (Since)
				} else if cond, ok := constString(callArgs(x.Common())[0]); ok {
					cur.conds = append(slices.Clip(cur.conds), cond)
					cur.lists = appendLists(cur.lists, callArgs(x.Common())[1:])
				} else {
					cur.unknown = true
				}
			case m == "Model":
				if cur.table == "" {
					cur.table = c.tableName(callArgs(x.Common())[0], gormName)
				}
			case m == "Table":
				if t, ok := constString(callArgs(x.Common())[0]); ok && cur.table == "" && !strings.ContainsAny(t, " ,(") {
					cur.table = strings.ToLower(t[strings.LastIndex(t, ".")+1:])
				}
			case gormBreakers[m]:
				cur.unknown = true
				cur.mayPage = cur.mayPage || m == "Scopes" || m == "Session" || m == "FindInBatches"
			}
			if r := recv(x.Common()); r != nil {
				c.chains(r, depth+1, out, cur)
				return
			}
		}
		if gormRoots[key] {
			*out = append(*out, cur)
			return
		}
		if f := c.fact(c.callee(x.Common())); f != nil && f.FreshSession && gormMethod(key) == "" {
			*out = append(*out, cur) // a getter of the base handle: common.GetDB(), or getDB() for var getDB = entity.GetDB
			return
		}
		if f := c.fact(c.callee(x.Common())); f != nil && len(f.Pages) == 1 && gormMethod(key) == "" {
			// A paging helper (pager): the chain goes on from the handle
			// it is given, paged on its Limit's paths.
			if args := callArgs(x.Common()); f.Pages[0] < len(args) {
				paged := cur
				paged.limit = true
				c.chains(args[f.Pages[0]], depth+1, out, paged)
				if !f.PagesEvery {
					c.chains(args[f.Pages[0]], depth+1, out, cur)
				}
				return
			}
		}
		cur.unknown, cur.mayPage = true, true // a helper returning *gorm.DB
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && gormRoots[apimatch.Key(apimatch.SSACallee(call.Common()))] {
			*out = append(*out, cur)
			return
		}
		cur.unknown, cur.mayPage = true, true
	case *ssa.Phi:
		for _, e := range x.Edges {
			if e != x {
				c.chains(e, depth+1, out, cur)
			}
		}
		return
	case *ssa.UnOp:
		// A field or global holding the base handle, or a captured variable.
		switch y := x.X.(type) {
		case *ssa.FieldAddr, *ssa.Global:
			if !isGormDB(x.Type()) {
				cur.handle = c.handleName(x)
			}
		case *ssa.FreeVar:
			if v := capturedValue(y); v != nil {
				c.chains(v, depth+1, out, cur)
				return
			}
			cur.unknown, cur.mayPage = true, true
		default:
			cur.unknown, cur.mayPage = true, true
		}
	case *ssa.Field:
		if !isGormDB(x.Type()) {
			cur.handle = c.handleName(x)
		}
	case *ssa.Parameter:
		// A handle passed in is taken for the base handle, except in a
		// scope (func(*gorm.DB) *gorm.DB), which pages or filters a
		// caller's query.
		if isScope(x.Parent().Signature) {
			cur.unknown, cur.mayPage = true, true
		}
	default:
		cur.unknown, cur.mayPage = true, true
	}
	*out = append(*out, cur)
}

// handleName names the field or global v loads: "h.db" for a field of a
// parameter or receiver, else the field's or global's name.
func (c *checker) handleName(v ssa.Value) string {
	var base ssa.Value
	field := ""
	switch x := v.(type) {
	case *ssa.UnOp:
		fa, ok := x.X.(*ssa.FieldAddr)
		if !ok {
			return c.name(v) // a global
		}
		base, field = fa.X, fieldName(fa.X.Type(), fa.Field)
	case *ssa.Field:
		base, field = x.X, fieldName(x.X.Type(), x.Field)
	}
	switch b := base.(type) {
	case *ssa.Parameter, *ssa.Alloc:
		if n := c.name(b); n != "a slice" {
			return n + "." + field
		}
	}
	return field
}

// capturedValue returns the one value ever stored in the variable a
// closure captures (go/ssa captures variables by address), or nil when it
// is assigned more than once or in the closure.
func capturedValue(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	if fn.Parent() == nil || i < 0 {
		return nil
	}
	for _, r := range *fv.Referrers() {
		if _, ok := r.(*ssa.Store); ok {
			return nil
		}
	}
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn || i >= len(mc.Bindings) {
				continue
			}
			alloc, ok := mc.Bindings[i].(*ssa.Alloc)
			if !ok {
				return nil
			}
			var val ssa.Value
			for _, r := range *alloc.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
					if val != nil {
						return nil
					}
					val = st.Val
				}
			}
			return val
		}
	}
	return nil
}

// isScope reports whether sig is func(*gorm.DB) *gorm.DB.
func isScope(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		isGormDB(sig.Params().At(0).Type()) && isGormDB(sig.Results().At(0).Type())
}

func (c *checker) checkGorm(call *ssa.Call, method, via string, dest ssa.Value, args []ssa.Value) {
	if !pointsToSlice(dest) {
		return
	}
	var inline []string
	if method == "Find" {
		conds, ok := variadic(args[1])
		if !ok {
			return
		}
		if len(conds) > 0 {
			if b, ok := unwrapIface(conds[0]).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
				return // inline primary keys: db.Find(&users, ids)
			}
			cond, ok := constString(conds[0])
			if !ok {
				return // a condition built at run time: what it selects is unknown
			}
			inline = []string{cond} // db.Find(&users, "id IN ?", ids)
		}
	}
	var alts []chain
	c.chains(recv(call.Common()), 0, &alts, chain{})
	acc := &accum{what: "read into " + c.name(dest) + " by gorm " + method + via, pos: call.Pos(), dest: dest}
	if limit := c.lateLimit(call); limit != nil && !c.testCode(call.Parent()) && !slices.ContainsFunc(alts, func(ch chain) bool { return ch.limit || ch.mayPage || ch.raw != nil }) {
		// Whatever the conditions select is read: the author meant to
		// page it.
		c.heldUnbounded(acc, call)
		c.reportLateLimit(call, limit, acc, method)
		return
	}
	c.judgeChains(call, alts, acc, inline, c.tableName(dest, gormName), true)
}

// judgeChains judges the paths alts of a gorm, xorm or ent chain that
// read into a destination whose model's table is model ("" when unknown):
// silent when a path is unknown, a raw text is judged as SQL, and the
// conditions of the paths with no Limit as the WHERE clause of a query
// of the table. With parentPaged, one parent's rows paged on the chain's
// other paths are reported (see parentRows).
func (c *checker) judgeChains(call *ssa.Call, alts []chain, acc *accum, inline []string, model string, parentPaged bool) {
	paged, limited := false, false
	handle := ""
	var unbounded []sqlscan.Info
	var keyed *keyedBy // a path bounded only by a key list collected from an unbounded read
	for _, ch := range alts {
		if ch.limit && !ch.one && ch.raw == nil {
			// A page of the model's table, on a path whose conditions may
			// be unknown: the package pages the table (tableGrowth).
			c.pagedName(cmp.Or(ch.table, model))
		}
	}
	for _, ch := range alts {
		switch {
		case ch.unknown:
			return
		case ch.raw != nil:
			ra := callArgs(ch.raw)
			c.checkSQL(call, unwrapIface(ra[0]), ra[len(ra)-1], acc)
			return
		case ch.limit:
			limited = true
			paged = paged || !ch.one
		default:
			// The conditions, judged as the WHERE clause of a query of
			// the model's table.
			conds := append(slices.Clip(ch.conds), inline...)
			table := cmp.Or(ch.table, model)
			if table == "" {
				table = holeMark + "model"
			}
			text := "SELECT * FROM " + table
			if len(conds) > 0 {
				text += " WHERE " + strings.Join(conds, " AND ")
			}
			if len(conds) > 1 && strings.Contains(strings.ToUpper(text), " OR ") {
				return // gorm parenthesises each Where; joined here, an OR would change meaning
			}
			q := analyzeText(text)
			if !q.known {
				return
			}
			if k := c.keyedByRows(ch.lists); k != nil && keyed == nil {
				keyed = k
			}
			if q.info.FewRows != "" {
				continue // bounded by its conditions (a key list)
			}
			unbounded = append(unbounded, q.info)
			handle = cmp.Or(handle, ch.handle)
		}
	}
	// "On some paths" only when a Limit bounds the others: paths bounded
	// by their conditions alone (a key list added under an if) have no
	// Limit either.
	note := "no Limit"
	if limited {
		note = "no Limit on some paths"
	}
	if len(unbounded) == 0 {
		if keyed != nil && !c.testCode(call.Parent()) && !migration(call.Parent()) {
			c.heldUnbounded(acc, call)
			c.report(call, acc, note, keyed.belief(c.pass.Fset))
		}
		return
	}
	small, belief := c.growth(unbounded)
	if paged && parentPaged && c.parentRows(unbounded) {
		small, belief = false, pagedBelief
	}
	if small && keyed != nil {
		// Small by its key list, which is as long as the read it was
		// collected from.
		small, belief = false, keyed.belief(c.pass.Fset)
	}
	if handle != "" {
		belief = strings.Replace(belief, wholeTableBelief, "since the rows "+handle+" selects grow with the data", 1)
	}
	if !c.cfg.strict && (small || migration(call.Parent())) || c.testCode(call.Parent()) {
		return
	}
	if !small {
		c.heldUnbounded(acc, call)
	}
	c.report(call, acc, note, belief)
}

// constString returns the constant string v holds (through an interface).
func constString(v ssa.Value) (string, bool) {
	k, ok := unwrapIface(v).(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// subqueryOnly reports whether the gorm chain that call (a method of
// *gorm.DB) continues is used only as a subquery: given, with any further
// chain methods, as an argument of another gorm call (db.Table("(?) AS
// recent", q), Where("id IN (?)", q)) and never finished with Find, Scan
// or the like itself. Its rows stay in the database (traQ's stamp
// recommendations aggregate the 10,000 latest uses in SQL).
func subqueryOnly(call *ssa.Call) bool {
	found := false
	seen := map[ssa.Value]bool{}
	work := []ssa.Value{call}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[v] || v.Referrers() == nil {
			continue
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.MakeInterface:
				work = append(work, r)
			case *ssa.Store:
				// an element of the variadic ...any array of a call
				ia, ok := r.Addr.(*ssa.IndexAddr)
				if !ok || r.Val != v {
					return false
				}
				arr, ok := ia.X.(*ssa.Alloc)
				if !ok || arr.Referrers() == nil {
					return false
				}
				for _, ar := range *arr.Referrers() {
					switch ar := ar.(type) {
					case *ssa.IndexAddr:
					case *ssa.Slice:
						work = append(work, ar)
					default:
						return false
					}
				}
			case *ssa.Call:
				common := r.Common()
				fn := common.StaticCallee()
				if common.IsInvoke() || fn == nil || fn.Signature.Recv() == nil || !isGormDB(fn.Signature.Recv().Type()) {
					return false
				}
				if len(common.Args) > 0 && common.Args[0] == v {
					// a further chain method: the same query
					if !gormBuilders[fn.Name()] {
						return false // a finisher (Find, Scan, Rows...) or unknown
					}
					work = append(work, r)
					continue
				}
				found = true // an argument of another chain: a subquery
			default:
				return false
			}
		}
	}
	return found
}

// gormBuilders are the *gorm.DB methods that only add to a chain's query.
var gormBuilders = map[string]bool{
	"Table": true, "Select": true, "Where": true, "Order": true, "Limit": true,
	"Offset": true, "Joins": true, "Group": true, "Having": true, "Distinct": true,
	"Model": true, "WithContext": true, "Omit": true, "Unscoped": true, "Debug": true,
}

// baseHandle reports whether fn takes no parameters and returns, on every
// path, only the *gorm.DB a package-level variable holds, with nothing
// added to it (func GetDB() *gorm.DB { return DB }): a getter of the base
// handle, which a chain may start from as from the variable itself. A
// getter of a struct field is not one: a service's handle may be a
// session its constructor scoped (db.Where("tenant_id = ?", t)).
func baseHandle(fn *ssa.Function) bool {
	sig := fn.Signature
	if sig.Recv() != nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 || !isGormDB(sig.Results().At(0).Type()) {
		return false
	}
	found := false
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		load, ok := ret.Results[0].(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return false
		}
		if _, ok := load.X.(*ssa.Global); !ok {
			return false
		}
		found = true
	}
	return found
}

// pager returns the parameter (signature index) of a gorm paging helper
// fn, and whether it pages on every path. Such a helper takes one
// *gorm.DB and returns it, on every path, with nothing added to it but
// Limit, Offset and Order, and calls Limit on some path (photoview's
// models.FormatSQL(tx, order, paginate), whose Limit applies only when
// the client gives one: gorm's chain methods add to a chained handle in
// place, so the helper may drop their results). A helper that adds a
// condition, passes the handle on, stores it, or takes two handles is no
// pager: what its result selects is unknown.
func pager(fn *ssa.Function) (param int, every, ok bool) {
	sig := fn.Signature
	if sig.Results().Len() != 1 || !isGormDB(sig.Results().At(0).Type()) || len(fn.Blocks) == 0 {
		return 0, false, false
	}
	off := 0
	if sig.Recv() != nil {
		off = 1
	}
	var root *ssa.Parameter
	for i, p := range fn.Params {
		if i < off || !isGormDB(p.Type()) {
			continue
		}
		if root != nil {
			return 0, false, false
		}
		root, param = p, i-off
	}
	if root == nil {
		return 0, false, false
	}
	derived := map[ssa.Value]bool{root: true}
	var phis []*ssa.Phi
	var limits []*ssa.Call
	for work := []ssa.Value{root}; len(work) > 0; {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for _, r := range *v.Referrers() {
			var next ssa.Value
			switch x := r.(type) {
			case *ssa.Call:
				if recv(x.Common()) != v || slices.Contains(callArgs(x.Common()), v) {
					return 0, false, false
				}
				switch gormMethod(apimatch.Key(apimatch.SSACallee(x.Common()))) {
				case "Limit":
					if n, ok := constInt(callArgs(x.Common())[0]); ok && n <= 1 {
						return 0, false, false // one row, or a negative Limit: none
					}
					limits = append(limits, x)
				case "Offset", "Order":
				default:
					return 0, false, false
				}
				next = x
			case *ssa.Phi:
				phis = append(phis, x)
				next = x
			case *ssa.Return, *ssa.DebugRef:
			default:
				return 0, false, false
			}
			if next != nil && !derived[next] {
				derived[next] = true
				work = append(work, next)
			}
		}
	}
	for _, phi := range phis {
		for _, e := range phi.Edges {
			if !derived[e] {
				return 0, false, false
			}
		}
	}
	if len(limits) == 0 {
		return 0, false, false
	}
	every = true
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if !derived[ret.Results[0]] {
			return 0, false, false
		}
		if !slices.ContainsFunc(limits, func(l *ssa.Call) bool { return l.Block().Dominates(b) }) {
			every = false
		}
	}
	return param, every, true
}
