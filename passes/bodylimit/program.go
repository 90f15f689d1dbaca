package bodylimit

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/passutil"
)

// The program rule. Most services wire their routes far from the reads:
// handlers in one package, registered through an interface or a route
// table in a second, served in a third. The wiring rule cannot follow
// that; this one does not try. It asks two questions the import graph
// can answer. Does anything in the module bound request bodies (a
// limiting middleware, http.MaxBytesHandler, a body assigned a bounded
// reader, anywhere in the packages the server's package imports)? And do
// handlers of those packages read bodies whole? When nothing bounds
// bodies and some handlers read whole, the server is reported, once, at
// the call that starts it, naming every such read. A module that bounds
// bodies anywhere, even on an unrelated route, is trusted: precision
// first.

// programFact is what a package tells the packages that import it about
// request bodies in the module: whether it bounds any, the handler reads
// no finding names yet, and the reads a finding of it named.
type programFact struct {
	Limits bool
	// DefaultMux: the package or a module package it imports registers
	// handlers on http.DefaultServeMux, so a server of the default
	// ServeMux serves them.
	DefaultMux bool
	Reads      []HandlerRead
	Covered    []string // positions of reads a finding already names
	// Handlers (apimatch keys) registered on gin routers for GET only,
	// and for another or an unknown method.
	GetOnly, Routed []string
	// Starts are the package's exported functions that start a server
	// with a handler of the package (not one their callers give them):
	// an importer that calls one serves what the package serves.
	Starts []StartSite
	// Refs are the module's package-level functions of a handler's
	// signature that the package or those it imports use (a route's
	// handler, a wrapper's argument, a call): a read in such a function
	// that nothing uses is never served (dead code; wifi-locate's
	// ReportAP4Location is registered on no route and called nowhere).
	Refs []string
	// RouteLimiters are the module's limiters (apimatch keys) not yet
	// used but as a route's own middleware, RouteUsed those seen so used,
	// and RouteBounded the handlers registered behind one: a limiter no
	// use of which is seen is a limit for the module, one used only on
	// routes bounds those handlers (routeUse).
	RouteLimiters, RouteUsed, RouteBounded []string
}

// A StartSite is an exported function that starts a server of its
// package's own handler: a serve call in it (or in a closure in it), or
// in an unexported function of the package it calls (Start calls
// go s.serve(ctx)).
type StartSite struct {
	Func string // its apimatch key
	Name string // server.(*Server).Run
	Pos  string // the serve call, module-relative "dir/file.go:12"
	Echo bool   // the serve call starts an echo instance (servesEcho)
}

// compareReads orders reads by position, then handler, API and Func.
func compareReads(a, b HandlerRead) int {
	return cmp.Or(cmp.Compare(a.Pos, b.Pos), cmp.Compare(a.Handler, b.Handler), cmp.Compare(a.API, b.API), cmp.Compare(a.Func, b.Func))
}

// A HandlerRead is a whole, unbounded read of a request body in a
// server-side function (it takes an http.ResponseWriter or a framework
// context).
type HandlerRead struct {
	Handler string // jwk.(*Handler).create
	API     string // the reading API
	Pos     string // module-relative "dir/file.go:12"
	Func    string // the handler's apimatch key, "" for a literal
	// ByMethod: the read is gin's Bind or ShouldBind, which reads the
	// body only for a method other than GET, or runs only for such a
	// method (read.notGet).
	ByMethod bool
	// Binder: not a function's read but a route binder's
	// (binding.Bind(form.SignIn{}), see routeBinders).
	Binder bool
	// Library: not a function's read but another module's handler's,
	// made at Pos (gqlgen's transport.POST, see libraryReaders).
	Library bool
	// Through: not the read itself but the handler's call, at Pos, of
	// the helper of the module that reads (pocket-id's handlers calling
	// dto.ShouldBindWithNormalizedJSON(c, &input)): the position of the
	// read, which is named too. Naming each call shows which endpoints a
	// shared helper's read puts at risk.
	Through string
}

func (*programFact) AFact() {}

func (f *programFact) String() string {
	var parts []string
	if f.Limits {
		parts = append(parts, "limits")
	}
	if f.DefaultMux {
		parts = append(parts, "defaultMux")
	}
	if len(f.Reads) > 0 {
		var rs []string
		calls := 0
		for _, r := range f.Reads {
			if r.Through != "" {
				calls++
				continue
			}
			rs = append(rs, r.Handler)
		}
		if len(rs) > 0 {
			parts = append(parts, "reads("+strings.Join(rs, ",")+")")
		}
		if calls > 0 {
			parts = append(parts, fmt.Sprintf("through(%d)", calls))
		}
	}
	if len(f.Covered) > 0 {
		parts = append(parts, fmt.Sprintf("covered(%d)", len(f.Covered)))
	}
	if len(f.GetOnly) > 0 {
		parts = append(parts, fmt.Sprintf("getOnly(%d)", len(f.GetOnly)))
	}
	for _, k := range []struct {
		name string
		keys []string
	}{{"routeLimiters", f.RouteLimiters}, {"routeUsed", f.RouteUsed}, {"routeBounded", f.RouteBounded}} {
		if len(k.keys) > 0 {
			parts = append(parts, fmt.Sprintf("%s(%d)", k.name, len(k.keys)))
		}
	}
	if len(f.Starts) > 0 {
		var ss []string
		for _, st := range f.Starts {
			ss = append(ss, st.Name)
		}
		parts = append(parts, "starts("+strings.Join(ss, ",")+")")
	}
	return "program(" + strings.Join(parts, " ") + ")"
}

// program exports the package's programFact, rolled up over the
// module's packages it imports (a driver that runs one package at a time
// gives it only the facts of packages named in its imports' export data),
// and, in a package that starts a server with a handler it builds,
// reports the unbounded reads when nothing in the package or those it
// imports bounds bodies. local is false for a package the pass has no
// other work in (no HTTP or decompression import): it only passes facts on.
func (c *checker) program(local bool) {
	mod := passutil.ModulePath(c.pass)
	if mod == "" || strings.HasSuffix(c.pass.Pkg.Path(), ".test") || strings.HasSuffix(c.pass.Pkg.Name(), "_test") {
		return // a test main or an external test package: no importer
	}
	var fact programFact
	covered := map[string]bool{}
	getOnly, routed := map[string]bool{}, map[string]bool{}
	var reads []HandlerRead
	refs := map[string]bool{}
	registers := false // the package registers handlers on the default ServeMux
	for _, pf := range c.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*programFact)
		if !ok || pf.Package == c.pass.Pkg || !passutil.InModule(pf.Package.Path(), mod) {
			continue
		}
		for _, k := range f.Refs {
			refs[k] = true
		}
		fact.Limits = fact.Limits || f.Limits
		fact.DefaultMux = fact.DefaultMux || f.DefaultMux
		reads = append(reads, f.Reads...)
		for _, p := range f.Covered {
			covered[p] = true
		}
		for _, k := range f.GetOnly {
			getOnly[k] = true
		}
		for _, k := range f.Routed {
			routed[k] = true
		}
		addKeys(c.routeLimits.pending, f.RouteLimiters)
		addKeys(c.routeLimits.used, f.RouteUsed)
		addKeys(c.routeLimits.bounded, f.RouteBounded)
	}
	if local {
		seen := map[string]bool{}
		for _, f := range c.funcs {
			if f.skip || !c.handlerLike(f) {
				continue
			}
			for _, r := range f.sum.reads {
				if !isHolderParam(f.sig, r.param) || c.boundedByCallers(f, r.param) || consumedBefore(f, r) {
					continue
				}
				pos, api := c.site(r)
				hr := HandlerRead{Handler: c.funcName(f), API: api, Pos: pos, ByMethod: byMethod(r.api) || r.notGet}
				if f.obj != nil {
					hr.Func = apimatch.Key(f.obj)
				}
				if !seen[pos] {
					seen[pos] = true
					reads = append(reads, hr)
				}
				// A read in a helper of the module: the call is named
				// too, once for each handler that makes it.
				if via := c.helperName(r); via != "" {
					if at := c.posString(r.call.Pos()); at != pos && !seen[at] {
						seen[at] = true
						hr.Pos, hr.Through = at, pos
						hr.API = fmt.Sprintf("%s through %s, at %s", r.api, via, pos)
						reads = append(reads, hr)
					}
				}
			}
		}
		reads = append(reads, c.binderReads()...)
		reads = append(reads, c.receiverReads()...)
		reads = append(reads, c.libraryReads()...)
		fact.Limits = fact.Limits || c.limitsBodies() || c.installsLimit() || c.callsHandlerSetter()
		c.ginMethods(getOnly, routed)
		for fn := range httpapi.ChiGetOnly(c.pass.Pkg, c.pass.TypesInfo, c.pass.Files) {
			getOnly[apimatch.Key(fn)] = true
		}
		c.valueRefs(mod, refs)
		fact.Starts = c.starts()
		registers = c.registersDefaultMux()
		fact.DefaultMux = fact.DefaultMux || registers
	}
	// gin's Bind and ShouldBind in a handler registered for GET only bind
	// the query and form, not a JSON body; a read that runs only for
	// another method (zhttp's Decode) runs for none of its requests.
	reads = slices.DeleteFunc(reads, func(r HandlerRead) bool { return r.ByMethod && getOnly[r.Func] && !routed[r.Func] })
	// A handler behind a route's own limiter is bounded; a limiter used
	// nowhere the pass sees may bound anything (precision first).
	reads = slices.DeleteFunc(reads, func(r HandlerRead) bool { return r.Func != "" && c.routeLimits.bounded[r.Func] })
	limited := fact.Limits
	for k := range c.routeLimits.pending {
		limited = limited || !c.routeLimits.used[k]
	}
	if !fact.Limits {
		// (A module that bounds bodies needs no more.)
		fact.RouteLimiters = slices.Sorted(maps.Keys(c.routeLimits.pending))
		fact.RouteUsed = slices.Sorted(maps.Keys(c.routeLimits.used))
		fact.RouteBounded = slices.Sorted(maps.Keys(c.routeLimits.bounded))
	}
	for k := range getOnly {
		if !routed[k] {
			fact.GetOnly = append(fact.GetOnly, k)
		}
	}
	for k := range routed {
		fact.Routed = append(fact.Routed, k)
	}
	slices.Sort(fact.GetOnly)
	slices.Sort(fact.Routed)
	for p := range c.covered {
		covered[p] = true
	}
	reads = slices.DeleteFunc(reads, func(r HandlerRead) bool { return covered[r.Pos] || r.Through != "" && covered[r.Through] })
	// The reads a server can serve: not those of a package-level handler
	// nothing in the visible program uses (dead code).
	served := slices.DeleteFunc(slices.Clone(reads), func(r HandlerRead) bool {
		return r.Func != "" && !strings.HasPrefix(r.Func, "(") && !refs[r.Func]
	})
	// Several handlers may share one read (a helper's): order them by
	// handler too, so the one kept, which the message names first, does
	// not depend on the order facts and maps gave them.
	slices.SortFunc(reads, compareReads)
	reads = slices.CompactFunc(reads, func(a, b HandlerRead) bool { return a.Pos == b.Pos })
	slices.SortFunc(served, compareReads)
	served = slices.CompactFunc(served, func(a, b HandlerRead) bool { return a.Pos == b.Pos })
	for k := range refs {
		fact.Refs = append(fact.Refs, k)
	}
	slices.Sort(fact.Refs)
	if local && !limited && len(served) > 0 {
		if serve := c.serveSite(registers, fact.DefaultMux); serve != nil {
			c.reportProgram(serve, served)
			reads = coverServed(reads, served, covered)
			served = nil
		}
	}
	if !limited && len(served) > 0 {
		// main mounts the handlers of packages the server's package does
		// not import (navidrome's nativeapi router) and calls the
		// function that serves them: the reads are served at that call.
		if call, st := c.startCall(mod); call != nil {
			c.reportStarted(call, st, served)
			reads = coverServed(reads, served, covered)
			served = nil
		}
	}
	if local && !limited && len(served) > 0 {
		// No start is visible, but an exported function hands out a
		// server of the package's handler (bulker's Context.Server(),
		// which another module's runner starts).
		if lit, getter := c.handedOut(); lit != nil {
			c.reportServed(lit, fmt.Sprintf("a server of the package's handler is built here and handed out by %s", getter), false, served)
			reads = coverServed(reads, served, covered)
		}
	}
	fact.Reads = reads
	for p := range covered {
		fact.Covered = append(fact.Covered, p)
	}
	slices.Sort(fact.Covered)
	if fact.Limits || fact.DefaultMux || len(fact.Reads) > 0 || len(fact.Covered) > 0 || len(fact.GetOnly) > 0 || len(fact.Routed) > 0 || len(fact.Starts) > 0 || len(fact.Refs) > 0 || len(fact.RouteLimiters) > 0 || len(fact.RouteBounded) > 0 {
		c.pass.ExportPackageFact(&fact)
	}
}

