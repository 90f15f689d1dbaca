package testutil

import (
	"bytes"
	"go/format"
	"os"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// RunWithFixes runs analysistest.RunWithSuggestedFixes: the diagnostics
// against want comments and the suggested fixes against .golden files.
// With MEMLINT_UPDATE_GOLDENS=1 it writes the .golden files instead (each
// file with all its fixes applied, gofmt'ed), to be read before they are
// committed.
func RunWithFixes(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	if os.Getenv("MEMLINT_UPDATE_GOLDENS") != "1" {
		return analysistest.RunWithSuggestedFixes(t, dir, a, patterns...)
	}
	results := analysistest.Run(t, dir, a, patterns...)
	for _, r := range results {
		type edit struct {
			start, end int
			text       []byte
		}
		edits := map[string][]edit{}
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					f := r.Pass.Fset.File(e.Pos)
					ed := edit{f.Offset(e.Pos), f.Offset(e.End), e.NewText}
					if !slices.ContainsFunc(edits[f.Name()], func(x edit) bool {
						return x.start == ed.start && x.end == ed.end && bytes.Equal(x.text, ed.text)
					}) {
						edits[f.Name()] = append(edits[f.Name()], ed)
					}
				}
			}
		}
		for name, es := range edits {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			slices.SortStableFunc(es, func(x, y edit) int { return x.start - y.start })
			var out []byte
			last := 0
			for _, e := range es {
				if e.start < last {
					t.Fatalf("%s: overlapping fixes at offset %d", name, e.start)
				}
				out = append(append(out, src[last:e.start]...), e.text...)
				last = e.end
			}
			out = append(out, src[last:]...)
			if formatted, err := format.Source(out); err == nil {
				out = formatted
			}
			if err := os.WriteFile(name+".golden", out, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s.golden", name)
		}
	}
	return results
}
