package unclosed

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	owner "github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/resources"
	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/internal/ssaflow"
)

// Constructor wrappers: a function that returns, as its first result,
// the fresh value of a tracked constructor on every path that returns one
// (func newClient(cfg) (sarama.Client, error) { return
// sarama.NewClient(addrs, cfg) }) hands its caller a resource to close.
// Its calls are creations like the constructor's own, in this package
// (a summary) and in others (the Constructs field of its fact).

// ctorKey returns the key of the tracked constructor callee is, directly
// or as a wrapper; "" if it is neither.
func (c *checker) ctorKey(callee *types.Func, fn *ssa.Function) string {
	key := apimatch.Key(callee)
	if _, ok := resources.Rules[key]; ok || c.cfg.extra[key] {
		return key
	}
	if fn != nil && fn.Pkg != nil && fn.Pkg.Pkg == c.pass.Pkg && len(fn.Blocks) > 0 {
		return c.wrapperKey(fn)
	}
	if callee == nil || fn != nil && ssabuild.Elided(c.pass, fn) {
		return ""
	}
	var f wrapperFact
	if c.pass.ImportObjectFact(callee.Origin(), &f) {
		return f.Constructs
	}
	return ""
}

// wrapperKey memoizes wraps for the functions of this package.
func (c *checker) wrapperKey(fn *ssa.Function) string {
	if k, ok := c.wrappers[fn]; ok {
		return k
	}
	c.wrappers[fn] = "" // recursion: not a wrapper
	k := c.wraps(fn)
	c.wrappers[fn] = k
	return k
}

// wraps returns the key of the constructor whose fresh value fn returns
// as its first result on every path that returns a non-nil one, or "".
// The value must be used for nothing but method calls on it and the
// return: stored or passed anywhere, it may have another owner. Storage
// writers are left out (a writer's leak depends on the context given to
// NewWriter, which the caller does not see), and so are constructors
// whose value is not a resource of its own (rules with no release).
func (c *checker) wraps(fn *ssa.Function) string {
	res := fn.Signature.Results()
	if res.Len() == 0 || len(fn.Blocks) == 0 || !owner.MayHold(res.At(0).Type()) {
		return ""
	}
	key := ""
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		v := unwrap(ret.Results[0])
		if k, ok := v.(*ssa.Const); ok && k.IsNil() {
			continue
		}
		var call *ssa.Call
		switch x := v.(type) {
		case *ssa.Extract:
			if x.Index == 0 {
				call, _ = x.Tuple.(*ssa.Call)
			}
		case *ssa.Call:
			call = x
		}
		if call == nil || call.Parent() != fn || !c.onlyReturned(v) {
			return ""
		}
		callee := apimatch.SSACallee(&call.Call)
		if callee == nil {
			return ""
		}
		var target *ssa.Function
		if !call.Call.IsInvoke() {
			target = call.Call.StaticCallee()
		}
		k := c.ctorKey(callee, target)
		if k == "" || resources.StorageWriters[k] || key != "" && k != key {
			return ""
		}
		if r, ok := resources.Rules[k]; ok && len(r.Release) == 0 {
			return ""
		}
		key = k
	}
	return key
}

// unwrap strips the conversions a returned value goes through.
func unwrap(v ssa.Value) ssa.Value { return ssaflow.Unconvert(v) }