func addKeys(set map[string]bool, keys []string) {
	for _, k := range keys {
		set[k] = true
	}
}

// coverServed marks the reads a finding named as covered and returns the
// others: a handler nothing here uses as a value may be registered by a
// package above (on an exported router), which then serves it.
func coverServed(reads, served []HandlerRead, covered map[string]bool) []HandlerRead {
	for _, r := range served {
		covered[r.Pos] = true
	}
	return slices.DeleteFunc(reads, func(r HandlerRead) bool { return covered[r.Pos] })
}

// valueRefs adds to refs the module's package-level functions of a
// server-side signature that the package uses anywhere: registered on a
// router, given to a wrapper, stored, or called (fider's engine calls
// web.NewContext from its ServeHTTP). What no package uses is dead code.
func (c *checker) valueRefs(mod string, refs map[string]bool) {
	for _, obj := range c.pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || !passutil.InModule(fn.Pkg().Path(), mod) {
			continue
		}
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() == nil && (httpapi.ServerSideSig(sig) || c.adapted[fn.Origin()]) {
			refs[apimatch.Key(fn.Origin())] = true
		}
	}
}

// byMethod reports whether api reads the body for some methods only:
// gin's Bind and ShouldBind pick their binding by method and content
// type, and for GET bind the query and form (binding.Default returns
// binding.Form, whose ParseForm reads no GET body and whose multipart
// parse keeps at most 32 MiB in memory).
func byMethod(api string) bool {
	return api == "gin Bind" || api == "gin ShouldBind" || strings.HasSuffix(api, "(binding.Default)")
}

// ginMethods adds to getOnly the handlers the package registers on gin
// routers with GET (registrationOf's get), and to routed those it
// registers with another method (POST, Any, Handle, Match): a handler
// registered both ways is routed.
func (c *checker) ginMethods(getOnly, routed map[string]bool) {
	info := c.pass.TypesInfo
	c.packageCalls(func(_ *function, call *ast.CallExpr) {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		switch apimatch.TypeKey(info.TypeOf(sel.X)) {
		case "github.com/gin-gonic/gin.RouterGroup", "github.com/gin-gonic/gin.Engine":
		default:
			return
		}
		name := sel.Sel.Name
		if !methods[name] && name != "Handle" && name != "Match" {
			return
		}
		reg, ok := c.registrationOf(call, name)
		if !ok {
			return
		}
		var obj types.Object
		switch x := ast.Unparen(reg.handler).(type) {
		case *ast.Ident:
			obj = info.Uses[x]
		case *ast.SelectorExpr:
			obj = info.Uses[x.Sel]
		}
		hf, ok := obj.(*types.Func)
		if !ok {
			return
		}
		if reg.get {
			getOnly[apimatch.Key(hf)] = true
		} else {
			routed[apimatch.Key(hf)] = true
		}
	})
}

// reportProgram reports, at serve, the unbounded reads of the package and
// of the module's packages it imports.
func (c *checker) reportProgram(serve *ast.CallExpr, reads []HandlerRead) {
	c.reportServed(serve, "a server starts here", c.servesEcho(serve), reads)
}

// reportStarted reports, at call, a call of st, the unbounded reads of the
// package and of the module's packages it imports.
func (c *checker) reportStarted(call *ast.CallExpr, st StartSite, reads []HandlerRead) {
	c.reportServed(call, fmt.Sprintf("a server starts here (%s starts it at %s)", st.Name, st.Pos), st.Echo, reads)
}

// reportServed reports reads at serve; where says what happens there (a
// server starts, or is built and handed out); echo, that the server is an
// echo instance. The message claims what the rule knows: the reads are
// the package's and its module imports', none of them is bounded, and a
// server starts (or is handed out) here; not that this server routes to
// each of them.
func (c *checker) reportServed(serve ast.Node, where string, echo bool, reads []HandlerRead) {
	var related []analysis.RelatedInformation
	for _, r := range reads {
		related = append(related, analysis.RelatedInformation{
			Pos:     serve.Pos(),
			End:     serve.End(),
			Message: fmt.Sprintf("%s: %s reads the request body whole (%s)", r.Pos, r.Handler, r.API),
		})
	}
	// The first read named is a read, not a call of a helper that reads.
	first, named, calls := reads[0], false, 0
	for _, r := range reads {
		switch {
		case r.Through != "":
			calls++
		case !named:
			first, named = r, true
		}
	}
	// A read may be in a helper the handlers call (helpers.Bind), so the
	// message counts functions, not handlers, and the handlers' calls of
	// such helpers apart; and route binders (binding.Bind(form.SignIn{}))
	// where there are some.
	through := ""
	switch {
	case calls == 1:
		through = " (1 call through a helper)"
	case calls > 1:
		through = fmt.Sprintf(" (%d calls through helpers)", calls)
	}
	what := fmt.Sprintf("%s (%s) reads request bodies whole%s", first.Handler, first.API, through)
	if n := len(reads) - calls; n > 1 {
		what = fmt.Sprintf("%d %s read request bodies whole%s, first %s (%s),", n, readers(reads), through, first.Handler, first.API)
	}
	remedy := "http.MaxBytesHandler"
	if echo {
		remedy = "echo's middleware.BodyLimit (e.Use(middleware.BodyLimit(\"1M\")))"
	}
	passutil.Report(c.pass, analysis.Diagnostic{
		Pos: serve.Pos(),
		End: serve.End(),
		Message: fmt.Sprintf("%s with no body limit in this package or the module's packages it imports; %s, so a client decides how much memory a request takes; bound bodies with %s",
			what, where, remedy),
		Related: related,
	})
}

// consumedBefore reports whether another whole read of the same
// parameter's body, in a statement of f's body itself (not nested in a
// branch or a loop), comes before r: every request reaching r has had
// its body read whole there, which the rule names, and r reads what is
// left (komari's servePost reads c.Request.Body, then
// buildContextMeta(c) reaches a helper that reads it again).
func consumedBefore(f *function, r read) bool {
	if r.call == nil {
		return false
	}
	for _, o := range f.sum.reads {
		if o.param != r.param || o.call == nil || o.call.Pos() >= r.call.Pos() {
			continue
		}
		for _, st := range f.body.List {
			if st.Pos() <= o.call.Pos() && o.call.End() <= st.End() && st.End() <= r.call.Pos() {
				return true
			}
		}
	}
	return false
}

// handedOut returns a literal of net/http.Server that the package stores
// in a field and that an exported function or method returns, with the
// function's name, when the handler of every server stored in that field
// is the package's own (internal, and none of the library, literal or
// readless servers serveSite leaves out): bulker's app.Context builds
// &http.Server{Handler: router.Engine()} into a.server and returns it
// from Server() *http.Server, which another module's runner starts
// through an interface. It returns nil when there is none: the server is
// then someone else's to start, or to bound.
func (c *checker) handedOut() (ast.Node, string) {
	info := c.pass.TypesInfo
	for _, f := range c.funcs {
		if f.skip || f.obj == nil || f.outer != nil || !f.obj.Exported() {
			continue
		}
		res := f.sig.Results()
		idx := -1
		for i := 0; i < res.Len(); i++ {
			if apimatch.TypeKey(res.At(i).Type()) == "net/http.Server" {
				idx = i
			}
		}
		if idx < 0 {
			continue
		}
		var lit ast.Node
		good := true
		inspectBody(f.body, func(n ast.Node) {
			ret, isRet := n.(*ast.ReturnStmt)
			if !isRet || !good {
				return
			}
			if len(ret.Results) != res.Len() {
				good = false
				return
			}
			sel, isSel := ast.Unparen(ret.Results[idx]).(*ast.SelectorExpr)
			s := info.Selections[sel]
			if !isSel || s == nil || s.Kind() != types.FieldVal {
				good = false
				return
			}
			field := s.Obj().(*types.Var)
			hs, found := c.fieldServers(field, 0)
			if !found || !c.allInternal(hs) || c.libraryHandlers(hs) || literalHandlers(hs) || c.libraryMux(hs) || c.readlessMaker(hs) {
				good = false
				return
			}
			if lit == nil {
				lit = c.serverLiteral(hs[0])
			}
		})
		if good && lit != nil {
			return lit, c.funcName(f)
		}
	}
	return nil, ""
}

// serverLiteral returns the net/http.Server literal of the package whose
// Handler is h, or nil.
func (c *checker) serverLiteral(h ast.Expr) ast.Node {
	var found ast.Node
	for _, file := range c.pass.Files {
		if passutil.IsTestFile(c.pass.Fset, file) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if found != nil || !ok {
				return found == nil
			}
			if apimatch.TypeKey(c.pass.TypesInfo.TypeOf(lit)) == "net/http.Server" && lit.Pos() <= h.Pos() && h.End() <= lit.End() {
				found = lit
			}
			return true
		})
	}
	return found
}

// callsHandlerSetter reports whether a function of the package calls one
// that sets the Handler of an http.Server it is given (a setsHandler fact:
// it may wrap it in a limit, as a body-limiting middleware would).
func (c *checker) callsHandlerSetter() bool {
	info := c.pass.TypesInfo
	found := false
	c.packageCalls(func(_ *function, call *ast.CallExpr) {
		if fn := apimatch.Callee(info, call); !found && fn != nil && len(c.setsHandlerOf(fn)) > 0 {
			found = true
		}
	})
	return found
}

// readers says what reads counts: functions, route binders, library
// handlers, or several of them.
func readers(reads []HandlerRead) string {
	var funcs, binders, libs int
	for _, r := range reads {
		switch {
		case r.Binder:
			binders++
		case r.Library:
			libs++
		case r.Through != "":
			// counted apart (reportServed)
		default:
			funcs++
		}
	}
	var kinds []string
	for _, k := range []struct {
		n    int
		name string
	}{{funcs, "functions"}, {binders, "route binders"}, {libs, "library handlers"}} {
		if k.n > 0 {
			kinds = append(kinds, k.name)
		}
	}
	if len(kinds) == 3 {
		return kinds[0] + ", " + kinds[1] + " and " + kinds[2]
	}
	return strings.Join(kinds, " and ")
}

