package perrequest

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/hotpath"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/resources"
	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/internal/ssaflow"
)

//go:embed doc.go
var doc string

// Analyzer reports heavy shared clients built per request or per loop
// iteration.
var Analyzer = &analysis.Analyzer{
	Name:      "perrequest",
	Doc:       passutil.MustExtractDoc(doc, "perrequest"),
	URL:       "https://pkg.go.dev/github.com/memlint/memlint/passes/perrequest",
	Run:       passutil.Guard("perrequest", run),
	Requires:  []*analysis.Analyzer{inspect.Analyzer, ssabuild.Analyzer, ownership.Analyzer},
	FactTypes: []analysis.Fact{new(buildsFact), new(perCallFact)},
}

// maxConstantLoop is the largest constant iteration count of a loop whose
// body is not a hot path for this pass (a client per shard of a fixed,
// small set).
const maxConstantLoop = 16

type checker struct {
	pass     *analysis.Pass
	own      *ownership.Result
	nodes    map[token.Pos]inspector.Cursor // call Lparen / literal Lbrace -> cursor
	builders map[*ssa.Function]*buildsFact  // builderOf, memoized
	// builtAt is where each builder of this package builds its client.
	builtAt         map[*ssa.Function]token.Pos
	perCalls        map[*ssa.Function]*perCall // perCallOf, memoized
	perCallReported map[token.Pos]bool         // constructors reported through a per-call builder
	reached         map[*types.Func]*reach     // functions handlers call per request (requestReached)
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:     pass,
		own:      pass.ResultOf[ownership.Analyzer].(*ownership.Result),
		nodes:    make(map[token.Pos]inspector.Cursor),
		builders: make(map[*ssa.Function]*buildsFact),
		builtAt:  make(map[*ssa.Function]token.Pos),

		perCalls:        make(map[*ssa.Function]*perCall),
		perCallReported: make(map[token.Pos]bool),
	}
	// Fast path: a client is built by calling its constructor or writing
	// its literal, and either names the client's package.
	if !apimatch.Imports(pass.Pkg, resources.ClientPackages...) && !importsBuilder(pass) {
		return nil, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.nodes[n.Lparen] = cur
		case *ast.CompositeLit:
			c.nodes[n.Lbrace] = cur
		}
	}
	res := pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA)
	for _, fn := range res.SrcFuncs {
		if f := c.builderOf(fn); f != nil {
			pass.ExportObjectFact(fn.Object(), f)
		}
	}
	for _, fn := range res.SrcFuncs {
		if p := c.perCallOf(fn); p != nil {
			pass.ExportObjectFact(fn.Object(), p.fact)
		}
	}
	c.requestReached(res.SrcFuncs)
	for _, fn := range res.SrcFuncs {
		if fn.Synthetic != "" || c.skipFile(fn.Pos()) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c.check(fn, instr)
			}
		}
	}
	return nil, nil
}

// importsBuilder reports whether the package imports a package with a
// builder (buildsFact): it may build clients without naming their package.
func importsBuilder(pass *analysis.Pass) bool {
	imported := map[*types.Package]bool{}
	for _, p := range pass.Pkg.Imports() {
		imported[p] = true
	}
	for _, f := range pass.AllObjectFacts() {
		if _, ok := f.Fact.(*buildsFact); ok && f.Object.Pkg() != nil && imported[f.Object.Pkg()] {
			return true
		}
	}
	return false
}

// skipFile reports whether pos lies in a generated or a _test.go file.
func (c *checker) skipFile(pos token.Pos) bool {
	f := passutil.FileOf(c.pass.Files, pos)
	if f == nil {
		return true
	}
	return passutil.IsTestFile(c.pass.Fset, f) || passutil.IsGenerated(f)
}

// A creation is one constructor call or client literal.
type creation struct {
	root    ssa.Value
	client  resources.Client
	ctor    string // "storage.NewClient", "&http.Transport{}"
	typ     string // "storage.Client"
	key     string
	literal bool
	own     *types.Package
	call    *ssa.CallCommon
	built   *buildsFact // the builder's fact, for a builder's call
	builtAt token.Pos   // where a builder of this package builds it, or NoPos
}

