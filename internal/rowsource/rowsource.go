// Package rowsource defines a helper Analyzer that tells which values hold
// the rows of a database query.
//
// A value holds rows when the rows of a query were read into it, or into a
// field of it, in the function that declares it:
//
//   - a library call read every row into it as its destination: gorm's
//     (gorm.io/gorm and github.com/jinzhu/gorm) Find, Scan and Pluck, xorm's
//     Find and FindAndCount, sqlx's Select and SelectContext, scany's
//     Select and ScanAll, the mongo driver's cursor.All, when the
//     destination is a slice or a map (Find(&order) reads one row);
//   - a library call returned them: pgx.CollectRows and AppendRows, and the
//     All, AllX, IDs and IDsX methods of ent's generated query types;
//   - it is appended to, or one of its elements is set, in a loop over a
//     cursor (for rows.Next() on database/sql's, sqlx's, pgx's and xorm's
//     Rows, or a mongo Cursor), or in a range loop over a value that holds
//     rows (rows converted to replies one by one);
//   - it was assigned a value that holds rows, or a composite literal
//     holding one (gin.H{"orders": orders}), or is a field or a slice of
//     such a value;
//   - a function of this or another package returned it as a result, or
//     filled it as a parameter or a receiver, with rows (the Fact).
//
// A Fact records, for each function, its results that hold rows on some
// path ("rowsResult(0)"), the parameters it fills with rows (pointers,
// maps, and parameters of interface type handed to a library's
// destination: "fillsRows(1)"), and whether it fills its receiver
// ("fillsReceiver"). Facts are computed to a fixed point within a package
// and exported for its importers.
//
// A call of an interface method is judged by the implementations that
// have a fact, among this package's methods and those its dependencies
// export facts for (a data provider with SQL and in-memory
// implementations holds rows). Calls through func values carry no fact,
// and package-level variables never hold rows here: a cache filled by a
// background job is not seen.
package rowsource

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// Analyzer computes the Facts of a package's functions and returns a
// *Result that answers whether an expression holds rows.
var Analyzer = &analysis.Analyzer{
	Name:       "rowsource",
	Doc:        "helper: which values, results and parameters hold the rows of a database query",
	URL:        "https://pkg.go.dev/github.com/memlint/memlint/internal/rowsource",
	Run:        run,
	FactTypes:  []analysis.Fact{new(Fact)},
	ResultType: reflect.TypeFor[*Result](),
}

