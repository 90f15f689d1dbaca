package unclosed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/internal/testutil"
)

// TestAnalyzer checks the diagnostics and, against .golden files, the
// suggested fixes, in one load.
func TestAnalyzer(t *testing.T) {
	results := analysistest.RunWithSuggestedFixes(t, testdataroot.Dir(), Analyzer, "unclosed/a", "unclosed/ctors", "unclosed/fields", "unclosed/indirect", "unclosed/tests", "unclosed/fromclient", "unclosed/idempotent")
	checkRelated(t, results)
}

// checkRelated checks that a leak on some paths points at the leaking
// return, which analysistest's want comments cannot express.
func checkRelated(t *testing.T, results []*analysistest.Result) {
	found := false
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if !strings.Contains(d.Message, "is not closed when io.Copy fails") ||
				filepath.Base(r.Pass.Fset.Position(d.Pos).Filename) != "storage.go" {
				continue
			}
			found = true
			if len(d.Related) != 1 {
				t.Fatalf("io.Copy leak has %d related positions, want 1", len(d.Related))
			}
			pos := r.Pass.Fset.Position(d.Related[0].Pos)
			line := lineOf(t, pos.Filename, pos.Line)
			if filepath.Base(pos.Filename) != "storage.go" || strings.TrimSpace(line) != "return err" {
				t.Errorf("related position %s is %q, want the early \"return err\"", pos, line)
			}
		}
	}
	if !found {
		t.Fatal("no io.Copy leak reported")
	}
}

func TestExtraFlag(t *testing.T) {
	testutil.SetFlag(t, Analyzer, "extra", "unclosed/extra/res.Open, (*unclosed/extra/res.Pool).Conn")
	testutil.RunWithFixes(t, testdataroot.Dir(), Analyzer, "unclosed/extra")
}

func TestExtraFlagValidation(t *testing.T) {
	var l keyList
	for _, bad := range []string{"Open", "res.", "(*res.Pool.Conn", "a b.C", "(res.Pool)"} {
		if err := l.Set(bad); err == nil {
			t.Errorf("Set(%q) succeeded, want error", bad)
		}
	}
	if err := l.Set("github.com/x/y/v2.Open,(*github.com/Shopify/sarama.Broker).Open"); err != nil {
		t.Fatal(err)
	}
	if got, want := l.String(), "github.com/x/y.Open,(*github.com/IBM/sarama.Broker).Open"; got != want {
		t.Errorf("canonical keys = %q, want %q", got, want)
	}
}

func TestFactString(t *testing.T) {
	f := &wrapperFact{Constructs: "github.com/IBM/sarama.NewClient"}
	if got, want := f.String(), "constructs(github.com/IBM/sarama.NewClient)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func lineOf(t *testing.T, file string, n int) string {
	t.Helper()
	data, err := readFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(data, "\n")
	if n < 1 || n > len(lines) {
		t.Fatalf("%s has no line %d", file, n)
	}
	return lines[n-1]
}

func readFile(name string) (string, error) {
	b, err := os.ReadFile(name)
	return string(b), err
}

// TestRealLibraries runs the pass on examples/pipeline, a module that uses
// the real libraries (from the module cache), to catch stubs drifting from
// them; its want comments assert the findings (the facts of
// pipeline/shutdown, a dependency here, are internal/ownership's and
// asserted by its test). It loads Cloud
// Storage's and the four Kafka clients' whole dependency trees in one
// process (about 150 s of CPU and 8 GB of memory), so besides -short it
// needs MEMLINT_EXAMPLES=1, which .ci/run sets. The root TestExamples
// covers the same findings through the memlint command in every run.
func TestRealLibraries(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real libraries")
	}
	if os.Getenv("MEMLINT_EXAMPLES") != "1" {
		t.Skip("loads the real libraries into 8 GB of memory; set MEMLINT_EXAMPLES=1 to run (CI does)")
	}
	analysistest.Run(t, testdataroot.Examples(), Analyzer, "./pipeline")
}

// TestHugeGenerated checks unclosed with a huge generated function, whose
// body ssabuild does not build: a resource handed to it is assumed kept
// (silent), a short generated helper is still understood, and a leak
// in the hand-written file is still reported.
func TestHugeGenerated(t *testing.T) {
	defer func(n int) { ssabuild.MaxGeneratedLines = n }(ssabuild.MaxGeneratedLines)
	ssabuild.MaxGeneratedLines = 5
	testutil.RunWithFixes(t, testdataroot.Dir(), Analyzer, "unclosed/generated")
}
