package lsp

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// report is what one analysis leaves behind for one file of the analysed
// package: the hash of the content it read and its findings, already in
// LSP terms. Packages, syntax trees, types and facts are dropped as soon
// as the reports are built.
type report struct {
	path     string // as the go command names the file
	hash     [sha256.Size]byte
	findings []finding
}

type finding struct {
	diag  Diagnostic
	fixes []fix
}

// fix is one SuggestedFix: a title and its edits, by file path.
type fix struct {
	title string
	edits map[string][]TextEdit
}

// checkerEngine returns an engine that analyses in process: go/packages
// loads the package in dir (with its test variants if tests is set) and
// its dependencies, go/analysis/checker runs the analyzers over it with
// facts from the dependencies, and its analysis JSON goes through the same
// conversion as the driver engine's. A package that does not load or
// type-check gets empty reports, so stale findings are cleared, and err
// says why.
func checkerEngine(analyzers []*analysis.Analyzer) analyseFunc {
	urls := urlsOf(analyzers)
	return func(ctx context.Context, dir string, tests bool) (map[string]*report, error) {
		pf, err := packageFiles(ctx, dir, tests)
		if err != nil {
			return nil, err
		}
		if len(pf.errors) > 0 {
			return pf.reports, fmt.Errorf("not analysed, package has errors: %s", strings.Join(pf.errors, "; "))
		}
		mode := packages.LoadSyntax
		if needFacts(analyzers) {
			mode = packages.LoadAllSyntax // facts flow from every dependency
		}
		cfg := &packages.Config{
			Context: ctx,
			Mode:    mode | packages.NeedModule,
			Dir:     dir,
			Tests:   tests,
		}
		pkgs, err := packages.Load(cfg, ".")
		if err != nil {
			return pf.reports, err
		}
		var roots []*packages.Package
		var broken []string
		for _, p := range pkgs {
			if tests && p.Name == "main" && strings.HasSuffix(p.ID, ".test") {
				continue // the generated test main
			}
			for _, e := range p.Errors {
				broken = append(broken, e.Error())
			}
			if p.IllTyped && len(p.Errors) == 0 {
				broken = append(broken, p.ID+": dependencies have errors")
			}
			roots = append(roots, p)
		}
		if len(roots) == 0 {
			return pf.reports, fmt.Errorf("no package in %s", dir)
		}
		if len(broken) > 0 {
			return pf.reports, fmt.Errorf("not analysed, package has errors: %s", strings.Join(broken, "; "))
		}
		graph, err := check(analyzers, roots)
		if err != nil {
			return pf.reports, err
		}
		var out bytes.Buffer
		if err := graph.PrintJSON(&out); err != nil {
			return pf.reports, err
		}
		return pf.convert(out.Bytes(), urls)
	}
}

// check runs the analyzers sequentially, in this goroutine, so that a
// panicking analyzer becomes an error instead of killing the server, and
// so that only one pass at a time holds its intermediate results.
func check(analyzers []*analysis.Analyzer, roots []*packages.Package) (g *checker.Graph, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("analyzer panic: %v\n%s", r, debug.Stack())
		}
	}()
	return checker.Analyze(analyzers, roots, &checker.Options{Sequential: true})
}

// needFacts reports whether any analyzer, or one it requires, uses facts,
// in which case dependencies must be loaded from source.
func needFacts(analyzers []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func([]*analysis.Analyzer) bool
	visit = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 || visit(a.Requires) {
				return true
			}
		}
		return false
	}
	return visit(analyzers)
}
