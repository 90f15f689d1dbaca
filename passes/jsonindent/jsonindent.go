package jsonindent

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/rowsource"
)

//go:embed doc.go
var doc string

// Analyzer reports indented JSON of unbounded values on request paths.
var Analyzer = &analysis.Analyzer{
	Name:      "jsonindent",
	Doc:       passutil.MustExtractDoc(doc, "jsonindent"),
	URL:       "https://pkg.go.dev/github.com/memlint/memlint/passes/jsonindent",
	Requires:  []*analysis.Analyzer{inspect.Analyzer, rowsource.Analyzer},
	Run:       passutil.Guard("jsonindent", run),
	FactTypes: []analysis.Fact{new(helperFact)},
}

// flagAll is the -jsonindent.all flag.
var flagAll bool

func init() {
	Analyzer.Flags.BoolVar(&flagAll, "all", false,
		"report every indenting JSON encoder of a value unbounded by its type, rows of a query or not, on a request path or not, optional or not, _test.go files included")
}

// helperFact marks a function that applies an indenting JSON encoder to a
// value it is given (or computes) and writes the document to a writer it is
// given, returns it, or (Reported) writes it to its HTTP response. Callers
// in other packages use it to find the request paths that reach the encoder.
type helperFact struct {
	Rule     string // key of the rule in rules
	Value    int    // index of the parameter encoded, or -1: Type
	Type     string // the encoded value's type when Value is -1
	Out      int    // index of the parameter written to, or -1: the result
	Reported bool   // a request-path helper, reported where it encodes
	Guard    int    // 1 + index of the bool parameter that must be true for it to indent; 0: always

	origin *site // the encoding call in this package (not exported)
}

func (*helperFact) AFact() {}

// String prints the fact as every memlint fact prints, parameters as
// name(i) (passutil.Params: signature parameters, receiver excluded): the
// encoder's rule, then indents(i), or indents(T) for a value of type T
// the helper computes; into(i) or intoResult where the document goes;
// guard(i) when it indents only if bool parameter i is true; requestPath
// for a request-path helper, which writes the document to its HTTP
// response: "json.MarshalIndent indents(2) requestPath".
func (f *helperFact) String() string {
	val := passutil.Params{f.Value}.Format("indents")
	if f.Value < 0 {
		val = "indents(" + f.Type + ")"
	}
	var out, guard, path string
	switch {
	case f.Reported:
		path = "requestPath"
	case f.Out < 0:
		out = "intoResult"
	default:
		out = passutil.Params{f.Out}.Format("into")
	}
	if f.Guard > 0 {
		guard = passutil.Params{f.Guard - 1}.Format("guard")
	}
	return passutil.JoinFacts(rules[f.Rule].name, val, out, guard, path)
}

// A function is a function declaration or literal with a body.
type function struct {
	node  ast.Node
	body  *ast.BlockStmt
	sig   *types.Signature
	obj   *types.Func // nil for literals
	outer *function
}

func (fn *function) name() string {
	if fn.obj != nil {
		return fn.obj.Name()
	}
	return "func literal"
}

// outKind says where an encoder's document goes.
type outKind int

const (
	outNone     outKind = iota // unknown
	outResult                  // the call's result
	outWriter                  // the writer or buffer outExpr
	outResponse                // the HTTP response
)

// A site is an indenting encoder applied to a value, directly or through a
// helper.
type site struct {
	cur       inspector.Cursor // the reported call
	call      *ast.CallExpr
	ruleKey   string
	rule      rule
	value     ast.Expr // nil: valueType
	valueType string
	out       outKind
	outExpr   ast.Expr
	encode    *ast.CallExpr // the Encode call after SetIndent
	via       *types.Func   // the helper called, if any
	fn        *function
	rows      bool // the value holds rows of a query (rowsource)
}