// Fact summarises a function: which of its results hold rows of a query
// on some path, which parameters and whether its receiver it fills with
// them. Parameter indices follow memlint's one convention
// (passutil.Params).
type Fact struct {
	Results  passutil.Params
	Fills    passutil.Params
	Receiver bool
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String prints the fact as memlint's facts print:
// "rowsResult(0) fillsRows(1) fillsReceiver".
func (f *Fact) String() string {
	var recv string
	if f.Receiver {
		recv = "fillsReceiver"
	}
	return passutil.JoinFacts(f.Results.Format("rowsResult"), f.Fills.Format("fillsRows"), recv)
}

func (f *Fact) empty() bool {
	return f == nil || len(f.Results) == 0 && len(f.Fills) == 0 && !f.Receiver
}

func (f *Fact) equal(g *Fact) bool {
	if f.empty() || g.empty() {
		return f.empty() == g.empty()
	}
	return slices.Equal(f.Results, g.Results) && slices.Equal(f.Fills, g.Fills) && f.Receiver == g.Receiver
}

// Canonical package paths (apimatch.Path) of the libraries read here.
const (
	sqlPkg   = "database/sql"
	sqlxPkg  = "github.com/jmoiron/sqlx"
	pgxPkg   = "github.com/jackc/pgx"
	gormPkg  = "gorm.io/gorm"
	gorm1Pkg = "github.com/jinzhu/gorm"
	mongoPkg = "go.mongodb.org/mongo-driver/mongo"
	xormPkg  = "xorm.io/xorm" // and its old path and casdoor's fork (apimatch.Path)
	scanyPkg = "github.com/georgysavva/scany"
)

// dests are the library calls that read every row of a query into a
// destination: the index of the destination parameter, receiver
// excluded.
var dests = map[string]int{
	"(*" + gormPkg + ".DB).Find":              0,
	"(*" + gormPkg + ".DB).Scan":              0,
	"(*" + gormPkg + ".DB).Pluck":             1,
	"(*" + gorm1Pkg + ".DB).Find":             0,
	"(*" + gorm1Pkg + ".DB).Scan":             0,
	"(*" + gorm1Pkg + ".DB).Pluck":            1,
	"(*" + xormPkg + ".Session).Find":         0,
	"(*" + xormPkg + ".Engine).Find":          0,
	"(*" + xormPkg + ".Session).FindAndCount": 0,
	"(*" + xormPkg + ".Engine).FindAndCount":  0,
	"(*" + sqlxPkg + ".DB).Select":            0,
	"(*" + sqlxPkg + ".Tx).Select":            0,
	"(*" + sqlxPkg + ".DB).SelectContext":     1,
	"(*" + sqlxPkg + ".Tx).SelectContext":     1,
	"(*" + sqlxPkg + ".Conn).SelectContext":   1,
	sqlxPkg + ".Select":                       1,
	sqlxPkg + ".SelectContext":                2,
	scanyPkg + "/pgxscan.Select":              2,
	scanyPkg + "/pgxscan.ScanAll":             0,
	scanyPkg + "/sqlscan.Select":              2,
	scanyPkg + "/sqlscan.ScanAll":             0,
	"(*" + mongoPkg + ".Cursor).All":          1,
}

// sources are the library calls whose first result is every row of a
// query.
var sources = map[string]bool{
	pgxPkg + ".CollectRows": true,
	pgxPkg + ".AppendRows":  true,
}

// cursors are the Next methods of row cursors: a loop on one reads a row
// per iteration. sqlx.Rows embeds *sql.Rows, so its Next is sql's.
var cursors = map[string]bool{
	"(*" + sqlPkg + ".Rows).Next":     true,
	"(" + pgxPkg + ".Rows).Next":      true,
	"(*" + mongoPkg + ".Cursor).Next": true,
	"(*" + xormPkg + ".Rows).Next":    true,
}

// EntPkgs are ent's runtime packages (entgo.io/ent), whose import marks a
// package of ent's generated code (an ItemQuery type per schema type).
var EntPkgs = []string{"entgo.io/ent", "entgo.io/ent/dialect/sql"}

// EntReads are the methods of an ent query type that return every row
// the query selects.
var EntReads = map[string]bool{"All": true, "AllX": true, "IDs": true, "IDsX": true}

// libraries are the packages whose import makes a package worth reading
// (the fast path), with ent's runtime.
var libraries = append([]string{sqlPkg, sqlxPkg, pgxPkg, gormPkg, gorm1Pkg, mongoPkg, xormPkg, scanyPkg + "/..."}, EntPkgs...)

// Result answers for one package whether its expressions hold rows.
type Result struct {
	pass  *analysis.Pass
	decls map[*ast.File][]*ast.FuncDecl
	local map[*types.Func]*Fact
	state map[*types.Var]uint8
	// indexes are the declarations' indexes (index).
	indexes map[*ast.FuncDecl]*declIndex
	// methods are this package's methods and the imported ones with a
	// fact, by name, and impls the implementations of interface methods
	// among them (implementations): built on first use, once.
	methods map[string][]*types.Func
	impls   map[*types.Func][]*types.Func
	// imported caches the imported facts (nil: none).
	imported map[*types.Func]*Fact
}

const (
	unknown uint8 = iota
	busy
	holds
	empty
)

func run(pass *analysis.Pass) (any, error) {
	r := &Result{
		pass:  pass,
		decls: make(map[*ast.File][]*ast.FuncDecl),
		local: make(map[*types.Func]*Fact),
		state: make(map[*types.Var]uint8),

		indexes:  make(map[*ast.FuncDecl]*declIndex),
		impls:    make(map[*types.Func][]*types.Func),
		imported: make(map[*types.Func]*Fact),
	}
	if !apimatch.Imports(pass.Pkg, libraries...) && len(pass.AllObjectFacts()) == 0 && !ImportsEnt(pass.Pkg) {
		return r, nil
	}
	if apimatch.Matches(apimatch.PkgPath(pass.Pkg), libraries...) {
		// The libraries themselves: their reads are the tables above.
		return r, nil
	}
	var funcs []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				r.decls[f] = append(r.decls[f], fd)
				funcs = append(funcs, fd)
			}
		}
	}
	passutil.FixedPoint(func() bool {
		clear(r.state)
		changed := false
		for _, fd := range funcs {
			obj, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if obj == nil {
				continue
			}
			f := r.summarize(fd, obj)
			if !f.equal(r.local[obj]) {
				r.local[obj] = f
				changed = true
			}
		}
		return changed
	})
	clear(r.state)
	for obj, f := range r.local {
		if !f.empty() {
			pass.ExportObjectFact(obj, f)
		}
	}
	return r, nil
}

