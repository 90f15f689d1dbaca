// Command memlint runs memlint's passes.
//
// Standalone:
//
//	memlint [flags] ./...
//
// As a vet tool:
//
//	go vet -vettool=$(command -v memlint) ./...
//
// The exit status is 0 when no finding is reported, 3 when there are
// findings and 1 on errors (packages that do not load or type-check).
// Run "memlint help" for the passes and their flags, "memlint help NAME"
// for one pass's documentation.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/memlint/memlint"
)

func main() {
	multichecker.Main(memlint.Analyzers...)
}
