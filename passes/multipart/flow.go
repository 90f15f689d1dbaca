package multipart

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/ssabuild"
)

// handedOff reports whether o (its variable, request or form) escapes the
// function: returned, stored outside a local variable, sent, put in a
// composite literal, captured by a goroutine or an escaping closure, or
// passed to a func value, an interface method or a function whose result
// can hold it (see mayRetain).
func (c *checker) handedOff(body *ast.BlockStmt, o *owner) bool {
	info := c.pass.TypesInfo
	found := false
	var walk func(n ast.Node, escaping bool)
	walk = func(root ast.Node, escaping bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.GoStmt:
				if c.mentions(n.Call, o) {
					found = true
				}
				return false
			case *ast.FuncLit:
				// A literal that is called or deferred on the spot runs
				// here; any other may run later, elsewhere.
				if escaping && c.mentions(n.Body, o) {
					found = true
					return false
				}
				walk(n.Body, false)
				return false
			case *ast.CallExpr:
				if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
					walk(lit.Body, false)
					for _, a := range n.Args {
						walk(a, true)
					}
					return false
				}
				for _, a := range n.Args {
					if c.refersTo(a, o) && c.mayRetain(n, o) {
						found = true
					}
				}
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					if c.refersTo(r, o) {
						found = true
					}
				}
			case *ast.SendStmt:
				if c.refersTo(n.Value, o) {
					found = true
				}
			case *ast.CompositeLit:
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						e = kv.Value
					}
					if c.refersTo(e, o) {
						found = true
					}
				}
			case *ast.AssignStmt:
				for i, rhs := range n.Rhs {
					if len(n.Lhs) != len(n.Rhs) || !c.refersTo(rhs, o) {
						continue
					}
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						if id.Name == "_" {
							continue
						}
						if v := identVar(info, id); v != nil && v.Parent() != nil && v.Parent() != v.Pkg().Scope() {
							continue // a local variable
						}
					}
					found = true // field, element, global
				}
			}
			return !found
		})
	}
	walk(body, false)
	return found
}

// mentions reports whether n refers to o anywhere.
func (c *checker) mentions(n ast.Node, o *owner) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && !found && c.refersTo(e, o) {
			found = true
		}
		return !found
	})
	return found
}

// mayRetain reports whether a call that receives the tracked value o as an
// argument may keep it or clean it up later: calls of func values and
// interface methods, functions the ownership engine says keep it, or
// return it in a value that leaves the function, and, when the engine has
// no summary of a function of this package, one with a result that can
// hold o (an empty interface, or a type that contains o's type).
// Functions known to remove the form are releases, not hand-offs.
func (c *checker) mayRetain(call *ast.CallExpr, o *owner) bool {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return false // conversion
	}
	fn := apimatch.Callee(info, call)
	if fn == nil {
		if _, ok := info.Types[call.Fun].Type.(*types.Signature); ok {
			return true // func value
		}
		return false // builtin
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return true
	}
	var fact formFact
	if c.pass.ImportObjectFact(fn.Origin(), &fact) {
		return false
	}
	// What the ownership engine knows of fn: one that removes the form is
	// a release, not a hand-off; a parameter o is passed as that fn keeps
	// is a hand-off; one it returns in a wrapper (a view built from the
	// request) is handed off only if the wrapper leaves this function.
	// The engine summarises every function of every package, and exports
	// a fact only for one that does more than use its parameters: a
	// function of another package with no fact only uses them.
	f := c.own.OfFunc(fn)
	if f == nil && fn.Pkg() != c.pass.Pkg {
		f = &ownership.Fact{}
	}
	if f != nil {
		if len(f.RemovesForm) > 0 {
			return false
		}
		returned := false
		for i, a := range call.Args {
			if !c.refersTo(a, o) {
				continue
			}
			p := min(i, sig.Params().Len()-1) // variadic arguments: the last parameter
			if f.Retains.Has(p) || f.RetainsOnSuccess.Has(p) {
				return true
			}
			returned = returned || f.Returns.Has(p)
		}
		if returned {
			return !c.resultStaysLocal(call)
		}
		// fn neither keeps nor returns o, so its result holds none of
		// it, whatever its type can hold (goatcounter's log.AttrHTTP(r)
		// returns a slog.Attr built from the request's method, URL and
		// form values).
		return false
	}
	seen := map[types.Type]bool{}
	for v := range sig.Results().Variables() {
		if canHold(v.Type(), o.v.Type(), seen) {
			return true
		}
	}
	return false
}

