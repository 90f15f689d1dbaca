package bigbuffer

import (
	"fmt"
	"go/ast"
	"go/constant"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/hotpath"
	"github.com/memlint/memlint/internal/passutil"
)

// Appendable objects (storage v1.50 and later): ObjectHandle's
// NewWriterFromAppendableObject(ctx, opts) opens a writer that appends to
// an unfinalized object, with the ChunkSize its options give; nil options,
// or a ChunkSize of 0, mean googleapi.DefaultUploadChunkSize (unlike
// Writer.ChunkSize, where 0 disables the buffer), and the writer is opened
// by the call, so setting its ChunkSize afterwards changes nothing.

const (
	appendableKey  = "(*cloud.google.com/go/storage.ObjectHandle).NewWriterFromAppendableObject"
	appendableOpts = "cloud.google.com/go/storage.AppendableWriterOpts"
)

// checkAppendable reports NewWriterFromAppendableObject calls whose
// options leave ChunkSize at its 16 MiB default: nil, or an
// &AppendableWriterOpts{...} literal with no ChunkSize or a constant 0. A
// variable or any other expression may carry a ChunkSize: silent. So is
// a call whose writer is discarded (_, off, err := ...).
func (c *checker) checkAppendable() {
	info := c.pass.TypesInfo
	for cur := range c.in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if len(call.Args) != 2 || !c.inFiles(call) {
			continue
		}
		fn := apimatch.Callee(info, call)
		if fn == nil || apimatch.Key(fn) != appendableKey {
			continue
		}
		lit, fixable, ok := c.defaultOpts(call.Args[1])
		if !ok || c.writerDiscarded(cur) {
			continue
		}
		h := hotpath.Of(info, cur)
		pos := call.Pos()
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			pos = sel.Sel.Pos()
		}
		d := analysis.Diagnostic{
			Pos: pos,
			End: call.End(),
			Message: fmt.Sprintf("storage.Writer from NewWriterFromAppendableObject buffers %s%s (AppendableWriterOpts.ChunkSize unset or 0 means the default ChunkSize); set ChunkSize in its options to fit the appends",
				passutil.FormatBytes(defaultChunkSize), h.Kind.Phrase()),
		}
		if fix, ok := c.appendableFix(call, lit); ok && fixable {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		passutil.Report(c.pass, d)
	}
}

// defaultOpts reports whether opts leaves ChunkSize at its default: nil
// (fixable, lit nil), an &AppendableWriterOpts{...} literal with no
// ChunkSize (fixable, lit returned) or with a constant 0 (not fixable:
// which value was meant is not known).
func (c *checker) defaultOpts(opts ast.Expr) (lit *ast.CompositeLit, fixable, ok bool) {
	info := c.pass.TypesInfo
	opts = ast.Unparen(opts)
	if tv, ok := info.Types[opts]; ok && tv.IsNil() {
		return nil, true, true
	}
	u, ok := opts.(*ast.UnaryExpr)
	if !ok {
		return nil, false, false
	}
	lit, ok = ast.Unparen(u.X).(*ast.CompositeLit)
	if !ok || apimatch.TypeKey(info.TypeOf(lit)) != appendableOpts {
		return nil, false, false
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return nil, false, false // positional: every field, ChunkSize first
		}
		if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "ChunkSize" {
			continue
		}
		tv, ok := info.Types[kv.Value]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int || constant.Sign(tv.Value) != 0 {
			return nil, false, false
		}
		return lit, false, true
	}
	return lit, true, true
}

// writerDiscarded reports whether the call's writer result is assigned to
// the blank identifier.
func (c *checker) writerDiscarded(cur inspector.Cursor) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	return ok && id.Name == "_"
}

// appendableFix gives the options a ChunkSize: nil becomes
// &storage.AppendableWriterOpts{ChunkSize: <chunk-size>}, and a literal
// without one gets it as its first field. None when -chunk-size is 0 (0
// means the default here) or the storage package has no usable name in
// the file.
func (c *checker) appendableFix(call *ast.CallExpr, lit *ast.CompositeLit) (analysis.SuggestedFix, bool) {
	if c.cfg.chunkSize == 0 {
		return analysis.SuggestedFix{}, false
	}
	size := sizeExpr(c.cfg.chunkSize)
	msg := "Set ChunkSize: " + size
	if lit != nil {
		text := "ChunkSize: " + size
		if len(lit.Elts) > 0 {
			text += ", "
		}
		return analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{{
			Pos: lit.Lbrace + 1, End: lit.Lbrace + 1, NewText: []byte(text),
		}}}, true
	}
	name, ok := c.storageName(call)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	arg := call.Args[1]
	return analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{{
		Pos: arg.Pos(), End: arg.End(), NewText: []byte("&" + name + ".AppendableWriterOpts{ChunkSize: " + size + "}"),
	}}}, true
}

// storageName returns the name the file imports the storage package by,
// when it denotes that package at call.
func (c *checker) storageName(call *ast.CallExpr) (string, bool) {
	file := passutil.FileOf(c.files, call.Pos())
	if file == nil {
		return "", false
	}
	name, imported, ok := c.importName(file, call.Pos(), storagePath, "storage")
	return name, ok && imported
}
