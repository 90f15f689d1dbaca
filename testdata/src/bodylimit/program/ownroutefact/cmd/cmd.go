// Command cmd registers upload.Chunk, a handler of another package that // want package:"program\\(reads\\(ginhandlers\\.List,ginhandlers\\.Report\\) covered\\(1\\)\\)"
// bounds only its own body, beside a handler that reads its body
// whole: the module still bounds nothing for that one.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"bodylimit/program/ginhandlers"
	"bodylimit/program/ownroutefact/upload"
)

func routes() *gin.Engine {
	r := gin.New()
	r.POST("/chunk", upload.Chunk)
	r.POST("/items", ginhandlers.Create)
	return r
}

func main() {
	http.ListenAndServe(":8080", routes()) // want `^ginhandlers\.Create \(gin ShouldBind\) reads request bodies whole`
}