// starts returns the package's start sites (see StartSite): exported
// functions that start, themselves or through an unexported function of
// the package they call, a server whose handlers are the package's own
// (built in it, or an exported package variable such as a shared
// router: an importer that wraps it in a limit is one whose packages
// bound bodies, which the importer's rule checks).
func (c *checker) starts() []StartSite {
	serving := map[*types.Func]*ast.CallExpr{} // declared function -> its first serve call
	for _, f := range c.funcs {
		if f.skip {
			continue
		}
		top := f.outermost()
		if top.obj == nil {
			continue
		}
		inspectBody(f.body, func(n ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return
			}
			c.varsOK = true
			defer func() { c.varsOK = false }()
			hs, ok := c.servedHandlers(call)
			if !ok || len(hs) == 0 || c.libraryHandlers(hs) || literalHandlers(hs) || c.defaultMux(hs) || c.libraryMux(hs) || !c.allInternal(hs) {
				return
			}
			if _, seen := serving[top.obj]; !seen {
				serving[top.obj] = call
			}
		})
	}
	if len(serving) == 0 {
		return nil
	}
	var out []StartSite
	add := func(fn *types.Func, serve *ast.CallExpr) {
		out = append(out, StartSite{Func: apimatch.Key(fn), Name: c.funcName(c.byObj[fn]), Pos: c.posString(serve.Pos()), Echo: c.servesEcho(serve)})
	}
	for fn, serve := range serving {
		if fn.Exported() {
			add(fn, serve)
		}
	}
	// Exported callers of an unexported serving function.
	for _, f := range c.funcs {
		if f.skip || f.obj == nil || !f.obj.Exported() {
			continue
		}
		if _, ok := serving[f.obj]; ok {
			continue
		}
		ast.Inspect(f.body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if g := apimatch.Callee(c.pass.TypesInfo, call); g != nil && !g.Exported() {
				if serve, ok := serving[g.Origin()]; ok {
					add(f.obj, serve)
					return false
				}
			}
			return true
		})
	}
	slices.SortFunc(out, func(a, b StartSite) int { return cmp.Compare(a.Func, b.Func) })
	return slices.CompactFunc(out, func(a, b StartSite) bool { return a.Func == b.Func })
}

// startCall returns the first call, outside test and generated files, of
// a start site of a package of the module the package imports.
func (c *checker) startCall(mod string) (*ast.CallExpr, StartSite) {
	sites := map[string]StartSite{}
	for _, pf := range c.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*programFact)
		if !ok || pf.Package == c.pass.Pkg || !passutil.InModule(pf.Package.Path(), mod) {
			continue
		}
		for _, st := range f.Starts {
			sites[st.Func] = st
		}
	}
	if len(sites) == 0 {
		return nil, StartSite{}
	}
	var first *ast.CallExpr
	var site StartSite
	for _, file := range c.pass.Files {
		if passutil.IsGenerated(file) || passutil.IsTestFile(c.pass.Fset, file) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if fn := apimatch.Callee(c.pass.TypesInfo, call); fn != nil && fn.Pkg() != c.pass.Pkg {
				if st, ok := sites[apimatch.Key(fn)]; ok && (first == nil || call.Pos() < first.Pos()) {
					first, site = call, st
				}
			}
			return true
		})
	}
	return first, site
}

// servesEcho reports whether the serve call starts an echo instance: its
// receiver or an argument is an *echo.Echo (e.Start(addr), v5's
// StartConfig.Start(ctx, e)). There is no handler to wrap in
// http.MaxBytesHandler there; echo's BodyLimit middleware is the remedy.
func (c *checker) servesEcho(serve *ast.CallExpr) bool {
	isEcho := func(e ast.Expr) bool {
		return apimatch.TypeKey(c.pass.TypesInfo.TypeOf(e)) == "github.com/labstack/echo.Echo"
	}
	if sel, ok := ast.Unparen(serve.Fun).(*ast.SelectorExpr); ok && isEcho(sel.X) {
		return true
	}
	return slices.ContainsFunc(serve.Args, isEcho)
}

