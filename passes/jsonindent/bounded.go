package jsonindent

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
)

// unboundedType reports whether JSON-encoding a value of type t can produce
// a document of unbounded size: t contains, through exported (or embedded)
// struct fields, pointers, arrays and named types, a slice, a map or a
// chan, other than a slice of errors (an error envelope). Interfaces and
// type parameters are unknown and count as bounded; so do types that
// marshal themselves as text (time-like values, IPs).
func unboundedType(t types.Type, seen map[types.Type]bool) bool {
	if t == nil {
		return false
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if seen[t] {
			return false
		}
		seen[t] = true
		if marshalsText(t) {
			return false
		}
		return unboundedType(t.Underlying(), seen)
	case *types.Pointer:
		return unboundedType(t.Elem(), seen)
	case *types.Array:
		return t.Len() > 0 && unboundedType(t.Elem(), seen)
	case *types.Slice:
		// A list of errors is a report of what went wrong (a
		// validation's, a compiler's), not data that grows with a
		// table: error envelopes are small by construction.
		return !types.Identical(t.Elem(), errorType)
	case *types.Map, *types.Chan:
		return true
	case *types.Struct:
		for i := range t.NumFields() {
			f := t.Field(i)
			if !f.Exported() && !f.Embedded() {
				continue // encoding/json skips unexported fields
			}
			if reflect.StructTag(t.Tag(i)).Get("json") == "-" {
				continue
			}
			if unboundedType(f.Type(), seen) {
				return true
			}
		}
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type()

// marshalsText reports whether t or *t has a MarshalText method: such
// values (time.Time, net.IP, uuid.UUID, big.Int) encode as one string.
func marshalsText(t *types.Named) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), false, nil, "MarshalText")
	_, ok := obj.(*types.Func)
	return ok
}

// unboundedExpr reports whether the value of e is unbounded. Composite
// literals are judged by their elements (gin.H{"status": "ok"} is bounded,
// gin.H{"items": rows} is not), and so is a local variable whose only
// assignments are composite literals and which is never grown nor handed
// elsewhere (a map filled in a rows loop is judged by its type).
func (c *checker) unboundedExpr(fn *function, e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if depth > 8 {
		return c.unboundedOf(c.pass.TypesInfo.TypeOf(e))
	}
	switch x := e.(type) {
	case *ast.BasicLit:
		return false
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if c.unboundedExpr(fn, elt, depth+1) {
				return true
			}
		}
		return false
	case *ast.CallExpr:
		// []byte("...") and other conversions of constants.
		if len(x.Args) == 1 && c.pass.TypesInfo.Types[x.Fun].IsType() && c.pass.TypesInfo.Types[x.Args[0]].Value != nil {
			return false
		}
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
			return c.unboundedExpr(fn, lit, depth+1)
		}
	case *ast.Ident:
		if lits, ok := c.literalOnly(fn, x); ok {
			for _, lit := range lits {
				if c.unboundedExpr(fn, lit, depth+1) {
					return true
				}
			}
			return false
		}
		if v, ok := c.pass.TypesInfo.Uses[x].(*types.Var); ok {
			if lit, ok := c.packageLiterals()[v]; ok {
				return c.unboundedExpr(fn, lit, depth+1)
			}
		}
	case *ast.SelectorExpr:
		// s.config.DisallowedTopics: a list of the service's
		// configuration, as long as its operator makes it.
		if sel := c.pass.TypesInfo.Selections[x]; sel != nil && sel.Kind() == types.FieldVal && configType(c.pass.TypesInfo.TypeOf(x.X)) {
			return false
		}
	}
	if configType(c.pass.TypesInfo.TypeOf(e)) {
		return false // the configuration itself
	}
	return c.unboundedOf(c.pass.TypesInfo.TypeOf(e))
}

// configType reports whether t, or what it points to, is a named struct
// type named like configuration: its name ends in Config, Configuration,
// Options or Settings (server.Config, app.Settings). Its lists (allowed
// origins, disallowed topics) are as long as an operator makes them, not
// as the data grows. So are an access policy's (its name ends in Policy:
// minio's policy.Policy, an IAM document whose statements its author
// writes, and which the stores of such documents cap: 20 KiB for an S3 or
// MinIO bucket policy, 6 KiB for an AWS managed policy).
func configType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return false
	}
	name := n.Obj().Name()
	for _, suffix := range []string{"Config", "Configuration", "Options", "Settings", "Policy"} {
		if strings.HasSuffix(name, suffix) || strings.HasSuffix(name, strings.ToLower(suffix)) && len(name) == len(suffix) {
			return true
		}
	}
	return false
}

