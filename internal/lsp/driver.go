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
	"sort"
	"strconv"
	"strings"

	"go.lsp.dev/protocol"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// analyseFunc analyses the package in dir (with its test variants if
// tests is set) and returns a report for each of its files in dir, keyed
// by canonical path; see analyse.
type analyseFunc func(ctx context.Context, dir string, tests bool) (map[string]*report, error)

// driverEngine returns an engine that runs memlint's own standalone
// driver, `bin -json -test=T [passFlags] .`, in the package's directory
// and turns its analysis JSON into reports. The driver analyses one
// package per child process in dependency order and caches facts and
// findings on disk, so the server's peak memory is that of one package
// (not of the whole dependency graph in one process), and a save
// re-analyses only what changed.
func driverEngine(bin string, passFlags []string, analyzers []*analysis.Analyzer) analyseFunc {
	urls := make(map[string]string)
	for _, a := range analyzers {
		urls[a.Name] = a.URL
	}
	return func(ctx context.Context, dir string, tests bool) (map[string]*report, error) {
		reports, mappers, err := packageFiles(ctx, dir, tests)
		if err != nil {
			return nil, err
		}
		args := append([]string{"-json", "-test=" + strconv.FormatBool(tests)}, passFlags...)
		cmd := exec.CommandContext(ctx, bin, append(args, ".")...)
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			// With -json the driver exits 0 unless packages did not
			// load or type-check: then the package gets no findings.
			return reports, fmt.Errorf("not analysed: %s %s: %v: %s", bin, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
		}
		var tree map[string]map[string]json.RawMessage
		if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
			return reports, fmt.Errorf("decoding %s -json: %v", bin, err)
		}
		c := converter{reports: reports, mappers: mappers, seen: make(map[findingKey]bool)}
		var errs []string
		ids := make([]string, 0, len(tree))
		for id := range tree {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			for name, raw := range tree[id] {
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					var e struct {
						Err string `json:"error"`
					}
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
		sortFindings(reports)
		if len(errs) > 0 {
			return reports, fmt.Errorf("%s", strings.Join(errs, "; "))
		}
		return reports, nil
	}
}

// packageFiles lists the Go files in dir of the package there (and its
// test variants) with the go command, and returns an empty report and a
// mapper for each.
func packageFiles(ctx context.Context, dir string, tests bool) (map[string]*report, map[string]*mapper, error) {
	cfg := &packages.Config{
		Context: ctx,
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles,
		Dir:     dir,
		Tests:   tests,
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, nil, err
	}
	cdir := canonical(dir)
	reports := make(map[string]*report)
	mappers := make(map[string]*mapper)
	for _, p := range pkgs {
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
	}
	return reports, mappers, nil
}

// The analysis JSON of unitchecker, multichecker and memlint's driver.
type jsonDiagnostic struct {
	Posn           string `json:"posn"`
	End            string `json:"end"`
	Message        string `json:"message"`
	URL            string `json:"url"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
	Related []struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	} `json:"related"`
}

type findingKey struct {
	file, msg  string
	start, end protocol.Position
}

// converter turns JSON diagnostics into findings in reports.
type converter struct {
	reports map[string]*report
	mappers map[string]*mapper // by canonical path; nil if unreadable
	seen    map[findingKey]bool
}

func (c *converter) mapper(path string) *mapper {
	key := canonical(path)
	m, ok := c.mappers[key]
	if !ok {
		if content, err := os.ReadFile(path); err == nil {
			m = newMapper(content)
		}
		c.mappers[key] = m
	}
	return m
}

// posn resolves "file:line:col" (col in bytes, 1-based) to the file and
// its byte offset.
func (c *converter) posn(s string) (string, *mapper, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", nil, 0, false
	}
	j := strings.LastIndexByte(s[:i], ':')
	if j < 0 {
		return "", nil, 0, false
	}
	line, err1 := strconv.Atoi(s[j+1 : i])
	col, err2 := strconv.Atoi(s[i+1:])
	file := s[:j]
	m := c.mapper(file)
	if err1 != nil || err2 != nil || m == nil || line < 1 || line > len(m.lines) || col < 1 {
		return "", nil, 0, false
	}
	return file, m, min(m.lines[line-1]+col-1, len(m.content)), true
}

// span resolves a posn and an optional end in the same file to a range.
func (c *converter) span(posn, end string) (string, protocol.Range, bool) {
	file, m, start, ok := c.posn(posn)
	if !ok {
		return "", protocol.Range{}, false
	}
	stop := start
	if efile, _, e, ok := c.posn(end); ok && canonical(efile) == canonical(file) {
		stop = e
	}
	return file, m.rng(start, stop), true
}

func (c *converter) add(analyzer, url string, d jsonDiagnostic) {
	file, rng, ok := c.span(d.Posn, d.End)
	if !ok {
		return
	}
	r := c.reports[canonical(file)]
	k := findingKey{canonical(file), d.Message, rng.Start, rng.End}
	if r == nil || c.seen[k] {
		return
	}
	c.seen[k] = true
	diag := protocol.Diagnostic{
		Range:    rng,
		Severity: protocol.DiagnosticSeverityWarning,
		Code:     analyzer,
		Source:   "memlint",
		Message:  d.Message,
	}
	if u := cmp.Or(d.URL, url); u != "" {
		diag.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(u)}
	}
	for _, rel := range d.Related {
		if rfile, rrng, ok := c.span(rel.Posn, rel.End); ok {
			diag.RelatedInformation = append(diag.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: fileURI(rfile), Range: rrng},
				Message:  rel.Message,
			})
		}
	}
	f := finding{diag: diag}
fixes:
	for _, sf := range d.SuggestedFixes {
		fx := fix{title: sf.Message, edits: make(map[string][]protocol.TextEdit)}
		for _, e := range sf.Edits {
			m := c.mapper(e.Filename)
			if m == nil || e.Start < 0 || e.End < e.Start || e.End > len(m.content) {
				continue fixes
			}
			fx.edits[e.Filename] = append(fx.edits[e.Filename], protocol.TextEdit{Range: m.rng(e.Start, e.End), NewText: e.New})
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
