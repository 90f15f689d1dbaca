package querylimit

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
)

// lowerBound is what a bound needs below, besides an upper bound: where
// 0 (mongo SetLimit) or a negative value (gorm Limit) means "no limit", a
// value checked only above still reads the whole result.
type lowerBound uint8

const (
	anyLower    lowerBound = iota // an upper bound suffices (SQL LIMIT)
	nonZero                       // 0 means no limit (mongo SetLimit)
	nonNegative                   // a negative value means no limit (gorm Limit)
)

// holds reports whether guard g proves what a walk in mode lower looks
// for: an upper bound (anyLower), or, once the first walk found one, the
// lower half alone.
func (lower lowerBound) holds(g guard) bool {
	switch lower {
	case nonZero:
		return g.nonzero
	case nonNegative:
		return g.nonneg
	}
	return g.upper
}

// provedBy reports whether max(v, k) proves what lower needs.
func (lower lowerBound) provedBy(k int64) bool {
	switch lower {
	case nonZero:
		return k >= 1
	case nonNegative:
		return k >= 0
	}
	return false
}

// checkBound checks the row count v given to a bound (label) by call:
// a constant above max-rows, or request input with no upper bound (or,
// per lower, unchecked for the values that mean no limit). held says what
// holds the rows ("appended to ops"), "" when the bound's call does not
// show it.
func (c *checker) checkBound(call *ssa.Call, v ssa.Value, label string, constLabel func(int64) string, lower lowerBound, held string) {
	if n, ok := constInt(v); ok {
		if n < 0 {
			n = -n
		}
		if n > c.cfg.maxRows {
			if held != "" {
				c.reportf(call, "%s exceeds %d rows and every row is %s; read it in pages of at most %d", constLabel(n), c.cfg.maxRows, held, c.cfg.maxRows)
			} else {
				c.reportf(call, "%s exceeds %d rows; read it in pages of at most %d", constLabel(n), c.cfg.maxRows, c.cfg.maxRows)
			}
		}
		return
	}
	hint := fmt.Sprintf("min(n, %d)", c.cfg.maxRows)
	if lower != anyLower {
		hint = fmt.Sprintf("min(max(n, 1), %d)", c.cfg.maxRows)
	}
	if src := c.unclamped(v, call.Block(), call, anyLower, 0); src != "" {
		if strings.HasPrefix(src, paramMark) {
			c.sink(call.Parent(), src, true)
			return
		}
		if held != "" {
			c.reportf(call, "limit from %s reaches %s with no upper bound, so the client picks how many rows are %s; clamp it (%s)", src, label, held, hint)
		} else {
			c.reportf(call, "limit from %s reaches %s with no upper bound; clamp it (%s)", src, label, hint)
		}
		return
	}
	if lower == anyLower {
		return
	}
	if src := c.unclamped(v, call.Block(), call, lower, 0); src != "" {
		switch lower {
		case nonZero:
			c.reportf(call, "limit from %s reaches %s unchecked for 0, which means no limit; default it when absent (%s)", src, label, hint)
		case nonNegative:
			c.reportf(call, "limit from %s reaches %s unchecked for negative values, which mean no limit; clamp both ends (%s)", src, label, hint)
		}
	}
}

// cursorBound handles the row count v given to a bound by call whose rows
// are returned to the caller as a cursor: nothing is reported, and a
// parameter reaching the bound unclamped is recorded for the callers,
// which are judged by what they do with the rows.
func (c *checker) cursorBound(call *ssa.Call, v ssa.Value) {
	if src := c.unclamped(v, call.Block(), call, anyLower, 0); strings.HasPrefix(src, paramMark) {
		c.sink(call.Parent(), src, false)
	}
}

// sink records that the parameter named by src (paramMark and its index)
// of fn reaches a row bound unclamped; held is set when fn holds the rows,
// unset when it returns them as a cursor.
func (c *checker) sink(fn *ssa.Function, src string, held bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(src, paramMark))
	if err != nil {
		return
	}
	if c.sinks[fn] == nil {
		c.sinks[fn] = map[int]bool{}
	}
	c.sinks[fn][n] = c.sinks[fn][n] || held
}

// walkBudget caps the steps of one outermost backward walk (unclamped,
// bounded, fromRequest and the walks they start). The walks branch at
// every phi and binary operation and each step may look at the dominating
// comparisons, so without a cap a loop of phis costs exponential time (a
// 4-minute package was seen in the corpus). A walk out of budget answers
// so that nothing is reported.
const walkBudget = 20000

