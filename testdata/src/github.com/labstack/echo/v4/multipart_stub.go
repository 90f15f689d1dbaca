package echo

import "net/http"

// WrapMiddleware wraps `func(http.Handler) http.Handler` into
// `echo.MiddlewareFunc`; it hands the next handler the request the
// net/http middleware passed on (c.SetRequest(r)).
func WrapMiddleware(m func(http.Handler) http.Handler) MiddlewareFunc { return nil }
