package ownership

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/resources"
	"github.com/memlint/memlint/internal/ssaflow"
)

// A Query says how to classify the uses of a value.
type Query struct {
	// Release names the value's release methods; any one counts.
	Release []string
	// Own is the value's library, whose functions and methods only use
	// it (a FromClient constructor wraps a client without taking it
	// over); nil if none.
	Own *types.Package
	// Fields makes a local struct the value is stored into stand for the
	// value (&http.Client{Transport: t}, json.NewEncoder(w)); without it
	// such a store is a hand-off.
	Fields bool
	// OnSuccess makes a call to a function that retains the value only
	// when it returns a nil error a conditional hand-off (CondHandoffs)
	// rather than a hand-off.
	OnSuccess bool
}

// Usage is what a function does with a value it holds.
type Usage struct {
	// Releases are the calls and defers that release the value: a
	// release method on it, a helper that releases it, or a closure
	// that does so, called or deferred.
	Releases map[ssa.Instruction]bool
	// Handoffs are the uses by which the value may outlive the
	// function: a return, a store beyond its locals, a send, a
	// goroutine, a retaining callee, an unknown function or interface
	// method, an escaping closure.
	Handoffs map[ssa.Instruction]bool
	// Escape is the first of Handoffs in the order the uses were found;
	// nil if none.
	Escape ssa.Instruction
	// Returned: the value is returned by its own function (summaries).
	Returned bool
	// Returns are those returns (summaries).
	Returns []*ssa.Return
	// Values are the aliases of the value within the function and the
	// closures it is bound into.
	Values map[ssa.Value]bool
	// Carried: a Phi or a variable may carry it across loop iterations.
	Carried bool
	// Calls are the calls in the function that only use it.
	Calls []ssa.Instruction
	// Captures are the closures made in the function that capture it:
	// each may use it whenever it is called.
	Captures []ssa.Instruction
	// CondHandoffs are the calls that keep the value only when they
	// succeed (Query.OnSuccess), with their error results: LeakPath
	// follows the paths on which that error is non-nil.
	CondHandoffs map[ssa.Instruction]ssa.Value
}

// A kind is what a call does with a tracked value.
type kind int

const (
	// kindUse: the call only uses the value.
	kindUse kind = iota
	// kindRelease: the call releases the value (one of the release
	// methods, or a helper that releases its parameter).
	kindRelease
	// kindEscape: the value may outlive the call's caller: a goroutine,
	// an interface method or func value it is passed to (outside a
	// summary), append, or a helper that retains its parameter.
	kindEscape
	// kindEscapeOnSuccess: a helper keeps the value only when it returns
	// a nil error (Fact.RetainsOnSuccess).
	kindEscapeOnSuccess
)

// Analyse classifies the uses that fn makes of the value held by roots.
func (r *Result) Analyse(fn *ssa.Function, roots []ssa.Value, q Query) *Usage {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.analyse(fn, roots, q, false)
}

// analyse classifies the uses of the values roots of function fn. In
// summary mode (a parameter) dynamic calls and interface methods are
// plain uses and a return from fn itself is "returned", not a hand-off.
func (r *Result) analyse(fn *ssa.Function, roots []ssa.Value, q Query, summary bool) *Usage {
	u := &Usage{Releases: make(map[ssa.Instruction]bool), Handoffs: make(map[ssa.Instruction]bool), Values: make(map[ssa.Value]bool)}
	flow := ssaflow.Track(roots, &ssaflow.Options{
		Follow: func(use ssaflow.Use) []ssa.Value { return r.follow(use, q.Own) },
		Fields: q.Fields,
	})
	for v := range flow.Values {
		u.Values[v] = true
		if _, ok := v.(*ssa.Phi); ok {
			u.Carried = true
		}
	}
	if len(flow.Cells) > 0 {
		u.Carried = true
	}
	handoff := func(in ssa.Instruction) {
		if u.Escape == nil {
			u.Escape = in
		}
		u.Handoffs[in] = true
	}
	var closures []*ssa.MakeClosure
	for _, use := range flow.Uses {
		switch in := use.Instr.(type) {
		case *ssa.Return:
			if summary && in.Parent() == fn {
				u.Returned = true
				u.Returns = append(u.Returns, in)
			} else {
				handoff(in)
			}
		case *ssa.Store, *ssa.Send, *ssa.MapUpdate, *ssa.Go:
			handoff(in)
		case *ssa.MakeClosure:
			closures = append(closures, in)
			if in.Parent() == fn {
				u.Captures = append(u.Captures, in)
			}
		case ssa.CallInstruction:
			switch r.classifyCall(in, flow, q, summary) {
			case kindRelease:
				u.Releases[in] = true
			case kindEscapeOnSuccess:
				call, _ := in.(*ssa.Call)
				if call == nil || !q.OnSuccess || summary || in.Parent() != fn || ssaflow.ErrorOf(call) == nil {
					handoff(in)
					break
				}
				if u.CondHandoffs == nil {
					u.CondHandoffs = map[ssa.Instruction]ssa.Value{}
				}
				u.CondHandoffs[in] = ssaflow.ErrorOf(call)
			case kindEscape:
				handoff(in)
			case kindUse:
				if in.Parent() == fn {
					u.Calls = append(u.Calls, in)
				}
			}
		}
	}
	r.closureReleases(u, closures, q, summary, handoff)
	return u
}

