package lsp

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/analysisjson"
	"github.com/memlint/memlint/internal/linemap"
)

// analyseFunc analyses the package in dir (with its test variants if
// tests is set) and returns a report for each of its files in dir, keyed
// by canonical path. A package that does not load or type-check gets
// empty reports, so stale findings are cleared, and err says why.
type analyseFunc func(ctx context.Context, dir string, tests bool) (map[string]*report, error)

// jsonFunc runs the analysis of the package in dir and returns its
// analysis JSON.
type jsonFunc func(ctx context.Context, dir string, tests bool) ([]byte, error)

// engine makes an analyseFunc of an engine's jsonFunc: it lists the
// package with the go command (a package whose listing shows errors, an
// import cycle or a missing import, is not analysed at all), runs the
// engine and converts its JSON.
func engine(analyzers []*analysis.Analyzer, run jsonFunc) analyseFunc {
	urls := urlsOf(analyzers)
	return func(ctx context.Context, dir string, tests bool) (map[string]*report, error) {
		pf, err := packageFiles(ctx, dir, tests)
		if err != nil {
			return nil, err
		}
		if len(pf.errors) > 0 {
			return pf.reports, fmt.Errorf("not analysed, package has errors: %s", strings.Join(pf.errors, "; "))
		}
		out, err := run(ctx, dir, tests)
		if err != nil {
			return pf.reports, err
		}
		return pf.convert(out, urls)
	}
}

// driverEngine returns an engine that runs memlint's own standalone
// driver, `bin -json -test=T [passFlags] .`, in the package's directory.
// The driver analyses one package per child process in dependency order
// and caches facts and findings on disk, so the server's peak memory is
// that of one package (not of the whole dependency graph in one process),
// and a save re-analyses only what changed. It runs in a process group of
// its own, which cancelling (a newer save, shutdown, exit, a signal) kills
// whole.
func driverEngine(bin string, passFlags []string, analyzers []*analysis.Analyzer) analyseFunc {
	return engine(analyzers, func(ctx context.Context, dir string, tests bool) ([]byte, error) {
		args := append([]string{"-json", "-test=" + strconv.FormatBool(tests)}, passFlags...)
		cmd := exec.CommandContext(ctx, bin, append(args, ".")...)
		cmd.Dir = dir
		inGroup(cmd)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			// With -json the driver exits 0 unless packages did not
			// load or type-check: then the package gets no findings.
			return nil, fmt.Errorf("not analysed: %s %s: %v: %s", bin, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
		}
		return stdout.Bytes(), nil
	})
}

// convert turns analysis JSON (the tree unitchecker's and
// go/analysis/checker's -json print: package ID, then analyzer name, then
// diagnostics or an error) into findings in the package's reports. It is
// the one conversion to LSP terms, for both engines.
func (pf *packageFileSet) convert(out []byte, urls map[string]string) (map[string]*report, error) {
	var tree analysisjson.Tree
	if err := json.Unmarshal(out, &tree); err != nil {
		return pf.reports, fmt.Errorf("decoding analysis JSON: %v", err)
	}
	c := converter{packageFileSet: pf, seen: make(map[findingKey]bool)}
	var errs []string
	ids := make([]string, 0, len(tree))
	for id := range tree {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		names := make([]string, 0, len(tree[id]))
		for name := range tree[id] {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			raw := tree[id][name]
			var diags []analysisjson.Diagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				var e analysisjson.Error
				if json.Unmarshal(raw, &e) == nil && e.Err != "" {
					errs = append(errs, fmt.Sprintf("%s: %s: %s", id, name, e.Err))
				}
				continue
			}
			for _, d := range diags {
				c.add(name, urls[name], d)
			}
		}
	}
	if c.dropped > 0 {
		errs = append(errs, fmt.Sprintf("%d suggested fixes withheld: their edits are not provably in this package's files (//line directives or cgo)", c.dropped))
	}
	// The bytes analysed must be the ones the offsets were resolved
	// against: a file saved again meanwhile gets no quick fixes (its hash
	// no longer matches any buffer) until the next analysis.
	for _, r := range pf.reports {
		if content, err := os.ReadFile(r.path); err != nil || sha256.Sum256(content) != r.hash {
			r.hash = [sha256.Size]byte{}
			for i := range r.findings {
				r.findings[i].fixes = nil
			}
		}
	}
	sortFindings(pf.reports)
	if len(errs) > 0 {
		return pf.reports, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return pf.reports, nil
}

