package blockedsend

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/ssaflow"
)

//go:embed doc.go
var doc string

// Analyzer reports goroutines left blocked forever on a channel send after
// the function that should receive has returned.
var Analyzer = &analysis.Analyzer{
	Name:      "blockedsend",
	Doc:       passutil.MustExtractDoc(doc, "blockedsend"),
	URL:       "https://pkg.go.dev/github.com/memlint/memlint/passes/blockedsend",
	Run:       passutil.Guard("blockedsend", run),
	Requires:  []*analysis.Analyzer{buildssa.Analyzer},
	FactTypes: []analysis.Fact{new(sendsFact)},
}

// sendsFact records the parameters (signature parameters, receiver
// excluded, from 0) of channel type on which a function sends and does
// nothing else that could receive, close-and-drain or hand the channel on:
// a goroutine running the function with a channel in that position is a
// sender and nothing more.
type sendsFact struct{ Params []int }

func (*sendsFact) AFact() {}

func (f *sendsFact) String() string {
	s := make([]string, len(f.Params))
	for i, p := range f.Params {
		s[i] = strconv.Itoa(p)
	}
	return "sends(" + strings.Join(s, ",") + ")"
}

type checker struct {
	pass  *analysis.Pass
	memo  map[paramKey]int8 // 1 sends, -1 does not (or in progress)
	sends map[*ast.File]map[token.Pos]ast.Node
}

type paramKey struct {
	fn *ssa.Function
	i  int
}

func run(pass *analysis.Pass) (any, error) {
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	c := &checker{pass: pass, memo: map[paramKey]int8{}}
	generated := map[*token.File]bool{}
	for _, f := range pass.Files {
		if passutil.IsGenerated(f) {
			generated[pass.Fset.File(f.Pos())] = true
		}
	}
	for _, fn := range ssainfo.SrcFuncs {
		c.exportFact(fn)
	}
	for _, fn := range ssainfo.SrcFuncs {
		if fn.Pos().IsValid() && generated[pass.Fset.File(fn.Pos())] {
			continue
		}
		if isMain(fn) {
			continue // the process ends when main returns
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if mc, ok := in.(*ssa.MakeChan); ok {
					c.check(fn, mc)
				}
			}
		}
	}
	return nil, nil
}

func isMain(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Signature.Recv() == nil && fn.Pkg != nil &&
		fn.Pkg.Pkg.Name() == "main" && fn.Name() == "main"
}

// exportFact exports the sendsFact of a declared function.
func (c *checker) exportFact(fn *ssa.Function) {
	obj, _ := fn.Object().(*types.Func)
	if obj == nil || fn.Parent() != nil || obj.Pkg() != c.pass.Pkg {
		return
	}
	var ps []int
	for i := 0; i < fn.Signature.Params().Len(); i++ {
		if c.paramSends(fn, i) {
			ps = append(ps, i)
		}
	}
	if len(ps) > 0 {
		c.pass.ExportObjectFact(obj, &sendsFact{Params: ps})
	}
}

