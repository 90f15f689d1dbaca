package main

import (
	"context"
	"errors"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestCorpus runs memlint on the whole real-world corpus and fails on a
// finding without a verdict, a crash or a module that could not be
// analysed (what "go run ./corpus" exits 1 for). It downloads every
// module and its dependencies through the Go module proxy and analyses
// them (see docs/validation.md for its time), so it runs only with
// MEMLINT_CORPUS=1; MEMLINT_CORPUS_CACHE names its cache directory.
func TestCorpus(t *testing.T) {
	if testing.Short() || os.Getenv("MEMLINT_CORPUS") != "1" {
		t.Skip("downloads and analyses the real-world corpus; set MEMLINT_CORPUS=1 to run")
	}
	args := []string{"-j", "2"}
	if dir := os.Getenv("MEMLINT_CORPUS_CACHE"); dir != "" {
		args = append(args, "-cache", dir)
	}
	var stdout, stderr strings.Builder
	code := Main(args, &stdout, &stderr)
	t.Log(stdout.String())
	if code != 0 {
		t.Fatalf("go run ./corpus exited %d:\n%s", code, stderr.String())
	}
}

func TestReadLabels(t *testing.T) {
	labels, err := readLabels("labels")
	if err != nil {
		t.Fatal(err)
	}
	mods, err := readModules("modules.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(mods) < 25 {
		t.Errorf("modules.txt pins %d modules, want at least 25", len(mods))
	}
	for _, l := range labels {
		if strings.HasPrefix(l.reason, "REVIEW") || strings.TrimSpace(l.reason) == "" {
			t.Errorf("%s: a label needs a reviewed one-line reason", l.src)
		}
	}
}

func TestReadModulesToolchain(t *testing.T) {
	file := filepath.Join(t.TempDir(), "modules.txt")
	data := "# comment\n" +
		"example.com/a@v1.0.0\tplain\n" +
		"example.com/b@v1.0.0\tnewer Go\ttoolchain=go1.27.3 ./x/... ./y/...\n" +
		"example.com/c@v1.0.0\tnewer Go, whole module\ttoolchain=go1.27.3\n" +
		"example.com/d@v1.0.0\tbuild tags\ttags=google toolchain=go1.27.3 ./internal/...\n" +
		"example.com/e@v1.0.0\tstubbed\tstub=code.as/core/socks stub=example.com/gone . ./cmd/...\n" +
		"example.com/f@v1.0.0\trefused\tunavailable ./sys\n" +
		"example.com/g@v1.0.0\ta test variant refused\tpartial\n"
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	mods, err := readModules(file)
	if err != nil {
		t.Fatal(err)
	}
	want := []module{
		{path: "example.com/a@v1.0.0", domain: "plain", patterns: []string{"./..."}},
		{path: "example.com/b@v1.0.0", domain: "newer Go", patterns: []string{"./x/...", "./y/..."}, toolchain: "go1.27.3"},
		{path: "example.com/c@v1.0.0", domain: "newer Go, whole module", patterns: []string{"./..."}, toolchain: "go1.27.3"},
		{path: "example.com/d@v1.0.0", domain: "build tags", patterns: []string{"./internal/..."}, toolchain: "go1.27.3", tags: "google"},
		{path: "example.com/e@v1.0.0", domain: "stubbed", patterns: []string{".", "./cmd/..."}, stubs: []string{"code.as/core/socks", "example.com/gone"}},
		{path: "example.com/f@v1.0.0", domain: "refused", patterns: []string{"./sys"}, unavailable: true},
		{path: "example.com/g@v1.0.0", domain: "a test variant refused", patterns: []string{"./..."}, partial: true},
	}
	if !reflect.DeepEqual(mods, want) {
		t.Errorf("readModules:\n got %+v\nwant %+v", mods, want)
	}
}

// TestStubModfile checks the -modfile copy replaces a stubbed module by
// its directory under corpus/stubs and leaves go.mod alone, and that a
// stub that does not exist is an error, not a silent skip.
func TestStubModfile(t *testing.T) {
	root, dir := t.TempDir(), t.TempDir()
	gomod := "module example.com/svc\n\ngo 1.22\n\nrequire code.as/core/socks v1.0.0\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), []byte("sum\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := stubModfile(root, dir, []string{"code.as/core/socks"}, nil); err == nil {
		t.Fatal("stubModfile with no stub directory: no error")
	}
	sd := filepath.Join(root, "corpus", "stubs", "code.as", "core", "socks")
	if err := os.MkdirAll(sd, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sd, "go.mod"), []byte("module code.as/core/socks\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	modfile, err := stubModfile(root, dir, []string{"code.as/core/socks"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(modfile)
	if err != nil {
		t.Fatal(err)
	}
	if want := gomod + "\nreplace code.as/core/socks => " + sd + "\n"; string(got) != want {
		t.Errorf("%s:\n%s\nwant\n%s", modfile, got, want)
	}
	if sum, err := os.ReadFile(filepath.Join(dir, "go.memlint.sum")); err != nil || string(sum) != "sum\n" {
		t.Errorf("go.memlint.sum = %q, %v; want a copy of go.sum", sum, err)
	}
	if orig, _ := os.ReadFile(filepath.Join(dir, "go.mod")); string(orig) != gomod {
		t.Errorf("go.mod changed: %q", orig)
	}
}

// TestDepModfile checks a dep= module is replaced by its directory in the
// module's tree, that a missing directory is an error, and that
// readModules refuses a dep outside the tree.
func TestDepModfile(t *testing.T) {
	root, dir := t.TempDir(), t.TempDir()
	gomod := "module example.com/svc\n\ngo 1.22\n\nrequire example.com/tools v0.1.0\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	deps := []string{"example.com/tools=_deps/tools"}
	if _, err := stubModfile(root, dir, nil, deps); err == nil {
		t.Fatal("stubModfile with no dep directory: no error")
	}
	dd := filepath.Join(dir, "_deps", "tools")
	if err := os.MkdirAll(dd, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dd, "go.mod"), []byte("module example.com/tools\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	modfile, err := stubModfile(root, dir, nil, deps)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(modfile)
	if err != nil {
		t.Fatal(err)
	}
	if want := gomod + "\nreplace example.com/tools => " + dd + "\n"; string(got) != want {
		t.Errorf("%s:\n%s\nwant\n%s", modfile, got, want)
	}
	list := filepath.Join(t.TempDir(), "modules.txt")
	for line, wantErr := range map[string]bool{
		"example.com/svc@v1\tsvc\tdep=example.com/tools=_deps/tools ./...": false,
		"example.com/svc@v1\tsvc\tdep=example.com/tools=../tools ./...":    true,
		"example.com/svc@v1\tsvc\tdep=example.com/tools ./...":             true,
	} {
		if err := os.WriteFile(list, []byte(line+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		mods, err := readModules(list)
		if (err != nil) != wantErr {
			t.Errorf("readModules(%q) = %v, want error %v", line, err, wantErr)
		}
		if err == nil && (len(mods) != 1 || len(mods[0].deps) != 1 || len(mods[0].patterns) != 1) {
			t.Errorf("readModules(%q) = %+v", line, mods)
		}
	}
}

func TestNamedSite(t *testing.T) {
	for _, c := range []struct {
		msg  string
		file string
		line int
		ok   bool
	}{
		{"api/info/info.go:37: info.(*Handler).Handle reads the request body whole (io.ReadAll)", "api/info/info.go", 37, true},
		{"handler.go:9: x", "handler.go", 9, true},
		{"registered here, on a router with no body limit", "", 0, false},
		{"served here: x", "", 0, false},
		{"/abs/x.go:3: y", "", 0, false},
		{"../x.go:3: y", "", 0, false},
		{"x.go:three: y", "", 0, false},
	} {
		file, line, ok := namedSite(c.msg)
		if file != c.file || line != c.line || ok != c.ok {
			t.Errorf("namedSite(%q) = %q, %d, %v; want %q, %d, %v", c.msg, file, line, ok, c.file, c.line, c.ok)
		}
	}
}

// A package memlint names as not analysed is mapped to its directory in
// the module, so that the labels there are shown as missed for that
// reason; other stderr lines, and packages of other modules, are not.
func TestUnanalysedDirs(t *testing.T) {
	got := unanalysedDirs("github.com/photoview/photoview/api@91cbeb4", []string{
		"# github.com/Kagami/go-face",
		"classify.cc:2:10: fatal error: dlib/graph_utils.h: No such file or directory",
		"memlint: github.com/photoview/photoview/api/graphql/resolvers: not analysed: it depends on github.com/Kagami/go-face, which could not be analysed",
		"memlint: github.com/photoview/photoview/api: not analysed: it depends on github.com/Kagami/go-face, which could not be analysed",
		"memlint: github.com/photoview/photoview/apiextra/x: not analysed: it depends on a, which could not be analysed",
		"memlint: example.com/other: not analysed: it depends on b, which could not be analysed",
	})
	want := map[string]string{
		"graphql/resolvers": "github.com/Kagami/go-face",
		".":                 "github.com/Kagami/go-face",
	}
	if !maps.Equal(got, want) {
		t.Errorf("unanalysedDirs = %v, want %v", got, want)
	}
}

// A module none of whose packages loads (a dependency that cannot be
// found) was not analysed: noneLoads says so; one good package is enough
// to count.
func TestNoneLoads(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n\ngo 1.22\n")
	write("bad/bad.go", "package bad\n\nimport _ \"example.com/m/nothere\"\n")
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	ctx := context.Background()
	if !noneLoads(ctx, env, dir, []string{"./..."}) {
		t.Errorf("noneLoads = false for a module whose only package imports a missing one")
	}
	write("good/good.go", "package good\n")
	if noneLoads(ctx, env, dir, []string{"./..."}) {
		t.Errorf("noneLoads = true with a package that loads")
	}
}

// TestPruneCaches checks that the memlint caches of binaries other than the
// current ones are removed, except the n most recently used, and that the
// older shared layout (shards and trim.txt) goes too.
func TestPruneCaches(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	for i, name := range []string{"cur", "old1", "old2", "old3", "00", "ff", "running", "killed"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Join(p, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
		mod := now.Add(-time.Duration(i) * time.Hour)
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "trim.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// "running" is the oldest but marked by a live process (this one):
	// another harness run is filling it. "killed" carries the mark of a
	// process that has exited.
	release, err := markInUse(dir, map[string]bool{"running": true})
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	exited := exec.Command("go", "version")
	if err := exited.Run(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "killed", inUseMark+strconv.Itoa(exited.Process.Pid)), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"cur", "old1", "old2", "old3", "00", "ff", "running", "killed"} {
		// (Writing the marks changed their directories' times.)
		mod := now.Add(-time.Duration(i) * time.Hour)
		if err := os.Chtimes(filepath.Join(dir, name), mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	if err := pruneCaches(dir, map[string]bool{"cur": true}, 2); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if want := []string{"cur", "old1", "old2", "running"}; !slices.Equal(got, want) {
		t.Errorf("after pruning: %q, want %q", got, want)
	}
	release()
	if inUse(filepath.Join(dir, "running")) {
		t.Errorf("release left the in-use mark")
	}
	if err := pruneCaches(filepath.Join(dir, "missing"), nil, 2); err != nil {
		t.Errorf("a missing cache directory: %v", err)
	}
}

// TestCoverLabels checks that a labelled file in a package the patterns
// narrow away is analysed: its directory is added to the patterns, once,
// and labels the patterns already cover add nothing.
func TestCoverLabels(t *testing.T) {
	mods := []module{
		{path: "example.com/a@v1", patterns: []string{"./pkg/models/...", "./internal"}},
		{path: "example.com/b@v1", patterns: []string{"./..."}},
		{path: "example.com/c@v1", patterns: []string{"."}},
	}
	labels := []label{
		{mod: "example.com/a@v1", file: "pkg/models/task.go"},     // under ./pkg/models/...
		{mod: "example.com/a@v1", file: "pkg/models/sub/x.go"},    // under ./pkg/models/...
		{mod: "example.com/a@v1", file: "internal/a.go"},          // ./internal itself
		{mod: "example.com/a@v1", file: "internal/deeper/b.go"},   // not under ./internal
		{mod: "example.com/a@v1", file: "pkg/user/delete.go"},     // outside
		{mod: "example.com/a@v1", file: "pkg/user/token.go"},      // same directory: added once
		{mod: "example.com/a@v1", file: "main.go"},                // the root
		{mod: "example.com/b@v1", file: "any/where.go"},           // ./... covers all
		{mod: "example.com/c@v1", file: "main.go"},                // . is the root
		{mod: "example.com/c@v1", file: "cmd/tool/main.go"},       // outside
		{mod: "example.com/unknown@v1", file: "pkg/unknown/x.go"}, // no such module: ignored
	}
	coverLabels(mods, labels)
	want := [][]string{
		{"./pkg/models/...", "./internal", "./internal/deeper", "./pkg/user", "."},
		{"./..."},
		{".", "./cmd/tool"},
	}
	for i, m := range mods {
		if !reflect.DeepEqual(m.patterns, want[i]) {
			t.Errorf("%s: patterns %q, want %q", m.path, m.patterns, want[i])
		}
	}
}

// TestFlags checks that runs with memlint flags are kept apart from runs
// of the same binary without them, and that -flags takes only flags.
func TestFlags(t *testing.T) {
	if got := flagsID("abc", nil); got != "abc" {
		t.Errorf("flagsID without flags = %q, want the binary's id", got)
	}
	strict := flagsID("abc", []string{"-querylimit.strict"})
	if strict == "abc" || !strings.HasPrefix(strict, "abc-") {
		t.Errorf("flagsID with -querylimit.strict = %q, want abc-<hash>", strict)
	}
	if other := flagsID("abc", []string{"-querylimit.max-rows=5"}); other == strict {
		t.Errorf("two flag sets share the id %q", other)
	}
	var stderr strings.Builder
	if code := Main([]string{"-flags", "querylimit.strict"}, io.Discard, &stderr); code != 2 || !strings.Contains(stderr.String(), "is not a flag") {
		t.Errorf("Main(-flags querylimit.strict) = %d, %q; want 2 and a usage error", code, stderr.String())
	}
}

// TestInitModule checks that a version from before modules gets a go.mod
// naming its path, and that a module's own go.mod is left alone.
func TestInitModule(t *testing.T) {
	old := t.TempDir()
	if err := initModule(old, "github.com/eapache/go-resiliency@v1.2.0"); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(old, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "module github.com/eapache/go-resiliency\n\ngo 1.16\n"; string(got) != want {
		t.Errorf("go.mod = %q, want %q", got, want)
	}
	mod := t.TempDir()
	own := "module example.com/m\n\ngo 1.22\n"
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := initModule(mod, "example.com/m@v1.0.0"); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(mod, "go.mod")); string(got) != own {
		t.Errorf("a module's own go.mod changed: %q", got)
	}
}

// TestUnavailable checks that the labels of a module marked unavailable
// that cannot be analysed are neither false negatives nor a failure, that
// a failure of any other module still fails the run, and that a marked
// module that was analysed is scored and named for its mark to go.
func TestUnavailable(t *testing.T) {
	gone := module{path: "example.com/gone@v1.0.0", unavailable: true}
	back := module{path: "example.com/back@v1.0.0", unavailable: true}
	labels := []label{
		{mod: gone.path, pass: "blockedsend", file: "a.go", line: 3, flag: true},
		{mod: back.path, pass: "blockedsend", file: "b.go", line: 4, flag: true},
	}
	outs := []*outcome{
		{mod: gone, err: errors.New("403 Forbidden")},
		{mod: back},
	}
	for _, out := range outs {
		out.markUnavailable()
	}
	r := score(options{}, []module{gone, back}, outs, labels)
	if len(r.fn) != 1 || r.fn[0].mod != back.path {
		t.Errorf("false negatives = %+v, want only %s's", r.fn, back.path)
	}
	if r.failed() {
		t.Error("an unavailable module failed the run")
	}
	var b strings.Builder
	r.print(&b, options{})
	for _, want := range []string{"UNAVAILABLE example.com/gone@v1.0.0 (marked in modules.txt), its labels not scored: 403 Forbidden", "AVAILABLE example.com/back@v1.0.0: analysed and scored; remove its unavailable mark"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
	broken := &outcome{mod: gone, skipped: []string{"sys/proc.go:33:41: undefined: system.GetClockTicks"}}
	broken.markUnavailable()
	if broken.unavailable == nil || broken.err != nil {
		t.Errorf("a marked module whose packages do not type-check: unavailable %v, err %v", broken.unavailable, broken.err)
	}
	outs[0] = &outcome{mod: module{path: gone.path}, err: errors.New("403 Forbidden")}
	outs[0].markUnavailable()
	if !score(options{}, []module{gone, back}, outs, labels).failed() {
		t.Error("a module not marked unavailable that fails did not fail the run")
	}
}

// TestPartial checks that load or type-check errors fail the run unless
// modules.txt marks the module partial, that the report says which, and
// that a partial module that loads whole is named for its mark to go.
func TestPartial(t *testing.T) {
	lost := []string{"memlint: example.com/a/face: not analysed: it depends on github.com/Kagami/go-face, which could not be analysed"}
	plain := module{path: "example.com/a@v1.0.0"}
	marked := module{path: "example.com/b@v1.0.0", partial: true}
	whole := module{path: "example.com/c@v1.0.0", partial: true}
	mods := []module{plain, marked, whole}
	run := func(outs ...*outcome) (*report, string) {
		r := score(options{}, mods, outs, nil)
		var b strings.Builder
		r.print(&b, options{})
		return r, b.String()
	}

	r, text := run(&outcome{mod: plain, skipped: lost}, &outcome{mod: marked, skipped: lost}, &outcome{mod: whole})
	if !r.failed() {
		t.Error("load errors in a module not marked partial did not fail the run")
	}
	for _, want := range []string{
		"LOAD ERRORS example.com/a@v1.0.0: 1 lines of load or type-check errors, e.g. " + lost[0] + ": packages memlint did not analyse",
		"example.com/b@v1.0.0: 1 lines of load or type-check errors (partial, as modules.txt says)",
		"COMPLETE example.com/c@v1.0.0: every package loaded; remove its partial mark",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "LOAD ERRORS example.com/b") {
		t.Errorf("a partial module's load errors are reported as unexpected:\n%s", text)
	}

	if r, text := run(&outcome{mod: plain}, &outcome{mod: marked, skipped: lost}, &outcome{mod: whole}); r.failed() {
		t.Errorf("load errors only in a module marked partial failed the run:\n%s", text)
	}

	// The C compiler's warnings for a cgo package that built (traggo's
	// go-sqlite3) cost no package; its errors, and any line after them, do.
	warnings := []string{
		"# github.com/mattn/go-sqlite3",
		"sqlite3-binding.c: In function ‘sqlite3SelectNew’:",
		"sqlite3-binding.c:123303:10: warning: function may return address of local variable [-Wreturn-local-addr]",
		"123303 |   return pNew;",
		"       |          ^~~~",
		"sqlite3-binding.c:123263:10: note: declared here",
	}
	if r, text := run(&outcome{mod: plain, skipped: warnings}, &outcome{mod: marked}, &outcome{mod: whole}); r.failed() || strings.Contains(text, "LOAD ERRORS") {
		t.Errorf("compiler warnings failed the run or were listed as load errors:\n%s", text)
	}
	failed := []string{
		"# github.com/Kagami/go-face",
		"In file included from facerec.cc:1:",
		"facerec.h:3:10: fatal error: dlib/dnn.h: No such file or directory",
	}
	for _, skipped := range [][]string{failed, append(slices.Clone(warnings), lost...)} {
		out := &outcome{mod: plain, skipped: skipped}
		if r, text := run(out, &outcome{mod: marked}, &outcome{mod: whole}); !r.failed() {
			t.Errorf("lost %q: the run did not fail:\n%s", out.lost(), text)
		}
	}
	if got := (&outcome{skipped: append(slices.Clone(warnings), lost...)}).lost(); !reflect.DeepEqual(got, lost) {
		t.Errorf("lost() after a warnings block = %q, want %q", got, lost)
	}
}
