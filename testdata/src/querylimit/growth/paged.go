package growth

import "database/sql"

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

// One owner's posts are paged here: the package expects one owner_id to
// have many posts (writefreely's GetAnonymousPosts).
func ownerPostsPage(db *sql.DB, owner int64, offset int) []Row {
	rows, _ := db.Query(`SELECT id, title FROM posts WHERE owner_id = $1 ORDER BY created DESC LIMIT 10 OFFSET $2`, owner, offset) // fine: LIMIT 10
	return collect(rows)
}

// ... and read whole here (writefreely's GetUserPosts). Fine: one
// parent's rows. That another query pages one owner's posts is not taken
// as a sign that this one grows: on the corpus that rule added 2 true
// reads and 9 false ones (a blog's pinned posts, dead code, functions
// whose callers always give a page), so only the same call's other paths
// count (branches.go).
func ownerPosts(db *sql.DB, owner int64) []Row {
	rows, _ := db.Query(`SELECT id, title FROM posts WHERE owner_id = $1 ORDER BY created DESC`, owner) // fine: one owner_id's rows; paged only by another query
	return collect(rows)
}

// One owner's drafts: nothing pages drafts, so one owner_id's drafts are
// small by construction.
func ownerDrafts(db *sql.DB, owner int64) []Row {
	rows, _ := db.Query(`SELECT id, title FROM drafts WHERE owner_id = $1`, owner) // fine: one owner_id's rows, never paged
	return collect(rows)
}

// One post's comments: the package pages posts of one owner, not the
// comments of one post_id.
func postComments(db *sql.DB, post int64) []Row {
	rows, _ := db.Query(`SELECT id, body FROM comments WHERE post_id = $1`, post) // fine: one post_id's rows; comments are not paged by post_id
	return collect(rows)
}

// The rows of one user are paged with LIMIT 1 only (the newest): that is
// no page, so one user_id's sessions stay small by construction.
func newestSession(db *sql.DB, user int64) []Row {
	rows, _ := db.Query(`SELECT id, token FROM sessions WHERE user_id = $1 ORDER BY created DESC LIMIT 1`, user) // fine: LIMIT 1
	return collect(rows)
}

func userSessions(db *sql.DB, user int64) []Row {
	rows, _ := db.Query(`SELECT id, token FROM sessions WHERE user_id = $1`, user) // fine: one user_id's rows; LIMIT 1 elsewhere is no page
	return collect(rows)
}
