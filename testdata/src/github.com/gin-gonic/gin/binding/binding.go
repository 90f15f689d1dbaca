// Package binding is a stub of github.com/gin-gonic/gin/binding v1.12.0
// for memlint's tests: it declares only what memlint's passes inspect,
// with the upstream signatures.
package binding

import "net/http"

type Binding interface {
	Name() string
	Bind(*http.Request, any) error
}

type BindingBody interface {
	Binding
	BindBody([]byte, any) error
}

type BindingUri interface {
	Name() string
	BindUri(map[string][]string, any) error
}

type stub struct{}

func (stub) Name() string                           { return "" }
func (stub) Bind(*http.Request, any) error          { return nil }
func (stub) BindBody([]byte, any) error             { return nil }
func (stub) BindUri(map[string][]string, any) error { return nil }

var (
	JSON          BindingBody = stub{}
	XML           BindingBody = stub{}
	Form          Binding     = stub{}
	Query         Binding     = stub{}
	FormPost      Binding     = stub{}
	FormMultipart Binding     = stub{}
	ProtoBuf      BindingBody = stub{}
	MsgPack       BindingBody = stub{}
	YAML          BindingBody = stub{}
	Uri           BindingUri  = stub{}
	Header        Binding     = stub{}
	Plain         BindingBody = stub{}
	TOML          BindingBody = stub{}
	BSON          BindingBody = stub{}
)

func Default(method, contentType string) Binding { return JSON }
