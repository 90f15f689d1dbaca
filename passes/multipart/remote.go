package multipart

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// The remote rule. A gin or echo handler's form is reported in its own
// package only when that package may replace the request the framework
// hands its handlers (frameworkCopies). Most services install their
// middleware elsewhere: handlers in a controller package, the engine and
// its middleware in a bootstrap package that imports it (pocket-id's
// bootstrap adds otelgin's middleware when tracing is on). The handler
// package passes the forms it leaves to the server's cleanup on, in a
// package fact; a package of the same module that imports it (directly or
// through others) and installs on the engine a middleware that replaces
// the request reports them, once, there (r.Use(otelgin.Middleware("svc"))),
// naming every parse. A form
// reported in its own package never reaches the fact, and a form a remote
// finding named is not passed further up.

// serverFormsFact is what a package tells the module's packages that
// import it: the gin and echo handler forms, of it and of the module's
// packages it imports, parsed without RemoveAll and left to the server's
// cleanup (nothing seen so far copies their request), and the positions
// of the forms a finding already named, or that an engine's body limit or
// form-parsing middleware settled (engineGuards): the packages above say
// nothing more of them.
type serverFormsFact struct {
	Forms   []ServerForm
	Covered []string
}

// A ServerForm is a parse of a gin or echo handler's form, without
// RemoveAll, that only the server's cleanup removes.
type ServerForm struct {
	Handler string // (*controller.UserController).upload
	API     string // gin FormFile
	Pos     string // module-relative "dir/file.go:12"
	Echo    bool   // an echo handler's (else gin's)
}

func (*serverFormsFact) AFact() {}

func (f *serverFormsFact) String() string {
	var parts []string
	if len(f.Forms) > 0 {
		var hs []string
		for _, s := range f.Forms {
			hs = append(hs, s.Handler)
		}
		parts = append(parts, "forms("+strings.Join(hs, ",")+")")
	}
	if len(f.Covered) > 0 {
		parts = append(parts, fmt.Sprintf("covered(%d)", len(f.Covered)))
	}
	return "serverForms(" + strings.Join(parts, " ") + ")"
}

// copierFact marks a function of the module that may replace a gin or
// echo context's request with a copy (see frameworkCopies): a middleware
// or a constructor of one (go-clean-arch's SetRequestContextWithTimeout
// calls c.SetRequest(c.Request().WithContext(ctx))). A package that calls
// it installs the copy.
type copierFact struct {
	Gin, Echo bool
	Pos       string // the first copy, module-relative "dir/file.go:12"
}

func (*copierFact) AFact() {}

func (f *copierFact) String() string {
	var ks []string
	for _, k := range f.kinds() {
		ks = append(ks, frameworkName(k))
	}
	return "copiesRequest(" + strings.Join(ks, ",") + ")"
}

func (f *copierFact) kinds() []ownerKind {
	var ks []ownerKind
	if f.Gin {
		ks = append(ks, ginOwner)
	}
	if f.Echo {
		ks = append(ks, echoOwner)
	}
	return ks
}

// preParseFact marks a function that is, or builds, a gin or echo
// middleware that parses the multipart form of its context's request and
// passes the context on (pocket-id's FileSizeLimitMiddleware.Add bounds
// the body, parses the form, then calls c.Next()). A handler registered
// behind it finds the form parsed: its FormFile parses nothing.
type preParseFact struct{}

func (*preParseFact) AFact() {}

func (*preParseFact) String() string { return "parsesBeforeNext" }

// copier returns the copierFact of fn, a function of the module, or nil:
// a dependency's functions do not count (gin's own ServeHTTP assigns
// c.Request the server's request).
func (c *checker) copier(fn *types.Func) *copierFact {
	if fn == nil || fn.Pkg() == nil || !passutil.InModule(fn.Pkg().Path(), passutil.ModulePath(c.pass)) {
		return nil
	}
	var f copierFact
	if !c.pass.ImportObjectFact(fn.Origin(), &f) {
		return nil
	}
	return &f
}

