package httpapi

import (
	"go/types"
	"strings"
	"sync"

	"github.com/memlint/memlint/internal/apimatch"
)

// A service is a gRPC service interface of a generated package: the srv
// parameter type of its RegisterXServer(s grpc.ServiceRegistrar, srv
// XServer) function.
type service struct {
	iface    *types.Interface
	messages map[*types.TypeName]bool // request messages: *T parameters of its methods and their *T fields
}

// services returns the gRPC service interfaces pkg declares, from its
// Register…Server functions. The result is cached for the last few
// packages asked (the generated package of a server is asked repeatedly).
func services(pkg *types.Package) []service {
	if pkg == nil {
		return nil
	}
	return serviceCache.get(pkg, findServices)
}

var serviceCache = newBoundedCache[*types.Package, []service](64)

func findServices(pkg *types.Package) []service {
	var s []service
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if !strings.HasPrefix(name, "Register") || !strings.HasSuffix(name, "Server") {
			continue
		}
		fn, ok := scope.Lookup(name).(*types.Func)
		if !ok {
			continue
		}
		params := fn.Signature().Params()
		if params.Len() != 2 || !isRegistrar(params.At(0).Type()) {
			continue
		}
		named, ok := types.Unalias(params.At(1).Type()).(*types.Named)
		if !ok {
			continue
		}
		iface, ok := named.Underlying().(*types.Interface)
		if !ok {
			continue
		}
		svc := service{iface: iface, messages: map[*types.TypeName]bool{}}
		var queue []*types.TypeName
		for m := range iface.Methods() {
			for v := range m.Signature().Params().Variables() {
				if tn := structPointer(v.Type()); tn != nil && !svc.messages[tn] {
					svc.messages[tn] = true
					queue = append(queue, tn)
				}
			}
		}
		// Messages nested in a request message (its *T fields, in the
		// same package) are request input too.
		for len(queue) > 0 {
			tn := queue[0]
			queue = queue[1:]
			st := tn.Type().Underlying().(*types.Struct)
			for f := range st.Fields() {
				if nt := structPointer(f.Type()); nt != nil && nt.Pkg() == pkg && !svc.messages[nt] {
					svc.messages[nt] = true
					queue = append(queue, nt)
				}
			}
		}
		s = append(s, svc)
	}
	return s
}

// A boundedCache keeps what a lookup computed for the last keys asked
// (the generated package of a server is asked repeatedly), and forgets
// them all when it holds max: a long-running driver must not keep every
// package's.
type boundedCache[K comparable, V any] struct {
	mu  sync.Mutex
	m   map[K]V
	max int
}

func newBoundedCache[K comparable, V any](max int) *boundedCache[K, V] {
	return &boundedCache[K, V]{m: map[K]V{}, max: max}
}

// get returns the value for k, computing it with find (unlocked: two
// callers may both compute it, with the same result) when it is not kept.
func (c *boundedCache[K, V]) get(k K, find func(K) V) V {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = find(k)
	c.mu.Lock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}

// isRegistrar reports whether t is grpc.ServiceRegistrar (current
// generated code) or *grpc.Server (older generated code).
func isRegistrar(t types.Type) bool {
	switch apimatch.TypeKey(t) {
	case "google.golang.org/grpc.ServiceRegistrar", "google.golang.org/grpc.Server":
		return true
	}
	return false
}

// structPointer returns T's type name when t is *T for a named struct T.
func structPointer(t types.Type) *types.TypeName {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return nil
	}
	named, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	return named.Origin().Obj()
}

// IsGRPCMethod reports whether fn is a method of a gRPC server: its
// receiver type (or a pointer to it) implements a service interface
// declared, with its Register…Server function, by fn's package or a
// package fn's package imports, and that interface has a method named like
// fn.
func IsGRPCMethod(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	r := fn.Signature().Recv()
	if r == nil {
		return false
	}
	recv := r.Type()
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = p.Elem()
	}
	if types.IsInterface(recv) {
		return false
	}
	ptr := types.NewPointer(recv)
	check := func(pkg *types.Package) bool {
		for _, svc := range services(pkg) {
			if !hasMethod(svc.iface, fn.Name()) {
				continue
			}
			if types.Implements(recv, svc.iface) || types.Implements(ptr, svc.iface) {
				return true
			}
		}
		return false
	}
	if check(fn.Pkg()) {
		return true
	}
	for _, imp := range fn.Pkg().Imports() {
		if importsGRPC(imp) && check(imp) {
			return true
		}
	}
	return false
}

func hasMethod(iface *types.Interface, name string) bool {
	for m := range iface.Methods() {
		if m.Name() == name {
			return true
		}
	}
	return false
}

func importsGRPC(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if apimatch.PkgPath(imp) == "google.golang.org/grpc" {
			return true
		}
	}
	return false
}

// IsRequestMessage reports whether t is *T for a gRPC request message T: a
// struct parameter, through a pointer, of a method of a service interface
// declared in T's package, or a message nested in one (a *T field). Its fields and GetX getters are client input.
func IsRequestMessage(t types.Type) bool {
	tn := structPointer(t)
	if tn == nil || tn.Pkg() == nil || !importsGRPC(tn.Pkg()) {
		return false
	}
	for _, svc := range services(tn.Pkg()) {
		if svc.messages[tn] {
			return true
		}
	}
	return false
}
