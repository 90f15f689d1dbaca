package querylimit

import (
	"fmt"
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/passes/querylimit/internal/sqlscan"
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
	if all || keyList(args[1]) || parentFilter(args[1]) {
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
		if mongoRoots[key] {
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
			if _, ok := limiters[apimatch.Key(apimatch.SSACallee(call.Common()))]; !ok {
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

// keyList reports whether a Find filter selects by a list of keys the
// caller gives: an "$in" anywhere in the filter's literals (bson.M,
// bson.D, bson.A, nested) whose list is not a literal of constants, as
// in {_id: {$in: keys}} (dapr's BulkGet). The documents are at most one
// per key, like SQL's "id IN ($1, $2)". A list of constants
// ({status: {$in: ["a", "b"]}}) selects values, not keys.
func keyList(filter ssa.Value) bool {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		if v == nil || depth > 40 || seen[v] || len(seen) > 400 {
			return false
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.MakeInterface:
			return walk(x.X, depth+1)
		case *ssa.ChangeType:
			return walk(x.X, depth+1)
		case *ssa.Slice:
			return walk(x.X, depth+1)
		case *ssa.UnOp:
			// *lit: an element struct built in a local, then copied.
			return x.Op == token.MUL && walk(x.X, depth+1)
		case *ssa.Alloc, *ssa.IndexAddr, *ssa.FieldAddr, *ssa.MakeMap:
			if v.Referrers() == nil {
				return false
			}
			for _, r := range *v.Referrers() {
				switch r := r.(type) {
				case *ssa.IndexAddr, *ssa.FieldAddr:
					if walk(r.(ssa.Value), depth+1) {
						return true
					}
				case *ssa.Store:
					if r.Addr != v {
						continue
					}
					if isConstString(r.Val, "$in") {
						if fa, ok := v.(*ssa.FieldAddr); ok && callerList(fieldValue(fa)) {
							return true // bson.E{Key: "$in", Value: keys}
						}
						continue
					}
					if walk(r.Val, depth+1) {
						return true
					}
				case *ssa.MapUpdate:
					if r.Map != v {
						continue
					}
					if isConstString(r.Key, "$in") {
						if callerList(r.Value) {
							return true // bson.M{"$in": keys}
						}
						continue
					}
					if walk(r.Value, depth+1) {
						return true
					}
				}
			}
		}
		return false
	}
	return walk(filter, 0)
}

func isConstString(v ssa.Value, s string) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.String && constant.StringVal(k.Value) == s
}

// fieldValue returns the value stored in the other field of the struct
// that fa's field belongs to (the Value of a bson.E whose Key fa is), or nil.
func fieldValue(fa *ssa.FieldAddr) ssa.Value {
	key, val := elemFields(fa.X)
	if fa.Field == 0 {
		return val
	}
	return key
}

// callerList reports whether v, the operand of $in, is a list the caller
// gives rather than a literal of constants.
func callerList(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if v == nil {
		return false
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return true // a parameter, a make, a call, a variable
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return true
	}
	for _, r := range *alloc.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, rr := range *ia.Referrers() {
			st, ok := rr.(*ssa.Store)
			if !ok || st.Addr != ia {
				continue
			}
			val := st.Val
			if mi, ok := val.(*ssa.MakeInterface); ok {
				val = mi.X
			}
			if _, ok := val.(*ssa.Const); !ok {
				return true // a literal holding the caller's values
			}
		}
	}
	return false
}

// parentFilter reports whether a Find filter holds, at its top level, a
// field named like a key (userID, user_id, owner_id, _id; not a tenant:
// sqlscan.ParentKey) equal to a value the caller gives: a variable, a
// parameter or a call, not a constant and not an operator document
// ({userID: {$gt: x}}). Such a filter selects the documents of one
// parent, as SQL's WHERE user_id = $1 does, and is small by construction
// (open-im-server's userCommands of one user): the same rule as for SQL,
// see "Small by construction" in the package doc. Filters built in a
// bson.M map literal (a MapUpdate per field) and in a bson.D of bson.E
// (a Key and a Value stored per element) are read; anything else is not
// judged.
func parentFilter(filter ssa.Value) bool {
	v := filter
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Slice:
			v = x.X
			continue
		}
		break
	}
	switch x := v.(type) {
	case *ssa.MakeMap:
		for _, r := range *x.Referrers() {
			if mu, ok := r.(*ssa.MapUpdate); ok && mu.Map == x && parentField(mu.Key, mu.Value) {
				return true
			}
		}
	case *ssa.Alloc:
		for _, r := range *x.Referrers() {
			ia, ok := r.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			if key, val := elemFields(ia); key != nil && val != nil && parentField(key, val) {
				return true
			}
			for _, rr := range *ia.Referrers() {
				// *lit: the element built in a local, then copied.
				if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
					if u, ok := st.Val.(*ssa.UnOp); ok && u.Op == token.MUL {
						if key, val := elemFields(u.X); key != nil && val != nil && parentField(key, val) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// elemFields returns the values stored in the Key and Value fields of the
// bson.E at addr.
func elemFields(addr ssa.Value) (key, val ssa.Value) {
	refs := addr.Referrers()
	if refs == nil {
		return nil, nil
	}
	for _, r := range *refs {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != addr {
			continue
		}
		for _, st := range *fa.Referrers() {
			if st, ok := st.(*ssa.Store); ok && st.Addr == fa {
				if fa.Field == 0 {
					key = st.Val
				} else {
					val = st.Val
				}
			}
		}
	}
	return key, val
}

// parentField reports whether a filter field key: val is an equality of a
// key-named field with a value the caller gives.
func parentField(key, val ssa.Value) bool {
	name, ok := constString(key)
	if !ok || strings.HasPrefix(name, "$") || !sqlscan.ParentKey(name) {
		return false
	}
	switch unwrapIface(val).(type) {
	case *ssa.Const, *ssa.MakeMap, *ssa.Slice, *ssa.Alloc:
		return false // a constant, or an operator document or list
	}
	return true
}
