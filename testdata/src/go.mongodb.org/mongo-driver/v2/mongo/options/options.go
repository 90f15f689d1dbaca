// Package options is a stub of go.mongodb.org/mongo-driver/v2/mongo/options
// v2.9.3 for memlint's tests: it declares only what memlint's passes
// inspect, with the upstream signatures.
package options

// Lister is an interface that wraps a List method to return a slice of
// option setters.
type Lister[T any] interface {
	List() []func(*T) error
}

// FindOptions represents arguments for Collection.Find.
type FindOptions struct {
	Limit *int64
}

// FindOptionsBuilder builds FindOptions.
type FindOptionsBuilder struct {
	Opts []func(*FindOptions) error
}

func Find() *FindOptionsBuilder { return &FindOptionsBuilder{} }

func (f *FindOptionsBuilder) List() []func(*FindOptions) error { return f.Opts }

func (f *FindOptionsBuilder) SetLimit(i int64) *FindOptionsBuilder { return f }
func (f *FindOptionsBuilder) SetSkip(i int64) *FindOptionsBuilder  { return f }
func (f *FindOptionsBuilder) SetSort(sort any) *FindOptionsBuilder { return f }