// canHold reports whether a value of type t can hold a value of type want:
// t is an empty interface, or want is reachable from t through pointers,
// struct fields, elements and map entries.
func canHold(t, want types.Type, seen map[types.Type]bool) bool {
	if types.Identical(t, want) {
		return true
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return u.Empty()
	case *types.Pointer:
		return canHold(u.Elem(), want, seen)
	case *types.Slice:
		return canHold(u.Elem(), want, seen)
	case *types.Array:
		return canHold(u.Elem(), want, seen)
	case *types.Chan:
		return canHold(u.Elem(), want, seen)
	case *types.Map:
		return canHold(u.Key(), want, seen) || canHold(u.Elem(), want, seen)
	case *types.Struct:
		for f := range u.Fields() {
			if canHold(f.Type(), want, seen) {
				return true
			}
		}
	}
	return false
}

// leakPath searches the CFG for a path from the parse to a return on which
// o's form is never removed. Branches taken when the parse failed are
// pruned. It returns the leaking return (or the parse itself when a loop
// reaches it again), or nil.
func (c *checker) leakPath(g *cfg.CFG, s site, o *owner) ast.Node {
	var defblock *cfg.Block
	var rest []ast.Node
outer:
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if n.Pos() <= s.call.Pos() && s.call.End() <= n.End() {
				defblock, rest = b, b.Nodes[i+1:]
				break outer
			}
		}
	}
	if defblock == nil {
		return nil // unreachable code
	}
	for _, n := range rest {
		if c.releasesIn(n, o) {
			return nil
		}
	}
	if ret := defblock.Return(); ret != nil {
		return ret
	}
	seen := map[*cfg.Block]bool{}
	var search func(blocks []*cfg.Block) ast.Node
	search = func(blocks []*cfg.Block) ast.Node {
		for _, b := range blocks {
			if seen[b] {
				continue
			}
			seen[b] = true
			if slices.ContainsFunc(b.Nodes, func(n ast.Node) bool { return c.releasesIn(n, o) }) {
				continue
			}
			if ret := b.Return(); ret != nil {
				return ret
			}
			if ret := search(c.succs(b, s, o)); ret != nil {
				return ret
			}
		}
		return nil
	}
	return search(c.succs(defblock, s, o))
}

// succs returns b's successors, without the branch taken when s's parse
// failed (if err != nil, if r.ParseMultipartForm(n) != nil).
//
// Likewise it drops the branch on which o's form is nil
// (if r.MultipartForm != nil { r.MultipartForm.RemoveAll() }): there is
// nothing to remove there.
func (c *checker) succs(b *cfg.Block, s site, o *owner) []*cfg.Block {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return b.Succs
	}
	last := b.Nodes[len(b.Nodes)-1]
	if keep, ok := c.okBranch(last, s); ok {
		return b.Succs[keep : keep+1]
	}
	if cond, ok := last.(*ast.BinaryExpr); ok && (cond.Op == token.NEQ || cond.Op == token.EQL) {
		isNil := c.pass.TypesInfo.Types[cond.Y].IsNil()
		x := cond.X
		if !isNil && c.pass.TypesInfo.Types[cond.X].IsNil() {
			isNil, x = true, cond.Y
		}
		if isNil && c.isFormOf(x, o) {
			if cond.Op == token.NEQ {
				return b.Succs[:1]
			}
			return b.Succs[1:]
		}
	}
	return b.Succs
}

// okBranch reports, for a condition comparing s's error with nil, which
// branch (0: then, 1: else) is taken when the parse succeeded.
func (c *checker) okBranch(n ast.Node, s site) (int, bool) {
	cond, ok := n.(*ast.BinaryExpr)
	if !ok || (cond.Op != token.NEQ && cond.Op != token.EQL) {
		return 0, false
	}
	isErr := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if e == s.call {
			return true
		}
		id, ok := e.(*ast.Ident)
		return ok && s.errVar != nil && c.pass.TypesInfo.Uses[id] == s.errVar
	}
	isNil := func(e ast.Expr) bool {
		return c.pass.TypesInfo.Types[e].IsNil()
	}
	if !(isErr(cond.X) && isNil(cond.Y) || isErr(cond.Y) && isNil(cond.X)) {
		return 0, false
	}
	if cond.Op == token.NEQ {
		return 1, true
	}
	return 0, true
}

