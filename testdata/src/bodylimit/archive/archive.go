// Package archive: zip and tar entries of network archives read whole. // want package:"program\\(reads\\(archive\\.manifest,archive\\.ginRaw,archive\\.parts\\)\\)"
package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"io/ioutil"
	"net/http"
	"os"
	"strings"

	"bodylimit/archivelib"

	"github.com/gin-gonic/gin"
)

const maxEntry = 10 << 20

// The updsrv shape: an uploaded zip, every entry read whole. The form's
// memory limit bounds the archive, not what its entries expand to.
func uploadEntries(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		return
	}
	file, header, err := r.FormFile("update")
	if err != nil {
		return
	}
	defer file.Close()
	zr, err := zip.NewReader(file, header.Size)
	if err != nil {
		return
	}
	for _, zf := range zr.File {
		f, err := zf.Open()
		if err != nil {
			return
		}
		data, _ := ioutil.ReadAll(f) // want `^ioutil.ReadAll reads a whole \(\*zip.File\).Open entry of a zip archive from the uploaded multipart file with no limit after decompression, and deflate expands about 1,000-fold on repetitive data \(1 MiB to 1 GiB\); check UncompressedSize64 first or read it through io.LimitReader$`
		f.Close()
		_ = data
	}
}

// The body bounded, read whole, then unzipped: http.MaxBytesReader bounds
// the compressed archive, not its entries.
func bodyBytes(w http.ResponseWriter, r *http.Request) { // want bodyBytes:`limits\(1\)`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return
	}
	for i := range zr.File {
		rc, _ := zr.File[i].Open()
		var buf bytes.Buffer
		buf.ReadFrom(rc) // want `\(\*bytes.Buffer\).ReadFrom reads a whole \(\*zip.File\).Open entry of a zip archive from the request body`
	}
}

// A .docx upload: its document.xml entry decoded whole.
type document struct {
	Body string `xml:"body"`
}

func docx(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("doc")
	if err != nil {
		return
	}
	reader, err := zip.NewReader(file, header.Size)
	if err != nil {
		return
	}
	for _, f := range reader.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			var d document
			xml.NewDecoder(rc).Decode(&d) // want `xml.Decoder.Decode reads a whole \(\*zip.File\).Open entry of a zip archive from the uploaded multipart file`
		}
	}
}

// A zip downloaded from another service: a response body.
func download(url string) (map[string]any, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 50<<20))
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, err
	}
	var v map[string]any
	f, err := zr.Open("manifest.json")
	if err != nil {
		return nil, err
	}
	err = json.NewDecoder(f).Decode(&v) // want `json.Decoder.Decode reads a whole \(\*zip.Reader\).Open entry of a zip archive from the response body`
	return v, err
}

// fs.ReadFile on the archive reads the entry whole too.
func manifest(w http.ResponseWriter, r *http.Request) { // want manifest:`reads\(1:io.ReadAll\)`
	body, _ := io.ReadAll(r.Body) // the body itself: the wiring rule's, silent unregistered
	zr, _ := zip.NewReader(strings.NewReader(string(body)), int64(len(body)))
	fs.ReadFile(zr, "manifest.json") // want `fs.ReadFile reads a whole \(\*zip.Reader\).Open entry of a zip archive from the request body`
}

// gin: the FileHeader of c.FormFile, opened.
func ginUpload(c *gin.Context) {
	fh, err := c.FormFile("file")
	if err != nil {
		return
	}
	file, err := fh.Open()
	if err != nil {
		return
	}
	zr, err := zip.NewReader(file, fh.Size)
	if err != nil {
		return
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		io.ReadAll(rc) // want `io.ReadAll reads a whole \(\*zip.File\).Open entry of a zip archive from the uploaded multipart file`
	}
}

// gin's raw body, unzipped in a closure.
func ginRaw(c *gin.Context) { // want ginRaw:`reads\(0:gin GetRawData\)`
	raw, _ := c.GetRawData()
	zr, _ := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	func() {
		for _, f := range zr.File {
			rc, _ := f.Open()
			io.ReadAll(rc) // want `io.ReadAll reads a whole \(\*zip.File\).Open entry of a zip archive from the request body`
		}
	}()
}

// A tar.gz upload read entry by entry.
func tarball(w http.ResponseWriter, r *http.Request) {
	gz, err := gzip.NewReader(r.Body)
	if err != nil {
		return
	}
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err != nil {
			return
		}
		fmt.Println(hdr.Name)
		io.ReadAll(tr) // want `^io.ReadAll reads a whole \(\*tar.Reader\).Next entry of a gzip-compressed tar archive from the request body with no limit after decompression, and deflate expands about 1,000-fold on repetitive data \(1 MiB to 1 GiB\); check hdr.Size first or read it through io.LimitReader$`
	}
}

