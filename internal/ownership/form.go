package ownership

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/resources"
	"github.com/memlint/memlint/internal/ssaflow"
)

// A multipart form is released by a call on a value the parameter holds,
// not on the parameter: r.MultipartForm.RemoveAll(),
// c.Request.MultipartForm.RemoveAll(), form, _ := c.MultipartForm();
// form.RemoveAll(). The engine derives the values a parameter holds by
// field loads and calls of methods without arguments (c.Request(),
// c.MultipartForm()), a few steps deep, and looks for the form release
// (resources.FormRelease) on one of them, or for one of them passed to a
// function that removes the form of that parameter. Unlike Releases, this
// is path-insensitive: a helper that removes the form on some path is
// trusted to clean up (multipart's rule; its callers stay silent).

// maxHeldDepth bounds the derivation: c.Request().MultipartForm is two
// steps.
const maxHeldDepth = 3

// removesForm reports whether the uses u of a parameter remove a
// multipart form it holds (or is).
func (r *Result) removesForm(u *Usage) bool {
	held := map[ssa.Value]bool{}
	var derive func(v ssa.Value, depth int)
	derive = func(v ssa.Value, depth int) {
		if held[v] {
			return
		}
		held[v] = true
		if depth >= maxHeldDepth || v.Referrers() == nil {
			return
		}
		for _, ref := range *v.Referrers() {
			switch x := ref.(type) {
			case *ssa.FieldAddr:
				for _, load := range *x.Referrers() {
					if l, ok := load.(*ssa.UnOp); ok && l.Op == token.MUL && mayHoldForm(l.Type()) {
						derive(l, depth+1)
					}
				}
			case *ssa.Field:
				if mayHoldForm(x.Type()) {
					derive(x, depth+1)
				}
			case *ssa.Call:
				if res := getter(x, v); res != nil {
					derive(res, depth+1)
				}
			}
		}
	}
	for v := range u.Values {
		derive(v, 0)
	}
	for v := range held {
		if isForm(v.Type()) {
			// A form: its aliases (f := r.MultipartForm; a phi) too.
			for w := range ssaflow.Track([]ssa.Value{v}, nil).Values {
				if r.formReleased(w, held) {
					return true
				}
			}
			continue
		}
		if r.formReleased(v, held) {
			return true
		}
	}
	return false
}

// formReleased reports whether v is the receiver of the form release, or
// is passed to a function that removes the form of that parameter.
func (r *Result) formReleased(v ssa.Value, held map[ssa.Value]bool) bool {
	if v.Referrers() == nil {
		return false
	}
	for _, ref := range *v.Referrers() {
		call, ok := ref.(ssa.CallInstruction)
		if !ok || call.Common().IsInvoke() {
			continue
		}
		common := call.Common()
		callee := common.StaticCallee()
		if callee == nil {
			continue
		}
		if apimatch.Key(apimatch.SSACallee(common)) == resources.FormRelease {
			if len(common.Args) > 0 && common.Args[0] == v {
				return true
			}
			continue
		}
		f := r.of(callee)
		if f == nil || len(f.RemovesForm) == 0 {
			continue
		}
		for i, a := range common.Args {
			if p, ok := ArgIndex(callee, i); ok && a == v && f.RemovesForm.Has(p) {
				return true
			}
		}
	}
	return false
}

// getter returns the value a call of a method without arguments on v
// yields (c.Request(), c.MultipartForm()): its first result, when that can
// hold a form; nil for any other call.
func getter(call *ssa.Call, v ssa.Value) ssa.Value {
	common := &call.Call
	switch {
	case common.IsInvoke():
		if common.Value != v || len(common.Args) != 0 {
			return nil
		}
	default:
		fn := common.StaticCallee()
		if fn == nil || fn.Signature.Recv() == nil || len(common.Args) != 1 || common.Args[0] != v {
			return nil
		}
	}
	res := common.Signature().Results()
	if res.Len() == 0 || !mayHoldForm(res.At(0).Type()) {
		return nil
	}
	if res.Len() == 1 {
		return call
	}
	for _, ref := range *call.Referrers() {
		if e, ok := ref.(*ssa.Extract); ok && e.Index == 0 {
			return e
		}
	}
	return nil
}

// isForm reports whether t is *mime/multipart.Form.
func isForm(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && apimatch.TypeKey(p.Elem()) == resources.FormType
}

// mayHoldForm reports whether a value of type t is worth following for a
// form: a pointer or an interface (a request, a framework context, the
// form itself).
func mayHoldForm(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return true
	}
	return false
}
