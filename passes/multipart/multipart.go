package multipart

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/resources"
	"github.com/memlint/memlint/internal/ssabuild"
)

//go:embed doc.go
var doc string

// Analyzer reports multipart forms parsed without RemoveAll.
var Analyzer = &analysis.Analyzer{
	Name:      "multipart",
	Doc:       passutil.MustExtractDoc(doc, "multipart"),
	URL:       "https://pkg.go.dev/github.com/memlint/memlint/passes/multipart",
	Run:       passutil.Guard("multipart", run),
	Requires:  []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer, ssabuild.Analyzer, ownership.Analyzer},
	FactTypes: []analysis.Fact{new(formFact), new(serverFormsFact), new(copierFact), new(preParseFact)},
}

const defaultMaxMemory = 32 << 20 // net/http's defaultMaxMemory, gin's and echo's default

var maxMemory = passutil.ByteSize(defaultMaxMemory)

func init() {
	Analyzer.Flags.Var(&maxMemory, "max-memory", "report a constant maxMemory above this many bytes (accepts 32MiB, 1<<25, 33554432)")
}

// config is the run's copy of the flags.
type config struct {
	maxMemory int64
}

// ownerKind says how a tracked variable holds a multipart form.
type ownerKind int

const (
	formOwner ownerKind = iota // *multipart.Form
	httpOwner                  // *http.Request
	ginOwner                   // *gin.Context
	echoOwner                  // echo.Context (v4 interface) or *echo.Context (v5 struct)
)

const formKey = "mime/multipart.Form"

// kindOf says how a variable of type t holds a multipart form: a
// *multipart.Form, or a request holder of the shared table
// (internal/httpapi). fiber's *fiber.Ctx is not an owner: fasthttp removes
// a request's multipart files itself when the handler returns.
func kindOf(t types.Type) (ownerKind, bool) {
	if apimatch.TypeKey(t) == formKey {
		if _, ok := types.Unalias(t).(*types.Pointer); ok {
			return formOwner, true
		}
		return 0, false
	}
	switch fw, _ := httpapi.Holder(t); fw {
	case httpapi.NetHTTP:
		return httpOwner, true
	case httpapi.Gin:
		return ginOwner, true
	case httpapi.Echo, httpapi.EchoV5:
		return echoOwner, true
	}
	return 0, false
}

// A parse rule describes one API that parses a multipart form.
type parseRule struct {
	api       string // how messages name the API
	maxArg    int    // index of the maxMemory argument, or -1 for the 32 MiB default
	formRes   int    // index of a *multipart.Form result, or -1
	readsForm bool   // the result is a form nothing else will clean up (ReadForm)
	viaHelper bool   // a helper with a parsesForm fact, not the API itself
}

var parseRules = map[string]parseRule{
	"(*mime/multipart.Reader).ReadForm":                 {api: "(*multipart.Reader).ReadForm", maxArg: 0, formRes: 0, readsForm: true},
	"(*net/http.Request).ParseMultipartForm":            {api: "ParseMultipartForm", maxArg: 0, formRes: -1},
	"(*net/http.Request).FormFile":                      {api: "FormFile", maxArg: -1, formRes: -1},
	"(*github.com/gin-gonic/gin.Context).FormFile":      {api: "gin FormFile", maxArg: -1, formRes: -1},
	"(*github.com/gin-gonic/gin.Context).MultipartForm": {api: "gin MultipartForm", maxArg: -1, formRes: 0},
	"(github.com/labstack/echo.Context).FormFile":       {api: "echo FormFile", maxArg: -1, formRes: -1},
	"(github.com/labstack/echo.Context).MultipartForm":  {api: "echo MultipartForm", maxArg: -1, formRes: 0},
	// echo v5 made Context a struct.
	"(*github.com/labstack/echo.Context).FormFile":      {api: "echo FormFile", maxArg: -1, formRes: -1},
	"(*github.com/labstack/echo.Context).MultipartForm": {api: "echo MultipartForm", maxArg: -1, formRes: 0},
}

