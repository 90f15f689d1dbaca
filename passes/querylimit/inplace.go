package querylimit

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Query builders that change in place (an xorm Session, an ent ItemQuery)
// return themselves from each method, so a method called on the builder in
// a statement of its own (if since > 0 { sess.And(...) }) applies to a
// later read of the same builder, though no chain of calls leads from one
// to the other. kind tells, for one library, the methods that add to the
// builder and return it, and those that run its query.
type kind struct {
	builds func(*ssa.Call) bool // Where, Limit, ...: adds and returns the builder
	runs   func(*ssa.Call) bool // Find, All, Count, ...: runs the query
	// harmless, if set, tells the builders that change neither which rows
	// the query selects nor how many (OrderBy, UseBool, ...): a statement
	// made only of them is not the read's concern (statements).
	harmless func(*ssa.Call) bool
}

// touched reports whether the builder v is given, by an instruction other
// than at, a method that adds to it and whose result no read of its own
// runs: it may apply to at.
func (k kind) touched(v ssa.Value, at ssa.Instruction) bool {
	if v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		call, ok := r.(*ssa.Call)
		if !ok || r == at || recv(call.Common()) != v {
			continue
		}
		if k.builds(call) && !k.consumed(call, 0) {
			return true
		}
	}
	return false
}

// consumed reports whether the builder v, through further builder methods
// and phis, reaches a method that runs its query. Returned, stored or
// passed on, it may be run after more is added: not consumed.
func (k kind) consumed(v ssa.Value, depth int) bool {
	if depth > 16 || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Phi:
			if k.consumed(r, depth+1) {
				return true
			}
		case *ssa.Call:
			if recv(r.Common()) != v {
				continue
			}
			if k.runs(r) || k.builds(r) && k.consumed(r, depth+1) {
				return true
			}
		}
	}
	return false
}

// statements returns the statements of their own that add to the
// builder v and apply to at, the read or builder whose receiver v is
// (session.Where(...) on a line of its own, then session.Find(&rows)),
// each as the outermost call of its statement: their conditions and Limit
// are the read's too. ok is false when a statement may or may not apply
// (it is in another block: under an if, in a loop) or is more than a
// chain of builders (the builder stored or passed on). A statement whose
// own chain runs a read, one before an earlier read of the builder in the
// same block (each read resets the statement, as xorm's finishers do),
// and one made only of harmless builders are not at's.
func (k kind) statements(v ssa.Value, at ssa.Instruction) (stmts []*ssa.Call, ok bool) {
	if v.Referrers() == nil {
		return nil, true
	}
	for _, r := range *v.Referrers() {
		call, isCall := r.(*ssa.Call)
		if !isCall || r == at || recv(call.Common()) != v || !k.builds(call) || k.consumed(call, 0) {
			continue
		}
		top, changes, plain := k.statementTop(call)
		switch {
		case !changes:
			continue
		case !plain || call.Block() != at.Block() || instrIndex(top) > instrIndex(at):
			return nil, false
		case k.readBetween(v, top, at):
			continue
		}
		stmts = append(stmts, top)
	}
	return stmts, true
}

// statementTop follows the builder call, the first of a statement, to the
// statement's outermost call. changes is false when every method of the
// statement is harmless; plain is false when the builder goes anywhere
// but to another builder of the statement.
func (k kind) statementTop(call *ssa.Call) (top *ssa.Call, changes, plain bool) {
	top = call
	for range 24 {
		changes = changes || k.harmless == nil || !k.harmless(top)
		var next *ssa.Call
		for _, r := range *top.Referrers() {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.Call:
				if recv(r.Common()) != top || !k.builds(r) || next != nil {
					return top, changes, false
				}
				next = r
			default:
				return top, changes, false
			}
		}
		if next == nil {
			return top, changes, true
		}
		top = next
	}
	return top, changes, false
}

// readBetween reports whether the builder v is read, by a call of its own
// or through a chain of builders, between the instructions from and to of
// one block: a statement before that read is reset by it.
func (k kind) readBetween(v ssa.Value, from, to ssa.Instruction) bool {
	i, j := instrIndex(from), instrIndex(to)
	for _, r := range *v.Referrers() {
		call, ok := r.(*ssa.Call)
		if !ok || r == to || call.Block() != from.Block() || recv(call.Common()) != v {
			continue
		}
		if n := instrIndex(call); n > i && n < j && (k.runs(call) || k.builds(call) && k.consumed(call, 0)) {
			return true
		}
	}
	return false
}

// instrIndex returns the index of instr in its block.
func instrIndex(instr ssa.Instruction) int {
	return slices.Index(instr.Block().Instrs, instr)
}
