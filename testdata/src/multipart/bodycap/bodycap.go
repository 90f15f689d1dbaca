// Package bodycap: a body limit set before the parse bounds the form.
package bodycap

import "net/http"

// Fine: the body is bounded to 1 MiB before a parse whose maxMemory holds
// 516 MiB, then FormFile (athens' .save route): the whole form stays in
// memory, no temporary file is written, and it holds at most 1 MiB.
func boundedSave(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseMultipartForm(516 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	_ = r.FormValue("name")
	f, _, err := r.FormFile("mod.zip") // a second parse site: its 32 MiB holds the 1 MiB body too
	if err != nil {
		return
	}
	f.Close()
}

// Reported: the body may hold 64 MiB, the form keeps 8 in memory, and the
// rest goes to temporary files.
func boundedAboveMax(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil { // want `^ParseMultipartForm without RemoveAll of r's multipart form on every path`
		return
	}
	_ = r.FormValue("name")
}

// Reported: the limit is set only on some paths.
func boundedSometimes(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > 0 {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	}
	if err := r.ParseMultipartForm(1 << 30); err != nil { // want `^ParseMultipartForm without RemoveAll of r's multipart form on every path: .*; maxMemory 1 GiB also exceeds max-memory \(32 MiB\)`
		return
	}
	_ = r.FormValue("name")
}

// Fine: the same with a 1 GiB maxMemory: the 1 MiB body is what it can
// hold in memory, so the size rule is silent too.
func boundedHuge(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseMultipartForm(1 << 30); err != nil {
		return
	}
	_ = r.FormValue("name")
}
