// Package options is a stub of go.mongodb.org/mongo-driver/mongo/options
// v1.17.10 for memlint's tests: it declares only what memlint's passes
// inspect, with the upstream signatures.
package options

// FindOptions represents options for Collection.Find.
type FindOptions struct {
	Limit *int64
	Skip  *int64
	Sort  interface{}
}

// FindOneOptions represents options for Collection.FindOne.
type FindOneOptions struct{}

func Find() *FindOptions { return &FindOptions{} }

func (f *FindOptions) SetLimit(i int64) *FindOptions         { f.Limit = &i; return f }
func (f *FindOptions) SetSkip(i int64) *FindOptions          { f.Skip = &i; return f }
func (f *FindOptions) SetSort(sort interface{}) *FindOptions { f.Sort = sort; return f }
