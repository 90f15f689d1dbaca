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

// FormFileOrRespond parses the form for its caller, which owns the cleanup.
func FormFileOrRespond(c *gin.Context) (*multipart.FileHeader, bool) { // want FormFileOrRespond:`parsesForm\(0\)`
	fh, err := c.FormFile("file") // fine: a helper's parse; reported at the handler that calls it
	if err != nil {
		return nil, false
	}
	return fh, true
}

// CleanupMultipartForm is the guarded cleanup real gin services write.
func CleanupMultipartForm(c *gin.Context) { // want CleanupMultipartForm:`removesForm\(0\)`
	if c.Request != nil && c.Request.MultipartForm != nil {
		_ = c.Request.MultipartForm.RemoveAll()
	}
}

// ParseAndClean parses and removes its own form: self-contained, no fact.
func ParseAndClean(r *http.Request) error {
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		return err
	}
	return r.MultipartForm.RemoveAll()
}
