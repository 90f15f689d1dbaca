package bigbuffer

import (
	"go/ast"
	"go/types"

	"github.com/memlint/memlint/internal/apimatch"
)

// Streaming jobs: a writer fed a stream of unknown size under a context
// that outlives the call keeps the default chunk on purpose.

// longLived reports whether the context given to NewWriter lives as long
// as the process or a long job, not one call: context.Background() or
// TODO(), a package variable, or a field (fs.ctx). A parameter, a request's
// context or one derived from them belongs to one call.
func (c *checker) longLived(args []ast.Expr) bool {
	if len(args) != 1 {
		return false
	}
	info := c.pass.TypesInfo
	switch x := ast.Unparen(args[0]).(type) {
	case *ast.CallExpr:
		fn := apimatch.Callee(info, x)
		return fn != nil && (apimatch.Key(fn) == "context.Background" || apimatch.Key(fn) == "context.TODO")
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil {
			return sel.Kind() == types.FieldVal
		}
		v, ok := info.Uses[x.Sel].(*types.Var)
		return ok && v.Parent() == v.Pkg().Scope() // pkg.Ctx
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	}
	return false
}

// streamedOnly reports whether every byte w receives comes from io.Copy,
// io.CopyN or io.CopyBuffer of a stream that is not already in memory
// (not a bytes.Reader, bytes.Buffer, strings.Reader or a []byte/string
// read through one). Such a writer uploads a stream of unknown, often
// large size (a backup part, an export): its ChunkSize is a trade of
// memory for fewer requests, and 256 KiB would multiply the requests of
// a 1 GiB object by 64.
func (c *checker) streamedOnly(w *tracked) bool {
	info := c.pass.TypesInfo
	copies, other := 0, false
	ast.PreorderStack(w.body, nil, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != w.v || len(stack) == 0 {
			return true
		}
		switch p := stack[len(stack)-1].(type) {
		case *ast.SelectorExpr:
			if sel := info.Selections[p]; sel != nil && sel.Kind() == types.MethodVal && p.Sel.Name == "Write" {
				other = true // bytes the caller holds
			}
		case *ast.CallExpr:
			fn := apimatch.Callee(info, p)
			switch {
			case fn == nil:
				other = true
			case (apimatch.Key(fn) == "io.Copy" || apimatch.Key(fn) == "io.CopyN" || apimatch.Key(fn) == "io.CopyBuffer") && len(p.Args) >= 2 && p.Args[0] == ast.Expr(id):
				if c.inMemory(p.Args[1]) {
					other = true
				} else {
					copies++
				}
			case apimatch.Key(fn) == "io.Copy" || apimatch.Key(fn) == "io.CopyN" || apimatch.Key(fn) == "io.CopyBuffer":
				// w as the source: reads nothing into it.
			default:
				other = true // fmt.Fprint, json.NewEncoder, a helper
			}
		}
		return true
	})
	return copies > 0 && !other
}

// inMemory reports whether r reads bytes the process already holds.
func (c *checker) inMemory(r ast.Expr) bool {
	info := c.pass.TypesInfo
	r = ast.Unparen(r)
	if call, ok := r.(*ast.CallExpr); ok {
		if fn := apimatch.Callee(info, call); fn != nil {
			switch apimatch.Key(fn) {
			case "bytes.NewReader", "bytes.NewBuffer", "bytes.NewBufferString", "strings.NewReader":
				return true
			}
		}
	}
	t := info.TypeOf(r)
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
		case "bytes.Reader", "bytes.Buffer", "strings.Reader":
			return true
		}
	}
	return false
}
