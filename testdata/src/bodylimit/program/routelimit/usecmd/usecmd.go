// Package usecmd also installs the limiter on a group with Use: a limit // want package:"program\\(limits reads\\(handlers\\.Create\\) starts\\(usecmd\\.Run\\)\\)"
// for every route behind it, and the module is trusted (precision
// first), so nothing is reported.
package usecmd

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"bodylimit/program/routelimit/handlers"
	"bodylimit/program/routelimit/mw"
)

func Run() {
	r := gin.New()
	api := r.Group("/api")
	lim := mw.New()
	api.Use(lim.Add(1 << 20))
	handlers.Register(api, lim)
	srv := &http.Server{Addr: ":8080", Handler: r}
	srv.ListenAndServe() // fine: the group's Use bounds the module's bodies
}
