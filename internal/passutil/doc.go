// Package passutil is the toolkit every memlint pass shares, in the spirit
// of staticcheck's analysis/code:
//
//   - doc extraction (doc.go) and panic containment (guard.go);
//   - reporting that honours //memlint:ignore directives (report.go);
//   - files: the file holding a position, generated and _test.go files
//     (files.go);
//   - positions and edits on the file as it is on disk: line, indentation,
//     the end of a line past a trailing comment (pos.go);
//   - syntax: the parts of an assignment (syntax.go);
//   - names of types and functions as messages print them (names.go);
//   - byte-size flags (bytes.go).
//
// A helper belongs here when two passes need it with the same meaning;
// where passes need different answers (perrequest names a method
// "(pkg.T).M", unclosed "(*pkg.T).M"), the difference stays in the pass.
package passutil

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc returns the documentation of the analyzer name from the
// package comment of a doc.go file: the text after the "# Analyzer name"
// heading, up to the next heading of the same level, without the leading
// "name:" (as x/tools' passes do). It panics if the section is missing or
// does not start with "name: ".
func MustExtractDoc(content, name string) string {
	doc, err := ExtractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// ExtractDoc is MustExtractDoc returning an error.
func ExtractDoc(content, name string) (string, error) {
	if content == "" {
		return "", fmt.Errorf("empty Go source file")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("not a Go source file: %v", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("Go source file has no package doc comment")
	}
	heading := "# Analyzer " + name
	for section := range strings.SplitSeq(f.Doc.Text(), "\n# ") {
		section = "# " + strings.TrimPrefix(section, "# ")
		body, ok := strings.CutPrefix(section, heading+"\n")
		if !ok {
			continue
		}
		body = strings.TrimLeft(body, "\n")
		if !strings.HasPrefix(body, name+": ") {
			return "", fmt.Errorf("section %q does not start with %q", heading, name+": ")
		}
		return strings.TrimSpace(strings.TrimPrefix(body, name+":")), nil
	}
	return "", fmt.Errorf("package doc comment contains no %q heading", heading)
}
