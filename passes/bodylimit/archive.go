package bodylimit

// Archive entries: a zip or tar archive from the network whose entries are
// read whole. The streams are followed by origin (bodylimit.go) like
// decompressors; this file holds the archive steps, the declared-size
// checks that bound an entry, and the helpers that read a parameter's
// archive or decompressed stream whole (a summary, a fact across
// packages).

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// archiveStep takes one step of origin through a call of the archive,
// multipart or byte APIs: it returns the expression the stream continues
// from, or false where the stream ends (its kind then set when known).
func (c *checker) archiveStep(o *origin, fn *types.Func, call *ast.CallExpr) (ast.Expr, bool) {
	recv := func() (ast.Expr, bool) {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil, false
		}
		return sel.X, true
	}
	arg := func(i int) (ast.Expr, bool) {
		if i < len(call.Args) {
			return call.Args[i], true
		}
		return nil, false
	}
	switch key := archiveKey(fn); key {
	case "(*archive/zip.File).Open", "(*archive/zip.Reader).Open":
		// A decompressing reader of one entry. (*zip.File).OpenRaw is not:
		// it yields the stored bytes, within the archive's size.
		if o.archive == "" {
			o.archive, o.entry = "zip", strings.Replace(key, "archive/", "", 1)
		}
		return recv()
	case "archive/zip.NewReader":
		if o.archive == "zip" {
			return arg(0)
		}
	case "archive/tar.NewReader":
		if o.archive == "" {
			o.archive = "tar"
			o.entry = "(*tar.Reader).Next"
		}
		return arg(0)
	case "(*net/http.Request).FormFile", "(*net/http.Request).MultipartReader",
		"(*mime/multipart.FileHeader).Open":
		o.kind = srcUpload
		o.upload, _ = recv()
	case "(*mime/multipart.Reader).NextPart", "(*mime/multipart.Reader).NextRawPart":
		return recv()
	case "mime/multipart.NewReader":
		return arg(0)
	case "bytes.NewReader", "bytes.NewBuffer", "strings.NewReader", "io.ReadAll", "io/ioutil.ReadAll":
		// The bytes of a stream read whole, read again: followed only past
		// a decompressor or an archive (the first read is the body rule's).
		if o.deep() {
			return arg(0)
		}
	case "(*github.com/gin-gonic/gin.Context).GetRawData":
		if o.deep() {
			o.kind = srcRequest
		}
	}
	return nil, false
}

// zipForks are copies of archive/zip under another path, matched by
// package path like every API here (not by package name or shape):
// klauspost's, which minio's admin handlers import. Their entries
// decompress as archive/zip's do, and a read past UncompressedSize64 fails
// the same way (klauspost's (*checksumReader).Read, v1.18.0).
var zipForks = map[string]bool{
	"github.com/klauspost/compress/zip": true,
}

// zipFork reports whether pkg is one of zipForks.
func zipFork(pkg *types.Package) bool {
	return pkg != nil && zipForks[apimatch.PkgPath(pkg)]
}

// archivePath is pkg's canonical path, archive/zip for a fork of it.
func archivePath(pkg *types.Package) string {
	if zipFork(pkg) {
		return "archive/zip"
	}
	return apimatch.PkgPath(pkg)
}

// archiveKey is apimatch.Key(fn), a fork of archive/zip keyed as
// archive/zip: "(*archive/zip.File).Open" for klauspost's.
func archiveKey(fn *types.Func) string {
	k := apimatch.Key(fn)
	if k != "" && zipFork(fn.Pkg()) {
		k = strings.Replace(k, apimatch.PkgPath(fn.Pkg())+".", "archive/zip.", 1)
	}
	return k
}

// archiveTypeKey is apimatch.TypeKey(t), a type of a fork of archive/zip
// keyed as archive/zip's.
func archiveTypeKey(t types.Type) string {
	k := apimatch.TypeKey(t)
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && k != "" && zipFork(n.Obj().Pkg()) {
		k = "archive/zip." + n.Obj().Name()
	}
	return k
}

// isZipReader reports whether t is a *zip.Reader or *zip.ReadCloser (of
// archive/zip or a fork).
func isZipReader(t types.Type) bool {
	switch archiveTypeKey(t) {
	case "archive/zip.Reader", "archive/zip.ReadCloser":
		return true
	}
	return false
}

// isZipFiles reports whether t is []*zip.File (of archive/zip or a fork).
func isZipFiles(t types.Type) bool {
	s, ok := types.Unalias(t).Underlying().(*types.Slice)
	return ok && archiveTypeKey(s.Elem()) == "archive/zip.File"
}

