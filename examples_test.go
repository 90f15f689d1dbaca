package memlint_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/memlint/memlint/internal/analysisjson"
	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite testdata/examples.golden from the current findings")

// goldenFile lists every finding memlint reports on examples/, the nested
// module that uses the REAL libraries: "file:line: pass: message".
var goldenFile = filepath.Join(testdataroot.Dir(), "examples.golden")

// findings flattens analysis JSON trees ({pkg: {pass: [diag] | {error}}})
// into sorted "file:line: pass: message" lines relative to dir.
func findings(t *testing.T, dir string, data []byte) []string {
	t.Helper()
	var lines []string
	err := analysisjson.Decode(bytes.NewReader(data), func(r analysisjson.Result) error {
		if r.Err != "" {
			t.Errorf("pass %s failed on %s: %s", r.Pass, r.Pkg, r.Err)
		}
		for _, d := range r.Diagnostics {
			posn := d.Posn
			if rel, err := filepath.Rel(dir, posn); err == nil {
				posn = rel
			}
			// file:line:col -> file:line
			if i := strings.LastIndex(posn, ":"); i > 0 {
				posn = posn[:i]
			}
			lines = append(lines, fmt.Sprintf("%s: %s: %s", filepath.ToSlash(posn), r.Pass, d.Message))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("decoding analysis JSON: %v\n%s", err, data)
	}
	slices.SortFunc(lines, compareFindings)
	return slices.Compact(lines)
}

// TestExamples runs memlint over examples/ with the real libraries and
// compares every finding with testdata/examples.golden.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real libraries of examples/ (slow); run without -short")
	}
	bin := testutil.Memlint(t)
	dir := testdataroot.Examples()
	cmd := exec.Command(bin, "-json", "./...")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("memlint -json ./... in examples: %v\n%s", err, stderr.Bytes())
	}
	got := findings(t, dir, out)
	if len(got) == 0 {
		t.Fatal("memlint reported nothing on examples/, which holds a leaking form of every API")
	}
	if *update {
		if err := os.WriteFile(goldenFile, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (run go test -run TestExamples -update . to create it)", err)
	}
	want := strings.Split(strings.TrimSpace(string(data)), "\n")
	if !slices.Equal(got, want) {
		t.Errorf("findings on examples/ differ from %s (rerun with -update if the change is intended):\n%s",
			goldenFile, lineDiff(want, got))
	}
}

// TestVetMatchesStandalone checks that go vet -vettool=memlint reports the
// same findings on examples/ as the standalone driver.
func TestVetMatchesStandalone(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real libraries of examples/ (slow); run without -short")
	}
	bin := testutil.Memlint(t)
	dir := testdataroot.Examples()
	cmd := exec.Command("go", "vet", "-vettool="+bin, "-json", "./...")
	cmd.Dir = dir
	// The shared build cache is safe here: every package is a root of this
	// one invocation, and vet keys results on the tool's build ID, so the
	// cache defect described in the README (a package first vetted only as
	// a dependency) cannot arise.
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go vet -vettool: %v\n%s", err, out)
	}
	// vet prints "# pkg" headers between the JSON trees.
	var jsonOnly bytes.Buffer
	for line := range strings.SplitSeq(string(out), "\n") {
		if !strings.HasPrefix(line, "#") {
			jsonOnly.WriteString(line + "\n")
		}
	}
	got := findings(t, dir, jsonOnly.Bytes())
	data, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(string(data)), "\n")
	if !slices.Equal(got, want) {
		t.Errorf("go vet -vettool findings differ from the standalone golden list:\n%s", lineDiff(want, got))
	}
}

// compareFindings orders "file:line: ..." lines by file, then line number.
func compareFindings(a, b string) int {
	fa, la, ra := splitFinding(a)
	fb, lb, rb := splitFinding(b)
	if c := strings.Compare(fa, fb); c != 0 {
		return c
	}
	if la != lb {
		return la - lb
	}
	return strings.Compare(ra, rb)
}

func splitFinding(s string) (file string, line int, rest string) {
	file, rest, _ = strings.Cut(s, ":")
	num, rest, _ := strings.Cut(rest, ":")
	fmt.Sscan(num, &line)
	return file, line, rest
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got []string) string {
	var b strings.Builder
	for _, w := range want {
		if !slices.Contains(got, w) {
			fmt.Fprintf(&b, "- %s\n", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			fmt.Fprintf(&b, "+ %s\n", g)
		}
	}
	return b.String()
}
