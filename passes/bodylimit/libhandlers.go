package bodylimit

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/apimatch"
)

// gqlgen's handler.Server serves GraphQL requests through the transports
// added to it, and some read every body whole with no setting that bounds
// it: transport.POST.Do reads it with io.ReadAll (getRequestBody), and so
// do UrlEncodedForm, GRAPHQL and MultipartMixed; MultipartForm is bounded
// by its MaxUploadSize and MaxMemory, GET reads no body. A transport is
// judged by the fact of its Do method (reads(1:...)), not by name.
// NewDefaultServer adds transport.POST. photoview's GraphqlEndpoint serves
// every GraphQL request so, unauthenticated ones included. The deprecated
// github.com/99designs/gqlgen/handler.GraphQL, an http.HandlerFunc, adds
// transport.POST too (since gqlgen 0.11; before, it decoded the JSON body
// itself, whole, with no limit either): traggo serves its whole API so.
const (
	gqlgenHandler      = "github.com/99designs/gqlgen/graphql/handler"
	gqlgenAddTransport = "(*" + gqlgenHandler + ".Server).AddTransport"
	gqlgenDefault      = gqlgenHandler + ".NewDefaultServer"
	gqlgenLegacy       = "github.com/99designs/gqlgen/handler"
	gqlgenGraphQL      = gqlgenLegacy + ".GraphQL"
	gqlgenTransport    = gqlgenHandler + "/transport"
)

// libraryReaderPkgs are the packages whose importers may make such a
// handler: they are checked even when they import no HTTP package.
var libraryReaderPkgs = []string{gqlgenHandler, gqlgenLegacy}

// libraryReads returns the package's calls that give another module's
// handler reading request bodies whole, each a read of the routes that
// handler serves, named where it is made.
func (c *checker) libraryReads() []HandlerRead {
	info := c.pass.TypesInfo
	var out []HandlerRead
	c.packageCalls(func(_ *function, call *ast.CallExpr) {
		api := ""
		switch apimatch.CalleeKey(info, call) {
		case gqlgenAddTransport:
			if len(call.Args) == 1 {
				api = c.transportRead(info.TypeOf(call.Args[0]))
			}
		case gqlgenDefault:
			api = "transport.POST.Do: io.ReadAll, which NewDefaultServer adds"
		case gqlgenGraphQL:
			api = "json.Decoder.Decode of the POST body in handler.GraphQL"
			if fn := typeutil.StaticCallee(info, call); fn != nil && fn.Pkg() != nil && apimatch.Imports(fn.Pkg(), gqlgenTransport) {
				api = "transport.POST.Do: io.ReadAll, which handler.GraphQL adds"
			}
		}
		if api != "" {
			out = append(out, HandlerRead{Handler: "gqlgen's handler.Server", API: api, Pos: c.posString(call.Pos()), Library: true})
		}
	})
	return out
}

// transportRead returns what a gqlgen transport of type t reads whole, by
// the fact of its Do(w, r, exec) method ("transport.POST.Do: io.ReadAll"),
// or "" when it reads none whole or cannot be seen (an interface value).
func (c *checker) transportRead(t types.Type) string {
	if t == nil || types.IsInterface(t) {
		return ""
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Do")
	do, ok := obj.(*types.Func)
	if !ok {
		return ""
	}
	fact, ok := c.importedFact(do)
	if !ok {
		return ""
	}
	for _, r := range fact.Reads {
		if r.Param == 1 {
			name := types.TypeString(t, func(p *types.Package) string { return p.Name() })
			if p, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
				name = types.TypeString(p.Elem(), func(p *types.Package) string { return p.Name() })
			}
			return name + ".Do: " + r.API
		}
	}
	return ""
}
