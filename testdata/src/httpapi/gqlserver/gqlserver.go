// Package gqlserver asserts the table's view of a gqlgen server: methods
// implementing a resolver interface of the generated executable schema
// run on a request path, and their arguments after ctx (and the parent
// object, for an object's resolver) are the client's.
package gqlserver

import (
	"context"

	"example.com/gqlgraph"
	"example.com/gqlgraph/model"
)

type Resolver struct{}

func (r *Resolver) Album() gqlgraph.AlbumResolver       { return &albumResolver{r} }
func (r *Resolver) Mutation() gqlgraph.MutationResolver { return &mutationResolver{r} }
func (r *Resolver) Query() gqlgraph.QueryResolver       { return &queryResolver{r} }

type albumResolver struct{ *Resolver }
type mutationResolver struct{ *Resolver }
type queryResolver struct{ *Resolver }

// The parent object obj is the server's, not an argument.
func (r *albumResolver) Media(ctx context.Context, obj *model.Album, paginate *model.Pagination, first *int) ([]*model.Media, error) { // want `on request path; graphql arg paginate; graphql input paginate; graphql arg first`
	return nil, nil
}

func (r *mutationResolver) DeleteMedia(ctx context.Context, ids []int) (bool, error) { // want `on request path; graphql arg ids`
	return false, nil
}

func (r *queryResolver) MyMedia(ctx context.Context, paginate *model.Pagination) ([]*model.Media, error) { // want `on request path; graphql arg paginate; graphql input paginate`
	return nil, nil
}

func (r *queryResolver) Search(ctx context.Context, query string, limitMedia *int) (*model.SearchResult, error) { // want `on request path; graphql arg query; graphql arg limitMedia`
	return nil, nil
}

func (r *queryResolver) Recent(ctx context.Context, limit int) ([]*model.Media, error) { // want `on request path; graphql arg limit`
	return nil, nil
}

func (r *queryResolver) Filtered(ctx context.Context, filter model.MediaFilter) ([]*model.Media, error) { // want `on request path; graphql arg filter; graphql input filter`
	return nil, nil
}

func (r *queryResolver) Unfiltered(ctx context.Context, filter model.MediaFilter) ([]*model.Media, error) { // want `on request path; graphql arg filter; graphql input filter`
	return nil, nil
}

// A method the resolver interface does not declare is not on a request
// path; an input type stays an input type.
func (r *queryResolver) helper(ctx context.Context, paginate *model.Pagination) {} // want `graphql input paginate`

// An output type and a bound model are not input.
func useOutput(res *model.SearchResult, a *model.Album) {}

// A type with a resolver's method names that implements no resolver
// interface.
type other struct{}

func (other) Recent(ctx context.Context, limit int) ([]*model.Media, error) {
	return nil, nil
}
