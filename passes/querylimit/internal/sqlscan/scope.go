package sqlscan

import "strings"

// Scope says which rows an unbounded SELECT reads, judged from its text
// alone: whether the result grows with the table or is small by
// construction.
type Scope struct {
	// Kind is one of the Scope* constants.
	Kind ScopeKind
	// Columns are the columns behind the judgement: the key or list
	// column for ScopeParent and ScopeKeyList, the grouping columns for
	// ScopeGroups, the filtered columns for ScopeFiltered (at most three).
	Columns []string
	// Growing, for ScopeFiltered: the clause selects rows that keep
	// coming, with no upper end: a range comparison at the top level
	// (expiry < $1, send_date <= ?, xid >= f($1), CURRENT_TIMESTAMP <
	// expiry), BETWEEN other than a caller's window, or a top-level OR
	// with a pattern match in it (a search: name LIKE ? OR email LIKE ?,
	// whose pattern the caller picks). A filter without any of these
	// (status = 'queued', is_active = true, domain = $1, deleted_at IS
	// NULL, WHERE 1, owner = 'admin' OR owner = ?) selects a part of the
	// table, as large as the table allows.
	Growing bool
}

// TableSized reports whether the scope reads a part of one table with no
// sign of growing by itself: the whole table, or a filter that is not
// Growing. Whether that is big is the table's size.
func (s Scope) TableSized() bool {
	return s.Kind == ScopeWhole || s.Kind == ScopeFiltered && !s.Growing
}

// ScopeKind is the kind of a Scope.
type ScopeKind int

const (
	// ScopeWhole: no WHERE clause, every row of the table (or join);
	// Columns are its GROUP BY columns, if any (one row per value).
	ScopeWhole ScopeKind = iota
	// ScopeFiltered: a WHERE clause on columns that are not keys (a
	// status, a time, a flag), or with a top-level OR of anything but
	// parent keys: the result grows with the table.
	ScopeFiltered
	// ScopeParent: an equality on one key column such as user_id = $1 (a
	// column named like an id, uuid, key, token, hash, email, username or
	// slug): the rows of one parent, small unless that parent has many;
	// also a top-level OR each of whose parts has one, and no range
	// (sender_id = ? OR receiver_id = ?: the rows of a few parents).
	ScopeParent
	// ScopeKeyList: a key list given by the caller on any column
	// (token IN (?), entry_id = ANY($1), col IN ($1, $2)): as many rows
	// as keys.
	ScopeKeyList
	// ScopeGroups: a GROUP BY on enum-like columns only (status, state,
	// type, kind, a boolean flag): one row per value.
	ScopeGroups
	// ScopeWindow: a range on one column between two caller values
	// (change_id > $1 AND change_id <= $2, ts BETWEEN ? AND ?): the caller
	// chooses the window, as it would a page.
	ScopeWindow
	// ScopeQueue: a work queue's due rows: a time column at or below a
	// caller value or the clock (time <= ?, expires_at < now()) in a
	// state a job sets (published = 0, status = ?, processing = false),
	// with no other open range: a periodic job reads what came due since
	// its last run and marks or deletes it. Columns are the time column
	// and the state column.
	ScopeQueue
)

// Small reports whether the scope is small by construction.
func (s Scope) Small() bool {
	return s.Kind == ScopeParent || s.Kind == ScopeKeyList || s.Kind == ScopeGroups || s.Kind == ScopeWindow || s.Kind == ScopeQueue
}

