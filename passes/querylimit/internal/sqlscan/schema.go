package sqlscan

import "strings"

// Schema holds the unique keys a module's DDL declares: primary keys,
// UNIQUE constraints and unique indexes, each as its column names in
// order, in lower case. Which table a key belongs to is not kept: a query
// comparing every column of some table's key with caller values reads the
// rows of one entity, in that table or, as its children, in another.
type Schema struct {
	keys [][]string
	seen map[string]bool
}

// Len returns the number of keys in s.
func (s *Schema) Len() int {
	if s == nil {
		return 0
	}
	return len(s.keys)
}

// Add scans ddl for CREATE TABLE, CREATE UNIQUE INDEX and ALTER TABLE ...
// ADD statements and adds the keys they declare. Text that is not DDL is
// ignored; so is a key it cannot read exactly (an expression, a partial
// index).
func (s *Schema) Add(ddl string) {
	if u := strings.ToUpper(ddl); !strings.Contains(u, "CREATE") && !strings.Contains(u, "ALTER") {
		return
	}
	toks, _ := Scan(ddl)
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && (toks[i].Kind != Semi || toks[i].Depth != 0) {
			continue
		}
		s.statement(toks[start:i])
		start = i + 1
	}
}

func (s *Schema) add(cols []string) {
	if len(cols) == 0 {
		return
	}
	k := strings.Join(cols, ",")
	if s.seen[k] {
		return
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	s.seen[k] = true
	s.keys = append(s.keys, cols)
}

func word(t Token, w string) bool { return t.Kind == Word && strings.EqualFold(t.Text, w) }

// columnName returns the column a Word or Quoted token names, unquoted
// and, when unquoted, in lower case.
func columnName(t Token) string {
	if t.Kind == Quoted {
		return strings.Trim(t.Text, "\"`[]")
	}
	return strings.ToLower(t.Text)
}

func (s *Schema) statement(st []Token) {
	if len(st) < 3 {
		return
	}
	switch {
	case word(st[0], "CREATE"):
		i := 1
		for i < len(st) && (word(st[i], "OR") || word(st[i], "REPLACE") || word(st[i], "TEMP") || word(st[i], "TEMPORARY") || word(st[i], "UNLOGGED") || word(st[i], "GLOBAL") || word(st[i], "LOCAL")) {
			i++
		}
		switch {
		case i < len(st) && word(st[i], "TABLE"):
			s.table(st[i+1:])
		case i+1 < len(st) && word(st[i], "UNIQUE") && word(st[i+1], "INDEX"):
			s.uniqueIndex(st[i+2:])
		}
	case word(st[0], "ALTER") && word(st[1], "TABLE"):
		// ALTER TABLE t ADD [CONSTRAINT name] PRIMARY KEY|UNIQUE (cols)
		for i := 2; i < len(st); i++ {
			if st[i].Depth == 0 && word(st[i], "ADD") {
				s.constraint(st[i+1:])
			}
		}
	}
}

// table reads the elements of CREATE TABLE [IF NOT EXISTS] name (...).
func (s *Schema) table(st []Token) {
	open := -1
	for i, t := range st {
		if t.Kind == LParen && t.Depth == 0 {
			open = i
			break
		}
		if word(t, "AS") {
			return // CREATE TABLE t AS SELECT
		}
	}
	if open < 0 {
		return
	}
	elem := open + 1
	for i := open + 1; i < len(st); i++ {
		t := st[i]
		if !(t.Kind == Comma && t.Depth == 1 || t.Kind == RParen && t.Depth == 0) {
			continue
		}
		s.element(st[elem:i])
		elem = i + 1
		if t.Kind == RParen {
			return
		}
	}
}

// element reads one element of a CREATE TABLE: a table constraint or a
// column definition with an inline PRIMARY KEY or UNIQUE.
func (s *Schema) element(el []Token) {
	if len(el) == 0 {
		return
	}
	if s.constraint(el) {
		return
	}
	if el[0].Kind != Word && el[0].Kind != Quoted {
		return
	}
	for i := 1; i < len(el); i++ {
		t := el[i]
		switch {
		case t.Depth != el[0].Depth:
		case word(t, "REFERENCES"):
			return // what follows names another table's columns
		case word(t, "UNIQUE") || word(t, "PRIMARY") && i+1 < len(el) && word(el[i+1], "KEY"):
			s.add([]string{columnName(el[0])})
			return
		}
	}
}

// constraint reads [CONSTRAINT name] PRIMARY KEY (cols) or UNIQUE [KEY|
// INDEX] [name] (cols), reporting whether el is a table constraint.
func (s *Schema) constraint(el []Token) bool {
	i := 0
	if len(el) > 1 && word(el[0], "CONSTRAINT") {
		i = 2
	}
	switch {
	case i+1 < len(el) && word(el[i], "PRIMARY") && word(el[i+1], "KEY"):
		i += 2
	case i < len(el) && word(el[i], "UNIQUE"):
		i++
		if i < len(el) && (word(el[i], "KEY") || word(el[i], "INDEX")) {
			i++
		}
		if i < len(el) && el[i].Kind != LParen {
			i++ // the index name
		}
	case i < len(el) && (word(el[i], "KEY") || word(el[i], "INDEX") || word(el[i], "FOREIGN") || word(el[i], "CHECK") || word(el[i], "EXCLUDE")):
		return true // not unique
	default:
		return false
	}
	for i < len(el) && el[i].Kind == Word {
		i++ // USING BTREE, CLUSTERED, ...
	}
	if i >= len(el) || el[i].Kind != LParen {
		return true
	}
	if cols, ok := columnList(el[i:]); ok {
		s.add(cols)
	}
	return true
}

// uniqueIndex reads the rest of CREATE UNIQUE INDEX [CONCURRENTLY] [IF NOT
// EXISTS] [name] ON table [USING method] (cols) [WHERE ...]. A partial
// index (WHERE) is unique only among some rows and is not a key.
func (s *Schema) uniqueIndex(st []Token) {
	on := -1
	for i, t := range st {
		if t.Depth == 0 && word(t, "ON") {
			on = i
			break
		}
	}
	if on < 0 {
		return
	}
	for i := on + 1; i < len(st); i++ {
		if st[i].Kind != LParen || st[i].Depth != 0 {
			continue
		}
		for _, t := range st[i:] {
			if t.Depth == 0 && word(t, "WHERE") {
				return
			}
		}
		if cols, ok := columnList(st[i:]); ok {
			s.add(cols)
		}
		return
	}
}

// columnList reads "(a, b DESC, c)" starting at the LParen, failing on
// an element that is not a plain column (an expression, a prefix length).
func columnList(toks []Token) ([]string, bool) {
	depth := toks[0].Depth + 1
	var cols []string
	expect := true
	for _, t := range toks[1:] {
		if t.Depth != depth && !(t.Kind == RParen && t.Depth == depth-1) {
			return nil, false
		}
		switch {
		case t.Kind == RParen:
			return cols, len(cols) > 0 && !expect
		case t.Kind == Comma:
			if expect {
				return nil, false
			}
			expect = true
		case (t.Kind == Word || t.Kind == Quoted) && expect:
			cols = append(cols, columnName(t))
			expect = false
		case t.Kind == Word && !expect:
			switch strings.ToUpper(t.Text) {
			case "ASC", "DESC", "NULLS", "FIRST", "LAST":
			default:
				return nil, false // COLLATE, an operator class
			}
		default:
			return nil, false
		}
	}
	return nil, false
}

// covers reports whether eq, the columns a query compares with single
// caller values, holds every column of a key, or a proper prefix of a
// composite key that does not start with an enum-like column: the rows of
// one entity or of one parent. It returns the key's first column.
func (s *Schema) covers(eq map[string]bool) (string, bool) {
	if s == nil {
		return "", false
	}
	for _, k := range s.keys {
		n := 0
		for n < len(k) && eq[k[n]] {
			n++
		}
		if n == len(k) || n > 0 && !enumName(k[0]) {
			return k[0], true
		}
	}
	return "", false
}
