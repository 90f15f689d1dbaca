// Command memlint runs memlint's passes.
//
// Standalone, on any module:
//
//	memlint [-C dir] [flags] ./...
//
// As a vet tool:
//
//	go vet -vettool=$(command -v memlint) ./...
//
// The exit status is 0 when nothing is reported, 3 when there are findings
// and 1 on errors (packages that do not load or type-check). -json prints
// the standard analysis JSON (and exits 0), -fix applies suggested fixes,
// -NAME=false turns pass NAME off and -NAME.FLAG=VALUE sets one of its
// flags. "memlint help" lists the passes and flags, "memlint help NAME"
// prints one pass's documentation.
//
// As a language server for editors, on stdin and stdout:
//
//	memlint lsp [flags]
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/memlint/memlint"
	"github.com/memlint/memlint/internal/driver"
	"github.com/memlint/memlint/internal/lsp"
)

func main() {
	// -C dir, as in the go command: change directory first. It must come
	// before any other flag.
	if len(os.Args) > 2 && (os.Args[1] == "-C" || os.Args[1] == "--C") {
		if err := os.Chdir(os.Args[2]); err != nil {
			fmt.Fprintf(os.Stderr, "memlint: -C: %v\n", err)
			os.Exit(1)
		}
		os.Args = append(os.Args[:1], os.Args[3:]...)
	}
	// help [NAME], -h, -V and -V=full: memlint's own answers (help.go).
	if code, ok := helpMain(os.Args[1:], memlint.Analyzers, os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	// memlint lsp [flags]: the language server that editors run beside
	// gopls (see internal/lsp).
	if len(os.Args) > 1 && os.Args[1] == "lsp" {
		os.Exit(lsp.Main(memlint.Analyzers, os.Args[2:], os.Stdin, os.Stdout, os.Stderr))
	}
	// memlint [flags] patterns: the bounded-memory driver, one process per
	// package in dependency order (see internal/driver). Everything else
	// (help, -V=full, -flags, and the *.cfg units of go vet -vettool and
	// of the driver's own child processes) goes to multichecker, which
	// hands *.cfg units to unitchecker. MEMLINT_DRIVER=multichecker
	// selects x/tools' in-process driver for patterns too.
	if driver.Standalone(os.Args[1:], memlint.Analyzers) {
		os.Exit(driver.Main(os.Args[1:], memlint.Analyzers))
	}
	multichecker.Main(memlint.Analyzers...)
}
