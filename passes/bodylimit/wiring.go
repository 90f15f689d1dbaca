package bodylimit

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/passutil"
)

// routerTypes are the router types whose registrations the pass follows.
var routerTypes = map[string]bool{
	"github.com/gin-gonic/gin.Engine":      true,
	"github.com/gin-gonic/gin.RouterGroup": true,
	"github.com/labstack/echo.Echo":        true,
	"github.com/labstack/echo.Group":       true,
	"net/http.ServeMux":                    true,
	"github.com/go-chi/chi.Mux":            true,
	"github.com/gorilla/mux.Router":        true,
}

// routerMakers create an empty router.
var routerMakers = map[string]bool{
	"github.com/gin-gonic/gin.New":     true,
	"github.com/gin-gonic/gin.Default": true, // Logger and Recovery: no limit
	"github.com/labstack/echo.New":     true,
	"net/http.NewServeMux":             true,
	"github.com/go-chi/chi.NewRouter":  true,
	"github.com/gorilla/mux.NewRouter": true,
}

// serveMethods start serving a router (gin, echo).
var serveMethods = map[string]bool{
	"Run": true, "RunTLS": true, "RunUnix": true, "RunListener": true,
	"Start": true, "StartTLS": true, "StartAutoTLS": true, "StartH2CServer": true,
}

// serveFuncs serve their handler argument.
var serveFuncs = map[string]int{
	"net/http.ListenAndServe":    1,
	"net/http.ListenAndServeTLS": 3,
	"net/http.Serve":             1,
	"net/http.ServeTLS":          1,
	// echo v5: echo.StartConfig{Address: addr}.Start(ctx, e)
	"(github.com/labstack/echo.StartConfig).Start":    1,
	"(github.com/labstack/echo.StartConfig).StartTLS": 1,
}

var methods = map[string]bool{
	"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true,
	"HEAD": true, "OPTIONS": true, "CONNECT": true, "TRACE": true, "Any": true,
	// chi
	"Get": true, "Post": true, "Put": true, "Patch": true, "Delete": true,
	"Head": true, "Options": true, "Connect": true, "Trace": true, "Method": true, "MethodFunc": true,
}

// A router is a router value in a function: made there or a parameter.
type router struct {
	v       *types.Var
	param   int     // parameter index, or -1
	parent  *router // the router a group was made from
	limited bool    // a limiting (or unknown) middleware on it
	pending bool    // middlewares from f's parameters on it: its callers' to judge
	opaque  bool    // used in a way the pass cannot follow
	served  bool
	regs    []registration
	serve   token.Pos
}

// A registration is one handler registered on a router.
type registration struct {
	at      ast.Node   // the registering call
	handler ast.Expr   // the handler expression
	mws     []ast.Expr // route middlewares
	get     bool       // a route for GET only (gin's GET, chi's Get): Bind and ShouldBind read no body, nor reads that run for other methods
	// a helper registering on the router: its reads, reported at the call
	helper *regRead
}

// wiring follows the routers of f and reports the unbounded readers
// registered on routers whose whole wiring f shows.
func (c *checker) wiring(f *function) {
	routers := c.routers(f)
	for _, r := range routers {
		if r.limited {
			c.limitedRouter = true
		}
	}
	for _, r := range routers {
		if r.parent != nil || r.param >= 0 {
			continue
		}
		if !c.complete(routers, r) {
			continue
		}
		for _, g := range routers {
			if !descends(g, r) || chainLimited(g) {
				continue
			}
			for _, reg := range g.regs {
				if c.limitedMWs(f, reg.mws) {
					continue
				}
				c.reportRegistration(f, reg, r)
			}
		}
	}
}

func descends(g, r *router) bool {
	for ; g != nil; g = g.parent {
		if g == r {
			return true
		}
	}
	return false
}

func chainLimited(g *router) bool {
	for ; g != nil; g = g.parent {
		if g.limited || g.pending {
			return true
		}
	}
	return false
}

