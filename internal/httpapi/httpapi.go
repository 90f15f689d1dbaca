// Package httpapi is memlint's one table of server request knowledge: the
// request holders of each web framework (*http.Request, *gin.Context,
// echo.Context, *fiber.Ctx, ...), the exact handler shapes, the accessors
// that return client-controlled input (query, form, path parameters,
// headers, gRPC request messages) and the response writers.
//
// Every pass asks this package instead of keeping its own copy, so adding a
// framework is one entry in the tables of table.go, a stub at the real
// import path under testdata/src and one test per pass.
//
// Matching is by object through internal/apimatch, whose canonical paths
// drop major versions: echo v4 and echo v5 are both
// "github.com/labstack/echo" and are told apart by shape (v4's Context is an
// interface, v5's a struct used through a pointer); fiber v2's Ctx is a
// struct used through a pointer, and fiber v3's interface Ctx is not
// matched.
//
// A pointer to a named struct type that embeds *gin.Context, echo.Context
// or *echo.Context directly (a custom context, as echo's documentation
// suggests) is a holder of that framework too.
//
// beego (v2's server/web, and v1's github.com/astaxie/beego, renamed to
// it) is served two ways. A HandleFunc or FilterFunc takes beego's
// *context.Context; a controller is a struct embedding web.Controller, at
// any depth, of which beego makes one per request and calls the routed
// action, a method with no parameters and no results. Both are holders
// (the controller's request is c.Ctx.Request), both write the response,
// and the controller's getters (GetString, GetInt, ...) and its input's
// Query and Param are client input. beego bounds bodies before an action
// or a filter other than a BeforeStatic one runs, and parses multipart
// forms itself, so bodylimit and multipart have no beego rules.
//
// gRPC servers have no request holder type: a method runs on a request
// path when its receiver implements a service interface of a generated
// package (one declaring RegisterXServer(s grpc.ServiceRegistrar, srv
// XServer)) and the interface declares a method of that name; the request
// messages are the pointer-to-struct parameters of the interface's methods,
// and their GetX getters are client input.
//
// GraphQL servers built with gqlgen (gqlgen.go) have none either: a
// method runs on a request path when it implements a method of a resolver
// interface of a generated executable schema (the results of its
// ResolverRoot's methods, the package declaring NewExecutableSchema(cfg
// Config) graphql.ExecutableSchema), and its parameters after ctx and,
// for an object's resolver, the parent object are the field's arguments,
// which the client's query sets (ResolverArg); so are the fields of the
// input structs among them (IsGQLInput, or a struct of a file gqlgen
// generated: IsGQLGenerated).
//
// Adapted handlers (adapters.go): a service's own handler type that takes
// the request and no ResponseWriter (ardanlabs/service's web.HandlerFunc,
// func(ctx, *http.Request) web.Encoder) is a server handler when a
// function of its package with a ResponseWriter calls a value of the type
// with its own request; passes carry that as an AdapterFact on the type and
// find the functions given where the type is expected. bodylimit uses it.
//
// Content-type gates (gates.go): the handlers a package registers only on
// chi routes behind middleware.AllowContentType without
// multipart/form-data, which no multipart body reaches.
package httpapi

import (
	"go/types"
	"slices"
	"strings"

	"github.com/memlint/memlint/internal/apimatch"
)

// Framework names a server library.
type Framework int

const (
	NetHTTP    Framework = iota + 1 // net/http
	Gin                             // github.com/gin-gonic/gin
	Echo                            // github.com/labstack/echo/v4
	EchoV5                          // github.com/labstack/echo/v5
	Fiber                           // github.com/gofiber/fiber/v2
	Chi                             // github.com/go-chi/chi/v5 (input only: handlers are net/http's)
	GorillaMux                      // github.com/gorilla/mux (input only: handlers are net/http's)
	GRPC                            // google.golang.org/grpc servers
	Macaron                         // gopkg.in/macaron.v1 (input only)
	Beego                           // github.com/beego/beego/v2/server/web (and v1, github.com/astaxie/beego)
)

