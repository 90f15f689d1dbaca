package lsp

import (
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"go.lsp.dev/protocol"
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
	diag  protocol.Diagnostic
	fixes []fix
}

// fix is one SuggestedFix: a title and its edits, by file path.
type fix struct {
	title string
	edits map[string][]protocol.TextEdit
}

// analyse loads the package in dir (with its test variants if tests is
// set) and its dependencies, runs the analyzers over it with facts from
// the dependencies, and returns a report for each of its files in dir,
// keyed by canonical path. A package that does not load or type-check
// gets empty reports, so stale findings are cleared, and err says why.
func analyse(ctx context.Context, dir string, tests bool, analyzers []*analysis.Analyzer) (map[string]*report, error) {
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

	cdir := canonical(dir)
	reports := make(map[string]*report)
	mappers := make(map[string]*mapper) // content of the files in dir
	var roots []*packages.Package
	var broken []string
	for _, p := range pkgs {
		if tests && p.Name == "main" && strings.HasSuffix(p.ID, ".test") {
			continue // the generated test main
		}
		for _, f := range p.CompiledGoFiles {
			key := canonical(f)
			if filepath.Dir(key) != cdir || reports[key] != nil {
				continue
			}
			content, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			reports[key] = &report{path: f, hash: sha256.Sum256(content)}
			mappers[key] = newMapper(content)
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
		return reports, fmt.Errorf("no package in %s", dir)
	}
	if len(broken) > 0 {
		return reports, fmt.Errorf("not analysed, package has errors: %s", strings.Join(broken, "; "))
	}

	graph, err := check(analyzers, roots)
	if err != nil {
		return reports, err
	}

	fset := roots[0].Fset
	// mapperOf returns the mapper for the file holding pos, or nil if the
	// file changed on disk since it was parsed.
	mapperOf := func(tf *token.File) *mapper {
		key := canonical(tf.Name())
		m, ok := mappers[key]
		if !ok {
			if content, err := os.ReadFile(tf.Name()); err == nil {
				m = newMapper(content)
			}
			mappers[key] = m
		}
		if m == nil || len(m.content) != tf.Size() {
			return nil
		}
		return m
	}
	// span returns the file, mapper and LSP range of [pos, end).
	span := func(pos, end token.Pos) (*token.File, *mapper, protocol.Range, bool) {
		tf := fset.File(pos)
		if tf == nil {
			return nil, nil, protocol.Range{}, false
		}
		m := mapperOf(tf)
		if m == nil {
			return nil, nil, protocol.Range{}, false
		}
		start, stop := tf.Offset(pos), tf.Offset(pos)
		if end.IsValid() && int(end) >= tf.Base() && int(end) <= tf.Base()+tf.Size() {
			stop = tf.Offset(end)
		}
		return tf, m, m.rng(start, stop), true
	}

	type key struct {
		file, msg  string
		start, end protocol.Position
	}
	seen := make(map[key]bool)
	var errs []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", act, act.Err))
			continue
		}
		for _, d := range act.Diagnostics {
			tf, _, rng, ok := span(d.Pos, d.End)
			if !ok {
				continue
			}
			r := reports[canonical(tf.Name())]
			k := key{tf.Name(), d.Message, rng.Start, rng.End}
			if r == nil || seen[k] {
				continue
			}
			seen[k] = true
			diag := protocol.Diagnostic{
				Range:    rng,
				Severity: protocol.DiagnosticSeverityWarning,
				Code:     act.Analyzer.Name,
				Source:   "memlint",
				Message:  d.Message,
			}
			if u := cmp.Or(d.URL, act.Analyzer.URL); u != "" {
				diag.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(u)}
			}
			for _, rel := range d.Related {
				if rtf, _, rrng, ok := span(rel.Pos, rel.End); ok {
					diag.RelatedInformation = append(diag.RelatedInformation, protocol.DiagnosticRelatedInformation{
						Location: protocol.Location{URI: fileURI(rtf.Name()), Range: rrng},
						Message:  rel.Message,
					})
				}
			}
			f := finding{diag: diag}
		fixes:
			for _, sf := range d.SuggestedFixes {
				fx := fix{title: sf.Message, edits: make(map[string][]protocol.TextEdit)}
				for _, e := range sf.TextEdits {
					etf, _, erng, ok := span(e.Pos, e.End)
					if !ok {
						continue fixes
					}
					fx.edits[etf.Name()] = append(fx.edits[etf.Name()], protocol.TextEdit{Range: erng, NewText: string(e.NewText)})
				}
				if len(fx.edits) > 0 {
					f.fixes = append(f.fixes, fx)
				}
			}
			r.findings = append(r.findings, f)
		}
	}
	sortFindings(reports)
	if len(errs) > 0 {
		return reports, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return reports, nil
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