// complete reports whether root is served in f and neither it nor a group
// of it is used in a way the pass cannot follow.
func (c *checker) complete(routers []*router, root *router) bool {
	if !root.served {
		return false
	}
	for _, g := range routers {
		if descends(g, root) && g.opaque {
			return false
		}
	}
	return true
}

// paramRouters computes the Routers and Registers of f's summary: router
// parameters f only registers handlers on, with no limit, and the handlers
// among them that read unbounded.
func (c *checker) paramRouters(f *function) ([]int, []regRead) {
	if f.obj == nil {
		return nil, nil
	}
	hasRouterParam := false
	for v := range f.sig.Params().Variables() {
		if routerTypes[apimatch.TypeKey(v.Type())] {
			hasRouterParam = true
		}
	}
	if !hasRouterParam {
		return nil, nil
	}
	routers := c.routers(f)
	var params []int
	var regs []regRead
	for _, r := range routers {
		if r.param < 0 || r.parent != nil {
			continue
		}
		clean := true
		for _, g := range routers {
			if descends(g, r) && (g.opaque || g.limited || g.pending || g.served) {
				clean = false
			}
		}
		if !clean {
			continue
		}
		params = append(params, r.param)
		for _, g := range routers {
			if !descends(g, r) {
				continue
			}
			for _, reg := range g.regs {
				if c.limitedMWs(f, reg.mws) {
					continue
				}
				for _, rd := range c.handlerReads(f, reg) {
					regs = append(regs, regRead{param: r.param, handler: rd.handler, api: rd.api, pos: rd.pos})
				}
			}
		}
	}
	return params, regs
}

// routers finds f's routers and classifies every use of them.
func (c *checker) routers(f *function) []*router {
	info := c.pass.TypesInfo
	byVar := map[*types.Var]*router{}
	var out []*router
	for i := range f.sig.Params().Len() {
		v := f.sig.Params().At(i)
		if routerTypes[apimatch.TypeKey(v.Type())] {
			r := &router{v: v, param: i}
			byVar[v] = r
			out = append(out, r)
		}
	}
	// Routers made in f: x := gin.New(), echo.New(), http.NewServeMux(),
	// and groups g := x.Group(...).
	for v, defs := range f.defs {
		if len(defs) != 1 {
			continue
		}
		call, ok := ast.Unparen(defs[0].rhs).(*ast.CallExpr)
		if !ok {
			continue
		}
		if routerMakers[apimatch.CalleeKey(info, call)] {
			r := &router{v: v, param: -1}
			byVar[v] = r
			out = append(out, r)
		}
	}
	// Groups, in any order of declaration: iterate until stable.
	for range 4 {
		for v, defs := range f.defs {
			if byVar[v] != nil || len(defs) != 1 {
				continue
			}
			call, ok := ast.Unparen(defs[0].rhs).(*ast.CallExpr)
			if !ok {
				continue
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			var mws []ast.Expr
			switch sel.Sel.Name {
			case "Group":
				mws = groupMWs(call)
			case "Subrouter":
				// gorilla: s := r.PathPrefix("/api").Subrouter()
				route, ok := ast.Unparen(sel.X).(*ast.CallExpr)
				if !ok || !isSubrouter(info, call) {
					continue
				}
				inner, ok := ast.Unparen(route.Fun).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				sel = inner
			default:
				continue
			}
			if p := c.routerOf(byVar, sel.X); p != nil {
				g := &router{v: v, param: -1, parent: p}
				if c.limitedMWs(f, mws) {
					g.limited = true
				}
				byVar[v] = g
				out = append(out, g)
			}
		}
	}
	// f.defs is a map: order the routers by declaration so that reports
	// come out in the same order on every run.
	slices.SortStableFunc(out, func(a, b *router) int { return cmp.Compare(a.v.Pos(), b.v.Pos()) })
	if len(out) == 0 && !c.usesDefaultMux(f) {
		return nil
	}
	// The default ServeMux, used through http.Handle and http.HandleFunc.
	dflt := &router{param: -1}
	usedDefault := false

	// Classify every use.
	// The fixed point of run summarizes f several times: map its nodes'
	// parents once (in a huge generated router this map is most of the
	// pass's time).
	if f.parents == nil {
		f.parents = parentMap(f.body)
	}
	parents := f.parents
	ast.Inspect(f.body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && n != f.node {
			// A router captured by a literal escapes our view, unless
			// the literal only reads a field of it (e.Logger).
			ast.Inspect(lit.Body, func(m ast.Node) bool {
				if call, ok := m.(*ast.CallExpr); ok && c.nilHandlerServe(f, call, parents) {
					dflt.served, dflt.serve = true, call.Pos() // go func() { srv.ListenAndServe() }()
				}
				if id, ok := m.(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && byVar[v] != nil && !c.fieldUse(id, parents) {
						byVar[v].opaque = true
					}
				}
				return true
			})
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			switch apimatch.CalleeKey(info, n) {
			case "net/http.Handle", "net/http.HandleFunc":
				if len(n.Args) == 2 {
					usedDefault = true
					dflt.regs = append(dflt.regs, registration{at: n, handler: n.Args[1]})
				}
			}
			if i, ok := serveFuncs[apimatch.CalleeKey(info, n)]; ok && i < len(n.Args) {
				if id, ok := ast.Unparen(n.Args[i]).(*ast.Ident); ok && id.Name == "nil" {
					dflt.served = true
					dflt.serve = n.Pos()
				}
			}
			if c.nilHandlerServe(f, n, parents) {
				dflt.served, dflt.serve = true, n.Pos()
			}
		case *ast.Ident:
			v, ok := info.Uses[n].(*types.Var)
			if !ok || byVar[v] == nil {
				return true
			}
			c.classify(f, byVar, byVar[v], n, parents)
		}
		return true
	})
	if usedDefault {
		out = append(out, dflt)
	}
	return out
}

