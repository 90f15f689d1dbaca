package blockedsend

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/ssaflow"
)

// mapSelect records the branch of sel's case on the channel (its true edge
// is a receive) and the branches of its other cases (for the message).
func (ci *chanInfo) mapSelect(sel *ssa.Select) {
	found := false
	for _, r := range refs(sel) {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		for _, r2 := range refs(ex) {
			bin, ok := r2.(*ssa.BinOp)
			if !ok || bin.Op != token.EQL {
				continue
			}
			k, ok := constInt(bin.Y)
			if !ok || k < 0 || int(k) >= len(sel.States) {
				continue
			}
			for _, r3 := range refs(bin) {
				if ifi, ok := r3.(*ssa.If); ok {
					b := ifi.Block()
					ci.selCases[b] = caseEdge{sel, int(k)}
					if ci.isSignal(sel.States[k].Chan) {
						ci.pruned[b] = true // the sender's own signal: it got past its send, or never sends
					}
					if isOSSignal(sel.States[k]) {
						ci.pruned[b] = true // the process is shutting down
					}
					if neverSent(sel.States[k]) {
						ci.pruned[b] = true // nothing sends on it or closes it: the case never fires
					}
					if ci.flow.Tracked(sel.States[k].Chan) {
						ci.pruned[b] = true
						found = true
					}
				}
			}
		}
	}
	if !found {
		ci.stops[sel] = true // cannot tell the cases apart: count it as a receive
	}
}

// neverSent reports whether st receives from a channel made in its
// function that is only ever received from there and in its closures:
// no send, no close, passed nowhere (kafkactl's GetTopics selects on an
// errChannel nothing sends on). Such a case never fires.
func neverSent(st *ssa.SelectState) bool {
	if st.Dir != types.RecvOnly {
		return false
	}
	v := st.Chan
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X // a captured variable's cell
	}
	var mc *ssa.MakeChan
	switch x := v.(type) {
	case *ssa.MakeChan:
		mc = x
	case *ssa.Alloc:
		// the variable a closure captures: the make stored in it, once
		for _, r := range *x.Referrers() {
			if s, ok := r.(*ssa.Store); ok && s.Addr == x {
				m, ok := s.Val.(*ssa.MakeChan)
				if !ok || mc != nil {
					return false
				}
				mc = m
			}
		}
	}
	if mc == nil {
		return false
	}
	flow := ssaflow.Track([]ssa.Value{mc}, nil)
	for _, u := range flow.Uses {
		switch in := u.Instr.(type) {
		case *ssa.UnOp:
			if in.Op != token.ARROW {
				return false
			}
		case *ssa.Select:
			for _, s := range in.States {
				if flow.Tracked(s.Chan) && s.Dir != types.RecvOnly {
					return false
				}
			}
		case *ssa.MakeClosure, *ssa.DebugRef:
			// captured: its uses in the closure are in Uses too
		default:
			return false // a send, close, store, call or return
		}
	}
	return true
}

// isOSSignal reports whether st receives from a channel of os.Signal, the
// channel signal.Notify delivers to: a case taken when the process has
// been told to stop (SIGTERM, an interrupt), after which it exits, so a
// goroutine left blocked there is not growth.
func isOSSignal(st *ssa.SelectState) bool {
	if st.Dir != types.RecvOnly {
		return false
	}
	ch, ok := st.Chan.Type().Underlying().(*types.Chan)
	return ok && apimatch.TypeKey(ch.Elem()) == "os.Signal"
}

// signals adds to set the channels, other than the tracked one, that the
// goroutine of mc closes or sends on (a "stopped" or "done" it signals
// when it finishes): a select case on one of them is taken only once the
// goroutine got past its send or did not send at all.
func signals(mc *ssa.MakeClosure, set map[ssa.Value]bool) {
	fn := mc.Fn.(*ssa.Function)
	var vars []ssa.Value
	for _, fv := range fn.FreeVars {
		vars = append(vars, fv)
	}
	signalsOf(vars, mc.Bindings, set, func(r ssa.Instruction) bool {
		_, ok := r.(*ssa.MakeClosure)
		return ok
	})
}

