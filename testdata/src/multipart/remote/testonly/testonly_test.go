package testonly

import (
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
)

// TestEngine traces the test engine and builds a context by hand: neither
// serves a request of the real server.
func TestEngine(t *testing.T) {
	r := Engine()
	r.Use(otelgin.Middleware("test"))
	c := &gin.Context{}
	c.Request = httptest.NewRequest("POST", "/avatar", nil)
}