const removeAllKey = resources.FormRelease

// copyMakers produce an *http.Request that is not the one the server owns.
var copyMakers = map[string]bool{
	"(*net/http.Request).WithContext":         true,
	"(*net/http.Request).Clone":               true,
	"net/http.NewRequest":                     true,
	"net/http.NewRequestWithContext":          true,
	"net/http.ReadRequest":                    true,
	"net/http/httptest.NewRequest":            true,
	"net/http/httptest.NewRequestWithContext": true,
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass: pass,
		cfg:  config{maxMemory: int64(maxMemory)},
		cfgs: pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs),
		own:  pass.ResultOf[ownership.Analyzer].(*ownership.Result),
	}
	if !apimatch.Imports(pass.Pkg, "mime/multipart", "net/http", "github.com/gin-gonic/gin", "github.com/labstack/echo") && !httpapi.ImportsCustomHolder(pass.Pkg) {
		// Nothing to check here, but the module's forms left to the
		// server pass through.
		c.remote()
		return nil, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)

	// Facts first, to a fixed point, so that helpers declared later in the
	// package count for their callers.
	var decls []*ast.FuncDecl
	for fileCur := range ins.Root().Children() {
		if skipFile(pass, fileCur.Node().(*ast.File)) {
			continue // no reports there, so no facts either
		}
		for cur := range fileCur.Preorder((*ast.FuncDecl)(nil)) {
			if d := cur.Node().(*ast.FuncDecl); d.Body != nil {
				decls = append(decls, d)
			}
		}
	}
	passutil.FixedPoint(func() bool {
		changed := false
		for _, d := range decls {
			if c.exportFact(d) {
				changed = true
			}
		}
		return changed
	})
	for _, d := range decls {
		c.exportFuncFacts(d)
	}

	c.upstream = c.upstreamCleanup(ins)
	c.gated = httpapi.MultipartGated(pass.Pkg, pass.TypesInfo, pass.Files)
	c.ginCopies, c.echoCopies = c.frameworkCopies()
	for fileCur := range ins.Root().Children() {
		if skipFile(pass, fileCur.Node().(*ast.File)) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				if n.Body != nil {
					c.checkFunc(n, n.Body, c.cfgs.FuncDecl(n))
				}
			case *ast.FuncLit:
				c.checkFunc(n, n.Body, c.cfgs.FuncLit(n))
			}
		}
	}
	c.remote()
	return nil, nil
}

// skipFile reports whether the pass ignores file: generated files, and
// _test.go files (tests build requests with httptest.NewRequest and their
// temporary files die with the test run).
func skipFile(pass *analysis.Pass, file *ast.File) bool {
	return passutil.IsGenerated(file) || passutil.IsTestFile(pass.Fset, file)
}

type checker struct {
	pass *analysis.Pass
	cfg  config
	cfgs *ctrlflow.CFGs
	own  *ownership.Result
	// ssaCalls maps the Lparen of a call to its SSA call (resultStaysLocal).
	ssaCalls map[token.Pos]*ssa.Call
	// upstream is a middleware of this package that parses the form of
	// the request it passes on and removes it (see upstreamCleanup).
	upstream token.Pos
	// ginCopies and echoCopies say why the package may hand gin or echo
	// handlers a copy of the server's request, "" if nothing shows it
	// may (see frameworkCopies).
	ginCopies, echoCopies string
	// pending are the gin and echo handler forms left to the server's
	// cleanup, for the remote rule (leaveToServer); preParsed, the
	// handlers registered behind a middleware that parses the form
	// first, nil until asked.
	pending   []ServerForm
	preParsed map[ast.Node]bool
	// handlers are the functions and literals that own their request
	// without a handler's exact shape (see ownsRequest); nil until asked.
	handlers map[ast.Node]bool
	// gated are the handlers registered only behind a content-type gate
	// that turns multipart bodies away (httpapi.MultipartGated).
	gated httpapi.Gated
	// gin is the package's gin.Engine MaxMultipartMemory (see ginMax).
	gin struct {
		done, set, ok bool
		v             int64
	}
}

