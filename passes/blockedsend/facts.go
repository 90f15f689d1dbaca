package blockedsend

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/ssaflow"
)

// sendsFact records the parameters (signature parameters, receiver
// excluded, from 0) of channel type on which a function sends and does
// nothing else that could receive, close-and-drain or hand the channel on:
// a goroutine running the function with a channel in that position is a
// sender and nothing more.
type sendsFact struct{ Params passutil.Params }

func (*sendsFact) AFact() {}

func (f *sendsFact) String() string { return f.Params.Format("sends") }

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
	if f := c.async(fn); f != nil {
		c.pass.ExportObjectFact(obj, f)
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

// asyncFact records that a function returns a channel it made, on which a
// goroutine it starts on every path sends, and that it does nothing else
// with the channel: the caller is the receiver ("func Go(f func() error)
// chan error { ch := make(chan error); go func() { ch <- f() }(); return
// ch }"). Size is the channel's capacity; Count the goroutine's sends (-1:
// not known, or in a loop) and Must those it makes on every path.
type asyncFact struct {
	Size, Count, Must int
	send              token.Pos // the goroutine's first send, when computed in this package
}

func (*asyncFact) AFact() {}

func (f *asyncFact) String() string {
	n := "?"
	if f.Count >= 0 {
		n = strconv.Itoa(f.Count)
	}
	return fmt.Sprintf("async cap(%d) sends(%s) everyPath(%d)", f.Size, n, f.Must)
}

// async returns the asyncFact of fn, computed for a function of the
// package (a literal too), imported for one of another.
func (c *checker) async(fn *ssa.Function) *asyncFact {
	if fn == nil {
		return nil
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if f, ok := c.asyncs[fn]; ok {
		return f
	}
	c.asyncs[fn] = nil // in progress
	var f *asyncFact
	if fn.Blocks == nil {
		if obj, _ := fn.Object().(*types.Func); obj != nil && obj.Pkg() != c.pass.Pkg {
			var imp asyncFact
			if c.pass.ImportObjectFact(obj, &imp) {
				f = &imp
			}
		}
	} else {
		f = c.computeAsync(fn)
	}
	c.asyncs[fn] = f
	return f
}

func (c *checker) computeAsync(fn *ssa.Function) *asyncFact {
	res := fn.Signature.Results()
	if res.Len() != 1 {
		return nil
	}
	if _, ok := res.At(0).Type().Underlying().(*types.Chan); !ok {
		return nil
	}
	var found *asyncFact
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			mc, ok := in.(*ssa.MakeChan)
			if !ok {
				continue
			}
			size, ok := constInt(mc.Size)
			if !ok {
				continue
			}
			ci := newChanInfo(fn, mc)
			ci.returnable = true
			live, ok := c.senders(ci, nil)
			if !ok || len(live) != 1 || live[0].fn == nil || len(ci.stops) > 0 || len(ci.selects) > 0 {
				continue
			}
			for _, role := range ci.roles {
				if role != "go" {
					return nil
				}
			}
			st := live[0]
			returns := 0
			for _, r := range fn.Blocks {
				if len(r.Instrs) == 0 {
					continue
				}
				ret, ok := r.Instrs[len(r.Instrs)-1].(*ssa.Return)
				if !ok {
					continue
				}
				if !ci.flow.Tracked(ret.Results[0]) || !st.at.Block().Dominates(r) {
					return nil // a path that returns another channel, or starts no sender
				}
				returns++
			}
			if returns == 0 {
				continue // it never returns
			}
			if found != nil {
				return nil
			}
			found = &asyncFact{Size: int(size), Count: st.count, Must: st.must}
			if len(st.sends) > 0 {
				found.send = st.sends[0].Pos()
			}
		}
	}
	return found
}
