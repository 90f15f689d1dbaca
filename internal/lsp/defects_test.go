package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/analysisjson"
	"github.com/memlint/memlint/internal/testutil"
	"github.com/memlint/memlint/passes/multipart"
)

// Regression tests for the language-server defects of issue 12: findings
// and quick fixes under //line directives and in cgo files (items 2 and
// 9), the driver's process group on shutdown (item 7) and an import cycle
// that must not stop later analyses (item 1).

// sharedCache is one MEMLINT_CACHE for the driver-engine tests that only
// need the standard library's facts computed once.
var sharedCache struct {
	once sync.Once
	dir  string
}

func driverCache(t *testing.T) string {
	sharedCache.once.Do(func() {
		sharedCache.dir, _ = os.MkdirTemp("", "memlint-lsp-cache")
	})
	return sharedCache.dir
}

// haveCgo reports whether cgo packages can be built here.
func haveCgo(t *testing.T) bool {
	t.Helper()
	out, err := exec.Command("go", "env", "CGO_ENABLED", "CC").Output()
	if err != nil {
		return false
	}
	f := strings.Fields(string(out))
	if len(f) == 0 || f[0] != "1" {
		return false
	}
	cc := "gcc"
	if len(f) > 1 {
		cc = f[1]
	}
	_, err = exec.LookPath(cc)
	return err == nil
}

const leakyHandler = `func %s(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}
`

// TestOwnFiles: a //line directive naming a file outside the package, and
// cgo's //line directives, must not move a finding or a quick fix to
// another file. Every quick fix edits only the package's own files, at
// the bytes that were analysed; a fix whose offsets come from cgo's
// output is withheld; a finding in a cgo file is shown (both engines).
func TestOwnFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http from source")
	}
	// One package holds the three cases, so that each engine loads
	// net/http once: upload.go (plain), evil.go (a directive naming a
	// file outside the package) and, with a C compiler, c.go (cgo).
	evil := "package upload\n\nimport \"net/http\"\n\n//line ../victim/victim.go:1:1\n" + fmt.Sprintf(leakyHandler, "Evil")
	extra := map[string]string{
		"upload/evil.go":   evil,
		"victim/victim.go": "package victim\n\n// Victim's comment must stay as it is.\n",
	}
	cgo := haveCgo(t)
	if cgo {
		extra["upload/c.go"] = "package upload\n\n// int two(void) { return 2; }\nimport \"C\"\n\nimport \"net/http\"\n\nvar _ = C.two\n\n" + fmt.Sprintf(leakyHandler, "InC")
	} else {
		t.Log("no C compiler (or CGO_ENABLED=0): the cgo case is skipped")
	}
	for _, engine := range []string{"checker", "driver"} {
		t.Run(engine, func(t *testing.T) {
			dir := module(t, extra)
			// multipart alone: the other passes' facts over net/http's
			// dependencies would only cost time here.
			opts := Options{Analyzers: []*analysis.Analyzer{multipart.Analyzer}}
			if engine == "driver" {
				t.Setenv("MEMLINT_CACHE", driverCache(t))
				opts.Driver, opts.DriverFlags = testutil.Memlint(t), []string{"-multipart"}
			}
			c := startServerWith(t, opts)
			c.initialize(false)
			open := func(name string) (string, DocumentURI, string) {
				path := filepath.Join(dir, filepath.FromSlash(name))
				text, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				u := fileURI(path)
				c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
					URI: u, LanguageID: "go", Version: 1, Text: string(text),
				}})
				return path, u, string(text)
			}
			// checkFix asks for the quick fixes at the one diagnostic of u
			// and, if want, applies the only one and checks the result.
			checkFix := func(name string, u DocumentURI, text string, line uint32, want bool) {
				t.Helper()
				pub := c.waitDiagnostics(u, 1)
				if len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Range.Start.Line != line {
					t.Errorf("%s: diagnostics %+v, want one on line %d", name, pub.Diagnostics, line+1)
					return
				}
				var actions []CodeAction
				if err := c.call(MethodTextDocumentCodeAction, CodeActionParams{
					TextDocument: TextDocumentIdentifier{URI: u},
					Range:        pub.Diagnostics[0].Range,
				}, &actions); err != nil {
					t.Fatal(err)
				}
				if !want {
					if len(actions) != 0 {
						t.Errorf("%s: quick fixes %+v, want none (offsets of cgo's output)", name, actions)
					}
					return
				}
				if len(actions) != 1 || actions[0].Edit == nil {
					t.Errorf("%s: code actions %+v, want one fix", name, actions)
					return
				}
				for eu := range actions[0].Edit.Changes {
					if eu != u {
						t.Errorf("%s: the quick fix edits %s", name, eu)
					}
				}
				fixed := apply(t, text, actions[0].Edit.Changes[u])
				if !strings.Contains(fixed, "\t\treturn\n\t}\n\tdefer r.MultipartForm.RemoveAll()\n\tw.WriteHeader") {
					t.Errorf("%s: edited file:\n%s", name, fixed)
				}
			}

			_, uu, utext := open("upload/upload.go")
			_, eu, etext := open("upload/evil.go")
			vpath, vu, _ := open("victim/victim.go")
			var cu DocumentURI
			var ctext string
			if cgo {
				_, cu, ctext = open("upload/c.go")
			}
			checkFix("upload.go", uu, utext, 9, true)
			// Evil's call is on line 7 of evil.go, not in victim.go.
			checkFix("evil.go", eu, etext, 6, true)
			if pub := c.waitDiagnostics(vu, 1); len(pub.Diagnostics) != 0 {
				t.Errorf("victim.go: diagnostics %+v, want none", pub.Diagnostics)
			}
			if cgo {
				// The call is on line 11 of c.go; the fix's offsets are
				// those of cgo's output: withheld.
				checkFix("c.go", cu, ctext, 10, false)
			}
			if data, _ := os.ReadFile(vpath); !strings.Contains(string(data), "Victim's comment must stay") {
				t.Errorf("victim.go changed:\n%s", data)
			}
			if code := c.exit(); code != 0 {
				t.Errorf("exit status %d", code)
			}
		})
	}
}

