package unclosed

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// callName names the callee of a failing call: "io.Copy", or "w.Write"
// when the receiver is the resource named name, or the parameter or
// variable holding a func value; "" when it has no name.
func callName(call *ssa.Call, a *usage, name string) string {
	common := &call.Call
	recv := common.Value
	if !common.IsInvoke() && len(common.Args) > 0 {
		recv = common.Args[0]
	}
	fn := apimatch.SSACallee(common)
	if fn == nil {
		// A func value: name it if it is a parameter or a variable.
		switch v := common.Value.(type) {
		case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
			return v.Name()
		}
		return ""
	}
	if fn.Type().(*types.Signature).Recv() == nil {
		return passutil.FuncName(fn)
	}
	if name != "" && a.Values[recv] {
		return name + "." + fn.Name()
	}
	return passutil.FuncName(fn)
}
