package driver

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/memlint/memlint/internal/analysisjson"
)

// tree decodes u's analysis JSON, under the ID u reports as.
func (u *unit) tree() (analysisjson.Tree, error) {
	var tree analysisjson.Tree
	if err := json.Unmarshal(u.json, &tree); err != nil {
		return nil, err
	}
	if u.reportAs != "" {
		if passes, ok := tree[u.p.ImportPath]; ok {
			delete(tree, u.p.ImportPath)
			tree[u.reportAs] = passes
		}
	}
	return tree, nil
}

// result is one pass's outcome on one package.
type result struct {
	u        *unit // the unit that reported it
	id, pass string
	diags    []analysisjson.Diagnostic
	err      string
}

// results decodes the roots' JSON trees, in package then pass order.
func (d *driver) results(roots []*unit) ([]result, []string) {
	var out []result
	var problems []string
	for _, u := range roots {
		if len(u.json) == 0 {
			continue
		}
		tree, err := u.tree()
		if err != nil {
			problems = append(problems, fmt.Sprintf("memlint: %s: bad analysis output: %v", u.p.ImportPath, err))
			continue
		}
		ids := sortedKeys(tree)
		for _, id := range ids {
			for _, pass := range sortedKeys(tree[id]) {
				raw := tree[id][pass]
				r := result{u: u, id: id, pass: pass}
				if len(raw) > 0 && raw[0] == '{' {
					var e analysisjson.Error
					json.Unmarshal(raw, &e)
					r.err = e.Err
				} else if err := json.Unmarshal(raw, &r.diags); err != nil {
					r.err = fmt.Sprintf("bad analysis output: %v", err)
				}
				out = append(out, r)
			}
		}
	}
	return out, problems
}

// finding is one diagnostic of the run, once although test variants of a
// package report a finding in a shared file again.
type finding struct {
	u    *unit
	pass string
	pos  position
	diag analysisjson.Diagnostic
}

func (f *finding) hasFix() bool { return len(f.diag.SuggestedFixes) > 0 }

// findings merges the roots' results into the run's findings, in file,
// line and column order, and the errors to print: undecodable output and
// pass errors ("pass: error", internal errors, failed prerequisites). Every
// output format (text, -fix, and any other) starts from here.
func (d *driver) findings(roots []*unit) ([]*finding, []string) {
	results, problems := d.results(roots)
	var items []*finding
	seen := make(map[string]bool)
	errSeen := make(map[string]bool)
	for _, r := range results {
		if r.err != "" {
			msg := fmt.Sprintf("%s: %s", r.pass, r.err)
			if !errSeen[msg] {
				errSeen[msg] = true
				problems = append(problems, msg)
			}
			continue
		}
		for _, diag := range r.diags {
			k := diag.Posn + "\x00" + diag.End + "\x00" + r.pass + "\x00" + diag.Message
			if seen[k] {
				continue
			}
			seen[k] = true
			items = append(items, &finding{u: r.u, pass: r.pass, pos: parsePosn(diag.Posn), diag: diag})
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].pos, items[j].pos
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	})
	return items, problems
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// printJSON merges the per-package trees into one and prints it. As with
// multichecker, the exit code does not depend on the findings.
func (d *driver) printJSON(roots []*unit) int {
	merged := make(analysisjson.Tree)
	code := 0
	for _, u := range roots {
		if len(u.json) == 0 {
			continue
		}
		tree, err := u.tree()
		if err != nil {
			fmt.Fprintf(d.stderr, "memlint: %s: bad analysis output: %v\n", u.p.ImportPath, err)
			code = 1
			continue
		}
		for id, passes := range tree {
			if merged[id] == nil {
				merged[id] = make(map[string]json.RawMessage)
			}
			for pass, raw := range passes {
				merged[id][pass] = raw
			}
		}
	}
	data, err := json.MarshalIndent(merged, "", "\t")
	if err != nil {
		fmt.Fprintf(d.stderr, "memlint: %v\n", err)
		return 1
	}
	fmt.Fprintf(d.stdout, "%s\n", data)
	return code
}

// position is a parsed "file:line:col".
type position struct {
	file      string
	line, col int
}

func parsePosn(s string) position {
	p := position{file: s}
	if i := strings.LastIndexByte(s, ':'); i > 0 {
		if col, err := strconv.Atoi(s[i+1:]); err == nil {
			if j := strings.LastIndexByte(s[:i], ':'); j > 0 {
				if line, err := strconv.Atoi(s[j+1 : i]); err == nil {
					return position{s[:j], line, col}
				}
			}
		}
	}
	return p
}

// printText prints the findings on stdout and errors on stderr; see
// writeText for the format.
func (d *driver) printText(roots []*unit) int {
	items, problems := d.findings(roots)
	code := 0
	for _, p := range problems {
		fmt.Fprintln(d.stderr, p)
		code = 1
	}
	d.writeText(d.stdout, items)
	if len(items) > 0 && code == 0 {
		code = 3
	}
	return code
}

// fixMarker ends the pass name of a finding that has a suggested fix
// (memlint -fix applies it): "... (multipart, fixable)".
const fixMarker = ", fixable"

// writeText prints findings as go vet does, "file:line:col: message",
// with the pass name at the end, "(pass)", or "(pass, fixable)" when
// memlint -fix can fix it, and related information indented below. File
// names under the current directory are relative to it.
func (d *driver) writeText(w io.Writer, items []*finding) {
	for _, it := range items {
		mark := ""
		if it.hasFix() {
			mark = fixMarker
		}
		d.printPlain(w, it.diag.Posn, it.diag.End, fmt.Sprintf("%s (%s%s)", it.diag.Message, it.pass, mark))
		for _, rel := range it.diag.Related {
			d.printPlain(w, rel.Posn, rel.End, "\t"+rel.Message)
		}
	}
}

// printPlain prints one message, with -c N lines of context.
func (d *driver) printPlain(w io.Writer, posn, end, message string) {
	p, e := parsePosn(posn), parsePosn(end)
	shown := posn
	if p.line > 0 {
		shown = fmt.Sprintf("%s:%d:%d", d.rel(p.file), p.line, p.col)
	}
	fmt.Fprintf(w, "%s: %s\n", shown, message)
	if d.opts.context < 0 {
		return
	}
	if e.line == 0 {
		e = p
	}
	data, _ := os.ReadFile(p.file)
	lines := strings.Split(string(data), "\n")
	for i := p.line - d.opts.context; i <= e.line+d.opts.context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// rel returns name relative to the current directory when it is under
// it, as go vet prints file names, else name.
func (d *driver) rel(name string) string {
	if d.cwd == "" || !filepath.IsAbs(name) {
		return name
	}
	r, err := filepath.Rel(d.cwd, name)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return name
	}
	return r
}