// handedToHandlerSetter reports whether the http.Server literal lit, or a
// local variable assigned it, is given to a function that sets the
// server's Handler (srv.Handler = http.MaxBytesHandler(srv.Handler, n)):
// a handlerSets fact, or the summary of a function of the package.
func (c *checker) handedToHandlerSetter(f *function, lit *ast.CompositeLit, parents map[ast.Node]ast.Node) bool {
	info := c.pass.TypesInfo
	var e ast.Node = lit
	if u, ok := parents[lit].(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u
	}
	setter := func(call *ast.CallExpr, arg ast.Node) bool {
		fn := apimatch.Callee(info, call)
		if fn == nil {
			return false
		}
		for i, a := range call.Args {
			if ast.Node(ast.Unparen(a)) == arg && c.setsHandlerOf(fn).Has(i) {
				return true
			}
		}
		return false
	}
	switch p := parents[e].(type) {
	case *ast.CallExpr:
		return setter(p, e)
	case *ast.AssignStmt:
		// srv := &http.Server{...}; lib.Serve(srv)
		for i, rhs := range p.Rhs {
			if ast.Node(ast.Unparen(rhs)) != e || i >= len(p.Lhs) {
				continue
			}
			id, ok := p.Lhs[i].(*ast.Ident)
			if !ok {
				return false
			}
			v, _ := info.ObjectOf(id).(*types.Var)
			if v == nil {
				return false
			}
			found := false
			ast.Inspect(f.body, func(n ast.Node) bool {
				use, ok := n.(*ast.Ident)
				if !ok || found || info.Uses[use] != v {
					return !found
				}
				if call, ok := parents[use].(*ast.CallExpr); ok && setter(call, use) {
					found = true
				}
				return true
			})
			return found
		}
	}
	return false
}

// setsHandlerOf returns the *http.Server parameters whose Handler fn
// sets: of a function of the package, or of another through its fact.
func (c *checker) setsHandlerOf(fn *types.Func) passutil.Params {
	fn = fn.Origin()
	if g := c.byObj[fn]; g != nil {
		c.servesServers(g)
		return c.handlerSets[g]
	}
	if fact, ok := c.importedFact(fn); ok {
		return fact.HandlerSets
	}
	return nil
}

// routerOf returns the router e names.
func (c *checker) routerOf(byVar map[*types.Var]*router, e ast.Expr) *router {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
	return byVar[v]
}

