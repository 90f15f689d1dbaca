package passutil

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
)

// alpha reports every call of a function named leak, through Report.
var alpha = &analysis.Analyzer{
	Name: "alpha",
	Doc:  "test analyzer",
	Run: Guard("alpha", func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "leak" {
						Report(pass, analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: "leak called"})
					}
				}
				return true
			})
		}
		return nil, nil
	}),
}

func TestIgnoreDirectives(t *testing.T) {
	old := Passes
	Passes = []string{"alpha", "beta"}
	t.Cleanup(func() { Passes = old })
	analysistest.Run(t, testdataroot.Dir(), alpha, "passutil/ignore")
}

func TestParseDirective(t *testing.T) {
	for _, tc := range []struct {
		text   string
		ok     bool
		names  int
		reason bool
	}{
		{"//memlint:ignore", true, 0, false},
		{"//memlint:ignore ", true, 0, false},
		{"//memlint:ignore unclosed", true, 1, false},
		{"//memlint:ignore unclosed,bigbuffer why", true, 2, true},
		{"//memlint:ignoreunclosed why", false, 0, false},
		{"//memlint:ignored unclosed why", false, 0, false},
		{"// memlint:ignore unclosed why", false, 0, false},
	} {
		d, ok := parseDirective(tc.text)
		if ok != tc.ok || len(d.names) != tc.names || d.reason != tc.reason {
			t.Errorf("parseDirective(%q) = %+v, %v; want %d names, reason %v, ok %v", tc.text, d, ok, tc.names, tc.reason, tc.ok)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"unclosd", "unclosed", 1}, {"", "abc", 3}, {"multipart", "multipart", 0}, {"jsonindnet", "jsonindent", 2}} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