// servesThrough reports whether call, a call of fn, serves a gin or echo
// engine through a net/http wrapper that hands it a copy of the request
// (http.StripPrefix, TimeoutHandler, MaxBytesHandler), and whose.
func (c *checker) servesThrough(call *ast.CallExpr, fn *types.Func) (ownerKind, bool) {
	switch apimatch.Key(fn) {
	case "net/http.StripPrefix", "net/http.TimeoutHandler", "net/http.MaxBytesHandler":
		for _, a := range call.Args {
			switch apimatch.TypeKey(c.pass.TypesInfo.TypeOf(a)) {
			case "github.com/gin-gonic/gin.Engine":
				return ginOwner, true
			case "github.com/labstack/echo.Echo":
				return echoOwner, true
			}
		}
	}
	return 0, false
}

// A copySite is where a package installs something that may replace a
// framework context's request (see installSites), and why it may.
type copySite struct {
	why string
	at  ast.Node
}

// engineUse gives the framework of the engines whose Use (and echo's Pre)
// installs a middleware for every route, keyed by apimatch.Key. A
// group's Use and a route's own middleware reach only some routes, and
// are not install sites of the remote rule.
var engineUse = map[string]ownerKind{
	"(*github.com/gin-gonic/gin.Engine).Use": ginOwner,
	"(*github.com/labstack/echo.Echo).Use":   echoOwner,
	"(*github.com/labstack/echo.Echo).Pre":   echoOwner,
}

// installSites finds, outside _test.go and generated files, the first
// place where the package installs, for every route of a gin or echo
// engine, something that may replace the request the engine hands its
// handlers: an argument of the engine's Use (echo's Pre too) that is a
// middleware of a copying import (otelgin.Middleware("svc")), one of
// echo's copying middleware (middleware.Timeout()), a call or value of a
// function of the module that copies (copierFact, this package's
// included), or a literal that copies; or the engine served through
// http.StripPrefix, TimeoutHandler or MaxBytesHandler.
func (c *checker) installSites() (sites map[ownerKind]copySite, guarded map[ownerKind]bool) {
	info := c.pass.TypesInfo
	sites, guarded = map[ownerKind]copySite{}, map[ownerKind]bool{}
	set := func(k ownerKind, why string, at ast.Node) {
		if _, ok := sites[k]; !ok {
			sites[k] = copySite{why: why, at: at}
		}
	}
	// copies says whether the middleware a, given to an engine of
	// framework k, may replace the request, and why.
	copies := func(k ownerKind, a ast.Expr) (string, bool) {
		var fn *types.Func
		switch a := ast.Unparen(a).(type) {
		case *ast.CallExpr:
			fn = apimatch.Callee(info, a)
			if fn == nil {
				return "", false
			}
			if kk, ok := copyingCalls[apimatch.Key(fn)]; ok && kk == k {
				return "it installs " + fn.Pkg().Name() + "." + fn.Name() + " on the engine", true
			}
			if fn.Pkg() != nil && apimatch.Matches(apimatch.PkgPath(fn.Pkg()), copyingImports[k]...) {
				return "it installs " + fn.Pkg().Name() + "." + fn.Name() + " on the engine", true
			}
		case *ast.Ident:
			fn, _ = info.Uses[a].(*types.Func)
		case *ast.SelectorExpr:
			fn, _ = info.Uses[a.Sel].(*types.Func)
		case *ast.FuncLit:
			why := ""
			c.copiesIn(a.Body, true, func(kk ownerKind, w string, _ ast.Node) {
				if kk == k && why == "" {
					why = w
				}
			})
			return "it installs a middleware on the engine and " + strings.TrimPrefix(why, "it "), why != ""
		}
		if f := c.copier(fn); f != nil && slices.Contains(f.kinds(), k) {
			return fmt.Sprintf("it installs %s on the engine, which replaces %s's request (%s)", passutil.FuncName(fn), frameworkName(k), f.Pos), true
		}
		return "", false
	}
	for _, file := range c.pass.Files {
		if skipFile(c.pass, file) {
			continue // a test's engine serves nothing; no reports in generated files
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn := apimatch.Callee(info, call)
			if k, ok := c.servesThrough(call, fn); ok {
				set(k, "it serves the engine through http."+fn.Name(), call)
			}
			k, ok := engineUse[apimatch.Key(fn)]
			if !ok {
				return true
			}
			for _, a := range call.Args {
				if why, ok := copies(k, a); ok {
					set(k, why, a)
				}
				if c.boundsOrParses(a) {
					guarded[k] = true
				}
			}
			return true
		})
	}
	return sites, guarded
}