type checker struct {
	pass     *analysis.Pass
	all      bool
	funcs    map[ast.Node]*function
	local    map[*types.Func]*helperFact
	reported map[token.Pos]bool
	final    bool
	changed  bool
	// pkgLits caches packageLiterals.
	pkgLits map[*types.Var]ast.Expr
	rows    *rowsource.Result
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:     pass,
		all:      flagAll,
		funcs:    make(map[ast.Node]*function),
		local:    make(map[*types.Func]*helperFact),
		reported: make(map[token.Pos]bool),
		rows:     pass.ResultOf[rowsource.Analyzer].(*rowsource.Result),
	}
	// Fast path: nothing to do unless the package imports an encoder or
	// depends on a helper known to use one.
	if !apimatch.Imports(pass.Pkg, importPaths...) && len(pass.AllObjectFacts()) == 0 && !httpapi.ImportsCustomHolder(pass.Pkg) {
		return nil, nil
	}

	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var calls []inspector.Cursor
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		file := passutil.FileOf(c.pass.Files, call.Pos())
		if file == nil || passutil.IsGenerated(file) {
			continue
		}
		if !c.all && strings.HasSuffix(pass.Fset.Position(file.Pos()).Filename, "_test.go") {
			continue
		}
		fn := apimatch.Callee(pass.TypesInfo, call)
		if fn == nil {
			continue
		}
		if _, ok := rules[apimatch.Key(fn)]; ok || fn.Pkg() == pass.Pkg || c.importedFact(fn) != nil {
			calls = append(calls, cur)
		}
	}

	// Compute the helper facts of this package to a fixed point, then
	// report.
	passutil.FixedPoint(func() bool {
		c.changed = false
		c.check(calls)
		return c.changed
	})
	c.final = true
	c.check(calls)

	for fn, f := range c.local {
		pass.ExportObjectFact(fn, f)
	}
	return nil, nil
}

func (c *checker) importedFact(fn *types.Func) *helperFact {
	f := new(helperFact)
	if c.pass.ImportObjectFact(fn.Origin(), f) {
		return f
	}
	return nil
}

// factOf returns the helper fact of fn, from this package or imported.
func (c *checker) factOf(fn *types.Func) *helperFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.local[fn]
	}
	return c.importedFact(fn)
}

// isEncodingCall reports whether call hands its arguments to an encoder.
func (c *checker) isEncodingCall(call *ast.CallExpr) bool {
	fn := apimatch.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	key := apimatch.Key(fn)
	if _, ok := rules[key]; ok {
		return true
	}
	if _, ok := encodes[key]; ok {
		return true
	}
	return c.factOf(fn) != nil
}

// function returns the innermost function enclosing cur.
func (c *checker) function(cur inspector.Cursor) *function {
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if enc == cur {
			continue
		}
		return c.functionOf(enc)
	}
	return nil
}

func (c *checker) functionOf(cur inspector.Cursor) *function {
	if fn, ok := c.funcs[cur.Node()]; ok {
		return fn
	}
	fn := &function{node: cur.Node()}
	switch n := cur.Node().(type) {
	case *ast.FuncDecl:
		fn.body = n.Body
		fn.obj, _ = c.pass.TypesInfo.Defs[n.Name].(*types.Func)
		if fn.obj != nil {
			fn.sig, _ = fn.obj.Type().(*types.Signature)
		}
	case *ast.FuncLit:
		fn.body = n.Body
		fn.sig, _ = c.pass.TypesInfo.TypeOf(n).(*types.Signature)
		fn.outer = c.function(cur)
	}
	c.funcs[cur.Node()] = fn
	return fn
}

// check turns each call into sites and evaluates them.
func (c *checker) check(calls []inspector.Cursor) {
	for _, cur := range calls {
		call := cur.Node().(*ast.CallExpr)
		fn := c.function(cur)
		if fn == nil || fn.body == nil || fn.sig == nil {
			continue
		}
		callee := apimatch.Callee(c.pass.TypesInfo, call)
		key := apimatch.Key(callee)
		if r, ok := rules[key]; ok {
			if !indents(c.pass.TypesInfo, call, r) {
				continue
			}
			s := &site{cur: cur, call: call, ruleKey: key, rule: r, fn: fn}
			switch r.kind {
			case marshalIndent:
				s.value, s.out = arg(call, r.value), outResult
			case indentBuf:
				s.value, s.out, s.outExpr = c.indentSource(fn, arg(call, 1)), outWriter, arg(call, 0)
			case respond:
				s.value, s.out = arg(call, r.value), outResponse
			case setIndent:
				c.checkSetIndent(s)
				continue
			}
			if s.value != nil {
				c.evaluate(s)
			}
			continue
		}
		f := c.factOf(callee)
		if f == nil {
			continue
		}
		s := &site{cur: cur, call: call, ruleKey: f.Rule, rule: rules[f.Rule], via: callee.Origin(), fn: fn}
		if f.Value < 0 {
			s.valueType = f.Type
		} else if s.value = arg(call, f.Value); s.value == nil {
			continue
		}
		if f.Reported {
			s.out = outResponse // a request-path helper writes the response
		} else if f.Out < 0 {
			s.out = outResult
		} else if s.outExpr = arg(call, f.Out); s.outExpr != nil {
			s.out = outWriter
		}
		c.evaluate(s)
	}
}

