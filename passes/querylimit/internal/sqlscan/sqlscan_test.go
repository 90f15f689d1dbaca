package sqlscan

import (
	"strings"
	"testing"
)

func TestAnalyze(t *testing.T) {
	for _, tc := range []struct {
		q     string
		verb  string
		bound string // Bound.Keyword + " " + Arg.Text, or ""
		few   string
	}{
		{"SELECT * FROM users", "SELECT", "", ""},
		{"select id, name from users order by name limit 50", "SELECT", "LIMIT 50", ""},
		{"SELECT * FROM t LIMIT $1 OFFSET $2", "SELECT", "LIMIT $1", ""},
		{"SELECT * FROM t LIMIT ?", "SELECT", "LIMIT ?", ""},
		{"SELECT * FROM t LIMIT 10, 20", "SELECT", "LIMIT 20", ""},
		{"SELECT * FROM t LIMIT ALL", "SELECT", "", ""},
		{"SELECT * FROM t OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY", "SELECT", "FETCH 10", ""},
		{"SELECT * FROM t FETCH FIRST ROW ONLY", "SELECT", "FETCH 1", ""},
		{"SELECT TOP 100 * FROM t", "SELECT", "TOP 100", ""},
		{"SELECT DISTINCT TOP (@p1) * FROM t", "SELECT", "TOP @p1", ""},
		{"SELECT TOP 10 PERCENT * FROM t", "SELECT", "", ""},
		{"SELECT * FROM t WHERE x IN (SELECT y FROM u LIMIT 5)", "SELECT", "", ""},
		{"SELECT * FROM t WHERE note = 'LIMIT 5'", "SELECT", "", ""},
		{"SELECT * FROM t -- LIMIT 5", "SELECT", "", ""},
		{"SELECT * FROM t /* LIMIT /* nested */ 5 */", "SELECT", "", ""},
		{"SELECT $x$ LIMIT 5 $x$ FROM t", "SELECT", "", ""},
		{"SELECT $$ ) LIMIT 5 $$ FROM t", "SELECT", "", ""},
		{`SELECT "limit" FROM t`, "SELECT", "", ""},
		{"SELECT `limit` FROM t", "SELECT", "", ""},
		{"SELECT [limit] FROM t", "SELECT", "", ""},
		{`SELECT E'\' LIMIT 5' FROM t`, "SELECT", "", ""},
		{"SELECT 'it''s' FROM t LIMIT 3", "SELECT", "LIMIT 3", ""},
		{"WITH r AS (SELECT * FROM t LIMIT 5) SELECT * FROM r", "SELECT", "", ""},
		{"WITH r AS (SELECT * FROM t) SELECT * FROM r LIMIT 7", "SELECT", "LIMIT 7", ""},
		{"SELECT count(*) FROM t", "SELECT", "", "aggregate"},
		{"SELECT status, count(*) FROM t GROUP BY status", "SELECT", "", ""},
		{"SELECT id, sum(x) OVER () FROM t", "SELECT", "", ""},
		{"SELECT now()", "SELECT", "", "no FROM"},
		{"SELECT generate_series(1, $1)", "SELECT", "", ""},
		{"SELECT * FROM users WHERE id = $1", "SELECT", "", "key lookup"},
		{"SELECT * FROM users u WHERE u.id = ? AND deleted_at IS NULL", "SELECT", "", "key lookup"},
		{"SELECT * FROM users WHERE id = ANY($1)", "SELECT", "", "key lookup"},
		{"SELECT * FROM users WHERE id IN (?, ?, ?)", "SELECT", "", "key lookup"},
		{"SELECT * FROM users WHERE id IN ?", "SELECT", "", "key lookup"},
		{"SELECT * FROM posts WHERE id IN (SELECT post_id FROM likes WHERE user_id = $1)", "SELECT", "", ""},
		{"SELECT * FROM posts WHERE id = ANY(SELECT post_id FROM likes)", "SELECT", "", ""},
		{"SELECT * FROM posts WHERE id > $1", "SELECT", "", ""},
		{"SELECT * FROM users WHERE id = $1 OR email = $2", "SELECT", "", ""},
		{"SELECT * FROM orders WHERE user_id = $1", "SELECT", "", ""},
		{"INSERT INTO t (a) VALUES ($1) RETURNING id", "INSERT", "", ""},
		{"  ; SELECT * FROM t; SELECT 1", "SELECT", "", ""},
		{"SELECT x::int FROM t LIMIT :lim", "SELECT", "LIMIT :lim", ""},
		{"(SELECT 1) UNION (SELECT 2)", "", "", ""},
		{"SELECT tablename FROM pg_tables WHERE schemaname = 'public';", "SELECT", "", "catalog"},
		{"SELECT table_name FROM information_schema.tables WHERE table_schema = 'spire';", "SELECT", "", "catalog"},
		{"SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT LIKE 'pg_%'", "SELECT", "", "catalog"},
		{`SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace`, "SELECT", "", "catalog"},
		{`SELECT a.attname FROM "pg_catalog"."pg_attribute" a, pg_index i WHERE a.attrelid = i.indrelid`, "SELECT", "", "catalog"},
		{"SELECT name FROM sqlite_master WHERE type = 'table'", "SELECT", "", "catalog"},
		{"SELECT name FROM main.sqlite_schema", "SELECT", "", "catalog"},
		{"SELECT name FROM sys.tables", "SELECT", "", "catalog"},
		{"SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ? ORDER BY ORDINAL_POSITION", "SELECT", "", "catalog"},
		{"SELECT * FROM pg_tables_backup", "SELECT", "", ""},
		{"SELECT * FROM public.pg_tables", "SELECT", "", ""},
		{"SELECT * FROM pg_largeobject", "SELECT", "", ""},
		{"SELECT * FROM pg_stat_statements", "SELECT", "", ""},
		{"SELECT t.tablename, u.name FROM pg_tables t JOIN users u ON u.name = t.tablename", "SELECT", "", ""},
		{"SELECT * FROM pg_tables, users", "SELECT", "", ""},
		{"SELECT * FROM (SELECT * FROM users) t", "SELECT", "", ""},
		{"SELECT * FROM pg_catalog.pg_get_keywords()", "SELECT", "", ""},
		{"SELECT tablename FROM pg_tables UNION SELECT name FROM users", "SELECT", "", ""},
		{"WITH u AS (SELECT * FROM users) SELECT * FROM u", "SELECT", "", ""},
		{`SELECT * FROM "`, "SELECT", "", ""},
	} {
		info := Analyze(tc.q)
		got := ""
		if info.Bound != nil {
			got = info.Bound.Keyword + " " + info.Bound.Arg.Text
		}
		if info.Verb != tc.verb || got != tc.bound || info.FewRows != tc.few {
			t.Errorf("Analyze(%q) = verb %q, bound %q, few %q; want %q, %q, %q",
				tc.q, info.Verb, got, info.FewRows, tc.verb, tc.bound, tc.few)
		}
	}
}

