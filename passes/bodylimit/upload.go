package bodylimit

// Uploaded files read whole: a multipart file a client uploaded (r.FormFile,
// gin's or echo's FormFile opened) is kept by the form in memory only up to
// ParseMultipartForm's maxMemory (32 MiB for FormFile) and spilled to disk
// beyond it; io.ReadAll of the file brings it all back into memory. With no
// body limit on the route and no check of the file's size, the client
// decides how much.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/memlint/memlint/internal/apimatch"
)

// uploadAPI is appended to the reading API of an uploaded file read
// whole, for messages and facts ("io.ReadAll of an uploaded file").
const uploadAPI = " of an uploaded file"

// uploadFormFiles are the framework methods returning an uploaded file's
// *multipart.FileHeader, or the form holding them, from their receiver's
// request.
var uploadFormFiles = map[string]bool{
	"(*github.com/gin-gonic/gin.Context).FormFile":      true,
	"(*github.com/gin-gonic/gin.Context).MultipartForm": true,
	"(github.com/labstack/echo.Context).FormFile":       true,
	"(github.com/labstack/echo.Context).MultipartForm":  true,
	"(*github.com/labstack/echo.Context).FormFile":      true, // v5
	"(*github.com/labstack/echo.Context).MultipartForm": true, // v5
	"(*net/http.Request).FormFile":                      true,
}

// uploadParam returns the holder parameter of f whose request the upload
// e comes from (r in r.FormFile; for a *multipart.FileHeader, the request
// of the gin, echo or net/http call that returned it, or of the
// r.MultipartForm it was taken from), or -1.
func (c *checker) uploadParam(f *function, e ast.Expr) int {
	info := c.pass.TypesInfo
	for range 8 {
		if p := c.holderParam(f, e); p >= 0 {
			return p
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			if v == nil {
				return -1
			}
			if e = f.latest(v, x.Pos()); e == nil {
				return -1
			}
		case *ast.IndexExpr: // form.File["f"][0]
			e = x.X
		case *ast.SelectorExpr: // form.File, r.MultipartForm
			e = x.X
		case *ast.CallExpr:
			fn := apimatch.Callee(info, x)
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if fn == nil || !ok || !uploadFormFiles[apimatch.Key(fn)] {
				return -1
			}
			e = sel.X
		default:
			return -1
		}
	}
	return -1
}

// uploadSizeChecked reports whether f compares the size of an uploaded
// file (a *multipart.FileHeader's Size) with something before pos: the
// header's Size is the whole part's, counted as ReadForm read it, so
// such a check bounds the read. Any such comparison counts, whichever file
// it is about (precision first).
func (c *checker) uploadSizeChecked(f *function, pos token.Pos) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= pos {
			return false
		}
		b, ok := n.(*ast.BinaryExpr)
		if !ok {
			return true
		}
		switch b.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
		default:
			return true
		}
		for _, side := range []ast.Expr{b.X, b.Y} {
			if sel, ok := ast.Unparen(side).(*ast.SelectorExpr); ok && sel.Sel.Name == "Size" &&
				apimatch.TypeKey(info.TypeOf(sel.X)) == "mime/multipart.FileHeader" {
				found = true
			}
		}
		return true
	})
	return found
}
