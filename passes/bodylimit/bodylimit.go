package bodylimit

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/passutil"
)

//go:embed doc.go
var doc string

// Analyzer reports request bodies and decompressed network streams read
// whole into memory with no limit.
var Analyzer = &analysis.Analyzer{
	Name:      "bodylimit",
	Doc:       passutil.MustExtractDoc(doc, "bodylimit"),
	URL:       "https://pkg.go.dev/github.com/memlint/memlint/passes/bodylimit",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       passutil.Guard("bodylimit", run),
	FactTypes: []analysis.Fact{new(bodyFact), new(programFact), new(httpapi.AdapterFact), new(upgradedFact), new(wsLimitFact)},
}

const defaultMaxBytes = 1 << 20

var (
	maxBytes   = passutil.ByteSize(defaultMaxBytes)
	allSources bool
)

func init() {
	Analyzer.Flags.Var(&maxBytes, "max-bytes", "the body limit the suggested fixes write and the websocket finding suggests (accepts 1MiB, 1<<20, 1048576)")
	Analyzer.Flags.BoolVar(&allSources, "all-sources", false,
		"report decompressed streams and archive entries read whole whatever their source (local files, byte slices), _test.go files included")
}

// config is the run's copy of the flags.
type config struct {
	maxBytes   int64
	allSources bool
}

// checker holds one run's state.
type checker struct {
	pass     *analysis.Pass
	cfg      config
	funcs    []*function
	byObj    map[*types.Func]*function
	byLit    map[*ast.FuncLit]*function
	reported map[token.Pos]bool
	// remote gathers the reads of other packages' handlers by the
	// position that registers them, in the order first seen.
	remote      map[token.Pos]*remoteGroup
	remoteOrder []token.Pos
	fixed       map[*function]bool

	std           bool                          // a standard-library package: no drains derived
	serves        map[*function]passutil.Params // servesParams, memoized
	serverParams  map[*function]passutil.Params // servesServers, memoized
	handlerSets   map[*function]passutil.Params // parameters whose Handler a function sets (servesServers)
	recvServes    map[*function]string          // servesRecv, memoized
	judging       map[ast.Expr]bool             // definitions internal is judging
	varsOK        bool                          // internal accepts the package's exported variables, serversOf its exported fields (starts)
	covered       map[string]bool               // read positions a finding names
	impls         map[*types.Func][]impl        // implementations, memoized
	limitedRouter bool                          // a router with a limiting or unknown middleware
	routeLimits   routeLimits                   // limiters of routes (limitsBodies)
	consuming     map[*function]bool            // functions consumesLimited is judging

	// adapted and adaptedLits are the functions and literals given where
	// a handler type the module adapts itself is expected (httpapi's
	// AdaptedHandlers): handlers, though they take no ResponseWriter.
	adapted     map[*types.Func]bool
	adaptedLits map[*ast.FuncLit]bool
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:         pass,
		cfg:          config{maxBytes: int64(maxBytes), allSources: allSources},
		byObj:        map[*types.Func]*function{},
		byLit:        map[*ast.FuncLit]*function{},
		reported:     map[token.Pos]bool{},
		remote:       map[token.Pos]*remoteGroup{},
		fixed:        map[*function]bool{},
		serves:       map[*function]passutil.Params{},
		serverParams: map[*function]passutil.Params{},
		handlerSets:  map[*function]passutil.Params{},
		recvServes:   map[*function]string{},
		judging:      map[ast.Expr]bool{},
		consuming:    map[*function]bool{},
		covered:      map[string]bool{},
		impls:        map[*types.Func][]impl{},
		routeLimits:  routeLimits{pending: map[string]bool{}, used: map[string]bool{}, bounded: map[string]bool{}},
	}
	// The standard library's whole reads are the table's (io.ReadAll,
	// json.Decoder.Decode, ...): a drain derived there would make
	// httputil.DumpRequest(r, false) a read.
	c.std = passutil.InGOROOT(pass.Fset, pass.Files)
	if c.cfg.maxBytes <= 0 {
		c.cfg.maxBytes = defaultMaxBytes
	}
	if !c.std && (apimatch.Imports(pass.Pkg, wsPkg) || c.importsUpgraded()) {
		c.websockets()
	}
	if !apimatch.Imports(pass.Pkg, fastPath...) && !httpapi.ImportsCustomHolder(pass.Pkg) {
		// No request, router or decompressor here, but a function that
		// reads an io.Reader parameter whole (a parser its callers hand
		// r.Body to) needs its fact.
		// Nor does it serve, unless it hands a handler to a function of
		// the module that serves it (gotify's runner.Run(engine, conf)),
		// or gives middlewares to one that installs them (hanko's cmd:
		// server.StartPublic(cfg, &wg, persister, prometheus, ...)),
		// whose limits are this package's to judge.
		// It may also make another module's handler that reads bodies
		// whole (photoview's GraphqlEndpoint builds a gqlgen server and
		// imports no HTTP package).
		serving := !c.std && (c.callsServing() || c.callsInstalling() || apimatch.Imports(pass.Pkg, libraryReaderPkgs...))
		if serving || (!c.std && drainsOnly(pass)) {
			c.collect()
			c.summarizeAll()
		}
		c.program(serving)
		return nil, nil
	}
	c.adapters()
	c.collect()
	if len(c.funcs) == 0 {
		c.program(false)
		return nil, nil
	}
	c.summarizeAll()
	for _, f := range c.funcs {
		if !f.skip {
			c.wiring(f)
			c.decompression(f)
			c.helperStreams(f)
		}
	}
	c.flushRemote()
	c.program(true)
	return nil, nil
}

// adapters exports an AdapterFact for each handler type the package
// adapts to a server (ardanlabs/service's web.HandlerFunc, func(ctx,
// *http.Request) web.Encoder) and finds the package's handlers of such
// types, its own and other packages'.
func (c *checker) adapters() {
	local := map[*types.TypeName]bool{}
	for _, tn := range httpapi.Adapters(c.pass.Pkg, c.pass.TypesInfo, c.pass.Files) {
		local[tn] = true
		c.pass.ExportObjectFact(tn, new(httpapi.AdapterFact))
	}
	c.adapted, c.adaptedLits = httpapi.AdaptedHandlers(c.pass.TypesInfo, c.pass.Files, func(tn *types.TypeName) bool {
		return local[tn] || c.pass.ImportObjectFact(tn, new(httpapi.AdapterFact))
	})
}

// handlerLike reports whether f is a handler for the program rule: a
// server-side signature (an http.ResponseWriter or a framework context),
// or a handler of a type the module adapts (adapters).
func (c *checker) handlerLike(f *function) bool {
	if httpapi.ServerSideSig(f.sig) {
		return true
	}
	if f.obj != nil {
		return c.adapted[f.obj.Origin()]
	}
	lit, ok := f.node.(*ast.FuncLit)
	return ok && c.adaptedLits[lit]
}

