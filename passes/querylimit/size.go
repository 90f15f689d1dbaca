package querylimit

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/passes/querylimit/internal/sqlscan"
)

// Growth: does an unbounded result grow with the data, or is it small by
// construction? The rule comes from the queries of the real-world corpus
// (corpus/labels/querylimit.tsv): whole-table reads and reads filtered
// only by a status, a time or a flag grow; the rows of one parent (WHERE
// user_id = $1), a key list given by the caller (token IN (?), entry_id =
// ANY($1)) and a GROUP BY on enum-like columns are small, and so are
// queries run by migration code. -querylimit.strict reports these too.

// strict is the -querylimit.strict flag.
var strict bool

func init() {
	Analyzer.Flags.BoolVar(&strict, "strict", false,
		"also report unbounded results that are small by construction: one parent's rows (WHERE user_id = $1), key lists (IN (?), = ANY($1)), caller windows (id > $1 AND id <= $2), GROUP BY on enum-like columns, migration code")
}

// growth judges the unbounded texts of one query: small reports that
// every one is small by construction; belief is the clause the message
// ends with, saying what the pass believes grows.
func growth(infos []sqlscan.Info, schema *sqlscan.Schema) (small bool, belief string) {
	small = true
	var smallBelief string
	// The texts of run-time WHERE clauses with the clause taken out: the
	// path that adds no condition (len(conds) == 0) is as unknown as the
	// conditions themselves (miniflux's batch builder).
	optional := map[string]bool{}
	for _, info := range infos {
		if conditionHole(info.Tokens) {
			optional[tokenText(withoutWhere(info.Tokens))] = true
		}
	}
	for _, info := range infos {
		if conditionHole(info.Tokens) || optional[tokenText(info.Tokens)] {
			// WHERE + strings.Join(conds, " AND "): the conditions are
			// built at run time, a user_id = $1 among them or not.
			smallBelief = "if its conditions, built at run time, can select many rows"
			continue
		}
		s := sqlscan.ScopeOf(info.Tokens, schema)
		switch s.Kind {
		case sqlscan.ScopeWhole:
			small = false
			belief = "since it reads the whole table, which grows with the data"
			if len(s.Columns) > 0 {
				belief = "since it returns a row per " + strings.Join(s.Columns, ", ") + " of the whole table, which grows with the data"
			}
		case sqlscan.ScopeFiltered:
			small = false
			if belief == "" {
				if len(s.Columns) > 0 {
					belief = "since rows filtered only by " + strings.Join(s.Columns, ", ") + " grow with the data"
				} else {
					belief = "since the rows it selects grow with the data"
				}
			}
		case sqlscan.ScopeParent:
			smallBelief = "if one " + s.Columns[0] + " can have many rows"
		case sqlscan.ScopeKeyList:
			smallBelief = "if the key list on " + s.Columns[0] + " can be long"
		case sqlscan.ScopeGroups:
			smallBelief = "if " + strings.Join(s.Columns, ", ") + " can have many values"
		case sqlscan.ScopeWindow:
			smallBelief = "if the caller's window on " + s.Columns[0] + " can be wide"
		}
	}
	if small {
		return true, smallBelief
	}
	return false, belief
}

// schema returns the unique keys declared by the DDL in the package's
// string constants and literals (CREATE TABLE, CREATE UNIQUE INDEX,
// ALTER TABLE ... ADD), read once, when the first unbounded query is
// judged. Schemas kept in other packages, in .sql files or in ORM struct
// tags are not read.
func (c *checker) schema() *sqlscan.Schema {
	if c.keys != nil {
		return c.keys
	}
	c.keys = new(sqlscan.Schema)
	for _, obj := range c.pass.TypesInfo.Defs {
		if k, ok := obj.(*types.Const); ok && k.Val().Kind() == constant.String {
			c.keys.Add(constant.StringVal(k.Val()))
		}
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					c.keys.Add(s)
				}
			}
			return true
		})
	}
	return c.keys
}

// conditionHole reports whether the WHERE clause of a query has a piece
// built at run time at its top level.
func conditionHole(toks []sqlscan.Token) bool {
	where := false
	for _, t := range toks {
		if t.Depth != 0 || t.Kind != sqlscan.Word {
			continue
		}
		switch u := t.Upper(); {
		case u == "WHERE":
			where = true
		case u == "ORDER" || u == "GROUP" || u == "HAVING":
			where = false
		case where && strings.HasPrefix(t.Text, holeMark):
			return true
		}
	}
	return false
}

// withoutWhere returns toks without its top-level WHERE clause.
func withoutWhere(toks []sqlscan.Token) []sqlscan.Token {
	start := -1
	for i, t := range toks {
		if t.Depth != 0 || t.Kind != sqlscan.Word {
			continue
		}
		switch t.Upper() {
		case "WHERE":
			if start < 0 {
				start = i
			}
		case "ORDER", "GROUP", "HAVING", "LIMIT", "OFFSET", "FETCH", "FOR", "WINDOW", "UNION", "INTERSECT", "EXCEPT":
			if start >= 0 {
				return append(slices.Clone(toks[:start]), toks[i:]...)
			}
		}
	}
	if start < 0 {
		return toks
	}
	return toks[:start]
}

// tokenText joins the texts of toks with single spaces.
func tokenText(toks []sqlscan.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// migration reports whether fn is migration or schema-setup code: a
// function (migrate*, upgrade*, *schema*) or package (*migrat*, */deltas)
// whose name says so. It runs once, at startup, on
// tables it owns.
func migration(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	name := strings.ToLower(fn.Name())
	if strings.Contains(name, "migrat") || strings.Contains(name, "upgrade") || strings.Contains(name, "schema") {
		return true
	}
	if fn.Pkg != nil {
		path := strings.ToLower(fn.Pkg.Pkg.Path())
		if strings.Contains(path, "migrat") || strings.HasSuffix(path, "/deltas") {
			return true
		}
	}
	return false
}

// testCode reports whether fn is test code, whose unbounded reads hold no
// production memory: a function of a _test.go file, or one named by Go's
// convention for test hooks in non-test files (ListJournalsForTesting,
// resetForTest).
func (c *checker) testCode(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if strings.HasSuffix(fn.Name(), "ForTesting") || strings.HasSuffix(fn.Name(), "ForTest") {
		return true
	}
	f := c.pass.Fset.File(fn.Pos())
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// unboundedNote is the parenthesised note of an unbounded finding.
func unboundedNote(bounded int) string {
	if bounded > 0 {
		return "no LIMIT on some paths"
	}
	return "no LIMIT"
}