// parses reports whether body parses o's form itself or through a helper
// with a parsesForm fact.
func (c *checker) parses(body *ast.BlockStmt, o *owner) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // runs later, if at all; literals called on the spot are entered below
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok && c.parses(lit.Body, o) {
				found = true
			}
			if v, _, _ := c.parseOf(n); v != nil && v == o.v {
				found = true
			}
		}
		return !found
	})
	return found
}

// parseOf matches a call that parses a request's form: a rule API, or a
// helper whose fact says it parses the form of one of its arguments. It
// returns the owner variable (nil for ReadForm, whose owner is its result).
func (c *checker) parseOf(call *ast.CallExpr) (*types.Var, ownerKind, *parseRule) {
	fn := apimatch.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return nil, 0, nil
	}
	if rule, ok := parseRules[apimatch.Key(fn)]; ok {
		if rule.readsForm {
			return nil, formOwner, &rule
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil, 0, nil
		}
		v, k := c.ownerOf(sel.X)
		return v, k, &rule
	}
	var fact formFact
	if !c.pass.ImportObjectFact(fn.Origin(), &fact) {
		return nil, 0, nil
	}
	for _, i := range fact.Parses {
		if i >= len(call.Args) {
			continue
		}
		if v, k := c.ownerOf(call.Args[i]); v != nil {
			return v, k, &parseRule{api: fn.Name() + " (which parses the form)", maxArg: -1, formRes: -1, viaHelper: true}
		}
	}
	return nil, 0, nil
}

// owner is a variable through which a multipart form is reached.
type owner struct {
	v       *types.Var
	kind    ownerKind
	aliases map[*types.Var]bool // local *multipart.Form variables holding this owner's form
}

// A site is one parse of the owner's form.
type site struct {
	call   *ast.CallExpr
	rule   parseRule
	errVar *types.Var // the variable receiving the error result, if any
	stmt   ast.Node   // the statement holding the call
}

func (c *checker) checkFunc(fn ast.Node, body *ast.BlockStmt, g *cfg.CFG) {
	if g == nil || c.behindGate(fn) {
		return
	}
	info := c.pass.TypesInfo
	owners := map[*types.Var]*owner{}
	var order []*owner
	sites := map[*owner][]site{}

	// Find the parse calls of this function, not of nested literals.
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, ok := n.(*ast.FuncLit); ok {
			// A literal called on the spot runs as part of this function.
			if call, ok := stack[len(stack)-1].(*ast.CallExpr); !ok || ast.Unparen(call.Fun) != n {
				return false
			}
		}
		stack = append(stack, n)
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		v, kind, rulep := c.parseOf(call)
		if rulep == nil {
			return true
		}
		rule := *rulep
		s := site{call: call, rule: rule, stmt: enclosingStmt(stack)}
		if rule.readsForm {
			v = c.resultVar(stack, rule.formRes)
			if v == nil && !c.formStored(stack) {
				c.report(call, fmt.Sprintf("the *multipart.Form from %s is discarded: nothing ever deletes its temporary files", rule.api), nil, nil)
				return true
			}
		}
		if v == nil || !isLocal(v, fn, info) {
			c.reportBigMem(s) // the size rule needs no owner
			return true       // stored elsewhere or not trackable: stay silent
		}
		if kind != formOwner && isParam(v, fn, info) && !c.ownsRequest(fn) {
			c.reportBigMem(s)
			return true // a helper's or method's parse: its caller owns the cleanup (formFact)
		}
		s.errVar = c.errVar(stack)
		o := owners[v]
		if o == nil {
			o = &owner{v: v, kind: kind}
			owners[v] = o
			order = append(order, o)
		}
		sites[o] = append(sites[o], s)
		return true
	})

	for _, o := range order {
		c.collectFormAliases(body, o)
		ss := sites[o]
		c.checkOwner(fn, body, g, o, ss)
	}
}

