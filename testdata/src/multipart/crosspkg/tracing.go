package crosspkg

import "go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"

// tracing is installed on this package's engine: otelgin hands the gin
// handlers a copy of the request, so their gin findings stand.
var tracing = otelgin.Middleware("crosspkg")
