package unclosed

import (
	"go/ast"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/ssaflow"
)

// fix returns "defer x.Close()" after the creation and its error check,
// when that is unambiguous: a named variable, outside any loop, and either
// no error result or an "if err != nil" right after that leaves; none
// when the release method takes arguments (an owning wrapper's
// Close(ctx)).
func (c *checker) fix(cr *creation, name string) *analysis.SuggestedFix {
	if name == "" || cr.noFix || ssaflow.Reaches(cr.instr.Block(), cr.instr.Block()) {
		return nil
	}
	lhs, stmt, block := c.assignOf(cr.instr.Pos())
	idx := slices.Index(block, stmt)
	if stmt == nil || idx < 0 {
		return nil
	}
	after := stmt
	if len(lhs) > 1 {
		if id, ok := lhs[len(lhs)-1].(*ast.Ident); !ok || id.Name != "_" {
			if idx+1 >= len(block) {
				return nil
			}
			ifs, ok := block[idx+1].(*ast.IfStmt)
			if !ok || !isErrCheck(ifs, lhs[len(lhs)-1]) {
				return nil
			}
			after = ifs
		}
	}
	call := name + "." + cr.rule.Release[0] + "()"
	at := passutil.LineEnd(c.pass.Fset, c.pass.Files, after.End())
	return &analysis.SuggestedFix{
		Message:   "Defer " + call,
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\n" + passutil.Indent(c.pass.Fset, stmt.Pos()) + "defer " + call)}},
	}
}

// isErrCheck reports whether ifs is "if err != nil { ...; return }" (or
// ending in a call such as log.Fatal) without an else.
func isErrCheck(ifs *ast.IfStmt, errExpr ast.Expr) bool {
	id, ok := errExpr.(*ast.Ident)
	if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) == 0 {
		return false
	}
	switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
	case *ast.ReturnStmt:
	case *ast.ExprStmt:
		if _, ok := last.X.(*ast.CallExpr); !ok {
			return false
		}
	default:
		return false
	}
	be, ok := ifs.Cond.(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ {
		return false
	}
	x, okx := be.X.(*ast.Ident)
	y, oky := be.Y.(*ast.Ident)
	return okx && oky && x.Name == id.Name && y.Name == "nil"
}

// pathTo returns the AST path to pos, innermost first.
func (c *checker) pathTo(pos token.Pos) []ast.Node {
	f := passutil.FileOf(c.pass.Files, pos)
	if f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	return path
}

// exprRange returns the call or composite literal at pos.
func (c *checker) exprRange(pos token.Pos) analysis.Range {
	for _, n := range c.pathTo(pos) {
		switch n := n.(type) {
		case *ast.CallExpr:
			if n.Lparen == pos {
				return n
			}
		case *ast.CompositeLit:
			return n
		}
	}
	return rangeAt{pos}
}

type rangeAt struct{ pos token.Pos }

func (r rangeAt) Pos() token.Pos { return r.pos }
func (r rangeAt) End() token.Pos { return r.pos }

// assignOf returns the assignment or value spec whose single right-hand
// side is the creation at pos (through parentheses and &), the index of
// that statement in its enclosing block, and the block's statements.
func (c *checker) assignOf(pos token.Pos) (lhs []ast.Expr, stmt ast.Stmt, block []ast.Stmt) {
	path := c.pathTo(pos)
	i := 0
	for i+1 < len(path) {
		switch path[i+1].(type) {
		case *ast.ParenExpr, *ast.UnaryExpr:
			i++
			continue
		}
		break
	}
	if i+1 >= len(path) {
		return nil, nil, nil
	}
	child := path[i]
	switch n := path[i+1].(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) != 1 || n.Rhs[0] != child {
			return nil, nil, nil
		}
		lhs, stmt = n.Lhs, n
	case *ast.ValueSpec:
		if len(n.Values) != 1 || n.Values[0] != child {
			return nil, nil, nil
		}
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		if i+3 < len(path) {
			stmt, _ = path[i+3].(*ast.DeclStmt)
		}
		if stmt != nil && i+4 < len(path) {
			if b, ok := path[i+4].(*ast.BlockStmt); ok {
				block = b.List
			}
		}
		return lhs, stmt, block
	default:
		return nil, nil, nil
	}
	if i+2 < len(path) {
		if b, ok := path[i+2].(*ast.BlockStmt); ok {
			block = b.List
		}
	}
	return lhs, stmt, block
}

// varName returns the name of the variable the creation at pos is
// assigned to, or "".
func (c *checker) varName(pos token.Pos) string {
	lhs, _, _ := c.assignOf(pos)
	if len(lhs) == 0 {
		return ""
	}
	if id, ok := lhs[0].(*ast.Ident); ok && id.Name != "_" {
		return id.Name
	}
	return ""
}

func endOf(fn *ssa.Function) token.Pos {
	switch s := fn.Syntax().(type) {
	case *ast.FuncDecl:
		if s.Body != nil {
			return s.Body.Rbrace
		}
	case *ast.FuncLit:
		return s.Body.Rbrace
	}
	return fn.Pos()
}
