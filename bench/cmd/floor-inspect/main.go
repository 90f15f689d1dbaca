// Command floor-inspect runs the inspectfloor benchmark pass with memlint's
// drivers: standalone (the bounded-memory driver, or x/tools' multichecker
// with MEMLINT_DRIVER=multichecker) and as a go vet -vettool.
package main

import (
	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/bench/floors/inspectfloor"
	"github.com/memlint/memlint/internal/driver"
)

func main() {
	analyzers := []*analysis.Analyzer{inspectfloor.Analyzer}
	driver.Command(analyzers...)
}
