package ssaflow_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/ssaflow"
)

const originsSrc = `package p

func input() string
func parse(s string) (int, error)
func fixed() int { return 10 }

// input through a passthrough, a conversion, an operation and a phi
func limit(c bool) int {
	n, _ := parse(input())
	m := int64(n) * 2
	if c {
		m = int64(fixed())
	}
	return int(m)
}

// the phi's other edge is the constant 100
func clamped() int {
	n, _ := parse(input())
	if n > 100 {
		n = 100
	}
	return n
}

// a loop of phis
func loop(k int) int {
	n := 0
	for i := 0; i < k; i++ {
		n = n + i
	}
	return n
}
`

func buildOrigins(t *testing.T) *ssa.Package {
	t.Helper()
	return buildSource(t, originsSrc)
}

// returned returns the value fn returns and its Return.
func returned(t *testing.T, fn *ssa.Function) (ssa.Value, *ssa.Return) {
	t.Helper()
	for _, b := range fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(r.Results) == 1 {
			return r.Results[0], r
		}
	}
	t.Fatalf("%s returns nothing", fn)
	return nil, nil
}

func callee(v ssa.Value) string {
	if c, ok := v.(*ssa.Call); ok && c.Call.StaticCallee() != nil {
		return c.Call.StaticCallee().Name()
	}
	return ""
}

// inputs is a walk answering "input" at a call of input.
func inputs(steps *[]*ssaflow.Step[string]) *ssaflow.Origins[string] {
	return &ssaflow.Origins[string]{
		MaxDepth: 16,
		Deep:     "deep",
		Passthrough: func(common *ssa.CallCommon) ssa.Value {
			if fn := common.StaticCallee(); fn != nil && fn.Name() == "parse" {
				return common.Args[0]
			}
			return nil
		},
		Visit: func(s *ssaflow.Step[string]) (string, ssaflow.Verdict) {
			if steps != nil {
				*steps = append(*steps, s)
			}
			if callee(s.Value) == "input" {
				return "input", ssaflow.Stop
			}
			if _, ok := s.Value.(*ssa.Const); ok {
				return "", ssaflow.Stop
			}
			return "", ssaflow.Continue
		},
	}
}

func TestOriginsFindsThroughCopies(t *testing.T) {
	pkg := buildOrigins(t)
	v, ret := returned(t, pkg.Func("limit"))
	var steps []*ssaflow.Step[string]
	if got := inputs(&steps).Walk(v, ret.Block(), ret); got != "input" {
		t.Fatalf("Walk = %q, want input", got)
	}
	// The walk starts where the value is used; past the phi, a value is
	// used at the end of the edge's predecessor.
	if s := steps[0]; s.Block != ret.Block() || s.At != ret || s.Depth != 0 {
		t.Errorf("first step at %v/%v depth %d, want the return's block and the return", s.Block, s.At, s.Depth)
	}
	for _, s := range steps {
		if callee(s.Value) != "input" {
			continue
		}
		if s.At != nil || s.Block == ret.Block() {
			t.Errorf("input reached at %v/%v, want the end of a predecessor of the phi", s.Block, s.At)
		}
	}
}

func TestOriginsDepthCap(t *testing.T) {
	pkg := buildOrigins(t)
	v, ret := returned(t, pkg.Func("limit"))
	w := inputs(nil)
	w.MaxDepth = 1 // the conversion and the phi; its edges are deeper
	if got := w.Walk(v, ret.Block(), ret); got != "deep" {
		t.Errorf("Walk = %q, want deep", got)
	}
}

func TestOriginsEdge(t *testing.T) {
	pkg := buildOrigins(t)
	v, ret := returned(t, pkg.Func("clamped"))
	if got := inputs(nil).Walk(v, ret.Block(), ret); got != "input" {
		t.Fatalf("Walk = %q, want input", got)
	}
	w := inputs(nil)
	var asked int
	w.Edge = func(phi *ssa.Phi, i int) bool {
		asked++
		_, isConst := phi.Edges[i].(*ssa.Const)
		return isConst // the branch is taken to prove the other edge clamped
	}
	if got := w.Walk(v, ret.Block(), ret); got != "" || asked != 2 {
		t.Errorf("Walk = %q after %d edges, want nothing after 2", got, asked)
	}
}

func TestOriginsAcyclic(t *testing.T) {
	pkg := buildOrigins(t)
	v, ret := returned(t, pkg.Func("loop"))
	w := inputs(nil)
	w.MaxDepth = 1000
	w.Acyclic = true
	var visits int
	visit := w.Visit
	w.Visit = func(s *ssaflow.Step[string]) (string, ssaflow.Verdict) {
		visits++
		return visit(s)
	}
	if got := w.Walk(v, ret.Block(), ret); got != "" {
		t.Errorf("Walk = %q, want nothing", got)
	}
	if visits > 20 {
		t.Errorf("%d visits: a loop of phis was walked around", visits)
	}
}

func TestOriginsStepWalk(t *testing.T) {
	pkg := buildOrigins(t)
	v, ret := returned(t, pkg.Func("limit"))
	// A visitor that walks the operands of an operation itself, right
	// operand first: the constant 2 answers before the input does.
	w := inputs(nil)
	visit := w.Visit
	w.Visit = func(s *ssaflow.Step[string]) (string, ssaflow.Verdict) {
		if op, ok := s.Value.(*ssa.BinOp); ok {
			if _, ok := op.Y.(*ssa.Const); ok && s.Walk(op.Y) == "" {
				return "const", ssaflow.Stop
			}
		}
		return visit(s)
	}
	if got := w.Walk(v, ret.Block(), ret); got != "const" {
		t.Errorf("Walk = %q, want const", got)
	}
}
