package unclosed

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/resources"
)

// A *storage.Writer's cost and lifetime depend on what the code around it
// does (see storageWriters): the buffer is the ChunkSize the code sets, and
// a writer whose context is cancelled when the function returns is aborted
// by the library.

const (
	storagePkg       = "cloud.google.com/go/storage"
	defaultChunkSize = 16 << 20 // storage.Writer's ChunkSize when never set
	chunkGranule     = 256 << 10
)

// storageLeaks returns the rule's leaks text with the buffer the code
// shows: "its 256 KiB buffer" for a constant ChunkSize, "its 16 MiB buffer
// (the default ChunkSize)" when ChunkSize is provably never set (no field
// access, never passed where it could be set), no buffer but the upload
// request for ChunkSize 0, and "its ChunkSize buffer" otherwise.
func storageLeaks(leaks string, a *usage) string {
	size, set, known := chunkSize(a)
	switch {
	case !known:
		return leaks
	case size == 0:
		return strings.Replace(leaks, resources.ChunkBuffer+" stays live", "its upload request stays open", 1)
	case !set:
		return strings.Replace(leaks, resources.ChunkBuffer, "its 16 MiB buffer (the default ChunkSize)", 1)
	}
	return strings.Replace(leaks, resources.ChunkBuffer, "its "+passutil.FormatBytes(size)+" buffer", 1)
}

// chunkSize returns the ChunkSize of the writer a tracks, when every
// assignment to it is the same constant (rounded up to a multiple of
// 256 KiB as the library does), or when it is provably never assigned
// (set is false).
func chunkSize(a *usage) (size int64, set, known bool) {
	size = -1
	for v := range a.Values {
		if types.IsInterface(v.Type()) {
			continue // an io.Writer cannot set ChunkSize
		}
		for _, ref := range *v.Referrers() {
			switch ref := ref.(type) {
			case *ssa.FieldAddr:
				if fieldName(ref) != "ChunkSize" {
					continue
				}
				for _, r := range *ref.Referrers() {
					st, ok := r.(*ssa.Store)
					if !ok || st.Addr != ref {
						continue // a read
					}
					set = true
					k, ok := st.Val.(*ssa.Const)
					if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
						return 0, false, false
					}
					n, ok := constant.Int64Val(k.Value)
					if !ok || n < 0 {
						return 0, false, false
					}
					if n%chunkGranule != 0 {
						n += chunkGranule - n%chunkGranule
					}
					if size >= 0 && size != n {
						return 0, false, false
					}
					size = n
				}
			case *ssa.Store:
				if ref.Val == v {
					return 0, false, false // stored somewhere: set elsewhere, perhaps
				}
			case ssa.CallInstruction:
				if passedWhereSettable(ref.Common(), v) {
					return 0, false, false
				}
			}
		}
	}
	if size < 0 {
		return defaultChunkSize, false, true
	}
	return size, true, true
}

// passedWhereSettable reports whether call passes v to a function outside
// the storage package, which could set its ChunkSize.
func passedWhereSettable(call *ssa.CallCommon, v ssa.Value) bool {
	if call.IsInvoke() {
		return false
	}
	fn := apimatch.SSACallee(call)
	if fn != nil && fn.Pkg() != nil && apimatch.PkgPath(fn.Pkg()) == storagePkg {
		return false
	}
	for _, arg := range call.Args {
		if arg == v {
			return true
		}
	}
	return false
}

func fieldName(fa *ssa.FieldAddr) string {
	st, ok := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return ""
	}
	return st.Field(fa.Field).Name()
}

// cancelledOnReturn reports whether the context ctx is cancelled when fn
// returns, or with the request fn serves: r.Context() of a server request,
// the *http.Request parameter of a function that also takes an
// http.ResponseWriter (the server cancels it when its handler returns:
// func(w, r), or func(w, r) *appError behind an adapter), a context from
// context.WithCancel, WithTimeout or WithDeadline (or their Cause forms)
// whose cancel function fn defers, a context derived from either by
// context.WithValue or a further With* call, or a context parameter of an
// unexported function every call of which in the package gives it such a
// context (callersGive).
func (c *checker) cancelledOnReturn(fn *ssa.Function, ctx ssa.Value) bool {
	return c.cancelled(fn, ctx, 0)
}