// ImportsEnt reports whether pkg imports a package of ent's generated
// code (which imports ent itself).
func ImportsEnt(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if apimatch.Imports(imp, EntPkgs...) {
			return true
		}
	}
	return false
}

// summarize computes the fact of the function fd declares.
func (r *Result) summarize(fd *ast.FuncDecl, obj *types.Func) *Fact {
	f := &Fact{}
	sig := obj.Type().(*types.Signature)
	n := sig.Results().Len()
	for i := range n {
		if v := sig.Results().At(i); v.Name() != "" && r.varHolds(v) {
			f.Results = f.Results.Add(i)
		}
	}

	ast.Inspect(fd.Body, func(node ast.Node) bool {
		switch x := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(x.Results) == n:
				for i, e := range x.Results {
					if r.Holds(e) {
						f.Results = f.Results.Add(i)
					}
				}
			case len(x.Results) == 1 && n > 1:
				if call, ok := ast.Unparen(x.Results[0]).(*ast.CallExpr); ok {
					for i := range n {
						if r.callHolds(call, i) {
							f.Results = f.Results.Add(i)
						}
					}
				}
			}
		}
		return true
	})
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		if fillable(v.Type()) && r.varHolds(v) {
			f.Fills = f.Fills.Add(i)
		}
	}
	if recv := sig.Recv(); recv != nil && recv.Name() != "" {
		if _, ok := types.Unalias(recv.Type()).(*types.Pointer); ok && r.varHolds(recv) {
			f.Receiver = true
		}
	}
	// An error, a count or a flag holds no rows, whatever it was
	// computed from.
	f.Results = slices.DeleteFunc(f.Results, func(i int) bool { return !canHold(sig.Results().At(i).Type()) })
	return f
}

// canHold reports whether a value of type t can hold rows: not a number,
// string or bool, nor an interface with methods (an error).
func canHold(t types.Type) bool {
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Basic:
		return false
	case *types.Interface:
		return u.NumMethods() == 0
	}
	return true
}

// fillable reports whether a function can fill a parameter of type t for
// its caller: a pointer, a map, or an interface a library fills through.
func fillable(t types.Type) bool {
	switch types.Unalias(t).Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Interface:
		return true
	}
	return false
}

// collection reports whether e is a destination that takes many rows: a
// slice or a map, or a pointer to one, or (for a helper's parameter) an
// interface a library reads into.
func (r *Result) collection(e ast.Expr) bool {
	t := r.pass.TypesInfo.TypeOf(e)
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch types.Unalias(t).Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	case *types.Interface:
		v := r.root(e)
		return v != nil && r.isParam(v)
	}
	return false
}

