// Package uploadread: uploaded multipart files read whole. // want package:"program\\(defaultMux covered\\(3\\)\\)"
package uploadread

import (
	"io"
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"

	"bodylimit/uploadcheck"
)

// net/http: the file FormFile returns, read whole (listmonk's
// transactional attachments).
func attach(w http.ResponseWriter, r *http.Request) { // want attach:`reads\(1:io.ReadAll of an uploaded file\)`
	file, _, err := r.FormFile("file")
	if err != nil {
		return
	}
	defer file.Close()
	data, _ := io.ReadAll(file) // want `^io.ReadAll reads a whole uploaded file into memory with no limit on this route, so a client decides its size \(the form keeps at most its maxMemory in memory`
	w.Write(data)
}

// gin: the header's file, opened and read whole by a helper that only
// measures it (go-gin-example's GetSize).
func size(f multipart.File) int { // want size:`drains\(0:io.ReadAll\)`
	b, _ := io.ReadAll(f)
	return len(b)
}

func upload(c *gin.Context) { // want upload:`reads\(0:io.ReadAll of an uploaded file\)`
	fh, err := c.FormFile("image")
	if err != nil {
		return
	}
	f, err := fh.Open()
	if err != nil {
		return
	}
	defer f.Close()
	_ = size(f) // want `^size \(io.ReadAll\) reads a whole uploaded file into memory`
}

// Another package's check that reads the file whole to measure it.
func image(w http.ResponseWriter, r *http.Request) { // want image:`reads\(1:ioutil.ReadAll of an uploaded file\)`
	file, _, err := r.FormFile("image")
	if err != nil {
		return
	}
	defer file.Close()
	if !uploadcheck.CheckImageSize(file) { // want `^CheckImageSize \(ioutil.ReadAll at uploadsize/uploadsize.go:11\) reads a whole uploaded file into memory`
		http.Error(w, "too big", http.StatusBadRequest)
	}
}

// Fine: the file's size is checked first; FileHeader.Size is the whole
// part's.
func checked(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("file")
	if err != nil {
		return
	}
	defer file.Close()
	if header.Size > 10<<20 {
		http.Error(w, "too big", http.StatusRequestEntityTooLarge)
		return
	}
	data, _ := io.ReadAll(file)
	w.Write(data)
}

// Fine: read through io.LimitReader.
func limited(w http.ResponseWriter, r *http.Request) {
	file, _, err := r.FormFile("file")
	if err != nil {
		return
	}
	defer file.Close()
	data, _ := io.ReadAll(io.LimitReader(file, 10<<20))
	w.Write(data)
}

// Fine: the body is bounded first, so the file is too.
func bounded(w http.ResponseWriter, r *http.Request) { // want bounded:`limits\(1\)`
	r.Body = http.MaxBytesReader(w, r.Body, 32<<20)
	file, _, err := r.FormFile("file")
	if err != nil {
		return
	}
	defer file.Close()
	data, _ := io.ReadAll(file)
	w.Write(data)
}

// Fine: streamed to its destination.
func streamed(w http.ResponseWriter, r *http.Request) {
	file, _, err := r.FormFile("file")
	if err != nil {
		return
	}
	defer file.Close()
	io.Copy(w, file)
}

func main() {
	http.HandleFunc("/attach", attach)
	http.HandleFunc("/image", image)
	http.HandleFunc("/checked", checked)
	http.HandleFunc("/limited", limited)
	http.HandleFunc("/bounded", bounded)
	http.HandleFunc("/streamed", streamed)
	http.ListenAndServe(":8080", nil)
}

func serveGin() {
	e := gin.Default()
	e.POST("/upload", upload)
	e.Run(":8081")
}