// summarizeAll computes every function's summary and exports the facts.
// Summaries depend on the summaries of same-package callees: iterate to a
// fixed point (facts only grow), with a cap.
func (c *checker) summarizeAll() {
	for _, f := range c.funcs {
		f.installs = c.installedParams(f)
	}
	// A function that passes its parameter to one its callee installs
	// installs it too (hanko's server.StartPublic(..., prometheus, ...)
	// calls handler.NewPublicRouter(cfg, persister, prometheus, ...)).
	passutil.FixedPoint(func() bool {
		changed := false
		for _, f := range c.funcs {
			if ps := c.passedInstalls(f); len(ps) > len(f.installs) {
				f.installs, changed = ps, true
			}
		}
		return changed
	})
	// Summaries grow to a fixed point. After the first round, a function
	// is summarized again only when a summary it reads changed in the
	// round before (summaryDeps): the result is the same as summarizing
	// every function in every round, at a fraction of the cost on large
	// packages (net/http).
	dependents := map[*function][]*function{}
	for f, ds := range c.summaryDeps() {
		for _, g := range ds {
			dependents[g] = append(dependents[g], f)
		}
	}
	work := c.funcs
	for range passutil.MaxRounds {
		changed := map[*function]bool{}
		for _, f := range work {
			if c.summarize(f) {
				changed[f] = true
			}
		}
		if len(changed) == 0 {
			break
		}
		next := map[*function]bool{}
		for g := range changed {
			for _, f := range dependents[g] {
				next[f] = true
			}
		}
		work = nil
		for _, f := range c.funcs {
			if next[f] {
				work = append(work, f)
			}
		}
		if len(work) == 0 {
			break
		}
	}
	for _, f := range c.funcs {
		c.exportFact(f)
	}
}

// summaryDeps returns, for each function of the package, the functions
// whose summaries its own summary reads (calleeSummary, implReads, its
// literals'): the package's functions its body, nested literals included,
// refers to, the implementations of the module interface methods it
// calls, and its nested literals. It may list more than summarize reads;
// never fewer.
func (c *checker) summaryDeps() map[*function][]*function {
	info := c.pass.TypesInfo
	deps := map[*function][]*function{}
	for _, f := range c.funcs {
		if f.body == nil {
			continue
		}
		seen := map[*function]bool{}
		add := func(g *function) {
			if g != nil && g != f && !seen[g] {
				seen[g] = true
				deps[f] = append(deps[f], g)
			}
		}
		ast.Inspect(f.body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				add(c.byLit[x])
			case *ast.Ident:
				fn, ok := info.Uses[x].(*types.Func)
				if !ok {
					return true
				}
				add(c.byObj[fn.Origin()])
				for _, im := range c.implementations(fn) {
					add(c.byObj[im.fn.Origin()])
				}
			}
			return true
		})
	}
	return deps
}

// callsInstalling reports whether the package calls a function of
// another package of the module that installs middlewares it is given
// (its fact's installs).
func (c *checker) callsInstalling() bool {
	found := false
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !found {
				if fn := apimatch.Callee(c.pass.TypesInfo, call); fn != nil && len(c.installsOf(fn)) > 0 {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// callsServing reports whether the package calls a function of another
// package that starts a server with a handler parameter (its fact's
// serves).
func (c *checker) callsServing() bool {
	found := false
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !found {
				if fn := apimatch.Callee(c.pass.TypesInfo, call); fn != nil && fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg &&
					len(c.servesOf(fn)) > 0 {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// drainsOnly reports whether a package outside fastPath may still read a
// stream parameter whole: it imports a whole-read API and declares a
// function with a parameter of an interface type with a Read method.
func drainsOnly(pass *analysis.Pass) bool {
	// mime/multipart: a helper given an uploaded multipart.File names no
	// io type (go-gin-example's CheckImageSize(f multipart.File)).
	if !apimatch.Imports(pass.Pkg, "io", "io/ioutil", "encoding/json", "encoding/xml", "bytes", "mime/multipart") {
		return false
	}
	for _, obj := range pass.TypesInfo.Defs {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		params := fn.Signature().Params()
		for i := range params.Len() {
			if it, ok := params.At(i).Type().Underlying().(*types.Interface); ok {
				if m, _, _ := types.LookupFieldOrMethod(it, false, nil, "Read"); m != nil {
					return true
				}
			}
		}
	}
	return false
}

// fastPath are the imports without which a package can neither hold a
// request, a router or a response body nor decompress or unpack an
// archive: such a package has nothing to report and no fact to export.
var fastPath = append([]string{
	"compress/...", "github.com/klauspost/compress/...", "github.com/klauspost/pgzip",
	"github.com/golang/snappy", "github.com/pierrec/lz4", "github.com/andybalholm/brotli",
	"github.com/ulikunitz/xz", "github.com/dsnet/compress/...",
	"github.com/labstack/echo/middleware", "github.com/go-chi/chi/middleware",
	"archive/zip", "archive/tar",
	"github.com/go-macaron/binding",
}, httpapi.Packages...)

// A function is a declaration or literal with a body.
type function struct {
	node  ast.Node
	body  *ast.BlockStmt
	sig   *types.Signature
	obj   *types.Func // nil for literals
	file  *ast.File
	skip  bool // test or generated file: facts only, no reports
	defs  map[*types.Var][]def
	sum   summary
	outer *function
	inner []*function // literals directly inside

	installs passutil.Params // parameters whose middlewares it installs on a router (installedParams)

	parents map[ast.Node]ast.Node // parentMap(body), once routers needs it
}

// A def is one assignment of a local variable.
type def struct {
	pos token.Pos
	rhs ast.Expr // the value, or the call of a tuple assignment
}

// summary is what a function does to the request bodies of its parameters.
type summary struct {
	reads    []read       // unlimited whole reads of a parameter's request body
	limits   map[int]bool // parameters whose body it bounds
	limiter  bool         // it (or a literal in it) bounds bodies: a middleware
	consumes bool         // it reads every body it bounds: a route's own limit, no middleware (from a fact)
	routers  []int        // router parameters it only registers handlers on
	regs     []regRead    // unlimited reads registered on router parameters
	streams  []streamRead // decompressed or archive-entry streams of a parameter read whole
	drains   []read       // plain streams of a parameter (an io.Reader) read whole, unbounded
	copies   map[int]bool // parameters whose body it reads whole and puts back as an in-memory copy
}

// A read is a whole read of the request body held by parameter param.
type read struct {
	param int
	api   string   // the reading API
	call  ast.Node // where in this package (the call, or the helper call)
	pos   string   // where it reads ("file.go:12"), for messages
	via   string   // the helper called, or ""
	at    ast.Node // the read itself when it is in this package, else nil
	// foreign: the read is in a package of another module (a library's
	// decoder): its position means nothing to the user.
	foreign bool
	// notGet: the read runs only for a method other than GET (see
	// notGet), here or in the helper that reads.
	notGet bool
}

// A regRead is a handler that reads unbounded, registered on a router
// parameter.
type regRead struct {
	param   int
	handler string
	api     string
	pos     string
}

func (c *checker) collect() {
	for _, file := range c.pass.Files {
		skip := passutil.IsGenerated(file) || passutil.IsTestFile(c.pass.Fset, file)
		var nodes []ast.Node  // the path from the file to the current node
		var stack []*function // the functions on that path
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				top := nodes[len(nodes)-1]
				nodes = nodes[:len(nodes)-1]
				if len(stack) > 0 && stack[len(stack)-1].node == top {
					stack = stack[:len(stack)-1]
				}
				return true
			}
			var f *function
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body == nil {
					return false
				}
				obj, _ := c.pass.TypesInfo.Defs[n.Name].(*types.Func)
				if obj == nil {
					return false
				}
				f = &function{node: n, body: n.Body, sig: obj.Signature(), obj: obj}
				c.byObj[obj] = f
			case *ast.FuncLit:
				sig, _ := c.pass.TypesInfo.TypeOf(n).(*types.Signature)
				if sig == nil {
					return false
				}
				f = &function{node: n, body: n.Body, sig: sig}
				c.byLit[n] = f
			}
			nodes = append(nodes, n)
			if f != nil {
				f.file, f.skip = file, skip
				f.defs = c.localDefs(f)
				if len(stack) > 0 {
					f.outer = stack[len(stack)-1]
					f.outer.inner = append(f.outer.inner, f)
				}
				c.funcs = append(c.funcs, f)
				stack = append(stack, f)
			}
			return true
		})
	}
}

// localDefs records every assignment of a variable in f's body, literals
// excluded.
func (c *checker) localDefs(f *function) map[*types.Var][]def {
	defs := map[*types.Var][]def{}
	info := c.pass.TypesInfo
	// A definition takes effect at the end of its statement: in
	// x, err = gzip.NewReader(x) the argument is the previous x.
	var end token.Pos
	add := func(id *ast.Ident, rhs ast.Expr) {
		v, _ := info.ObjectOf(id).(*types.Var)
		if v == nil || rhs == nil {
			return
		}
		defs[v] = append(defs[v], def{pos: end, rhs: rhs})
	}
	inspectBody(f.body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			end = n.End()
			for i, l := range n.Lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok {
					continue
				}
				switch {
				case len(n.Rhs) == len(n.Lhs):
					add(id, n.Rhs[i])
				case len(n.Rhs) == 1:
					add(id, n.Rhs[0])
				}
			}
		case *ast.RangeStmt:
			// for _, zf := range zr.File: zf is an element of zr.File.
			if n.Tok == token.DEFINE || n.Tok == token.ASSIGN {
				end = n.X.End()
				for _, l := range []ast.Expr{n.Key, n.Value} {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok && l != nil {
						add(id, n.X)
					}
				}
			}
		case *ast.ValueSpec:
			end = n.End()
			for i, id := range n.Names {
				switch {
				case len(n.Values) == len(n.Names):
					add(id, n.Values[i])
				case len(n.Values) == 1:
					add(id, n.Values[0])
				}
			}
		}
	})
	return defs
}

