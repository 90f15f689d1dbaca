package bodylimit

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
)

// routeBinders are the functions that return a route handler which
// decodes the request body whole into a value, by the API given. go-macaron's
// binding.Bind and BindIgnErr pick the decoder by Content-Type: a client
// that sends application/json gets json.NewDecoder(body).Decode, whatever
// the route's method (a GET with a Content-Type is bound too). Form and
// MultipartForm are not here: ParseForm reads at most 10 MiB of a body
// net/http has not bounded, and a multipart form keeps at most its
// maxMemory in memory.
var routeBinders = map[string]string{
	"github.com/go-macaron/binding.Bind":       "json.Decoder.Decode of a JSON body",
	"github.com/go-macaron/binding.BindIgnErr": "json.Decoder.Decode of a JSON body",
	"github.com/go-macaron/binding.Json":       "json.Decoder.Decode",
	"github.com/go-macaron/binding.Yaml":       "yaml.Decoder.Decode",
}

// binderReads returns the calls of the package's functions that make a
// route handler reading the body whole (routeBinders), directly
// (binding.Bind(form.SignIn{})) or through a local variable every
// assignment of which is such a function (bind := binding.Bind;
// m.Post("/markdown", bind(api.MarkdownOption{}), misc.Markdown): gogs').
// Such a call exists to be a route's handler, so each is a read of a
// route, named where it is made.
func (c *checker) binderReads() []HandlerRead {
	var out []HandlerRead
	c.packageCalls(func(f *function, call *ast.CallExpr) {
		if len(call.Args) == 0 {
			return
		}
		fn := c.binderOf(f, call.Fun)
		if fn == nil {
			return
		}
		out = append(out, HandlerRead{
			Handler: fmt.Sprintf("%s.%s(%s)", fn.Pkg().Name(), fn.Name(), types.ExprString(call.Args[0])),
			API:     routeBinders[apimatch.Key(fn)],
			Pos:     c.posString(call.Pos()),
			Binder:  true,
		})
	})
	return out
}

// binderOf returns the route binder e names: the function itself, or a
// local variable of f (or of a function f is nested in) every assignment
// of which is one and the same binder.
func (c *checker) binderOf(f *function, e ast.Expr) *types.Func {
	info := c.pass.TypesInfo
	binder := func(e ast.Expr) *types.Func {
		fn := apimatch.FuncOf(info, e)
		if fn == nil {
			return nil
		}
		if _, ok := routeBinders[apimatch.Key(fn)]; !ok {
			return nil
		}
		return fn
	}
	if fn := binder(e); fn != nil {
		return fn
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil // a package variable: others may assign it
	}
	for g := f; g != nil; g = g.outer {
		ds, ok := g.defs[v]
		if !ok {
			continue
		}
		var found *types.Func
		for _, d := range ds {
			fn := binder(d.rhs)
			if fn == nil || (found != nil && fn != found) {
				return nil
			}
			found = fn
		}
		return found
	}
	return nil
}

// receiverReads returns the whole reads, in methods of the package, of a
// request held in a field of the method's receiver (go-admin's
// (*Api).Bind: e.Context.ShouldBindWith(d, binding.JSON), its Context
// set by MakeContext(c) in every handler): a framework context (gin's,
// echo's; not an *http.Request, which a client may keep too) kept in a
// struct is a server request's, so such a method reads a
// request body whole for the program rule, though it takes no holder
// parameter. (A limit anywhere in the package, in such a method too,
// makes the module's bodies bounded for the rule.)
func (c *checker) receiverReads() []HandlerRead {
	info := c.pass.TypesInfo
	var out []HandlerRead
	c.packageCalls(func(f *function, call *ast.CallExpr) {
		if f.obj == nil || f.sig.Recv() == nil {
			return
		}
		w, ok := c.wholeReadOf(f, call)
		if !ok || w.recv == nil {
			return
		}
		sel, ok := ast.Unparen(w.recv).(*ast.SelectorExpr)
		if !ok {
			return
		}
		if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
			return
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || info.Uses[id] != f.sig.Recv() {
			return
		}
		// A framework context, not an *http.Request: a struct may keep an
		// outgoing request (a client's retry wrapper).
		if _, ok := httpapi.Holder(info.TypeOf(sel)); !ok || apimatch.TypeKey(info.TypeOf(sel)) == "net/http.Request" {
			return
		}
		out = append(out, HandlerRead{
			Handler:  c.funcName(f),
			API:      w.api,
			Pos:      c.posString(call.Pos()),
			Func:     apimatch.Key(f.obj),
			ByMethod: byMethod(w.api),
		})
	})
	return out
}
