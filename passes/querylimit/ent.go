package querylimit

import (
	"go/constant"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/rowsource"
)

// ent (entgo.io/ent) generates a query builder per schema type into the
// module: (*ent.ItemQuery).Where(item.OwnerID(id)).Limit(n).All(ctx),
// with predicates in a package per type (ent/item) and a client per
// type (client.Item.Query()). The pass reads these generated types by
// their shape: a named type ending in "Query" in a package that imports
// entgo.io/ent, whose All returns a slice (rowsource.EntQuery, shared with
// the helper analyzer that jsonindent asks whether a value holds rows).

// entStart reports whether fn is a QueryX method of a generated ent
// client (ItemClient) or entity (Item): those start a query.
func entStart(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || !strings.HasPrefix(fn.Name(), "Query") || !apimatch.Imports(fn.Pkg(), rowsource.EntPkgs...) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 1 {
		return false
	}
	res, n := namedOf(sig.Results().At(0).Type()), namedOf(sig.Recv().Type())
	// A QueryX of a query is an edge of what it selects (entChains).
	return res != nil && strings.HasSuffix(res.Obj().Name(), "Query") && n != nil && !strings.HasSuffix(n.Obj().Name(), "Query")
}

func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// entPages records the tables the package's ent queries page: a Limit,
// other than 0 or 1, on a generated query anywhere in the package shows
// that its table is read in pages, though the chain the Limit is on may
// be too tangled to judge (homebox's QueryByGroup, a query built over
// many branches). It is evidence for ent reads only (tableGrowth): the
// SQL texts of an ent project read its tables in other shapes (homebox's
// per-location aggregates).
func (c *checker) entPages(funcs []*ssa.Function) {
	if !rowsource.ImportsEnt(c.pass.Pkg) {
		return
	}
	for _, fn := range funcs {
		if c.test[c.pass.Fset.File(fn.Pos())] {
			continue // a test's page is no evidence (see checker.test)
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				f := apimatch.SSACallee(call.Common())
				if rowsource.EntQuery(f) == "" || f.Name() != "Limit" || call.Common().IsInvoke() {
					continue
				}
				if n, ok := constInt(callArgs(call.Common())[0]); ok && n <= 1 {
					continue
				}
				q := namedOf(recv(call.Common()).Type())
				if q == nil {
					continue
				}
				if t := c.entTable(q); named(t) {
					if c.entPaged == nil {
						c.entPaged = map[string]bool{}
					}
					c.entPaged[t] = true
				}
			}
		}
	}
}

// checkEnt judges an ent read (query.All(ctx)) of every row a query
// builder chain selects.
func (c *checker) checkEnt(call *ssa.Call, method string) {
	var alts []chain
	c.entChains(recv(call.Common()), call, 0, &alts, chain{})
	model := ""
	if n := namedOf(recv(call.Common()).Type()); n != nil {
		model = c.entTable(n)
	}
	acc := &accum{what: "read into memory by ent " + method, pos: call.Pos()}
	c.judgingEnt = true
	c.judgeChains(call, alts, acc, nil, model, false)
	c.judgingEnt = false
}

// entTable returns the table of the ent query type q (ItemQuery): the
// Table constant of the type's predicate package (ent/item), or the type
// name in snake case, plural, as ent names tables by default.
func (c *checker) entTable(q *types.Named) string {
	model := strings.TrimSuffix(q.Obj().Name(), "Query")
	if model == "" {
		return ""
	}
	for _, imp := range q.Obj().Pkg().Imports() {
		if imp.Name() != strings.ToLower(model) {
			continue
		}
		if k, ok := imp.Scope().Lookup("Table").(*types.Const); ok && k.Val().Kind() == constant.String {
			return constant.StringVal(k.Val())
		}
	}
	return plural(snake(model))
}

