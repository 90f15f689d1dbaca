// Command macaronapp is a go-macaron service whose routes bind request
// bodies with go-macaron/binding, served with no body limit: bodylimit
// reports the serve call and names each binder that decodes a body whole
// (Bind and BindIgnErr for a JSON Content-Type, Json, Yaml). Form and
// MultipartForm are bounded by net/http (10 MiB) and by their maxMemory.
package main

import (
	"github.com/go-macaron/binding"
	"gopkg.in/macaron.v1"
)

type SignIn struct {
	UserName string `form:"user_name" json:"user_name"`
	Password string `form:"password" json:"password"`
}

type Note struct {
	Text string `json:"text" yaml:"text"`
}

func login(c *macaron.Context, f SignIn)  { c.PlainText(200, []byte(f.UserName)) }
func addNote(c *macaron.Context, n Note)  { c.PlainText(201, []byte(n.Text)) }
func loginPage(c *macaron.Context)        { c.PlainText(200, []byte("login")) }
func search(c *macaron.Context, f SignIn) { c.PlainText(200, []byte(f.UserName)) }

func main() {
	m := macaron.New()
	bindIgnErr := binding.BindIgnErr // gogs' alias: each call is a route's binder
	m.Combo("/login").Get(loginPage).Post(bindIgnErr(SignIn{}), login)
	m.Post("/api/login", binding.Bind(SignIn{}), login)
	m.Post("/notes", binding.Json(Note{}), addNote)
	m.Post("/notes.yaml", binding.Yaml(Note{}), addNote)
	m.Get("/search", binding.Form(SignIn{}), search)          // silent: ParseForm reads at most 10 MiB
	m.Post("/upload", binding.MultipartForm(SignIn{}), login) // silent: at most maxMemory in memory
	m.Run("127.0.0.1", 4000)
}