// urlsOf maps each analyzer's name to its URL: the analysis JSON does not
// carry it.
func urlsOf(analyzers []*analysis.Analyzer) map[string]string {
	urls := make(map[string]string)
	for _, a := range analyzers {
		urls[a.Name] = a.URL
	}
	return urls
}

// packageFileSet is what the go command says of the package in a
// directory: a report and a mapper for each of its own Go files (those in
// the directory, cgo's originals included), the compiled files behind the
// analysis positions, and the errors that keep it from being analysed.
type packageFileSet struct {
	reports  map[string]*report // by canonical path
	mappers  map[string]*mapper
	compiled map[string]bool // own files the analysis parsed (not cgo's originals)
	lines    *linemap.Package
	errors   []string
}

// listedPackage is the part of go list's output packageFiles reads.
type listedPackage struct {
	Dir, ImportPath                                               string
	GoFiles, CgoFiles, CompiledGoFiles, TestGoFiles, XTestGoFiles []string
	Error                                                         *struct{ Err string }
	DepsErrors                                                    []*struct{ Err string }
}

// packageFiles lists the package in dir (and its test variants) with the
// go command. go list -e names an import cycle or a missing dependency in
// Error and DepsErrors, which go/packages leaves out in its cheap modes.
func packageFiles(ctx context.Context, dir string, tests bool) (*packageFileSet, error) {
	args := []string{"list", "-e", "-compiled", "-json=Dir,ImportPath,GoFiles,CgoFiles,CompiledGoFiles,TestGoFiles,XTestGoFiles,Error,DepsErrors"}
	if tests {
		args = append(args, "-test")
	}
	cmd := exec.CommandContext(ctx, "go", append(args, ".")...)
	cmd.Dir = dir
	inGroup(cmd)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	pf := &packageFileSet{
		reports:  make(map[string]*report),
		mappers:  make(map[string]*mapper),
		compiled: make(map[string]bool),
	}
	cdir := canonical(dir)
	var compiled []string
	seenErr := make(map[string]bool)
	addErr := func(e string) {
		if !seenErr[e] {
			seenErr[e] = true
			pf.errors = append(pf.errors, e)
		}
	}
	for dec := json.NewDecoder(bytes.NewReader(out)); dec.More(); {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("go list: %v", err)
		}
		if strings.HasSuffix(p.ImportPath, ".test") && !strings.Contains(p.ImportPath, " ") {
			continue // the generated test main
		}
		if p.Error != nil {
			addErr(p.ImportPath + ": " + p.Error.Err)
		}
		for _, e := range p.DepsErrors {
			addErr(p.ImportPath + ": " + e.Err)
		}
		abs := func(f string) string {
			if !filepath.IsAbs(f) {
				f = filepath.Join(p.Dir, f)
			}
			return f
		}
		for _, f := range p.CompiledGoFiles {
			f = abs(f)
			compiled = append(compiled, f)
			if filepath.Dir(canonical(f)) == cdir {
				pf.compiled[canonical(f)] = true
			}
		}
		for _, list := range [][]string{p.GoFiles, p.CgoFiles, p.CompiledGoFiles, p.TestGoFiles, p.XTestGoFiles} {
			for _, f := range list {
				f = abs(f)
				key := canonical(f)
				if filepath.Dir(key) != cdir || pf.reports[key] != nil {
					continue
				}
				content, err := os.ReadFile(f)
				if err != nil {
					continue
				}
				pf.reports[key] = &report{path: f, hash: sha256.Sum256(content)}
				pf.mappers[key] = newMapper(content)
			}
		}
	}
	slices.Sort(compiled)
	pf.lines = linemap.New(dir, slices.Compact(compiled))
	return pf, nil
}

type findingKey struct {
	file, msg  string
	start, end Position
}

// converter turns JSON diagnostics into findings in reports.
type converter struct {
	*packageFileSet
	seen    map[findingKey]bool
	dropped int // fixes withheld
}

