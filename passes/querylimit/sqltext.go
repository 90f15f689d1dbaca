package querylimit

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/passes/querylimit/internal/sqlscan"
)

const holeMark = "memlintqlhole"

// texts returns the possible texts of the string value v (at most 8),
// with unknown parts replaced by holeMark<i> where holes[i] is the value.
func (c *checker) texts(v ssa.Value, holes *[]ssa.Value, depth int) []string {
	hole := func() []string {
		*holes = append(*holes, v)
		return []string{holeMark + strconv.Itoa(len(*holes)-1)}
	}
	if depth > 12 {
		return hole()
	}
	if isSquirrelSelect(v.Type()) {
		// A squirrel builder run by Query or QueryContext.
		if ts, ok := c.squirrelTexts(v, holes); ok {
			return ts
		}
		return hole()
	}
	switch x := v.(type) {
	case *ssa.Extract:
		// text, args, err := b.ToSql() on a squirrel SelectBuilder.
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 && apimatch.Key(apimatch.SSACallee(call.Common())) == "("+squirrelPkg+".SelectBuilder).ToSql" {
			if ts, ok := c.squirrelTexts(call.Common().Args[0], holes); ok {
				return ts
			}
		}
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			return []string{constant.StringVal(x.Value)}
		}
		if x.Value == nil {
			return []string{""}
		}
	case *ssa.BinOp:
		if x.Op == token.ADD {
			l := c.texts(x.X, holes, depth+1)
			r := c.texts(x.Y, holes, depth+1)
			var out []string
			for _, a := range l {
				for _, b := range r {
					if len(out) < 8 {
						out = append(out, a+b)
					}
				}
			}
			return out
		}
	case *ssa.Phi:
		var out []string
		seen := map[string]bool{}
		for _, e := range x.Edges {
			if e == x {
				continue
			}
			for _, s := range c.texts(e, holes, depth+1) {
				if !seen[s] && len(out) < 8 {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
		return out
	case *ssa.UnOp:
		// A package-level variable assigned once, from a constant.
		if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL {
			if vals := c.globalStores(g); len(vals) == 1 {
				switch v := vals[0].(type) {
				case *ssa.Const:
					return c.texts(v, holes, depth+1)
				case *ssa.Call:
					// var q = fmt.Sprintf(`SELECT ... FROM %s`, table)
					if v.Parent() != nil && v.Parent().Name() == "init" {
						return c.texts(v, holes, depth+1)
					}
				}
			}
		}
	case *ssa.Call:
		key := apimatch.Key(apimatch.SSACallee(x.Common()))
		args := callArgs(x.Common())
		switch {
		case key == "fmt.Sprintf":
			if f, ok := args[0].(*ssa.Const); ok && f.Value != nil && f.Value.Kind() == constant.String {
				if elems, ok := variadic(args[1]); ok {
					// An argument that is one of a few constant
					// pieces (a condition added or not: fider's
					// supressionCondition) gives a text for each.
					alts := make([][]string, len(elems))
					for i, e := range elems {
						if _, ok := unwrapIface(e).(*ssa.Phi); !ok {
							continue
						}
						var none []ssa.Value
						if ts := c.texts(unwrapIface(e), &none, depth+1); len(none) == 0 && len(ts) > 1 {
							alts[i] = ts
						}
					}
					if ss, ok := sprintf(constant.StringVal(f.Value), elems, alts, holes); ok {
						return ss
					}
				}
			}
		case textPassthroughs[key]:
			return c.texts(args[len(args)-1], holes, depth+1)
		}
	}
	return hole()
}

// callee returns the function a call calls: its static callee, or, for a
// call through a package variable of this package that the package
// assigns once, to a named function (flagr's var getDB = entity.GetDB,
// which its tests swap for a fake), that function; nil otherwise.
func (c *checker) callee(common *ssa.CallCommon) *types.Func {
	if fn := apimatch.SSACallee(common); fn != nil || common.IsInvoke() {
		return fn
	}
	load, ok := common.Value.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	g, ok := load.X.(*ssa.Global)
	if !ok {
		return nil
	}
	stores := c.globalStores(g)
	if len(stores) != 1 {
		return nil
	}
	fn, ok := stores[0].(*ssa.Function)
	if !ok {
		return nil
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	f, _ := fn.Object().(*types.Func)
	return f
}

// globalStores returns the values stored in a global of this package
// anywhere in the package (nil for another package's global).
func (c *checker) globalStores(g *ssa.Global) []ssa.Value {
	if g.Pkg == nil || g.Pkg.Pkg != c.pass.Pkg {
		return nil
	}
	if c.globals == nil {
		c.globals = map[*ssa.Global][]ssa.Value{}
		funcs := slices.Clone(c.pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA).SrcFuncs)
		if init := g.Pkg.Func("init"); init != nil {
			funcs = append(funcs, init) // the synthetic initializer of package variables
		}
		seen := map[*ssa.Function]bool{}
		for _, f := range funcs {
			if seen[f] {
				continue
			}
			seen[f] = true
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					if st, ok := instr.(*ssa.Store); ok {
						if gl, ok := st.Addr.(*ssa.Global); ok {
							c.globals[gl] = append(c.globals[gl], st.Val)
						}
					}
				}
			}
		}
	}
	return c.globals[g]
}