func TestDangling(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"SELECT id FROM users WHERE", true},
		{"SELECT id FROM users WHERE ORDER BY id", true},
		{"SELECT id FROM users WHERE  OR username = ANY($1)", true},
		{"SELECT id FROM users WHERE id = $1 AND", true},
		{"SELECT id FROM users WHERE id = $1 AND OR x = 2 LIMIT 3", true},
		{"SELECT id FROM users WHERE id = ANY($1) OR username = ANY($2)", false},
		{"SELECT id FROM users WHERE a BETWEEN $1 AND $2", false},
		{"SELECT id FROM users WHERE (a OR b) AND c", false},
		{"SELECT id FROM users WHERE x IN (SELECT y FROM z WHERE) ", false}, // a subquery is not read
		{"SELECT id FROM users", false},
		{"SELECT id FROM users WHERE id = 1; SELECT 1 WHERE", false}, // the first statement only
	} {
		if got := Analyze(tc.q).Dangling; got != tc.want {
			t.Errorf("Analyze(%q).Dangling = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestOrdinal(t *testing.T) {
	info := Analyze("SELECT * FROM t WHERE a = ? AND b = '?' LIMIT ?")
	if info.Bound == nil || info.Bound.Arg.Ordinal != 2 {
		t.Fatalf("bound %+v, want the second ? placeholder", info.Bound)
	}
	if v, ok := (&Bound{Arg: Token{Kind: Number, Text: "17_000"}}).Value(); !ok || v != 17000 {
		t.Errorf("Value = %d, %v", v, ok)
	}
}

// FuzzAnalyze checks that Analyze never panics and that a LIMIT inside a
// string literal, a comment, a dollar-quoted body or a balanced subquery is
// never taken for the outer query's bound.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"SELECT * FROM t LIMIT 5",
		"x' LIMIT 1 --",
		"$$ LIMIT 2 $$",
		"/* LIMIT 3 */",
		"SELECT TOP 4 * FROM t",
		"SELECT a FROM b FETCH FIRST 5 ROWS ONLY",
		"E'\\' LIMIT 6'",
		"[x] `y` \"z\" ) ( LIMIT",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Analyze(s)
		Analyze("SELECT " + s)
		check := func(q string) {
			t.Helper()
			if info := Analyze(q); info.Bound != nil {
				t.Fatalf("Analyze(%q) found bound %+v inside a nested or quoted part", q, *info.Bound)
			}
		}
		check("SELECT x FROM t WHERE y = '" + strings.ReplaceAll(s, "'", "''") + "'")
		check(`SELECT "` + strings.ReplaceAll(s, `"`, `""`) + `" FROM t`)
		if !strings.Contains(s, "$q$") {
			check("SELECT $q$" + s + "$q$ FROM t")
		}
		if !strings.Contains(s, "*/") && !strings.Contains(s, "/*") {
			check("SELECT x FROM t /* " + s + " */")
		}
		if !strings.ContainsAny(s, "\n") {
			check("SELECT x FROM t -- " + s + "\n")
		}
		// A balanced, terminated fragment stays inside its parentheses.
		toks, open := Scan(s)
		balanced := !open
		d := 0
		for _, tk := range toks {
			switch tk.Kind {
			case LParen:
				d++
			case RParen:
				d--
			}
			if d < 0 {
				balanced = false
			}
		}
		if balanced && d == 0 && !strings.HasSuffix(s, "-") && !strings.HasSuffix(s, "/") && !strings.HasSuffix(s, "$") && !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, "@") && !endsInWordOrNumber(s) {
			check("SELECT x FROM t WHERE y IN (" + s + ") ORDER BY x")
		}
	})
}

