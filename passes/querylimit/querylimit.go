package querylimit

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/sqlscan"
	"github.com/memlint/memlint/internal/ssabuild"
)

//go:embed doc.go
var doc string

// Analyzer reports unbounded query results read into memory.
var Analyzer = &analysis.Analyzer{
	Name:      "querylimit",
	Doc:       passutil.MustExtractDoc(doc, "querylimit"),
	URL:       "https://pkg.go.dev/github.com/memlint/memlint/passes/querylimit",
	Run:       passutil.Guard("querylimit", run),
	Requires:  []*analysis.Analyzer{ssabuild.Analyzer},
	FactTypes: []analysis.Fact{new(limitFact)},
}

// maxRows is the -querylimit.max-rows flag.
var maxRows rowsFlag = 1000

func init() {
	Analyzer.Flags.Var(&maxRows, "max-rows", "report constant row bounds (LIMIT, Limit, SetLimit) above this many rows")
}

type rowsFlag int64

func (f *rowsFlag) String() string { return strconv.FormatInt(int64(*f), 10) }

func (f *rowsFlag) Set(s string) error {
	v, err := strconv.ParseInt(s, 0, 64)
	if err != nil || v < 1 {
		return fmt.Errorf("max-rows must be a positive integer, got %q", s)
	}
	*f = rowsFlag(v)
	return nil
}

// limitFact summarises a function for querylimit.
type limitFact struct {
	// Result is resultBounds when the first (integer) result is bounded on
	// every path (a clamp helper), resultRequest when it is request input
	// with no upper bound (a page-size helper that does not clamp).
	Result uint8
	// Params are the parameters (0-based, receiver excluded) that reach a
	// row bound (LIMIT argument, gorm Limit, SetLimit) with no upper bound,
	// and Names their names.
	Params []int
	Names  []string
	// Rows are the parameters holding rows or a cursor whose every row the
	// function accumulates (a scan helper), RowsNames their names and
	// RowsWhat how ("appended to out").
	Rows      []int
	RowsNames []string
	RowsWhat  []string
}

const (
	resultNone = iota
	resultBounds
	resultRequest
)

func (*limitFact) AFact() {}

func (f *limitFact) String() string {
	var parts []string
	switch f.Result {
	case resultBounds:
		parts = append(parts, "bounds its result")
	case resultRequest:
		parts = append(parts, "returns request input")
	}
	for _, n := range f.Names {
		parts = append(parts, "row bound from param "+n)
	}
	for _, n := range f.RowsNames {
		parts = append(parts, "accumulates rows of param "+n)
	}
	return strings.Join(parts, "; ")
}

func (f *limitFact) equal(g *limitFact) bool {
	if f == nil || g == nil {
		return f == g
	}
	return f.Result == g.Result && slices.Equal(f.Params, g.Params) && slices.Equal(f.Rows, g.Rows)
}

func (f *limitFact) sink(i int) (string, bool) {
	if f == nil {
		return "", false
	}
	if j := slices.Index(f.Params, i); j >= 0 {
		return f.Names[j], true
	}
	return "", false
}

type config struct {
	maxRows int64
	strict  bool
}

type checker struct {
	pass  *analysis.Pass
	cfg   config
	calls map[token.Pos]*ast.CallExpr  // by Lparen
	index map[token.Pos]*ast.IndexExpr // by Lbrack
	sums  map[*types.Func]*limitFact   // this package's summaries
	gen   map[*token.File]bool

	// collecting is set while parameter sinks are collected: nothing is
	// reported, and a parameter reaching a bound is recorded in sinks.
	collecting bool
	sinks      map[*ssa.Function]map[int]bool
	reported   map[string]bool
	methods    map[string][]*types.Func // methods with row-bound facts, by name
	globals    map[*ssa.Global][]ssa.Value
}

// targets are the packages whose presence makes the pass do any work.
var targets = []string{
	"database/sql", "github.com/jmoiron/sqlx", "github.com/jackc/pgx/...", "gorm.io/gorm",
	"go.mongodb.org/mongo-driver/...",
}

