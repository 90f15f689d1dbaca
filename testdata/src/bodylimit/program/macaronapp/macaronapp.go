// Command macaronapp serves a go-macaron application whose routes bind // want package:`program\(covered\(3\)\)`
// request bodies with binding.Bind and BindIgnErr, with no body limit
// anywhere: the program rule reports at the serve call and names every
// binder call, here and in the routes package.
package main

import (
	"net/http"

	"bodylimit/program/macaronapp/routes"
	"github.com/go-macaron/binding"
	macaron "gopkg.in/macaron.v1"
)

type SignIn struct{ UserName, Password string }

func login(c *macaron.Context) {}

func main() {
	m := macaron.New()
	bindIgnErr := binding.BindIgnErr
	m.Group("/user", func() {
		m.Combo("/login").Get(login).Post(bindIgnErr(SignIn{}), login)
	})
	routes.Register(m)
	http.ListenAndServe(":3000", m) // want `^3 route binders read request bodies whole, first binding\.BindIgnErr\(SignIn\{\}\) \(json\.Decoder\.Decode of a JSON body\)`
}
