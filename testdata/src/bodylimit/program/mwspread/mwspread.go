// Command mwspread gives mwrouter.Load a slice of middlewares the pass // want package:"program\\(limits reads\\(mwrouter\\.create\\)\\)"
// does not resolve: one may bound bodies, so silent.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"bodylimit/program/mwrouter"
)

var extra []gin.HandlerFunc

func main() {
	http.ListenAndServe(":8000", mwrouter.Load(nil, extra...)) // fine: extra's middlewares are unknown
}