func run(pass *analysis.Pass) (any, error) {
	if !apimatch.Imports(pass.Pkg, targets...) && !apimatch.Imports(pass.Pkg, httpapi.Packages...) && len(pass.AllObjectFacts()) == 0 {
		return nil, nil
	}
	c := &checker{
		pass:  pass,
		cfg:   config{maxRows: int64(maxRows), strict: strict},
		calls: map[token.Pos]*ast.CallExpr{},
		index: map[token.Pos]*ast.IndexExpr{},
		sums:  map[*types.Func]*limitFact{},
		gen:   map[*token.File]bool{},

		reported: map[string]bool{},
	}
	for _, f := range pass.Files {
		if passutil.IsGenerated(f) {
			c.gen[pass.Fset.File(f.FileStart)] = true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				c.calls[n.Lparen] = n
			case *ast.IndexExpr:
				c.index[n.Lbrack] = n
			}
			return true
		})
	}
	funcs := pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA).SrcFuncs

	// Summaries, to a fixed point (functions may call each other): integer
	// results, then parameters that reach a row bound.
	for range 3 {
		changed := false
		for _, fn := range funcs {
			obj, _ := fn.Object().(*types.Func)
			if obj == nil {
				continue
			}
			f := c.summarize(fn)
			if !f.equal(c.sums[obj]) {
				c.sums[obj] = f
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	c.collecting = true
	for range 3 {
		c.sinks = map[*ssa.Function]map[int]bool{}
		c.checkFuncs(funcs)
		changed := false
		for _, fn := range funcs {
			obj, _ := fn.Object().(*types.Func)
			if obj == nil {
				continue
			}
			f := withSinks(c.sums[obj], fn, c.sinks[fn])
			if !f.equal(c.sums[obj]) {
				c.sums[obj] = f
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	c.collecting = false
	for _, fn := range funcs {
		if obj, _ := fn.Object().(*types.Func); obj != nil && c.sums[obj] != nil {
			pass.ExportObjectFact(obj, c.sums[obj])
		}
	}
	c.checkFuncs(funcs)
	return nil, nil
}

// withSinks returns f with the parameter sinks of fn.
func withSinks(f *limitFact, fn *ssa.Function, sinks map[int]bool) *limitFact {
	g := &limitFact{}
	if f != nil {
		g.Result, g.Rows, g.RowsNames, g.RowsWhat = f.Result, f.Rows, f.RowsNames, f.RowsWhat
	}
	params := fn.Signature.Params()
	for i := range params.Len() {
		if sinks[i] {
			g.Params = append(g.Params, i)
			g.Names = append(g.Names, params.At(i).Name())
		}
	}
	if g.Result == resultNone && len(g.Params) == 0 && len(g.Rows) == 0 {
		return nil
	}
	return g
}

func (c *checker) checkFuncs(funcs []*ssa.Function) {
	c.methods = nil // facts may have changed
	for _, fn := range funcs {
		if fn.Blocks == nil || c.gen[c.pass.Fset.File(fn.Pos())] {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					c.checkCall(call)
				}
			}
		}
	}
}

// fact returns the summary of fn, from this package or a fact.
func (c *checker) fact(fn *types.Func) *limitFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if f, ok := c.sums[fn]; ok {
		return f
	}
	if fn.Pkg() == c.pass.Pkg {
		return nil
	}
	var f limitFact
	if c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// summarize computes the fact of fn, or nil.
func (c *checker) summarize(fn *ssa.Function) *limitFact {
	f := &limitFact{Result: c.summarizeResult(fn)}
	params := fn.Signature.Params()
	for i := range params.Len() {
		t := params.At(i).Type()
		if !isRows(t) && apimatch.TypeKey(t) != mongoPkg+".Cursor" {
			continue
		}
		j := i
		if fn.Signature.Recv() != nil {
			j++
		}
		if j >= len(fn.Params) {
			continue
		}
		if acc := c.accumulationOf(fn.Params[j]); acc != nil {
			f.Rows = append(f.Rows, i)
			f.RowsNames = append(f.RowsNames, params.At(i).Name())
			f.RowsWhat = append(f.RowsWhat, acc.what)
		}
	}
	if f.Result == resultNone && len(f.Rows) == 0 {
		return nil
	}
	return f
}

// summarizeResult summarises an integer first result.
func (c *checker) summarizeResult(fn *ssa.Function) uint8 {
	res := fn.Signature.Results()
	if res.Len() == 0 || res.Len() > 2 || !isInteger(res.At(0).Type()) {
		return resultNone
	}
	var rets []*ssa.Return
	for _, b := range fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(r.Results) > 0 {
			rets = append(rets, r)
		}
	}
	if len(rets) == 0 {
		return resultNone
	}
	allConst, bounded := true, true
	for _, r := range rets {
		v := r.Results[0]
		if src := c.unclamped(v, r.Block(), nil, false, 0); src != "" {
			return resultRequest
		}
		if _, ok := constInt(v); !ok {
			allConst = false
		}
		if !c.bounded(v, r.Block(), nil, 0) {
			bounded = false
		}
	}
	if bounded && !allConst {
		return resultBounds
	}
	return resultNone
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// --- API tables -------------------------------------------------------

const (
	sqlPkg   = "database/sql"
	sqlxPkg  = "github.com/jmoiron/sqlx"
	pgxPkg   = "github.com/jackc/pgx"
	gormPkg  = "gorm.io/gorm"
	mongoPkg = "go.mongodb.org/mongo-driver/mongo"
	optsPkg  = "go.mongodb.org/mongo-driver/mongo/options"
)

// selects are sqlx calls that read every row into dest: key -> (dest, query) parameter indexes.
var selects = map[string][2]int{
	"(*" + sqlxPkg + ".DB).Select":          {0, 1},
	"(*" + sqlxPkg + ".Tx).Select":          {0, 1},
	"(*" + sqlxPkg + ".DB).SelectContext":   {1, 2},
	"(*" + sqlxPkg + ".Tx).SelectContext":   {1, 2},
	"(*" + sqlxPkg + ".Conn).SelectContext": {1, 2},
	sqlxPkg + ".Select":                     {1, 2},
	sqlxPkg + ".SelectContext":              {2, 3},
}

// isInput reports whether fn returns client-controlled request input:
// a query, form or path parameter accessor of any framework, or a getter
// of a gRPC request message (internal/httpapi).
func isInput(fn *types.Func) bool {
	_, ok := httpapi.Input(fn)
	return ok
}

// requestRead describes v when it reads client input without a call: an
// element of a request-input map (mux.Vars(r)["limit"]) or a field of a
// gRPC request message (req.PageSize); "" otherwise.
func (c *checker) requestRead(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.Extract:
		if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 0 {
			return c.requestRead(l) // n, ok := vars["limit"]
		}
	case *ssa.Lookup:
		if call, ok := x.X.(*ssa.Call); ok && isInput(apimatch.SSACallee(call.Common())) {
			if ix, ok := c.index[x.Pos()]; ok {
				return types.ExprString(ix)
			}
			return c.describe(call)
		}
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL && httpapi.IsRequestMessage(fa.X.Type()) {
			st := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
			if p, ok := fa.X.(*ssa.Parameter); ok {
				return p.Name() + "." + st.Field(fa.Field).Name()
			}
			return "request message field " + st.Field(fa.Field).Name()
		}
	}
	return ""
}

// neutral packages: passing a request value to them is not a validation.
var neutral = map[string]bool{
	"strconv": true, "fmt": true, "log": true, "log/slog": true, "strings": true, "errors": true,
	"net/http": true, "net/url": true, "encoding/json": true,
	sqlPkg: true, sqlxPkg: true, pgxPkg: true, pgxPkg + "/pgxpool": true, gormPkg: true,
	mongoPkg: true, optsPkg: true,
	// and the server libraries of internal/httpapi (httpapi.IsPackage)
}

// callArgs returns a call's arguments without the receiver.
func callArgs(common *ssa.CallCommon) []ssa.Value {
	if !common.IsInvoke() && common.Signature().Recv() != nil && len(common.Args) > 0 {
		return common.Args[1:]
	}
	return common.Args
}

// recv returns the receiver of a method call, or nil.
func recv(common *ssa.CallCommon) ssa.Value {
	if common.IsInvoke() {
		return common.Value
	}
	if common.Signature().Recv() != nil && len(common.Args) > 0 {
		return common.Args[0]
	}
	return nil
}

func isRows(t types.Type) bool {
	switch apimatch.TypeKey(t) {
	case sqlPkg + ".Rows", sqlxPkg + ".Rows", pgxPkg + ".Rows":
		return true
	}
	return false
}

func (c *checker) checkCall(call *ssa.Call) {
	common := call.Common()
	fn := apimatch.SSACallee(common)
	key := apimatch.Key(fn)
	args := callArgs(common)
	sig := common.Signature()

	switch {
	case key == "(*"+sqlPkg+".Stmt).Query" || key == "(*"+sqlPkg+".Stmt).QueryContext":
		// The query text is the one given to Prepare.
		ext, ok := recv(common).(*ssa.Extract)
		if !ok || ext.Index != 0 {
			return
		}
		prep, ok := ext.Tuple.(*ssa.Call)
		if !ok {
			return
		}
		q := stringParam(prep.Common())
		if q < 0 || len(args) == 0 {
			return
		}
		c.checkSQL(call, callArgs(prep.Common())[q], args[len(args)-1], c.rowsAccumulation(call))
		return
	case sig.Results().Len() == 2 && isRows(sig.Results().At(0).Type()) && stringParam(common) >= 0:
		// A query (or a DBTX wrapper of one); a function returning rows
		// without a query text is judged by its facts below.
		q := stringParam(common)
		if q < 0 || len(args) != sig.Params().Len() {
			return
		}
		var argsv ssa.Value // nil: arguments not positional (sqlx NamedQuery)
		if sig.Variadic() {
			argsv = args[len(args)-1]
		}
		c.checkSQL(call, args[q], argsv, c.rowsAccumulation(call))
		return
	}
	if idx, ok := selects[key]; ok && len(args) > idx[1] {
		dest := args[idx[0]]
		if !pointsToSlice(dest) {
			return
		}
		acc := &accum{what: "read into " + c.name(dest) + " by sqlx Select", pos: call.Pos()}
		c.checkSQL(call, args[idx[1]], args[len(args)-1], acc)
		return
	}
	switch key {
	case "(*" + gormPkg + ".DB).Find", "(*" + gormPkg + ".DB).Scan":
		c.checkGorm(call, fn.Name(), args[0], args)
	case "(*" + gormPkg + ".DB).Pluck":
		c.checkGorm(call, fn.Name(), args[1], args)
	case "(*" + gormPkg + ".DB).Limit":
		c.checkBound(call, args[0], "gorm Limit", func(n int64) string { return fmt.Sprintf("gorm Limit(%d)", n) }, false)
	case "(*" + optsPkg + ".FindOptions).SetLimit", "(*" + optsPkg + ".FindOptionsBuilder).SetLimit":
		c.checkBound(call, args[0], "SetLimit", func(n int64) string { return fmt.Sprintf("SetLimit(%d)", n) }, true)
	case "(*" + mongoPkg + ".Collection).Find":
		c.checkMongo(call, args)
	default:
		// A function that passes a parameter to a row bound, called
		// directly or through an interface one of its implementations
		// satisfies (a repository behind an interface).
		f := c.fact(fn)
		if f == nil && common.IsInvoke() {
			f = c.implFact(common.Value.Type(), fn)
		}
		if f == nil {
			return
		}
		for j, i := range f.Params {
			if i >= len(args) || j >= len(f.Names) {
				continue
			}
			name, callee := f.Names[j], shortName(fn)
			c.checkBound(call, args[i], fmt.Sprintf("%s's %s (a row bound)", callee, name),
				func(n int64) string { return fmt.Sprintf("%s %s = %d", callee, name, n) }, false)
		}
	}
}

// implFact returns the row-bound fact of a method named like m of a type
// that implements iface, from this package or a dependency, or nil.
func (c *checker) implFact(iface types.Type, m *types.Func) *limitFact {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok || m == nil {
		return nil
	}
	if c.methods == nil {
		c.methods = map[string][]*types.Func{}
		add := func(fn *types.Func, f *limitFact) {
			if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && f != nil && len(f.Params) > 0 {
				c.methods[fn.Name()] = append(c.methods[fn.Name()], fn)
			}
		}
		for _, of := range c.pass.AllObjectFacts() {
			if fn, ok := of.Object.(*types.Func); ok {
				f, _ := of.Fact.(*limitFact)
				add(fn, f)
			}
		}
		for fn, f := range c.sums {
			add(fn, f)
		}
		for _, fns := range c.methods {
			slices.SortFunc(fns, func(a, b *types.Func) int { return strings.Compare(a.FullName(), b.FullName()) })
		}
	}
	var best *limitFact
	for _, fn := range c.methods[m.Name()] {
		recv := fn.Type().(*types.Signature).Recv().Type()
		if !types.Implements(recv, it) {
			continue
		}
		if !types.Identical(fn.Type().(*types.Signature).Params(), m.Type().(*types.Signature).Params()) {
			continue
		}
		if f := c.fact(fn); f != nil && (best == nil || len(f.Params) > len(best.Params)) {
			best = f
		}
	}
	return best
}

// paramMark marks a parameter reached by unclamped while collecting.
const paramMark = "\x00param"

// paramIndex returns the index of p among its function's parameters
// (receiver excluded), or -1 for a receiver or a closure's parameter.
func paramIndex(p *ssa.Parameter) int {
	fn := p.Parent()
	if fn.Object() == nil {
		return -1
	}
	i := slices.Index(fn.Params, p)
	if fn.Signature.Recv() != nil {
		i--
	}
	return i
}

// shortName returns "pkg.Func" or "Type.Method".
func shortName(fn *types.Func) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// stringParam returns the index of the first string parameter, or -1.
func stringParam(common *ssa.CallCommon) int {
	params := common.Signature().Params()
	for i := range params.Len() {
		if b, ok := params.At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			return i
		}
	}
	return -1
}

func pointsToSlice(v ssa.Value) bool {
	v = unwrap(v)
	p, ok := v.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Slice)
	return ok
}

