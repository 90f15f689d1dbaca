package querylimit

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
)

// accum describes how the rows of a query are kept in memory.
type accum struct {
	what string // "appended to out"
	pos  token.Pos
	// dest is the destination an ORM read fills (&users), when the rows
	// are read into one: keyed.go follows key lists collected from it.
	dest ssa.Value
}

// rowsOf returns the rows (or cursor) result of call, or nil when it is
// not used.
func rowsOf(call *ssa.Call) ssa.Value {
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
			return e
		}
	}
	return nil
}

// rowsAccumulation returns how the rows (or cursor) returned by call are
// accumulated, or nil if they are not (streamed, or handed off).
func (c *checker) rowsAccumulation(call *ssa.Call) *accum {
	if rows := rowsOf(call); rows != nil {
		return c.accumulationOf(rows)
	}
	return nil
}

// returnsRows reports whether the rows (or cursor) returned by call are
// returned by its function to its caller.
func returnsRows(call *ssa.Call) bool {
	rows := rowsOf(call)
	if rows == nil {
		return false
	}
	for _, u := range *rows.Referrers() {
		if _, ok := u.(*ssa.Return); ok {
			return true
		}
	}
	return false
}

// accumulationOf returns how the rows or cursor v are accumulated.
func (c *checker) accumulationOf(rows ssa.Value) *accum {
	for _, use := range uses(rows, 0) {
		common := use.Common()
		key := apimatch.Key(apimatch.SSACallee(common))
		if col, ok := collectors[key]; ok {
			if col.into < 0 {
				return &accum{what: col.what, pos: use.Pos()}
			}
			if args := callArgs(common); col.into < len(args) {
				return &accum{what: fmt.Sprintf(col.what, c.name(args[col.into])), pos: use.Pos()}
			}
		}
		fn := apimatch.SSACallee(common)
		if fn != nil && fn.Name() == "Next" && recv(common) != nil {
			if a := c.loopAccumulation(use); a != nil {
				return a
			}
		}
		// A scan helper whose fact says it accumulates this argument.
		if f := c.fact(fn); f != nil && len(f.Rows) > 0 {
			for i, a := range callArgs(common) {
				if !derivedFrom(a, rows) {
					continue
				}
				if j := slices.Index(f.Rows, i); j >= 0 && j < len(f.RowsWhat) {
					return &accum{what: f.RowsWhat[j] + " in " + shortName(fn), pos: use.Pos()}
				}
			}
		}
	}
	return nil
}

// derivedFrom reports whether a is v, an embedded field of it, or a phi
// one of whose edges is v.
func derivedFrom(a, v ssa.Value) bool {
	for range 4 {
		if a == v {
			return true
		}
		switch x := a.(type) {
		case *ssa.UnOp:
			a = x.X
		case *ssa.FieldAddr:
			a = x.X
		case *ssa.Field:
			a = x.X
		case *ssa.MakeInterface:
			a = x.X
		case *ssa.Phi:
			// rows assigned on each branch and used after them
			return slices.Contains(x.Edges, v)
		default:
			return false
		}
	}
	return false
}

// uses returns the calls that use v as receiver or argument, looking
// through embedded-field selections (sqlx.Rows embeds *sql.Rows) and the
// phi of a variable assigned on each branch of an if.
func uses(v ssa.Value, depth int) []*ssa.Call {
	if depth > 3 || v.Referrers() == nil {
		return nil
	}
	var out []*ssa.Call
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Call:
			out = append(out, r)
		case *ssa.FieldAddr:
			out = append(out, uses(r, depth+1)...)
		case *ssa.Field:
			out = append(out, uses(r, depth+1)...)
		case *ssa.UnOp:
			if r.Op == token.MUL {
				out = append(out, uses(r, depth+1)...)
			}
		case *ssa.Phi:
			// var rows *sql.Rows; if x { rows, err = q1 } else { rows, err = q2 }
			out = append(out, uses(r, depth+1)...)
		case *ssa.Store:
			// rows a closure captures (defer func() { rows.Close() }())
			// live in a cell: the function's loads of it are its uses.
			if cell, ok := r.Addr.(*ssa.Alloc); ok && r.Val == v && cell.Referrers() != nil {
				for _, l := range *cell.Referrers() {
					if u, ok := l.(*ssa.UnOp); ok && u.Op == token.MUL {
						out = append(out, uses(u, depth+1)...)
					}
				}
			}
		}
	}
	return out
}

