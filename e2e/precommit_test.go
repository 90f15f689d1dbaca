package e2e_test

// The pre-commit hooks live in the repository root (.pre-commit-hooks.yaml);
// their test sits here with the other tests that drive real tools.

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/memlint/memlint/internal/testutil"
)

const leakyUpload = `package leaky

import "net/http"

// upload keeps up to 64 MiB of the form in memory and never removes its
// temporary files.
func upload(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(64 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("X-Files", string(rune('0'+len(r.MultipartForm.File))))
}
`

const fixedUpload = `package leaky

import "net/http"

// upload keeps up to 8 MiB of the form in memory and removes its files.
func upload(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer r.MultipartForm.RemoveAll()
	w.Header().Set("X-Files", string(rune('0'+len(r.MultipartForm.File))))
}
`

// TestPreCommit runs the hooks of .pre-commit-hooks.yaml with the real
// pre-commit ("pre-commit try-repo"), in a scratch git repository holding a
// copy of examples/ and a leaking file: the hook fails and names every file
// memlint flags, then passes once the code is fixed.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the pre-commit end-to-end test in -short mode")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed (apt-get install -y pre-commit); skipping the pre-commit end-to-end test")
	}
	needTime(t, 10*time.Minute)
	gomodcache := strings.TrimSpace(string(mustRun(t, ".", goEnv(), "go", "env", "GOMODCACHE").stdout))

	// try-repo wants a git repository with the hooks file committed: commit
	// a snapshot of the checkout in a scratch repository.
	hooks := snapshotCheckout(t)
	if _, err := os.Stat(filepath.Join(hooks, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatal(err)
	}
	gitEnv := append(goEnv(),
		"GIT_AUTHOR_NAME=memlint e2e", "GIT_AUTHOR_EMAIL=e2e@memlint.invalid",
		"GIT_COMMITTER_NAME=memlint e2e", "GIT_COMMITTER_EMAIL=e2e@memlint.invalid",
		"GIT_CONFIG_COUNT=1", "GIT_CONFIG_KEY_0=commit.gpgsign", "GIT_CONFIG_VALUE_0=false",
	)
	mustRun(t, hooks, gitEnv, "git", "init", "-q")
	mustRun(t, hooks, gitEnv, "git", "add", "-A")
	mustRun(t, hooks, gitEnv, "git", "commit", "-qm", "memlint snapshot")

	memlintBin := buildMemlint(t, hooks)

	// The project: a copy of the examples/ module plus a file that leaks
	// multipart temp files. The hook checks the whole module, so "fixing
	// the code" means fixing the leak and dropping the example packages
	// memlint flags (they exist to be flagged).
	newProject := func(t *testing.T) string {
		proj := filepath.Join(t.TempDir(), "proj")
		testutil.CopyTree(t, filepath.Join(repoRoot(t), "examples"), proj, nil)
		writeFile(t, filepath.Join(proj, "leaky", "upload.go"), leakyUpload)
		mustRun(t, proj, gitEnv, "git", "init", "-q")
		mustRun(t, proj, gitEnv, "git", "add", "-A")
		mustRun(t, proj, gitEnv, "git", "commit", "-qm", "project")
		return proj
	}
	proj := newProject(t)
	var flagged []string // slash paths of the files memlint reports
	for _, f := range memlintFindings(t, memlintBin, proj) {
		file, _, _ := findingParts(t, f)
		if !slices.Contains(flagged, file) {
			flagged = append(flagged, file)
		}
	}
	if !slices.Contains(flagged, "leaky/upload.go") {
		t.Skip("memlint reports nothing on the leaking file yet; cannot show the hook failing")
	}
	fix := func(t *testing.T, proj string) {
		for _, file := range flagged {
			if dir := path.Dir(file); dir != "." && dir != "leaky" {
				os.RemoveAll(filepath.Join(proj, filepath.FromSlash(dir)))
			} else if dir == "." {
				os.Remove(filepath.Join(proj, filepath.FromSlash(file)))
			}
		}
		writeFile(t, filepath.Join(proj, "leaky", "upload.go"), fixedUpload)
		mustRun(t, proj, gitEnv, "git", "add", "-A")
	}
	fix(t, proj)
	if left := memlintFindings(t, memlintBin, proj); len(left) > 0 {
		t.Fatalf("the fixed project still has findings: %q", left)
	}

	// pre-commit's golang hooks build with GOPATH set to their environment
	// directory, which puts the module cache there too: point GOMODCACHE at
	// the warm cache so the build works offline.
	env := append(gitEnv,
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GOMODCACHE="+gomodcache,
		"PATH="+filepath.Dir(memlintBin)+string(os.PathListSeparator)+os.Getenv("PATH"),
	)
	for _, hook := range []string{"memlint", "memlint-system"} {
		t.Run(hook, func(t *testing.T) {
			proj := newProject(t)
			r := run(t, proj, env, preCommit, "try-repo", hooks, hook, "--all-files")
			out := string(r.stdout) + string(r.stderr)
			if r.code == 0 || !strings.Contains(out, "Failed") {
				t.Fatalf("want the %s hook to fail, got %s", hook, r)
			}
			for _, file := range flagged {
				if !strings.Contains(out, file) {
					t.Errorf("the failing %s hook does not report %s", hook, file)
				}
			}
			t.Logf("failing run:\n%s", out)

			fix(t, proj)
			r = run(t, proj, env, preCommit, "try-repo", hooks, hook, "--all-files")
			if r.code != 0 || !strings.Contains(string(r.stdout), "Passed") {
				t.Fatalf("want the %s hook to pass once the code is fixed, got %s", hook, r)
			}
		})
	}
}