// engineGuards are middlewares that, installed on an engine, leave the
// remote rule nothing to say of its handlers' forms: a body limit (the
// form then likely fits in memory: vikunja's BodyLimit of its upload
// size plus 2 MiB, 22 MiB by default), or a getter that parses the form
// on the server's request before any copy is made (echo's MethodOverride
// with MethodFromForm, in Pre: opengist), after which the handlers'
// parses do nothing. Keyed by apimatch.Key.
var engineGuards = map[string]bool{
	"github.com/labstack/echo/middleware.BodyLimit":           true,
	"github.com/labstack/echo/middleware.BodyLimitWithConfig": true,
	"github.com/labstack/echo/middleware.MethodFromForm":      true,
	"github.com/gin-contrib/size.RequestSizeLimiter":          true,
}

// boundsOrParses reports whether a, a middleware given to an engine's Use
// or Pre, bounds request bodies or parses the form first: it calls one of
// engineGuards, or is (or calls) a function that parses the form and
// passes the context on (preParseFact).
func (c *checker) boundsOrParses(a ast.Expr) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(a, func(n ast.Node) bool {
		var fn *types.Func
		switch n := n.(type) {
		case *ast.CallExpr:
			if f := apimatch.Callee(info, n); f != nil && engineGuards[apimatch.Key(f)] {
				found = true
			}
		case *ast.Ident:
			fn, _ = info.Uses[n].(*types.Func)
		}
		if fn != nil && c.pass.ImportObjectFact(fn.Origin(), new(preParseFact)) {
			found = true
		}
		return !found
	})
	if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok && !found {
		found = c.parsesBeforeNext(lit, lit.Body)
	}
	return found
}

func frameworkName(k ownerKind) string {
	if k == echoOwner {
		return "echo"
	}
	return "gin"
}

// exportFuncFacts exports the copierFact and preParseFact of d, a
// function of a file the pass does not skip.
func (c *checker) exportFuncFacts(d *ast.FuncDecl) {
	fn, _ := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if fn == nil {
		return
	}
	var cf copierFact
	c.copiesIn(d.Body, true, func(k ownerKind, _ string, at ast.Node) {
		if !c.makesCopy(at) {
			return // traQ's Gzip hands SetRequest the request gzhttp passed on
		}
		if cf.Pos == "" {
			cf.Pos = passutil.ModulePos(c.pass, at.Pos())
		}
		cf.Gin = cf.Gin || k == ginOwner
		cf.Echo = cf.Echo || k == echoOwner
	})
	if cf.Gin || cf.Echo {
		c.pass.ExportObjectFact(fn, &cf)
	}
	pre := c.parsesBeforeNext(d, d.Body)
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && !pre {
			pre = c.parsesBeforeNext(lit, lit.Body)
		}
		return !pre
	})
	if pre {
		c.pass.ExportObjectFact(fn, new(preParseFact))
	}
}

// makesCopy reports whether at, a copy copiesIn found, is known to put a
// new request in the context: c.Request = or c.SetRequest( a
// WithContext, Clone or NewRequest call, or a variable assigned one
// (go-clean-arch's newRequest := c.Request().WithContext(ctx)); a call of
// another copier or of a copying API (echo's Timeout) counts as it is.
func (c *checker) makesCopy(at ast.Node) bool {
	info := c.pass.TypesInfo
	var x ast.Expr
	switch at := at.(type) {
	case *ast.AssignStmt:
		if len(at.Rhs) != 1 {
			return false
		}
		x = at.Rhs[0]
	case *ast.CallExpr:
		if fn := apimatch.Callee(info, at); fn == nil || fn.Name() != "SetRequest" || len(at.Args) != 1 {
			return true
		}
		x = at.Args[0]
	default:
		return true
	}
	isCopy := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		return ok && copyMakers[apimatch.CalleeKey(info, call)]
	}
	if isCopy(x) {
		return true
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	found := false
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				for i, l := range as.Lhs {
					if lid, ok := l.(*ast.Ident); ok && v != nil && identVar(info, lid) == v && isCopy(as.Rhs[i]) {
						found = true
					}
				}
			}
			return !found
		})
	}
	return found
}