// After an import cycle, a save in another package is still analysed: the
// package in the cycle is not handed to the driver (whose scheduler waited
// forever on units that could never become ready).
func TestImportCycleThenSave(t *testing.T) {
	if testing.Short() {
		t.Skip("builds memlint")
	}
	bin := testutil.Memlint(t)
	t.Setenv("MEMLINT_CACHE", driverCache(t))
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":   "module example.com/cyc\n\ngo 1.22\n",
		"a/a.go":   "package a\n\nimport _ \"example.com/cyc/b\"\n",
		"b/b.go":   "package b\n\nimport _ \"example.com/cyc/a\"\n",
		"c/c.go":   "package c\n\nimport _ \"example.com/cyc/a\"\n",
		"ok/ok.go": "package ok\n\nfunc OK() int { return 1 }\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := startServer(t, bin)
	c.initialize(false)
	wait := func(u DocumentURI) {
		t.Helper()
		deadline := time.After(90 * time.Second)
		for {
			c.mu.Lock()
			n := len(c.diags[u])
			c.mu.Unlock()
			if n > 0 {
				return
			}
			select {
			case <-c.news:
			case <-deadline:
				t.Fatalf("%s was never analysed (server log:\n%s)", u, c.log)
			}
		}
	}
	for _, name := range []string{"a/a.go", "c/c.go", "ok/ok.go"} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		u := fileURI(path)
		c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
			URI: u, LanguageID: "go", Version: 1, Text: files[name],
		}})
		if name == "ok/ok.go" {
			c.notify(MethodTextDocumentDidSave, DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: u}})
		}
		wait(u)
	}
	if !strings.Contains(c.log.String(), "import cycle not allowed") {
		t.Errorf("log does not name the cycle:\n%s", c.log)
	}
	if code := c.exit(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// markedProcesses lists the processes (other than this one) whose
// environment holds mark, with their command lines.
func markedProcesses(t *testing.T, mark string) []string {
	t.Helper()
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	var out []string
	for _, d := range dirs {
		pid, _ := strconv.Atoi(filepath.Base(d))
		if pid == os.Getpid() {
			continue
		}
		env, err := os.ReadFile(filepath.Join(d, "environ"))
		if err != nil || !bytes.Contains(env, []byte(mark)) {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join(d, "cmdline"))
		out = append(out, fmt.Sprintf("%d %s", pid, bytes.ReplaceAll(cmdline, []byte{0}, []byte{' '})))
	}
	return out
}

// waitBigChild waits until a process marked with mark is a driver child
// analysing a big package (a unitchecker run on a *.cfg unit, which names
// the package), so that an orphan would outlive its parent by seconds,
// and returns the marked processes.
func waitBigChild(t *testing.T, mark string) []string {
	t.Helper()
	big := map[string]bool{"runtime": true, "reflect": true, "syscall": true, "net": true, "net/http": true, "crypto/tls": true}
	deadline := time.Now().Add(3 * time.Minute)
	for {
		procs := markedProcesses(t, mark)
		for _, p := range procs {
			for _, arg := range strings.Fields(p) {
				if !strings.HasSuffix(arg, ".cfg") {
					continue
				}
				var cfg struct{ ImportPath string }
				if data, err := os.ReadFile(arg); err == nil && json.Unmarshal(data, &cfg) == nil && big[cfg.ImportPath] {
					return procs
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no driver child on a big package seen; processes: %q", procs)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// noneLeft fails the test if marked processes outlive a short grace: a
// killed group is gone at once, an orphaned child would still be
// analysing its package.
func noneLeft(t *testing.T, mark string, before []string) {
	t.Helper()
	time.Sleep(200 * time.Millisecond)
	if left := markedProcesses(t, mark); len(left) > 0 {
		t.Errorf("processes left after exit:\n%s\n(before exit:\n%s)", strings.Join(left, "\n"), strings.Join(before, "\n"))
	}
}

// Shutdown and exit in the middle of a driver-engine analysis leave no
// process behind: neither the driver nor its per-package children.
func TestShutdownKillsDriverGroup(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an analysis of net/http's dependency graph")
	}
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("needs /proc to find the driver's processes")
	}
	bin := testutil.Memlint(t)
	t.Setenv("MEMLINT_CACHE", t.TempDir()) // cold: the driver has work to do
	mark := fmt.Sprintf("memlint-lsp-group-test-%d", time.Now().UnixNano())
	t.Setenv("MEMLINT_LSP_TEST_MARK", mark)
	dir := module(t, nil)
	path := filepath.Join(dir, "upload", "upload.go")
	text, _ := os.ReadFile(path)
	c := startServer(t, bin)
	c.initialize(false)
	c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: fileURI(path), LanguageID: "go", Version: 1, Text: string(text),
	}})
	procs := waitBigChild(t, mark)
	if code := c.exit(); code != 0 {
		t.Errorf("exit status %d", code)
	}
	noneLeft(t, mark, procs)
}

// SIGTERM to `memlint lsp` in the middle of an analysis: the server ends
// and leaves no process behind.
func TestSIGTERMKillsDriverGroup(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an analysis of net/http's dependency graph")
	}
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("needs /proc to find the driver's processes")
	}
	bin := testutil.Memlint(t)
	mark := fmt.Sprintf("memlint-lsp-sigterm-test-%d", time.Now().UnixNano())
	dir := module(t, nil)
	path := filepath.Join(dir, "upload", "upload.go")
	text, _ := os.ReadFile(path)

	cmd := exec.Command(bin, "lsp", "-debounce=10ms")
	cmd.Env = append(os.Environ(), "MEMLINT_CACHE="+t.TempDir(), "MEMLINT_LSP_TEST_MARK="+mark)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	send := func(v any) {
		data, _ := json.Marshal(v)
		fmt.Fprintf(stdin, "Content-Length: %d\r\n\r\n%s", len(data), data)
	}
	send(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}})
	send(map[string]any{"jsonrpc": "2.0", "method": "initialized", "params": map[string]any{}})
	send(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
		"uri": fileURI(path), "languageId": "go", "version": 1, "text": string(text),
	}}})
	procs := waitBigChild(t, mark)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("memlint lsp did not exit after SIGTERM; log:\n%s", stderr.String())
	}
	noneLeft(t, mark, procs)
}

