// Package hotpath decides how often a point of a function runs: once, per
// loop iteration, per goroutine started in a loop, or per request. It is
// memlint's one notion of a hot path, shared by bigbuffer and perrequest.
package hotpath

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
)

// Kind says how often the code at some point runs.
type Kind int

const (
	Cold         Kind = iota // once, or as often as its caller decides
	PerIteration             // in a loop body
	PerGoroutine             // in a goroutine started in a loop body
	PerRequest               // in an HTTP handler
)

// Phrase is the multiplier a message appends to a byte count.
func (k Kind) Phrase() string {
	switch k {
	case PerIteration:
		return " per loop iteration"
	case PerGoroutine:
		return " per goroutine started in the loop"
	case PerRequest:
		return " per request"
	}
	return ""
}

// Hot is where a node runs: how often, and the node (loop body or handler
// function) whose each execution runs it once.
type Hot struct {
	Kind   Kind
	Region ast.Node
	// Loop is the loop whose body is Region (PerIteration, PerGoroutine).
	Loop ast.Node
	// Worker reports, for PerGoroutine, that the goroutine loops itself: a
	// long-lived worker, one per item of the loop that starts it.
	Worker bool
}

// Of walks up from cur to the enclosing function declaration and
// decides how often cur runs:
//
//   - a loop body (of the same function, or of an enclosing one the
//     closure is created in) makes it per iteration, or per goroutine when
//     a go statement lies in between; but a goroutine that loops itself,
//     started by a counting loop (for i := 0; i < n; i++, range n), is a
//     pool worker whose buffers are allocated once per worker;
//   - a function or closure on a request path (internal/httpapi: a
//     request holder or http.ResponseWriter parameter, or a gRPC server
//     method) makes it per request;
//   - a sync.Pool New func or a sync.Once's func make it cold, whatever
//     encloses them, and so does init (but not closures created in init,
//     such as handlers); package-level initialisers are cold.
//
// The innermost hot region wins. Other closures are transparent: a closure
// created in a loop runs, at worst, once per iteration.
func Of(info *types.Info, cur inspector.Cursor) Hot {
	return OfReached(info, cur, nil)
}

// OfReached is Of, where reached also makes a function declaration hot:
// when it returns a handler's region for the function cur lies in (one
// that a handler of the package calls, directly or through other such
// functions, outside any loop), cur runs per request in that region,
// unless a loop, a goroutine, a sync.Pool New or a sync.Once's func is
// nearer.
func OfReached(info *types.Info, cur inspector.Cursor, reached func(*types.Func) ast.Node) Hot {
	var res Hot                // the innermost hot region
	var goroutine *ast.FuncLit // body of a go statement cur is in, if any
	inClosure := false
	prev := cur
	for p := cur.Parent(); p.Node() != nil; prev, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if res.Kind == Cold && prev.Node() == LoopBody(n) {
				if goroutine != nil && isCountingLoop(info, n) && containsLoop(goroutine.Body) {
					// for i := 0; i < workers; i++ { go func() { buf := ...; for job := range jobs {...} }() }
					// A worker pool: one buffer per worker, reused for every job.
					return Hot{}
				}
				res = loopHot(goroutine != nil, LoopBody(n))
				res.Loop = n
				res.Worker = goroutine != nil && containsLoop(goroutine.Body)
			}
		case *ast.GoStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok && goroutine == nil && prev.Node() == n.Call {
				goroutine = lit
			}
		case *ast.FuncLit:
			if isPoolNew(info, p) || isOnceFunc(info, p) {
				return Hot{} // runs rarely, whatever encloses it
			}
			if res.Kind == Cold && isHandler(info.TypeOf(n)) {
				res = Hot{Kind: PerRequest, Region: n}
			}
			inClosure = true
		case *ast.FuncDecl:
			if n.Recv == nil && n.Name.Name == "init" && !inClosure {
				return Hot{} // init runs once, loops included
			}
			if res.Kind == Cold {
				fn, _ := info.Defs[n.Name].(*types.Func)
				if httpapi.OnRequestPath(fn) {
					res = Hot{Kind: PerRequest, Region: n}
				} else if reached != nil && fn != nil {
					if region := reached(fn); region != nil {
						res = Hot{Kind: PerRequest, Region: region}
					}
				}
			}
			return res
		}
	}
	return res
}

// LoopBody returns the body of a for or range statement, nil for any
// other node.
func LoopBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.ForStmt:
		return n.Body
	case *ast.RangeStmt:
		return n.Body
	}
	return nil
}

// isCountingLoop reports whether loop runs a count of times fixed at its
// start: for i := 0; i < n; i++, or range over an integer.
func isCountingLoop(info *types.Info, loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.ForStmt:
		_, inc := l.Post.(*ast.IncDecStmt)
		return l.Init != nil && l.Cond != nil && inc
	case *ast.RangeStmt:
		t := info.TypeOf(l.X)
		if t == nil {
			return false
		}
		b, ok := t.Underlying().(*types.Basic)
		return ok && b.Info()&types.IsInteger != 0
	}
	return false
}

// containsLoop reports whether body has a loop (outside nested closures).
func containsLoop(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			found = true
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

func loopHot(goroutine bool, body ast.Node) Hot {
	if goroutine {
		return Hot{Kind: PerGoroutine, Region: body}
	}
	return Hot{Kind: PerIteration, Region: body}
}

// isHandler reports whether t is the signature of a closure on a request
// path (internal/httpapi).
func isHandler(t types.Type) bool {
	sig, _ := types.Unalias(t).(*types.Signature)
	return httpapi.OnRequestPathSig(sig)
}

// isPoolNew reports whether the closure at lit is a sync.Pool's New func:
// sync.Pool{New: lit} or p.New = lit.
func isPoolNew(info *types.Info, lit inspector.Cursor) bool {
	switch parent := lit.Parent().Node().(type) {
	case *ast.KeyValueExpr:
		if parent.Value != lit.Node() {
			return false
		}
		cl, ok := lit.Parent().Parent().Node().(*ast.CompositeLit)
		return ok && isPoolType(info.TypeOf(cl)) && isIdent(parent.Key, "New")
	case *ast.AssignStmt:
		for i, rhs := range parent.Rhs {
			if rhs != lit.Node() || i >= len(parent.Lhs) || len(parent.Lhs) != len(parent.Rhs) {
				continue
			}
			if sel, ok := parent.Lhs[i].(*ast.SelectorExpr); ok && sel.Sel.Name == "New" {
				return isPoolType(info.TypeOf(sel.X))
			}
		}
	}
	return false
}

// isOnceFunc reports whether the closure at lit is given to sync.Once.Do,
// sync.OnceFunc, sync.OnceValue or sync.OnceValues.
func isOnceFunc(info *types.Info, lit inspector.Cursor) bool {
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun == lit.Node() {
		return false
	}
	switch apimatch.CalleeKey(info, call) {
	case "(*sync.Once).Do", "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues":
		return true
	}
	return false
}

func isPoolType(t types.Type) bool {
	return t != nil && apimatch.TypeKey(t) == "sync.Pool"
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// ContainsLoop reports whether body, a loop or function body, has a loop
// of its own outside nested closures.
func ContainsLoop(body ast.Node) bool {
	b, ok := body.(*ast.BlockStmt)
	return ok && containsLoop(b)
}
