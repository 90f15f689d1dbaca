package e2e_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/memlint/memlint/internal/testutil"
)

// readmeSnippets returns the ```lua block under each "### Neovim ..."
// heading of the README, by heading.
func readmeSnippets(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	snippets := make(map[string]string)
	heading := ""
	var block []string
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
			heading = strings.TrimSpace(strings.TrimLeft(line, "#"))
		case line == "```lua" && strings.HasPrefix(heading, "Neovim"):
			in, block = true, nil
		case in && line == "```":
			in = false
			snippets[heading] = strings.Join(block, "\n") + "\n"
		case in:
			block = append(block, line)
		}
	}
	return snippets
}

// nvimVersion returns nvim's version as (minor, patch) of 0.x.y.
func nvimVersion(t *testing.T, nvim string) (int, int) {
	out, err := exec.Command(nvim, "--version").Output()
	if err != nil {
		t.Fatalf("nvim --version: %v", err)
	}
	m := regexp.MustCompile(`NVIM v0\.(\d+)\.(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("nvim --version: %q", out)
	}
	minor, _ := strconv.Atoi(string(m[1]))
	patch, _ := strconv.Atoi(string(m[2]))
	return minor, patch
}

// TestNeovimSnippets checks the README's Neovim configurations: each must
// compile under the installed Neovim (loadfile), and the snippet for the
// installed version must start `memlint lsp` (found on PATH, as the
// README has it) and attach it to a Go buffer.
func TestNeovimSnippets(t *testing.T) {
	snippets := readmeSnippets(t)
	ranges := map[string][2]int{ // minor versions each snippet is for
		"Neovim 0.7":         {7, 7},
		"Neovim 0.8 to 0.10": {8, 10},
		"Neovim 0.11+":       {11, 1 << 30},
	}
	for name := range ranges {
		if snippets[name] == "" {
			t.Errorf("README has no lua snippet under %q", name)
		}
	}
	nvim := findNeovim(t)
	minor, _ := nvimVersion(t, nvim)
	dir := t.TempDir()
	for name, r := range ranges {
		snippet := snippets[name]
		if snippet == "" {
			continue
		}
		file := filepath.Join(dir, strings.NewReplacer(" ", "_", "+", "plus", ".", "_").Replace(name)+".lua")
		if err := os.WriteFile(file, []byte(snippet), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run("compile "+name, func(t *testing.T) {
			cmd := exec.Command(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
				"-c", "lua local f, err = loadfile(os.getenv('SNIPPET')); if not f then io.stderr:write(err, '\\n'); vim.cmd('cquit 1') end",
				"-c", "qall!")
			cmd.Env = append(os.Environ(), "SNIPPET="+file)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s does not compile: %v\n%s", name, err, out)
			}
		})
		if minor < r[0] || minor > r[1] {
			continue
		}
		t.Run("attach "+name, func(t *testing.T) {
			if testing.Short() {
				t.Skip("builds memlint")
			}
			attach(t, nvim, file)
		})
	}
}

// attach runs Neovim with the snippet as its init on a Go file of a small
// module and waits until a client named memlint is attached to the buffer.
func attach(t *testing.T, nvim, snippet string) {
	bin := testutil.Memlint(t)
	tmp := t.TempDir()
	mod := filepath.Join(tmp, "mod")
	os.MkdirAll(filepath.Join(mod, "p"), 0o755)
	os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/mod\n\ngo 1.22\n"), 0o644)
	goFile := filepath.Join(mod, "p", "p.go")
	os.WriteFile(goFile, []byte("package p\n\nfunc F() int { return 1 }\n"), 0o644)
	check := filepath.Join(tmp, "check.lua")
	os.WriteFile(check, []byte(`dofile(os.getenv('SNIPPET'))
vim.api.nvim_create_autocmd('VimEnter', {
  nested = true,
  callback = function()
    local clients = function()
      if vim.lsp.get_clients then
        return vim.lsp.get_clients({ bufnr = 0 })
      end
      return vim.lsp.buf_get_clients(0)
    end
    local ok = vim.wait(30000, function()
      for _, c in pairs(clients()) do
        if c.name == 'memlint' then
          return true
        end
      end
      return false
    end, 50)
    if ok then
      vim.cmd('qall!')
    else
      io.stderr:write('memlint was not attached\n')
      vim.cmd('cquit 1')
    end
  end,
})
`), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-n", "-i", "NONE", "-u", check, goFile)
	cmd.Dir = mod
	cmd.Env = append(os.Environ(),
		"SNIPPET="+snippet,
		"PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"MEMLINT_CACHE=off",
		"XDG_CONFIG_HOME="+filepath.Join(tmp, "config"),
		"XDG_DATA_HOME="+filepath.Join(tmp, "data"),
		"XDG_STATE_HOME="+filepath.Join(tmp, "state"),
		"XDG_CACHE_HOME="+filepath.Join(tmp, "cache"),
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		lspLog, _ := os.ReadFile(filepath.Join(tmp, "cache", "nvim", "lsp.log"))
		t.Errorf("nvim with the snippet: %v\n%s\nlsp.log:\n%s", err, out, lspLog)
	}
}
