package querylimit

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
)

func (c *checker) checkMongo(call *ssa.Call, args []ssa.Value) {
	if len(args) != 3 {
		return
	}
	opts, ok := variadic(args[2])
	if !ok {
		return
	}
	all, some := false, false
	for _, o := range opts {
		switch c.mongoLimit(unwrapIface(o), call) {
		case limitAll:
			all = true
		case limitSome:
			some = true
		case limitUnknown:
			return
		}
	}
	if all {
		return
	}
	acc := c.rowsAccumulation(call)
	if acc == nil {
		return
	}
	note := "no SetLimit"
	if some {
		note = "no SetLimit on some paths"
	}
	rng := c.node(call)
	if rng == nil {
		return
	}
	d := analysis.Diagnostic{
		Pos: rng.Pos(), End: rng.End(),
		Message: fmt.Sprintf("every document of this Find is %s (%s); page it or stream documents", acc.what, note),
	}
	if acc.pos.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: acc.pos, Message: "documents accumulated here"}}
	}
	c.emit(d)
}

const (
	limitNone = iota
	limitSome
	limitAll
	limitUnknown
)

// mongoLimit reports whether the find options o carry a SetLimit that
// runs before find on every path.
func (c *checker) mongoLimit(o ssa.Value, find *ssa.Call) int {
	// Walk the builder chain down to options.Find().
	vals := []ssa.Value{o}
	for v := o; ; {
		call, ok := v.(*ssa.Call)
		if !ok {
			return limitUnknown
		}
		fn := apimatch.SSACallee(call.Common())
		key := apimatch.Key(fn)
		if key == optsPkg+".Find" {
			break
		}
		if !strings.HasPrefix(key, "(*"+optsPkg+".FindOptions") {
			return limitUnknown
		}
		v = recv(call.Common())
		vals = append(vals, v)
	}
	result := limitNone
	for _, v := range vals {
		for _, r := range *v.Referrers() {
			call, ok := r.(*ssa.Call)
			if !ok || recv(call.Common()) != v {
				continue
			}
			fn := apimatch.SSACallee(call.Common())
			if fn == nil || fn.Name() != "SetLimit" {
				continue
			}
			if n, ok := constInt(callArgs(call.Common())[0]); ok && n == 0 {
				continue // 0 means no limit
			}
			if dominatesInstr(call, find.Block(), find) {
				return limitAll
			}
			result = limitSome
		}
	}
	return result
}
