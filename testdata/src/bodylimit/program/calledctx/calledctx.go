// Package calledctx: an engine of its own that builds each request's // want package:"program\\(covered\\(1\\) starts\\(calledctx\\.Serve\\)\\)"
// context with a function of a handler's signature that it calls, never
// uses as a value (fider's web.NewContext): that function is alive, and
// its read is named.
package calledctx

import (
	"io"
	"net/http"
)

type context struct{ body []byte }

func newContext(w http.ResponseWriter, r *http.Request) *context { // want newContext:`reads\(1:io.ReadAll\)`
	b, _ := io.ReadAll(r.Body)
	return &context{body: b}
}

// call holds one request; dispatch takes no writer or request of its
// own, so only newContext's summary carries the read.
type call struct {
	w http.ResponseWriter
	r *http.Request
}

func (c *call) dispatch() {
	ctx := newContext(c.w, c.r)
	c.w.Write(ctx.body)
}

type engine struct{}

func (e *engine) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(&call{w: w, r: r}).dispatch()
}

func Serve() {
	http.ListenAndServe(":8080", &engine{}) // want `^calledctx\.newContext \(io\.ReadAll\) reads request bodies whole`
}