// limitsBodies reports whether the package bounds request bodies
// anywhere: a function assigning bodies a bounded reader or returning a
// middleware that does, a router with a limiting or unknown middleware,
// or any use of http.MaxBytesReader, a known limiter, or a function of
// another package known (a fact) to limit. A MaxBytesReader given a nil
// ResponseWriter limits some other reader (a fetched response body, a
// file), never a request's: it does not count.
func (c *checker) limitsBodies() bool {
	if c.limitedRouter {
		return true
	}
	var ownRoute []*function // functions that bound only the body they consume
	pending := map[*function]bool{}
	for _, f := range c.funcs {
		if f.skip || f.obj == nil {
			continue
		}
		if f.sum.limiter || len(f.sum.limits) > 0 && !c.consumesLimited(f) {
			// A limiter declared here is judged by its uses (routeUse).
			pending[f] = true
			c.routeLimits.pending[apimatch.Key(f.obj)] = true
		}
	}
	inPending := func(f *function) bool {
		for g := f; g != nil; g = g.outer {
			if pending[g] {
				return true
			}
		}
		return false
	}
	for _, f := range c.funcs {
		if f.skip || inPending(f) {
			continue
		}
		if f.sum.limiter {
			return true
		}
		if len(f.sum.limits) > 0 {
			if !c.consumesLimited(f) {
				return true
			}
			ownRoute = append(ownRoute, f)
		}
	}
	inOwnRoute := func(pos token.Pos) bool {
		for _, f := range ownRoute {
			if f.body.Pos() <= pos && pos < f.body.End() {
				return true
			}
		}
		for f := range pending {
			if f.body.Pos() <= pos && pos < f.body.End() {
				return true
			}
		}
		return false
	}
	info := c.pass.TypesInfo
	for _, file := range c.pass.Files {
		if passutil.IsGenerated(file) || passutil.IsTestFile(c.pass.Fset, file) {
			continue
		}
		found := false
		parents := parentMap(file)
		notRequest := map[*ast.Ident]bool{} // http.MaxBytesReader(nil, ...): no request
		for id := range c.readThroughLimits(file) {
			notRequest[id] = true
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !found && len(call.Args) > 0 && info.Types[call.Args[0]].IsNil() {
				if l, ok := httpapi.LimitCall(apimatch.Callee(info, call)); ok && l.Name == "http.MaxBytesReader" {
					notRequest[calleeIdent(call)] = true
				}
			}
			id, ok := n.(*ast.Ident)
			if found || !ok || notRequest[id] || inOwnRoute(id.Pos()) {
				return !found
			}
			fn, _ := info.Uses[id].(*types.Func)
			if fn == nil {
				return true
			}
			limiter := false
			if _, ok := httpapi.Limiter(fn); ok {
				limiter = true
			} else if l, ok := httpapi.LimitCall(fn); ok && l.Name == "http.MaxBytesReader" {
				found = true
			} else if fn.Pkg() != c.pass.Pkg {
				// (A handler of another package that bounds only what it
				// reads, komari's upload Chunk registered here, is no
				// middleware: its fact says it consumes its limit.)
				if s := c.calleeSummary(fn); s != nil && (s.limiter || len(s.limits) > 0 && !s.consumes) {
					limiter = true
				}
			} else if c.routeLimits.pending[apimatch.Key(fn)] {
				limiter = true
			}
			if limiter {
				if h := c.routeUse(id, parents); h != "" {
					c.routeLimits.used[apimatch.Key(fn)] = true
					c.routeLimits.bounded[h] = true
				} else {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// routeLimits is what the program rule knows of the module's limiters
// used as a route's own middleware (routeUse).
type routeLimits struct {
	pending map[string]bool // limiters declared here (apimatch keys): their uses judge them
	used    map[string]bool // limiters used as a route middleware here
	bounded map[string]bool // handlers (apimatch keys) registered behind one
}

// routeUse returns the handler (its apimatch key) of the registration
// call whose route middleware the limiter id names, directly (g.POST(p,
// limit, h)) or as the callee of a maker call there (pocket-id's
// group.POST(p, auth.Add(), fileSizeLimitMiddleware.Add(2<<20),
// oc.updateClientLogoHandler)): such a limiter bounds that route only.
// It returns "" for any other use (Use on a router or group, a wrapper,
// a value stored or passed on) and for a handler that is not a named
// function or method, which the program rule's reads do not key.
func (c *checker) routeUse(id *ast.Ident, parents map[ast.Node]ast.Node) string {
	var e ast.Expr = id
	if sel, ok := parents[e].(*ast.SelectorExpr); ok && sel.Sel == id {
		e = sel
	}
	if call, ok := parents[e].(*ast.CallExpr); ok && call.Fun == e {
		e = call // the maker's call
	}
	for {
		p, ok := parents[e].(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p
	}
	reg, ok := parents[e].(*ast.CallExpr)
	if !ok {
		return ""
	}
	sel, ok := ast.Unparen(reg.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	r, ok := c.registrationOf(reg, sel.Sel.Name)
	if !ok || !slices.Contains(r.mws, e) {
		return ""
	}
	fn := c.funcOf(r.handler)
	if fn == nil {
		return ""
	}
	return apimatch.Key(fn)
}

// readThroughLimits returns the http.MaxBytesReader calls of file (their
// callee identifiers) whose reader a handler reads itself, not the body
// every later handler reads: an argument of a call (io.ReadAll(
// http.MaxBytesReader(w, r.Body, n)), json.NewDecoder(...)) or a value
// given to a local variable (wakapi's Stripe webhook: bodyReader :=
// http.MaxBytesReader(w, r.Body, 65536), then io.ReadAll(bodyReader)).
// That bounds its own route; a body assigned the variable later is a
// limit of its own (summarize).
func (c *checker) readThroughLimits(file *ast.File) map[*ast.Ident]bool {
	info := c.pass.TypesInfo
	out := map[*ast.Ident]bool{}
	mark := func(e ast.Expr) {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return
		}
		if l, ok := httpapi.LimitCall(apimatch.Callee(info, call)); ok && l.Name == "http.MaxBytesReader" {
			if id := calleeIdent(call); id != nil {
				out[id] = true
			}
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			for _, a := range x.Args {
				mark(a)
			}
		case *ast.AssignStmt:
			if len(x.Lhs) == len(x.Rhs) {
				for i, r := range x.Rhs {
					if _, ok := ast.Unparen(x.Lhs[i]).(*ast.Ident); ok {
						mark(r)
					}
				}
			}
		case *ast.ValueSpec:
			for _, v := range x.Values {
				mark(v)
			}
		}
		return true
	})
	return out
}

// consumesLimited reports whether f reads, or parses as a form, the body
// of every request parameter it bounds: a handler or helper that bounds
// its own body before it reads it (answer's upload service, wakapi's
// Stripe webhook: r.Body = http.MaxBytesReader(w, r.Body, n) then
// io.ReadAll(r.Body) or FormFile) bounds that route only, not the other
// routes of the module. A function that bounds a body and hands the
// request on (a middleware, whether or not it calls c.Next()) consumes
// nothing: a limit for every route behind it.
func (c *checker) consumesLimited(f *function) bool {
	if c.consuming[f] {
		return false // recursion: judged by the outer call
	}
	c.consuming[f] = true
	defer delete(c.consuming, f)
	consumed := map[int]bool{}
	inspectBody(f.body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		if w, ok := c.wholeReadOf(f, call); ok {
			if w.recv != nil {
				if p := c.holderParam(f, w.recv); p >= 0 {
					consumed[p] = true
				}
			} else if o := c.readOrigin(f, w); o.kind == srcRequest && o.param >= 0 {
				consumed[o.param] = true
			}
			return
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && formParses[sel.Sel.Name] {
			if p := c.holderParam(f, sel.X); p >= 0 {
				consumed[p] = true
			}
		}
		// A helper that reads the request it is given whole, after the
		// limit: ech0's captcha handler bounds r.Body, then decodeJSON(r,
		// &req) decodes it. The helper's read is the bounded one.
		if fn := apimatch.Callee(c.pass.TypesInfo, call); fn != nil {
			if s := c.calleeSummary(fn); s != nil {
				for _, r := range s.reads {
					if r.param < len(call.Args) {
						if p := c.holderParam(f, call.Args[r.param]); p >= 0 {
							consumed[p] = true
						}
					}
				}
				// A helper of the package that bounds the request it is
				// given and reads it itself: komari's decodeJSON(ctx,
				// &req) sets ctx.Request.Body = http.MaxBytesReader(...)
				// and decodes it. The limit is that route's own.
				if g := c.byObj[fn.Origin()]; len(s.limits) > 0 && (s.consumes || g != nil && g != f && c.consumesLimited(g)) {
					for j := range s.limits {
						if j < len(call.Args) {
							if p := c.holderParam(f, call.Args[j]); p >= 0 {
								consumed[p] = true
							}
						}
					}
				}
			}
		}
	})
	for p := range f.sum.limits {
		if !consumed[p] {
			return false
		}
	}
	return true
}

// formParses are the methods of requests and framework contexts that
// parse a multipart or urlencoded form from the body.
var formParses = map[string]bool{
	"FormFile": true, "ParseMultipartForm": true, "MultipartForm": true, "MultipartReader": true, "ParseForm": true,
	// Form values parse the whole form first: net/http's and echo's
	// FormValue, PostFormValue and FormParams, gin's PostForm family
	// (komari's upload Chunk bounds its body, then c.PostForm(...)).
	"FormValue": true, "PostFormValue": true, "FormParams": true,
	"PostForm": true, "DefaultPostForm": true, "GetPostForm": true, "PostFormArray": true,
	"GetPostFormArray": true, "PostFormMap": true, "GetPostFormMap": true,
}

// installsLimit reports whether the package gives a function of the
// module that installs the middlewares it is given (installs: router.Load(
// noRoute, mws...)) one that bounds bodies, or may (one the pass cannot
// resolve, a slice spread with ...). Such a function's own package does
// not count its installed parameters as limits: only calls can say what
// they are, and a call a server's packages do not make installs nothing
// on its handler. Nor does a function that passes its own parameter on
// to one (passedInstalls): its callers say.
func (c *checker) installsLimit() bool {
	limits := false
	for _, file := range c.pass.Files {
		if passutil.IsGenerated(file) || passutil.IsTestFile(c.pass.Fset, file) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !limits {
				if fn := apimatch.Callee(c.pass.TypesInfo, call); fn != nil {
					if ps := c.installsOf(fn); len(ps) > 0 && c.installedLimit(c.funcAt(call.Pos()), fn, call, ps) {
						limits = true
					}
				}
			}
			return !limits
		})
	}
	return limits
}

// calleeIdent returns the identifier naming the function call calls
// (f or pkg.f), or nil.
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

// serveSite returns the first call of the package that starts a server
// with a handler built in the package (or the default ServeMux), or nil.
//
// A server of the default ServeMux in a package that registers nothing on
// it serves what imported packages register there: another serve call of
// the package, if any, is preferred, and it is a site at all only when a
// module package it imports registers there (defaultMux, the fact's
// DefaultMux; registers says whether this package does). With only net/http/pprof registered there (traQ's debug
// port, beside an echo server the pass did not follow), the module's
// reads are not served by it. A server of a mux on which only a library
// registers (pprof's handlers on a debug mux) serves none of them either.
//
// A server started in a function that installs middlewares its callers
// give it (installs: hanko's server.StartPublic hands its prometheus
// parameter to handler.NewPublicRouter, which calls e.Use(prometheus)) may
// be bounded by what they give. When such a function can be called from
// another package (installedOutside), the package has no site of its own,
// and its exported start functions (starts) are reported at the calls of
// the packages that import it, which judge the middlewares they give;
// when all its calls are in the package, installsLimit has judged them.
func (c *checker) serveSite(registers, defaultMux bool) *ast.CallExpr {
	var best, debug *ast.CallExpr
	deferred := false
	outside := c.installedOutside()
	for _, f := range c.funcs {
		if f.skip {
			continue
		}
		top := f.outermost()
		inspectBody(f.body, func(n ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return
			}
			hs, ok := c.servedHandlers(call)
			if !ok || !c.allInternal(hs) || c.libraryHandlers(hs) || literalHandlers(hs) || c.libraryMux(hs) || c.readlessMaker(hs) {
				return
			}
			if len(top.installs) > 0 && outside {
				deferred = true
				return
			}
			if !registers && c.defaultMux(hs) {
				if defaultMux && (debug == nil || call.Pos() < debug.Pos()) {
					debug = call
				}
				return
			}
			if best == nil || call.Pos() < best.Pos() {
				best = call
			}
		})
	}
	if deferred {
		return nil
	}
	if best == nil {
		return debug
	}
	return best
}

// installedOutside reports whether a function of the package that
// installs its parameters may be called from another package: it is
// exported, a method, variadic, or used otherwise than called (callSites).
func (c *checker) installedOutside() bool {
	for _, f := range c.funcs {
		if f.obj == nil || len(f.installs) == 0 {
			continue
		}
		if _, inside := c.callSites(f, f.installs[0]); !inside {
			return true
		}
	}
	return false
}

// defaultMux reports whether every handler of hs, what a serve call
// serves, is the default ServeMux: nil, or http.DefaultServeMux.
func (c *checker) defaultMux(hs []ast.Expr) bool {
	for _, h := range hs {
		if h == nil {
			continue
		}
		switch x := ast.Unparen(h).(type) {
		case *ast.Ident:
			if _, isNil := c.pass.TypesInfo.Uses[x].(*types.Nil); isNil {
				continue
			}
		case *ast.SelectorExpr:
			if v, ok := c.pass.TypesInfo.Uses[x.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultServeMux" {
				continue
			}
		}
		return false
	}
	return true
}

// registersDefaultMux reports whether the package registers a handler on
// the default ServeMux: http.Handle, http.HandleFunc, or a method of
// http.DefaultServeMux.
func (c *checker) registersDefaultMux() bool {
	info := c.pass.TypesInfo
	found := false
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			switch x := n.(type) {
			case *ast.CallExpr:
				switch apimatch.CalleeKey(info, x) {
				case "net/http.Handle", "net/http.HandleFunc":
					found = true
				}
			case *ast.SelectorExpr:
				if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultServeMux" {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// servesOf returns the parameters fn starts a server with, unwrapped:
// its own serve calls' handler is the parameter (func Run(router
// http.Handler, ...) { s := &http.Server{Handler: router}; s.Serve(l) },
// gotify's runner). For another package, of the module or not, its fact
// says so: a library's function serving its parameter unwrapped bounds
// nothing of it either.
func (c *checker) servesOf(fn *types.Func) passutil.Params {
	fn = fn.Origin()
	if g := c.byObj[fn]; g != nil {
		return c.servesParams(g)
	}
	if fact, ok := c.importedFact(fn); ok {
		return fact.Serves
	}
	return nil
}

// serversOfFunc returns the parameters of fn that are *http.Server values
// fn starts with the Handler its caller set (servesServers): of a function
// of the package, or of another package through its fact, of the module
// or not (zgo.at/zhttp.Serve(flags, stop, server), goatcounter's).
func (c *checker) serversOfFunc(fn *types.Func) passutil.Params {
	fn = fn.Origin()
	if g := c.byObj[fn]; g != nil {
		return c.servesServers(g)
	}
	if fact, ok := c.importedFact(fn); ok {
		return fact.Servers
	}
	return nil
}

// importedFact returns the fact of fn, a function of another package.
func (c *checker) importedFact(fn *types.Func) (*bodyFact, bool) {
	if fn.Pkg() == c.pass.Pkg || fn.Pkg() == nil {
		return nil, false
	}
	var fact bodyFact
	if !c.pass.ImportObjectFact(fn, &fact) {
		return nil, false
	}
	return &fact, true
}

// servesParams computes servesOf for a function of the package, once.
func (c *checker) servesParams(f *function) passutil.Params {
	if ps, ok := c.serves[f]; ok {
		return ps
	}
	c.serves[f] = nil // a recursive call serves nothing more
	var ps passutil.Params
	if !f.skip && f.obj != nil {
		inspectNested(f, func(_ *function, n ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return
			}
			hs, ok := c.servedHandlers(call)
			if !ok {
				hs = c.servedByLocal(call)
			}
			for _, h := range hs {
				if i := c.paramIndex(f, c.untraced(h)); i >= 0 {
					ps = ps.Add(i)
				}
			}
		})
	}
	c.serves[f] = ps
	return ps
}

// servedByLocal returns the arguments of call, a call of a function of
// the package, that the function starts a server with, unwrapped
// (servesParams): traggo's exported server.Start(mux, port) hands its
// router to startServer, whose goroutine serves it, so Start serves its
// parameter too, for its importers' calls to be start sites.
func (c *checker) servedByLocal(call *ast.CallExpr) []ast.Expr {
	fn := apimatch.Callee(c.pass.TypesInfo, call)
	if fn == nil || call.Ellipsis.IsValid() {
		return nil
	}
	if fn.Signature().Recv() != nil {
		// Only a method value's arguments line up with its parameters
		// (a method expression's first argument is the receiver).
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if s := c.pass.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
			return nil
		}
	}
	g := c.byObj[fn.Origin()]
	if g == nil {
		return nil
	}
	var hs []ast.Expr
	for _, i := range c.servesParams(g) {
		if i < len(call.Args) {
			hs = append(hs, call.Args[i])
		}
	}
	return hs
}

// untraced returns the handler a tracing wrapper wraps, which reads no
// body and bounds none: &ochttp.Handler{Handler: h, ...} (OpenCensus) and
// otelhttp.NewHandler(h, name, ...) (OpenTelemetry) give h; any other
// expression is returned as it is.
func (c *checker) untraced(e ast.Expr) ast.Expr {
	info := c.pass.TypesInfo
	for range 4 {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			lit, ok := ast.Unparen(x.X).(*ast.CompositeLit)
			if !ok || x.Op != token.AND {
				return e
			}
			e = lit
		case *ast.CompositeLit:
			if apimatch.TypeKey(info.TypeOf(x)) != "go.opencensus.io/plugin/ochttp.Handler" {
				return e
			}
			var h ast.Expr
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Handler" {
						h = kv.Value
					}
				}
			}
			if h == nil {
				return e
			}
			e = h
		case *ast.CallExpr:
			if apimatch.CalleeKey(info, x) != "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp.NewHandler" || len(x.Args) == 0 {
				return e
			}
			e = x.Args[0]
		default:
			return e
		}
	}
	return e
}

// servesServers (and handlerSets, the parameters whose Handler f sets)
// returns the parameters of f, a function of the package,
// that are *http.Server values f starts, in its body or a closure in it
// (func (s *Server) ServeHTTP(ctx context.Context, srv *http.Server) error
// { ... srv.Serve(s.listener) }; zhttp.Serve's go func() {
// server.Serve(ln) }()), and whose Handler f never sets: a call giving it
// an http.Server literal serves that literal's Handler. A function that
// sets srv.Handler (srv.Handler = http.MaxBytesHandler(srv.Handler, n))
// may have bounded it.
func (c *checker) servesServers(f *function) passutil.Params {
	if ps, ok := c.serverParams[f]; ok {
		return ps
	}
	var ps passutil.Params
	if !f.skip && f.body != nil && serverParam(f.sig) {
		info := c.pass.TypesInfo
		set := map[int]bool{} // parameters whose Handler f assigns
		inspectNested(f, func(_ *function, n ast.Node) {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for j, l := range n.Lhs {
					if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == "Handler" {
						if i := c.paramIndex(f, sel.X); i >= 0 && (len(n.Lhs) != len(n.Rhs) || c.mayBound(n.Rhs[j])) {
							set[i] = true
						}
					}
				}
			case *ast.CallExpr:
				if !serverServes[apimatch.CalleeKey(info, n)] {
					return
				}
				sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
				if !ok {
					return
				}
				if i := c.paramIndex(f, sel.X); i >= 0 {
					ps = ps.Add(i)
				}
			}
		})
		var kept passutil.Params
		for _, i := range ps {
			if !set[i] {
				kept = kept.Add(i)
			}
		}
		ps = kept
		var sets passutil.Params
		for i := range set {
			sets = sets.Add(i)
		}
		c.handlerSets[f] = sets
	}
	c.serverParams[f] = ps
	return ps
}

// serverParam reports whether sig has a parameter of type *http.Server or
// http.Server: only such a function can start or set up a server its
// caller gives it, so servesServers walks no other body.
func serverParam(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for v := range sig.Params().Variables() {
		if apimatch.TypeKey(v.Type()) == "net/http.Server" { // TypeKey sees through the pointer
			return true
		}
	}
	return false
}

