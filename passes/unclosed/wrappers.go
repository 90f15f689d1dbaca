package unclosed

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	owner "github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/passutil"
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
// whose value is not a resource of its own (rules with no release). An
// owning wrapper returns instead, on every such path, a fresh struct of
// its package holding the value in a field its own release method
// releases (see ownerKey); c.owners records what it owns.
func (c *checker) wraps(fn *ssa.Function) (result string) {
	res := fn.Signature.Results()
	if res.Len() == 0 || len(fn.Blocks) == 0 || !owner.MayHold(res.At(0).Type()) {
		return ""
	}
	key := ""
	var own owned // an owning wrapper's
	direct := false
	defer func() {
		if result != "" && own != (owned{}) {
			c.owners[fn] = own
		}
	}()
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		v := unwrap(ret.Results[0])
		if k, ok := v.(*ssa.Const); ok && k.IsNil() {
			continue
		}
		if a, ok := v.(*ssa.Alloc); ok {
			// An owning wrapper: return &T{client: cl}.
			o := c.ownerKey(fn, a)
			if o.key == "" || direct || key != "" && (o.key != key || own != o) {
				return ""
			}
			key, own = o.key, o
			continue
		}
		if own != (owned{}) {
			return "" // an owning struct on some paths, the value itself on others
		}
		direct = true
		call := resultCall(v)
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
			if !c.usesOnly(r, v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// usesOnly reports whether call uses v for nothing but a call of its own
// method (v only as the receiver) or passes it to a function that only
// uses it (onlyUses).
func (c *checker) usesOnly(call ssa.CallInstruction, v ssa.Value) bool {
	common := call.Common()
	_, plain := call.(*ssa.Call)
	args := common.Args // the arguments besides the receiver
	switch {
	case common.IsInvoke() && common.Value == v:
	case !common.IsInvoke() && len(args) > 0 && args[0] == v && isMethodFunc(common):
		args = args[1:]
	case plain && !common.IsInvoke() && c.onlyUses(common, v):
		return true
	default:
		return false
	}
	return !slices.Contains(args, v)
}

// resultCall returns the call whose (first) result v is, or nil.
func resultCall(v ssa.Value) *ssa.Call {
	switch x := v.(type) {
	case *ssa.Extract:
		if x.Index == 0 {
			call, _ := x.Tuple.(*ssa.Call)
			return call
		}
	case *ssa.Call:
		return x
	}
	return nil
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
	return testifyCall(in, v, failureAssertions)
}

// nilAssertions are the testify assertions that pass only when their
// object argument is nil.
var nilAssertions = map[string]bool{"Nil": true, "Nilf": true}

// assertedNil reports whether every use of v (the value a constructor
// returns) is a testify assertion requiring it to be nil, as a test of a
// constructor's failure writes it (client, err := New(bad); assert.Error(t,
// err); assert.Nil(t, client)): on the path the test accepts there is
// nothing to close. gcsfuse's tests of createHTTPClientHandle with an
// invalid key file are such tests.
func assertedNil(v ssa.Value) bool {
	if v.Referrers() == nil {
		return false
	}
	n := 0
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
			continue
		case *ssa.MakeInterface, *ssa.ChangeInterface:
			iv := r.(ssa.Value)
			for _, rr := range *iv.Referrers() {
				if _, ok := rr.(*ssa.DebugRef); ok {
					continue
				}
				if !testifyCall(rr, iv, nilAssertions) {
					return false
				}
				n++
			}
		default:
			if !testifyCall(r, v, nilAssertions) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// testifyCall reports whether in calls one of the named testify
// assertions (assert and require, functions and Assertions methods) with
// v among its arguments.
func testifyCall(in ssa.Instruction, v ssa.Value, names map[string]bool) bool {
	call, ok := in.(ssa.CallInstruction)
	if !ok {
		return false
	}
	fn := call.Common().StaticCallee()
	if fn == nil || fn.Pkg == nil || !names[fn.Name()] {
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

// owned describes an owning wrapper: the constructor key of the value its
// struct holds, the field holding it and the struct's methods releasing
// it, comma-separated, the value's own release methods first.
type owned struct {
	key, field, release string
}

// ownerKey returns what fn's struct a (returned by fn) owns: a is a fresh
// struct of a type of the package whose one field is given, in fn, the
// fresh value of a tracked constructor (or wrapper), used for nothing
// but its own methods before, and whose type has a method named as one of
// that value's release methods that releases the field (on some path:
// if p.client != nil { p.client.Close() }). The struct must be used only
// by stores into its fields, its own methods and the return. Zero when
// any of this fails.
func (c *checker) ownerKey(fn *ssa.Function, a *ssa.Alloc) owned {
	ptr, ok := a.Type().(*types.Pointer)
	if !ok {
		return owned{}
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg || named.TypeParams().Len() > 0 {
		return owned{}
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return owned{}
	}
	var found owned
	field := -1
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef, *ssa.Return:
		case *ssa.MakeInterface, *ssa.ChangeType:
			if !c.onlyReturned(r.(ssa.Value)) {
				return owned{}
			}
		case *ssa.FieldAddr:
			for _, fr := range *r.Referrers() {
				switch fr := fr.(type) {
				case *ssa.DebugRef:
				case *ssa.UnOp: // a read of the field
				case *ssa.Store:
					if fr.Addr != ssa.Value(r) {
						return owned{}
					}
					k := c.freshValue(fn, unwrap(fr.Val), fr)
					if k == "" {
						continue
					}
					if field >= 0 {
						return owned{} // two resources, or one stored twice
					}
					field, found.key = r.Field, k
				default:
					return owned{}
				}
			}
		case ssa.CallInstruction:
			common := r.Common()
			if _, plain := r.(*ssa.Call); !plain || common.IsInvoke() || !isMethodFunc(common) ||
				common.Args[0] != ssa.Value(a) || slices.Contains(common.Args[1:], ssa.Value(a)) {
				return owned{}
			}
			if recv := common.StaticCallee().Signature.Recv(); recv == nil || !types.Identical(recv.Type(), ptr) {
				return owned{}
			}
		default:
			return owned{}
		}
	}
	if field < 0 {
		return owned{}
	}
	found.field = st.Field(field).Name()
	rule, ok := resources.Rules[found.key]
	if !ok {
		return owned{}
	}
	names := releasingMethods(fn.Prog, ptr, field, rule.Release)
	if len(names) == 0 {
		return owned{}
	}
	found.release = strings.Join(names, ",")
	return found
}

// releasingMethods returns the names of the methods of ptr's type that
// release field i of their receiver: directly (releasesField), or by
// calling such a method on the receiver (a Stop that calls p.Close()).
// The release methods of the value come first, so that a fix defers
// Close rather than Stop.
func releasingMethods(prog *ssa.Program, ptr types.Type, i int, release []string) []string {
	ms := prog.MethodSets.MethodSet(ptr)
	var fns []*ssa.Function
	for sel := range ms.Methods() {
		if fn := prog.MethodValue(sel); fn != nil && fn.Synthetic == "" && len(fn.Params) > 0 {
			fns = append(fns, fn)
		}
	}
	releasing := map[*ssa.Function]bool{}
	passutil.FixedPoint(func() bool {
		changed := false
		for _, fn := range fns {
			if !releasing[fn] && (releasesField(fn, i, release) || callsOnReceiver(fn, releasing)) {
				releasing[fn] = true
				changed = true
			}
		}
		return changed
	})
	var names []string
	for fn := range releasing {
		names = append(names, fn.Name())
	}
	slices.SortFunc(names, func(a, b string) int {
		ra, rb := slices.Index(release, a), slices.Index(release, b)
		switch {
		case ra >= 0 && rb >= 0:
			return ra - rb
		case ra >= 0:
			return -1
		case rb >= 0:
			return 1
		}
		return strings.Compare(a, b)
	})
	return names
}

// callsOnReceiver reports whether m calls one of the methods fns on its
// own receiver.
func callsOnReceiver(m *ssa.Function, fns map[*ssa.Function]bool) bool {
	recv := m.Params[0]
	for _, b := range m.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(ssa.CallInstruction)
			if !ok || call.Common().IsInvoke() || len(call.Common().Args) == 0 {
				continue
			}
			if fns[call.Common().StaticCallee()] && ssaflow.Unconvert(call.Common().Args[0]) == ssa.Value(recv) {
				return true
			}
		}
	}
	return false
}

// freshValue returns the key of the tracked constructor (or wrapper) v
// is a fresh value of, created in fn and used for nothing but the store
// st, its own methods and functions that only use it; "" otherwise.
// Storage writers and values whose Close frees nothing are left out.
func (c *checker) freshValue(fn *ssa.Function, v ssa.Value, st *ssa.Store) string {
	call := resultCall(v)
	if call == nil || call.Parent() != fn || call.Call.IsInvoke() {
		return ""
	}
	callee := apimatch.SSACallee(&call.Call)
	if callee == nil {
		return ""
	}
	k := c.ctorKey(callee, call.Call.StaticCallee())
	r, ok := resources.Rules[k]
	if k == "" || !ok || len(r.Release) == 0 || resources.StorageWriters[k] || resources.CloseFreesNothing(k, v.Type()) {
		return ""
	}
	for _, ref := range *v.Referrers() {
		switch ref := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if ref != st {
				return ""
			}
		case ssa.CallInstruction:
			if !c.usesOnly(ref, v) {
				return ""
			}
		default:
			return ""
		}
	}
	return k
}

// releasesField reports whether method m calls one of the release methods
// on field i of its receiver, read directly (p.client.Close()) or
// through a local copy of it.
func releasesField(m *ssa.Function, i int, release []string) bool {
	if len(m.Params) == 0 {
		return false
	}
	recv := m.Params[0]
	isField := func(v ssa.Value) bool {
		ld, ok := ssaflow.Unconvert(v).(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			return false
		}
		fa, ok := ld.X.(*ssa.FieldAddr)
		return ok && fa.X == ssa.Value(recv) && fa.Field == i
	}
	for _, b := range m.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			common := call.Common()
			switch {
			case common.IsInvoke():
				if slices.Contains(release, common.Method.Name()) && isField(common.Value) {
					return true
				}
			case isMethodFunc(common) && len(common.Args) > 0:
				if slices.Contains(release, common.StaticCallee().Name()) && isField(common.Args[0]) {
					return true
				}
			}
		}
	}
	return false
}

// ownerOf returns what the owning wrapper callee (fn its SSA function, if
// of this package) owns; zero when it is no owning wrapper.
func (c *checker) ownerOf(callee *types.Func, fn *ssa.Function) owned {
	if fn != nil && fn.Pkg != nil && fn.Pkg.Pkg == c.pass.Pkg && len(fn.Blocks) > 0 {
		if c.wrapperKey(fn) == "" {
			return owned{}
		}
		return c.owners[fn]
	}
	var f wrapperFact
	if callee != nil && c.pass.ImportObjectFact(callee.Origin(), &f) && f.Field != "" {
		return owned{key: f.Constructs, field: f.Field, release: f.Release}
	}
	return owned{}
}
