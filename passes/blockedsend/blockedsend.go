package blockedsend

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/ssabuild"
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
	Requires:  []*analysis.Analyzer{ssabuild.Analyzer},
	FactTypes: []analysis.Fact{new(sendsFact), new(asyncFact)},
}

type checker struct {
	pass   *analysis.Pass
	memo   map[paramKey]int8 // 1 sends, -1 does not (or in progress)
	asyncs map[*ssa.Function]*asyncFact
	funcs  []*ssa.Function        // the package's functions, literals included
	fatal  map[*ssa.Function]bool // see fatalHelper
	files  map[*token.File]*ast.File
}

// fileOf returns the file of the package holding pos.
func (c *checker) fileOf(pos token.Pos) *ast.File {
	return c.files[c.pass.Fset.File(pos)]
}

type paramKey struct {
	fn *ssa.Function
	i  int
}

func run(pass *analysis.Pass) (any, error) {
	ssainfo := pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA)
	c := &checker{pass: pass, memo: map[paramKey]int8{}, asyncs: map[*ssa.Function]*asyncFact{},
		fatal: map[*ssa.Function]bool{}, files: map[*token.File]*ast.File{}}
	for _, f := range pass.Files {
		c.files[pass.Fset.File(f.Pos())] = f
	}
	c.funcs = ssainfo.SrcFuncs // literals included
	actions := commandActions(pass)
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
		if ssaflow.OncePerProcess(fn) || actions.has(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.MakeChan:
					c.check(fn, in)
				case *ssa.Call:
					callee := in.Call.StaticCallee()
					if f := c.async(callee); f != nil {
						c.checkAsync(fn, in, callee, f)
					}
				}
			}
		}
	}
	return nil, nil
}

// cliActions are the functions a package stores as the action of a
// command-line command: the value of a func-typed field of a struct type
// named Command, in a composite literal or assigned (cobra's
// Command{RunE: f} and cmd.RunE = f, urfave/cli's Command{Action: f},
// caddy's Command{Func: f}, a CLI's own type), or a function passed to a
// wrapper whose result is that value (cmd.RunE = Wrap(f)). A command runs
// once per process, which exits when it returns.
type cliActions struct {
	lits  map[*ast.FuncLit]bool
	funcs map[*types.Func]bool // every use of the function is such a value
}

func commandActions(pass *analysis.Pass) cliActions {
	a := cliActions{lits: map[*ast.FuncLit]bool{}, funcs: map[*types.Func]bool{}}
	info := pass.TypesInfo
	inAction := map[*ast.Ident]bool{}
	// action records the value of a command's func field: a literal, a
	// function, or a wrapper's call, Wrap(f), whose function arguments
	// run when the command does (caddy: cmd.RunE =
	// WrapCommandFuncForCobra(cmdStart)).
	var action func(v ast.Expr, wrapped bool)
	action = func(v ast.Expr, wrapped bool) {
		switch v := ast.Unparen(v).(type) {
		case *ast.FuncLit:
			a.lits[v] = true
		case *ast.Ident:
			inAction[v] = true
		case *ast.SelectorExpr:
			inAction[v.Sel] = true
		case *ast.CallExpr:
			if wrapped {
				return
			}
			for _, arg := range v.Args {
				if _, ok := info.TypeOf(arg).Underlying().(*types.Signature); ok {
					action(arg, true)
				}
			}
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				st, ok := commandStruct(info.TypeOf(n))
				if !ok {
					return true
				}
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					key, ok := kv.Key.(*ast.Ident)
					if ok && funcField(st, key.Name) {
						action(kv.Value, false)
					}
				}
			case *ast.AssignStmt:
				// cmd.RunE = f
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, l := range n.Lhs {
					sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					if st, ok := commandStruct(info.TypeOf(sel.X)); ok && funcField(st, sel.Sel.Name) {
						action(n.Rhs[i], false)
					}
				}
			}
			return true
		})
	}
	// A function is an action only if it is used nowhere else: called
	// from a loop or a handler, it runs more than once.
	other := map[*types.Func]bool{}
	for id, obj := range info.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() != pass.Pkg {
			continue
		}
		if inAction[id] {
			a.funcs[fn] = true
		} else {
			other[fn] = true
		}
	}
	for fn := range other {
		delete(a.funcs, fn)
	}
	return a
}

