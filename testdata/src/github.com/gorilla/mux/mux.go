// Package mux is a stub of github.com/gorilla/mux v1.8.1 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures.
package mux

import "net/http"

// Vars returns the route variables for the current request, if any.
func Vars(r *http.Request) map[string]string { return nil }
