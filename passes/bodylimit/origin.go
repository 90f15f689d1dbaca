package bodylimit

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
)

// srcKind says where a stream read whole comes from.
type srcKind int

const (
	srcOther    srcKind = iota
	srcRequest          // a server request body
	srcResponse         // a client response body
	srcUpload           // a multipart file a client uploaded (r.FormFile, a FileHeader, a part)
)

// origin is what the stream an API reads is made of, from the read back
// to its source.
type origin struct {
	kind         srcKind
	param        int    // holder parameter of a request body, or -1
	limitedAfter bool   // a limit between the read and the decompressor or archive (or the body)
	decomp       string // the decompressor nearest the read, or ""
	archive      string // "zip" or "tar" when an archive entry is read, or ""
	entry        string // how the entry was opened: "(*zip.File).Open", ...
	under        string // a decompressor under the archive (a tar.gz), or ""
	fromParam    int    // the stream is made of this parameter of the function, or -1
}

// deep reports whether a decompressor or an archive is on the way: only
// then does origin follow byte slices and captured variables.
func (o origin) deep() bool { return o.decomp != "" || o.archive != "" }

// passThrough are readers that hand their argument's bytes on unchanged.
var passThrough = map[string]int{
	"bufio.NewReader":     0,
	"bufio.NewReaderSize": 0,
	"io.NopCloser":        0,
	"io/ioutil.NopCloser": 0,
	"io.TeeReader":        0,
}

// origin follows the stream e back to its source.
func (c *checker) origin(f *function, e ast.Expr) origin {
	return c.originFrom(f, e, origin{param: -1, fromParam: -1})
}

// originFrom follows the stream e of f back to its source, starting from
// what is already known of it (o: a callee's or fs.ReadFile's archive).
func (c *checker) originFrom(f *function, e ast.Expr, o origin) origin {
	info := c.pass.TypesInfo
	seen := map[ast.Node]bool{}
	cur := f // the function whose variables e names (an enclosing one for captures)
	for range 24 {
		e = ast.Unparen(e)
		if seen[e] {
			return o
		}
		seen[e] = true
		if h, ok := httpapi.BodyOf(info, e); ok {
			o.kind = srcRequest
			if cur == f {
				o.param = c.holderParam(f, h)
			}
			return o
		}
		if httpapi.IsResponseBody(info, e) {
			o.kind = srcResponse
			return o
		}
		switch x := e.(type) {
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			if v == nil {
				return o
			}
			g, pos := cur, x.Pos()
			next := g.latest(v, pos)
			// A variable of an enclosing function captured by a literal.
			for next == nil && o.deep() && g.outer != nil && len(g.defs[v]) == 0 && g.paramOf(v) < 0 {
				g, pos = g.outer, g.node.Pos()
				next = g.latest(v, pos)
			}
			if next == nil {
				if i := g.paramOf(v); i >= 0 && g == f {
					o.fromParam = i
					// A *tar.Reader parameter is read entry by entry.
					if o.archive == "" && o.decomp == "" && apimatch.TypeKey(v.Type()) == "archive/tar.Reader" {
						o.archive, o.entry = "tar", "(*tar.Reader).Next"
					}
				}
				return o
			}
			cur, e = g, next
		case *ast.SelectorExpr:
			// zr.File: the entries of a zip archive.
			if o.archive == "zip" && x.Sel.Name == "File" && isZipReader(info.TypeOf(x.X)) {
				e = x.X
				continue
			}
			return o
		case *ast.IndexExpr:
			// zr.File[i]
			if o.archive == "zip" && isZipFiles(info.TypeOf(x.X)) {
				e = x.X
				continue
			}
			return o
		case *ast.UnaryExpr:
			// &io.LimitedReader{R: rc, N: n}
			lit, ok := ast.Unparen(x.X).(*ast.CompositeLit)
			if !ok || x.Op != token.AND {
				return o
			}
			e = lit
		case *ast.CompositeLit:
			r := limitedReaderR(info, x)
			if r == nil {
				return o
			}
			if !o.deep() {
				o.limitedAfter = true
			}
			e = r
		case *ast.CallExpr:
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 && o.deep() {
				e = x.Args[0] // string(body), []byte(s)
				continue
			}
			fn := apimatch.Callee(info, x)
			if fn == nil {
				return o
			}
			if l, ok := httpapi.LimitCall(fn); ok && l.Arg < len(x.Args) {
				if !o.deep() {
					o.limitedAfter = true
				}
				e = x.Args[l.Arg]
				continue
			}
			if d, ok := httpapi.DecompressorOf(fn); ok && d.Arg < len(x.Args) {
				switch {
				case o.decomp == "" && o.archive == "":
					o.decomp = d.Name
				case o.archive != "" && o.under == "":
					o.under = d.Name
				}
				e = x.Args[d.Arg]
				continue
			}
			if i, ok := passThrough[apimatch.Key(fn)]; ok && i < len(x.Args) {
				e = x.Args[i]
				continue
			}
			next, ok := c.archiveStep(&o, fn, x)
			if !ok {
				return o
			}
			e = next
		default:
			return o
		}
	}
	return o
}

// limitedReaderR returns the reader an io.LimitedReader literal bounds,
// or nil.
func limitedReaderR(info *types.Info, lit *ast.CompositeLit) ast.Expr {
	if apimatch.TypeKey(info.TypeOf(lit)) != "io.LimitedReader" || len(lit.Elts) == 0 {
		return nil
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "R" {
				return kv.Value
			}
			continue
		}
		return lit.Elts[0] // io.LimitedReader{rc, n}
	}
	return nil
}

// paramOf returns the index of parameter v of f, or -1.
func (f *function) paramOf(v *types.Var) int {
	for i := range f.sig.Params().Len() {
		if f.sig.Params().At(i) == v {
			return i
		}
	}
	return -1
}