// frameworkCopies says, for gin and echo, why the package may hand the
// framework's handlers a copy of the server's request ("" if nothing
// shows it may). Neither framework copies by itself: a handler's
// c.Request (gin) or c.Request() (echo) is the request the server passed
// to the engine, whose multipart files net/http removes, unless something
// replaces it. The package may replace it when it
//
//   - assigns a gin.Context's Request or calls an echo Context's
//     SetRequest (a middleware's c.Request = c.Request.WithContext(ctx));
//   - imports a tracing middleware that does (otelgin, otelecho,
//     echo-contrib's jaegertracing and zipkintracing);
//   - calls an echo middleware that does (Timeout, ContextTimeout and their
//     WithConfig forms, WrapMiddleware of a net/http middleware);
//   - serves an engine through a wrapper that copies (http.StripPrefix,
//     http.TimeoutHandler, http.MaxBytesHandler).
//
// A call of a function of another package that copies is not seen here;
// the remote rule sees one installed on an engine, not on a group or a
// route (traQ's router package gives its groups its middleware package's
// UserAuthenticate, whose SetRequest copies: a miss, unlabelled). _test.go
// files do not count: a test that builds a context by hand
// (gin.CreateTestContext, then c.Request = req) replaces no request the
// server serves.
func (c *checker) frameworkCopies() (gin, echo string) {
	mark := func(k ownerKind, why string, _ ast.Node) {
		switch {
		case k == ginOwner && gin == "":
			gin = why
		case k == echoOwner && echo == "":
			echo = why
		}
	}
	for k, paths := range copyingImports {
		for _, p := range paths {
			if apimatch.Imports(c.pass.Pkg, p) {
				mark(k, "it imports "+p[strings.LastIndex(p, "/")+1:], nil)
			}
		}
	}
	for _, file := range c.pass.Files {
		if passutil.IsTestFile(c.pass.Fset, file) {
			continue // a test's c.Request = req (gin.CreateTestContext) serves nothing
		}
		c.copiesIn(file, false, mark)
	}
	return gin, echo
}

// copiesIn marks, with mark, what in n may replace a framework
// context's request with a copy (see frameworkCopies); with viaFacts, a
// call of a function of the module that does (copierFact) too.
func (c *checker) copiesIn(n ast.Node, viaFacts bool, mark func(ownerKind, string, ast.Node)) {
	info := c.pass.TypesInfo
	ast.Inspect(n, func(node ast.Node) bool {
		switch n := node.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == "Request" {
					if k, ok := kindOf(info.TypeOf(sel.X)); ok && k == ginOwner {
						mark(ginOwner, "it assigns a gin.Context's Request", n)
					}
				}
			}
		case *ast.CallExpr:
			fn := apimatch.Callee(info, n)
			key := apimatch.Key(fn)
			if k, ok := copyingCalls[key]; ok {
				mark(k, "it calls "+fn.Pkg().Name()+"."+fn.Name(), n)
			}
			if k, ok := c.servesThrough(n, fn); ok {
				mark(k, "it serves the engine through http."+fn.Name(), n)
			}
			if viaFacts {
				if f := c.copier(fn); f != nil {
					for _, k := range f.kinds() {
						mark(k, fmt.Sprintf("it calls %s, which replaces %s's request (%s)", passutil.FuncName(fn), frameworkName(k), f.Pos), n)
					}
				}
			}
		}
		return true
	})
}

// copyingImports are packages whose middleware replaces the framework
// context's request with a copy (a span in its context).
var copyingImports = map[ownerKind][]string{
	ginOwner:  {"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"},
	echoOwner: {"go.opentelemetry.io/contrib/instrumentation/github.com/labstack/echo/otelecho", "github.com/labstack/echo-contrib/jaegertracing", "github.com/labstack/echo-contrib/zipkintracing"},
}

