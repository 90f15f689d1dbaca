// Command genbig writes a module with one huge generated function (see
// package bench/genbig), for measuring memlint against go vet on it:
//
//	go run ./bench/cmd/genbig -units 2000 -salt 1 /tmp/genbig
//	cd /tmp/genbig && time memlint ./... && time go vet ./...
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"

	"github.com/memlint/memlint/bench/genbig"
)

func main() {
	units := flag.Int("units", 2000, "routes in the generated function (about 1.5 KB each)")
	salt := flag.String("salt", "", "text of a comment at the end of the generated file (a new salt defeats go vet's cache)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: genbig [-units N] [-salt S] DIR")
		os.Exit(2)
	}
	n, err := genbig.Write(flag.Arg(0), *units, *salt)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genbig:", err)
		os.Exit(1)
	}
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = flag.Arg(0)
	tidy.Stderr = os.Stderr
	if err := tidy.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "genbig: go mod tidy:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d routes, generated file %d bytes\n", flag.Arg(0), *units, n)
}
