// Package helpers cleans up multipart forms on behalf of its callers.
package helpers

import (
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"
)

func Cleanup(r *http.Request) { // want Cleanup:`removesForm\(0\)`
	if r.MultipartForm != nil {
		r.MultipartForm.RemoveAll()
	}
}

func CleanupForm(tag string, f *multipart.Form) error { // want CleanupForm:`removesForm\(1\)`
	return f.RemoveAll()
}

func CleanupGin(c *gin.Context) { // want CleanupGin:`removesForm\(0\)`
	Cleanup(c.Request)
}

func Inspect(r *http.Request) int { // no fact: it only reads the form
	return len(r.MultipartForm.File)
}
