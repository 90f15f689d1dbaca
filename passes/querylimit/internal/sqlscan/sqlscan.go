// Package sqlscan is a small, forgiving SQL tokenizer that finds the row
// bound of a query (LIMIT, FETCH FIRST/NEXT ... ROWS, TOP n) at the top
// level of its main statement, never inside a subquery, a string literal, a
// quoted identifier, a comment or a dollar-quoted body.
//
// It understands the lexical syntax of PostgreSQL, MySQL, SQLite and SQL
// Server well enough for that purpose: '...' strings with doubled quotes and
// E'...' backslash escapes, "..." and `...` and [...] quoted identifiers,
// -- line comments, nested /* */ comments, $tag$...$tag$ dollar quoting, and
// the placeholders $1, ?, :name and @name. It never panics and never fails:
// text it does not understand is returned as punctuation.
//
// Limits: a MySQL "#" line comment is read as an operator (it is one in
// PostgreSQL), and a backslash inside a plain '...' string is an ordinary
// character (standard SQL; MySQL's default treats it as an escape).
package sqlscan

import (
	"slices"
	"strconv"
	"strings"
)

// Kind is the kind of a token.
type Kind int

const (
	Punct  Kind = iota // an operator or other punctuation
	Word               // an unquoted identifier or keyword
	Quoted             // a quoted identifier: "x", `x` or [x]
	String             // a string literal, including E'', N'', X'' and $tag$...$tag$
	Number             // a numeric literal
	Param              // a placeholder: $1, ?, :name, @name
	LParen             // (
	RParen             // )
	Comma              // ,
	Semi               // ;
)

// Token is one lexical token of a query.
type Token struct {
	Kind  Kind
	Text  string // the token's source text
	Pos   int    // byte offset in the query
	Depth int    // parenthesis depth; a parenthesis has the depth outside it
	// Ordinal is the 1-based position of a "?" placeholder among the
	// query's "?" placeholders; 0 for other tokens.
	Ordinal int
}

// Upper returns the token's text in upper case (for keyword comparison).
func (t Token) Upper() string { return strings.ToUpper(t.Text) }

// Scan splits q into tokens. Comments and white space are dropped.
// unterminated reports that q ends inside a string, quoted identifier,
// comment or dollar-quoted body.
func Scan(q string) (toks []Token, unterminated bool) {
	depth, ordinal := 0, 0
	i := 0
	n := len(q)
	add := func(k Kind, start, end int) {
		toks = append(toks, Token{Kind: k, Text: q[start:end], Pos: start, Depth: depth})
	}
	for i < n {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && i+1 < n && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				i = n
			} else {
				i += j + 1
			}
		case c == '/' && i+1 < n && q[i+1] == '*':
			level := 0
			j := i
			for j < n {
				if q[j] == '/' && j+1 < n && q[j+1] == '*' {
					level++
					j += 2
				} else if q[j] == '*' && j+1 < n && q[j+1] == '/' {
					level--
					j += 2
					if level == 0 {
						break
					}
				} else {
					j++
				}
			}
			if level != 0 {
				unterminated = true
			}
			i = j
		case c == '\'':
			end, ok := quoted(q, i, '\'', false)
			unterminated = unterminated || !ok
			add(String, i, end)
			i = end
		case c == '"' || c == '`':
			end, ok := quoted(q, i, c, false)
			unterminated = unterminated || !ok
			add(Quoted, i, end)
			i = end
		case c == '[':
			j := strings.IndexByte(q[i+1:], ']')
			end := n
			if j < 0 {
				unterminated = true
			} else {
				end = i + 1 + j + 1
			}
			add(Quoted, i, end)
			i = end
		case c == '$':
			j := i + 1
			for j < n && isDigit(q[j]) {
				j++
			}
			if j > i+1 {
				add(Param, i, j)
				i = j
				break
			}
			j = i + 1
			for j < n && (isIdentStart(q[j]) || (j > i+1 && isDigit(q[j]))) {
				j++
			}
			if j < n && q[j] == '$' {
				tag := q[i : j+1]
				k := strings.Index(q[j+1:], tag)
				end := n
				if k < 0 {
					unterminated = true
				} else {
					end = j + 1 + k + len(tag)
				}
				add(String, i, end)
				i = end
				break
			}
			add(Punct, i, i+1)
			i++
		case c == '?':
			ordinal++
			add(Param, i, i+1)
			toks[len(toks)-1].Ordinal = ordinal
			i++
		case (c == ':' || c == '@') && i+1 < n && isIdentStart(q[i+1]) && !(c == ':' && i > 0 && q[i-1] == ':'):
			j := i + 1
			for j < n && isIdentPart(q[j]) {
				j++
			}
			add(Param, i, j)
			i = j
		case c == '@' && i+1 < n && q[i+1] == '@':
			j := i + 2
			for j < n && isIdentPart(q[j]) {
				j++
			}
			add(Word, i, j)
			i = j
		case isDigit(c) || (c == '.' && i+1 < n && isDigit(q[i+1])):
			j := i
			for j < n && (isDigit(q[j]) || q[j] == '.' || q[j] == '_') {
				j++
			}
			if j < n && (q[j] == 'e' || q[j] == 'E') {
				k := j + 1
				if k < n && (q[k] == '+' || q[k] == '-') {
					k++
				}
				if k < n && isDigit(q[k]) {
					j = k
					for j < n && isDigit(q[j]) {
						j++
					}
				}
			}
			add(Number, i, j)
			i = j
		case isIdentStart(c):
			j := i
			for j < n && isIdentPart(q[j]) {
				j++
			}
			// Prefixed strings: E'..', N'..', X'..', B'..'.
			if j == i+1 && j < n && q[j] == '\'' && strings.ContainsRune("eEnNxXbB", rune(c)) {
				end, ok := quoted(q, j, '\'', c == 'e' || c == 'E')
				unterminated = unterminated || !ok
				add(String, i, end)
				i = end
				break
			}
			add(Word, i, j)
			i = j
		case c == '(':
			add(LParen, i, i+1)
			depth++
			i++
		case c == ')':
			if depth > 0 {
				depth--
			}
			add(RParen, i, i+1)
			i++
		case c == ',':
			add(Comma, i, i+1)
			i++
		case c == ';':
			add(Semi, i, i+1)
			i++
		default:
			add(Punct, i, i+1)
			i++
		}
	}
	return toks, unterminated
}

