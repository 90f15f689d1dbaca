package lsp

import (
	"net/url"
	"path/filepath"
	"sort"
	"unicode/utf8"
)

// mapper converts byte offsets of one file's content to LSP positions,
// whose character is counted in UTF-16 code units (the only encoding
// LSP 3.16 clients must support).
type mapper struct {
	content []byte
	lines   []int // byte offset of the start of each line
}

func newMapper(content []byte) *mapper {
	lines := []int{0}
	for i, b := range content {
		if b == '\n' {
			lines = append(lines, i+1)
		}
	}
	return &mapper{content: content, lines: lines}
}

func (m *mapper) position(offset int) Position {
	offset = max(0, min(offset, len(m.content)))
	line := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > offset }) - 1
	var char uint32
	for b := m.content[m.lines[line]:offset]; len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r >= 0x10000 {
			char += 2
		} else {
			char++
		}
	}
	return Position{Line: uint32(line), Character: char}
}

func (m *mapper) rng(start, end int) Range {
	if end < start {
		end = start
	}
	return Range{Start: m.position(start), End: m.position(end)}
}

// before reports whether p comes before q.
func before(p, q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}

// overlaps reports whether the ranges a and b share a position, counting
// their ends (so a cursor at either end of a diagnostic touches it).
func overlaps(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

// filename returns the file path of a file: URI, or "" for other schemes
// (untitled buffers and the like, which memlint does not analyse). On
// Windows the slash before a drive letter goes (file:///C:/x is C:\x).
func filename(u DocumentURI) string {
	p, err := url.Parse(string(u))
	if err != nil || p.Scheme != "file" || p.Path == "" {
		return ""
	}
	path := p.Path
	if len(path) > 1 && path[0] == '/' && driveLetter(filepath.VolumeName(filepath.FromSlash(path[1:]))) {
		path = path[1:]
	}
	return filepath.Clean(filepath.FromSlash(path))
}

// fileURI returns the file: URI of path, made absolute: the path with
// forward slashes, percent-encoded, and on Windows a slash before the
// drive letter (C:\x is file:///C:/x).
func fileURI(path string) DocumentURI {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	slashed := filepath.ToSlash(path)
	if driveLetter(filepath.VolumeName(path)) {
		slashed = "/" + slashed
	}
	return DocumentURI((&url.URL{Scheme: "file", Path: slashed}).String())
}

// driveLetter reports whether a volume name is a drive letter, as
// filepath.VolumeName gives on Windows (and never elsewhere).
func driveLetter(vol string) bool {
	return len(vol) == 2 && vol[1] == ':'
}

// canonical is the key under which the server tracks a file: the path
// with symbolic links resolved, so that the editor's name for a file and
// the go command's name for it meet.
func canonical(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p
	}
	return filepath.Clean(path)
}