// paramSends reports whether fn sends on its signature parameter i and does
// nothing else with it but close it or measure it.
func (c *checker) paramSends(fn *ssa.Function, i int) bool {
	if fn == nil {
		return false
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	k := paramKey{fn, i}
	if v, ok := c.memo[k]; ok {
		return v > 0
	}
	c.memo[k] = -1
	ok := c.computeParamSends(fn, i)
	if ok {
		c.memo[k] = 1
	}
	return ok
}

func (c *checker) computeParamSends(fn *ssa.Function, i int) bool {
	if i < 0 || i >= fn.Signature.Params().Len() {
		return false
	}
	if _, ok := fn.Signature.Params().At(i).Type().Underlying().(*types.Chan); !ok {
		return false
	}
	if fn.Blocks == nil {
		obj, _ := fn.Object().(*types.Func)
		if obj == nil || obj.Pkg() == c.pass.Pkg {
			return false
		}
		var f sendsFact
		if !c.pass.ImportObjectFact(obj, &f) {
			return false
		}
		for _, p := range f.Params {
			if p == i {
				return true
			}
		}
		return false
	}
	off := 0
	if fn.Signature.Recv() != nil {
		off = 1
	}
	if i+off >= len(fn.Params) {
		return false
	}
	flow := ssaflow.Track([]ssa.Value{fn.Params[i+off]}, nil)
	sends := false
	for _, u := range flow.Uses {
		switch kind, _ := c.senderUse(u, flow); kind {
		case useSend:
			sends = true
		case useOK:
		default:
			return false
		}
	}
	return sends
}

type useKind int

const (
	useBad  useKind = iota // anything that may receive or hand the channel on
	useOK                  // harmless: close, len, cap, a closure binding, a select send
	useSend                // a blocking send
)

// senderUse classifies a use of a tracked channel inside code that should
// only send on it. n is the number of sends the use stands for (-1: not
// known).
func (c *checker) senderUse(u ssaflow.Use, flow *ssaflow.Flow) (useKind, int) {
	switch in := u.Instr.(type) {
	case *ssa.Send:
		if flow.Tracked(in.Chan) && !flow.Tracked(in.X) {
			return useSend, 1
		}
	case *ssa.Select:
		for _, st := range in.States {
			if flow.Tracked(st.Chan) && st.Dir != types.SendOnly {
				return useBad, 0
			}
		}
		if len(in.States) == 1 && in.Blocking {
			return useSend, 1
		}
		return useOK, 0 // a send in a select with another way out does not block forever
	case *ssa.MakeClosure:
		if closureCalledOnly(in) {
			return useOK, 0
		}
	case ssa.CallInstruction:
		com := in.Common()
		if b, ok := com.Value.(*ssa.Builtin); ok {
			switch b.Name() {
			case "close", "len", "cap":
				return useOK, 0
			}
			return useBad, 0
		}
		if _, isCall := in.(*ssa.Call); !isCall || flow.Tracked(com.Value) {
			return useBad, 0
		}
		callee := com.StaticCallee()
		if callee == nil {
			return useBad, 0
		}
		sends := false
		for j, a := range com.Args {
			if !flow.Tracked(a) {
				continue
			}
			p := j
			if com.Signature().Recv() != nil {
				p--
			}
			if !c.paramSends(callee, p) {
				return useBad, 0
			}
			sends = true
		}
		if sends {
			return useSend, -1
		}
	}
	return useBad, 0
}

// closureCalledOnly reports whether every use of the closure is a call,
// go or defer of it.
func closureCalledOnly(mc *ssa.MakeClosure) bool {
	refs := mc.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		ci, ok := r.(ssa.CallInstruction)
		if !ok || ci.Common().Value != mc {
			return false
		}
		for _, a := range ci.Common().Args {
			if a == mc {
				return false
			}
		}
	}
	return true
}

// A start is a goroutine that sends on the channel.
type start struct {
	at    ssa.Instruction // the go statement, or the errgroup/WaitGroup Go call
	fn    *ssa.Function   // the goroutine's function, when it is a literal of F
	sends []*ssa.Send     // its sends, when fn is known
	count int             // sends it may make: -1 unknown or unbounded
	must  int             // sends it makes on every path
	many  bool            // it sends in a loop, or is started in a loop
	// closure is the goroutine's closure, when it captures variables.
	closure *ssa.MakeClosure
	name    string // how the message names it
}

type chanInfo struct {
	fn       *ssa.Function
	mc       *ssa.MakeChan
	flow     *ssaflow.Flow
	starts   []*start
	stops    map[ssa.Instruction]bool // receives, drains, Waits
	defers   []ssa.Instruction        // deferred drains and Waits
	pruned   map[*ssa.BasicBlock]bool // blocks whose true edge means "received"
	selCases map[*ssa.BasicBlock]caseEdge
	// signals are the other channels the senders close or send on.
	signals map[ssa.Value]bool
	// exitEdges are the normal exits of loops that receive.
	exitEdges []edge
}

type caseEdge struct {
	sel *ssa.Select
	k   int
}

