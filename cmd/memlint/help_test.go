package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/memlint/memlint"
)

func runHelp(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code, ok := helpMain(args, memlint.Analyzers, &stdout, &stderr)
	if !ok {
		t.Fatalf("%q not answered by helpMain", args)
	}
	return stdout.String(), stderr.String(), code
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"-help"}, {"--help"}} {
		out, errOut, code := runHelp(t, args...)
		if code != 0 || errOut != "" {
			t.Errorf("%q: status %d, stderr %q", args, code, errOut)
		}
		// memlint's own text: lsp, -C, -sarif, exit codes, the
		// environment, every pass and every pass flag; none of
		// x/tools' generic multichecker text.
		for _, want := range []string{"memlint lsp", "-C dir", "-sarif", "Exit status", "3  findings", "MEMLINT_CACHE", "MEMLINT_JOBS", "MEMLINT_DRIVER", "-V=full", "-flags"} {
			if !strings.Contains(out, want) {
				t.Errorf("%q: usage lacks %q", args, want)
			}
		}
		for _, a := range memlint.Analyzers {
			if !strings.Contains(out, "  "+a.Name+" ") {
				t.Errorf("%q: usage does not list pass %s", args, a.Name)
			}
		}
		// " -source" with its space: a pass flag may end in "-sources".
		for _, bad := range []string{"Printf", "-fixtool", " -source", "Registered analyzers"} {
			if strings.Contains(out, bad) {
				t.Errorf("%q: usage mentions %q", args, bad)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if len(line) > 80 {
				t.Errorf("%q: line longer than 80 columns: %q", args, line)
			}
		}
	}
}

func TestHelpTopics(t *testing.T) {
	out, _, code := runHelp(t, "help", "multipart")
	if code != 0 || !strings.HasPrefix(out, "multipart: report multipart forms") || !strings.Contains(out, "-multipart.max-memory") || !strings.Contains(out, "Documentation: https://") {
		t.Errorf("help multipart: status %d:\n%s", code, out)
	}
	out, _, code = runHelp(t, "help", "lsp")
	if code != 0 || !strings.Contains(out, "usage: memlint lsp") || !strings.Contains(out, "-engine") {
		t.Errorf("help lsp: status %d:\n%s", code, out)
	}
	_, errOut, code := runHelp(t, "help", "nosuch")
	if code != 2 || !strings.Contains(errOut, `unknown topic "nosuch"`) || !strings.Contains(errOut, "multipart") || !strings.Contains(errOut, "lsp") {
		t.Errorf("help nosuch: status %d, stderr %q", code, errOut)
	}
}

// TestHelpDocsNameEveryFlag: `memlint help NAME` has one Flags section, the
// documentation's own or a generated one, and it names every flag of the
// pass as -NAME.FLAG.
func TestHelpDocsNameEveryFlag(t *testing.T) {
	for _, a := range memlint.Analyzers {
		out, _, code := runHelp(t, "help", a.Name)
		if code != 0 {
			t.Errorf("help %s: status %d", a.Name, code)
			continue
		}
		flags := 0
		a.Flags.VisitAll(func(f *flag.Flag) {
			flags++
			if !strings.Contains(out, "-"+a.Name+"."+f.Name) {
				t.Errorf("help %s does not name -%s.%s", a.Name, a.Name, f.Name)
			}
		})
		if n, want := strings.Count(out, "\nFlags:\n"), min(flags, 1); n != want {
			t.Errorf("help %s has %d Flags sections, want %d", a.Name, n, want)
		}
	}
}

// -V=full keeps the form go vet parses (cmd/go's toolID): third field
// "devel", last field buildID=<content hash>, so vet's cache is keyed on
// this binary's content.
func TestVersionFull(t *testing.T) {
	out, _, code := runHelp(t, "-V=full")
	f := strings.Fields(out)
	if code != 0 || len(f) < 4 || f[1] != "version" || f[2] != "devel" || !regexp.MustCompile(`^buildID=[0-9a-f]{64}$`).MatchString(f[len(f)-1]) {
		t.Errorf("-V=full = %q (status %d)", out, code)
	}
	if strings.Contains(out, "comments-go-here") {
		t.Errorf("-V=full prints x/tools' placeholder: %q", out)
	}
	out, _, code = runHelp(t, "-V")
	if code != 0 || !strings.HasPrefix(out, "memlint version ") {
		t.Errorf("-V = %q", out)
	}
	if _, _, code := runHelp(t, "-V=short"); code != 2 {
		t.Errorf("-V=short: status %d, want 2", code)
	}
	var stdout, stderr bytes.Buffer
	if _, ok := helpMain([]string{"-flags"}, memlint.Analyzers, &stdout, &stderr); ok {
		t.Error("-flags must stay with multichecker (go vet reads its JSON)")
	}
	if _, ok := helpMain([]string{"./..."}, memlint.Analyzers, &stdout, &stderr); ok {
		t.Error("a pattern was taken for help")
	}
}

// TestHelpDocIsWhole: `memlint help NAME` prints the pass's whole package
// doc, not only up to a second heading (the Analyzer section ends at the
// next heading, as in x/tools): its last sentence is in the output.
func TestHelpDocIsWhole(t *testing.T) {
	for _, a := range memlint.Analyzers {
		src, err := os.ReadFile(filepath.Join("..", "..", "passes", a.Name, "doc.go"))
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for l := range strings.SplitSeq(string(src), "\n") {
			if strings.HasPrefix(l, "package ") {
				break
			}
			lines = append(lines, strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ")))
		}
		doc := strings.Join(lines, "\n")
		last := strings.TrimSpace(doc[strings.LastIndex(strings.TrimSpace(doc), "\n\n")+1:])
		last, _, _ = strings.Cut(last, "\n") // its first line
		out, _, _ := runHelp(t, "help", a.Name)
		if last == "" || !strings.Contains(out, last) {
			t.Errorf("help %s leaves out the end of doc.go (%q)", a.Name, last)
		}
	}
}
