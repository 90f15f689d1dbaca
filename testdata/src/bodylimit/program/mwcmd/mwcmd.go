// Command mwcmd gives mwrouter.Load middlewares that do not bound // want package:"program\\(covered\\(1\\)\\)"
// bodies: nothing in the module does, so the program rule reports its
// server.
package main

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"bodylimit/program/mwrouter"
)

func logger(format string) gin.HandlerFunc {
	return func(c *gin.Context) { c.Next() }
}

func version(c *gin.Context) { c.Next() }

func main() {
	h := mwrouter.Load(nil, logger(time.RFC3339), version, gin.HandlerFunc(version), func(c *gin.Context) { c.Next() })
	srv := &http.Server{Addr: ":8000", Handler: h}
	srv.ListenAndServe() // want `^mwrouter\.create \(gin ShouldBindJSON\) reads request bodies whole`
}