func (c *checker) check(fn *ssa.Function, mc *ssa.MakeChan) {
	size, ok := constInt(mc.Size)
	if !ok {
		return
	}
	ci := &chanInfo{
		fn:       fn,
		mc:       mc,
		flow:     ssaflow.Track([]ssa.Value{mc}, nil),
		stops:    map[ssa.Instruction]bool{},
		pruned:   map[*ssa.BasicBlock]bool{},
		selCases: map[*ssa.BasicBlock]caseEdge{},
	}
	flow := ci.flow
	roles := map[*ssa.Function]string{} // top closure → "go" or "drain"
	var selects []*ssa.Select
	// First the uses in F itself.
	for _, u := range flow.Uses {
		if u.Instr.Parent() != fn {
			continue
		}
		switch in := u.Instr.(type) {
		case *ssa.UnOp:
			if in.Op != token.ARROW {
				return
			}
			ci.stops[in] = true
		case *ssa.Select:
			for _, st := range in.States {
				if flow.Tracked(st.Chan) && st.Dir == types.SendOnly {
					return
				}
			}
			selects = append(selects, in)
		case *ssa.MakeClosure:
			role, st := c.closureRole(in)
			if role == "" {
				return
			}
			f := in.Fn.(*ssa.Function)
			if prev, ok := roles[f]; ok && prev != role {
				return
			}
			roles[f] = role
			if st != nil {
				ci.starts = append(ci.starts, st)
			}
		case *ssa.Go:
			st := c.helperStart(in, flow)
			if st == nil {
				return
			}
			ci.starts = append(ci.starts, st)
		case *ssa.Call:
			if b, ok := in.Call.Value.(*ssa.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				continue
			}
			return
		case *ssa.Store:
			// A store into a local variable cell is an alias, handled
			// by ssaflow; anything else is an escape.
			return
		default:
			return
		}
	}
	if len(ci.starts) == 0 {
		return
	}
	// Then the uses inside closures, by the role of their outermost
	// closure under F.
	byFn := map[*ssa.Function]*start{}
	for _, st := range ci.starts {
		if st.fn != nil {
			byFn[st.fn] = st
		}
	}
	for _, u := range flow.Uses {
		p := u.Instr.Parent()
		if p == fn {
			continue
		}
		top := p
		for top != nil && top.Parent() != fn {
			top = top.Parent()
		}
		if top == nil {
			return
		}
		switch roles[top] {
		case "go":
			kind, n := c.senderUse(u, flow)
			switch kind {
			case useBad:
				return
			case useSend:
				st := byFn[top]
				if s, ok := u.Instr.(*ssa.Send); ok {
					st.sends = append(st.sends, s)
				}
				if p == top && ssaflow.Reaches(u.Instr.Block(), u.Instr.Block()) {
					st.many = true
				}
				if n < 0 || st.count < 0 || ssaflow.Reaches(u.Instr.Block(), u.Instr.Block()) || p != top {
					st.count = -1
				} else {
					st.count += n
					if dominatesReturns(u.Instr.Block()) {
						st.must++
					}
				}
			}
		case "drain":
			switch in := u.Instr.(type) {
			case *ssa.UnOp:
				if in.Op != token.ARROW {
					return
				}
			case *ssa.Select:
				for _, s := range in.States {
					if flow.Tracked(s.Chan) && s.Dir == types.SendOnly {
						return
					}
				}
			case *ssa.MakeClosure:
				if !closureCalledOnly(in) {
					return
				}
			default:
				return
			}
		default:
			return
		}
	}
	// Goroutines without a blocking send cannot leak on this channel.
	var live []*start
	for _, st := range ci.starts {
		if st.fn != nil && st.count == 0 && len(st.sends) == 0 {
			continue
		}
		if ssaflow.Reaches(st.at.Block(), st.at.Block()) {
			st.count = -1
			st.must = 0
			st.many = true
		}
		live = append(live, st)
	}
	if len(live) == 0 {
		return
	}
	if size > 0 {
		must := 0
		for _, st := range live {
			must += st.must
		}
		if int64(must) <= size {
			return
		}
	}
	// Receives and drains in F.
	for f, role := range roles {
		if role != "drain" {
			continue
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if mcl, ok := call.Common().Value.(*ssa.MakeClosure); ok && mcl.Fn == f {
					if _, isDefer := in.(*ssa.Defer); isDefer {
						ci.defers = append(ci.defers, in)
					} else {
						ci.stops[in] = true
					}
				}
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(ssa.CallInstruction)
			if !ok || !isWait(call.Common()) {
				continue
			}
			if _, isDefer := in.(*ssa.Defer); isDefer {
				ci.defers = append(ci.defers, in)
			} else {
				ci.stops[in] = true
			}
		}
	}
	ci.signals = map[ssa.Value]bool{}
	for _, st := range live {
		if st.closure != nil {
			signals(st.closure, ci.signals)
		}
	}
	for _, sel := range selects {
		ci.mapSelect(sel)
	}
	for _, u := range flow.Uses {
		if u.Instr.Parent() != fn {
			continue
		}
		switch u.Instr.(type) {
		case *ssa.UnOp, *ssa.Select:
			ci.pruneLoopExit(u.Instr.Block())
		}
	}
	for _, st := range live {
		if ci.drainedBefore(st.at) {
			continue
		}
		path := ci.findExit(st.at.Block(), indexOf(st.at)+1)
		if path == nil {
			continue
		}
		c.report(ci, st, live, size, path, false)
		return
	}
	// A receiving loop left early while senders still have values to send.
	// Off: on std it reported loops whose early return is guarded by a
	// count of the senders (internal/fuzz) and channels made afresh in the
	// loop that starts the goroutine (os/exec tests).
	if !earlyLoopExits {
		return
	}
	for _, st := range live {
		if !st.many || ci.drainedBefore(st.at) {
			continue
		}
		for _, u := range flow.Uses {
			if u.Instr.Parent() != fn || !ssaflow.Reaches(u.Instr.Block(), u.Instr.Block()) || ci.drainedBefore(u.Instr) {
				continue
			}
			var path *ssaflow.Path
			switch in := u.Instr.(type) {
			case *ssa.UnOp:
				path = ci.findExit(in.Block(), indexOf(in)+1)
			case *ssa.Select:
				for b, ce := range ci.selCases {
					if ce.sel == in && ci.flow.Tracked(in.States[ce.k].Chan) && path == nil {
						path = ci.findExit(b.Succs[0], 0)
					}
				}
			}
			if path != nil {
				c.report(ci, st, live, size, path, true)
				return
			}
		}
	}
}

