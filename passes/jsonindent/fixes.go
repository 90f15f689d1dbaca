package jsonindent

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/passutil"
)

// fixes returns the suggested fix of a site reported at its own encoder.
func (c *checker) fixes(s *site) []analysis.SuggestedFix {
	sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	var fix analysis.SuggestedFix
	switch s.rule.fix {
	case toMarshal:
		if len(s.call.Args) < 3 {
			return nil
		}
		name := strings.Replace(sel.Sel.Name, "MarshalIndent", "Marshal", 1)
		fix = analysis.SuggestedFix{
			Message: "Use " + name + " without indentation",
			TextEdits: []analysis.TextEdit{
				{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(name)},
				{Pos: s.call.Args[0].End(), End: s.call.Args[2].End()},
			},
		}
	case toJSON:
		fix = analysis.SuggestedFix{
			Message:   "Use JSON instead of IndentedJSON",
			TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("JSON")}},
		}
	case toJSONDropIndent:
		if len(s.call.Args) != 3 {
			return nil
		}
		fix = analysis.SuggestedFix{
			Message: "Use JSON instead of JSONPretty",
			TextEdits: []analysis.TextEdit{
				{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("JSON")},
				{Pos: s.call.Args[1].End(), End: s.call.Args[2].End()},
			},
		}
	case dropSetIndent:
		edit, ok := c.deleteStmt(s)
		if !ok {
			return nil
		}
		fix = analysis.SuggestedFix{Message: "Remove the SetIndent call", TextEdits: []analysis.TextEdit{edit}}
	default:
		return nil
	}
	return []analysis.SuggestedFix{fix}
}

// deleteStmt deletes the statement s.call is, with the line break and
// indentation before it when no comment lies there.
func (c *checker) deleteStmt(s *site) (analysis.TextEdit, bool) {
	stmtCur := s.cur.Parent()
	stmt, ok := stmtCur.Node().(*ast.ExprStmt)
	if !ok {
		return analysis.TextEdit{}, false
	}
	from := stmt.Pos()
	if block, ok := stmtCur.Parent().Node().(*ast.BlockStmt); ok {
		from = block.Lbrace + 1
		if prev, ok := stmtCur.PrevSibling(); ok {
			from = prev.Node().End()
		}
	}
	if from != stmt.Pos() && c.commentBetween(from, stmt.Pos()) {
		from = stmt.Pos()
	}
	// A comment trailing the statement on its line goes with it.
	end := stmt.End()
	if f := passutil.FileOf(c.pass.Files, stmt.Pos()); f != nil && from != stmt.Pos() {
		line := passutil.Line(c.pass.Fset, end)
		for _, cg := range f.Comments {
			if cg.Pos() >= end && passutil.Line(c.pass.Fset, cg.Pos()) == line {
				end = cg.End()
				break
			}
		}
	}
	return analysis.TextEdit{Pos: from, End: end}, true
}

func (c *checker) commentBetween(from, to token.Pos) bool {
	f := passutil.FileOf(c.pass.Files, from)
	if f == nil {
		return true
	}
	for _, cg := range f.Comments {
		if cg.Pos() < to && cg.End() > from {
			return true
		}
	}
	return false
}
