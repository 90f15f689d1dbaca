package querylimit

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/passes/querylimit/internal/sqlscan"
)

// Growth: does an unbounded result grow with the data, or is it small by
// construction? The rule comes from the queries of the real-world corpus
// (corpus/labels/querylimit.tsv): reads with an open range (a time) grow,
// and whole-table reads and reads filtered only by a status or a flag grow
// when the package pages the table or its name says it holds events; the
// rows of one parent (WHERE
// user_id = $1), a key list given by the caller (token IN (?), entry_id =
// ANY($1)) and a GROUP BY on enum-like columns are small, and so are
// queries run by migration code. -querylimit.strict reports these too.

// strict is the -querylimit.strict flag.
var strict bool

func init() {
	Analyzer.Flags.BoolVar(&strict, "strict", false,
		"also report unbounded results that are small by construction: one parent's rows (WHERE user_id = $1), key lists (IN (?), = ANY($1)), caller windows (id > $1 AND id <= $2), GROUP BY on enum-like columns, work queues' due rows (time <= ? AND published = 0), migration code; and whole or filtered reads of tables nothing in the package pages")
}

// growth judges the unbounded texts of one query: small reports that
// every one is small by construction, or reads a part of a table nothing
// shows to be large (tableGrowth); belief is the clause the message ends
// with, saying what the pass believes grows.
func (c *checker) growth(infos []sqlscan.Info) (small bool, belief string) {
	schema := c.schema()
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
		why := ""
		table := sqlscan.MainTable(info.Tokens)
		if (s.Kind == sqlscan.ScopeWhole || s.Kind == sqlscan.ScopeFiltered) && configTable(table) {
			// Configuration that operators write, whatever part of it
			// is read (gin-vue-admin's dictionary search, name LIKE ?
			// OR type LIKE ?).
			smallBelief = "if the table " + table + " can grow large"
			continue
		}
		if s.TableSized() {
			if why = c.tableGrowth(table, s.Kind == sqlscan.ScopeWhole); why == "" {
				// Every user, setting or webhook of a service: most
				// whole-table reads in real code are of tables that
				// stay small, and the big ones are paged somewhere.
				if named(table) {
					smallBelief = "if the table " + table + " can grow large"
				} else {
					smallBelief = "if the table it reads can grow large"
				}
				continue
			}
			why = " (" + why + ")"
		}
		switch s.Kind {
		case sqlscan.ScopeWhole:
			small = false
			belief = wholeTableBelief + why
			if cols := knownColumns(s.Columns); len(cols) > 0 {
				belief = "since it returns a row per " + strings.Join(cols, ", ") + " of the whole table, which grows with the data" + why
			}
		case sqlscan.ScopeFiltered:
			small = false
			if belief == "" {
				if cols := knownColumns(s.Columns); len(cols) > 0 {
					belief = "since rows filtered only by " + strings.Join(cols, ", ") + " grow with the data" + why
				} else {
					belief = "since the rows it selects grow with the data" + why
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
		case sqlscan.ScopeQueue:
			smallBelief = "if many rows can come due on " + s.Columns[0] + " between two runs"
		}
	}
	if small {
		return true, smallBelief
	}
	return false, belief
}

// knownColumns returns the columns of cols that the text names: not
// pieces built at run time (GROUP BY " + groupBy).
func knownColumns(cols []string) []string {
	var out []string
	for _, c := range cols {
		if !strings.Contains(c, holeMark) {
			out = append(out, c)
		}
	}
	return out
}

// wholeTableBelief says why a read of a whole table is reported.
const wholeTableBelief = "since it reads the whole table, which grows with the data"

// parentRows reports whether every text of infos selects one parent's
// rows (WHERE user_id = $1): small by construction, unless the code pages
// the same query on its other paths (pagedBelief).
func (c *checker) parentRows(infos []sqlscan.Info) bool {
	schema := c.schema()
	for _, info := range infos {
		if conditionHole(info.Tokens) || sqlscan.ScopeOf(info.Tokens, schema).Kind != sqlscan.ScopeParent {
			return false
		}
	}
	return len(infos) > 0
}

// tableGrowth says why the pass believes a table grows with the data, or
// "" when nothing in the package shows it: the package reads it under a
// row bound elsewhere (a LIMIT, FETCH or TOP other than 1 on a query
// whose main table it is, or a gorm chain with Limit into a slice of its
// model or with Model(&T{}) or Table("t")), or its
// name says it holds events or logs (the last word of the name is event,
// log, history, audit or hit, singular or plural). For a read of the whole
// table (whole), reading it row by row elsewhere shows it too (xorm
// Iterate or Rows, gorm FindInBatches); a part of such a table may be one
// parent's rows under a key the pass cannot name (juicefs' xattrs of one
// inode). Schemas, row counts and other packages are not seen.
func (c *checker) tableGrowth(table string, whole bool) string {
	if !named(table) {
		return ""
	}
	c.schema() // reads the bounded texts of the package's strings too
	if c.paged[table] || c.judgingEnt && c.entPaged[table] {
		return "the package pages " + table + " elsewhere"
	}
	if whole && c.streamed[table] {
		return "the package reads " + table + " row by row elsewhere"
	}
	words := strings.Split(table, "_")
	switch singular(words[len(words)-1]) {
	case "event", "log", "history", "audit", "hit":
		return table + " holds events or logs"
	}
	return ""
}

// configTable reports whether a table's name says it holds configuration
// that operators write, not data that grows with use: its last word is
// config, configuration, setting, option, preference, menu, role,
// permission, authority, dept or department (singular or plural), a word
// of it is dict or dictionary (sys_dictionary_details, sys_dict_data), or
// it is an admin framework's registry of its own API routes (sys_api,
// sys_apis). Admin scaffolds (gin-vue-admin, go-admin) page every table
// in their UI, so a Limit elsewhere shows nothing about such tables. A
// name with a word for people (user, member, account, customer, tenant)
// is per-person and grows with them (answer's user_notification_config).
func configTable(table string) bool {
	words := strings.Split(strings.ToLower(table), "_")
	dict := false
	for _, w := range words {
		switch singular(w) {
		case "user", "member", "account", "customer", "tenant":
			return false
		case "dict", "dictionary":
			dict = true
		}
	}
	if dict {
		return true
	}
	switch last := singular(words[len(words)-1]); last {
	case "config", "configuration", "setting", "option", "preference", "menu", "role", "permission", "authority", "dept", "department":
		return true
	case "api":
		return len(words) == 2 && words[0] == "sys"
	}
	return false
}

// singular returns a lower-case word without its plural ending:
// dictionaries, dictionary; menus, menu.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 3:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// gormName returns the table gorm's default naming gives a model: its
// name in snake case, plural ("AttestedNodeEvent": attested_node_events).
func gormName(model string) string {
	return plural(snake(model))
}

// plural returns a snake-case name in the plural, as gorm and ent name
// tables: entity, entities; box, boxes; user, users.
func plural(s string) string {
	switch {
	case s == "":
		return ""
	case strings.HasSuffix(s, "y") && !strings.HasSuffix(s, "ey") && !strings.HasSuffix(s, "ay") && !strings.HasSuffix(s, "oy"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh"):
		return s + "es"
	}
	return s + "s"
}

// modelName returns the name of the named struct type T that v points
// to, directly or as the element of a slice or map of T or *T, or "".
func modelName(v ssa.Value) string {
	if t := modelType(v); t != nil {
		return t.Obj().Name()
	}
	return ""
}

// modelType returns the named struct type T that v points to, directly or
// as the element of a slice or map of T or *T, or nil.
func modelType(v ssa.Value) *types.Named {
	p, ok := unwrap(v).Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	t := p.Elem()
	switch u := t.Underlying().(type) {
	case *types.Slice:
		t = u.Elem()
	case *types.Map:
		t = u.Elem()
	}
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	return named
}

// tableName returns the table the model v points to is stored in, as gorm
// and xorm name it: what the model's TableName method returns (func (Task)
// TableName() string { return "tasks" }), or else def applied to the
// model's name (snake for xorm, plural snake for gorm). A TableName is
// read only when its body, in this package, returns one constant.
func (c *checker) tableName(v ssa.Value, def func(string) string) string {
	t := modelType(v)
	if t == nil {
		return ""
	}
	if name := c.tableMethod(t); name != "" {
		return name
	}
	return def(t.Obj().Name())
}

// tableMethod returns the constant a TableName method of t, declared in
// this package, returns, or "".
func (c *checker) tableMethod(t *types.Named) string {
	if t.Obj().Pkg() != c.pass.Pkg {
		return ""
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, t.Obj().Pkg(), "TableName")
	m, ok := obj.(*types.Func)
	if !ok || m.Type().(*types.Signature).Params().Len() != 0 {
		return ""
	}
	fn := c.pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA).Pkg.Prog.FuncValue(m.Origin()) // a generic model's method too
	if fn == nil || len(fn.Blocks) != 1 {
		return ""
	}
	ret, ok := fn.Blocks[0].Instrs[len(fn.Blocks[0].Instrs)-1].(*ssa.Return)
	if !ok || len(ret.Results) != 1 {
		return ""
	}
	name, _ := constString(ret.Results[0])
	return name
}

// snake returns a Go name in snake case, with initialisms kept whole
// ("ForkID": fork_id, "HTTPHook": http_hook), as gorm's and xorm's
// GonicMapper name tables and columns.
func snake(name string) string {
	var b strings.Builder
	for i, r := range name {
		upper := r >= 'A' && r <= 'Z'
		if upper && i > 0 {
			prev := rune(name[i-1])
			nextLower := i+1 < len(name) && name[i+1] >= 'a' && name[i+1] <= 'z'
			if prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9' || nextLower && prev >= 'A' && prev <= 'Z' {
				b.WriteByte('_')
			}
		}
		if upper {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
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
	// Strings of _test.go files give keys (a test's schema mirrors the
	// package's) but no paging evidence (see checker.test). schema may be
	// first called while a test's function is checked: the package's own
	// strings are evidence all the same.
	saved := c.inTest
	c.inTest = false
	defer func() { c.inTest = saved }()
	add := func(s string, test bool) {
		c.keys.Add(s)
		// A bounded SELECT in a string: its table is paged (tableGrowth).
		if !test && strings.Contains(strings.ToUpper(s), "SELECT") {
			if info := sqlscan.Analyze(s); info.Verb == "SELECT" {
				c.pagedTable(info)
			}
		}
	}
	for _, obj := range c.pass.TypesInfo.Defs {
		if k, ok := obj.(*types.Const); ok && k.Val().Kind() == constant.String {
			add(constant.StringVal(k.Val()), c.test[c.pass.Fset.File(k.Pos())])
		}
	}
	for _, f := range c.pass.Files {
		test := c.test[c.pass.Fset.File(f.FileStart)]
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					add(s, test)
				}
			}
			return true
		})
	}
	return c.keys
}