// ScopeOf judges which rows the main statement of an unbounded SELECT
// (Info.Tokens) reads. schema, which may be nil, holds the unique keys
// the module declares: an equality with caller values on every column of
// one of them (or on a proper prefix of a composite one) selects the rows
// of one parent, whatever the columns are named.
func ScopeOf(main []Token, schema *Schema) Scope {
	if s, ok := unionScope(main, schema); ok {
		return s
	}
	from, where, group := -1, -1, -1
	for i, t := range main {
		if t.Depth != 0 || t.Kind != Word {
			continue
		}
		switch t.Upper() {
		case "FROM":
			if from < 0 {
				from = i
			}
		case "WHERE":
			if where < 0 && from >= 0 {
				where = i
			}
		case "GROUP":
			if group < 0 && i+1 < len(main) && top0(main[i+1], "BY") {
				group = i
			}
		case "UNION", "INTERSECT", "EXCEPT":
			return Scope{Kind: ScopeFiltered, Growing: true}
		}
	}
	var groups []string
	if group >= 0 {
		if cols, ok := enumGroups(main[group+2:]); ok {
			return Scope{Kind: ScopeGroups, Columns: cols}
		}
		groups, _ = groupColumns(main[group+2:])
	}
	if where < 0 {
		return Scope{Kind: ScopeWhole, Columns: groups}
	}
	var filtered []string
	var parent, list string
	or, match := false, false
	eq := map[string]bool{}                                        // columns = one caller value or constant
	lower, upper := map[string]bool{}, map[string]bool{}           // columns > or < a caller value
	lowerClock, upperClock := map[string]bool{}, map[string]bool{} // columns > or < the clock
	window := ""
	growing := false
	// A top-level OR whose every disjunct holds a parent key equality
	// (sender_id = ? OR receiver_id = ?) reads the rows of a few
	// parents: keyed says whether the current disjunct has one, allKeyed
	// whether every finished one had.
	keyed, allKeyed := false, true
	var parents []string
	for i := where + 1; i < len(main); i++ {
		t := main[i]
		if t.Depth != 0 {
			continue
		}
		if t.Kind == Word {
			switch u := t.Upper(); u {
			case "OR":
				or = true
				allKeyed = allKeyed && keyed
				keyed = false
			case "ORDER", "GROUP", "HAVING", "FOR", "OFFSET", "WINDOW", "LIMIT":
				i = len(main)
				continue
			case "BETWEEN":
				growing = true
			case "LIKE", "ILIKE", "RLIKE", "REGEXP", "GLOB", "MATCH", "SIMILAR":
				match = true
			}
		}
		if t.Kind == Punct && t.Text == "~" {
			match = true // PostgreSQL's regular-expression match
		}
		if t.Kind == Punct && (t.Text == "<" || t.Text == ">") {
			// a range, not <> (inequality)
			if n := tokenAt(main, i+1); !(t.Text == "<" && n.Kind == Punct && n.Text == ">") &&
				!(t.Text == ">" && i > 0 && main[i-1].Kind == Punct && main[i-1].Text == "<") {
				growing = true
			}
		}
		if t.Kind != Word && t.Kind != Quoted || i+1 >= len(main) || keywordLike(t) || t.Kind == Word && nowWords[t.Upper()] {
			continue
		}
		next := main[i+1]
		if next.Kind == Punct && next.Text == "." {
			continue // a table qualifier
		}
		if next.Kind != Punct && !(next.Kind == Word && (next.Upper() == "IN" || next.Upper() == "BETWEEN" || next.Upper() == "IS" || next.Upper() == "LIKE" || next.Upper() == "NOT")) {
			continue
		}
		col := strings.Trim(t.Text, "\"`[]")
		switch c := columnName(t); rangeMatch(main[i+1:]) {
		case "=":
			eq[c] = true
		case ">":
			lower[c] = true
		case "<":
			upper[c] = true
		case "between":
			lower[c], upper[c] = true, true
		}
		switch clockRange(main[i+1:]) {
		case ">":
			lowerClock[columnName(t)] = true
		case "<":
			upperClock[columnName(t)] = true
		}
		if (lower[columnName(t)] && upper[columnName(t)] || lowerClock[columnName(t)] && upperClock[columnName(t)]) && window == "" {
			window = col
		}
		switch {
		case listMatch(main[i+1:]):
			if list == "" {
				list = col
			}
			// In a disjunct, a key list bounds it as a parent key does
			// (id = ANY($1) OR username = ANY($2): as many rows as keys).
			keyed = true
			if !slicesContains(parents, col) {
				parents = append(parents, col)
			}
		case keyName(col) && !tenantName(col) && keyMatch(main[i+1:]):
			if parent == "" {
				parent = col
			}
			keyed = true
			if !slicesContains(parents, col) {
				parents = append(parents, col)
			}
		default:
			if len(filtered) < 3 && !slicesContains(filtered, col) {
				filtered = append(filtered, col)
			}
		}
	}
	switch {
	case or && allKeyed && keyed && !growing && parent == "":
		return Scope{Kind: ScopeKeyList, Columns: parents}
	case or && allKeyed && keyed && !growing:
		return Scope{Kind: ScopeParent, Columns: parents}
	case or:
		// A union of parts of the table: it grows with the table, and by
		// itself only when a part does (a range) or the caller picks a
		// pattern (a search).
		return Scope{Kind: ScopeFiltered, Columns: filtered, Growing: growing || match}
	case list != "":
		return Scope{Kind: ScopeKeyList, Columns: []string{list}}
	case parent != "":
		return Scope{Kind: ScopeParent, Columns: []string{parent}}
	}
	if key, ok := schema.covers(eq); ok {
		return Scope{Kind: ScopeParent, Columns: []string{key}}
	}
	if window != "" {
		return Scope{Kind: ScopeWindow, Columns: []string{window}}
	}
	if growing && asOf(main[where+1:]) {
		// from_ts <= $1 AND (thru_ts IS NULL OR thru_ts >= $1): the rows
		// valid at one instant, a part of the table.
		growing = false
	}
	if growing {
		if due, state, ok := queue(main[where+1:]); ok {
			return Scope{Kind: ScopeQueue, Columns: []string{due, state}}
		}
	}
	return Scope{Kind: ScopeFiltered, Columns: filtered, Growing: growing}
}