// behindGate reports whether fn is a handler that no multipart body
// reaches: every route it serves rejects bodies of other content types
// (chi's middleware.AllowContentType("application/json")).
func (c *checker) behindGate(fn ast.Node) bool {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		obj, _ := c.pass.TypesInfo.Defs[fn.Name].(*types.Func)
		return obj != nil && c.gated.Funcs[obj]
	case *ast.FuncLit:
		return c.gated.Lits[fn]
	}
	return false
}

// ownsRequest reports whether fn owns the request its parameters hold: a
// handler of an exact shape (internal/httpapi), or a server-side function
// (it takes an http.ResponseWriter or a framework context) that the
// package never calls and only passes as a value, so that a router or an
// adapter calls it: func(w, r) error or func(w, r) *appError adapters,
// httprouter's (w, r, ps), a (w, r) callback given to a framework. A
// literal counts when it is an argument of a call, an element of a
// composite literal or a returned value; one assigned to a variable or
// called in place is a helper.
func (c *checker) ownsRequest(fn ast.Node) bool {
	sig := funcSig(fn, c.pass.TypesInfo)
	if httpapi.IsHandler(sig) {
		return true
	}
	if !httpapi.ServerSideSig(sig) {
		return false
	}
	if c.handlers == nil {
		c.handlers = c.valueOnlyHandlers()
	}
	return c.handlers[fn]
}

// valueOnlyHandlers finds the server-side functions of the package used
// only as values, and the literals passed on as values (see ownsRequest).
func (c *checker) valueOnlyHandlers() map[ast.Node]bool {
	info := c.pass.TypesInfo
	called := map[*types.Func]bool{}
	used := map[*types.Func]bool{}
	decls := map[*types.Func]*ast.FuncDecl{}
	out := map[ast.Node]bool{}
	for _, file := range c.pass.Files {
		var stack []ast.Node
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			var parent ast.Node
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.FuncDecl:
				if fn, ok := info.Defs[n.Name].(*types.Func); ok {
					decls[fn] = n
				}
			case *ast.FuncLit:
				switch p := parent.(type) {
				case *ast.CallExpr:
					if p.Fun != n {
						out[n] = true
					}
				case *ast.CompositeLit, *ast.KeyValueExpr, *ast.ReturnStmt:
					out[n] = true
				}
			case *ast.Ident:
				fn, ok := info.Uses[n].(*types.Func)
				if !ok || fn.Pkg() != c.pass.Pkg {
					return true
				}
				fn = fn.Origin()
				used[fn] = true
				if httpapi.IsCallee(n, stack) {
					called[fn] = true
				}
			}
			return true
		})
	}
	for fn, d := range decls {
		if used[fn] && !called[fn] {
			out[d] = true
		}
	}
	return out
}

