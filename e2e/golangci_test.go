package e2e_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/memlint/memlint"
	"github.com/memlint/memlint/internal/testutil"
)

// golangciVersion is the golangci-lint release the plugin is built into;
// its golang.org/x/tools must not be older than memlint's.
const golangciVersion = "v2.15.0"

// scratchUpload is added to the copy of examples/ that golangci-lint and the
// memlint command analyse. It cleans its form up and keeps 1 MiB in memory,
// so multipart only reports it when max-memory is set below that: it shows
// that a plugin setting reaches the analyzer.
const scratchUpload = `package e2escratch

import "net/http"

// upload keeps up to 1 MiB of the form in memory and removes its files.
func upload(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer r.MultipartForm.RemoveAll()
	w.WriteHeader(http.StatusNoContent)
}
`

// TestGolangciLint builds a custom golangci-lint with this checkout's plugin
// the way users do (golangci-lint custom and .custom-gcl.yml), offline
// except for the Go module proxy, and checks that it reports what the
// memlint command reports on examples/, that //nolint:memlint, disable and
// pass settings work, and that bad settings stop the run.
func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the golangci-lint end-to-end test in -short mode: it builds a custom golangci-lint " + golangciVersion + " (about 5 minutes the first time on 2 cores, cached under the user cache dir's memlint-e2e afterwards)")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the end-to-end test uses POSIX paths and git URL rewriting")
	}
	needTime(t, 25*time.Minute)
	for _, tool := range []string{"go", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is required: %v", tool, err)
		}
	}

	snapshot := snapshotCheckout(t)
	gcl := customGolangciLint(t, snapshot)
	memlintBin := buildMemlint(t, snapshot)

	// A scratch copy of examples/, so that the checkout is never touched.
	tree := filepath.Join(t.TempDir(), "examples")
	testutil.CopyTree(t, filepath.Join(repoRoot(t), "examples"), tree, nil)
	writeFile(t, filepath.Join(tree, "e2escratch", "upload.go"), scratchUpload)

	// One fresh result cache for this run: golangci-lint salts it with the
	// binary's version (which "custom" derives from the plugin sources) and
	// the linter settings, so it cannot serve results of another build.
	lintCache := t.TempDir()
	lint := func(t *testing.T, settings map[string]any, exclusions ...string) ([]finding, result) {
		t.Helper()
		cfg := golangciConfig(t, settings, exclusions...)
		r := run(t, tree, goEnv("GOLANGCI_LINT_CACHE="+lintCache), gcl,
			"run", "--config", cfg, "--allow-parallel-runners", "--path-mode=abs", "--show-stats=false",
			"--output.json.path=stdout", "--issues-exit-code=0", "./...")
		if r.code != 0 {
			return nil, r
		}
		return golangciFindings(t, tree, r), r
	}
	mustLint := func(t *testing.T, settings map[string]any, exclusions ...string) []finding {
		t.Helper()
		f, r := lint(t, settings, exclusions...)
		if r.code != 0 {
			t.Fatalf("golangci-lint run: %s", r)
		}
		return f
	}

	// 1. Same findings as the memlint command, which produces the golden
	// list of examples/. golangci-lint shows each related position of a
	// finding as an issue of its own ("pass(related information): ...");
	// memlintFindings lists those too.
	base := mustLint(t, nil)
	want := memlintFindings(t, memlintBin, tree)
	if d := diff(base, want); d != "" {
		t.Fatalf("golangci-lint findings differ from memlint -json on examples/:\n%s", d)
	}
	t.Logf("%d findings (with related information) on examples/, identical to memlint -json", len(base))
	checkGolden(t, base)

	// 2. Bad settings stop golangci-lint with the plugin's error.
	t.Run("bad settings", func(t *testing.T) {
		_, r := lint(t, map[string]any{"settings": map[string]any{"nosuchpass": map[string]any{"x": 1}}})
		out := string(r.stdout) + string(r.stderr)
		wantErr := `unknown pass "nosuchpass" in settings; valid passes: ` + strings.Join(passNames(), ", ")
		if r.code == 0 || !strings.Contains(out, wantErr) {
			t.Errorf("want a failing run reporting %q, got %s", wantErr, r)
		}
	})

	// 3. One run (each costs minutes) shows that a setting reaches its
	// analyzer and that disable turns a pass off: multipart.max-memory
	// below the scratch upload's 1 MiB makes multipart report it, and
	// another pass with findings is disabled. The result must equal the
	// memlint command's with -multipart.max-memory=1024 -PASS=false.
	if !hasFlag("multipart", "max-memory") {
		t.Fatal("multipart has no max-memory flag: adapt this test to another pass setting")
	}
	off := ""
	for _, name := range passNames() {
		if name != "multipart" && slices.ContainsFunc(base, func(f finding) bool { return findingPass(t, f) == name }) {
			off = name
			break
		}
	}
	if off == "" {
		t.Fatalf("no pass other than multipart reports anything on examples/ to disable")
	}
	settings := map[string]any{
		"disable":  []any{off},
		"settings": map[string]any{"multipart": map[string]any{"max-memory": 1024}},
	}
	configured := mustLint(t, settings)
	t.Run("settings and disable", func(t *testing.T) {
		want := memlintFindings(t, memlintBin, tree, "-multipart.max-memory=1024", "-"+off+"=false")
		if d := diff(configured, want); d != "" {
			t.Errorf("with disable: [%s] and multipart max-memory 1024, golangci-lint differs from memlint -multipart.max-memory=1024 -%s=false:\n%s", off, off, d)
		}
		if slices.ContainsFunc(configured, func(f finding) bool { return findingPass(t, f) == off }) {
			t.Errorf("disable: [%s] left findings of %s", off, off)
		}
		added := newFindings(configured, base)
		if !slices.ContainsFunc(added, func(f finding) bool {
			return strings.HasPrefix(f, "e2escratch/upload.go:") && findingPass(t, f) == "multipart"
		}) {
			t.Errorf("max-memory 1024 did not make multipart report e2escratch/upload.go; new findings: %q", added)
		}
		t.Logf("disable: [%s] removed %d findings; max-memory 1024 added %q", off, len(newFindings(base, configured)), added)
	})

	// 4. //nolint:memlint on a finding's line suppresses the findings of
	// that line and no other, and an exclusion rule matching "pass: " at the
	// start of the issue text hides one pass. Neither is part of the result
	// cache key, so the cached analysis of the dependencies is reused.
	t.Run("nolint and exclusions", func(t *testing.T) {
		target := pickFinding(t, tree, configured)
		file, line, _ := findingParts(t, target)
		excluded := ""
		for _, name := range passNames() {
			if name != "multipart" && name != off && name != findingPass(t, target) &&
				slices.ContainsFunc(configured, func(f finding) bool { return findingPass(t, f) == name }) {
				excluded = name
				break
			}
		}
		var rules []string
		if excluded != "" {
			rules = append(rules, fmt.Sprintf(`{linters: [memlint], text: "^%s[:(]"}`, excluded))
		} else {
			t.Log("no third pass with findings to exclude")
		}

		path := filepath.Join(tree, filepath.FromSlash(file))
		orig, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer os.WriteFile(path, orig, 0o644)
		lines := strings.Split(string(orig), "\n")
		lines[line-1] += " //nolint:memlint // checked by the golangci end-to-end test"
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		got := mustLint(t, settings, rules...)
		var want []finding
		prefix := fmt.Sprintf("%s:%d:", file, line)
		for _, f := range configured {
			if !strings.HasPrefix(f, prefix) && (excluded == "" || findingPass(t, f) != excluded) {
				want = append(want, f)
			}
		}
		if d := diff(got, want); d != "" {
			t.Errorf("with //nolint:memlint on %s:%d and excluded pass %q:\n%s", file, line, excluded, d)
		}
		t.Logf("//nolint:memlint on %s:%d and exclusion of %q hid %d findings, e.g. %q", file, line, excluded, len(configured)-len(got), target)
	})
}