// entChains walks an ent query chain back from the receiver v of a read,
// as chains does for gorm.
func (c *checker) entChains(v ssa.Value, at ssa.Instruction, depth int, out *[]chain, cur chain) {
	if len(*out) >= 8 {
		return
	}
	if depth > 24 || entInPlace.touched(v, at) {
		// A builder's methods add to the builder itself: a q.Where(...)
		// or q.Limit(n) in a statement of its own applies to the read.
		cur.unknown = true
		*out = append(*out, cur)
		return
	}
	switch x := v.(type) {
	case *ssa.Call:
		fn := apimatch.SSACallee(x.Common())
		if entStart(fn) {
			if fn.Name() != "Query" {
				// client.Item.QueryChildren(it), it.QueryChildren(): the
				// rows of one parent.
				cur.conds = append(slices.Clip(cur.conds), "parent_id = ?")
			}
			*out = append(*out, cur) // client.Item.Query(): the whole table
			return
		}
		if rowsource.EntQuery(fn) == "" || x.Common().IsInvoke() {
			cur.unknown = true // a helper returning a query
			break
		}
		args := callArgs(x.Common())
		switch m := fn.Name(); {
		case m == "Limit":
			if n, ok := constInt(args[0]); !ok || n > 0 {
				cur.limit = true
				cur.one = ok && n <= 1
			}
		case m == "Where":
			preds, ok := variadic(args[0])
			if !ok {
				cur.unknown = true
				break
			}
			for _, p := range preds {
				conds, ok := entPredicate(p, 0)
				if !ok {
					cur.unknown = true
					break
				}
				cur.conds = append(slices.Clip(cur.conds), conds...)
			}
		case strings.HasPrefix(m, "Query"):
			// query.Where(item.ID(id)).QueryChildren(): the children of
			// what the receiver selects, one parent's rows when it
			// selects one entity; otherwise unknown here.
			var from []chain
			c.entChains(recv(x.Common()), x, depth+1, &from, chain{})
			if len(from) != 1 || from[0].unknown || !slices.Contains(from[0].conds, "id = ?") {
				cur.unknown = true
				break
			}
			cur.conds = append(slices.Clip(cur.conds), "parent_id = ?")
			*out = append(*out, cur)
			return
		case m == "Offset" || m == "Order" || m == "Unique" || m == "Clone" || strings.HasPrefix(m, "With"):
			// paging's other half, ordering, eager loading of edges
		default:
			cur.unknown = true // Modify, ForUpdate, a custom method
		}
		if r := recv(x.Common()); r != nil && !cur.unknown {
			c.entChains(r, x, depth+1, out, cur)
			return
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			if e != x {
				c.entChains(e, at, depth+1, out, cur)
			}
		}
		return
	default:
		// A query passed in or kept in a field carries conditions and
		// paging of its own.
		cur.unknown = true
	}
	*out = append(*out, cur)
}

// entSuffixes are the operators of ent's generated field predicates
// (item.NameContains, item.CreatedAtGT), longest first, with the SQL
// condition each stands for ("" for the column's name).
var entSuffixes = []struct{ suffix, cond string }{
	{"ContainsFold", " LIKE ?"}, {"EqualFold", " LIKE ?"}, {"HasPrefix", " LIKE ?"},
	{"HasSuffix", " LIKE ?"}, {"Contains", " LIKE ?"}, {"NotNil", " IS NOT NULL"},
	{"IsNil", " IS NULL"}, {"NotIn", " <> ?"}, {"NEQ", " <> ?"}, {"GTE", " >= ?"},
	{"LTE", " <= ?"}, {"EQ", " = ?"}, {"GT", " > ?"}, {"LT", " < ?"}, {"In", " IN (?)"},
}

// entTenant reports whether the predicate id, group.ID(g) in
// item.HasGroupWith(group.ID(g)), selects an entity that has many users:
// its package has HasUsersWith (the edge "users" to many). Such an entity
// is the tenant of a multi-tenant schema (homebox scopes every query to
// the household's group), so its rows of a table grow like the table and
// are not one parent's few.
func entTenant(id ssa.Value) bool {
	call, ok := unwrapIface(id).(*ssa.Call)
	if !ok {
		return false
	}
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil {
		return false
	}
	_, ok = fn.Pkg.Pkg.Scope().Lookup("HasUsersWith").(*types.Func)
	return ok
}