// enter marks the start of a walk, resetting the budget for an outermost
// one; the returned func marks its end.
func (c *checker) enter() func() {
	if c.walking == 0 {
		c.budget = walkBudget
	}
	c.walking++
	return func() { c.walking-- }
}

// step spends one step of the budget, reporting whether one was left.
func (c *checker) step() bool {
	if c.budget <= 0 {
		return false
	}
	c.budget--
	return true
}

// guard is what dominating comparisons prove about a value.
type guard struct{ upper, nonzero, nonneg bool }

// unclamped returns a description of the request input that reaches v at
// block b without an upper bound (or, per lower, without the check that
// rules out the values meaning no limit), or "" if there is none. at is the using instruction, if any.
func (c *checker) unclamped(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction, lower lowerBound, depth int) string {
	if depth > 16 || v == nil {
		return ""
	}
	defer c.enter()()
	if !c.step() {
		return "" // out of budget: no finding
	}
	if c.proven(v, b, at, lower) {
		return ""
	}
	if lower == nonNegative && isUnsigned(v.Type()) {
		return "" // never negative (a conversion on the way is taken as fitting)
	}
	if s := c.requestRead(v); s != "" {
		return s
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return c.unclamped(x.X, b, at, lower, depth+1)
	case *ssa.ChangeType:
		return c.unclamped(x.X, b, at, lower, depth+1)
	case *ssa.Convert:
		return c.unclamped(x.X, b, at, lower, depth+1)
	case *ssa.BinOp:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.SHL:
			if s := c.unclamped(x.X, b, at, lower, depth+1); s != "" {
				return s
			}
			return c.unclamped(x.Y, b, at, lower, depth+1)
		}
	case *ssa.Phi:
		if c.onPath[x] {
			return "" // a loop of phis: its other edges are walked below
		}
		if c.onPath == nil {
			c.onPath = map[*ssa.Phi]bool{}
		}
		c.onPath[x] = true
		defer delete(c.onPath, x)
		for i, e := range x.Edges {
			if i >= len(x.Block().Preds) || e == x {
				continue
			}
			pred := x.Block().Preds[i]
			if c.edgeProves(e, pred, x.Block(), lower) {
				continue
			}
			if s := c.unclamped(e, pred, nil, lower, depth+1); s != "" {
				return s
			}
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			common := call.Common()
			switch key := apimatch.Key(apimatch.SSACallee(common)); {
			case passthroughs[key]:
				return c.unclamped(common.Args[0], b, at, lower, depth+1)
			default:
				if isInput(apimatch.SSACallee(common)) {
					return c.describe(call)
				}
				if f := c.fact(apimatch.SSACallee(common)); f != nil && f.Result == resultRequest {
					return c.describe(call)
				}
			}
		}
	case *ssa.Parameter:
		if c.collecting {
			if i := paramIndex(x); i >= 0 {
				return paramMark + strconv.Itoa(i)
			}
		}
	case *ssa.Call:
		common := x.Common()
		if bi, ok := common.Value.(*ssa.Builtin); ok && bi.Name() == "min" {
			hasBound := false // a constant or a configured maximum
			for _, a := range common.Args {
				if _, ok := constInt(a); ok || !c.fromRequest(a, 0) {
					hasBound = true
				}
			}
			if hasBound && lower == anyLower {
				return ""
			}
			for _, a := range common.Args {
				if _, ok := constInt(a); ok {
					continue
				}
				if s := c.unclamped(a, b, at, lower, depth+1); s != "" {
					return s
				}
			}
			return ""
		}
		if bi, ok := common.Value.(*ssa.Builtin); ok && bi.Name() == "max" {
			// max(n, 1) proves the lower half a walk in a lower mode
			// looks for; an upper bound is the arguments' own.
			for _, a := range common.Args {
				if k, ok := constInt(a); ok && lower != anyLower && lower.provedBy(k) {
					return ""
				}
			}
			for _, a := range common.Args {
				if _, ok := constInt(a); ok {
					continue
				}
				if s := c.unclamped(a, b, at, lower, depth+1); s != "" {
					return s
				}
			}
			return ""
		}
		fn := apimatch.SSACallee(common)
		key := apimatch.Key(fn)
		if isInput(fn) {
			return c.describe(x)
		}
		if f := c.fact(fn); f != nil && f.Result == resultRequest {
			return c.describe(x)
		}
		if passthroughs[key] {
			return c.unclamped(common.Args[0], b, at, lower, depth+1)
		}
	}
	return ""
}

