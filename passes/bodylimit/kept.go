package bodylimit

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// A graceful-shutdown wrapper keeps the http.Server it is given and serves
// it from a method: braintree/manners' NewWithServer(s) returns
// &GracefulServer{Server: s, ...}, whose Serve(l) wraps s.Server.Handler in
// a handler that bounds nothing and calls s.Server.Serve(l) (pufferpanel:
// webService = manners.NewWithServer(&http.Server{Handler: router}), then
// webService.Serve(l)). Two facts describe it: keeps (the function returns
// a struct holding its *http.Server parameter in a field) and servesField
// (the method starts the *http.Server its receiver holds in that field,
// its Handler as the caller set it). A call of such a method on a variable
// every assignment of which is a keeps call, keeping in the same field,
// starts the servers given to those calls (servedHandlers).

// keepsParams returns the parameter of f, a function of the package,
// that is an *http.Server f returns kept in a field of a struct literal
// (return &T{Server: s}) on every return, the same field each time, and
// whose Handler f never sets; and that field's name.
func (c *checker) keepsParams(f *function) (passutil.Params, string) {
	if f.skip || f.body == nil || f.sig.Recv() != nil || f.sig.Results().Len() == 0 || !serverParam(f.sig) {
		return nil, ""
	}
	info := c.pass.TypesInfo
	var ps passutil.Params
	field := ""
	ok := true
	returns := 0
	ast.Inspect(f.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if sel, isSel := ast.Unparen(l).(*ast.SelectorExpr); isSel && sel.Sel.Name == "Handler" && c.paramIndex(f, sel.X) >= 0 {
					ok = false // it sets the server's Handler: it may bound it
				}
			}
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) == 0 {
				ok = false
				return false
			}
			u, isU := ast.Unparen(n.Results[0]).(*ast.UnaryExpr)
			if !isU || u.Op != token.AND {
				ok = false
				return false
			}
			lit, isLit := ast.Unparen(u.X).(*ast.CompositeLit)
			if !isLit {
				ok = false
				return false
			}
			var here passutil.Params
			name := ""
			for _, e := range lit.Elts {
				kv, isKV := e.(*ast.KeyValueExpr)
				if !isKV {
					continue
				}
				key, isKey := kv.Key.(*ast.Ident)
				if i := c.paramIndex(f, kv.Value); isKey && i >= 0 && isHTTPServer(info.TypeOf(kv.Value)) {
					here = here.Add(i)
					name = key.Name
				}
			}
			if len(here) != 1 || (returns > 1 && (!slices.Equal(here, ps) || name != field)) {
				ok = false
				return false
			}
			ps, field = here, name
		}
		return true
	})
	if !ok || returns == 0 {
		return nil, ""
	}
	return ps, field
}

// isHTTPServer reports whether t is *http.Server or http.Server.
func isHTTPServer(t types.Type) bool {
	return t != nil && apimatch.TypeKey(t) == "net/http.Server"
}

// keepsOf returns the keeps parameters of fn, of the package or (a fact)
// of another, and the field that keeps them.
func (c *checker) keepsOf(fn *types.Func) (passutil.Params, string) {
	fn = fn.Origin()
	if g := c.byObj[fn]; g != nil {
		return c.keepsParams(g)
	}
	if fact, ok := c.importedFact(fn); ok {
		return fact.Keeps, fact.KeptIn
	}
	return nil, ""
}