// inspectBody visits the nodes of body, not entering function literals.
func inspectBody(body ast.Node, visit func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			return true
		}
		if _, ok := n.(*ast.FuncLit); ok && n != body {
			return false
		}
		visit(n)
		return true
	})
}

// packageCalls calls visit with each call in the package's functions that
// are not skipped (test and generated files), a function literal's calls
// with the literal's function.
func (c *checker) packageCalls(visit func(f *function, call *ast.CallExpr)) {
	for _, f := range c.funcs {
		if f.skip {
			continue
		}
		inspectBody(f.body, func(n ast.Node) {
			if call, ok := n.(*ast.CallExpr); ok {
				visit(f, call)
			}
		})
	}
}

// paramIndex returns the index of the parameter e names in f, or -1.
func (c *checker) paramIndex(f *function, e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil {
		return -1
	}
	return f.paramOf(v)
}

// inspectNested calls visit with each node of g's body and of the function
// literals nested in it, and the function the node is in.
func inspectNested(g *function, visit func(in *function, n ast.Node)) {
	inspectBody(g.body, func(n ast.Node) { visit(g, n) })
	for _, in := range g.inner {
		inspectNested(in, visit)
	}
}

// outermost returns the declared function, or package-level literal,
// whose body holds f (f itself when it is one); nil for nil.
func (f *function) outermost() *function {
	for f != nil && f.outer != nil {
		f = f.outer
	}
	return f
}

// latest returns the expression v was last assigned before pos in f.
func (f *function) latest(v *types.Var, pos token.Pos) ast.Expr {
	var best *def
	for i, d := range f.defs[v] {
		if d.pos < pos && (best == nil || d.pos > best.pos) {
			best = &f.defs[v][i]
		}
	}
	if best == nil {
		return nil
	}
	return best.rhs
}

// holderParam returns the parameter of f holding the request e denotes
// (r, c.Request, c.Request(), or a local alias of them), or -1.
func (c *checker) holderParam(f *function, e ast.Expr) int {
	info := c.pass.TypesInfo
	for range 4 {
		if h, ok := httpapi.RequestOf(info, e); ok {
			if i := c.paramIndex(f, h); i >= 0 {
				return i
			}
		}
		if _, ok := httpapi.Holder(info.TypeOf(e)); ok {
			if i := c.paramIndex(f, e); i >= 0 {
				return i
			}
			if i := c.wrappedHolder(f, e); i >= 0 {
				return i
			}
		}
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return -1
		}
		v, _ := info.Uses[id].(*types.Var)
		if v == nil {
			return -1
		}
		if e = f.latest(v, id.Pos()); e == nil {
			return -1
		}
	}
	return -1
}

// wrappedHolder returns the index of the holder parameter that e, a call
// returning a holder of a service's own context type (a struct embedding
// *gin.Context or echo.Context), is given as its only holder argument:
// ezbookkeeping's c := core.WrapWebContext(ginCtx, proxies) wraps the
// request's context, so reading through c reads that request. Else -1.
func (c *checker) wrappedHolder(f *function, e ast.Expr) int {
	info := c.pass.TypesInfo
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return -1
	}
	if tv, ok := info.Types[call.Fun]; !ok || tv.IsType() {
		return -1 // a conversion
	}
	p := -1
	for _, a := range call.Args {
		if _, ok := httpapi.Holder(info.TypeOf(a)); !ok {
			continue
		}
		i := c.paramIndex(f, a)
		if i < 0 || p >= 0 {
			return -1 // another holder, or two
		}
		p = i
	}
	return p
}

// A wholeRead is a call reading a stream whole into memory.
type wholeRead struct {
	call  *ast.CallExpr
	api   string
	src   ast.Expr // the stream, nil for holder methods
	recv  ast.Expr // the holder of a holder method
	entry string   // fs.ReadFile of a zip archive: src is the archive
}

