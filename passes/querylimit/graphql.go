package querylimit

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/httpapi"
)

// gqlTypes returns the struct types declared in the files of the package
// that gqlgen generated (its models file: input types such as type
// Pagination struct{ Limit *int }).
func gqlTypes(files []*ast.File, info *types.Info) map[*types.TypeName]bool {
	var m map[*types.TypeName]bool
	for _, f := range files {
		if !httpapi.IsGQLGenerated(f) {
			continue
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, s := range gd.Specs {
				ts := s.(*ast.TypeSpec)
				tn, ok := info.Defs[ts.Name].(*types.TypeName)
				if !ok || tn.IsAlias() {
					continue
				}
				if _, ok := tn.Type().Underlying().(*types.Struct); ok {
					if m == nil {
						m = map[*types.TypeName]bool{}
					}
					m[tn] = true
				}
			}
		}
	}
	return m
}

// gqlRead describes v when it is a GraphQL field's argument that the
// client's query sets, read without a call, or returns "": an integer
// parameter of a gqlgen resolver method (after ctx and the parent object,
// httpapi.ResolverArg), a pointer to an integer one (an optional
// argument, limitMedia *int) or its value (*limitMedia), and an integer
// field of an input struct (*paginate.Limit for paginate
// *models.Pagination), through a pointer field too. An argument or a
// field the function writes or compares in memory is not judged
// (checkedAddr), like a bound request struct's.
func (c *checker) gqlRead(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.Parameter:
		if c.resolverArg(x) && (isInteger(x.Type()) || isIntPointer(x.Type()) && !checkedAddr(x, -1)) {
			return "GraphQL argument " + x.Name()
		}
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return ""
		}
		switch y := x.X.(type) {
		case *ssa.Parameter:
			// *limitMedia
			if c.resolverArg(y) && isIntPointer(y.Type()) && !checkedAddr(y, -1) {
				return "GraphQL argument " + y.Name()
			}
		case *ssa.FieldAddr:
			// paginate.Limit (an int field), or the pointer loaded from
			// a *int field (then the caller derefs it)
			if isInteger(x.Type()) || isIntPointer(x.Type()) {
				return c.gqlField(y.X, y.Field)
			}
		case *ssa.UnOp:
			// *paginate.Limit
			if fa, ok := y.X.(*ssa.FieldAddr); ok && y.Op == token.MUL && isIntPointer(y.Type()) {
				return c.gqlField(fa.X, fa.Field)
			}
		}
	case *ssa.Field:
		// filter.Limit of an input struct passed by value
		if isInteger(x.Type()) {
			return c.gqlField(x.X, x.Field)
		}
	}
	return ""
}

// gqlField names field i of base when base is (a pointer to) a GraphQL
// input struct and the function neither writes nor compares the field in
// memory.
func (c *checker) gqlField(base ssa.Value, i int) string {
	tn := structOf(base.Type())
	if tn == nil || !(c.gql[tn] || httpapi.IsGQLInput(base.Type(), c.pass.Pkg)) {
		return ""
	}
	if _, ptr := base.Type().Underlying().(*types.Pointer); ptr && checkedAddr(base, i) {
		return ""
	}
	st := tn.Type().Underlying().(*types.Struct)
	name := "input " + tn.Name()
	switch b := base.(type) {
	case *ssa.Parameter:
		name = b.Name()
	case *ssa.Alloc:
		if b.Comment != "" {
			name = b.Comment // a parameter kept in memory
		}
	}
	return "GraphQL input " + name + "." + st.Field(i).Name()
}

// resolverArg reports whether p is an argument of a gqlgen resolver
// method.
func (c *checker) resolverArg(p *ssa.Parameter) bool {
	fn, ok := p.Parent().Object().(*types.Func)
	if !ok || p.Parent().Signature.Recv() == nil {
		return false
	}
	i := paramIndex(p)
	return i >= 0 && httpapi.ResolverArg(fn, i)
}

// structOf returns T for a named struct type T or a pointer to one.
func structOf(t types.Type) *types.TypeName {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n.Origin().Obj()
}

func isIntPointer(t types.Type) bool {
	p, ok := types.Unalias(t).Underlying().(*types.Pointer)
	return ok && isInteger(p.Elem())
}

// checkedAddr reports whether the function writes or compares (<, <=, >,
// >=) what base points to (field -1) or its field, directly or through
// a pointer the field holds: a default or a clamp done in memory
// ("if *limit > 100 { *limit = 100 }", "if *p.Limit > 100 { return }"),
// which the value flow cannot attribute to one load. Precision first: such
// a value is not judged.
func checkedAddr(base ssa.Value, field int) bool {
	var addrs []ssa.Value
	if field < 0 {
		addrs = []ssa.Value{base}
	} else if base.Referrers() != nil {
		for _, r := range *base.Referrers() {
			if fa, ok := r.(*ssa.FieldAddr); ok && fa.X == base && fa.Field == field {
				addrs = append(addrs, fa)
			}
		}
	}
	for depth := 0; depth < 2 && len(addrs) > 0; depth++ {
		var next []ssa.Value
		for _, a := range addrs {
			if a.Referrers() == nil {
				continue
			}
			for _, r := range *a.Referrers() {
				switch r := r.(type) {
				case *ssa.Store:
					if r.Addr == a {
						return true
					}
				case *ssa.UnOp:
					if r.Op != token.MUL || r.Referrers() == nil {
						continue
					}
					if isIntPointer(r.Type()) {
						next = append(next, r) // the pointer a *int field holds
						continue
					}
					if compared(r) {
						return true
					}
				}
			}
		}
		addrs = next
	}
	return false
}

// compared reports whether v, or a conversion of it, is an operand of an
// ordering comparison.
func compared(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.BinOp:
			switch r.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				return true
			}
		case *ssa.Convert:
			if r.Referrers() != nil && compared(r) {
				return true
			}
		}
	}
	return false
}
