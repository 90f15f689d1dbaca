package fix

import (
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/labstack/echo/otelecho"
)

// tracing is installed on this package's engines: otelgin and otelecho
// hand the handlers a copy of the request, so their gin and echo findings
// stand.
var (
	tracing     = otelgin.Middleware("fix")
	echoTracing = otelecho.Middleware("fix")
)