// queue judges the top level of a WHERE clause (clause follows WHERE)
// without OR: it reads a work queue's due rows when every range in it
// puts a time-named column at or below a caller value or the clock
// (time <= ?, expires_at < $1, now() > expiry) or compares a column with
// a constant (attachment_expires > 0), at least one is of the first kind,
// there is no BETWEEN, and a column is held to a state: equal to a
// constant (published = 0, processing = false) or, for a status-like
// column, to a caller value (status = ?). due and state name the time
// column and the state column.
func queue(clause []Token) (due, state string, ok bool) {
	at := func(i int) Token { return tokenAt(clause, i) }
	end := len(clause)
	for i, t := range clause {
		if t.Depth == 0 && t.Kind == Word {
			switch t.Upper() {
			case "ORDER", "GROUP", "HAVING", "FOR", "OFFSET", "WINDOW", "LIMIT", "RETURNING":
				end = i
			case "BETWEEN", "OR":
				return "", "", false
			}
			if end < len(clause) {
				break
			}
		}
	}
	clause = clause[:end]
	notNull := map[string]bool{} // col IS NOT NULL
	for i := 0; i < len(clause); i++ {
		t := clause[i]
		if t.Depth == 0 && word(t, "IS") && i > 0 && columnToken(clause[i-1]) && word(at(i+1), "NOT") && word(at(i+2), "NULL") {
			notNull[columnName(clause[i-1])] = true
		}
		if t.Depth != 0 || t.Kind != Punct {
			continue
		}
		switch t.Text {
		case "=":
			if i > 0 && clause[i-1].Kind == Punct {
				continue // the = of <=, >=, !=
			}
			if i < 1 {
				continue
			}
			left, right := clause[i-1], at(i+1)
			if !columnToken(left) || !operandEnds(at(i+2)) {
				continue
			}
			switch {
			case right.Kind == Number || right.Kind == String || word(right, "TRUE") || word(right, "FALSE"),
				right.Kind == Param && enumName(columnName(left)):
				if state == "" {
					state = columnName(left)
				}
			}
		case "<", ">":
			op := t.Text
			if n := at(i + 1); op == "<" && n.Kind == Punct && n.Text == ">" {
				i++
				continue // <>
			}
			r := i + 1
			if n := at(r); n.Kind == Punct && n.Text == "=" {
				r++
			}
			lv, lcol, lok := operandBefore(clause, i)
			rv, rcol, rok := operandAfter(clause, r)
			if !lok || !rok {
				return "", "", false
			}
			switch {
			case lcol != "" && rcol != "":
				return "", "", false
			case lv == "const" || rv == "const":
				// attachment_expires > 0: whether the column is set.
			case lcol != "" && op == "<" && timeName(lcol):
				due = lcol
			case rcol != "" && op == ">" && timeName(rcol):
				due = rcol
			default:
				return "", "", false // a lower bound: rows keep coming
			}
		}
	}
	if state == "" && due != "" && notNull[due] {
		// scheduled_deletion_at IS NOT NULL AND scheduled_deletion_at <=
		// now(): the column is set only on the rows someone scheduled, and
		// the job reads those that came due (fider's tenant deletions).
		state = due
	}
	return due, state, due != "" && state != ""
}

