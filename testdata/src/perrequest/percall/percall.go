// Package percall calls functions that build a client on every call, per
// request and otherwise.
package percall

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"perrequest/percalllib"
)

// newTransport builds a transport for its caller (a builder).
func newTransport() *http.Transport { // want newTransport:`builds\(&http.Transport{}, direct\)`
	return &http.Transport{IdleConnTimeout: time.Minute} // want `http.Transport from percall.newTransport, which builds &http.Transport{}, is built on every call of \(percall.Image\).download, which a handler calls per request`
}

type Image struct{ Transport http.RoundTripper }

// download builds a transport whenever none is configured, uses it and
// drops it (remark42's downloadImage).
func (p Image) download(ctx context.Context, url string) error { // want download:`perCall\(percall.newTransport, which builds &http.Transport{}\)`
	tr := p.Transport
	if tr == nil {
		tr = newTransport()
	}
	client := &http.Client{Transport: tr}
	defer client.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p Image) Handler(w http.ResponseWriter, r *http.Request) {
	p.download(r.Context(), r.URL.Query().Get("src"))
}

// open is a builder of DBs.
func open(dsn string) (*sql.DB, error) { // want open:`builds\(sql.Open, direct\)`
	return sql.Open("postgres", dsn) // want `sql.DB from percall.open, which builds sql.Open, is built on every call of percall.relay, which a handler calls per request`
}

// forward opens a DB per export and closes it (homebox's forwardToOTLP).
func forward(ctx context.Context) error { // want forward:`perCall\(percall.open, which builds sql.Open\)`
	db, err := open("dsn")
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "INSERT INTO spans VALUES (1)")
	return err
}

// proxy is a handler literal calling forward through a chain.
func proxy() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		relay(r.Context())
	}
}

// relay calls forward on every call: a per-call builder in its turn.
func relay(ctx context.Context) error { // want relay:`perCall\(percall.open, which builds sql.Open\)`
	return forward(ctx)
}

// counts calls another package's per-call function per request: reported
// at the call.
func counts(w http.ResponseWriter, r *http.Request) {
	percalllib.Count(r.Context(), "dsn") // want `percalllib.Count builds sql.DB from sql.Open on every call \(percalllib.go:12\), and is called per request here`
}

// cached keeps what it builds: no fact, so its callers are fine.
var cache *sql.DB

func cached() *sql.DB {
	if cache == nil {
		cache, _ = sql.Open("postgres", "dsn")
	}
	return cache
}

func usesCache(w http.ResponseWriter, r *http.Request) {
	cached().PingContext(r.Context())
}

// Fine: a job calls forward once per tick, not per request.
func job(ctx context.Context) {
	for range time.Tick(time.Minute) {
		forward(ctx)
	}
}
