// Command mwlimited gives mwrouter.Load a middleware that bounds bodies: // want package:"program\\(limits reads\\(mwrouter\\.create\\)\\)"
// the module bounds bodies, so silent.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"bodylimit/program/mwrouter"
)

func limit(c *gin.Context) { // want limit:"limits\\(0\\)"
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
	c.Next()
}

func main() {
	http.ListenAndServe(":8000", mwrouter.Load(nil, limit)) // fine: limit bounds bodies
}
