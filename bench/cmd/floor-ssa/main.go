// Command floor-ssa runs the ssafloor benchmark pass with memlint's
// drivers: standalone (the bounded-memory driver, or x/tools' multichecker
// with MEMLINT_DRIVER=multichecker) and as a go vet -vettool.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/memlint/memlint/bench/floors/ssafloor"
	"github.com/memlint/memlint/internal/driver"
)

func main() {
	analyzers := []*analysis.Analyzer{ssafloor.Analyzer}
	if driver.Standalone(os.Args[1:], analyzers) {
		os.Exit(driver.Main(os.Args[1:], analyzers))
	}
	multichecker.Main(analyzers...)
}
