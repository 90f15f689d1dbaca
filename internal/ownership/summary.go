package ownership

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/resources"
)

// releaseNames are the release methods used for summaries of parameters,
// whose type is not known to a rule: every release a rule names.
var releaseNames = resources.ReleaseNames()

// summary computes what fn does with its parameters.
func (r *Result) summary(fn *ssa.Function) (f *Fact) {
	if f := r.summaries[fn]; f != nil {
		return f
	}
	if r.inProgress[fn] {
		return &Fact{} // recursion: assume plain use
	}
	r.inProgress[fn] = true
	defer func() {
		delete(r.inProgress, fn)
		if e := recover(); e != nil {
			// A summary refines precision; one odd function (in any
			// dependency) must not break the analysis.
			f = &Fact{}
		}
		r.summaries[fn] = f
	}()
	f = &Fact{}
	if len(fn.Blocks) == 0 {
		return f
	}
	off := 0
	if fn.Signature.Recv() != nil {
		off = 1
	}
	for i, p := range fn.Params {
		if i < off || !MayHold(p.Type()) {
			continue
		}
		// A function of the resource's own library given the value
		// only uses it (sarama's FromClient constructors wrap the
		// client; closing what they return leaves it open).
		var own *types.Package
		if pkg := passutil.TypePkg(p.Type()); pkg != nil && resources.IsLibrary(apimatch.PkgPath(pkg)) {
			own = pkg
		}
		u := r.analyse(fn, []ssa.Value{p}, Query{Release: releaseNames, Own: own, Fields: true}, true)
		if r.removesForm(u) {
			f.RemovesForm = append(f.RemovesForm, i-off)
		}
		switch {
		case (len(u.Handoffs) > 0 || u.Returned) && len(u.Releases) == 0 && keptOnSuccess(fn, u):
			if neverFails(fn) {
				// Every return's error is the constant nil: no call
				// fails, so the value is kept on every path.
				f.Retains = append(f.Retains, i-off)
			} else {
				f.RetainsOnSuccess = append(f.RetainsOnSuccess, i-off)
			}
			continue
		case len(u.Handoffs) > 0:
			f.Retains = append(f.Retains, i-off)
			continue
		case len(u.Releases) > 0:
			if r.leakPath(fn, nil, u, nil) == nil {
				f.Releases = append(f.Releases, i-off)
			} else {
				f.Retains = append(f.Retains, i-off)
			}
		}
		if u.Returned {
			f.Returns = append(f.Returns, i-off)
		}
	}
	return f
}

// MayHold reports whether a parameter of type t can carry a client or
// another resource, so is worth a summary: not an error, a
// context.Context, nor a type made only of basic types without methods
// ([]byte, *int, map[string]int, a struct of strings). Funcs are kept: a
// closure capturing a client may be passed to one that retains it
// (http.HandleFunc). Summaries of the others would only say that a
// function returns its []byte (bytes.TrimSpace): facts every importing
// package decodes, for nothing. unclosed uses it too.
func MayHold(t types.Type) bool {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil &&
		n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context" {
		return false
	}
	return canHold(t, map[types.Type]bool{})
}

// canHold reports whether a value of type t is, or can refer to, a value
// of a named type with methods (a resource, or an interface holding one)
// or a func. Types already being looked at count as not holding: their
// other parts decide.
func canHold(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if n, ok := types.Unalias(t).(*types.Named); ok && n.NumMethods() > 0 {
		return true // may be the resource itself (a file handle of ints)
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return false
	case *types.Pointer:
		return canHold(u.Elem(), seen)
	case *types.Slice:
		return canHold(u.Elem(), seen)
	case *types.Array:
		return canHold(u.Elem(), seen)
	case *types.Map:
		return canHold(u.Key(), seen) || canHold(u.Elem(), seen)
	case *types.Chan:
		return canHold(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if canHold(u.Field(i).Type(), seen) {
				return true
			}
		}
		return false
	}
	return true // interfaces, type parameters, funcs
}

// keptOnSuccess reports whether fn returns an error last, every
// hand-off of u is in fn itself and reaches only returns of a nil error,
// and every return of the value returns a nil error: on a path that
// fails, the parameter was never kept.
func keptOnSuccess(fn *ssa.Function, u *Usage) bool {
	res := fn.Signature.Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	for _, ret := range u.Returns {
		if !nilError(ret) {
			return false
		}
	}
	for h := range u.Handoffs {
		if h.Parent() != fn {
			return false
		}
		if _, ok := h.(*ssa.Return); ok {
			return false
		}
		if reachesErrorReturn(h) {
			return false
		}
	}
	return true
}

// neverFails reports whether every return of fn (which returns an error
// last) returns the constant nil error: func New(c *kgo.Client) (*R,
// error) { return &R{client: c}, nil }.
func neverFails(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && !nilError(ret) {
			return false
		}
	}
	return true
}

// reachesErrorReturn reports whether a return of an error that may be
// non-nil (anything but the constant nil) follows in.
func reachesErrorReturn(in ssa.Instruction) bool {
	seen := map[*ssa.BasicBlock]bool{}
	var visit func(b *ssa.BasicBlock, from int) bool
	visit = func(b *ssa.BasicBlock, from int) bool {
		for _, x := range b.Instrs[from:] {
			if ret, ok := x.(*ssa.Return); ok && len(ret.Results) > 0 {
				return !nilError(ret)
			}
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if visit(s, 0) {
					return true
				}
			}
		}
		return false
	}
	b := in.Block()
	return visit(b, slices.Index(b.Instrs, in)+1)
}

// nilError reports whether ret returns the constant nil as its last
// result.
func nilError(ret *ssa.Return) bool {
	if len(ret.Results) == 0 {
		return false
	}
	c, ok := ret.Results[len(ret.Results)-1].(*ssa.Const)
	return ok && c.IsNil()
}
