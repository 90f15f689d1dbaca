package growth

// The tables the positives of this package read whole, or filter by a
// status or a plain column, are paged elsewhere in the package: that is
// what makes the pass believe they grow (querylimit/tablesize has the
// tables nothing pages).
const (
	pageUsers    = `SELECT id, username FROM users WHERE id > $1 ORDER BY id LIMIT 100`
	pageEntries  = `SELECT id FROM entries ORDER BY id LIMIT $1`
	pageBackups  = `SELECT id FROM pg_tables_backup ORDER BY id LIMIT $1`
	pageCatalog  = `SELECT u.id FROM pg_tables t JOIN users u ON u.name = t.tablename LIMIT $1`
	pageStale    = `SELECT user_id FROM stale_device_lists ORDER BY user_id LIMIT $1`
	pageDevices  = `SELECT user_id FROM devices ORDER BY user_id LIMIT $1`
	pageAccounts = `SELECT id FROM accounts ORDER BY id LIMIT $1`
	pageStale2   = `SELECT id FROM stale ORDER BY id LIMIT $1`
)
