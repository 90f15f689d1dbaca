// Package percall calls functions that build a client on every call, per
// request and otherwise.
package percall

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"strings"
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

// exporter is what newExporter returns: a pool for one protocol, a plain
// HTTP client for the other.
type exporter interface{ Shutdown() error }

type dbExporter struct{ db *sql.DB }

func (e *dbExporter) Shutdown() error { return e.db.Close() }

type httpExporter struct{ c *http.Client }

func (e *httpExporter) Shutdown() error { return nil }

// newExporter returns a fresh wrapper on every path, a pool in one of
// them (homebox's createProxyClient): a builder, since which one it builds
// is configuration, not a cache.
func newExporter(proto string) (exporter, error) { // want newExporter:`builds\(sql.Open\)`
	if proto == "http" {
		return &httpExporter{c: &http.Client{}}, nil
	}
	db, err := sql.Open("postgres", "dsn") // want `percall.exporter from percall.newExporter, which builds sql.Open, is built on every call of percall.export, which a handler calls per request`
	if err != nil {
		return nil, err
	}
	return &dbExporter{db: db}, nil
}

// export builds an exporter per call and shuts it down (homebox's
// forwardToOTLP).
func export(ctx context.Context) error { // want export:`perCall\(percall.newExporter, which builds sql.Open\)`
	e, err := newExporter("grpc")
	if err != nil {
		return err
	}
	defer e.Shutdown()
	return nil
}

func exportHandler(w http.ResponseWriter, r *http.Request) {
	export(r.Context())
}

type remoteConfig struct{ client *http.Client }

// httpClient sets the config's client up once and keeps it (gatus'
// getHTTPClient, whose set-up validates a token with a client of its
// own): what it builds under the nil check is built once, so it is no
// per-call builder and its callers are fine.
func (c *remoteConfig) httpClient(ctx context.Context) *http.Client {
	if c.client == nil {
		relay(ctx)
		c.client = &http.Client{}
	}
	return c.client
}

func remoteStatus(ctx context.Context, c *remoteConfig) {
	c.httpClient(ctx).Get("https://example.com/status")
}

func statusHandler(c *remoteConfig) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		remoteStatus(r.Context(), c)
	}
}

// fetchEnv fetches a value over HTTP with a transport of its own on every
// call that succeeds: its error returns do not count against it.
func fetchEnv(ctx context.Context, url string) (string, error) { // want fetchEnv:`perCall\(&http.Transport{}\)`
	if !strings.HasPrefix(url, "env://") {
		return "", os.ErrInvalid
	}
	tr := &http.Transport{IdleConnTimeout: time.Second} // want `http.Transport from &http.Transport{} is built on every call of percall.fetchEnv, which is called per request in percall.lookupEnv, which percall.envHandler calls`
	defer tr.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, "GET", "https"+url[3:], nil)
	if err != nil {
		return "", err
	}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		return "", err
	}
	return resp.Status, resp.Body.Close()
}

// lookupEnv fetches only when the value names a remote one (minio's
// env.LookupEnv): most calls build nothing, so it is no per-call builder,
// and callers in other packages are not told it builds anything.
func lookupEnv(ctx context.Context, key string) string {
	v := os.Getenv(key)
	if strings.HasPrefix(v, "env://") {
		if fetched, err := fetchEnv(ctx, v); err == nil {
			return fetched
		}
	}
	return v
}

// A handler of the same package calls lookupEnv: what lookupEnv builds on
// the requests that take its remote path is built per request, as it
// would be were lookupEnv's body written in the handler.
func envHandler(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(lookupEnv(r.Context(), "REGION")))
}

// audit opens a DB on every call and closes it.
func audit(ctx context.Context) error { // want audit:`perCall\(sql.Open\)`
	db, err := sql.Open("postgres", "audit") // want `sql.DB from sql.Open is built on every call of percall.audit, which RoundTrip calls for every request the client sends`
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "INSERT INTO audit VALUES (1)")
	return err
}

// audited is a RoundTripper that records each request it sends with
// audit: one DB per outgoing request.
type audited struct{ base http.RoundTripper }

func (a audited) RoundTrip(req *http.Request) (*http.Response, error) {
	audit(req.Context())
	return a.base.RoundTrip(req)
}

// counted counts with another package's per-call function for every
// request it sends: reported at the call.
type counted struct{ base http.RoundTripper }

func (c counted) RoundTrip(req *http.Request) (*http.Response, error) {
	percalllib.Count(req.Context(), "dsn") // want `percalllib.Count builds sql.DB from sql.Open on every call \(percalllib.go:12\), and is called for every request RoundTrip sends here`
	return c.base.RoundTrip(req)
}

// countAll counts in each database the request names: another package's
// per-call function called in a loop of a handler builds a pool per
// request, one for each name.
func countAll(w http.ResponseWriter, r *http.Request) {
	for _, name := range r.URL.Query()["db"] {
		percalllib.Count(r.Context(), name) // want `percalllib.Count builds sql.DB from sql.Open on every call \(percalllib.go:12\), and is called per request here in a loop`
	}
}

// Fine: a loop off the request path, whose items may each carry their own
// configuration.
func countEach(ctx context.Context, dsns []string) {
	for _, dsn := range dsns {
		percalllib.Count(ctx, dsn)
	}
}

// Fine: a retry loop in a handler, paced by a timer: one pool per
// interval, not per item.
func countRetry(w http.ResponseWriter, r *http.Request) {
	for {
		if _, err := percalllib.Count(r.Context(), "dsn"); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}
