// Command macaronlimited serves its go-macaron application through // want package:`program\(limits reads\(binding\.Bind\(Comment\{\}\)\)\)`
// http.MaxBytesHandler: every body is bounded, nothing is reported.
package main

import (
	"net/http"

	"github.com/go-macaron/binding"
	macaron "gopkg.in/macaron.v1"
)

type Comment struct{ Body string }

func comment(c *macaron.Context) {}

func main() {
	m := macaron.New()
	m.Post("/comments", binding.Bind(Comment{}), comment)
	http.ListenAndServe(":3000", http.MaxBytesHandler(m, 1<<20))
}