// The driver engine's conversion of analysis JSON under the exact
// shape: `//line ../victim/victim.go:1` (no column) above a handler whose
// jsonindent finding and fix x/tools prints as victim.go with evil.go's
// offsets. The finding and the fix land in evil.go, at the right bytes.
func TestConverterLineDirective(t *testing.T) {
	dir := t.TempDir()
	evilSrc := `package evil

import (
	"encoding/json"
	"net/http"
)

//line ../victim/victim.go:1
func Handler(w http.ResponseWriter, r *http.Request) {
	var items []string
	for _, v := range r.URL.Query()["q"] {
		items = append(items, v)
	}
	data, _ := json.MarshalIndent(items, "", "  ")
	w.Write(data)
}
`
	for name, content := range map[string]string{
		"go.mod":           "module example.com/evilm\n\ngo 1.22\n",
		"evil/evil.go":     evilSrc,
		"victim/victim.go": "package victim\n\n// a comment\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	evil := filepath.Join(dir, "evil", "evil.go")
	victim := filepath.Join(dir, "victim", "victim.go")
	pf, err := packageFiles(context.Background(), filepath.Dir(evil), false)
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(evilSrc, "MarshalIndent")
	args := strings.Index(evilSrc, `, "", "  "`)
	// What `memlint -jsonindent -json` prints for it.
	js := fmt.Sprintf(`{"posn": %[1]q, "end": %[1]q, "message": "json.MarshalIndent of []string (unbounded)",
		"suggested_fixes": [{"message": "Use Marshal without indentation", "edits": [
			{"filename": %[2]q, "start": %[3]d, "end": %[4]d, "new": "Marshal"},
			{"filename": %[2]q, "start": %[5]d, "end": %[6]d, "new": ""}]}]}`,
		victim+":6", victim, start, start+len("MarshalIndent"), args, args+len(`, "", "  "`))
	var d analysisjson.Diagnostic
	if err := json.Unmarshal([]byte(js), &d); err != nil {
		t.Fatal(err)
	}
	c := converter{packageFileSet: pf, seen: make(map[findingKey]bool)}
	c.add("jsonindent", "", d)
	r := pf.reports[canonical(evil)]
	if r == nil || len(r.findings) != 1 {
		t.Fatalf("evil.go findings: %+v", r)
	}
	f := r.findings[0]
	if f.diag.Range.Start.Line != 13 {
		t.Errorf("finding on line %d, want 14", f.diag.Range.Start.Line+1)
	}
	if len(f.fixes) != 1 || len(f.fixes[0].edits) != 1 || f.fixes[0].edits[evil] == nil {
		t.Fatalf("fixes %+v, want one editing evil.go", f.fixes)
	}
	fixed := apply(t, evilSrc, f.fixes[0].edits[evil])
	if !strings.Contains(fixed, "data, _ := json.Marshal(items)\n") {
		t.Errorf("fixed evil.go:\n%s", fixed)
	}
	if c.dropped != 0 {
		t.Errorf("%d fixes dropped", c.dropped)
	}
	// The same edit given an offset past evil.go's end is withheld.
	d.SuggestedFixes[0].Edits[0].End = len(evilSrc) + 10
	d.Message += " again"
	c.add("jsonindent", "", d)
	if n := len(r.findings); n != 2 || len(r.findings[1].fixes) != 0 || c.dropped != 1 {
		t.Errorf("out-of-range edit: %d findings, fixes %+v, dropped %d", n, r.findings[n-1].fixes, c.dropped)
	}
}
