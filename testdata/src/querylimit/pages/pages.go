// Package pages reads queries page by page: a loop that keeps every page
// holds every row, a LIMIT on each read notwithstanding.
package pages

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
	"xorm.io/xorm"
)

type Tx struct {
	ID   int64
	Time int64
}

type Service struct {
	engine *xorm.Engine
	db     *sql.DB
	gdb    *gorm.DB
}

const pageSize = 500

// byMaxTime reads one page of a user's transactions before maxTime.
func (s *Service) byMaxTime(ctx context.Context, uid, maxTime int64, count int) ([]*Tx, error) { // want byMaxTime:`rowBound\(3\)`
	var txs []*Tx
	err := s.engine.Context(ctx).Where("uid=? AND time<=?", uid, maxTime).Limit(count, 0).OrderBy("time desc").Find(&txs)
	return txs, err
}

// AllTransactions pages by time until a short page and keeps every page
// (ezbookkeeping's GetAllTransactions): all the user's rows in memory.
func (s *Service) AllTransactions(ctx context.Context, uid, maxTime int64) ([]*Tx, error) {
	var all []*Tx
	for maxTime > 0 {
		txs, err := s.byMaxTime(ctx, uid, maxTime, pageSize) // want `every page Service.byMaxTime reads in this loop is appended to all, which keeps every row the query matches`
		if err != nil {
			return nil, err
		}
		all = append(all, txs...)
		if len(txs) < pageSize {
			break
		}
		maxTime = txs[len(txs)-1].Time - 1
	}
	return all, nil
}

// checked checks its arguments and calls the function that queries.
func (s *Service) checked(ctx context.Context, uid, maxTime int64, count int) ([]*Tx, error) { // want checked:`rowBound\(3\)`
	if uid <= 0 || count <= 0 {
		return nil, nil
	}
	return s.byMaxTime(ctx, uid, maxTime, count)
}

// AllChecked pages through a function that queries through another.
func (s *Service) AllChecked(ctx context.Context, uid, maxTime int64) ([]*Tx, error) {
	var all []*Tx
	for maxTime > 0 {
		txs, err := s.checked(ctx, uid, maxTime, pageSize) // want `every page Service.checked reads in this loop is appended to all`
		if err != nil {
			return nil, err
		}
		all = append(all, txs...)
		if len(txs) < pageSize {
			break
		}
		maxTime = txs[len(txs)-1].Time - 1
	}
	return all, nil
}

// AllInline pages with the xorm session in the loop itself.
func (s *Service) AllInline(ctx context.Context, uid int64) ([]*Tx, error) {
	var all []*Tx
	maxID := int64(1 << 62)
	for maxID > 0 {
		var txs []*Tx
		err := s.engine.Context(ctx).Where("uid=? AND id<=?", uid, maxID).Limit(pageSize, 0).Find(&txs) // want `every page xorm Find reads in this loop is appended to all`
		if err != nil {
			return nil, err
		}
		all = append(all, txs...)
		if len(txs) < pageSize {
			maxID = -1
			break
		}
		maxID = txs[len(txs)-1].ID - 1
	}
	return all, nil
}

// AllGorm pages with gorm's Limit and Offset.
func (s *Service) AllGorm(uid int64) []Tx {
	var all []Tx
	for offset := 0; ; offset += pageSize {
		var page []Tx
		s.gdb.Where("uid = ?", uid).Offset(offset).Limit(pageSize).Find(&page) // want `every page gorm Find reads in this loop is appended to all`
		all = append(all, page...)
		if len(page) < pageSize {
			return all
		}
	}
}

// UpToCount stops once it holds count rows (ezbookkeeping's
// GetTransactionsByMaxTime with UpToCount): the total is bounded.
func (s *Service) UpToCount(ctx context.Context, uid, maxTime int64, count int) ([]*Tx, error) {
	var all []*Tx
	for len(all) < count && maxTime > 0 {
		txs, err := s.byMaxTime(ctx, uid, maxTime, pageSize)
		if err != nil {
			return nil, err
		}
		all = append(all, txs...)
		if len(txs) < pageSize {
			break
		}
		maxTime = txs[len(txs)-1].Time - 1
	}
	return all, nil
}

// Sum handles each page and keeps only a total: nothing accumulates.
func (s *Service) Sum(ctx context.Context, uid, maxTime int64) (int64, error) {
	var sum int64
	for maxTime > 0 {
		txs, err := s.byMaxTime(ctx, uid, maxTime, pageSize)
		if err != nil {
			return 0, err
		}
		for _, t := range txs {
			sum += t.ID
		}
		if len(txs) < pageSize {
			break
		}
		maxTime = txs[len(txs)-1].Time - 1
	}
	return sum, nil
}

// ByIDs reads a fixed list of keys, one query each: the loop ends with
// the list, not on a short page, so the total is as long as the list.
func (s *Service) ByIDs(ctx context.Context, uids []int64) ([]*Tx, error) {
	var all []*Tx
	for _, uid := range uids {
		txs, err := s.byMaxTime(ctx, uid, 1<<62, pageSize)
		if err != nil {
			return nil, err
		}
		all = append(all, txs...)
	}
	return all, nil
}

// firstRows reads a page under Limit 1 per read: one row per iteration,
// read until none is left; the pass does not judge a Limit of 1 as paging.
func (s *Service) firstRows(uid int64) []Tx {
	var all []Tx
	for offset := 0; ; offset++ {
		var page []Tx
		s.gdb.Where("uid = ?", uid).Offset(offset).Limit(1).Find(&page)
		all = append(all, page...)
		if len(page) < 1 {
			return all
		}
	}
}

// notAQuery pages something that is no query of the package: a slice a
// function of the package computes without a database.
func notAQuery(from, n int) []int {
	var out []int
	for i := from; i < from+n && i < 100; i++ {
		out = append(out, i)
	}
	return out
}

func Numbers() []int {
	var all []int
	for from := 0; ; from += 10 {
		page := notAQuery(from, 10)
		all = append(all, page...)
		if len(page) < 10 {
			return all
		}
	}
}
