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
	// upload: for srcUpload, what the file came from (r in r.FormFile,
	// the *multipart.FileHeader opened), resolved to param in f.
	upload ast.Expr
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
			// &io.LimitedReader{R: rc, N: n}; &c of a local c :=
			// countingReader{r: r}
			if x.Op != token.AND {
				return o
			}
			switch y := ast.Unparen(x.X).(type) {
			case *ast.CompositeLit, *ast.Ident:
				e = y
			default:
				return o
			}
		case *ast.CompositeLit:
			if r := c.countingField(x); r != nil {
				e = r // &countingReader{r: r}: every byte passes through
				continue
			}
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
			if o.deep() {
				// bs, r.Body, err = readBody(r.Body): a helper of the
				// package that reads its parameter whole and returns
				// the bytes (OPA's logging handler).
				if g := c.byObj[fn.Origin()]; g != nil {
					if i := c.returnsReadOf(g); i >= 0 && i < len(x.Args) {
						e = x.Args[i]
						continue
					}
				}
			}
			next, ok := c.archiveStep(&o, fn, x)
			if !ok {
				if o.kind == srcUpload && o.upload != nil && cur == f {
					o.param = c.uploadParam(f, o.upload)
				}
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

// countingField returns the reader a literal of a pass-through wrapper
// of this package is given, or nil: a struct whose Read method calls Read
// on one of its fields and has no if, for, switch or select (it counts or
// records the bytes, as alist's webdav countingReader, but cannot stop
// early: a reader that limits must test something).
func (c *checker) countingField(lit *ast.CompositeLit) ast.Expr {
	info := c.pass.TypesInfo
	t := info.TypeOf(lit)
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg {
		return nil
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), false, c.pass.Pkg, "Read")
	m, _ := obj.(*types.Func)
	if m == nil {
		return nil
	}
	g := c.byObj[m]
	if g == nil || g.body == nil || g.sig.Recv() == nil {
		return nil
	}
	field := ""
	ast.Inspect(g.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.FuncLit:
			field = "-"
			return false
		case *ast.CallExpr:
			// recv.f.Read(p)
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Read" {
				return true
			}
			inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			id, ok := ast.Unparen(inner.X).(*ast.Ident)
			if !ok || info.Uses[id] != g.sig.Recv() {
				return true
			}
			if field == "" {
				field = inner.Sel.Name
			} else if field != inner.Sel.Name {
				field = "-"
			}
		}
		return true
	})
	if field == "" || field == "-" {
		return nil
	}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
				return kv.Value
			}
			continue
		}
		if i < st.NumFields() && st.Field(i).Name() == field {
			return el
		}
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

// returnsReadOf returns the parameter whose stream g reads whole and
// returns the bytes of as its first result, on every return that returns
// a non-nil one, or -1: "b, err := io.ReadAll(r); return b, err", or
// "buf.ReadFrom(r); return buf.Bytes(), ...".
func (c *checker) returnsReadOf(g *function) int {
	if g.body == nil || g.sig.Results().Len() == 0 {
		return -1
	}
	info := c.pass.TypesInfo
	// readOf returns the parameter whose stream the call reads whole.
	readOf := func(e ast.Expr) int {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return -1
		}
		switch apimatch.CalleeKey(info, call) {
		case "io.ReadAll", "io/ioutil.ReadAll":
			return c.paramIndex(g, call.Args[0])
		}
		return -1
	}
	// bufferFilled returns the parameter a bytes.Buffer variable is
	// filled from whole (buf.ReadFrom(r), io.Copy(&buf, r)).
	bufferFilled := func(v *types.Var) int {
		p := -1
		inspectBody(g.body, func(n ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return
			}
			key := apimatch.CalleeKey(info, call)
			switch {
			case key == "(*bytes.Buffer).ReadFrom" && len(call.Args) == 1:
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && refersTo(info, sel.X, v) {
					if i := c.paramIndex(g, call.Args[0]); i >= 0 {
						p = i
					}
				}
			case key == "io.Copy" && len(call.Args) == 2:
				if u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND && refersTo(info, u.X, v) {
					if i := c.paramIndex(g, call.Args[1]); i >= 0 {
						p = i
					}
				}
			}
		})
		return p
	}
	param := -1
	agree := true
	inspectBody(g.body, func(n ast.Node) {
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || len(ret.Results) == 0 || !agree {
			return
		}
		first := ast.Unparen(ret.Results[0])
		if tv, ok := info.Types[first]; ok && tv.IsNil() {
			return
		}
		i := -1
		switch x := first.(type) {
		case *ast.Ident:
			if v, _ := info.Uses[x].(*types.Var); v != nil {
				if rhs := g.latest(v, x.Pos()); rhs != nil {
					i = readOf(rhs)
				}
			}
		case *ast.CallExpr:
			// buf.Bytes()
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && len(x.Args) == 0 &&
				apimatch.CalleeKey(info, x) == "(*bytes.Buffer).Bytes" {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
					if v, _ := info.Uses[id].(*types.Var); v != nil {
						i = bufferFilled(v)
					}
				}
			}
		}
		if i < 0 || (param >= 0 && i != param) {
			agree = false
			return
		}
		param = i
	})
	if !agree {
		return -1
	}
	return param
}

// refersTo reports whether e names v.
func refersTo(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}
