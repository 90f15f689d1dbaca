package blockedsend

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/ssaflow"
)

func (c *checker) report(ci *chanInfo, st *start, live []*start, size int64, path *ssaflow.Path, inLoop bool) {
	name := c.chanName(ci)
	fname := funcName(ci.fn)
	how := ci.describe(path)
	must := 0
	for _, s := range live {
		must += s.must
	}
	var kind string
	switch {
	case ci.callee != nil && name == "":
		// An async helper's channel: "the channel Go returns".
		name = "the channel " + ci.callee.Name() + " returns"
		kind = "the unbuffered channel " + ci.callee.Name() + " returns"
		if size > 0 {
			kind = fmt.Sprintf("%s (capacity %d, %d sends)", name, size, must)
		}
	case size > 0:
		kind = fmt.Sprintf("channel %s (capacity %d, %d sends)", name, size, must)
	default:
		kind = "unbuffered channel " + name
	}
	var pos, end token.Pos
	if len(st.sends) > 0 {
		// On an unbuffered channel every send blocks: name the first in
		// the source, the one a reader meets first, whatever order SSA
		// gives the goroutine's blocks. With a buffer, sends[0] is the
		// one past it.
		first := st.sends[0].Pos()
		if size == 0 {
			for _, s := range st.sends[1:] {
				if p := s.Pos(); p.IsValid() && (!first.IsValid() || p < first) {
					first = p
				}
			}
		}
		n := c.nodeAt(first, func(n ast.Node) bool { _, ok := n.(*ast.SendStmt); return ok })
		if n != nil {
			pos, end = n.Pos(), n.End()
		}
	}
	if !pos.IsValid() {
		n := c.nodeAt(st.at.Pos(), func(n ast.Node) bool {
			switch n.(type) {
			case *ast.GoStmt, *ast.CallExpr:
				return true
			}
			return false
		})
		if n != nil {
			pos, end = n.Pos(), n.End()
		} else {
			pos = st.at.Pos()
		}
	}
	alive := "(leaks the goroutine, its stack of 2 KiB or more and everything it references)"
	msg := fmt.Sprintf("%s blocks forever sending on %s when %s returns %s %s", st.name, kind, fname, how, alive)
	if inLoop {
		if how == "before receiving" {
			how = "early"
		}
		msg = fmt.Sprintf("%s blocks forever sending on %s when %s leaves its receiving loop %s with sends still pending %s", st.name, kind, fname, how, alive)
	}
	d := analysis.Diagnostic{Pos: pos, End: end, Message: msg}
	switch {
	case st.async != nil:
		if st.async.send.IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: st.async.send, Message: "the goroutine of " + ci.callee.Name() + " sends here"})
		}
	case len(st.sends) > 0 || st.at.Pos() != pos:
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: st.at.Pos(), Message: "goroutine started here"})
	}
	if size == 0 && st.async == nil {
		// On an unbuffered channel every send of the goroutine is the same
		// leak: name the others, in source order, so that each place it
		// can block is in sight.
		var others []token.Pos
		for _, s := range st.sends {
			if p := s.Pos(); p.IsValid() && (p < pos || p >= end) && !slices.Contains(others, p) {
				others = append(others, p)
			}
		}
		slices.Sort(others)
		for _, p := range others {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: p, Message: "the goroutine may block sending here too"})
		}
	}
	rpos := path.Exit.Pos()
	if !rpos.IsValid() {
		if body := funcBody(ci.fn); body != nil {
			rpos = body.Rbrace
		}
	}
	if rpos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: rpos, Message: fmt.Sprintf("%s returns here without receiving from %s", fname, name)})
	}
	if fix, ok := c.fix(ci, live, name); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	passutil.Report(c.pass, d)
}