func groupMWs(call *ast.CallExpr) []ast.Expr {
	if len(call.Args) > 1 {
		return call.Args[1:]
	}
	return nil
}

// parentMap maps every node under root to its parent.
func parentMap(root ast.Node) map[ast.Node]ast.Node {
	m := map[ast.Node]ast.Node{}
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			m[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	return m
}

// classify records what the use id of router r does.
func (c *checker) classify(f *function, byVar map[*types.Var]*router, r *router, id *ast.Ident, parents map[ast.Node]ast.Node) {
	info := c.pass.TypesInfo
	p := parents[id]
	for {
		if pe, ok := p.(*ast.ParenExpr); ok {
			p = parents[pe]
			continue
		}
		break
	}
	switch p := p.(type) {
	case *ast.AssignStmt:
		// The definition of a group or router itself (lhs), or a copy (rhs).
		for _, l := range p.Lhs {
			if l == id {
				return
			}
		}
		r.opaque = true
	case *ast.ValueSpec:
		for _, n := range p.Names {
			if n == id {
				return
			}
		}
		r.opaque = true
	case *ast.SelectorExpr:
		call, ok := parents[p].(*ast.CallExpr)
		if !ok || call.Fun != p {
			return // a field (e.HideBanner, r.MaxMultipartMemory)
		}
		name := p.Sel.Name
		switch {
		case name == "Use" || name == "Pre":
			var mws []ast.Expr
			for _, a := range call.Args {
				if c.mwParam(f, a) >= 0 {
					r.pending = true // judged at f's calls (installs)
				} else {
					mws = append(mws, a)
				}
			}
			if c.limitedMWs(f, mws) {
				r.limited = true
			}
		case name == "Group":
			// Made into a group variable (above), or used inline: the
			// routes of an inline group are not followed.
			if _, ok := parents[call].(*ast.AssignStmt); !ok {
				r.opaque = true
			}
		case serveMethods[name]:
			r.served, r.serve = true, call.Pos()
		case methods[name] || name == "Handle" || name == "HandleFunc" || name == "Add" || name == "Match":
			if reg, ok := c.registrationOf(call, name); ok {
				r.regs = append(r.regs, reg)
			} else {
				r.opaque = true
			}
		case name == "Handler" || name == "ServeHTTP" || name == "Mount" || name == "Host":
			r.opaque = true
		}
	case *ast.CallExpr:
		key := apimatch.CalleeKey(info, p)
		if i, ok := serveFuncs[key]; ok && i < len(p.Args) && ast.Unparen(p.Args[i]) == id {
			r.served, r.serve = true, p.Pos()
			return
		}
		fn := apimatch.Callee(info, p)
		if fn != nil {
			if cs := c.calleeSummary(fn); cs != nil {
				for i, a := range p.Args {
					if ast.Unparen(a) != id {
						continue
					}
					for _, rp := range cs.routers {
						if rp == i {
							for _, rr := range cs.regs {
								if rr.param == i {
									rr := rr
									r.regs = append(r.regs, registration{at: p, helper: &rr})
								}
							}
							return
						}
					}
				}
			}
		}
		r.opaque = true
	case *ast.KeyValueExpr:
		// http.Server{Handler: r}
		if k, ok := p.Key.(*ast.Ident); ok && k.Name == "Handler" {
			if lit, ok := parents[p].(*ast.CompositeLit); ok && apimatch.TypeKey(info.TypeOf(lit)) == "net/http.Server" {
				if c.handedToHandlerSetter(f, lit, parents) {
					r.opaque = true // the function may wrap the Handler in a limit
					return
				}
				r.served, r.serve = true, lit.Pos()
				return
			}
		}
		r.opaque = true
	default:
		r.opaque = true
	}
}

// registrationOf splits a registering call into handler and middlewares.
func (c *checker) registrationOf(call *ast.CallExpr, name string) (registration, bool) {
	info := c.pass.TypesInfo
	fn := apimatch.Callee(info, call)
	if fn == nil || fn.Signature().Recv() == nil {
		return registration{}, false
	}
	recv := apimatch.TypeKey(fn.Signature().Recv().Type())
	args := call.Args
	reg := registration{at: call}
	switch recv {
	case "github.com/gin-gonic/gin.RouterGroup", "github.com/gin-gonic/gin.Engine":
		// (path, handlers...) or Handle(method, path, handlers...)
		first := 1
		if name == "Handle" || name == "Match" {
			first = 2
		}
		if len(args) <= first || call.Ellipsis.IsValid() {
			return registration{}, false
		}
		reg.handler = args[len(args)-1]
		reg.mws = args[first : len(args)-1]
		reg.get = name == "GET"
		if name == "Handle" {
			// g.Handle("GET", "", h) (pufferpanel): GET only, as GET.
			m, ok := c.constString(args[0])
			reg.get = ok && m == "GET"
		}
	case "github.com/labstack/echo.Echo", "github.com/labstack/echo.Group":
		// (path, h, m...) or Add(method, path, h, m...)
		h := 1
		if name == "Add" || name == "Match" {
			h = 2
		}
		if len(args) <= h || call.Ellipsis.IsValid() {
			return registration{}, false
		}
		reg.handler = args[h]
		reg.mws = args[h+1:]
	case "net/http.ServeMux":
		if len(args) != 2 {
			return registration{}, false
		}
		reg.handler = args[1]
	case "github.com/gorilla/mux.Router":
		// Handle(path, h) or HandleFunc(path, f)
		if len(args) != 2 {
			return registration{}, false
		}
		reg.handler = args[1]
	case "github.com/go-chi/chi.Mux":
		if len(args) < 2 {
			return registration{}, false
		}
		reg.handler = args[len(args)-1]
		reg.get = name == "Get"
	default:
		return registration{}, false
	}
	return reg, true
}

// mwParam returns the index of the parameter of the named function f that
// the middleware argument a is (e.Use(mws...), e.Use(mw)), or -1. A
// literal's parameter is -1: its calls cannot be found.
func (c *checker) mwParam(f *function, a ast.Expr) int {
	if f.obj == nil {
		return -1
	}
	return c.paramIndex(f, a)
}

// installedParams returns the parameters of f whose middlewares f
// installs on a router it makes or is given (woodpecker's
// router.Load(noRoute, middleware ...gin.HandlerFunc) calls
// e.Use(middleware...)): whether they bound bodies is up to f's callers.
func (c *checker) installedParams(f *function) passutil.Params {
	if f.obj == nil {
		return nil
	}
	var out passutil.Params
	inspectBody(f.body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Use" && sel.Sel.Name != "Pre") || !routerTypes[apimatch.TypeKey(c.pass.TypesInfo.TypeOf(sel.X))] {
			return
		}
		for _, a := range call.Args {
			if i := c.mwParam(f, a); i >= 0 {
				out = out.Add(i)
			}
		}
	})
	return out
}