func (c *checker) cancelled(fn *ssa.Function, ctx ssa.Value, depth int) bool {
	for range 8 { // a chain of derivations, bounded
		switch v := ctx.(type) {
		case *ssa.MakeInterface:
			ctx = v.X
			continue
		case *ssa.Parameter:
			return depth < 3 && c.callersGive(fn, v, func(g *ssa.Function, arg ssa.Value) bool {
				return c.cancelled(g, arg, depth+1)
			})
		case *ssa.Extract:
			call, ok := v.Tuple.(*ssa.Call)
			if !ok || v.Index != 0 {
				return false
			}
			switch calleeKey(call) {
			case "context.WithCancel", "context.WithTimeout", "context.WithDeadline",
				"context.WithCancelCause", "context.WithTimeoutCause", "context.WithDeadlineCause":
				if defersCancel(fn, call) {
					return true
				}
				ctx = call.Call.Args[0]
				continue
			}
			return false
		case *ssa.Call:
			switch calleeKey(v) {
			case "context.WithValue":
				ctx = v.Call.Args[0]
				continue
			case "(*net/http.Request).Context":
				return c.serverReq(fn, v.Call.Args[0], depth)
			}
			return false
		}
		return false
	}
	return false
}

// serverReq reports whether v is a server's request: a *http.Request
// parameter of fn, a function that also takes an http.ResponseWriter, or
// of an unexported function every call of which gives it one (the
// bookshelf sample's bookFromForm(r), called by its handlers).
func (c *checker) serverReq(fn *ssa.Function, v ssa.Value, depth int) bool {
	p, ok := v.(*ssa.Parameter)
	if !ok || p.Parent() != fn {
		return false
	}
	if serverRequest(fn, p) {
		return true
	}
	return depth < 3 && c.callersGive(fn, p, func(g *ssa.Function, arg ssa.Value) bool {
		return c.serverReq(g, arg, depth+1)
	})
}

// callersGive reports whether p, a parameter of fn, is given a value that
// ok accepts at every call of fn: fn is an unexported function or method
// of the package, called directly at least once, never used as a value,
// and, for a method, no interface call in the package has its name (an
// interface of the package may dispatch to it).
func (c *checker) callersGive(fn *ssa.Function, p *ssa.Parameter, accept func(g *ssa.Function, arg ssa.Value) bool) bool {
	obj, _ := fn.Object().(*types.Func)
	if obj == nil || obj.Exported() || fn.Parent() != nil {
		return false
	}
	idx := slices.Index(fn.Params, p)
	if idx < 0 {
		return false
	}
	method := fn.Signature.Recv() != nil
	calls := 0
	funcs := c.funcs
	if c.init != nil {
		funcs = append(slices.Clip(funcs), c.init) // var f = helper
	}
	for _, g := range funcs {
		for _, b := range g.Blocks {
			for _, in := range b.Instrs {
				if cl, ok := in.(ssa.CallInstruction); ok {
					com := cl.Common()
					if com.IsInvoke() {
						if method && com.Method.Name() == obj.Name() {
							return false
						}
					} else if com.StaticCallee() == fn {
						calls++
						if idx >= len(com.Args) || !accept(g, com.Args[idx]) {
							return false
						}
						for _, a := range com.Args {
							if a == fn {
								return false
							}
						}
						continue
					}
				}
				for _, op := range in.Operands(nil) {
					if op != nil && *op == fn {
						return false // used as a value
					}
				}
			}
		}
	}
	return calls > 0
}

// serverRequest reports whether p, a *http.Request parameter of fn, is a
// server's request: fn's signature is a server's (httpapi.ServerSideSig:
// it also takes an http.ResponseWriter or a framework context).
func serverRequest(fn *ssa.Function, p *ssa.Parameter) bool {
	f, ok := httpapi.Holder(p.Type())
	return ok && f == httpapi.NetHTTP && httpapi.ServerSideSig(fn.Signature)
}

