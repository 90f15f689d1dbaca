package helpers

import (
	"encoding/json"
	"net/http"
)

// JSONOK indents only when its caller asks for it (an API's ?pretty=true
// opt-in): reported at the callers that pass true, not where the pretty
// argument is false or chosen at run time.
func JSONOK(w http.ResponseWriter, v any, pretty bool) { // want JSONOK:`\(\*json.Encoder\).SetIndent indents\(1\) guard\(2\) requestPath`
	enc := json.NewEncoder(w)
	if pretty {
		enc.SetIndent("", "  ")
	}
	enc.Encode(v)
}

// finish indents a value of its own only when pretty is true.
func finish(w http.ResponseWriter, pretty bool) { // want finish:`json.MarshalIndent indents\(\[\]helpers.Record\) guard\(1\) requestPath`
	var b []byte
	if pretty {
		b, _ = json.MarshalIndent(loadAll(), "", "  ")
	} else {
		b, _ = json.Marshal(loadAll())
	}
	w.Write(b)
}

// Fine: indentation is the client's opt-in (?pretty=1): compact by
// default, and the fix would remove an API option.
func ListPretty(w http.ResponseWriter, r *http.Request) {
	finish(w, r.URL.Query().Get("pretty") == "1")
}

// Reported: the caller always asks finish to indent.
func ListAlwaysPretty(w http.ResponseWriter, r *http.Request) {
	finish(w, true) // want `^json.MarshalIndent of \[\]helpers.Record \(rows of a query\) via finish on a request path`
}

// Fine: false never indents.
func ListCompact(w http.ResponseWriter, r *http.Request) {
	finish(w, false)
}

// Fine: indentation behind the client's opt-in, in the handler itself.
func ListOptIn(w http.ResponseWriter, r *http.Request) {
	pretty := r.URL.Query().Has("pretty")
	enc := json.NewEncoder(w)
	if pretty {
		enc.SetIndent("", "  ")
	}
	enc.Encode(loadAll())
}

// Fine: indentation chosen by the request's format parameter.
func ListFormat(w http.ResponseWriter, r *http.Request) {
	switch r.FormValue("format") {
	case "pretty":
		b, _ := json.MarshalIndent(loadAll(), "", "  ")
		w.Write(b)
	default:
		json.NewEncoder(w).Encode(loadAll())
	}
}

type server struct{ prettyJSON bool }

// Fine: indentation is a configuration option, off unless the operator
// turns it on.
func (s *server) list(w http.ResponseWriter, r *http.Request) {
	if s.prettyJSON {
		b, _ := json.MarshalIndent(loadAll(), "", "  ")
		w.Write(b)
		return
	}
	json.NewEncoder(w).Encode(loadAll())
}

type options struct{ DisablePrettyJSON bool }

var opts options

// Reported: the flag turns indentation off, so it is on by default
// (pgweb's --no-pretty-json: Result.JSON indents unless DisablePrettyJSON).
func (s *server) export(w http.ResponseWriter, r *http.Request) {
	if opts.DisablePrettyJSON {
		b, _ := json.Marshal(loadAll())
		w.Write(b)
	} else {
		b, _ := json.MarshalIndent(loadAll(), "", "  ") // want `^json.MarshalIndent of \[\]Record \(rows of a query\) on a request path`
		w.Write(b)
	}
}

// Reported: the same default, written the other way round.
func (s *server) exportNot(w http.ResponseWriter, r *http.Request) {
	if !opts.DisablePrettyJSON {
		b, _ := json.MarshalIndent(loadAll(), "", "  ") // want `^json.MarshalIndent of \[\]Record \(rows of a query\) on a request path`
		w.Write(b)
		return
	}
	json.NewEncoder(w).Encode(loadAll())
}

// Reported: an error check is not an option; the indentation happens on
// every successful request.
func ListAfterCheck(w http.ResponseWriter, r *http.Request) {
	rows := loadAll()
	if rows != nil {
		b, _ := json.MarshalIndent(rows, "", "  ") // want `^json.MarshalIndent of \[\]Record \(rows of a query\) on a request path`
		w.Write(b)
	}
}

// Errors is an error envelope: a list of errors is a report, not data
// that grows with a table.
type Errors struct {
	Code   string
	Errors []error
}

// Fine: a slice of errors does not make the envelope unbounded.
func Fail(w http.ResponseWriter, errs []error) {
	b, _ := json.MarshalIndent(Errors{Code: "invalid", Errors: errs}, "", "  ")
	w.Write(b)
}

type exporter struct{ full bool }

// Reported: the condition chooses what to export, not how to format it;
// no compact form of the response exists in the function.
func (e *exporter) export(w http.ResponseWriter, r *http.Request) {
	if e.full {
		b, _ := json.MarshalIndent(loadAll(), "", "  ") // want `^json.MarshalIndent of \[\]Record \(rows of a query\) on a request path`
		w.Write(b)
	}
}

// serveJSON indents only when the query has a pretty parameter (traQ's
// ServeJSONWithETag: _, pretty := c.QueryParams()["pretty"]): the ok of
// the lookup reads the request, so the indentation is the client's
// opt-in and its callers are not reported.
func serveJSON(w http.ResponseWriter, r *http.Request, v any) {
	var b []byte
	if _, pretty := r.URL.Query()["pretty"]; pretty {
		b, _ = json.MarshalIndent(v, "", "  ")
	} else {
		b, _ = json.Marshal(v)
	}
	w.Write(b)
}

// Fine: compact unless the client asks for ?pretty.
func ListLookup(w http.ResponseWriter, r *http.Request) {
	serveJSON(w, r, loadAll())
}