// sprintf expands a constant format, replacing each verb by a hole, or
// by each of alts[n] when the argument is one of those constant texts
// (at most 8 texts in all).
func sprintf(format string, args []ssa.Value, alts [][]string, holes *[]ssa.Value) ([]string, bool) {
	outs := []string{""}
	write := func(s string) {
		for i := range outs {
			outs[i] += s
		}
	}
	n := 0
	used := make([]bool, len(args))
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			write(format[i : i+1])
			continue
		}
		dollar := i > 0 && format[i-1] == '$'
		i++
		if i < len(format) && format[i] == '%' {
			write("%")
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			// An explicit argument index: %[2]s.
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return nil, false
			}
			k, err := strconv.Atoi(format[i+1 : i+end])
			if err != nil || k < 1 || k > len(args) {
				return nil, false
			}
			n = k - 1
			i += end + 1
		}
		if i >= len(format) || format[i] == '*' || format[i] == '[' || n >= len(args) {
			return nil, false
		}
		arg := unwrapIface(args[n])
		if k, ok := arg.(*ssa.Const); ok && k.Value != nil && (format[i] == 's' || format[i] == 'v' || format[i] == 'd') &&
			(k.Value.Kind() == constant.String || k.Value.Kind() == constant.Int) {
			// A constant piece (a table or column name): its text.
			if k.Value.Kind() == constant.String {
				write(constant.StringVal(k.Value))
			} else {
				write(k.Value.ExactString())
			}
		} else if n < len(alts) && len(alts[n]) > 0 && (format[i] == 's' || format[i] == 'v') && len(outs)*len(alts[n]) <= 8 {
			var next []string
			for _, o := range outs {
				for _, a := range alts[n] {
					next = append(next, o+a)
				}
			}
			outs = next
		} else if dollar && format[i] == 'd' {
			// "$%d": a PostgreSQL placeholder numbered at run time
			// (fmt.Sprintf(" id = ANY($%d)", len(args))). It is written
			// $0, a placeholder whose argument is unknown: a bound it
			// gives is not judged, and it stands for a value given by
			// the caller, as $1 does.
			write("0")
		} else {
			*holes = append(*holes, arg)
			write(holeMark + strconv.Itoa(len(*holes)-1))
		}
		used[n] = true
		n++
	}
	for _, u := range used {
		if !u {
			return nil, false
		}
	}
	return outs, true
}

func unwrapIface(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return mi.X
	}
	return v
}

