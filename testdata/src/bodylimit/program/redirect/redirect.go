// Package redirect serves the router its caller builds, and beside it a // want package:"program\\(reads\\(redirect\\.Create\\)\\)"
// redirect to HTTPS of one function literal (writefreely's Serve): that
// server serves none of the package's routes, so the finding is at the
// caller's call of Serve, not at the redirect.
package redirect

import (
	"encoding/json"
	"net/http"
)

// Create reads its body whole.
func Create(w http.ResponseWriter, r *http.Request) { // want Create:"reads\\(1:json.Decoder.Decode\\)"
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

// Serve serves h, and redirects plain HTTP to it.
func Serve(h http.Handler) { // want Serve:"serves\\(0\\)"
	go http.ListenAndServe(":80", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://example.com", http.StatusMovedPermanently)
	}))
	http.ListenAndServeTLS(":443", "cert.pem", "key.pem", h)
}
