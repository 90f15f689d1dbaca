package growth

import "database/sql"

// readLedger reads the whole ledger table. Fine: only the package's test
// pages ledger (growth_test.go), and what a test pages says nothing of
// how the package's own code treats the table.
func readLedger(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT id, title FROM ledger`) // fine: nothing but a test pages ledger
	return collect(rows)
}
