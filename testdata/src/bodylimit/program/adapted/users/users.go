// Package users holds handlers of the service's own framework, registered // want package:"program\\(reads\\(a func literal in users\\.Routes,users\\.\\(\\*app\\)\\.create\\) through\\(1\\)\\)"
// through App.HandlerFunc: they read bodies whole through web.Decode.
package users

import (
	"context"
	"io"
	"net/http"

	"bodylimit/program/adapted/web"
)

type user struct{ Name string }

func (u user) Encode() ([]byte, string, error) { return []byte(u.Name), "text/plain", nil }

type app struct{}

// create reads the body through the framework's Decode.
func (a *app) create(ctx context.Context, r *http.Request) web.Encoder { // want create:`reads\(1:io.ReadAll\)`
	var u user
	if err := web.Decode(r, &u); err != nil {
		return user{}
	}
	return u
}

// query reads no body.
func (a *app) query(ctx context.Context, r *http.Request) web.Encoder {
	return user{Name: r.URL.Query().Get("name")}
}

// sign has the handlers' shape but nothing registers it: a client
// helper that reads an outgoing request's body is no server read (its
// fact is a helper's, and the program fact does not name it).
func sign(ctx context.Context, r *http.Request) web.Encoder { // want sign:`reads\(1:io.ReadAll\)`
	b, _ := io.ReadAll(r.Body)
	return user{Name: string(b)}
}

// Routes registers the handlers, one of them a literal.
func Routes(w *web.App) {
	a := &app{}
	w.HandlerFunc("POST /users", a.create)
	w.HandlerFunc("GET /users", a.query)
	w.HandlerFunc("POST /raw", func(ctx context.Context, r *http.Request) web.Encoder {
		b, _ := io.ReadAll(r.Body)
		return user{Name: string(b)}
	})
}
