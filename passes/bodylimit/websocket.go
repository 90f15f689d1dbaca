package bodylimit

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// The websocket rule. gorilla/websocket's Conn has no read limit unless
// SetReadLimit gives it one, and ReadMessage (ReadJSON likewise) holds a
// whole message in memory, however many frames it spans: a client of a
// server-side connection decides how much memory one message takes. The
// rule reports such reads of a connection that an Upgrade in the module
// made, when nothing in the package or the module's packages it imports
// sets a read limit on any connection (precision first: a limit set on
// some connection is taken to be set on all).

// wsPkg is gorilla/websocket's import path.
const wsPkg = "github.com/gorilla/websocket"

// upgradedFact marks a struct field of type *websocket.Conn that the
// package assigns only connections an Upgrade made (wings' Handler.
// Connection), or a function whose first result is such a connection:
// a read of it in an importer reads a client's messages.
type upgradedFact struct{}

func (*upgradedFact) AFact()         {}
func (*upgradedFact) String() string { return "upgraded" }

// wsLimitFact marks a package that, or a module package it imports,
// calls SetReadLimit on a websocket connection.
type wsLimitFact struct{}

func (*wsLimitFact) AFact()         {}
func (*wsLimitFact) String() string { return "wsReadLimit" }

// wsReads are the reading methods of *websocket.Conn that hold a whole
// message, by apimatch key.
var wsReads = map[string]bool{
	"(*github.com/gorilla/websocket.Conn).ReadMessage": true,
	"(*github.com/gorilla/websocket.Conn).ReadJSON":    true,
	"github.com/gorilla/websocket.ReadJSON":            true,
}

// wsUpgrades are the calls whose first result is a server-side
// connection.
var wsUpgrades = map[string]bool{
	"(*github.com/gorilla/websocket.Upgrader).Upgrade": true,
	"github.com/gorilla/websocket.Upgrade":             true,
}

// wsChecker is one run of the websocket rule.
type wsChecker struct {
	pass *analysis.Pass
	mod  string
	// defs holds, for each variable the package assigns (locals and
	// struct fields), the expressions assigned to it; a nil entry stands
	// for a value the rule cannot see (a parameter, a range variable, a
	// second result).
	defs    map[*types.Var][]ast.Expr
	judging map[*types.Var]bool
	// results holds the first result expressions of the package's
	// functions.
	results map[*types.Func][]ast.Expr
}

// websockets runs the websocket rule on the package.
func (c *checker) websockets() {
	pass := c.pass
	w := &wsChecker{
		pass:    pass,
		mod:     passutil.ModulePath(pass),
		defs:    map[*types.Var][]ast.Expr{},
		judging: map[*types.Var]bool{},
		results: map[*types.Func][]ast.Expr{},
	}
	limits := false
	for _, pf := range pass.AllPackageFacts() {
		if _, ok := pf.Fact.(*wsLimitFact); ok && pf.Package != pass.Pkg && passutil.InModule(pf.Package.Path(), w.mod) {
			limits = true
		}
	}
	own := false // the package sets a limit itself
	var reads []*ast.CallExpr
	for _, file := range pass.Files {
		test := passutil.IsTestFile(pass.Fset, file)
		if !test {
			// What tests assign (a fake &websocket.Conn{} in a
			// session's field: Focalboard's) does not run in the
			// server, and reads in tests are not judged.
			w.collectDefs(file)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			switch key := apimatch.CalleeKey(pass.TypesInfo, call); {
			case key == "(*github.com/gorilla/websocket.Conn).SetReadLimit":
				own = true
			case wsReads[key] && !test:
				reads = append(reads, call)
			}
			return true
		})
	}
	if own {
		pass.ExportPackageFact(new(wsLimitFact))
	}
	w.exportFacts()
	if own || limits {
		return
	}
	for _, call := range reads {
		conn := wsConn(pass.TypesInfo, call)
		if conn == nil || !w.upgraded(conn, 0) {
			continue
		}
		name := apimatch.CalleeKey(pass.TypesInfo, call)
		api := "websocket.Conn.ReadMessage"
		switch name {
		case "(*github.com/gorilla/websocket.Conn).ReadJSON":
			api = "websocket.Conn.ReadJSON"
		case "github.com/gorilla/websocket.ReadJSON":
			api = "websocket.ReadJSON"
		}
		passutil.Report(pass, analysis.Diagnostic{
			Pos: call.Pos(),
			End: call.End(),
			Message: fmt.Sprintf("%s holds a whole websocket message in memory, and nothing in this package or the module's packages it imports calls SetReadLimit "+
				"(gorilla/websocket has no default limit): a client of this upgraded connection decides how much memory one message takes; "+
				"call SetReadLimit on the connection after Upgrade (for example %s)", api, passutil.FormatBytes(c.cfg.maxBytes)),
		})
	}
}