// has reports whether fn is a command's action.
func (a cliActions) has(fn *ssa.Function) bool {
	if lit, ok := fn.Syntax().(*ast.FuncLit); ok {
		return a.lits[lit]
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && fn.Parent() == nil && a.funcs[obj]
}

// commandStruct returns the struct of t (or *t) when its type is named
// Command.
func commandStruct(t types.Type) (*types.Struct, bool) {
	if t == nil {
		return nil, false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Name() != "Command" {
		return nil, false
	}
	st, ok := n.Underlying().(*types.Struct)
	return st, ok
}

// funcField reports whether st has a field of func type named name.
func funcField(st *types.Struct, name string) bool {
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == name {
			_, ok := f.Type().Underlying().(*types.Signature)
			return ok
		}
	}
	return false
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
	// lit is the go statement of a function literal of F given the
	// channel as an argument: go func(ch chan T) { ... }(ch).
	lit  *ssa.Go
	name string // how the message names it
	// async is the fact of the helper whose call started it, if any.
	async *asyncFact
}

type chanInfo struct {
	fn      *ssa.Function
	root    ssa.Value     // the channel: a make, or a call that returns it
	made    *ssa.MakeChan // the make, when the channel is made in F
	callee  *ssa.Function // the function called, when it is a call's result
	selects []*ssa.Select
	// returnable allows F to return the channel (computing asyncFact).
	returnable bool
	roles      map[*ssa.Function]string // top closure → "go" or "drain"
	flow       *ssaflow.Flow
	starts     []*start
	stops      map[ssa.Instruction]bool // receives, drains, Waits
	defers     []ssa.Instruction        // deferred drains and Waits
	pruned     map[*ssa.BasicBlock]bool // blocks whose true edge means "received"
	selCases   map[*ssa.BasicBlock]caseEdge
	// signals are the other channels the senders close or send on.
	signals map[ssa.Value]bool
	// exitEdges are the normal exits of loops that receive.
	exitEdges []edge
	// failed reports a return that ends a failed test run (nil: none).
	failed func(*ssa.Return) bool
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
	ci := newChanInfo(fn, mc)
	ci.failed = c.failedReturn
	ci.made = mc
	live, ok := c.senders(ci, nil)
	if ok {
		c.judge(ci, live, size)
	}
}

// checkAsync checks the channel call returns, made by a function whose
// asyncFact says a goroutine it starts sends on the channel.
func (c *checker) checkAsync(fn *ssa.Function, call *ssa.Call, callee *ssa.Function, f *asyncFact) {
	ci := newChanInfo(fn, call)
	ci.failed = c.failedReturn
	ci.callee = callee
	name := "the goroutine started by " + callee.Name()
	if callee.Parent() != nil {
		name = "the goroutine started by the function literal"
	}
	st := &start{at: call, count: f.Count, must: f.Must, many: f.Count < 0, name: name, async: f}
	live, ok := c.senders(ci, st)
	if ok {
		c.judge(ci, live, int64(f.Size))
	}
}

func newChanInfo(fn *ssa.Function, root ssa.Value) *chanInfo {
	return &chanInfo{
		fn:       fn,
		root:     root,
		flow:     ssaflow.Track([]ssa.Value{root}, nil),
		stops:    map[ssa.Instruction]bool{},
		pruned:   map[*ssa.BasicBlock]bool{},
		selCases: map[*ssa.BasicBlock]caseEdge{},
	}
}

// senders collects the goroutines that send on the channel (pre, when not
// nil, is one started by the call that returned it), the receives, drains
// and Waits of F, and the select cases. It fails when the channel is used
// in a way the pass does not follow.
func (c *checker) senders(ci *chanInfo, pre *start) ([]*start, bool) {
	fn, flow := ci.fn, ci.flow
	if pre != nil {
		ci.starts = append(ci.starts, pre)
	}
	roles := map[*ssa.Function]string{} // top closure → "go" or "drain"
	ci.roles = roles
	// First the uses in F itself.
	for _, u := range flow.Uses {
		if u.Instr.Parent() != fn {
			continue
		}
		switch in := u.Instr.(type) {
		case *ssa.UnOp:
			if in.Op != token.ARROW {
				return nil, false
			}
			ci.stops[in] = true
		case *ssa.Select:
			for _, st := range in.States {
				if flow.Tracked(st.Chan) && st.Dir == types.SendOnly {
					return nil, false
				}
			}
			ci.selects = append(ci.selects, in)
		case *ssa.Return:
			if !ci.returnable {
				return nil, false
			}
		case *ssa.MakeClosure:
			role, st := c.closureRole(in)
			if role == "" {
				return nil, false
			}
			f := in.Fn.(*ssa.Function)
			if prev, ok := roles[f]; ok && prev != role {
				return nil, false
			}
			roles[f] = role
			if st != nil {
				ci.starts = append(ci.starts, st)
			}
		case *ssa.Go:
			st := c.helperStart(in, flow)
			if st == nil {
				return nil, false
			}
			ci.starts = append(ci.starts, st)
		case *ssa.Call:
			if b, ok := in.Call.Value.(*ssa.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				continue
			}
			return nil, false
		case *ssa.Store:
			// A store into a local variable cell is an alias, handled
			// by ssaflow; anything else is an escape.
			return nil, false
		default:
			return nil, false
		}
	}
	if len(ci.starts) == 0 {
		return nil, false
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
			return nil, false
		}
		switch roles[top] {
		case "go":
			kind, n := c.senderUse(u, flow)
			switch kind {
			case useBad:
				return nil, false
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
					return nil, false
				}
			case *ssa.Select:
				for _, s := range in.States {
					if flow.Tracked(s.Chan) && s.Dir == types.SendOnly {
						return nil, false
					}
				}
			case *ssa.MakeClosure:
				if !closureCalledOnly(in) {
					return nil, false
				}
			default:
				return nil, false
			}
		default:
			return nil, false
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
	return live, len(live) > 0
}

// judge reports the channel when a path leaves F with a live sender
// still blocked.
func (c *checker) judge(ci *chanInfo, live []*start, size int64) {
	fn, flow := ci.fn, ci.flow
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
	for f, role := range ci.roles {
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
		switch {
		case st.closure != nil:
			signals(st.closure, ci.signals)
		case st.lit != nil:
			argSignals(st.lit, ci.signals)
		}
	}
	for _, sel := range ci.selects {
		ci.mapSelect(sel)
	}
	if len(live) == 1 && live[0].closure != nil && !ssaflow.Reaches(live[0].at.Block(), live[0].at.Block()) {
		ci.pruneRangeOverClose(live[0])
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
		// A goroutine that sends only Serve's error other than
		// http.ErrServerClosed sends nothing once F has shut that
		// server down: the Shutdown or Close (or its defer) is a stop
		// for it alone.
		var added []ssa.Instruction
		defers := ci.defers
		for _, in := range serverShutdowns(fn, st) {
			if _, ok := in.(*ssa.Defer); ok {
				ci.defers = append(slices.Clip(ci.defers), in)
			} else if !ci.stops[in] {
				ci.stops[in] = true
				added = append(added, in)
			}
		}
		var path *ssaflow.Path
		if !ci.drainedBefore(st.at) {
			path = ci.findExit(st.at.Block(), ssaflow.Index(st.at)+1)
		}
		for _, in := range added {
			delete(ci.stops, in)
		}
		ci.defers = defers
		if path == nil {
			continue
		}
		c.report(ci, st, live, size, path, false)
		return
	}
	if c.fanOutLeftEarly(ci, live, size) {
		return
	}
	// A range over the channel left early while its one producer, which
	// sends in a loop, still has values to send. Only that shape: the
	// general rule (any receiving loop, any senders) reported, on std,
	// loops whose early return is guarded by a count of the senders
	// (internal/fuzz) and channels made afresh in the loop that starts the
	// goroutine (os/exec tests).
	if len(live) != 1 || !loopProducer(ci, live[0]) || ci.drainedBefore(live[0].at) {
		return
	}
	st := live[0]
	for _, u := range flow.Uses {
		in, ok := u.Instr.(*ssa.UnOp)
		if !ok || in.Op != token.ARROW || !in.CommaOk || in.Parent() != fn ||
			!ssaflow.Reaches(in.Block(), in.Block()) || ci.drainedBefore(in) {
			continue
		}
		if path := ci.findExit(in.Block(), ssaflow.Index(in)+1); path != nil {
			c.report(ci, st, live, size, path, true)
			return
		}
	}
}

// fanOutLeftEarly reports (and reports a finding for) an unbuffered
// channel made in F outside the loop that starts its senders, one
// goroutine per item (kafkactl's readCurrentReplicas: a goroutine per
// partition sends its result or its error), received in a loop that
// returns on a received value before the loop has run its course, with
// no comparison of a count on the way out: the other goroutines block on
// their sends forever; so does a return from a case on another channel
// the goroutines send on (their error channel). A return guarded by an integer comparison (a count
// of the senders, internal/fuzz's) is not reported, nor is a channel made
// afresh in the loop that starts its goroutine (one sender per channel).
func (c *checker) fanOutLeftEarly(ci *chanInfo, live []*start, size int64) bool {
	if size != 0 || ci.made == nil || len(live) == 0 {
		return false
	}
	fanned := false
	for _, st := range live {
		if st.async != nil || st.fn == nil || len(st.sends) == 0 || ci.drainedBefore(st.at) {
			return false
		}
		if loopedWithout(st.at.Block(), ci.made.Block()) {
			fanned = true
		}
	}
	if !fanned {
		return false
	}
	fn := ci.fn
	for _, u := range ci.flow.Uses {
		in := u.Instr
		if in.Parent() != fn || !ssaflow.Reaches(in.Block(), in.Block()) || ci.drainedBefore(in) {
			continue
		}
		var paths []*ssaflow.Path
		switch x := in.(type) {
		case *ssa.UnOp:
			if x.Op != token.ARROW || x.CommaOk {
				continue // a range over the channel: the producer rule's
			}
			paths = append(paths, ci.findExit(in.Block(), ssaflow.Index(in)+1))
		case *ssa.Select:
			if !x.Blocking {
				continue
			}
			// From the body of each case that receives the channel (the
			// case's own edge is pruned as a receive), or a channel the
			// goroutines also send on (their error channel): a value
			// there says one goroutine got past its send, not that the
			// others did (kafkactl's partitionChannel, abandoned when
			// the errChannel case returns).
			bodies := make([]*ssa.BasicBlock, len(x.States))
			for b, ce := range ci.selCases {
				ch := x.States[ce.k].Chan
				if ce.sel == x && (ci.flow.Tracked(ch) || ci.isSignal(ch)) && len(b.Succs) == 2 {
					bodies[ce.k] = b.Succs[0]
				}
			}
			for _, body := range bodies {
				if body != nil {
					paths = append(paths, ci.findExit(body, 0))
				}
			}
		default:
			continue
		}
		for _, path := range paths {
			if path == nil || countGuarded(path) {
				continue
			}
			c.report(ci, live[0], live, size, path, true)
			return true
		}
	}
	return false
}

// loopedWithout reports whether b lies on a cycle that does not pass
// through avoid: a loop that starts goroutines on a channel made before
// it (avoid's block), not one that makes a channel for each.
func loopedWithout(b, avoid *ssa.BasicBlock) bool {
	if b == avoid {
		return false // made and started in the same block: a channel each
	}
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == b {
			return true
		}
		if x == avoid || seen[x] {
			continue
		}
		seen[x] = true
		work = append(work, x.Succs...)
	}
	return false
}