// quoted returns the end of the quoted token starting at q[start] == quote.
// A doubled quote is an escaped quote; with backslash, so is \quote.
func quoted(q string, start int, quote byte, backslash bool) (end int, ok bool) {
	for j := start + 1; j < len(q); j++ {
		switch q[j] {
		case '\\':
			if backslash {
				j++
			}
		case quote:
			if j+1 < len(q) && q[j+1] == quote {
				j++
				continue
			}
			return j + 1, true
		}
	}
	return len(q), false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isIdentStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || isDigit(c) || c == '$' }

// Bound is the row bound of a query.
type Bound struct {
	Keyword string // "LIMIT", "FETCH" or "TOP"
	// Arg is the token giving the number of rows: a Number, a Param, a
	// Word (an identifier or a caller's marker), or an LParen when the bound
	// is an expression. For "FETCH FIRST ROW ONLY" it is a synthetic Number
	// "1".
	Arg Token
}

// Value returns the bound's constant number of rows, if Arg is a number.
func (b *Bound) Value() (int64, bool) {
	if b == nil || b.Arg.Kind != Number {
		return 0, false
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(b.Arg.Text, "_", ""), 10, 64)
	return v, err == nil
}

// Info describes a query's main statement.
type Info struct {
	// Verb is the main statement's first keyword in upper case ("SELECT",
	// "INSERT", ...), after any WITH clause; "" when unknown.
	Verb string
	// Bound is the top-level row bound, or nil if there is none (also for
	// LIMIT ALL and TOP n PERCENT).
	Bound *Bound
	// FewRows is a reason the query returns a bounded number of rows
	// without a bound: "aggregate" (an aggregate without GROUP BY),
	// "no FROM" (a SELECT of expressions), "key lookup" (WHERE id = ...
	// with no top-level OR), "catalog" (every table it reads is a system
	// catalog: see Catalog); "" otherwise.
	FewRows string
	// Tokens are the main statement's tokens.
	Tokens []Token
	// Unterminated reports a string, identifier or comment left open.
	Unterminated bool
	// Dangling reports a top-level WHERE of the main statement whose
	// condition is empty or starts or ends with AND or OR, or two of
	// them in a row ("... WHERE", "WHERE OR username = ANY($1)"): a text
	// the database rejects, such as a path of a query built piece by piece
	// on which no condition was appended.
	Dangling bool
}

