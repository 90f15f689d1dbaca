package passutil

import (
	"os"
	"path/filepath"
	"testing"
)

func TestExtractDoc(t *testing.T) {
	const src = `// Package p does things.
//
// # Analyzer p
//
// p: report things
//
// Body text.
//
// # Analyzer q
//
// q: other
package p
`
	got, err := ExtractDoc(src, "p")
	if err != nil {
		t.Fatal(err)
	}
	if want := "report things\n\nBody text."; got != want {
		t.Errorf("ExtractDoc(p) = %q, want %q", got, want)
	}
	if _, err := ExtractDoc(src, "r"); err == nil {
		t.Error("ExtractDoc(r) succeeded, want error for a missing heading")
	}
	if _, err := ExtractDoc("// Package p.\n//\n// # Analyzer p\n//\n// wrong start\npackage p\n", "p"); err == nil {
		t.Error("ExtractDoc accepted a section without the 'p: ' title line")
	}
}

// TestLineDoc checks the fast path against go/parser on every pass's
// doc.go and on the shapes it must hand to the parser.
func TestLineDoc(t *testing.T) {
	docs, err := filepath.Glob("../../passes/*/doc.go")
	if err != nil || len(docs) < 8 {
		t.Fatalf("found %d doc.go files (%v), want the eight passes'", len(docs), err)
	}
	srcs := map[string]string{
		"blank runs":    "// A.\n//\n//\n// B.   \n//\n\n// Package p.\n//\n//\n// x\n//\npackage p\n",
		"leading blank": "//\n// Package p.\npackage p\n",
		"crlf":          "// Package p.\r\n//\r\n// more\r\npackage p\r\n",
		"code block":    "// Package p.\n//\n//\tx := 1 \n//\t\ty\npackage p\n",
	}
	for _, f := range docs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = string(b)
	}
	for name, src := range srcs {
		got, ok := lineDoc(src)
		if !ok {
			t.Errorf("%s: lineDoc declined a plain line-comment file", name)
			continue
		}
		want, err := parsedDoc(src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got != want {
			t.Errorf("%s: lineDoc = %q, go/parser = %q", name, got, want)
		}
	}
	for name, src := range map[string]string{
		"block comment": "/* Package p. */\npackage p\n",
		"directive":     "//go:build linux\n// Package p.\npackage p\n",
		"no comment":    "package p\n",
		"detached":      "// Package p.\n\npackage p\n",
		"no clause":     "// Package p.\n",
	} {
		if got, ok := lineDoc(src); ok {
			t.Errorf("%s: lineDoc = %q, want it to decline", name, got)
		}
	}
}
