package jsonindent

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/apimatch"
)

// templates are the template executions: a document given to one as data
// is shown in a page for a person to read.
var templates = map[string]bool{
	"(*html/template.Template).Execute":         true,
	"(*html/template.Template).ExecuteTemplate": true,
	"(*text/template.Template).Execute":         true,
	"(*text/template.Template).ExecuteTemplate": true,
}

// classifyValue returns the type of the encoded value (for messages, and
// package-qualified for facts) and whether it is unbounded, or the index
// of the parameter of unknown size it is.
func (c *checker) classifyValue(s *site) (typ, qualTyp string, unbounded bool, param int) {
	if s.value == nil {
		return s.valueType, s.valueType, true, -1
	}
	t := c.pass.TypesInfo.TypeOf(s.value)
	if t == nil {
		return "", "", false, -1
	}
	typ = types.TypeString(t, func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		return p.Name()
	})
	qualTyp = types.TypeString(t, func(p *types.Package) string { return p.Name() })
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok && termsUnbounded(tp) {
		if c.all {
			return typ, qualTyp, true, -1
		}
		// Unbounded by its constraint, but whether it holds rows is
		// the caller's to say: a helper, like a parameter of type any.
		return typ, qualTyp, false, c.paramIndex(s.fn, s.value)
	}
	if types.IsInterface(t) {
		// Only a parameter that can hold anything (any, a type
		// parameter) makes its function a helper; an interface with
		// methods (error, fmt.Stringer) is some specific small type.
		if !isAnything(t) {
			return typ, qualTyp, false, -1
		}
		return typ, qualTyp, false, c.paramIndex(s.fn, s.value)
	}
	if !c.unboundedExpr(s.fn, s.value, 0) {
		return typ, qualTyp, false, -1
	}
	// Unbounded by its type; reported when it holds the rows of a query
	// (internal/rowsource), or under -jsonindent.all.
	s.rows = c.rows.Holds(s.value)
	if !s.rows && !c.all {
		// A parameter: whether it holds rows is the callers' to say
		// (PrintOrders(w, orders)), as for a parameter of type any.
		if p := c.paramIndex(s.fn, s.value); p >= 0 {
			return typ, qualTyp, false, p
		}
	}
	return typ, qualTyp, s.rows || c.all, -1
}

// termsUnbounded reports whether every type in the type set of tp's
// constraint is unbounded (S ~[]E, M ~map[K]V).
func termsUnbounded(tp *types.TypeParam) bool {
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok || iface.IsMethodSet() {
		return false
	}
	terms := 0
	for i := range iface.NumEmbeddeds() {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for j := range e.Len() {
				terms++
				if !unboundedType(e.Term(j).Type(), make(map[types.Type]bool)) {
					return false
				}
			}
		case *types.Interface:
			// Method sets and nested constraints: not followed.
		default:
			terms++
			if !unboundedType(e, make(map[types.Type]bool)) {
				return false
			}
		}
	}
	return terms > 0
}

// isAnything reports whether t is an empty interface or a type parameter
// whose constraint has no methods.
func isAnything(t types.Type) bool {
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		t = tp.Constraint()
	}
	iface, ok := t.Underlying().(*types.Interface)
	return ok && iface.IsMethodSet() && iface.NumMethods() == 0
}

// paramIndex returns the index of the parameter of fn that e names, or -1.
func (c *checker) paramIndex(fn *function, e ast.Expr) int {
	obj := c.objOf(e)
	if obj == nil || fn.sig == nil {
		return -1
	}
	for i := range fn.sig.Params().Len() {
		if fn.sig.Params().At(i) == obj {
			return i
		}
	}
	return -1
}

// classifyOut says whether a site's document reaches the HTTP response,
// or else which parameter of its function (-1: the result) it goes to.
func (c *checker) classifyOut(s *site) (response bool, sink int) {
	switch s.out {
	case outResponse:
		return true, noSink
	case outWriter:
		return c.writerFlow(s.fn, s.outExpr)
	case outResult:
		return c.resultFlow(s.fn, s.cur)
	}
	return false, noSink
}

func (c *checker) writerFlow(fn *function, e ast.Expr) (bool, int) {
	if e == nil {
		return false, noSink
	}
	e = ast.Unparen(e)
	if c.isResponse(c.pass.TypesInfo.TypeOf(e)) {
		return true, noSink
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if p := c.paramIndex(fn, e); p >= 0 {
		return false, p
	}
	return c.varFlow(fn, c.objOf(e))
}

// resultFlow follows the result of the call at cur.
func (c *checker) resultFlow(fn *function, cur inspector.Cursor) (bool, int) {
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.CallExpr:
		if c.toResponse(p, cur.Node()) {
			return true, noSink
		}
	case *ast.ReturnStmt:
		return false, -1
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) > 0 {
			return c.varFlow(fn, c.objOf(p.Lhs[0]))
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) > 0 {
			return c.varFlow(fn, c.pass.TypesInfo.Defs[p.Names[0]])
		}
	}
	return false, noSink
}