// wsConn returns the connection a read call reads from.
func wsConn(info *types.Info, call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil {
		return sel.X
	}
	if len(call.Args) > 0 {
		return call.Args[0] // websocket.ReadJSON(c, v)
	}
	return nil
}

// collectDefs records what file assigns to variables and struct fields,
// and what its functions return first.
func (w *wsChecker) collectDefs(file *ast.File) {
	info := w.pass.TypesInfo
	add := func(lhs ast.Expr, rhs ast.Expr) {
		var v *types.Var
		switch x := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			v, _ = info.ObjectOf(x).(*types.Var)
		case *ast.SelectorExpr:
			if sel := info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
				v, _ = sel.Obj().(*types.Var)
			}
		}
		if v != nil && isWSConn(v.Type()) {
			w.defs[v] = append(w.defs[v], rhs)
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			w.params(x.Recv, x.Type)
			if obj, _ := info.Defs[x.Name].(*types.Func); obj != nil && x.Body != nil {
				w.returns(obj, x.Body)
			}
		case *ast.FuncLit:
			w.params(nil, x.Type)
		case *ast.AssignStmt:
			if len(x.Lhs) == len(x.Rhs) {
				for i := range x.Lhs {
					add(x.Lhs[i], x.Rhs[i])
				}
			} else if len(x.Rhs) == 1 {
				for i, l := range x.Lhs {
					if i == 0 {
						add(l, x.Rhs[0]) // conn, err := upgrader.Upgrade(...)
					} else {
						add(l, nil)
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range x.Names {
				switch {
				case len(x.Values) == len(x.Names):
					add(name, x.Values[i])
				case len(x.Values) == 1 && i == 0:
					add(name, x.Values[0])
				default:
					add(name, nil) // var conn *websocket.Conn: nil until assigned
				}
			}
		case *ast.RangeStmt:
			if x.Key != nil {
				add(x.Key, nil)
			}
			if x.Value != nil {
				add(x.Value, nil)
			}
		case *ast.CompositeLit:
			w.literal(x)
		}
		return true
	})
}

// returns records the first results fn's body returns, when that result
// is a connection; a bare return (named results) is a value the rule
// cannot see.
func (w *wsChecker) returns(fn *types.Func, body *ast.BlockStmt) {
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() == 0 || !isWSConn(sig.Results().At(0).Type()) {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(x.Results) == 0 {
				w.results[fn] = append(w.results[fn], nil)
			} else {
				w.results[fn] = append(w.results[fn], x.Results[0])
			}
		}
		return true
	})
}

// params records the connection parameters of a function as unseen.
func (w *wsChecker) params(recv *ast.FieldList, ft *ast.FuncType) {
	for _, fl := range []*ast.FieldList{recv, ft.Params, ft.Results} {
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			for _, name := range f.Names {
				if v, ok := w.pass.TypesInfo.Defs[name].(*types.Var); ok && isWSConn(v.Type()) {
					w.defs[v] = append(w.defs[v], nil)
				}
			}
		}
	}
}