func (c *checker) check(fn *ssa.Function, instr ssa.Instruction) {
	cr := c.creationOf(instr)
	if cr == nil {
		if call, ok := instr.(*ssa.Call); ok {
			if p := c.perCallOfCallee(&call.Call); p != nil {
				c.checkPerCall(fn, call, p)
			}
		}
		return
	}
	if cr.root == nil {
		return // discarded: unclosed's finding for tracked constructors
	}
	cur, ok := c.nodes[instr.Pos()]
	if !ok {
		return
	}
	h := c.hot(cur)
	if !c.reportable(cur, h) {
		return
	}
	inLoop := false
	if cr.built != nil && h.Kind != hotpath.PerRequest {
		// In a loop a builder is often given each item's own
		// configuration (memos' presign runner builds an S3 client
		// from each attachment's S3 config): only per request, which
		// a loop in a handler still is (gotenberg's downloadFrom).
		var ok bool
		if h, ok = c.requestAround(cur, h); !ok {
			return
		}
		inLoop = true
	}
	if cr.call != nil && perCallerCredentials(cr.call) {
		return // the library has no per-call credentials: one client per caller is the API
	}
	if assignedRead(cr) {
		return // a read of the partitions this request picks: its own consumer is the API
	}
	u := c.own.Analyse(fn, []ssa.Value{cr.root}, ownership.Query{Release: cr.client.Release, Own: cr.own, Fields: true})
	if u.Escape != nil {
		return // kept beyond the call: a cache, a field, a returned client
	}
	closed := len(u.Releases) > 0
	if !closed && len(cr.client.Release) > 0 && resources.TrackedByUnclosed(cr.key, cr.literal) {
		return // never closed: unclosed reports it, one diagnostic per bug
	}
	where := strings.TrimPrefix(h.Kind.Phrase(), " ")
	if c.roundTrip(h.Region) {
		where = "per outgoing request (in RoundTrip)"
	}
	reachedFn, via := c.reachedAt(cur, h)
	if via != nil {
		where += " in " + via.phrase(funcName(reachedFn))
	}
	what := "is built " + where
	if inLoop {
		what += ", once for each iteration of a loop"
	}
	if !closed && len(cr.client.Release) > 0 {
		if inLoop {
			what += ","
		}
		what += " and never closed"
	}
	node := cur.Node()
	d := analysis.Diagnostic{
		Pos: node.Pos(), End: node.End(),
		Message: fmt.Sprintf("%s from %s %s (%s each time); build it once at startup and pass it in",
			cr.typ, cr.ctor, what, cr.client.Costs),
	}
	switch {
	case via != nil:
		d.Related = []analysis.RelatedInformation{{Pos: via.call.Pos(), End: via.call.End(), Message: "called per request here"}}
	case h.Region != nil:
		d.Related = []analysis.RelatedInformation{{Pos: regionPos(h), Message: c.regionName(h)}}
	}
	passutil.Report(c.pass, d)
}

// creationOf returns the client instr builds: a constructor call, a
// client literal, or a call of a builder (buildsFact); nil if none.
func (c *checker) creationOf(instr ssa.Instruction) *creation {
	var cr *creation
	switch instr := instr.(type) {
	case *ssa.Call:
		callee := apimatch.SSACallee(&instr.Call)
		res := instr.Call.Signature().Results()
		if res.Len() == 0 {
			return nil
		}
		client, ok := resources.ClientOf(callee)
		key, ctor := apimatch.Key(callee), ""
		var built *buildsFact
		if !ok {
			if built = c.builds(callee, instr.Call.StaticCallee()); built == nil {
				return nil
			}
			client = resources.Client{Costs: built.Costs}
			if built.Direct {
				client.Release = built.Release
				key = built.Key
			}
			ctor = funcName(callee) + ", which builds " + built.Ctor + ","
		} else {
			ctor = funcName(callee)
		}
		cr = &creation{client: client, key: key, ctor: ctor, typ: passutil.NamedTypeName(res.At(0).Type()), own: passutil.TypePkg(res.At(0).Type()), call: &instr.Call, built: built}
		if built != nil {
			if sc := instr.Call.StaticCallee(); sc != nil {
				cr.builtAt = c.builtAt[sc]
			}
		}
		if built != nil && built.Direct {
			cr.literal = built.Literal
		}
		if res.Len() == 1 {
			cr.root = instr
		} else {
			for _, ref := range *instr.Referrers() {
				if e, ok := ref.(*ssa.Extract); ok && e.Index == 0 {
					cr.root = e
				}
			}
		}
	case *ssa.Alloc:
		ptr, ok := instr.Type().(*types.Pointer)
		if !ok || instr.Comment != "complit" {
			return nil
		}
		key := apimatch.TypeKey(ptr.Elem())
		client, ok := resources.ClientLiterals[key]
		if !ok || key == "" {
			return nil
		}
		t := passutil.NamedTypeName(ptr.Elem())
		cr = &creation{root: instr, client: client, key: key, literal: true, ctor: "&" + t + "{}", typ: t, own: passutil.TypePkg(ptr.Elem())}
	}
	if cr != nil && cr.root != nil && apimatch.TypeKey(pointee(cr.root.Type())) == "net/http.Transport" && keepAlivesOff(cr.root) {
		return nil
	}
	return cr
}

