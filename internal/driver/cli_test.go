package driver

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/memlint/memlint"

	"github.com/memlint/memlint/internal/analysisjson"
	"github.com/memlint/memlint/internal/testutil"
)

// TestMain lets this test binary stand in for memlint as the child process
// of drivers run in-process by the tests (runDriver): a child gets a *.cfg
// unit and runs the passes with unitchecker, as memlint does.
// MEMLINT_TEST_CHILD=truncate makes a root's child write half its JSON
// output and exit 0, as unitchecker does when the disk is full.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		if os.Getenv("MEMLINT_TEST_CHILD") == "truncate" {
			truncatingChild()
		}
		unitchecker.Main(memlint.Analyzers...)
		os.Exit(0)
	}
	code := m.Run()
	testutil.RemoveBuilt()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// truncatingChild writes the facts and half a JSON tree of a root unit and
// exits 0; for a facts-only unit it returns and the unit is analysed.
func truncatingChild() {
	data, err := os.ReadFile(os.Args[len(os.Args)-1])
	if err != nil {
		return
	}
	var cfg unitchecker.Config
	if json.Unmarshal(data, &cfg) != nil || cfg.VetxOnly {
		return
	}
	os.WriteFile(cfg.VetxOutput, []byte("facts"), 0o666)
	os.WriteFile(cfg.Stdout, []byte(`{"`+cfg.ID+`": {"multipart": [{"posn": "`), 0o666)
	os.Exit(0)
}

// runDriver runs the driver in-process in dir with this test binary as its
// child processes, the cache in cache ("off" for none), and returns its
// stdout, stderr and exit code.
func runDriver(t *testing.T, dir, cache string, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	t.Setenv("MEMLINT_CACHE", cache)
	o := parseArgs(args, memlint.Analyzers)
	defer func() {
		for _, a := range memlint.Analyzers {
			resetFlags(a)
		}
	}()
	if o.err != nil {
		t.Fatalf("memlint %q: %v", args, o.err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	d, stdout, stderr := testDriver(o)
	d.self = self
	done := make(chan int, 1)
	go func() { done <- d.run() }()
	select {
	case code := <-done:
		return stdout.String(), stderr.String(), code
	case <-time.After(10 * time.Minute):
		t.Fatalf("memlint %q in %s hangs", args, dir)
		return "", "", 0
	}
}

// loop is a package with one bigbuffer finding and no imports, which the
// tests analyse in well under a second.
const loop = `package x

func Loop(n int) {
	for range n {
		buf := make([]byte, 4<<20)
		_ = buf
	}
}
`

// loopFinding is the start of its finding.
const loopFinding = "x/x.go:5:10: make([]byte) allocates 4 MiB per loop iteration"

// handler is a package with one multipart finding (it has a fix); it
// imports net/http, whose dependencies take a minute or more to analyse
// on a loaded machine: the tests using it share one cache and are skipped
// with -short.
const handler = `package x

import "net/http"

func H(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		return
	}
	w.Write(nil)
}
`

// shared is the cache of the tests that analyse net/http.
var shared struct {
	once sync.Once
	dir  string
}

func sharedCache(t *testing.T) string {
	if testing.Short() {
		t.Skip("analyses net/http and its dependencies (a minute or more)")
	}
	shared.once.Do(func() { shared.dir, _ = os.MkdirTemp("", "memlint-test-cache-") })
	if shared.dir == "" {
		t.Fatal("cannot create the shared cache")
	}
	return shared.dir
}

// TestImportCycle: a cycle used to leave its units waiting forever.
func TestImportCycle(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/cyc\n\ngo 1.22\n",
		"a/a.go": "package a\n\nimport _ \"example.com/cyc/b\"\n",
		"b/b.go": "package b\n\nimport _ \"example.com/cyc/a\"\n",
		"c/c.go": "package c\n\nimport _ \"example.com/cyc/a\"\n",
		"x/x.go": loop,
	})
	stdout, stderr, code := runDriver(t, dir, "off", "./...")
	if code != 1 || !strings.Contains(stderr, "import cycle not allowed") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and go's import cycle error", code, stderr)
	}
	if !strings.Contains(stdout, loopFinding) {
		t.Errorf("the package outside the cycle is still analysed; stdout:\n%s", stdout)
	}
}