// wholeReadOf reports whether call reads a stream whole into memory.
func (c *checker) wholeReadOf(f *function, call *ast.CallExpr) (wholeRead, bool) {
	info := c.pass.TypesInfo
	fn := apimatch.Callee(info, call)
	if fn == nil {
		return wholeRead{}, false
	}
	key := apimatch.Key(fn)
	w := wholeRead{call: call}
	switch key {
	case "io.ReadAll", "io/ioutil.ReadAll":
		if len(call.Args) == 1 {
			w.api, w.src = strings.Replace(key, "io/ioutil", "ioutil", 1), call.Args[0]
			return w, true
		}
	case "(*bytes.Buffer).ReadFrom":
		if len(call.Args) == 1 {
			w.api, w.src = "(*bytes.Buffer).ReadFrom", call.Args[0]
			return w, true
		}
	case "io.Copy", "io.CopyBuffer":
		if len(call.Args) >= 2 {
			switch apimatch.TypeKey(info.TypeOf(call.Args[0])) {
			case "bytes.Buffer", "strings.Builder":
				w.api, w.src = key+" into a "+apimatch.TypeKey(info.TypeOf(call.Args[0])), call.Args[1]
				return w, true
			case "bufio.Writer":
				if buf := c.bufferedOver(f, call.Args[0]); buf != "" {
					w.api, w.src = key+" into a bufio.Writer over a "+buf, call.Args[1]
					return w, true
				}
			}
		}
	case "io/fs.ReadFile":
		// fs.ReadFile(zr, name) reads a zip entry whole.
		if len(call.Args) == 2 && isZipReader(info.TypeOf(call.Args[0])) {
			w.api, w.src, w.entry = "fs.ReadFile", call.Args[0], "(*zip.Reader).Open"
			return w, true
		}
	case "(*encoding/json.Decoder).Decode", "(*encoding/xml.Decoder).Decode":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return wholeRead{}, false
		}
		if nd := c.newDecoder(f, sel.X); nd != nil {
			w.api, w.src = "json.Decoder.Decode", nd.Args[0]
			if strings.Contains(key, "xml") {
				w.api = "xml.Decoder.Decode"
			}
			return w, true
		}
	default:
		if dec, ok := forkDecode(fn); ok {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return wholeRead{}, false
			}
			if nd := c.newDecoder(f, sel.X); nd != nil {
				w.api, w.src = dec, nd.Args[0]
				return w, true
			}
			return wholeRead{}, false
		}
		if api, ok := httpapi.HolderRead(fn); ok {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return wholeRead{}, false
			}
			w.api, w.recv = api, sel.X
			return w, true
		}
		if api, ok := c.bindWithRead(f, fn, call); ok {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return wholeRead{}, false
			}
			w.api, w.recv = api, sel.X
			return w, true
		}
	}
	return wholeRead{}, false
}

// bindWithRead reports whether call, of fn, is gin's ShouldBindWith or
// MustBindWith with a binding that reads the body whole (see
// httpapi.BindWithRead), also when the binding is a local variable of f
// every assignment of which is such a binding: the realworld example
// app's b := binding.Default(c.Request.Method, c.ContentType()); return
// c.ShouldBindWith(obj, b). The message names the binding of the last
// assignment before the call. A parameter, a variable of another function
// or of the package, one with no assignment (its zero value, nil) or one
// assigned anything else (binding.Query on one path), in a function
// literal, or through a pointer is not judged.
func (c *checker) bindWithRead(f *function, fn *types.Func, call *ast.CallExpr) (string, bool) {
	info := c.pass.TypesInfo
	if api, _, ok := httpapi.BindWithRead(info, fn, call); ok {
		return api, true
	}
	if len(call.Args) != 2 {
		return "", false
	}
	id, ok := ast.Unparen(call.Args[1]).(*ast.Ident)
	if !ok {
		return "", false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.Pos() < f.body.Pos() || v.Pos() >= f.body.End() || c.escapes(f, v) {
		return "", false
	}
	defs := f.defs[v]
	if len(defs) == 0 {
		return "", false
	}
	with := *call
	with.Args = []ast.Expr{call.Args[0], nil}
	for _, d := range defs {
		with.Args[1] = d.rhs
		if _, _, ok := httpapi.BindWithRead(info, fn, &with); !ok {
			return "", false
		}
	}
	rhs := f.latest(v, call.Pos())
	if rhs == nil {
		return "", false // assigned after the call only (in a loop)
	}
	with.Args[1] = rhs
	api, _, _ := httpapi.BindWithRead(info, fn, &with)
	return api, true
}

// escapes reports whether local variable v of f is assigned or has its
// address taken in a function literal nested in f, or has its address
// taken in f: its definitions in f.defs may not be all it holds.
func (c *checker) escapes(f *function, v *types.Var) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				found = true
			}
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if as, ok := m.(*ast.AssignStmt); ok {
					for _, l := range as.Lhs {
						if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
							found = true
						}
					}
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// forkDecode reports whether fn is the Decode method of a fork of
// encoding/json or encoding/xml: a package named json or xml, other than
// the standard library's, whose *Decoder has Decode(v any) error
// (goccy/go-json, segmentio/encoding/json, the copy of encoding/xml
// vendored by x/net/webdav and alist's webdav). It returns the API name
// for messages ("xml.Decoder.Decode").
func forkDecode(fn *types.Func) (string, bool) {
	name, ok := forkPkg(fn, "Decode")
	if !ok {
		return "", false
	}
	sig := fn.Signature()
	if sig.Recv() == nil || !isDecoderPtr(sig.Recv().Type(), fn.Pkg()) || sig.Params().Len() != 1 || sig.Results().Len() != 1 ||
		!types.IsInterface(sig.Params().At(0).Type()) || sig.Results().At(0).Type().String() != "error" {
		return "", false
	}
	return name + ".Decoder.Decode", true
}

// forkNewDecoder reports whether fn is NewDecoder(r io.Reader) *Decoder of
// a fork of encoding/json or encoding/xml (see forkDecode).
func forkNewDecoder(fn *types.Func) bool {
	if _, ok := forkPkg(fn, "NewDecoder"); !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Recv() == nil && sig.Params().Len() == 1 && apimatch.TypeKey(sig.Params().At(0).Type()) == "io.Reader" &&
		sig.Results().Len() == 1 && isDecoderPtr(sig.Results().At(0).Type(), fn.Pkg())
}

// forkPkg returns the name of fn's package, json or xml, when fn is named
// name and its package is not the standard library's encoding/json or
// encoding/xml.
func forkPkg(fn *types.Func, name string) (string, bool) {
	if fn == nil || fn.Pkg() == nil || fn.Name() != name {
		return "", false
	}
	pkg := fn.Pkg().Name()
	if (pkg != "json" && pkg != "xml") || fn.Pkg().Path() == "encoding/"+pkg {
		return "", false
	}
	return pkg, true
}

// isDecoderPtr reports whether t is *Decoder of package pkg.
func isDecoderPtr(t types.Type, pkg *types.Package) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Name() == "Decoder" && n.Obj().Pkg() == pkg
}

