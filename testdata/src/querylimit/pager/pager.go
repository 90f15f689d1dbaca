// Package pager holds gorm paging helpers of the kind photoview's
// models.FormatSQL is: they take a chained *gorm.DB and return it paged,
// on some paths or on all of them, and carry a fact to their callers.
package pager

import "gorm.io/gorm"

// Pagination is an optional page a client may give.
type Pagination struct {
	Limit  *int
	Offset *int
}

// Format pages tx only when the caller gives a page; the Limit's result
// is dropped, as gorm adds to a chained handle in place.
func Format(tx *gorm.DB, order string, p *Pagination) *gorm.DB { // want Format:`pagesSome\(0\)`
	if p != nil && p.Limit != nil {
		tx.Limit(min(*p.Limit, 100))
	}
	if p != nil && p.Offset != nil {
		tx.Offset(*p.Offset)
	}
	if order != "" {
		tx.Order(order)
	}
	return tx
}

// Page pages tx on every path, by chaining.
func Page(tx *gorm.DB, page int) *gorm.DB { // want Page:`pagesEvery\(0\)`
	return tx.Offset(page * 50).Limit(50)
}

// Maybe pages tx through a reassignment on one path.
func Maybe(size int, tx *gorm.DB) *gorm.DB { // want Maybe:`pagesSome\(1\)`
	if size > 0 {
		tx = tx.Limit(min(size, 100))
	}
	return tx
}

// No pager: it adds a condition, so what its result selects is unknown
// here (no fact).
func Visible(tx *gorm.DB, p *Pagination) *gorm.DB {
	if p != nil && p.Limit != nil {
		tx.Limit(min(*p.Limit, 100))
	}
	return tx.Where("hidden = ?", false)
}

// No pager: it pages nothing (no fact).
func Ordered(tx *gorm.DB) *gorm.DB {
	return tx.Order("id")
}

// No pager: a Limit of 1 reads one row (no fact).
func First(tx *gorm.DB) *gorm.DB {
	return tx.Limit(1)
}

// No pager: the handle escapes to a call (no fact).
func Logged(tx *gorm.DB, p *Pagination) *gorm.DB {
	if p != nil && p.Limit != nil {
		tx.Limit(min(*p.Limit, 100))
	}
	keep(tx)
	return tx
}

func keep(*gorm.DB) {}