// checkOwner reports the first parse site of o if the form is not removed
// on every path, or if a constant maxMemory exceeds the flag.
func (c *checker) checkOwner(fn ast.Node, body *ast.BlockStmt, g *cfg.CFG, o *owner, ss []site) {
	first := ss[0]
	var bigMem int64 = -1
	var bigSite site
	for _, s := range ss {
		if m, ok := c.constMax(s); ok && m > c.cfg.maxMemory && bigMem < 0 {
			bigMem, bigSite = m, s
		}
	}

	handedOff := c.handedOff(body, o)
	var leak ast.Node
	neverRemoved := false
	if !handedOff && !c.deferredRelease(body, o) {
		leak = c.leakPath(g, first, o)
		neverRemoved = leak != nil && !c.releasesIn(body, o)
	}

	isCopy := o.kind == httpOwner && c.isCopy(body, o)
	if leak != nil && o.kind != formOwner && !isCopy && c.upstream.IsValid() {
		leak = nil // a middleware of this package parses and removes the form first
	}
	serverCleans := false
	if leak != nil && (o.kind == ginOwner && c.ginCopies == "" || o.kind == echoOwner && c.echoCopies == "") {
		// gin and echo hand their handlers the server's own request (the
		// *http.Request the engine's ServeHTTP got), which net/http
		// cleans up after the handler, unless something replaces it:
		// a package that imports this one may (the remote rule).
		leak, serverCleans = nil, true
	}
	if bodyMax, ok := c.bodyCap(body, o, first); ok {
		// The body was bounded before the parse: a form of at most
		// bodyMax bytes stays in memory when maxMemory holds it (no
		// temporary files to remove), and holds no more than that.
		holds := true
		for _, s := range ss {
			if m, ok := c.constMax(s); !ok || bodyMax > m {
				holds = false
			}
		}
		if holds {
			leak, serverCleans = nil, false
		}
		if bodyMax <= c.cfg.maxMemory {
			bigMem = -1
		}
	} else if c.sameCap(body, o, ss) {
		leak, serverCleans = nil, false // the body is bounded by the maxMemory it is parsed with
	}
	if serverCleans {
		c.leaveToServer(fn, first, o.kind)
	}
	if leak == nil {
		if bigMem >= 0 {
			c.reportBigMem(bigSite)
		}
		return
	}

	name := o.v.Name()
	var msg string
	switch {
	case o.kind == formOwner:
		msg = fmt.Sprintf("*multipart.Form %s from %s is not removed on every path: nothing else deletes its temporary files (call %s.RemoveAll)", name, first.rule.api, name)
	case isCopy:
		msg = fmt.Sprintf("%s on %s, a copy of the request, without %s.MultipartForm.RemoveAll(): the server only cleans up the original request's form, so these temporary files are never deleted", first.rule.api, name, name)
	default:
		// The server removes the form of its original request after the
		// handler returns (net/http server.go, finishRequest); a router
		// or middleware that passes a copy (chi, gorilla/mux,
		// http.StripPrefix, TimeoutHandler, r.WithContext) leaves the
		// files of a form parsed on the copy behind for good.
		copier := "a router or middleware (chi, gorilla/mux, WithContext)"
		switch o.kind {
		case ginOwner:
			copier = "a middleware (this package may replace gin's request: " + c.ginCopies + ")"
		case echoOwner:
			copier = "a middleware (this package may replace echo's request: " + c.echoCopies + ")"
		}
		msg = fmt.Sprintf("%s without RemoveAll of %s's multipart form on every path: if the request is a copy made by %s, its temporary files are never deleted",
			first.rule.api, name, copier)
	}
	if bigMem >= 0 {
		msg += fmt.Sprintf("; %s also exceeds max-memory (%s): use a smaller maxMemory", c.maxLabel(bigSite, bigMem), passutil.FormatBytes(c.cfg.maxMemory))
	}
	var related []analysis.RelatedInformation
	if ret, ok := leak.(*ast.ReturnStmt); ok && !neverRemoved && c.pass.Fset.File(ret.Pos()) == c.pass.Fset.File(ret.End()) {
		related = append(related, analysis.RelatedInformation{Pos: ret.Pos(), End: ret.End(), Message: "this return is reached without RemoveAll"})
	}
	var fixes []analysis.SuggestedFix
	if neverRemoved && len(ss) == 1 {
		fixes = c.fix(body, first, o)
	}
	c.report(first.call, msg, related, fixes)
}

// reportBigMem reports site s if its maxMemory is a constant above the
// max-memory flag: RemoveAll deletes files, but the in-memory part lives
// until the handler returns whatever the cleanup, in a handler or in a
// helper it calls.
func (c *checker) reportBigMem(s site) {
	m, ok := c.constMax(s)
	if !ok || m <= c.cfg.maxMemory {
		return
	}
	c.report(s.call, fmt.Sprintf("%s with %s exceeds max-memory (%s): each concurrent upload may hold that much in memory until the handler returns; use a smaller maxMemory",
		s.rule.api, c.maxLabel(s, m), passutil.FormatBytes(c.cfg.maxMemory)), nil, nil)
}

