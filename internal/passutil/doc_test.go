package passutil

import "testing"

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
