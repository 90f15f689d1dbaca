// Package gorm1db exercises gorm v1 (github.com/jinzhu/gorm), whose chain
// API is gorm v2's with interface{} arguments; the shapes come from spire's
// datastore (corpus/labels/querylimit.tsv).
package gorm1db

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jinzhu/gorm"
)

type Entry struct{ ID int64 }

// A time filter keeps every expired entry: it grows with the churn.
func pruneEntries(tx *gorm.DB, before time.Time) error {
	var entries []Entry
	if err := tx.Where("expiry != 0").Where("expiry < ?", before.Unix()).Find(&entries).Error; err != nil { // want `every row of this query is read into entries by gorm Find \(no Limit\)`
		return err
	}
	return nil
}

// The whole table, from a handle opened here.
func allEvents() []Entry {
	db, _ := gorm.Open("postgres", "dsn")
	var events []Entry
	db.Find(&events).Order("id asc") // want `read into events by gorm Find \(no Limit\)`
	return events
}

// Fine: Limit in the chain (v1 takes interface{}).
func page(db *gorm.DB) []Entry {
	var entries []Entry
	db.Order("id").Limit(100).Find(&entries)
	return entries
}

// Fine: an id lookup.
func byIDs(db *gorm.DB, ids []int64) []Entry {
	var entries []Entry
	db.Where("id IN (?)", ids).Find(&entries)
	return entries
}

// Fine: one row.
func first(db *gorm.DB) Entry {
	var e Entry
	db.First(&e)
	return e
}

// A limit from the request reaches Limit unclamped.
func list(db *gorm.DB, r *http.Request) []Entry {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	var entries []Entry
	db.Limit(n).Find(&entries) // want `limit from r.URL.Query\(\).Get\("limit"\) reaches gorm Limit with no upper bound`
	return entries
}

// A constant Limit above max-rows.
func big(db *gorm.DB) []Entry {
	var entries []Entry
	db.Limit(50000).Find(&entries) // want `gorm Limit\(50000\) exceeds 1000 rows`
	return entries
}

// Fine: one node's selectors (a key-named column), as spire's
// SetNodeSelectors plucks them.
func selectorIDs(tx *gorm.DB, spiffeID string) []int64 {
	var ids []int64
	tx.Model(&Entry{}).Where("spiffe_id = ?", spiffeID).Pluck("id", &ids)
	return ids
}

// Fine: a key list the caller gives, on any column.
func bundles(tx *gorm.DB, domains []string) []Entry {
	var out []Entry
	tx.Where("trust_domain in (?)", domains).Find(&out)
	return out
}

// Fine: a condition built at run time (an event-id range or not).
func eventsIn(db *gorm.DB, query string, id int64) []Entry {
	var events []Entry
	db.Find(&events, query, id)
	return events
}