// isParam reports whether v is a parameter of the function declaring it
// or of a function literal in it.
func (r *Result) isParam(v *types.Var) bool {
	fd := r.declOf(v)
	if fd == nil {
		return false
	}
	found := false
	ast.Inspect(fd, func(n ast.Node) bool {
		var ft *ast.FuncType
		switch x := n.(type) {
		case *ast.FuncDecl:
			ft = x.Type
		case *ast.FuncLit:
			ft = x.Type
		default:
			return !found
		}
		for _, field := range ft.Params.List {
			for _, name := range field.Names {
				if r.pass.TypesInfo.Defs[name] == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// Holds reports whether the expression e, of the package being analysed,
// holds rows of a query (see the package doc).
func (r *Result) Holds(e ast.Expr) bool {
	if r == nil {
		return false
	}
	info := r.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		if v == nil {
			v, _ = info.Defs[x].(*types.Var)
		}
		return v != nil && r.varHolds(v)
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			return r.Holds(x.X)
		}
	case *ast.StarExpr:
		return r.Holds(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return r.Holds(x.X)
		}
	case *ast.SliceExpr:
		return r.Holds(x.X)
	case *ast.IndexExpr:
		// A map of groups of rows (byUser[id]) holds rows; one element
		// of a slice of rows is one row.
		if t := info.TypeOf(x.X); t != nil {
			if _, ok := t.Underlying().(*types.Map); ok {
				return r.Holds(x.X)
			}
		}
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if r.Holds(elt) {
				return true
			}
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return r.Holds(x.Args[0]) // a conversion
		}
		return r.callHolds(x, 0)
	}
	return false
}

// callHolds reports whether result i of call holds rows.
func (r *Result) callHolds(call *ast.CallExpr, i int) bool {
	fn := apimatch.Callee(r.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	if i == 0 && (sources[apimatch.Key(fn)] || EntReads[fn.Name()] && EntQuery(fn) != "") {
		return true
	}
	if f := r.fact(fn); f != nil && f.Results.Has(i) {
		return true
	}
	// A method of an interface: some implementation with a fact returns
	// rows (a data provider with SQL and in-memory implementations).
	for _, impl := range r.implementations(fn) {
		if f := r.fact(impl); f != nil && f.Results.Has(i) {
			return true
		}
	}
	return false
}

// implementations returns the methods, of this package or with an
// imported fact, that implement the interface method m: same name,
// identical signature, and a receiver implementing m's interface.
func (r *Result) implementations(m *types.Func) []*types.Func {
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	it, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	if impls, ok := r.impls[m]; ok {
		return impls
	}
	if r.methods == nil {
		r.methods = map[string][]*types.Func{}
		add := func(fn *types.Func) {
			if s, ok := fn.Type().(*types.Signature); ok && s.Recv() != nil {
				r.methods[fn.Name()] = append(r.methods[fn.Name()], fn)
			}
		}
		for _, of := range r.pass.AllObjectFacts() {
			if fn, ok := of.Object.(*types.Func); ok {
				add(fn)
			}
		}
		for _, fds := range r.decls {
			for _, fd := range fds {
				if fn, ok := r.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					add(fn)
				}
			}
		}
		for _, fns := range r.methods {
			slices.SortFunc(fns, func(a, b *types.Func) int { return strings.Compare(a.FullName(), b.FullName()) })
		}
	}
	var impls []*types.Func
	for _, fn := range r.methods[m.Name()] {
		s := fn.Type().(*types.Signature)
		if types.Implements(s.Recv().Type(), it) && types.Identical(s.Params(), sig.Params()) && types.Identical(s.Results(), sig.Results()) {
			impls = append(impls, fn)
		}
	}
	r.impls[m] = impls
	return impls
}

// EntQuery returns the name of the generated ent query type that fn is a
// method of (ItemQuery, in a package importing ent), or "".
func EntQuery(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !strings.HasSuffix(n.Obj().Name(), "Query") || !apimatch.Imports(fn.Pkg(), EntPkgs...) {
		return ""
	}
	return n.Obj().Name()
}

// fact returns the fact of fn, of this package or imported.
func (r *Result) fact(fn *types.Func) *Fact {
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		return r.local[fn]
	}
	f, ok := r.imported[fn]
	if !ok {
		f = new(Fact)
		if !r.pass.ImportObjectFact(fn, f) {
			f = nil
		}
		r.imported[fn] = f
	}
	return f
}

// root returns the variable an expression is a part of (v in v, &v, *v,
// v.F.G, v[i], v[i:j]), or nil.
func (r *Result) root(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := r.pass.TypesInfo.Uses[x].(*types.Var)
			if v == nil {
				v, _ = r.pass.TypesInfo.Defs[x].(*types.Var)
			}
			return v
		case *ast.SelectorExpr:
			if sel := r.pass.TypesInfo.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// declOf returns the function declaration whose body declares v, or nil
// (a package-level variable, or one of another package).
func (r *Result) declOf(v *types.Var) *ast.FuncDecl {
	if v.Pkg() != r.pass.Pkg || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	file := passutil.FileOf(r.pass.Files, v.Pos())
	for _, fd := range r.decls[file] {
		if fd.Pos() <= v.Pos() && v.Pos() < fd.End() {
			return fd
		}
	}
	return nil
}

// varHolds reports whether rows of a query are read into v (or into a
// field or element of it) in the function declaring it.
func (r *Result) varHolds(v *types.Var) bool {
	if !canHold(v.Type()) {
		return false
	}
	switch r.state[v] {
	case holds:
		return true
	case busy, empty:
		return false
	}
	r.state[v] = busy
	ok := r.scan(v)
	r.state[v] = empty
	if ok {
		r.state[v] = holds
	}
	return ok
}

// A declIndex lists, for one function declaration, its loops over rows
// or over values, and for each variable the statements and calls that may
// read rows into it: built once, in one walk, and evaluated as facts
// change.
type declIndex struct {
	loops  []ast.Node // for rows.Next() loops and range loops
	events map[*types.Var][]event
}

// An event may read rows into a variable: an assignment to it (or to a
// part of it) of rhs, or of result i of the multi-value call, or a call
// given it (or a part of it).
type event struct {
	lhs, rhs ast.Expr
	multi    *ast.CallExpr // v, err := f(): result i
	i        int
	call     *ast.CallExpr // a call that may fill v
}

// index returns the index of fd, built on first use.
func (r *Result) index(fd *ast.FuncDecl) *declIndex {
	if x, ok := r.indexes[fd]; ok {
		return x
	}
	info := r.pass.TypesInfo
	x := &declIndex{events: map[*types.Var][]event{}}
	add := func(v *types.Var, e event) {
		if v != nil {
			x.events[v] = append(x.events[v], e)
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			if call, ok := ast.Unparen(n.Cond).(*ast.CallExpr); ok && cursors[apimatch.CalleeKey(info, call)] {
				x.loops = append(x.loops, n)
			}
		case *ast.RangeStmt:
			x.loops = append(x.loops, n)
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				v := r.root(lhs)
				switch {
				case len(n.Rhs) == 1 && len(n.Lhs) > 1:
					if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
						add(v, event{multi: call, i: i})
					}
				case i < len(n.Rhs):
					add(v, event{lhs: lhs, rhs: n.Rhs[i]})
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, _ := info.Defs[name].(*types.Var)
				switch {
				case len(n.Values) == 1 && len(n.Names) > 1:
					if call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr); ok {
						add(v, event{multi: call, i: i})
					}
				case i < len(n.Values):
					add(v, event{rhs: n.Values[i]})
				}
			}
		case *ast.CallExpr:
			var seen []*types.Var // a call is an event once per variable
			operands := n.Args
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				operands = append([]ast.Expr{sel.X}, operands...)
			}
			for _, a := range operands {
				if v := r.root(a); v != nil && !slices.Contains(seen, v) {
					seen = append(seen, v)
					add(v, event{call: n})
				}
			}
		}
		return true
	})
	r.indexes[fd] = x
	return x
}

