package querylimit

import (
	"go/constant"
	"go/types"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
)

// Squirrel: SQL that github.com/Masterminds/squirrel's SelectBuilder
// builds is read as the text it writes, so the judgement of SQL texts
// (sqltext.go, size.go) applies to it. A builder is an immutable value:
// each method returns a new one, so the chain that reaches a terminal
// (Query, QueryContext, or ToSql whose text a query runs) is followed back
// through the values it was built from, a phi giving one text per path
// (Focalboard's "if opts.PerPage > 0 { query = query.Limit(...) }" gives a
// text with LIMIT and one without). Only the methods below are read; a
// builder from anywhere else (a parameter, a field, a helper's result)
// or a method not listed leaves the query unjudged.

const squirrelPkg = "github.com/Masterminds/squirrel"

// squirrelRuns are the SelectBuilder methods that run the query and
// return its rows.
var squirrelRuns = map[string]bool{
	"(" + squirrelPkg + ".SelectBuilder).Query":        true,
	"(" + squirrelPkg + ".SelectBuilder).QueryContext": true,
}

// isSquirrelSelect reports whether t is squirrel's SelectBuilder.
func isSquirrelSelect(t types.Type) bool {
	return apimatch.TypeKey(t) == squirrelPkg+".SelectBuilder"
}

// sqQuery is the parts of one path's SELECT, in the order of the text.
type sqQuery struct {
	distinct              bool
	cols, from, joins     []string
	where, groupBy, order []string
	having                []string
	limit, offset         string
}

func (q sqQuery) text() string {
	var b strings.Builder
	b.WriteString("SELECT ")
	if q.distinct {
		b.WriteString("DISTINCT ")
	}
	if len(q.cols) == 0 {
		b.WriteString("*")
	}
	b.WriteString(strings.Join(q.cols, ", "))
	if len(q.from) > 0 {
		b.WriteString(" FROM " + strings.Join(q.from, ", "))
	}
	for _, j := range q.joins {
		b.WriteString(" " + j)
	}
	if len(q.where) > 0 {
		b.WriteString(" WHERE " + strings.Join(q.where, " AND "))
	}
	if len(q.groupBy) > 0 {
		b.WriteString(" GROUP BY " + strings.Join(q.groupBy, ", "))
	}
	if len(q.having) > 0 {
		b.WriteString(" HAVING " + strings.Join(q.having, " AND "))
	}
	if len(q.order) > 0 {
		b.WriteString(" ORDER BY " + strings.Join(q.order, ", "))
	}
	if q.limit != "" {
		b.WriteString(" LIMIT " + q.limit)
	}
	if q.offset != "" {
		b.WriteString(" OFFSET " + q.offset)
	}
	return b.String()
}

// maxSquirrelPaths caps the paths of one builder value (Focalboard's
// getBlocks adds three optional conditions, an offset and a limit: 32).
const maxSquirrelPaths = 64

// squirrelTexts returns the SQL texts the squirrel SelectBuilder value v
// builds on its paths, with unknown pieces as holes (see texts); ok is
// false when the chain leads to something the pass does not read.
func (c *checker) squirrelTexts(v ssa.Value, holes *[]ssa.Value) ([]string, bool) {
	qs, ok := c.squirrelPaths(v, holes, 0)
	if !ok {
		return nil, false
	}
	var out []string
	seen := map[string]bool{}
	if c.built == nil {
		c.built = map[string]bool{}
	}
	for _, q := range qs {
		if s := q.text(); !seen[s] {
			seen[s] = true
			out = append(out, s)
			// Its holes are columns, conditions, offsets and a LIMIT's
			// value, where the pass wrote them: none hides a LIMIT.
			c.built[s] = true
		}
	}
	return out, true
}