func arg(call *ast.CallExpr, i int) ast.Expr {
	if i < 0 || i >= len(call.Args) || call.Ellipsis.IsValid() && i == len(call.Args)-1 {
		return nil
	}
	return call.Args[i]
}

// indents reports whether call indents at all: not when every indent
// argument is the constant "".
func indents(info *types.Info, call *ast.CallExpr, r rule) bool {
	if len(r.indentArgs) == 0 {
		return true
	}
	for _, i := range r.indentArgs {
		a := arg(call, i)
		if a == nil {
			return true
		}
		tv := info.Types[a]
		if tv.Value == nil || tv.Value.Kind() != constant.String || constant.StringVal(tv.Value) != "" {
			return true
		}
	}
	return false
}

// indentSource returns the value whose compact encoding src holds, when
// src is a local variable assigned once from json.Marshal(v) (then v), or
// else src itself.
func (c *checker) indentSource(fn *function, src ast.Expr) ast.Expr {
	v, ok := c.objOf(src).(*types.Var)
	if !ok || v.Pos() < fn.body.Pos() || v.Pos() >= fn.body.End() {
		return src
	}
	if call, ok := ast.Unparen(c.onlyAssignment(fn, v)).(*ast.CallExpr); ok && marshals[apimatch.CalleeKey(c.pass.TypesInfo, call)] && len(call.Args) > 0 {
		return call.Args[0]
	}
	return src
}

// checkSetIndent makes a site of each later Encode on the encoder s.call
// configures.
func (c *checker) checkSetIndent(s *site) {
	sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	enc := c.objOf(sel.X)
	if enc == nil {
		return
	}
	var writer ast.Expr
	var encodeCalls []*ast.CallExpr
	ast.Inspect(s.fn.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if c.objOf(lhs) == enc {
						writer = c.newEncoderWriter(n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					if c.pass.TypesInfo.Defs[name] == enc {
						writer = c.newEncoderWriter(n.Values[i])
					}
				}
			}
		case *ast.CallExpr:
			if n.Pos() <= s.call.End() {
				break
			}
			if i, ok := encodes[apimatch.CalleeKey(c.pass.TypesInfo, n)]; ok {
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && c.objOf(sel.X) == enc && arg(n, i) != nil {
					encodeCalls = append(encodeCalls, n)
				}
			}
		}
		return true
	})
	for _, e := range encodeCalls {
		es := *s
		es.encode = e
		es.value = arg(e, encodes[apimatch.CalleeKey(c.pass.TypesInfo, e)])
		if writer != nil {
			es.out, es.outExpr = outWriter, writer
		}
		if c.evaluate(&es) {
			return
		}
	}
}

func (c *checker) newEncoderWriter(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !newEncoders[apimatch.CalleeKey(c.pass.TypesInfo, call)] {
		return nil
	}
	return arg(call, 0)
}

// evaluate decides what a site is: a finding, a helper fact of its
// function, or nothing. It reports whether it reported (or would).
func (c *checker) evaluate(s *site) bool {
	fn := s.fn
	typ, qualTyp, unbounded, param := c.classifyValue(s)
	if !unbounded && param < 0 {
		return false
	}
	g, never := c.guardOf(s)
	if never {
		return false // the caller passes false to the helper's guard
	}
	if c.all {
		g = unconditional
	}
	if g.option && g.param < 0 {
		// Indentation is an option chosen at run time (the client's
		// ?pretty, a config flag): compact by default.
		return false
	}
	guardParam := 0
	if g.option {
		guardParam = g.param + 1
	}
	response, sink := c.classifyOut(s)
	if sink == pageSink {
		if c.all {
			c.report(s, typ)
			return true
		}
		// Indented for a person to read in a page (a debugging or
		// consent page shows one object): the indentation is what the
		// page displays.
		return false
	}
	handler := c.inHandler(fn)
	switch {
	case unbounded && guardParam > 0 && (response || handler):
		// Indents only when the caller says so: reported at the
		// callers that pass true.
		f := &helperFact{Rule: s.ruleKey, Value: -1, Type: qualTyp, Out: -1, Reported: true, Guard: guardParam, origin: s}
		c.inheritOrigin(s, f)
		c.setFact(fn, f)
		return true
	case unbounded && (response || handler || c.all):
		c.report(s, typ)
		return true
	case !unbounded && (response || handler):
		// The value is a parameter of unknown size and the document
		// goes to the response: a request-path helper. Its callers are
		// reported where they pass it an unbounded value; callers that
		// pass small envelopes are not findings.
		f := &helperFact{Rule: s.ruleKey, Value: param, Out: -1, Reported: true, Guard: guardParam, origin: s}
		c.inheritOrigin(s, f)
		c.setFact(fn, f)
		return true
	case sink != noSink && fn.obj != nil:
		f := &helperFact{Rule: s.ruleKey, Value: param, Out: sink, Guard: guardParam, origin: s}
		if unbounded {
			f.Value, f.Type = -1, qualTyp
		}
		c.inheritOrigin(s, f)
		c.setFact(fn, f)
	}
	return false
}

