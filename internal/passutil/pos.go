package passutil

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// Positions in suggested fixes and in //memlint:ignore matching are those of
// the file as it is on disk: a //line directive may rename the file, restart
// its line numbers and leave the column unknown (0), none of which the
// edits and the directive lines follow.

// ShortPos names pos as messages do, by file base name and line as the
// compiler reports them ("export.go:474").
func ShortPos(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// Line returns the line of pos in its file, ignoring //line directives.
func Line(fset *token.FileSet, pos token.Pos) int {
	return fset.PositionFor(pos, false).Line
}

// Indent returns tabs for the indentation of the line on which pos is the
// first token (gofmt indents with tabs), ignoring //line directives.
func Indent(fset *token.FileSet, pos token.Pos) string {
	return strings.Repeat("\t", max(fset.PositionFor(pos, false).Column-1, 0))
}

// LineEnd returns end, or the end of the last comment of files that starts
// at or after end on the same line, so that an insertion there does not cut
// a trailing comment off its statement.
func LineEnd(fset *token.FileSet, files []*ast.File, end token.Pos) token.Pos {
	f := FileOf(files, end)
	if f == nil {
		return end
	}
	line := Line(fset, end)
	for _, cg := range f.Comments {
		if cg.Pos() >= end && Line(fset, cg.Pos()) == line {
			end = cg.End()
		}
	}
	return end
}