// bufferedOver returns "bytes.Buffer" or "strings.Builder" when e, a
// *bufio.Writer, is bufio.NewWriter or NewWriterSize over one of those
// (directly or through a local variable): what is copied into it ends in
// memory whole (go-admin's request logger:
// io.Copy(bufio.NewWriter(bytes.NewBuffer(nil)), c.Request.Body)).
func (c *checker) bufferedOver(f *function, e ast.Expr) string {
	call := c.callBehind(f, e)
	if call == nil || len(call.Args) == 0 {
		return ""
	}
	switch apimatch.Key(apimatch.Callee(c.pass.TypesInfo, call)) {
	case "bufio.NewWriter", "bufio.NewWriterSize":
		switch k := apimatch.TypeKey(c.pass.TypesInfo.TypeOf(call.Args[0])); k {
		case "bytes.Buffer", "strings.Builder":
			return k
		}
	}
	return ""
}

// newDecoder returns the json or xml NewDecoder call (or a fork's) that
// e, a decoder, comes from, directly or through local variables.
func (c *checker) newDecoder(f *function, e ast.Expr) *ast.CallExpr {
	call := c.callBehind(f, e)
	if call == nil || len(call.Args) != 1 {
		return nil
	}
	switch fn := apimatch.Callee(c.pass.TypesInfo, call); {
	case apimatch.Key(fn) == "encoding/json.NewDecoder", apimatch.Key(fn) == "encoding/xml.NewDecoder", forkNewDecoder(fn):
		return call
	}
	return nil
}

// callBehind returns the call e is, or that the local variable e was last
// assigned before its use, following up to four variables; nil for
// anything else.
func (c *checker) callBehind(f *function, e ast.Expr) *ast.CallExpr {
	for range 4 {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			return x
		case *ast.Ident:
			v, _ := c.pass.TypesInfo.Uses[x].(*types.Var)
			if v == nil {
				return nil
			}
			if e = f.latest(v, x.Pos()); e == nil {
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

// restoresBody reports whether rhs clears the body or puts back a body
// saved earlier (save := r.Body; ...; r.Body = save): no limit. That is
// httputil.DumpRequest, which sets the body to nil or to a copy of what it
// read whole, then restores it; counting those as limits silenced every
// handler whose error path dumps the request.
func (c *checker) restoresBody(f *function, rhs ast.Expr) bool {
	info := c.pass.TypesInfo
	rhs = ast.Unparen(rhs)
	if tv, ok := info.Types[rhs]; ok && tv.IsNil() {
		return true
	}
	id, ok := rhs.(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil {
		return false
	}
	for _, d := range f.defs[v] {
		if _, ok := httpapi.BodyOf(info, d.rhs); ok {
			return true
		}
	}
	return false
}

// isBuffering reports whether rhs puts already-read bytes back as a body
// (io.NopCloser(bytes.NewReader(b))): not a limit.
func (c *checker) isBuffering(rhs ast.Expr) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return false
	}
	switch apimatch.CalleeKey(c.pass.TypesInfo, call) {
	case "io.NopCloser", "io/ioutil.NopCloser":
		if len(call.Args) != 1 {
			return false
		}
		inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
		if !ok {
			return false
		}
		switch apimatch.CalleeKey(c.pass.TypesInfo, inner) {
		case "bytes.NewReader", "bytes.NewBuffer", "bytes.NewBufferString", "strings.NewReader":
			return true
		}
	}
	return false
}

// isInMemory reports whether rhs puts back as a body bytes already in
// memory: isBuffering's shapes, or io.NopCloser of a *bytes.Buffer,
// *bytes.Reader or *strings.Reader held in a variable (one-api's channel
// test builds a request of its own: requestBody := bytes.NewBuffer(b);
// c.Request.Body = io.NopCloser(requestBody)). Not a limit.
func (c *checker) isInMemory(rhs ast.Expr) bool {
	if c.isBuffering(rhs) {
		return true
	}
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	switch apimatch.CalleeKey(c.pass.TypesInfo, call) {
	case "io.NopCloser", "io/ioutil.NopCloser":
		switch apimatch.TypeKey(c.pass.TypesInfo.TypeOf(call.Args[0])) {
		case "bytes.Buffer", "bytes.Reader", "strings.Reader":
			return true
		}
	}
	return false
}

// A bodyCopy is where a function puts back an in-memory copy of a body it
// read whole: from pos on, within the block scope (the innermost block,
// case or select clause around it), the body is that copy.
type bodyCopy struct {
	pos   token.Pos
	scope ast.Node
}

// enclosingBlock returns the innermost block, case or select clause of f
// around n (f.parents must be set), or f's body.
func enclosingBlock(f *function, n ast.Node) ast.Node {
	for q := f.parents[n]; q != nil; q = f.parents[q] {
		switch q.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return q
		}
	}
	return f.body
}

// covers reports whether the copy is in place at pos: after it, in its
// block. A copy put back in a branch (if relayMode == AudioSpeech {
// UnmarshalBodyReusable(c, &req) }) says nothing of a read after the
// branch (one-api's audio relay reads the raw body on its other path).
func (bc bodyCopy) covers(pos token.Pos) bool {
	return bc.pos < pos && bc.scope.Pos() <= pos && pos < bc.scope.End()
}

// bodyCopies returns, for each request holder parameter p of f, the
// assignments that put back as p's body an in-memory copy of bytes f read
// whole from that body: body, _ := io.ReadAll(r.Body); r.Body =
// io.NopCloser(bytes.NewBuffer(body)) (opengist's webauthn handlers peek
// at the body, then hand the request on), or read by a helper whose read
// is the finding (one-api's GetRequestBody), and the calls of helpers
// that do so to the request they are given.
func (c *checker) bodyCopies(f *function) map[int][]bodyCopy {
	info := c.pass.TypesInfo
	copies := map[int][]bodyCopy{}
	if f.parents == nil {
		f.parents = parentMap(f.body)
	}
	add := func(p int, n ast.Node) {
		copies[p] = append(copies[p], bodyCopy{pos: n.Pos(), scope: enclosingBlock(f, n)})
	}
	inspectBody(f.body, func(n ast.Node) {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return
		}
		for i, l := range as.Lhs {
			h, ok := httpapi.BodyOf(info, l)
			if !ok || !c.isBuffering(as.Rhs[i]) {
				continue
			}
			p := c.holderParam(f, h)
			if p < 0 {
				continue
			}
			// io.NopCloser(bytes.NewBuffer(b)): b read whole from p's body.
			inner := ast.Unparen(ast.Unparen(as.Rhs[i]).(*ast.CallExpr).Args[0]).(*ast.CallExpr)
			if len(inner.Args) != 1 {
				continue
			}
			id, ok := ast.Unparen(inner.Args[0]).(*ast.Ident)
			if !ok {
				continue
			}
			v, _ := info.Uses[id].(*types.Var)
			if v == nil {
				continue
			}
			for _, d := range f.defs[v] {
				call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
				if !ok || d.pos >= as.Pos() {
					continue
				}
				if c.helperReadOf(f, call, p) {
					add(p, as)
					break
				}
				w, ok := c.wholeReadOf(f, call)
				if !ok || w.recv != nil {
					continue
				}
				if o := c.readOrigin(f, w); o.kind == srcRequest && o.param == p {
					add(p, as)
					break
				}
			}
		}
	})
	// A helper that does the same to the request it is given
	// (tryParseBulk(r), a fact: "copies(0)"): after its call, reads of
	// that body read the copy (wakapi's heartbeat parsers).
	inspectBody(f.body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		fn := apimatch.Callee(info, call)
		if fn == nil {
			return
		}
		cs := c.calleeSummary(fn)
		if cs == nil {
			return
		}
		for j := range cs.copies {
			if j >= len(call.Args) {
				continue
			}
			if p := c.holderParam(f, call.Args[j]); p >= 0 {
				add(p, call)
			}
		}
	})
	return copies
}