// endsInWordOrNumber reports whether s ends in a character that could join
// the following ")" into one token (none can, but a trailing E or N could
// start a prefixed string and a trailing letter could be a dollar tag).
func endsInWordOrNumber(s string) bool {
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return isIdentPart(c) || c == '.'
}

func TestScopeOf(t *testing.T) {
	for _, tc := range []struct {
		q    string
		kind ScopeKind
		cols string
	}{
		{"SELECT id, username FROM users ORDER BY username ASC", ScopeWhole, ""},
		{"SELECT id FROM users WHERE id = ANY($1) OR username = ANY($2::text[])", ScopeKeyList, "id,username"},
		{"SELECT id FROM users WHERE username = $1 OR email = $1 UNION SELECT u.id FROM users u JOIN devices d ON u.id = d.user_id WHERE d.id = $1 UNION (SELECT id FROM users WHERE name ILIKE $1 LIMIT 100)", ScopeParent, "username,email"},
		{"SELECT id FROM users WHERE id = $1 UNION ALL SELECT id FROM users WHERE token IN ($2, $3)", ScopeKeyList, "token"},
		{"SELECT id FROM users WHERE username = $1 UNION SELECT id FROM users WHERE name ILIKE $1", ScopeFiltered, ""},
		{"SELECT id FROM users WHERE username = $1 UNION (SELECT id FROM users WHERE name ILIKE $1)", ScopeFiltered, ""},
		{"SELECT id FROM users WHERE id = ANY($1) OR user_id = $2", ScopeParent, "id,user_id"},
		{"SELECT id FROM users WHERE id = ANY($1) OR active = true", ScopeFiltered, "active"},
		{"SELECT * FROM users u JOIN teams t ON t.id = u.team_id", ScopeWhole, ""},
		{"SELECT id FROM jobs WHERE state = 'available' AND scheduled_at < now()", ScopeQueue, "scheduled_at,state"},
		// A nullable time set only on the rows someone scheduled (fider).
		{"SELECT id, name FROM tenants WHERE scheduled_deletion_at IS NOT NULL AND scheduled_deletion_at <= now() ORDER BY scheduled_deletion_at", ScopeQueue, "scheduled_deletion_at,scheduled_deletion_at"},
		// IS NOT NULL on another column is no schedule, and IS is no column.
		{"SELECT id FROM gists WHERE title IS NOT NULL AND expires_at <= now()", ScopeFiltered, "title,expires_at"},
		// Work queues: rows come due on a time column in a state a job sets.
		{"SELECT mid FROM messages WHERE time <= ? AND published = 0 ORDER BY time, id", ScopeQueue, "time,published"},
		{"SELECT mid FROM messages WHERE expires <= ? AND published = 1", ScopeQueue, "expires,published"},
		{"SELECT mid FROM messages WHERE attachment_expires > 0 AND attachment_expires <= ? AND attachment_deleted = 0", ScopeQueue, "attachment_expires,attachment_deleted"},
		{"SELECT id FROM subs WHERE warned_at = 0 AND updated_at <= ?", ScopeQueue, "updated_at,warned_at"},
		{"SELECT id FROM campaigns WHERE launch_date <= ? AND status = ?", ScopeQueue, "launch_date,status"},
		{"SELECT id FROM certs WHERE NOW() > c.expiry AND revoked = false", ScopeQueue, "expiry,revoked"},
		{"SELECT eb.batch_id FROM ExportBatch eb INNER JOIN ExportFile ef ON (eb.batch_id = ef.batch_id) WHERE eb.end_timestamp < $1 AND eb.status != $2 AND ef.status = $3", ScopeQueue, "end_timestamp,status"},
		// Not queues: no state (every expired row), a state given by the
		// caller on a column not named like one, a lower bound (rows since a
		// point keep coming), the clock in an expression, two columns
		// compared, BETWEEN, a range on a column not named like a time.
		{"SELECT id FROM entries WHERE expiry < ?", ScopeFiltered, "expiry"},
		{"SELECT id FROM logs WHERE send_date <= ? AND processing = ?", ScopeFiltered, "send_date,processing"},
		{"SELECT id FROM certs WHERE CURRENT_TIMESTAMP < expiry AND revoked = 0", ScopeFiltered, "revoked"},
		{"SELECT id FROM m WHERE time >= ? AND published = 0", ScopeFiltered, "time,published"},
		{"SELECT id FROM m WHERE time < now() - interval '1 day' AND published = 0", ScopeFiltered, "time,published"},
		{"SELECT id FROM m WHERE updated_at < created_at AND published = 0", ScopeFiltered, "updated_at,published"},
		{"SELECT id FROM m WHERE retries < ? AND state = 'failed'", ScopeFiltered, "retries,state"},
		{"SELECT id FROM t WHERE team = ?", ScopeFiltered, "team"},
		{"SELECT id FROM feeds WHERE user_id = $1 OR public", ScopeFiltered, ""},
		{"SELECT id FROM inbox WHERE sender_id = ? OR receiver_id = ?", ScopeParent, "sender_id,receiver_id"},
		{"SELECT id FROM inbox WHERE sender_id = ? AND NOT archived OR receiver_id = ?", ScopeParent, "sender_id,receiver_id"},
		{"SELECT id FROM inbox WHERE (sender_id = ? AND NOT archived) OR receiver_id = ?", ScopeFiltered, ""}, // a disjunct in parentheses is not read
		{"SELECT id FROM inbox WHERE sender_id = ? OR status = 'open'", ScopeFiltered, "status"},
		{"SELECT id FROM inbox WHERE sender_id = ? OR receiver_id = ? AND created_at > ?", ScopeFiltered, "created_at"},
		{"SELECT id FROM dm WHERE user1 = ? OR user2 = ?", ScopeFiltered, "user1,user2"}, // not key names
		{"SELECT id FROM categories WHERE user_id=$1 ORDER BY title", ScopeParent, "user_id"},
		{"SELECT * FROM org JOIN org_user ON org_user.org_id = org.id WHERE org_user.uid = ?", ScopeParent, "uid"},
		{"SELECT * FROM tags WHERE owner_uid = ?", ScopeParent, "owner_uid"},
		{"SELECT * FROM files WHERE fluid = ?", ScopeFiltered, "fluid"},
		// A tenant is a partition of every table, not a parent: its rows
		// grow like the table's (fider).
		{"SELECT id, name FROM users WHERE tenant_id = $1 AND status != $2 ORDER BY id", ScopeFiltered, "tenant_id,status"},
		{"SELECT id FROM users u WHERE u.tenant_id = $1", ScopeFiltered, "tenant_id"},
		{"SELECT id FROM posts WHERE tenant_id = $1 AND user_id = $2", ScopeParent, "user_id"},
		{"SELECT i.id FROM icons i JOIN feeds f ON f.icon_id = i.id WHERE f.user_id=$1", ScopeParent, "user_id"},
		{"SELECT id FROM creds WHERE userId = ?", ScopeParent, "userId"},
		{`SELECT id FROM keys WHERE "token" = $1 AND revoked = false`, ScopeParent, "token"},
		{"SELECT id FROM api_keys WHERE token IN (?)", ScopeKeyList, "token"},
		{"SELECT id FROM api_keys WHERE token IN ?", ScopeKeyList, "token"},
		{"SELECT id FROM e WHERE entry_id = ANY($1) ORDER BY id", ScopeKeyList, "entry_id"},
		{"SELECT id FROM e WHERE name IN ($1, $2, 'x')", ScopeKeyList, "name"},
		{"SELECT id FROM e WHERE entry_id IN (SELECT id FROM entries)", ScopeFiltered, "entry_id"},
		{"SELECT status, count(*) FROM entries GROUP BY status", ScopeGroups, "status"},
		{"SELECT e.state, e.is_read, count(*) FROM entries e GROUP BY e.state, e.is_read", ScopeGroups, "state,is_read"},
		{"SELECT user_id, count(*) FROM entries GROUP BY user_id", ScopeWhole, "user_id"},
		{"SELECT bt.tag_id, t.name, count(bt.tag_id) FROM bookmark_tag bt LEFT JOIN tag t ON bt.tag_id = t.id GROUP BY bt.tag_id ORDER BY t.name", ScopeWhole, "tag_id"},
		{"SELECT id FROM a UNION SELECT id FROM b", ScopeFiltered, ""},
		{"SELECT id FROM t WHERE created_at > now() - interval '1 day'", ScopeFiltered, "created_at"},
		// Two-sided windows between caller values.
		{"SELECT user_id FROM changes WHERE change_id > $1 AND change_id <= $2", ScopeWindow, "change_id"},
		{"SELECT id FROM ev WHERE ts BETWEEN ? AND ? ORDER BY ts", ScopeWindow, "ts"},
		{"SELECT id FROM ev WHERE ts >= $1 AND seq < $2", ScopeFiltered, "ts,seq"},                 // two columns: no window
		{"SELECT id FROM ev WHERE ts > $1", ScopeFiltered, "ts"},                                   // one-sided: grows
		{"SELECT id FROM ev WHERE ts > now() - interval '1 day' AND ts < $1", ScopeFiltered, "ts"}, // one end not the caller's
		// Two-sided windows between expressions of the clock: a width the code fixes (writefreely's publish jobs).
		{"SELECT id FROM jobs WHERE action = ? AND created < DATE_SUB(NOW(), INTERVAL delay MINUTE) AND created > DATE_SUB(NOW(), INTERVAL delay + 5 MINUTE) ORDER BY created", ScopeWindow, "created"},
		{"SELECT id FROM jobs WHERE created < DATETIME('now', '-' || delay || ' MINUTE') AND created > DATETIME('now', '-' || (delay+5) || ' MINUTE')", ScopeWindow, "created"},
		{"SELECT id FROM ev WHERE ts >= now() - interval '5 minutes' AND ts < now()", ScopeWindow, "ts"},
		{"SELECT id FROM ev WHERE ts >= now() - interval '5 minutes' AND seq < now()", ScopeFiltered, "ts,seq"}, // two columns
		{"SELECT id FROM ev WHERE ts < DATE_SUB(NOW(), INTERVAL 5 MINUTE)", ScopeFiltered, "ts"},                // one end: grows
		{"SELECT id FROM ev WHERE ts > $1 AND ts < $2 OR pinned", ScopeFiltered, "ts"},                          // OR
		{"SELECT id FROM ev WHERE ts <> $1 AND ts < $2", ScopeFiltered, "ts"},                                   // <> is no bound
	} {
		info := Analyze(tc.q)
		s := ScopeOf(info.Tokens, nil)
		if s.Kind != tc.kind || strings.Join(s.Columns, ",") != tc.cols {
			t.Errorf("ScopeOf(%q) = %d %v, want %d %s", tc.q, s.Kind, s.Columns, tc.kind, tc.cols)
		}
	}
}

