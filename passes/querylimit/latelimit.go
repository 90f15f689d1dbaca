package querylimit

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// lateBuilders are the gorm builders followed on a finisher's result: what
// a late Limit is chained through, and what the fix moves the finisher
// past.
var lateBuilders = map[string]bool{"Offset": true, "Order": true, "Limit": true}

// lateLimit returns the gorm Limit chained on the result of the finisher
// call (db.Where(maps).Find(&tags).Offset(n).Limit(size), go-gin-example's
// tag list): Find has already run the query when Limit adds its clause,
// so the Limit bounds nothing and every row the chain selects is read. It
// follows Offset, Order and Limit from the finisher's result, and returns
// nil when a negative constant Limit removes a limit (go-admin's
// Find(list).Limit(-1).Offset(-1).Count(&count), which counts every row
// after reading a page) or when another finisher runs the chain again.
func (c *checker) lateLimit(call *ssa.Call) *ssa.Call {
	var limit *ssa.Call
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		if depth > 6 || seen[v] {
			return true
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			next, ok := r.(*ssa.Call)
			if !ok || recv(next.Common()) != v {
				continue
			}
			key, _ := c.calleeKey(apimatch.SSACallee(next.Common()))
			switch gormMethod(key) {
			case "Limit":
				if n, ok := constInt(callArgs(next.Common())[0]); ok && n < 0 {
					return false // a limit removed, to count
				}
				if limit == nil {
					limit = next
				}
			case "Offset", "Order":
			case "Find", "Scan", "Pluck", "Count", "First", "Take", "Last", "Row", "Rows", "FindInBatches":
				return false // the chain runs again
			default:
				continue
			}
			if !walk(next, depth+1) {
				return false
			}
		}
		return true
	}
	if !walk(call, 0) {
		return nil
	}
	return limit
}

// chainedAfterFinisher reports whether the gorm Limit call limit is
// chained, through Offset, Order and Limit, on the result of a finisher
// that lateLimit finds it bounds nothing for.
func (c *checker) chainedAfterFinisher(limit *ssa.Call) bool {
	v := recv(limit.Common())
	for range 8 {
		call, ok := v.(*ssa.Call)
		if !ok {
			return false
		}
		key, _ := c.calleeKey(apimatch.SSACallee(call.Common()))
		switch m := gormMethod(key); {
		case lateBuilders[m]:
			v = recv(call.Common())
		case m == "Find", m == "Scan", m == "Pluck", m == "First", m == "Take", m == "Last":
			return c.lateLimit(call) != nil
		default:
			return false
		}
	}
	return false
}

// reportLateLimit reports the finisher call whose Limit, limit, is chained
// after it, with a suggested fix that moves the finisher after the
// builders chained on it when they are written on its result.
func (c *checker) reportLateLimit(call, limit *ssa.Call, acc *accum, method string) {
	find, ok := c.calls[call.Pos()]
	if !ok {
		return
	}
	d := analysis.Diagnostic{
		Pos: find.Pos(),
		End: find.End(),
		Message: fmt.Sprintf("every row of this query is %s: the Limit chained after %s (%s) bounds nothing, since %s has already run the query; move %s after the Limit",
			acc.what, method, passutil.ShortPos(c.pass.Fset, limit.Pos()), method, method),
	}
	if fix, ok := c.moveFinisher(find, method); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.emit(d)
}

// moveFinisher returns the edit that moves the finisher call find
// (".Find(&tags)") after the Offset, Order and Limit calls written on its
// result, when they are.
func (c *checker) moveFinisher(find *ast.CallExpr, method string) (analysis.SuggestedFix, bool) {
	sel, ok := find.Fun.(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	file := passutil.FileOf(c.pass.Files, find.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	path, _ := astutil.PathEnclosingInterval(file, find.Pos(), find.End())
	if len(path) == 0 || path[0] != ast.Node(find) {
		return analysis.SuggestedFix{}, false
	}
	var last *ast.CallExpr
	var next *ast.SelectorExpr // the selector chained right on find
	var cur ast.Expr = find
	limited := false
	for i := 1; i+1 < len(path); i += 2 {
		s, ok := path[i].(*ast.SelectorExpr)
		if !ok || s.X != cur {
			break
		}
		outer, ok := path[i+1].(*ast.CallExpr)
		if !ok || outer.Fun != s || !lateBuilders[s.Sel.Name] {
			break
		}
		if next == nil {
			next = s
		}
		limited = limited || s.Sel.Name == "Limit"
		last, cur = outer, outer
	}
	if last == nil || !limited {
		return analysis.SuggestedFix{}, false
	}
	// Delete "Find(&tags)." up to the next method's name and write
	// ".Find(&tags)" after the last builder; a comment in between would
	// be lost, so there is no fix then.
	for _, cg := range file.Comments {
		if cg.Pos() < next.Sel.Pos() && cg.End() > sel.Sel.Pos() {
			return analysis.SuggestedFix{}, false
		}
	}
	tf := c.pass.Fset.File(find.Pos())
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	from, to := tf.Offset(sel.Sel.Pos()), tf.Offset(find.End())
	if from < 0 || to > len(src) || from >= to {
		return analysis.SuggestedFix{}, false
	}
	moved := "." + string(src[from:to]) // ".Find(&tags)"
	return analysis.SuggestedFix{
		Message: fmt.Sprintf("Move %s after the Limit chained on it", method),
		TextEdits: []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: next.Sel.Pos()},
			{Pos: last.End(), End: last.End(), NewText: []byte(moved)},
		},
	}, true
}