// helperReadOf reports whether call is a call of a helper that reads the
// body of holder parameter p of f whole (its summary or fact has the
// read): body, err := common.GetRequestBody(c), then c.Request.Body =
// io.NopCloser(bytes.NewBuffer(body)) (one-api's UnmarshalBodyReusable).
// The helper's read is the finding; the bytes put back are in memory.
func (c *checker) helperReadOf(f *function, call *ast.CallExpr, p int) bool {
	fn := apimatch.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	cs := c.calleeSummary(fn)
	if cs == nil {
		return false
	}
	for _, rd := range cs.reads {
		if rd.param < len(call.Args) && c.holderParam(f, call.Args[rd.param]) == p {
			return true
		}
	}
	return false
}

// readsSome reports whether the reader e, assigned to a request's body,
// reads from some reader: it mentions a body or a variable or field of a
// type with a Read method (http.MaxBytesReader(w, r.Body, n), wrap(body),
// &limited{rc: s.saved}). A body replaced by a reader of its own making
// (httputil.DumpRequestOut's io.LimitReader(neverEnding('x'), n) for an
// outgoing request, http.NoBody) bounds no client's body.
func (c *checker) readsSome(e ast.Expr) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		x, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if _, ok := httpapi.BodyOf(info, x); ok {
			found = true
			return false
		}
		if id, ok := x.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && hasRead(v.Type()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// passesBodyThrough reports whether the reader e, assigned to a request's
// body, hands the body's bytes on unchanged: the body wrapped only in
// readers that bound nothing (io.TeeReader, io.NopCloser, bufio), alone or
// in a struct literal of them and the body (sentry's SetRequest:
// ReadCloser{Reader: io.TeeReader(r.Body, buf), Closer: r.Body}, which
// copies what the handler reads into a capped buffer, and reads no less).
func (c *checker) passesBodyThrough(f *function, e ast.Expr) bool {
	info := c.pass.TypesInfo
	var through func(e ast.Expr, depth int) bool
	through = func(e ast.Expr, depth int) bool {
		if depth > 8 {
			return false
		}
		e = ast.Unparen(e)
		if _, ok := httpapi.BodyOf(info, e); ok {
			return true
		}
		switch x := e.(type) {
		case *ast.Ident:
			// reader, ..., err := peek(r.Body, n): a helper of the
			// package that hands its reader on.
			v, _ := info.Uses[x].(*types.Var)
			if v == nil || f == nil {
				return false
			}
			call, ok := ast.Unparen(f.latest(v, x.Pos())).(*ast.CallExpr)
			// zr, err := gzip.NewReader(r.Body), or a helper of the
			// package that hands its reader on.
			return ok && (through(call, depth+1) || c.helperPassesOn(call, func(arg ast.Expr) bool { return through(arg, depth+1) }))
		case *ast.UnaryExpr:
			return x.Op == token.AND && through(x.X, depth+1)
		case *ast.CallExpr:
			if fn := apimatch.Callee(info, x); fn != nil {
				// A decompressor over the body hands on more bytes
				// than the body holds, never fewer: it bounds nothing
				// (one-api's GzipDecodeMiddleware, c.Request.Body =
				// io.NopCloser(gzipReader)).
				if d, ok := httpapi.DecompressorOf(fn); ok && d.Arg < len(x.Args) {
					return through(x.Args[d.Arg], depth+1)
				}
			}
			i, ok := passThrough[apimatch.CalleeKey(info, x)]
			return ok && i < len(x.Args) && through(x.Args[i], depth+1)
		case *ast.CompositeLit:
			wraps := false
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value
				}
				if !hasRead(info.TypeOf(el)) && !hasClose(info.TypeOf(el)) {
					continue // a size, a name: not a reader
				}
				if !through(el, depth+1) {
					return false
				}
				wraps = true
			}
			return wraps
		}
		return false
	}
	e = ast.Unparen(e)
	if _, ok := httpapi.BodyOf(info, e); ok {
		return false // r.Body = r.Body: nothing changes, judged elsewhere
	}
	return through(e, 0)
}

// helperPassesOn reports whether call, of a function of this package
// given a reader that through accepts, returns a reader that hands that
// reader's bytes on: the function's only reader result is, on some
// return, the parameter itself, wrapped in readers that bound nothing, or
// one of io.MultiReader's parts, and nothing in it is a limit (go-pkgz
// rest's logger peeks at the body with io.CopyN and returns
// io.MultiReader(buf, r): a peek, not a limit).
func (c *checker) helperPassesOn(call *ast.CallExpr, through func(ast.Expr) bool) bool {
	info := c.pass.TypesInfo
	fn := apimatch.Callee(info, call)
	if fn == nil {
		return false
	}
	g := c.byObj[fn.Origin()]
	if g == nil || g.body == nil || g.sig.Variadic() {
		return false
	}
	res := -1
	for i := range g.sig.Results().Len() {
		if hasRead(g.sig.Results().At(i).Type()) {
			if res >= 0 {
				return false
			}
			res = i
		}
	}
	if res < 0 {
		return false
	}
	params := map[*types.Var]bool{}
	for i, arg := range call.Args {
		if i < g.sig.Params().Len() && through(arg) {
			params[g.sig.Params().At(i)] = true
		}
	}
	if len(params) == 0 {
		return false
	}
	const (
		other = iota
		passes
		limits
	)
	var classify func(e ast.Expr, depth int) int
	classify = func(e ast.Expr, depth int) int {
		if depth > 8 {
			return other
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if v, _ := info.Uses[x].(*types.Var); params[v] {
				return passes
			}
		case *ast.UnaryExpr:
			if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok && limitedReaderR(info, lit) != nil {
				return limits
			}
		case *ast.CompositeLit:
			if limitedReaderR(info, x) != nil {
				return limits
			}
		case *ast.CallExpr:
			callee := apimatch.Callee(info, x)
			if callee == nil {
				return other
			}
			if _, ok := httpapi.LimitCall(callee); ok {
				return limits
			}
			key := apimatch.Key(callee)
			if i, ok := passThrough[key]; ok && i < len(x.Args) {
				return classify(x.Args[i], depth+1)
			}
			if key == "io.MultiReader" {
				k := other
				for _, a := range x.Args {
					switch classify(a, depth+1) {
					case limits:
						return limits
					case passes:
						k = passes
					}
				}
				return k
			}
		}
		return other
	}
	pass, ok := false, true
	ast.Inspect(g.body, func(n ast.Node) bool {
		// A limit anywhere in it may truncate what a return hands on
		// (buf.ReadFrom(io.LimitReader(r, n)); return buf on success,
		// r on failure): not a plain hand-on.
		switch n := n.(type) {
		case *ast.CallExpr:
			if callee := apimatch.Callee(info, n); callee != nil {
				if _, isLimit := httpapi.LimitCall(callee); isLimit {
					ok = false
				}
			}
		case *ast.CompositeLit:
			if limitedReaderR(info, n) != nil {
				ok = false
			}
		}
		return ok
	})
	ast.Inspect(g.body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != g.sig.Results().Len() {
				ok = false // a naked return or return f(): not read here
				return false
			}
			switch classify(n.Results[res], 0) {
			case passes:
				pass = true
			case limits:
				ok = false
			}
		}
		return ok
	})
	return ok && pass
}