// readOrigin is the origin of the stream a whole read reads.
func (c *checker) readOrigin(f *function, w wholeRead) origin {
	if w.entry != "" {
		return c.originFrom(f, w.src, origin{param: -1, fromParam: -1, archive: "zip", entry: w.entry})
	}
	return c.origin(f, w.src)
}

// sizeChecked reports whether f (or a function enclosing it) compares the
// declared size of an archive entry with something before pos, in a block
// that holds pos: a zip entry's UncompressedSize64 or UncompressedSize, a
// tar header's Size, an fs.FileInfo's Size(), or a variable assigned from
// one of them (a running total). archive/zip fails a read past
// UncompressedSize64 with ErrFormat and archive/tar never reads past
// hdr.Size, so a bounded declared size bounds the read. Any such
// comparison counts, whichever entry it is about (precision first), but
// not one in another case of a switch or another branch.
func (c *checker) sizeChecked(f *function, pos token.Pos) bool {
	for g := f; g != nil; g = g.outer {
		found := false
		var stack []ast.Node
		ast.Inspect(g.body, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if found || n.Pos() >= pos {
				return false
			}
			stack = append(stack, n)
			b, ok := n.(*ast.BinaryExpr)
			if !ok {
				return true
			}
			switch b.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				if (c.mentionsSize(g, b.X, 0) || c.mentionsSize(g, b.Y, 0)) && holdsPos(stack, pos) {
					found = true
				}
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// holdsPos reports whether the innermost statement list on stack (a
// block, a case or a select clause) holds pos.
func holdsPos(stack []ast.Node, pos token.Pos) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return stack[i].Pos() <= pos && pos < stack[i].End()
		}
	}
	return false
}

// mentionsSize reports whether e mentions an archive entry's declared size.
func (c *checker) mentionsSize(f *function, e ast.Expr, depth int) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.IsField() && v.Pkg() != nil {
				switch archivePath(v.Pkg()) + "." + v.Name() {
				case "archive/zip.UncompressedSize64", "archive/zip.UncompressedSize", "archive/tar.Size":
					found = true
				}
			}
		case *ast.CallExpr:
			if apimatch.CalleeKey(info, x) == "(io/fs.FileInfo).Size" {
				found = true
			}
		case *ast.Ident:
			if v, ok := info.Uses[x].(*types.Var); ok && depth < 3 {
				for g := f; g != nil && !found; g = g.outer {
					for _, d := range g.defs[v] {
						if c.mentionsSize(g, d.rhs, depth+1) {
							found = true
							break
						}
					}
				}
			}
		}
		return !found
	})
	return found
}

// A streamRead is a whole read, in a function or a helper it calls, of a
// decompressed or archive-entry stream made of a parameter.
type streamRead struct {
	param int
	api   string   // the reading API
	o     origin   // the decompressor and archive on the way
	call  ast.Node // the read, or the helper call
	pos   string   // where it reads ("file.go:12"), for messages
	via   string   // the helper called, or ""
}

// streamReads returns what a whole read or a call of f adds to f's
// streams.
func (c *checker) streamReads(f *function, call *ast.CallExpr) []streamRead {
	if w, ok := c.wholeReadOf(f, call); ok {
		if w.src == nil {
			return nil
		}
		o := c.readOrigin(f, w)
		if o.deep() && !o.limitedAfter && o.kind == srcOther && o.fromParam >= 0 &&
			(o.archive == "" || !c.sizeChecked(f, call.Pos())) {
			return []streamRead{{param: o.fromParam, api: w.api, o: o, call: call, pos: c.posString(call.Pos())}}
		}
		return nil
	}
	fn := apimatch.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	cs := c.calleeSummary(fn)
	if cs == nil {
		return nil
	}
	var out []streamRead
	for _, sr := range cs.streams {
		if sr.param >= len(call.Args) {
			continue
		}
		o := c.originFrom(f, call.Args[sr.param], seed(sr.o))
		if o.kind == srcOther && o.fromParam >= 0 && (o.archive == "" || !c.sizeChecked(f, call.Pos())) {
			out = append(out, streamRead{param: o.fromParam, api: sr.api, o: o, call: call, pos: sr.pos, via: fn.Name()})
		}
	}
	return out
}

// seed is the origin a caller's argument starts from: what the helper
// found on the way, no source yet.
func seed(o origin) origin {
	return origin{param: -1, fromParam: -1, decomp: o.decomp, archive: o.archive, entry: o.entry, under: o.under}
}

