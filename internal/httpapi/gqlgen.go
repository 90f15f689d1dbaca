package httpapi

import (
	"go/ast"
	"go/types"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// A resolver is a resolver interface of a gqlgen executable schema: the
// result of a method of its ResolverRoot (Query() QueryResolver, Album()
// AlbumResolver). The methods of an object's resolver take the parent
// object after ctx (Media(ctx, obj *models.Album, paginate
// *models.Pagination)); those of Query, Mutation and Subscription do not.
type resolver struct {
	iface  *types.Interface
	object bool
}

// resolvers returns the resolver interfaces pkg declares: pkg is a gqlgen
// executable-schema package when it declares
// NewExecutableSchema(cfg Config) graphql.ExecutableSchema, and Config's
// Resolvers field is its ResolverRoot. The result is cached like
// services'.
func resolvers(pkg *types.Package) []resolver {
	if pkg == nil {
		return nil
	}
	return resolverCache.get(pkg, findResolvers)
}

var resolverCache = newBoundedCache[*types.Package, []resolver](64)

func findResolvers(pkg *types.Package) []resolver {
	fn, ok := pkg.Scope().Lookup("NewExecutableSchema").(*types.Func)
	if !ok {
		return nil
	}
	sig := fn.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 ||
		apimatch.TypeKey(sig.Results().At(0).Type()) != gqlSchemaKey {
		return nil
	}
	cfg, ok := types.Unalias(sig.Params().At(0).Type()).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var root *types.Interface
	for f := range cfg.Fields() {
		if f.Name() == "Resolvers" {
			root, _ = f.Type().Underlying().(*types.Interface)
		}
	}
	if root == nil {
		return nil
	}
	var rs []resolver
	for m := range root.Methods() {
		res := m.Signature().Results()
		if m.Signature().Params().Len() != 0 || res.Len() != 1 {
			continue
		}
		iface, ok := res.At(0).Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		switch m.Name() {
		case "Query", "Mutation", "Subscription":
			rs = append(rs, resolver{iface: iface})
		default:
			rs = append(rs, resolver{iface: iface, object: true})
		}
	}
	return rs
}

const (
	gqlSchemaKey  = "github.com/99designs/gqlgen/graphql.ExecutableSchema"
	gqlGraphqlPkg = "github.com/99designs/gqlgen/graphql"
)

// resolverOf returns the resolver interface fn implements a method of:
// its receiver type (or a pointer to it) implements a resolver interface
// of an executable schema declared by fn's package or a package it
// imports, and that interface has a method named like fn.
func resolverOf(fn *types.Func) (resolver, bool) {
	if fn == nil || fn.Pkg() == nil {
		return resolver{}, false
	}
	r := fn.Signature().Recv()
	if r == nil {
		return resolver{}, false
	}
	recv := r.Type()
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = p.Elem()
	}
	if types.IsInterface(recv) {
		return resolver{}, false
	}
	ptr := types.NewPointer(recv)
	check := func(pkg *types.Package) (resolver, bool) {
		for _, rs := range resolvers(pkg) {
			if !hasMethod(rs.iface, fn.Name()) {
				continue
			}
			if types.Implements(recv, rs.iface) || types.Implements(ptr, rs.iface) {
				return rs, true
			}
		}
		return resolver{}, false
	}
	if importsGQL(fn.Pkg()) {
		if rs, ok := check(fn.Pkg()); ok {
			return rs, true
		}
	}
	for _, imp := range fn.Pkg().Imports() {
		if importsGQL(imp) {
			if rs, ok := check(imp); ok {
				return rs, true
			}
		}
	}
	return resolver{}, false
}

func importsGQL(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if apimatch.PkgPath(imp) == gqlGraphqlPkg {
			return true
		}
	}
	return false
}

// IsResolverMethod reports whether fn is a method of a gqlgen resolver:
// it implements a method of a resolver interface of an executable schema
// (see resolvers) that fn's package declares or imports. gqlgen's server
// calls it for a field of a client's query, so it runs on a request path,
// in a server.
func IsResolverMethod(fn *types.Func) bool {
	_, ok := resolverOf(fn)
	return ok
}

