package ownership

import (
	"cmp"
	"go/token"
	"maps"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/ssaflow"
)

// LeakPath returns a path from start (nil: fn's entry) to a return of fn
// on which the value u describes is neither released nor handed off, or
// nil. Edges on which one of errs is non-nil are not followed (the
// constructor failed: there is nothing to release; a storage.Writer's
// Write failed: the upload has ended), nor those on which the value
// itself is nil. A deferred release that dominates start covers every
// return.
func (r *Result) LeakPath(fn *ssa.Function, start ssa.Instruction, u *Usage, errs []ssa.Value) *ssaflow.Path {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.leakPath(fn, start, u, errs)
}

func (r *Result) leakPath(fn *ssa.Function, start ssa.Instruction, u *Usage, errs []ssa.Value) *ssaflow.Path {
	for in := range u.Releases {
		d, ok := in.(*ssa.Defer)
		if !ok || d.Parent() != fn || start == nil {
			continue
		}
		if d.Block() != start.Block() && d.Block().Dominates(start.Block()) {
			return nil
		}
		if d.Block() == start.Block() && slices.Index(d.Block().Instrs, in) < slices.Index(d.Block().Instrs, start) {
			return nil
		}
	}
	stop := func(in ssa.Instruction) bool {
		_, cond := u.CondHandoffs[in]
		return u.Releases[in] || u.Handoffs[in] || cond
	}
	// An error may reach its check through a variable (a named result,
	// or one captured by a closure) or a phi.
	var failed map[ssa.Value]bool
	if len(errs) > 0 {
		failed = map[ssa.Value]bool{}
		for _, e := range errs {
			for v := range ssaflow.Track([]ssa.Value{e}, nil).Values {
				failed[v] = true
			}
		}
		// A load of the variable after another store to it in the same
		// block reads that value, not the error: kafkactl reuses the
		// constructor's err (captured by an errgroup closure) for
		// err = g.Wait(); if err != nil { return err }, a failure of
		// Wait, not of the constructor.
		for v := range failed {
			if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL && !storedBefore(load, failed) {
				delete(failed, v)
			}
		}
	}
	// A phi of the error and of another call's error (if err == nil {
	// err = c.Assign(...) }; if err != nil { return }: bulker's
	// FailedHandler) is the constructor's failure only on the edges that
	// bring the constructor's error: its check, in the phi's block, is
	// judged by the edge the path came by.
	mixed := mixedPhis(failed)
	var sensitive map[*ssa.BasicBlock]bool
	for phi := range mixed {
		delete(failed, phi)
		if sensitive == nil {
			sensitive = map[*ssa.BasicBlock]bool{}
		}
		sensitive[phi.Block()] = true
	}
	prune := func(from, b *ssa.BasicBlock, i int) bool {
		if failed != nil {
			if nonNil, _, ok := ssaflow.NilBranch(b, func(v ssa.Value) bool { return failed[v] }); ok && i == nonNil {
				return true
			}
		}
		if len(mixed) > 0 {
			// From an edge bringing the constructor's error (or nil, or
			// an unknown edge), the non-nil branch is its failure.
			isMixed := func(v ssa.Value) bool {
				phi, ok := v.(*ssa.Phi)
				if !ok || !mixed[phi] || phi.Block() != b {
					return false
				}
				k := slices.Index(b.Preds, from)
				if k < 0 {
					return true
				}
				e := phi.Edges[k]
				if failed[e] || ssaflow.IsNilConst(e) || mixed[asPhi(e)] {
					return true
				}
				// The edge leaves a check that found e nil (if err =
				// c.Assign(...); err != nil { c.Close() }: the other
				// branch): the non-nil branch cannot follow it.
				_, isNil, ok := ssaflow.NilBranch(from, func(v ssa.Value) bool { return v == e })
				return ok && isNil >= 0 && from.Succs[isNil] == b
			}
			if nonNil, _, ok := ssaflow.NilBranch(b, isMixed); ok && i == nonNil {
				return true
			}
		}
		if _, isNil, ok := ssaflow.NilBranch(b, func(v ssa.Value) bool { return u.Values[v] }); ok && i == isNil {
			return true
		}
		if closed, ok := closedBranch(b, u.Values); ok && i == closed {
			return true // if !client.Closed() { client.Close() }: already closed
		}
		return false
	}
	var p *ssaflow.Path
	if start == nil {
		p = ssaflow.FindExitFromEntryVia(fn, stop, prune, sensitive)
	} else {
		p = ssaflow.FindExitVia(start, stop, prune, sensitive)
	}
	if p != nil {
		return p
	}
	// A call that keeps the value only when it succeeds leaves it with
	// fn on the paths where its error is not nil.
	calls := slices.SortedFunc(maps.Keys(u.CondHandoffs), func(a, b ssa.Instruction) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, call := range calls {
		errv := u.CondHandoffs[call]
		if start != nil && call.Block() != start.Block() && !ssaflow.Reaches(start.Block(), call.Block()) {
			continue
		}
		kept := ssaflow.Track([]ssa.Value{errv}, nil).Values
		failing := func(from, b *ssa.BasicBlock, i int) bool {
			if _, isNil, ok := ssaflow.NilBranch(b, func(v ssa.Value) bool { return kept[v] }); ok && i == isNil {
				return true
			}
			return prune(from, b, i)
		}
		if p := ssaflow.FindExitVia(call, stop, failing, sensitive); p != nil {
			return p
		}
	}
	return nil
}

// mixedPhis returns the phis of failed (the constructor's error and
// what it flows to) that also merge a value that is neither one of
// failed nor the nil constant: another call's error.
func mixedPhis(failed map[ssa.Value]bool) map[*ssa.Phi]bool {
	var out map[*ssa.Phi]bool
	for v := range failed {
		phi, ok := v.(*ssa.Phi)
		if !ok {
			continue
		}
		for _, e := range phi.Edges {
			if !failed[e] && !ssaflow.IsNilConst(e) {
				if out == nil {
					out = map[*ssa.Phi]bool{}
				}
				out[phi] = true
				break
			}
		}
	}
	return out
}

func asPhi(v ssa.Value) *ssa.Phi {
	phi, _ := v.(*ssa.Phi)
	return phi
}

// CondHandoffCall returns the conditional hand-off of u whose error the
// return p ends in returns (return newTopicManager(client): the call's
// failure is the caller's), or nil.
func CondHandoffCall(p *ssaflow.Path, u *Usage) *ssa.Call {
	if p == nil || p.Exit == nil || len(p.Exit.Results) == 0 {
		return nil
	}
	last := p.Exit.Results[len(p.Exit.Results)-1]
	for in, errv := range u.CondHandoffs {
		if call, ok := in.(*ssa.Call); ok && ssaflow.Track([]ssa.Value{errv}, nil).Values[last] {
			return call
		}
	}
	return nil
}

// closedBranch returns the successor of b taken when the value b's If
// asks Closed() or IsClosed() of (a method of one of values, returning
// bool: sarama's Client.Closed) reports it closed, for a guard around a
// release (keda: if !client.Closed() { client.Close() }).
func closedBranch(b *ssa.BasicBlock, values map[ssa.Value]bool) (int, bool) {
	if len(b.Instrs) == 0 || len(b.Succs) != 2 {
		return 0, false
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return 0, false
	}
	cond, taken := iff.Cond, 0
	if n, ok := cond.(*ssa.UnOp); ok && n.Op == token.NOT {
		cond, taken = n.X, 1
	}
	call, ok := cond.(*ssa.Call)
	if !ok {
		return 0, false
	}
	common := call.Common()
	var recv ssa.Value
	var name string
	switch {
	case common.IsInvoke():
		recv, name = common.Value, common.Method.Name()
	case common.StaticCallee() != nil && common.StaticCallee().Signature.Recv() != nil && len(common.Args) > 0:
		recv, name = common.Args[0], common.StaticCallee().Name()
	default:
		return 0, false
	}
	if (name != "Closed" && name != "IsClosed") || len(common.Args) > 1 || !values[recv] && !values[ssaflow.Unconvert(recv)] {
		return 0, false
	}
	if common.IsInvoke() && len(common.Args) > 0 {
		return 0, false
	}
	return taken, true
}

// storedBefore reports whether load, a load of a variable, may read one
// of the values of failed: the nearest store to the variable before it in
// its block stores one of them, or there is no store before it in the
// block (an earlier block's store: taken to be the error, as before).
func storedBefore(load *ssa.UnOp, failed map[ssa.Value]bool) bool {
	instrs := load.Block().Instrs
	for i := ssaflow.Index(load) - 1; i >= 0; i-- {
		if st, ok := instrs[i].(*ssa.Store); ok && st.Addr == load.X {
			return failed[st.Val]
		}
	}
	return true
}
