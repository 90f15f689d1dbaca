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
// facts from the dependencies, and prints its analysis JSON
// (Graph.PrintJSON), which goes through the driver engine's conversion.
// Everything is dropped once the reports are built, but the peak grows
// with the dependency graph.
func checkerEngine(analyzers []*analysis.Analyzer) analyseFunc {
	return engine(analyzers, func(ctx context.Context, dir string, tests bool) ([]byte, error) {
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
			return nil, err
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
			return nil, fmt.Errorf("no package in %s", dir)
		}
		if len(broken) > 0 {
			return nil, fmt.Errorf("not analysed, package has errors: %s", strings.Join(broken, "; "))
		}
		graph, err := check(analyzers, roots)
		if err != nil {
			return nil, err
		}
		var out bytes.Buffer
		if err := graph.PrintJSON(&out); err != nil {
			return nil, err
		}
		return out.Bytes(), nil
	})
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
