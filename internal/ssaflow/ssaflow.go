// Package ssaflow follows one object through a function's SSA form and
// searches the function's control-flow graph for paths that miss an event.
//
// It is the machinery under memlint's resource passes: Track computes the
// values that may refer to an object (its aliases) within a function and the
// closures it is captured by, and reports every other use of them for the
// pass to classify; FindExit looks for a path from an instruction to a
// return that avoids a set of instructions (releases), skipping edges a pass
// knows to be infeasible (NilBranch: "the constructor failed").
//
// The tracking is flow-insensitive and intraprocedural: interprocedural
// knowledge (a callee returns its argument) enters through Options.Follow.
package ssaflow

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A Flow is the result of Track.
type Flow struct {
	// Values holds the values that may be the object: the roots, and
	// values derived from them by Phi, ChangeType, ChangeInterface,
	// MakeInterface, TypeAssert, Slice, loads from Cells, free variables
	// of closures the object is bound into, and values returned by Follow.
	Values map[ssa.Value]bool
	// Cells holds the values that point to a variable holding the object:
	// local Allocs it was stored in and the free variables of closures
	// that capture such a variable.
	Cells map[ssa.Value]bool
	// Containers holds the varargs arrays the object was stored into; the
	// array (and the slice of it) stands for the object when passed on.
	Containers map[ssa.Value]bool
	// Uses lists every instruction that uses a value of Values, Cells or
	// Containers in a way not explained above, in discovery order.
	// MakeClosure bindings are listed too.
	Uses []Use

	fields bool
}

// A Use is an instruction using a tracked value.
type Use struct {
	Instr ssa.Instruction
	Val   ssa.Value // the tracked value used (a member of Values, Cells or Containers)
}

// Options adjusts Track.
type Options struct {
	// Follow, if set, is called for every Use; the values it returns are
	// tracked as further aliases (for instance the result of a call whose
	// callee returns its argument).
	Follow func(u Use) []ssa.Value
	// Fields makes a local allocation (a struct literal, new(T)) that the
	// object is stored into a field of a container of the object, as a
	// varargs array is. Without it such a store is a Use.
	Fields bool
}

// Tracked reports whether v is a member of Values, Cells or Containers.
func (f *Flow) Tracked(v ssa.Value) bool {
	return f.Values[v] || f.Cells[v] || f.Containers[v]
}

// Track computes the Flow of the object held by roots.
func Track(roots []ssa.Value, opt *Options) *Flow {
	if opt == nil {
		opt = &Options{}
	}
	f := &Flow{
		Values:     make(map[ssa.Value]bool),
		Cells:      make(map[ssa.Value]bool),
		Containers: make(map[ssa.Value]bool),
		fields:     opt.Fields,
	}
	var work []ssa.Value
	add := func(m map[ssa.Value]bool, v ssa.Value) {
		if v != nil && !f.Tracked(v) {
			m[v] = true
			work = append(work, v)
		}
	}
	for _, r := range roots {
		add(f.Values, r)
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, instr := range *refs {
			if f.alias(instr, v, add) {
				continue
			}
			u := Use{Instr: instr, Val: v}
			f.Uses = append(f.Uses, u)
			if mc, ok := instr.(*ssa.MakeClosure); ok {
				for i, b := range mc.Bindings {
					if b != v {
						continue
					}
					fv := mc.Fn.(*ssa.Function).FreeVars[i]
					if f.Cells[v] {
						add(f.Cells, fv)
					} else {
						add(f.Values, fv)
					}
				}
			}
			if opt.Follow != nil {
				for _, w := range opt.Follow(u) {
					add(f.Values, w)
				}
			}
		}
	}
	return f
}

