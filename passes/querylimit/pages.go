package querylimit

// Every page kept: a loop that reads a query page by page (a LIMIT per
// read, the next page asked for until one comes back short) and appends
// every page to one slice holds all the rows the query matches, as if it
// had no LIMIT (ezbookkeeping's GetAllTransactions pages a user's
// transactions by time and keeps them all for an export).

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
)

// limitBounds says what bounds one read of a Find with a Limit.
const limitBounds = "its LIMIT bounds each page"

// xormFinders are the xorm methods that read every row of a session's
// query into a slice.
var xormFinders = map[string]bool{
	"(*xorm.io/xorm.Session).Find": true,
	"(*xorm.io/xorm.Engine).Find":  true,
}

// checkPages reports the page reads of fn whose every page is appended to
// one slice that outlives the loop.
func (c *checker) checkPages(fn *ssa.Function) {
	if c.testCode(fn) || migration(fn) {
		return
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if bi, ok := call.Call.Value.(*ssa.Builtin); !ok || bi.Name() != "append" || len(call.Call.Args) != 2 {
				continue
			}
			c.checkPageAppend(call)
		}
	}
}

// checkPageAppend judges acc = append(acc, page...).
func (c *checker) checkPageAppend(app *ssa.Call) {
	acc, ok := app.Call.Args[0].(*ssa.Phi)
	if !ok || !incoming(acc, app) {
		return // not carried from one iteration to the next
	}
	header := acc.Block()
	loop := loopBlocks(header)
	if !loop[app.Block()] {
		return
	}
	page := app.Call.Args[1]
	read, what, per := c.pageRead(page, loop)
	if read == nil {
		return
	}
	// The loop must stop on a short page (len(page) < n) and on nothing
	// that bounds the total (len(acc) < max: ezbookkeeping's UpToCount).
	short := false
	for b := range loop {
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		for _, l := range lensIn(ifi.Cond) {
			switch {
			case l == acc || l == app:
				return
			case sameSlice(l, page):
				short = true
			}
		}
	}
	if !short || !usedAfter(loop, acc, app) {
		return
	}
	c.reportf(read, "every page %s reads in this loop is appended to %s, which keeps every row the query matches (%s, not the total); handle each page and drop it, or stop at a bound, since the code pages the query, so its rows can be many",
		what, c.name(acc), per)
}

// incoming reports whether v reaches the phi on one of its edges.
func incoming(phi *ssa.Phi, v ssa.Value) bool {
	for _, e := range phi.Edges {
		if e == v {
			return true
		}
	}
	return false
}

