package querylimit

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
)

// A pass-through wrapper hides gorm behind a type of the service's own,
// usually to mock it: statping's database.Database is an interface whose
// one implementation, *database.Db, holds a *gorm.DB and forwards each
// method to it (func (it *Db) Find(out interface{}, where ...interface{})
// Database { return Wrap(it.Database.Find(out, where...)) }). A chain
// built on the wrapper (h.db.Where("service = ?", id).Find(&hits)) is a
// gorm chain: each forwarding method carries the key of the gorm method it
// calls (the Forwards fact), and so does an interface method that every
// implementation in the interface's package forwards to the same gorm
// method, and the pass reads both as that gorm method.

// forwards returns the key of the gorm method fn passes its call through
// to, or "": fn is a method that calls the gorm method of its own name on
// a field of its receiver, with its own parameters in order, and returns
// that call's result, as is or given to a function of its package (a
// Wrap that puts it back in the wrapper). A method that adds anything to
// the chain (a Limit, a Where) forwards nothing.
func forwards(fn *ssa.Function) string {
	sig := fn.Signature
	if sig.Recv() == nil || fn.Blocks == nil || len(fn.Params) != sig.Params().Len()+1 {
		return ""
	}
	var fwd *ssa.Call
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if gormMethod(apimatch.Key(apimatch.SSACallee(call.Common()))) == "" {
				continue
			}
			if fwd != nil {
				return "" // two gorm calls: more than a pass-through
			}
			fwd = call
		}
	}
	if fwd == nil {
		return ""
	}
	key := apimatch.Key(apimatch.SSACallee(fwd.Common()))
	if gormMethod(key) != fn.Name() || !receiverField(recv(fwd.Common()), fn.Params[0]) {
		return ""
	}
	args := callArgs(fwd.Common())
	if len(args) != len(fn.Params)-1 {
		return ""
	}
	for i, a := range args {
		if unwrapIface(a) != fn.Params[i+1] {
			return ""
		}
	}
	if !returnsCall(fn, fwd) {
		return ""
	}
	return key
}

// returnsCall reports whether fn has a return and every one gives call's
// result, as is or wrapped (wrapsCall).
func returnsCall(fn *ssa.Function, call *ssa.Call) bool {
	returns := 0
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		returns++
		if len(ret.Results) != 1 || !wrapsCall(ret.Results[0], call, fn.Pkg) {
			return false
		}
	}
	return returns > 0
}

// filters returns the key of gorm's Where and the constant condition of
// a wrapper method that adds that one condition to its receiver's chain
// and returns the chain (statping's func (it *Db) Since(ago time.Time)
// Database { return it.Where("created_at > ?", it.FormatTime(ago)) }),
// or "", "". The Where is gorm's own, called on a field of the receiver,
// or a method of the receiver that forwards to it. A method that calls
// any other gorm method, or whose condition is not a constant, adds what
// is unknown here and gets nothing.
func (c *checker) filters(fn *ssa.Function) (key, cond string) {
	sig := fn.Signature
	if sig.Recv() == nil || fn.Blocks == nil || sig.Results().Len() != 1 || len(fn.Params) == 0 {
		return "", ""
	}
	var where *ssa.Call
	var via string
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			k, v := c.calleeKey(apimatch.SSACallee(call.Common()))
			switch m := gormMethod(k); {
			case m == "":
				continue
			case m != "Where" || where != nil:
				return "", "" // more than one condition
			}
			where, key, via = call, k, v
		}
	}
	if where == nil {
		return "", ""
	}
	r := recv(where.Common())
	if via == "" && !receiverField(r, fn.Params[0]) || via != "" && !isReceiver(r, fn.Params[0]) {
		return "", ""
	}
	if f := c.fact(apimatch.SSACallee(where.Common())); f != nil && f.Where != "" {
		return "", "" // a method that adds a condition of its own: one level only
	}
	args := callArgs(where.Common())
	if len(args) == 0 {
		return "", ""
	}
	cond, ok := constString(args[0])
	if !ok {
		return "", ""
	}
	if !returnsCall(fn, where) {
		return "", ""
	}
	return key, cond
}

// receiverField reports whether v loads a field of the receiver r
// (it.Database on a pointer receiver, it.db on a value one) holding a
// *gorm.DB.
func receiverField(v, r ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.UnOp:
		fa, ok := x.X.(*ssa.FieldAddr)
		return ok && x.Op == token.MUL && isReceiver(fa.X, r) && isGormDB(x.Type())
	case *ssa.Field:
		return x.X == r && isGormDB(x.Type())
	}
	return false
}

// isReceiver reports whether v is the receiver r or, for a value
// receiver, the local copy go/ssa spills it to (a cell that stores only r).
func isReceiver(v, r ssa.Value) bool {
	if v == r {
		return true
	}
	alloc, ok := v.(*ssa.Alloc)
	if !ok || alloc.Heap {
		return false
	}
	stored := false
	for _, ref := range *alloc.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == alloc {
			if st.Val != r {
				return false
			}
			stored = true
		}
	}
	return stored
}

// wrapsCall reports whether v is call, or the result of a function of pkg
// given only call (Wrap(call)), seen through interface conversions.
func wrapsCall(v ssa.Value, call *ssa.Call, pkg *ssa.Package) bool {
	v = unwrapIface(v)
	if v == call {
		return true
	}
	w, ok := v.(*ssa.Call)
	if !ok || w.Common().IsInvoke() {
		return false
	}
	callee := w.Common().StaticCallee()
	return callee != nil && callee.Pkg == pkg && callee.Signature.Recv() == nil &&
		len(w.Common().Args) == 1 && w.Common().Args[0] == call
}

// interfaceForwards gives each method of the package's interfaces the
// Forwards of the methods implementing it, when the package has at least
// one implementation and every one forwards that method to the same gorm
// method; it returns the interface methods it set.
func (c *checker) interfaceForwards() []*types.Func {
	scope := c.pass.Pkg.Scope()
	var concrete []types.Type
	var ifaces []*types.Named
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue
		}
		if types.IsInterface(named) {
			ifaces = append(ifaces, named)
		} else {
			concrete = append(concrete, named)
		}
	}
	var set []*types.Func
	for _, named := range ifaces {
		it := named.Underlying().(*types.Interface)
		var impls []types.Type
		for _, t := range concrete {
			switch {
			case types.Implements(t, it):
				impls = append(impls, t)
			case types.Implements(types.NewPointer(t), it):
				impls = append(impls, types.NewPointer(t))
			}
		}
		if len(impls) == 0 {
			continue
		}
		for m := range it.Methods() {
			if m.Pkg() != c.pass.Pkg || c.sums[m] != nil {
				continue
			}
			key, cond := "", ""
			for i, t := range impls {
				obj, _, _ := types.LookupFieldOrMethod(t, false, m.Pkg(), m.Name())
				impl, _ := obj.(*types.Func)
				f := c.sums[impl]
				if f == nil || f.Forwards == "" || i > 0 && (f.Forwards != key || f.Where != cond) {
					key = ""
					break
				}
				key, cond = f.Forwards, f.Where
			}
			if key != "" {
				c.sums[m] = &limitFact{Forwards: key, Where: cond}
				set = append(set, m)
			}
		}
	}
	slices.SortFunc(set, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	return set
}

// calleeKey returns the key of fn, or of the gorm method it forwards to,
// and then how messages name the wrapper (" through Database.Find").
func (c *checker) calleeKey(fn *types.Func) (key, via string) {
	if f := c.fact(fn); f != nil && f.Forwards != "" {
		return f.Forwards, " through " + shortName(fn)
	}
	return apimatch.Key(fn), ""
}