// argSignals is signals for "go func(done chan error, ...) { ... }(errc,
// ...)": a function literal given its channels as arguments.
func argSignals(g *ssa.Go, set map[ssa.Value]bool) {
	var fn *ssa.Function
	switch v := g.Call.Value.(type) {
	case *ssa.Function:
		fn = v
	case *ssa.MakeClosure: // it captures other variables too
		fn = v.Fn.(*ssa.Function)
	default:
		return
	}
	var vars []ssa.Value
	for _, p := range fn.Params {
		vars = append(vars, p)
	}
	signalsOf(vars, g.Call.Args, set, func(r ssa.Instruction) bool {
		switch r := r.(type) {
		case *ssa.UnOp, *ssa.Select:
			return false // a receive in F
		case *ssa.Call:
			_, builtin := r.Call.Value.(*ssa.Builtin)
			return !builtin // len, cap, close
		}
		return true // handed to a goroutine, a function, a field
	})
}

// signalsOf adds to set each value of bindings whose variable in vars
// (the goroutine's free variable or parameter) the goroutine sends on or
// closes, when the value is handed to no other goroutine or function
// (handedOff counts the uses that hand it over).
func signalsOf(vars, bindings []ssa.Value, set map[ssa.Value]bool, handedOff func(ssa.Instruction) bool) {
	for i, b := range bindings {
		if i >= len(vars) {
			break
		}
		fv := vars[i]
		handed := 0
		for _, r := range refs(b) {
			if handedOff(r) {
				handed++
			}
		}
		if handed != 1 {
			continue // shared with another closure: a value on it says nothing about this goroutine
		}
		vals := []ssa.Value{fv}
		if p, ok := b.Type().Underlying().(*types.Pointer); ok {
			if _, ok := p.Elem().Underlying().(*types.Chan); !ok {
				continue
			}
			vals = nil // a captured variable: its loads are the channel
			for _, r := range refs(fv) {
				if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL {
					vals = append(vals, u)
				}
			}
		} else if _, ok := b.Type().Underlying().(*types.Chan); !ok {
			continue
		}
		for _, v := range vals {
			for _, r := range refs(v) {
				switch r := r.(type) {
				case *ssa.Send:
					if r.Chan == v {
						set[b] = true
					}
				case ssa.CallInstruction:
					if bi, ok := r.Common().Value.(*ssa.Builtin); ok && bi.Name() == "close" {
						set[b] = true
					}
				}
			}
		}
	}
}

// pruneRangeOverClose handles a goroutine that closes another channel
// after its last send on the tracked one ("for ... { out <- v; errs <- e
// }; close(out)", or a deferred close): F's range over that channel runs
// to its end only once the goroutine is past every send (until then a
// blocked send hangs F, which is not a leak), so the range's exit is
// pruned. st is the only goroutine, started once.
func (ci *chanInfo) pruneRangeOverClose(st *start) {
	g := st.closure.Fn.(*ssa.Function)
	var uses []ssa.Instruction // the goroutine's sends on the tracked channel
	for _, u := range ci.flow.Uses {
		if p := u.Instr.Parent(); p == g {
			uses = append(uses, u.Instr)
		} else if p != ci.fn {
			return // a send in a closure of the goroutine: its order is not known
		}
	}
	for i, b := range st.closure.Bindings {
		if i >= len(g.FreeVars) || ci.flow.Tracked(b) {
			continue
		}
		inG, ok := chanValues(b, g.FreeVars[i], g, st.closure)
		if !ok {
			continue
		}
		inF, ok := chanValues(b, b, ci.fn, st.closure)
		if !ok || !closesAfter(inG, uses) {
			continue
		}
		for _, v := range inF {
			if !onlyReceived(v) {
				return
			}
		}
		for _, v := range inF {
			ci.pruneRangeExits(v)
		}
	}
}

// chanValues returns the values that are the channel v, a channel or a
// captured variable holding one, in fn: v itself, or its loads. It fails
// when the variable is assigned anything but its initial value, or used
// for anything but loads (and, in F, capture by mc).
func chanValues(b, v ssa.Value, fn *ssa.Function, mc *ssa.MakeClosure) ([]ssa.Value, bool) {
	if _, ok := v.Type().Underlying().(*types.Chan); ok {
		return []ssa.Value{v}, true
	}
	p, ok := v.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil, false
	}
	if _, ok := p.Elem().Underlying().(*types.Chan); !ok {
		return nil, false
	}
	var vals []ssa.Value
	stores := 0
	for _, r := range refs(v) {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, false
			}
			vals = append(vals, r)
		case *ssa.Store:
			if r.Addr != v || v != b || r.Parent() != fn {
				return nil, false
			}
			stores++
		case *ssa.MakeClosure:
			if r != mc {
				return nil, false
			}
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return vals, stores <= 1
}