func TestScopeOfAsOf(t *testing.T) {
	for _, tc := range []struct {
		q       string
		growing bool
	}{
		// Rows valid at one instant the caller gives: a part of the
		// table, as large as the table allows.
		{"SELECT id FROM exportimport WHERE from_timestamp <= $1 AND (thru_timestamp IS NULL OR thru_timestamp >= $1) ORDER BY id", false},
		{"SELECT id FROM prices WHERE $1 >= valid_from AND valid_to > $1", false},
		{"SELECT id FROM prices WHERE valid_from <= :at AND valid_to > :at AND region = :region", false},
		// Not one instant: two different values, ? (any value each), an
		// unpaired range beside the pair, BETWEEN.
		{"SELECT id FROM prices WHERE valid_from <= $1 AND valid_to >= $2", true},
		{"SELECT id FROM prices WHERE valid_from <= ? AND valid_to >= ?", true},
		{"SELECT id FROM prices WHERE valid_from <= $1 AND seq > $2 AND valid_to >= $1", true},
		{"SELECT id FROM prices WHERE valid_from <= $1 AND valid_to >= $1 AND ts BETWEEN now() AND $2", true},
	} {
		s := ScopeOf(Analyze(tc.q).Tokens, nil)
		if s.Kind != ScopeFiltered || s.Growing != tc.growing {
			t.Errorf("ScopeOf(%q) = kind %d growing %v, want filtered growing %v", tc.q, s.Kind, s.Growing, tc.growing)
		}
	}
}

