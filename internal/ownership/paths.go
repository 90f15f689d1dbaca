package ownership

import (
	"cmp"
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
	}
	prune := func(b *ssa.BasicBlock, i int) bool {
		if failed != nil {
			if nonNil, _, ok := ssaflow.NilBranch(b, func(v ssa.Value) bool { return failed[v] }); ok && i == nonNil {
				return true
			}
		}
		if _, isNil, ok := ssaflow.NilBranch(b, func(v ssa.Value) bool { return u.Values[v] }); ok && i == isNil {
			return true
		}
		return false
	}
	var p *ssaflow.Path
	if start == nil {
		p = ssaflow.FindExitFromEntry(fn, stop, prune)
	} else {
		p = ssaflow.FindExit(start, stop, prune)
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
		failing := func(b *ssa.BasicBlock, i int) bool {
			if _, isNil, ok := ssaflow.NilBranch(b, func(v ssa.Value) bool { return kept[v] }); ok && i == isNil {
				return true
			}
			return prune(b, i)
		}
		if p := ssaflow.FindExit(call, stop, failing); p != nil {
			return p
		}
	}
	return nil
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
