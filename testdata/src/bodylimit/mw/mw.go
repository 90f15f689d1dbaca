// Package mw: middlewares, helpers and handlers used from another package // want package:"program\\(limits reads\\(mw\\.Upload,mw\\.GinUpload,mw\\.Import\\)\\)"
// (facts).
package mw

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

// Limit returns a net/http middleware that bounds every body.
func Limit(n int64) func(http.Handler) http.Handler { // want Limit:`limiter`
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

// BodyLimit returns a gin middleware that bounds every body.
func BodyLimit(n int64) gin.HandlerFunc { // want BodyLimit:`limiter`
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}

// LimitMW is a gin middleware bounding the body itself.
func LimitMW(c *gin.Context) { // want LimitMW:`limits\(0\)`
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
	c.Next()
}

// Wrap returns what Limit returns: a limiter too.
func Wrap() func(http.Handler) http.Handler { // want Wrap:`limiter`
	return Limit(1 << 20)
}

// Decode reads the body of the request it is given.
func Decode(r *http.Request, v any) error { // want Decode:`reads\(0:json.Decoder.Decode\)`
	return json.NewDecoder(r.Body).Decode(v)
}

// LimitBody bounds the body of the request it is given.
func LimitBody(w http.ResponseWriter, r *http.Request) { // want LimitBody:`limits\(1\)`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
}

// Upload is a handler of this package registered elsewhere.
func Upload(w http.ResponseWriter, r *http.Request) { // want Upload:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body)
}

// GinUpload is a gin handler registered elsewhere.
func GinUpload(c *gin.Context) { // want GinUpload:`reads\(0:gin GetRawData\)`
	c.GetRawData()
}

// Register only registers handlers on the mux it is given.
func Register(mux *http.ServeMux) { // want Register:`routers\(0\) registers\(0:Upload\)`
	mux.HandleFunc("POST /upload", Upload)
}

// Import is a second handler of this package that reads whole.
func Import(w http.ResponseWriter, r *http.Request) { // want Import:`reads\(1:json.Decoder.Decode\)`
	var v any
	json.NewDecoder(r.Body).Decode(&v)
}

// Health reads nothing.
func Health(w http.ResponseWriter, r *http.Request) {}

// RegisterAll registers several handlers on the mux it is given
// (one-api's router.SetRouter): reported once at each call, naming both
// reads.
func RegisterAll(mux *http.ServeMux) { // want RegisterAll:`routers\(0\) registers\(0:Upload,0:Import\)`
	mux.HandleFunc("POST /upload", Upload)
	mux.HandleFunc("POST /import", Import)
	mux.HandleFunc("GET /health", Health)
}

// RegisterLimited limits the router it is given: not a plain registrar.
func RegisterLimited(r *gin.Engine) {
	r.Use(LimitMW)
	r.POST("/upload", GinUpload)
}
