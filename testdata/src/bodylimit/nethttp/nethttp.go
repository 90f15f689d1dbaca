// Package nethttp: net/http handlers on routers wired in this package. // want package:"program\\(limits defaultMux reads\\(nethttp\\.neverRegistered,nethttp\\.wrappedRead,nethttp\\.wrappedRead2,nethttp\\.returnedRead,nethttp\\.handlerSetRead,nethttp\\.passedServerRead\\) covered\\(23\\)\\)"
package nethttp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/ioutil"
	"net/http"
	"net/http/httputil"
	"os"
	"strings"
)

type item struct{ Name string }

func readAll(w http.ResponseWriter, r *http.Request) { // want readAll:`reads\(1:io.ReadAll\)`
	b, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body into memory with no limit on this route, so a client decides its size; bound it first with r.Body = http.MaxBytesReader\(w, r.Body, 1<<20\)`
	w.Write(b)
}

func ioutilReadAll(w http.ResponseWriter, r *http.Request) { // want ioutilReadAll:`reads\(1:ioutil.ReadAll\)`
	b, _ := ioutil.ReadAll(r.Body) // want `ioutil.ReadAll reads the whole request body`
	w.Write(b)
}

func decodeChained(w http.ResponseWriter, r *http.Request) { // want decodeChained:`reads\(1:json.Decoder.Decode\)`
	var it item
	json.NewDecoder(r.Body).Decode(&it) // want `json.Decoder.Decode reads the whole request body`
}

func decodeVar(w http.ResponseWriter, r *http.Request) { // want decodeVar:`reads\(1:xml.Decoder.Decode\)`
	var it item
	dec := xml.NewDecoder(r.Body)
	dec.Decode(&it) // want `xml.Decoder.Decode reads the whole request body`
}

func readFrom(w http.ResponseWriter, r *http.Request) { // want readFrom:`reads\(1:\(\*bytes.Buffer\).ReadFrom\)`
	var buf bytes.Buffer
	buf.ReadFrom(r.Body) // want `\(\*bytes.Buffer\).ReadFrom reads the whole request body`
}

func copyToBuilder(w http.ResponseWriter, r *http.Request) { // want copyToBuilder:`reads\(1:io.Copy into a strings.Builder\)`
	var sb strings.Builder
	io.Copy(&sb, r.Body) // want `io.Copy into a strings.Builder reads the whole request body`
}

// A bufio.Writer over a bytes.Buffer ends in memory too (go-admin's
// request logger).
func copyToBuffered(w http.ResponseWriter, r *http.Request) { // want copyToBuffered:`reads\(1:io.Copy into a bufio.Writer over a bytes.Buffer\)`
	bf := bytes.NewBuffer(nil)
	wt := bufio.NewWriter(bf)
	io.Copy(wt, r.Body) // want `io.Copy into a bufio.Writer over a bytes.Buffer reads the whole request body`
}

// Fine: a bufio.Writer over a file streams the body to disk.
func copyToBufferedFile(w http.ResponseWriter, r *http.Request) {
	f, _ := os.Create("/tmp/upload")
	defer f.Close()
	io.Copy(bufio.NewWriter(f), r.Body)
}

func bodyAlias(w http.ResponseWriter, r *http.Request) { // want bodyAlias:`reads\(1:io.ReadAll\)`
	body := r.Body
	io.ReadAll(body) // want `io.ReadAll reads the whole request body`
}

// decodeJSON is a helper: silent itself, its fact carries the read to the
// handlers that call it.
func decodeJSON(r *http.Request, v any) error { // want decodeJSON:`reads\(0:json.Decoder.Decode\)`
	return json.NewDecoder(r.Body).Decode(v)
}

func viaHelper(w http.ResponseWriter, r *http.Request) { // want viaHelper:`reads\(1:json.Decoder.Decode\)`
	var it item
	decodeJSON(r, &it) // want `^decodeJSON \(json.Decoder.Decode\) reads the whole request body`
}

// Negatives.

// The handler bounds its body first.
func limited(w http.ResponseWriter, r *http.Request) { // want limited:`limits\(1\)`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	io.ReadAll(r.Body)
}

// The read goes through io.LimitReader.
func limitReader(w http.ResponseWriter, r *http.Request) {
	io.ReadAll(io.LimitReader(r.Body, 1<<20))
}

// limitBody is a helper that bounds the body it is given.
func limitBody(w http.ResponseWriter, r *http.Request) { // want limitBody:`limits\(1\)`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
}

// The body is bounded by a helper (fact) before the read.
func limitedByHelper(w http.ResponseWriter, r *http.Request) { // want limitedByHelper:`limits\(1\)`
	limitBody(w, r)
	io.ReadAll(r.Body)
}

// Streaming to a file holds nothing.
func stream(w http.ResponseWriter, r *http.Request) {
	f, _ := os.Create("/tmp/x")
	defer f.Close()
	io.Copy(f, r.Body)
}

// Streaming JSON tokens holds one token at a time.
func tokens(w http.ResponseWriter, r *http.Request) {
	dec := json.NewDecoder(r.Body)
	for {
		if _, err := dec.Token(); err != nil {
			return
		}
	}
}

// Putting the bytes back after an unbounded read is not a limit: the read
// before it is reported.
func rewind(w http.ResponseWriter, r *http.Request) { // want rewind:`reads\(1:io.ReadAll\)`
	b, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
	r.Body = io.NopCloser(bytes.NewReader(b))
}

// Never registered in the analysed code: the limit may be in wiring the
// pass does not see; silent (its fact still says it reads).
func neverRegistered(w http.ResponseWriter, r *http.Request) { // want neverRegistered:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body)
}

type api struct{}

func (api) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
}

func (api) create(w http.ResponseWriter, r *http.Request) { // want create:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
}

// A mux made and served here with no limit: every route is reported.
func serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /a", readAll)
	mux.HandleFunc("POST /b", ioutilReadAll)
	mux.HandleFunc("POST /c", decodeChained)
	mux.HandleFunc("POST /d", decodeVar)
	mux.HandleFunc("POST /e", readFrom)
	mux.HandleFunc("POST /f", copyToBuilder)
	mux.HandleFunc("POST /buffered", copyToBuffered)
	mux.HandleFunc("POST /buffered-file", copyToBufferedFile)
	mux.HandleFunc("POST /g", bodyAlias)
	mux.HandleFunc("POST /h", viaHelper)
	mux.HandleFunc("POST /i", limited)
	mux.HandleFunc("POST /j", limitReader)
	mux.HandleFunc("POST /k", limitedByHelper)
	mux.HandleFunc("POST /l", stream)
	mux.HandleFunc("POST /m", tokens)
	mux.HandleFunc("POST /n", rewind)
	mux.Handle("POST /o", api{})
	mux.HandleFunc("POST /p", api{}.create)
	mux.HandleFunc("POST /r", dumpingHandler)
	mux.HandleFunc("POST /q", func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
	})
	http.ListenAndServe(":8080", mux)
}

func wrappedRead(w http.ResponseWriter, r *http.Request) { // want wrappedRead:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body)
}

// The whole mux is wrapped in http.MaxBytesHandler: silent.
func serveMaxBytesHandler() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /a", wrappedRead)
	http.ListenAndServe(":8080", http.MaxBytesHandler(mux, 1<<20))
}

func wrappedRead2(w http.ResponseWriter, r *http.Request) { // want wrappedRead2:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body)
}

// The mux is handed to something the pass does not follow: silent.
func serveWrapped(wrap func(http.Handler) http.Handler) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /a", wrappedRead2)
	http.ListenAndServe(":8080", wrap(mux))
}

func returnedRead(w http.ResponseWriter, r *http.Request) { // want returnedRead:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body)
}

// The mux is returned, not served here: the caller may limit it.
func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /a", returnedRead)
	return mux
}

func defaultMuxRead(w http.ResponseWriter, r *http.Request) { // want defaultMuxRead:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
}

// The default ServeMux, served here.
func serveDefault() {
	http.HandleFunc("/upload", defaultMuxRead)
	http.ListenAndServe(":8080", nil)
}

func serverRead(w http.ResponseWriter, r *http.Request) { // want serverRead:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
}

// An http.Server literal serving the mux.
func serveServer() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", serverRead)
	srv := &http.Server{Addr: ":8080", Handler: mux}
	srv.ListenAndServe()
}

func zeroServerRead(w http.ResponseWriter, r *http.Request) { // want zeroServerRead:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
}

// An http.Server with no Handler serves the default ServeMux.
func serveZeroServer() {
	http.HandleFunc("/zero", zeroServerRead)
	var srv http.Server
	srv.Addr = ":8080"
	srv.ListenAndServe()
}

func goServerRead(w http.ResponseWriter, r *http.Request) { // want goServerRead:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
}

// The same with a literal without Handler, served in a goroutine.
func serveInGoroutine() {
	http.HandleFunc("/go", goServerRead)
	srv := &http.Server{Addr: ":8080"}
	go func() {
		srv.ListenAndServe()
	}()
	defer srv.Close()
}

func handlerSetRead(w http.ResponseWriter, r *http.Request) { // want handlerSetRead:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // fine: the server's Handler is set below, not the default mux
}

// The Handler is set after the literal: the default mux is not served.
func serveHandlerSet(h http.Handler) {
	http.HandleFunc("/set", handlerSetRead)
	srv := &http.Server{Addr: ":8080"}
	srv.Handler = http.MaxBytesHandler(h, 1<<20)
	srv.ListenAndServe()
}

func passedServerRead(w http.ResponseWriter, r *http.Request) { // want passedServerRead:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // fine: the server is handed to configure, which may set its Handler
}

// The server is passed on: its Handler may be set there.
func servePassed(configure func(*http.Server)) {
	http.HandleFunc("/passed", passedServerRead)
	srv := &http.Server{Addr: ":8080"}
	configure(srv)
	srv.ListenAndServe()
}

// fail dumps the request on errors: httputil.DumpRequest sets the body to
// nil or to a copy of what it read, then restores the saved body, which
// bounds nothing (cfssl's multirootca).
func fail(w http.ResponseWriter, r *http.Request) {
	dump, _ := httputil.DumpRequest(r, true)
	w.Write(dump)
}

// dumpingHandler's read is unbounded: fail, called on another path, is no
// limit. It runs for POST only (!GET in its fact).
func dumpingHandler(w http.ResponseWriter, r *http.Request) { // want dumpingHandler:`reads\(1:io.ReadAll!GET\)`
	if r.Method != http.MethodPost {
		fail(w, r)
		return
	}
	io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
}

// Reading the copy again, in a closure, holds nothing the first read does
// not: the one read is reported, once.
func rewindClosure(w http.ResponseWriter, r *http.Request) { // want rewindClosure:`reads\(1:io.ReadAll\)`
	b, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
	r.Body = io.NopCloser(bytes.NewReader(b))
	func() {
		var it item
		json.NewDecoder(r.Body).Decode(&it)
	}()
}

func serveRewind() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /n2", rewindClosure)
	http.ListenAndServe(":8081", mux)
}
