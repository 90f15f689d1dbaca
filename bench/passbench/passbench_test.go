// Package passbench benchmarks each memlint pass on a large synthetic
// package, apart from loading: the package and its dependencies are loaded
// and type-checked once, then every iteration runs one pass (with the
// passes it requires, on the dependencies too where it uses facts).
//
//	go test -run '^$' -bench . -benchtime 3x ./bench/passbench
//
// Besides ns/op (everything the pass needs, SSA and dependencies'
// facts included), each benchmark reports pass-ms/op: the time of the
// pass's own Run on the synthetic package alone. The two floors of the
// benchmark (inspectfloor and ssafloor) show what any pass pays for
// syntax and for SSA plus facts.
package passbench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/memlint/memlint"
	"github.com/memlint/memlint/bench/floors/inspectfloor"
	"github.com/memlint/memlint/bench/floors/ssafloor"
)

// units is the number of copies of the synthetic code: each holds an
// upload handler, a JSON handler, a query helper, a buffer loop and some
// neutral code, about 90 lines.
const units = 400

const unit = `
func upload%[1]d(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f, _, err := r.FormFile("file")
	if err != nil {
		return
	}
	defer f.Close()
	io.Copy(io.Discard, f)
}

func uploadClean%[1]d(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		return
	}
	defer r.MultipartForm.RemoveAll()
	w.WriteHeader(http.StatusNoContent)
}

func list%[1]d(w http.ResponseWriter, r *http.Request) {
	names, err := names%[1]d(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	data, _ := json.MarshalIndent(names, "", "  ")
	w.Write(data)
}

func names%[1]d(ctx context.Context) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM audit_log WHERE active")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func page%[1]d(ctx context.Context, limit int) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users LIMIT $1", min(limit, 100))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		out = append(out, n)
	}
	return out, nil
}

func buffers%[1]d(items []string) int {
	total := 0
	for _, it := range items {
		buf := bytes.NewBuffer(make([]byte, 0, 8<<20))
		buf.WriteString(it)
		total += buf.Len()
	}
	return total
}

func neutral%[1]d(xs []int) (sum int) {
	seen := map[int]bool{}
	for i, x := range xs {
		if seen[x] {
			continue
		}
		seen[x] = true
		switch {
		case x%%2 == 0:
			sum += x * i
		default:
			func() { sum -= x }()
		}
	}
	var s strings.Builder
	fmt.Fprintf(&s, "%%d", sum)
	return sum + s.Len()
}
`

const header = `// Code for memlint's pass benchmarks (not generated in the go:generate
// sense: passes must not skip it).

package synth

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

var db *sql.DB
`

// load writes the synthetic module and loads it with its dependencies.
func load(b *testing.B) []*packages.Package {
	b.Helper()
	dir := b.TempDir()
	var src strings.Builder
	src.WriteString(header)
	for i := range units {
		fmt.Fprintf(&src, unit, i)
	}
	files := map[string]string{
		"go.mod":   "module synth\n\ngo 1.26\n",
		"synth.go": src.String(),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: false}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("synthetic package does not type-check")
	}
	return pkgs
}

func BenchmarkPasses(b *testing.B) {
	pkgs := load(b)
	analyzers := append([]*analysis.Analyzer{inspectfloor.Analyzer, ssafloor.Analyzer}, memlint.Analyzers...)
	for _, a := range analyzers {
		b.Run(a.Name, func(b *testing.B) {
			var own time.Duration
			findings := 0
			for b.Loop() {
				_, findings = analyzeOnce(b, a, pkgs, &own)
			}
			b.ReportMetric(float64(own.Milliseconds())/float64(b.N), "pass-ms/op")
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// analyzeOnce runs a, with what it requires, on pkgs; it adds the time of
// a's own actions to *own and returns the graph and a's findings.
func analyzeOnce(b *testing.B, a *analysis.Analyzer, pkgs []*packages.Package, own *time.Duration) (*checker.Graph, int) {
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		b.Fatal(err)
	}
	findings := 0
	for _, act := range g.Roots {
		if act.Err != nil {
			b.Fatalf("%s: %v", act, act.Err)
		}
		*own += act.Duration
		findings += len(act.Diagnostics)
	}
	return g, findings
}
