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
//   - byte-size flags (bytes.go);
//   - facts: the parameter-set type every fact prints as name(0,2), and
//     the one fixed-point loop with its cap (facts.go).
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
	text, ok := lineDoc(content)
	if !ok {
		var err error
		if text, err = parsedDoc(content); err != nil {
			return "", err
		}
	}
	heading := "# Analyzer " + name
	for section := range strings.SplitSeq(text, "\n# ") {
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

// parsedDoc returns the text of the package doc comment of a Go file, as
// go/ast's CommentGroup.Text gives it.
func parsedDoc(content string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("not a Go source file: %v", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("no package doc comment in the Go source file")
	}
	return f.Doc.Text(), nil
}

// lineDoc is parsedDoc for the shape every doc.go has: "// " and "//\t"
// comment lines and blank lines, then the package clause. It returns false for
// anything else (block comments, directives, code before the clause), and
// the caller parses the file instead.
//
// Every analyzer's Doc is computed when its package is initialised, so in
// each process memlint starts: go vet starts one per package, and so does
// the standalone driver. go/parser made that 0.3 ms and 45 KB of
// allocation per pass; this is a few microseconds.
func lineDoc(content string) (string, bool) {
	var group []string // the comment lines right above the current line
	for line := range strings.Lines(content) {
		line = strings.TrimRight(line, " \t\r\n")
		switch {
		case line == "":
			group = group[:0]
		case line == "//":
			group = append(group, "")
		case strings.HasPrefix(line, "// "):
			group = append(group, line[len("// "):])
		case strings.HasPrefix(line, "//\t"): // a code block
			group = append(group, line[len("//"):])
		case strings.HasPrefix(line, "package "):
			return commentText(group), len(group) > 0
		default:
			return "", false
		}
	}
	return "", false
}

// commentText joins comment lines as CommentGroup.Text does: no leading
// blank lines, runs of blank lines made one, no trailing blank lines, and
// a final newline.
func commentText(lines []string) string {
	var b strings.Builder
	blank := false
	for _, l := range lines {
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}
