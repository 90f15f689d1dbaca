package blockedsend

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passutil"
)

// failedReturn reports whether ret returns a non-nil error from a helper
// of a _test.go file whose every call in the package fails the test when
// that error is not nil (if err != nil { t.Fatalf(...) }): a goroutine
// left blocked on a path to ret costs a test run that has already failed,
// as on a path through t.Fatal itself.
func (c *checker) failedReturn(ret *ssa.Return) bool {
	fn := ret.Parent()
	n := len(ret.Results)
	if n == 0 || !isError(ret.Results[n-1].Type()) || isNilConst(returned(ret, n-1)) {
		return false
	}
	if !c.fatalHelper(fn) {
		return false
	}
	// The error is not nil: made by a call (errors.New, fmt.Errorf), or
	// returned where the function also returns an explicit nil error.
	switch v := returned(ret, n-1).(type) {
	case *ssa.Call:
		return true
	case *ssa.MakeInterface:
		if _, ok := v.X.(*ssa.Call); ok {
			return true
		}
	}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(r.Results) == n && isNilConst(returned(r, n-1)) {
			return true
		}
	}
	return false
}

// returned returns result i of ret; for a named result, the value stored
// in it last in the return's block (return nil, nil, err stores, then
// loads).
func returned(ret *ssa.Return, i int) ssa.Value {
	v := ret.Results[i]
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return v
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok {
		return v
	}
	instrs := ret.Block().Instrs
	for j := len(instrs) - 1; j >= 0; j-- {
		if st, ok := instrs[j].(*ssa.Store); ok && st.Addr == alloc {
			return st.Val
		}
	}
	return v
}

// fatalHelper reports whether fn, declared in a _test.go file, is only
// called, never used as a value, and every call fails the test when the
// error it returns is not nil.
func (c *checker) fatalHelper(fn *ssa.Function) bool {
	if v, ok := c.fatal[fn]; ok {
		return v
	}
	c.fatal[fn] = false
	if fn.Parent() != nil || !fn.Pos().IsValid() || !passutil.IsTestFile(c.pass.Fset, c.fileOf(fn.Pos())) {
		return false
	}
	calls := 0
	for _, caller := range c.funcs {
		for _, b := range caller.Blocks {
			for _, in := range b.Instrs {
				var rands []*ssa.Value
				for _, op := range in.Operands(rands) {
					if op == nil || *op != fn {
						continue
					}
					call, ok := in.(*ssa.Call)
					if !ok || call.Call.Value != fn {
						return false // a value, a go or defer statement
					}
					if !failsOnError(call) {
						return false
					}
					calls++
				}
			}
		}
	}
	c.fatal[fn] = calls > 0
	return calls > 0
}

// failsOnError reports whether the error call returns (its last result)
// is compared with nil and the branch where it is not nil starts with a
// block that fails the test.
func failsOnError(call *ssa.Call) bool {
	var err ssa.Value = call
	if t, ok := call.Type().(*types.Tuple); ok {
		err = nil
		for _, r := range *call.Referrers() {
			if e, ok := r.(*ssa.Extract); ok && e.Index == t.Len()-1 {
				err = e
			}
		}
		if err == nil {
			return false
		}
	}
	for _, r := range *err.Referrers() {
		cmp, ok := r.(*ssa.BinOp)
		if !ok || (cmp.Op != token.NEQ && cmp.Op != token.EQL) || !(isNilConst(cmp.X) || isNilConst(cmp.Y)) {
			continue
		}
		for _, u := range *cmp.Referrers() {
			iff, ok := u.(*ssa.If)
			if !ok {
				continue
			}
			notNil := iff.Block().Succs[0]
			if cmp.Op == token.EQL {
				notNil = iff.Block().Succs[1]
			}
			for _, in := range notNil.Instrs {
				if failsTest(in) {
					return true
				}
			}
		}
	}
	return false
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}
