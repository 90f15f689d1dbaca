// Package ssabuild is memlint's SSA builder: the analyzer its SSA passes
// Require instead of x/tools' buildssa. It returns the same result
// (*buildssa.SSA: the package and its source functions, literals
// included, in source order), built the same way, with one difference:
// the body of a huge function in a generated file is not built.
//
// memlint reports nothing in generated files, and the cost of SSA for one
// function grows with the square of its size: go/ssa's renaming of
// variables (lift) copies a slice of all the function's local variables at
// every branch of the dominator tree. With a generated router of 90,000
// lines in one function, memlint took three times go vet's CPU and memory,
// most of it in SSA (docs/performance.md, "huge generated functions").
// Such a function is built as if declared without a body (as
// an assembly function is): it has no blocks, its function literals do
// not exist, and it is left out of SrcFuncs. Its facts are lost: a pass
// that meets a call to it in the package (Elided) must treat it as unknown.
// Generated functions of ordinary size keep their bodies, so a generated
// helper that closes, retains or returns a resource still exports its
// facts to other packages.
package ssabuild

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passutil"
)

// Analyzer builds the SSA form of a package, without the bodies of huge
// generated functions. Its result is a *buildssa.SSA.
var Analyzer = &analysis.Analyzer{
	Name:       "ssabuild",
	Doc:        "helper: build SSA as buildssa does, without the bodies of huge functions in generated files",
	URL:        "https://pkg.go.dev/github.com/memlint/memlint/internal/ssabuild",
	Run:        run,
	Requires:   []*analysis.Analyzer{ctrlflow.Analyzer},
	ResultType: reflect.TypeFor[*buildssa.SSA](),
}

// MaxGeneratedLines is the number of lines above which the body of a
// function in a generated file is not built. Ordinary functions, even
// long generated ones, are far below it; tests lower it.
var MaxGeneratedLines = 2000

// ShareBuildssa makes Analyzer hand on x/tools' buildssa result instead of
// building its own SSA form, so that huge generated functions are built
// again. Call it once, before any analysis runs: the golangci-lint plugin
// does, because there other linters (bodyclose, sqlclosecheck, nilness,
// unparam and more) require buildssa, and two builders would build every
// package's SSA form twice, which costs far more than the rare huge
// generated function saves. Standalone and under go vet, memlint's passes
// are the only SSA users and the builder elides.
func ShareBuildssa() {
	shareOnce.Do(func() {
		Analyzer.Requires = append(Analyzer.Requires, buildssa.Analyzer)
	})
}

var shareOnce sync.Once

func run(pass *analysis.Pass) (any, error) {
	if res, ok := pass.ResultOf[buildssa.Analyzer]; ok {
		return res, nil // ShareBuildssa
	}
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	prog := ssa.NewProgram(pass.Fset, ssa.BuilderMode(0))
	prog.SetNoReturn(cfgs.NoReturn)
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	files := make([]*ast.File, len(pass.Files))
	for i, f := range pass.Files {
		files[i] = withoutHugeBodies(pass.Fset, f)
	}
	pkg := prog.CreatePackage(pass.Pkg, files, pass.TypesInfo, false)
	pkg.Build()

	var funcs []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		funcs = append(funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			d, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, _ := pass.TypesInfo.Defs[d.Name].(*types.Func)
			if obj == nil {
				continue
			}
			fn := prog.FuncValue(obj)
			if fn == nil || d.Body == nil && elided(pass, d.Name.Pos()) {
				continue
			}
			add(fn)
		}
	}
	return &buildssa.SSA{Pkg: pkg, SrcFuncs: funcs}, nil
}

// withoutHugeBodies returns f, or, when f is a generated file with huge
// functions, a shallow copy of f whose copies of those declarations have
// no body. The syntax trees the other analyzers see are not changed.
func withoutHugeBodies(fset *token.FileSet, f *ast.File) *ast.File {
	if !passutil.IsGenerated(f) {
		return f
	}
	var decls []ast.Decl
	for i, decl := range f.Decls {
		d, ok := decl.(*ast.FuncDecl)
		if !ok || !huge(fset, d) {
			continue
		}
		if decls == nil {
			decls = append([]ast.Decl(nil), f.Decls...)
		}
		cp := *d
		cp.Body = nil
		decls[i] = &cp
	}
	if decls == nil {
		return f
	}
	cp := *f
	cp.Decls = decls
	return &cp
}

// huge reports whether d's body spans more than MaxGeneratedLines lines.
func huge(fset *token.FileSet, d *ast.FuncDecl) bool {
	if d.Body == nil {
		return false
	}
	return fset.Position(d.Body.End()).Line-fset.Position(d.Body.Pos()).Line > MaxGeneratedLines
}

// Elided reports whether fn, a function of the package being analysed,
// has a body in the source that was not built (a huge function in a
// generated file): it has no blocks, and what it does with its arguments
// is unknown. pass is the pass of an analyzer that requires Analyzer.
func Elided(pass *analysis.Pass, fn *ssa.Function) bool {
	if len(fn.Blocks) > 0 || fn.Pkg == nil || fn.Pkg.Pkg != pass.Pkg {
		return false
	}
	d, ok := fn.Syntax().(*ast.FuncDecl)
	return ok && d.Body == nil && elided(pass, d.Name.Pos())
}

// elided reports whether the function declared at name (a position in
// pass.Files) has a body in the source, in a generated file, too long to
// build.
func elided(pass *analysis.Pass, name token.Pos) bool {
	for _, f := range pass.Files {
		if name < f.FileStart || name > f.FileEnd {
			continue
		}
		if !passutil.IsGenerated(f) {
			return false
		}
		for _, decl := range f.Decls {
			if d, ok := decl.(*ast.FuncDecl); ok && d.Name.Pos() == name {
				return huge(pass.Fset, d)
			}
		}
	}
	return false
}

// InitLiterals returns the function literals of the package's variable
// initializers (var export = func(db *gorm.DB) error { ... }, flagr's
// exportFlagSnapshots), with the literals nested in them. SrcFuncs leaves
// them out, as x/tools' buildssa does: they belong to the package's
// synthetic initializer, which is not a source function. A pass that
// judges every function of the package appends them.
func InitLiterals(s *buildssa.SSA) []*ssa.Function {
	init := s.Pkg.Func("init")
	if init == nil {
		return nil
	}
	var out []*ssa.Function
	var add func(*ssa.Function)
	add = func(f *ssa.Function) {
		for _, a := range f.AnonFuncs {
			out = append(out, a)
			add(a)
		}
	}
	add(init)
	return out
}
