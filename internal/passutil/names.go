package passutil

import "go/types"

// Names of types and functions as messages print them: qualified by the
// package's name (not its path), the pointer of a receiver or a constructor
// result left off unless said otherwise.

// TypeName names t as written, its package qualified by name and a pointer
// left off: "kafka.Writer" for *kafka.Writer, "pkg.List[pkg.Item]" for an
// instance of a generic type, the alias's own name for an alias.
func TypeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// NamedTypeName is TypeName of the named type t (or *t) denotes, seen
// through aliases and without type arguments: "kafka.Writer" for an alias
// of *kafka.Writer, "pkg.List" for pkg.List[pkg.Item]. Other types are
// printed as TypeString does, packages qualified by name.
func NamedTypeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name()
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// TypePkg returns the package declaring the named type t (or *t) denotes,
// through aliases, or nil for unnamed and predeclared types.
func TypePkg(t types.Type) *types.Package {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Pkg()
	}
	return nil
}

// FuncName names fn as its callers write it, packages by name:
// "kafka.NewWriter", "(*storage.ObjectHandle).NewWriter" for a pointer
// receiver, "storage.ObjectHandle.Attrs" for a value receiver, and the bare
// name for a method of a predeclared type ("Error").
func FuncName(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	if fn.Pkg() == nil {
		return fn.Name()
	}
	if sig.Recv() == nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	recv := sig.Recv().Type()
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		return "(*" + TypeName(p.Elem()) + ")." + fn.Name()
	}
	return TypeName(recv) + "." + fn.Name()
}