// asOf reports whether the ranges of a WHERE clause (clause follows
// WHERE) only pick the rows valid at one instant the caller gives: every
// range at the top level puts a column below or above a numbered or named
// placeholder (from_ts <= $1) that another comparison, at any depth, puts
// a different column on the other side of (thru_ts >= $1, also inside
// (thru_ts IS NULL OR thru_ts >= $1)), and there is no BETWEEN. A ? cannot
// be told from another ?, so it pairs with nothing.
func asOf(clause []Token) bool {
	type cmp struct {
		col, param string
		below      bool // col < param or col <= param
		top        bool
	}
	var cmps []cmp
	for i := 1; i < len(clause); i++ {
		t := clause[i]
		if t.Kind == Word && t.Upper() == "BETWEEN" {
			return false
		}
		if t.Kind != Punct || t.Text != "<" && t.Text != ">" {
			continue
		}
		if n := tokenAt(clause, i+1); t.Text == "<" && n.Kind == Punct && n.Text == ">" || t.Text == ">" && clause[i-1].Kind == Punct && clause[i-1].Text == "<" {
			continue // <>
		}
		r := i + 1
		if n := tokenAt(clause, r); n.Kind == Punct && n.Text == "=" {
			r++
		}
		left, right := clause[i-1], tokenAt(clause, r)
		if right.Kind == Word || right.Kind == Quoted {
			if n := tokenAt(clause, r+1); n.Kind == Punct && n.Text == "." {
				right = tokenAt(clause, r+2)
			}
		}
		below := t.Text == "<"
		var c cmp
		switch {
		case columnToken(left) && right.Kind == Param:
			c = cmp{col: columnName(left), param: right.Text, below: below}
		case left.Kind == Param && columnToken(right):
			c = cmp{col: columnName(right), param: left.Text, below: !below}
		default:
			if t.Depth == 0 {
				return false
			}
			continue
		}
		c.top = t.Depth == 0
		cmps = append(cmps, c)
	}
	tops := 0
	for _, a := range cmps {
		if !a.top {
			continue
		}
		tops++
		if a.param == "?" {
			return false
		}
		paired := false
		for _, b := range cmps {
			if b.param == a.param && b.below != a.below && b.col != a.col {
				paired = true
			}
		}
		if !paired {
			return false
		}
	}
	return tops > 0
}

// nowWords are SQL functions and values reading the clock.
var nowWords = map[string]bool{
	"NOW": true, "CURRENT_TIMESTAMP": true, "LOCALTIMESTAMP": true, "CURRENT_DATE": true,
	"UNIX_TIMESTAMP": true, "GETDATE": true, "GETUTCDATE": true, "SYSDATE": true, "SYSDATETIME": true,
	"UTC_TIMESTAMP": true,
}

