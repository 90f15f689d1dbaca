package driver

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint"
)

func TestParseArgs(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		delegate bool
		pass     []string
		patterns []string
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
		{args: []string{"-nosuchflag", "./..."}, delegate: true},
		{args: []string{"-bigbuffer.max-bytes=lots", "./..."}, delegate: true}, // invalid value: multichecker says why
		{args: []string{"-cpuprofile", "cpu.out", "./..."}, delegate: true},
	} {
		o := parseArgs(tc.args, memlint.Analyzers)
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

// rootWith returns a root unit whose analysis JSON reports diags for pass.
func rootWith(t *testing.T, id, pass string, diags []jsonDiagnostic) *unit {
	t.Helper()
	data, err := json.Marshal(map[string]map[string]any{id: {pass: diags}})
	if err != nil {
		t.Fatal(err)
	}
	return &unit{p: &listPackage{ImportPath: id}, root: true, json: data}
}

func TestApplyFixesSkipsOverlaps(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	src := "package a\n\nfunc F() {\n\tx := 1\n\t_ = x\n}\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	at := strings.Index(src, "x := 1")
	edit := func(start, end int, text string) jsonSuggestedFix {
		return jsonSuggestedFix{Message: "Fix", Edits: []jsonTextEdit{{Filename: name, Start: start, End: end, New: text}}}
	}
	diags := []jsonDiagnostic{
		// Two fixes rewriting the same range: neither is applied.
		{Posn: name + ":4:2", Message: "one", SuggestedFixes: []jsonSuggestedFix{edit(at, at+6, "x := 2")}},
		{Posn: name + ":4:2", Message: "two", SuggestedFixes: []jsonSuggestedFix{edit(at+5, at+6, "3")}},
		// A fix elsewhere is applied, and formatted.
		{Posn: name + ":5:2", Message: "three", SuggestedFixes: []jsonSuggestedFix{edit(strings.Index(src, "_ = x"), strings.Index(src, "_ = x")+5, "_ =   x + 1")}},
	}
	roots := []*unit{
		rootWith(t, "a", "p", diags),
		rootWith(t, "a [a.test]", "p", diags), // a test variant repeats every finding
	}
	stderr, err := os.CreateTemp(dir, "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer stderr.Close()
	d := &driver{opts: &options{fix: true}, stderr: stderr, stdout: os.Stdout}
	if code := d.applyFixes(roots); code != 1 {
		t.Errorf("exit code %d, want 1 (fixes skipped)", code)
	}
	got, _ := os.ReadFile(name)
	want := "package a\n\nfunc F() {\n\tx := 1\n\t_ = x + 1\n}\n"
	if string(got) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	msgs, _ := os.ReadFile(stderr.Name())
	if n := strings.Count(string(msgs), "overlaps another fix"); n != 2 {
		t.Errorf("want both overlapping fixes named once, got:\n%s", msgs)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".a.go.memlint-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestUnifiedDiff(t *testing.T) {
	a := "a\nb\nc\nd\ne\nf\ng\nh\n"
	b := "a\nb\nc\nd\nE\nf\ng\nh\n"
	want := "--- f (old)\n+++ f (new)\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n"
	if got := unifiedDiff("f", []byte(a), []byte(b)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestPrintTextDedupsAndExitCode(t *testing.T) {
	diags := []jsonDiagnostic{{Posn: "/x/a.go:3:1", End: "/x/a.go:3:5", Message: "m",
		Related: []jsonRelatedInform{{Posn: "/x/a.go:4:1", End: "/x/a.go:4:2", Message: "here"}}}}
	roots := []*unit{rootWith(t, "a", "p", diags), rootWith(t, "a [a.test]", "p", diags)}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := &driver{opts: &options{context: -1}, stderr: f}
	if code := d.printText(roots); code != 3 {
		t.Errorf("exit code %d, want 3", code)
	}
	out, _ := os.ReadFile(f.Name())
	want := "/x/a.go:3:1: m\n/x/a.go:4:1: \there\n"
	if string(out) != want {
		t.Errorf("output %q, want %q", out, want)
	}
}

// buildMemlint builds cmd/memlint for the end-to-end tests.
func buildMemlint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "memlint")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/memlint/memlint/cmd/memlint")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
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
	bin := buildMemlint(t)
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
	var tree map[string]map[string][]jsonDiagnostic
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
