package passutil

import (
	"go/token"
	"testing"
)

func TestShortPos(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("/src/app/models/export.go", -1, 100)
	f.SetLines([]int{0, 10, 20, 30})
	if got, want := ShortPos(fset, f.Pos(25)), "export.go:3"; got != want {
		t.Errorf("ShortPos = %q, want %q", got, want)
	}
}
