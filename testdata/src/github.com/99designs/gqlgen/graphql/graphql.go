// Package graphql is a stub of github.com/99designs/gqlgen/graphql v0.17.91
// for memlint's tests: it declares only what memlint's passes inspect.
// The interfaces keep their upstream names; their method sets are cut to
// what the stubs need (the real ones name gqlparser's and the executor's
// types).
package graphql

import (
	"context"
	"net/http"
)

// ExecutableSchema is the generated schema a Server executes.
type ExecutableSchema interface {
	Complexity(ctx context.Context, typeName, fieldName string, childComplexity int, args map[string]any) (int, bool)
}

// GraphExecutor executes the operations a Transport decodes.
type GraphExecutor interface{}

// Transport decodes requests of one kind for a Server.
type Transport interface {
	Supports(r *http.Request) bool
	Do(w http.ResponseWriter, r *http.Request, exec GraphExecutor)
}