// inheritOrigin points f at the encoder of the helper s calls, if any.
func (c *checker) inheritOrigin(s *site, f *helperFact) {
	if s.via != nil {
		if vf := c.factOf(s.via); vf != nil && vf.origin != nil {
			f.origin = vf.origin
		}
	}
}

const (
	noSink   = -2 // the document goes nowhere known
	pageSink = -3 // the document is only template data
)

func (c *checker) setFact(fn *function, f *helperFact) {
	if fn.obj == nil {
		return
	}
	old := c.local[fn.obj]
	if old == nil || !old.Reported && f.Reported {
		c.local[fn.obj] = f
		c.changed = true
	}
}

// toResponse reports whether call writes to the HTTP response: one of its
// operands other than skip is a response writer or request context
// (w.Write(b), fmt.Fprint(w, ...), buf.WriteTo(w), c.Data(200, ct, b)).
func (c *checker) toResponse(call *ast.CallExpr, skip ast.Node) bool {
	for _, op := range c.operands(call) {
		if op != skip && c.isResponse(c.pass.TypesInfo.TypeOf(op)) {
			return true
		}
	}
	return false
}

// isResponse reports whether t stands for an HTTP response: it implements
// http.ResponseWriter or is a framework's request context
// (internal/httpapi).
func (c *checker) isResponse(t types.Type) bool {
	return httpapi.IsResponseWriter(t)
}

// inHandler reports whether fn or a function enclosing it takes a
// response writer or request context (also as its receiver: the actions
// of a beego controller), or is a gRPC server method.
func (c *checker) inHandler(fn *function) bool {
	for ; fn != nil; fn = fn.outer {
		if httpapi.IsGRPCMethod(fn.obj) {
			return true
		}
		if fn.sig == nil {
			continue
		}
		if r := fn.sig.Recv(); r != nil {
			if fw, ok := httpapi.Holder(r.Type()); ok && fw != httpapi.NetHTTP {
				return true
			}
		}
		for i := range fn.sig.Params().Len() {
			if c.isResponse(fn.sig.Params().At(i).Type()) {
				return true
			}
		}
	}
	return false
}

// report reports an unbounded value encoded with indentation on a request
// path, at the encoder (or at the encoder of a helper of this package).
func (c *checker) report(s *site, typ string) {
	if !c.final {
		return
	}
	if c.reported[s.call.Pos()] {
		return
	}
	c.reported[s.call.Pos()] = true
	what := s.rule.name
	if s.encode != nil {
		what += " then Encode"
	}
	d := analysis.Diagnostic{Pos: s.call.Pos(), End: s.call.End()}
	size := "rows of a query"
	if !s.rows && (s.value != nil || c.all) {
		size = "any size" // -jsonindent.all: judged by its type alone
	}
	if s.via != nil {
		d.Message = fmt.Sprintf("%s of %s (%s) via %s on a request path %s; %s",
			what, typ, size, c.funcName(s.via), s.rule.cost(), s.rule.cure())
	} else {
		d.Message = fmt.Sprintf("%s of %s (%s) on a request path %s; %s", what, typ, size, s.rule.cost(), s.rule.cure())
		d.SuggestedFixes = c.fixes(s)
	}
	if s.encode != nil {
		d.Related = []analysis.RelatedInformation{{Pos: s.encode.Pos(), End: s.encode.End(), Message: "encoded here"}}
	}
	if s.via != nil {
		// Reported where the unbounded value enters the helper; the
		// helper's encoder is the second place.
		if f := c.factOf(s.via); f != nil && f.origin != nil {
			o := f.origin
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: o.call.Pos(), End: o.call.End(),
				Message: fmt.Sprintf("%s indents it here with %s", o.fn.name(), o.rule.name)})
		}
	}
	passutil.Report(c.pass, d)
}

// funcName names a function as a caller sees it: pkg.F or pkg.T.M.
func (c *checker) funcName(fn *types.Func) string {
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}
