package querylimit

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passutil"
)

// Key lists collected from unbounded reads. A read keyed by a list the
// caller gives (id IN (?)) is small by construction: at most one row per
// key. When the list is built in the same function from the rows of
// another read that the pass judges unbounded (vikunja's export cleanup:
// every user with an export file, then In("id", fileIDs) of their files),
// it holds a key per row of that read, and the keyed read grows with it.

// keyedBy is a key list collected from the rows of an unbounded read.
type keyedBy struct {
	list string    // the list's variable ("fileIDs"), or ""
	read token.Pos // the unbounded read its keys come from
	dest string    // what that read fills ("users")
}

// belief is the clause the keyed read's message ends with.
func (k *keyedBy) belief(fset *token.FileSet) string {
	list := "its key list"
	if k.list != "" {
		list += " " + k.list
	}
	return "since " + list + " is collected from the rows read into " + k.dest + " at " + passutil.ShortPos(fset, k.read) + ", a read that grows with the data"
}

// appendLists adds to lists the slice values among args, expanding a
// variadic argument's slice (xorm's In(col, args ...any), gorm's
// Where(text, args ...any)) into its elements.
func appendLists(lists []ssa.Value, args []ssa.Value) []ssa.Value {
	for _, a := range args {
		elems, ok := variadic(a)
		if !ok {
			elems = []ssa.Value{a}
		}
		for _, e := range elems {
			if e == nil {
				continue
			}
			e = unwrap(e)
			if _, ok := e.Type().Underlying().(*types.Slice); ok {
				lists = append(lists, e)
			}
		}
	}
	return lists
}

// heldUnbounded records that the ORM read call, described by acc, holds
// every row of a result that grows with the data.
func (c *checker) heldUnbounded(acc *accum, call *ssa.Call) {
	alloc, ok := unwrap(acc.dest).(*ssa.Alloc)
	if !ok {
		return
	}
	if c.unboundedDest == nil {
		c.unboundedDest = map[ssa.Value]token.Pos{}
	}
	if _, ok := c.unboundedDest[alloc]; !ok {
		c.unboundedDest[alloc] = call.Pos()
	}
}

// keyedByRows returns the first of lists that is collected from the rows
// of an unbounded read, or nil.
func (c *checker) keyedByRows(lists []ssa.Value) *keyedBy {
	if len(c.unboundedDest) == 0 {
		return nil
	}
	for _, l := range lists {
		if alloc := c.collectedFrom(l, map[ssa.Value]bool{}); alloc != nil {
			name := c.name(l)
			if name == "a slice" {
				name = ""
			}
			return &keyedBy{list: name, read: c.unboundedDest[alloc], dest: c.name(alloc)}
		}
	}
	return nil
}

// collectedFrom returns the destination of an unbounded read (an
// allocation in unboundedDest) from whose rows the slice v is built by
// append (ids = append(ids, u.FileID) in a loop over the rows), or nil.
func (c *checker) collectedFrom(v ssa.Value, seen map[ssa.Value]bool) ssa.Value {
	v = unwrap(v)
	if seen[v] || len(seen) > 64 {
		return nil
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Phi:
		for _, e := range x.Edges {
			if a := c.collectedFrom(e, seen); a != nil {
				return a
			}
		}
	case *ssa.Call:
		bi, ok := x.Call.Value.(*ssa.Builtin)
		if !ok || bi.Name() != "append" || len(x.Call.Args) != 2 {
			return nil
		}
		if a := c.collectedFrom(x.Call.Args[0], seen); a != nil {
			return a
		}
		added := x.Call.Args[1]
		if elems, ok := variadic(added); ok {
			for _, e := range elems {
				if a := c.fromRows(e, 0, seen); a != nil {
					return a
				}
			}
			return nil
		}
		return c.collectedFrom(added, seen) // append(ids, more...)
	}
	return nil
}

// fromRows returns the destination of an unbounded read whose rows the
// value v is read from (a field of an element, a method or function of
// one), or nil.
func (c *checker) fromRows(v ssa.Value, depth int, seen map[ssa.Value]bool) ssa.Value {
	v = unwrap(v)
	if v == nil || depth > 12 || seen[v] {
		return nil
	}
	seen[v] = true
	var from []ssa.Value // what v is read from
	switch x := v.(type) {
	case *ssa.Alloc:
		if _, ok := c.unboundedDest[x]; ok {
			return x
		}
		// A local the element is copied into (the range variable u of
		// for _, u := range users, kept in memory when its address is
		// taken): what is stored there.
		for _, r := range *x.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == x {
				from = append(from, st.Val)
			}
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			from = []ssa.Value{x.X}
		}
	case *ssa.FieldAddr:
		from = []ssa.Value{x.X}
	case *ssa.Field:
		from = []ssa.Value{x.X}
	case *ssa.IndexAddr:
		from = []ssa.Value{x.X}
	case *ssa.Index:
		from = []ssa.Value{x.X}
	case *ssa.Phi:
		from = x.Edges
	case *ssa.Call:
		// A function or method of an element (GetSavedFilterIDFromProjectID(view.ProjectID),
		// u.GetID()): its result is that element's key. Builtins (len) are not.
		if _, ok := x.Call.Value.(*ssa.Builtin); !ok {
			from = x.Call.Args
		}
	}
	for _, f := range from {
		if a := c.fromRows(f, depth+1, seen); a != nil {
			return a
		}
	}
	return nil
}
