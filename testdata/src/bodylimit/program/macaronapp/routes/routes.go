// Package routes registers go-macaron routes whose binders decode JSON // want package:`program\(reads\(binding\.Bind\(MarkdownOption\{\}\),binding\.Json\(MarkdownOption\{\}\)\)\)`
// bodies whole (gogs' api/v1 RegisterRoutes): the program rule of the
// package that serves them names each binder call.
package routes

import (
	"github.com/go-macaron/binding"
	macaron "gopkg.in/macaron.v1"
)

type MarkdownOption struct{ Text string }

func markdown(c *macaron.Context) {}

// Register binds through a local alias of binding.Bind, as gogs does.
func Register(m *macaron.Macaron) {
	bind := binding.Bind
	m.Post("/markdown", bind(MarkdownOption{}), markdown)
	m.Put("/json", binding.Json(MarkdownOption{}), markdown)
	// Form parses an urlencoded body, which net/http caps at 10 MiB: not
	// a whole read of any size.
	m.Post("/form", binding.Form(MarkdownOption{}), markdown)
	m.Post("/upload", binding.MultipartForm(MarkdownOption{}), markdown)
	// An alias also assigned another function may be either: not judged.
	either := binding.Bind
	either = binding.Form
	m.Post("/either", either(MarkdownOption{}), markdown)
}
