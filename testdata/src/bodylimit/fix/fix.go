// Package fix: suggested fixes. // want package:"program\\(covered\\(5\\)\\)"
package fix

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func upload(w http.ResponseWriter, r *http.Request) { // want upload:`reads\(1:io.ReadAll,1:json.Decoder.Decode\)`
	b, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
	var v any
	json.Unmarshal(b, &v)
	json.NewDecoder(r.Body).Decode(&v) // want `json.Decoder.Decode reads the whole request body`
}

func ginUpload(c *gin.Context) { // want ginUpload:`reads\(0:gin ShouldBindJSON\)`
	var v any
	c.ShouldBindJSON(&v) // want `gin ShouldBindJSON reads the whole request body`
}

func echoUpload(c echo.Context) error { // want echoUpload:`reads\(0:echo Bind\)`
	var v any
	return c.Bind(&v) // want `echo Bind reads the whole request body`
}

// Unnamed parameters: reported, no fix.
func unnamed(_ http.ResponseWriter, r *http.Request) { // want unnamed:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body into memory with no limit on this route, so a client decides its size; bound it with http.MaxBytesReader or a body-limit middleware`
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", upload)
	mux.HandleFunc("/u", unnamed)
	http.ListenAndServe(":8080", mux)

	r := gin.New()
	r.POST("/", ginUpload)
	r.Run()

	e := echo.New()
	e.POST("/", echoUpload)
	e.Start(":8080")
}