// pagedTable records that the package reads the main table of a query
// under a row bound, when that bound is a page: not LIMIT 1 (a lookup or
// an existence check: SELECT true FROM users WHERE ... LIMIT 1).
func (c *checker) pagedTable(info sqlscan.Info) {
	if info.Bound == nil || !pages(info.Bound) {
		return
	}
	c.pagedName(sqlscan.MainTable(info.Tokens))
}

// named reports whether table is a name the text gives: not "" (no FROM
// name) nor a piece built at run time (FROM " + table).
func named(table string) bool {
	return table != "" && !strings.HasPrefix(table, holeMark)
}

// pagedName records that the package pages table (not in a test).
func (c *checker) pagedName(table string) {
	if !c.inTest {
		addTable(&c.paged, table)
	}
}

// streamedName records that the package reads table row by row (not in a
// test).
func (c *checker) streamedName(table string) {
	if !c.inTest {
		addTable(&c.streamed, table)
	}
}

// addTable adds table to the set *tables, made on first use, when the
// text names it.
func addTable(tables *map[string]bool, table string) {
	if !named(table) {
		return
	}
	if *tables == nil {
		*tables = map[string]bool{}
	}
	(*tables)[table] = true
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

// migration reports whether fn is migration, schema-setup or repair
// code: a function (migrate*, upgrade*, *schema*, *repair*) or package
// (*migrat*, */deltas) whose name says so. It runs once, at startup or
// from an operator's command (vikunja's RepairOrphanedProjects), on
// tables it owns.
func migration(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	name := strings.ToLower(fn.Name())
	if strings.Contains(name, "migrat") || strings.Contains(name, "upgrade") || strings.Contains(name, "schema") || strings.Contains(name, "repair") {
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

// unboundedNote is the parenthesised note of an unbounded finding:
// bounded is the number of the query's texts that are bounded, unbounded
// the others. A LIMIT inside a subquery or CTE bounds that part only: the
// note then says the outer query has none.
func unboundedNote(bounded int, unbounded []sqlscan.Info) string {
	note := "no LIMIT"
	for _, info := range unbounded {
		if innerBound(info.Tokens) {
			note = "no LIMIT on the outer query"
			break
		}
	}
	if bounded > 0 {
		return note + " on some paths"
	}
	return note
}

// innerBound reports whether a LIMIT, FETCH or TOP appears nested in
// parentheses among toks.
func innerBound(toks []sqlscan.Token) bool {
	for _, t := range toks {
		if t.Depth > 0 && t.Kind == sqlscan.Word {
			switch t.Upper() {
			case "LIMIT", "FETCH", "TOP":
				return true
			}
		}
	}
	return false
}