// parsesBeforeNext reports whether fn, a gin or echo middleware, parses
// the form of its context's request and passes the context on (c.Next(),
// next(c)).
func (c *checker) parsesBeforeNext(fn ast.Node, body *ast.BlockStmt) bool {
	sig := funcSig(fn, c.pass.TypesInfo)
	if sig == nil {
		return false
	}
	for p := range sig.Params().Variables() {
		k, ok := kindOf(p.Type())
		if !ok || (k != ginOwner && k != echoOwner) {
			continue
		}
		o := &owner{v: p, kind: k}
		c.collectFormAliases(body, o)
		if c.parses(body, o) && c.passesOn(body, o) {
			return true
		}
	}
	return false
}

// leaveToServer records the form of handler fn, first parsed at s, which
// only the server's cleanup removes, for the packages that import this
// one (serverFormsFact); not if a route registers fn behind a middleware
// that parses the form first (preParsedHandlers).
func (c *checker) leaveToServer(fn ast.Node, s site, k ownerKind) {
	if c.preParsed == nil {
		c.preParsed = c.preParsedHandlers()
	}
	if c.preParsed[fn] {
		return
	}
	c.pending = append(c.pending, ServerForm{
		Handler: c.handlerName(fn),
		API:     s.rule.api,
		Pos:     passutil.ModulePos(c.pass, s.call.Pos()),
		Echo:    k == echoOwner,
	})
}

// handlerName names fn as messages do: (*controller.UserController).upload,
// or "a func literal in" its enclosing function.
func (c *checker) handlerName(fn ast.Node) string {
	if d, ok := fn.(*ast.FuncDecl); ok {
		if obj, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
			return passutil.FuncName(obj)
		}
	}
	if f := passutil.FileOf(c.pass.Files, fn.Pos()); f != nil {
		for _, d := range f.Decls {
			if d, ok := d.(*ast.FuncDecl); ok && d.Pos() <= fn.Pos() && fn.End() <= d.End() {
				return "a func literal in " + c.handlerName(d)
			}
		}
	}
	return "a func literal"
}

// preParsedHandlers returns the handlers (declarations and literals) that
// a call of the package, outside _test.go files, registers together with
// a middleware that parses the form first (preParseFact): gin's
// group.POST("/logo", auth.Add(), limit.Add(2<<20), h.logo) runs the
// limiter's parse before h.logo's FormFile, which then parses nothing.
func (c *checker) preParsedHandlers() map[ast.Node]bool {
	info := c.pass.TypesInfo
	decls := map[*types.Func]ast.Node{}
	for _, file := range c.pass.Files {
		for _, d := range file.Decls {
			if d, ok := d.(*ast.FuncDecl); ok {
				if obj, ok := info.Defs[d.Name].(*types.Func); ok {
					decls[obj] = d
				}
			}
		}
	}
	funcOf := func(e ast.Expr) *types.Func {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			fn, _ := info.Uses[e].(*types.Func)
			return fn
		case *ast.SelectorExpr:
			fn, _ := info.Uses[e.Sel].(*types.Func)
			return fn
		}
		return nil
	}
	preParses := func(e ast.Expr) bool {
		fn := funcOf(e)
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			fn = funcOf(call.Fun)
		}
		return fn != nil && c.pass.ImportObjectFact(fn.Origin(), new(preParseFact))
	}
	out := map[ast.Node]bool{}
	for _, file := range c.pass.Files {
		if passutil.IsTestFile(c.pass.Fset, file) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !slices.ContainsFunc(call.Args, preParses) {
				return true
			}
			for _, a := range call.Args {
				if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
					out[lit] = true
				} else if fn := funcOf(a); fn != nil {
					if d := decls[fn.Origin()]; d != nil {
						out[d] = true
					}
				}
			}
			return true
		})
	}
	return out
}

