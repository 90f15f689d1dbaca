package multipart

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// releasesIn reports whether n contains (anywhere, nested closures
// included) a cleanup of o's form.
func (c *checker) releasesIn(n ast.Node, o *owner) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && c.isRelease(call, o) {
			found = true
		}
		return !found
	})
	return found
}

// isRelease reports whether call removes o's form: form.RemoveAll() or a
// call of a function that removes the form of an argument denoting o
// (the ownership engine's removesForm).
func (c *checker) isRelease(call *ast.CallExpr, o *owner) bool {
	info := c.pass.TypesInfo
	fn := apimatch.Callee(info, call)
	if fn == nil {
		return false
	}
	if apimatch.Key(fn) == removeAllKey {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && c.isFormOf(sel.X, o)
	}
	for _, i := range c.removesForm(fn) {
		if i < len(call.Args) && c.refersTo(call.Args[i], o) {
			return true
		}
	}
	return false
}

// deferredRelease reports whether the function defers a closure or a
// helper that removes o's form; such a defer covers every path after it
// and is the usual way to clean up before the parse even happens.
func (c *checker) deferredRelease(body *ast.BlockStmt, o *owner) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok && c.releasesIn(lit.Body, o) {
				found = true
			}
			// defer cleanup(r): the helper reads r.MultipartForm when it
			// runs, at exit. (defer r.MultipartForm.RemoveAll() before the
			// parse would evaluate a nil form at once, so it does not count.)
			if apimatch.CalleeKey(c.pass.TypesInfo, n.Call) != removeAllKey && c.isRelease(n.Call, o) {
				found = true
			}
		}
		return true
	})
	return found
}

// isCopy reports whether the request variable of o is (also) assigned a
// request that is not the server's: r.WithContext, r.Clone, http.NewRequest,
// a request literal.
func (c *checker) isCopy(body *ast.BlockStmt, o *owner) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		lhs, rhs, ok := passutil.AssignParts(n)
		if !ok {
			return true
		}
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok || identVar(info, id) != o.v {
				continue
			}
			var r ast.Expr
			if len(rhs) == len(lhs) {
				r = rhs[i]
			} else if len(rhs) == 1 {
				r = rhs[0]
			} else {
				continue
			}
			r = ast.Unparen(r)
			if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
				if _, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok {
					found = true
				}
			}
			if call, ok := r.(*ast.CallExpr); ok && copyMakers[apimatch.CalleeKey(info, call)] {
				found = true
			}
		}
		return true
	})
	return found
}

// constMax returns the constant maxMemory of s, or the 32 MiB default of
// the APIs that take none; for gin, the engine's MaxMultipartMemory as
// this package sets it (see ginMax).
func (c *checker) constMax(s site) (int64, bool) {
	if s.rule.maxArg < 0 && strings.HasPrefix(s.rule.api, "gin ") {
		return c.ginMax()
	}
	if s.rule.maxArg < 0 {
		return defaultMaxMemory, true
	}
	if s.rule.maxArg >= len(s.call.Args) {
		return 0, false
	}
	tv := c.pass.TypesInfo.Types[s.call.Args[s.rule.maxArg]]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	v, ok := constant.Int64Val(tv.Value)
	return v, ok
}

// resultVar returns the variable receiving result i of the call on top of
// stack, if it is assigned to a plain identifier.
func (c *checker) resultVar(stack []ast.Node, i int) *types.Var {
	lhs := assignLHS(stack)
	if i >= len(lhs) {
		return nil
	}
	id, ok := lhs[i].(*ast.Ident)
	if !ok {
		return nil
	}
	return identVar(c.pass.TypesInfo, id)
}

// formStored reports whether the form result is assigned to something
// other than a blank or plain identifier (a field, an element).
func (c *checker) formStored(stack []ast.Node) bool {
	lhs := assignLHS(stack)
	if len(lhs) == 0 {
		// Not assigned: passed on (stored, returned) unless a bare call.
		_, bare := stack[len(stack)-2].(*ast.ExprStmt)
		return !bare
	}
	id, ok := lhs[0].(*ast.Ident)
	return !ok || id.Name != "_"
}