// onlyReturned reports whether v (or a conversion of it) is used only by
// returns, debug information, calls of its own methods and calls of
// functions that only use it: whose summary or fact says they neither
// retain, close nor return that parameter (loki's NewReaderClient passes
// its fresh client to a function that configures the brokers with it).
func (c *checker) onlyReturned(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Return, *ssa.DebugRef:
		case *ssa.MakeInterface, *ssa.ChangeType, *ssa.ChangeInterface:
			if !c.onlyReturned(r.(ssa.Value)) {
				return false
			}
		case ssa.CallInstruction:
			common := r.Common()
			_, plain := r.(*ssa.Call)
			if plain && adopted(common) == v && c.onlyReturned(r.(*ssa.Call)) {
				continue // kadm.NewClient(cl), returned beside cl
			}
			args := common.Args // the arguments besides the receiver
			switch {
			case common.IsInvoke() && common.Value == v:
			case !common.IsInvoke() && len(args) > 0 && args[0] == v && isMethodFunc(common):
				args = args[1:]
			case plain && !common.IsInvoke() && c.onlyUses(common, v):
				continue
			default:
				return false
			}
			for _, a := range args {
				if a == v {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// onlyUses reports whether the static callee of common is known to do
// nothing with v beyond the call: no retain, close or return of any
// parameter v is passed as.
func (c *checker) onlyUses(common *ssa.CallCommon, v ssa.Value) bool {
	callee := common.StaticCallee()
	if callee == nil || common.Value == v {
		return false
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	f := c.own.Of(callee)
	if f == nil {
		return false
	}
	passed := false
	for i, a := range common.Args {
		if a != v {
			continue
		}
		if p, ok := owner.ArgIndex(callee, i); !ok || f.Retains.Has(p) || f.RetainsOnSuccess.Has(p) || f.Releases.Has(p) || f.Returns.Has(p) {
			return false
		}
		passed = true
	}
	return passed
}

// isMethodFunc reports whether a static call calls a method (whose
// receiver SSA passes as the first argument).
func isMethodFunc(common *ssa.CallCommon) bool {
	fn := common.StaticCallee()
	return fn != nil && fn.Signature.Recv() != nil
}

// failureAssertions are the testify assertions (assert and require,
// functions and Assertions methods) that pass only when their error
// argument is non-nil.
var failureAssertions = map[string]bool{
	"Error": true, "Errorf": true, "EqualError": true, "EqualErrorf": true,
	"ErrorContains": true, "ErrorContainsf": true, "ErrorIs": true, "ErrorIsf": true,
	"ErrorAs": true, "ErrorAsf": true, "NotNil": true, "NotNilf": true,
}

// assertsFailure reports whether the error result err of a constructor is
// passed to a testify assertion that requires it to be non-nil: a test
// that discards the value checks only the path on which it is nil.
func assertsFailure(err ssa.Value) bool {
	if err == nil || err.Referrers() == nil {
		return false
	}
	for _, r := range *err.Referrers() {
		var v ssa.Value = err
		if mi, ok := r.(*ssa.MakeInterface); ok && mi.Referrers() != nil {
			v = mi
			for _, rr := range *mi.Referrers() {
				if assertion(rr, v) {
					return true
				}
			}
			continue
		}
		if assertion(r, v) {
			return true
		}
	}
	return false
}

func assertion(in ssa.Instruction, v ssa.Value) bool {
	call, ok := in.(ssa.CallInstruction)
	if !ok {
		return false
	}
	fn := call.Common().StaticCallee()
	if fn == nil || fn.Pkg == nil || !failureAssertions[fn.Name()] {
		return false
	}
	switch fn.Pkg.Pkg.Path() {
	case "github.com/stretchr/testify/assert", "github.com/stretchr/testify/require":
	default:
		return false
	}
	for _, a := range call.Common().Args {
		if a == v {
			return true
		}
	}
	return false
}

// adopted returns the argument an adopter call (resources.Adopters) takes
// over, or nil.
func adopted(common *ssa.CallCommon) ssa.Value {
	if common.IsInvoke() {
		return nil
	}
	i, ok := resources.Adopters[apimatch.Key(apimatch.SSACallee(common))]
	if !ok || i >= len(common.Args) {
		return nil
	}
	return common.Args[i]
}

// wrapperAliases returns the results of the wrapper fn, other than the
// first, that are an adopter's call over the value it returns first
// (return cl, kadm.NewClient(cl)).
func (c *checker) wrapperAliases(fn *ssa.Function) []int {
	var out []int
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) < 2 {
			continue
		}
		first := unwrap(ret.Results[0])
		for j := 1; j < len(ret.Results); j++ {
			if call, ok := unwrap(ret.Results[j]).(*ssa.Call); ok && adopted(&call.Call) == first && !slices.Contains(out, j) {
				out = append(out, j)
			}
		}
	}
	slices.Sort(out)
	return out
}

// aliasesOf returns the alias results of the wrapper a call invokes (a
// function of this package, or another's through its fact).
func (c *checker) aliasesOf(callee *types.Func, fn *ssa.Function) []int {
	if fn != nil && fn.Pkg != nil && fn.Pkg.Pkg == c.pass.Pkg && len(fn.Blocks) > 0 {
		if c.wrapperKey(fn) == "" {
			return nil
		}
		return c.wrapperAliases(fn)
	}
	var f wrapperFact
	if callee != nil && c.pass.ImportObjectFact(callee.Origin(), &f) {
		return f.Aliases
	}
	return nil
}