// copyingCalls are the calls that replace the framework context's request
// with a copy, keyed by apimatch.Key (echo v4 and v5 share keys).
var copyingCalls = map[string]ownerKind{
	"(github.com/labstack/echo.Context).SetRequest":                echoOwner, // v4
	"(*github.com/labstack/echo.Context).SetRequest":               echoOwner, // v5
	"github.com/labstack/echo.WrapMiddleware":                      echoOwner,
	"github.com/labstack/echo/middleware.Timeout":                  echoOwner,
	"github.com/labstack/echo/middleware.TimeoutWithConfig":        echoOwner,
	"github.com/labstack/echo/middleware.ContextTimeout":           echoOwner,
	"github.com/labstack/echo/middleware.ContextTimeoutWithConfig": echoOwner,
}

// upstreamCleanup returns the position of a middleware in the package: a
// function that parses the multipart form of a request, removes it, and
// passes that request on to the next handler (next.ServeHTTP(w, r),
// next(w, r), or gin's c.Next()). After it, a handler's ParseMultipartForm
// or FormFile finds the form parsed and does nothing, and the middleware
// deletes the files: handler parses in the package are not reported. Only
// the package's own middleware is seen; one in another package is not.
func (c *checker) upstreamCleanup(ins *inspector.Inspector) token.Pos {
	info := c.pass.TypesInfo
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var body *ast.BlockStmt
		var sig *types.Signature
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			body, sig = n.Body, funcSig(n, info)
		case *ast.FuncLit:
			body, sig = n.Body, funcSig(n, info)
		}
		if body == nil || sig == nil {
			continue
		}
		for p := range sig.Params().Variables() {
			k, ok := kindOf(p.Type())
			if !ok || k == formOwner {
				continue
			}
			o := &owner{v: p, kind: k}
			c.collectFormAliases(body, o)
			if c.parses(body, o) && c.releasesIn(body, o) && c.passesOn(body, o) {
				return cur.Node().Pos()
			}
		}
	}
	return token.NoPos
}

// passesOn reports whether body hands o's request to the next handler:
// a ServeHTTP call or a func value called with it, or gin's c.Next().
func (c *checker) passesOn(body *ast.BlockStmt, o *owner) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := apimatch.Callee(info, call)
		switch {
		case fn != nil && fn.Name() == "Next" && o.kind == ginOwner:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.refersTo(sel.X, o) {
				found = true
			}
		case fn != nil && fn.Name() == "ServeHTTP" || fn == nil && isFuncValue(info, call):
			for _, a := range call.Args {
				if id, ok := ast.Unparen(a).(*ast.Ident); ok && info.Uses[id] == o.v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isFuncValue reports whether call calls a func value (not a builtin,
// nor a conversion).
func isFuncValue(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	if !ok || tv.IsType() || tv.IsBuiltin() {
		return false
	}
	_, ok = tv.Type.Underlying().(*types.Signature)
	return ok
}

// resultStaysLocal reports whether the results of call, as the ownership
// engine sees them in the SSA form of the function, never leave it: not
// returned, stored, sent, captured by a goroutine or an escaping closure,
// nor passed to a func value, an interface method or a function that
// keeps them. False when the call is not found in the SSA form.
func (c *checker) resultStaysLocal(call *ast.CallExpr) bool {
	if c.ssaCalls == nil {
		c.ssaCalls = map[token.Pos]*ssa.Call{}
		// SrcFuncs holds the function literals too.
		for _, fn := range c.pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA).SrcFuncs {
			for _, b := range fn.Blocks {
				for _, in := range b.Instrs {
					if sc, ok := in.(*ssa.Call); ok && sc.Pos().IsValid() {
						c.ssaCalls[sc.Pos()] = sc
					}
				}
			}
		}
	}
	sc := c.ssaCalls[call.Lparen]
	if sc == nil {
		return false
	}
	roots := []ssa.Value{sc}
	if _, tuple := sc.Type().(*types.Tuple); tuple {
		roots = nil
		for _, ref := range *sc.Referrers() {
			if e, ok := ref.(*ssa.Extract); ok {
				roots = append(roots, e)
			}
		}
	}
	return c.own.Analyse(sc.Parent(), roots, ownership.Query{Fields: true}).Escape == nil
}