// remote exports the package's serverFormsFact, rolled up over the
// module's packages it imports (a driver that runs one package at a time
// gives it only the facts of packages named in its imports' export
// data), and reports, where the package installs a middleware that may
// replace gin's or echo's request (installSites), the forms of that
// framework's handlers left to the server's cleanup.
func (c *checker) remote() {
	mod := passutil.ModulePath(c.pass)
	if mod == "" || strings.HasSuffix(c.pass.Pkg.Path(), ".test") || strings.HasSuffix(c.pass.Pkg.Name(), "_test") {
		return // a test main or an external test package: no importer
	}
	covered := map[string]bool{}
	var forms []ServerForm
	for _, pf := range c.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*serverFormsFact)
		if !ok || pf.Package == c.pass.Pkg || !passutil.InModule(pf.Package.Path(), mod) {
			continue
		}
		forms = append(forms, f.Forms...)
		for _, p := range f.Covered {
			covered[p] = true
		}
	}
	forms = append(forms, c.pending...)
	forms = slices.DeleteFunc(forms, func(f ServerForm) bool { return covered[f.Pos] })
	slices.SortFunc(forms, func(a, b ServerForm) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.Handler, b.Handler), cmp.Compare(a.API, b.API))
	})
	forms = slices.CompactFunc(forms, func(a, b ServerForm) bool { return a.Pos == b.Pos })
	var sites map[ownerKind]copySite
	var guarded map[ownerKind]bool
	if len(forms) > 0 {
		sites, guarded = c.installSites()
	}
	for _, k := range []ownerKind{ginOwner, echoOwner} {
		site, ok := sites[k]
		if !ok && !guarded[k] {
			continue
		}
		var fs []ServerForm
		for _, f := range forms {
			if f.Echo == (k == echoOwner) {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 {
			continue
		}
		if !guarded[k] {
			c.reportRemote(site, k, fs)
		}
		for _, f := range fs {
			covered[f.Pos] = true // named, or settled by the guard
		}
	}
	fact := serverFormsFact{Forms: slices.DeleteFunc(forms, func(f ServerForm) bool { return covered[f.Pos] })}
	for p := range covered {
		fact.Covered = append(fact.Covered, p)
	}
	slices.SortFunc(fact.Covered, comparePos)
	if len(fact.Forms) > 0 || len(fact.Covered) > 0 {
		c.pass.ExportPackageFact(&fact)
	}
}

// reportRemote reports, at the place where the package may replace the
// request of framework k's handlers, their forms fs.
func (c *checker) reportRemote(site copySite, k ownerKind, fs []ServerForm) {
	var related []analysis.RelatedInformation
	for _, f := range fs {
		related = append(related, analysis.RelatedInformation{
			Pos:     site.at.Pos(),
			End:     site.at.End(),
			Message: fmt.Sprintf("%s: %s parses a multipart form (%s) without RemoveAll", f.Pos, f.Handler, f.API),
		})
	}
	fw := frameworkName(k)
	what := fmt.Sprintf("%s parses a multipart form (%s at %s) without RemoveAll,", fs[0].Handler, fs[0].API, fs[0].Pos)
	if len(fs) > 1 {
		what = fmt.Sprintf("%d %s handlers of the module's packages this one imports parse multipart forms without RemoveAll, first %s (%s at %s),", len(fs), fw, fs[0].Handler, fs[0].API, fs[0].Pos)
	}
	passutil.Report(c.pass, analysis.Diagnostic{
		Pos: site.at.Pos(),
		End: site.at.End(),
		Message: fmt.Sprintf("%s and this package may replace %s's request with a copy here (%s): the server only removes the original request's form, so the temporary files of a form parsed on the copy are never deleted; remove each form in its handler",
			what, fw, site.why),
		Related: related,
	})
}

// comparePos orders module-relative positions "dir/file.go:12" by file,
// then line.
func comparePos(a, b string) int {
	fa, la := splitPos(a)
	fb, lb := splitPos(b)
	return cmp.Or(cmp.Compare(fa, fb), cmp.Compare(la, lb))
}

func splitPos(p string) (string, int) {
	i := strings.LastIndex(p, ":")
	if i < 0 {
		return p, 0
	}
	n, _ := strconv.Atoi(p[i+1:])
	return p[:i], n
}
