package e2e_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMEOfflineRecipe runs the README's offline recipe for
// `golangci-lint custom` (the local golangci-lint repository that git's
// URL rewrite serves) twice, as a user who repeats it would, up to the
// build itself (which golangci_test.go runs). The second run must succeed and
// leave the same repository: no copy nested in a subdirectory, no
// "tag already exists".
func TestREADMEOfflineRecipe(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads golangci-lint's module (or reads it from the module cache)")
	}
	for _, tool := range []string{"bash", "git", "sed"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not on PATH", tool)
		}
	}
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The ```sh block that makes /tmp/gcl-src, without its final build
	// command.
	var recipe []string
	for _, block := range strings.Split(string(data), "```sh\n")[1:] {
		block, _, _ = strings.Cut(block, "```")
		if !strings.Contains(block, "gcl-src") {
			continue
		}
		for _, line := range strings.Split(block, "\n") {
			line = strings.TrimSpace(line)
			if strings.HasPrefix(line, "GIT_CONFIG_") {
				break
			}
			if line != "" {
				recipe = append(recipe, line)
			}
		}
		break
	}
	if len(recipe) == 0 {
		t.Fatal("README has no offline recipe (a sh block with gcl-src)")
	}
	dir := t.TempDir()
	script := "set -e\n" + strings.ReplaceAll(strings.Join(recipe, "\n"), "/tmp/gcl-src", filepath.Join(dir, "gcl-src")) + "\n"
	for run := 1; run <= 2; run++ {
		cmd := exec.Command("bash", "-c", script)
		cmd.Dir = dir
		cmd.Env = append(goEnv(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("run %d of the recipe failed: %v\n%s\nscript:\n%s", run, err, out, script)
		}
	}
	src := filepath.Join(dir, "gcl-src")
	if _, err := os.Stat(filepath.Join(src, "v2@v2.15.0")); err == nil {
		t.Error("the second run copied the sources into a subdirectory")
	}
	out, err := exec.Command("git", "-C", src, "tag", "--points-at", "HEAD").Output()
	if err != nil || strings.TrimSpace(string(out)) != "v2.15.0" {
		t.Errorf("tags at HEAD: %q, %v", out, err)
	}
}
