// Package apimatch identifies the third-party APIs memlint's passes look for.
//
// APIs are matched by object, never by printed type strings: a call's callee
// is resolved to a *types.Func and turned into a canonical key such as
// "(*cloud.google.com/go/storage.ObjectHandle).NewWriter". The key's package
// path is canonical: a /vendor/ prefix is stripped, a module's major-version
// suffix (/v2, /v5, ...) is removed, and renamed modules and maintained
// forks with the same API map to one name (github.com/Shopify/sarama is
// github.com/IBM/sarama; github.com/go-xorm/xorm, xorm's old path, and
// github.com/xorm-io/xorm, casdoor's fork, are xorm.io/xorm), so one rule
// table entry covers every version of a library.
package apimatch

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// renamed maps old module paths, and forks that keep the API, to the path
// rules are written with.
var renamed = map[string]string{
	"github.com/Shopify/sarama":  "github.com/IBM/sarama",
	"github.com/go-xorm/xorm":    "xorm.io/xorm",
	"github.com/go-xorm/builder": "xorm.io/builder",
	"github.com/xorm-io/xorm":    "xorm.io/xorm",
	"github.com/xorm-io/builder": "xorm.io/builder",
	// beego v1's root package is v2's server/web (Controller, Router,
	// InsertFilter), and its context package v2's server/web/context.
	"github.com/astaxie/beego": "github.com/beego/beego/server/web",
}

var majorVersion = regexp.MustCompile(`/v(?:[2-9]|[1-9][0-9]+)(/|$)`)

// Path returns the canonical form of an import path: without a vendor
// prefix, without a module major-version element, and with renamed modules
// under their current name.
func Path(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		path = path[i+len("/vendor/"):]
	} else {
		path = strings.TrimPrefix(path, "vendor/")
	}
	path = majorVersion.ReplaceAllString(path, "$1")
	path = strings.TrimSuffix(path, "/")
	for old, cur := range renamed {
		if path == old || strings.HasPrefix(path, old+"/") {
			path = cur + path[len(old):]
			break
		}
	}
	return path
}

// PkgPath returns the canonical import path of pkg, or "" for nil.
func PkgPath(pkg *types.Package) string {
	if pkg == nil {
		return ""
	}
	return Path(pkg.Path())
}

// Key returns the canonical key of a function or method:
// "pkg/path.Func", "(*pkg/path.Type).Method" or "(pkg/path.Iface).Method".
// Instantiated generic functions and methods map to their origin.
// It returns "" for nil and for functions without a package (error.Error).
func Key(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	fn = fn.Origin()
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return PkgPath(fn.Pkg()) + "." + fn.Name()
	}
	recv := sig.Recv().Type()
	ptr := ""
	if p, ok := recv.(*types.Pointer); ok {
		ptr = "*"
		recv = p.Elem()
	}
	named, ok := types.Unalias(recv).(*types.Named)
	if !ok {
		// Method of an interface literal: not a rule target.
		return ""
	}
	obj := named.Origin().Obj()
	return "(" + ptr + PkgPath(obj.Pkg()) + "." + obj.Name() + ")." + fn.Name()
}

// TypeKey returns "pkg/path.Name" for a named type (through one pointer),
// or "" for anything else.
func TypeKey(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	obj := named.Origin().Obj()
	return PkgPath(obj.Pkg()) + "." + obj.Name()
}

// Callee returns the function or method a call expression calls, including
// interface methods and methods called through method values; nil for
// calls of func-typed variables, conversions and builtins.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// FuncOf returns the generic origin of the function or method an
// identifier or selector names (f, pkg.F, h.method), unparenthesized, or
// nil: a function used as a value, not called.
func FuncOf(info *types.Info, e ast.Expr) *types.Func {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return nil
	}
	if fn, ok := info.Uses[id].(*types.Func); ok {
		return fn.Origin()
	}
	return nil
}

// CalleeKey is Key(Callee(info, call)).
func CalleeKey(info *types.Info, call *ast.CallExpr) string {
	return Key(Callee(info, call))
}

// SSACallee returns the function or interface method an SSA call invokes,
// or nil for dynamic calls of func values and builtins.
func SSACallee(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	if f := c.StaticCallee(); f != nil {
		if f.Origin() != nil {
			f = f.Origin()
		}
		fn, _ := f.Object().(*types.Func)
		return fn
	}
	return nil
}

// Imports reports whether pkg directly imports a package whose canonical
// path is one of paths (or below one of them when a path ends in "/...").
// Passes use it as a fast path.
func Imports(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		if Matches(PkgPath(imp), paths...) {
			return true
		}
	}
	return false
}

// Matches reports whether the package path p is one of paths, where a
// path ending in "/..." also matches the packages below it.
func Matches(p string, paths ...string) bool {
	for _, want := range paths {
		if p == want {
			return true
		}
		if base, ok := strings.CutSuffix(want, "/..."); ok && (p == base || strings.HasPrefix(p, base+"/")) {
			return true
		}
	}
	return false
}
