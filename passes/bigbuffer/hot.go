package bigbuffer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
)

// hotKind says how often the code at some point runs.
type hotKind int

const (
	cold         hotKind = iota // once, or as often as its caller decides
	perIteration                // in a loop body
	perGoroutine                // in a goroutine started in a loop body
	perRequest                  // in an HTTP handler
)

// phrase is the multiplier a message appends to a byte count.
func (k hotKind) phrase() string {
	switch k {
	case perIteration:
		return " per loop iteration"
	case perGoroutine:
		return " per goroutine started in the loop"
	case perRequest:
		return " per request"
	}
	return ""
}

// hot is where a node runs: how often, and the node (loop body or handler
// function) whose each execution runs it once.
type hot struct {
	kind   hotKind
	region ast.Node
}

// hotContext walks up from cur to the enclosing function declaration and
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
func (c *checker) hotContext(cur inspector.Cursor) hot {
	var res hot                // the innermost hot region
	var goroutine *ast.FuncLit // body of a go statement cur is in, if any
	inClosure := false
	prev := cur
	for p := cur.Parent(); p.Node() != nil; prev, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if res.kind == cold && prev.Node() == loopBody(n) {
				if goroutine != nil && isCountingLoop(c.pass.TypesInfo, n) && containsLoop(goroutine.Body) {
					// for i := 0; i < workers; i++ { go func() { buf := ...; for job := range jobs {...} }() }
					// A worker pool: one buffer per worker, reused for every job.
					return hot{}
				}
				res = c.loopHot(goroutine != nil, loopBody(n))
			}
		case *ast.GoStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok && goroutine == nil && prev.Node() == n.Call {
				goroutine = lit
			}
		case *ast.FuncLit:
			if c.isPoolNew(p) || c.isOnceFunc(p) {
				return hot{} // runs rarely, whatever encloses it
			}
			if res.kind == cold && c.isHandler(c.pass.TypesInfo.TypeOf(n)) {
				res = hot{kind: perRequest, region: n}
			}
			inClosure = true
		case *ast.FuncDecl:
			if n.Recv == nil && n.Name.Name == "init" && !inClosure {
				return hot{} // init runs once, loops included
			}
			if res.kind == cold {
				if fn, _ := c.pass.TypesInfo.Defs[n.Name].(*types.Func); httpapi.OnRequestPath(fn) {
					res = hot{kind: perRequest, region: n}
				}
			}
			return res
		}
	}
	return res
}

func loopBody(n ast.Node) *ast.BlockStmt {
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

func (c *checker) loopHot(goroutine bool, body ast.Node) hot {
	if goroutine {
		return hot{kind: perGoroutine, region: body}
	}
	return hot{kind: perIteration, region: body}
}

// isHandler reports whether t is the signature of a closure on a request
// path (internal/httpapi).
func (c *checker) isHandler(t types.Type) bool {
	sig, _ := types.Unalias(t).(*types.Signature)
	return httpapi.OnRequestPathSig(sig)
}

// isPoolNew reports whether the closure at lit is a sync.Pool's New func:
// sync.Pool{New: lit} or p.New = lit.
func (c *checker) isPoolNew(lit inspector.Cursor) bool {
	switch parent := lit.Parent().Node().(type) {
	case *ast.KeyValueExpr:
		if parent.Value != lit.Node() {
			return false
		}
		cl, ok := lit.Parent().Parent().Node().(*ast.CompositeLit)
		return ok && isPoolType(c.pass.TypesInfo.TypeOf(cl)) && isIdent(parent.Key, "New")
	case *ast.AssignStmt:
		for i, rhs := range parent.Rhs {
			if rhs != lit.Node() || i >= len(parent.Lhs) || len(parent.Lhs) != len(parent.Rhs) {
				continue
			}
			if sel, ok := parent.Lhs[i].(*ast.SelectorExpr); ok && sel.Sel.Name == "New" {
				return isPoolType(c.pass.TypesInfo.TypeOf(sel.X))
			}
		}
	}
	return false
}

// isOnceFunc reports whether the closure at lit is given to sync.Once.Do,
// sync.OnceFunc, sync.OnceValue or sync.OnceValues.
func (c *checker) isOnceFunc(lit inspector.Cursor) bool {
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun == lit.Node() {
		return false
	}
	switch apimatch.CalleeKey(c.pass.TypesInfo, call) {
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