// unwrap strips interface conversions and numeric conversions.
func unwrap(v ssa.Value) ssa.Value {
	for range 8 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
	return v
}

// name returns a short name for the variable v points to or holds.
func (c *checker) name(v ssa.Value) string {
	v = unwrap(v)
	switch x := v.(type) {
	case *ssa.Alloc:
		if x.Comment != "" {
			return x.Comment
		}
	case *ssa.Phi:
		if x.Comment != "" {
			return x.Comment
		}
	case *ssa.FieldAddr:
		return fieldName(x.X.Type(), x.Field)
	case *ssa.Global:
		return x.Name()
	case *ssa.Parameter:
		return x.Name()
	case *ssa.FreeVar:
		return x.Name()
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return c.name(x.X)
		}
	}
	return "a slice"
}

func fieldName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return "a field"
}

// --- accumulation -----------------------------------------------------

// accum describes how the rows of a query are kept in memory.
type accum struct {
	what string // "appended to out"
	pos  token.Pos
}

// rowsAccumulation returns how the rows (or cursor) returned by call are
// accumulated, or nil if they are not (streamed, or handed off).
func (c *checker) rowsAccumulation(call *ssa.Call) *accum {
	var rows ssa.Value
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
			rows = e
		}
	}
	if rows == nil {
		return nil
	}
	return c.accumulationOf(rows)
}

// accumulationOf returns how the rows or cursor v are accumulated.
func (c *checker) accumulationOf(rows ssa.Value) *accum {
	for _, use := range uses(rows, 0) {
		common := use.Common()
		key := apimatch.Key(apimatch.SSACallee(common))
		switch key {
		case pgxPkg + ".CollectRows", pgxPkg + ".AppendRows":
			what := "collected by pgx.CollectRows"
			if strings.HasSuffix(key, "AppendRows") {
				what = "appended to " + c.name(common.Args[0]) + " by pgx.AppendRows"
			}
			return &accum{what: what, pos: use.Pos()}
		case "(*" + mongoPkg + ".Cursor).All":
			if args := callArgs(common); len(args) == 2 {
				return &accum{what: "decoded into " + c.name(args[1]) + " by cursor.All", pos: use.Pos()}
			}
		}
		fn := apimatch.SSACallee(common)
		if fn != nil && fn.Name() == "Next" && recv(common) != nil {
			if a := c.loopAccumulation(use); a != nil {
				return a
			}
		}
		// A scan helper whose fact says it accumulates this argument.
		if f := c.fact(fn); f != nil && len(f.Rows) > 0 {
			for i, a := range callArgs(common) {
				if !derivedFrom(a, rows) {
					continue
				}
				if j := slices.Index(f.Rows, i); j >= 0 && j < len(f.RowsWhat) {
					return &accum{what: f.RowsWhat[j] + " in " + shortName(fn), pos: use.Pos()}
				}
			}
		}
	}
	return nil
}

// derivedFrom reports whether a is v or an embedded field of it.
func derivedFrom(a, v ssa.Value) bool {
	for range 4 {
		if a == v {
			return true
		}
		switch x := a.(type) {
		case *ssa.UnOp:
			a = x.X
		case *ssa.FieldAddr:
			a = x.X
		case *ssa.Field:
			a = x.X
		case *ssa.MakeInterface:
			a = x.X
		default:
			return false
		}
	}
	return false
}

// uses returns the calls that use v as receiver or argument, looking
// through embedded-field selections (sqlx.Rows embeds *sql.Rows).
func uses(v ssa.Value, depth int) []*ssa.Call {
	if depth > 3 || v.Referrers() == nil {
		return nil
	}
	var out []*ssa.Call
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Call:
			out = append(out, r)
		case *ssa.FieldAddr:
			out = append(out, uses(r, depth+1)...)
		case *ssa.Field:
			out = append(out, uses(r, depth+1)...)
		case *ssa.UnOp:
			if r.Op == token.MUL {
				out = append(out, uses(r, depth+1)...)
			}
		}
	}
	return out
}

