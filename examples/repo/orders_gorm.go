package repo

import (
	"context"

	"gorm.io/gorm"
)

// Order is a row of the orders table.
type Order struct {
	ID     int64
	Status string
}

// Orders is the gorm order repository.
type Orders struct{ DB *gorm.DB }

// Open lists every open order. LEAK: no Limit in the chain.
func (o *Orders) Open(ctx context.Context) ([]Order, error) {
	var out []Order
	err := o.DB.WithContext(ctx).Where("status = ?", "open").Order("id").Find(&out).Error
	return out, err
}

// OpenPage lists one page of open orders. OK: Limit in the chain.
func (o *Orders) OpenPage(ctx context.Context, offset int) ([]Order, error) {
	var out []Order
	err := o.DB.WithContext(ctx).Where("status = ?", "open").Order("id").Offset(offset).Limit(100).Find(&out).Error
	return out, err
}

// Search pages only when asked to. LEAK: the default request (limit 0)
// reads every order.
func (o *Orders) Search(ctx context.Context, status string, limit int) ([]Order, error) {
	q := o.DB.WithContext(ctx).Where("status = ?", status)
	if limit > 0 {
		q = q.Limit(min(limit, 100))
	}
	var out []Order
	err := q.Find(&out).Error
	return out, err
}
