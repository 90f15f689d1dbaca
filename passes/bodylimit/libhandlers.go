package bodylimit

import (
	"go/ast"

	"github.com/memlint/memlint/internal/apimatch"
)

// libraryReaders are calls that give a handler of another module which
// reads every request body whole and has no setting that bounds it: the
// function or method, the type its first argument must have ("" for
// any), and what reads. gqlgen's POST transport reads the body with
// io.ReadAll (transport.POST.Do, getRequestBody); a handler.Server serves
// it once AddTransport(transport.POST{}) adds it, or NewDefaultServer
// does (photoview's GraphqlEndpoint serves every GraphQL request so,
// unauthenticated ones included). Its MultipartForm transport is bounded
// by its MaxUploadSize and MaxMemory, and its websocket transport by its
// read limit, so neither is listed.
var libraryReaders = []struct{ fn, arg, api string }{
	{"(*github.com/99designs/gqlgen/graphql/handler.Server).AddTransport", "github.com/99designs/gqlgen/graphql/handler/transport.POST",
		"io.ReadAll in gqlgen's transport.POST"},
	{"github.com/99designs/gqlgen/graphql/handler.NewDefaultServer", "",
		"io.ReadAll in gqlgen's transport.POST, which NewDefaultServer adds"},
}

// libraryReads returns the package's calls that give another module's
// handler reading request bodies whole (libraryReaders), each a read of
// the routes that handler serves, named where it is made.
func (c *checker) libraryReads() []HandlerRead {
	info := c.pass.TypesInfo
	var out []HandlerRead
	for _, f := range c.funcs {
		if f.skip {
			continue
		}
		inspectBody(f.body, func(n ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return
			}
			key := apimatch.CalleeKey(info, call)
			for _, lr := range libraryReaders {
				if key != lr.fn {
					continue
				}
				if lr.arg != "" && (len(call.Args) == 0 || apimatch.TypeKey(info.TypeOf(call.Args[0])) != lr.arg) {
					continue
				}
				out = append(out, HandlerRead{Handler: "gqlgen's handler.Server", API: lr.api, Pos: c.posString(call.Pos()), Library: true})
			}
		})
	}
	return out
}
