package bigbuffer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/memlint/memlint/internal/hotpath"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// checkAllocs reports constant-size allocations of at least max-bytes on
// a hot path.
func (c *checker) checkAllocs() {
	for cur := range c.in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		what, size, ok := c.allocSize(cur, call)
		if !ok || size < c.cfg.maxBytes || !c.inFiles(call) {
			continue
		}
		h := hotpath.Of(c.pass.TypesInfo, cur)
		if h.Kind == hotpath.Cold || c.allocatedOnce(cur, h) {
			continue
		}
		if what == "Grow" && !c.freshReceiver(call, h) {
			continue
		}
		if what == "Grow" {
			what = shortType(c.recvType(call)) + ".Grow"
		}
		passutil.Reportf(c.pass, call, "%s allocates %s%s; allocate it once outside the hot path or reuse it through a sync.Pool",
			what, passutil.FormatBytes(size), h.Kind.Phrase())
	}
}

// allocSize returns a description and the byte size of an allocation
// with a constant size: make([]T, n), make([]T, l, n), bufio.NewReaderSize,
// bufio.NewWriterSize, (*bytes.Buffer).Grow, (*strings.Builder).Grow.
// what is "Grow" for the Grow methods (checkAllocs refines it).
func (c *checker) allocSize(cur inspector.Cursor, call *ast.CallExpr) (what string, size int64, ok bool) {
	info := c.pass.TypesInfo
	if id, isID := ast.Unparen(call.Fun).(*ast.Ident); isID {
		if b, isB := info.Uses[id].(*types.Builtin); isB && b.Name() == "make" && len(call.Args) >= 2 {
			slice, isSlice := types.Unalias(info.TypeOf(call.Args[0])).Underlying().(*types.Slice)
			if !isSlice || hasTypeParam(slice.Elem()) {
				return "", 0, false
			}
			n, ok := c.constInt(call.Args[len(call.Args)-1])
			if !ok {
				return "", 0, false
			}
			elem := c.pass.TypesSizes.Sizeof(slice.Elem())
			if elem > 0 && n > (1<<62)/elem {
				return "", 0, false
			}
			what = "make(" + types.ExprString(call.Args[0]) + ")"
			if parent, ok := cur.Parent().Node().(*ast.CallExpr); ok && c.isNewBufferCall(parent) {
				what = "bytes.NewBuffer(" + what + ")"
			}
			return what, n * elem, true
		}
	}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel {
		return "", 0, false
	}
	switch sel.Sel.Name { // cheap filter before resolving the callee
	case "NewReaderSize", "NewWriterSize", "Grow":
	default:
		return "", 0, false
	}
	switch apimatch.CalleeKey(info, call) {
	case "bufio.NewReaderSize", "bufio.NewWriterSize":
		n, ok := c.constInt(call.Args[1])
		return apimatch.CalleeKey(info, call), n, ok
	case "(*bytes.Buffer).Grow", "(*strings.Builder).Grow":
		if _, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok || len(call.Args) != 1 {
			return "", 0, false
		}
		n, ok := c.constInt(call.Args[0])
		return "Grow", n, ok
	}
	return "", 0, false
}

func (c *checker) constInt(e ast.Expr) (int64, bool) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return n, exact && n > 0
}

// hasTypeParam reports whether t's size depends on a type parameter.
func hasTypeParam(t types.Type) bool {
	return sizeHasTypeParam(t, make(map[types.Type]bool))
}

func sizeHasTypeParam(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Array:
		return sizeHasTypeParam(t.Elem(), seen)
	case *types.Named:
		return sizeHasTypeParam(t.Underlying(), seen)
	case *types.Struct:
		for f := range t.Fields() {
			if sizeHasTypeParam(f.Type(), seen) {
				return true
			}
		}
	}
	return false
}

func (c *checker) recvType(call *ast.CallExpr) types.Type {
	sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return c.pass.TypesInfo.TypeOf(sel.X)
}