func TestScopeOfSchema(t *testing.T) {
	var schema Schema
	schema.Add(`
CREATE TABLE IF NOT EXISTS accounts (
    localpart TEXT NOT NULL,
    server_name TEXT NOT NULL,
    created_ts BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS accounts_idx ON accounts(localpart, server_name);
CREATE TABLE IF NOT EXISTS stale (
    user_id TEXT PRIMARY KEY NOT NULL,
    domain TEXT NOT NULL,
    is_stale BOOLEAN NOT NULL
);
CREATE INDEX IF NOT EXISTS stale_idx ON stale (domain, is_stale);
CREATE TABLE data (owner TEXT, room TEXT, kind TEXT, UNIQUE (owner, room, kind));
CREATE TABLE jobs (state TEXT, queue TEXT, CONSTRAINT jobs_u UNIQUE (state, queue));
CREATE UNIQUE INDEX partial_idx ON tokens (device) WHERE revoked = false;
`)
	for _, tc := range []struct {
		q    string
		kind ScopeKind
		cols string
	}{
		// The whole unique key of another table: one account's rows.
		{"SELECT threepid FROM threepids WHERE localpart = $1 AND server_name = $2", ScopeParent, "localpart"},
		// A proper prefix of a composite unique key: one owner's rows.
		{"SELECT content FROM data WHERE owner = $1", ScopeParent, "owner"},
		// Part of a key only, or a non-unique index: still filtered.
		{"SELECT threepid FROM threepids WHERE server_name = $1", ScopeFiltered, "server_name"},
		{"SELECT user_id FROM stale WHERE is_stale = $1 AND domain = $2", ScopeFiltered, "is_stale,domain"},
		// A composite key led by an enum-like column is no parent.
		{"SELECT id FROM jobs WHERE state = $1", ScopeFiltered, "state"},
		// A partial unique index is not a key.
		{"SELECT id FROM tokens WHERE device = $1", ScopeFiltered, "device"},
		// A join condition is no caller value.
		{"SELECT a.x FROM a JOIN data d ON d.owner = a.name WHERE d.owner = a.name", ScopeFiltered, "owner"},
	} {
		info := Analyze(tc.q)
		s := ScopeOf(info.Tokens, &schema)
		if s.Kind != tc.kind || strings.Join(s.Columns, ",") != tc.cols {
			t.Errorf("ScopeOf(%q) = %d %v, want %d %s", tc.q, s.Kind, s.Columns, tc.kind, tc.cols)
		}
	}
}

