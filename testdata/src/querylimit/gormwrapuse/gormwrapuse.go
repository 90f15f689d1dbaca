// Package gormwrapuse reads through gormwrap's Database from another
// package, as statping's hits and failures packages do: the interface
// methods' forwards facts make its chains gorm chains.
package gormwrapuse

import (
	"net/http"
	"strconv"
	"time"

	"querylimit/gormwrap"
)

type Hit struct {
	ID      int64
	Service int64
}

type Hitters struct {
	db gormwrap.Database
}

// Every hit, through the interface: the package pages hits (LastAmount),
// so the table grows.
func (h Hitters) List() []*Hit {
	var hits []*Hit
	h.db.Find(&hits) // want `every row of this query is read into hits by gorm Find through Database.Find \(no Limit\); page it or stream rows, since the rows h.db selects grow with the data \(the package pages hits elsewhere\)`
	return hits
}

// Fine: a Limit in the chain, through the wrapper.
func (h Hitters) LastAmount(amount int) []*Hit { // want LastAmount:`rowBound\(0\)`
	var hits []*Hit
	h.db.Order("id desc").Limit(amount).Find(&hits)
	return hits
}

// A limit from the request reaches the wrapper's Limit unclamped.
func (h Hitters) Page(r *http.Request) []*Hit {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	var hits []*Hit
	h.db.Limit(n).Find(&hits) // want `limit from r.URL.Query\(\).Get\("limit"\) reaches gorm Limit through Database.Limit with no upper bound`
	return hits
}

// Fine: a key list.
func (h Hitters) ByIDs(ids []int64) []*Hit {
	var hits []*Hit
	h.db.Where("id IN (?)", ids).Find(&hits)
	return hits
}

// Since adds the wrapper's own condition, an open time window: every hit
// since t.
func (h Hitters) Since(t time.Time) []*Hit {
	var hits []*Hit
	h.db.Since(t).Find(&hits) // want `every row of this query is read into hits by gorm Find through Database.Find`
	return hits
}

// Fine: Recent's condition depends on the implementation (Db and Other
// add different ones), so what it selects is unknown here.
func (h Hitters) Recent() []*Hit {
	var hits []*Hit
	h.db.Recent().Find(&hits)
	return hits
}

// Fine: Finder's implementations do not all forward (Capped bounds its
// Find), so what this reads is unknown.
func viaFinder(f gormwrap.Finder) []*Hit {
	var hits []*Hit
	f.Find(&hits)
	return hits
}

// The value-receiver wrapper, called directly.
func plain(p gormwrap.Plain) []*Hit {
	var hits []*Hit
	p.Find(&hits) // want `every row of this query is read into hits by gorm Find through Plain.Find \(no Limit\)`
	return hits
}