// loopAccumulation looks for rows kept across iterations of the loop
// controlled by next (a rows.Next() call).
func (c *checker) loopAccumulation(next *ssa.Call) *accum {
	for _, r := range *next.Referrers() {
		iff, ok := r.(*ssa.If)
		if !ok {
			continue
		}
		entry := iff.Block().Succs[0]
		if len(entry.Preds) != 1 {
			continue
		}
		inBody := func(b *ssa.BasicBlock) bool { return b != nil && entry.Dominates(b) }
		if countedLoop(iff.Block(), inBody) {
			continue
		}
		for _, b := range next.Parent().Blocks {
			if !inBody(b) {
				continue
			}
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Call:
					if bi, ok := x.Call.Value.(*ssa.Builtin); ok && bi.Name() == "append" {
						if name, ok := c.carried(x, inBody); ok {
							return &accum{what: "appended to " + name, pos: x.Pos()}
						}
					}
				case *ssa.MapUpdate:
					if def := definedIn(x.Map); def == nil || !inBody(def) {
						name := c.name(x.Map)
						if ix, ok := c.index[x.Pos()]; ok {
							name = types.ExprString(ix.X)
						}
						return &accum{what: "put in map " + name, pos: x.Pos()}
					}
				}
			}
		}
	}
	return nil
}

// countedLoop reports whether the loop with this header has, in its
// body, an integer comparison one of whose branches leaves the loop
// ("if len(out) == max { break }", "if n >= limit { return out }"): the
// loop reads a bounded number of rows.
func countedLoop(header *ssa.BasicBlock, inBody func(*ssa.BasicBlock) bool) bool {
	reach := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), header.Preds...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if reach[b] {
			continue
		}
		reach[b] = true
		work = append(work, b.Preds...)
	}
	for _, b := range header.Parent().Blocks {
		if !inBody(b) || len(b.Instrs) == 0 {
			continue
		}
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cond, ok := iff.Cond.(*ssa.BinOp)
		if !ok || !isInteger(cond.X.Type()) {
			continue
		}
		switch cond.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL:
		default:
			continue
		}
		for _, s := range b.Succs {
			if s != header && !reach[s] {
				return true
			}
		}
	}
	return false
}

// baseOf returns the variable an address points into (u for &u.Tags).
func baseOf(addr ssa.Value) ssa.Value {
	for range 8 {
		switch x := addr.(type) {
		case *ssa.FieldAddr:
			addr = x.X
		case *ssa.IndexAddr:
			if _, ok := x.X.Type().Underlying().(*types.Pointer); !ok {
				return addr // an element of a slice lives outside the variable
			}
			addr = x.X
		default:
			return addr
		}
	}
	return addr
}

func definedIn(v ssa.Value) *ssa.BasicBlock {
	if instr, ok := v.(ssa.Instruction); ok {
		return instr.Block()
	}
	return nil
}

// carried reports whether the result of append survives the loop
// iteration: it reaches a phi outside the body (the loop header) or is
// stored to memory that outlives the iteration, and is never reset in the
// body (batching: batch = batch[:0]).
func (c *checker) carried(app *ssa.Call, inBody func(*ssa.BasicBlock) bool) (string, bool) {
	seen := map[ssa.Value]bool{}
	work := []ssa.Value{app}
	name, found := "", false
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[v] || v.Referrers() == nil {
			continue
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Phi:
				if inBody(r.Block()) {
					for _, e := range r.Edges {
						if e == v {
							continue
						}
						switch e := e.(type) {
						case *ssa.Slice, *ssa.MakeSlice, *ssa.Const:
							return "", false // reset in the body: batching
						default:
							if d := definedIn(e); d != nil && inBody(d) && !seen[e] {
								if _, isApp := e.(*ssa.Call); !isApp {
									return "", false
								}
							}
						}
					}
					work = append(work, r)
				} else {
					for i, e := range r.Edges {
						if e == v || i >= len(r.Block().Preds) || !inBody(r.Block().Preds[i]) {
							continue
						}
						switch e.(type) {
						case *ssa.Slice, *ssa.MakeSlice, *ssa.Const:
							return "", false // reset in the body: batching
						}
					}
					name, found = r.Comment, true
					if name == "" {
						name = "a slice"
					}
				}
			case *ssa.Store:
				if r.Val != v {
					continue
				}
				if d := definedIn(baseOf(r.Addr)); d != nil && inBody(d) {
					if _, ok := baseOf(r.Addr).(*ssa.Alloc); ok {
						continue // a variable or struct of this iteration
					}
				}
				name, found = c.name(r.Addr), true
			}
		}
	}
	return name, found
}

// --- SQL text ---------------------------------------------------------

const holeMark = "memlintqlhole"

// texts returns the possible texts of the string value v (at most 8),
// with unknown parts replaced by holeMark<i> where holes[i] is the value.
func (c *checker) texts(v ssa.Value, holes *[]ssa.Value, depth int) []string {
	hole := func() []string {
		*holes = append(*holes, v)
		return []string{holeMark + strconv.Itoa(len(*holes)-1)}
	}
	if depth > 12 {
		return hole()
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			return []string{constant.StringVal(x.Value)}
		}
		if x.Value == nil {
			return []string{""}
		}
	case *ssa.BinOp:
		if x.Op == token.ADD {
			l := c.texts(x.X, holes, depth+1)
			r := c.texts(x.Y, holes, depth+1)
			var out []string
			for _, a := range l {
				for _, b := range r {
					if len(out) < 8 {
						out = append(out, a+b)
					}
				}
			}
			return out
		}
	case *ssa.Phi:
		var out []string
		seen := map[string]bool{}
		for _, e := range x.Edges {
			if e == x {
				continue
			}
			for _, s := range c.texts(e, holes, depth+1) {
				if !seen[s] && len(out) < 8 {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
		return out
	case *ssa.UnOp:
		// A package-level variable assigned once, from a constant.
		if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL {
			if vals := c.globalStores(g); len(vals) == 1 {
				if k, ok := vals[0].(*ssa.Const); ok {
					return c.texts(k, holes, depth+1)
				}
			}
		}
	case *ssa.Call:
		key := apimatch.Key(apimatch.SSACallee(x.Common()))
		args := callArgs(x.Common())
		switch key {
		case "fmt.Sprintf":
			if f, ok := args[0].(*ssa.Const); ok && f.Value != nil && f.Value.Kind() == constant.String {
				if elems, ok := variadic(args[1]); ok {
					if s, ok := sprintf(constant.StringVal(f.Value), elems, holes); ok {
						return []string{s}
					}
				}
			}
		case "strings.TrimSpace", "(*" + sqlxPkg + ".DB).Rebind", "(*" + sqlxPkg + ".Tx).Rebind", sqlxPkg + ".Rebind":
			return c.texts(args[len(args)-1], holes, depth+1)
		}
	}
	return hole()
}

// globalStores returns the values stored in a global of this package
// anywhere in the package (nil for another package's global).
func (c *checker) globalStores(g *ssa.Global) []ssa.Value {
	if g.Pkg == nil || g.Pkg.Pkg != c.pass.Pkg {
		return nil
	}
	if c.globals == nil {
		c.globals = map[*ssa.Global][]ssa.Value{}
		funcs := slices.Clone(c.pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA).SrcFuncs)
		if init := g.Pkg.Func("init"); init != nil {
			funcs = append(funcs, init) // the synthetic initializer of package variables
		}
		seen := map[*ssa.Function]bool{}
		for _, f := range funcs {
			if seen[f] {
				continue
			}
			seen[f] = true
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					if st, ok := instr.(*ssa.Store); ok {
						if gl, ok := st.Addr.(*ssa.Global); ok {
							c.globals[gl] = append(c.globals[gl], st.Val)
						}
					}
				}
			}
		}
	}
	return c.globals[g]
}

