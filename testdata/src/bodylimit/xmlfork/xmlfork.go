// Package xmlfork decodes request bodies with forks of encoding/xml and // want package:"program\\(covered\\(4\\) starts\\(xmlfork\\.Serve\\)\\)"
// encoding/json.
package xmlfork

import (
	"errors"
	"io"
	"net/http"

	"bodylimit/xmlfork/internal/json"
	"bodylimit/xmlfork/internal/xml"
)

type lockInfo struct{ Owner string }

func lock(w http.ResponseWriter, r *http.Request) { // want lock:`reads\(1:xml.Decoder.Decode\)`
	var li lockInfo
	xml.NewDecoder(r.Body).Decode(&li) // want `xml.Decoder.Decode reads the whole request body`
}

func propfind(w http.ResponseWriter, r *http.Request) { // want propfind:`reads\(1:xml.Decoder.Decode\)`
	var pf lockInfo
	dec := xml.NewDecoder(r.Body)
	dec.Decode(&pf) // want `xml.Decoder.Decode reads the whole request body`
}

// Fine: Token reads one token at a time.
func tokens(w http.ResponseWriter, r *http.Request) {
	xml.NewDecoder(r.Body).Token()
}

// Fine: this json package's Decoder decodes bytes it is given, which
// are not the body.
func fromBytes(w http.ResponseWriter, r *http.Request) {
	var v lockInfo
	json.NewDecoder([]byte(`{}`)).Decode(&v)
}

// countingReader counts the bytes it passes on: every byte of r passes
// through it, so reading it whole reads r whole.
type countingReader struct {
	n int
	r io.Reader
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func readLockInfo(r io.Reader) (li lockInfo, err error) { // want readLockInfo:`drains\(0:xml.Decoder.Decode\)`
	c := &countingReader{r: r}
	err = xml.NewDecoder(c).Decode(&li)
	return li, err
}

func lockCounted(w http.ResponseWriter, r *http.Request) { // want lockCounted:`reads\(1:xml.Decoder.Decode\)`
	readLockInfo(r.Body) // want `readLockInfo \(xml.Decoder.Decode\) reads the whole request body`
}

// The wrapper by value, its address given to the decoder.
func propfindCounted(w http.ResponseWriter, r *http.Request) { // want propfindCounted:`reads\(1:xml.Decoder.Decode\)`
	var pf lockInfo
	c := countingReader{r: r.Body}
	xml.NewDecoder(&c).Decode(&pf) // want `xml.Decoder.Decode reads the whole request body`
}

// cappedReader stops after max bytes: a limit, so what it wraps is not
// read whole.
type cappedReader struct {
	r   io.Reader
	max int
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.max <= 0 {
		return 0, errors.New("too big")
	}
	if len(p) > c.max {
		p = p[:c.max]
	}
	n, err := c.r.Read(p)
	c.max -= n
	return n, err
}

// Fine: the wrapper bounds the body.
func lockCapped(w http.ResponseWriter, r *http.Request) {
	var li lockInfo
	xml.NewDecoder(&cappedReader{r: r.Body, max: 1 << 20}).Decode(&li)
}

func Serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("/lock", lock)
	mux.HandleFunc("/propfind", propfind)
	mux.HandleFunc("/tokens", tokens)
	mux.HandleFunc("/bytes", fromBytes)
	mux.HandleFunc("/counted", lockCounted)
	mux.HandleFunc("/counted2", propfindCounted)
	mux.HandleFunc("/capped", lockCapped)
	http.ListenAndServe(":8080", mux)
}
