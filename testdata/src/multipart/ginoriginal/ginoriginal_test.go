package ginoriginal

import (
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestUpload builds a gin context by hand, as gin's tests do
// (gin.CreateTestContext, then c.Request = req): an assignment in a test
// file replaces no request the server serves, so the handlers stay fine
// (pocket-id's controller tests made the pass say "it assigns a
// gin.Context's Request" of its production handlers).
func TestUpload(t *testing.T) {
	c := &gin.Context{}
	c.Request = httptest.NewRequest("POST", "/upload", nil)
	upload(c)
}