// closureReleases classifies the closures capturing the value: a closure
// releases it when it, or a closure it calls, releases it, and calling or
// deferring such a closure is a release; a closure that escapes takes the
// value with it.
func (r *Result) closureReleases(u *Usage, closures []*ssa.MakeClosure, q Query, summary bool, handoff func(ssa.Instruction)) {
	done := map[*ssa.MakeClosure]int{} // 1: processed as non-releasing, 2: as releasing
	passutil.FixedPoint(func() bool {
		changed := false
		releasing := map[*ssa.Function]bool{}
		for in := range u.Releases {
			releasing[in.Parent()] = true
		}
		for _, mc := range closures {
			cfn := mc.Fn.(*ssa.Function)
			boundRelease := isBoundMethod(cfn) && cfn.Object() != nil && slices.Contains(q.Release, cfn.Object().Name())
			status := 1
			if releasing[cfn] || boundRelease {
				status = 2
			}
			if done[mc] >= status {
				continue
			}
			done[mc] = status
			cflow := ssaflow.Track([]ssa.Value{mc}, nil)
			for _, use := range cflow.Uses {
				switch in := use.Instr.(type) {
				case ssa.CallInstruction:
					if _, isGo := in.(*ssa.Go); isGo {
						handoff(in)
						continue
					}
					if cflow.Values[in.Common().Value] || runsNow(in, cflow, cfn) || joinedGo(in, cflow) {
						if status == 2 && !u.Releases[in] {
							u.Releases[in] = true
							changed = true
						}
						continue
					}
					if r.classifyCall(in, cflow, Query{}, summary) == kindEscape {
						handoff(in)
					}
				case *ssa.Return, *ssa.Store, *ssa.Send, *ssa.MapUpdate:
					handoff(in)
				case *ssa.MakeClosure:
					// Captured by another closure: that closure's calls are
					// not followed; treat the capture as an escape.
					handoff(in)
				}
			}
		}
		return changed
	})
}

// runsNow reports whether call in runs closure cfn, one of the values of
// cflow, to completion before it returns, as a direct call does:
// testing's (*T).Run and (*B).Run wait for the subtest unless it calls
// t.Parallel, in which case it runs after its parent returns and takes
// what it captures with it.
func runsNow(in ssa.CallInstruction, cflow *ssaflow.Flow, cfn *ssa.Function) bool {
	switch apimatch.Key(apimatch.SSACallee(in.Common())) {
	case "(*testing.T).Run", "(*testing.B).Run":
	default:
		return false
	}
	if _, isCall := in.(*ssa.Call); !isCall {
		return false // deferred: runs after the function's own paths
	}
	args := in.Common().Args
	if len(args) != 3 || !cflow.Values[args[2]] {
		return false
	}
	for _, b := range cfn.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if apimatch.Key(apimatch.SSACallee(c.Common())) == "(*testing.T).Parallel" {
				return false
			}
		}
	}
	return true
}

// joinedGo reports whether call in starts closure (a value of cflow) in a
// goroutine of an errgroup.Group or a sync.WaitGroup (g.Go(f), g.TryGo(f),
// wg.Go(f)) whose Wait the same function calls after it: the function
// joins the goroutine, so the closure is used like a closure it calls,
// not handed off (redpanda console's testutil.CreateTestData produces
// with the client it borrows in g.Go, then g.Wait()). A group whose Wait
// is elsewhere, or a go statement, still takes the value with it.
func joinedGo(in ssa.CallInstruction, cflow *ssaflow.Flow) bool {
	call, ok := in.(*ssa.Call)
	if !ok {
		return false
	}
	var wait string
	switch apimatch.Key(apimatch.SSACallee(call.Common())) {
	case "(*golang.org/x/sync/errgroup.Group).Go", "(*golang.org/x/sync/errgroup.Group).TryGo":
		wait = "(*golang.org/x/sync/errgroup.Group).Wait"
	case "(*sync.WaitGroup).Go":
		wait = "(*sync.WaitGroup).Wait"
	default:
		return false
	}
	args := call.Common().Args
	if len(args) != 2 || !cflow.Values[args[1]] {
		return false
	}
	group := args[0]
	for _, r := range *group.Referrers() {
		w, ok := r.(*ssa.Call)
		if !ok || len(w.Common().Args) != 1 || w.Common().Args[0] != group ||
			apimatch.Key(apimatch.SSACallee(w.Common())) != wait {
			continue
		}
		if w.Block() == call.Block() {
			if ssaflow.Index(w) > ssaflow.Index(call) {
				return true
			}
		} else if ssaflow.Reaches(call.Block(), w.Block()) {
			return true
		}
	}
	return false
}

