package driver

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint"

	"github.com/memlint/memlint/internal/analysisjson"
	"github.com/memlint/memlint/internal/testutil"
)

func TestParseArgs(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		delegate bool
		pass     []string
		build    []string
		patterns []string
		err      string
	}{
		{args: []string{"./..."}, patterns: []string{"./..."}},
		{args: []string{"-json", "-multipart=false", "-bigbuffer.max-bytes=4MiB", "std"},
			pass: []string{"-multipart=false", "-bigbuffer.max-bytes=4MiB"}, patterns: []string{"std"}},
		{args: []string{"-unclosed", "./a", "./b"}, pass: []string{"-unclosed=true"}, patterns: []string{"./a", "./b"}},
		{args: []string{"-test=false", "-c", "2", "./..."}, patterns: []string{"./..."}},
		{args: []string{"unit.cfg"}, delegate: true},
		{args: []string{"-json", "/tmp/x/vet.cfg"}, delegate: true},
		{args: []string{"-V=full"}, delegate: true},
		{args: []string{"-flags"}, delegate: true},
		{args: []string{"help"}, delegate: true},
		{args: []string{"help", "multipart"}, delegate: true},
		{args: nil, delegate: true},
		{args: []string{"-cpuprofile", "cpu.out", "./..."}, delegate: true},
		{args: []string{"-tags=a,b", "-race", "-mod=mod", "./..."}, build: []string{"-tags=a,b", "-race=true", "-mod=mod"}, patterns: []string{"./..."}},
		{args: []string{"-diff", "./..."}, patterns: []string{"./..."}},
		// Usage errors: one line naming the flag, the value and what
		// is accepted.
		{args: []string{"-nosuchflag", "./..."}, err: "unknown flag -nosuchflag (memlint help lists the flags)"},
		{args: []string{"-bigbuffer.max-bytes=4MB", "./..."}, err: `invalid value "4MB" for flag -bigbuffer.max-bytes: want a number of bytes such as 1048576, 1<<20 or 1MiB (units B, KiB, MiB, GiB)`},
		{args: []string{"-multipart=maybe", "./..."}, err: `invalid boolean value "maybe" for -multipart: want true or false`},
		{args: []string{"-c=x", "./..."}, err: `invalid value "x" for flag -c: want an integer`},
		{args: []string{"-c=5000", "./..."}, err: `invalid value "5000" for flag -c: want a number of lines from 0 to 1000`},
		{args: []string{"-mod=bogus", "./..."}, err: `invalid value "bogus" for flag -mod: want one of readonly, vendor, mod`},
		{args: []string{"-overlay=o.json", "./..."}, err: "unknown flag -overlay (memlint help lists the flags)"},
		{args: []string{"-v", "./..."}, err: "unknown flag -v (memlint help lists the flags)"},
	} {
		o := parseArgs(tc.args, memlint.Analyzers)
		if tc.err != "" || o.err != nil {
			if o.err == nil || o.err.Error() != tc.err {
				t.Errorf("%q: error %v, want %q", tc.args, o.err, tc.err)
			}
			continue
		}
		if o.delegate != tc.delegate {
			t.Errorf("%q: delegate = %v, want %v", tc.args, o.delegate, tc.delegate)
			continue
		}
		if tc.delegate {
			continue
		}
		if !slices.Equal(o.passArgs, tc.pass) {
			t.Errorf("%q: pass flags %q, want %q", tc.args, o.passArgs, tc.pass)
		}
		if !slices.Equal(o.buildFlags, tc.build) {
			t.Errorf("%q: build flags %q, want %q", tc.args, o.buildFlags, tc.build)
		}
		if !slices.Equal(o.patterns, tc.patterns) {
			t.Errorf("%q: patterns %q, want %q", tc.args, o.patterns, tc.patterns)
		}
	}
	// Restore the flags the cases set on the shared analyzers.
	for _, a := range memlint.Analyzers {
		resetFlags(a)
	}
}

func resetFlags(a *analysis.Analyzer) {
	a.Flags.VisitAll(func(f *flag.Flag) { f.Value.Set(f.DefValue) })
}