// shortType renders bytes.Buffer, *bytes.Buffer and strings.Builder with
// their package names.
func shortType(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// allocatedOnce reports whether the allocation at cur, though inside a hot
// region, runs at most once per call or keeps its memory on purpose:
//
//   - its value is returned (at most once per call);
//   - it is stored into a slice element, map entry or field, or appended:
//     preallocation of long-lived buffers, not per-iteration garbage;
//   - it is assigned to a variable or field inside an if whose condition
//     tests that variable or field (lazy initialisation: if buf == nil).
func (c *checker) allocatedOnce(cur inspector.Cursor, h hotpath.Hot) bool {
	info := c.pass.TypesInfo
	// Follow the value up through the expressions that hold it.
	child := cur
	var target ast.Expr // the variable or field it is assigned to
walk:
	for p := cur.Parent(); p.Node() != nil; child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ParenExpr, *ast.CompositeLit, *ast.KeyValueExpr:
			continue
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				continue
			}
		case *ast.CallExpr:
			switch {
			case c.isNewBufferCall(n):
				continue
			case isBuiltin(info, n.Fun, "append") && child.Node() != n.Args[0]:
				return true
			}
		case *ast.ReturnStmt:
			return true
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if r != child.Node() || len(n.Lhs) != len(n.Rhs) {
					continue
				}
				switch lhs := ast.Unparen(n.Lhs[i]).(type) {
				case *ast.IndexExpr, *ast.SelectorExpr:
					return true
				case *ast.Ident:
					if n.Tok == token.ASSIGN {
						target = lhs
					}
				}
			}
		}
		break walk
	}
	if target == nil {
		return false
	}
	obj := info.ObjectOf(target.(*ast.Ident))
	if obj == nil {
		return false
	}
	for p := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifs := p.Node().(*ast.IfStmt)
		if h.Region != nil && ifs.Pos() < h.Region.Pos() {
			break
		}
		if refers(info, ifs.Cond, obj) {
			return true
		}
	}
	return false
}

func (c *checker) isNewBufferCall(call *ast.CallExpr) bool {
	return apimatch.CalleeKey(c.pass.TypesInfo, call) == "bytes.NewBuffer"
}

func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// refers reports whether e mentions obj.
func refers(info *types.Info, e ast.Expr, obj types.Object) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// freshReceiver reports whether a Grow call's receiver is a buffer made
// fresh inside the hot region: a local declared there as a zero value,
// new(T), &T{}, T{} or bytes.NewBuffer/NewBufferString. Growing a buffer
// taken from a pool, a field or a parameter allocates nothing once it is
// big enough, so those stay silent.
func (c *checker) freshReceiver(call *ast.CallExpr, h hotpath.Hot) bool {
	info := c.pass.TypesInfo
	x := ast.Unparen(ast.Unparen(call.Fun).(*ast.SelectorExpr).X)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || h.Region == nil || v.Pos() < h.Region.Pos() || v.Pos() > h.Region.End() {
		return false
	}
	def, ok := c.in.Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
	if !ok {
		return false
	}
	var init ast.Expr
	switch p := def.Parent().Node().(type) {
	case *ast.ValueSpec:
		i := indexOf(p.Names, def.Node())
		if len(p.Values) == 0 {
			return true // var b bytes.Buffer
		}
		if i < 0 || len(p.Values) != len(p.Names) {
			return false
		}
		init = p.Values[i]
	case *ast.AssignStmt:
		if p.Tok != token.DEFINE || len(p.Lhs) != len(p.Rhs) {
			return false
		}
		for i, l := range p.Lhs {
			if l == def.Node() {
				init = p.Rhs[i]
			}
		}
	default:
		return false
	}
	switch e := ast.Unparen(init).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, ok := ast.Unparen(e.X).(*ast.CompositeLit)
		return e.Op == token.AND && ok
	case *ast.CallExpr:
		if isBuiltin(info, e.Fun, "new") {
			return true
		}
		switch apimatch.CalleeKey(info, e) {
		case "bytes.NewBuffer", "bytes.NewBufferString":
			return true
		}
	}
	return false
}

func indexOf(ids []*ast.Ident, n ast.Node) int {
	for i, id := range ids {
		if id == n {
			return i
		}
	}
	return -1
}
