// Package primitive is a stub of go.mongodb.org/mongo-driver/bson/primitive
// v1.17.10 for memlint's tests: it declares only what memlint's passes
// inspect, with the upstream declarations.
package primitive

type D []E

type E struct {
	Key   string
	Value interface{}
}

type M map[string]interface{}

type A []interface{}
