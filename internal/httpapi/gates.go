package httpapi

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/memlint/memlint/internal/apimatch"
)

// Content-type gates: a route whose middleware answers 415 to every
// request with a body of another content type, such as chi's
// middleware.AllowContentType("application/json") (goatcounter mounts its
// whole JSON API behind it), never lets a multipart body reach its
// handler. Only the gate itself is judged here, as it is written in one
// package: a router made by With(gate, ...) (or assigned once from such a
// call) or one whose Use was given the gate.

// chiRouterTypes are the types whose route registrations are followed.
var chiRouterTypes = map[string]bool{
	"github.com/go-chi/chi.Router": true,
	"github.com/go-chi/chi.Mux":    true,
}

// chiRegisters are chi's route registrations; the handler is the last
// argument.
var chiRegisters = map[string]bool{
	"Get": true, "Post": true, "Put": true, "Patch": true, "Delete": true,
	"Head": true, "Options": true, "Connect": true, "Trace": true, "Query": true,
	"Handle": true, "HandleFunc": true, "Method": true, "MethodFunc": true,
}

// contentGates are the middlewares that reject a body whose Content-Type
// is not among their constant arguments (chi passes an empty body on).
var contentGates = map[string]bool{
	"github.com/go-chi/chi/middleware.AllowContentType": true,
}

// Gated holds the handlers registered only behind a content-type gate that
// turns multipart bodies away.
type Gated struct {
	Funcs map[*types.Func]bool
	Lits  map[*ast.FuncLit]bool
}

// MultipartGated returns the functions and literals of pkg's files used
// as values only as the handlers of chi routes behind a content-type gate
// without multipart/form-data, directly or through an adapter call given
// only the handler (zhttp.Wrap(h.count)), and never called directly.
func MultipartGated(pkg *types.Package, info *types.Info, files []*ast.File) Gated {
	w := walkChi(pkg, info, files)
	gated := map[*types.Func]int{} // gated registrations of each function
	out := Gated{Funcs: map[*types.Func]bool{}, Lits: map[*ast.FuncLit]bool{}}
	for _, call := range w.regs {
		sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !w.g.gated(sel.X, 0) {
			continue
		}
		h := handlerOf(call.Args[len(call.Args)-1])
		if lit, ok := h.(*ast.FuncLit); ok {
			out.Lits[lit] = true
		} else if fn := apimatch.FuncOf(info, h); fn != nil {
			gated[fn]++
		}
	}
	for fn, n := range gated {
		if n == w.values[fn] && !w.called[fn] {
			out.Funcs[fn] = true
		}
	}
	return out
}

// ChiGetOnly returns the unexported functions of pkg's files used as
// values only as the handlers of chi routes registered for GET (r.Get(p,
// h), directly or through an adapter call given only the handler:
// zhttp.Wrap(h.count)). Being unexported, no other package can route them
// otherwise; a call from another handler runs under that one's routes.
func ChiGetOnly(pkg *types.Package, info *types.Info, files []*ast.File) map[*types.Func]bool {
	w := walkChi(pkg, info, files)
	get := map[*types.Func]int{}
	for _, call := range w.regs {
		if w.g.routerMethod(call) != "Get" {
			continue
		}
		if fn := apimatch.FuncOf(info, handlerOf(call.Args[len(call.Args)-1])); fn != nil && !fn.Exported() {
			get[fn]++
		}
	}
	out := map[*types.Func]bool{}
	for fn, n := range get {
		if n == w.values[fn] {
			out[fn] = true
		}
	}
	return out
}

// chiWalk is what one walk of a package's files finds of its chi routes.
type chiWalk struct {
	g      *gates
	values map[*types.Func]int  // uses of the package's functions as values
	called map[*types.Func]bool // called directly: also run for their callers' routes
	regs   []*ast.CallExpr      // chi route registrations with a handler
}

