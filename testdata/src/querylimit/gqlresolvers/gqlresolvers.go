// Package gqlresolvers implements the resolvers of a gqlgen schema
// (example.com/gqlgraph): their arguments are the client's query.
package gqlresolvers

import (
	"context"

	"gorm.io/gorm"

	"example.com/gqlgraph"
	"example.com/gqlgraph/model"
	"querylimit/gqlactions"
)

type Resolver struct{ db *gorm.DB }

func (r *Resolver) Album() gqlgraph.AlbumResolver       { return &albumResolver{r} }
func (r *Resolver) Mutation() gqlgraph.MutationResolver { return &mutationResolver{r} }
func (r *Resolver) Query() gqlgraph.QueryResolver       { return &queryResolver{r} }

type albumResolver struct{ *Resolver }
type mutationResolver struct{ *Resolver }
type queryResolver struct{ *Resolver }

func (r *queryResolver) Search(ctx context.Context, query string, limitMedia *int) (*model.SearchResult, error) {
	media, err := gqlactions.Search(r.db, query, limitMedia) // want `limit from GraphQL argument limitMedia reaches gqlactions.Search's limitMedia \(a row bound\) with no upper bound`
	return &model.SearchResult{Total: len(media)}, err
}

func (r *queryResolver) Recent(ctx context.Context, limit int) ([]*model.Media, error) {
	var media []*model.Media
	err := r.db.Order("id DESC").Limit(limit).Find(&media).Error // want `limit from GraphQL argument limit reaches gorm Limit with no upper bound`
	return media, err
}

// Fine: the input struct's limit is clamped at both ends.
func (r *queryResolver) Filtered(ctx context.Context, filter model.MediaFilter) ([]*model.Media, error) {
	var media []*model.Media
	err := r.db.Where("title = ?", filter.Title).Limit(min(max(filter.Limit, 1), 100)).Find(&media).Error
	return media, err
}

func (r *queryResolver) Unfiltered(ctx context.Context, filter model.MediaFilter) ([]*model.Media, error) {
	var media []*model.Media
	err := r.db.Where("title = ?", filter.Title).Limit(filter.Limit).Find(&media).Error // want `limit from GraphQL input filter.Limit reaches gorm Limit with no upper bound`
	return media, err
}

// Without paginate the whole table is read (a finding of its own); with
// it, the client's limit is used as is.
func (r *queryResolver) MyMedia(ctx context.Context, paginate *model.Pagination) ([]*model.Media, error) {
	q := r.db.Order("id")
	if paginate != nil && paginate.Limit != nil {
		q = q.Limit(*paginate.Limit) // want `limit from GraphQL input paginate.Limit reaches gorm Limit with no upper bound`
	}
	var media []*model.Media
	err := q.Find(&media).Error // want `read into media by gorm Find \(no Limit on some paths\)`
	return media, err
}

// The parent object is the server's model, not input: obj.Limit is not
// judged; the field's own arguments are.
func (r *albumResolver) Media(ctx context.Context, obj *model.Album, paginate *model.Pagination, first *int) ([]*model.Media, error) {
	var media []*model.Media
	r.db.Where("album_id = ?", obj.ID).Limit(obj.Limit).Find(&media)
	if first != nil {
		r.db.Where("album_id = ?", obj.ID).Limit(*first).Find(&media) // want `limit from GraphQL argument first reaches gorm Limit with no upper bound`
	}
	return media, nil
}

// Fine: clamped before the call.
func (r *queryResolver) searchClamped(query string, limitMedia *int) {
	n := 10
	if limitMedia != nil {
		n = min(max(*limitMedia, 1), 100)
	}
	gqlactions.Search(r.db, query, &n)
}

// Fine: SearchChecked checks the limit itself.
func (r *queryResolver) searchChecked(ctx context.Context, query string, limitMedia *int) {
	gqlactions.SearchChecked(r.db, query, limitMedia)
}

// Fine: a method the resolver interface does not declare takes no
// arguments from the client (its limit is the caller's).
func (r *queryResolver) Latest(ctx context.Context, limit int) []*model.Media { // want Latest:`rowBound\(1\)`
	var media []*model.Media
	r.db.Limit(limit).Find(&media)
	return media
}

// Fine: no limit (ids is a key list the client sends).
func (r *mutationResolver) DeleteMedia(ctx context.Context, ids []int) (bool, error) {
	return true, nil
}