// hasClose reports whether t has a Close method.
func hasClose(t types.Type) bool {
	if t == nil {
		return false
	}
	m, _, _ := types.LookupFieldOrMethod(t, true, nil, "Close")
	_, ok := m.(*types.Func)
	return ok
}

// hasRead reports whether t has a Read method.
func hasRead(t types.Type) bool {
	if t == nil {
		return false
	}
	m, _, _ := types.LookupFieldOrMethod(t, true, nil, "Read")
	_, ok := m.(*types.Func)
	return ok
}

// summarize computes f's summary; it reports whether it changed.
func (c *checker) summarize(f *function) bool {
	info := c.pass.TypesInfo
	var s summary
	s.limits = map[int]bool{}
	inspectBody(f.body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			// r.Body = <anything but the bytes already read>: a limit.
			for i, l := range n.Lhs {
				h, ok := httpapi.BodyOf(info, l)
				if !ok || len(n.Rhs) != len(n.Lhs) || c.isInMemory(n.Rhs[i]) || c.restoresBody(f, n.Rhs[i]) || !c.readsSome(n.Rhs[i]) || c.passesBodyThrough(f, n.Rhs[i]) {
					continue
				}
				if p := c.holderParam(f, h); p >= 0 {
					s.limits[p] = true
				}
			}
		case *ast.ReturnStmt:
			// return g(...) with g a limiter: f makes middlewares too.
			for _, r := range n.Results {
				call, ok := ast.Unparen(r).(*ast.CallExpr)
				if !ok {
					continue
				}
				if c.returnsLimit(apimatch.Callee(info, call)) {
					s.limiter = true
				}
			}
		case *ast.CallExpr:
			fn := apimatch.Callee(info, n)
			if fn == nil {
				return
			}
			cs := c.calleeSummary(fn)
			if cs == nil {
				return
			}
			for j := range cs.limits {
				if j < len(n.Args) {
					if p := c.holderParam(f, n.Args[j]); p >= 0 {
						s.limits[p] = true
					}
				}
			}
		}
	})
	// A literal inside f that bounds bodies makes f a middleware maker.
	for _, g := range f.inner {
		if f.sig.Results().Len() > 0 && (g.sum.limiter || len(g.sum.limits) > 0) {
			s.limiter = true
		}
	}
	copied := c.bodyCopies(f)
	s.copies = map[int]bool{}
	for p, bcs := range copied {
		for _, bc := range bcs {
			if bc.scope == ast.Node(f.body) {
				s.copies[p] = true // in place when f returns normally
			}
		}
	}
	// againAt: the body of holder p was read whole and put back as an
	// in-memory copy before pos, in a block around pos: reading the copy
	// again holds nothing the first read does not (that read is the
	// finding).
	againAt := func(p int, pos token.Pos) bool {
		for _, bc := range copied[p] {
			if bc.covers(pos) {
				return true
			}
		}
		return false
	}
	inspectBody(f.body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		again := func(p int) bool { return againAt(p, call.Pos()) }
		if w, ok := c.wholeReadOf(f, call); ok {
			p := -1
			api := w.api
			if w.recv != nil {
				p = c.holderParam(f, w.recv)
			} else if o := c.readOrigin(f, w); !o.deep() && !o.limitedAfter {
				switch {
				case o.kind == srcRequest:
					p = o.param
				case o.kind == srcUpload && o.param >= 0 && !c.uploadSizeChecked(f, call.Pos()):
					// io.ReadAll(file) after r.FormFile: the form
					// spilled it to disk, the read brings it back.
					p, api = o.param, w.api+uploadAPI
				case o.kind == srcOther && o.fromParam >= 0 && w.entry == "" && !c.std:
					// func parse(data io.Reader) { xml.NewDecoder(data).Decode(&doc) }
					s.drains = append(s.drains, read{param: o.fromParam, api: w.api, call: call, pos: c.posString(call.Pos()), at: call})
				}
			}
			if p >= 0 && !s.limits[p] && !again(p) {
				s.reads = append(s.reads, read{param: p, api: api, call: call, pos: c.posString(call.Pos()), at: call, notGet: c.notGet(f, call, p)})
			}
			return
		}
		fn := apimatch.Callee(info, call)
		if fn == nil {
			return
		}
		// auther.Auth(r, ...): an interface method whose implementations
		// of the package declaring it, or of this one, read r whole.
		for _, r := range c.implReads(fn) {
			if r.param < len(call.Args) {
				if p := c.holderParam(f, call.Args[r.param]); p >= 0 && !s.limits[p] && !again(p) {
					s.reads = append(s.reads, read{param: p, api: r.api, call: call, pos: r.pos, via: r.via, at: r.at, foreign: r.foreign, notGet: r.notGet || c.notGet(f, call, p)})
				}
			}
		}
		cs := c.calleeSummary(fn)
		if cs == nil {
			return
		}
		for _, r := range cs.reads {
			if r.param < len(call.Args) {
				if p := c.holderParam(f, call.Args[r.param]); p >= 0 && !s.limits[p] && !again(p) {
					s.reads = append(s.reads, read{param: p, api: r.api, call: call, pos: r.pos, via: fn.Name(), at: r.at, foreign: r.foreign, notGet: r.notGet || c.notGet(f, call, p)})
				}
			}
		}
		// A stream handed to a function that reads it whole: the
		// request body (h.Import(r.Body)) is read here; a parameter of
		// f passes the drain on to f's callers.
		for _, r := range cs.drains {
			if r.param >= len(call.Args) {
				continue
			}
			o := c.origin(f, call.Args[r.param])
			if o.deep() || o.limitedAfter {
				continue
			}
			switch {
			case o.kind == srcRequest && o.param >= 0 && !s.limits[o.param]:
				s.reads = append(s.reads, read{param: o.param, api: r.api, call: call, pos: r.pos, via: fn.Name(), at: r.at, foreign: r.foreign, notGet: c.notGet(f, call, o.param)})
			case o.kind == srcUpload && o.param >= 0 && !s.limits[o.param] && !c.uploadSizeChecked(f, call.Pos()):
				// GetSize(file) reading its parameter whole.
				s.reads = append(s.reads, read{param: o.param, api: r.api + uploadAPI, call: call, pos: r.pos, via: fn.Name(), at: r.at, foreign: r.foreign})
			case o.kind == srcOther && o.fromParam >= 0 && !c.std:
				s.drains = append(s.drains, read{param: o.fromParam, api: r.api, call: call, pos: r.pos, via: fn.Name(), at: r.at, foreign: r.foreign})
			}
		}
	})
	// A closure of f that reads the body of f's request parameter
	// (gotify's withID(ctx, "id", func(id uint) { ctx.Bind(&v) })), or
	// hands it to a helper that does (goatcounter's zdb.TX(ctx, func(ctx
	// context.Context) error { zhttp.Decode(r, &args); ... })): f reads
	// it, wherever the closure runs.
	for _, g := range f.inner {
		inspectNested(g, func(in *function, n ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return
			}
			w, ok := c.wholeReadOf(in, call)
			if !ok {
				fn := apimatch.Callee(info, call)
				if fn == nil {
					return
				}
				cs := c.calleeSummary(fn)
				if cs == nil {
					return
				}
				for _, r := range cs.reads {
					if r.param >= len(call.Args) {
						continue
					}
					if p := c.holderParam(f, call.Args[r.param]); p >= 0 && !s.limits[p] && !againAt(p, call.Pos()) {
						s.reads = append(s.reads, read{param: p, api: r.api, call: call, pos: r.pos, via: fn.Name(), at: r.at, foreign: r.foreign, notGet: r.notGet || c.notGet(f, call, p)})
					}
				}
				return
			}
			h := w.recv
			if h == nil && w.src != nil {
				h, _ = httpapi.BodyOf(info, w.src)
			}
			if h == nil {
				return
			}
			if p := c.holderParam(f, h); p >= 0 && !s.limits[p] && !againAt(p, call.Pos()) {
				s.reads = append(s.reads, read{param: p, api: w.api, call: call, pos: c.posString(call.Pos()), at: call, notGet: c.notGet(f, call, p)})
			}
		})
	}
	inspectBody(f.body, func(n ast.Node) {
		if call, ok := n.(*ast.CallExpr); ok {
			s.streams = append(s.streams, c.streamReads(f, call)...)
		}
	})
	s.routers, s.regs = c.paramRouters(f)
	changed := len(s.reads) != len(f.sum.reads) || len(s.limits) != len(f.sum.limits) ||
		s.limiter != f.sum.limiter || len(s.routers) != len(f.sum.routers) || len(s.regs) != len(f.sum.regs) ||
		len(s.streams) != len(f.sum.streams) || len(s.drains) != len(f.sum.drains) || len(s.copies) != len(f.sum.copies)
	f.sum = s
	return changed
}