// literal records the connection fields a composite literal sets.
func (w *wsChecker) literal(lit *ast.CompositeLit) {
	t := w.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, el := range lit.Elts {
		var f *types.Var
		val := el
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			f, _ = w.pass.TypesInfo.ObjectOf(id).(*types.Var)
			val = kv.Value
		} else if i < st.NumFields() {
			f = st.Field(i)
		}
		if f != nil && isWSConn(f.Type()) {
			w.defs[f] = append(w.defs[f], val)
		}
	}
}

// upgraded reports whether e is a connection an Upgrade made: its
// result, a variable or field the package assigns only such connections
// (or one with an upgraded fact), or a call of a function returning one.
func (w *wsChecker) upgraded(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	info := w.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		key := apimatch.CalleeKey(info, x)
		if wsUpgrades[key] {
			return true
		}
		fn := apimatch.Callee(info, x)
		if fn == nil {
			return false
		}
		if fn.Pkg() == w.pass.Pkg {
			return w.allUpgraded(w.results[fn], depth)
		}
		return w.pass.ImportObjectFact(fn, new(upgradedFact))
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		return w.varUpgraded(v, depth)
	case *ast.SelectorExpr:
		sel := info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			return false
		}
		f := sel.Obj().(*types.Var)
		if f.Pkg() != w.pass.Pkg {
			return w.pass.ImportObjectFact(f, new(upgradedFact))
		}
		if f.Exported() {
			// An importer may set its limit (precision first).
			return false
		}
		return w.varUpgraded(f, depth)
	}
	return false
}

// varUpgraded reports whether every value the package assigns to v is an
// upgraded connection (and there is one).
func (w *wsChecker) varUpgraded(v *types.Var, depth int) bool {
	if w.judging[v] {
		return false // a cycle (c.conn = c.conn): not shown to be upgraded
	}
	w.judging[v] = true
	defer delete(w.judging, v)
	return w.allUpgraded(w.defs[v], depth+1)
}

// allUpgraded reports whether es is not empty and each is upgraded.
func (w *wsChecker) allUpgraded(es []ast.Expr, depth int) bool {
	if len(es) == 0 {
		return false
	}
	for _, e := range es {
		if e == nil || !w.upgraded(e, depth+1) {
			return false
		}
	}
	return true
}

// exportFacts exports an upgradedFact for the package's struct fields
// and functions that hold or return only upgraded connections.
func (w *wsChecker) exportFacts() {
	for v := range w.defs {
		if v.IsField() && v.Pkg() == w.pass.Pkg && w.varUpgraded(v, 0) {
			w.pass.ExportObjectFact(v, new(upgradedFact))
		}
	}
	for fn, es := range w.results {
		if w.allUpgraded(es, 0) {
			w.pass.ExportObjectFact(fn, new(upgradedFact))
		}
	}
}

// isWSConn reports whether t is *websocket.Conn.
func isWSConn(t types.Type) bool {
	_, ptr := types.Unalias(t).(*types.Pointer)
	return ptr && apimatch.TypeKey(t) == wsPkg+".Conn"
}

// importsUpgraded reports whether a module package the package imports
// directly has an upgraded connection field or function: the package
// may read it without importing gorilla/websocket itself.
func (c *checker) importsUpgraded() bool {
	mod := passutil.ModulePath(c.pass)
	for _, imp := range c.pass.Pkg.Imports() {
		if !passutil.InModule(imp.Path(), mod) {
			continue
		}
		for _, name := range imp.Scope().Names() {
			tn, ok := imp.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				if fn, ok := imp.Scope().Lookup(name).(*types.Func); ok && c.pass.ImportObjectFact(fn, new(upgradedFact)) {
					return true
				}
				continue
			}
			st, ok := tn.Type().Underlying().(*types.Struct)
			if !ok {
				continue
			}
			for f := range st.Fields() {
				if isWSConn(f.Type()) && c.pass.ImportObjectFact(f, new(upgradedFact)) {
					return true
				}
			}
		}
	}
	return false
}