func (c *checker) describe(call *ssa.Call) string {
	if n, ok := c.calls[call.Pos()]; ok {
		return types.ExprString(n)
	}
	if fn := apimatch.SSACallee(call.Common()); fn != nil {
		return fn.Name()
	}
	return "the request"
}

// bounded reports whether the integer v is bounded above on every path to
// b: a constant, min with a constant, a call of a function that bounds its
// result, or a value a dominating comparison bounds.
func (c *checker) bounded(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction, depth int) bool {
	if depth > 16 || v == nil {
		return false
	}
	defer c.enter()()
	if !c.step() {
		return true // out of budget: taken as bounded, so nothing is reported
	}
	if _, ok := constInt(v); ok {
		return true
	}
	if c.proven(v, b, at, anyLower) {
		return true
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return c.bounded(x.X, b, at, depth+1)
	case *ssa.ChangeType:
		return c.bounded(x.X, b, at, depth+1)
	case *ssa.Convert:
		return c.bounded(x.X, b, at, depth+1)
	case *ssa.Phi:
		for i, e := range x.Edges {
			if i >= len(x.Block().Preds) || e == x {
				continue
			}
			pred := x.Block().Preds[i]
			if !c.edgeProves(e, pred, x.Block(), anyLower) && !c.bounded(e, pred, nil, depth+1) {
				return false
			}
		}
		return true
	case *ssa.Call:
		common := x.Common()
		if bi, ok := common.Value.(*ssa.Builtin); ok && bi.Name() == "min" {
			for _, a := range common.Args {
				if c.bounded(a, b, at, depth+1) {
					return true
				}
			}
			return false
		}
		if f := c.fact(apimatch.SSACallee(common)); f != nil && f.Result == resultBounds {
			return true
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			if f := c.fact(apimatch.SSACallee(call.Common())); f != nil && f.Result == resultBounds {
				return true
			}
		}
	}
	return false
}

// same reports whether x and v are the same integer, up to conversions.
func same(x, v ssa.Value) bool {
	return unwrap(x) == unwrap(v)
}

// proven reports whether comparisons dominating b (or a validation call
// before at) prove v bounded: above, or with lower set, below as lower
// needs (the walk for the lower half runs once the upper one is proven).
func (c *checker) proven(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction, lower lowerBound) bool {
	var g guard
	for d := b; d != nil; d = d.Idom() {
		if len(d.Preds) == 1 {
			c.branchFacts(v, d.Preds[0], d, &g)
		}
		if lower.holds(g) {
			return true
		}
	}
	if c.validated(v, b, at) {
		// A validator's error decides a branch: taken as checking the
		// range, both ends (precision first).
		return true
	}
	return false
}

// edgeProves reports whether the branch from pred to succ proves e
// bounded (the false edge of "if n > 100 { n = 100 }").
func (c *checker) edgeProves(e ssa.Value, pred, succ *ssa.BasicBlock, lower lowerBound) bool {
	var g guard
	c.branchFacts(e, pred, succ, &g)
	if lower.holds(g) {
		return true
	}
	// The edge alone may prove one half and dominators the other.
	for d := pred; d != nil; d = d.Idom() {
		if len(d.Preds) == 1 {
			c.branchFacts(e, d.Preds[0], d, &g)
		}
		if lower.holds(g) {
			return true
		}
	}
	return false
}

// branchFacts adds to g what the branch from p to s proves about v.
func (c *checker) branchFacts(v ssa.Value, p, s *ssa.BasicBlock, g *guard) {
	if len(p.Instrs) == 0 || len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
		return
	}
	iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok {
		return
	}
	cond, ok := iff.Cond.(*ssa.BinOp)
	if !ok {
		return
	}
	op := cond.Op
	var k int64
	var other ssa.Value
	switch {
	case same(cond.X, v):
		other = cond.Y
	case same(cond.Y, v):
		other = cond.X
		op = flip(op)
	default:
		return
	}
	// The bound is a constant, or a value that is not request input (a
	// configured maximum such as cfg.MaxPageSize): then it proves an
	// upper bound only.
	n, isConst := constInt(other)
	if isConst {
		k = n
	} else if !isInteger(other.Type()) || c.fromRequest(other, 0) {
		return
	}
	if s == p.Succs[1] {
		op = negate(op)
	} else if s != p.Succs[0] {
		return
	}
	switch op {
	case token.LSS, token.LEQ, token.EQL:
		g.upper = true
	}
	if !isConst {
		return
	}
	switch {
	case op == token.GTR && k >= 0, op == token.GEQ && k >= 1, op == token.NEQ && k == 0,
		op == token.EQL && k != 0, op == token.LSS && k <= 0, op == token.LEQ && k < 0:
		g.nonzero = true
	}
	switch {
	case op == token.GTR && k >= -1, op == token.GEQ && k >= 0, op == token.EQL && k >= 0:
		g.nonneg = true
	}
}

