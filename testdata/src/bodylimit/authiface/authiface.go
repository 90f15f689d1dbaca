// Package authiface: handlers that read the body // want package:"program\\(covered\\(1\\) starts\\(authiface\\.Serve\\)\\)"
// through an interface method, whose implementations decide how
// (filebrowser's auth.Auther).
package authiface

import (
	"encoding/json"
	"net/http"
)

// Auther authenticates a login request.
type Auther interface {
	Auth(r *http.Request) (string, error)
}

// JSONAuth decodes the credentials from the body, whole.
type JSONAuth struct{}

func (JSONAuth) Auth(r *http.Request) (string, error) { // want Auth:`reads\(0:json.Decoder.Decode\)`
	var cred struct{ User, Password string }
	if err := json.NewDecoder(r.Body).Decode(&cred); err != nil {
		return "", err
	}
	return cred.User, nil
}

// HeaderAuth reads a header only.
type HeaderAuth struct{}

func (HeaderAuth) Auth(r *http.Request) (string, error) { return r.Header.Get("X-User"), nil }

type server struct{ auther Auther }

// login reads the body whole when the configured Auther is a JSONAuth.
func (s *server) login(w http.ResponseWriter, r *http.Request) { // want login:`reads\(1:json.Decoder.Decode\)`
	user, err := s.auther.Auth(r) // want `^\(authiface.JSONAuth\).Auth \(json.Decoder.Decode\) reads the whole request body`
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	w.Write([]byte(user))
}

// Namer is an interface no type of this package reading bodies implements.
type Namer interface {
	Name(r *http.Request) string
}

type pathNamer struct{}

func (pathNamer) Name(r *http.Request) string { return r.URL.Path }

// Fine: no implementation of Namer reads the body.
func name(n Namer) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(n.Name(r)))
	}
}

func Serve(a Auther) {
	s := &server{auther: a}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("GET /name", name(pathNamer{}))
	http.ListenAndServe(":8082", mux)
}
