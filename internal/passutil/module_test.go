package passutil

import (
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestModulePath(t *testing.T) {
	for _, tc := range []struct {
		pkg    string
		module *analysis.Module
		want   string
	}{
		{"github.com/o/r/internal/controller", nil, "github.com/o/r"},
		{"multipart/remote/handlers", nil, "multipart"},
		{"example.com/x", nil, ""},
		{"github.com/o/r/backend/internal/x", &analysis.Module{Path: "github.com/o/r/backend"}, "github.com/o/r/backend"},
	} {
		pass := &analysis.Pass{Pkg: types.NewPackage(tc.pkg, "x"), Module: tc.module}
		if got := ModulePath(pass); got != tc.want {
			t.Errorf("ModulePath(%s) = %q, want %q", tc.pkg, got, tc.want)
		}
	}
}

func TestInModule(t *testing.T) {
	for _, tc := range []struct {
		path, mod string
		want      bool
	}{
		{"github.com/o/r", "github.com/o/r", true},
		{"github.com/o/r/x", "github.com/o/r", true},
		{"github.com/o/rx", "github.com/o/r", false},
	} {
		if got := InModule(tc.path, tc.mod); got != tc.want {
			t.Errorf("InModule(%q, %q) = %v, want %v", tc.path, tc.mod, got, tc.want)
		}
	}
}

func TestModulePos(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("/src/backend/internal/controller/user.go", -1, 100)
	f.SetLines([]int{0, 10, 20, 30})
	pass := &analysis.Pass{Fset: fset, Pkg: types.NewPackage("github.com/o/r/backend/internal/controller", "controller"), Module: &analysis.Module{Path: "github.com/o/r/backend"}}
	if got, want := ModulePos(pass, f.Pos(25)), "internal/controller/user.go:3"; got != want {
		t.Errorf("ModulePos = %q, want %q", got, want)
	}
	pass.Module.Version = "v1.2.0" // a dependency: its path says whose file it is
	if got, want := ModulePos(pass, f.Pos(25)), "github.com/o/r/backend/internal/controller/user.go:3"; got != want {
		t.Errorf("ModulePos = %q, want %q", got, want)
	}
}
