package driver

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/memlint/memlint/internal/analysisjson"
)

// fix is the first suggested fix of one finding, with its edits resolved
// to the files they change.
type fix struct {
	f        *finding
	message  string
	edits    []analysisjson.TextEdit // Filename: the file the offsets belong to
	skip     string                  // why it is not applied, if it is not
	conflict bool
}

// applyFixes applies the first suggested fix of every finding, as
// multichecker -fix does, with these differences:
//   - an edit applies only to one of the package's own source files, the
//     one its offsets belong to: x/tools' JSON names the file a //line
//     directive names, with the offsets of the file that holds the
//     directive; a fix that would edit any other file (outside the
//     package, cgo's output) is skipped and named;
//   - a fix on a file that changed since it was analysed is skipped and
//     named, and the exit status is 1;
//   - two fixes that overlap are both skipped and named (exit status 1);
//   - every file is replaced by an atomic rename, so it is written whole
//     or not at all; a symbolic link is followed and its target written,
//     and a read-only file is refused, as gofmt -w does.
//
// With -diff the changes are printed as a unified diff instead, file names
// relative to the current directory with git's a/ and b/ prefixes, which
// git apply accepts. The findings left unfixed are printed (not with -diff)
// and counted on stderr; the exit status is then 3.
func (d *driver) applyFixes(roots []*unit) int {
	items, problems := d.findings(roots)
	code := 0
	for _, p := range problems {
		fmt.Fprintln(d.stderr, p)
		code = 1
	}
	files := &fileSet{d: d}
	var fixes []*fix
	for _, it := range items {
		if !it.hasFix() {
			continue
		}
		sf := it.diag.SuggestedFixes[0]
		fx := &fix{f: it, message: sf.Message}
		fx.edits, fx.skip = files.resolve(it.u, sf.Edits)
		fixes = append(fixes, fx)
	}
	skipped := func(fx *fix, why string) {
		fmt.Fprintf(d.stderr, "memlint: %s: fix %q of %s not applied: %s\n", d.rel(fx.f.diag.Posn), fx.message, fx.f.pass, why)
	}

	// Fixes in generated files are skipped, as multichecker does.
	var usable []*fix
	for _, fx := range fixes {
		switch {
		case fx.skip != "":
			skipped(fx, fx.skip)
			if strings.Contains(fx.skip, errChanged) {
				code = 1
			}
		case !slices.ContainsFunc(fx.edits, func(e analysisjson.TextEdit) bool { return files.generated(e.Filename) }):
			usable = append(usable, fx)
		}
	}

	// Two fixes conflict when they edit overlapping ranges of a file
	// (or insert different text at one offset). Identical edits from two
	// fixes are one edit.
	overlaps := func(a, b analysisjson.TextEdit) bool {
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
	edits := make(map[string][]analysisjson.TextEdit)
	byFile := make(map[string][]*fix)
	for _, fx := range usable {
		if fx.conflict {
			skipped(fx, "it overlaps another fix (fix one by hand and run memlint -fix again)")
			code = 1
			continue
		}
		for _, e := range fx.edits {
			if !containsEdit(edits[e.Filename], e) {
				edits[e.Filename] = append(edits[e.Filename], e)
			}
			if !slices.Contains(byFile[e.Filename], fx) {
				byFile[e.Filename] = append(byFile[e.Filename], fx)
			}
		}
	}

	failed := make(map[*fix]bool)
	for _, name := range sortedKeys(edits) {
		fail := func(format string, args ...any) {
			fmt.Fprintf(d.stderr, "memlint: %s: fixes not applied: %s\n", d.rel(name), fmt.Sprintf(format, args...))
			code = 1
			for _, fx := range byFile[name] {
				failed[fx] = true
			}
		}
		src, err := files.current(name)
		if err != nil {
			fail("%v", err)
			continue
		}
		out, err := applyEdits(src, edits[name])
		if err == nil {
			out, err = format.Source(out)
		}
		if err != nil {
			fail("%v", err)
			continue
		}
		if d.opts.diff {
			d.stdout.Write([]byte(unifiedDiff(d.diffName(name), src, out)))
			continue
		}
		if err := writeFix(name, out); err != nil {
			fail("%v", err)
		}
	}
	fixed := 0
	var left []*finding
	done := make(map[*finding]bool)
	for _, fx := range usable {
		if !fx.conflict && !failed[fx] {
			done[fx.f] = true
			fixed++
		}
	}
	for _, it := range items {
		if !done[it] {
			left = append(left, it)
		}
	}
	if len(left) > 0 {
		verb := "fixed"
		if d.opts.diff {
			verb = "fixed by the diff"
		} else {
			d.writeText(d.stdout, left)
		}
		fmt.Fprintf(d.stderr, "memlint: %d of %d findings %s; %d not (no fix, or not applied)\n", fixed, len(items), verb, len(left))
		if code == 0 {
			code = 3
		}
	}
	return code
}

// errChanged is the reason given for a fix on a file that changed during
// the run.
const errChanged = "changed since it was analysed"

// fileSet knows, for the fixes of one run, each file's content, its //line
// mapping and whether it changed since it was analysed.
type fileSet struct {
	d     *driver
	files map[string]*srcFile
	gen   map[string]bool
}

type srcFile struct {
	content []byte
	err     error
	tf      *token.File // nil when the file has no //line directive
}

// load reads name once and checks it against the hash the run analysed.
func (s *fileSet) load(name string) *srcFile {
	if f, ok := s.files[name]; ok {
		return f
	}
	if s.files == nil {
		s.files = make(map[string]*srcFile)
	}
	f := &srcFile{}
	s.files[name] = f
	f.content, f.err = os.ReadFile(name)
	if f.err != nil {
		return f
	}
	h := sha256.Sum256(f.content)
	if known, ok := s.d.files.known(name); !ok || known != hex.EncodeToString(h[:]) {
		f.err = fmt.Errorf("%s %s", s.d.rel(name), errChanged)
		return f
	}
	if bytes.Contains(f.content, []byte("line ")) { // maybe //line or /*line
		fset := token.NewFileSet()
		parser.ParseFile(fset, name, f.content, parser.ParseComments|parser.SkipObjectResolution)
		fset.Iterate(func(tf *token.File) bool { f.tf = tf; return false })
	}
	return f
}

// current returns the content of name as analysed.
func (s *fileSet) current(name string) ([]byte, error) {
	f := s.load(name)
	return f.content, f.err
}

// names returns the file name the analysis printed for offset off of the
// file (the name a //line directive gives, else its own), and whether off
// is in the file.
func (f *srcFile) names(name string, off int) (string, bool) {
	if off < 0 || off > len(f.content) {
		return "", false
	}
	if f.tf == nil || f.tf.Size() != len(f.content) {
		return name, true
	}
	return f.tf.PositionFor(f.tf.Pos(off), true).Filename, true
}

// resolve finds, for each edit of a fix reported by u, the file its
// offsets belong to: the one of u's compiled files whose name at those
// offsets (after //line directives) is the edit's file name. The fix is
// skipped, with the reason, unless that file is unique, is one of the
// package's own source files, and is unchanged since it was analysed.
func (s *fileSet) resolve(u *unit, edits []analysisjson.TextEdit) ([]analysisjson.TextEdit, string) {
	own := make(map[string]bool)
	for _, f := range u.p.abs(u.p.GoFiles) {
		own[filepath.Clean(f)] = true
	}
	compiled := u.p.abs(u.p.CompiledGoFiles)
	var out []analysisjson.TextEdit
	for _, e := range edits {
		want := filepath.Clean(e.Filename)
		var found []string
		var loadErr error
		for _, c := range compiled {
			f := s.load(c)
			if f.err != nil {
				if filepath.Clean(c) == want {
					return nil, f.err.Error()
				}
				loadErr = cmp.Or(loadErr, f.err)
				continue
			}
			a, ok1 := f.names(c, e.Start)
			b, ok2 := f.names(c, e.End)
			if ok1 && ok2 && filepath.Clean(a) == want && filepath.Clean(b) == want {
				found = append(found, c)
			}
		}
		switch {
		case len(found) == 0 && loadErr != nil:
			return nil, loadErr.Error()
		case len(found) == 0:
			return nil, fmt.Sprintf("its edit of %s is not in any file of package %s", s.d.rel(e.Filename), u.p.ImportPath)
		case len(found) > 1:
			return nil, fmt.Sprintf("//line directives make its edit of %s ambiguous", s.d.rel(e.Filename))
		case !own[filepath.Clean(found[0])]:
			return nil, fmt.Sprintf("its edit falls in %s, generated from %s (cgo), not in a source file", found[0], s.d.rel(e.Filename))
		}
		e.Filename = found[0]
		out = append(out, e)
	}
	return out, ""
}

// generated reports whether name is a generated file.
func (s *fileSet) generated(name string) bool {
	g, ok := s.gen[name]
	if !ok {
		f, err := parser.ParseFile(token.NewFileSet(), name, s.load(name).content, parser.PackageClauseOnly|parser.ParseComments)
		g = err == nil && ast.IsGenerated(f)
		if s.gen == nil {
			s.gen = make(map[string]bool)
		}
		s.gen[name] = g
	}
	return g
}

// diffName is the name of a file in a -diff: relative to the current
// directory when it is under it (git apply strips the a/ and b/).
func (d *driver) diffName(name string) string {
	if r := d.rel(name); r != name {
		return filepath.ToSlash(r)
	}
	return name
}

func containsEdit(list []analysisjson.TextEdit, e analysisjson.TextEdit) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

// applyEdits applies non-overlapping edits to src.
func applyEdits(src []byte, edits []analysisjson.TextEdit) ([]byte, error) {
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

// writeFix writes the fixed content of name as gofmt -w would: through a
// symbolic link to its target (the link stays a link), never to a
// read-only file.
func writeFix(name string, data []byte) error {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	st, err := os.Stat(target)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("%s is read-only", target)
	}
	return writeFileAtomic(target, data, st.Mode().Perm())
}

// writeFileAtomic replaces name by data with a rename, with mode.
func writeFileAtomic(name string, data []byte, mode os.FileMode) error {
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

// unifiedDiff returns a unified diff of a and b, one hunk per group of
// changes with three lines of context, as git diff and go vet -diff print
// it (go-udiff is x/tools' internal diff package, exported).
func unifiedDiff(name string, a, b []byte) string {
	from, to := "a/"+name, "b/"+name
	if filepath.IsAbs(name) {
		from, to = name, name
	}
	return udiff.Unified(from, to, string(a), string(b))
}
