// Package server serves the routes of handlers: the limiter bounds the // want package:"program\\(covered\\(1\\) routeLimiters\\(1\\) routeUsed\\(1\\) routeBounded\\(1\\) starts\\(server\\.Run\\)\\)"
// logo route only, so Create is named and Logo is not.
package server

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"bodylimit/program/routelimit/handlers"
	"bodylimit/program/routelimit/mw"
)

func routes() *gin.Engine {
	r := gin.New()
	api := r.Group("/api")
	handlers.Register(api, mw.New())
	return r
}

func Run() {
	srv := &http.Server{Addr: ":8080", Handler: routes()}
	srv.ListenAndServe() // want `^handlers\.Create \(gin ShouldBindJSON\) reads request bodies whole`
}
