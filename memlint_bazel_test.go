package memlint_test

// Bazel's nogo builds each analyzer from its own package (it needs an
// exported Analyzer variable), runs it package by package in separate
// actions and configures it only by name. Bazel cannot run here, so this
// test keeps the promises nogo relies on.

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint"
	"github.com/memlint/memlint/internal/testdataroot"
)

func TestNogoAnalyzersValid(t *testing.T) {
	if err := analysis.Validate(memlint.Analyzers); err != nil {
		t.Fatalf("analysis.Validate: %v", err)
	}
	if len(memlint.Analyzers) == 0 {
		t.Fatal("memlint.Analyzers is empty")
	}
	for _, a := range memlint.Analyzers {
		if strings.TrimSpace(firstLine(a.Doc)) == "" {
			t.Errorf("%s: Doc has no title line (nogo and go vet -help print it)", a.Name)
		}
		if !strings.HasPrefix(a.URL, "https://") {
			t.Errorf("%s: URL %q is not an https URL", a.Name, a.URL)
		}
	}
}

// TestNogoPackages checks that every pass is the exported Analyzer of its
// own package passes/<name>, which is what a nogo target names.
func TestNogoPackages(t *testing.T) {
	for _, a := range memlint.Analyzers {
		dir := filepath.Join("passes", a.Name)
		files, err := parseDir(dir, a.Name)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		if len(files) == 0 {
			t.Errorf("%s: no package %s in %s", a.Name, a.Name, dir)
			continue
		}
		if !declaresVar(files, "Analyzer") {
			t.Errorf("%s: package %s does not declare var Analyzer", a.Name, dir)
		}
	}
}

// parseDir parses the non-test .go files of dir that belong to package
// name.
func parseDir(dir, name string) ([]*ast.File, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		if f.Name.Name == name {
			files = append(files, f)
		}
	}
	return files, nil
}

func declaresVar(files []*ast.File, name string) bool {
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				for _, n := range s.(*ast.ValueSpec).Names {
					if n.Name == name {
						return true
					}
				}
			}
		}
	}
	return false
}

// ignoreErrors is an analysistest.Testing that ignores unmet expectations:
// here the passes only need to run, not to match their // want comments.
type ignoreErrors struct{}

func (ignoreErrors) Errorf(string, ...any) {}

// TestNogoNoState runs every pass twice over its testdata package and checks
// that no flag changed (nogo sets flags once, from its configuration) and
// that the second run reports exactly what the first did (no state carried
// from one package or run to the next).
func TestNogoNoState(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every pass twice over its testdata (minutes on 2 busy cores); run without -short")
	}
	flags := func() map[string]string {
		m := map[string]string{}
		for _, a := range memlint.Analyzers {
			a.Flags.VisitAll(func(f *flag.Flag) {
				m[a.Name+"."+f.Name] = f.Value.String() + " (default " + f.DefValue + ")"
			})
		}
		return m
	}
	before := flags()
	testdata := testdataroot.Dir()
	for _, a := range memlint.Analyzers {
		if _, err := os.Stat(filepath.Join(testdata, "src", a.Name)); err != nil {
			t.Logf("%s: no testdata/src/%s to run on", a.Name, a.Name)
			continue
		}
		pattern := a.Name + "/..."
		first := diagnostics(analysistest.Run(ignoreErrors{}, testdata, a, pattern))
		second := diagnostics(analysistest.Run(ignoreErrors{}, testdata, a, pattern))
		if len(first) == 0 {
			t.Errorf("%s: no diagnostics over testdata/src/%s: the run proves nothing", a.Name, pattern)
		}
		if !slices.Equal(first, second) {
			t.Errorf("%s: a second run over testdata/src/%s reported differently:\nonly first:  %q\nonly second: %q", a.Name, pattern, minus(first, second), minus(second, first))
		}
		t.Logf("%s: %d diagnostics over testdata/src/%s, twice", a.Name, len(first), pattern)
	}
	after := flags()
	for k, v := range before {
		if after[k] != v {
			t.Errorf("flag %s changed during runs: %s, then %s", k, v, after[k])
		}
	}
	if len(after) != len(before) {
		t.Errorf("flags were added during runs: %d before, %d after", len(before), len(after))
	}
}

func diagnostics(results []*analysistest.Result) []string {
	var out []string
	for _, r := range results {
		if r.Err != nil {
			out = append(out, "error: "+r.Err.Error())
		}
		for _, d := range r.Diagnostics {
			out = append(out, fmt.Sprintf("%s: %s", r.Pass.Fset.Position(d.Pos), d.Message))
		}
	}
	return out
}

// minus returns the lines of a that b does not have, counting repeats.
func minus(a, b []string) []string {
	left := map[string]int{}
	for _, s := range b {
		left[s]++
	}
	var out []string
	for _, s := range a {
		if left[s] > 0 {
			left[s]--
			continue
		}
		out = append(out, s)
	}
	return out
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}
