// Command inprocess runs memlint's suite (or, with -floor, the SSA floor)
// over packages in one process with x/tools' checker, apart from loading,
// and prints the CPU time of the analysis and the number of object facts
// each analyzer exported about its own packages. It is the tool for
// finding where the suite's cost over the floor goes:
//
//	go run ./bench/cmd/inprocess -cpuprofile /tmp/cpu.prof std
//	go tool pprof -top -cum /tmp/cpu.prof
//
// -dump NAME prints every fact analyzer NAME exported.
package main

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"runtime/pprof"
	"sort"
	"syscall"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/memlint/memlint"
	"github.com/memlint/memlint/bench/floors/ssafloor"
)

func main() {
	prof := flag.String("cpuprofile", "", "")
	floor := flag.Bool("floor", false, "run ssafloor instead")
	dump := flag.String("dump", "", "print the facts of this analyzer")
	flag.Parse()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: false}
	pkgs, err := packages.Load(cfg, flag.Args()...)
	if err != nil {
		panic(err)
	}
	if *prof != "" {
		f, _ := os.Create(*prof)
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	t := time.Now()
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(0, &ru0)
	as := memlint.Analyzers
	if *floor {
		as = []*analysis.Analyzer{ssafloor.Analyzer}
	}
	g, err := checker.Analyze(as, pkgs, nil)
	syscall.Getrusage(0, &ru1)
	fmt.Println("cpu", time.Duration(ru1.Utime.Nano()+ru1.Stime.Nano()-ru0.Utime.Nano()-ru0.Stime.Nano()))
	if err != nil {
		panic(err)
	}
	fmt.Println("analyze", time.Since(t))
	counts := map[string]int{}
	for act := range g.All() {
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				counts[act.Analyzer.Name+" "+reflect.TypeOf(f.Fact).String()]++
				if *dump != "" && act.Analyzer.Name == *dump {
					fmt.Printf("FACT %s: %s\n", f.Object, f.Fact)
				}
			}
		}
	}
	var ks []string
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Println(k, counts[k])
	}
}