// countGuarded reports whether the path leaves through a branch on an
// integer comparison (if received == n { return }): a count that may
// say every sender has been heard from.
func countGuarded(p *ssaflow.Path) bool {
	for _, b := range p.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if cond, ok := iff.Cond.(*ssa.BinOp); ok && isIntegerType(cond.X.Type()) {
			return true
		}
	}
	return false
}

func isIntegerType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// loopProducer reports whether st is a single goroutine, started once on
// a channel made once, that sends in a loop: a producer whose consumer
// must receive until the channel is closed.
func loopProducer(ci *chanInfo, st *start) bool {
	if ssaflow.Reaches(st.at.Block(), st.at.Block()) {
		return false
	}
	if in, ok := ci.root.(ssa.Instruction); !ok || ssaflow.Reaches(in.Block(), in.Block()) {
		return false
	}
	if st.async != nil {
		return st.count < 0
	}
	for _, s := range st.sends {
		if ssaflow.Reaches(s.Block(), s.Block()) {
			return true
		}
	}
	return false
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
		if r.Call.Value != mc {
			return "", nil
		}
		for _, a := range r.Call.Args {
			// go func(id int32) { ... }(p): the arguments are values
			// of the item; a channel among them is another shape.
			if mayHoldChan(a.Type()) {
				return "", nil
			}
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

// mayHoldChan reports whether a value of type t may be or hold a
// channel: anything but plain data (see plainData).
func mayHoldChan(t types.Type) bool { return !plainData(t, map[*types.Named]bool{}, 0) }

// plainData reports whether t holds no channel, interface or function
// through its fields and elements, however deep (time.Time's zones lie
// five levels down). A named type met again on the way down adds nothing
// new (a linked list's next); depth only bounds instantiations of
// generic types that grow without repeating.
func plainData(t types.Type, seen map[*types.Named]bool, depth int) bool {
	if depth > 64 {
		return false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if seen[n] {
			return true // found plain, or being checked further up (any false ends the walk)
		}
		seen[n] = true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return true
	case *types.Pointer:
		return plainData(u.Elem(), seen, depth+1)
	case *types.Array:
		return plainData(u.Elem(), seen, depth+1)
	case *types.Slice:
		return plainData(u.Elem(), seen, depth+1)
	case *types.Map:
		return plainData(u.Key(), seen, depth+1) && plainData(u.Elem(), seen, depth+1)
	case *types.Struct:
		for i := range u.NumFields() {
			if !plainData(u.Field(i).Type(), seen, depth+1) {
				return false
			}
		}
		return true
	}
	return false
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
	if callee.Parent() != nil {
		return &start{at: g, count: -1, name: "the goroutine", lit: g}
	}
	return &start{at: g, count: -1, name: "the goroutine running " + callee.Name()}
}

func isGoMethod(com *ssa.CallCommon) bool {
	switch calleeKey(com) {
	case "(*golang.org/x/sync/errgroup.Group).Go", "(*golang.org/x/sync/errgroup.Group).TryGo", "(*sync.WaitGroup).Go":
		return true
	}
	return false
}

func isWait(com *ssa.CallCommon) bool {
	switch calleeKey(com) {
	case "(*golang.org/x/sync/errgroup.Group).Wait", "(*sync.WaitGroup).Wait":
		return true
	}
	return false
}

// serverShutdowns returns the calls of fn, plain or deferred, that shut
// down or close the *http.Server whose Serve error every send of the
// goroutine st sends, only when it is not http.ErrServerClosed (if err
// := srv.Serve(l); !errors.Is(err, http.ErrServerClosed) { errc <- err }:
// navidrome's server.Run). After Shutdown or Close, Serve returns
// ErrServerClosed, so the goroutine sends nothing (it may still send if
// Serve failed at the very moment F shut it down).
func serverShutdowns(fn *ssa.Function, st *start) []ssa.Instruction {
	if st.fn == nil || st.closure == nil || len(st.sends) == 0 {
		return nil
	}
	var server ssa.Value
	for _, snd := range st.sends {
		srv := serveFailure(snd)
		if ld, ok := srv.(*ssa.UnOp); ok && ld.Op == token.MUL {
			srv = ld.X // a captured variable: its cell
		}
		fv, ok := srv.(*ssa.FreeVar)
		if !ok {
			return nil
		}
		i := slices.Index(st.fn.FreeVars, fv)
		if i < 0 || i >= len(st.closure.Bindings) {
			return nil
		}
		b := st.closure.Bindings[i]
		if server != nil && server != b {
			return nil
		}
		server = b
	}
	var out []ssa.Instruction
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			com := call.Common()
			if com.IsInvoke() || len(com.Args) == 0 {
				continue
			}
			recv := com.Args[0]
			if ld, ok := recv.(*ssa.UnOp); ok && ld.Op == token.MUL {
				recv = ld.X
			}
			if recv != server {
				continue
			}
			switch calleeKey(com) {
			case "(*net/http.Server).Shutdown", "(*net/http.Server).Close":
				out = append(out, in)
			}
		}
	}
	return out
}

