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
	"slices"
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
	compiled := make(map[string]bool)   // files in dir the analysis parsed
	var roots []*packages.Package
	var broken []string
	for _, p := range pkgs {
		if tests && p.Name == "main" && strings.HasSuffix(p.ID, ".test") {
			continue // the generated test main
		}
		for _, f := range p.CompiledGoFiles {
			if key := canonical(f); filepath.Dir(key) == cdir {
				compiled[key] = true
			}
		}
		// The package's own files: cgo's originals too (GoFiles), whose
		// findings come at the positions cgo's //line directives give.
		for _, f := range append(slices.Clip(p.GoFiles), p.CompiledGoFiles...) {
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
	// span returns the file name and LSP range of [pos, end) in the file
	// the analysis parsed, which must be one of the package's own: a
	// //line directive does not move it (nor the edits of a fix).
	span := func(pos, end token.Pos) (string, Range, bool) {
		tf := fset.File(pos)
		if tf == nil || reports[canonical(tf.Name())] == nil {
			return "", Range{}, false
		}
		m := mapperOf(tf)
		if m == nil {
			return "", Range{}, false
		}
		start, stop := tf.Offset(pos), tf.Offset(pos)
		if end.IsValid() && int(end) >= tf.Base() && int(end) <= tf.Base()+tf.Size() {
			stop = tf.Offset(end)
		}
		return tf.Name(), m.rng(start, stop), true
	}
	// place is span for diagnostics and related information, which in a
	// cgo file (parsed from cgo's output in the build cache) stand at the
	// position cgo's //line directives give in the original file.
	place := func(pos, end token.Pos) (string, Range, bool) {
		if name, rng, ok := span(pos, end); ok {
			return name, rng, true
		}
		p := fset.Position(pos)
		key := canonical(p.Filename)
		m := mappers[key]
		if m == nil || reports[key] == nil || compiled[key] || p.Line < 1 || p.Line > len(m.lines) {
			return "", Range{}, false
		}
		start := min(m.lines[p.Line-1]+max(p.Column-1, 0), len(m.content))
		stop := start
		if e := fset.Position(end); end.IsValid() && canonical(e.Filename) == key && e.Line >= p.Line && e.Line <= len(m.lines) {
			stop = max(start, min(m.lines[e.Line-1]+max(e.Column-1, 0), len(m.content)))
		}
		return p.Filename, m.rng(start, stop), true
	}

	type key struct {
		file, msg  string
		start, end Position
	}
	seen := make(map[key]bool)
	var errs []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", act, act.Err))
			continue
		}
		for _, d := range act.Diagnostics {
			name, rng, ok := place(d.Pos, d.End)
			if !ok {
				continue
			}
			r := reports[canonical(name)]
			k := key{canonical(name), d.Message, rng.Start, rng.End}
			if r == nil || seen[k] {
				continue
			}
			seen[k] = true
			diag := Diagnostic{
				Range:    rng,
				Severity: DiagnosticSeverityWarning,
				Code:     act.Analyzer.Name,
				Source:   "memlint",
				Message:  d.Message,
			}
			if u := cmp.Or(d.URL, act.Analyzer.URL); u != "" {
				diag.CodeDescription = &CodeDescription{Href: URI(u)}
			}
			for _, rel := range d.Related {
				if rname, rrng, ok := place(rel.Pos, rel.End); ok {
					diag.RelatedInformation = append(diag.RelatedInformation, DiagnosticRelatedInformation{
						Location: Location{URI: fileURI(rname), Range: rrng},
						Message:  rel.Message,
					})
				}
			}
			f := finding{diag: diag}
		fixes:
			for _, sf := range d.SuggestedFixes {
				fx := fix{title: sf.Message, edits: make(map[string][]TextEdit)}
				for _, e := range sf.TextEdits {
					ename, erng, ok := span(e.Pos, e.End)
					if !ok {
						continue fixes // not in the package's own files
					}
					fx.edits[ename] = append(fx.edits[ename], TextEdit{Range: erng, NewText: string(e.NewText)})
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