// passedInstalls returns f's installs with the parameters f, or a
// function literal in it, passes unwrapped to a parameter a callee
// installs (installsOf, of the package or through a fact: hanko's
// server.StartPublic(cfg, wg, persister, prometheus, ...) calls
// handler.NewPublicRouter(cfg, persister, prometheus, ...), whose
// e.Use(prometheus) makes it installs(2)): whether they bound bodies is
// up to f's callers too.
func (c *checker) passedInstalls(f *function) passutil.Params {
	out := f.installs
	if f.obj == nil {
		return out
	}
	inspectNested(f, func(_ *function, n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		fn := apimatch.Callee(c.pass.TypesInfo, call)
		if fn == nil {
			return
		}
		ps := c.installsOf(fn)
		if len(ps) == 0 {
			return
		}
		for i, a := range call.Args {
			if !ps.Has(argParam(fn, i)) {
				continue
			}
			if p := c.mwParam(f, a); p >= 0 {
				out = out.Add(p)
			}
		}
	})
	return out
}

// argParam returns the index of the parameter of fn that its call's
// argument i is given to: the variadic parameter for every argument from
// its index on.
func argParam(fn *types.Func, i int) int {
	sig := fn.Signature()
	if last := sig.Params().Len() - 1; sig.Variadic() && i > last {
		return last
	}
	return i
}