func TestSchema(t *testing.T) {
	for _, tc := range []struct {
		ddl  string
		keys string // keys joined by ";"
	}{
		{"CREATE TABLE t (id BIGSERIAL PRIMARY KEY, name TEXT)", "id"},
		{"CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b))", "a,b"},
		{`CREATE TABLE "T" ("Email" TEXT UNIQUE, n INT REFERENCES u (id) UNIQUE)`, "Email"},
		{"CREATE TABLE t (a INT, CONSTRAINT t_u UNIQUE (a, b), CONSTRAINT f FOREIGN KEY (c) REFERENCES u (id))", "a,b"},
		{"CREATE TABLE t (a INT, UNIQUE KEY t_a (a), KEY t_b (b))", "a"},
		{"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON s.t USING btree (a DESC, b)", "a,b"},
		{"CREATE UNIQUE INDEX i ON t (lower(email))", ""},
		{"CREATE UNIQUE INDEX i ON t (a) WHERE deleted_at IS NULL", ""},
		{"CREATE INDEX i ON t (a)", ""},
		{"ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY (x); ALTER TABLE t ADD UNIQUE (y, z)", "x;y,z"},
		{"CREATE TABLE t AS SELECT a FROM u", ""},
		{"SELECT * FROM t WHERE created = 'CREATE TABLE'", ""},
		{"CREATE TABLE t (a INT", ""}, // cut short
	} {
		var s Schema
		s.Add(tc.ddl)
		var got []string
		for _, k := range s.keys {
			got = append(got, strings.Join(k, ","))
		}
		if g := strings.Join(got, ";"); g != tc.keys {
			t.Errorf("Schema.Add(%q) keys = %q, want %q", tc.ddl, g, tc.keys)
		}
	}
}

