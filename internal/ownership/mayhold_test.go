package ownership

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestMayHold checks which parameter types get a summary: only
// those that can hold a resource, so that the facts of std's byte and
// string helpers are not exported and decoded by every importer.
func TestMayHold(t *testing.T) {
	const src = `package p

import (
	"context"
	"io"
	"os"
)

type ints struct{ a, b int; next *ints }
type handle struct{ fd int }
func (handle) Close() error { return nil }
type holder struct{ n int; c io.Closer }
type list struct{ next *list; h *handle }

func f(
	b []byte, pi *int, m map[string]int, s ints, ctx context.Context, err error, // no
	c io.Closer, f *os.File, h handle, hs []holder, l *list, fn func(), a any, ch chan io.Reader, // yes
) {}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("p", fset, []*ast.File{file}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sig := pkg.Scope().Lookup("f").Type().(*types.Signature)
	want := map[string]bool{
		"b": false, "pi": false, "m": false, "s": false, "ctx": false, "err": false,
		"c": true, "f": true, "h": true, "hs": true, "l": true, "fn": true, "a": true, "ch": true,
	}
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if got := MayHold(p.Type()); got != want[p.Name()] {
			t.Errorf("MayHold(%s %s) = %v, want %v", p.Name(), p.Type(), got, want[p.Name()])
		}
	}
}