// String returns the display name used in messages: "net/http", "gin",
// "echo", "echo v5", "fiber", "chi", "gorilla/mux", "gRPC", "macaron",
// "beego".
func (f Framework) String() string {
	switch f {
	case NetHTTP:
		return "net/http"
	case Gin:
		return "gin"
	case Echo:
		return "echo"
	case EchoV5:
		return "echo v5"
	case Fiber:
		return "fiber"
	case Chi:
		return "chi"
	case GorillaMux:
		return "gorilla/mux"
	case GRPC:
		return "gRPC"
	case Macaron:
		return "macaron"
	case Beego:
		return "beego"
	}
	return "unknown"
}

// InputKind says where a piece of client input comes from.
type InputKind int

const (
	Query     InputKind = iota + 1 // the URL query (?limit=)
	Form                           // a form value (query or body)
	PathParam                      // a route parameter (/users/{id})
	Header                         // a request header
	Body                           // the request body
	Message                        // a field of a gRPC request message
)

// String returns "query", "form", "path parameter", "header", "body" or
// "request message".
func (k InputKind) String() string {
	switch k {
	case Query:
		return "query"
	case Form:
		return "form"
	case PathParam:
		return "path parameter"
	case Header:
		return "header"
	case Body:
		return "body"
	case Message:
		return "request message"
	}
	return "unknown"
}

// Packages are the canonical import paths of the HTTP server libraries in
// the table, for a pass's fast path (apimatch.Imports(pkg, Packages...)).
// gRPC is not among them: a server package imports its generated package,
// which a fast path cannot name, and generated packages import grpc
// without serving anything.
var Packages = []string{
	"net/http", "net/url",
	"github.com/gin-gonic/gin", "github.com/labstack/echo", "github.com/gofiber/fiber",
	"github.com/go-chi/chi", "github.com/gorilla/mux",
	"github.com/beego/beego/server/web", "github.com/beego/beego/server/web/context",
}

// IsPackage reports whether the canonical import path names a package of a
// server library in the table, gRPC included (a request value passed to
// it is not being validated).
func IsPackage(path string) bool {
	return path == "google.golang.org/grpc" || slices.Contains(Packages, path)
}

// Holder reports whether t is a server request holder and its framework:
// *http.Request, *gin.Context, echo.Context (v4, an interface),
// *echo.Context (v5, a struct) or *fiber.Ctx (v2); or a pointer to a
// named struct type that embeds a gin or echo holder (see
// embeddedHolder).
func Holder(t types.Type) (Framework, bool) {
	if f, ok := tableHolder(t); ok {
		return f, true
	}
	return embeddedHolder(t)
}

// embeddedHolder reports whether t is *S for a struct type S that embeds
// *gin.Context, echo.Context (v4) or *echo.Context (v5) as a field of its
// own: the custom context of echo's documentation (type CustomContext
// struct{ echo.Context }) and of services whose handlers take their own
// context (func(ctx *web.Context) error). The framework's methods are
// promoted to it (ctx.Bind, ctx.Request()), and it exists only in a server.
// A struct embedding *http.Request is not a holder: clients wrap requests
// too. Embedding is followed one level deep, except for beego's
// Controller (see beegoController).
func embeddedHolder(t types.Type) (Framework, bool) {
	if beegoController(t) {
		return Beego, true
	}
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return 0, false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok {
		return 0, false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return 0, false
	}
	for f := range st.Fields() {
		if !f.Embedded() {
			continue
		}
		switch fw, _ := tableHolder(f.Type()); fw {
		case Gin, Echo, EchoV5:
			return fw, true
		}
	}
	return 0, false
}

// beegoController reports whether t is *S for a struct type S that embeds
// beego's web.Controller (by value, as beego's documentation does, or
// through a pointer), directly or through other embedded structs
// (casdoor's RootController embeds its ApiController, which embeds
// web.Controller). beego makes a new controller for every request and
// calls its methods (Prepare, the routed action, Finish) on it, so S's
// methods run on a request path and S holds the request (c.Ctx).
func beegoController(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	return embedsBeegoController(p.Elem(), 0)
}