func TestMainTable(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{`SELECT id FROM users ORDER BY id`, "users"},
		{`SELECT id FROM public.Users u JOIN x ON x.id = u.id`, "users"},
		{`SELECT id FROM "Orders"`, "Orders"},
		{`SELECT t.tag_id FROM bookmark_tag bt LEFT JOIN tag t ON bt.tag_id = t.id`, "bookmark_tag"},
		{`SELECT id FROM (SELECT id FROM users) s`, ""},
		{`SELECT 1`, ""},
		// A common table expression's rows are its own, not a table's.
		{`WITH RECURSIVE all_projects AS (SELECT p.* FROM projects p WHERE p.id = ? UNION ALL SELECT p.* FROM projects p JOIN all_projects pc ON p.id = pc.parent_project_id) SELECT DISTINCT * FROM all_projects`, ""},
		{`WITH recent (id, at) AS (SELECT id, at FROM events) SELECT * FROM recent`, ""},
		// A CTE read only in a join: the main table is still a table.
		{`WITH r AS (SELECT id FROM events) SELECT * FROM users JOIN r ON r.id = users.id`, "users"},
	} {
		info := Analyze(tc.q)
		if got := MainTable(info.Tokens); got != tc.want {
			t.Errorf("MainTable(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestScopeGrowing(t *testing.T) {
	for _, tc := range []struct {
		q          string
		tableSized bool
	}{
		{`SELECT id FROM users`, true},
		{`SELECT id FROM account WHERE 1 AND owner = 1`, true},
		{`SELECT id FROM webhooks WHERE is_active = true`, true},
		{`SELECT id FROM settings WHERE kind <> 'hidden'`, true},
		{`SELECT id FROM settings WHERE kind != 'hidden'`, true},
		{`SELECT id FROM stale WHERE is_stale = $1 AND domain = $2`, true},
		{`SELECT id FROM certs WHERE CURRENT_TIMESTAMP < expiry AND status = 'revoked'`, false},
		{`SELECT id FROM mail_logs WHERE send_date <= $1 AND processing = false`, false},
		{`SELECT id FROM tx WHERE xid >= pg_snapshot_xmax($1)`, false},
		{`SELECT id FROM feeds WHERE a = $1 OR public`, true}, // a union of parts of the table
		{`SELECT id FROM certs WHERE owner = 'admin' OR owner = ?`, true},
		{`SELECT id FROM apps WHERE organization = ? OR is_shared = ?`, true},
		{`SELECT id FROM users WHERE username LIKE ? OR email LIKE ?`, false}, // a search: the caller picks the pattern
		{`SELECT id FROM users WHERE id = ? OR name ILIKE $1`, false},
		{`SELECT id FROM users WHERE id = ? OR name ~ $1`, false},
		{`SELECT id FROM ev WHERE kind = ? OR ts > ?`, false}, // a range in a part
		{`SELECT id FROM x WHERE ts BETWEEN $1 AND now()`, false},
		{`SELECT id FROM x WHERE user_id = $1`, false}, // a parent's rows: small, not table-sized
	} {
		info := Analyze(tc.q)
		if got := ScopeOf(info.Tokens, nil).TableSized(); got != tc.tableSized {
			t.Errorf("ScopeOf(%q).TableSized() = %v, want %v", tc.q, got, tc.tableSized)
		}
	}
}
