// Command macaronrun starts its go-macaron application with Run, which // want package:`program\(covered\(1\)\)`
// serves it.
package main

import (
	"github.com/go-macaron/binding"
	macaron "gopkg.in/macaron.v1"
)

type Comment struct{ Body string }

func comment(c *macaron.Context) {}

func main() {
	m := macaron.Classic()
	m.Post("/comments", binding.Bind(Comment{}), comment)
	m.Run() // want `^binding\.Bind\(Comment\{\}\) \(json\.Decoder\.Decode of a JSON body\) reads request bodies whole`
}
