package bigbuffer

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/internal/testutil"
)

// TestAnalyzer checks the diagnostics and, against .golden files, the
// suggested fixes of every default-flag package, in one load
// (MEMLINT_UPDATE_GOLDENS=1 rewrites the goldens).
func TestAnalyzer(t *testing.T) {
	results := testutil.RunWithFixes(t, testdataroot.Dir(), Analyzer, "bigbuffer/...")
	checkRelated(t, results)
}

func TestMaxBytesFlag(t *testing.T) {
	testutil.SetFlag(t, Analyzer, "max-bytes", "64KiB")
	testutil.RunWithFixes(t, testdataroot.Dir(), Analyzer, "bigbuffer/_flags/maxbytes")
}

func TestChunkSizeFlag(t *testing.T) {
	testutil.SetFlag(t, Analyzer, "chunk-size", "1MiB")
	analysistest.RunWithSuggestedFixes(t, testdataroot.Dir(), Analyzer, "bigbuffer/_flags/chunksize")
}

func TestFlagValues(t *testing.T) {
	for _, tc := range []struct {
		flag, value string
		want        string // String() after Set, "" for an error
	}{
		{"max-bytes", "1048576", "1048576"},
		{"max-bytes", "2MiB", "2097152"},
		{"max-bytes", "512 KiB", "524288"},
		{"max-bytes", "1GiB", "1073741824"},
		{"max-bytes", "0", ""},
		{"max-bytes", "-5", ""},
		{"max-bytes", "lots", ""},
		{"max-bytes", "1.5MiB", ""},
		{"max-bytes", "99999999999GiB", ""},
		{"chunk-size", "0", "0"},
		{"chunk-size", "256KiB", "262144"},
		{"chunk-size", "8MiB", "8388608"},
		{"chunk-size", "300000", ""},
		{"chunk-size", "-262144", ""},
	} {
		f := Analyzer.Flags.Lookup(tc.flag)
		old := f.Value.String()
		err := f.Value.Set(tc.value)
		got := f.Value.String()
		if err := f.Value.Set(old); err != nil {
			t.Fatalf("restoring -%s=%s: %v", tc.flag, old, err)
		}
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("-%s=%q accepted (%s), want an error", tc.flag, tc.value, got)
		case tc.want != "" && err != nil:
			t.Errorf("-%s=%q: %v", tc.flag, tc.value, err)
		case tc.want != "" && got != tc.want:
			t.Errorf("-%s=%q gives %s, want %s", tc.flag, tc.value, got, tc.want)
		}
	}
}

func TestHuman(t *testing.T) {
	for n, want := range map[int64]string{
		1:        "1 byte",
		100:      "100 bytes",
		1 << 10:  "1 KiB",
		1 << 20:  "1 MiB",
		16 << 20: "16 MiB",
		3 << 19:  "1.5 MiB",
		1 << 30:  "1 GiB",
	} {
		if got := passutil.FormatBytes(n); got != want {
			t.Errorf("FormatBytes(%d) = %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int64]string{0: "0", 256 << 10: "256 << 10", 1 << 20: "1 << 20", 1000: "1000"} {
		if got := sizeExpr(n); got != want {
			t.Errorf("sizeExpr(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{Analyzer}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(Analyzer.Doc, "report 16 MiB upload buffers") {
		t.Errorf("Doc starts %q", Analyzer.Doc[:40])
	}
}

// TestRealLibraries runs the pass on examples/thumbnails, which uses the
// real cloud.google.com/go/storage and google.golang.org/api, so that stub
// drift shows up. It loads and analyses their whole dependency graph.
func TestRealLibraries(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real Google Cloud libraries from the module cache")
	}
	analysistest.Run(t, testdataroot.Examples(), Analyzer, "./thumbnails")
}

// checkRelated checks that writer findings point at the write that
// allocates the buffer and, when ChunkSize is set too late, at that
// assignment (what want comments cannot express), on TestAnalyzer's
// results.
func checkRelated(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	found := 0
	for _, r := range results {
		if r.Pass.Pkg.Path() != "bigbuffer/writer" {
			continue
		}
		for _, d := range r.Diagnostics {
			if !strings.Contains(d.Message, "buffers 16 MiB") {
				continue
			}
			if len(d.Related) == 0 || d.Related[0].Pos <= d.Pos {
				t.Errorf("%s: %q: want related information after the NewWriter call, got %v",
					r.Pass.Fset.Position(d.Pos), d.Message, d.Related)
				continue
			}
			if strings.Contains(d.Message, "too late") {
				if len(d.Related) != 2 || !strings.Contains(d.Related[1].Message, "no effect") {
					t.Errorf("%s: late ChunkSize not pointed at: %v", r.Pass.Fset.Position(d.Pos), d.Related)
				}
			}
			found++
		}
	}
	if found < 10 {
		t.Errorf("checked %d writer findings, want at least 10", found)
	}
}
