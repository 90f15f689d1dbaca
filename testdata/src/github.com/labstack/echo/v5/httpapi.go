package echo

// Request-input accessors the shared request table (internal/httpapi)
// matches (echo v5.0.4 signatures).

func (c *Context) Param(name string) string      { return "" }
func (c *Context) QueryParam(name string) string { return "" }