// needCgo skips a test that builds cgo files where they cannot be built.
func needCgo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler (gcc) on PATH: cannot test cgo files")
	}
	if out, _ := exec.Command("go", "env", "CGO_ENABLED").Output(); strings.TrimSpace(string(out)) != "1" {
		t.Skip("CGO_ENABLED is not 1: cannot test cgo files")
	}
}

// TestBrokenCgoDependency: a package whose cgo dependency does not build
// gets no files to compile from go list; it must be named as not
// analysed, not vanish from the run, and the rest is still analysed.
func TestBrokenCgoDependency(t *testing.T) {
	needCgo(t)
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/cg\n\ngo 1.22\n",
		"face/face.go": "package face\n\n// #include <memlint/no/such/header.h>\nimport \"C\"\n\nfunc Detect() int { return 1 }\n",
		"api/api.go":   "package api\n\nimport \"example.com/cg/face\"\n\nvar N = face.Detect()\n",
		"deep/deep.go": "package deep\n\nimport \"example.com/cg/api\"\n\nvar M = api.N\n",
		"x/x.go":       loop,
	})
	stdout, stderr, code := runDriver(t, dir, "off", "./...")
	if code != 1 || !strings.Contains(stderr, "no/such/header.h") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and cgo's error", code, stderr)
	}
	for _, pkg := range []string{"api", "deep"} {
		want := "memlint: example.com/cg/" + pkg + ": not analysed: it depends on example.com/cg/face, which could not be analysed"
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %s as not analysed; want %q in:\n%s", pkg, want, stderr)
		}
	}
	if !strings.Contains(stdout, loopFinding) {
		t.Errorf("the package that does not import it is still analysed; stdout:\n%s", stdout)
	}
}

// TestProfileGuidedMain: go list gives the dependencies of a main package
// with a default.pgo profile as variants of their own, unsafe included
// ("unsafe [example.com/pgo/cmd/app]"); that variant has no files, and was
// taken for a failed dependency, so the main package went unanalysed
// (gonic's and bulker's commands).
func TestProfileGuidedMain(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":              "module example.com/pgo\n\ngo 1.22\n",
		"cmd/app/main.go":     strings.Replace(loop, "package x", "package main\n\nimport _ \"unsafe\"\n\nfunc main() { Loop(1) }", 1),
		"cmd/app/default.pgo": "",
		"x/x.go":              strings.Replace(loop, "package x", "package x\n\nimport _ \"unsafe\"", 1),
	})
	stdout, stderr, code := runDriver(t, dir, "off", "./...")
	if strings.Contains(stderr, "not analysed") {
		t.Errorf("exit %d, stderr:\n%s\nwant no package left out", code, stderr)
	}
	for _, file := range []string{"cmd/app/main.go:", "x/x.go:"} {
		if !strings.Contains(stdout, file) {
			t.Errorf("no finding in %s; stdout:\n%s\nstderr:\n%s", file, stdout, stderr)
		}
	}
}

// jsonHandler is a handler with a jsonindent finding (the rows of a
// query, indented) whose fix replaces the MarshalIndent call.
const jsonHandler = `func Handler(w http.ResponseWriter, r *http.Request) {
	var db *sql.DB
	var items []string
	rows, _ := db.Query("SELECT name FROM items")
	for rows.Next() {
		items = append(items, "")
	}
	data, _ := json.MarshalIndent(items, "", "  ")
	w.Write(data)
}
`

const jsonImports = "import (\n\t\"database/sql\"\n\t\"encoding/json\"\n\t\"net/http\"\n)\n\n"