func TestPkgPath(t *testing.T) {
	for id, want := range map[string]string{
		"fmt":            "fmt",
		"fmt [fmt.test]": "fmt",
		"encoding/json_test [encoding/json.test]": "encoding/json_test",
	} {
		if got := pkgPath(id); got != want {
			t.Errorf("pkgPath(%q) = %q, want %q", id, got, want)
		}
	}
}

// rootWith returns a root unit whose analysis JSON reports diags for pass
// and whose files are files (analysed as they are now).
func rootWith(t *testing.T, d *driver, id, pass string, diags []analysisjson.Diagnostic, files ...string) *unit {
	t.Helper()
	data, err := json.Marshal(map[string]map[string]any{id: {pass: diags}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		d.files.hash(f)
	}
	return &unit{p: &listPackage{ImportPath: id, GoFiles: files, CompiledGoFiles: files}, root: true, json: data}
}

// testDriver returns a driver writing to buffers.
func testDriver(o *options) (*driver, *strings.Builder, *strings.Builder) {
	var stdout, stderr strings.Builder
	if o.context == 0 {
		o.context = -1
	}
	return &driver{opts: o, stdout: &stdout, stderr: &stderr}, &stdout, &stderr
}

func TestApplyFixesSkipsOverlaps(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	src := "package a\n\nfunc F() {\n\tx := 1\n\t_ = x\n}\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	at := strings.Index(src, "x := 1")
	edit := func(start, end int, text string) analysisjson.SuggestedFix {
		return analysisjson.SuggestedFix{Message: "Fix", Edits: []analysisjson.TextEdit{{Filename: name, Start: start, End: end, New: text}}}
	}
	diags := []analysisjson.Diagnostic{
		// Two fixes rewriting the same range: neither is applied.
		{Posn: name + ":4:2", Message: "one", SuggestedFixes: []analysisjson.SuggestedFix{edit(at, at+6, "x := 2")}},
		{Posn: name + ":4:2", Message: "two", SuggestedFixes: []analysisjson.SuggestedFix{edit(at+5, at+6, "3")}},
		// A fix elsewhere is applied, and formatted.
		{Posn: name + ":5:2", Message: "three", SuggestedFixes: []analysisjson.SuggestedFix{edit(strings.Index(src, "_ = x"), strings.Index(src, "_ = x")+5, "_ =   x + 1")}},
	}
	d, _, stderr := testDriver(&options{fix: true})
	roots := []*unit{
		rootWith(t, d, "a", "p", diags, name),
		rootWith(t, d, "a [a.test]", "p", diags, name), // a test variant repeats every finding
	}
	if code := d.applyFixes(roots); code != 1 {
		t.Errorf("exit code %d, want 1 (fixes skipped)", code)
	}
	got, _ := os.ReadFile(name)
	want := "package a\n\nfunc F() {\n\tx := 1\n\t_ = x + 1\n}\n"
	if string(got) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	msgs := stderr.String()
	if n := strings.Count(msgs, "overlaps another fix"); n != 2 {
		t.Errorf("want both overlapping fixes named once, got:\n%s", msgs)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".a.go.memlint-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestUnifiedDiff(t *testing.T) {
	a := "a\nb\nc\nd\ne\nf\ng\nh\n"
	b := "a\nb\nc\nd\nE\nf\ng\nh\n"
	want := "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n"
	if got := unifiedDiff("f", []byte(a), []byte(b)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// Two changes far apart are two hunks, not one spanning the file.
	var lines []string
	for i := range 40 {
		lines = append(lines, fmt.Sprintf("l%d\n", i))
	}
	a = strings.Join(lines, "")
	lines[5], lines[35] = "L5\n", "L35\n"
	b = strings.Join(lines, "")
	got := unifiedDiff("f", []byte(a), []byte(b))
	if n := strings.Count(got, "\n@@ "); n != 2 || strings.Count(got, "\n ") != 12 || strings.Contains(got, "l20") {
		t.Errorf("two distant changes: %d hunks, want 2 with 3 lines of context each:\n%s", n, got)
	}
	// A file without a final newline.
	got = unifiedDiff("f", []byte("a\nb"), []byte("a\nc"))
	if want := "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"; got != want {
		t.Errorf("no final newline: got\n%q\nwant\n%q", got, want)
	}
}

func TestPrintTextDedupsAndExitCode(t *testing.T) {
	diags := []analysisjson.Diagnostic{{Posn: "/x/a.go:3:1", End: "/x/a.go:3:5", Message: "m",
		Related: []analysisjson.RelatedInformation{{Posn: "/x/a.go:4:1", End: "/x/a.go:4:2", Message: "here"}}},
		{Posn: "/y/b.go:1:1", End: "/y/b.go:1:2", Message: "n", SuggestedFixes: []analysisjson.SuggestedFix{{Message: "Fix"}}}}
	d, stdout, stderr := testDriver(&options{})
	d.cwd = "/x"
	roots := []*unit{rootWith(t, d, "a", "p", diags), rootWith(t, d, "a [a.test]", "p", diags)}
	if code := d.printText(roots); code != 3 {
		t.Errorf("exit code %d, want 3", code)
	}
	// Findings on stdout, relative to the current directory when under
	// it, with the pass name and the fix marker.
	want := "a.go:3:1: m (p)\na.go:4:1: \there\n/y/b.go:1:1: n (p, fixable)\n"
	if stdout.String() != want || stderr.String() != "" {
		t.Errorf("stdout %q, stderr %q; want stdout %q and no stderr", stdout, stderr, want)
	}
}

func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runMemlint(t *testing.T, bin, dir, cache string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "MEMLINT_CACHE="+cache)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

// TestDependencyThenRoot is go vet's Go 1.26 cache defect turned into a
// test: a package analysed first only as a dependency must still report its
// findings when it is later analysed as a root, from the same cache.
func TestDependencyThenRoot(t *testing.T) {
	if testing.Short() {
		t.Skip("builds memlint")
	}
	bin := testutil.Memlint(t)
	dir := writeModule(t, map[string]string{
		"go.mod": "module m\n\ngo 1.26\n",
		"x/x.go": `package x

import "net/http"

func H(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		return
	}
	w.Write(nil)
}
`,
		"y/y.go": "package y\n\nimport \"m/x\"\n\nvar Handler = x.H\n",
		"bad/bad.go": `package bad

func F() int {
	return "x"
}
`,
	})
	cache := t.TempDir()
	if out, code := runMemlint(t, bin, dir, cache, "./y"); code != 0 {
		t.Fatalf("memlint ./y: exit %d, want 0\n%s", code, out)
	}
	for i := range 2 { // the second run comes from the cache
		out, code := runMemlint(t, bin, dir, cache, "./x")
		if code != 3 || !strings.Contains(out, "x.go:6:12: ParseMultipartForm") {
			t.Fatalf("run %d: memlint ./x after ./y: exit %d, want 3 and the finding\n%s", i, code, out)
		}
	}
	out, code := runMemlint(t, bin, dir, cache, "./...")
	if code != 1 || !strings.Contains(out, "bad.go:4:9: cannot use") || strings.Contains(out, "goroutine") {
		t.Fatalf("memlint ./... with a type error: exit %d, want 1 and a file:line error\n%s", code, out)
	}
	out, code = runMemlint(t, bin, dir, cache, "-json", "./x", "./y")
	var tree map[string]map[string][]analysisjson.Diagnostic
	if err := json.Unmarshal([]byte(out), &tree); err != nil || code != 0 {
		t.Fatalf("memlint -json: exit %d, %v\n%s", code, err, out)
	}
	if len(tree["m/x"]["multipart"]) != 1 {
		t.Errorf("memlint -json: want one multipart finding in m/x, got\n%s", out)
	}
	if out, code := runMemlint(t, bin, dir, cache, "-multipart=false", "./x"); code != 0 {
		t.Errorf("memlint -multipart=false ./x: exit %d, want 0\n%s", code, out)
	}
}
