// Package authdispatch: calls of interface methods // want package:"program\\(reads\\(authdispatch\\.\\(create\\)\\.Handle\\)\\)"
// that dispatch to handlers are not reads of their implementations (the
// router's wiring judges which handler runs).
package authdispatch

import (
	"encoding/json"
	"net/http"
)

// Handler is the service's own handler interface.
type Handler interface {
	Handle(w http.ResponseWriter, r *http.Request)
}

type create struct{}

func (create) Handle(w http.ResponseWriter, r *http.Request) { // want Handle:`reads\(1:json.Decoder.Decode\)`
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

// Fine: dispatch through the service's handler interface; no reads fact.
func dispatchTo(h Handler, w http.ResponseWriter, r *http.Request) {
	h.Handle(w, r)
}

// Fine: dispatch through http.Handler, an interface of another module,
// although create's ServeHTTP reads.
func (c create) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:`reads\(1:json.Decoder.Decode\)`
	c.Handle(w, r)
}

type logged struct{ next http.Handler }

func (l logged) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	l.next.ServeHTTP(w, r)
}