// describe names the way out a path takes: the select case it leaves by,
// or the failing call whose error it returns.
func (ci *chanInfo) describe(p *ssaflow.Path) string {
	for i := 0; i+1 < len(p.Blocks); i++ {
		b, next := p.Blocks[i], p.Blocks[i+1]
		ce, ok := ci.selCases[b]
		if !ok || len(b.Succs) != 2 || b.Succs[0] != next {
			continue
		}
		if !ci.flow.Tracked(ce.sel.States[ce.k].Chan) {
			return "through the " + caseName(ce.sel.States[ce.k].Chan) + " case of the select"
		}
	}
	if call := ssaflow.FailingCall(p); call != nil {
		if callee := call.Call.StaticCallee(); callee != nil {
			return "early when " + callee.Name() + " fails"
		}
		return "early on an error"
	}
	for _, b := range p.Blocks {
		for _, in := range b.Instrs {
			if sel, ok := in.(*ssa.Select); ok && !sel.Blocking {
				for _, s := range sel.States {
					if ci.flow.Tracked(s.Chan) {
						return "through the default case of the select"
					}
				}
			}
		}
	}
	return "before receiving"
}

// caseName describes the channel of another select case.
func caseName(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Call:
		if callee := v.Call.StaticCallee(); callee != nil {
			if obj, _ := callee.Object().(*types.Func); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "time" {
				return "time." + obj.Name()
			}
		}
		done := v.Call.IsInvoke() && v.Call.Method.Name() == "Done"
		if callee := v.Call.StaticCallee(); callee != nil && callee.Name() == "Done" {
			done = true
		}
		if done {
			recv := v.Call.Value
			if !v.Call.IsInvoke() && len(v.Call.Args) > 0 {
				recv = v.Call.Args[0]
			}
			if _, ok := recv.(*ssa.Parameter); ok {
				return recv.Name() + ".Done()"
			}
			// A parameter a closure captures lives in a variable of its own.
			if u, ok := recv.(*ssa.UnOp); ok && u.Op == token.MUL {
				if a, ok := u.X.(*ssa.Alloc); ok && a.Comment != "" && token.IsIdentifier(a.Comment) {
					return a.Comment + ".Done()"
				}
			}
			return "Done()"
		}
		if v.Call.IsInvoke() {
			return v.Call.Method.Name() + "()"
		}
		if callee := v.Call.StaticCallee(); callee != nil {
			return callee.Name() + "()"
		}
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			if st, ok := typesStruct(fa.X.Type()); ok {
				f := st.Field(fa.Field)
				if f.Name() == "C" && f.Pkg() != nil && f.Pkg().Path() == "time" {
					if p, ok := fa.X.Type().Underlying().(*types.Pointer); ok {
						if n, ok := p.Elem().(*types.Named); ok && n.Obj().Name() == "Ticker" {
							return "ticker"
						}
					}
					return "timer"
				}
				return f.Name()
			}
		}
		switch x := v.X.(type) {
		case *ssa.Alloc:
			if x.Comment != "" {
				return x.Comment
			}
		case *ssa.FreeVar:
			return x.Name()
		}
	case *ssa.Parameter, *ssa.FreeVar:
		return v.Name()
	}
	return "other"
}

func typesStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	return s, ok
}

// fix gives the channel a buffer for every send when the number of sends
// is a constant.
func (c *checker) fix(ci *chanInfo, live []*start, name string) (analysis.SuggestedFix, bool) {
	n := 0
	for _, st := range live {
		if st.count <= 0 {
			return analysis.SuggestedFix{}, false
		}
		n += maxPerRun(st)
	}
	if ci.made == nil {
		return analysis.SuggestedFix{}, false // made by the callee: the buffer is its choice
	}
	call, _ := c.nodeAt(ci.made.Pos(), func(n ast.Node) bool {
		ce, ok := n.(*ast.CallExpr)
		return ok && ce.Lparen == ci.made.Pos()
	}).(*ast.CallExpr)
	if call == nil || call.Ellipsis.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	var edit analysis.TextEdit
	switch len(call.Args) {
	case 1:
		edit = analysis.TextEdit{Pos: call.Args[0].End(), End: call.Args[0].End(), NewText: []byte(", " + strconv.Itoa(n))}
	case 2:
		edit = analysis.TextEdit{Pos: call.Args[1].Pos(), End: call.Args[1].End(), NewText: []byte(strconv.Itoa(n))}
	default:
		return analysis.SuggestedFix{}, false
	}
	plural := "s"
	if n == 1 {
		plural = ""
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Buffer %s for its %d send%s", name, n, plural),
		TextEdits: []analysis.TextEdit{edit},
	}, true
}

