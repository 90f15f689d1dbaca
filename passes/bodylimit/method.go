package bodylimit

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// notGet reports whether call, in f, runs only for requests of parameter
// p whose method is not GET: it sits in a branch a test of the request's
// Method rules GET out of. zgo.at/zhttp's Decoder.Decode decodes the query
// in its first case, r.Method == http.MethodGet, and the body in the
// others; a handler registered for GET only never reaches those reads.
// The tests understood: if r.Method == "POST" { read } (or != GET, or the
// else of == GET, through !, && and ||); a later case of a tagless switch
// one of whose earlier cases is r.Method == GET alone, or a case whose
// every test rules GET out; a case of switch r.Method whose values are
// constants other than "GET", or its default when another case has
// "GET"; and statements after if r.Method == GET { ...; return }.
func (c *checker) notGet(f *function, call ast.Node, p int) bool {
	if p < 0 || f.file == nil || f.body == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(f.file, call.Pos(), call.End())
	for i := 0; i+1 < len(path); i++ {
		child, parent := path[i], path[i+1]
		if parent == f.body {
			return c.afterGetReturn(f, f.body, child, p)
		}
		switch x := parent.(type) {
		case *ast.IfStmt:
			if child == x.Body && c.ruledOut(f, x.Cond, true, p) {
				return true
			}
			if child == x.Else && x.Else != nil && c.ruledOut(f, x.Cond, false, p) {
				return true
			}
		case *ast.CaseClause:
			if i+3 < len(path) {
				if sw, ok := path[i+3].(*ast.SwitchStmt); ok && c.caseNotGet(f, sw, x, p) {
					return true
				}
			}
		case *ast.BlockStmt:
			if c.afterGetReturn(f, x, child, p) {
				return true
			}
		}
		if parent == f.node {
			break
		}
	}
	return false
}

// afterGetReturn reports whether a statement of block before child is
// if r.Method == GET { ...; return }, with no else.
func (c *checker) afterGetReturn(f *function, block *ast.BlockStmt, child ast.Node, p int) bool {
	for _, s := range block.List {
		if s == child || s.Pos() >= child.Pos() {
			return false
		}
		is, ok := s.(*ast.IfStmt)
		if !ok || is.Else != nil || is.Init != nil || len(is.Body.List) == 0 {
			continue
		}
		if _, ok := is.Body.List[len(is.Body.List)-1].(*ast.ReturnStmt); ok && c.ruledOut(f, is.Cond, false, p) {
			return true
		}
	}
	return false
}

// caseNotGet reports whether the case clause cc of sw runs only for a
// method other than GET.
func (c *checker) caseNotGet(f *function, sw *ast.SwitchStmt, cc *ast.CaseClause, p int) bool {
	if sw.Tag == nil {
		// Every test of cc rules GET out when true...
		if len(cc.List) > 0 {
			all := true
			for _, e := range cc.List {
				if !c.ruledOut(f, e, true, p) {
					all = false
				}
			}
			if all {
				return true
			}
		}
		// ...or an earlier case (any case, for default) is the GET one:
		// reaching cc means its test was false.
		for _, s := range sw.Body.List {
			other := s.(*ast.CaseClause)
			if other == cc {
				if len(cc.List) > 0 {
					break
				}
				continue
			}
			if len(other.List) == 1 && c.ruledOut(f, other.List[0], false, p) && !fallsThrough(other) {
				return true
			}
		}
		return false
	}
	if !c.isMethodOf(f, sw.Tag, p) {
		return false
	}
	if len(cc.List) == 0 {
		for _, s := range sw.Body.List {
			for _, e := range s.(*ast.CaseClause).List {
				if v, ok := c.constString(e); ok && v == "GET" {
					return true
				}
			}
		}
		return false
	}
	for _, e := range cc.List {
		if v, ok := c.constString(e); !ok || v == "GET" {
			return false
		}
	}
	return true
}

// fallsThrough reports whether cc ends in a fallthrough.
func fallsThrough(cc *ast.CaseClause) bool {
	if len(cc.Body) == 0 {
		return false
	}
	b, ok := cc.Body[len(cc.Body)-1].(*ast.BranchStmt)
	return ok && b.Tok == token.FALLTHROUGH
}

// ruledOut reports whether e having the value truth means the method of
// the request of parameter p is not GET.
func (c *checker) ruledOut(f *function, e ast.Expr, truth bool, p int) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return c.ruledOut(f, x.X, !truth, p)
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			if truth {
				return c.ruledOut(f, x.X, true, p) || c.ruledOut(f, x.Y, true, p)
			}
			return c.ruledOut(f, x.X, false, p) && c.ruledOut(f, x.Y, false, p)
		case token.LOR:
			if truth {
				return c.ruledOut(f, x.X, true, p) && c.ruledOut(f, x.Y, true, p)
			}
			return c.ruledOut(f, x.X, false, p) || c.ruledOut(f, x.Y, false, p)
		case token.EQL, token.NEQ:
			m, s := x.X, x.Y
			if !c.isMethodOf(f, m, p) {
				m, s = s, m
			}
			if !c.isMethodOf(f, m, p) {
				return false
			}
			v, ok := c.constString(s)
			if !ok {
				return false
			}
			// r.Method == v true, or r.Method != v false: the method is v.
			if (x.Op == token.EQL) == truth {
				return v != "GET"
			}
			// The method is not v.
			return v == "GET"
		}
	}
	return false
}

// isMethodOf reports whether e is the Method field of the request of
// parameter p (r.Method, c.Request.Method).
func (c *checker) isMethodOf(f *function, e ast.Expr, p int) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Method" {
		return false
	}
	s := c.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || s.Obj().Pkg() == nil || s.Obj().Pkg().Path() != "net/http" {
		return false
	}
	return c.holderParam(f, sel.X) == p
}

// constString returns the value of a constant string expression.
func (c *checker) constString(e ast.Expr) (string, bool) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
