// Command recvholder keeps each request's gin context in its controllers' // want package:`program\(covered\(1\) getOnly\(1\)\)`
// shared base type (go-admin's apis.Api: MakeContext(c), then Bind reads
// e.Context): the base type's method reads request bodies whole, though
// it takes no context parameter.
package main

import (
	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
)

// Api is the controllers' base: it holds the request's context.
type Api struct {
	Context *gin.Context
}

// MakeContext keeps the request's context.
func (e *Api) MakeContext(c *gin.Context) *Api {
	e.Context = c
	return e
}

// Bind decodes the body with the binding it is given, JSON by default.
func (e *Api) Bind(d any, b binding.Binding) error {
	if b == nil {
		return e.Context.ShouldBindWith(d, binding.JSON)
	}
	return e.Context.ShouldBindWith(d, b)
}

// BindQuery binds the query only: no body read.
func (e *Api) BindQuery(d any) error {
	return e.Context.ShouldBindWith(d, binding.Query)
}

type item struct{ Name string }

type items struct{ Api }

func (h items) create(c *gin.Context) {
	var it item
	if err := h.MakeContext(c).Bind(&it, nil); err != nil {
		return
	}
}

func (h items) list(c *gin.Context) {
	var q item
	h.MakeContext(c).BindQuery(&q)
}

func main() {
	r := gin.New()
	h := items{}
	r.POST("/items", h.create)
	r.GET("/items", h.list)
	r.Run(":8080") // want `^main\.\(\*Api\)\.Bind \(gin ShouldBindWith \(binding.JSON\)\) reads request bodies whole with no body limit in this package`
}