func (c *checker) squirrelPaths(v ssa.Value, holes *[]ssa.Value, depth int) ([]sqQuery, bool) {
	if depth > 40 {
		return nil, false
	}
	switch x := v.(type) {
	case *ssa.Phi:
		var out []sqQuery
		for _, e := range x.Edges {
			if e == x {
				continue
			}
			qs, ok := c.squirrelPaths(e, holes, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, qs...)
			if len(out) > maxSquirrelPaths {
				return nil, false
			}
		}
		return out, len(out) > 0
	case *ssa.Call:
		fn := apimatch.SSACallee(x.Common())
		if fn == nil || fn.Pkg() == nil || apimatch.PkgPath(fn.Pkg()) != squirrelPkg {
			return nil, false
		}
		args := callArgs(x.Common())
		key := apimatch.Key(fn)
		if key == squirrelPkg+".Select" || key == "("+squirrelPkg+".StatementBuilderType).Select" {
			// The base: sq.Select(cols...) or a statement builder's
			// Select (a placeholder format and a runner, no clause).
			if len(args) != 1 || (key != squirrelPkg+".Select" && !c.plainStatements(x.Common().Args[0], 0)) {
				return nil, false
			}
			return []sqQuery{{cols: c.squirrelStrings(args[0], holes)}}, true
		}
		if !strings.HasPrefix(key, "("+squirrelPkg+".SelectBuilder).") {
			return nil, false
		}
		qs, ok := c.squirrelPaths(x.Common().Args[0], holes, depth+1)
		if !ok {
			return nil, false
		}
		for i := range qs {
			if !c.squirrelApply(&qs[i], fn.Name(), args, holes) {
				return nil, false
			}
		}
		return qs, true
	}
	return nil, false
}

// squirrelApply adds what the SelectBuilder method m, given args, writes
// to q; false for a method the pass does not read.
func (c *checker) squirrelApply(q *sqQuery, m string, args []ssa.Value, holes *[]ssa.Value) bool {
	one := func() string {
		if len(args) == 0 {
			return ""
		}
		return c.squirrelText(args[0], holes)
	}
	switch m {
	case "PlaceholderFormat", "RunWith", "Options", "Suffix", "Prefix":
		// No clause (Suffix and Prefix add text around the statement:
		// a FOR UPDATE, a comment; a LIMIT written there is not read).
	case "Distinct":
		q.distinct = true
	case "Columns":
		q.cols = append(q.cols, c.squirrelStrings(args[0], holes)...)
	case "Column":
		q.cols = append(q.cols, c.squirrelCond(args[0], holes))
	case "From":
		q.from = append(q.from, tablePrefix(one()))
	case "Join", "LeftJoin", "RightJoin", "InnerJoin", "CrossJoin":
		kind := map[string]string{"Join": "JOIN", "LeftJoin": "LEFT JOIN", "RightJoin": "RIGHT JOIN", "InnerJoin": "INNER JOIN", "CrossJoin": "CROSS JOIN"}[m]
		q.joins = append(q.joins, kind+" "+tablePrefix(one()))
	case "Where":
		if len(args) == 0 {
			return false
		}
		if cond := c.squirrelCond(args[0], holes); cond != "" {
			q.where = append(q.where, cond)
		}
	case "Having":
		q.having = append(q.having, c.squirrelCond(args[0], holes))
	case "GroupBy":
		q.groupBy = append(q.groupBy, c.squirrelStrings(args[0], holes)...)
	case "OrderBy":
		q.order = append(q.order, c.squirrelStrings(args[0], holes)...)
	case "Limit", "Offset":
		// Limit(n uint64): written as a hole whose value the bound
		// check follows (checkSQLBound), or the constant.
		n := args[0]
		text := ""
		if k, ok := constInt(n); ok {
			text = strconv.FormatInt(k, 10)
		} else {
			*holes = append(*holes, n)
			text = holeMark + strconv.Itoa(len(*holes)-1)
		}
		if m == "Limit" {
			q.limit = text
		} else {
			q.offset = text
		}
	case "RemoveLimit":
		q.limit = ""
	case "RemoveOffset":
		q.offset = ""
	default:
		return false // FromSelect, JoinClause, OrderByClause, ...
	}
	return true
}

// squirrelText returns the text of a string argument, a hole when it is
// not known.
func (c *checker) squirrelText(v ssa.Value, holes *[]ssa.Value) string {
	ts := c.texts(v, holes, 0)
	if len(ts) != 1 {
		*holes = append(*holes, v)
		return holeMark + strconv.Itoa(len(*holes)-1)
	}
	return ts[0]
}

// squirrelStrings returns the texts of a ...string argument.
func (c *checker) squirrelStrings(v ssa.Value, holes *[]ssa.Value) []string {
	elems, ok := variadic(v)
	if !ok {
		*holes = append(*holes, v)
		return []string{holeMark + strconv.Itoa(len(*holes)-1)}
	}
	var out []string
	for _, e := range elems {
		out = append(out, c.squirrelText(e, holes))
	}
	return out
}

// holePrefix is a hole directly followed by a name: a table prefix from
// configuration (Focalboard's s.tablePrefix + "boards as b").
var holePrefix = regexp.MustCompile("^" + holeMark + `\d+([A-Za-z_])`)

