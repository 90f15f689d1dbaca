// Package gormdb exercises gorm.
package gormdb

import (
	"context"

	"gorm.io/gorm"
)

type Order struct{ ID int64 }

type Repo struct{ db *gorm.DB }

func (r *Repo) All(ctx context.Context) ([]Order, error) {
	var orders []Order
	err := r.db.WithContext(ctx).Where("status = ?", "open").Order("id").Find(&orders).Error // want `every row of this query is read into orders by gorm Find \(no Limit\)`
	return orders, err
}

// Fine: Limit in the chain.
func (r *Repo) Page(ctx context.Context, offset int) []Order {
	var orders []Order
	r.db.WithContext(ctx).Order("id").Offset(offset).Limit(50).Find(&orders)
	return orders
}

func (r *Repo) SomePaths(limit int) []Order {
	q := r.db.Model(&Order{})
	if limit > 0 {
		q = q.Limit(min(limit, 100))
	}
	var orders []Order
	q.Find(&orders) // want `read into orders by gorm Find \(no Limit on some paths\)`
	return orders
}

// Fine: the caller passes the handle and may have paged it.
func FromParam(db *gorm.DB) []Order {
	var orders []Order
	db.Find(&orders)
	return orders
}

// Fine: First reads one row; Find with primary keys is bounded by them.
func (r *Repo) ByID(id int64, ids []int64) (o Order, os []Order) {
	r.db.First(&o, id)
	r.db.Find(&os, ids)
	return
}

func (r *Repo) Raw() []Order {
	var orders []Order
	r.db.Raw("SELECT * FROM orders WHERE total > ?", 10).Scan(&orders) // want `read into orders by gorm Scan \(no LIMIT\)`
	return orders
}

// Fine: the raw SQL has a LIMIT.
func (r *Repo) RawPaged() []Order {
	var orders []Order
	r.db.Raw("SELECT * FROM orders ORDER BY id LIMIT 20").Scan(&orders)
	return orders
}

func (r *Repo) TooBig() []Order {
	var orders []Order
	r.db.Limit(17000).Find(&orders) // want `gorm Limit\(17000\) exceeds 1000 rows`
	return orders
}

// Fine: Scopes may page the query.
func (r *Repo) Scoped(paginate func(*gorm.DB) *gorm.DB) []Order {
	var orders []Order
	r.db.Scopes(paginate).Find(&orders)
	return orders
}
