package httpapi

import (
	"go/ast"
	"go/types"
	"slices"
)

// Adapted handlers: a service's own handler type that its package adapts
// to a server. ardanlabs/service's web package declares
//
//	type HandlerFunc func(ctx context.Context, r *http.Request) Encoder
//
// and App.HandlerFunc registers, on its http.ServeMux, a func(w, r) that
// calls the HandlerFunc it was given with its own request; Prometheus's
// API does the same with apiFunc, func(r *http.Request) apiFuncResult.
// Such a handler takes no http.ResponseWriter, so its shape alone does not
// say it runs in a server (a *http.Request is a client's value too): its
// adaptation does. A type is an adapter when a function of its package
// with a server-side signature (ServerSideSig: an http.ResponseWriter or a
// framework context) calls a value of the type, giving it that function's
// own request, r itself (not r.WithContext(ctx), whose body is r's
// anyway: a call given only a derived request is not seen). The
// functions and function literals given where an adapter is expected are
// its handlers: a call's argument (app.HandlerFunc(http.MethodPost, v,
// "/users", api.create)), a conversion (web.HandlerFunc(f)), a composite
// literal's element or an assignment to a variable or field of the type.

// AdapterFact marks a named function type as an adapted handler type:
// functions of that type are server handlers, for every package that
// uses them. A pass exports it on the types Adapters returns for the
// package it analyses, and imports it for the types of other packages in
// the isAdapter function it gives AdaptedHandlers.
type AdapterFact struct{}

// AFact implements analysis.Fact.
func (*AdapterFact) AFact() {}

func (*AdapterFact) String() string { return "adaptedHandler" }

// Adapters returns the named function types declared in pkg that a
// server-side function of pkg calls with its own request (see the package
// comment above). A handler of an adapter found so far is server-side
// too, for the types it calls in turn: OpenMeter's httptransport adapts
// RequestDecoder[Req], func(ctx, *http.Request) (Req, error), which its
// generic handler's ServeHTTP calls with its request, and
// RequestDecoderWithArgs, which only a RequestDecoder literal calls
// (With(arg) sets decodeRequest to func(ctx, r) { return
// h.requestDecoder(ctx, r, arg) }). The search repeats until it finds no
// new type.
func Adapters(pkg *types.Package, info *types.Info, files []*ast.File) []*types.TypeName {
	var out []*types.TypeName
	seen := map[*types.TypeName]bool{}
	funcs, lits := map[*types.Func]bool{}, map[*ast.FuncLit]bool{}
	for {
		if len(out) > 0 {
			funcs, lits = AdaptedHandlers(info, files, func(tn *types.TypeName) bool { return seen[tn] })
		}
		n := len(out)
		out = adapters(pkg, info, files, seen, out, funcs, lits)
		if len(out) == n {
			return out
		}
	}
}

// adapters adds to out the adapter types (not yet seen) that a
// server-side function, or one of the adapted handlers funcs and lits,
// calls with its own request.
func adapters(pkg *types.Package, info *types.Info, files []*ast.File, seen map[*types.TypeName]bool, out []*types.TypeName, funcs map[*types.Func]bool, lits map[*ast.FuncLit]bool) []*types.TypeName {
	// requests holds the request parameters of the server-side functions
	// enclosing the node being visited.
	var requests []*types.Var
	var visit func(n ast.Node) bool
	enter := func(sig *types.Signature, body *ast.BlockStmt, adapted bool) {
		if sig == nil || body == nil {
			return
		}
		n := len(requests)
		if adapted || ServerSideSig(sig) {
			for v := range sig.Params().Variables() {
				if f, ok := Holder(v.Type()); ok && f == NetHTTP {
					requests = append(requests, v)
				}
			}
		}
		ast.Inspect(body, visit)
		requests = requests[:n]
	}
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			sig, _ := info.TypeOf(n).(*types.Signature)
			enter(sig, n.Body, lits[n])
			return false
		case *ast.CallExpr:
			if len(requests) == 0 {
				return true
			}
			tn := adapterCandidate(info.TypeOf(n.Fun), pkg)
			if tn == nil || seen[tn] {
				return true
			}
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				return true // a conversion, not a call
			}
			for _, a := range n.Args {
				id, ok := ast.Unparen(a).(*ast.Ident)
				if !ok {
					continue
				}
				v, _ := info.Uses[id].(*types.Var)
				if v != nil && slices.Contains(requests, v) {
					seen[tn] = true
					out = append(out, tn)
					break
				}
			}
		}
		return true
	}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			enter(fn.Signature(), fd.Body, funcs[fn])
		}
	}
	return out
}