// closesAfter reports whether the goroutine closes one of vals and every
// close comes after every one of uses: deferred, or in a block from which
// none of them is reached.
func closesAfter(vals []ssa.Value, uses []ssa.Instruction) bool {
	closes := 0
	for _, v := range vals {
		for _, r := range refs(v) {
			call, ok := r.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if bi, ok := call.Common().Value.(*ssa.Builtin); !ok || bi.Name() != "close" {
				continue
			}
			closes++
			if _, ok := r.(*ssa.Defer); ok {
				continue
			}
			for _, u := range uses {
				if u.Block() == r.Block() && ssaflow.Index(u) > ssaflow.Index(r) || ssaflow.Reaches(r.Block(), u.Block()) {
					return false
				}
			}
		}
	}
	return closes > 0
}

// onlyReceived reports whether v, the channel in F, is only received from
// there (or captured by the goroutine): F does not close it or pass it on.
func onlyReceived(v ssa.Value) bool {
	for _, r := range refs(v) {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.ARROW {
				return false
			}
		case *ssa.MakeClosure, *ssa.DebugRef:
			// the goroutine's capture
		default:
			return false
		}
	}
	return true
}

// pruneRangeExits records as received the exits of F's range loops over
// ch: the false edge of the "ok" of each comma-ok receive from ch.
func (ci *chanInfo) pruneRangeExits(ch ssa.Value) {
	for _, r := range refs(ch) {
		u, ok := r.(*ssa.UnOp)
		if !ok || u.Op != token.ARROW || !u.CommaOk || u.Parent() != ci.fn {
			continue
		}
		for _, r2 := range refs(u) {
			ex, ok := r2.(*ssa.Extract)
			if !ok || ex.Index != 1 {
				continue
			}
			for _, r3 := range refs(ex) {
				if ifi, ok := r3.(*ssa.If); ok && ifi.Cond == ex {
					ci.exitEdges = append(ci.exitEdges, edge{ifi.Block(), 1})
				}
			}
		}
	}
}

// isSignal reports whether v, a select case's channel, is one of the
// senders' signals (directly, or loaded from a captured variable).
func (ci *chanInfo) isSignal(v ssa.Value) bool {
	if ci.signals[v] {
		return true
	}
	u, ok := v.(*ssa.UnOp)
	return ok && u.Op == token.MUL && ci.signals[u.X]
}

// pruneLoopExit handles a receive inside a loop: the loop running to its
// end (its header's exit edge) is taken to have received every send, as
// in "for range senders { <-ch }"; leaving it any other way (a select
// case, a return or break in the body) is not.
func (ci *chanInfo) pruneLoopExit(rb *ssa.BasicBlock) {
	if !ssaflow.Reaches(rb, rb) {
		return
	}
	loop := map[*ssa.BasicBlock]bool{rb: true}
	for _, b := range rb.Parent().Blocks {
		if ssaflow.Reaches(rb, b) && ssaflow.Reaches(b, rb) {
			loop[b] = true
		}
	}
	for h := range loop {
		header := true
		for b := range loop {
			if !h.Dominates(b) {
				header = false
				break
			}
		}
		if !header {
			continue
		}
		if h.Comment == "rangeint.body" {
			ci.rangeIntExits(h, loop)
			return
		}
		if _, isSel := ci.selCases[h]; isSel || len(h.Instrs) == 0 {
			return // "for { select { ... } }": its exits are select cases, not a loop condition
		}
		if _, isIf := h.Instrs[len(h.Instrs)-1].(*ssa.If); !isIf {
			return
		}
		for i, s := range h.Succs {
			if !loop[s] {
				ci.exitEdges = append(ci.exitEdges, edge{h, i})
			}
		}
		return
	}
}

