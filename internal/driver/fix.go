package driver

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// fix is the first suggested fix of one diagnostic.
type fix struct {
	pass, posn, message string
	edits               []jsonTextEdit
	conflict            bool
}

// applyFixes applies the first suggested fix of every finding, as
// multichecker -fix does, with two differences: two fixes that overlap are
// both skipped (and named), and every file is replaced by an atomic rename,
// so it is written whole or not at all. With -diff the changes are printed
// as a unified diff instead.
func (d *driver) applyFixes(roots []*unit) int {
	results, problems := d.results(roots)
	code := 0
	for _, p := range problems {
		fmt.Fprintln(d.stderr, p)
		code = 1
	}
	var fixes []*fix
	seen := make(map[string]bool)
	for _, r := range results {
		if r.err != "" {
			fmt.Fprintf(d.stderr, "%s: %s\n", r.pass, r.err)
			code = 1
			continue
		}
		for _, diag := range r.diags {
			if len(diag.SuggestedFixes) == 0 {
				continue
			}
			// Test variants report the same finding again.
			k := r.pass + "\x00" + diag.Posn + "\x00" + diag.Message
			if seen[k] {
				continue
			}
			seen[k] = true
			sf := diag.SuggestedFixes[0]
			fixes = append(fixes, &fix{pass: r.pass, posn: diag.Posn, message: sf.Message, edits: sf.Edits})
		}
	}

	// Fixes in generated files are skipped, as multichecker does.
	generated := make(map[string]bool)
	isGenerated := func(name string) bool {
		g, ok := generated[name]
		if !ok {
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.PackageClauseOnly|parser.ParseComments)
			g = err == nil && ast.IsGenerated(f)
			generated[name] = g
		}
		return g
	}
	var usable []*fix
	for _, f := range fixes {
		gen := false
		for _, e := range f.edits {
			gen = gen || isGenerated(e.Filename)
		}
		if !gen {
			usable = append(usable, f)
		}
	}

	// Two fixes conflict when they edit overlapping ranges of a file
	// (or insert different text at one offset). Identical edits from two
	// fixes are one edit.
	overlaps := func(a, b jsonTextEdit) bool {
		if a.Filename != b.Filename || a == b {
			return false
		}
		if a.Start == a.End && b.Start == b.End {
			return a.Start == b.Start
		}
		return a.Start < b.End && b.Start < a.End || a.Start == b.Start
	}
	for i, a := range usable {
		for _, b := range usable[i+1:] {
			for _, ea := range a.edits {
				for _, eb := range b.edits {
					if overlaps(ea, eb) {
						a.conflict, b.conflict = true, true
					}
				}
			}
		}
	}
	edits := make(map[string][]jsonTextEdit)
	applied := make(map[string][]*fix)
	for _, f := range usable {
		if f.conflict {
			fmt.Fprintf(d.stderr, "memlint: %s: fix %q of %s not applied: it overlaps another fix (fix one by hand and run memlint -fix again)\n", f.posn, f.message, f.pass)
			code = 1
			continue
		}
		for _, e := range f.edits {
			if !containsEdit(edits[e.Filename], e) {
				edits[e.Filename] = append(edits[e.Filename], e)
			}
			applied[e.Filename] = append(applied[e.Filename], f)
		}
	}

	for _, name := range sortedKeys(edits) {
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(d.stderr, "memlint: %v\n", err)
			code = 1
			continue
		}
		out, err := applyEdits(src, edits[name])
		if err == nil {
			out, err = format.Source(out)
		}
		if err != nil {
			fmt.Fprintf(d.stderr, "memlint: %s: fixes not applied: %v\n", name, err)
			code = 1
			continue
		}
		if d.opts.diff {
			d.stdout.WriteString(unifiedDiff(name, src, out))
			continue
		}
		if err := writeFileAtomic(name, out); err != nil {
			fmt.Fprintf(d.stderr, "memlint: %v\n", err)
			code = 1
		}
	}
	return code
}

func containsEdit(list []jsonTextEdit, e jsonTextEdit) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

// applyEdits applies non-overlapping edits to src.
func applyEdits(src []byte, edits []jsonTextEdit) ([]byte, error) {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("invalid edit at offset %d (the file changed since it was analysed?)", e.Start)
		}
		out.Write(src[last:e.Start])
		out.WriteString(e.New)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// writeFileAtomic replaces name by data with a rename, keeping its mode.
func writeFileAtomic(name string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".memlint-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), mode)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), name)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

// unifiedDiff returns a unified diff of a and b with one hunk spanning the
// changed lines (plus three lines of context).
func unifiedDiff(name string, a, b []byte) string {
	al := splitLines(a)
	bl := splitLines(b)
	pre := 0
	for pre < len(al) && pre < len(bl) && al[pre] == bl[pre] {
		pre++
	}
	suf := 0
	for suf < len(al)-pre && suf < len(bl)-pre && al[len(al)-1-suf] == bl[len(bl)-1-suf] {
		suf++
	}
	if pre == len(al) && pre == len(bl) {
		return ""
	}
	const ctx = 3
	start := max(pre-ctx, 0)
	aEnd := min(len(al)-suf+ctx, len(al))
	bEnd := min(len(bl)-suf+ctx, len(bl))
	var s strings.Builder
	fmt.Fprintf(&s, "--- %s (old)\n+++ %s (new)\n", name, name)
	fmt.Fprintf(&s, "@@ -%d,%d +%d,%d @@\n", start+1, aEnd-start, start+1, bEnd-start)
	for _, l := range al[start:pre] {
		s.WriteString(" " + l)
	}
	for _, l := range al[pre : len(al)-suf] {
		s.WriteString("-" + l)
	}
	for _, l := range bl[pre : len(bl)-suf] {
		s.WriteString("+" + l)
	}
	for _, l := range al[len(al)-suf : aEnd] {
		s.WriteString(" " + l)
	}
	return s.String()
}

func splitLines(b []byte) []string {
	var lines []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			lines = append(lines, string(b)+"\n\\ No newline at end of file\n")
			break
		}
		lines = append(lines, string(b[:i+1]))
		b = b[i+1:]
	}
	return lines
}