// adapterCandidate returns the type name of t when t is a named function
// type declared in pkg with a *http.Request parameter and no
// ResponseWriter or framework context, whose shape would say it already.
// For an instance of a generic type it is the generic type's name.
func adapterCandidate(t types.Type, pkg *types.Package) *types.TypeName {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != pkg {
		return nil
	}
	sig, ok := named.Underlying().(*types.Signature)
	if !ok || ServerSideSig(sig) {
		return nil // its shape says it already (func(w, r) error)
	}
	for v := range sig.Params().Variables() {
		if f, ok := Holder(v.Type()); ok && f == NetHTTP {
			return named.Obj()
		}
	}
	return nil
}

// AdaptedHandlers returns the functions and function literals of files
// given where a value of an adapter type is expected (see the package
// comment above). isAdapter says whether a named type is one: a type of
// the package from Adapters, or one whose AdapterFact the pass imports.
func AdaptedHandlers(info *types.Info, files []*ast.File, isAdapter func(*types.TypeName) bool) (funcs map[*types.Func]bool, lits map[*ast.FuncLit]bool) {
	funcs, lits = map[*types.Func]bool{}, map[*ast.FuncLit]bool{}
	adapter := func(t types.Type) bool {
		if t == nil {
			return false
		}
		named, ok := types.Unalias(t).(*types.Named)
		return ok && isAdapter(named.Obj())
	}
	mark := func(e ast.Expr) {
		switch e := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			lits[e] = true
		case *ast.Ident:
			if fn, ok := info.Uses[e].(*types.Func); ok {
				funcs[fn.Origin()] = true
			}
		case *ast.SelectorExpr:
			// A method value (api.create) or a qualified function.
			if fn, ok := info.Uses[e.Sel].(*types.Func); ok {
				funcs[fn.Origin()] = true
			}
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
					if len(n.Args) == 1 && adapter(tv.Type) {
						mark(n.Args[0])
					}
					return true
				}
				ft := info.TypeOf(n.Fun)
				if ft == nil {
					return true
				}
				sig, ok := ft.Underlying().(*types.Signature)
				if !ok {
					return true
				}
				for i, a := range n.Args {
					if p := paramType(sig, i, n.Ellipsis.IsValid()); p != nil && adapter(p) {
						mark(a)
					}
				}
			case *ast.CompositeLit:
				for _, e := range n.Elts {
					v := e
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						v = kv.Value
					}
					if adapter(slotType(info, n, e)) {
						mark(v)
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, l := range n.Lhs {
					if adapter(info.TypeOf(l)) {
						mark(n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				if n.Type == nil || len(n.Values) != len(n.Names) {
					return true
				}
				if adapter(info.TypeOf(n.Type)) {
					for _, v := range n.Values {
						mark(v)
					}
				}
			}
			return true
		})
	}
	return funcs, lits
}

// paramType returns the type a call's argument i is given to, the
// element type for the variadic part (none for a spread slice).
func paramType(sig *types.Signature, i int, spread bool) types.Type {
	params := sig.Params()
	n := params.Len()
	if n == 0 {
		return nil
	}
	if sig.Variadic() && i >= n-1 {
		if spread {
			return nil
		}
		if s, ok := params.At(n - 1).Type().Underlying().(*types.Slice); ok {
			return s.Elem()
		}
		return nil
	}
	if i >= n {
		return nil
	}
	return params.At(i).Type()
}

// slotType returns the type of the slot element e of composite literal
// lit fills: a struct field's, or a slice's, array's or map's element
// type; nil when unknown.
func slotType(info *types.Info, lit *ast.CompositeLit, e ast.Expr) types.Type {
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					return v.Type()
				}
			}
			return nil
		}
		for i, x := range lit.Elts {
			if x == e && i < u.NumFields() {
				return u.Field(i).Type()
			}
		}
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		return u.Elem()
	}
	return nil
}
