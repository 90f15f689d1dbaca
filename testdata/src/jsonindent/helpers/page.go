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
func prettyJSON(r io.Reader) (string, error) { // want prettyJSON:`json.Indent indents\(\[\]byte\) intoResult`
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
	pretty, err := prettyJSON(upstream) // want `^json.Indent of \[\]byte \(any size\) via prettyJSON on a request path`
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

// Reported: the literal holding the document is the response.
func UploadFormJSON(w http.ResponseWriter, r *http.Request) {
	p := params{Filters: r.URL.Query()["filter"]}
	b, _ := json.MarshalIndent(p, "", "  ") // want `^json.MarshalIndent of params \(any size\) on a request path`
	data := &formData{Path: r.URL.Path, Params: string(b)}
	consentPage.Execute(io.Discard, data)
	json.NewEncoder(w).Encode(data)
}