// sprintf expands a constant format, replacing each verb by a hole.
func sprintf(format string, args []ssa.Value, holes *[]ssa.Value) (string, bool) {
	var b strings.Builder
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			b.WriteByte('%')
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) || format[i] == '*' || format[i] == '[' || n >= len(args) {
			return "", false
		}
		*holes = append(*holes, unwrapIface(args[n]))
		b.WriteString(holeMark + strconv.Itoa(len(*holes)-1))
		n++
	}
	return b.String(), n == len(args)
}

func unwrapIface(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return mi.X
	}
	return v
}

// variadic returns the elements of a variadic argument built by the
// compiler (f(a, b)), or false when it is an existing slice (f(s...)).
func variadic(v ssa.Value) ([]ssa.Value, bool) {
	switch x := v.(type) {
	case nil:
		return nil, false
	case *ssa.Const:
		return nil, x.Value == nil // nil slice: no arguments
	case *ssa.Slice:
		alloc, ok := x.X.(*ssa.Alloc)
		if !ok {
			return nil, false
		}
		arr, ok := alloc.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array)
		if !ok {
			return nil, false
		}
		elems := make([]ssa.Value, arr.Len())
		for _, r := range *alloc.Referrers() {
			ia, ok := r.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			idx, ok := constInt(ia.Index)
			if !ok || idx < 0 || idx >= int64(len(elems)) {
				return nil, false
			}
			for _, rr := range *ia.Referrers() {
				if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
					elems[idx] = st.Val
				}
			}
		}
		for _, e := range elems {
			if e == nil {
				return nil, false
			}
		}
		return elems, true
	}
	return nil, false
}

func constInt(v ssa.Value) (int64, bool) {
	k, ok := unwrap(v).(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}

// safeHolePrev are keywords after which an unknown piece of text is a
// table, a column list or a value, never a LIMIT clause.
var safeHolePrev = map[string]bool{"FROM": true, "JOIN": true, "SELECT": true, "DISTINCT": true, "UPDATE": true, "INTO": true}

// safeHoleNext are top-level keywords that cannot follow a LIMIT clause.
var safeHoleNext = map[string]bool{
	"FROM": true, "WHERE": true, "GROUP": true, "ORDER": true, "HAVING": true, "JOIN": true, "LEFT": true,
	"RIGHT": true, "INNER": true, "OUTER": true, "CROSS": true, "FULL": true, "ON": true, "AND": true, "AS": true,
}

// query describes one possible text of a query.
type query struct {
	info  sqlscan.Info
	known bool // no hole could hide a LIMIT
}

func analyzeText(s string) query {
	info := sqlscan.Analyze(s)
	q := query{info: info, known: info.Verb != "" && !info.Unterminated}
	if info.Bound != nil || info.FewRows != "" {
		return q
	}
	toks := info.Tokens
	for i, t := range toks {
		if t.Kind != sqlscan.Word || t.Depth != 0 || !strings.HasPrefix(t.Text, holeMark) {
			continue
		}
		safe := i > 0 && (safeHolePrev[toks[i-1].Upper()] || toks[i-1].Kind == sqlscan.Punct)
		if i+1 < len(toks) && toks[i+1].Depth == 0 && (safeHoleNext[toks[i+1].Upper()] || toks[i+1].Kind == sqlscan.Comma) {
			safe = true
		}
		if !safe {
			q.known = false
		}
	}
	return q
}

// checkSQL checks a query call: its text is qv, its arguments the variadic
// argsv; acc says how its rows are accumulated (nil if they are not).
func (c *checker) checkSQL(call *ssa.Call, qv, argsv ssa.Value, acc *accum) {
	var holes []ssa.Value
	alts := c.texts(qv, &holes, 0)
	elems, elemsOK := variadic(argsv)
	bounded := 0
	var unbounded []sqlscan.Info
	// Rows read one by one or returned as a cursor: a bound limits the
	// database's work and the client's page, not this process's memory.
	stream := acc == nil && streamed(call)
	for _, s := range alts {
		q := analyzeText(s)
		if !q.known {
			return
		}
		info := q.info
		switch {
		case info.Verb != "SELECT" || info.FewRows != "":
			bounded++
		case info.Bound != nil:
			bounded++
			if !stream {
				c.checkSQLBound(call, info.Bound, holes, elems, elemsOK)
			}
		default:
			unbounded = append(unbounded, info)
		}
	}
	if len(unbounded) == 0 || acc == nil {
		return
	}
	small, belief := growth(unbounded)
	if !c.cfg.strict && (small || migration(call.Parent())) {
		return
	}
	c.report(call, acc, unboundedNote(bounded), belief)
}

// report reports rows accumulated with no bound (note); belief, if set,
// says why the pass believes the result grows.
func (c *checker) report(call *ssa.Call, acc *accum, note string, belief ...string) {
	rng := c.node(call)
	if rng == nil {
		return
	}
	msg := fmt.Sprintf("every row of this query is %s (%s); page it or stream rows", acc.what, note)
	if len(belief) > 0 && belief[0] != "" {
		msg += " " + belief[0]
	}
	d := analysis.Diagnostic{
		Pos:     rng.Pos(),
		End:     rng.End(),
		Message: msg,
	}
	if acc.pos.IsValid() && acc.pos != call.Pos() {
		d.Related = []analysis.RelatedInformation{{Pos: acc.pos, Message: "rows accumulated here"}}
	}
	c.emit(d)
}

// node returns the call expression of an SSA call.
func (c *checker) node(call *ssa.Call) analysis.Range {
	if n, ok := c.calls[call.Pos()]; ok {
		return n
	}
	return nil
}

// checkSQLBound checks the argument of a LIMIT/FETCH/TOP.
func (c *checker) checkSQLBound(call *ssa.Call, b *sqlscan.Bound, holes, elems []ssa.Value, elemsOK bool) {
	label := b.Keyword + " " + b.Arg.Text
	if v, ok := b.Value(); ok {
		if v > c.cfg.maxRows {
			c.reportf(call, "%s %s exceeds %d rows; read it in pages of at most %d", b.Keyword, b.Arg.Text, c.cfg.maxRows, c.cfg.maxRows)
		}
		return
	}
	var arg ssa.Value
	constLabel := func(n int64) string { return fmt.Sprintf("%s = %d", label, n) }
	switch t := b.Arg; {
	case t.Kind == sqlscan.Word && strings.HasPrefix(t.Text, holeMark):
		i, err := strconv.Atoi(strings.TrimPrefix(t.Text, holeMark))
		if err != nil || i >= len(holes) {
			return
		}
		arg = holeInt(holes[i])
		label = b.Keyword
		constLabel = func(n int64) string { return fmt.Sprintf("%s %d", b.Keyword, n) }
	case t.Kind == sqlscan.Param && elemsOK:
		n := 0
		switch {
		case t.Text == "?":
			n = t.Ordinal
		case strings.HasPrefix(t.Text, "$"):
			n, _ = strconv.Atoi(t.Text[1:])
		case strings.HasPrefix(strings.ToLower(t.Text), "@p"):
			n, _ = strconv.Atoi(t.Text[2:])
		}
		if n < 1 || n > len(elems) {
			return
		}
		arg = unwrapIface(elems[n-1])
	}
	if arg != nil {
		c.checkBound(call, arg, label, constLabel, false)
	}
}

// holeInt returns the integer behind a text hole (strconv.Itoa(n) -> n).
func holeInt(v ssa.Value) ssa.Value {
	if call, ok := v.(*ssa.Call); ok {
		switch apimatch.Key(apimatch.SSACallee(call.Common())) {
		case "strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint":
			return call.Common().Args[0]
		}
	}
	return v
}

func (c *checker) reportf(call *ssa.Call, format string, args ...any) {
	if rng := c.node(call); rng != nil {
		c.emit(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: fmt.Sprintf(format, args...)})
	}
}

