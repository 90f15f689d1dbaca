package repo

import (
	"time"

	"github.com/memlint/memlint/examples/repo/dbwrap"
)

// Hit is one recorded check of a monitored service.
type Hit struct {
	ID      int64
	Service int64
	Latency int64
}

// Hitters reads a service's hits through the service's own database
// wrapper.
type Hitters struct {
	db dbwrap.Database
}

// List returns every hit the handle selects.
// LEAK: through the wrapper this is gorm's Find with no Limit, and hits
// grow with every check (the package pages them in LastAmount).
func (h Hitters) List() ([]*Hit, error) {
	var hits []*Hit
	err := h.db.Find(&hits).Error()
	return hits, err
}

// LastAmount returns the latest hits. OK: a Limit in the chain.
func (h Hitters) LastAmount() ([]*Hit, error) {
	var hits []*Hit
	err := h.db.Order("id desc").Limit(100).Find(&hits).Error()
	return hits, err
}

// Since returns the hits recorded after t.
// LEAK: Since adds only a time condition, an open window: every hit
// since t, however many checks ran.
func (h Hitters) Since(t time.Time) ([]*Hit, error) {
	var hits []*Hit
	err := h.db.Since(t).Find(&hits).Error()
	return hits, err
}
