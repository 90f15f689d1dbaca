// Package rowsutil is a scan helper of another package: its fact says it
// accumulates the rows it is given, and the packages that call it are
// judged through that fact.
package rowsutil

import "database/sql"

// Keep holds every row of rows in memory: a limit on the query decides
// how many.
func Keep(rows *sql.Rows) []int { // want Keep:`accumulates\(0\)`
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			break
		}
		ids = append(ids, id)
	}
	return ids
}
