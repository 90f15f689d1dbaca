package querylimit

import "golang.org/x/tools/go/ssa"

// Query builders that change in place (an xorm Session, an ent ItemQuery)
// return themselves from each method, so a method called on the builder in
// a statement of its own (if since > 0 { sess.And(...) }) applies to a
// later read of the same builder, though no chain of calls leads from one
// to the other. kind tells, for one library, the methods that add to the
// builder and return it, and those that run its query.
type kind struct {
	builds func(*ssa.Call) bool // Where, Limit, ...: adds and returns the builder
	runs   func(*ssa.Call) bool // Find, All, Count, ...: runs the query
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