// loopAccumulation looks for rows kept across iterations of the loop
// controlled by next (a rows.Next() call).
func (c *checker) loopAccumulation(next *ssa.Call) *accum {
	for _, r := range *next.Referrers() {
		iff, ok := r.(*ssa.If)
		if !ok {
			continue
		}
		entry := iff.Block().Succs[0]
		if len(entry.Preds) != 1 {
			continue
		}
		inBody := func(b *ssa.BasicBlock) bool { return b != nil && entry.Dominates(b) }
		if countedLoop(iff.Block(), inBody) {
			continue
		}
		for _, b := range next.Parent().Blocks {
			if !inBody(b) {
				continue
			}
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Call:
					if isAppend(&x.Call) {
						if name, ok := c.carried(x, inBody); ok {
							return &accum{what: "appended to " + name, pos: x.Pos()}
						}
					}
				case *ssa.MapUpdate:
					if isCache(x.Map) || cached(x.Map, 0) {
						continue // a cache or registry the function fills
					}
					if _, ok := x.Key.(*ssa.Const); ok {
						continue // tags["event"] = v: one entry, overwritten by every row
					}
					if def := definedIn(x.Map); def == nil || !inBody(def) {
						name := c.name(x.Map)
						if ix, ok := c.index[x.Pos()]; ok {
							name = types.ExprString(ix.X)
						}
						return &accum{what: "put in map " + name, pos: x.Pos()}
					}
				}
			}
		}
	}
	return nil
}

// isAppend reports whether call appends to a slice: the builtin append,
// or reflect.Append and AppendSlice (fider's dbx Select fills the caller's
// slice by reflection: items = reflect.Append(items, item)).
func isAppend(call *ssa.CallCommon) bool {
	if bi, ok := call.Value.(*ssa.Builtin); ok {
		return bi.Name() == "append"
	}
	switch apimatch.Key(apimatch.SSACallee(call)) {
	case "reflect.Append", "reflect.AppendSlice":
		return true
	}
	return false
}

// countedLoop reports whether the loop with this header has, in its
// body, an integer comparison one of whose branches leaves the loop
// ("if len(out) == max { break }", "if n >= limit { return out }"): the
// loop reads a bounded number of rows.
func countedLoop(header *ssa.BasicBlock, inBody func(*ssa.BasicBlock) bool) bool {
	reach := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), header.Preds...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if reach[b] {
			continue
		}
		reach[b] = true
		work = append(work, b.Preds...)
	}
	for _, b := range header.Parent().Blocks {
		if !inBody(b) || len(b.Instrs) == 0 {
			continue
		}
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cond, ok := iff.Cond.(*ssa.BinOp)
		if !ok || !isInteger(cond.X.Type()) {
			continue
		}
		switch cond.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL:
		default:
			continue
		}
		for _, s := range b.Succs {
			if s != header && !reach[s] {
				return true
			}
		}
	}
	return false
}

// baseOf returns the variable an address points into (u for &u.Tags).
func baseOf(addr ssa.Value) ssa.Value {
	for range 8 {
		switch x := addr.(type) {
		case *ssa.FieldAddr:
			addr = x.X
		case *ssa.IndexAddr:
			if _, ok := x.X.Type().Underlying().(*types.Pointer); !ok {
				return addr // an element of a slice lives outside the variable
			}
			addr = x.X
		default:
			return addr
		}
	}
	return addr
}