// tablePrefix drops a configured prefix from a table's name, so that the
// name is judged (named, tableGrowth) as the table it is.
func tablePrefix(s string) string {
	return holePrefix.ReplaceAllString(s, "$1")
}

// squirrelOps are the predicate map types of squirrel and the operator
// each writes between its key and value.
var squirrelOps = map[string]string{
	"Eq": "=", "NotEq": "<>", "Like": "LIKE", "NotLike": "NOT LIKE", "ILike": "ILIKE", "NotILike": "NOT ILIKE",
	"Lt": "<", "LtOrEq": "<=", "Gt": ">", "GtOrEq": ">=",
}

// squirrelCond returns the text of a Where predicate: a string (its
// text), or a predicate map literal of constant keys (sq.Eq{"b.team_id":
// id}: "b.team_id = ?"; a slice value with Eq is a key list, "IN (?)").
// Anything else (sq.Or{...}, a predicate built elsewhere) is a hole: a
// condition the pass does not know, which leaves the query small by the
// growth rule.
func (c *checker) squirrelCond(v ssa.Value, holes *[]ssa.Value) string {
	hole := func() string {
		*holes = append(*holes, v)
		return holeMark + strconv.Itoa(len(*holes)-1)
	}
	x := v
	if mi, ok := v.(*ssa.MakeInterface); ok {
		x = mi.X
	}
	if k, ok := x.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
		return "(" + constant.StringVal(k.Value) + ")"
	}
	mm, ok := x.(*ssa.MakeMap)
	if !ok {
		return hole()
	}
	tk := apimatch.TypeKey(mm.Type())
	op, ok := squirrelOps[strings.TrimPrefix(tk, squirrelPkg+".")]
	if !ok || !strings.HasPrefix(tk, squirrelPkg+".") {
		return hole()
	}
	var conds []string
	for _, r := range *mm.Referrers() {
		u, ok := r.(*ssa.MapUpdate)
		if !ok {
			continue
		}
		key, ok := u.Key.(*ssa.Const)
		if !ok || key.Value == nil || key.Value.Kind() != constant.String {
			return hole()
		}
		val := u.Value
		if mi, ok := val.(*ssa.MakeInterface); ok {
			val = mi.X
		}
		col := constant.StringVal(key.Value)
		switch _, isSlice := val.Type().Underlying().(*types.Slice); {
		case isSlice && op == "=":
			conds = append(conds, col+" IN (?)")
		case isSlice && op == "<>":
			conds = append(conds, col+" NOT IN (?)")
		default:
			conds = append(conds, col+" "+op+" ?")
		}
	}
	if len(conds) == 0 {
		return hole()
	}
	return strings.Join(conds, " AND ")
}

// plainStatements reports whether v, a StatementBuilderType, adds no
// condition to the statements it builds: squirrel's StatementBuilder,
// given a placeholder format or a runner, one kept in a field, or what a
// function returns that never calls the statement builder's Where
// (Focalboard's s.getQueryBuilder(db)). A Where there would be a condition of every
// query, which the text would miss.
func (c *checker) plainStatements(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	const sb = "(" + squirrelPkg + ".StatementBuilderType)."
	switch x := v.(type) {
	case *ssa.UnOp:
		switch y := x.X.(type) {
		case *ssa.Global:
			return y.Pkg != nil && y.Pkg.Pkg.Path() == squirrelPkg && y.Name() == "StatementBuilder"
		case *ssa.FieldAddr:
			// A statement builder kept in a field, as a service keeps
			// the one its connection set up (go-clean-template's
			// pg.Builder = squirrel.StatementBuilder.PlaceholderFormat(
			// squirrel.Dollar), in another package): taken to add no
			// condition, as statement builders in the corpus never do.
			return true
		}
		return false
	case *ssa.Phi:
		for _, e := range x.Edges {
			if e != x && !c.plainStatements(e, depth+1) {
				return false
			}
		}
		return true
	case *ssa.Call:
		switch key := apimatch.Key(apimatch.SSACallee(x.Common())); key {
		case sb + "PlaceholderFormat", sb + "RunWith":
			return c.plainStatements(x.Common().Args[0], depth+1)
		case sb + "Where":
			return false
		}
		callee := x.Common().StaticCallee()
		if callee == nil || callee.Blocks == nil {
			return false
		}
		for _, b := range callee.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok && apimatch.Key(apimatch.SSACallee(call.Common())) == sb+"Where" {
					return false
				}
			}
		}
		return true
	}
	return false
}
