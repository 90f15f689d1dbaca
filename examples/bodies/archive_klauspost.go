package bodies

import (
	"bytes"
	"io"
	"net/http"

	"github.com/klauspost/compress/zip"
)

// ImportPolicies reads the body whole (ServeArchives bounds it) and opens
// it with klauspost's copy of archive/zip, as minio's IAM import does; the
// policies entry is read whole however far deflate expands it.
func ImportPolicies(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f, err := zr.Open("policies.json")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer f.Close()
	policies, err := io.ReadAll(f) // LEAK
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write(policies)
}

// ImportPoliciesChecked checks the entry's declared size first, which
// klauspost's copy enforces as archive/zip does.
func ImportPoliciesChecked(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for _, zf := range zr.File {
		if zf.UncompressedSize64 > maxEntry {
			http.Error(w, "entry too large", http.StatusRequestEntityTooLarge)
			return
		}
		rc, err := zf.Open()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		entry, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Write(entry)
	}
}