// helperStreams reports the calls of f passing a network stream to a
// helper that decompresses it or unpacks an entry of it and reads that
// whole with no limit.
func (c *checker) helperStreams(f *function) {
	if c.cfg.allSources {
		return // the helper's read is reported where it reads
	}
	inspectBody(f.body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		if _, ok := c.wholeReadOf(f, call); ok {
			return
		}
		fn := apimatch.Callee(c.pass.TypesInfo, call)
		if fn == nil {
			return
		}
		cs := c.calleeSummary(fn)
		if cs == nil {
			return
		}
		for _, sr := range cs.streams {
			if sr.param >= len(call.Args) {
				continue
			}
			o := c.originFrom(f, call.Args[sr.param], seed(sr.o))
			if o.kind == srcOther || (o.archive != "" && c.sizeChecked(f, call.Pos())) {
				continue
			}
			if !c.first(call.Pos()) {
				return
			}
			d := analysis.Diagnostic{
				Pos:     call.Pos(),
				End:     call.End(),
				Message: streamMessage(sr.api, o, fmt.Sprintf("%s (%s at %s)", fn.Name(), sr.api, sr.pos)),
			}
			if sr.call != nil {
				// A helper of this package: the read is related
				// information, not a position in the text.
				d.Message = streamMessage(sr.api, o, fmt.Sprintf("%s (%s)", fn.Name(), sr.api))
				what := sr.api + " reads it whole here"
				if sr.via != "" {
					what = "read whole here, through " + sr.via
				}
				d.Related = []analysis.RelatedInformation{{Pos: sr.call.Pos(), End: sr.call.End(), Message: what}}
			}
			passutil.Report(c.pass, d)
			return
		}
	})
}

// sourceName names where a stream comes from, for messages.
func sourceName(k srcKind) string {
	switch k {
	case srcRequest:
		return "request body"
	case srcResponse:
		return "response body"
	case srcUpload:
		return "uploaded multipart file"
	}
	return "stream"
}

// streamMessage is the message for a decompressed or archive-entry
// stream of origin o read whole by api; who is the call named first (the
// api, or "helper (api at pos)").
func streamMessage(api string, o origin, who string) string {
	src := "the " + sourceName(o.kind)
	if o.kind == srcOther {
		src = "a local or unknown source"
	}
	switch o.archive {
	case "zip":
		return fmt.Sprintf("%s reads a whole %s entry of a zip archive from %s with no limit after decompression, and %s; check UncompressedSize64 first or read it through io.LimitReader",
			who, o.entry, src, expansion("flate"))
	case "tar":
		z := o.under
		if z == "" {
			z = o.decomp // a compressed stream inside the entry
		}
		if z != "" {
			return fmt.Sprintf("%s reads a whole %s entry of a %s-compressed tar archive from %s with no limit after decompression, and %s; check hdr.Size first or read it through io.LimitReader",
				who, o.entry, z, src, expansion(z))
		}
		return fmt.Sprintf("%s reads a whole %s entry of a tar archive from %s with no limit, and a sparse entry expands its holes to zeros (a 1.5 KiB archive reads back as 1 GiB); check hdr.Size first or read it through io.LimitReader",
			who, o.entry, src)
	}
	return fmt.Sprintf("%s reads the whole %s-decompressed %s with no limit after decompression, and %s; read it through io.LimitReader on the decompressed stream",
		who, o.decomp, sourceName(o.kind), expansion(o.decomp))
}

// expansions are how far each format expanded 1 GiB of zeros compressed
// at its best level (measured with the Go encoders; bzip2 with bzip2 -9):
// the input that became 1 GiB.
var expansions = map[string]string{
	"gzip":   "deflate expands about 1,000-fold on repetitive data (1 MiB to 1 GiB)",
	"zlib":   "deflate expands about 1,000-fold on repetitive data (1 MiB to 1 GiB)",
	"flate":  "deflate expands about 1,000-fold on repetitive data (1 MiB to 1 GiB)",
	"lzw":    "lzw expands over 1,000-fold on repetitive data (770 KiB to 1 GiB)",
	"zstd":   "zstd expands over 30,000-fold on repetitive data (32 KiB to 1 GiB)",
	"s2":     "s2 expands over 50,000-fold on repetitive data (20 KiB to 1 GiB)",
	"xz":     "xz expands over 6,000-fold on repetitive data (154 KiB to 1 GiB)",
	"brotli": "brotli expands over 600,000-fold on repetitive data (2 KiB to 1 GiB)",
	"bzip2":  "bzip2 expands over 1,000,000-fold on repetitive data (785 bytes to 1 GiB)",
	"snappy": "snappy expands up to about 21-fold (48 MiB to 1 GiB)",
	"lz4":    "lz4 expands up to about 255-fold (4 MiB to 1 GiB)",
}

// expansion says how far the named format can expand its input.
func expansion(format string) string {
	if e, ok := expansions[format]; ok {
		return e
	}
	return format + " output can be many times larger than its input"
}
