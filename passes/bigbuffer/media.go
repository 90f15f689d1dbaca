package bigbuffer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/memlint/memlint/internal/hotpath"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// isMediaMethod reports whether fn is a generated google-api-go-client
// media method: a method of a google.golang.org/api package whose last
// parameter is ...googleapi.MediaOption (the first an io.Reader).
func isMediaMethod(fn *types.Func) bool {
	if fn == nil || !strings.HasPrefix(apimatch.PkgPath(fn.Pkg()), "google.golang.org/api/") {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !sig.Variadic() || sig.Params().Len() != 2 {
		return false
	}
	last, ok := sig.Params().At(1).Type().(*types.Slice)
	if !ok || apimatch.TypeKey(last.Elem()) != mediaOption {
		return false
	}
	return apimatch.TypeKey(sig.Params().At(0).Type()) == "io.Reader"
}

// checkMedia reports Media uploads without a googleapi.ChunkSize option.
func (c *checker) checkMedia() {
	info := c.pass.TypesInfo
	for cur := range c.in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := apimatch.Callee(info, call)
		if !isMediaMethod(fn) || !c.inFiles(call) {
			continue
		}
		if call.Ellipsis.IsValid() {
			continue // opts...: unknown options
		}
		if !c.optionsLackChunkSize(call.Args[1:]) {
			continue
		}
		recv := apimatch.TypeKey(fn.Type().(*types.Signature).Recv().Type())
		recv = recv[strings.LastIndex(recv, ".")+1:]
		h := hotpath.Of(c.pass.TypesInfo, cur)
		pos := call.Pos()
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			pos = sel.Sel.Pos() // point at ".Media(...)", not the whole chain
		}
		d := analysis.Diagnostic{
			Pos: pos,
			End: call.End(),
			Message: fmt.Sprintf("%s.%s upload buffers %s%s (googleapi.DefaultUploadChunkSize); pass googleapi.ChunkSize to fit the media",
				recv, fn.Name(), passutil.FormatBytes(defaultChunkSize), h.Kind.Phrase()),
		}
		if fix, ok := c.mediaFix(cur, call); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		passutil.Report(c.pass, d)
	}
}

// optionsLackChunkSize reports whether the options are all calls of
// googleapi functions other than ChunkSize. Any other option (a variable,
// a call of some helper) may be a ChunkSize option: the pass stays silent.
func (c *checker) optionsLackChunkSize(opts []ast.Expr) bool {
	for _, o := range opts {
		call, ok := ast.Unparen(o).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := apimatch.Callee(c.pass.TypesInfo, call)
		if fn == nil || apimatch.PkgPath(fn.Pkg()) != googleapiPath || apimatch.Key(fn) == chunkSizeKey {
			return false
		}
	}
	return true
}

// mediaFix appends googleapi.ChunkSize(<chunk-size>) to the call's options,
// importing googleapi if the file does not.
func (c *checker) mediaFix(cur inspector.Cursor, call *ast.CallExpr) (analysis.SuggestedFix, bool) {
	file := passutil.FileOf(c.files, call.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	name, imported, ok := c.importName(file, call.Pos(), googleapiPath, "googleapi")
	if !ok {
		return analysis.SuggestedFix{}, false
	}

	last := call.Args[len(call.Args)-1]
	opt := fmt.Sprintf("%s.ChunkSize(%s)", name, sizeExpr(c.cfg.chunkSize))
	edits := []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte(", " + opt)}}
	if !imported {
		edits = append(edits, importEdit(file, googleapiPath))
	}
	return analysis.SuggestedFix{
		Message:   "Pass " + opt,
		TextEdits: edits,
	}, true
}

// importName returns the name by which file refers, at pos, to the
// package at path (matched as apimatch does): the name of its import, def
// when the import has none (a blank or dot import does not count), which
// must denote that package there. When the file does not import it
// (imported is false), name is def, usable only when def names nothing at
// pos. ok is false when no name can be used.
func (c *checker) importName(file *ast.File, pos token.Pos, path, def string) (name string, imported, ok bool) {
	name = def
	for _, spec := range file.Imports {
		p, _ := strconv.Unquote(spec.Path.Value)
		if apimatch.Path(p) != path {
			continue
		}
		if spec.Name != nil {
			if spec.Name.Name == "_" || spec.Name.Name == "." {
				continue
			}
			name = spec.Name.Name
		}
		imported = true
		break
	}
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return "", false, false
	}
	_, obj := scope.LookupParent(name, pos)
	if !imported {
		return name, false, obj == nil
	}
	pn, isPkg := obj.(*types.PkgName)
	return name, true, isPkg && apimatch.PkgPath(pn.Imported()) == path
}

// importEdit adds an import of path to file.
func importEdit(file *ast.File, path string) analysis.TextEdit {
	quoted := strconv.Quote(path)
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return analysis.TextEdit{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\t" + quoted + "\n")}
		}
		return analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport " + quoted)}
	}
	return analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + quoted)}
}