// installsOf returns the parameters whose middlewares fn installs, from
// the package's functions or fn's fact. Only the module's own functions
// count: a framework's Use installs its parameters too, and its calls are
// the wiring's (classify).
func (c *checker) installsOf(fn *types.Func) passutil.Params {
	fn = fn.Origin()
	if g := c.byObj[fn]; g != nil {
		return g.installs
	}
	if fn.Pkg() == c.pass.Pkg || !c.inThisModule(fn) {
		return nil
	}
	var fact bodyFact
	if !c.pass.ImportObjectFact(fn, &fact) {
		return nil
	}
	return fact.Installs
}

// installedLimit judges the middlewares call, in f, passes to fn, which
// installs its parameters ps: true when one of them bounds bodies or may
// (one the pass cannot resolve, or a slice spread with ...), false when
// none does. A local variable of f is judged by its value (hanko's
// prometheus := echoprometheus.NewMiddleware("hanko")), nil installs
// nothing, and a parameter of the function declaring f that it installs
// this way (passedInstalls) is its callers' to judge: no limit here.
func (c *checker) installedLimit(f *function, fn *types.Func, call *ast.CallExpr, ps passutil.Params) bool {
	top := f.outermost()
	for i, a := range call.Args {
		if !ps.Has(argParam(fn, i)) {
			continue
		}
		if top != nil {
			if p := c.mwParam(top, a); p >= 0 && top.installs.Has(p) {
				continue
			}
		}
		if c.mwLimits(f, a) {
			return true
		}
	}
	return false
}

// limitedMWs reports whether any of the middlewares bounds request bodies,
// or may: one the pass cannot resolve counts as a limit.
func (c *checker) limitedMWs(f *function, mws []ast.Expr) bool {
	for _, m := range mws {
		if c.mwLimits(f, m) {
			return true
		}
	}
	return false
}

// mwLimits reports whether the middleware m bounds request bodies, or
// may: a closure or function whose summary limits, a known limiter, or
// a value the pass cannot resolve.
//
// A local variable of f assigned once, and a call of one (a middleware
// maker's result: traQ's requires := AccessControlMiddlewareGenerator(
// rbac), then requires(permission.GetUser)), are judged by the value
// assigned: the maker's summary says whether anything it returns bounds
// bodies.
func (c *checker) mwLimits(f *function, m ast.Expr) bool {
	return c.mwLimitsDepth(f, m, 0)
}

func (c *checker) mwLimitsDepth(f *function, m ast.Expr, depth int) bool {
	info := c.pass.TypesInfo
	m = ast.Unparen(m)
	if info.Types[m].IsNil() {
		return false // installs nothing (hanko's server.StartAdmin(cfg, &wg, persister, nil))
	}
	if depth < 4 {
		if rhs := c.onlyValue(f, m); rhs != nil {
			return c.mwLimitsDepth(f, rhs, depth+1)
		}
		if call, ok := m.(*ast.CallExpr); ok && apimatch.Callee(info, call) == nil {
			if rhs := c.onlyValue(f, call.Fun); rhs != nil {
				return c.mwLimitsDepth(f, rhs, depth+1)
			}
		}
	}
	switch x := m.(type) {
	case *ast.FuncLit:
		if g := c.byLit[x]; g != nil {
			return g.sum.limiter || len(g.sum.limits) > 0
		}
		return true
	case *ast.CallExpr:
		fn := apimatch.Callee(info, x)
		if fn == nil {
			// A conversion (gin.HandlerFunc(f), http.HandlerFunc(f)) or a
			// func value call.
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				return c.mwLimitsDepth(f, x.Args[0], depth)
			}
			return true
		}
		if _, ok := httpapi.Limiter(fn); ok {
			return true
		}
		if cs := c.calleeSummary(fn); cs != nil {
			return cs.limiter || len(cs.limits) > 0
		}
		return false // a known function with no fact: no limit
	case *ast.Ident, *ast.SelectorExpr:
		if fn := c.funcOf(m); fn != nil {
			if _, ok := httpapi.Limiter(fn); ok {
				return true // bodyLimit := middleware.BodyLimit, bodyLimit("1M")
			}
			if cs := c.calleeSummary(fn); cs != nil {
				return cs.limiter || len(cs.limits) > 0
			}
			return false
		}
		return true // a variable: unknown
	}
	return true
}