// emit reports d once (a query with several possible texts is checked once
// per text) and never while collecting facts.
func (c *checker) emit(d analysis.Diagnostic) {
	if c.collecting {
		return
	}
	key := fmt.Sprint(d.Pos, d.Message)
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	passutil.Report(c.pass, d)
}

// --- bounds -------------------------------------------------------------

// checkBound checks the row count v given to a bound (label) by call:
// a constant above max-rows, or request input with no upper bound.
// zeroUnbounded is set where 0 means "no limit" (mongo SetLimit).
func (c *checker) checkBound(call *ssa.Call, v ssa.Value, label string, constLabel func(int64) string, zeroUnbounded bool) {
	if n, ok := constInt(v); ok {
		if n < 0 {
			n = -n
		}
		if n > c.cfg.maxRows {
			c.reportf(call, "%s exceeds %d rows; read it in pages of at most %d", constLabel(n), c.cfg.maxRows, c.cfg.maxRows)
		}
		return
	}
	if src := c.unclamped(v, call.Block(), call, false, 0); src != "" {
		if i, ok := strings.CutPrefix(src, paramMark); ok {
			n, _ := strconv.Atoi(i)
			fn := call.Parent()
			if c.sinks[fn] == nil {
				c.sinks[fn] = map[int]bool{}
			}
			c.sinks[fn][n] = true
			return
		}
		c.reportf(call, "limit from %s reaches %s with no upper bound; clamp it (min(n, %d))", src, label, c.cfg.maxRows)
		return
	}
	if zeroUnbounded {
		if src := c.unclamped(v, call.Block(), call, true, 0); src != "" {
			c.reportf(call, "limit from %s reaches %s unchecked for 0, which means no limit; default it when absent", src, label)
		}
	}
}

// guard is what dominating comparisons prove about a value.
type guard struct{ upper, nonzero bool }

// unclamped returns a description of the request input that reaches v at
// block b without an upper bound (or, with zero, without a check that it
// is not 0), or "" if there is none. at is the using instruction, if any.
func (c *checker) unclamped(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction, zero bool, depth int) string {
	if depth > 16 || v == nil {
		return ""
	}
	if c.proven(v, b, at, zero) {
		return ""
	}
	if s := c.requestRead(v); s != "" {
		return s
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return c.unclamped(x.X, b, at, zero, depth+1)
	case *ssa.ChangeType:
		return c.unclamped(x.X, b, at, zero, depth+1)
	case *ssa.Convert:
		return c.unclamped(x.X, b, at, zero, depth+1)
	case *ssa.BinOp:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.SHL:
			if s := c.unclamped(x.X, b, at, zero, depth+1); s != "" {
				return s
			}
			return c.unclamped(x.Y, b, at, zero, depth+1)
		}
	case *ssa.Phi:
		for i, e := range x.Edges {
			if i >= len(x.Block().Preds) || e == x {
				continue
			}
			pred := x.Block().Preds[i]
			if c.edgeProves(e, pred, x.Block(), zero) {
				continue
			}
			if s := c.unclamped(e, pred, nil, zero, depth+1); s != "" {
				return s
			}
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			common := call.Common()
			switch key := apimatch.Key(apimatch.SSACallee(common)); key {
			case "strconv.Atoi", "strconv.ParseInt", "strconv.ParseUint":
				return c.unclamped(common.Args[0], b, at, zero, depth+1)
			default:
				if isInput(apimatch.SSACallee(common)) {
					return c.describe(call)
				}
				if f := c.fact(apimatch.SSACallee(common)); f != nil && f.Result == resultRequest {
					return c.describe(call)
				}
			}
		}
	case *ssa.Parameter:
		if c.collecting {
			if i := paramIndex(x); i >= 0 {
				return paramMark + strconv.Itoa(i)
			}
		}
	case *ssa.Call:
		common := x.Common()
		if bi, ok := common.Value.(*ssa.Builtin); ok && bi.Name() == "min" {
			hasBound := false // a constant or a configured maximum
			for _, a := range common.Args {
				if _, ok := constInt(a); ok || !c.fromRequest(a, 0) {
					hasBound = true
				}
			}
			if hasBound && !zero {
				return ""
			}
			for _, a := range common.Args {
				if _, ok := constInt(a); ok {
					continue
				}
				if s := c.unclamped(a, b, at, zero, depth+1); s != "" {
					return s
				}
			}
			return ""
		}
		fn := apimatch.SSACallee(common)
		key := apimatch.Key(fn)
		if isInput(fn) {
			return c.describe(x)
		}
		if f := c.fact(fn); f != nil && f.Result == resultRequest {
			return c.describe(x)
		}
		if key == "strings.TrimSpace" {
			return c.unclamped(common.Args[0], b, at, zero, depth+1)
		}
	}
	return ""
}

func (c *checker) describe(call *ssa.Call) string {
	if n, ok := c.calls[call.Pos()]; ok {
		return types.ExprString(n)
	}
	if fn := apimatch.SSACallee(call.Common()); fn != nil {
		return fn.Name()
	}
	return "the request"
}

// bounded reports whether the integer v is bounded above on every path to
// b: a constant, min with a constant, a call of a function that bounds its
// result, or a value a dominating comparison bounds.
func (c *checker) bounded(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction, depth int) bool {
	if depth > 16 || v == nil {
		return false
	}
	if _, ok := constInt(v); ok {
		return true
	}
	if c.proven(v, b, at, false) {
		return true
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return c.bounded(x.X, b, at, depth+1)
	case *ssa.ChangeType:
		return c.bounded(x.X, b, at, depth+1)
	case *ssa.Convert:
		return c.bounded(x.X, b, at, depth+1)
	case *ssa.Phi:
		for i, e := range x.Edges {
			if i >= len(x.Block().Preds) || e == x {
				continue
			}
			pred := x.Block().Preds[i]
			if !c.edgeProves(e, pred, x.Block(), false) && !c.bounded(e, pred, nil, depth+1) {
				return false
			}
		}
		return true
	case *ssa.Call:
		common := x.Common()
		if bi, ok := common.Value.(*ssa.Builtin); ok && bi.Name() == "min" {
			for _, a := range common.Args {
				if c.bounded(a, b, at, depth+1) {
					return true
				}
			}
			return false
		}
		if f := c.fact(apimatch.SSACallee(common)); f != nil && f.Result == resultBounds {
			return true
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			if f := c.fact(apimatch.SSACallee(call.Common())); f != nil && f.Result == resultBounds {
				return true
			}
		}
	}
	return false
}