// operandBefore classifies the operand that ends at clause[i-1], before a
// comparison: a column (col names it), a value ("value": a caller's
// placeholder or the clock), a constant ("const"); ok is false for
// anything else (an expression, a subquery).
func operandBefore(clause []Token, i int) (kind, col string, ok bool) {
	if i < 1 {
		return "", "", false
	}
	t := clause[i-1]
	start := i - 1
	switch {
	case t.Kind == RParen:
		// now(): the clock.
		j := i - 2
		for j >= 0 && clause[j].Depth > t.Depth {
			j--
		}
		if j < 1 || clause[j].Kind != LParen || !nowWords[clause[j-1].Upper()] {
			return "", "", false
		}
		start, kind = j-1, "value"
	case t.Kind == Param || t.Kind == Word && nowWords[t.Upper()]:
		kind = "value"
	case t.Kind == Number || t.Kind == String:
		kind = "const"
	case columnToken(t):
		col = columnName(t)
		if start >= 2 && clause[start-1].Kind == Punct && clause[start-1].Text == "." {
			start -= 2 // a table qualifier
		}
	default:
		return "", "", false
	}
	if start > 0 {
		if p := clause[start-1]; !(p.Depth == 0 && p.Kind == Word && p.Upper() == "AND") && !(p.Kind == LParen) {
			return "", "", false // part of an expression (now() - interval ...)
		}
	}
	return kind, col, true
}

// operandAfter classifies the operand that starts at clause[i], after a
// comparison, as operandBefore does.
func operandAfter(clause []Token, i int) (kind, col string, ok bool) {
	t := tokenAt(clause, i)
	next := i + 1
	switch {
	case t.Kind == Param:
		kind = "value"
	case t.Kind == Word && nowWords[t.Upper()]:
		kind = "value"
		if n := tokenAt(clause, next); n.Kind == LParen {
			if tokenAt(clause, next+1).Kind != RParen {
				return "", "", false
			}
			next += 2
		}
	case t.Kind == Number || t.Kind == String:
		kind = "const"
	case columnToken(t):
		col = columnName(t)
		if n := tokenAt(clause, next); n.Kind == Punct && n.Text == "." {
			col = columnName(tokenAt(clause, next+1))
			next += 2
		}
	default:
		return "", "", false
	}
	if !operandEnds(tokenAt(clause, next)) {
		return "", "", false
	}
	return kind, col, true
}

// operandEnds reports whether t may follow a whole operand of a top-level
// comparison: AND, a closing parenthesis, the end of the clause.
func operandEnds(t Token) bool {
	return t.Kind == Semi || t.Kind == RParen || t.Depth == 0 && t.Kind == Word && t.Upper() == "AND"
}

// columnToken reports whether t can name a column.
func columnToken(t Token) bool {
	return (t.Kind == Word || t.Kind == Quoted) && !keywordLike(t) && !nowWords[t.Upper()]
}

// timeName reports whether a column is named like a time or a deadline:
// time, ts, timestamp, expires, expiry, deadline, due, *_at, *_time,
// *_date, *_ts, *_timestamp, *_until, or a name containing expir.
func timeName(col string) bool {
	l := strings.ToLower(col)
	switch l {
	case "time", "ts", "date", "timestamp", "deadline", "due", "until":
		return true
	}
	if strings.Contains(l, "expir") {
		return true
	}
	for _, s := range []string{"_at", "_time", "_date", "_ts", "_timestamp", "_until", "_deadline"} {
		if strings.HasSuffix(l, s) {
			return true
		}
	}
	return false
}

// MainTable returns the first table the main statement (Info.Tokens)
// reads, FROM's first name without its schema, unquoted and (unquoted)
// in lower case; "" when FROM is not followed by a name, or names a
// common table expression of the statement's WITH clause (its rows are
// the CTE's, not a table's: vikunja's recursive all_projects).
func MainTable(main []Token) string {
	name := mainTable(main)
	if name != "" && cteNames(main)[name] {
		return ""
	}
	return name
}

