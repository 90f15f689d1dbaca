package unclosed

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A forgotten is a field that a resource is stored into and that nothing
// releases although its struct has a Close method.
type forgotten struct {
	owner *types.Named // the struct type
	field *types.Var
	close *types.Func // the struct's Close method
}

// forgottenField reports the field of a struct type of this package that
// every hand-off of a stores the value into, when the struct has a Close
// method (it is meant to be closed: it releases what it holds) and no
// code of the package releases the field or lets its value go anywhere:
// the field is unexported, and each read of it is the receiver of a
// method call other than a release, or compared with nil (sftpgo's GCSFs
// keeps a storage.Client in svc for one connection, uses it only as
// fs.svc.Bucket(...), and its Close returns nil). A field read and
// passed to a function, returned, stored, converted or bound as a method
// value may be released there: not forgotten.
func (c *checker) forgottenField(a *usage, release []string) *forgotten {
	if len(a.Releases) > 0 || len(a.CondHandoffs) > 0 || len(a.Handoffs) == 0 || len(release) == 0 {
		return nil
	}
	var res *forgotten
	index := -1
	for in := range a.Handoffs {
		st, ok := in.(*ssa.Store)
		if !ok {
			return nil
		}
		fa, ok := st.Addr.(*ssa.FieldAddr)
		if !ok {
			return nil
		}
		named, field := structField(fa.X.Type(), fa.Field)
		if named == nil || field.Exported() || named.Obj().Pkg() != c.pass.Pkg {
			return nil
		}
		if res != nil && (res.owner != named || index != fa.Field) {
			return nil
		}
		res, index = &forgotten{owner: named, field: field}, fa.Field
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(res.owner), true, c.pass.Pkg, "Close")
	closeFn, ok := obj.(*types.Func)
	if !ok || closeFn.Pkg() != c.pass.Pkg {
		return nil
	}
	res.close = closeFn
	for _, fn := range c.funcs {
		if !c.fieldOnlyUsed(fn, res.owner, index, release) {
			return nil
		}
	}
	return res
}

// structField returns the named struct type that t (a pointer to it)
// points to, and its field i.
func structField(t types.Type, i int) (*types.Named, *types.Var) {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return nil, nil
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok {
		return nil, nil
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return nil, nil
	}
	return named.Origin(), st.Field(i)
}

// fieldOnlyUsed reports whether every access of field i of named in fn
// (and its closures) writes it, or reads it only as the receiver of
// method calls other than the release methods, or to compare it.
func (c *checker) fieldOnlyUsed(fn *ssa.Function, named *types.Named, i int, release []string) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.FieldAddr:
				if n, _ := structField(in.X.Type(), in.Field); n != named || in.Field != i {
					continue
				}
				for _, ref := range *in.Referrers() {
					switch ref := ref.(type) {
					case *ssa.DebugRef:
					case *ssa.Store:
						if ref.Addr != ssa.Value(in) {
							return false // the field's address is stored
						}
					case *ssa.UnOp:
						if ref.Op != token.MUL || !onlyMethodReceiver(ref, release) {
							return false
						}
					default:
						return false
					}
				}
			case *ssa.Field:
				if n, ok := types.Unalias(in.X.Type()).(*types.Named); ok && n.Origin() == named && in.Field == i {
					if !onlyMethodReceiver(in, release) {
						return false
					}
				}
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		if !c.fieldOnlyUsed(anon, named, i, release) {
			return false
		}
	}
	return true
}

// onlyMethodReceiver reports whether v is used only as the receiver of
// method calls other than release, or compared with another value.
func onlyMethodReceiver(v ssa.Value, release []string) bool {
	for _, ref := range *v.Referrers() {
		switch ref := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if ref.Op != token.EQL && ref.Op != token.NEQ {
				return false
			}
		case ssa.CallInstruction:
			common := ref.Common()
			var name string
			switch {
			case common.IsInvoke() && common.Value == v:
				name = common.Method.Name()
			case isMethodFunc(common) && len(common.Args) > 0 && common.Args[0] == v:
				name = common.StaticCallee().Name()
			default:
				return false
			}
			if slices.Contains(release, name) {
				return false
			}
			args := common.Args
			if !common.IsInvoke() {
				args = args[1:] // the receiver
			}
			if slices.Contains(args, v) {
				return false // also an argument
			}
		default:
			return false
		}
	}
	return true
}
