// Package crosspkg: wiring of handlers, helpers and middlewares of package // want package:"program\\(limits covered\\(4\\)\\)"
// mw.
package crosspkg

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"bodylimit/mw"
)

// A handler of another package on a mux served here: reported at the
// registration.
func serveUpload() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /upload", mw.Upload) // want `handler mw.Upload reads the whole request body into memory \(io.ReadAll at mw/mw.go:\d+\) with no limit on this route`
	http.ListenAndServe(":8080", mux)
}

// A registrar of another package (fact): reported at its call.
func serveRegister() {
	mux := http.NewServeMux()
	mw.Register(mux) // want `handler Upload reads the whole request body into memory \(io.ReadAll at mw/mw.go:\d+\)`
	http.ListenAndServe(":8080", mux)
}

// A registrar of several reading handlers: one finding at its call,
// naming each handler in related information.
func serveRegisterAll() {
	mux := http.NewServeMux()
	mw.RegisterAll(mux) // want `^2 handlers registered here read the whole request body into memory with no limit on their routes, first Upload \(io.ReadAll at mw/mw.go:\d+\), so a client decides its size; bound them with http.MaxBytesReader or a body-limit middleware$`
	http.ListenAndServe(":8080", mux)
}

// A helper of another package reading the body: reported in the handler.
func viaHelper(w http.ResponseWriter, r *http.Request) { // want viaHelper:`reads\(1:json.Decoder.Decode\)`
	var v struct{}
	mw.Decode(r, &v) // want `Decode \(json.Decoder.Decode at mw/mw.go:\d+\) reads the whole request body`
}

// A helper of another package bounds the body first: silent.
func limitedByHelper(w http.ResponseWriter, r *http.Request) { // want limitedByHelper:`limits\(1\)`
	mw.LimitBody(w, r)
	var v struct{}
	mw.Decode(r, &v)
}

func serveHelpers() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /a", viaHelper)
	mux.HandleFunc("POST /b", limitedByHelper)
	http.ListenAndServe(":8080", mux)
}

// The whole mux goes through a limiting middleware of another package:
// silent (the mux is passed to a call).
func serveLimitMW() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /upload", mw.Upload)
	http.ListenAndServe(":8080", mw.Limit(1<<20)(mux))
}

// gin with a limiting middleware of another package: silent.
func ginLimited() {
	r := gin.New()
	r.Use(mw.BodyLimit(1 << 20))
	r.POST("/upload", mw.GinUpload)
	r.Run(":8080")
}

// gin with a limiting handler-shaped middleware: silent.
func ginLimitedFunc() {
	r := gin.New()
	r.Use(mw.LimitMW)
	r.POST("/upload", mw.GinUpload)
	r.Run(":8080")
}

// A middleware maker returning another's limiter: silent.
func serveWrap() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /upload", mw.Upload)
	h := mw.Wrap()(mux)
	http.ListenAndServe(":8080", h)
}

// A registrar that limits the router: silent (not a plain registrar).
func ginRegisterLimited() {
	r := gin.New()
	mw.RegisterLimited(r)
	r.Run(":8080")
}

// gin with no limit: reported at the registration.
func ginUnlimited() {
	r := gin.Default()
	r.POST("/upload", mw.GinUpload) // want `handler mw.GinUpload reads the whole request body into memory \(gin GetRawData at mw/mw.go:\d+\)`
	r.Run(":8080")
}
