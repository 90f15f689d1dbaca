// Package linemap resolves the positions of analysis JSON back to a
// package's own files.
//
// unitchecker and multichecker print a diagnostic's position after //line
// directives ("posn": the file and line a directive names) and an edit as
// that adjusted file name with the unadjusted byte offset of the file that
// was parsed. In a cgo package the parsed files are cgo's output in the
// build cache, whose directives name the original files; in a hostile
// package a directive can name any file at all. Taken at face value, an
// edit then rewrites bytes of the wrong file.
//
// A Package knows the files the go command compiled for one package and
// which of them are the package's own (in its directory, editable). It
// reverses the directives of the compiled files that have any, so that a
// position or an edit is resolved to the one compiled file that can hold
// it, or to nothing when none or several can.
package linemap

import (
	"bytes"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
)

// Package is the compiled files of one package.
type Package struct {
	files []*file
	own   map[string]bool // by clean absolute path
}

type file struct {
	name    string
	content []byte
	lines   []int       // byte offset of each line start
	tf      *token.File // nil when the file has no line directive
	rev     map[string]map[[2]int]int
}

// New reads the compiled Go files of a package (absolute paths, as go list
// -compiled names them). Own files are those in dir; files that cannot be
// read are left out, so nothing resolves to them.
func New(dir string, compiled []string) *Package {
	p := &Package{own: make(map[string]bool)}
	dir = filepath.Clean(dir)
	for _, name := range compiled {
		name = filepath.Clean(name)
		content, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		p.add(name, content)
		if filepath.Dir(name) == dir {
			p.own[name] = true
		}
	}
	return p
}

func (p *Package) add(name string, content []byte) {
	f := &file{name: name, content: content, lines: []int{0}}
	for i, b := range content {
		if b == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	if bytes.Contains(content, []byte("line ")) && (bytes.Contains(content, []byte("//line ")) || bytes.Contains(content, []byte("/*line "))) {
		// Scanning registers the directives in the token.File as the
		// parser does (comments are processed even when skipped).
		fset := token.NewFileSet()
		f.tf = fset.AddFile(name, -1, len(content))
		var s scanner.Scanner
		s.Init(f.tf, content, nil, 0)
		for {
			if _, tok, _ := s.Scan(); tok == token.EOF {
				break
			}
		}
	}
	p.files = append(p.files, f)
}

// Own reports whether name is one of the package's own compiled files.
func (p *Package) Own(name string) bool { return p.own[filepath.Clean(name)] }

// Content returns the bytes of a compiled file as read by New, or nil.
func (p *Package) Content(name string) []byte {
	name = filepath.Clean(name)
	for _, f := range p.files {
		if f.name == name {
			return f.content
		}
	}
	return nil
}

// HasDirectives reports whether any compiled file has a line directive.
func (p *Package) HasDirectives() bool {
	for _, f := range p.files {
		if f.tf != nil {
			return true
		}
	}
	return false
}

// Edit resolves an edit of analysis JSON (the adjusted file name and the
// unadjusted offsets start <= end) to the file whose bytes it covers. It
// fails unless exactly one compiled file can hold it, that file is one of
// the package's own, and the edit lies within it on one adjusted file.
func (p *Package) Edit(adjusted string, start, end int) (string, bool) {
	adjusted = filepath.Clean(adjusted)
	var found *file
	n := 0
	for _, f := range p.files {
		if start < 0 || end < start || end > len(f.content) {
			continue
		}
		if f.tf == nil {
			if f.name != adjusted {
				continue
			}
		} else {
			a := f.tf.PositionFor(f.tf.Pos(start), true).Filename
			b := f.tf.PositionFor(f.tf.Pos(end), true).Filename
			if filepath.Clean(a) != adjusted || filepath.Clean(b) != adjusted {
				continue
			}
		}
		found = f
		n++
	}
	if n != 1 || !p.own[found.name] {
		return "", false
	}
	return found.name, true
}

// Pos resolves an adjusted position (file, 1-based line, 1-based byte
// column or 0 when unknown) to the compiled file and byte offset it was printed for. ok is
// false unless exactly one compiled file can hold it; own says whether that
// file is one of the package's own.
func (p *Package) Pos(adjusted string, line, col int) (name string, offset int, own, ok bool) {
	adjusted = filepath.Clean(adjusted)
	n := 0
	for _, f := range p.files {
		o := -1
		if f.tf == nil {
			if f.name == adjusted && line >= 1 && line <= len(f.lines) && col >= 0 {
				o = min(f.lines[line-1]+max(col-1, 0), len(f.content))
			}
		} else if off, ok := f.reverse(adjusted)[[2]int{line, col}]; ok && off >= 0 {
			o = off
		}
		if o < 0 {
			continue
		}
		name, offset = f.name, o
		n++
	}
	if n != 1 {
		return "", 0, false, false
	}
	return name, offset, p.own[name], true
}

// reverse maps the adjusted (line, column) positions in file adjusted of a
// file with directives to their first offset, or -1 where offsets on
// several lines of the file share a position. A directive without a column
// leaves the column unknown (0): then every offset of a line shares one
// position, which resolves to the first of them.
func (f *file) reverse(adjusted string) map[[2]int]int {
	if m, ok := f.rev[adjusted]; ok {
		return m
	}
	m := make(map[[2]int]int)
	for o := 0; o <= len(f.content); o++ {
		pos := f.tf.PositionFor(f.tf.Pos(o), true)
		if filepath.Clean(pos.Filename) != adjusted {
			continue
		}
		k := [2]int{pos.Line, pos.Column}
		if prev, dup := m[k]; !dup {
			m[k] = o
		} else if prev >= 0 && f.tf.Line(f.tf.Pos(prev)) != f.tf.Line(f.tf.Pos(o)) {
			m[k] = -1
		}
	}
	if f.rev == nil {
		f.rev = make(map[string]map[[2]int]int)
	}
	f.rev[adjusted] = m
	return m
}
