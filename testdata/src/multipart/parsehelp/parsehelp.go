// Package parsehelp parses forms for its callers with helpers that return
// nothing: the shape that once crashed the pass (index out of range [-1]).
package parsehelp

import (
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"
)

func Parse(r *http.Request) { // want Parse:`parsesForm\(0\)`
	r.ParseMultipartForm(1 << 20) // fine: a helper's parse; reported at the handler that calls it
}

type Uploads struct{}

func (Uploads) Parse(r *http.Request) { // want Parse:`parsesForm\(0\)`
	r.ParseMultipartForm(1 << 20) // fine: a helper method's parse
}

// FormFileOrRespond parses the form for its caller, which owns the cleanup.
func FormFileOrRespond(c *gin.Context) (*multipart.FileHeader, bool) { // want FormFileOrRespond:`parsesForm\(0\)`
	fh, err := c.FormFile("file") // fine: a helper's parse; reported at the handler that calls it
	if err != nil {
		return nil, false
	}
	return fh, true
}
