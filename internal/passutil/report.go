package passutil

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IgnoreDirective is the comment prefix that suppresses one finding of the
// standalone driver and go vet: "//memlint:ignore <pass>[,<pass>...] <reason>"
// on the reported line or on the line above. The pass list may be "all",
// which names every pass. The reason is required; a directive without one
// suppresses nothing. The prefix must be followed by a space, a tab or the
// end of the comment ("//memlint:ignored" is not a directive).
const IgnoreDirective = "//memlint:ignore"

// Passes lists the names //memlint:ignore accepts besides "all": the names
// of memlint's analyzers (memlint's own tests check it against
// memlint.Analyzers).
var Passes = []string{"bigbuffer", "blockedsend", "bodylimit", "jsonindent", "multipart", "perrequest", "querylimit", "unclosed"}

// directive is a parsed //memlint:ignore comment.
type directive struct {
	names  []string // the pass list, split on commas; nil when there is none
	reason bool     // a reason follows the pass list
}

// parseDirective parses comment text; ok is false when it is no directive.
func parseDirective(text string) (d directive, ok bool) {
	rest, ok := strings.CutPrefix(text, IgnoreDirective)
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return d, false
	}
	fields := strings.Fields(rest)
	if len(fields) > 0 {
		d.names = strings.Split(fields[0], ",")
		d.reason = len(fields) > 1
	}
	return d, true
}

// names reports whether d names pass (or all).
func (d directive) namesPass(pass string) bool {
	return slices.Contains(d.names, pass) || slices.Contains(d.names, "all")
}

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
	file := FileOf(pass.Files, pos)
	if file == nil {
		return false, token.NoPos
	}
	line := Line(pass.Fset, pos)
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			d, isDir := parseDirective(c.Text)
			if !isDir {
				continue
			}
			cl := Line(pass.Fset, c.Slash)
			if cl != line && cl != line-1 {
				continue
			}
			if !d.namesPass(pass.Analyzer.Name) {
				continue
			}
			if !d.reason {
				bad = c.Slash
				continue
			}
			return true, token.NoPos
		}
	}
	return false, bad
}

// checkDirectives reports, at the directive, every //memlint:ignore in the
// package's non-generated files that names no pass, names an unknown pass,
// or gives no reason. Every pass runs this check (Guard calls it), so each
// problem has one owner that reports it, whichever passes are enabled
// alongside: for a missing reason, the first pass the directive names; for
// an unknown name, the known pass nearest to it in spelling; for a
// directive that names nothing, the first pass of Passes.
func checkDirectives(pass *analysis.Pass) {
	me := pass.Analyzer.Name
	for _, f := range pass.Files {
		if IsGenerated(f) {
			continue
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d, ok := parseDirective(c.Text)
				if !ok {
					continue
				}
				warn := func(format string, args ...any) {
					pass.Report(analysis.Diagnostic{Pos: c.Slash, End: c.End(), Message: fmt.Sprintf(format, args...)})
				}
				if len(d.names) == 0 {
					if me == Passes[0] {
						warn("memlint:ignore names no pass and suppresses nothing: write //memlint:ignore <pass>[,<pass>] <reason> with passes from %s or all", strings.Join(Passes, ", "))
					}
					continue
				}
				var known []string
				for _, n := range d.names {
					if n == "all" || slices.Contains(Passes, n) {
						known = append(known, n)
						continue
					}
					near, dist := nearest(n)
					if near != me {
						continue
					}
					if dist <= 2 {
						warn("memlint:ignore names unknown pass %q (did you mean %s?) and suppresses nothing for it", n, near)
					} else {
						warn("memlint:ignore names unknown pass %q and suppresses nothing for it; passes are %s or all", n, strings.Join(Passes, ", "))
					}
				}
				if !d.reason && len(known) > 0 {
					owner := known[0]
					if owner == "all" {
						owner = Passes[0]
					}
					if owner == me {
						warn("memlint:ignore needs a reason after the pass name and suppresses nothing without one")
					}
				}
			}
		}
	}
}

// nearest returns the pass of Passes with the smallest edit distance to
// name (the first in order on a tie) and the distance.
func nearest(name string) (string, int) {
	best, bestDist := "", -1
	for _, p := range Passes {
		if d := editDistance(name, p); bestDist < 0 || d < bestDist {
			best, bestDist = p, d
		}
	}
	return best, bestDist
}

// editDistance is the Levenshtein distance between a and b, by bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
