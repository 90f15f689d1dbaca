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
	"github.com/memlint/memlint/internal/ssaflow"
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
		hint = c.bothEnds()
	}
	if src := c.unclamped(v, call.Block(), call, anyLower); src != "" {
		if strings.HasPrefix(src, paramMark) {
			c.sink(call.Parent(), src, true)
			if lower != anyLower {
				c.lowerSink(call.Parent(), c.unclamped(v, call.Block(), call, lower), lower)
			}
			return
		}
		if held != "" {
			c.reportf(call, "limit from %s reaches %s with no upper bound, so the client picks how many rows are %s; clamp it (%s)", src, label, held, hint)
		} else {
			c.reportf(call, "limit from %s reaches %s with no upper bound; clamp it (%s)", src, label, hint)
		}
		return
	}
	c.checkLower(call, v, label, lower, hint)
}

// checkLower checks that the row count v given to a bound (label) by call
// is checked for the values that mean no limit there (per lower), when
// something else bounds it above. hint is the clamp the message asks for.
func (c *checker) checkLower(call *ssa.Call, v ssa.Value, label string, lower lowerBound, hint string) {
	if lower == anyLower {
		return
	}
	if src := c.unclamped(v, call.Block(), call, lower); src != "" {
		if strings.HasPrefix(src, paramMark) {
			c.lowerSink(call.Parent(), src, lower)
			return
		}
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
	if src := c.unclamped(v, call.Block(), call, anyLower); strings.HasPrefix(src, paramMark) {
		c.sink(call.Parent(), src, false)
	}
}

// sink records that the parameter named by src (paramMark and its index)
// of fn reaches a row bound unclamped; held is set when fn holds the rows,
// unset when it returns them as a cursor.
func (c *checker) sink(fn *ssa.Function, src string, held bool) {
	n, ok := markedParam(src)
	if !ok {
		return
	}
	if c.sinks[fn] == nil {
		c.sinks[fn] = map[int]bool{}
	}
	c.sinks[fn][n] = c.sinks[fn][n] || held
}

// markedParam returns the parameter index src names (paramMark and the
// index), or false for anything else.
func markedParam(src string) (int, bool) {
	rest, ok := strings.CutPrefix(src, paramMark)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil
}

// bothEnds is the clamp a finding asks for where a value other than a
// large one means no limit.
func (c *checker) bothEnds() string {
	return fmt.Sprintf("min(max(n, 1), %d)", c.cfg.maxRows)
}

// lowerSink records that the parameter named by src (paramMark and its
// index; anything else is ignored) of fn reaches a bound of held rows
// where the values lower rules out mean no limit, unchecked.
func (c *checker) lowerSink(fn *ssa.Function, src string, lower lowerBound) {
	n, ok := markedParam(src)
	if !ok {
		return
	}
	if c.lowers[fn] == nil {
		c.lowers[fn] = map[int]lowerBound{}
	}
	c.lowers[fn][n] = max(c.lowers[fn][n], lower)
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
// rules out the values meaning no limit), or "" if there is none. at is
// the using instruction, if any.
func (c *checker) unclamped(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction, lower lowerBound) string {
	defer c.enter()()
	w := &ssaflow.Origins[string]{
		MaxDepth:    16,
		Passthrough: passthrough,
		Acyclic:     true, // a loop of phis: its other edges are walked where it was first met
		Edge: func(phi *ssa.Phi, i int) bool {
			return !c.edgeProves(phi.Edges[i], phi.Block().Preds[i], phi.Block(), lower)
		},
	}
	w.Visit = func(s *ssaflow.Step[string]) (string, ssaflow.Verdict) {
		return c.unclampedStep(s, lower)
	}
	return w.Walk(v, b, at)
}

// unclampedStep is unclamped's decision at one value of its walk.
func (c *checker) unclampedStep(s *ssaflow.Step[string], lower lowerBound) (string, ssaflow.Verdict) {
	v := s.Value
	if !c.step() {
		return "", ssaflow.Stop // out of budget: no finding
	}
	if c.proven(v, s.Block, s.At, lower) {
		return "", ssaflow.Stop
	}
	if lower == nonNegative && isUnsigned(v.Type()) {
		return "", ssaflow.Stop // never negative (a conversion on the way is taken as fitting)
	}
	if src := c.requestRead(v); src != "" {
		return src, ssaflow.Stop
	}
	switch x := v.(type) {
	case *ssa.MakeInterface, *ssa.ChangeType, *ssa.Convert, *ssa.Phi:
		return "", ssaflow.Continue
	case *ssa.BinOp:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.SHL:
			return "", ssaflow.Continue
		}
	case *ssa.Extract:
		// The first result of a passthrough is walked through; of a call
		// returning request input, it is the input.
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 && passthrough(call.Common()) == nil {
			if c.requestCall(apimatch.SSACallee(call.Common())) {
				return c.describe(call), ssaflow.Stop
			}
		}
		return "", ssaflow.Continue
	case *ssa.Parameter:
		if c.collecting {
			if i := paramIndex(x); i >= 0 {
				return paramMark + strconv.Itoa(i), ssaflow.Stop
			}
		}
	case *ssa.UnOp:
		// *limit for a parameter limit *int (an optional limit) that the
		// function neither writes nor compares in memory: the parameter
		// reaches the bound, and a caller passing request input (a
		// GraphQL argument) or its own parameter is judged.
		if p, ok := x.X.(*ssa.Parameter); ok && c.collecting && x.Op == token.MUL && isIntPointer(p.Type()) && !checkedAddr(p, -1) {
			if i := paramIndex(p); i >= 0 {
				return paramMark + strconv.Itoa(i), ssaflow.Stop
			}
		}
	case *ssa.Call:
		common := x.Common()
		if bi, ok := common.Value.(*ssa.Builtin); ok && bi.Name() == "min" {
			hasBound := false // a constant or a configured maximum
			for _, a := range common.Args {
				if _, ok := constInt(a); ok || !c.fromRequest(a) {
					hasBound = true
				}
			}
			if hasBound && lower == anyLower {
				return "", ssaflow.Stop
			}
			return firstArg(s, common.Args), ssaflow.Stop
		}
		if bi, ok := common.Value.(*ssa.Builtin); ok && bi.Name() == "max" {
			// max(n, 1) proves the lower half a walk in a lower mode
			// looks for; an upper bound is the arguments' own.
			for _, a := range common.Args {
				if k, ok := constInt(a); ok && lower != anyLower && lower.provedBy(k) {
					return "", ssaflow.Stop
				}
			}
			return firstArg(s, common.Args), ssaflow.Stop
		}
		if c.requestCall(apimatch.SSACallee(common)) {
			return c.describe(x), ssaflow.Stop
		}
		return "", ssaflow.Continue // a passthrough
	}
	return "", ssaflow.Stop
}

// firstArg returns the first answer of the walk of s among the arguments
// of min or max that are not constants.
func firstArg(s *ssaflow.Step[string], args []ssa.Value) string {
	for _, a := range args {
		if _, ok := constInt(a); ok {
			continue
		}
		if src := s.Walk(a); src != "" {
			return src
		}
	}
	return ""
}

// requestCall reports whether fn returns request input: an input accessor
// of a framework, or a function whose fact says its result is.
func (c *checker) requestCall(fn *types.Func) bool {
	if isInput(fn) {
		return true
	}
	f := c.fact(fn)
	return f != nil && f.Result == resultRequest
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
// result, or a value a dominating comparison bounds. Its walk looks for an
// origin of v not known to be bounded.
func (c *checker) bounded(v ssa.Value, b *ssa.BasicBlock, at ssa.Instruction) bool {
	defer c.enter()()
	w := &ssaflow.Origins[bool]{
		MaxDepth: 16,
		Deep:     true, // too deep: not known to be bounded
		Edge: func(phi *ssa.Phi, i int) bool {
			return !c.edgeProves(phi.Edges[i], phi.Block().Preds[i], phi.Block(), anyLower)
		},
		Visit: c.unboundedStep,
	}
	return !w.Walk(v, b, at)
}

// unboundedStep is bounded's decision at one value of its walk: true when
// the value is not known to be bounded.
func (c *checker) unboundedStep(s *ssaflow.Step[bool]) (bool, ssaflow.Verdict) {
	v := s.Value
	if !c.step() {
		return false, ssaflow.Stop // out of budget: taken as bounded, so nothing is reported
	}
	if _, ok := constInt(v); ok {
		return false, ssaflow.Stop
	}
	if c.proven(v, s.Block, s.At, anyLower) {
		return false, ssaflow.Stop
	}
	switch x := v.(type) {
	case *ssa.MakeInterface, *ssa.ChangeType, *ssa.Convert, *ssa.Phi:
		return false, ssaflow.Continue
	case *ssa.Call:
		common := x.Common()
		if bi, ok := common.Value.(*ssa.Builtin); ok && bi.Name() == "min" {
			for _, a := range common.Args {
				if !s.Walk(a) {
					return false, ssaflow.Stop
				}
			}
			return true, ssaflow.Stop
		}
		if f := c.fact(apimatch.SSACallee(common)); f != nil && f.Result == resultBounds {
			return false, ssaflow.Stop
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			if f := c.fact(apimatch.SSACallee(call.Common())); f != nil && f.Result == resultBounds {
				return false, ssaflow.Stop
			}
		}
	}
	return true, ssaflow.Stop
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
	} else if !isInteger(other.Type()) || c.fromRequest(other) {
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
func (c *checker) fromRequest(v ssa.Value) bool {
	defer c.enter()()
	w := &ssaflow.Origins[bool]{
		MaxDepth:    8,
		Passthrough: passthrough,
		Visit:       c.fromRequestStep,
	}
	return w.Walk(v, nil, nil)
}

// fromRequestStep is fromRequest's decision at one value of its walk.
func (c *checker) fromRequestStep(s *ssaflow.Step[bool]) (bool, ssaflow.Verdict) {
	if !c.step() {
		return false, ssaflow.Stop // out of budget: not request input
	}
	if c.requestRead(s.Value) != "" {
		return true, ssaflow.Stop
	}
	switch x := s.Value.(type) {
	case *ssa.MakeInterface, *ssa.ChangeType, *ssa.Convert, *ssa.BinOp, *ssa.Phi:
		return false, ssaflow.Continue
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return s.Walk(call), ssaflow.Stop // any result of the call
		}
	case *ssa.Call:
		if c.requestCall(apimatch.SSACallee(x.Common())) {
			return true, ssaflow.Stop
		}
		return false, ssaflow.Continue // a passthrough
	}
	return false, ssaflow.Stop
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
