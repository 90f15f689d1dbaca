package driver

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// The analysis JSON of one package, as unitchecker and multichecker print
// it: {ID: {pass: [diagnostic] | {"error": text}}}.
type jsonTree map[string]map[string]json.RawMessage

type jsonDiagnostic struct {
	Category       string              `json:"category,omitempty"`
	Posn           string              `json:"posn"`
	End            string              `json:"end"`
	Message        string              `json:"message"`
	SuggestedFixes []jsonSuggestedFix  `json:"suggested_fixes,omitempty"`
	Related        []jsonRelatedInform `json:"related,omitempty"`
}

type jsonSuggestedFix struct {
	Message string         `json:"message"`
	Edits   []jsonTextEdit `json:"edits"`
}

type jsonTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelatedInform struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonError struct {
	Err string `json:"error"`
}

// tree decodes u's analysis JSON, under the ID u reports as.
func (u *unit) tree() (jsonTree, error) {
	var tree jsonTree
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
	id, pass string
	diags    []jsonDiagnostic
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
				r := result{id: id, pass: pass}
				if len(raw) > 0 && raw[0] == '{' {
					var e jsonError
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
	merged := make(jsonTree)
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

// printText prints the findings as multichecker does ("file:line:col:
// message", related information indented below), once each although test
// variants of a package report a finding in a shared file again, in file
// and line order. Pass errors (internal errors, failed prerequisites) are
// printed as "pass: error".
func (d *driver) printText(roots []*unit) int {
	results, problems := d.results(roots)
	code := 0
	for _, p := range problems {
		fmt.Fprintln(d.stderr, p)
		code = 1
	}
	type item struct {
		pos  position
		pass string
		d    jsonDiagnostic
	}
	var items []item
	seen := make(map[string]bool)
	errSeen := make(map[string]bool)
	for _, r := range results {
		if r.err != "" {
			msg := fmt.Sprintf("%s: %s", r.pass, r.err)
			if !errSeen[msg] {
				errSeen[msg] = true
				fmt.Fprintln(d.stderr, msg)
			}
			code = 1
			continue
		}
		for _, diag := range r.diags {
			k := diag.Posn + "\x00" + diag.End + "\x00" + r.pass + "\x00" + diag.Message
			if seen[k] {
				continue
			}
			seen[k] = true
			items = append(items, item{parsePosn(diag.Posn), r.pass, diag})
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
	for _, it := range items {
		d.printPlain(it.d.Posn, it.d.End, it.d.Message)
		for _, rel := range it.d.Related {
			d.printPlain(rel.Posn, rel.End, "\t"+rel.Message)
		}
	}
	if len(items) > 0 && code == 0 {
		code = 3
	}
	return code
}

// printPlain prints one message, with -c N lines of context.
func (d *driver) printPlain(posn, end, message string) {
	fmt.Fprintf(d.stderr, "%s: %s\n", posn, message)
	if d.opts.context < 0 {
		return
	}
	p, e := parsePosn(posn), parsePosn(end)
	if e.line == 0 {
		e = p
	}
	data, _ := os.ReadFile(p.file)
	lines := strings.Split(string(data), "\n")
	for i := p.line - d.opts.context; i <= e.line+d.opts.context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(d.stderr, "%d\t%s\n", i, lines[i-1])
		}
	}
}
