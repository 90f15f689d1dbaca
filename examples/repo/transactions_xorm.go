package repo

import (
	"context"

	"xorm.io/xorm"
)

// Transaction is a row of the transactions table.
type Transaction struct {
	ID   int64 `xorm:"pk"`
	UID  int64
	Time int64
}

// Transactions is the xorm transaction repository.
type Transactions struct{ Engine *xorm.Engine }

const txPage = 500

// All pages a user's transactions by time for an export and keeps every
// page. LEAK: each Find has a Limit, but the loop holds every row.
func (t *Transactions) All(ctx context.Context, uid int64) ([]*Transaction, error) {
	var all []*Transaction
	maxTime := int64(1 << 62)
	for maxTime > 0 {
		var page []*Transaction
		err := t.Engine.Context(ctx).Where("uid = ? AND time <= ?", uid, maxTime).Limit(txPage, 0).OrderBy("time desc").Find(&page)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < txPage {
			break
		}
		maxTime = page[len(page)-1].Time - 1
	}
	return all, nil
}

// Latest pages until it holds n transactions. OK: the total is bounded.
func (t *Transactions) Latest(ctx context.Context, uid int64, n int) ([]*Transaction, error) {
	var all []*Transaction
	maxTime := int64(1 << 62)
	for len(all) < n && maxTime > 0 {
		var page []*Transaction
		err := t.Engine.Context(ctx).Where("uid = ? AND time <= ?", uid, maxTime).Limit(txPage, 0).OrderBy("time desc").Find(&page)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < txPage {
			break
		}
		maxTime = page[len(page)-1].Time - 1
	}
	return all, nil
}