func embedsBeegoController(t types.Type, depth int) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || depth > 4 {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if !f.Embedded() {
			continue
		}
		ft := types.Unalias(f.Type())
		if p, ok := ft.(*types.Pointer); ok {
			ft = types.Unalias(p.Elem())
		}
		if apimatch.TypeKey(ft) == beegoControllerKey || embedsBeegoController(ft, depth+1) {
			return true
		}
	}
	return false
}

const (
	beegoControllerKey = "github.com/beego/beego/server/web.Controller"
	beegoContextKey    = "github.com/beego/beego/server/web/context.Context"
)

// ImportsCustomHolder reports whether pkg directly imports a package that
// declares a custom context (a struct embedding a gin or echo holder, see
// embeddedHolder): a package of handlers taking it need not import gin or
// echo itself, so passes add this to their import fast paths.
func ImportsCustomHolder(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if !apimatch.Imports(imp, "github.com/gin-gonic/gin", "github.com/labstack/echo", "github.com/beego/beego/server/web") {
			continue
		}
		scope := imp.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if _, ok := embeddedHolder(types.NewPointer(tn.Type())); ok {
				return true
			}
		}
	}
	return false
}

// tableHolder is Holder for the types of the holders table alone.
func tableHolder(t types.Type) (Framework, bool) {
	if t == nil {
		return 0, false
	}
	h, ok := holders[apimatch.TypeKey(t)]
	if !ok {
		return 0, false
	}
	if p, ptr := types.Unalias(t).(*types.Pointer); ptr {
		return h.ptr, h.ptr != 0 && !types.IsInterface(p.Elem())
	}
	if h.value != 0 && types.IsInterface(t) {
		return h.value, true
	}
	return 0, false
}

// isWriter reports whether t is exactly http.ResponseWriter.
func isWriter(t types.Type) bool {
	_, ptr := types.Unalias(t).(*types.Pointer)
	return !ptr && t != nil && apimatch.TypeKey(t) == "net/http.ResponseWriter"
}

// IsResponseWriter reports whether t writes to the client: it implements
// http.ResponseWriter (including a concrete writer or gin.ResponseWriter),
// or it is a request holder that writes responses (gin, echo and fiber
// contexts). Type parameters and untyped nil are not writers.
func IsResponseWriter(t types.Type) bool {
	if t == nil {
		return false
	}
	if f, ok := Holder(t); ok && f != NetHTTP {
		return true
	}
	switch types.Unalias(t).(type) {
	case *types.TypeParam, *types.Tuple, *types.Basic:
		return false
	}
	return implementsResponseWriter(t)
}

// implementsResponseWriter checks http.ResponseWriter's method set
// (Header() http.Header, Write([]byte) (int, error), WriteHeader(int))
// without needing the net/http package object.
func implementsResponseWriter(t types.Type) bool {
	if isWriter(t) {
		return true
	}
	ms := types.NewMethodSet(t)
	if ms.Len() < 3 {
		return false
	}
	want := map[string]func(*types.Signature) bool{
		"Header": func(s *types.Signature) bool {
			return s.Params().Len() == 0 && s.Results().Len() == 1 &&
				apimatch.TypeKey(s.Results().At(0).Type()) == "net/http.Header"
		},
		"Write": func(s *types.Signature) bool {
			return s.Params().Len() == 1 && isByteSlice(s.Params().At(0).Type()) &&
				s.Results().Len() == 2 && isBasic(s.Results().At(0).Type(), types.Int) && isError(s.Results().At(1).Type())
		},
		"WriteHeader": func(s *types.Signature) bool {
			return s.Params().Len() == 1 && isBasic(s.Params().At(0).Type(), types.Int) && s.Results().Len() == 0
		},
	}
	for name, ok := range want {
		sel := ms.Lookup(nil, name)
		if sel == nil {
			return false
		}
		fn, _ := sel.Obj().(*types.Func)
		if fn == nil || !ok(fn.Signature()) {
			return false
		}
	}
	return true
}