var aggregates = map[string]bool{
	"COUNT": true, "SUM": true, "AVG": true, "MIN": true, "MAX": true,
	"BOOL_AND": true, "BOOL_OR": true, "EVERY": true, "BIT_AND": true, "BIT_OR": true,
	"ARRAY_AGG": true, "STRING_AGG": true, "JSON_AGG": true, "JSONB_AGG": true,
	"JSON_OBJECT_AGG": true, "JSONB_OBJECT_AGG": true, "GROUP_CONCAT": true,
	"STDDEV": true, "VARIANCE": true, "COUNT_BIG": true, "EXISTS": true,
}

var setReturning = map[string]bool{
	"GENERATE_SERIES": true, "UNNEST": true, "JSON_ARRAY_ELEMENTS": true,
	"JSONB_ARRAY_ELEMENTS": true, "REGEXP_MATCHES": true, "JSON_EACH": true, "JSONB_EACH": true,
}

var verbs = map[string]bool{
	"SELECT": true, "INSERT": true, "UPDATE": true, "DELETE": true, "MERGE": true,
	"VALUES": true, "TABLE": true, "REPLACE": true, "UPSERT": true,
}

// Analyze scans q and describes its first statement.
func Analyze(q string) Info {
	toks, unterminated := Scan(q)
	info := Info{Unterminated: unterminated}
	// First statement only.
	for i, t := range toks {
		if t.Kind == Semi && t.Depth == 0 {
			if i == 0 {
				continue
			}
			toks = toks[:i]
			break
		}
	}
	for len(toks) > 0 && toks[0].Kind == Semi {
		toks = toks[1:]
	}
	info.Tokens = toks
	if len(toks) == 0 || toks[0].Kind != Word {
		return info
	}
	start := 0
	switch v := toks[0].Upper(); {
	case v == "WITH":
		for i := 1; i < len(toks); i++ {
			if toks[i].Depth == 0 && toks[i].Kind == Word && verbs[toks[i].Upper()] {
				start = i
				break
			}
		}
		if start == 0 {
			return info
		}
	case verbs[v]:
	default:
		info.Verb = v
		return info
	}
	info.Verb = toks[start].Upper()
	main := toks[start:]
	if info.Verb != "SELECT" {
		return info
	}
	info.Bound = bound(main)
	info.FewRows = fewRows(main)
	info.Dangling = dangling(main)
	return info
}

// conditionEnds are the keywords that end a WHERE clause at the top level.
var conditionEnds = map[string]bool{
	"GROUP": true, "HAVING": true, "WINDOW": true, "ORDER": true, "LIMIT": true,
	"OFFSET": true, "FETCH": true, "FOR": true, "UNION": true, "INTERSECT": true,
	"EXCEPT": true, "RETURNING": true,
}

// dangling reports whether the top-level WHERE of main has an empty
// condition, or a condition that starts or ends with AND or OR or joins
// two of them (see Info.Dangling). Parenthesised conditions and
// subqueries are not read.
func dangling(main []Token) bool {
	where := topIndex(main, "WHERE")
	if where < 0 {
		return false
	}
	prevJoin := true // the WHERE itself: a condition must follow
	for _, t := range main[where+1:] {
		if t.Depth != 0 {
			prevJoin = false
			continue
		}
		if t.Kind == Word {
			u := t.Upper()
			if conditionEnds[u] {
				break
			}
			if u == "AND" || u == "OR" {
				if prevJoin {
					return true
				}
				prevJoin = true
				continue
			}
		}
		prevJoin = false
	}
	return prevJoin
}

func top0(t Token, word string) bool {
	return t.Depth == 0 && t.Kind == Word && strings.EqualFold(t.Text, word)
}

// topIndex returns the index of the first top-level keyword word in
// main, or -1.
func topIndex(main []Token, word string) int {
	return slices.IndexFunc(main, func(t Token) bool { return top0(t, word) })
}