// earlyLoopExits enables the receiving-loop rule (see check).
const earlyLoopExits = false

func indexOf(in ssa.Instruction) int {
	for i, x := range in.Block().Instrs {
		if x == in {
			return i
		}
	}
	return -1
}

// closureRole classifies a closure of F that captures the channel: "go"
// for a goroutine (a go statement, errgroup's or WaitGroup's Go), "drain"
// for one called or deferred in F; "" for anything else.
func (c *checker) closureRole(mc *ssa.MakeClosure) (string, *start) {
	refs := mc.Referrers()
	if refs == nil || len(*refs) != 1 {
		return "", nil
	}
	f := mc.Fn.(*ssa.Function)
	switch r := (*refs)[0].(type) {
	case *ssa.Go:
		if r.Call.Value != mc || len(r.Call.Args) > 0 {
			return "", nil
		}
		return "go", &start{at: r, fn: f, closure: mc, name: "the goroutine"}
	case *ssa.Call:
		if r.Call.Value == mc {
			return "drain", nil
		}
		if isGoMethod(&r.Call) && len(r.Call.Args) == 2 && r.Call.Args[1] == mc {
			return "go", &start{at: r, fn: f, closure: mc, name: "the goroutine started by " + r.Call.StaticCallee().Name()}
		}
	case *ssa.Defer:
		if r.Call.Value == mc && len(r.Call.Args) == 0 {
			return "drain", nil
		}
	}
	return "", nil
}

// helperStart handles "go f(ch)" where f sends on the parameter.
func (c *checker) helperStart(g *ssa.Go, flow *ssaflow.Flow) *start {
	com := &g.Call
	if com.IsInvoke() || flow.Tracked(com.Value) {
		return nil
	}
	callee := com.StaticCallee()
	if callee == nil {
		return nil
	}
	found := false
	for j, a := range com.Args {
		if !flow.Tracked(a) {
			continue
		}
		p := j
		if com.Signature().Recv() != nil {
			p--
		}
		if !c.paramSends(callee, p) {
			return nil
		}
		found = true
	}
	if !found {
		return nil
	}
	name := "the goroutine running " + callee.Name()
	if callee.Parent() != nil {
		name = "the goroutine"
	}
	return &start{at: g, count: -1, name: name}
}

