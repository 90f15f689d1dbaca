package passbench

import (
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/memlint/memlint"
	"github.com/memlint/memlint/bench/floors/inspectfloor"
	"github.com/memlint/memlint/bench/floors/ssafloor"
	"github.com/memlint/memlint/bench/genbig"
)

// BenchmarkGenerated runs each pass on a package whose generated file holds
// one huge function (bench/genbig; MEMLINT_GENBIG_UNITS routes, default
// 1000, about 1.4 MB). Besides pass-ms/op (the pass's own Run) it reports
// the time of every action on the package, helper analyzers and SSA
// included, in the log (-v):
//
//	MEMLINT_GENBIG_UNITS=2000 go test -run '^$' -bench Generated -benchtime 1x -v ./bench/passbench
func BenchmarkGenerated(b *testing.B) {
	units := 1000
	if s := os.Getenv("MEMLINT_GENBIG_UNITS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("bad MEMLINT_GENBIG_UNITS=%q", s)
		}
		units = n
	}
	dir := b.TempDir()
	size, err := genbig.Write(dir, units, "")
	if err != nil {
		b.Fatal(err)
	}
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = dir
	if out, err := tidy.CombinedOutput(); err != nil {
		b.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}
	pkgs, err := packages.Load(cfg, "./gen")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("generated package does not type-check")
	}
	b.Logf("%d routes, generated file %d bytes", units, size)
	analyzers := append([]*analysis.Analyzer{inspectfloor.Analyzer, ssafloor.Analyzer}, memlint.Analyzers...)
	for _, a := range analyzers {
		b.Run(a.Name, func(b *testing.B) {
			var own time.Duration
			per := make(map[string]time.Duration)
			findings := 0
			for b.Loop() {
				var g *checker.Graph
				g, findings = analyzeOnce(b, a, pkgs, &own)
				for act := range g.All() {
					if act.Package == pkgs[0] {
						per[act.Analyzer.Name] += act.Duration
					}
				}
			}
			var names []string
			for n := range per {
				names = append(names, n)
			}
			sort.Strings(names)
			var line strings.Builder
			for _, n := range names {
				line.WriteString(" " + n + "=" + strconv.FormatInt(per[n].Milliseconds()/int64(b.N), 10) + "ms")
			}
			b.Logf("actions on the package:%s", line.String())
			b.ReportMetric(float64(own.Milliseconds())/float64(b.N), "pass-ms/op")
			b.ReportMetric(float64(findings), "findings")
		})
	}
}
