package gin

// Declarations the jsonindent pass's tests need (gin v1.12.0 signatures).

// H is a shortcut for map[string]any.
type H map[string]any

func (c *Context) Data(code int, contentType string, data []byte) {}