func isGoMethod(com *ssa.CallCommon) bool {
	callee := com.StaticCallee()
	if callee == nil {
		return false
	}
	obj, _ := callee.Object().(*types.Func)
	if obj == nil {
		return false
	}
	switch obj.FullName() {
	case "(*golang.org/x/sync/errgroup.Group).Go", "(*golang.org/x/sync/errgroup.Group).TryGo", "(*sync.WaitGroup).Go":
		return true
	}
	return false
}

func isWait(com *ssa.CallCommon) bool {
	callee := com.StaticCallee()
	if callee == nil {
		return false
	}
	obj, _ := callee.Object().(*types.Func)
	if obj == nil {
		return false
	}
	switch obj.FullName() {
	case "(*golang.org/x/sync/errgroup.Group).Wait", "(*sync.WaitGroup).Wait":
		return true
	}
	return false
}

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

// signals adds to set the channels, other than the tracked one, that the
// goroutine of mc closes or sends on (a "stopped" or "done" it signals
// when it finishes): a select case on one of them is taken only once the
// goroutine got past its send or did not send at all.
func signals(mc *ssa.MakeClosure, set map[ssa.Value]bool) {
	fn := mc.Fn.(*ssa.Function)
	for i, b := range mc.Bindings {
		if i >= len(fn.FreeVars) {
			break
		}
		fv := fn.FreeVars[i]
		closures := 0
		for _, r := range refs(b) {
			if _, ok := r.(*ssa.MakeClosure); ok {
				closures++
			}
		}
		if closures != 1 {
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
		if _, isSel := ci.selCases[h]; isSel || len(h.Instrs) == 0 {
			return // "for { select { ... } }": its exits are select cases, not a loop condition
		}
		if _, isIf := h.Instrs[len(h.Instrs)-1].(*ssa.If); !isIf {
			return
		}
		exits := map[*ssa.BasicBlock]bool{}
		for i, s := range h.Succs {
			if !loop[s] {
				ci.exitEdges = append(ci.exitEdges, edge{h, i})
				exits[s] = true
			}
		}
		// A range-over-int loop is rotated: its header is its body, and
		// a guard before it ("0 < n") jumps straight to the loop's exit
		// when it runs zero times. That guard is the loop's condition
		// too; without it "for range n { <-ch }" never runs to its end.
		if h.Comment == "rangeint.body" {
			for _, p := range h.Preds {
				if loop[p] || len(p.Instrs) == 0 {
					continue
				}
				if _, isIf := p.Instrs[len(p.Instrs)-1].(*ssa.If); !isIf {
					continue
				}
				for i, s := range p.Succs {
					if exits[s] {
						ci.exitEdges = append(ci.exitEdges, edge{p, i})
					}
				}
			}
		}
		return
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
			if indexOf(d) < indexOf(at) {
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
		if ci.stops[in] {
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
	type node struct {
		b      *ssa.BasicBlock
		parent *node
	}
	scan := func(b *ssa.BasicBlock, from int) (ended bool, ret *ssa.Return) {
		for i := from; i < len(b.Instrs); i++ {
			in := b.Instrs[i]
			if stop(in) {
				return true, nil
			}
			switch in := in.(type) {
			case *ssa.Return:
				return true, in
			case *ssa.Panic:
				return true, nil
			}
		}
		return false, nil
	}
	mk := func(n *node, ret *ssa.Return) *ssaflow.Path {
		p := &ssaflow.Path{Exit: ret}
		for ; n != nil; n = n.parent {
			p.Blocks = append([]*ssa.BasicBlock{n.b}, p.Blocks...)
		}
		return p
	}
	first := &node{b: sb}
	if ended, ret := scan(sb, idx); ended {
		if ret != nil {
			return mk(first, ret)
		}
		return nil
	}
	seen := map[*ssa.BasicBlock]bool{}
	queue := []*node{first}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for i, s := range n.b.Succs {
			if seen[s] || prune(n.b, i) {
				continue
			}
			seen[s] = true
			m := &node{b: s, parent: n}
			ended, ret := scan(s, 0)
			if ret != nil {
				return mk(m, ret)
			}
			if !ended {
				queue = append(queue, m)
			}
		}
	}
	return nil
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

func (c *checker) report(ci *chanInfo, st *start, live []*start, size int64, path *ssaflow.Path, inLoop bool) {
	name := c.chanName(ci)
	fname := funcName(ci.fn)
	how := ci.describe(path)
	kind := "unbuffered channel " + name
	if size > 0 {
		must := 0
		for _, s := range live {
			must += s.must
		}
		kind = fmt.Sprintf("channel %s (capacity %d, %d sends)", name, size, must)
	}
	var pos, end token.Pos
	if len(st.sends) > 0 {
		n := c.nodeAt(st.sends[0].Pos(), func(n ast.Node) bool { _, ok := n.(*ast.SendStmt); return ok })
		if n != nil {
			pos, end = n.Pos(), n.End()
		}
	}
	if !pos.IsValid() {
		n := c.nodeAt(st.at.Pos(), func(n ast.Node) bool {
			switch n.(type) {
			case *ast.GoStmt, *ast.CallExpr:
				return true
			}
			return false
		})
		if n != nil {
			pos, end = n.Pos(), n.End()
		} else {
			pos = st.at.Pos()
		}
	}
	alive := "(leaks the goroutine, its stack of 2 KiB or more and everything it references)"
	msg := fmt.Sprintf("%s blocks forever sending on %s when %s returns %s %s", st.name, kind, fname, how, alive)
	if inLoop {
		if how == "before receiving" {
			how = "early"
		}
		msg = fmt.Sprintf("%s blocks forever sending on %s when %s leaves its receiving loop %s with sends still pending %s", st.name, kind, fname, how, alive)
	}
	d := analysis.Diagnostic{Pos: pos, End: end, Message: msg}
	if len(st.sends) > 0 || st.at.Pos() != pos {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: st.at.Pos(), Message: "goroutine started here"})
	}
	rpos := path.Exit.Pos()
	if !rpos.IsValid() {
		if body := funcBody(ci.fn); body != nil {
			rpos = body.Rbrace
		}
	}
	if rpos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: rpos, Message: fmt.Sprintf("%s returns here without receiving from %s", fname, name)})
	}
	if fix, ok := c.fix(ci, live, name); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	passutil.Report(c.pass, d)
}