// alias handles instructions that only copy or convert v; it reports
// whether instr was handled (including uses that are mere inspections).
func (f *Flow) alias(instr ssa.Instruction, v ssa.Value, add func(map[ssa.Value]bool, ssa.Value)) bool {
	isCell := f.Cells[v]
	switch instr := instr.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.Phi:
		if isCell {
			add(f.Cells, instr)
		} else {
			add(f.Values, instr)
		}
		return true
	case *ssa.UnOp:
		if isCell && instr.Op == token.MUL {
			add(f.Values, instr)
			return true
		}
		if f.Containers[v] && instr.Op == token.MUL {
			// A copy of the struct that holds the value (conn :=
			// Conn{db: db} builds the literal, then copies it into the
			// variable): the copy holds it too.
			add(f.Values, instr)
			return true
		}
	case *ssa.ChangeType, *ssa.ChangeInterface, *ssa.MakeInterface:
		if !isCell {
			add(f.Values, instr.(ssa.Value))
			return true
		}
	case *ssa.TypeAssert:
		if instr.CommaOk {
			for _, r := range referrers(instr) {
				if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
					add(f.Values, e)
				}
			}
		} else {
			add(f.Values, instr)
		}
		return true
	case *ssa.Slice:
		if f.Containers[v] {
			add(f.Containers, instr)
			return true
		}
	case *ssa.Store:
		if instr.Addr == v {
			return true // writes into the object (a field, or the variable): not a use of the object
		}
		switch addr := instr.Addr.(type) {
		case *ssa.Alloc:
			add(f.Cells, addr)
			return true
		case *ssa.IndexAddr:
			if a, ok := addr.X.(*ssa.Alloc); ok && a.Comment == "varargs" {
				add(f.Containers, a)
				return true
			}
		case *ssa.FieldAddr:
			if a, ok := addr.X.(*ssa.Alloc); ok && f.fields {
				add(f.Containers, a)
				return true
			}
		}
	case *ssa.FieldAddr, *ssa.Field, *ssa.IndexAddr, *ssa.Index, *ssa.Lookup:
		// Reading the object's fields or elements.
		return !f.Containers[v]
	case *ssa.BinOp:
		return true // comparisons
	case *ssa.If:
		return true
	}
	return false
}