// IsHandler reports whether sig is exactly a handler shape of a framework
// in the table: func(http.ResponseWriter, *http.Request),
// func(*gin.Context), func(echo.Context) error, func(*echo.Context) error
// (v5), func(*fiber.Ctx) error, beego's func(*context.Context) (its
// HandleFunc and FilterFunc) or a method of a beego controller with no
// parameters and no results (the actions beego's router calls). A
// receiver is allowed (a method value handler). Functions of other shapes
// taking a holder are helpers: their caller owns the request.
func IsHandler(sig *types.Signature) bool {
	f, ok := HandlerFramework(sig)
	return ok && f != 0
}

// HandlerFramework is IsHandler that also returns the framework.
func HandlerFramework(sig *types.Signature) (Framework, bool) {
	if sig == nil {
		return 0, false
	}
	params, results := sig.Params(), sig.Results()
	switch params.Len() {
	case 0:
		if r := sig.Recv(); r != nil && results.Len() == 0 {
			if f, ok := Holder(r.Type()); ok && f == Beego {
				return f, true
			}
		}
	case 1:
		f, ok := Holder(params.At(0).Type())
		if !ok {
			return 0, false
		}
		switch f {
		case Gin:
			return f, results.Len() == 0
		case Echo, EchoV5, Fiber:
			return f, results.Len() == 1 && isError(results.At(0).Type())
		case Beego:
			return f, results.Len() == 0 && apimatch.TypeKey(params.At(0).Type()) == beegoContextKey
		}
	case 2:
		f, ok := Holder(params.At(1).Type())
		return f, ok && f == NetHTTP && results.Len() == 0 && isWriter(params.At(0).Type())
	}
	return 0, false
}

// OnRequestPathSig reports whether a function of this signature runs on a
// request path: a parameter is a request holder or exactly
// http.ResponseWriter. Use it for closures; for declared functions and
// methods use OnRequestPath, which also knows gRPC server methods.
func OnRequestPathSig(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for v := range sig.Params().Variables() {
		if _, ok := Holder(v.Type()); ok || isWriter(v.Type()) {
			return true
		}
	}
	return false
}

// OnRequestPath reports whether fn runs on a request path: a parameter or
// its receiver is a request holder or exactly http.ResponseWriter, or fn is
// a gRPC server method or a gqlgen resolver method (see the package doc).
func OnRequestPath(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig := fn.Signature()
	if OnRequestPathSig(sig) {
		return true
	}
	if r := sig.Recv(); r != nil {
		if _, ok := Holder(r.Type()); ok {
			return true
		}
		return IsGRPCMethod(fn) || IsResolverMethod(fn)
	}
	return false
}

// ServerSideSig reports whether a function of this signature certainly
// runs in a server: a parameter is exactly http.ResponseWriter, or a gin,
// echo or fiber context (they exist only in servers). A *http.Request
// alone does not say so: clients build and send requests too
// (RoundTrippers, httputil.DumpRequestOut). Passes that report a cost "per
// request" and cannot afford a client-side false positive use it.
func ServerSideSig(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for v := range sig.Params().Variables() {
		if isWriter(v.Type()) {
			return true
		}
		if f, ok := Holder(v.Type()); ok && f != NetHTTP {
			return true
		}
	}
	return false
}

// ServerSide is ServerSideSig for declared functions and methods; it also
// knows gRPC server methods, gqlgen resolver methods and methods of a
// server-only holder.
func ServerSide(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig := fn.Signature()
	if ServerSideSig(sig) {
		return true
	}
	if r := sig.Recv(); r != nil {
		if f, ok := Holder(r.Type()); ok {
			return f != NetHTTP
		}
		return IsGRPCMethod(fn) || IsResolverMethod(fn)
	}
	return false
}

// Input classifies fn as an accessor of client-controlled request input
// and returns the kind of input: (url.Values).Get, r.FormValue,
// c.QueryParam, chi.URLParam, mux.Vars, c.QueryInt, the GetX getters of a
// gRPC request message, ... InputFrom also returns the framework.
func Input(fn *types.Func) (InputKind, bool) {
	k, _, ok := InputFrom(fn)
	return k, ok
}

