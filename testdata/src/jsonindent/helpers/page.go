package helpers

import (
	"bytes"
	"encoding/json"
	"html/template"
	"io"
	"net/http"
)

var consentPage = template.Must(template.New("consent").Parse(`<pre>{{.Request}}</pre>`))

// prettyJSON indents what it reads into a string.
func prettyJSON(r io.Reader) (string, error) { // no fact: the bytes it indents are an upstream body, not rows of a query
	raw, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// Fine: the indented document is template data, shown in a page for a
// person to read; the indentation is what the page displays.
func Consent(w http.ResponseWriter, r *http.Request, upstream io.Reader) {
	pretty, err := prettyJSON(upstream)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	consentPage.Execute(w, struct{ Request string }{pretty})
}

// Reported: the same document written as the response itself.
func ConsentJSON(w http.ResponseWriter, r *http.Request, upstream io.Reader) {
	pretty, err := prettyJSON(upstream) // silent: prettyJSON indents an upstream body, no rows of a query
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	io.WriteString(w, pretty)
}

type formData struct {
	Path   string
	Params string
}

type params struct{ Filters []string }

// Fine: the indented document is a field of the template's data, shown
// on the page (imagor's upload form).
func UploadForm(w http.ResponseWriter, r *http.Request) {
	p := params{Filters: r.URL.Query()["filter"]}
	b, _ := json.MarshalIndent(p, "", "  ")
	data := formData{Path: r.URL.Path, Params: string(b)}
	var buf bytes.Buffer
	if err := consentPage.Execute(&buf, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(buf.Bytes())
}

// The literal holding the document is the response, but the request's
// filters are no rows of a query: silent.
func UploadFormJSON(w http.ResponseWriter, r *http.Request) {
	p := params{Filters: r.URL.Query()["filter"]}
	b, _ := json.MarshalIndent(p, "", "  ") // silent: the request's filters, no rows of a query
	data := &formData{Path: r.URL.Path, Params: string(b)}
	consentPage.Execute(io.Discard, data)
	json.NewEncoder(w).Encode(data)
}
