package passutil

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

const toolkitSrc = `package kafka

type Writer struct{}

func NewWriter() *Writer { return nil }

func (w *Writer) Close() error { return nil }

func (w Writer) Stats() int { return 0 }

type List[T any] struct{ t T }

type Alias = Writer

var (
	ptr   *Writer
	inst  List[int]
	alias *Alias
	slice []Writer
)

func f() {
	a, b := 1, 2
	var c, d = 3, 4
	var e int
	a += b
	_, _, _, _ = a, c, d, e
}
`

func parseToolkit(t *testing.T) (*token.FileSet, *ast.File, *types.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "kafka.go", toolkitSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("example.com/kafka", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f, pkg
}

func TestNames(t *testing.T) {
	_, _, pkg := parseToolkit(t)
	typ := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	for _, tc := range []struct {
		name            string
		typeName, named string
		hasPkg          bool
	}{
		{"ptr", "kafka.Writer", "kafka.Writer", true},
		{"inst", "kafka.List[int]", "kafka.List", true},
		{"alias", "kafka.Alias", "kafka.Writer", true},
		{"slice", "[]kafka.Writer", "[]kafka.Writer", false},
	} {
		if got := TypeName(typ(tc.name)); got != tc.typeName {
			t.Errorf("TypeName(%s) = %q, want %q", tc.name, got, tc.typeName)
		}
		if got := NamedTypeName(typ(tc.name)); got != tc.named {
			t.Errorf("NamedTypeName(%s) = %q, want %q", tc.name, got, tc.named)
		}
		if got := TypePkg(typ(tc.name)); (got == pkg) != tc.hasPkg {
			t.Errorf("TypePkg(%s) = %v, want package: %v", tc.name, got, tc.hasPkg)
		}
	}
	w := pkg.Scope().Lookup("Writer").Type()
	method := func(name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(w, true, pkg, name)
		return obj.(*types.Func)
	}
	errorMethod, _, _ := types.LookupFieldOrMethod(types.Universe.Lookup("error").Type(), false, nil, "Error")
	for fn, want := range map[*types.Func]string{
		pkg.Scope().Lookup("NewWriter").(*types.Func): "kafka.NewWriter",
		method("Close"):           "(*kafka.Writer).Close",
		method("Stats"):           "kafka.Writer.Stats",
		errorMethod.(*types.Func): "Error",
	} {
		if got := FuncName(fn); got != want {
			t.Errorf("FuncName(%s) = %q, want %q", fn.Name(), got, want)
		}
	}
}

func TestFileOf(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range []string{"a.go", "b.go"} {
		f, err := parser.ParseFile(fset, name, "package p\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	for i, f := range files {
		for _, pos := range []token.Pos{f.FileStart, f.Package, f.FileEnd} {
			if got := FileOf(files, pos); got != f {
				t.Errorf("FileOf(file %d, %d) = %v", i, pos, got)
			}
		}
	}
	if got := FileOf(files, files[1].FileEnd+1); got != nil {
		t.Errorf("FileOf(past the last file) = %v, want nil", got)
	}
}

func TestAssignParts(t *testing.T) {
	_, f, _ := parseToolkit(t)
	var got []string
	ast.Inspect(f, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncDecl); !ok {
			if lhs, rhs, ok := AssignParts(n); ok {
				got = append(got, types.ExprString(lhs[0])+"/"+itoa(len(lhs))+"/"+itoa(len(rhs)))
			}
		}
		return true
	})
	// The package-level var specs come first.
	want := []string{"ptr/1/0", "inst/1/0", "alias/1/0", "slice/1/0", "a/2/2", "c/2/2", "e/1/0", "a/1/1", "_/4/4"}
	if len(got) != len(want) {
		t.Fatalf("AssignParts found %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("AssignParts #%d = %s, want %s", i, got[i], want[i])
		}
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestIsTestFile(t *testing.T) {
	fset := token.NewFileSet()
	for name, want := range map[string]bool{"a.go": false, "a_test.go": true} {
		// A //line directive names another file; the name on disk counts.
		f, err := parser.ParseFile(fset, name, "//line other_test.go:1\npackage p\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := IsTestFile(fset, f); got != want {
			t.Errorf("IsTestFile(%s) = %v, want %v", name, got, want)
		}
	}
}
