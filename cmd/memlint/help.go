package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/lsp"
	"github.com/memlint/memlint/internal/version"
)

// helpMain answers the command lines that ask about memlint instead of
// analysing: help [NAME], -h/-help, -V and -V=full. It reports false for
// every other command line, which main hands on (-flags, which go vet also
// asks, stays with multichecker).
func helpMain(args []string, analyzers []*analysis.Analyzer, stdout, stderr io.Writer) (code int, ok bool) {
	if len(args) == 0 {
		return 0, false
	}
	switch a := strings.TrimPrefix(args[0], "-"); {
	case args[0] == "help":
		if len(args) == 1 {
			usage(stdout, analyzers)
			return 0, true
		}
		return helpTopics(args[1:], analyzers, stdout, stderr), true
	case len(args) == 1 && (a == "h" || a == "help" || a == "-h" || a == "-help"):
		usage(stdout, analyzers)
		return 0, true
	case a == "V" || a == "-V":
		fmt.Fprintf(stdout, "memlint version %s\n", version.String())
		return 0, true
	case strings.HasPrefix(a, "V=") || strings.HasPrefix(a, "-V="):
		_, v, _ := strings.Cut(a, "=")
		if v != "full" {
			fmt.Fprintf(stderr, "memlint: -V=%s: want -V or -V=full\n", v)
			return 2, true
		}
		line, err := fullVersion()
		if err != nil {
			fmt.Fprintf(stderr, "memlint: -V=full: %v\n", err)
			return 1, true
		}
		fmt.Fprintln(stdout, line)
		return 0, true
	}
	return 0, false
}

// fullVersion is the -V=full line go vet reads. cmd/go's toolID takes the
// third field: "devel" makes it key vet's cache on the content ID in the
// last field (buildID=, here the SHA-256 of this binary, as x/tools'
// unitchecker prints it); any other third field would make the whole line
// the key, so two builds of one version would share cached vet results.
// The module version and VCS revision go in between, where vet ignores
// them.
func fullVersion() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("memlint version devel %s buildID=%x", version.String(), h.Sum(nil)), nil
}

// helpTopics prints the documentation of each named pass, or of `memlint
// lsp`; an unknown name lists the valid ones and exits 2.
func helpTopics(names []string, analyzers []*analysis.Analyzer, stdout, stderr io.Writer) int {
	byName := make(map[string]*analysis.Analyzer)
	valid := []string{}
	for _, a := range analyzers {
		byName[a.Name] = a
		valid = append(valid, a.Name)
	}
	valid = append(valid, "lsp")
	for _, name := range names {
		if name != "lsp" && byName[name] == nil {
			fmt.Fprintf(stderr, "memlint help: unknown topic %q; valid names: %s\n", name, strings.Join(valid, ", "))
			return 2
		}
	}
	for i, name := range names {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if name == "lsp" {
			lsp.Main(analyzers, []string{"-h"}, io.NopCloser(strings.NewReader("")), stdout, stdout)
			fmt.Fprintf(stdout, "\nEditor set-up (Neovim, VS Code, Helix): see the README's Editors section.\n")
			continue
		}
		a := byName[name]
		fmt.Fprintf(stdout, "%s: %s\n", a.Name, strings.TrimSpace(a.Doc))
		// A pass whose documentation has its own Flags section (every flag
		// named there, which TestHelpDocsNameEveryFlag checks) is not
		// given a second, generated one.
		if fl := passFlags(a); fl != "" && !docHasFlags(a.Doc) {
			fmt.Fprintf(stdout, "\nFlags:\n\n%s", fl)
		}
		if a.URL != "" {
			fmt.Fprintf(stdout, "\nDocumentation: %s\n", a.URL)
		}
	}
	return 0
}

// docHasFlags reports whether a pass's documentation has a Flags section.
func docHasFlags(doc string) bool {
	return strings.Contains(doc, "\nFlags:\n")
}

// passFlags lists a's flags as Go's flag package does: -NAME.FLAG, then
// its usage and default, wrapped, on the lines below.
func passFlags(a *analysis.Analyzer) string {
	var b strings.Builder
	a.Flags.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(&b, "  -%s.%s\n", a.Name, f.Name)
		text := f.Usage
		if f.DefValue != "" {
			text += " (default " + f.DefValue + ")"
		}
		line := "    "
		for _, word := range strings.Fields(text) {
			if len(line) > 4 && len(line)+1+len(word) > 78 {
				b.WriteString(line + "\n")
				line = "    "
			}
			if len(line) > 4 {
				line += " "
			}
			line += word
		}
		b.WriteString(line + "\n")
	})
	return b.String()
}

// usage is memlint's own usage text (memlint help, -h).
func usage(w io.Writer, analyzers []*analysis.Analyzer) {
	fmt.Fprint(w, `memlint finds Go code known to blow up a service's memory: resources never
closed, 16 MiB upload buffers, multipart forms never removed, indented JSON
of unbounded values, queries that read unbounded rows, clients built per
request, request bodies read whole with no limit and goroutines blocked
forever on a channel send.

Usage:

  memlint [-C dir] [flags] [packages]   analyse packages (e.g. ./...)
  memlint lsp [flags]                   the language server editors run
  memlint help [NAME]                   this text; a pass's documentation; lsp
  go vet -vettool=$(command -v memlint) [flags] [packages]

Passes (all run by default; -NAME runs only the passes so named,
-NAME=false turns one off):

`)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, a := range analyzers {
		title, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(tw, "  %s\t%s\n", a.Name, title)
	}
	tw.Flush()
	fmt.Fprint(w, `
Flags:

  -C dir      change to dir first (must be the first flag, as with go)
  -json       print findings as x/tools' analysis JSON
  -sarif      print findings as a SARIF 2.1.0 log, for code scanning
  -fix        apply the suggested fixes (gofmt'd, atomic per file)
  -diff       with -fix: print the fixes as a diff instead of applying them
  -c N        print N lines of context around each finding
  -test       analyse test files too (default true)
  -V          print memlint's version (module version and VCS revision)
  -V=full     the same with the build ID, for go vet
  -flags      print the flags as JSON, for go vet

Pass flags (-NAME.FLAG=VALUE; "memlint help NAME" says what each means):

`)
	for _, a := range analyzers {
		fmt.Fprint(w, passFlags(a))
	}
	fmt.Fprint(w, `
Output: findings as file:line:col: message, related places indented below;
with -json or -sarif, one document on stdout.

Exit status:

  0  nothing reported (with -json and -sarif: the run itself succeeded)
  3  findings were reported
  1  errors: packages that do not load or type-check, a failing pass,
     fixes that could not be applied
  2  usage errors (an unknown help topic, a bad -V value)
  130, 143  interrupted by SIGINT or SIGTERM: memlint kills its child
     processes, removes its temporary files and dies of the signal

Environment:

  MEMLINT_CACHE=dir|off  where facts and findings are cached (default
                         $XDG_CACHE_HOME/memlint); off disables the cache
  MEMLINT_JOBS=n         packages analysed at once (default GOMAXPROCS)
  MEMLINT_DRIVER=multichecker
                         x/tools' in-process driver instead of memlint's
                         one-process-per-package driver (no -sarif)

Examples:

  memlint ./...
  memlint -C path/to/module -querylimit=false ./...
  memlint -sarif ./... > memlint.sarif
  memlint help multipart

More: https://github.com/memlint/memlint (README: go vet, golangci-lint,
pre-commit, editors, code scanning).
`)
}