// TestFixLineDirective: x/tools' JSON names the file a //line directive
// names, with the offsets of the file holding the directive. A fix must
// edit that file (or none), never the named one: here outside the module.
func TestFixLineDirective(t *testing.T) {
	root := t.TempDir()
	victim := filepath.Join(root, "victim", "victim.go")
	victimSrc := "package victim\n\n// Victim is outside the module.\nfunc Victim() {}\n\n// more text, more text, more text, more text, more text\n"
	writeFiles(t, root, map[string]string{
		"victim/victim.go": victimSrc,
		"evil/go.mod":      "module evil\n\ngo 1.22\n",
		"evil/h/h.go":      "package h\n\n" + jsonImports + "//line ../../victim/victim.go:1\n" + jsonHandler,
		"evil/h/p.go": "package h\n\n" + jsonImports + strings.Replace(jsonHandler, "Handler", "Plain", 1) + `
func Big(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(64 << 20); err != nil {
		return
	}
	defer r.MultipartForm.RemoveAll()
}
`,
	})
	dir := filepath.Join(root, "evil")
	stdout, stderr, code := runDriver(t, dir, sharedCache(t), "-fix", "./...")
	if got, _ := os.ReadFile(victim); string(got) != victimSrc {
		t.Errorf("-fix rewrote a file outside the module:\n%s", got)
	}
	for _, name := range []string{"h.go", "p.go"} {
		got, _ := os.ReadFile(filepath.Join(dir, "h", name))
		if !strings.Contains(string(got), "data, _ := json.Marshal(items)\n") || strings.Contains(string(got), "MarshalIndent") {
			t.Errorf("%s: want the fix applied at its own offsets, got:\n%s", name, got)
		}
	}
	// The multipart finding has no fix: it is listed and counted, exit 3.
	if code != 3 || !strings.Contains(stdout, "h/p.go:21:12: ParseMultipartForm with maxMemory 64 MiB") ||
		!strings.Contains(stderr, "2 of 3 findings fixed; 1 not") {
		t.Errorf("exit %d, want 3 and the finding left\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestFixCgo: in a cgo file the offsets are those of cgo's output in the
// build cache; such a fix is skipped and named, and a plain file of the
// same package is still fixed.
func TestFixCgo(t *testing.T) {
	needCgo(t)
	cgoSrc := "package h\n\n// int twice(int x) { return 2 * x; }\nimport \"C\"\n\n" + jsonImports +
		"func Twice() int { return int(C.twice(2)) }\n\n" + jsonHandler + "\n// A comment a few lines lower,\n// which a misplaced edit would mangle.\n"
	dir := writeModule(t, map[string]string{
		"go.mod":  "module c\n\ngo 1.22\n",
		"h/c.go":  cgoSrc,
		"h/p.go":  "package h\n\n" + jsonImports + strings.Replace(jsonHandler, "Handler", "Plain", 1),
		"h/x.txt": "",
	})
	stdout, stderr, code := runDriver(t, dir, sharedCache(t), "-fix", "./...")
	if got, _ := os.ReadFile(filepath.Join(dir, "h", "c.go")); string(got) != cgoSrc {
		t.Errorf("-fix changed the cgo file:\n%s", got)
	}
	if !strings.Contains(stderr, "not applied") || !strings.Contains(stderr, "cgo") {
		t.Errorf("want the cgo fix named as not applied; stderr:\n%s", stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "h", "p.go")); !strings.Contains(string(got), "json.Marshal(items)") {
		t.Errorf("the plain file was not fixed:\n%s", got)
	}
	if code != 3 || !strings.Contains(stdout, "h/c.go:") {
		t.Errorf("exit %d, want 3 and the cgo file's finding listed\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestCacheDamaged: a truncated JSON entry and a garbage facts entry are
// misses, re-analysed and replaced, with one warning line.
func TestCacheDamaged(t *testing.T) {
	dir := writeModule(t, map[string]string{"go.mod": "module m\n\ngo 1.22\n", "x/x.go": loop, "y/y.go": "package y\n\nimport _ \"m/x\"\n"})
	cache := t.TempDir()
	if _, stderr, code := runDriver(t, dir, cache, "./..."); code != 3 {
		t.Fatalf("first run: exit %d, want 3\n%s", code, stderr)
	}
	jsons, _ := filepath.Glob(filepath.Join(cache, "*", "*-json"))
	vetxs, _ := filepath.Glob(filepath.Join(cache, "*", "*-vetx"))
	if len(jsons) != 2 || len(vetxs) != 2 {
		t.Fatalf("cache holds %d json and %d vetx entries, want 2 and 2", len(jsons), len(vetxs))
	}
	for _, j := range jsons {
		data, _ := os.ReadFile(j)
		os.WriteFile(j, data[:len(data)/2], 0o666)
	}
	for _, v := range vetxs {
		os.WriteFile(v, []byte("garbage"), 0o666)
	}
	for i, wantWarn := range []int{1, 0} {
		stdout, stderr, code := runDriver(t, dir, cache, "./...")
		if code != 3 || !strings.Contains(stdout, loopFinding) {
			t.Errorf("run %d after damage: exit %d, want 3 and the finding\nstdout:\n%s\nstderr:\n%s", i, code, stdout, stderr)
		}
		if n := strings.Count(stderr, "damaged cache entry"); n != wantWarn || strings.Count(stderr, "\n") != wantWarn {
			t.Errorf("run %d after damage: want %d warning line(s), got:\n%s", i, wantWarn, stderr)
		}
	}
}

// TestChildOutputIncomplete: unitchecker ignores errors writing its JSON
// output and exits 0 (a full disk); such a result is an error, is not
// cached, and the next run analyses the package.
func TestChildOutputIncomplete(t *testing.T) {
	dir := writeModule(t, map[string]string{"go.mod": "module m\n\ngo 1.22\n", "x/x.go": loop})
	cache := t.TempDir()
	t.Setenv("MEMLINT_TEST_CHILD", "truncate")
	stdout, stderr, code := runDriver(t, dir, cache, "./...")
	if code != 1 || !strings.Contains(stderr, "m/x: incomplete analysis output") {
		t.Errorf("truncated output: exit %d, want 1 and an error\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if jsons, _ := filepath.Glob(filepath.Join(cache, "*", "*-json")); len(jsons) != 0 {
		t.Errorf("incomplete output cached: %v", jsons)
	}
	t.Setenv("MEMLINT_TEST_CHILD", "")
	stdout, stderr, code = runDriver(t, dir, cache, "./...")
	if code != 3 || !strings.Contains(stdout, loopFinding) {
		t.Errorf("next run: exit %d, want 3 and the finding\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestCacheUnwritable: a cache directory that exists but cannot be written
// disables the cache with one line; the run itself works.
func TestCacheUnwritable(t *testing.T) {
	cache := t.TempDir()
	if os.Geteuid() == 0 {
		// Permissions do not stop root; /proc/self is a directory
		// nobody can create files in.
		cache = "/proc/self"
		if st, err := os.Stat(cache); err != nil || !st.IsDir() {
			t.Skip("running as root without /proc: cannot make an unwritable directory")
		}
	} else {
		os.Chmod(cache, 0o555)
		t.Cleanup(func() { os.Chmod(cache, 0o755) })
	}
	dir := writeModule(t, map[string]string{"go.mod": "module m\n\ngo 1.22\n", "x/x.go": loop})
	stdout, stderr, code := runDriver(t, dir, cache, "./...")
	if code != 3 || !strings.Contains(stdout, loopFinding) {
		t.Errorf("exit %d, want 3 and the finding\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.HasPrefix(stderr, "memlint: cache disabled: ") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("want one \"cache disabled\" line, got:\n%s", stderr)
	}
}

// TestBuildTags: -tags reaches go list, so files behind a build tag are
// analysed.
func TestBuildTags(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":   "module m\n\ngo 1.22\n",
		"x/x.go":   "//go:build special\n\n" + loop,
		"x/doc.go": "package x\n",
	})
	if stdout, _, code := runDriver(t, dir, "off", "./..."); code != 0 {
		t.Errorf("without -tags: exit %d, want 0\n%s", code, stdout)
	}
	stdout, stderr, code := runDriver(t, dir, "off", "-tags=special", "./...")
	if code != 3 || !strings.Contains(stdout, "x/x.go:7:10: make([]byte)") {
		t.Errorf("-tags=special: exit %d, want 3 and the finding\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestDiff: -diff alone prints a patch that git apply accepts, and writes
// nothing.
func TestDiff(t *testing.T) {
	dir := writeModule(t, map[string]string{"go.mod": "module m\n\ngo 1.22\n", "x/x.go": handler})
	stdout, stderr, code := runDriver(t, dir, sharedCache(t), "-diff", "./...")
	if code != 0 || !strings.HasPrefix(stdout, "--- a/x/x.go\n+++ b/x/x.go\n@@ ") || !strings.Contains(stdout, "+\tdefer r.MultipartForm.RemoveAll()\n") {
		t.Fatalf("exit %d, want 0 and a patch\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "x", "x.go")); string(got) != handler {
		t.Errorf("-diff changed the file")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git: cannot check that git apply accepts the patch")
	}
	patch := filepath.Join(t.TempDir(), "fix.patch")
	os.WriteFile(patch, []byte(stdout), 0o666)
	cmd := exec.Command("git", "apply", patch)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "x", "x.go")); !strings.Contains(string(got), "defer r.MultipartForm.RemoveAll()") {
		t.Errorf("git apply did not apply the fix:\n%s", got)
	}
}

// fixRoot writes src to dir/name and returns a driver and a root unit with
// one finding whose fix replaces old by new in it, analysed as src.
func fixRoot(t *testing.T, name, src, old, new string) (*driver, *unit, *strings.Builder) {
	t.Helper()
	at := strings.Index(src, old)
	diags := []analysisjson.Diagnostic{{Posn: name + ":1:1", Message: "m", SuggestedFixes: []analysisjson.SuggestedFix{{
		Message: "Fix", Edits: []analysisjson.TextEdit{{Filename: name, Start: at, End: at + len(old), New: new}}}}}}
	d, _, stderr := testDriver(&options{fix: true})
	return d, rootWith(t, d, "a", "p", diags, name), stderr
}

// TestFixFileChanged: a file edited after it was analysed keeps its new
// text; the fix is named and the exit status is 1.
func TestFixFileChanged(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.go")
	src := "package a\n\nvar X = 1\n"
	writeFiles(t, filepath.Dir(name), map[string]string{"a.go": src})
	d, u, stderr := fixRoot(t, name, src, "1", "2")
	edited := "package a\n\n// Edited meanwhile.\nvar X = 1\n"
	writeFiles(t, filepath.Dir(name), map[string]string{"a.go": edited})
	if code := d.applyFixes([]*unit{u}); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if got, _ := os.ReadFile(name); string(got) != edited {
		t.Errorf("a file changed during the run was rewritten:\n%s", got)
	}
	if !strings.Contains(stderr.String(), "not applied: a.go changed since it was analysed") &&
		!strings.Contains(stderr.String(), "changed since it was analysed") {
		t.Errorf("want the fix named; stderr:\n%s", stderr)
	}
}

// TestFixSymlinkAndReadOnly: -fix writes through a symbolic link to its
// target, and refuses a read-only file as gofmt -w does.
func TestFixSymlinkAndReadOnly(t *testing.T) {
	dir := t.TempDir()
	src := "package a\n\nvar X = 1\n"
	writeFiles(t, dir, map[string]string{"real/a.go": src, "ro.go": src})
	link := filepath.Join(dir, "a.go")
	if err := os.Symlink(filepath.Join(dir, "real", "a.go"), link); err != nil {
		t.Skipf("cannot create a symbolic link: %v", err)
	}
	d, u, stderr := fixRoot(t, link, src, "1", "2")
	if code := d.applyFixes([]*unit{u}); code != 0 {
		t.Errorf("symlink: exit %d, want 0\n%s", code, stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "real", "a.go")); string(got) != "package a\n\nvar X = 2\n" {
		t.Errorf("the link's target was not fixed:\n%s", got)
	}

	ro := filepath.Join(dir, "ro.go")
	os.Chmod(ro, 0o444)
	d, u, stderr = fixRoot(t, ro, src, "1", "2")
	if code := d.applyFixes([]*unit{u}); code != 1 || !strings.Contains(stderr.String(), "read-only") {
		t.Errorf("read-only: exit %d, want 1 and a message; stderr:\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(ro); string(got) != src {
		t.Errorf("a read-only file was rewritten:\n%s", got)
	}
}

func TestJobs(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want int
		bad  bool
	}{{"1", 1, false}, {"8", 8, false}, {"100000", maxJobs, false}, {"0", 0, true}, {"-2", 0, true}, {"many", 0, true}} {
		t.Setenv("MEMLINT_JOBS", tc.env)
		n, err := jobs()
		if (err != nil) != tc.bad || n != tc.want {
			t.Errorf("MEMLINT_JOBS=%s: %d, %v; want %d, error %v", tc.env, n, err, tc.want, tc.bad)
		}
	}
}

// TestCommandLine runs the memlint binary: findings on stdout with the
// pass name, nothing on stderr; a bad flag value is one line on stderr and
// exit status 2.
func TestCommandLine(t *testing.T) {
	bin := testutil.Memlint(t)
	dir := writeModule(t, map[string]string{"go.mod": "module m\n\ngo 1.22\n", "x/x.go": loop})
	run := func(args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "MEMLINT_CACHE=off")
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return stdout.String(), stderr.String(), code
	}
	stdout, stderr, code := run("./...")
	if code != 3 || stderr != "" || !strings.HasPrefix(stdout, loopFinding) || !strings.HasSuffix(stdout, " (bigbuffer)\n") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit 3, the finding on stdout with its pass, nothing on stderr", code, stdout, stderr)
	}
	stdout, stderr, code = run("-bigbuffer.max-bytes=4MB", "./...")
	want := "memlint: invalid value \"4MB\" for flag -bigbuffer.max-bytes: want a number of bytes such as 1048576, 1<<20 or 1MiB (units B, KiB, MiB, GiB)\n"
	if code != exitUsage || stdout != "" || stderr != want {
		t.Errorf("bad flag value: exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit 2 and one line: %s", code, stdout, stderr, want)
	}
	if _, stderr, code = run("-nosuchflag", "./..."); code != exitUsage || strings.Count(stderr, "\n") != 1 {
		t.Errorf("unknown flag: exit %d, stderr:\n%s\nwant exit 2 and one line", code, stderr)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFixEditResolution checks the fix side alone, on analysis JSON as
// x/tools writes it (an edit names the file a //line directive names, with
// the offsets of the file holding the directive), so it runs with -short:
// a //line directive naming a file outside the package, one naming
// another file of the package, and cgo's output (a compiled file that is
// not one of the package's own).
func TestFixEditResolution(t *testing.T) {
	root := t.TempDir()
	victimSrc := "package victim\n\n// Victim is outside the package; a misplaced edit would mangle it.\n"
	evil := "package h\n\n//line ../victim/victim.go:1\nvar A = 1\n"
	plain := "package h\n\nvar B = 1\n"
	origin := "package h\n\nimport \"C\"\n\nvar C = 1\n"
	cgoOut := "package h\n\n//line " + filepath.Join(root, "h", "c.go") + ":5:1\nvar C = 1\n"
	writeFiles(t, root, map[string]string{
		"victim/victim.go": victimSrc, "h/evil.go": evil, "h/plain.go": plain,
		"h/c.go": origin, "cache/c.cgo1.go": cgoOut,
	})
	file := func(rel string) string { return filepath.Join(root, rel) }
	edit := func(named, src string) analysisjson.SuggestedFix {
		at := strings.Index(src, "= 1") + 2
		return analysisjson.SuggestedFix{Message: "Fix", Edits: []analysisjson.TextEdit{{Filename: named, Start: at, End: at + 1, New: "2"}}}
	}
	diags := []analysisjson.Diagnostic{
		{Posn: file("victim/victim.go") + ":2:5", Message: "evil", SuggestedFixes: []analysisjson.SuggestedFix{edit(file("victim/victim.go"), evil)}},
		{Posn: file("h/plain.go") + ":3:5", Message: "plain", SuggestedFixes: []analysisjson.SuggestedFix{edit(file("h/plain.go"), plain)}},
		{Posn: file("h/c.go") + ":5:5", Message: "cgo", SuggestedFixes: []analysisjson.SuggestedFix{edit(file("h/c.go"), cgoOut)}},
	}
	d, stdout, stderr := testDriver(&options{fix: true})
	u := rootWith(t, d, "h", "p", diags, file("h/evil.go"), file("h/plain.go"), file("cache/c.cgo1.go"))
	u.p.GoFiles = []string{file("h/evil.go"), file("h/plain.go"), file("h/c.go")}
	code := d.applyFixes([]*unit{u})
	for name, want := range map[string]string{
		"victim/victim.go": victimSrc,
		"h/evil.go":        strings.Replace(evil, "= 1", "= 2", 1), // the file the offsets belong to
		"h/plain.go":       strings.Replace(plain, "= 1", "= 2", 1),
		"h/c.go":           origin,
		"cache/c.cgo1.go":  cgoOut,
	} {
		if got, _ := os.ReadFile(file(name)); string(got) != want {
			t.Errorf("%s after -fix:\n%s\nwant:\n%s", name, got, want)
		}
	}
	if code != 3 || !strings.Contains(stderr.String(), `fix "Fix" of p not applied: its edit falls in `+file("cache/c.cgo1.go")) ||
		!strings.Contains(stdout.String(), ":5:5: cgo (p, fixable)") || !strings.Contains(stderr.String(), "2 of 3 findings fixed; 1 not") {
		t.Errorf("exit %d, want 3 with the cgo fix named and its finding listed\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestDiffGitApply: -diff prints paths relative to the current directory
// with git's a/ and b/ prefixes; git apply accepts the patch.
func TestDiffGitApply(t *testing.T) {
	dir := t.TempDir()
	src := "package a\n\nvar X = 1\n"
	writeFiles(t, dir, map[string]string{"sub/a.go": src})
	name := filepath.Join(dir, "sub", "a.go")
	d, u, stderr := fixRoot(t, name, src, "1", "2")
	d.opts.diff = true
	d.cwd = dir
	var stdout strings.Builder
	d.stdout = &stdout
	if code := d.applyFixes([]*unit{u}); code != 0 {
		t.Errorf("exit %d, want 0\n%s", code, stderr)
	}
	want := "--- a/sub/a.go\n+++ b/sub/a.go\n@@ -1,3 +1,3 @@\n package a\n \n-var X = 1\n+var X = 2\n"
	if stdout.String() != want {
		t.Errorf("-diff printed:\n%s\nwant:\n%s", stdout.String(), want)
	}
	if got, _ := os.ReadFile(name); string(got) != src {
		t.Errorf("-diff wrote the file")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git: cannot check that git apply accepts the patch")
	}
	patch := filepath.Join(t.TempDir(), "fix.patch")
	os.WriteFile(patch, []byte(stdout.String()), 0o666)
	cmd := exec.Command("git", "apply", patch)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile(name); string(got) != "package a\n\nvar X = 2\n" {
		t.Errorf("after git apply:\n%s", got)
	}
}

// TestFailedUnitsWithDependencies: packages that fail to load but import
// others (a missing import here; replace directories missing from a
// module's proxy copy in the corpus's kafkaexporter) still pass through
// the scheduler when their dependencies are done. They once were left
// out of its count, so it closed its queue early and a later send
// panicked ("send on closed channel").
func TestFailedUnitsWithDependencies(t *testing.T) {
	t.Setenv("MEMLINT_JOBS", "1")
	files := map[string]string{
		"go.mod": "module example.com/fail\n\ngo 1.22\n",
		"a/a.go": "package a\n\nfunc A() {}\n",
		"x/x.go": loop,
	}
	for i := range 4 {
		files[fmt.Sprintf("bad%d/bad.go", i)] = "package bad\n\nimport (\n\t_ \"example.com/fail/a\"\n\t_ \"example.com/nosuch/pkg\"\n)\n"
	}
	// A chain, so that units are still being sent after the failed ones.
	prev := "a"
	for i := range 4 {
		name := fmt.Sprintf("c%d", i)
		files[name+"/c.go"] = "package " + name + "\n\nimport _ \"example.com/fail/" + prev + "\"\n"
		prev = name
	}
	dir := writeModule(t, files)
	stdout, stderr, code := runDriver(t, dir, "off", "./...")
	if code != 1 || !strings.Contains(stderr, "nosuch/pkg") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and the missing import named", code, stderr)
	}
	if !strings.Contains(stdout, loopFinding) {
		t.Errorf("the packages that load are still analysed; stdout:\n%s", stdout)
	}
}

// TestBrokenTestFile: a package whose _test.go does not type-check is
// still analysed, without its tests: its test variant, which holds all its
// files and is the unit its findings come from, fails, so the package
// itself is analysed in full and reported. The type error is printed and
// the exit status is 1.
func TestBrokenTestFile(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":      "module example.com/brokentest\n\ngo 1.22\n",
		"x/x.go":      loop,
		"x/x_test.go": "package x\n\nfunc TestX() { nope() }\n",
	})
	cache := t.TempDir()
	stdout, stderr, code := runDriver(t, dir, cache, "./...")
	if code != 1 || !strings.Contains(stderr, "x_test.go:3:16: undefined: nope") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and the type error", code, stderr)
	}
	if !strings.Contains(stdout, loopFinding) {
		t.Errorf("the package's own files are still analysed; stdout:\n%s", stdout)
	}
	// Twice: the second run takes the package's full results from the cache.
	if stdout, _, _ := runDriver(t, dir, cache, "./..."); !strings.Contains(stdout, loopFinding) {
		t.Errorf("second run lost the finding; stdout:\n%s", stdout)
	}
}