// variadic returns the elements of a variadic argument built by the
// compiler (f(a, b)), or false when it is an existing slice (f(s...)).
func variadic(v ssa.Value) ([]ssa.Value, bool) {
	switch x := v.(type) {
	case nil:
		return nil, false
	case *ssa.Const:
		return nil, x.Value == nil // nil slice: no arguments
	case *ssa.Slice:
		alloc, ok := x.X.(*ssa.Alloc)
		if !ok {
			return nil, false
		}
		arr, ok := alloc.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array)
		if !ok {
			return nil, false
		}
		elems := make([]ssa.Value, arr.Len())
		for _, r := range *alloc.Referrers() {
			ia, ok := r.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			idx, ok := constInt(ia.Index)
			if !ok || idx < 0 || idx >= int64(len(elems)) {
				return nil, false
			}
			for _, rr := range *ia.Referrers() {
				if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
					elems[idx] = st.Val
				}
			}
		}
		for _, e := range elems {
			if e == nil {
				return nil, false
			}
		}
		return elems, true
	}
	return nil, false
}

func constInt(v ssa.Value) (int64, bool) {
	k, ok := unwrap(v).(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}

// safeHolePrev are keywords after which an unknown piece of text is a
// table, a column list or a value, never a LIMIT clause.
var safeHolePrev = map[string]bool{"FROM": true, "JOIN": true, "SELECT": true, "DISTINCT": true, "UPDATE": true, "INTO": true}

// safeHoleNext are top-level keywords that cannot follow a LIMIT clause.
var safeHoleNext = map[string]bool{
	"FROM": true, "WHERE": true, "GROUP": true, "ORDER": true, "HAVING": true, "JOIN": true, "LEFT": true,
	"RIGHT": true, "INNER": true, "OUTER": true, "CROSS": true, "FULL": true, "ON": true, "AND": true, "AS": true,
}

// query describes one possible text of a query.
type query struct {
	info  sqlscan.Info
	known bool // no hole could hide a LIMIT
}

func analyzeText(s string) query {
	info := sqlscan.Analyze(s)
	q := query{info: info, known: info.Verb != "" && !info.Unterminated}
	if info.Bound != nil || info.FewRows != "" {
		return q
	}
	toks := info.Tokens
	for i, t := range toks {
		if t.Kind != sqlscan.Word || t.Depth != 0 || !strings.HasPrefix(t.Text, holeMark) {
			continue
		}
		safe := i > 0 && (safeHolePrev[toks[i-1].Upper()] || toks[i-1].Kind == sqlscan.Punct)
		if i+1 < len(toks) && toks[i+1].Depth == 0 && (safeHoleNext[toks[i+1].Upper()] || toks[i+1].Kind == sqlscan.Comma) {
			safe = true
		}
		if !safe {
			q.known = false
		}
	}
	return q
}

// checkSQL checks a query call: its text is qv, its arguments the variadic
// argsv; acc says how its rows are accumulated (nil if they are not).
func (c *checker) checkSQL(call *ssa.Call, qv, argsv ssa.Value, acc *accum) {
	var holes []ssa.Value
	alts := c.texts(qv, &holes, 0)
	elems, elemsOK := variadic(argsv)
	bounded, paged := 0, false
	var unbounded []sqlscan.Info
	// A bound matters to this process's memory only when the rows are held
	// here (acc). Rows read one by one, closed unread or handed to a
	// function without an accumulates fact: the bound limits the
	// database's work and the client's page, and the pass stays silent.
	// Rows returned as a cursor: a parameter reaching the bound is recorded
	// in the fact, and each caller is judged by what it does with them.
	cursor := acc == nil && returnsRows(call)
	for _, s := range alts {
		q := analyzeText(s)
		if !q.known && c.built[s] {
			q.known = q.info.Verb != "" && !q.info.Unterminated
		}
		if !q.known {
			return
		}
		info := q.info
		if info.Dangling {
			// The database rejects this text (a WHERE left empty or
			// ending in AND on a path where no condition was
			// appended): that path reads no rows.
			continue
		}
		switch {
		case info.Verb != "SELECT" || info.FewRows != "":
			bounded++
		case info.Bound != nil:
			bounded++
			paged = paged || pages(info.Bound)
			c.pagedTable(info)
			if acc != nil || cursor {
				c.checkSQLBound(call, info.Bound, holes, elems, elemsOK, acc)
			}
		default:
			unbounded = append(unbounded, info)
		}
	}
	if len(unbounded) == 0 || acc == nil {
		return
	}
	small, belief := c.growth(unbounded)
	if paged && c.parentRows(unbounded) {
		small, belief = false, pagedBelief
	}
	if !c.cfg.strict && (small || migration(call.Parent())) || c.testCode(call.Parent()) {
		return
	}
	c.report(call, acc, unboundedNote(bounded, unbounded), belief)
}

// pagedBelief is the belief of a query that selects one parent's rows
// and is paged on its other paths: the author expects it to be long
// enough to page, and the path without a bound reads all of it
// (writefreely's GetAnonymousPosts reads a user's anonymous posts with a
// LIMIT for page 1 and up and all of them for page 0).
const pagedBelief = "since the same query is paged on its other paths, so its rows can be many"

// pages reports whether b pages a result: any row bound but the constant
// 1 (LIMIT 1 on one path picks the first row, it does not page).
func pages(b *sqlscan.Bound) bool {
	n, ok := b.Value()
	return !ok || n > 1
}

// checkSQLBound checks the argument of a LIMIT/FETCH/TOP of rows held as
// acc says, or (acc nil) returned to the caller as a cursor.
func (c *checker) checkSQLBound(call *ssa.Call, b *sqlscan.Bound, holes, elems []ssa.Value, elemsOK bool, acc *accum) {
	label := b.Keyword + " " + b.Arg.Text
	if v, ok := b.Value(); ok {
		if acc != nil && v > c.cfg.maxRows {
			c.reportf(call, "%s %s exceeds %d rows and every row is %s; read it in pages of at most %d", b.Keyword, b.Arg.Text, c.cfg.maxRows, acc.what, c.cfg.maxRows)
		}
		return
	}
	var arg ssa.Value
	constLabel := func(n int64) string { return fmt.Sprintf("%s = %d", label, n) }
	switch t := b.Arg; {
	case t.Kind == sqlscan.Word && strings.HasPrefix(t.Text, holeMark):
		i, err := strconv.Atoi(strings.TrimPrefix(t.Text, holeMark))
		if err != nil || i >= len(holes) {
			return
		}
		arg = holeInt(holes[i])
		label = b.Keyword
		constLabel = func(n int64) string { return fmt.Sprintf("%s %d", b.Keyword, n) }
	case t.Kind == sqlscan.Param && elemsOK:
		n := 0
		switch {
		case t.Text == "?":
			n = t.Ordinal
		case strings.HasPrefix(t.Text, "$"):
			n, _ = strconv.Atoi(t.Text[1:])
		case strings.HasPrefix(strings.ToLower(t.Text), "@p"):
			n, _ = strconv.Atoi(t.Text[2:])
		}
		if n < 1 || n > len(elems) {
			return
		}
		arg = unwrapIface(elems[n-1])
	}
	if arg != nil {
		if acc != nil {
			c.checkBound(call, arg, label, constLabel, anyLower, acc.what)
		} else {
			c.cursorBound(call, arg)
		}
	}
}

// holeInt returns the integer behind a text hole (strconv.Itoa(n) -> n).
func holeInt(v ssa.Value) ssa.Value {
	if call, ok := v.(*ssa.Call); ok {
		if formatters[apimatch.Key(apimatch.SSACallee(call.Common()))] {
			return call.Common().Args[0]
		}
	}
	return v
}