func referrers(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

// A Path is a path through a function's control-flow graph found by FindExit.
type Path struct {
	// Blocks are the blocks of the path, from the start's block to the
	// exit's block.
	Blocks []*ssa.BasicBlock
	// Exit is the return the path ends in, or nil when the path comes
	// back to the start instruction (Again).
	Exit *ssa.Return
	// Again reports that the path comes back to the start instruction:
	// in a loop, the object is created afresh while the old one is live.
	Again bool
}

// FindExit searches the function of start for a path from just after
// start to a Return that passes no instruction for which stop reports
// true, and returns the shortest one, or nil.
//
// Blocks ending in Panic are not exits: buildssa ends calls of functions
// that never return (log.Fatal, os.Exit, t.Fatal) with a panic. The edge
// from b to b.Succs[i] is not followed when prune(b, i) reports true
// (prune may be nil). A path that comes back to start is found too, with
// Again set: in a loop, the next iteration creates a new object.
func FindExit(start ssa.Instruction, stop func(ssa.Instruction) bool, prune func(b *ssa.BasicBlock, i int) bool) *Path {
	sb := start.Block()
	if sb == nil {
		return nil
	}
	for i, in := range sb.Instrs {
		if in == start {
			return findExit(sb, i+1, start, stop, prune)
		}
	}
	return nil
}

// FindExitFromEntry is FindExit for a path from the entry of fn.
func FindExitFromEntry(fn *ssa.Function, stop func(ssa.Instruction) bool, prune func(b *ssa.BasicBlock, i int) bool) *Path {
	if len(fn.Blocks) == 0 {
		return nil
	}
	return findExit(fn.Blocks[0], 0, nil, stop, prune)
}

// FindExitFrom is FindExit for a path from instruction idx of block sb
// (idx may be len(sb.Instrs): from the end of the block).
func FindExitFrom(sb *ssa.BasicBlock, idx int, stop func(ssa.Instruction) bool, prune func(b *ssa.BasicBlock, i int) bool) *Path {
	return findExit(sb, idx, nil, stop, prune)
}

func findExit(sb *ssa.BasicBlock, idx int, start ssa.Instruction, stop func(ssa.Instruction) bool, prune func(b *ssa.BasicBlock, i int) bool) *Path {
	var via func(from, b *ssa.BasicBlock, i int) bool
	if prune != nil {
		via = func(_, b *ssa.BasicBlock, i int) bool { return prune(b, i) }
	}
	return findExitVia(sb, idx, start, stop, via, nil)
}

// FindExitVia is FindExit whose prune
// also receives the block the path entered b from (nil for the first
// block), and which visits each block of sensitive once for each
// predecessor it is entered from: a phi there has the value of the edge
// the path came by, so a branch on it may be pruned for some
// predecessors and followed for others.
func FindExitVia(start ssa.Instruction, stop func(ssa.Instruction) bool, prune func(from, b *ssa.BasicBlock, i int) bool, sensitive map[*ssa.BasicBlock]bool) *Path {
	sb := start.Block()
	if sb == nil {
		return nil
	}
	for i, in := range sb.Instrs {
		if in == start {
			return findExitVia(sb, i+1, start, stop, prune, sensitive)
		}
	}
	return nil
}

// FindExitFromEntryVia is FindExitVia for a path from the entry of fn.
func FindExitFromEntryVia(fn *ssa.Function, stop func(ssa.Instruction) bool, prune func(from, b *ssa.BasicBlock, i int) bool, sensitive map[*ssa.BasicBlock]bool) *Path {
	if len(fn.Blocks) == 0 {
		return nil
	}
	return findExitVia(fn.Blocks[0], 0, nil, stop, prune, sensitive)
}

func findExitVia(sb *ssa.BasicBlock, idx int, start ssa.Instruction, stop func(ssa.Instruction) bool, prune func(from, b *ssa.BasicBlock, i int) bool, sensitive map[*ssa.BasicBlock]bool) *Path {
	// scan walks b's instructions from index from; it reports whether the
	// path ends in b, and the exit if it ends in a return.
	scan := func(b *ssa.BasicBlock, from int) (ended bool, exit *Path) {
		for i := from; i < len(b.Instrs); i++ {
			in := b.Instrs[i]
			if in == start {
				return true, &Path{Again: true}
			}
			if stop(in) {
				return true, nil
			}
			switch in := in.(type) {
			case *ssa.Return:
				return true, &Path{Exit: in}
			case *ssa.Panic:
				return true, nil
			}
		}
		return false, nil
	}
	type node struct {
		b      *ssa.BasicBlock
		parent *node
	}
	path := func(n *node, p *Path) *Path {
		for ; n != nil; n = n.parent {
			p.Blocks = append([]*ssa.BasicBlock{n.b}, p.Blocks...)
		}
		return p
	}
	first := &node{b: sb}
	if ended, exit := scan(sb, idx); ended {
		if exit != nil {
			return path(first, exit)
		}
		return nil
	}
	type visit struct{ b, from *ssa.BasicBlock }
	seen := map[visit]bool{}
	queue := []*node{first}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		var from *ssa.BasicBlock
		if n.parent != nil {
			from = n.parent.b
		}
		for i, s := range n.b.Succs {
			k := visit{b: s}
			if sensitive[s] {
				k.from = n.b
			}
			if seen[k] || (prune != nil && prune(from, n.b, i)) {
				continue
			}
			seen[k] = true
			m := &node{b: s, parent: n}
			ended, exit := scan(s, 0)
			if exit != nil {
				return path(m, exit)
			}
			if !ended {
				queue = append(queue, m)
			}
		}
	}
	return nil
}