// An uncompressed tar from the body: a sparse entry expands its holes.
func plainTar(w http.ResponseWriter, r *http.Request) { // want plainTar:`limits\(1\)`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	tr := tar.NewReader(r.Body)
	if _, err := tr.Next(); err != nil {
		return
	}
	var buf bytes.Buffer
	io.Copy(&buf, tr) // want `^io.Copy into a bytes.Buffer reads a whole \(\*tar.Reader\).Next entry of a tar archive from the request body with no limit, and a sparse entry expands its holes to zeros \(a 1.5 KiB archive reads back as 1 GiB\); check hdr.Size first or read it through io.LimitReader$`
}

// A multipart part read whole and handed to a helper that unzips it: the
// report is at the call, where the source is known; the part read whole
// is itself an unbounded read of the upload (a fact: parts is not routed).
func parts(w http.ResponseWriter, r *http.Request) { // want parts:`reads\(1:ioutil.ReadAll of an uploaded file\)`
	mr, err := r.MultipartReader()
	if err != nil {
		return
	}
	for {
		p, err := mr.NextPart()
		if err != nil {
			return
		}
		buf, _ := ioutil.ReadAll(p)
		unzip(buf) // want `^unzip \(io.ReadAll\) reads a whole \(\*zip.File\).Open entry of a zip archive from the uploaded multipart file with no limit after decompression`
	}
}

func unzip(file []byte) { // want unzip:`streams\(0:io.ReadAll\)`
	r, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		return
	}
	for _, f := range r.File {
		rc, _ := f.Open()
		io.ReadAll(rc)
		rc.Close()
	}
}

// Helpers of another package, known by their facts.
func crossPackage(w http.ResponseWriter, r *http.Request) {
	file, header, _ := r.FormFile("f")
	zr, _ := zip.NewReader(file, header.Size)
	for _, zf := range zr.File {
		archivelib.ReadEntry(zf)        // want `^ReadEntry \(io.ReadAll at archivelib/archivelib.go:\d+\) reads a whole \(\*zip.File\).Open entry of a zip archive from the uploaded multipart file`
		archivelib.ReadEntryChecked(zf) // bounded by the declared size: no fact
		archivelib.ReadEntryLimited(zf) // bounded by io.LimitReader: no fact
	}
	gz, _ := gzip.NewReader(r.Body)
	tr := tar.NewReader(gz)
	tr.Next()
	archivelib.ReadCurrent(tr) // want `^ReadCurrent \(io.ReadAll at archivelib/archivelib.go:\d+\) reads a whole \(\*tar.Reader\).Next entry of a gzip-compressed tar archive from the request body`
	archivelib.UntarGz(r.Body) // want `^UntarGz \(io.ReadAll at archivelib/archivelib.go:\d+\) reads a whole \(\*tar.Reader\).Next entry of a gzip-compressed tar archive from the request body`
}

// A helper's entry bounded by the caller's check of the declared size.
func checkedBeforeHelper(w http.ResponseWriter, r *http.Request) {
	file, header, _ := r.FormFile("f")
	zr, _ := zip.NewReader(file, header.Size)
	for _, zf := range zr.File {
		if zf.UncompressedSize64 > maxEntry {
			continue
		}
		archivelib.ReadEntry(zf)
	}
}

// A tar downloaded from another service, entries read whole.
func tarDownload(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	tr := tar.NewReader(resp.Body)
	for {
		if _, err := tr.Next(); err != nil {
			return
		}
		io.ReadAll(tr) // want `io.ReadAll reads a whole \(\*tar.Reader\).Next entry of a tar archive from the response body`
	}
}

// A check after the read bounds nothing.
func checkedAfter(w http.ResponseWriter, r *http.Request) {
	file, header, _ := r.FormFile("f")
	zr, _ := zip.NewReader(file, header.Size)
	var total uint64
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		io.ReadAll(rc) // want `io.ReadAll reads a whole \(\*zip.File\).Open entry`
		total += zf.UncompressedSize64
		if total > 100<<20 {
			return
		}
	}
}

// Negatives.

// The declared size checked first: archive/zip fails a read past it.
func sizeChecked(w http.ResponseWriter, r *http.Request) {
	file, header, _ := r.FormFile("f")
	zr, _ := zip.NewReader(file, header.Size)
	for _, zf := range zr.File {
		if zf.UncompressedSize64 > maxEntry {
			return
		}
		rc, _ := zf.Open()
		io.ReadAll(rc)
	}
}