// mayBound reports whether a handler assigned to an http.Server's Handler
// may bound bodies: a call of a body limit (http.MaxBytesHandler) or of a
// function known to return one (its limiter fact), or of a func value, or
// a wrapper of such a call; or any value that is not a call (a handler the
// function was given may be anything). A call of a known function that
// bounds nothing, around the server's own Handler (autocert's
// m.HTTPHandler(s.Handler), gotify's applyLetsEncrypt), may not.
func (c *checker) mayBound(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return true
	}
	fn := apimatch.Callee(c.pass.TypesInfo, call)
	if fn == nil || c.returnsLimit(fn) {
		return true
	}
	for _, a := range call.Args {
		if _, ok := ast.Unparen(a).(*ast.CallExpr); ok && c.mayBound(a) {
			return true
		}
	}
	return false
}

// returnsLimit reports whether fn returns a body limit: a known limiter
// (http.MaxBytesHandler, echo's BodyLimit) or a function whose summary or
// fact says it returns one.
func (c *checker) returnsLimit(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if _, ok := httpapi.Limiter(fn); ok {
		return true
	}
	s := c.calleeSummary(fn)
	return s != nil && s.limiter
}

// allInternal reports whether every handler of hs is built in the
// package (see internal): no caller in another package can have wrapped
// the server's handler in a limit.
func (c *checker) allInternal(hs []ast.Expr) bool {
	for _, h := range hs {
		if !c.internal(h, 0) {
			return false
		}
	}
	return true
}

// libraryHandlers reports whether every handler of hs (what a serve call
// serves, see servedHandlers) is built by a library (a package outside
// the module) from nothing of the package's (autocert's
// m.HTTPHandler(nil) on :80 for ACME challenges): that server serves none
// of the package's routes, so the finding belongs at another serve call.
func (c *checker) libraryHandlers(hs []ast.Expr) bool {
	if len(hs) == 0 {
		return false
	}
	info := c.pass.TypesInfo
	for _, h := range hs {
		hc, ok := ast.Unparen(h).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := apimatch.Callee(info, hc)
		if fn == nil || fn.Pkg() == nil || passutil.InModule(fn.Pkg().Path(), passutil.ModulePath(c.pass)) {
			return false // the module's own handler
		}
		if c.setBack(hc) || c.routedGetter(hc) {
			return false // the package's own handler, kept by the library
		}
		for _, a := range hc.Args {
			if handlerish(info.TypeOf(a)) {
				if c.pureLibraryHandler(a, 0) {
					continue // gin.WrapH(promhttp.Handler()): a library's handler, wrapped
				}
				return false // a library wrapper around the package's handler
			}
		}
	}
	return true
}

// pureLibraryHandler reports whether e is a call of a function of
// another module given only constants or such calls (promhttp.Handler(),
// pprof.Handler("heap")): a library's handler made of nothing of the
// package's. A call given anything else may wrap the package's handlers
// (goatcounter's zhttp.HostRoute(hosts), a map of them).
func (c *checker) pureLibraryHandler(e ast.Expr, depth int) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || depth > 4 {
		return false
	}
	fn := apimatch.Callee(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || passutil.InModule(fn.Pkg().Path(), passutil.ModulePath(c.pass)) {
		return false
	}
	for _, a := range call.Args {
		if tv, ok := c.pass.TypesInfo.Types[a]; ok && tv.Value != nil {
			continue
		}
		if !c.pureLibraryHandler(a, depth+1) {
			return false
		}
	}
	return true
}

// routedGetter reports whether call, a method with no arguments that a
// type of the package gets from a library's type it embeds (bulker's
// router.Engine(), promoted from jitsubase's appbase.Router), returns
// what the package registers routes on through the same method of the
// same type elsewhere (engine := router.Engine(); engine.POST(path,
// router.EventsHandler)): the library only keeps the package's router.
func (c *checker) routedGetter(call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	sel := getterCall(info, call)
	if sel == nil {
		return false
	}
	own := func(e ast.Expr) *types.TypeName {
		t := info.TypeOf(e)
		if p, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
			t = p.Elem()
		}
		if n, isNamed := types.Unalias(t).(*types.Named); isNamed && n.Obj().Pkg() == c.pass.Pkg {
			return n.Obj()
		}
		return nil
	}
	holder := own(sel.X)
	if holder == nil {
		return false
	}
	// The library's package may install a limit on the router it makes
	// (a middleware of its own): then the server is not the package's to
	// judge.
	if fn := apimatch.Callee(info, call); fn == nil || fn.Pkg() == nil {
		return false
	} else if pf := (programFact{}); c.pass.ImportPackageFact(fn.Pkg(), &pf) && pf.Limits {
		return false
	}
	// same reports whether e is a call of the same getter on the same type.
	same := func(e ast.Expr) bool {
		ce, isCall := ast.Unparen(e).(*ast.CallExpr)
		if !isCall || len(ce.Args) > 0 {
			return false
		}
		s, isSel := ast.Unparen(ce.Fun).(*ast.SelectorExpr)
		return isSel && s.Sel.Name == sel.Sel.Name && info.Selections[s] != nil && own(s.X) == holder
	}
	found := false
	for _, file := range c.pass.Files {
		if passutil.IsTestFile(c.pass.Fset, file) {
			continue
		}
		vars := map[types.Object]bool{} // engine := router.Engine()
		ast.Inspect(file, func(n ast.Node) bool {
			if as, isAssign := n.(*ast.AssignStmt); isAssign && len(as.Lhs) == len(as.Rhs) {
				for i, l := range as.Lhs {
					if id, isID := l.(*ast.Ident); isID && same(as.Rhs[i]) {
						if obj := info.ObjectOf(id); obj != nil {
							vars[obj] = true
						}
					}
				}
			}
			rc, isCall := n.(*ast.CallExpr)
			if !isCall || found {
				return !found
			}
			rs, isSel := ast.Unparen(rc.Fun).(*ast.SelectorExpr)
			if !isSel || !muxRegisters[rs.Sel.Name] && rs.Sel.Name != "Group" && rs.Sel.Name != "Any" {
				return true
			}
			if id, isID := ast.Unparen(rs.X).(*ast.Ident); isID && vars[info.Uses[id]] || same(rs.X) {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// getterCall returns the selector of call when call calls a method with
// no arguments (x.Engine(), sdk.Runtime.GetEngine()), or nil.
func getterCall(info *types.Info, call *ast.CallExpr) *ast.SelectorExpr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) > 0 || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.MethodVal {
		return nil
	}
	return sel
}

// setBack reports whether call, a library's getter with no arguments
// (sdk.Runtime.GetEngine(), or Engine()), returns a handler that the
// package gave the same holder through the matching setter (go-admin's
// sdk.Runtime.SetEngine(h) with its own gin engine): the library only
// keeps the package's handler, and a server of it serves the module's
// routes. The holder is a package-level variable, of the library or the
// package; the handler set must be the package's own (internal).
func (c *checker) setBack(call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	sel := getterCall(info, call)
	if sel == nil {
		return false
	}
	holder := globalVar(info, sel.X)
	if holder == nil {
		return false
	}
	setter := "Set" + strings.TrimPrefix(sel.Sel.Name, "Get")
	found := false
	c.packageCalls(func(_ *function, set *ast.CallExpr) {
		s, ok := ast.Unparen(set.Fun).(*ast.SelectorExpr)
		if found || !ok || s.Sel.Name != setter || len(set.Args) != 1 || globalVar(info, s.X) != holder {
			return
		}
		found = handlerish(info.TypeOf(set.Args[0])) && c.internal(set.Args[0], 1)
	})
	return found
}

// globalVar returns the package-level variable e names (v or pkg.V), or
// nil.
func globalVar(info *types.Info, e ast.Expr) *types.Var {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		if info.Selections[x] != nil {
			return nil // a field
		}
		id = x.Sel
	default:
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	return v
}

// libraryMux reports whether every handler of hs is a local ServeMux
// (v := http.NewServeMux()) on which the function registers only
// functions of other modules (statping's pprof port: mux.HandleFunc(
// "/debug/pprof/", pprof.Index)): like a server of the default ServeMux
// where only net/http/pprof registers, it serves none of the package's
// routes, and another serve call of the package is preferred.
func (c *checker) libraryMux(hs []ast.Expr) bool {
	if len(hs) == 0 {
		return false
	}
	info := c.pass.TypesInfo
	for _, h := range hs {
		id, ok := ast.Unparen(h).(*ast.Ident)
		if !ok {
			return false
		}
		v, _ := info.Uses[id].(*types.Var)
		if v == nil || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
			return false
		}
		var g *function
		for g = c.funcAt(id.Pos()); g != nil; g = g.outer {
			if _, ok := g.defs[v]; ok {
				break
			}
		}
		if g == nil || len(g.defs[v]) == 0 {
			return false
		}
		for _, d := range g.defs[v] {
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if !ok || !muxMakers[apimatch.Key(apimatch.Callee(info, call))] {
				return false
			}
		}
		if !usedBesides(info, g.body, v, id) || !c.registersOnlyLibrary(g.body, v, id, 0) {
			return false
		}
	}
	return true
}

// usedBesides reports whether body uses v other than at served: a mux
// on which its function registers nothing is filled elsewhere, through
// the server or field it is put in (Focalboard's web.NewServer puts
// mux.NewRouter() in the http.Server it embeds, and other packages
// register on ws.Router()), and is no library's mux.
func usedBesides(info *types.Info, body *ast.BlockStmt, v *types.Var, served *ast.Ident) bool {
	used := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id != served && info.Uses[id] == v {
			used = true
		}
		return !used
	})
	return used
}

