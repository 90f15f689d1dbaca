package passutil

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IgnoreDirective is the comment prefix that suppresses one finding of the
// standalone driver and go vet: "//memlint:ignore <pass>[,<pass>...] <reason>"
// on the reported line or on the line above. The reason is required; a
// directive without one suppresses nothing.
const IgnoreDirective = "//memlint:ignore"

// Report reports d unless an ignore directive for this pass covers its line.
// A directive that names the pass but gives no reason does not suppress the
// finding; the diagnostic then points at the directive as related
// information so the user can see why.
func Report(pass *analysis.Pass, d analysis.Diagnostic) {
	switch ok, bad := ignored(pass, d.Pos); {
	case ok:
		return
	case bad.IsValid():
		d.Related = append(d.Related, analysis.RelatedInformation{
			Pos:     bad,
			Message: "memlint:ignore needs a reason after the pass name; the finding is not suppressed",
		})
	}
	pass.Report(d)
}

// Reportf reports a diagnostic spanning rng (see Report).
func Reportf(pass *analysis.Pass, rng analysis.Range, format string, args ...any) {
	Report(pass, analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: sprintf(format, args...)})
}

// ignored reports whether pos is covered by a valid ignore directive for
// this pass; bad is the position of a matching directive without a reason.
func ignored(pass *analysis.Pass, pos token.Pos) (ok bool, bad token.Pos) {
	file := fileOf(pass, pos)
	if file == nil {
		return false, token.NoPos
	}
	line := Line(pass.Fset, pos)
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			if !strings.HasPrefix(c.Text, IgnoreDirective) {
				continue
			}
			cl := Line(pass.Fset, c.Slash)
			if cl != line && cl != line-1 {
				continue
			}
			fields := strings.Fields(strings.TrimPrefix(c.Text, IgnoreDirective))
			if len(fields) == 0 || !namesPass(fields[0], pass.Analyzer.Name) {
				continue
			}
			if len(fields) < 2 {
				bad = c.Slash
				continue
			}
			return true, token.NoPos
		}
	}
	return false, bad
}

func namesPass(list, name string) bool {
	for n := range strings.SplitSeq(list, ",") {
		if n == name || n == "all" {
			return true
		}
	}
	return false
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