// customGolangciLint returns a golangci-lint binary with the plugin built
// from snapshot, building it unless the cache holds one for these sources.
func customGolangciLint(t *testing.T, snapshot string) string {
	t.Helper()
	cache := cacheDir(t)
	key := sourceHash(t, snapshot, golangciVersion, runtime.Version())
	bin := filepath.Join(cache, "custom-gcl-"+key, "custom-gcl")
	if _, err := os.Stat(bin); err == nil {
		t.Logf("using cached %s", bin)
		return bin
	}

	// Any golangci-lint v2 runs "custom"; use the same release.
	base := filepath.Join(cache, "golangci-lint-"+golangciVersion)
	installer := filepath.Join(base, "bin", "golangci-lint")
	if _, err := os.Stat(installer); err != nil {
		mustRun(t, t.TempDir(), goEnv("GOBIN="+filepath.Join(base, "bin")),
			"go", "install", "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@"+golangciVersion)
	}

	// "custom" clones https://github.com/golangci/golangci-lint.git at the
	// tag; GitHub is out of reach, so serve a local repository made from
	// the module zip under that URL.
	src := filepath.Join(base, "src")
	if _, err := os.Stat(filepath.Join(src, ".git")); err != nil {
		r := mustRun(t, t.TempDir(), goEnv(), "go", "mod", "download", "-json",
			"github.com/golangci/golangci-lint/v2@"+golangciVersion)
		var mod struct{ Dir string }
		if err := json.Unmarshal(r.stdout, &mod); err != nil || mod.Dir == "" {
			t.Fatalf("go mod download: %v\n%s", err, r)
		}
		tmp := src + ".tmp"
		os.RemoveAll(tmp)
		testutil.CopyTree(t, mod.Dir, tmp, nil)
		git := []string{"-c", "user.name=memlint e2e", "-c", "user.email=e2e@memlint.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"}
		mustRun(t, tmp, os.Environ(), "git", "init", "-q")
		mustRun(t, tmp, os.Environ(), "git", "add", "-A")
		mustRun(t, tmp, os.Environ(), "git", append(git, "commit", "-qm", golangciVersion)...)
		mustRun(t, tmp, os.Environ(), "git", append(git, "tag", golangciVersion)...)
		os.RemoveAll(src)
		if err := os.Rename(tmp, src); err != nil {
			t.Fatal(err)
		}
	}

	work := t.TempDir()
	out := filepath.Join(work, "out")
	writeFile(t, filepath.Join(work, ".custom-gcl.yml"), fmt.Sprintf(`version: %s
name: custom-gcl
destination: %s
plugins:
  - module: github.com/memlint/memlint
    import: github.com/memlint/memlint/golangci
    path: %s
`, golangciVersion, out, snapshot))
	t.Logf("building a custom golangci-lint %s with the plugin; the first build takes minutes", golangciVersion)
	mustRun(t, work, goEnv(
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url.file://"+src+".insteadOf",
		"GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git",
	), installer, "custom", "-v")

	// Keep only this build: each binary is about 100 MB.
	old, _ := filepath.Glob(filepath.Join(cache, "custom-gcl-*"))
	for _, dir := range old {
		os.RemoveAll(dir)
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(filepath.Join(out, "custom-gcl"), bin+".tmp"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(bin+".tmp", bin); err != nil {
		t.Fatal(err)
	}
	return bin
}

// golangciConfig writes a v2 .golangci.yml that runs only memlint, with the
// given plugin settings and exclusion rules (YAML list items), and reports
// every finding.
func golangciConfig(t *testing.T, settings map[string]any, exclusions ...string) string {
	t.Helper()
	s, err := json.Marshal(settings) // JSON is YAML
	if err != nil {
		t.Fatal(err)
	}
	if settings == nil {
		s = []byte("{}")
	}
	cfg := filepath.Join(t.TempDir(), ".golangci.yml")
	writeFile(t, cfg, fmt.Sprintf(`version: "2"
linters:
  default: none
  enable:
    - memlint
  settings:
    custom:
      memlint:
        type: module
        description: memory anti-patterns
        settings: %s
  exclusions:
    rules: [%s]
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`, s, strings.Join(exclusions, ", ")))
	return cfg
}

// golangciFindings reads golangci-lint's JSON report. Every issue must come
// from memlint, as "pass: message".
func golangciFindings(t *testing.T, dir string, r result) []finding {
	t.Helper()
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(r.stdout, &report); err != nil {
		t.Fatalf("golangci-lint JSON report: %v\n%s", err, r)
	}
	set := map[finding]bool{}
	for _, is := range report.Issues {
		if is.FromLinter != "memlint" {
			t.Errorf("issue from %s, not memlint: %s:%d: %s", is.FromLinter, is.Pos.Filename, is.Pos.Line, is.Text)
			continue
		}
		set[relFinding(t, dir, fmt.Sprintf("%s:%d:%d", is.Pos.Filename, is.Pos.Line, is.Pos.Column), is.Text)] = true
	}
	return sortedSet(set)
}

// checkGolden compares the findings on examples/ (without the scratch
// package) with testdata/examples.golden, which lists them as
// "file:line: pass: message" (no column), when that file exists.
func checkGolden(t *testing.T, findings []finding) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "examples.golden"))
	if err != nil {
		t.Logf("no testdata/examples.golden (%v); compared with memlint -json on the same tree instead", err)
		return
	}
	var golden []finding
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			golden = append(golden, l)
		}
	}
	var got []finding
	for _, f := range findings {
		if strings.HasPrefix(f, "e2escratch/") || strings.Contains(f, relatedSuffix+": ") {
			continue
		}
		file, line, _ := findingParts(t, f)
		_, text, _ := strings.Cut(f, fmt.Sprintf("%s:%d:", file, line))
		_, text, _ = strings.Cut(text, ": ") // drop the column
		got = append(got, fmt.Sprintf("%s:%d: %s", file, line, text))
	}
	slices.Sort(got)
	got = slices.Compact(got)
	if d := diff(got, golden); d != "" {
		t.Errorf("golangci-lint findings differ from testdata/examples.golden:\n%s", d)
	}
}

