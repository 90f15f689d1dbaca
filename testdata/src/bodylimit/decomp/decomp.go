// Package decomp: decompressed network streams read whole. // want package:"program\\(reads\\(decomp\\.logRequest,decomp\\.logRequest2\\) through\\(2\\)\\)"
package decomp

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"io"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/golang/snappy"
	"github.com/klauspost/compress/zstd"
)

// A gzip request body read whole, in a handler never registered here:
// the decompression is the bug whatever the wiring.
func gzipBody(w http.ResponseWriter, r *http.Request) {
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		return
	}
	io.ReadAll(zr) // want `io.ReadAll reads the whole gzip-decompressed request body with no limit after decompression, and deflate expands about 1,000-fold on repetitive data \(1 MiB to 1 GiB\); read it through io.LimitReader on the decompressed stream`
}

// A limit before decompression does not count.
func limitBefore(w http.ResponseWriter, r *http.Request) { // want limitBefore:`limits\(1\)`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	zr, _ := gzip.NewReader(r.Body)
	var v map[string]any
	json.NewDecoder(zr).Decode(&v) // want `json.Decoder.Decode reads the whole gzip-decompressed request body`
}

// A limit after decompression bounds it: silent.
func limitAfter(w http.ResponseWriter, r *http.Request) {
	zr, _ := gzip.NewReader(r.Body)
	io.ReadAll(io.LimitReader(zr, 1<<20))
}

// The colly shape: the body limited, then decompressed, in one variable.
func fetch(url string) ([]byte, error) {
	res, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var body io.Reader = res.Body
	body = io.LimitReader(body, 10<<20)
	body, err = gzip.NewReader(body)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(body) // want `io.ReadAll reads the whole gzip-decompressed response body`
}

// The prometheus shape: decompressed, then read through a limit.
func otlp(r *http.Request) ([]byte, error) {
	var reader io.Reader = r.Body
	if r.Header.Get("Content-Encoding") == "gzip" {
		gr, err := gzip.NewReader(reader)
		if err != nil {
			return nil, err
		}
		reader = gr
	}
	return io.ReadAll(io.LimitReader(reader, 32<<20))
}

func zlibCopy(resp *http.Response) {
	zr, _ := zlib.NewReader(resp.Body)
	var buf bytes.Buffer
	io.Copy(&buf, zr) // want `io.Copy into a bytes.Buffer reads the whole zlib-decompressed response body`
}

func flateReadFrom(r *http.Request) {
	var buf bytes.Buffer
	buf.ReadFrom(flate.NewReader(bufio.NewReader(r.Body))) // want `\(\*bytes.Buffer\).ReadFrom reads the whole flate-decompressed request body`
}

func zstdGin(c *gin.Context) {
	d, _ := zstd.NewReader(c.Request.Body)
	io.ReadAll(d) // want `io.ReadAll reads the whole zstd-decompressed request body with no limit after decompression, and zstd expands over 30,000-fold on repetitive data \(32 KiB to 1 GiB\)`
}

func snappyBody(r *http.Request) {
	io.ReadAll(snappy.NewReader(r.Body)) // want `io.ReadAll reads the whole snappy-decompressed request body with no limit after decompression, and snappy expands up to about 21-fold \(48 MiB to 1 GiB\)`
}

// Streaming the decompressed bytes to a file: silent.
func toFile(r *http.Request, f *os.File) {
	zr, _ := gzip.NewReader(r.Body)
	io.Copy(f, zr)
}

// A local file: silent unless all-sources.
func localFile(name string) {
	f, _ := os.Open(name)
	zr, _ := gzip.NewReader(f)
	io.ReadAll(zr)
}

// readBody reads a body whole and hands back its bytes and a fresh body:
// a helper of the package whose result is the request's bytes.
func readBody(r io.ReadCloser) ([]byte, io.ReadCloser, error) { // want readBody:`drains\(0:\(\*bytes.Buffer\).ReadFrom\)`
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, r, err
	}
	return buf.Bytes(), io.NopCloser(bytes.NewReader(buf.Bytes())), nil
}

// readAllOf is another: io.ReadAll's result returned.
func readAllOf(r io.Reader) ([]byte, error) { // want readAllOf:`drains\(0:io.ReadAll\)`
	b, err := io.ReadAll(r)
	return b, err
}

// logRequest decompresses the bytes readBody returned (OPA's logging
// handler): a bomb expands whole. r.Body = body is no limit: readBody
// hands back a copy, or the body itself when it fails; and readBody's
// read is a whole read of the body (not reported here: never registered).
func logRequest(w http.ResponseWriter, r *http.Request) { // want logRequest:`reads\(1:\(\*bytes.Buffer\).ReadFrom\)`
	bs, body, err := readBody(r.Body)
	if err != nil {
		return
	}
	r.Body = body
	zr, err := gzip.NewReader(bytes.NewReader(bs))
	if err != nil {
		return
	}
	io.ReadAll(zr) // want `io.ReadAll reads the whole gzip-decompressed request body`
}

// logRequest2 does the same through readAllOf, which reads the body whole
// before it is decompressed (not reported here: never registered).
func logRequest2(w http.ResponseWriter, r *http.Request) { // want logRequest2:`reads\(1:io.ReadAll\)`
	bs, _ := readAllOf(r.Body)
	zr, _ := gzip.NewReader(bytes.NewReader(bs))
	io.ReadAll(zr) // want `io.ReadAll reads the whole gzip-decompressed request body`
}

// firstLine returns bytes of its own, not the stream's: the bytes it
// returns are no request bytes.
func firstLine(r io.Reader) ([]byte, error) {
	line, err := bufio.NewReader(r).ReadBytes('\n')
	return line, err
}

// logFirstLine is fine: the bytes come from firstLine, which returns no
// whole read of its parameter.
func logFirstLine(w http.ResponseWriter, r *http.Request) {
	bs, _ := firstLine(r.Body)
	zr, _ := gzip.NewReader(bytes.NewReader(bs))
	io.ReadAll(zr)
}
