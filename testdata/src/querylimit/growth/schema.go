package growth

import "database/sql"

// The package's DDL, as services keep it beside their statements
// (dendrite's userapi tables): querylimit reads the unique keys it
// declares.
const accountsSchema = `
CREATE TABLE IF NOT EXISTS accounts (
    localpart TEXT NOT NULL,
    server_name TEXT NOT NULL,
    created_ts BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS accounts_idx ON accounts(localpart, server_name);
`

const accountDataSchema = "CREATE TABLE IF NOT EXISTS account_data (" +
	"localpart TEXT NOT NULL, server_name TEXT NOT NULL, room TEXT, type TEXT NOT NULL, content TEXT," +
	" UNIQUE (localpart, server_name, room, type))"

func createStale(db *sql.DB) {
	db.Exec(`CREATE TABLE IF NOT EXISTS stale (user_id TEXT PRIMARY KEY, domain TEXT NOT NULL, is_stale BOOLEAN NOT NULL);
CREATE INDEX IF NOT EXISTS stale_idx ON stale (domain, is_stale)`)
}

// Fine: localpart and server_name are the whole unique key of accounts,
// so this reads one account's third-party ids, however the columns are
// named.
func threepids(db *sql.DB, localpart, server string) []Row {
	rows, _ := db.Query(`SELECT id, threepid FROM threepids WHERE localpart = $1 AND server_name = $2`, localpart, server)
	return collect(rows)
}

// Fine: a proper prefix of account_data's composite unique key, one
// account's data (the key is built by concatenated constants).
func accountData(db *sql.DB, localpart, server string) []Row {
	rows, _ := db.Query(`SELECT id, content FROM account_data WHERE localpart = $1 AND server_name = $2`, localpart, server)
	return collect(rows)
}

// Part of a key is no parent: every account of one server.
func accountsOfServer(db *sql.DB, server string) []Row {
	rows, _ := db.Query(`SELECT id, localpart FROM accounts WHERE server_name = $1`, server) // want `since rows filtered only by server_name grow with the data`
	return collect(rows)
}

// A non-unique index is no key: every stale user of one domain (the
// stale table's key is user_id alone).
func staleOfDomain(db *sql.DB, domain string) []Row {
	rows, _ := db.Query(`SELECT id, user_id FROM stale WHERE is_stale = $1 AND domain = $2`, true, domain) // want `since rows filtered only by is_stale, domain grow with the data`
	return collect(rows)
}

// Fine: a window between two positions the caller gives, like a page
// (the changes between two sync tokens); -querylimit.strict reports it.
func changesBetween(db *sql.DB, from, to int64) []Row {
	rows, _ := db.Query(`SELECT id, user_id FROM key_changes WHERE change_id > $1 AND change_id <= $2`, from, to)
	return collect(rows)
}

// A window open at one end grows with the table.
func changesSince(db *sql.DB, from int64) []Row {
	rows, _ := db.Query(`SELECT id, user_id FROM key_changes WHERE change_id > $1`, from) // want `since rows filtered only by change_id grow with the data`
	return collect(rows)
}
