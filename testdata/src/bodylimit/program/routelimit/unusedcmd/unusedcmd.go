// Package unusedcmd sees the limiter's package but no use of Add: a use // want package:"program\\(reads\\(plain\\.Update\\) routeLimiters\\(1\\) starts\\(unusedcmd\\.Run\\)\\)"
// the pass does not see (another package, an interface) may install it
// anywhere, so the module is trusted (precision first).
package unusedcmd

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"bodylimit/program/routelimit/mw"
	"bodylimit/program/routelimit/plain"
)

var Limit = mw.New()

func routes() *gin.Engine {
	r := gin.New()
	r.PUT("/items", plain.Update)
	return r
}

func Run() {
	srv := &http.Server{Addr: ":8080", Handler: routes()}
	srv.ListenAndServe() // fine: the module defines a limiter used nowhere the pass sees
}