// onlyValue returns the value of e when e is a local variable of f (or of
// a function f is nested in) assigned exactly once, by an expression
// assignable to it, and never through its address or from a literal; else
// nil.
func (c *checker) onlyValue(f *function, e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || f == nil {
		return nil
	}
	v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil || v.IsField() {
		return nil
	}
	for g := f; g != nil; g = g.outer {
		if v.Pos() < g.body.Pos() || v.Pos() >= g.body.End() {
			continue
		}
		defs := g.defs[v]
		if len(defs) != 1 || c.escapes(g, v) {
			return nil
		}
		// The value itself, not an element of it (for _, mw := range mws)
		// nor one result of a tuple.
		rhs := defs[0].rhs
		if t := c.pass.TypesInfo.TypeOf(rhs); t == nil || !types.AssignableTo(t, v.Type()) {
			return nil
		}
		return rhs
	}
	return nil
}

// funcOf returns the function or method a value expression denotes
// (f, pkg.F, x.Method), or nil.
func (c *checker) funcOf(e ast.Expr) *types.Func {
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[x].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			if sel.Kind() == types.MethodVal {
				fn, _ := sel.Obj().(*types.Func)
				return fn
			}
			return nil
		}
		fn, _ := info.Uses[x.Sel].(*types.Func)
		return fn
	}
	return nil
}

// A handlerRead is a read found behind a registered handler.
type handlerRead struct {
	handler string
	api     string
	pos     string
	local   *function // the handler, when declared in this package
	read    read
}

// handlerReads returns the unbounded reads of the handler reg registers.
func (c *checker) handlerReads(f *function, reg registration) []handlerRead {
	if reg.helper != nil {
		return []handlerRead{{handler: reg.helper.handler, api: reg.helper.api, pos: reg.helper.pos}}
	}
	info := c.pass.TypesInfo
	h := ast.Unparen(reg.handler)
	// http.HandlerFunc(f), gin.HandlerFunc(f), echo.HandlerFunc(f)
	if call, ok := h.(*ast.CallExpr); ok {
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			h = ast.Unparen(call.Args[0])
		}
	}
	var out []handlerRead
	add := func(name string, g *function, s *summary) {
		if s == nil {
			return
		}
		sig := (*types.Signature)(nil)
		if g != nil {
			sig = g.sig
		}
		for _, r := range s.reads {
			if sig != nil && !isHolderParam(sig, r.param) {
				continue
			}
			out = append(out, handlerRead{handler: name, api: r.api, pos: r.pos, local: g, read: r})
		}
	}
	if lit, ok := h.(*ast.FuncLit); ok {
		if g := c.byLit[lit]; g != nil {
			add("func literal", g, &g.sum)
		}
		return out
	}
	fn := c.funcOf(h)
	if fn == nil {
		// A value with a ServeHTTP method (mux.Handle(path, h)).
		t := info.TypeOf(h)
		if t == nil || types.IsInterface(t) {
			return nil
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, "ServeHTTP")
		fn, _ = obj.(*types.Func)
		if fn == nil {
			return nil
		}
	}
	if !httpapi.IsHandler(fn.Signature()) {
		return nil
	}
	name := fn.Name()
	if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg {
		name = fn.Pkg().Name() + "." + name
	}
	if r := fn.Signature().Recv(); r != nil {
		name = types.TypeString(r.Type(), func(p *types.Package) string {
			if p == c.pass.Pkg {
				return ""
			}
			return p.Name()
		}) + "." + fn.Name()
		name = "(" + name[:len(name)-len(fn.Name())-1] + ")." + fn.Name()
	}
	g := c.byObj[fn.Origin()]
	if g != nil {
		add(name, g, &g.sum)
	} else {
		add(name, nil, c.calleeSummary(fn))
	}
	return out
}