// requestAround returns the per-request context of the loops around cur
// when h, the context of cur, is a loop (or a goroutine started in one)
// that lies, directly or in other loops, in a handler or a function a
// handler calls: each request runs the loop, so what its body builds is
// built per request at least, whatever each item's configuration
// (gotenberg's downloadFrom builds an outbound client for each URL of a
// request). ok is false when the loops are not on a request path.
func (c *checker) requestAround(cur inspector.Cursor, h hotpath.Hot) (hotpath.Hot, bool) {
	for h.Kind == hotpath.PerIteration || h.Kind == hotpath.PerGoroutine {
		loop, found := cur, false
		for p := range cur.Enclosing() {
			if p.Node() == h.Loop {
				loop, found = p, true
				break
			}
		}
		if !found {
			return h, false
		}
		cur, h = loop, c.hot(loop)
	}
	return h, h.Kind == hotpath.PerRequest && c.reportable(cur, h)
}

// keepAlivesOff reports whether the function sets DisableKeepAlives of
// the transport v to true (&http.Transport{DisableKeepAlives: true}, or
// t.DisableKeepAlives = true after Clone): such a transport closes each
// connection after its request and keeps no idle pool, so building one
// per request costs a dial, not memory that stays (gotenberg's pinning
// proxy, which builds one per request on purpose).
func keepAlivesOff(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.Referrers() == nil {
			continue
		}
		st, ok := pointee(fa.X.Type()).Underlying().(*types.Struct)
		if !ok || st.Field(fa.Field).Name() != "DisableKeepAlives" {
			continue
		}
		for _, fr := range *fa.Referrers() {
			if store, ok := fr.(*ssa.Store); ok && store.Addr == fa {
				if k, ok := store.Val.(*ssa.Const); ok && k.Value != nil && constant.BoolVal(k.Value) && precedesUses(store, v) {
					return true
				}
			}
		}
	}
	return false
}

// precedesUses reports whether the store runs before every use of the
// transport v other than its field addresses: on every path, not under a
// condition that leaves the transport's pool on (keda's builder sets
// DisableKeepAlives only when an environment variable asks for it, so
// the transport it returns keeps its idle connections by default).
func precedesUses(store *ssa.Store, v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		if _, ok := r.(*ssa.FieldAddr); ok {
			continue
		}
		b := r.Block()
		if phi, ok := r.(*ssa.Phi); ok {
			// A phi uses v at the end of the edge v comes in on.
			for i, e := range phi.Edges {
				if e == v && !store.Block().Dominates(b.Preds[i]) {
					return false
				}
			}
			continue
		}
		if b == store.Block() {
			if ssaflow.Index(store) > ssaflow.Index(r) {
				return false
			}
			continue
		}
		if !store.Block().Dominates(b) {
			return false
		}
	}
	return true
}