func definedIn(v ssa.Value) *ssa.BasicBlock {
	if instr, ok := v.(ssa.Instruction); ok {
		return instr.Block()
	}
	return nil
}

// carried reports whether the result of append survives the loop
// iteration: it reaches a phi outside the body (the loop header) or is
// stored to memory that outlives the iteration, and is never reset in the
// body (batching: batch = batch[:0]).
func (c *checker) carried(app *ssa.Call, inBody func(*ssa.BasicBlock) bool) (string, bool) {
	seen := map[ssa.Value]bool{}
	work := []ssa.Value{app}
	name, found := "", false
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[v] || v.Referrers() == nil {
			continue
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Phi:
				if inBody(r.Block()) {
					for _, e := range r.Edges {
						if e == v {
							continue
						}
						switch e := e.(type) {
						case *ssa.Slice, *ssa.MakeSlice, *ssa.Const:
							return "", false // reset in the body: batching
						default:
							if d := definedIn(e); d != nil && inBody(d) && !seen[e] {
								if _, isApp := e.(*ssa.Call); !isApp {
									return "", false
								}
							}
						}
					}
					work = append(work, r)
				} else {
					if cached(r, 0) {
						return "", false // a cache or registry the function fills
					}
					for i, e := range r.Edges {
						if e == v || i >= len(r.Block().Preds) || !inBody(r.Block().Preds[i]) {
							continue
						}
						switch e.(type) {
						case *ssa.Slice, *ssa.MakeSlice, *ssa.Const:
							return "", false // reset in the body: batching
						}
					}
					name, found = r.Comment, true
					if name == "" {
						name = "a slice"
					}
				}
			case *ssa.Store:
				if r.Val != v {
					continue
				}
				if d := definedIn(baseOf(r.Addr)); d != nil && inBody(d) {
					if _, ok := baseOf(r.Addr).(*ssa.Alloc); ok {
						continue // a variable or struct of this iteration
					}
				}
				if isCache(r.Addr) {
					return "", false // a cache or registry the function fills
				}
				name, found = c.name(r.Addr), true
			}
		}
	}
	return name, found
}

// isCache reports whether v is, or is loaded from, long-lived storage the
// function fills: a field of its receiver or a package variable
// (r.colls, registry, s.byID[k]). Rows loaded there are a cache or a
// registry: it holds the whole result by design, and a LIMIT would
// truncate it. Fields of other parameters are not counted: an output
// parameter is how a helper returns rows.
func isCache(v ssa.Value) bool {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	switch v.(type) {
	case *ssa.Global:
		return true
	case *ssa.FieldAddr:
	default:
		return false
	}
	root := baseOf(v)
	if u, ok := root.(*ssa.UnOp); ok && u.Op == token.MUL {
		root = u.X // a field of a struct the receiver points to
	}
	switch root := root.(type) {
	case *ssa.Global:
		return true
	case *ssa.Parameter:
		fn := root.Parent()
		return fn.Signature.Recv() != nil && len(fn.Params) > 0 && fn.Params[0] == root
	}
	return false
}

// cached reports whether the accumulator acc (a map, or the slice a loop
// appends to) is put in long-lived storage after the loop: stored in a
// field of the receiver or a package variable, or into a map kept there
// (r.colls[db] = colls).
func cached(acc ssa.Value, depth int) bool {
	if depth > 3 || acc.Referrers() == nil {
		return false
	}
	for _, r := range *acc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val == acc && isCache(r.Addr) {
				return true
			}
		case *ssa.MapUpdate:
			if r.Value == acc && isCache(r.Map) {
				return true
			}
		case *ssa.Phi:
			if cached(r, depth+1) {
				return true
			}
		case *ssa.MakeInterface:
			if cached(r, depth+1) {
				return true
			}
		}
	}
	return false
}
