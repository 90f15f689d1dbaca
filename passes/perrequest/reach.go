package perrequest

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/hotpath"
	"github.com/memlint/memlint/internal/httpapi"
)

// A reach says how a function of the package runs per request: a
// handler of the package calls it, directly or through other such
// functions, outside any loop.
type reach struct {
	region  ast.Node // the handler's declaration or literal
	handler string   // the handler, for messages
	call    ast.Node // the call that reaches the function
	caller  string   // the function making that call
}

// requestReached finds the functions of the package that its handlers
// call per request: a static call, outside any loop, in a handler or in a
// function found so before, of a named function of the package that is
// not itself on a request path, a builder or a per-call builder (their
// calls are judged as such), main or init. Only those that hand nothing
// back (handsNothingBack) are where builds are reported. What those
// functions build is built per request, although they build it only on
// some paths (memos' SaveAttachmentBlob, called by a gRPC method, builds
// an S3 client when the instance stores attachments in S3): on the paths
// a request takes.
// Calls through interfaces and func values, and calls from other
// packages, are not followed.
func (c *checker) requestReached(funcs []*ssa.Function) {
	c.reached = make(map[*types.Func]*reach)
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			if fn.Synthetic != "" || c.skipFile(fn.Pos()) {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					call, ok := instr.(*ssa.Call)
					if !ok || call.Call.IsInvoke() {
						continue
					}
					callee := call.Call.StaticCallee()
					if callee == nil {
						continue
					}
					if callee.Origin() != nil {
						callee = callee.Origin()
					}
					obj, _ := callee.Object().(*types.Func)
					if obj == nil || c.reached[obj] != nil || !c.reachable(callee, obj) {
						continue
					}
					cur, ok := c.nodes[call.Pos()]
					if !ok {
						continue
					}
					h := c.hotIn(cur, true)
					if h.Kind != hotpath.PerRequest || !c.reportable(cur, h) {
						continue
					}
					r := &reach{region: h.Region, handler: c.handlerName(h.Region), call: cur.Node()}
					if caller := c.declaredFunc(enclosingDecl(cur)); caller != nil {
						r.caller = funcName(caller)
					}
					c.reached[obj] = r
					changed = true
				}
			}
		}
	}
}

// reachable reports whether a call of callee (obj) may make it a function
// run per request.
func (c *checker) reachable(callee *ssa.Function, obj *types.Func) bool {
	if callee.Parent() != nil || callee.Synthetic != "" || callee.Pkg == nil || callee.Pkg.Pkg != c.pass.Pkg ||
		callee.Blocks == nil || c.skipFile(callee.Pos()) {
		return false
	}
	if httpapi.OnRequestPath(obj) || obj.Name() == "main" || obj.Name() == "init" {
		return false
	}
	return c.builderOf(callee) == nil && c.perCallOf(callee) == nil
}

// handsNothingBack reports whether fn returns nothing but errors and
// values of basic types (a string, a count), so that nothing it builds
// can come back to its callers. A function returning another value may
// return one that holds what it builds (minio's newWarmBackendS3 keeps a
// transport in the credentials of the backend it returns): how long that
// lives is its callers' business, so what it builds is not reported as
// built per request (the functions it calls are still followed).
func handsNothingBack(fn *types.Func) bool {
	res := fn.Signature().Results()
	for i := range res.Len() {
		t := res.At(i).Type()
		if _, basic := t.Underlying().(*types.Basic); !basic && !types.Identical(t, types.Universe.Lookup("error").Type()) {
			return false
		}
	}
	return true
}

// hot is hotpath.OfReached with the functions handlers reach that hand
// nothing back: where what is built is reported.
func (c *checker) hot(cur inspector.Cursor) hotpath.Hot {
	return c.hotIn(cur, false)
}

// hotIn is hotpath.OfReached with the functions handlers reach; all
// takes every one of them (to follow their calls), not only those that
// hand nothing back.
func (c *checker) hotIn(cur inspector.Cursor, all bool) hotpath.Hot {
	return hotpath.OfReached(c.pass.TypesInfo, cur, func(fn *types.Func) ast.Node {
		if r := c.reached[fn]; r != nil && (all || handsNothingBack(fn)) {
			return r.region
		}
		return nil
	})
}

// reachedAt returns the reach of the function declaration cur lies in,
// when h is the per-request region it gives (not a handler of its own or
// a loop inside it).
func (c *checker) reachedAt(cur inspector.Cursor, h hotpath.Hot) (*types.Func, *reach) {
	if h.Kind != hotpath.PerRequest {
		return nil, nil
	}
	decl := enclosingDecl(cur)
	fn := c.declaredFunc(decl)
	if fn == nil || decl == h.Region {
		return nil, nil
	}
	if r := c.reached[fn]; r != nil && r.region == h.Region {
		return fn, r
	}
	return nil, nil
}

// declaredFunc returns the function fd declares, nil for a nil fd.
func (c *checker) declaredFunc(fd *ast.FuncDecl) *types.Func {
	if fd == nil {
		return nil
	}
	fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	return fn
}

// handlerName names a handler region for messages.
func (c *checker) handlerName(region ast.Node) string {
	if fd, ok := region.(*ast.FuncDecl); ok {
		if fn := c.declaredFunc(fd); fn != nil {
			return funcName(fn)
		}
	}
	return "a handler literal"
}

// phrase says how the function named name runs per request:
// "percall.sync, which percall.Handler calls", or "percall.sync, which
// percall.relay calls on the request path of percall.Handler".
func (r *reach) phrase(name string) string {
	if r.caller != "" && r.caller != r.handler {
		return name + ", which " + r.caller + " calls on the request path of " + r.handler
	}
	return name + ", which " + r.handler + " calls"
}