// ResolverArg reports whether parameter i of fn (signature index,
// receiver excluded) is an argument of a GraphQL field, which gqlgen
// decodes from the client's query: fn is a resolver method, and the
// parameter is neither ctx nor, for an object's resolver, the parent
// object. A scalar, a pointer to one (an optional argument) and the
// fields of an input struct are client input.
func ResolverArg(fn *types.Func, i int) bool {
	rs, ok := resolverOf(fn)
	if !ok {
		return false
	}
	params := fn.Signature().Params()
	first := 0
	if params.Len() > 0 && apimatch.TypeKey(params.At(0).Type()) == "context.Context" {
		first = 1
	}
	if rs.object {
		first++
	}
	return i >= first && i < params.Len()
}

// IsGQLGenerated reports whether f is a file gqlgen generated (its
// generated-code header names github.com/99designs/gqlgen): its executable
// schema or its models file, which declares the input types (type
// Pagination struct{ Limit *int }) whose values gqlgen decodes from the
// client's query. The resolver files gqlgen scaffolds carry the marker
// after the package clause and are not generated code.
func IsGQLGenerated(f *ast.File) bool {
	return ast.IsGenerated(f) && passutil.HeaderHas(f, "// Code generated by github.com/99designs/gqlgen")
}

// IsGQLInput reports whether t is T or *T for a struct type T that is an
// argument type of a resolver method (after ctx and the parent object) of
// an executable schema declared by pkg or a package pkg imports, or a
// struct nested in one (a field of type T or *T): an input type, which
// gqlgen decodes from the client's query. The executable schema imports
// its models package, not the other way round, so a models package
// declaring T cannot see it: there the pass asks IsGQLGenerated of T's
// file.
func IsGQLInput(t types.Type, pkg *types.Package) bool {
	tn := namedStruct(t)
	if tn == nil || pkg == nil {
		return false
	}
	check := func(p *types.Package) bool {
		for _, rs := range resolvers(p) {
			if gqlInputs(rs)[tn] {
				return true
			}
		}
		return false
	}
	if importsGQL(pkg) && check(pkg) {
		return true
	}
	for _, imp := range pkg.Imports() {
		if importsGQL(imp) && check(imp) {
			return true
		}
	}
	return false
}

// gqlInputs returns the input structs of a resolver interface's methods,
// cached per interface.
func gqlInputs(rs resolver) map[*types.TypeName]bool {
	return inputCache.get(rs.iface, func(*types.Interface) map[*types.TypeName]bool { return findInputs(rs) })
}

var inputCache = newBoundedCache[*types.Interface, map[*types.TypeName]bool](256)

func findInputs(rs resolver) map[*types.TypeName]bool {
	in := map[*types.TypeName]bool{}
	var queue []*types.TypeName
	add := func(t types.Type) {
		if tn := namedStruct(t); tn != nil && !in[tn] {
			in[tn] = true
			queue = append(queue, tn)
		}
	}
	for m := range rs.iface.Methods() {
		params := m.Signature().Params()
		first := 0
		if params.Len() > 0 && apimatch.TypeKey(params.At(0).Type()) == "context.Context" {
			first = 1
		}
		if rs.object {
			first++
		}
		for i := first; i < params.Len(); i++ {
			add(params.At(i).Type())
		}
	}
	for len(queue) > 0 {
		tn := queue[0]
		queue = queue[1:]
		for f := range tn.Type().Underlying().(*types.Struct).Fields() {
			if nt := namedStruct(f.Type()); nt != nil && nt.Pkg() == tn.Pkg() {
				add(f.Type())
			}
		}
	}
	return in
}

// namedStruct returns T's type name when t is T or *T for a named struct
// type T.
func namedStruct(t types.Type) *types.TypeName {
	if tn := structPointer(t); tn != nil {
		return tn
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	return named.Origin().Obj()
}