// same reports whether x and v are the same integer, up to conversions.
func same(x, v ssa.Value) bool {
	return unwrap(x) == unwrap(v)
}

// proven reports whether comparisons dominating b (or a validation call
// before at) prove v bounded: above, and when zero is set, also non-zero.
func (c *checker) proven(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction, zero bool) bool {
	var g guard
	for d := b; d != nil; d = d.Idom() {
		if len(d.Preds) == 1 {
			c.branchFacts(v, d.Preds[0], d, &g)
		}
		if g.upper && (!zero || g.nonzero) {
			return true
		}
	}
	if !zero && c.validated(v, b, at) {
		return true
	}
	return false
}

// edgeProves reports whether the branch from pred to succ proves e
// bounded (the false edge of "if n > 100 { n = 100 }").
func (c *checker) edgeProves(e ssa.Value, pred, succ *ssa.BasicBlock, zero bool) bool {
	var g guard
	c.branchFacts(e, pred, succ, &g)
	if g.upper && (!zero || g.nonzero) {
		return true
	}
	// The edge alone may prove one half and dominators the other.
	for d := pred; d != nil; d = d.Idom() {
		if len(d.Preds) == 1 {
			c.branchFacts(e, d.Preds[0], d, &g)
		}
		if g.upper && (!zero || g.nonzero) {
			return true
		}
	}
	return false
}

// branchFacts adds to g what the branch from p to s proves about v.
func (c *checker) branchFacts(v ssa.Value, p, s *ssa.BasicBlock, g *guard) {
	if len(p.Instrs) == 0 || len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
		return
	}
	iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok {
		return
	}
	cond, ok := iff.Cond.(*ssa.BinOp)
	if !ok {
		return
	}
	op := cond.Op
	var k int64
	var other ssa.Value
	switch {
	case same(cond.X, v):
		other = cond.Y
	case same(cond.Y, v):
		other = cond.X
		op = flip(op)
	default:
		return
	}
	// The bound is a constant, or a value that is not request input (a
	// configured maximum such as cfg.MaxPageSize): then it proves an
	// upper bound only.
	n, isConst := constInt(other)
	if isConst {
		k = n
	} else if !isInteger(other.Type()) || c.fromRequest(other, 0) {
		return
	}
	if s == p.Succs[1] {
		op = negate(op)
	} else if s != p.Succs[0] {
		return
	}
	switch op {
	case token.LSS, token.LEQ, token.EQL:
		g.upper = true
	}
	if !isConst {
		return
	}
	switch {
	case op == token.GTR && k >= 0, op == token.GEQ && k >= 1, op == token.NEQ && k == 0,
		op == token.EQL && k != 0, op == token.LSS && k <= 0, op == token.LEQ && k < 0:
		g.nonzero = true
	}
}

// fromRequest reports whether v may derive from request input, ignoring
// clamps (a bound compared against request input proves nothing).
func (c *checker) fromRequest(v ssa.Value, depth int) bool {
	if depth > 8 || v == nil {
		return false
	}
	if c.requestRead(v) != "" {
		return true
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return c.fromRequest(x.X, depth+1)
	case *ssa.ChangeType:
		return c.fromRequest(x.X, depth+1)
	case *ssa.Convert:
		return c.fromRequest(x.X, depth+1)
	case *ssa.BinOp:
		return c.fromRequest(x.X, depth+1) || c.fromRequest(x.Y, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if e != x && c.fromRequest(e, depth+1) {
				return true
			}
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return c.fromRequest(call, depth+1)
		}
	case *ssa.Call:
		fn := apimatch.SSACallee(x.Common())
		key := apimatch.Key(fn)
		if isInput(fn) {
			return true
		}
		if f := c.fact(fn); f != nil && f.Result == resultRequest {
			return true
		}
		switch key {
		case "strconv.Atoi", "strconv.ParseInt", "strconv.ParseUint", "strings.TrimSpace":
			return c.fromRequest(x.Common().Args[0], depth+1)
		}
	}
	return false
}

func flip(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

func negate(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GEQ
	case token.LEQ:
		return token.GTR
	case token.GTR:
		return token.LEQ
	case token.GEQ:
		return token.LSS
	case token.EQL:
		return token.NEQ
	case token.NEQ:
		return token.EQL
	}
	return op
}

// validated reports whether v was passed, before at, to a call outside
// the neutral packages (a validator such as validate.Var(n, "max=100")
// whose error ends the request): the pass then assumes it is bounded.
func (c *checker) validated(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction) bool {
	if !isInteger(v.Type()) {
		return false
	}
	for _, x := range []ssa.Value{v, unwrap(v)} {
		if x.Referrers() == nil {
			continue
		}
		for _, r := range *x.Referrers() {
			var cl *ssa.Call
			switch r := r.(type) {
			case *ssa.Call:
				cl = r
			case *ssa.MakeInterface:
				// validate.Var(n, "max=100") passes n as any.
				for _, rr := range *r.Referrers() {
					if call, ok := rr.(*ssa.Call); ok {
						cl = call
					}
				}
			}
			if cl == nil || cl == at || !dominatesInstr(cl, b, at) {
				continue
			}
			if _, ok := cl.Call.Value.(*ssa.Builtin); ok {
				continue
			}
			fn := apimatch.SSACallee(cl.Common())
			if fn == nil || fn.Pkg() == nil || neutral[apimatch.PkgPath(fn.Pkg())] || httpapi.IsPackage(apimatch.PkgPath(fn.Pkg())) {
				continue
			}
			if f := c.fact(fn); f != nil && f.Result == resultRequest {
				continue
			}
			if !resultChecked(cl, 0) {
				continue // a logger or a metric, not a validator
			}
			return true
		}
	}
	return false
}

// resultChecked reports whether a result of v decides a branch
// (if err := validate(n); err != nil { return }).
func resultChecked(v ssa.Value, depth int) bool {
	if depth > 3 || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.If:
			return true
		case *ssa.Extract:
			if resultChecked(r, depth+1) {
				return true
			}
		case *ssa.BinOp:
			if resultChecked(r, depth+1) {
				return true
			}
		case *ssa.UnOp:
			if r.Op == token.NOT && resultChecked(r, depth+1) {
				return true
			}
		}
	}
	return false
}

// dominatesInstr reports whether instr executes before at (in block b).
func dominatesInstr(instr ssa.Instruction, b *ssa.BasicBlock, at ssa.Instruction) bool {
	ib := instr.Block()
	if ib != b {
		return ib.Dominates(b)
	}
	if at == nil {
		return true
	}
	for _, x := range b.Instrs {
		if x == instr {
			return true
		}
		if x == at {
			return false
		}
	}
	return false
}

// --- gorm ---------------------------------------------------------------

// chain is one path of gorm builder calls ending at a Find or Scan.
type chain struct {
	limit   bool
	unknown bool            // rooted at a parameter, a scope or a helper
	raw     *ssa.CallCommon // db.Raw(sql, args...)
}