// readlessMaker reports whether every handler of hs, what a serve call
// serves, is made by a call with no arguments of a function of another
// package of the module whose program fact names no unbounded read: what
// it serves is what that package and its imports register, and none of
// them reads a body whole (ardanlabs/service's debug port,
// http.ListenAndServe(host, debug.Mux()), beside its API server).
func (c *checker) readlessMaker(hs []ast.Expr) bool {
	if len(hs) == 0 {
		return false
	}
	mod := passutil.ModulePath(c.pass)
	for _, h := range hs {
		call, ok := ast.Unparen(h).(*ast.CallExpr)
		if !ok || len(call.Args) > 0 {
			return false
		}
		fn := apimatch.Callee(c.pass.TypesInfo, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || !passutil.InModule(fn.Pkg().Path(), mod) {
			return false
		}
		var pf programFact
		if c.pass.ImportPackageFact(fn.Pkg(), &pf) && (len(pf.Reads) > 0 || len(pf.Starts) > 0) {
			return false
		}
	}
	return true
}

// muxMakers make an empty mux whose registrations registersOnlyLibrary
// reads: fider's metrics server serves an httprouter mux with only
// promhttp.Handler() on it.
var muxMakers = map[string]bool{
	"net/http.NewServeMux":                    true,
	"github.com/julienschmidt/httprouter.New": true,
	"github.com/go-chi/chi.NewRouter":         true,
	"github.com/gorilla/mux.NewRouter":        true,
	// bulker's metrics servers: a gin engine with gin.Recovery() and
	// engine.GET("/metrics", gin.WrapH(promhttp.Handler())) only.
	// (Not echo's New: an echo route's middlewares follow its handler,
	// which the registration check below does not read.)
	"github.com/gin-gonic/gin.New":     true,
	"github.com/gin-gonic/gin.Default": true,
}

// muxRegisters are the methods of those muxes that register a handler,
// their last argument (net/http's and gorilla's Handle and HandleFunc,
// httprouter's Handler(method, path, h), chi's Get(path, f)).
var muxRegisters = map[string]bool{
	"Handle": true, "HandleFunc": true, "Handler": true, "HandlerFunc": true,
	"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true,
	"Get": true, "Post": true, "Put": true, "Patch": true, "Delete": true, "Head": true, "Options": true,
	"Method": true, "MethodFunc": true,
}

// registersOnlyLibrary reports whether every use of the mux v in body,
// other than served (the serve call's argument) and its definitions, is
// a registration (muxRegisters) of a function of another module
// (pprof.Index) or of a library's handler built from nothing of the
// package's (pprof.Handler("heap"), promhttp.Handler()).
//
// The mux may also be given to a function of the package that only
// registers such handlers on its parameter (dex's pprofHandler(router)),
// one call deep: depth counts the calls followed.
func (c *checker) registersOnlyLibrary(body *ast.BlockStmt, v *types.Var, served *ast.Ident, depth int) bool {
	info := c.pass.TypesInfo
	mod := passutil.ModulePath(c.pass)
	var library func(e ast.Expr, hops int) bool
	library = func(e ast.Expr, hops int) bool {
		if libraryReader(info.TypeOf(e)) {
			return false // gqlgen's handler.Server reads bodies itself
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr, *ast.Ident:
			var id *ast.Ident
			if sel, ok := x.(*ast.SelectorExpr); ok {
				id = sel.Sel
			} else {
				id = x.(*ast.Ident)
			}
			if lv, ok := info.Uses[id].(*types.Var); ok && hops == 0 {
				// handler := health.HandleJSON(checker), then
				// mux.Handle("/healthz", handler): the value it is
				// given once, in this function.
				init := singleValue(info, body, lv)
				return init != nil && library(init, hops+1)
			}
			fn, ok := info.Uses[id].(*types.Func)
			return ok && fn.Pkg() != nil && !passutil.InModule(fn.Pkg().Path(), mod)
		case *ast.CallExpr:
			if conv, ok := info.Types[x.Fun]; ok && conv.IsType() && len(x.Args) == 1 {
				return library(x.Args[0], hops) // http.HandlerFunc(func(w, r) { ... })
			}
			return c.libraryHandlers([]ast.Expr{x})
		case *ast.FuncLit:
			// A literal that reads no body (a liveness probe writing
			// "ok") serves none of the package's routes that read.
			g := c.byLit[x]
			return g != nil && len(g.sum.reads) == 0 && len(g.sum.drains) == 0
		}
		return false
	}
	ok := true
	registered := map[*ast.Ident]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		call, isCall := n.(*ast.CallExpr)
		if !isCall {
			return true
		}
		if depth == 0 && !call.Ellipsis.IsValid() {
			// pprofHandler(mux): a function of the package that only
			// registers other modules' handlers on the parameter.
			if fn := apimatch.Callee(info, call); fn != nil && fn.Pkg() == c.pass.Pkg && fn.Signature().Recv() == nil {
				for i, a := range call.Args {
					id, isID := ast.Unparen(a).(*ast.Ident)
					if !isID || info.Uses[id] != v || i >= fn.Signature().Params().Len() {
						continue
					}
					g := c.byObj[fn.Origin()]
					if g == nil || g.body == nil || !c.registersOnlyLibrary(g.body, fn.Signature().Params().At(i), nil, depth+1) {
						ok = false
						return false
					}
					registered[id] = true
				}
			}
		}
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel || call.Ellipsis.IsValid() {
			return true
		}
		id, isID := ast.Unparen(sel.X).(*ast.Ident)
		if !isID || info.Uses[id] != v {
			return true
		}
		switch {
		case sel.Sel.Name == "Use" && len(call.Args) > 0:
			// engine.Use(gin.Recovery()): a library's middleware, built
			// from nothing of the package's.
			registered[id] = true
			if !c.libraryHandlers(call.Args) {
				ok = false
			}
		case muxRegisters[sel.Sel.Name] && len(call.Args) >= 2:
			registered[id] = true
			if !library(call.Args[len(call.Args)-1], 0) {
				ok = false
			}
			// A gin route's middlewares, between the path and the
			// handler, are library middleware too; httprouter's path
			// is a string.
			for _, a := range call.Args[1 : len(call.Args)-1] {
				if t := info.TypeOf(a); t != nil {
					if b, isBasic := t.Underlying().(*types.Basic); isBasic && b.Info()&types.IsString != 0 {
						continue
					}
				}
				if !c.libraryHandlers([]ast.Expr{a}) {
					ok = false
				}
			}
		}
		return true
	})
	if !ok {
		return false
	}
	for id, obj := range info.Uses {
		if obj == v && id != served && !registered[id] && body.Pos() <= id.Pos() && id.Pos() < body.End() {
			return false // passed on, wrapped or stored: it may serve more
		}
	}
	return true
}

// libraryReader reports whether t is a handler type of a package whose
// handlers read request bodies themselves (libraryReaderPkgs: gqlgen's
// *handler.Server, whose POST transport reads every body whole): a mux
// serving one serves reads, though the handler is another module's.
func libraryReader(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	return slices.Contains(libraryReaderPkgs, named.Obj().Pkg().Path())
}

// singleValue returns the value v is given in body, when it is declared
// there and given exactly one value, by its declaration or one
// assignment; nil otherwise.
func singleValue(info *types.Info, body *ast.BlockStmt, v *types.Var) ast.Expr {
	var val ast.Expr
	n := 0
	// given notes that v is the i-th of lhs names given rhs.
	given := func(i, lhs int, rhs []ast.Expr) {
		n++
		val = nil
		if lhs == len(rhs) {
			val = rhs[i]
		}
	}
	ast.Inspect(body, func(nd ast.Node) bool {
		switch a := nd.(type) {
		case *ast.AssignStmt:
			for i, l := range a.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && (info.Defs[id] == v || info.Uses[id] == v) {
					given(i, len(a.Lhs), a.Rhs)
				}
			}
		case *ast.ValueSpec:
			for i, id := range a.Names {
				if info.Defs[id] == v {
					given(i, len(a.Names), a.Values)
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(a.X).(*ast.Ident); ok && a.Op == token.AND && info.Uses[id] == v {
				n += 2 // its address is taken: it may be set elsewhere
			}
		}
		return true
	})
	if n != 1 || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil
	}
	return val
}

// literalHandlers reports whether every handler of hs is a function
// literal, or one converted to http.HandlerFunc: a server of one function
// (writefreely's redirect to HTTPS on :80) serves none of the package's
// routes, so the finding belongs at another serve call.
func literalHandlers(hs []ast.Expr) bool {
	if len(hs) == 0 {
		return false
	}
	for _, h := range hs {
		if _, ok := handlerLit(h).(*ast.FuncLit); !ok {
			return false
		}
	}
	return true
}

// handlerLit returns e without parentheses and without a conversion to
// http.HandlerFunc (or any HandlerFunc type) of one argument.
func handlerLit(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "HandlerFunc" {
			e = ast.Unparen(call.Args[0])
		}
	}
	return e
}

// forwarded returns the handler a function literal given as a server's
// handler hands its requests on to, when every ServeHTTP call in it is
// on one handler the literal does not declare: pocket-id's
// http.HandlerFunc(func(w, req) { ...; r.ServeHTTP(w, req) }) serves the
// gin engine r. Any other h, and a literal that calls no ServeHTTP or
// forwards to several handlers, is returned as it is (a redirect server
// of one function serves none of the package's routes: literalHandlers).
func (c *checker) forwarded(h ast.Expr) ast.Expr {
	lit, ok := handlerLit(h).(*ast.FuncLit)
	if !ok {
		return h
	}
	info := c.pass.TypesInfo
	var next ast.Expr
	many := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || many {
			return !many
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "ServeHTTP" || len(call.Args) != 2 || info.Selections[sel] == nil || !handlerish(info.TypeOf(sel.X)) {
			return true
		}
		root := sel.X
		for {
			s, ok := ast.Unparen(root).(*ast.SelectorExpr)
			if !ok {
				break
			}
			root = s.X
		}
		id, ok := ast.Unparen(root).(*ast.Ident)
		if obj := info.Uses[id]; !ok || obj == nil || (obj.Pos() >= lit.Pos() && obj.Pos() < lit.End()) {
			many = true // a handler the literal makes or finds: not one the server is given
			return false
		}
		if next != nil && types.ExprString(next) != types.ExprString(sel.X) {
			many = true
			return false
		}
		next = sel.X
		return true
	})
	if next == nil || many {
		return h
	}
	return next
}

// servedHandlers returns the handlers call starts a server with: the
// handler argument of http.ListenAndServe and its kin, the Handler fields
// of the http.Server it starts (serverHandlers; nil for the default
// ServeMux), or the router whose serving method it calls (echo's Start);
// false when call starts no server, or its handlers cannot be read.
func (c *checker) servedHandlers(call *ast.CallExpr) ([]ast.Expr, bool) {
	info := c.pass.TypesInfo
	if fn := apimatch.Callee(info, call); fn != nil && fn.Pkg() != c.pass.Pkg && !call.Ellipsis.IsValid() {
		// runner.Run(engine, conf): a function of another package of
		// the module that serves its parameter (a fact). The package's
		// own functions are followed through their parameters.
		if ps := c.servesOf(fn); len(ps) > 0 {
			var hs []ast.Expr
			for _, i := range ps {
				if i < len(call.Args) {
					hs = append(hs, call.Args[i])
				}
			}
			return hs, len(hs) > 0
		}
	}
	if fn := apimatch.Callee(info, call); fn != nil && !call.Ellipsis.IsValid() {
		// s.ServeHTTP(ctx, &http.Server{Handler: h}): a function that
		// starts the server it is given, of the package or (a fact) of
		// another, of the module or not (zhttp.Serve(flags, stop,
		// &http.Server{...})).
		if ps := c.serversOfFunc(fn); len(ps) > 0 {
			var hs []ast.Expr
			for _, i := range ps {
				if i >= len(call.Args) {
					continue
				}
				u, ok := ast.Unparen(call.Args[i]).(*ast.UnaryExpr)
				if !ok || u.Op != token.AND {
					return nil, false
				}
				lit, ok := ast.Unparen(u.X).(*ast.CompositeLit)
				if !ok {
					return nil, false
				}
				more, found := c.serverLiterals([]ast.Node{lit})
				if !found {
					return nil, false
				}
				hs = append(hs, more...)
			}
			if len(hs) > 0 {
				return hs, true
			}
		}
	}
	if fn := apimatch.Callee(info, call); fn != nil && !call.Ellipsis.IsValid() && fn.Signature().Recv() != nil {
		// webService.Serve(l) after webService =
		// manners.NewWithServer(&http.Server{Handler: router}): a
		// method that starts the server its receiver keeps (kept.go).
		// Another receiver (echo's e.Start, whose Server field is
		// echo's own) is left to the rules below.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if field := c.servesRecvOf(fn); field != "" {
				if hs, ok := c.keptServers(sel.X, field); ok {
					return hs, true
				}
			}
		}
	}
	key := apimatch.CalleeKey(info, call)
	if i, ok := serveFuncs[key]; ok {
		if i >= len(call.Args) {
			return nil, false
		}
		return []ast.Expr{c.forwarded(call.Args[i])}, true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	if serverServes[key] {
		if field := c.embeddedServer(sel); field != nil && field.Pkg() == c.pass.Pkg {
			// ws.ListenAndServe() on a type of the package embedding
			// the http.Server it starts (Focalboard's web.Server).
			if hs, ok := c.serverField(field, 0); ok {
				return hs, ok
			}
		}
		return c.serverHandlers(sel.X)
	}
	if serveMethods[sel.Sel.Name] && info.Selections[sel] != nil && routerTypes[apimatch.TypeKey(info.TypeOf(sel.X))] {
		return []ast.Expr{sel.X}, true
	}
	if sel.Sel.Name == "Run" && apimatch.TypeKey(info.TypeOf(sel.X)) == "gopkg.in/macaron.v1.Macaron" {
		return []ast.Expr{sel.X}, true // m.Run(): http.ListenAndServe(addr, m)
	}
	return nil, false
}

