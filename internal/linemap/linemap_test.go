package linemap

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestResolve(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "evil")
	victim := filepath.Join(root, "victim", "victim.go")
	evil := filepath.Join(dir, "evil.go")
	plain := filepath.Join(dir, "plain.go")
	gen := filepath.Join(root, "cache", "x.cgo1.go") // cgo's output, outside dir
	orig := filepath.Join(dir, "x.go")
	evilSrc := "package evil\n\n//line ../victim/victim.go:1\nfunc F() { g() }\n"
	write(t, evil, evilSrc)
	write(t, plain, "package evil\n\nfunc g() {}\n")
	write(t, victim, "package victim\n\n// a comment that must not be touched\n")
	write(t, gen, "package evil\n\n//line "+orig+":3:1\nfunc h() {}\n")
	write(t, orig, "package evil\n\nfunc h() {}\n")

	p := New(dir, []string{evil, plain, gen})
	if !p.HasDirectives() || !p.Own(evil) || p.Own(gen) || p.Own(victim) {
		t.Fatalf("own/directives wrong")
	}
	// "g()" in evil.go is printed as victim.go:1 (the directive gives no
	// column) with evil.go's offset.
	off := strings.Index(evilSrc, "g()")
	if name, ok := p.Edit(victim, off, off+3); !ok || name != evil {
		t.Errorf("Edit(victim.go) = %q, %v; want evil.go", name, ok)
	}
	line4 := strings.Index(evilSrc, "func F")
	if name, o, own, ok := p.Pos(victim, 1, 0); !ok || !own || name != evil || o != line4 {
		t.Errorf("Pos(victim.go:1) = %q %d %v %v; want evil.go %d", name, o, own, ok, line4)
	}
	// An edit in the plain file of the same package still resolves.
	if name, ok := p.Edit(plain, 14, 18); !ok || name != plain {
		t.Errorf("Edit(plain.go) = %q, %v", name, ok)
	}
	if name, o, own, ok := p.Pos(plain, 3, 6); !ok || !own || name != plain || o != 19 {
		t.Errorf("Pos(plain.go:3:6) = %q %d %v %v", name, o, own, ok)
	}
	// cgo: the position names the original file, the offset is cgo's
	// output's; no fix may apply to x.go.
	if name, ok := p.Edit(orig, 20, 21); ok {
		t.Errorf("Edit(x.go) resolved to %q", name)
	}
	if _, _, own, ok := p.Pos(orig, 3, 6); !ok || own {
		t.Errorf("Pos(x.go:3:6): own %v ok %v; want cgo's output (not own)", own, ok)
	}
	// Out of range.
	if _, ok := p.Edit(plain, 0, 1<<20); ok {
		t.Errorf("edit past the end resolved")
	}
}
