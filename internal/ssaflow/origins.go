package ssaflow

import "golang.org/x/tools/go/ssa"

// Origins walks backward from a value to the values it may come from:
// through conversions (MakeInterface, ChangeType, Convert), the operands of
// a binary operation, the edges of a phi (each from its predecessor block)
// and calls whose result is an argument in another form (Passthrough). The
// caller's Visit decides at every value whether the walk stops there, with
// an answer, or goes on to the value's origins; the answer of a value with
// several origins is the first one that is not the zero T, so the walk
// looks for one origin that answers (a request read, a value not known to
// be bounded).
//
// The walk is depth-first, in operand and edge order, and goes at most
// MaxDepth steps back from the value it starts at.
type Origins[T comparable] struct {
	// MaxDepth caps the walk: a value more than MaxDepth steps back (or a
	// nil value) is not visited and answers Deep.
	MaxDepth int
	Deep     T
	// Visit decides for each value reached: Stop answers the returned T
	// for it (the zero T: nothing here); Continue walks on to its origins,
	// if the walker knows of any (a value of another kind answers the zero
	// T).
	Visit func(s *Step[T]) (T, Verdict)
	// Edge, if set, is asked before the walk takes edge i of phi, from
	// phi.Block().Preds[i]; false skips it (a branch on the edge proves
	// what the walk looks for).
	Edge func(phi *ssa.Phi, i int) bool
	// Passthrough, if set, returns the argument a call's result is in
	// another form (the text strconv.Atoi parses), or nil. Such a call,
	// and the first result extracted from it, come from that argument.
	Passthrough func(*ssa.CallCommon) ssa.Value
	// Acyclic makes a phi reached again while its edges are being walked
	// answer the zero T: in a loop of phis, the other edges are walked
	// where the phi was first met.
	Acyclic bool

	onPath map[*ssa.Phi]bool
}

// A Verdict is what Visit decides for a value.
type Verdict uint8

const (
	// Continue walks on to the value's origins.
	Continue Verdict = iota
	// Stop answers the value with what Visit returned.
	Stop
)

// A Step is a value the walk reached and where it is used.
type Step[T comparable] struct {
	Value ssa.Value
	// Block is the block in which the walk uses Value: the block of the
	// using instruction, or for a value reached along a phi edge, the
	// edge's predecessor (Value is used at its end).
	Block *ssa.BasicBlock
	// At is the using instruction in Block, or nil: the walk's start gave
	// none, or Value was reached along a phi edge.
	At ssa.Instruction
	// Depth counts the steps back from the start (0 at the start).
	Depth int

	w *Origins[T]
}

// Walk answers x as an origin of the step's value chosen by Visit (an
// argument of min): one step deeper, used at the same place.
func (s *Step[T]) Walk(x ssa.Value) T {
	return s.w.walk(x, s.Block, s.At, s.Depth+1)
}

// Walk walks back from v, used in block b by instruction at (nil: at the
// end of b, or unknown), and returns its answer.
func (w *Origins[T]) Walk(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction) T {
	return w.walk(v, b, at, 0)
}

func (w *Origins[T]) walk(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction, depth int) T {
	var zero T
	if v == nil || depth > w.MaxDepth {
		return w.Deep
	}
	if r, verdict := w.Visit(&Step[T]{Value: v, Block: b, At: at, Depth: depth, w: w}); verdict == Stop {
		return r
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return w.walk(x.X, b, at, depth+1)
	case *ssa.ChangeType:
		return w.walk(x.X, b, at, depth+1)
	case *ssa.Convert:
		return w.walk(x.X, b, at, depth+1)
	case *ssa.BinOp:
		if r := w.walk(x.X, b, at, depth+1); r != zero {
			return r
		}
		return w.walk(x.Y, b, at, depth+1)
	case *ssa.Phi:
		if w.Acyclic {
			if w.onPath[x] {
				return zero
			}
			if w.onPath == nil {
				w.onPath = map[*ssa.Phi]bool{}
			}
			w.onPath[x] = true
			defer delete(w.onPath, x)
		}
		preds := x.Block().Preds
		for i, e := range x.Edges {
			if i >= len(preds) || e == x {
				continue
			}
			if w.Edge != nil && !w.Edge(x, i) {
				continue
			}
			if r := w.walk(e, preds[i], nil, depth+1); r != zero {
				return r
			}
		}
	case *ssa.Call:
		if a := w.passthrough(x.Common()); a != nil {
			return w.walk(a, b, at, depth+1)
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			if a := w.passthrough(call.Common()); a != nil {
				return w.walk(a, b, at, depth+1)
			}
		}
	}
	return zero
}

func (w *Origins[T]) passthrough(common *ssa.CallCommon) ssa.Value {
	if w.Passthrough == nil {
		return nil
	}
	return w.Passthrough(common)
}