// NilBranch reports, for a block ending in "if x != nil" or "if x == nil"
// (either operand order) where is(x) holds, the index in b.Succs of the
// successor taken when x is non-nil and of the one taken when it is nil.
// ok is false for any other block.
//
// A branch that holds only when x is non-nil counts too, with isNil -1
// (no successor is known to have x nil): "if errors.Is(x, target)" and
// "if errors.As(x, &target)" (errors.Is(nil, target) is true only for a
// nil target, which is not followed), and "if x == sentinel" or "if x !=
// sentinel" with sentinel a package variable (io.EOF,
// storage.ErrObjectNotExist), which is taken to be non-nil.
func NilBranch(b *ssa.BasicBlock, is func(ssa.Value) bool) (nonNil, isNil int, ok bool) {
	if len(b.Instrs) == 0 || len(b.Succs) != 2 {
		return 0, 0, false
	}
	ifi, _ := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if ifi == nil {
		return 0, 0, false
	}
	if call, _ := ifi.Cond.(*ssa.Call); call != nil {
		if errorsMatch(call, is) {
			return 0, -1, true
		}
		return 0, 0, false
	}
	cond, _ := ifi.Cond.(*ssa.BinOp)
	if cond == nil || (cond.Op != token.EQL && cond.Op != token.NEQ) {
		return 0, 0, false
	}
	x, y := cond.X, cond.Y
	if IsNilConst(x) || isSentinel(x) {
		x, y = y, x
	}
	if !is(x) {
		return 0, 0, false
	}
	switch {
	case IsNilConst(y) && cond.Op == token.NEQ:
		return 0, 1, true
	case IsNilConst(y):
		return 1, 0, true
	case isSentinel(y) && cond.Op == token.NEQ:
		return 1, -1, true
	case isSentinel(y):
		return 0, -1, true
	}
	return 0, 0, false
}

// errorsMatch reports whether call is errors.Is(x, target) with a target
// that is not the nil constant, or errors.As(x, ptr), with is(x).
func errorsMatch(call *ssa.Call, is func(ssa.Value) bool) bool {
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "errors" || len(call.Call.Args) != 2 {
		return false
	}
	switch fn.Name() {
	case "Is":
		if IsNilConst(call.Call.Args[1]) {
			return false
		}
	case "As":
	default:
		return false
	}
	return is(call.Call.Args[0])
}

// isSentinel reports whether v is the value of a package variable.
func isSentinel(v ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	_, ok = u.X.(*ssa.Global)
	return ok
}

// IsNilConst reports whether v is the constant nil (the zero value of a
// type with no constant form).
func IsNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value == nil
}

// ErrorOf returns the error result of call: the call itself when it
// returns only an error, or the Extract of its last result when that
// result is an error; nil otherwise.
func ErrorOf(call *ssa.Call) ssa.Value {
	res := call.Call.Signature().Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), errorType) {
		return nil
	}
	if res.Len() == 1 {
		return call
	}
	for _, r := range referrers(call) {
		if e, ok := r.(*ssa.Extract); ok && e.Index == res.Len()-1 {
			return e
		}
	}
	return nil
}

var errorType = types.Universe.Lookup("error").Type()

// FailingCall returns the call whose failure the path follows: the last
// branch of p taken because a call's error result was non-nil. It returns
// nil when the path takes no such branch.
func FailingCall(p *Path) *ssa.Call {
	var found *ssa.Call
	for i := 0; i+1 < len(p.Blocks); i++ {
		b, next := p.Blocks[i], p.Blocks[i+1]
		var call *ssa.Call
		nonNil, _, ok := NilBranch(b, func(v ssa.Value) bool {
			// A phi of errors checked in its own block (if err == nil {
			// err = c.Assign(...) }; if err != nil): the value of the
			// edge the path came by.
			if phi, isPhi := v.(*ssa.Phi); isPhi && phi.Block() == b && i > 0 {
				if k := slices.Index(b.Preds, p.Blocks[i-1]); k >= 0 {
					v = phi.Edges[k]
				}
			}
			switch v := v.(type) {
			case *ssa.Extract:
				c, _ := v.Tuple.(*ssa.Call)
				if c != nil && ErrorOf(c) == v {
					call = c
				}
			case *ssa.Call:
				if ErrorOf(v) == v {
					call = v
				}
			}
			return call != nil
		})
		if ok && b.Succs[nonNil] == next {
			found = call
		}
	}
	return found
}

// Index returns the position of in among its block's instructions, or
// -1 if it is not there.
func Index(in ssa.Instruction) int {
	for i, x := range in.Block().Instrs {
		if x == in {
			return i
		}
	}
	return -1
}

// Reaches reports whether to can be reached from from by following at
// least one control-flow edge; Reaches(b, b) reports whether b is in a
// loop.
func Reaches(from, to *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), from.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == to {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return false
}

// Unconvert strips the conversions a value goes through (MakeInterface,
// ChangeType, ChangeInterface): a returned &T{} is still the allocation.
func Unconvert(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return v
		}
	}
}
