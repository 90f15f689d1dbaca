// Package repo reads rows with each library rowsource knows; its facts are
// asserted with want.
package repo

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
	"github.com/jmoiron/sqlx"
	"go.mongodb.org/mongo-driver/mongo"
	"gorm.io/gorm"
)

type Order struct {
	ID    int64
	Lines []Line
}

type Line struct{ SKU string }

type Store struct {
	db *gorm.DB
	x  *sqlx.DB
	s  *sql.DB
}

// gorm Find into a slice.
func (s *Store) All() ([]Order, error) { // want All:`rowsResult\(0\)`
	var out []Order
	err := s.db.Find(&out).Error
	return out, err
}

// gorm Find into a struct reads one row: no fact.
func (s *Store) One(id int64) (Order, error) {
	var o Order
	err := s.db.Where("id = ?", id).Find(&o).Error
	return o, err
}

// One row whose children are read into a field: the result holds rows.
func (s *Store) WithLines(id int64) (*Order, error) { // want WithLines:`rowsResult\(0\)`
	o := &Order{}
	if err := s.db.Where("id = ?", id).Find(o).Error; err != nil {
		return nil, err
	}
	err := s.db.Where("order_id = ?", id).Find(&o.Lines).Error
	return o, err
}

// A rows loop appending to the result (named result).
func (s *Store) Loop(ctx context.Context) (out []Order, err error) { // want Loop:`rowsResult\(0\)`
	rows, err := s.s.QueryContext(ctx, "SELECT id FROM orders")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// A map filled by id in a rows loop.
func (s *Store) ByID(ctx context.Context) map[int64]Order { // want ByID:`rowsResult\(0\)`
	m := map[int64]Order{}
	rows, _ := s.s.QueryContext(ctx, "SELECT id FROM orders")
	for rows.Next() {
		var o Order
		rows.Scan(&o.ID)
		m[o.ID] = o
	}
	return m
}

// sqlx Select into a parameter: fills it.
func (s *Store) Into(dest *[]Order) error { // want Into:`fillsRows\(0\)`
	return s.x.Select(dest, "SELECT * FROM orders")
}

// A pass-through destination of type any.
func (s *Store) List(dest any, where string) error { // want List:`fillsRows\(0\)`
	return s.db.Where(where).Find(dest).Error
}

// The receiver's field is filled with rows.
func (o *Order) LoadLines(db *gorm.DB) error { // want LoadLines:`fillsReceiver`
	return db.Where("order_id = ?", o.ID).Find(&o.Lines).Error
}

// pgx.CollectRows returns the rows.
func Collect(ctx context.Context, c *pgx.Conn) ([]Order, error) { // want Collect:`rowsResult\(0\)`
	rows, err := c.Query(ctx, "SELECT id FROM orders")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (Order, error) { return Order{}, nil })
}

// mongo cursor.All into a slice.
func Docs(ctx context.Context, coll *mongo.Collection) ([]Order, error) { // want Docs:`rowsResult\(0\)`
	cur, err := coll.Find(ctx, map[string]any{})
	if err != nil {
		return nil, err
	}
	var out []Order
	err = cur.All(ctx, &out)
	return out, err
}

// Rows converted one by one: the replies hold rows.
func Replies(s *Store) []string { // want Replies:`rowsResult\(0\)`
	orders, _ := s.All()
	var out []string
	for _, o := range orders {
		out = append(out, o.Lines[0].SKU)
	}
	return out
}

// Built from constants: no rows, no fact.
func Statuses() []string {
	out := []string{}
	for _, s := range []string{"new", "paid"} {
		out = append(out, s)
	}
	return out
}

// Rows read and counted: the count holds no rows.
func (s *Store) Count() int {
	all, _ := s.All()
	return len(all)
}

// Provider has an implementation in SQL and one in memory: a call through
// it holds rows when some implementation returns them.
type Provider interface {
	Orders() ([]Order, error)
}

type sqlProvider struct{ s *Store }

func (p *sqlProvider) Orders() ([]Order, error) { return p.s.All() } // want Orders:`rowsResult\(0\)`

type memProvider struct{ orders []Order }

func (p *memProvider) Orders() ([]Order, error) { return p.orders, nil }

var provider Provider = &memProvider{}

// Dump calls the interface: the SQL implementation returns rows.
func Dump() ([]Order, error) { return provider.Orders() } // want Dump:`rowsResult\(0\)`

// Named is an interface no implementation of which returns rows.
type Named interface {
	Names() []string
}

type fixed struct{}

func (fixed) Names() []string { return []string{"a"} }

func AllNames(n Named) []string { return n.Names() }

// Backup is filled field by field by helpers.
type Backup struct {
	Version int
	Orders  []Order
}

func dumpOrders(b *Backup) error { // want dumpOrders:`fillsRows\(0\)`
	orders, err := provider.Orders()
	if err != nil {
		return err
	}
	b.Orders = orders
	return nil
}

// DumpAll's backup holds rows: a typed parameter is filled as its type
// says, even a struct.
func DumpAll() (Backup, error) { // want DumpAll:`rowsResult\(0\)`
	data := Backup{Version: 1}
	if err := dumpOrders(&data); err != nil {
		return data, err
	}
	return data, nil
}