func (c *checker) chains(v ssa.Value, depth int, out *[]chain, cur chain) {
	if len(*out) >= 8 {
		return
	}
	if depth > 24 {
		cur.unknown = true
		*out = append(*out, cur)
		return
	}
	switch x := v.(type) {
	case *ssa.Call:
		fn := apimatch.SSACallee(x.Common())
		key := apimatch.Key(fn)
		if strings.HasPrefix(key, "(*"+gormPkg+".DB).") {
			switch fn.Name() {
			case "Limit":
				if n, ok := constInt(callArgs(x.Common())[0]); !ok || n >= 0 {
					cur.limit = true
				}
			case "Raw":
				cur.raw = x.Common()
			case "Where":
				// Where("id = ?", id), Where("id IN ?", ids): a key lookup.
				if cond, ok := constString(callArgs(x.Common())[0]); ok && keyLookup(cond) {
					cur.limit = true
				}
			case "Scopes", "Session", "FindInBatches":
				cur.unknown = true
			}
			if r := recv(x.Common()); r != nil {
				c.chains(r, depth+1, out, cur)
				return
			}
		}
		if key == gormPkg+".Open" {
			*out = append(*out, cur)
			return
		}
		cur.unknown = true // a helper returning *gorm.DB
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && apimatch.Key(apimatch.SSACallee(call.Common())) == gormPkg+".Open" {
			*out = append(*out, cur)
			return
		}
		cur.unknown = true
	case *ssa.Phi:
		for _, e := range x.Edges {
			if e != x {
				c.chains(e, depth+1, out, cur)
			}
		}
		return
	case *ssa.UnOp:
		// A field or global holding the base handle, or a captured variable.
		switch y := x.X.(type) {
		case *ssa.FieldAddr, *ssa.Global:
		case *ssa.FreeVar:
			if v := capturedValue(y); v != nil {
				c.chains(v, depth+1, out, cur)
				return
			}
			cur.unknown = true
		default:
			cur.unknown = true
		}
	case *ssa.Field:
	case *ssa.Parameter:
		// A handle passed in is taken for the base handle, except in a
		// scope (func(*gorm.DB) *gorm.DB), which pages or filters a
		// caller's query.
		if isScope(x.Parent().Signature) {
			cur.unknown = true
		}
	default:
		cur.unknown = true
	}
	*out = append(*out, cur)
}

// capturedValue returns the one value ever stored in the variable a
// closure captures (go/ssa captures variables by address), or nil when it
// is assigned more than once or in the closure.
func capturedValue(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	if fn.Parent() == nil || i < 0 {
		return nil
	}
	for _, r := range *fv.Referrers() {
		if _, ok := r.(*ssa.Store); ok {
			return nil
		}
	}
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn || i >= len(mc.Bindings) {
				continue
			}
			alloc, ok := mc.Bindings[i].(*ssa.Alloc)
			if !ok {
				return nil
			}
			var val ssa.Value
			for _, r := range *alloc.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
					if val != nil {
						return nil
					}
					val = st.Val
				}
			}
			return val
		}
	}
	return nil
}

// isScope reports whether sig is func(*gorm.DB) *gorm.DB.
func isScope(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		apimatch.TypeKey(sig.Params().At(0).Type()) == gormPkg+".DB" &&
		apimatch.TypeKey(sig.Results().At(0).Type()) == gormPkg+".DB"
}

func (c *checker) checkGorm(call *ssa.Call, method string, dest ssa.Value, args []ssa.Value) {
	if !pointsToSlice(dest) {
		return
	}
	if method == "Find" {
		conds, ok := variadic(args[1])
		if !ok {
			return
		}
		if len(conds) > 0 {
			if b, ok := unwrapIface(conds[0]).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
				return // inline primary keys: db.Find(&users, ids)
			}
			if cond, ok := constString(conds[0]); ok && keyLookup(cond) {
				return // db.Find(&users, "id IN ?", ids)
			}
		}
	}
	var alts []chain
	c.chains(recv(call.Common()), 0, &alts, chain{})
	acc := &accum{what: "read into " + c.name(dest) + " by gorm " + method, pos: call.Pos()}
	unbounded, bounded := 0, 0
	for _, ch := range alts {
		switch {
		case ch.unknown:
			return
		case ch.raw != nil:
			ra := callArgs(ch.raw)
			c.checkSQL(call, ra[0], ra[len(ra)-1], acc)
			return
		case ch.limit:
			bounded++
		default:
			unbounded++
		}
	}
	if unbounded == 0 {
		return
	}
	note := "no Limit"
	if bounded > 0 {
		note = "no Limit on some paths"
	}
	c.report(call, acc, note)
}

// constString returns the constant string v holds (through an interface).
func constString(v ssa.Value) (string, bool) {
	k, ok := unwrapIface(v).(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// keyLookup reports whether a gorm condition selects by id.
func keyLookup(cond string) bool {
	return sqlscan.Analyze("SELECT * FROM t WHERE "+cond).FewRows == "key lookup"
}

// --- mongo ------------------------------------------------------------

func (c *checker) checkMongo(call *ssa.Call, args []ssa.Value) {
	if len(args) != 3 {
		return
	}
	opts, ok := variadic(args[2])
	if !ok {
		return
	}
	all, some := false, false
	for _, o := range opts {
		switch c.mongoLimit(unwrapIface(o), call) {
		case limitAll:
			all = true
		case limitSome:
			some = true
		case limitUnknown:
			return
		}
	}
	if all {
		return
	}
	acc := c.rowsAccumulation(call)
	if acc == nil {
		return
	}
	note := "no SetLimit"
	if some {
		note = "no SetLimit on some paths"
	}
	rng := c.node(call)
	if rng == nil {
		return
	}
	d := analysis.Diagnostic{
		Pos: rng.Pos(), End: rng.End(),
		Message: fmt.Sprintf("every document of this Find is %s (%s); page it or stream documents", acc.what, note),
	}
	if acc.pos.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: acc.pos, Message: "documents accumulated here"}}
	}
	c.emit(d)
}

const (
	limitNone = iota
	limitSome
	limitAll
	limitUnknown
)

// mongoLimit reports whether the find options o carry a SetLimit that
// runs before find on every path.
func (c *checker) mongoLimit(o ssa.Value, find *ssa.Call) int {
	// Walk the builder chain down to options.Find().
	vals := []ssa.Value{o}
	for v := o; ; {
		call, ok := v.(*ssa.Call)
		if !ok {
			return limitUnknown
		}
		fn := apimatch.SSACallee(call.Common())
		key := apimatch.Key(fn)
		if key == optsPkg+".Find" {
			break
		}
		if !strings.HasPrefix(key, "(*"+optsPkg+".FindOptions") {
			return limitUnknown
		}
		v = recv(call.Common())
		vals = append(vals, v)
	}
	result := limitNone
	for _, v := range vals {
		for _, r := range *v.Referrers() {
			call, ok := r.(*ssa.Call)
			if !ok || recv(call.Common()) != v {
				continue
			}
			fn := apimatch.SSACallee(call.Common())
			if fn == nil || fn.Name() != "SetLimit" {
				continue
			}
			if n, ok := constInt(callArgs(call.Common())[0]); ok && n == 0 {
				continue // 0 means no limit
			}
			if dominatesInstr(call, find.Block(), find) {
				return limitAll
			}
			result = limitSome
		}
	}
	return result
}