// entPredicate returns the SQL conditions a generated ent predicate
// stands for: item.ID(id) "id = ?", item.OwnerIDEQ(v) "owner_id = ?",
// item.IDIn(ids...) "id IN (?)", item.CreatedAtGT(t) "created_at > ?",
// item.HasGroupWith(group.ID(g)) "group_id = ?" (one parent; a filter on
// the edge's column, "group_items = ?", when group is a tenant:
// entTenant), and an item.And of them; false for Or, Not, other edges and
// anything that is not a call of a generated predicate.
func entPredicate(v ssa.Value, depth int) ([]string, bool) {
	call, ok := unwrapIface(v).(*ssa.Call)
	if !ok || depth > 4 {
		return nil, false
	}
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Signature.Recv() != nil || fn.Signature.Results().Len() != 1 {
		return nil, false
	}
	res := namedOf(fn.Signature.Results().At(0).Type())
	if res == nil || res.Obj().Pkg() == nil || !strings.HasSuffix(res.Obj().Pkg().Path(), "/predicate") {
		return nil, false
	}
	name := fn.Name()
	switch {
	case name == "And":
		preds, ok := variadic(call.Call.Args[0])
		if !ok {
			return nil, false
		}
		var conds []string
		for _, p := range preds {
			cs, ok := entPredicate(p, depth+1)
			if !ok {
				return nil, false
			}
			conds = append(conds, cs...)
		}
		return conds, true
	case name == "Or" || name == "Not":
		return nil, false
	case strings.HasPrefix(name, "Has") && strings.HasSuffix(name, "With"):
		// HasGroupWith(group.ID(g)): the rows of one group.
		preds, ok := variadic(call.Call.Args[0])
		if !ok || len(preds) != 1 {
			return nil, false
		}
		cs, ok := entPredicate(preds[0], depth+1)
		if !ok || len(cs) != 1 || cs[0] != "id = ?" {
			return nil, false
		}
		edge := strings.TrimSuffix(strings.TrimPrefix(name, "Has"), "With")
		if entTenant(preds[0]) {
			// The tenant's part of the table, a filter: named by the
			// edge's column (entity.GroupColumn, "group_entities"), or
			// else by the edge, not like a key.
			col := snake(edge)
			if k, ok := fn.Pkg.Pkg.Scope().Lookup(edge + "Column").(*types.Const); ok && k.Val().Kind() == constant.String {
				col = constant.StringVal(k.Val())
			}
			return []string{col + " = ?"}, true
		}
		return []string{snake(edge) + "_id = ?"}, true
	case strings.HasPrefix(name, "Has"):
		return nil, false // HasGroup(): rows with any group, a join
	}
	for _, s := range entSuffixes {
		if field, ok := strings.CutSuffix(name, s.suffix); ok && field != "" {
			return []string{snake(field) + s.cond}, true
		}
	}
	return []string{snake(name) + " = ?"}, true // item.Name(v): EQ
}

// entInPlace: a query builder's methods returning the builder (Where,
// Limit, Order, WithX), and its other methods (All, Count, ...), which run
// the query.
var entInPlace = kind{
	builds: entBuilder,
	runs: func(call *ssa.Call) bool {
		return !entBuilder(call) && rowsource.EntQuery(apimatch.SSACallee(call.Common())) != ""
	},
}

// entBuilder reports whether call is a method of an ent query builder
// that returns the builder (Where, Limit, Order, WithX).
func entBuilder(call *ssa.Call) bool {
	r := recv(call.Common())
	return r != nil && rowsource.EntQuery(apimatch.SSACallee(call.Common())) != "" && types.Identical(call.Type(), r.Type())
}