// rangeIntExits records the exits of a range-over-int loop. Such a loop is
// rotated: its header is its body, and its condition is tested twice,
// by a guard before it ("0 < n", which jumps straight to the loop's exit
// when it runs zero times) and by the latch at the end of each iteration
// ("i+1 < n"). Both are the loop running to its end; a select in the body
// ("for range n { select { ... } }") does not change that.
func (ci *chanInfo) rangeIntExits(h *ssa.BasicBlock, loop map[*ssa.BasicBlock]bool) {
	for _, p := range h.Preds {
		if len(p.Instrs) == 0 {
			continue
		}
		if _, isIf := p.Instrs[len(p.Instrs)-1].(*ssa.If); !isIf {
			continue
		}
		for i, s := range p.Succs {
			if !loop[s] {
				ci.exitEdges = append(ci.exitEdges, edge{p, i})
			}
		}
	}
}

type edge struct {
	b *ssa.BasicBlock
	i int
}

// drainedBefore reports whether a deferred drain or Wait is registered
// before at (the goroutine's start, or a receive), on every path to it.
func (ci *chanInfo) drainedBefore(at ssa.Instruction) bool {
	for _, d := range ci.defers {
		if d.Block() == at.Block() {
			if ssaflow.Index(d) < ssaflow.Index(at) {
				return true
			}
			continue
		}
		if d.Block().Dominates(at.Block()) {
			return true
		}
	}
	return false
}

// findExit searches for a path from at to a return of F that neither
// receives from the channel, nor drains it, nor waits for the senders.
func (ci *chanInfo) findExit(sb *ssa.BasicBlock, idx int) *ssaflow.Path {
	stop := func(in ssa.Instruction) bool {
		if ci.stops[in] || failsTest(in) {
			return true
		}
		if r, ok := in.(*ssa.Return); ok && ci.failed != nil && ci.failed(r) {
			return true
		}
		for _, d := range ci.defers {
			if d == in {
				return true
			}
		}
		return false
	}
	prune := func(b *ssa.BasicBlock, i int) bool {
		if i == 0 && ci.pruned[b] {
			return true
		}
		for _, e := range ci.exitEdges {
			if e.b == b && e.i == i {
				return true
			}
		}
		return false
	}
	return ssaflow.FindExitFrom(sb, idx, stop, prune)
}

// testFailures are the calls that mark a test or benchmark failed (or
// skipped) whatever their arguments: a goroutine left blocked on a path
// through one of them costs a test run that has already failed.
var testFailures = map[string]bool{
	"(*testing.common).Error":   true,
	"(*testing.common).Errorf":  true,
	"(*testing.common).Fail":    true,
	"(*testing.common).FailNow": true,
	"(*testing.common).Fatal":   true,
	"(*testing.common).Fatalf":  true,
	"(*testing.common).Skip":    true,
	"(*testing.common).SkipNow": true,
	"(*testing.common).Skipf":   true,

	"github.com/stretchr/testify/assert.Fail":                   true,
	"github.com/stretchr/testify/assert.FailNow":                true,
	"github.com/stretchr/testify/require.Fail":                  true,
	"github.com/stretchr/testify/require.FailNow":               true,
	"(*github.com/stretchr/testify/assert.Assertions).Fail":     true,
	"(*github.com/stretchr/testify/assert.Assertions).FailNow":  true,
	"(*github.com/stretchr/testify/require.Assertions).Fail":    true,
	"(*github.com/stretchr/testify/require.Assertions).FailNow": true,
}

// failsTest reports whether in is a call in testFailures.
func failsTest(in ssa.Instruction) bool {
	call, ok := in.(ssa.CallInstruction)
	if !ok || call.Common().IsInvoke() {
		return false
	}
	fn := call.Common().StaticCallee()
	if fn == nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && testFailures[apimatch.Key(obj)]
}

// dominatesReturns reports whether b dominates every returning block of its
// function: a send there happens on every path that ends normally.
func dominatesReturns(b *ssa.BasicBlock) bool {
	any := false
	for _, r := range b.Parent().Blocks {
		if len(r.Instrs) == 0 {
			continue
		}
		if _, ok := r.Instrs[len(r.Instrs)-1].(*ssa.Return); ok {
			any = true
			if !b.Dominates(r) {
				return false
			}
		}
	}
	return any
}