// ownLiterals returns the http.Server literals v is given, when every
// value v is given (by the function declaring it, among those that
// enclose use) is &http.Server{...} and nothing in body assigns its
// Handler or takes its address; nil otherwise.
func (c *checker) ownLiterals(body *ast.BlockStmt, use *ast.Ident, v *types.Var) []ast.Node {
	info := c.pass.TypesInfo
	var lits []ast.Node
	for h := c.funcAt(use.Pos()); h != nil; h = h.outer {
		defs, ok := h.defs[v]
		if !ok {
			continue
		}
		for _, d := range defs {
			u, ok := ast.Unparen(d.rhs).(*ast.UnaryExpr)
			if !ok || u.Op != token.AND {
				return nil
			}
			lit, ok := ast.Unparen(u.X).(*ast.CompositeLit)
			if !ok || apimatch.TypeKey(info.TypeOf(lit)) != "net/http.Server" {
				return nil
			}
			lits = append(lits, lit)
		}
		break
	}
	if len(lits) == 0 {
		return nil
	}
	other := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
					if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == v {
						other = true // srv.Handler = h, or any field set later
					}
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				other = true
			}
		}
		return !other
	})
	if other {
		return nil
	}
	return lits
}

// serverHandlers returns the Handler fields of the http.Server x may be
// (nil for a server with none: the default ServeMux). x is a variable of
// the package: its http.Server literals (those of the function declaring
// it, or of the package for a package variable), every x.Handler = h, and
// the servers its definitions hold; a parameter of an unexported function
// holds the servers its callers in the package pass. A call of a function
// of the package holds the servers that function builds (func
// newServer(addr string, h http.Handler) *http.Server { return
// &http.Server{Addr: addr, Handler: h} }). It fails when a server may come
// from elsewhere, or no server is found.
func (c *checker) serverHandlers(x ast.Expr) ([]ast.Expr, bool) {
	return c.serversOf(x, 0)
}

func (c *checker) serversOf(x ast.Expr, depth int) ([]ast.Expr, bool) {
	if depth > 4 {
		return nil, false
	}
	info := c.pass.TypesInfo
	switch e := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		if f := c.packageFunc(e); f != nil {
			hs, found := c.serverLiterals([]ast.Node{f.body})
			// A handler that is a parameter of f is this call's argument.
			for k, h := range hs {
				id, ok := ast.Unparen(h).(*ast.Ident)
				if !ok {
					continue
				}
				if v, _ := info.Uses[id].(*types.Var); v != nil {
					if g, j := c.paramOwner(v); g == f && j < len(e.Args) && !f.sig.Variadic() {
						hs[k] = e.Args[j]
					}
				}
			}
			return hs, found
		}
		return nil, false
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok && e.Op == token.AND {
			return c.serverLiterals([]ast.Node{lit})
		}
		return nil, false
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		if v == nil || v.Pkg() != c.pass.Pkg {
			return nil, false
		}
		if g, i := c.paramOwner(v); g != nil {
			calls, ok := c.callSites(g, i)
			if !ok {
				return nil, false
			}
			hs, found := c.serverLiterals([]ast.Node{g.body}) // g's own x.Handler = h
			for _, call := range calls {
				more, ok := c.serversOf(call.Args[i], depth+1)
				if !ok {
					return nil, false
				}
				hs, found = append(hs, more...), true
			}
			return hs, found
		}
		if v.Parent() == c.pass.Pkg.Scope() {
			if v.Exported() {
				return nil, false // importers may set it
			}
			var roots []ast.Node
			for _, f := range c.pass.Files {
				roots = append(roots, f)
			}
			return c.serverLiterals(roots)
		}
		g := c.funcAt(e.Pos()).outermost()
		if g == nil {
			return nil, false
		}
		if x := rangeOver(info, g.body, v); x != nil {
			// for name, server := range hc.servers { go server.Serve(l) }:
			// the servers the package stores in that field (Burrow).
			sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
			if !ok || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.FieldVal {
				return nil, false
			}
			field, _ := info.Selections[sel].Obj().(*types.Var)
			if field == nil || field.Pkg() != c.pass.Pkg || field.Exported() {
				return nil, false
			}
			return c.elemServers(field, depth)
		}
		if lits := c.ownLiterals(g.body, e, v); lits != nil {
			// server := &http.Server{Handler: mux}: the literals v is
			// given, not every server literal of the function (dex
			// starts its telemetry server and its main one from one
			// function, each in a variable of its own).
			return c.serverLiterals(lits)
		}
		hs, found := c.serverLiterals([]ast.Node{g.body})
		for h := c.funcAt(e.Pos()); h != nil; h = h.outer {
			defs, ok := h.defs[v]
			if !ok {
				continue
			}
			for _, d := range defs {
				// A server a function of the package builds; another
				// package's wrapper of a literal written here
				// (graceful.WithDefaults(&http.Server{...})) is covered
				// by the literals above.
				if call, ok := ast.Unparen(d.rhs).(*ast.CallExpr); ok && c.packageFunc(call) != nil {
					more, ok := c.serversOf(call, depth+1)
					if !ok {
						return nil, false
					}
					hs, found = append(hs, more...), true
				}
			}
			break
		}
		return hs, found
	case *ast.CompositeLit:
		// Server: http.Server{Handler: r}, an embedded server's value.
		if apimatch.TypeKey(info.TypeOf(e)) == "net/http.Server" {
			return c.serverLiterals([]ast.Node{e})
		}
		return nil, false
	case *ast.SelectorExpr:
		// s.server: an unexported field of a type of the package.
		sel := info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return nil, false
		}
		field, _ := sel.Obj().(*types.Var)
		return c.serverField(field, depth)
	}
	return nil, false
}

// serverField returns the handlers of the servers a field of a type of
// the package holds: an unexported one, or an exported one for a start
// site (starts), whose caller's rule judges what an importer gives.
func (c *checker) serverField(field *types.Var, depth int) ([]ast.Expr, bool) {
	if field == nil || field.Pkg() != c.pass.Pkg || (field.Exported() && !c.varsOK) {
		// An importer may set it.
		return nil, false
	}
	return c.fieldServers(field, depth)
}

// embeddedServer returns the field of a struct type of the package that
// embeds the http.Server whose method sel calls, promoted (ws.ListenAndServe()
// where ws's type embeds http.Server or *http.Server), or nil.
func (c *checker) embeddedServer(sel *ast.SelectorExpr) *types.Var {
	s := c.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || len(s.Index()) < 2 {
		return nil
	}
	t := s.Recv()
	var field *types.Var
	for _, i := range s.Index()[:len(s.Index())-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil
		}
		field = st.Field(i)
		t = field.Type()
	}
	if field == nil || !field.Embedded() || apimatch.TypeKey(field.Type()) != "net/http.Server" {
		return nil
	}
	return field
}

// rangeOver returns the expression a range statement in body ranges over
// when v is its value variable, or nil.
func rangeOver(info *types.Info, body ast.Node, v *types.Var) ast.Expr {
	var x ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if x != nil {
			return false
		}
		if rs, ok := n.(*ast.RangeStmt); ok && rs.Tok == token.DEFINE {
			if id, ok := rs.Value.(*ast.Ident); ok && info.Defs[id] == v {
				x = rs.X
			}
		}
		return true
	})
	return x
}

// fieldServerSet gathers the servers the assignments of a field of the
// package hold (fieldServers, elemServers): found once one is added, not
// ok once a value may hold servers from elsewhere.
type fieldServerSet struct {
	c         *checker
	field     *types.Var
	depth     int
	hs        []ast.Expr
	found, ok bool
}

func (c *checker) newFieldServers(field *types.Var, depth int) *fieldServerSet {
	return &fieldServerSet{c: c, field: field, depth: depth, ok: true}
}

// isField reports whether e selects the field.
func (fs *fieldServerSet) isField(e ast.Expr) bool {
	s, ok := ast.Unparen(e).(*ast.SelectorExpr)
	sel := fs.c.pass.TypesInfo.Selections[s]
	return ok && sel != nil && sel.Obj() == fs.field
}

// add adds the servers v holds.
func (fs *fieldServerSet) add(v ast.Expr) {
	more, good := fs.c.serversOf(v, fs.depth+1)
	if !good {
		fs.ok = false
		return
	}
	fs.hs, fs.found = append(fs.hs, more...), true
}

// elemServers returns the servers stored as elements of field, a map or
// slice of the package: hc.servers[name] = server, s.servers =
// append(s.servers, srv); a make or a nil assigned to it adds none, and
// any other assignment fails, as does a field of no such type.
func (c *checker) elemServers(field *types.Var, depth int) ([]ast.Expr, bool) {
	switch field.Type().Underlying().(type) {
	case *types.Map, *types.Slice:
	default:
		return nil, false
	}
	fc := c.newFieldServers(field, depth)
	info, isField, add := c.pass.TypesInfo, fc.isField, fc.add
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if !fc.ok {
				return false
			}
			as, isAssign := n.(*ast.AssignStmt)
			if !isAssign {
				return true
			}
			for i, l := range as.Lhs {
				if len(as.Rhs) != len(as.Lhs) {
					if isField(l) {
						fc.ok = false
					}
					continue
				}
				r := ast.Unparen(as.Rhs[i])
				if ix, isIndex := ast.Unparen(l).(*ast.IndexExpr); isIndex && isField(ix.X) {
					add(r)
					continue
				}
				if !isField(l) {
					continue
				}
				switch x := r.(type) {
				case *ast.CallExpr:
					if id, isID := ast.Unparen(x.Fun).(*ast.Ident); isID {
						if b, isBuiltin := info.Uses[id].(*types.Builtin); isBuiltin {
							switch b.Name() {
							case "make":
								continue
							case "append":
								if len(x.Args) > 0 && isField(x.Args[0]) && !x.Ellipsis.IsValid() {
									for _, a := range x.Args[1:] {
										add(a)
									}
									continue
								}
							}
						}
					}
				case *ast.Ident:
					if _, isNil := info.Uses[x].(*types.Nil); isNil {
						continue
					}
				}
				fc.ok = false
			}
			return true
		})
	}
	return fc.hs, fc.found && fc.ok
}

// fieldServers returns the handlers of the servers the package stores in
// field (s.server = &http.Server{...}, s.server = newServer(h), a
// literal's server: &http.Server{...}, also a positional one) and gives
// it (s.http.Handler = s.engine); false when one cannot be read, or there
// are none.
func (c *checker) fieldServers(field *types.Var, depth int) ([]ast.Expr, bool) {
	fc := c.newFieldServers(field, depth)
	info, isField, add := c.pass.TypesInfo, fc.isField, fc.add
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if !fc.ok {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if isField(l) {
						if len(n.Rhs) != len(n.Lhs) {
							fc.ok = false
							return false
						}
						add(n.Rhs[i])
						continue
					}
					// s.server.Handler = h
					if s, isSel := ast.Unparen(l).(*ast.SelectorExpr); isSel && s.Sel.Name == "Handler" && isField(s.X) {
						if len(n.Rhs) != len(n.Lhs) {
							fc.ok = false
							return false
						}
						fc.hs, fc.found = append(fc.hs, n.Rhs[i]), true
					}
				}
			case *ast.KeyValueExpr:
				if id, isID := n.Key.(*ast.Ident); isID && info.Uses[id] == field {
					add(n.Value)
				}
			case *ast.CompositeLit:
				// &serverConfig{addr, certProvider, listener, server,
				// tlsConfig}: a positional literal (pocket-id's initServer).
				if k := positionalField(info.TypeOf(n), n, field); k >= 0 {
					add(n.Elts[k])
				}
			}
			return true
		})
	}
	return fc.hs, fc.found && fc.ok
}

// positionalField returns the index in lit, a composite literal of type
// t, of the element that sets field, when lit is a positional struct
// literal; -1 otherwise.
func positionalField(t types.Type, lit *ast.CompositeLit, field *types.Var) int {
	st, ok := types.Unalias(t).Underlying().(*types.Struct)
	if !ok || len(lit.Elts) != st.NumFields() || len(lit.Elts) == 0 {
		return -1
	}
	if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
		return -1
	}
	for k := range st.NumFields() {
		if st.Field(k) == field {
			return k
		}
	}
	return -1
}