func bound(main []Token) *Bound {
	at := func(i int) Token {
		if i < len(main) {
			return main[i]
		}
		return Token{Kind: Punct}
	}
	// TOP right after SELECT [DISTINCT|ALL].
	i := 1
	if top0(at(i), "DISTINCT") || top0(at(i), "ALL") {
		i++
	}
	if top0(at(i), "TOP") {
		arg := at(i + 1)
		end := i + 2
		if arg.Kind == LParen {
			arg = at(i + 2)
			if at(i+3).Kind == RParen {
				end = i + 4
			} else {
				arg = at(i + 1)
				end = len(main)
			}
		}
		if top0(at(end), "PERCENT") {
			return nil
		}
		return &Bound{Keyword: "TOP", Arg: arg}
	}
	for i := 1; i < len(main); i++ {
		t := main[i]
		switch {
		case top0(t, "LIMIT"):
			arg := at(i + 1)
			if arg.Kind == Word && strings.EqualFold(arg.Text, "ALL") {
				return nil
			}
			if at(i+2).Kind == Comma && at(i+2).Depth == 0 { // MySQL LIMIT offset, count
				arg = at(i + 3)
			}
			if arg.Kind == Punct || arg.Kind == Semi || arg.Kind == RParen {
				continue
			}
			return &Bound{Keyword: "LIMIT", Arg: arg}
		case top0(t, "FETCH") && (top0(at(i+1), "FIRST") || top0(at(i+1), "NEXT")):
			arg := at(i + 2)
			if top0(arg, "ROW") || top0(arg, "ROWS") {
				arg = Token{Kind: Number, Text: "1", Pos: arg.Pos}
			}
			return &Bound{Keyword: "FETCH", Arg: arg}
		}
	}
	return nil
}

func fewRows(main []Token) string {
	from := topIndex(main, "FROM")
	if from < 0 {
		for _, t := range main {
			if t.Kind == Word && setReturning[t.Upper()] || top0(t, "UNION") || top0(t, "INTO") {
				return ""
			}
		}
		return "no FROM"
	}
	if catalogFrom(main[from+1:]) {
		return "catalog"
	}
	aggregate := false
	for i, t := range main[:from] {
		if t.Depth == 0 && t.Kind == Word {
			u := t.Upper()
			if u == "OVER" {
				aggregate = false
				break
			}
			if aggregates[u] && i+1 < from && main[i+1].Kind == LParen {
				aggregate = true
			}
		}
	}
	where := -1
	for i, t := range main[from:] {
		if t.Depth != 0 || t.Kind != Word {
			continue
		}
		switch t.Upper() {
		case "GROUP", "UNION", "INTERSECT", "EXCEPT":
			return ""
		case "WHERE":
			if where < 0 {
				where = from + i
			}
		}
	}
	if aggregate {
		return "aggregate"
	}
	if where >= 0 {
		key := false
		for i := where + 1; i < len(main); i++ {
			t := main[i]
			if t.Depth != 0 {
				continue
			}
			if t.Kind == Word {
				switch t.Upper() {
				case "OR":
					return ""
				case "ORDER", "FOR", "OFFSET", "WINDOW", "HAVING":
					i = len(main)
					continue
				}
			}
			if (t.Kind == Word || t.Kind == Quoted) && strings.EqualFold(strings.Trim(t.Text, "\"`[]"), "id") && keyMatch(main[i+1:]) {
				key = true
			}
		}
		if key {
			return "key lookup"
		}
	}
	return ""
}

// tokenAt returns toks[i], or a statement end (Semi) past the end.
func tokenAt(toks []Token, i int) Token {
	if i < len(toks) {
		return toks[i]
	}
	return Token{Kind: Semi}
}

// keyMatch reports whether rest, the tokens after an id column, compare it
// with one key or a list of keys given by the caller: "= $1", "= ANY($1)",
// "IN ($1, $2)", "IN (?)", but not "IN (SELECT ...)".
func keyMatch(rest []Token) bool {
	at := func(i int) Token { return tokenAt(rest, i) }
	switch {
	case at(0).Kind == Punct && at(0).Text == "=":
		u := at(1).Upper()
		if at(1).Kind == Word && (u == "ANY" || u == "SOME") {
			return at(2).Kind == LParen && !strings.EqualFold(at(3).Text, "SELECT")
		}
		return at(1).Kind != Punct && !(at(1).Kind == Word && u == "ALL")
	case at(0).Kind == Word && at(0).Upper() == "IN":
		// IN ($1, $2), or IN ? expanded from a list (gorm, sqlx.In).
		return at(1).Kind == Param || at(1).Kind == LParen && !strings.EqualFold(at(2).Text, "SELECT")
	}
	return false
}