// InputFrom is Input that also returns the framework of the accessor.
func InputFrom(fn *types.Func) (InputKind, Framework, bool) {
	if fn == nil {
		return 0, 0, false
	}
	if in, ok := inputs[apimatch.Key(fn)]; ok {
		return in.kind, in.fw, true
	}
	if strings.HasPrefix(fn.Name(), "Get") {
		if r := fn.Signature().Recv(); r != nil && IsRequestMessage(r.Type()) {
			return Message, GRPC, true
		}
	}
	return 0, 0, false
}

// binders are the framework methods that fill the value their first
// argument points to from the request: query, form, path, header or body
// (gin's ShouldBind*, Bind*, MustBindWith; echo's Bind; fiber v2's
// parsers; beego's Bind*, ParseForm and its input's Bind). Every field
// they set is client input.
var binders = map[string]bool{
	"(*github.com/gin-gonic/gin.Context).Bind":                    true,
	"(*github.com/gin-gonic/gin.Context).BindJSON":                true,
	"(*github.com/gin-gonic/gin.Context).BindXML":                 true,
	"(*github.com/gin-gonic/gin.Context).BindQuery":               true,
	"(*github.com/gin-gonic/gin.Context).BindYAML":                true,
	"(*github.com/gin-gonic/gin.Context).BindTOML":                true,
	"(*github.com/gin-gonic/gin.Context).BindPlain":               true,
	"(*github.com/gin-gonic/gin.Context).BindHeader":              true,
	"(*github.com/gin-gonic/gin.Context).BindUri":                 true,
	"(*github.com/gin-gonic/gin.Context).MustBindWith":            true,
	"(*github.com/gin-gonic/gin.Context).ShouldBind":              true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindJSON":          true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindXML":           true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindQuery":         true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindYAML":          true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindTOML":          true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindPlain":         true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindHeader":        true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindUri":           true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindWith":          true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWith":      true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithJSON":  true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithXML":   true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithYAML":  true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithTOML":  true,
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithPlain": true,
	"(github.com/labstack/echo.Context).Bind":                     true,
	"(*github.com/labstack/echo.Context).Bind":                    true,
	"(*github.com/gofiber/fiber.Ctx).QueryParser":                 true,
	"(*github.com/gofiber/fiber.Ctx).BodyParser":                  true,
	"(*github.com/gofiber/fiber.Ctx).ParamsParser":                true,

	"(*github.com/beego/beego/server/web.Controller).Bind":          true,
	"(*github.com/beego/beego/server/web.Controller).BindJSON":      true,
	"(*github.com/beego/beego/server/web.Controller).BindForm":      true,
	"(*github.com/beego/beego/server/web.Controller).BindXML":       true,
	"(*github.com/beego/beego/server/web.Controller).BindYAML":      true,
	"(*github.com/beego/beego/server/web.Controller).ParseForm":     true,
	"(*github.com/beego/beego/server/web/context.Context).Bind":     true,
	"(*github.com/beego/beego/server/web/context.Context).BindJSON": true,
	"(*github.com/beego/beego/server/web/context.Context).BindForm": true,
	"(*github.com/beego/beego/server/web/context.Context).BindXML":  true,
	"(*github.com/beego/beego/server/web/context.Context).BindYAML": true,
	"(*github.com/beego/beego/server/web/context.BeegoInput).Bind":  true,
}

// Binder reports whether fn fills the value its first argument points
// to from the request (c.ShouldBindQuery(&req), c.Bind(&req)): the
// fields of that value are client input.
func Binder(fn *types.Func) bool {
	return fn != nil && binders[apimatch.Key(fn)]
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isBasic(t types.Type, k types.BasicKind) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Kind() == k
}

func isByteSlice(t types.Type) bool {
	s, ok := types.Unalias(t).Underlying().(*types.Slice)
	return ok && isBasic(s.Elem(), types.Byte)
}
