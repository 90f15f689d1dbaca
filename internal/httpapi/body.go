package httpapi

// Request-body knowledge: how each framework reaches the body of its
// request holder, which of its APIs read the body whole, which calls limit
// a body, which middlewares limit every body, and which readers decompress.
// Keys are canonical (internal/apimatch).

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/apimatch"
)

// RequestOf reports whether e denotes the server request of a holder h: h
// itself for net/http's *http.Request, c.Request for gin, c.Request() for
// echo v4 and v5. It returns h (an expression of a holder type).
func RequestOf(info *types.Info, e ast.Expr) (h ast.Expr, ok bool) {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.SelectorExpr: // c.Request
		if f, ok := Holder(info.TypeOf(x.X)); ok && f == Gin && x.Sel.Name == "Request" {
			if _, field := info.Uses[x.Sel].(*types.Var); field {
				return x.X, true
			}
		}
	case *ast.CallExpr: // c.Request()
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Request" && len(x.Args) == 0 {
			if f, ok := Holder(info.TypeOf(sel.X)); ok && (f == Echo || f == EchoV5) {
				return sel.X, true
			}
		}
	}
	if f, ok := Holder(info.TypeOf(e)); ok && f == NetHTTP {
		return e, true
	}
	return nil, false
}

// BodyOf reports whether e is the body of a server request (r.Body,
// c.Request.Body, c.Request().Body) and returns the holder expression.
func BodyOf(info *types.Info, e ast.Expr) (h ast.Expr, ok bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" {
		return nil, false
	}
	return RequestOf(info, sel.X)
}

// holderReads are the holder methods that read the whole request body into
// memory: gin's GetRawData and body bindings (binding.JSON and friends call
// io.ReadAll or json.NewDecoder(req.Body).Decode), echo's Bind, v4 and
// v5 (its DefaultBinder decodes the body with json.NewDecoder, in v5
// through the JSONSerializer's Deserialize). gin's
// ShouldBindBodyWith and its ShouldBindBodyWithJSON, XML, YAML, TOML and
// Plain read the body whole with io.ReadAll and keep the bytes in the
// context for a second binding, whatever binding they are given. Fiber is absent on
// purpose: fasthttp reads every body up to fiber.Config.BodyLimit (4 MiB by
// default) before the handler runs.
var holderReads = map[string]string{
	"(*github.com/gin-gonic/gin.Context).GetRawData":              "gin GetRawData",
	"(*github.com/gin-gonic/gin.Context).Bind":                    "gin Bind",
	"(*github.com/gin-gonic/gin.Context).BindJSON":                "gin BindJSON",
	"(*github.com/gin-gonic/gin.Context).BindXML":                 "gin BindXML",
	"(*github.com/gin-gonic/gin.Context).ShouldBind":              "gin ShouldBind",
	"(*github.com/gin-gonic/gin.Context).ShouldBindJSON":          "gin ShouldBindJSON",
	"(*github.com/gin-gonic/gin.Context).ShouldBindXML":           "gin ShouldBindXML",
	"(*github.com/gin-gonic/gin.Context).ShouldBindYAML":          "gin ShouldBindYAML",
	"(*github.com/gin-gonic/gin.Context).ShouldBindTOML":          "gin ShouldBindTOML",
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWith":      "gin ShouldBindBodyWith",
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithJSON":  "gin ShouldBindBodyWithJSON",
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithXML":   "gin ShouldBindBodyWithXML",
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithYAML":  "gin ShouldBindBodyWithYAML",
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithTOML":  "gin ShouldBindBodyWithTOML",
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithPlain": "gin ShouldBindBodyWithPlain",
	"(github.com/labstack/echo.Context).Bind":                     "echo Bind",
	"(*github.com/labstack/echo.Context).Bind":                    "echo Bind",
}

// HolderRead reports whether fn is a holder method that reads the request
// body whole, and how messages name it ("gin ShouldBindJSON").
func HolderRead(fn *types.Func) (api string, ok bool) {
	api, ok = holderReads[apimatch.Key(fn)]
	return api, ok
}

// bindWith are gin's methods that bind with the binding.Binding they are
// given.
var bindWith = map[string]string{
	"(*github.com/gin-gonic/gin.Context).ShouldBindWith": "gin ShouldBindWith",
	"(*github.com/gin-gonic/gin.Context).MustBindWith":   "gin MustBindWith",
}

// bodyBindings are the gin bindings that read the body whole (a
// BindingBody: binding.JSON reads it with json.NewDecoder, the others
// with io.ReadAll). Form, FormPost and FormMultipart parse forms (bounded
// in memory by ParseMultipartForm), Query, Uri and Header read no body.
var bodyBindings = map[string]bool{
	"JSON": true, "XML": true, "ProtoBuf": true, "MsgPack": true, "YAML": true,
	"Plain": true, "TOML": true, "BSON": true,
}