func isBoundMethod(fn *ssa.Function) bool {
	return strings.HasPrefix(fn.Synthetic, "bound method wrapper")
}

// classifyDirect classifies a call, go or defer using the tracked values
// of flow by what needs no summary of the callee: a go statement, an
// interface method (a release method of the value itself is a release), a
// builtin, a func value, a release method called on the value, a function
// of the value's own library (a use). In a summary, a value passed to an
// interface method or a func value is only used. When the answer depends
// on what the static callee does with its parameters, decided is false
// and callee (its generic origin) is returned.
func classifyDirect(in ssa.CallInstruction, flow *ssaflow.Flow, q Query, summary bool) (k kind, callee *ssa.Function, decided bool) {
	if _, ok := in.(*ssa.Go); ok {
		return kindEscape, nil, true
	}
	common := in.Common()
	if common.IsInvoke() {
		if flow.Tracked(common.Value) {
			if slices.Contains(q.Release, common.Method.Name()) {
				return kindRelease, nil, true
			}
			return kindUse, nil, true
		}
		if summary {
			return kindUse, nil, true
		}
		return kindEscape, nil, true // passed to an interface method
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" {
			return kindEscape, nil, true
		}
		return kindUse, nil, true
	}
	callee = common.StaticCallee()
	if callee == nil {
		if summary || flow.Tracked(common.Value) {
			return kindUse, nil, true
		}
		return kindEscape, nil, true // passed to a func value
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	obj, _ := callee.Object().(*types.Func)
	recv := callee.Signature.Recv() != nil
	if recv && len(common.Args) > 0 && flow.Tracked(common.Args[0]) && obj != nil && slices.Contains(q.Release, obj.Name()) {
		return kindRelease, nil, true
	}
	if obj != nil && q.Own != nil && obj.Pkg() == q.Own {
		return kindUse, nil, true // the library's own functions and methods only use it
	}
	return kindUse, callee, false
}

// classifyCall classifies a call or defer using the tracked values:
// classifyDirect, then the callee's summary or fact (releases or retains
// the parameter).
func (r *Result) classifyCall(in ssa.CallInstruction, flow *ssaflow.Flow, q Query, summary bool) kind {
	k, callee, decided := classifyDirect(in, flow, q, summary)
	if decided {
		return k
	}
	f := r.of(callee)
	if f == nil {
		return kindUse
	}
	k = kindUse
	for i, arg := range in.Common().Args {
		if !flow.Tracked(arg) {
			continue
		}
		p, ok := ArgIndex(callee, i)
		switch {
		case !ok:
		case f.Retains.Has(p):
			return kindEscape
		case f.RetainsOnSuccess.Has(p):
			k = kindEscapeOnSuccess
		case f.Releases.Has(p):
			k = kindRelease
		}
	}
	return k
}

// follow returns the aliases a use creates through a callee that returns
// its parameter, or through an adopter (resources.Adopters), whose result
// releases its argument.
func (r *Result) follow(use ssaflow.Use, own *types.Package) []ssa.Value {
	call, ok := use.Instr.(*ssa.Call)
	if !ok || call.Call.IsInvoke() {
		return nil
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	obj, _ := callee.Object().(*types.Func)
	// returnsArg reports whether the call's result holds its SSA
	// argument i (a method's receiver is 0).
	var returnsArg func(i int) bool
	if a, ok := resources.Adopters[apimatch.Key(obj)]; ok && obj != nil {
		returnsArg = func(i int) bool { return i == a }
	} else if obj != nil && own != nil && obj.Pkg() == own {
		return nil
	} else if f := r.of(callee); f != nil {
		returnsArg = func(i int) bool {
			p, ok := ArgIndex(callee, i)
			return ok && f.Returns.Has(p)
		}
	} else {
		return nil
	}
	for i, arg := range call.Call.Args {
		if arg != use.Val || !returnsArg(i) {
			continue
		}
		if _, tuple := call.Type().(*types.Tuple); !tuple {
			return []ssa.Value{call}
		}
		for _, ref := range *call.Referrers() {
			if e, ok := ref.(*ssa.Extract); ok && e.Index == 0 {
				return []ssa.Value{e}
			}
		}
	}
	return nil
}