// pointee returns the element type of a pointer type, or t itself.
func pointee(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// reportable decides whether the hot context h of the constructor at cur
// is one this pass reports.
func (c *checker) reportable(cur inspector.Cursor, h hotpath.Hot) bool {
	switch h.Kind {
	case hotpath.PerRequest:
		// Only where the function is certainly a server's: a *http.Request
		// parameter alone is also client code (a RoundTripper,
		// httputil.DumpRequestOut's in-memory Transport).
		return c.serverSide(h.Region) || c.roundTrip(h.Region)
	case hotpath.PerGoroutine:
		if h.Worker {
			return false // a long-lived worker per item owns its client
		}
	case hotpath.PerIteration:
		if isForever(h.Loop) && hotpath.ContainsLoop(h.Region) {
			return false // a reconnect loop: one client per connection, used by the inner loop
		}
		if c.paced(cur, h.Loop) {
			return false // a poll or retry loop: one client per tick
		}
	default:
		return false
	}
	if n, ok := constantCount(c.pass.TypesInfo, h.Loop); ok && n <= maxConstantLoop {
		return false
	}
	// A loop in main, TestMain or a test runs once per process.
	if fd := enclosingDecl(cur); fd != nil && fd.Recv == nil {
		name := fd.Name.Name
		if (name == "main" && c.pass.Pkg.Name() == "main") || name == "TestMain" {
			return !directlyIn(cur, fd)
		}
	}
	return true
}

// paced reports whether every iteration of loop that reaches cur first
// waits on a timer, so the loop builds at most one client per interval (a
// poll or retry loop: memos' waitForDB opens, pings and closes a DB on
// each tick): the loop body has a statement of its own that sleeps
// (time.Sleep(d), <-ticker.C, <-time.After(d)), or cur lies in a select
// case of the loop body that receives from a timer.
func (c *checker) paced(cur inspector.Cursor, loop ast.Node) bool {
	body := hotpath.LoopBody(loop)
	if body == nil {
		return false
	}
	for _, st := range body.List {
		if es, ok := st.(*ast.ExprStmt); ok && c.waits(es.X) {
			return true
		}
	}
	for p := range cur.Enclosing((*ast.CommClause)(nil), (*ast.FuncLit)(nil)) {
		cc, ok := p.Node().(*ast.CommClause)
		if !ok || cc.Comm == nil {
			return false
		}
		// The select must be a statement of this loop's body.
		sel, ok := p.Parent().Parent().Node().(*ast.SelectStmt)
		if !ok || !slices.Contains(body.List, ast.Stmt(sel)) {
			return false
		}
		switch comm := cc.Comm.(type) {
		case *ast.ExprStmt:
			return c.waits(comm.X)
		case *ast.AssignStmt:
			return len(comm.Rhs) == 1 && c.waits(comm.Rhs[0])
		}
		return false
	}
	return false
}

// waits reports whether e sleeps or receives from a timer: time.Sleep(d),
// <-t.C of a *time.Ticker or *time.Timer, <-time.After(d), <-time.Tick(d).
func (c *checker) waits(e ast.Expr) bool {
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return apimatch.CalleeKey(info, e) == "time.Sleep"
	case *ast.UnaryExpr:
		if e.Op != token.ARROW {
			return false
		}
		switch x := ast.Unparen(e.X).(type) {
		case *ast.SelectorExpr:
			switch apimatch.TypeKey(info.TypeOf(x.X)) {
			case "time.Ticker", "time.Timer":
				return x.Sel.Name == "C"
			}
		case *ast.CallExpr:
			switch apimatch.CalleeKey(info, x) {
			case "time.After", "time.Tick":
				return true
			}
		}
	}
	return false
}

// enclosingDecl returns the top-level function declaration around cur.
func enclosingDecl(cur inspector.Cursor) *ast.FuncDecl {
	for p := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return p.Node().(*ast.FuncDecl)
	}
	return nil
}

// directlyIn reports whether cur lies in fd outside any closure.
func directlyIn(cur inspector.Cursor, fd *ast.FuncDecl) bool {
	for p := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		return p.Node() == fd
	}
	return false
}

func isForever(loop ast.Node) bool {
	f, ok := loop.(*ast.ForStmt)
	return ok && f.Cond == nil
}

// constantCount returns the iteration count of a loop fixed by constants:
// for i := C0; i < C1; i++ (or <=), range over a constant integer or over
// an array.
func constantCount(info *types.Info, loop ast.Node) (int64, bool) {
	switch l := loop.(type) {
	case *ast.ForStmt:
		init, ok := l.Init.(*ast.AssignStmt)
		cond, ok2 := l.Cond.(*ast.BinaryExpr)
		inc, ok3 := l.Post.(*ast.IncDecStmt)
		if !ok || !ok2 || !ok3 || inc.Tok != token.INC || len(init.Rhs) != 1 {
			return 0, false
		}
		lo, ok := constInt(info, init.Rhs[0])
		hi, ok2 := constInt(info, cond.Y)
		if !ok || !ok2 {
			return 0, false
		}
		switch cond.Op {
		case token.LSS:
			return hi - lo, true
		case token.LEQ:
			return hi - lo + 1, true
		}
	case *ast.RangeStmt:
		if n, ok := constInt(info, l.X); ok {
			return n, true
		}
		t := info.TypeOf(l.X)
		if t == nil {
			return 0, false
		}
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		if a, ok := t.Underlying().(*types.Array); ok {
			return a.Len(), true
		}
	}
	return 0, false
}