func calleeKey(call *ssa.Call) string {
	if fn := apimatch.SSACallee(&call.Call); fn != nil {
		return apimatch.Key(fn)
	}
	return ""
}

// defersCancel reports whether fn defers the cancel function (result 1)
// of call, directly or in a deferred closure that calls it.
func defersCancel(fn *ssa.Function, call *ssa.Call) bool {
	for _, ref := range *call.Referrers() {
		e, ok := ref.(*ssa.Extract)
		if !ok || e.Index != 1 {
			continue
		}
		refs := *e.Referrers()
		for _, r := range refs {
			// A cancel captured by a closure lives in a cell.
			if st, ok := r.(*ssa.Store); ok && st.Val == e {
				if cell, ok := st.Addr.(*ssa.Alloc); ok {
					refs = append(refs, *cell.Referrers()...)
				}
			}
		}
		for _, r := range refs {
			switch r := r.(type) {
			case *ssa.Defer:
				if r.Parent() == fn && r.Call.Value == e {
					return true
				}
			case *ssa.MakeClosure:
				for _, cr := range *r.Referrers() {
					if d, ok := cr.(*ssa.Defer); ok && d.Parent() == fn && d.Call.Value == r && callsFreeVar(r.Fn.(*ssa.Function)) {
						return true
					}
				}
			}
		}
	}
	return false
}

// callsFreeVar reports whether closure fn calls one of its free variables
// (defer func() { cancel() }()).
func callsFreeVar(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			c, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			v := c.Common().Value
			if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
				v = load.X
			}
			if _, ok := v.(*ssa.FreeVar); ok {
				return true
			}
		}
	}
	return false
}

// writeErrors returns the error results of the writer's own Write calls,
// and of copies into it from bytes already in memory (a bytes.Reader,
// bytes.Buffer or strings.Reader's WriteTo, io.Copy from one), which fail
// only when the writer's Write does: after a failed Write the upload has
// already ended, so the branch where such an error is non-nil is no leak.
func writeErrors(a *usage) []ssa.Value {
	var errs []ssa.Value
	add := func(call *ssa.Call) {
		for _, r := range *call.Referrers() {
			if e, ok := r.(*ssa.Extract); ok && e.Index == 1 {
				errs = append(errs, e)
			}
		}
	}
	for v := range a.Values {
		for _, ref := range *v.Referrers() {
			switch ref := ref.(type) {
			case *ssa.Call:
				if calleeKey(ref) == "(*"+storagePkg+".Writer).Write" && len(ref.Call.Args) > 0 && ref.Call.Args[0] == v {
					add(ref)
				}
			case *ssa.MakeInterface:
				for _, r := range *ref.Referrers() {
					if call, ok := r.(*ssa.Call); ok && copiesFromMemory(call, ref) {
						add(call)
					}
				}
			}
		}
	}
	return errs
}

// copiesFromMemory reports whether call writes bytes already in memory
// into w: (*bytes.Reader).WriteTo(w), (*bytes.Buffer).WriteTo(w),
// (*strings.Reader).WriteTo(w), or io.Copy(w, src) with src one of those
// (io.Copy uses its WriteTo).
func copiesFromMemory(call *ssa.Call, w ssa.Value) bool {
	args := call.Call.Args
	switch calleeKey(call) {
	case "(*bytes.Reader).WriteTo", "(*bytes.Buffer).WriteTo", "(*strings.Reader).WriteTo":
		return len(args) == 2 && args[1] == w
	case "io.Copy", "io.CopyBuffer":
		if len(args) < 2 || args[0] != w {
			return false
		}
		src, ok := args[1].(*ssa.MakeInterface)
		if !ok {
			return false
		}
		switch apimatch.TypeKey(src.X.Type()) {
		case "bytes.Reader", "bytes.Buffer", "strings.Reader":
			_, ptr := src.X.Type().(*types.Pointer)
			return ptr
		}
	}
	return false
}