// inThisModule reports whether fn belongs to the module of the package.
func (c *checker) inThisModule(fn *types.Func) bool {
	mod := passutil.ModulePath(c.pass)
	return fn.Pkg() != nil && mod != "" && passutil.InModule(fn.Pkg().Path(), mod)
}

// calleeSummary returns the summary of a function of this package, or the
// one its fact carries.
func (c *checker) calleeSummary(fn *types.Func) *summary {
	fn = fn.Origin()
	if g := c.byObj[fn]; g != nil {
		return &g.sum
	}
	if fn.Pkg() == c.pass.Pkg {
		return nil
	}
	var fact bodyFact
	if !c.pass.ImportObjectFact(fn, &fact) {
		return nil
	}
	s := &summary{limits: map[int]bool{}, limiter: fact.Limiter, consumes: fact.Consumes, routers: fact.Routers}
	for _, r := range fact.Reads {
		s.reads = append(s.reads, read{param: r.Param, api: r.API, pos: r.Pos, foreign: r.Foreign || !c.inThisModule(fn), notGet: r.NotGet})
	}
	for _, p := range fact.Limits {
		s.limits[p] = true
	}
	s.copies = map[int]bool{}
	for _, p := range fact.Copies {
		s.copies[p] = true
	}
	for _, r := range fact.Registers {
		s.regs = append(s.regs, regRead{param: r.Param, handler: r.Handler, api: r.API, pos: r.Pos})
	}
	for _, r := range fact.Drains {
		s.drains = append(s.drains, read{param: r.Param, api: r.API, pos: r.Pos, foreign: r.Foreign || !c.inThisModule(fn)})
	}
	for _, r := range fact.Streams {
		s.streams = append(s.streams, streamRead{param: r.Param, api: r.API, pos: r.Pos,
			o: origin{decomp: r.Decomp, archive: r.Archive, entry: r.Entry, under: r.Under}})
	}
	return s
}

// implReads returns the reads of the implementations of m, when m is an
// interface method (filebrowser's Auther.Auth(r, ...), implemented by
// JSONAuth and HookAuth, which decode r.Body whole): the methods of the
// concrete types, declared in m's package or in this one, that implement
// m's interface, each read named "(T).M". The configured implementation
// is not known; any one that reads whole is a path that does.
func (c *checker) implReads(m *types.Func) []read {
	var rs []read
	for _, impl := range c.implementations(m) {
		cs := c.calleeSummary(impl.fn)
		if cs == nil {
			continue
		}
		for _, r := range cs.reads {
			r.call = nil
			r.via = "(" + impl.typ + ")." + m.Name()
			rs = append(rs, r)
		}
	}
	return rs
}

type impl struct {
	fn  *types.Func
	typ string // the concrete type's name, "auth.JSONAuth"
}

// implementations returns the methods implementing m, when m is a method
// of an interface of this module whose parameters include no
// ResponseWriter or framework context: those of the named types of m's
// package and of this one (not generic, not interfaces) of which the type
// or its pointer implements the interface.
func (c *checker) implementations(m *types.Func) []impl {
	if is, ok := c.impls[m]; ok {
		return is
	}
	c.impls[m] = nil
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || m.Pkg() == nil {
		return nil
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return nil
	}
	// Only the module's own interfaces, and not handler dispatch
	// (next.ServeHTTP(w, r), a Handle(w, r) of the service's own): which
	// handler runs is the router's wiring, judged elsewhere.
	if !c.inThisModule(m) || httpapi.ServerSideSig(sig) {
		return nil
	}
	var is []impl
	pkgs := []*types.Package{m.Pkg()}
	if c.pass.Pkg != m.Pkg() {
		pkgs = append(pkgs, c.pass.Pkg)
	}
	for _, pkg := range pkgs {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue
			}
			for _, t := range []types.Type{named, types.NewPointer(named)} {
				if !types.Implements(t, iface) {
					continue
				}
				if sel := types.NewMethodSet(t).Lookup(m.Pkg(), m.Name()); sel != nil {
					if fn, ok := sel.Obj().(*types.Func); ok {
						is = append(is, impl{fn: fn, typ: passutil.NamedTypeName(named)})
					}
				}
				break
			}
		}
	}
	c.impls[m] = is
	return is
}

// posString prints pos as "dir/file.go:12" for messages about another
// package (passutil.ModulePos): dir is the package's directory in its module,
// after the module's path when the module is a dependency
// ("github.com/xuri/excelize/v2/lib.go:53").
func (c *checker) posString(pos token.Pos) string {
	return passutil.ModulePos(c.pass, pos)
}