// chanName names the channel by the variable it is assigned to.
func (c *checker) chanName(ci *chanInfo) string {
	for _, r := range refs(ci.root) {
		if dr, ok := r.(*ssa.DebugRef); ok {
			if id, ok := dr.Expr.(*ast.Ident); ok {
				return id.Name
			}
		}
	}
	for v := range ci.flow.Values {
		for _, r := range refs(v) {
			if dr, ok := r.(*ssa.DebugRef); ok {
				if id, ok := dr.Expr.(*ast.Ident); ok {
					return id.Name
				}
			}
		}
	}
	var found string
	if ce := c.nodeAt(ci.root.Pos(), func(n ast.Node) bool {
		ce, ok := n.(*ast.CallExpr)
		return ok && ce.Lparen == ci.root.Pos()
	}); ce != nil {
		f := passutil.FileOf(c.pass.Files, ce.Pos())
		path, _ := astutil.PathEnclosingInterval(f, ce.Pos(), ce.End())
		if len(path) > 1 {
			// Only the call's parent: x := make(chan T), var x = ...
			switch p := path[1].(type) {
			case *ast.AssignStmt:
				for i, r := range p.Rhs {
					if r == ce && i < len(p.Lhs) {
						if id, ok := p.Lhs[i].(*ast.Ident); ok {
							found = id.Name
						}
					}
				}
			case *ast.ValueSpec:
				for i, r := range p.Values {
					if r == ce && i < len(p.Names) {
						found = p.Names[i].Name
					}
				}
			}
			if found != "" {
				return found
			}
		}
	}
	if ci.callee != nil {
		return "" // named by report after the function
	}
	return "made here"
}

// nodeAt finds the innermost node starting or containing pos that
// satisfies ok.
func (c *checker) nodeAt(pos token.Pos, ok func(ast.Node) bool) ast.Node {
	f := passutil.FileOf(c.pass.Files, pos)
	if f == nil || !pos.IsValid() {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	for _, n := range path {
		if ok(n) {
			return n
		}
	}
	return nil
}

func funcName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		if fn.Parent().Parent() == nil {
			return "the function literal in " + fn.Parent().Name()
		}
		fn = fn.Parent()
	}
	return fn.Name()
}

func funcBody(fn *ssa.Function) *ast.BlockStmt {
	switch s := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return s.Body
	case *ast.FuncLit:
		return s.Body
	}
	return nil
}

func refs(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

func constInt(v ssa.Value) (int64, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}

// maxPerRun returns the most sends st can make in one run: the largest
// number of its sends on one path through its function, when every send
// it may make is one of its own send statements and no path repeats a
// block (one send of a result or of an error, each followed by a return,
// is one send, not three); st.count otherwise.
func maxPerRun(st *start) int {
	if st.fn == nil || len(st.sends) != st.count || len(st.fn.Blocks) == 0 {
		return st.count
	}
	per := map[*ssa.BasicBlock]int{}
	for _, s := range st.sends {
		per[s.Block()]++
	}
	const visiting = -1
	memo := map[*ssa.BasicBlock]int{}
	cyclic := false
	var most func(b *ssa.BasicBlock) int
	most = func(b *ssa.BasicBlock) int {
		if m, ok := memo[b]; ok {
			if m == visiting {
				cyclic = true
				return 0
			}
			return m
		}
		memo[b] = visiting
		best := 0
		for _, succ := range b.Succs {
			best = max(best, most(succ))
		}
		memo[b] = best + per[b]
		return memo[b]
	}
	m := most(st.fn.Blocks[0])
	if cyclic || m <= 0 || m > st.count {
		return st.count
	}
	return m
}