// loopBlocks returns the natural loop whose header is h: h and the blocks
// that reach a back edge into h (from a block h dominates) without
// passing through h. Walking predecessors costs one visit per block, not
// a reachability search per block.
func loopBlocks(h *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	loop := map[*ssa.BasicBlock]bool{h: true}
	var work []*ssa.BasicBlock
	for _, p := range h.Preds {
		if h.Dominates(p) && !loop[p] {
			loop[p] = true
			work = append(work, p)
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, p := range b.Preds {
			if !loop[p] {
				loop[p] = true
				work = append(work, p)
			}
		}
	}
	return loop
}

// pageRead returns the call inside the loop that reads the page, how the
// message names it and what the message says bounds one read: a Find of
// xorm or gorm with a Limit in its chain into the page's variable (the
// Limit, seen), or a function of the package that queries a database and
// returns the page (the call; its LIMIT is not looked for).
func (c *checker) pageRead(page ssa.Value, loop map[*ssa.BasicBlock]bool) (read *ssa.Call, what, per string) {
	switch p := page.(type) {
	case *ssa.UnOp:
		// var page []T; sess.Limit(n).Find(&page)
		alloc, ok := p.X.(*ssa.Alloc)
		if !ok || alloc.Referrers() == nil {
			return nil, "", ""
		}
		for _, r := range *alloc.Referrers() {
			mi, ok := r.(*ssa.MakeInterface)
			if !ok || mi.Referrers() == nil {
				continue
			}
			for _, rr := range *mi.Referrers() {
				call, ok := rr.(*ssa.Call)
				if !ok || !loop[call.Block()] || len(call.Call.Args) < 2 || call.Call.Args[1] != mi {
					continue
				}
				key := apimatch.Key(apimatch.SSACallee(call.Common()))
				switch {
				case xormFinders[key] && xormLimited(call.Call.Args[0]):
					return call, "xorm Find", limitBounds
				case gormMethod(key) == "Find" && c.gormLimited(call):
					return call, "gorm Find", limitBounds
				}
			}
		}
	case *ssa.Extract:
		call, ok := p.Tuple.(*ssa.Call)
		if ok && p.Index == 0 && loop[call.Block()] {
			g := call.Call.StaticCallee()
			if g == nil || g.Package() == nil || g.Package().Pkg != c.pass.Pkg {
				return nil, "", ""
			}
			if obj, ok := g.Object().(*types.Func); ok && queries(g, 2) {
				return call, shortName(obj), "each call returns one page"
			}
		}
	}
	return nil, "", ""
}

// xormLimited reports whether the xorm session chain v carries a Limit.
func xormLimited(v ssa.Value) bool {
	for range 24 {
		call, ok := v.(*ssa.Call)
		if !ok || call.Call.IsInvoke() || len(call.Call.Args) == 0 {
			return false
		}
		fn := apimatch.SSACallee(call.Common())
		if fn == nil || fn.Pkg() == nil || apimatch.PkgPath(fn.Pkg()) != xormPkg {
			return false
		}
		if fn.Name() == "Limit" {
			return true
		}
		v = call.Call.Args[0]
	}
	return false
}

// gormLimited reports whether every chain of the gorm Find call has a
// Limit other than 1.
func (c *checker) gormLimited(call *ssa.Call) bool {
	var alts []chain
	c.chains(recv(call.Common()), 0, &alts, chain{})
	for _, ch := range alts {
		if !ch.limit || ch.one {
			return false
		}
	}
	return len(alts) > 0
}

// queries reports whether fn, a function of the package, calls a database
// package (targets: database/sql, sqlx, pgx, gorm, xorm, the mongo
// driver) itself or through functions of the package it calls, up to
// depth of them (GetTransactionsByMaxTime checks its arguments and calls
// the function that runs the query).
func queries(fn *ssa.Function, depth int) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			callee := apimatch.SSACallee(call.Common())
			if callee != nil && callee.Pkg() != nil && apimatch.Matches(apimatch.PkgPath(callee.Pkg()), targets...) {
				return true
			}
			if g := call.Common().StaticCallee(); depth > 0 && g != nil && g != fn && g.Package() == fn.Package() && queries(g, depth-1) {
				return true
			}
		}
	}
	return false
}

// lensIn returns the operands of len calls in the comparison v.
func lensIn(v ssa.Value) []ssa.Value {
	var out []ssa.Value
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if depth > 4 {
			return
		}
		switch x := v.(type) {
		case *ssa.BinOp:
			walk(x.X, depth+1)
			walk(x.Y, depth+1)
		case *ssa.Convert:
			walk(x.X, depth+1)
		case *ssa.Call:
			if bi, ok := x.Call.Value.(*ssa.Builtin); ok && bi.Name() == "len" && len(x.Call.Args) == 1 {
				out = append(out, x.Call.Args[0])
			}
		}
	}
	walk(v, 0)
	return out
}

// sameSlice reports whether a and b are the same slice: one value, or two
// loads of one variable.
func sameSlice(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	x, ok1 := a.(*ssa.UnOp)
	y, ok2 := b.(*ssa.UnOp)
	return ok1 && ok2 && x.X == y.X
}

// usedAfter reports whether the accumulated slice is used outside the
// loop (returned, stored, handed on).
func usedAfter(loop map[*ssa.BasicBlock]bool, vs ...ssa.Value) bool {
	for _, v := range vs {
		if v.Referrers() == nil {
			continue
		}
		for _, r := range *v.Referrers() {
			if _, ok := r.(*ssa.DebugRef); ok {
				continue
			}
			if !loop[r.Block()] {
				return true
			}
		}
	}
	return false
}
