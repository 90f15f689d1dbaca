package crosspkg

import (
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"

	"multipart/helpers"
	"multipart/parsehelp"
)

func viaHelper(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // fine: helpers.Cleanup removes the form (fact from another package)
		return
	}
	defer helpers.Cleanup(r)
}

func viaFormHelper(mr *multipart.Reader) error {
	form, err := mr.ReadForm(1 << 20) // fine: helpers.CleanupForm removes it
	if err != nil {
		return err
	}
	return helpers.CleanupForm("x", form)
}

func viaGinHelper(c *gin.Context) {
	if _, err := c.FormFile("f"); err != nil { // fine: helpers.CleanupGin removes it
		return
	}
	defer helpers.CleanupGin(c)
}

func inspectOnly(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // want `ParseMultipartForm without RemoveAll`
		return
	}
	_ = helpers.Inspect(r) // only reads the form: not a cleanup
}

func localHelper(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(1 << 20) // fine: cleanup is declared later in this package
	cleanup(r)
}

func cleanup(r *http.Request) {
	helpers.Cleanup(r)
}

func ginViaParsingHelper(c *gin.Context) {
	fh, ok := parsehelp.FormFileOrRespond(c) // want `FormFileOrRespond \(which parses the form\) without RemoveAll of c's multipart form`
	if !ok {
		return
	}
	_ = fh
}

func ginViaParsingHelperCleaned(c *gin.Context) {
	defer helpers.CleanupMultipartForm(c)
	fh, ok := parsehelp.FormFileOrRespond(c) // fine: the deferred helper removes the form
	if !ok {
		return
	}
	_ = fh
}

func selfContained(w http.ResponseWriter, r *http.Request) {
	_ = helpers.ParseAndClean(r) // fine: the helper removes what it parses
}

type user struct{ name string }

func userFrom(r *http.Request) (*user, error) { return &user{r.Header.Get("X-User")}, nil }

type reqCtx struct{ req *http.Request }

func wrap(r *http.Request) *reqCtx { return &reqCtx{r} }

func notRetainedByLookup(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // want `ParseMultipartForm without RemoveAll`
		return
	}
	u, _ := userFrom(r) // *user cannot hold the request: not a hand-off
	_ = u
}

var current *reqCtx

func retainedByWrapper(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // fine: wrap returns the request in a wrapper that is kept, whose new owner may clean up
		return
	}
	current = wrap(r)
}

// rendersView builds a view from r (helpers.NewView returns it, fact
// returns(0)), but the view never leaves the handler: r is not handed off.
func rendersView(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("file") // want `^FormFile without RemoveAll of r's multipart form on every path`
	if err != nil {
		return
	}
	defer f.Close()
	v := helpers.NewView(r)
	v.Set("name", "x")
	w.Write(v.Render())
}

var views []*helpers.View

func keepsView(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("file") // fine: the view holding r is stored, whoever keeps it may clean up
	if err != nil {
		return
	}
	defer f.Close()
	views = append(views, helpers.NewView(r))
}

func keepsRequest(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("file") // fine: helpers.Keep keeps r (fact retains(0))
	if err != nil {
		return
	}
	defer f.Close()
	helpers.Keep(r)
}

// describe only reads r: its Attr, whose Value can hold anything, holds
// none of r.
func describe(r *http.Request) helpers.Attr {
	return helpers.Attr{Key: "path", Value: r.URL.Path}
}

var logged []helpers.Attr

// logsRequest logs attributes read from r. The helpers have results that
// could hold a request, but the ownership engine saw they do not: r is
// not handed off.
func logsRequest(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // want `^ParseMultipartForm without RemoveAll of r's multipart form on every path`
		return
	}
	logged = append(logged, helpers.DescribeRequest(r), describe(r))
}

func logsHeldRequest(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // fine: helpers.HoldRequest returns r inside the Attr, which is kept, whose new owner may clean up
		return
	}
	logged = append(logged, helpers.HoldRequest(r))
}
