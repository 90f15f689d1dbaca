package multipart

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// fix inserts a deferred RemoveAll right after the parse, or after the
// parse's error check when there is one; without an error check the
// cleanup is nil-guarded. It offers nothing for a parse inside a loop.
func (c *checker) fix(body *ast.BlockStmt, s site, o *owner) []analysis.SuggestedFix {
	form := o.v.Name()
	switch o.kind {
	case httpOwner:
		form += ".MultipartForm"
	case ginOwner:
		form += ".Request.MultipartForm"
	case echoOwner:
		form += ".Request().MultipartForm"
	}
	switch s.stmt.(type) {
	case *ast.DeferStmt, *ast.GoStmt:
		return nil // the parse runs at exit or elsewhere: a defer here would run first
	case *ast.ReturnStmt:
		// return r.ParseMultipartForm(n): a defer after it would never
		// run; a nil-guarded one before it runs at exit, after the parse.
		indent := passutil.Indent(c.pass.Fset, s.stmt.Pos())
		text := "defer func() {\n" +
			indent + "\tif " + form + " != nil {\n" +
			indent + "\t\t" + form + ".RemoveAll()\n" +
			indent + "\t}\n" +
			indent + "}()\n" + indent
		return []analysis.SuggestedFix{{
			Message:   "Defer " + form + ".RemoveAll()",
			TextEdits: []analysis.TextEdit{{Pos: s.stmt.Pos(), End: s.stmt.Pos(), NewText: []byte(text)}},
		}}
	}
	list, idx := enclosingList(body, s.stmt)
	if list == nil {
		return nil
	}
	after := list[idx]
	checked := false
	if ifs, ok := after.(*ast.IfStmt); ok {
		// if err := r.ParseMultipartForm(n); err != nil { return }
		if !c.isErrCheck(ifs, s) {
			return nil
		}
		checked = true
	} else if idx+1 < len(list) {
		if ifs, ok := list[idx+1].(*ast.IfStmt); ok && ifs.Init == nil && c.isErrCheck(ifs, s) {
			after, checked = ifs, true
		}
	}
	indent := passutil.Indent(c.pass.Fset, s.stmt.Pos())
	at := passutil.LineEnd(c.pass.Fset, c.pass.Files, after.End())
	var text string
	if checked {
		text = "\n" + indent + "defer " + form + ".RemoveAll()"
	} else {
		text = "\n" + indent + "defer func() {\n" +
			indent + "\tif " + form + " != nil {\n" +
			indent + "\t\t" + form + ".RemoveAll()\n" +
			indent + "\t}\n" +
			indent + "}()"
	}
	return []analysis.SuggestedFix{{
		Message:   "Defer " + form + ".RemoveAll()",
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}},
	}}
}

// isErrCheck reports whether ifs is "if err != nil { ... }" for the error
// of s, without else, whose body cannot fall through.
func (c *checker) isErrCheck(ifs *ast.IfStmt, s site) bool {
	if ifs.Else != nil || len(ifs.Body.List) == 0 {
		return false
	}
	if keep, ok := c.okBranch(ifs.Cond, s); !ok || keep != 1 {
		return false // not "err != nil"
	}
	switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok {
			if fn := apimatch.Callee(c.pass.TypesInfo, call); fn != nil {
				return c.cfgs.NoReturn(fn)
			}
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
				_, builtin := c.pass.TypesInfo.Uses[id].(*types.Builtin)
				return builtin
			}
		}
	}
	return false
}

// enclosingList finds the statement list directly holding stmt, unless a
// loop lies between the function body and stmt.
func enclosingList(body *ast.BlockStmt, stmt ast.Node) ([]ast.Stmt, int) {
	var list []ast.Stmt
	idx := -1
	inLoop := false
	var visit func(n ast.Node, loop bool) bool
	visit = func(root ast.Node, loop bool) bool {
		ast.Inspect(root, func(n ast.Node) bool {
			if idx >= 0 {
				return false
			}
			var stmts []ast.Stmt
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt:
				if n != root {
					visit(n, true)
					return false
				}
			case *ast.BlockStmt:
				stmts = n.List
			case *ast.CaseClause:
				stmts = n.Body
			case *ast.CommClause:
				stmts = n.Body
			}
			for i, s := range stmts {
				if s == stmt {
					list, idx, inLoop = stmts, i, loop
					return false
				}
			}
			return true
		})
		return idx >= 0
	}
	visit(body, false)
	if idx < 0 || inLoop {
		return nil, 0
	}
	return list, idx
}
