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
// Findings go to stdout, one per line, "file:line:col: message (pass)",
// with "(pass, fixable)" when -fix can fix it; file names under the current
// directory are relative to it. Errors and warnings go to stderr.
//
// The exit status is 0 when nothing is reported, 3 when there are findings,
// 1 on errors (packages that do not load or type-check, fixes not applied)
// and 2 on usage errors (an unknown flag, a bad flag value or MEMLINT_JOBS),
// which are reported in one line. SIGINT and SIGTERM kill the child
// processes, remove the temporary files and then kill memlint itself with
// the same signal, so a shell reports 130 or 143. -json prints the standard analysis JSON
// (and exits 0 unless the run fails). -fix applies the suggested fixes and
// lists what it could not fix (exit 3 when findings remain); -diff prints
// the fixes as a patch for git apply instead of writing them. -c N prints
// N lines of context. -NAME=false turns pass NAME off and -NAME.FLAG=VALUE
// sets one of its flags. The build flags -tags, -mod, -modfile,
// -modcacherw, -race, -msan, -asan and -toolexec go to go list, as with go
// vet. "memlint help" lists the passes and flags, "memlint help NAME"
// prints one pass's documentation.
//
// memlint runs go list -compiled in the analysed module, as go vet does:
// it obeys the module's toolchain line (a download under GOTOOLCHAIN=auto)
// and runs cgo and the C compiler. -c N prints lines of any file a //line
// directive names.
//
// As a language server for editors, on stdin and stdout:
//
//	memlint lsp [flags]
package main

import (
	"fmt"
	"os"

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
	driver.Command(memlint.Analyzers...)
}