// serveFailure returns the *http.Server whose Serve error the send sends
// when it is not http.ErrServerClosed, or nil: the send's block is
// reached only through the branch of a test of that error against
// http.ErrServerClosed (err != http.ErrServerClosed, !errors.Is(err,
// http.ErrServerClosed)) on which it differs.
func serveFailure(snd *ssa.Send) ssa.Value {
	for b := snd.Block(); b != nil; b = b.Idom() {
		for _, p := range b.Preds {
			if len(b.Preds) != 1 {
				break
			}
			iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
			if !ok {
				continue
			}
			differs := p.Succs[0] == b // the true branch
			if srv := closedTest(iff.Cond, differs); srv != nil {
				return srv
			}
		}
	}
	return nil
}

// closedTest returns the server of the Serve call whose error cond tests
// against http.ErrServerClosed, when the branch taken (cond == taken)
// is the one where the error differs from it; else nil.
func closedTest(cond ssa.Value, taken bool) ssa.Value {
	switch x := cond.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			return closedTest(x.X, !taken)
		}
	case *ssa.BinOp:
		if (x.Op == token.NEQ) == taken && (x.Op == token.NEQ || x.Op == token.EQL) {
			for _, pair := range [][2]ssa.Value{{x.X, x.Y}, {x.Y, x.X}} {
				if isServerClosed(pair[1]) {
					return serveCallServer(pair[0])
				}
			}
		}
	case *ssa.Call:
		// errors.Is(err, http.ErrServerClosed) is false on the branch
		if !taken && calleeKey(&x.Call) == "errors.Is" && len(x.Call.Args) == 2 && isServerClosed(x.Call.Args[1]) {
			return serveCallServer(x.Call.Args[0])
		}
	}
	return nil
}

// isServerClosed reports whether v loads http.ErrServerClosed.
func isServerClosed(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	g, ok := ld.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "net/http" && g.Name() == "ErrServerClosed"
}

// serveCallServer returns the *http.Server receiver of the Serve,
// ServeTLS, ListenAndServe or ListenAndServeTLS call that made err, or nil.
func serveCallServer(err ssa.Value) ssa.Value {
	call, ok := err.(*ssa.Call)
	if !ok {
		return nil
	}
	switch calleeKey(&call.Call) {
	case "(*net/http.Server).Serve", "(*net/http.Server).ServeTLS",
		"(*net/http.Server).ListenAndServe", "(*net/http.Server).ListenAndServeTLS":
		if len(call.Call.Args) > 0 {
			return call.Call.Args[0]
		}
	}
	return nil
}

// calleeKey is the canonical key of the function or method com calls
// ("(*net/http.Server).Shutdown"), or "".
func calleeKey(com *ssa.CallCommon) string {
	return apimatch.Key(apimatch.SSACallee(com))
}
