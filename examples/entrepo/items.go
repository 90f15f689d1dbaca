// Package entrepo is a repository over ent's generated query builders
// (entgo.io/ent v0.14.6, generated into ./ent from ./ent/schema).
package entrepo

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/memlint/memlint/examples/entrepo/ent"
	"github.com/memlint/memlint/examples/entrepo/ent/household"
	"github.com/memlint/memlint/examples/entrepo/ent/item"
)

// Items is the ent item repository.
type Items struct{ DB *ent.Client }

// Page reads one page of items. OK: a constant page size; it also shows
// that the package pages items.
func (r *Items) Page(ctx context.Context, page int) ([]*ent.Item, error) {
	return r.DB.Item.Query().Order(ent.Desc(item.FieldID)).Offset(page * 50).Limit(50).All(ctx)
}

// Archived reads every archived item. LEAK: all of them at once.
func (r *Items) Archived(ctx context.Context) ([]*ent.Item, error) {
	return r.DB.Item.Query().Where(item.StatusEQ("archived")).All(ctx)
}

// Since reads the items created after t. LEAK: the range grows.
func (r *Items) Since(ctx context.Context, t time.Time) ([]int, error) {
	return r.DB.Item.Query().Where(item.CreatedAtGT(t)).IDs(ctx)
}

// Owned reads one owner's items. OK: one parent's rows.
func (r *Items) Owned(ctx context.Context, owner int) ([]*ent.Item, error) {
	return r.DB.Item.Query().Where(item.OwnerID(owner)).All(ctx)
}

// InHousehold reads every item of one household. LEAK: the household is
// the tenant every user belongs to, and its items are its whole
// inventory, which grows like the table.
func (r *Items) InHousehold(ctx context.Context, h int) ([]*ent.Item, error) {
	return r.DB.Item.Query().Where(item.HasHouseholdWith(household.ID(h))).All(ctx)
}

// Filtered adds its condition in a statement of its own. OK here: the
// builder changes in place, so what the read selects is not judged.
func (r *Items) Filtered(ctx context.Context, status string) ([]*ent.Item, error) {
	q := r.DB.Item.Query()
	if status != "" {
		q.Where(item.StatusEQ(status))
	}
	return q.All(ctx)
}

// List serves ?limit=N. LEAK: the client picks the page size.
func (r *Items) List(w http.ResponseWriter, req *http.Request) {
	n, _ := strconv.Atoi(req.URL.Query().Get("limit"))
	items, err := r.DB.Item.Query().Limit(n).All(req.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write([]byte(strconv.Itoa(len(items))))
}