// ginMax returns the maxMemory gin's FormFile and MultipartForm use: the
// constant this package assigns to a gin.Engine's MaxMultipartMemory
// (every assignment the same constant), or gin's 32 MiB default when the
// package assigns none; unknown (false) when an assignment is not a
// constant or two differ. An engine configured in another package is not
// seen: the message then says the value is gin's default (maxLabel).
func (c *checker) ginMax() (int64, bool) {
	if c.gin.done {
		return c.gin.v, c.gin.ok
	}
	c.gin.done = true
	c.gin.v, c.gin.ok = defaultMaxMemory, true
	set := false
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, l := range as.Lhs {
				sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "MaxMultipartMemory" {
					continue
				}
				field, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
				if !ok || !field.IsField() || field.Pkg() == nil || field.Pkg().Path() != "github.com/gin-gonic/gin" {
					continue
				}
				v, isConst := int64(0), false
				if tv := c.pass.TypesInfo.Types[as.Rhs[i]]; tv.Value != nil && tv.Value.Kind() == constant.Int {
					v, isConst = constant.Int64Val(tv.Value)
				}
				switch {
				case !isConst, set && v != c.gin.v:
					c.gin.ok = false
				default:
					c.gin.v = v
				}
				set = true
			}
			return true
		})
	}
	c.gin.set = set
	return c.gin.v, c.gin.ok
}

// maxLabel describes the maxMemory m of site s in a message.
func (c *checker) maxLabel(s site, m int64) string {
	label := "maxMemory " + passutil.FormatBytes(m)
	if s.rule.maxArg < 0 && strings.HasPrefix(s.rule.api, "gin ") && !c.gin.set {
		label += " (gin's default MaxMultipartMemory: no engine in this package sets it)"
	}
	return label
}

// bodyCap returns the constant n of the last body limit that body, a
// function's body, sets on o's request in a statement of its top level
// before the parse s: r.Body = http.MaxBytesReader(w, r.Body, n), or
// c.Request.Body = ... for gin (athens' .save route bounds its body to
// 1 MiB before parsing with a 516 MiB maxMemory).
func (c *checker) bodyCap(body *ast.BlockStmt, o *owner, s site) (int64, bool) {
	limit := c.bodyCapExpr(body, o, s)
	if limit == nil {
		return 0, false
	}
	tv := c.pass.TypesInfo.Types[limit]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// sameCap reports whether the last body limit before the parses ss (see
// bodyCap) is a variable that every parse also takes as its maxMemory,
// a parameter that no statement of the file assigns: pocket-id's
// FileSizeLimitMiddleware.Add(maxSize) bounds the body to maxSize, then
// calls ParseMultipartForm(maxSize), so the whole form stays in memory.
func (c *checker) sameCap(body *ast.BlockStmt, o *owner, ss []site) bool {
	info := c.pass.TypesInfo
	id, ok := ast.Unparen(c.bodyCapExpr(body, o, ss[0])).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || !isParamVar(v, info, c.pass.Files) {
		return false
	}
	for _, s := range ss {
		if s.rule.maxArg < 0 || s.rule.maxArg >= len(s.call.Args) {
			return false
		}
		a, ok := ast.Unparen(s.call.Args[s.rule.maxArg]).(*ast.Ident)
		if !ok || info.Uses[a] != v {
			return false
		}
	}
	assigned := false
	if f := passutil.FileOf(c.pass.Files, v.Pos()); f != nil {
		ast.Inspect(f, func(n ast.Node) bool {
			var lhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs = n.Lhs
			case *ast.IncDecStmt:
				lhs = []ast.Expr{n.X}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					lhs = []ast.Expr{n.X} // &maxSize: may be written through
				}
			}
			for _, l := range lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && identVar(info, id) == v {
					assigned = true
				}
			}
			return !assigned
		})
	}
	return !assigned
}

// isParamVar reports whether v is a parameter of a function or literal
// of files.
func isParamVar(v *types.Var, info *types.Info, files []*ast.File) bool {
	f := passutil.FileOf(files, v.Pos())
	if f == nil {
		return false
	}
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		var ft *ast.FuncType
		switch n := n.(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		if ft != nil && ft.Params != nil {
			for _, fld := range ft.Params.List {
				for _, name := range fld.Names {
					if info.Defs[name] == v {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// bodyCapExpr returns the limit argument of the last body limit that
// body sets on o's request before the parse s (see bodyCap), or nil.
func (c *checker) bodyCapExpr(body *ast.BlockStmt, o *owner, s site) ast.Expr {
	if body == nil || o.kind != httpOwner && o.kind != ginOwner {
		return nil
	}
	info := c.pass.TypesInfo
	isRequest := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if o.kind == ginOwner {
			sel, ok := e.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Request" {
				return false
			}
			e = ast.Unparen(sel.X)
		}
		id, ok := e.(*ast.Ident)
		return ok && identVar(info, id) == o.v
	}
	var limit ast.Expr
	for _, st := range body.List {
		if st.Pos() >= s.call.Pos() {
			break
		}
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Tok != token.ASSIGN {
			continue
		}
		sel, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Body" || !isRequest(sel.X) {
			continue
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || apimatch.CalleeKey(info, call) != "net/http.MaxBytesReader" || len(call.Args) != 3 {
			limit = nil // another reader: what it bounds is not known
			continue
		}
		limit = call.Args[2]
	}
	return limit
}