// walkChi walks files once for MultipartGated and ChiGetOnly.
func walkChi(pkg *types.Package, info *types.Info, files []*ast.File) *chiWalk {
	w := &chiWalk{
		g: &gates{
			info:    info,
			assigns: map[*types.Var][]ast.Expr{},
			uses:    map[*types.Var][]*ast.CallExpr{},
		},
		values: map[*types.Func]int{},
		called: map[*types.Func]bool{},
	}
	g := w.g
	for _, f := range files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if v := g.localVar(l); v != nil {
							g.assigns[v] = append(g.assigns[v], n.Rhs[i])
						}
					}
				} else {
					for _, l := range n.Lhs {
						if v := g.localVar(l); v != nil {
							g.assigns[v] = append(g.assigns[v], nil) // unknown
						}
					}
				}
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					if m := g.routerMethod(n); m == "Use" {
						if v := g.localVar(sel.X); v != nil {
							g.uses[v] = append(g.uses[v], n)
						}
					} else if chiRegisters[m] && len(n.Args) > 0 {
						w.regs = append(w.regs, n)
					}
				}
			case *ast.Ident:
				fn, ok := info.Uses[n].(*types.Func)
				if !ok || fn.Pkg() != pkg {
					return true
				}
				if IsCallee(n, stack) {
					w.called[fn.Origin()] = true
				} else {
					w.values[fn.Origin()]++
				}
			}
			return true
		})
	}
	return w
}

type gates struct {
	info    *types.Info
	assigns map[*types.Var][]ast.Expr      // values assigned to local variables
	uses    map[*types.Var][]*ast.CallExpr // v.Use(...) calls on them
}

// IsCallee reports whether id names the function a call calls (f(...)
// or x.f(...)) rather than a use of it as a value; stack holds the nodes
// from the file down to id, id last.
func IsCallee(id *ast.Ident, stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.CallExpr:
		return ast.Unparen(p.Fun) == id
	case *ast.SelectorExpr:
		if p.Sel == id && len(stack) >= 3 {
			call, ok := stack[len(stack)-3].(*ast.CallExpr)
			return ok && ast.Unparen(call.Fun) == p
		}
	}
	return false
}

// handlerOf returns the function expression a handler argument names,
// through adapter calls given only it (zhttp.Wrap(h.count),
// http.HandlerFunc(f)).
func handlerOf(e ast.Expr) ast.Expr {
	for range 3 {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		e = call.Args[0]
	}
	return ast.Unparen(e)
}

// localVar returns the variable e names when it is a local variable or a
// parameter (not a field or a package variable), else nil.
func (g *gates) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := g.info.ObjectOf(id)
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// routerMethod returns the name of the chi router method call calls, or "".
func (g *gates) routerMethod(call *ast.CallExpr) string {
	fn := apimatch.Callee(g.info, call)
	if fn == nil {
		return ""
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !chiRouterTypes[apimatch.TypeKey(sig.Recv().Type())] {
		return ""
	}
	return fn.Name()
}

// gated reports whether the router e is one that only passes on bodies
// of a content type other than multipart/form-data.
func (g *gates) gated(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		if g.routerMethod(x) != "With" {
			return false
		}
		for _, a := range x.Args {
			if g.isGate(a) {
				return true
			}
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			return g.gated(sel.X, depth+1)
		}
	case *ast.Ident:
		v := g.localVar(x)
		if v == nil {
			return false
		}
		for _, use := range g.uses[v] {
			for _, a := range use.Args {
				if g.isGate(a) {
					return true // chi panics on Use after a route: it comes first
				}
			}
		}
		if as := g.assigns[v]; len(as) == 1 && as[0] != nil {
			return g.gated(as[0], depth+1)
		}
	}
	return false
}

// isGate reports whether e is a content-type gate whose constant types do
// not include multipart/form-data.
func (g *gates) isGate(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !contentGates[apimatch.CalleeKey(g.info, call)] || call.Ellipsis.IsValid() {
		return false
	}
	for _, a := range call.Args {
		tv, ok := g.info.Types[a]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return false
		}
		if strings.ToLower(strings.TrimSpace(constant.StringVal(tv.Value))) == "multipart/form-data" {
			return false
		}
	}
	return true
}