// fromRequest reports whether v may derive from request input, ignoring
// clamps (a bound compared against request input proves nothing).
func (c *checker) fromRequest(v ssa.Value, depth int) bool {
	if depth > 8 || v == nil {
		return false
	}
	defer c.enter()()
	if !c.step() {
		return false // out of budget: not request input
	}
	if c.requestRead(v) != "" {
		return true
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return c.fromRequest(x.X, depth+1)
	case *ssa.ChangeType:
		return c.fromRequest(x.X, depth+1)
	case *ssa.Convert:
		return c.fromRequest(x.X, depth+1)
	case *ssa.BinOp:
		return c.fromRequest(x.X, depth+1) || c.fromRequest(x.Y, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if e != x && c.fromRequest(e, depth+1) {
				return true
			}
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return c.fromRequest(call, depth+1)
		}
	case *ssa.Call:
		fn := apimatch.SSACallee(x.Common())
		key := apimatch.Key(fn)
		if isInput(fn) {
			return true
		}
		if f := c.fact(fn); f != nil && f.Result == resultRequest {
			return true
		}
		if passthroughs[key] {
			return c.fromRequest(x.Common().Args[0], depth+1)
		}
	}
	return false
}

func flip(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

func negate(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GEQ
	case token.LEQ:
		return token.GTR
	case token.GTR:
		return token.LEQ
	case token.GEQ:
		return token.LSS
	case token.EQL:
		return token.NEQ
	case token.NEQ:
		return token.EQL
	}
	return op
}

// validated reports whether v was passed, before at, to a call outside
// the neutral packages (a validator such as validate.Var(n, "max=100")
// whose error ends the request): the pass then assumes it is bounded.
func (c *checker) validated(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction) bool {
	if !isInteger(v.Type()) {
		return false
	}
	for _, x := range []ssa.Value{v, unwrap(v)} {
		if x.Referrers() == nil {
			continue
		}
		for _, r := range *x.Referrers() {
			var cl *ssa.Call
			switch r := r.(type) {
			case *ssa.Call:
				cl = r
			case *ssa.MakeInterface:
				// validate.Var(n, "max=100") passes n as any.
				for _, rr := range *r.Referrers() {
					if call, ok := rr.(*ssa.Call); ok {
						cl = call
					}
				}
			}
			if cl == nil || cl == at || !dominatesInstr(cl, b, at) {
				continue
			}
			if _, ok := cl.Call.Value.(*ssa.Builtin); ok {
				continue
			}
			fn := apimatch.SSACallee(cl.Common())
			if fn == nil || fn.Pkg() == nil || neutral[apimatch.PkgPath(fn.Pkg())] || httpapi.IsPackage(apimatch.PkgPath(fn.Pkg())) {
				continue
			}
			if f := c.fact(fn); f != nil && f.Result == resultRequest {
				continue
			}
			if !resultChecked(cl, 0) {
				continue // a logger or a metric, not a validator
			}
			return true
		}
	}
	return false
}

// resultChecked reports whether a result of v decides a branch
// (if err := validate(n); err != nil { return }).
func resultChecked(v ssa.Value, depth int) bool {
	if depth > 3 || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.If:
			return true
		case *ssa.Extract:
			if resultChecked(r, depth+1) {
				return true
			}
		case *ssa.BinOp:
			if resultChecked(r, depth+1) {
				return true
			}
		case *ssa.UnOp:
			if r.Op == token.NOT && resultChecked(r, depth+1) {
				return true
			}
		}
	}
	return false
}

// dominatesInstr reports whether instr executes before at (in block b).
func dominatesInstr(instr ssa.Instruction, b *ssa.BasicBlock, at ssa.Instruction) bool {
	ib := instr.Block()
	if ib != b {
		return ib.Dominates(b)
	}
	if at == nil {
		return true
	}
	for _, x := range b.Instrs {
		if x == instr {
			return true
		}
		if x == at {
			return false
		}
	}
	return false
}