// packageFunc returns the function of the package (not in a test or
// generated file) that call calls, or nil.
func (c *checker) packageFunc(call *ast.CallExpr) *function {
	fn := apimatch.Callee(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return nil
	}
	if f := c.byObj[fn.Origin()]; f != nil && !f.skip {
		return f
	}
	return nil
}

// serverLiterals returns the Handler fields of the http.Server literals
// and the x.Handler = h assignments under roots; found is false when
// there are none, or one cannot be read (a positional literal, a tuple
// assignment).
func (c *checker) serverLiterals(roots []ast.Node) (hs []ast.Expr, found bool) {
	info := c.pass.TypesInfo
	bad := false
	for _, root := range roots {
		ast.Inspect(root, func(n ast.Node) bool {
			if bad {
				return false
			}
			switch n := n.(type) {
			case *ast.CompositeLit:
				if apimatch.TypeKey(info.TypeOf(n)) != "net/http.Server" {
					return true
				}
				found = true
				var h ast.Expr
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						bad = true // positional: cannot tell
						return false
					}
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Handler" {
						h = c.forwarded(kv.Value)
					}
				}
				hs = append(hs, h)
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					s, ok := ast.Unparen(l).(*ast.SelectorExpr)
					if !ok || s.Sel.Name != "Handler" || apimatch.TypeKey(info.TypeOf(s.X)) != "net/http.Server" {
						continue
					}
					if i < len(n.Rhs) && len(n.Rhs) == len(n.Lhs) {
						hs = append(hs, c.forwarded(n.Rhs[i]))
					} else {
						bad = true
						return false
					}
				}
			}
			return true
		})
	}
	return hs, found && !bad
}

// internal reports whether the handler expression e is built in the
// package: not a parameter of an exported function or method (an
// importer may have wrapped it in a limit), nor derived from one. A
// parameter a call's callee installs as a middleware, of a function
// that installs it in turn, does not count (hanko's
// handler.NewPublicRouter(cfg, persister, prometheus, ...) in
// server.StartPublic): that function's callers judge it, and the
// package's serve site is theirs (serveSite).
func (c *checker) internal(e ast.Expr, depth int) bool {
	if depth > 16 { // a handler wrapped step by step: h = wrap(h), each a level
		return false
	}
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case nil:
		return true // no Handler: the default ServeMux
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return true // nil, a function
		}
		if g, i := c.paramOwner(v); g != nil {
			return c.callersInternal(g, i, depth)
		}
		if v.Pkg() != c.pass.Pkg {
			return true
		}
		if v.Parent() == c.pass.Pkg.Scope() {
			return !v.Exported() || c.varsOK
		}
		for g := c.funcAt(x.Pos()); g != nil; g = g.outer {
			if defs, ok := g.defs[v]; ok {
				for _, d := range defs {
					// h = wrap(h): each definition is judged once.
					if c.judging[d.rhs] {
						continue
					}
					c.judging[d.rhs] = true
					ok := c.internal(d.rhs, depth) // bounded by the definitions, each judged once
					delete(c.judging, d.rhs)
					if !ok {
						return false
					}
				}
				return true
			}
		}
		return true
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil {
			return c.internal(x.X, depth+1) // a field or a method value of it
		}
		return true // pkg.Name
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.internal(x.Args[0], depth+1)
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil && handlerish(info.TypeOf(sel.X)) {
			if !c.internal(sel.X, depth+1) {
				return false
			}
		}
		var inst passutil.Params
		fn := apimatch.Callee(info, x)
		if fn != nil {
			inst = c.installsOf(fn)
		}
		for i, a := range x.Args {
			if len(inst) > 0 && inst.Has(argParam(fn, i)) && c.installedParam(a) {
				continue // a middleware its callers judge (passedInstalls)
			}
			if handlerish(info.TypeOf(a)) && !c.internal(a, depth+1) {
				return false
			}
		}
		return true
	case *ast.UnaryExpr:
		return c.internal(x.X, depth+1)
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if handlerish(info.TypeOf(el)) && !c.internal(el, depth+1) {
				return false
			}
		}
		return true
	}
	return true
}

// installedParam reports whether e is a parameter of a function of the
// package that installs it (passedInstalls): whether it bounds bodies is
// judged at that function's calls (installsLimit), not here.
func (c *checker) installedParam(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	g, i := c.paramOwner(v)
	return g != nil && g.installs.Has(i)
}

// callersInternal reports whether parameter i of g is built in the
// package at every call: g is an unexported function only called, never
// used as a value.
func (c *checker) callersInternal(g *function, i, depth int) bool {
	calls, ok := c.callSites(g, i)
	if !ok {
		return false
	}
	for _, call := range calls {
		if !c.internal(call.Args[i], depth+1) {
			return false
		}
	}
	return true
}

// callSites returns the calls of g in the package, which must be all its
// uses and pass its parameter i; false when g is exported, a method or
// variadic (callers may be elsewhere), used otherwise than called, or
// never called.
func (c *checker) callSites(g *function, i int) ([]*ast.CallExpr, bool) {
	if g.obj == nil || g.obj.Exported() || g.sig.Recv() != nil || g.sig.Variadic() {
		return nil, false
	}
	info := c.pass.TypesInfo
	var calls []*ast.CallExpr
	for _, file := range c.pass.Files {
		ok := true
		parents := map[ast.Node]ast.Node{}
		var stack []ast.Node
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if len(stack) > 0 {
				parents[n] = stack[len(stack)-1]
			}
			stack = append(stack, n)
			id, isID := n.(*ast.Ident)
			if !ok || !isID || info.Uses[id] != g.obj {
				return ok
			}
			call, isCall := parents[id].(*ast.CallExpr)
			if !isCall || ast.Unparen(call.Fun) != id || i >= len(call.Args) {
				ok = false
				return false
			}
			calls = append(calls, call)
			return true
		})
		if !ok {
			return nil, false
		}
	}
	return calls, len(calls) > 0
}

// boundedByCallers reports whether every use of f in the package is a
// call from a function that bounds the request it passes as f's
// parameter i: gofr's graphQLManager.Handle sets r.Body =
// http.MaxBytesReader(w, r.Body, 32 MiB), then calls
// m.handleGraphQLRequest(w, r), a function of a handler's shape that only
// Handle calls. f must be unexported (a method too, when no interface of
// the package declares a method of its name, through which it could be
// called unseen) and used only in such calls.
func (c *checker) boundedByCallers(f *function, i int) bool {
	if f.obj == nil || f.obj.Exported() || f.sig.Variadic() {
		return false
	}
	info := c.pass.TypesInfo
	if f.sig.Recv() != nil {
		for _, obj := range info.Defs {
			tn, ok := obj.(*types.TypeName)
			if !ok || tn.Pkg() != c.pass.Pkg {
				continue
			}
			if it, ok := tn.Type().Underlying().(*types.Interface); ok {
				for m := range it.Methods() {
					if m.Name() == f.obj.Name() {
						return false
					}
				}
			}
		}
	}
	calls := 0
	for _, file := range c.pass.Files {
		bounded := true
		var stack []ast.Node
		// Once a use is not such a call, the walk stops descending (and
		// the stack is no longer needed).
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if !bounded {
				return false
			}
			stack = append(stack, n)
			id, ok := n.(*ast.Ident)
			if !ok || info.Uses[id] != f.obj {
				return true
			}
			// The call: f(...) or x.f(...).
			var fun ast.Node = id
			k := len(stack) - 2
			if k >= 0 {
				if sel, ok := stack[k].(*ast.SelectorExpr); ok && sel.Sel == id {
					fun, k = sel, k-1
				}
			}
			var ce *ast.CallExpr
			if k >= 0 {
				ce, _ = stack[k].(*ast.CallExpr)
			}
			if ce == nil || ast.Unparen(ce.Fun) != fun || i >= len(ce.Args) {
				bounded = false
				return false
			}
			caller := c.funcAt(ce.Pos())
			if caller == nil || caller == f {
				bounded = false
				return false
			}
			if q := c.holderParam(caller, ce.Args[i]); q < 0 || !caller.sum.limits[q] {
				bounded = false
				return false
			}
			calls++
			return true
		})
		if !bounded {
			return false
		}
	}
	return calls > 0
}

// handlerish reports whether a value of type t may be or hold a handler: a
// function, or a type with a ServeHTTP method.
func handlerish(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	_, ok := obj.(*types.Func)
	return ok
}

// paramOwner returns the function of the package v is a parameter of,
// and its index.
func (c *checker) paramOwner(v *types.Var) (*function, int) {
	for _, f := range c.funcs {
		if v.Pos() < f.node.Pos() || v.Pos() >= f.node.End() {
			continue
		}
		for i := range f.sig.Params().Len() {
			if f.sig.Params().At(i) == v {
				return f, i
			}
		}
	}
	return nil, -1
}

// funcAt returns the innermost function holding pos.
func (c *checker) funcAt(pos token.Pos) *function {
	var best *function
	for _, f := range c.funcs {
		if f.node.Pos() <= pos && pos < f.node.End() && (best == nil || f.node.Pos() > best.node.Pos()) {
			best = f
		}
	}
	return best
}

// funcName names f for a message read in another package.
func (c *checker) funcName(f *function) string {
	if f.obj == nil {
		for g := f.outer; g != nil; g = g.outer {
			if g.obj != nil {
				return "a func literal in " + c.funcName(g)
			}
		}
		return "a func literal"
	}
	return declName(f.obj)
}

// declName names a declared function as the pass's messages do, by its
// package's name, a method with its receiver type in parentheses:
// "api.(*Handler).create", "dto.ShouldBindWithNormalizedJSON".
func declName(fn *types.Func) string {
	name := fn.Name()
	if r := fn.Signature().Recv(); r != nil {
		t := types.TypeString(r.Type(), func(*types.Package) string { return "" })
		name = "(" + t + ")." + name
	}
	return fn.Pkg().Name() + "." + name
}

// helperName names the helper of the module through which read r reads,
// qualified by its package ("dto.ShouldBindWithNormalizedJSON"), or ""
// when r is a read of the function itself or of another module's code
// (site already names the call then).
func (c *checker) helperName(r read) string {
	if r.via == "" || r.foreign || r.call == nil {
		return ""
	}
	call, ok := r.call.(*ast.CallExpr)
	if !ok {
		return ""
	}
	fn := apimatch.Callee(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || delegate(fn.Signature()) {
		return ""
	}
	return declName(fn)
}

// delegate reports whether sig is a handler's own, returning nothing or
// an error, and taking only a ResponseWriter and request holders, or a
// ResponseWriter and no interface (no decoding destination): ServeHTTP
// handing the request to h.Handle(w, r), a literal calling h.create(w,
// r, params). Such a callee is a handler, named at its read, not a
// helper whose calls are named (decode(w, r, &v) and
// dto.ShouldBindWithNormalizedJSON(c, &v) are helpers).
func delegate(sig *types.Signature) bool {
	res := sig.Results()
	if res.Len() > 1 || res.Len() == 1 && !types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	holders, writer, iface := true, false, false
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		_, holder := httpapi.Holder(t)
		switch {
		case httpapi.IsResponseWriter(t):
			writer = true
		case holder:
		case types.IsInterface(t):
			holders, iface = false, true
		default:
			holders = false
		}
	}
	return holders || writer && !iface
}

// site is where the program rule names read r, and what it says reads: the
// read itself when it is in the module, else the call of this package
// that leads to it (a position in another module, such as a library's
// decoder, means nothing to the user).
func (c *checker) site(r read) (pos, api string) {
	if r.foreign && r.call != nil && r.via != "" {
		return c.posString(r.call.Pos()), fmt.Sprintf("%s: %s at %s", r.via, r.api, r.pos)
	}
	return r.pos, r.api
}