func constInt(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// credentialOptions are the cloud.google.com/go client options that carry
// credentials: a client built with one per request serves that caller's
// identity, and the libraries have no per-call credentials.
var credentialOptions = map[string]bool{
	"google.golang.org/api/option.WithTokenSource":     true,
	"google.golang.org/api/option.WithCredentials":     true,
	"google.golang.org/api/option.WithCredentialsJSON": true,
	"google.golang.org/api/option.WithAuthCredentials": true,
}

// assignedRead reports whether cr is a confluent-kafka-go consumer that
// the function assigns partitions to itself (consumer.Assign or
// IncrementalAssign): an ad-hoc read of the partitions and offsets the
// request picks, which a shared consumer, whose assignment is one for
// all, cannot serve (bulker's FailedHandler reads a retry topic from the
// beginning for each request; redpanda console's message lists are the
// same with franz-go's ConsumePartitions).
func assignedRead(cr *creation) bool {
	if cr.key != "github.com/confluentinc/confluent-kafka-go/kafka.NewConsumer" {
		return false
	}
	refs := cr.root.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		call, ok := r.(*ssa.Call)
		if !ok {
			continue
		}
		if callee := call.Call.StaticCallee(); callee != nil && callee.Signature.Recv() != nil &&
			(callee.Name() == "Assign" || callee.Name() == "IncrementalAssign") && len(call.Call.Args) > 0 && call.Call.Args[0] == cr.root {
			return true
		}
	}
	return false
}

// perCallerCredentials reports whether a cloud.google.com/go constructor
// call is given a credentials option.
func perCallerCredentials(call *ssa.CallCommon) bool {
	callee := call.StaticCallee()
	if callee == nil || callee.Pkg == nil || !strings.HasPrefix(apimatch.PkgPath(callee.Pkg.Pkg), "cloud.google.com/go/") {
		return false
	}
	found := false
	var visit func(v ssa.Value, depth int)
	visit = func(v ssa.Value, depth int) {
		if found || depth > 4 {
			return
		}
		switch v := v.(type) {
		case *ssa.Call:
			if credentialOptions[apimatch.Key(apimatch.SSACallee(&v.Call))] {
				found = true
			}
		case *ssa.MakeInterface:
			visit(v.X, depth+1)
		case *ssa.Slice:
			visit(v.X, depth+1)
		case *ssa.Alloc: // a varargs array: look at what is stored into it
			for _, r := range *v.Referrers() {
				if ia, ok := r.(*ssa.IndexAddr); ok {
					for _, r2 := range *ia.Referrers() {
						if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
							visit(st.Val, depth+1)
						}
					}
				}
			}
		}
	}
	for _, a := range call.Args {
		visit(a, 0)
	}
	return found
}

// serverSide reports whether the handler region (a function declaration
// or literal) certainly runs in a server (httpapi.ServerSide).
func (c *checker) serverSide(region ast.Node) bool {
	switch n := region.(type) {
	case *ast.FuncDecl:
		fn, _ := c.pass.TypesInfo.Defs[n.Name].(*types.Func)
		return httpapi.ServerSide(fn)
	case *ast.FuncLit:
		sig, _ := c.pass.TypesInfo.TypeOf(n).(*types.Signature)
		return httpapi.ServerSideSig(sig)
	}
	return false
}

// roundTrip reports whether region is the RoundTrip method of an
// http.RoundTripper, RoundTrip(*http.Request) (*http.Response, error): it
// runs once for every request a client sends, so what it builds is built
// per outgoing request (keda's AWS SigV4 transport built a new
// http.Transport in RoundTrip). Other functions taking only a
// *http.Request are not known to run per request.
func (c *checker) roundTrip(region ast.Node) bool {
	fd, ok := region.(*ast.FuncDecl)
	if !ok || fd.Recv == nil || fd.Name.Name != "RoundTrip" {
		return false
	}
	fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 1 && sig.Results().Len() == 2 &&
		apimatch.TypeKey(sig.Params().At(0).Type()) == "net/http.Request" &&
		apimatch.TypeKey(sig.Results().At(0).Type()) == "net/http.Response" &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}

func regionPos(h hotpath.Hot) token.Pos {
	if h.Loop != nil {
		return h.Loop.Pos()
	}
	return h.Region.Pos()
}

func (c *checker) regionName(h hotpath.Hot) string {
	switch h.Kind {
	case hotpath.PerRequest:
		if c.roundTrip(h.Region) {
			return "RoundTrip runs once for every request the client sends"
		}
		return "the handler"
	case hotpath.PerGoroutine:
		return "the loop starting the goroutines"
	}
	return "the loop"
}

// funcName names a constructor for perrequest's messages: "pkg.F", or
// "(pkg.T).M" for a method whatever its receiver (unlike passutil.FuncName,
// which writes "(*pkg.T).M" for a pointer receiver).
func funcName(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return "(" + passutil.NamedTypeName(sig.Recv().Type()) + ")." + fn.Name()
}