func isHolderParam(sig *types.Signature, i int) bool {
	if i < 0 || i >= sig.Params().Len() {
		return false
	}
	_, ok := httpapi.Holder(sig.Params().At(i).Type())
	return ok
}

// usesDefaultMux reports whether f registers on the default ServeMux.
func (c *checker) usesDefaultMux(f *function) bool {
	found := false
	inspectBody(f.body, func(n ast.Node) {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			switch apimatch.CalleeKey(c.pass.TypesInfo, call) {
			case "net/http.Handle", "net/http.HandleFunc":
				found = true
			}
		}
	})
	return found
}

// fieldUse reports whether id is only the operand of a field selection
// (e.Logger, e.Logger.Error(...)), which neither registers nor serves.
func (c *checker) fieldUse(id *ast.Ident, parents map[ast.Node]ast.Node) bool {
	sel, ok := parents[id].(*ast.SelectorExpr)
	if !ok || sel.X != id {
		return false
	}
	s, ok := c.pass.TypesInfo.Selections[sel]
	return ok && s.Kind() == types.FieldVal
}

// isSubrouter reports whether call is gorilla's (*Route).Subrouter.
func isSubrouter(info *types.Info, call *ast.CallExpr) bool {
	return apimatch.CalleeKey(info, call) == "(*github.com/gorilla/mux.Route).Subrouter"
}

// serverServes are the methods of http.Server that serve its Handler.
var serverServes = map[string]bool{
	"(*net/http.Server).ListenAndServe":    true,
	"(*net/http.Server).ListenAndServeTLS": true,
	"(*net/http.Server).Serve":             true,
	"(*net/http.Server).ServeTLS":          true,
}

// nilHandlerServe reports whether call serves, through a local http.Server
// of f whose Handler is never set, the default ServeMux: srv :=
// &http.Server{Addr: addr} (or var srv http.Server) and srv.ListenAndServe().
// Every other use of the variable must be a method call or a field other
// than Handler: passed, copied or captured in any other way, its Handler
// may be set where the pass does not look.
func (c *checker) nilHandlerServe(f *function, call *ast.CallExpr, parents map[ast.Node]ast.Node) bool {
	info := c.pass.TypesInfo
	if !serverServes[apimatch.CalleeKey(info, call)] {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.Pos() < f.body.Pos() || v.Pos() >= f.body.End() {
		return false // a parameter, a field or a package variable
	}
	switch defs := f.defs[v]; len(defs) {
	case 0:
		if apimatch.TypeKey(v.Type()) != "net/http.Server" {
			return false
		}
		if _, isPtr := v.Type().(*types.Pointer); isPtr {
			return false // var srv *http.Server: nil
		}
	case 1:
		rhs := ast.Unparen(defs[0].rhs)
		if u, ok := rhs.(*ast.UnaryExpr); ok && u.Op == token.AND {
			rhs = ast.Unparen(u.X)
		}
		lit, ok := rhs.(*ast.CompositeLit)
		if !ok || apimatch.TypeKey(info.TypeOf(lit)) != "net/http.Server" {
			return false
		}
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				return false // positional: sets Handler
			}
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Handler" {
				return false
			}
		}
	default:
		return false
	}
	ok = true
	ast.Inspect(f.body, func(n ast.Node) bool {
		use, isID := n.(*ast.Ident)
		if !ok || !isID || info.Uses[use] != v {
			return ok
		}
		switch p := parents[use].(type) {
		case *ast.SelectorExpr:
			if p.X != use {
				ok = false
			} else if as, isAssign := parents[p].(*ast.AssignStmt); isAssign && p.Sel.Name == "Handler" && slices.Contains(as.Lhs, ast.Expr(p)) {
				ok = false // srv.Handler = h
			}
		case *ast.AssignStmt:
			// its definition, srv := &http.Server{...}; not a later
			// assignment (in a literal, defs does not see it)
			ok = p.Tok == token.DEFINE && slices.Contains(p.Lhs, ast.Expr(use))
		case *ast.ValueSpec:
			// var srv http.Server, var srv = &http.Server{...}
		default:
			ok = false
		}
		return ok
	})
	return ok
}
