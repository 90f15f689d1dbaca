// Package ownroute bounds the body of one route in its handler, which // want package:"program\\(covered\\(1\\) starts\\(ownroute\\.Main\\)\\)"
// then reads it (wakapi's Stripe webhook, answer's uploads): that limit
// is the route's own, so the other routes' whole reads are still served
// unbounded and the program rule reports them.
package ownroute

import (
	"encoding/json"
	"io"
	"net/http"
)

// webhook bounds its own body, then reads it: fine.
func webhook(w http.ResponseWriter, r *http.Request) { // want webhook:"limits\\(1\\) consumes"
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	io.ReadAll(r.Body)
}

// upload bounds its own body, then parses the form: fine.
func upload(w http.ResponseWriter, r *http.Request) { // want upload:"limits\\(1\\) consumes"
	r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
	r.FormFile("file")
}

// stripe reads through a bounded reader of its own (wakapi's Stripe
// webhook): fine, and no limit for the other routes.
func stripe(w http.ResponseWriter, r *http.Request) {
	bodyReader := http.MaxBytesReader(w, r.Body, 64<<10)
	io.ReadAll(bodyReader)
}

// decodeBounded decodes through one: fine too.
func decodeBounded(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&v)
}

// redeem bounds its own body, then hands the request to a helper that
// decodes it (ech0's captcha handler and its decodeJSON): fine, and no
// limit for the other routes.
func redeem(w http.ResponseWriter, r *http.Request) { // want redeem:"limits\\(1\\) consumes"
	var v map[string]any
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	decodeJSON(r, &v)
}

// decodeJSON is the helper: it reads its request whole, and redeem's
// limit bounds what it reads.
func decodeJSON(r *http.Request, out any) error { // want decodeJSON:"reads\\(0:json.Decoder.Decode\\)"
	return json.NewDecoder(r.Body).Decode(out)
}

// gql bounds its own body, then hands the request to a method of a
// handler's shape that only it calls (gofr's graphQLManager.Handle and
// handleGraphQLRequest): fine, the method reads the bounded body.
type gql struct{}

func (g *gql) Handle(w http.ResponseWriter, r *http.Request) { // want Handle:"limits\\(1\\)"
	r.Body = http.MaxBytesReader(w, r.Body, 32<<20)
	g.handleRequest(w, r)
}

func (g *gql) handleRequest(w http.ResponseWriter, r *http.Request) { // want handleRequest:"reads\\(1:json.Decoder.Decode\\)"
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

// serveItems is a handler-shaped function only bounded callers call:
// fine too.
func serveItems(w http.ResponseWriter, r *http.Request) { // want serveItems:"reads\\(1:io.ReadAll\\)"
	io.ReadAll(r.Body)
}

func items(w http.ResponseWriter, r *http.Request) { // want items:"limits\\(1\\)"
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	serveItems(w, r)
}

// install hands the request to a helper that bounds it and decodes it
// itself (komari's decodeJSON(ctx, &req)): the helper's limit is the
// route's own, and no limit for the other routes.
func install(w http.ResponseWriter, r *http.Request) { // want install:"limits\\(1\\) consumes"
	var v map[string]any
	decodeLimited(w, r, &v)
}

func decodeLimited(w http.ResponseWriter, r *http.Request, out any) error { // want decodeLimited:"limits\\(1\\) consumes"
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	return json.NewDecoder(r.Body).Decode(out)
}

// chunk bounds its own body, then reads a form value, which parses the
// whole form (komari's upload chunk, with gin's c.PostForm): fine.
func chunk(w http.ResponseWriter, r *http.Request) { // want chunk:"limits\\(1\\) consumes"
	r.Body = http.MaxBytesReader(w, r.Body, 6<<20)
	_ = r.PostFormValue("upload_id")
}

func create(w http.ResponseWriter, r *http.Request) { // want create:"reads\\(1:json.Decoder.Decode\\)"
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

// Routes is exported: the direct rule cannot see how it is served.
func Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/webhook", webhook)
	mux.HandleFunc("/upload", upload)
	mux.HandleFunc("/stripe", stripe)
	mux.HandleFunc("/decode", decodeBounded)
	mux.HandleFunc("/redeem", redeem)
	mux.HandleFunc("/graphql", (&gql{}).Handle)
	mux.HandleFunc("/items", items)
	mux.HandleFunc("/install", install)
	mux.HandleFunc("/chunk", chunk)
	mux.HandleFunc("/create", create)
	return mux
}

func Main() {
	http.ListenAndServe(":8080", Routes()) // want `^ownroute\.create \(json\.Decoder\.Decode\) reads request bodies whole`
}
