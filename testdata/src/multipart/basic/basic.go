package basic

import (
	"context"
	"errors"
	"io"
	"log"
	"mime/multipart"
	"net/http"
)

func save(fh []*multipart.FileHeader) {}

// --- (*multipart.Reader).ReadForm ---

func readFormLeak(mr *multipart.Reader) error {
	form, err := mr.ReadForm(10 << 20) // want `\*multipart.Form form from \(\*multipart.Reader\).ReadForm is not removed on every path: nothing else deletes its temporary files`
	if err != nil {
		return err
	}
	save(form.File["f"])
	return nil
}

func readFormDeferred(mr *multipart.Reader) error {
	form, err := mr.ReadForm(10 << 20) // fine: removed on every path by the defer
	if err != nil {
		return err
	}
	defer form.RemoveAll()
	save(form.File["f"])
	return nil
}

func readFormDirect(mr *multipart.Reader) error {
	form, err := mr.ReadForm(10 << 20) // fine: removed before the only return; a close need not be deferred
	if err != nil {
		return err
	}
	save(form.File["f"])
	return form.RemoveAll()
}

func readFormEarlyReturn(mr *multipart.Reader, ok bool) error {
	form, err := mr.ReadForm(10 << 20) // want `is not removed on every path`
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("rejected") // the leaking exit (reported as related information)
	}
	return form.RemoveAll()
}

func readFormDeferredClosure(mr *multipart.Reader) error {
	form, err := mr.ReadForm(10 << 20) // fine: removed in a deferred closure
	if err != nil {
		return err
	}
	defer func() {
		if err := form.RemoveAll(); err != nil {
			log.Print(err)
		}
	}()
	return nil
}

func readFormReturned(mr *multipart.Reader) (*multipart.Form, error) {
	form, err := mr.ReadForm(10 << 20) // fine: handed to the caller
	if err != nil {
		return nil, err
	}
	return form, nil
}

type holder struct{ form *multipart.Form }

func readFormStored(mr *multipart.Reader, h *holder) error {
	form, err := mr.ReadForm(10 << 20) // fine: stored in a field; its owner cleans it up
	if err != nil {
		return err
	}
	h.form = form
	return nil
}

func readFormIntoField(mr *multipart.Reader, h *holder) (err error) {
	h.form, err = mr.ReadForm(10 << 20) // fine: assigned straight to a field
	return err
}

func readFormSent(mr *multipart.Reader, ch chan<- *multipart.Form) {
	form, _ := mr.ReadForm(10 << 20) // fine: sent to another goroutine
	ch <- form
}

func readFormDiscarded(mr *multipart.Reader) {
	_, _ = mr.ReadForm(10 << 20) // want `the \*multipart.Form from \(\*multipart.Reader\).ReadForm is discarded`
	mr.ReadForm(1 << 20)         // want `is discarded: nothing ever deletes its temporary files`
}

func readFormToCallback(mr *multipart.Reader, done func(*multipart.Form)) {
	form, err := mr.ReadForm(1 << 20) // fine: handed to a func value that may clean it up
	if err != nil {
		return
	}
	done(form)
}

func readFormFatal(mr *multipart.Reader) {
	form, err := mr.ReadForm(1 << 20) // fine: the only exit without RemoveAll never returns
	if err != nil {
		log.Fatal(err)
	}
	defer form.RemoveAll()
}

// --- *http.Request on the server's own request ---

func parseNoRemove(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil { // want `^ParseMultipartForm without RemoveAll of r's multipart form on every path: if the request is a copy made by a router or middleware \(chi, gorilla/mux, WithContext\), its temporary files are never deleted$`
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	save(r.MultipartForm.File["file"])
}

func parseRemoved(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(8 << 20); err != nil { // fine: deferred RemoveAll after the error check
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer r.MultipartForm.RemoveAll()
	save(r.MultipartForm.File["file"])
}

func formFileNoRemove(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("file") // want `^FormFile without RemoveAll of r's multipart form on every path: if the request is a copy`
	if err != nil {
		return
	}
	defer f.Close()
	io.Copy(io.Discard, f)
}

func formFileRemovedViaAlias(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("file") // fine: the form is removed through a local alias
	if err != nil {
		return
	}
	defer f.Close()
	form := r.MultipartForm
	defer form.RemoveAll()
}

func deferBeforeParse(w http.ResponseWriter, r *http.Request) {
	defer func() { // fine: a deferred closure registered before the parse removes the form
		if r.MultipartForm != nil {
			r.MultipartForm.RemoveAll()
		}
	}()
	r.ParseMultipartForm(1 << 20)
}

func twoParses(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(1 << 20) // want `ParseMultipartForm without RemoveAll`
	f, _, _ := r.FormFile("a")    // fine: the same form as the line above, reported once
	_ = f
}

func middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseMultipartForm(1 << 20) // fine: the request goes on to next, which may clean up
		next.ServeHTTP(w, r)
	})
}

// --- copies of the request ---

func parseOnCopy(w http.ResponseWriter, r *http.Request) {
	r2 := r.WithContext(context.Background())
	r2.ParseMultipartForm(1 << 20) // want `ParseMultipartForm on r2, a copy of the request, without r2.MultipartForm.RemoveAll\(\): the server only cleans up the original request's form, so these temporary files are never deleted`
	save(r2.MultipartForm.File["f"])
}

func parseOnClone(w http.ResponseWriter, r *http.Request) {
	r = r.Clone(r.Context())
	if _, _, err := r.FormFile("f"); err != nil { // want `FormFile on r, a copy of the request`
		return
	}
}

func parseOnCopyRemoved(w http.ResponseWriter, r *http.Request) {
	r2 := r.WithContext(context.Background())
	if err := r2.ParseMultipartForm(1 << 20); err != nil { // fine: removed
		return
	}
	defer r2.MultipartForm.RemoveAll()
}

// --- not parses at all ---

func streaming(w http.ResponseWriter, r *http.Request) error {
	mr, err := r.MultipartReader() // fine: streaming keeps nothing
	if err != nil {
		return err
	}
	for {
		p, err := mr.NextPart()
		if err != nil {
			return nil
		}
		io.Copy(io.Discard, p)
	}
}

func formValues(w http.ResponseWriter, r *http.Request) {
	_ = r.FormValue("a")     // fine: FormValue is ubiquitous on non-upload endpoints
	_ = r.PostFormValue("b") // fine: same
	_ = r.ParseForm()        // fine: a non-multipart body allocates nothing
}

func ignored(w http.ResponseWriter, r *http.Request) {
	//memlint:ignore multipart the proxy in front strips uploads above 1 KiB
	r.ParseMultipartForm(1 << 10)
}

func ignoredWithoutReason(w http.ResponseWriter, r *http.Request) {
	/* want `^memlint:ignore needs a reason` */ //memlint:ignore multipart
	r.ParseMultipartForm(1 << 10)               // want `ParseMultipartForm without RemoveAll`
}
