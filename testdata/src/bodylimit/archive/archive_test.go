package archive

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
)

// Test files are not reported (unless all-sources).
func testHandler(w http.ResponseWriter, r *http.Request) { // want testHandler:`reads\(1:io.ReadAll\)`
	body, _ := io.ReadAll(r.Body)
	zr, _ := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	rc, _ := zr.File[0].Open()
	io.ReadAll(rc)
}