// BindWithRead reports whether call, of fn, is gin's ShouldBindWith or
// MustBindWith with a binding that reads the body whole: a body binding
// (binding.JSON), or binding.Default(method, contentType), which picks
// one for every method but GET (byMethod, as for ShouldBind). A binding
// held in a variable is not judged.
func BindWithRead(info *types.Info, fn *types.Func, call *ast.CallExpr) (api string, byMethod, ok bool) {
	api, ok = bindWith[apimatch.Key(fn)]
	if !ok || len(call.Args) != 2 {
		return "", false, false
	}
	switch b := ast.Unparen(call.Args[1]).(type) {
	case *ast.CallExpr:
		if f := typeutil.StaticCallee(info, b); f != nil && apimatch.Key(f) == "github.com/gin-gonic/gin/binding.Default" {
			return api + " (binding.Default)", true, true
		}
	case *ast.SelectorExpr:
		if v, isVar := info.Uses[b.Sel].(*types.Var); isVar && v.Pkg() != nil &&
			apimatch.PkgPath(v.Pkg()) == "github.com/gin-gonic/gin/binding" && v.Parent() == v.Pkg().Scope() && bodyBindings[v.Name()] {
			return api + " (binding." + v.Name() + ")", false, true
		}
	}
	return "", false, false
}

// A Limit says which argument of a call is the stream it bounds.
type Limit struct {
	Arg  int    // index of the limited reader argument
	Name string // how messages name the call
}

var limits = map[string]Limit{
	"net/http.MaxBytesReader": {Arg: 1, Name: "http.MaxBytesReader"},
	"io.LimitReader":          {Arg: 0, Name: "io.LimitReader"},
}

// LimitCall reports whether fn returns a bounded view of one of its
// arguments: http.MaxBytesReader(w, r, n) or io.LimitReader(r, n).
func LimitCall(fn *types.Func) (Limit, bool) {
	l, ok := limits[apimatch.Key(fn)]
	return l, ok
}

// limiters are library functions returning a handler or middleware that
// bounds every request body it passes on.
var limiters = map[string]string{
	"net/http.MaxBytesHandler":                                "http.MaxBytesHandler",
	"github.com/labstack/echo/middleware.BodyLimit":           "echo middleware.BodyLimit",
	"github.com/labstack/echo/middleware.BodyLimitWithConfig": "echo middleware.BodyLimitWithConfig",
	"github.com/go-chi/chi/middleware.RequestSize":            "chi middleware.RequestSize",
	"github.com/gin-contrib/size.RequestSizeLimiter":          "gin-contrib/size RequestSizeLimiter",
}

// Limiter reports whether fn is a library function known to return a
// handler or middleware that bounds every request body it passes on
// (http.MaxBytesHandler, echo's middleware.BodyLimit, chi's
// middleware.RequestSize, gin-contrib/size's RequestSizeLimiter), and its
// name.
func Limiter(fn *types.Func) (name string, ok bool) {
	name, ok = limiters[apimatch.Key(fn)]
	return name, ok
}

// A Decompressor names a constructor of a decompressing reader and the
// argument it reads the compressed stream from.
type Decompressor struct {
	Arg  int
	Name string // "gzip", "zstd", ...
}

var decompressors = map[string]Decompressor{
	"compress/gzip.NewReader":                        {0, "gzip"},
	"compress/zlib.NewReader":                        {0, "zlib"},
	"compress/zlib.NewReaderDict":                    {0, "zlib"},
	"compress/flate.NewReader":                       {0, "flate"},
	"compress/flate.NewReaderDict":                   {0, "flate"},
	"compress/bzip2.NewReader":                       {0, "bzip2"},
	"compress/lzw.NewReader":                         {0, "lzw"},
	"github.com/klauspost/compress/gzip.NewReader":   {0, "gzip"},
	"github.com/klauspost/compress/zlib.NewReader":   {0, "zlib"},
	"github.com/klauspost/compress/flate.NewReader":  {0, "flate"},
	"github.com/klauspost/compress/zstd.NewReader":   {0, "zstd"},
	"github.com/klauspost/compress/snappy.NewReader": {0, "snappy"},
	"github.com/klauspost/compress/s2.NewReader":     {0, "s2"},
	"github.com/klauspost/pgzip.NewReader":           {0, "gzip"},
	"github.com/golang/snappy.NewReader":             {0, "snappy"},
	"github.com/pierrec/lz4.NewReader":               {0, "lz4"},
	"github.com/andybalholm/brotli.NewReader":        {0, "brotli"},
	"github.com/ulikunitz/xz.NewReader":              {0, "xz"},
	"github.com/dsnet/compress/bzip2.NewReader":      {0, "bzip2"},
}

// DecompressorOf reports whether fn constructs a decompressing reader.
func DecompressorOf(fn *types.Func) (Decompressor, bool) {
	d, ok := decompressors[apimatch.Key(fn)]
	return d, ok
}

// IsResponseBody reports whether e is the body of a client response
// (resp.Body with resp an *http.Response): a network stream whose size the
// server at the other end decides.
func IsResponseBody(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" {
		return false
	}
	t := info.TypeOf(sel.X)
	if _, ptr := types.Unalias(t).(*types.Pointer); !ptr {
		return false
	}
	return apimatch.TypeKey(t) == "net/http.Response"
}
