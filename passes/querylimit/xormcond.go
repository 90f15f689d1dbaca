package querylimit

import (
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
)

// builderPkg is xorm's condition builder: Where(builder.Eq{"owner_id":
// id}) and the like.
const builderPkg = "xorm.io/builder"

// builderOps are the comparison maps of xorm.io/builder: each key of the
// literal is compared with its value, and the comparisons are ANDed.
var builderOps = map[string]string{
	"Eq": "=", "Neq": "!=", "Lt": "<", "Lte": "<=", "Gt": ">", "Gte": ">=",
}

// xormCond returns the conditions an argument of an xorm Where or And
// holds, as SQL texts to be ANDed: a constant text, or a condition of
// xorm.io/builder built in the expression itself (builder.Eq{"owner_id":
// id}, builder.Lt{...}, builder.NotNull{"col"}, builder.Like{"col", q},
// builder.Between{Col: "col"}, builder.In(col, ...), builder.Expr(text),
// builder.And(...) and a condition's And method). ok is false when what it
// selects is unknown here: Or, NotIn, Not, If, Exists, a condition kept in
// a variable assigned on several paths, or built by a helper.
func xormCond(v ssa.Value, depth int) (conds []string, ok bool) {
	if depth > 8 {
		return nil, false
	}
	if s, ok := constString(v); ok {
		return []string{s}, s != ""
	}
	v = unwrap(v)
	if ci, ok := v.(*ssa.ChangeInterface); ok {
		v = unwrap(ci.X) // a builder.Cond given as any
	}
	switch x := v.(type) {
	case *ssa.MakeMap:
		op, isOp := builderOps[builderName(x.Type())]
		if !isOp {
			return nil, false
		}
		for _, r := range *x.Referrers() {
			switch r := r.(type) {
			case *ssa.MapUpdate:
				col, ok := constString(r.Key)
				if !ok {
					return nil, false
				}
				switch {
				case op == "=" && isSliceValue(r.Value):
					conds = append(conds, col+" IN (?)")
				case isBuilderQuery(r.Value):
					return nil, false // compared with a subquery
				default:
					conds = append(conds, col+" "+op+" ?")
				}
			case *ssa.MakeInterface, *ssa.ChangeType, *ssa.DebugRef:
			default:
				return nil, false // changed or read elsewhere
			}
		}
		return conds, true
	case *ssa.UnOp:
		// An array or struct literal: NotNull{"col"}, Like{"col", q},
		// Between{Col: "col", ...}.
		alloc, ok := x.X.(*ssa.Alloc)
		if !ok {
			return nil, false
		}
		var col string
		switch builderName(x.Type()) {
		case "NotNull", "IsNull", "Like":
			col, ok = storedConst(alloc, func(r ssa.Instruction) bool {
				ia, ok := r.(*ssa.IndexAddr)
				if !ok {
					return false
				}
				i, ok := constInt(ia.Index)
				return ok && i == 0
			})
		case "Between":
			col, ok = storedConst(alloc, func(r ssa.Instruction) bool {
				fa, ok := r.(*ssa.FieldAddr)
				return ok && fa.Field == 0
			})
		default:
			return nil, false
		}
		if !ok || col == "" {
			return nil, false
		}
		switch builderName(x.Type()) {
		case "NotNull":
			return []string{col + " IS NOT NULL"}, true
		case "IsNull":
			return []string{col + " IS NULL"}, true
		case "Like":
			return []string{col + " LIKE ?"}, true
		}
		return []string{col + " BETWEEN ? AND ?"}, true
	case *ssa.Call:
		fn := apimatch.SSACallee(x.Common())
		if fn == nil || fn.Pkg() == nil || apimatch.PkgPath(fn.Pkg()) != builderPkg || builderName(x.Type()) != "Cond" {
			return nil, false // not a condition: a helper's, or a *builder.Builder subquery
		}
		args := callArgs(x.Common())
		var parts []ssa.Value
		switch fn.Name() {
		case "In":
			col, ok := constString(args[0])
			if !ok {
				return nil, false
			}
			return []string{col + " IN (?)"}, true
		case "Expr":
			s, ok := constString(args[0])
			return []string{s}, ok && s != ""
		case "And":
			if r := recv(x.Common()); r != nil {
				parts = append(parts, r) // eq.And(more...)
			}
			more, ok := variadic(args[len(args)-1])
			if !ok {
				return nil, false
			}
			parts = append(parts, more...)
		default:
			return nil, false
		}
		for _, p := range parts {
			cs, ok := xormCond(p, depth+1)
			if !ok {
				return nil, false
			}
			conds = append(conds, cs...)
		}
		return conds, true
	}
	return nil, false
}

// builderName returns the name of t if it is a type of xorm.io/builder.
func builderName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || apimatch.PkgPath(n.Obj().Pkg()) != builderPkg {
		return ""
	}
	return n.Obj().Name()
}

// isSliceValue reports whether v, a value of a builder map, is a slice
// (builder.Eq{"id": ids} is "id IN (...)").
func isSliceValue(v ssa.Value) bool {
	_, ok := unwrap(v).Type().Underlying().(*types.Slice)
	return ok
}

// isBuilderQuery reports whether v is a *builder.Builder: a subquery.
func isBuilderQuery(v ssa.Value) bool {
	return builderName(unwrap(v).Type()) == "Builder"
}

// storedConst returns the constant string stored through the one address
// of alloc that at selects, the column of a builder literal.
func storedConst(alloc *ssa.Alloc, at func(ssa.Instruction) bool) (string, bool) {
	col, found := "", false
	for _, r := range *alloc.Referrers() {
		if !at(r) {
			continue
		}
		for _, rr := range *r.(ssa.Value).Referrers() {
			st, ok := rr.(*ssa.Store)
			if !ok || st.Addr != r.(ssa.Value) {
				continue
			}
			k, ok := st.Val.(*ssa.Const)
			if !ok || k.Value == nil || k.Value.Kind() != constant.String || found {
				return "", false
			}
			col, found = constant.StringVal(k.Value), true
		}
	}
	return col, found
}
