// Package entapp exercises ent's generated query builders.
package entapp

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"querylimit/entapp/ent"
	"querylimit/entapp/ent/group"
	"querylimit/entapp/ent/household"
	"querylimit/entapp/ent/item"
	"querylimit/entapp/ent/tag"
)

type Repo struct{ db *ent.Client }

// Fine: a page, read by a helper; the Limit shows that the package pages
// items, though no read here is of that chain.
func (r *Repo) Page(ctx context.Context, page int) ([]*ent.Item, error) {
	return Run(ctx, r.db.Item.Query().Offset(page*50).Limit(50))
}

func (r *Repo) Archived(ctx context.Context) ([]*ent.Item, error) {
	return r.db.Item.Query().Where(item.StatusEQ("archived")).All(ctx) // want `every row of this query is read into memory by ent All \(no Limit\); page it or stream rows, since rows filtered only by status grow with the data \(the package pages items elsewhere\)`
}

func (r *Repo) AllIDs(ctx context.Context) ([]int, error) {
	return r.db.Item.Query().IDs(ctx) // want `read into memory by ent IDs \(no Limit\); page it or stream rows, since it reads the whole table`
}

func (r *Repo) Recent(ctx context.Context, since time.Time) ([]*ent.Item, error) {
	return r.db.Item.Query().Where(item.And(item.CreatedAtGT(since), item.NameContains("x"))).All(ctx) // want `read into memory by ent All \(no Limit\); page it or stream rows, since rows filtered only by created_at, name grow with the data`
}

func (r *Repo) SomePaths(ctx context.Context, limit int) ([]*ent.Item, error) { // want SomePaths:`rowBound\(1\)`
	q := r.db.Item.Query().Where(item.StatusEQ("open"))
	if limit > 0 {
		q = q.Limit(limit)
	}
	return q.All(ctx) // want `read into memory by ent All \(no Limit on some paths\)`
}

func (r *Repo) List(w http.ResponseWriter, req *http.Request) {
	n, _ := strconv.Atoi(req.URL.Query().Get("limit"))
	r.db.Item.Query().Limit(n).All(req.Context()) // want `limit from req.URL.Query\(\).Get\("limit"\) reaches ent Limit with no upper bound`
}

// Fine: one owner's items (one parent's rows).
func (r *Repo) Owned(ctx context.Context, owner int) ([]*ent.Item, error) {
	return r.db.Item.Query().Where(item.OwnerID(owner)).All(ctx)
}

// Fine: the items of one group, through the edge predicate.
func (r *Repo) InGroup(ctx context.Context, g int) ([]*ent.Item, error) {
	return r.db.Item.Query().Where(item.HasGroupWith(group.ID(g))).All(ctx)
}

// A household has many users (household.HasUsersWith): it is the tenant,
// and its items are its part of a table that grows like the table.
func (r *Repo) HouseholdItems(ctx context.Context, h int) ([]*ent.Item, error) {
	return r.db.Item.Query().Where(item.HasHouseholdWith(household.ID(h))).All(ctx) // want `read into memory by ent All \(no Limit\); page it or stream rows, since rows filtered only by household_items grow with the data \(the package pages items elsewhere\)`
}

// Fine: a key list the caller gives.
func (r *Repo) ByIDs(ctx context.Context, ids []int) ([]*ent.Item, error) {
	return r.db.Item.Query().Where(item.IDIn(ids...)).All(ctx)
}

// Fine: the children of one item, from the entity, the client or a
// query selecting one item.
func (r *Repo) Children(ctx context.Context, it *ent.Item, id int) {
	it.QueryChildren().All(ctx)
	r.db.Item.QueryChildren(it).All(ctx)
	r.db.Item.Query().Where(item.ID(id)).QueryChildren().All(ctx)
}

// Fine: Or changes the meaning of the conditions around it.
func (r *Repo) Either(ctx context.Context) ([]*ent.Item, error) {
	return r.db.Item.Query().Where(item.Or(item.StatusEQ("a"), item.StatusEQ("b"))).All(ctx)
}

// Fine: a query passed in carries conditions and paging of its own.
func Run(ctx context.Context, q *ent.ItemQuery) ([]*ent.Item, error) {
	return q.All(ctx)
}

// Fine: one row.
func (r *Repo) One(ctx context.Context, id int) (*ent.Item, error) {
	return r.db.Item.Query().Where(item.ID(id)).Only(ctx)
}

// Fine: a builder's methods add to the builder itself, so a condition
// added in a statement of its own on some paths applies to the read:
// what it selects is not judged.
func (r *Repo) Filtered(ctx context.Context, status string) ([]*ent.Item, error) {
	q := r.db.Item.Query()
	if status != "" {
		q.Where(item.StatusEQ(status))
	}
	return q.All(ctx)
}

// Fine: the Limit is given in a statement of its own.
func (r *Repo) LimitApart(ctx context.Context) ([]*ent.Item, error) {
	q := r.db.Item.Query().Where(item.StatusEQ("open"))
	q.Limit(20)
	return q.All(ctx)
}

// Fine: a page of tags, read by a helper: no read here is of that chain,
// but its Limit shows that the package pages tags.
func (r *Repo) TagPage(ctx context.Context, page int) ([]*ent.Tag, error) {
	return runTags(ctx, r.db.Tag.Query().Limit(50))
}

func runTags(ctx context.Context, q *ent.TagQuery) ([]*ent.Tag, error) { return q.All(ctx) }

func (r *Repo) PinnedTags(ctx context.Context) ([]*ent.Tag, error) {
	return r.db.Tag.Query().Where(tag.PinnedEQ(true)).All(ctx) // want `read into memory by ent All \(no Limit\); page it or stream rows, since rows filtered only by pinned grow with the data \(the package pages tags elsewhere\)`
}

// A key list bounds the rows on one path, but no path has a Limit: the
// message does not say "on some paths".
func (r *Repo) ActiveItems(ctx context.Context, subset []int) ([]*ent.Item, error) {
	q := r.db.Item.Query().Where(item.StatusEQ("active"))
	if len(subset) > 0 {
		q = q.Where(item.IDIn(subset...))
	}
	return q.All(ctx) // want `read into memory by ent All \(no Limit\); page it or stream rows, since rows filtered only by status grow with the data`
}