func (r *Result) scan(v *types.Var) bool {
	fd := r.declOf(v)
	if fd == nil {
		return false
	}
	x := r.index(fd)
	inRowsLoop := func(pos token.Pos) bool {
		for _, l := range x.loops {
			if pos < l.Pos() || pos >= l.End() {
				continue
			}
			switch l := l.(type) {
			case *ast.ForStmt:
				return true
			case *ast.RangeStmt:
				if pos > l.X.End() && r.Holds(l.X) {
					return true
				}
			}
		}
		return false
	}
	for _, e := range x.events[v] {
		switch {
		case e.multi != nil:
			if r.callHolds(e.multi, e.i) {
				return true
			}
		case e.call != nil:
			if r.fillsArg(e.call, v) {
				return true
			}
		case e.lhs != nil:
			if r.assigned(e.lhs, e.rhs, inRowsLoop) {
				return true
			}
		default:
			if r.Holds(e.rhs) {
				return true
			}
		}
	}
	return false
}

// assigned reports whether assigning rhs to lhs (rooted at the variable
// judged) reads rows into it: an append, or an element set, in a loop over
// rows, or a value that holds rows.
func (r *Result) assigned(lhs, rhs ast.Expr, inRowsLoop func(token.Pos) bool) bool {
	if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := r.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				if inRowsLoop(call.Pos()) {
					return true
				}
				for _, a := range call.Args[1:] {
					if call.Ellipsis.IsValid() && r.Holds(a) {
						return true
					}
				}
				return false
			}
		}
	}
	if _, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && inRowsLoop(lhs.Pos()) {
		return true
	}
	return r.Holds(rhs)
}