func (c *checker) report(call *ast.CallExpr, msg string, related []analysis.RelatedInformation, fixes []analysis.SuggestedFix) {
	passutil.Report(c.pass, analysis.Diagnostic{
		Pos:            call.Pos(),
		End:            call.End(),
		Message:        msg,
		Related:        related,
		SuggestedFixes: fixes,
	})
}

// ownerOf resolves the receiver of a request-parsing call to the tracked
// variable: r in r.ParseMultipartForm, c in c.Request.FormFile or
// c.FormFile for gin and echo.
func (c *checker) ownerOf(x ast.Expr) (*types.Var, ownerKind) {
	info := c.pass.TypesInfo
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			if k, ok := kindOf(v.Type()); ok && k != formOwner {
				return v, k
			}
		}
		return nil, 0
	}
	// c.Request (gin) or c.Request() (echo)
	if v, k := c.requestOf(x); v != nil {
		return v, k
	}
	return nil, 0
}

// requestOf matches c.Request for a gin context c and c.Request() for an
// echo context c.
func (c *checker) requestOf(x ast.Expr) (*types.Var, ownerKind) {
	info := c.pass.TypesInfo
	x = ast.Unparen(x)
	if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Request" {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					if k, ok := kindOf(v.Type()); ok && k == echoOwner {
						return v, k
					}
				}
			}
		}
		return nil, 0
	}
	if sel, ok := x.(*ast.SelectorExpr); ok && sel.Sel.Name == "Request" {
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				if k, ok := kindOf(v.Type()); ok && k == ginOwner {
					return v, k
				}
			}
		}
	}
	return nil, 0
}

// refersTo reports whether e denotes o's variable, o's request
// (c.Request, c.Request()), or o's form (r.MultipartForm, a form alias).
func (c *checker) refersTo(e ast.Expr, o *owner) bool {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v, _ := info.Uses[id].(*types.Var)
		return v != nil && (v == o.v || o.aliases[v])
	}
	if v, _ := c.requestOf(e); v != nil && v == o.v {
		return true
	}
	return c.isFormOf(e, o)
}

// isFormOf reports whether e is o's multipart form: X.MultipartForm where X
// refers to o, or a local alias of it.
func (c *checker) isFormOf(e ast.Expr, o *owner) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
		return v != nil && (o.aliases[v] || (o.kind == formOwner && v == o.v))
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "MultipartForm" || o.kind == formOwner {
		return false
	}
	x := ast.Unparen(sel.X)
	if id, ok := x.(*ast.Ident); ok {
		v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
		return v != nil && v == o.v && o.kind == httpOwner
	}
	v, _ := c.requestOf(x)
	return v != nil && v == o.v
}

// collectFormAliases records local variables assigned o's form:
// f := r.MultipartForm, form, err := c.MultipartForm().
func (c *checker) collectFormAliases(body *ast.BlockStmt, o *owner) {
	if o.aliases == nil {
		o.aliases = map[*types.Var]bool{}
	}
	info := c.pass.TypesInfo
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, rhs := range as.Rhs {
			var lhs ast.Expr
			switch {
			case len(as.Lhs) == len(as.Rhs):
				lhs = as.Lhs[i]
			case len(as.Rhs) == 1:
				// form, err := c.MultipartForm()
				call, ok := ast.Unparen(rhs).(*ast.CallExpr)
				if !ok {
					continue
				}
				rule, ok := parseRules[apimatch.CalleeKey(info, call)]
				if !ok || rule.formRes < 0 || rule.readsForm {
					continue
				}
				sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if v, _ := c.ownerOf(sel.X); v != o.v {
					continue
				}
				lhs = as.Lhs[rule.formRes]
				rhs = nil
			}
			id, ok := lhs.(*ast.Ident)
			if !ok {
				continue
			}
			v := identVar(info, id)
			if v == nil {
				continue
			}
			if rhs == nil || c.isFormOf(rhs, o) {
				o.aliases[v] = true
			}
		}
		return true
	})
}
