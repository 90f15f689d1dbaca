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

// A handle passed in is the base handle.
func FromParam(db *gorm.DB) []Order {
	var orders []Order
	db.Find(&orders) // want `read into orders by gorm Find \(no Limit\)`
	return orders
}

// A handler factory's closure captures the base handle.
func Handler(db *gorm.DB) func() []Order {
	return func() []Order {
		var orders []Order
		db.Where("paid").Find(&orders) // want `read into orders by gorm Find \(no Limit\)`
		return orders
	}
}

// Fine: the closure captures a paged query.
func HandlerPaged(db *gorm.DB) func() []Order {
	q := db.Order("id").Limit(20)
	return func() []Order {
		var orders []Order
		q.Find(&orders)
		return orders
	}
}

// Fine: a scope works on a caller's query, which may be paged.
func OpenOnly(db *gorm.DB) *gorm.DB {
	var orders []Order
	db.Find(&orders)
	return db.Where("status = ?", "open")
}

func (r *Repo) Totals() []float64 {
	var totals []float64
	r.db.Model(&Order{}).Pluck("total", &totals) // want `read into totals by gorm Pluck \(no Limit\)`
	return totals
}

type Summary struct{ Status string }

func (r *Repo) Summaries() []Summary {
	var out []Summary
	r.db.Model(&Order{}).Select("status").Scan(&out) // want `read into out by gorm Scan \(no Limit\)`
	return out
}

// Fine: Scan into one struct.
func (r *Repo) OneSummary() (s Summary) {
	r.db.Model(&Order{}).Select("status").Scan(&s)
	return s
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

// Fine: key lookups by id.
func (r *Repo) ByIDs(ids []int64) (a, b []Order) {
	r.db.Where("id IN ?", ids).Find(&a)
	r.db.Find(&b, "id = ?", ids[0])
	return
}

// Fine: the rows of one parent (one user's orders) are small by
// construction, judged as for SQL text; -querylimit.strict reports them.
func (r *Repo) ByUser(uid int64) []Order {
	var out []Order
	r.db.Where("user_id = ?", uid).Find(&out)
	return out
}

type (
	Shipment struct{ ID int64 }
	Refund   struct{ ID int64 }
)

// One user's shipments, paged when the caller gives a page size and read
// whole when it gives none: the code pages them, so they can be many
// (eddycjy's GetTags pages only when pageNum > 0, with a map condition).
func (r *Repo) ByUserPaged(uid int64, size int) []Shipment {
	q := r.db.Where("user_id = ?", uid)
	if size > 0 {
		q = q.Limit(min(size, 100))
	}
	var out []Shipment
	q.Find(&out) // want `read into out by gorm Find \(no Limit on some paths\); page it or stream rows, since the same query is paged on its other paths`
	return out
}

// One user's refunds, or only the first: First-like Limit(1) does not page.
func (r *Repo) ByUserOrFirst(uid int64, first bool) []Refund {
	q := r.db.Where("user_id = ?", uid)
	if first {
		q = q.Limit(1)
	}
	var out []Refund
	q.Find(&out) // fine: Limit(1) picks one row, it does not page; one user_id's rows
	return out
}

type Invoice struct{ ID int64 }

// One customer's invoices, paged here ...
func (r *Repo) InvoicePage(customer int64, offset int) []Invoice {
	var out []Invoice
	r.db.Where("customer_id = ?", customer).Offset(offset).Limit(20).Find(&out) // fine: Limit(20)
	return out
}

// ... and read whole here. Fine: one parent's rows, paged only by another
// chain (see growth's ownerPosts).
func (r *Repo) Invoices(customer int64) []Invoice {
	var out []Invoice
	r.db.Where("customer_id = ?", customer).Find(&out) // fine: one customer_id's rows; paged only by another chain
	return out
}

// A status filter grows with the table.
func (r *Repo) Pending() []Order {
	var out []Order
	r.db.Where("status = ?", "pending").Find(&out) // want `read into out by gorm Find \(no Limit\); page it or stream rows, since rows filtered only by status grow with the data`
	return out
}

// Fine: a condition built at run time selects what is unknown.
func (r *Repo) Filtered(cond string, v any) []Order {
	var out []Order
	r.db.Where(cond, v).Find(&out)
	return out
}

// Fine: an Or can widen or narrow the chain; not judged.
func (r *Repo) Either(a, b int64) []Order {
	var out []Order
	r.db.Where("user_id = ?", a).Or("user_id = ?", b).Find(&out)
	return out
}

type stampScore struct {
	StampID string
	Score   float64
}

// Fine: the 10,000 latest uses are a subquery the database aggregates;
// only the outer query's 30 rows reach Go (traQ's recommendations).
func recommend(db *gorm.DB, userID string) ([]stampScore, error) {
	recent := db.Table("messages_stamps").Select("stamp_id, updated_at").Where("user_id = ?", userID).Order("updated_at DESC").Limit(10000)
	var recs []stampScore
	err := db.Table("(?) AS recent", recent).Select("stamp_id, COUNT(*) AS score").Order("score DESC").Limit(30).Scan(&recs).Error
	return recs, err
}

// The same bound on a chain this function reads is reported.
func recentAll(db *gorm.DB, userID string) ([]stampScore, error) {
	var recs []stampScore
	err := db.Table("messages_stamps").Where("user_id = ?", userID).Limit(10000).Scan(&recs).Error // want `gorm Limit\(10000\) exceeds 1000 rows`
	return recs, err
}

// Fine: a row per status (Group), not per order.
func (r *Repo) PerStatus() []Order {
	var out []Order
	r.db.Select("status, count(*) AS id").Where("status <> ?", "void").Group("status").Find(&out)
	return out
}

// Payment's table is named by its TableName method: billing_payments,
// which the package pages in pagePayments.
type Payment struct{ ID int64 }

func (Payment) TableName() string { return "billing_payments" }

const pagePayments = "SELECT id FROM billing_payments ORDER BY id LIMIT 100"

func (r *Repo) Unsettled() []Payment {
	var out []Payment
	r.db.Where("state = ?", "unsettled").Find(&out) // want `read into out by gorm Find \(no Limit\); page it or stream rows, since rows filtered only by state grow with the data \(the package pages billing_payments elsewhere\)`
	return out
}

// gorm v2 too: Limit chained after Find bounds nothing, whatever the
// conditions select is read.
func (r *Repo) LateLimit(conds map[string]any, pageSize int) []Order {
	var orders []Order
	r.db.Where(conds).Find(&orders).Limit(pageSize) // want `every row of this query is read into orders by gorm Find: the Limit chained after Find \(gormdb.go:\d+\) bounds nothing`
	return orders
}

type Visit struct{ ID int64 }

// Fine: FindInBatches reads a batch at a time; it also shows the package
// expects many visits.
func (r *Repo) EachVisit() error {
	var batch []Visit
	return r.db.FindInBatches(&batch, 100, func(tx *gorm.DB, n int) error { return nil }).Error
}

func (r *Repo) AllVisits() []Visit {
	var visits []Visit
	r.db.Find(&visits) // want `read into visits by gorm Find \(no Limit\); page it or stream rows, since it reads the whole table, which grows with the data \(the package reads visits row by row elsewhere\)`
	return visits
}
