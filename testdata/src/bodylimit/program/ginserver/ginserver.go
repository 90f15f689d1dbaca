// Package ginserver registers List for GET only: gin binds a GET // want package:"program\\(reads\\(ginhandlers\\.Report\\) covered\\(1\\) getOnly\\(1\\) starts\\(ginserver\\.Run\\)\\)"
// request's query, so the program rule names Create alone.
package ginserver

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"bodylimit/program/ginhandlers"
)

func routes() *gin.Engine {
	r := gin.New()
	r.GET("/items", ginhandlers.List)
	r.POST("/items", ginhandlers.Create)
	return r
}

func Run() {
	srv := &http.Server{Addr: ":8080", Handler: routes()}
	srv.ListenAndServe() // want `^ginhandlers\.Create \(gin ShouldBind\) reads request bodies whole`
}