// fillsArg reports whether call reads rows into v: v (or a field of it)
// is the destination of a library read, a parameter the callee fills, or
// the receiver of a method that fills its receiver.
func (r *Result) fillsArg(call *ast.CallExpr, v *types.Var) bool {
	fn := apimatch.Callee(r.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	if i, ok := dests[apimatch.Key(fn)]; ok {
		return i < len(call.Args) && r.root(call.Args[i]) == v && r.collection(call.Args[i])
	}
	if r.factFills(fn, fn, call, v) {
		return true
	}
	// A method of an interface (a pass-through database wrapper's Find):
	// some implementation with a fact fills it.
	for _, impl := range r.implementations(fn) {
		if r.factFills(impl, fn, call, v) {
			return true
		}
	}
	return false
}

// factFills reports whether fn's fact says call (of callee, fn itself or
// the interface method fn implements) fills v.
func (r *Result) factFills(fn, callee *types.Func, call *ast.CallExpr, v *types.Var) bool {
	f := r.fact(fn)
	if f == nil {
		return false
	}
	sig, _ := callee.Type().(*types.Signature)
	for _, i := range f.Fills {
		if i >= len(call.Args) || r.root(call.Args[i]) != v {
			continue
		}
		// A parameter of interface type is a library's destination
		// passed through (List(&orders, where)): one struct is one row.
		// A typed one is filled as its type says (dumpUsers(&backup)
		// sets backup.Users).
		if sig != nil && i < sig.Params().Len() && types.IsInterface(sig.Params().At(i).Type()) && !r.collection(call.Args[i]) {
			continue
		}
		return true
	}
	if f.Receiver {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && r.root(sel.X) == v {
			return true
		}
	}
	return false
}