// pickFinding chooses the finding to suppress and disable: the first one in
// a file of examples/ proper (else any) whose line holds no comment yet.
func pickFinding(t *testing.T, dir string, findings []finding) finding {
	t.Helper()
	ordered := slices.Clone(findings)
	slices.SortStableFunc(ordered, func(a, b finding) int {
		return boolInt(strings.HasPrefix(a, "e2escratch/")) - boolInt(strings.HasPrefix(b, "e2escratch/"))
	})
	for _, f := range ordered {
		if strings.Contains(f, relatedSuffix+": ") {
			continue
		}
		file, line, _ := findingParts(t, f)
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
		if err != nil {
			continue
		}
		lines := strings.Split(string(data), "\n")
		if line <= len(lines) && !strings.Contains(lines[line-1], "//") && !strings.Contains(lines[line-1], "`") {
			return f
		}
	}
	t.Skip("no finding on a line without a comment to add //nolint:memlint to")
	return ""
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// findingParts splits "file:line:col: pass: message".
func findingParts(t *testing.T, f finding) (file string, line int, pass string) {
	t.Helper()
	var col int
	parts := strings.SplitN(f, ":", 4)
	if len(parts) < 4 {
		t.Fatalf("malformed finding %q", f)
	}
	file = parts[0]
	if _, err := fmt.Sscanf(parts[1]+" "+parts[2], "%d %d", &line, &col); err != nil {
		t.Fatalf("malformed finding %q: %v", f, err)
	}
	pass, _, _ = strings.Cut(strings.TrimSpace(parts[3]), ":")
	return file, line, pass
}

// relatedSuffix follows the pass name in golangci-lint's issues for the
// related positions of a finding.
const relatedSuffix = "(related information)"

// findingPass is the pass that reported f (also for related information).
func findingPass(t *testing.T, f finding) string {
	_, _, pass := findingParts(t, f)
	return strings.TrimSuffix(pass, relatedSuffix)
}

func newFindings(got, base []finding) []finding {
	var out []finding
	for _, f := range got {
		if !slices.Contains(base, f) {
			out = append(out, f)
		}
	}
	return out
}

func passNames() []string {
	var names []string
	for _, a := range memlint.Analyzers {
		names = append(names, a.Name)
	}
	return names
}

func hasFlag(pass, flag string) bool {
	for _, a := range memlint.Analyzers {
		if a.Name == pass {
			return a.Flags.Lookup(flag) != nil
		}
	}
	return false
}
