// Package helpers cleans up multipart forms on behalf of its callers.
// Whether a function removes the form of a parameter is the ownership
// engine's fact (internal/ownership), asserted by its test; multipart's
// tests check that callers in multipart/crosspkg rely on it.
package helpers

import (
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"
	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
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

// CleanupMultipartForm is the guarded cleanup real gin services write.
func CleanupMultipartForm(c *gin.Context) { // want CleanupMultipartForm:`removesForm\(0\)`
	if c.Request != nil && c.Request.MultipartForm != nil {
		_ = c.Request.MultipartForm.RemoveAll()
	}
}

// ParseAndClean parses and removes its own form: it removes r's form
// (multipart gives it no parsesForm fact: its callers have nothing to
// clean up).
func ParseAndClean(r *http.Request) error { // want ParseAndClean:`removesForm\(0\)`
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		return err
	}
	return r.MultipartForm.RemoveAll()
}

// CleanupEcho reaches the form through echo v4's Request method, an
// interface method.
func CleanupEcho(c echo4.Context) { // want CleanupEcho:`removesForm\(0\)`
	c.Request().MultipartForm.RemoveAll()
}

// CleanupEcho5 removes the form echo v5's MultipartForm returns.
func CleanupEcho5(tag string, c *echo5.Context) { // want CleanupEcho5:`removesForm\(1\)`
	form, err := c.MultipartForm()
	if err != nil {
		return
	}
	defer form.RemoveAll()
}

// CleanupLater removes the form in a deferred closure.
func CleanupLater(r *http.Request) { // want CleanupLater:`removesForm\(0\)`
	defer func() {
		if r.MultipartForm != nil {
			r.MultipartForm.RemoveAll()
		}
	}()
}

// RemoveOther removes f, not r's form: the fact names f only.
func RemoveOther(r *http.Request, f *multipart.Form) { // want RemoveOther:`removesForm\(1\)`
	_ = r.ParseForm()
	f.RemoveAll()
}

// CloseBody closes r's body, which is no cleanup of its form: no fact.
func CloseBody(r *http.Request) {
	r.Body.Close()
}

// View wraps a request to render a page, as web apps' view packages do.
type View struct {
	r      *http.Request
	params map[string]any
}

// NewView returns a view holding r.
func NewView(r *http.Request) *View { // want NewView:`returns\(0\)`
	return &View{r: r, params: map[string]any{}}
}

// Set adds a template argument.
func (v *View) Set(k string, x any) { v.params[k] = x } // want Set:`retains\(1\)`

// Render renders the page.
func (v *View) Render() []byte { return nil }

var kept []*http.Request

// Keep keeps r for a later cleanup.
func Keep(r *http.Request) { // want Keep:`retains\(0\)`
	kept = append(kept, r)
}

// Attr is a log attribute: its value can hold anything, a request too.
type Attr struct {
	Key   string
	Value any
}

// DescribeRequest describes r for a log line from its method, URL and
// form values (goatcounter's log.AttrHTTP): it only reads r, so it has no
// fact, and its Attr holds none of r.
func DescribeRequest(r *http.Request) Attr {
	vals := []any{r.Method, r.URL.String()}
	for k, v := range r.Form {
		vals = append(vals, k, v)
	}
	return Attr{Key: "http", Value: vals}
}

// HoldRequest puts r itself in the Attr it returns.
func HoldRequest(r *http.Request) Attr { // want HoldRequest:`returns\(0\)`
	return Attr{Key: "http", Value: r}
}