// place resolves a "file:line:col" (or "file:line") of analysis JSON,
// which //line directives adjust, to one of the package's own files and a
// byte offset in it. A directive in an own file that names another file is
// undone (the finding is shown where its code is); in a cgo file the
// adjusted position is the original file's, which is what the user edits.
func (c *converter) place(s string) (string, int, bool) {
	file, line, col, ok := parsePosn(s)
	if !ok {
		return "", 0, false
	}
	if name, off, own, ok := c.lines.Pos(file, line, col); ok && own {
		key := canonical(name)
		if m := c.mappers[key]; m != nil && c.reports[key] != nil && off <= len(m.content) {
			return key, off, true
		}
		return "", 0, false
	}
	// Not in an own compiled file: the adjusted position stands only for
	// a file the analysis did not parse itself (cgo's original), never
	// for a compiled file another file's directive points into.
	key := canonical(file)
	m := c.mappers[key]
	if m == nil || c.reports[key] == nil || c.compiled[key] || line > len(m.lines) {
		return "", 0, false
	}
	return key, min(m.lines[line-1]+max(col-1, 0), len(m.content)), true
}

// span resolves a posn and an optional end in the same file to a range.
func (c *converter) span(posn, end string) (string, Range, bool) {
	key, start, ok := c.place(posn)
	if !ok {
		return "", Range{}, false
	}
	stop := start
	if ekey, e, ok := c.place(end); ok && ekey == key && e >= start {
		stop = e
	}
	return key, c.mappers[key].rng(start, stop), true
}

// parsePosn is analysisjson.ParsePosn, which also refuses a negative
// column here.
func parsePosn(s string) (file string, line, col int, ok bool) {
	file, line, col, ok = analysisjson.ParsePosn(s)
	return file, line, col, ok && col >= 0
}

func (c *converter) add(analyzer, url string, d analysisjson.Diagnostic) {
	key, rng, ok := c.span(d.Posn, d.End)
	if !ok {
		return
	}
	r := c.reports[key]
	k := findingKey{key, d.Message, rng.Start, rng.End}
	if c.seen[k] {
		return
	}
	c.seen[k] = true
	diag := Diagnostic{
		Range:    rng,
		Severity: DiagnosticSeverityWarning,
		Code:     analyzer,
		Source:   "memlint",
		Message:  d.Message,
	}
	if u := cmp.Or(d.URL, url); u != "" {
		diag.CodeDescription = &CodeDescription{Href: URI(u)}
	}
	for _, rel := range d.Related {
		if rkey, rrng, ok := c.span(rel.Posn, rel.End); ok {
			diag.RelatedInformation = append(diag.RelatedInformation, DiagnosticRelatedInformation{
				Location: Location{URI: fileURI(c.reports[rkey].path), Range: rrng},
				Message:  rel.Message,
			})
		}
	}
	f := finding{diag: diag}
fixes:
	for _, sf := range d.SuggestedFixes {
		fx := fix{title: sf.Message, edits: make(map[string][]TextEdit)}
		for _, e := range sf.Edits {
			// The edit's file is //line-adjusted, its offsets are not:
			// it must resolve to one own file that the analysis parsed,
			// with the bytes read before the analysis ran.
			name, ok := c.lines.Edit(e.Filename, e.Start, e.End)
			ekey := canonical(name)
			m := c.mappers[ekey]
			if !ok || m == nil || c.reports[ekey] == nil || e.End > len(m.content) ||
				!bytes.Equal(m.content, c.lines.Content(name)) {
				c.dropped++
				continue fixes
			}
			path := c.reports[ekey].path
			fx.edits[path] = append(fx.edits[path], TextEdit{Range: m.rng(e.Start, e.End), NewText: e.New})
		}
		if len(fx.edits) > 0 {
			f.fixes = append(f.fixes, fx)
		}
	}
	r.findings = append(r.findings, f)
}

func sortFindings(reports map[string]*report) {
	for _, r := range reports {
		sort.SliceStable(r.findings, func(i, j int) bool {
			return before(r.findings[i].diag.Range.Start, r.findings[j].diag.Range.Start)
		})
	}
}