// servesRecv returns the field of f's receiver that f, a method of the
// package, starts the *http.Server of: the receiver's struct has one
// field of type *http.Server or http.Server, and f starts it
// (s.Server.Serve(l), or the promoted s.Serve(l) of an embedded one),
// directly, in a closure or through another such method of the same
// receiver (manners' ListenAndServe calls s.Serve), and never sets its
// Handler to what may bound bodies (manners' s.Server.Handler =
// gracefulHandler, := newGracefulHandler(s.Server.Handler), bounds
// nothing). "" when it does not.
func (c *checker) servesRecv(f *function) string {
	if v, ok := c.recvServes[f]; ok {
		return v
	}
	c.recvServes[f] = "" // a recursive call serves nothing more
	if f.skip || f.body == nil || f.sig.Recv() == nil {
		return ""
	}
	field := serverField(f.sig.Recv().Type())
	if field == nil {
		return ""
	}
	info := c.pass.TypesInfo
	recv := f.sig.Recv()
	// onRecv reports whether e is the receiver or its server field.
	onRecv := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if sel, ok := e.(*ast.SelectorExpr); ok {
			if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal || s.Obj() != field {
				return false
			}
			e = ast.Unparen(sel.X)
		}
		id, ok := e.(*ast.Ident)
		return ok && info.Uses[id] == recv
	}
	serves, set := false, false
	inspectNested(f, func(in *function, n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for j, l := range n.Lhs {
				sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Handler" || !onRecv(sel.X) {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) || c.mayBoundIn(in, n.Rhs[j]) {
					set = true
				}
			}
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || !onRecv(sel.X) {
				return
			}
			if serverServes[apimatch.CalleeKey(info, n)] {
				// s.Serve(l) on the receiver itself is the embedded
				// server's only if the field is embedded.
				if _, isID := ast.Unparen(sel.X).(*ast.Ident); !isID || field.Embedded() {
					serves = true
				}
				return
			}
			if g := c.packageFunc(n); g != nil && g.sig.Recv() != nil {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == recv && c.servesRecv(g) == field.Name() {
					serves = true
				}
			}
		}
	})
	v := ""
	if serves && !set {
		v = field.Name()
	}
	c.recvServes[f] = v
	return v
}

// serverField returns the one field of type *http.Server or http.Server
// of the struct t is, or points to; nil when there is none, or more.
func serverField(t types.Type) *types.Var {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var found *types.Var
	for fld := range st.Fields() {
		if isHTTPServer(fld.Type()) {
			if found != nil {
				return nil
			}
			found = fld
		}
	}
	return found
}

// servesRecvOf returns the field of its receiver whose server fn, a
// method of the package or (a fact) of another, starts (servesRecv).
func (c *checker) servesRecvOf(fn *types.Func) string {
	fn = fn.Origin()
	if g := c.byObj[fn]; g != nil {
		return c.servesRecv(g)
	}
	if fact, ok := c.importedFact(fn); ok {
		return fact.ServesField
	}
	return ""
}

// mayBoundIn is mayBound, seeing through a local variable of f assigned
// once: gracefulHandler := newGracefulHandler(s.Server.Handler).
func (c *checker) mayBoundIn(f *function, e ast.Expr) bool {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok {
			for g := f; g != nil; g = g.outer {
				if defs, ok := g.defs[v]; ok {
					if len(defs) == 1 {
						return c.mayBound(defs[0].rhs)
					}
					return true
				}
			}
		}
	}
	return c.mayBound(e)
}

// keptServers returns the handlers of the servers x holds in field, x a
// local or unexported package variable every assignment of which (in the
// package) is a call of a function that keeps its *http.Server parameter
// in that field (keepsOf): webService = manners.NewWithServer(
// &http.Server{Handler: router}). False when x is anything else, or a
// value may come from elsewhere.
func (c *checker) keptServers(x ast.Expr, field string) ([]ast.Expr, bool) {
	info := c.pass.TypesInfo
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.Pkg() != c.pass.Pkg || v.Exported() && v.Parent() == c.pass.Pkg.Scope() {
		return nil, false
	}
	if g, _ := c.paramOwner(v); g != nil {
		return nil, false
	}
	var rhs []ast.Expr
	bad := false
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if bad {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if lid, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(lid) == v {
						if len(n.Lhs) != len(n.Rhs) {
							bad = true
							return false
						}
						rhs = append(rhs, n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if info.Defs[name] == v && i < len(n.Values) {
						if len(n.Names) != len(n.Values) {
							bad = true
							return false
						}
						rhs = append(rhs, n.Values[i])
					}
				}
			case *ast.UnaryExpr:
				if uid, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[uid] == v {
					bad = true // its address is taken: set elsewhere
					return false
				}
			}
			return true
		})
	}
	if bad || len(rhs) == 0 {
		return nil, false
	}
	var hs []ast.Expr
	for _, r := range rhs {
		call, ok := ast.Unparen(r).(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return nil, false
		}
		fn := apimatch.Callee(info, call)
		if fn == nil {
			return nil, false
		}
		ps, kept := c.keepsOf(fn)
		if len(ps) == 0 || kept != field {
			return nil, false
		}
		for _, i := range ps {
			if i >= len(call.Args) {
				return nil, false
			}
			more, ok := c.serversOf(call.Args[i], 1)
			if !ok {
				return nil, false
			}
			hs = append(hs, more...)
		}
	}
	return hs, true
}
