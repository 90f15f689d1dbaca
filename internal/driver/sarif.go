package driver

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/passset"
	"github.com/memlint/memlint/internal/sarif"
)

// printSARIF prints the roots' findings as a SARIF 2.1.0 log (-sarif), with
// artifact URIs relative to the current directory. As with -json, the exit
// code does not depend on the findings: 1 when a package's output cannot be
// read or a pass failed, else 0.
func (d *driver) printSARIF(roots []*unit) int {
	code := 0
	var pkgs []sarif.Package
	for _, u := range roots {
		if len(u.json) == 0 {
			continue
		}
		tree, err := u.tree()
		if err != nil {
			fmt.Fprintf(d.stderr, "memlint: %s: bad analysis output: %v\n", u.p.ImportPath, err)
			code = 1
			continue
		}
		pkgs = append(pkgs, sarif.Package{Dir: u.p.Dir, CompiledGoFiles: u.p.abs(u.p.CompiledGoFiles), Tree: tree})
	}
	wd, _ := os.Getwd()
	sum, err := sarif.Write(d.stdout, pkgs, sarif.Options{Analyzers: d.enabled(), BaseDir: wd})
	if err != nil {
		fmt.Fprintf(d.stderr, "memlint: writing SARIF: %v\n", err)
		return 1
	}
	for _, e := range sum.Errors {
		fmt.Fprintln(d.stderr, e)
		code = 1
	}
	return code
}

// enabled returns the passes that run, by multichecker's rule for the
// -NAME flags: if any is set true, only those; else all but those set false.
func (d *driver) enabled() []*analysis.Analyzer {
	set := make(map[string]bool)
	for _, arg := range d.opts.passArgs {
		name, val, ok := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if b, err := strconv.ParseBool(val); ok && err == nil && !strings.Contains(name, ".") {
			set[name] = b
		}
	}
	return passset.Select(d.opts.analyzers, set)
}
