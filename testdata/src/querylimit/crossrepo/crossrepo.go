// Package crossrepo is a repository whose page size comes from its caller.
package crossrepo

import (
	"context"

	"gorm.io/gorm"
)

type Order struct{ ID int64 }

type Repo struct{ db *gorm.DB }

// List passes limit to gorm Limit unclamped: the fact tells callers.
func (r *Repo) List(ctx context.Context, offset, limit int) ([]Order, error) { // want List:`rowBound\(2\) negativeUnbounded\(2\)`
	var out []Order
	err := r.db.WithContext(ctx).Offset(offset).Limit(limit).Find(&out).Error
	return out, err
}

// Fine for callers: List clamps its own limit, so no fact.
func (r *Repo) ListClamped(ctx context.Context, limit int) ([]Order, error) {
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	var out []Order
	err := r.db.WithContext(ctx).Limit(limit).Find(&out).Error
	return out, err
}

// Service forwards the limit: the fact follows it.
type Service struct{ Repo *Repo }

func (s *Service) Orders(ctx context.Context, limit int) ([]Order, error) { // want Orders:`rowBound\(1\) negativeUnbounded\(1\)`
	return s.Repo.List(ctx, 0, limit)
}
