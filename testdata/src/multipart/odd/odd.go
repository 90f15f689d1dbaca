//go:build !never

// Package odd holds valid but unusual Go: nothing here may crash the pass.
package odd

import (
	"mime/multipart"
	. "net/http"
)

type Uploader[T any] struct{ last T }

func (u *Uploader[T]) Handle(w ResponseWriter, r *Request) {
	r.ParseMultipartForm(1 << 20) // want `ParseMultipartForm without RemoveAll`
}

func Generic[F interface{ RemoveAll() error }](f F) error { return f.RemoveAll() }

func genericCleanup(mr *multipart.Reader) error {
	form, err := mr.ReadForm(1 << 20) // fine: removed through a generic function (any call handing it to a generic counts only through facts; this one is a plain method call)
	if err != nil {
		return err
	}
	defer form.RemoveAll()
	return Generic(form)
}

func methodValue(w ResponseWriter, r *Request) {
	parse := r.ParseMultipartForm // a method value: not tracked, no crash
	_ = parse(1 << 20)
	cleanup := r.MultipartForm.RemoveAll
	_ = cleanup
}

func withGoto(w ResponseWriter, r *Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // fine: every path reaches the RemoveAll after the label
		goto done
	}
	_ = r.MultipartForm.Value
done:
	if r.MultipartForm != nil {
		r.MultipartForm.RemoveAll()
	}
}

func closures() HandlerFunc {
	return func(w ResponseWriter, r *Request) {
		func() {
			r.ParseMultipartForm(1 << 20) // want `ParseMultipartForm without RemoveAll`
		}()
	}
}

func capturedRequest(r *Request) func() {
	return func() {
		r.ParseMultipartForm(1 << 20) // fine: r belongs to the enclosing function
	}
}

func goroutine(w ResponseWriter, r *Request) {
	r.ParseMultipartForm(1 << 20) // fine: handed to a goroutine
	go func() {
		defer r.MultipartForm.RemoveAll()
	}()
}

var global *Request

func stored(w ResponseWriter, r *Request) {
	r.ParseMultipartForm(1 << 20) // fine: stored in a global
	global = r
}

func infinite(w ResponseWriter, r *Request) {
	r.ParseMultipartForm(1 << 20) // fine: the function never returns
	for {
	}
}

func panics(w ResponseWriter, r *Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // fine: the only path without cleanup panics
		panic(err)
	}
	defer r.MultipartForm.RemoveAll()
}

// Form wraps a request the way net/http's own methods do.
type Form struct{ req *Request }

// File parses on its receiver's behalf: like (*http.Request).FormFile, it
// is a method, not a handler, so its callers own the cleanup.
func (f *Form) File(key string) error {
	return f.req.ParseMultipartForm(1 << 20) // fine: not a local owner (a field)
}

type myRequest Request

// FormValue on a receiver that is the request itself (as in net/http).
func (r *myRequest) Parse() error {
	return (*Request)(r).ParseMultipartForm(1 << 20) // fine: a conversion of the receiver is not tracked
}