// pgCatalog are the PostgreSQL system catalogs and views that describe
// the schema (one row per schema, table, column, index, type, constraint,
// role, ...), readable without the pg_catalog qualifier. Statistics and
// activity views (pg_stat_*, pg_locks) and pg_largeobject, which holds user
// data, are not in it.
var pgCatalog = map[string]bool{
	"pg_tables": true, "pg_class": true, "pg_namespace": true, "pg_indexes": true,
	"pg_index": true, "pg_attribute": true, "pg_attrdef": true, "pg_views": true,
	"pg_matviews": true, "pg_type": true, "pg_proc": true, "pg_constraint": true,
	"pg_database": true, "pg_roles": true, "pg_user": true, "pg_authid": true,
	"pg_auth_members": true, "pg_extension": true, "pg_available_extensions": true,
	"pg_sequence": true, "pg_sequences": true, "pg_trigger": true, "pg_description": true,
	"pg_enum": true, "pg_tablespace": true, "pg_inherits": true, "pg_am": true,
	"pg_collation": true, "pg_policy": true, "pg_policies": true, "pg_rules": true,
	"pg_rewrite": true, "pg_publication": true, "pg_publication_tables": true,
	"pg_partitioned_table": true, "pg_event_trigger": true, "pg_language": true,
}

// sqliteCatalog are SQLite's schema tables.
var sqliteCatalog = map[string]bool{
	"sqlite_master": true, "sqlite_schema": true, "sqlite_temp_master": true, "sqlite_temp_schema": true,
}

// Catalog reports whether a table name, given as its dotted parts with
// quotes removed and unquoted parts in lower case, names a system catalog:
// any table of information_schema, pg_catalog or sys (SQL Server's catalog
// views, MySQL's sys schema); an unqualified PostgreSQL catalog in
// pgCatalog; sqlite_master or sqlite_schema, unqualified or in main or
// temp. A user table with a similar name (pg_tables_backup,
// public.pg_tables) is not a catalog.
func Catalog(parts []string) bool {
	switch len(parts) {
	case 1:
		return pgCatalog[parts[0]] || sqliteCatalog[parts[0]]
	case 2:
		switch parts[0] {
		case "information_schema", "pg_catalog", "sys":
			return true
		case "main", "temp":
			return sqliteCatalog[parts[1]]
		}
	}
	return false
}

// fromEnd are the keywords that end a FROM clause.
var fromEnd = map[string]bool{
	"WHERE": true, "GROUP": true, "HAVING": true, "ORDER": true, "LIMIT": true, "OFFSET": true,
	"FETCH": true, "WINDOW": true, "FOR": true, "UNION": true, "INTERSECT": true, "EXCEPT": true,
}

// catalogFrom reports whether every table in a FROM clause (the tokens
// after FROM) is a system catalog: a join of a catalog with a user table,
// a subquery, a table function or a table built at run time is not.
func catalogFrom(rest []Token) bool {
	// Set operations combine rows of other FROM clauses: not judged.
	for _, t := range rest {
		if t.Depth == 0 && t.Kind == Word {
			switch t.Upper() {
			case "UNION", "INTERSECT", "EXCEPT":
				return false
			}
		}
	}
	tables := 0
	expect := true
	for i := 0; i < len(rest); i++ {
		t := rest[i]
		if t.Depth != 0 {
			continue
		}
		if !expect {
			switch {
			case t.Kind == Comma:
				expect = true
			case t.Kind == Word && t.Upper() == "JOIN":
				expect = true
			case t.Kind == Word && fromEnd[t.Upper()]:
				i = len(rest)
			}
			continue
		}
		// A table name: parts separated by dots.
		var parts []string
		for {
			if i >= len(rest) {
				return false
			}
			p := rest[i]
			switch p.Kind {
			case Word:
				parts = append(parts, strings.ToLower(p.Text))
			case Quoted:
				parts = append(parts, strings.Trim(p.Text, "\"`[]"))
			default:
				return false // a subquery, a function, something unknown
			}
			if i+1 < len(rest) && rest[i+1].Kind == Punct && rest[i+1].Text == "." {
				i += 2
				continue
			}
			break
		}
		if i+1 < len(rest) && rest[i+1].Kind == LParen {
			return false // a table function
		}
		if !Catalog(parts) {
			return false
		}
		tables++
		expect = false
	}
	return tables > 0 && !expect
}