// cteNames returns the names a leading WITH clause defines (WITH
// [RECURSIVE] name [(columns)] AS (...), ...), as columnName gives them.
func cteNames(toks []Token) map[string]bool {
	if len(toks) == 0 || !top0(toks[0], "WITH") {
		return nil
	}
	names := map[string]bool{}
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t.Depth != 0 {
			continue
		}
		if t.Kind == Word && verbs[t.Upper()] {
			break // the main statement
		}
		if t.Kind != Word && t.Kind != Quoted || top0(t, "RECURSIVE") || top0(t, "AS") {
			continue
		}
		j := i + 1
		if n := tokenAt(toks, j); n.Kind == LParen {
			for j < len(toks) && !(toks[j].Kind == RParen && toks[j].Depth == 0) {
				j++
			}
			j++
		}
		if top0(tokenAt(toks, j), "AS") {
			names[columnName(t)] = true
		}
	}
	return names
}

func mainTable(main []Token) string {
	for i, t := range main {
		if !top0(t, "FROM") {
			continue
		}
		j := i + 1
		name := ""
		for j < len(main) && (main[j].Kind == Word || main[j].Kind == Quoted) {
			name = columnName(main[j])
			if n := tokenAt(main, j+1); n.Kind == Punct && n.Text == "." {
				j += 2
				continue
			}
			break
		}
		if name == "" || keywordLike(Token{Kind: Word, Text: name}) || strings.EqualFold(name, "SELECT") {
			return ""
		}
		return name
	}
	return ""
}

// rangeMatch reports how rest, the tokens after a column, compare it with
// one caller value: "=" for "= $1" (or a constant), ">" for "> $1" and
// ">= $1", "<" for "< $1" and "<= $1", "between" for "BETWEEN $1 AND $2";
// "" otherwise.
func rangeMatch(rest []Token) string {
	at := func(i int) Token { return tokenAt(rest, i) }
	value := func(t Token) bool { return t.Kind == Param || t.Kind == String || t.Kind == Number }
	op := at(0)
	switch {
	case op.Kind == Punct && op.Text == "=":
		if value(at(1)) {
			return "="
		}
	case op.Kind == Punct && (op.Text == ">" || op.Text == "<"):
		next := at(1)
		if next.Kind == Punct && next.Text == "=" {
			next = at(2)
		}
		if next.Kind == Param {
			return op.Text
		}
	case word(op, "BETWEEN"):
		if at(1).Kind == Param && word(at(2), "AND") && at(3).Kind == Param {
			return "between"
		}
	}
	return ""
}

// clockRange is rangeMatch for a bound that is the clock or an expression
// of it (see clockAt): ">" or "<", or "".
func clockRange(rest []Token) string {
	op := tokenAt(rest, 0)
	if op.Kind != Punct || op.Text != ">" && op.Text != "<" {
		return ""
	}
	next := tokenAt(rest, 1)
	if next.Kind == Punct && next.Text == "=" {
		next = tokenAt(rest, 2)
	}
	if clockAt(rest, next) {
		return op.Text
	}
	return ""
}

// clockAt reports whether the operand that starts with t, a token of rest,
// is the clock or an expression of it: NOW(), CURRENT_TIMESTAMP,
// DATE_SUB(NOW(), INTERVAL delay MINUTE), DATETIME('now', '-5 minutes').
// A range on a column between two of them (created > DATE_SUB(NOW(),
// INTERVAL delay + 5 MINUTE) AND created < DATE_SUB(NOW(), INTERVAL delay
// MINUTE)) is a window of a width the code fixes; with one end the
// clock's and the other open (created_at > now() - interval '1 day') or
// the caller's, the rows still grow.
func clockAt(rest []Token, t Token) bool {
	if t.Kind == Word && nowWords[t.Upper()] {
		return true
	}
	i := -1
	for j := range rest {
		if rest[j].Pos == t.Pos {
			i = j
			break
		}
	}
	if i < 0 || t.Kind != Word {
		return false
	}
	open := tokenAt(rest, i+1)
	if open.Kind != LParen {
		return false
	}
	for j := i + 2; j < len(rest); j++ {
		u := rest[j]
		if u.Depth <= open.Depth {
			break // the closing parenthesis, or past it
		}
		if u.Kind == Word && nowWords[u.Upper()] || u.Kind == String && strings.EqualFold(strings.Trim(u.Text, "'\""), "now") {
			return true
		}
	}
	return false
}