func (c *checker) unboundedOf(t types.Type) bool {
	return unboundedType(t, make(map[types.Type]bool))
}

// literalOnly returns the composite literals assigned to the local
// variable id refers to, if those are its only values and every other use
// of it is as the value of an encoding call or in len.
func (c *checker) literalOnly(fn *function, id *ast.Ident) ([]ast.Expr, bool) {
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || fn.body == nil || v.Pos() < fn.body.Pos() || v.Pos() >= fn.body.End() {
		return nil, false
	}
	var lits []ast.Expr
	ok = true
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if c.objOf(lhs) != v {
					ast.Inspect(lhs, visit)
					continue
				}
				if len(n.Rhs) != len(n.Lhs) || n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					ok = false
					return false
				}
				if !compositeLit(n.Rhs[i]) {
					ok = false
					return false
				}
				lits = append(lits, n.Rhs[i])
			}
			for _, rhs := range n.Rhs {
				ast.Inspect(rhs, visit)
			}
			return false
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if c.pass.TypesInfo.Defs[name] != v {
					continue
				}
				if len(n.Values) != len(n.Names) {
					ok = false // var m T: filled elsewhere
					return false
				}
				if !compositeLit(n.Values[i]) {
					ok = false
					return false
				}
				lits = append(lits, n.Values[i])
			}
		case *ast.CallExpr:
			if id, isID := ast.Unparen(n.Fun).(*ast.Ident); isID && id.Name == "len" {
				if _, builtin := c.pass.TypesInfo.Uses[id].(*types.Builtin); builtin {
					return false
				}
			}
			if c.isEncodingCall(n) {
				for _, a := range n.Args {
					if c.objOf(a) != v {
						ast.Inspect(a, visit)
					}
				}
				return false
			}
		case *ast.Ident:
			// Any other use (m[k] = x, append(m, ...), &m, f(m),
			// m.Field = x) may grow it.
			if c.pass.TypesInfo.Uses[n] == v {
				ok = false
				return false
			}
		}
		return true
	}
	ast.Inspect(fn.body, visit)
	return lits, ok && len(lits) > 0
}

// packageLiterals maps each package-level variable of the package that
// is declared with a composite literal (or its address) and never changed
// in the package to that literal: var emptyResponse = map[string]any{} or
// var ok = gin.H{"status": "ok"}, a fixed reply that handlers hand to a
// response helper (kafka-pixy's EmptyResponse), is judged by its literal.
// A variable is changed when it, or an element or field of it, is
// assigned or incremented, when its address is taken (explicitly, or by a
// method with a pointer receiver), or when it is given to the builtins
// delete, clear or copy (as the destination). A change through a copy of
// it (m := emptyResponse; m[k] = v) or in another package is not seen:
// the variable is then taken to be bounded, a miss, not a false finding.
func (c *checker) packageLiterals() map[*types.Var]ast.Expr {
	if c.pkgLits != nil {
		return c.pkgLits
	}
	c.pkgLits = make(map[*types.Var]ast.Expr)
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, name := range vs.Names {
					if v, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok && compositeLit(vs.Values[i]) {
						c.pkgLits[v] = vs.Values[i]
					}
				}
			}
		}
	}
	if len(c.pkgLits) == 0 {
		return c.pkgLits
	}
	changed := func(e ast.Expr) {
		if v := c.rootVar(e); v != nil {
			delete(c.pkgLits, v)
		}
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					changed(lhs)
				}
			case *ast.IncDecStmt:
				changed(n.X)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					changed(n.X)
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) > 0 {
					if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
						switch b.Name() {
						case "delete", "clear", "copy":
							changed(n.Args[0])
						}
					}
				}
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					if s := c.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
						if sig, ok := s.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
							if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
								changed(sel.X)
							}
						}
					}
				}
			}
			return true
		})
	}
	return c.pkgLits
}

// rootVar returns the package-level variable that e, an identifier or an
// element, field or dereference of one, is part of, or nil.
func (c *checker) rootVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.SelectorExpr:
			if s := c.pass.TypesInfo.Selections[x]; s == nil || s.Kind() != types.FieldVal {
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, ok := c.objOf(x).(*types.Var)
			if !ok || v.Parent() != c.pass.Pkg.Scope() {
				return nil
			}
			return v
		default:
			return nil
		}
	}
}

// compositeLit reports whether e is a composite literal or its address
// (&T{...}).
func compositeLit(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	_, ok := e.(*ast.CompositeLit)
	return ok
}

// objOf returns the object of an identifier expression used or defined.
func (c *checker) objOf(e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	if obj := c.pass.TypesInfo.Uses[id]; obj != nil {
		return obj
	}
	return c.pass.TypesInfo.Defs[id]
}
