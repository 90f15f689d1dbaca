package querylimit

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/ssabuild"
)

// preparedText returns the query text of the *sql.Stmt stmt: the text
// given to the Prepare call it comes from in the same function, or the
// text prepared into the struct field it is loaded from anywhere in this
// package (s.selectStmt); nil if unknown.
func (c *checker) preparedText(stmt ssa.Value) ssa.Value {
	switch x := stmt.(type) {
	case *ssa.Extract:
		if x.Index != 0 {
			return nil
		}
		prep, ok := x.Tuple.(*ssa.Call)
		if !ok {
			return nil
		}
		q := stringParam(prep.Common())
		if q < 0 {
			return nil
		}
		return callArgs(prep.Common())[q]
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil
		}
		if f := fieldOf(x.X); f != nil {
			return c.preparedFields()[f]
		}
	}
	return nil
}

// fieldOf returns the struct field addr addresses, or nil.
func fieldOf(addr ssa.Value) *types.Var {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}

// preparedFields maps the *sql.Stmt fields of this package's structs to
// the constant query text prepared into them, in the two shapes real
// repositories use (dendrite, and the many code bases written like it):
//
//	s.selectStmt, err = db.Prepare(selectSQL)
//	sqlutil.StatementList{{&s.selectStmt, selectSQL}, ...}.Prepare(db)
//
// The second is any struct literal pairing the address of a *sql.Stmt
// field with a constant string. A field given two different texts maps to
// nil: which one a call runs is unknown.
func (c *checker) preparedFields() map[*types.Var]ssa.Value {
	if c.stmts != nil {
		return c.stmts
	}
	c.stmts = map[*types.Var]ssa.Value{}
	add := func(f *types.Var, q ssa.Value) {
		if old, ok := c.stmts[f]; ok && !sameText(old, q) {
			c.stmts[f] = nil
			return
		}
		c.stmts[f] = q
	}
	for _, fn := range c.pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA).SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				// s.selectStmt, err = db.Prepare(selectSQL)
				if f := fieldOf(st.Addr); f != nil && isStmt(f.Type()) {
					if ext, ok := st.Val.(*ssa.Extract); ok && ext.Index == 0 {
						if call, ok := ext.Tuple.(*ssa.Call); ok && isPrepare(call.Common()) {
							add(f, c.preparedText(ext))
						}
					}
					continue
				}
				// {&s.selectStmt, selectSQL}: a literal's element holding
				// the address of a *sql.Stmt field, and a sibling element
				// holding a constant string.
				f := fieldOf(st.Val)
				if f == nil || !isStmt(f.Type()) {
					continue
				}
				elem, ok := st.Addr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				if q := siblingString(elem); q != nil {
					add(f, q)
				}
			}
		}
	}
	return c.stmts
}

// siblingString returns the one constant string stored into another field
// of the struct elem is a field of, in the same block, or nil.
func siblingString(elem *ssa.FieldAddr) ssa.Value {
	refs := elem.X.Referrers()
	if refs == nil {
		return nil // a field of a package variable: no literal
	}
	var found ssa.Value
	for _, r := range *refs {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa == elem || fa.Block() != elem.Block() {
			continue
		}
		for _, rr := range *fa.Referrers() {
			st, ok := rr.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			k, ok := st.Val.(*ssa.Const)
			if !ok || k.Value == nil || k.Value.Kind() != constant.String {
				continue
			}
			if found != nil {
				return nil // two strings: which is the query is unknown
			}
			found = k
		}
	}
	return found
}

func sameText(a, b ssa.Value) bool {
	ka, ok1 := a.(*ssa.Const)
	kb, ok2 := b.(*ssa.Const)
	return a == b || ok1 && ok2 && ka.Value != nil && kb.Value != nil && constant.Compare(ka.Value, token.EQL, kb.Value)
}

func isStmt(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == sqlPkg && n.Obj().Name() == "Stmt"
}

// isPrepare reports whether call prepares a *sql.Stmt from a query text:
// Prepare or PrepareContext of *sql.DB, *sql.Tx or *sql.Conn.
func isPrepare(common *ssa.CallCommon) bool {
	sig := common.Signature()
	return sig.Results().Len() == 2 && isStmt(sig.Results().At(0).Type()) && stringParam(common) >= 0
}