func slicesContains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// keywordLike reports a word that is not a column name before an operator.
func keywordLike(t Token) bool {
	switch t.Upper() {
	case "AND", "NOT", "WHERE", "ON", "EXISTS", "NULL", "TRUE", "FALSE", "ANY", "SOME", "ALL", "CASE", "WHEN", "THEN", "ELSE", "END",
		"IS", "IN", "LIKE", "ILIKE", "BETWEEN":
		return true
	}
	return false
}

// listMatch reports whether rest, the tokens after a column, compare it
// with a list of keys given by the caller: "= ANY($1)", "IN ($1, $2)",
// "IN (?)", "IN ?", but not "IN (SELECT ...)".
func listMatch(rest []Token) bool {
	at := func(i int) Token { return tokenAt(rest, i) }
	switch {
	case at(0).Kind == Punct && at(0).Text == "=":
		u := at(1).Upper()
		return at(1).Kind == Word && (u == "ANY" || u == "SOME") && at(2).Kind == LParen && at(3).Kind == Param
	case at(0).Kind == Word && at(0).Upper() == "IN":
		if at(1).Kind == Param {
			return true
		}
		if at(1).Kind != LParen {
			return false
		}
		// Only placeholders and constants inside: IN ($1, $2), IN (?).
		for i := 2; i < len(rest); i++ {
			switch rest[i].Kind {
			case RParen:
				return i > 2
			case Param, Comma, Number, String:
			default:
				return false
			}
		}
	}
	return false
}

// keyName reports whether a column is named like a key: id, user_id,
// userId, uuid, uid (gogs' org_user.uid, ezbookkeeping's uid: a user's
// id), api_key, token, hash, email, username, slug.
func keyName(col string) bool {
	l := strings.ToLower(col)
	switch {
	case l == "id" || strings.HasSuffix(l, "_id") || strings.HasSuffix(col, "Id") || strings.HasSuffix(col, "ID"):
		return true
	case strings.HasSuffix(l, "uuid") || strings.HasSuffix(l, "guid"):
		return true
	case l == "uid" || strings.HasSuffix(l, "_uid"):
		return true
	}
	for _, s := range []string{"key", "token", "hash", "email", "username", "slug"} {
		if l == s || strings.HasSuffix(l, "_"+s) {
			return true
		}
	}
	return false
}

// ParentKey reports whether an equality on col picks the rows of one
// parent or entity: col is named like a key (keyName) and not like the
// tenant of a multi-tenant schema (tenantName). The mongo rule uses it on
// a filter's top-level fields.
func ParentKey(col string) bool { return keyName(col) && !tenantName(col) }

// tenantName reports whether a column names the tenant of a multi-tenant
// schema (tenant_id, tenantId, t.tenant_id): every table carries it and
// every query is held to one tenant, so an equality on it picks the
// tenant's part of the table, which grows like the table (fider's
// WHERE tenant_id = $1 on users, posts and votes), not one parent's rows.
func tenantName(col string) bool {
	l := strings.ToLower(col)
	if i := strings.LastIndexByte(l, '.'); i >= 0 {
		l = l[i+1:]
	}
	switch l {
	case "tenant_id", "tenantid", "tenant_uuid", "tenant":
		return true
	}
	return false
}

// enumNames are column names whose values are few by design.
var enumNames = map[string]bool{
	"status": true, "state": true, "type": true, "kind": true, "level": true,
	"priority": true, "role": true, "disabled": true, "enabled": true,
	"active": true, "deleted": true, "archived": true, "visible": true, "hidden": true,
}