// describe names the way out a path takes: the select case it leaves by,
// or the failing call whose error it returns.
func (ci *chanInfo) describe(p *ssaflow.Path) string {
	for i := 0; i+1 < len(p.Blocks); i++ {
		b, next := p.Blocks[i], p.Blocks[i+1]
		ce, ok := ci.selCases[b]
		if !ok || len(b.Succs) != 2 || b.Succs[0] != next {
			continue
		}
		if !ci.flow.Tracked(ce.sel.States[ce.k].Chan) {
			return "through the " + caseName(ce.sel.States[ce.k].Chan) + " case of the select"
		}
	}
	if call := ssaflow.FailingCall(p); call != nil {
		if callee := call.Call.StaticCallee(); callee != nil {
			return "early when " + callee.Name() + " fails"
		}
		return "early on an error"
	}
	for _, b := range p.Blocks {
		for _, in := range b.Instrs {
			if sel, ok := in.(*ssa.Select); ok && !sel.Blocking {
				for _, s := range sel.States {
					if ci.flow.Tracked(s.Chan) {
						return "through the default case of the select"
					}
				}
			}
		}
	}
	return "before receiving"
}

// caseName describes the channel of another select case.
func caseName(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Call:
		if callee := v.Call.StaticCallee(); callee != nil {
			if obj, _ := callee.Object().(*types.Func); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "time" {
				return "time." + obj.Name()
			}
		}
		done := v.Call.IsInvoke() && v.Call.Method.Name() == "Done"
		if callee := v.Call.StaticCallee(); callee != nil && callee.Name() == "Done" {
			done = true
		}
		if done {
			recv := v.Call.Value
			if !v.Call.IsInvoke() && len(v.Call.Args) > 0 {
				recv = v.Call.Args[0]
			}
			if _, ok := recv.(*ssa.Parameter); ok {
				return recv.Name() + ".Done()"
			}
			return "Done()"
		}
		if v.Call.IsInvoke() {
			return v.Call.Method.Name() + "()"
		}
		if callee := v.Call.StaticCallee(); callee != nil {
			return callee.Name() + "()"
		}
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			if st, ok := typesStruct(fa.X.Type()); ok {
				f := st.Field(fa.Field)
				if f.Name() == "C" && f.Pkg() != nil && f.Pkg().Path() == "time" {
					if p, ok := fa.X.Type().Underlying().(*types.Pointer); ok {
						if n, ok := p.Elem().(*types.Named); ok && n.Obj().Name() == "Ticker" {
							return "ticker"
						}
					}
					return "timer"
				}
				return f.Name()
			}
		}
		switch x := v.X.(type) {
		case *ssa.Alloc:
			if x.Comment != "" {
				return x.Comment
			}
		case *ssa.FreeVar:
			return x.Name()
		}
	case *ssa.Parameter, *ssa.FreeVar:
		return v.Name()
	}
	return "other"
}

func typesStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	return s, ok
}

// fix gives the channel a buffer for every send when the number of sends
// is a constant.
func (c *checker) fix(ci *chanInfo, live []*start, name string) (analysis.SuggestedFix, bool) {
	n := 0
	for _, st := range live {
		if st.count <= 0 {
			return analysis.SuggestedFix{}, false
		}
		n += st.count
	}
	call, _ := c.nodeAt(ci.mc.Pos(), func(n ast.Node) bool {
		ce, ok := n.(*ast.CallExpr)
		return ok && ce.Lparen == ci.mc.Pos()
	}).(*ast.CallExpr)
	if call == nil || call.Ellipsis.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	var edit analysis.TextEdit
	switch len(call.Args) {
	case 1:
		edit = analysis.TextEdit{Pos: call.Args[0].End(), End: call.Args[0].End(), NewText: []byte(", " + strconv.Itoa(n))}
	case 2:
		edit = analysis.TextEdit{Pos: call.Args[1].Pos(), End: call.Args[1].End(), NewText: []byte(strconv.Itoa(n))}
	default:
		return analysis.SuggestedFix{}, false
	}
	plural := "s"
	if n == 1 {
		plural = ""
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Buffer %s for its %d send%s", name, n, plural),
		TextEdits: []analysis.TextEdit{edit},
	}, true
}

// chanName names the channel by the variable it is assigned to.
func (c *checker) chanName(ci *chanInfo) string {
	for _, r := range refs(ci.mc) {
		if dr, ok := r.(*ssa.DebugRef); ok {
			if id, ok := dr.Expr.(*ast.Ident); ok {
				return id.Name
			}
		}
	}
	for v := range ci.flow.Values {
		for _, r := range refs(v) {
			if dr, ok := r.(*ssa.DebugRef); ok {
				if id, ok := dr.Expr.(*ast.Ident); ok {
					return id.Name
				}
			}
		}
	}
	var found string
	if ce := c.nodeAt(ci.mc.Pos(), func(n ast.Node) bool {
		ce, ok := n.(*ast.CallExpr)
		return ok && ce.Lparen == ci.mc.Pos()
	}); ce != nil {
		f := c.fileOf(ce.Pos())
		path, _ := astutil.PathEnclosingInterval(f, ce.Pos(), ce.End())
		for _, p := range path[1:] {
			switch p := p.(type) {
			case *ast.AssignStmt:
				for i, r := range p.Rhs {
					if r == ce && i < len(p.Lhs) {
						if id, ok := p.Lhs[i].(*ast.Ident); ok {
							found = id.Name
						}
					}
				}
			case *ast.ValueSpec:
				for i, r := range p.Values {
					if r == ce && i < len(p.Names) {
						found = p.Names[i].Name
					}
				}
			}
			if found != "" {
				return found
			}
			break
		}
	}
	return "made here"
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// nodeAt finds the innermost node starting or containing pos that
// satisfies ok.
func (c *checker) nodeAt(pos token.Pos, ok func(ast.Node) bool) ast.Node {
	f := c.fileOf(pos)
	if f == nil || !pos.IsValid() {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	for _, n := range path {
		if ok(n) {
			return n
		}
	}
	return nil
}

func funcName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		if fn.Parent().Parent() == nil {
			return "the function literal in " + fn.Parent().Name()
		}
		fn = fn.Parent()
	}
	return fn.Name()
}

func funcBody(fn *ssa.Function) *ast.BlockStmt {
	switch s := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return s.Body
	case *ast.FuncLit:
		return s.Body
	}
	return nil
}

func refs(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

func constInt(v ssa.Value) (int64, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}