// varFlow follows a local variable holding a document, a buffer or a
// writer: written to the response, or returned. A document used only as
// template data is a page for a person (sink pageSink).
func (c *checker) varFlow(fn *function, obj types.Object) (response bool, sink int) {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Pos() < fn.body.Pos() || v.Pos() >= fn.body.End() {
		return false, noSink
	}
	sink = noSink
	page := false
	var holders []*types.Var // locals assigned a composite literal holding the document
	defer func() {
		if !response && sink == noSink && !page && len(holders) > 0 {
			page = c.templateDataOnly(fn, holders)
		}
		if !response && sink == noSink && page {
			sink = pageSink
		}
	}()
	holder := func(lhs ast.Expr, rhs ast.Expr) {
		if x, ok := ast.Unparen(rhs).(*ast.UnaryExpr); ok && x.Op == token.AND {
			rhs = x.X
		}
		if _, ok := ast.Unparen(rhs).(*ast.CompositeLit); !ok || !c.mentionsExpr(rhs, v) {
			return
		}
		if hv, ok := c.objOf(lhs).(*types.Var); ok && !hv.IsField() {
			holders = append(holders, hv)
		}
	}
	ast.Inspect(fn.body, func(n ast.Node) bool {
		if response {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Rhs {
					holder(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Values {
					holder(n.Names[i], n.Values[i])
				}
			}
		case *ast.CallExpr:
			if !c.mentions(n, v) {
				break
			}
			if templates[apimatch.CalleeKey(c.pass.TypesInfo, n)] {
				page = true
			} else if c.toResponse(n, nil) {
				response = true
			} else if p := c.writerParam(fn, n, v); p >= 0 && sink == noSink {
				sink = p
			}
		case *ast.ReturnStmt:
			if c.returnsIn(fn, n) {
				for _, r := range n.Results {
					if c.isVarValue(r, v) {
						sink = -1
					}
				}
			}
		}
		return true
	})
	return response, sink
}

// templateDataOnly reports whether the locals holding a document in a
// composite literal (data := TemplateData{Params: string(b)}) are given
// to a template execution and to no other call (imagor's upload form
// page shows the indented parameters).
func (c *checker) templateDataOnly(fn *function, holders []*types.Var) bool {
	page, other := false, false
	ast.Inspect(fn.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, h := range holders {
			if !c.mentions(call, h) {
				continue
			}
			if templates[apimatch.CalleeKey(c.pass.TypesInfo, call)] {
				page = true
			} else {
				other = true
			}
		}
		return true
	})
	return page && !other
}

// writerParam returns the index of a parameter of fn with a Write method
// that is an operand of call not mentioning v (w.Write(b),
// fmt.Fprintf(w, "%s", b), buf.WriteTo(w)), or -1.
func (c *checker) writerParam(fn *function, call *ast.CallExpr, v *types.Var) int {
	for _, op := range c.operands(call) {
		if c.mentionsExpr(op, v) {
			continue
		}
		p := c.paramIndex(fn, op)
		if p < 0 {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(fn.sig.Params().At(p).Type(), true, nil, "Write")
		if _, ok := obj.(*types.Func); ok {
			return p
		}
	}
	return -1
}

// returnsIn reports whether ret returns from fn (not from a literal in it).
func (c *checker) returnsIn(fn *function, ret *ast.ReturnStmt) bool {
	inner := false
	ast.Inspect(fn.body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit.Pos() <= ret.Pos() && ret.End() <= lit.End() {
			inner = true
		}
		return !inner
	})
	return !inner
}

// isVarValue reports whether e is v's document itself: v, &v, string(v),
// v.Bytes() or v.String().
func (c *checker) isVarValue(e ast.Expr, v *types.Var) bool {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			e = x.X
		}
	case *ast.CallExpr:
		if len(x.Args) == 1 {
			if tv, ok := c.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() {
				e = x.Args[0]
			}
		} else if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && len(x.Args) == 0 &&
			(sel.Sel.Name == "Bytes" || sel.Sel.Name == "String") {
			e = sel.X
		}
	}
	return c.objOf(e) == v
}

// operands returns a call's receiver (for a method call) and arguments.
func (c *checker) operands(call *ast.CallExpr) []ast.Expr {
	var ops []ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := c.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			ops = append(ops, sel.X)
		}
	}
	return append(ops, call.Args...)
}

// mentions reports whether v occurs in call's receiver or arguments.
func (c *checker) mentions(call *ast.CallExpr, v *types.Var) bool {
	for _, op := range c.operands(call) {
		if c.mentionsExpr(op, v) {
			return true
		}
	}
	return false
}

func (c *checker) mentionsExpr(e ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}