// enumGroups returns the GROUP BY columns (the tokens after GROUP BY) when
// every one is enum-like: a name in enumNames, a *_status/_type/_state/
// _kind column, or an is_/has_ flag.
func enumGroups(rest []Token) ([]string, bool) {
	cols, ok := groupColumns(rest)
	if !ok {
		return nil, false
	}
	for _, col := range cols {
		if !enumName(col) {
			return nil, false
		}
	}
	return cols, true
}

// groupColumns returns the columns of a GROUP BY list (rest follows GROUP
// BY), table qualifiers dropped; false when an item is not a plain column.
func groupColumns(rest []Token) ([]string, bool) {
	var cols []string
	expect := true
	for i, t := range rest {
		if t.Depth != 0 {
			return nil, false
		}
		switch {
		case t.Kind == Comma:
			expect = true
		case t.Kind == Punct && t.Text == ".":
			expect = true
		case t.Kind == Word && (t.Upper() == "HAVING" || t.Upper() == "ORDER" || t.Upper() == "LIMIT" || t.Upper() == "WINDOW"):
			return cols, len(cols) > 0
		case (t.Kind == Word || t.Kind == Quoted) && expect:
			col := strings.Trim(t.Text, "\"`[]")
			if i+1 < len(rest) && rest[i+1].Kind == Punct && rest[i+1].Text == "." {
				continue // a table qualifier
			}
			cols = append(cols, col)
			expect = false
		default:
			return nil, false
		}
	}
	return cols, len(cols) > 0
}

func enumName(col string) bool {
	l := strings.ToLower(col)
	if enumNames[l] || strings.HasPrefix(l, "is_") || strings.HasPrefix(l, "has_") {
		return true
	}
	for _, s := range []string{"_status", "_state", "_type", "_kind"} {
		if strings.HasSuffix(l, s) {
			return true
		}
	}
	return false
}

// unionScope judges a top-level UNION whose every part is small: a key
// lookup, a part bounded by a LIMIT of its own ((SELECT ... LIMIT 100)),
// or a part whose scope is small by construction (nakama's account search:
// exact matches on key columns, UNION the rows of one device id, UNION a
// name search capped at 100). The union then holds at most the sum of its
// parts: one parent's rows when a part is, else a key list. ok is false
// when main has no top-level UNION or a part may grow.
func unionScope(main []Token, schema *Schema) (Scope, bool) {
	var parts [][]Token
	start := 0
	for i, t := range main {
		if top0(t, "INTERSECT") || top0(t, "EXCEPT") {
			return Scope{}, false
		}
		if !top0(t, "UNION") {
			continue
		}
		parts = append(parts, main[start:i])
		start = i + 1
		if start < len(main) && (top0(main[start], "ALL") || top0(main[start], "DISTINCT")) {
			start++
		}
	}
	if len(parts) == 0 {
		return Scope{}, false
	}
	parts = append(parts, main[start:])
	kind := ScopeKeyList
	var cols []string
	for _, p := range parts {
		if len(p) >= 2 && p[0].Kind == LParen && p[len(p)-1].Kind == RParen && p[0].Depth == 0 && p[len(p)-1].Depth == 0 {
			inner := make([]Token, len(p)-2)
			for i, t := range p[1 : len(p)-1] {
				t.Depth--
				inner[i] = t
			}
			p = inner
		}
		if len(p) == 0 || !top0(p[0], "SELECT") {
			return Scope{}, false
		}
		if bound(p) != nil || fewRows(p) != "" {
			continue
		}
		s := ScopeOf(p, schema)
		switch s.Kind {
		case ScopeParent:
			kind = ScopeParent
		case ScopeKeyList:
		default:
			return Scope{}, false
		}
		for _, c := range s.Columns {
			if !slicesContains(cols, c) {
				cols = append(cols, c)
			}
		}
	}
	return Scope{Kind: kind, Columns: cols}, true
}