// A running total of the declared sizes, checked before any read.
func totalChecked(w http.ResponseWriter, r *http.Request) {
	file, header, _ := r.FormFile("f")
	zr, _ := zip.NewReader(file, header.Size)
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
	}
	if total > 100<<20 {
		return
	}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		io.ReadAll(rc)
	}
}

// FileInfo().Size() is the declared size too.
func fileInfoChecked(w http.ResponseWriter, r *http.Request) {
	file, header, _ := r.FormFile("f")
	zr, _ := zip.NewReader(file, header.Size)
	for _, zf := range zr.File {
		if zf.FileInfo().Size() >= maxEntry {
			continue
		}
		rc, _ := zf.Open()
		io.ReadAll(rc)
	}
}

// The upload's own size (the compressed archive) is no bound on an
// entry: still reported.
func uploadSizeChecked(w http.ResponseWriter, r *http.Request) {
	file, header, _ := r.FormFile("f")
	if header.Size > 1<<20 {
		return
	}
	zr, _ := zip.NewReader(file, header.Size)
	rc, _ := zr.File[0].Open()
	io.ReadAll(rc) // want `io.ReadAll reads a whole \(\*zip.File\).Open entry`
}

// The minio import shape: a check of the declared size in one case of a
// switch does not bound the read of another case.
func otherCase(w http.ResponseWriter, r *http.Request) {
	file, header, _ := r.FormFile("f")
	zr, _ := zip.NewReader(file, header.Size)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		sz := zf.FileInfo().Size()
		switch zf.Name {
		case "policy.json":
			if sz > maxEntry {
				continue
			}
			io.ReadAll(rc) // bounded by the check above
		case "quota.json":
			io.ReadAll(rc) // want `io.ReadAll reads a whole \(\*zip.File\).Open entry`
		}
	}
}

// hdr.Size checked before a tar entry is read.
func tarSizeChecked(w http.ResponseWriter, r *http.Request) {
	gz, _ := gzip.NewReader(r.Body)
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err != nil {
			return
		}
		if hdr.Size > maxEntry {
			return
		}
		io.ReadAll(tr)
	}
}

// A limit on the entry stream: io.LimitReader, io.LimitedReader,
// http.MaxBytesReader.
func entryLimited(w http.ResponseWriter, r *http.Request) {
	file, header, _ := r.FormFile("f")
	zr, _ := zip.NewReader(file, header.Size)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		io.ReadAll(io.LimitReader(rc, maxEntry))
		lr := &io.LimitedReader{R: rc, N: maxEntry}
		io.ReadAll(lr)
		io.ReadAll(&io.LimitedReader{rc, maxEntry})
		io.ReadAll(http.MaxBytesReader(w, rc, maxEntry))
	}
}

// Streaming an entry to a file, or copying at most n bytes.
func streamed(w http.ResponseWriter, r *http.Request, out *os.File) {
	file, header, _ := r.FormFile("f")
	zr, _ := zip.NewReader(file, header.Size)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		io.Copy(out, rc)
		var buf bytes.Buffer
		io.CopyN(&buf, rc, maxEntry)
	}
	gz, _ := gzip.NewReader(r.Body)
	tr := tar.NewReader(gz)
	for {
		if _, err := tr.Next(); err != nil {
			return
		}
		io.Copy(out, tr)
	}
}

// OpenRaw does not decompress: the raw bytes lie within the archive.
func raw(w http.ResponseWriter, r *http.Request) {
	file, header, _ := r.FormFile("f")
	zr, _ := zip.NewReader(file, header.Size)
	for _, zf := range zr.File {
		rr, _ := zf.OpenRaw()
		io.ReadAll(rr)
	}
}

// Local archives: silent unless all-sources.
func local(name string) {
	rc, _ := zip.OpenReader(name)
	defer rc.Close()
	for _, zf := range rc.File {
		f, _ := zf.Open()
		io.ReadAll(f)
	}
	osf, _ := os.Open(name)
	st, _ := osf.Stat()
	zr, _ := zip.NewReader(osf, st.Size())
	f, _ := zr.File[0].Open()
	io.ReadAll(f)
	gz, _ := gzip.NewReader(osf)
	tr := tar.NewReader(gz)
	tr.Next()
	io.ReadAll(tr)
}

// A helper called with a local archive: silent.
func localHelper(name string) {
	b, _ := os.ReadFile(name)
	unzip(b)
	archivelib.Unzip(b)
}
