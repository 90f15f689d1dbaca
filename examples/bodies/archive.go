package bodies

import (
	"archive/zip"
	"io"
	"net/http"
)

// maxEntry bounds one entry of an uploaded archive once decompressed.
const maxEntry = 8 << 20

// ImportZipLeaky reads every entry of an uploaded zip whole: the body limit
// of ServeArchives bounds the compressed archive, not what deflate expands
// each entry to.
func ImportZipLeaky(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer r.MultipartForm.RemoveAll()
	file, header, err := r.FormFile("archive")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	zr, err := zip.NewReader(file, header.Size)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var n int
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		data, err := io.ReadAll(rc) // LEAK
		rc.Close()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		n += len(data)
	}
	w.WriteHeader(http.StatusCreated)
}

// ImportZip checks each entry's declared size first (archive/zip fails a
// read past it) and reads through io.LimitReader as well.
func ImportZip(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer r.MultipartForm.RemoveAll()
	file, header, err := r.FormFile("archive")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	zr, err := zip.NewReader(file, header.Size)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var n int
	for _, f := range zr.File {
		if f.UncompressedSize64 > maxEntry {
			http.Error(w, "entry too large", http.StatusRequestEntityTooLarge)
			return
		}
		rc, err := f.Open()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		data, err := io.ReadAll(io.LimitReader(rc, maxEntry))
		rc.Close()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		n += len(data)
	}
	w.WriteHeader(http.StatusCreated)
}

// ServeArchives bounds every request body; the leaky handler is still a
// zip bomb away from running out of memory.
func ServeArchives(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /leaky/import.zip", ImportZipLeaky)
	mux.HandleFunc("POST /import.zip", ImportZip)
	mux.HandleFunc("POST /leaky/policies.zip", ImportPolicies)
	mux.HandleFunc("POST /policies.zip", ImportPoliciesChecked)
	return http.ListenAndServe(addr, http.MaxBytesHandler(mux, 64<<20))
}
