// Package crosspkg: escape through facts of another package.
package crosspkg

import (
	"database/sql"
	"net/http"
	"sync"
	"time"

	"perrequest/builders"
	"perrequest/helper"
)

// registered: helper.Register keeps it (fact retains(0)).
func registered(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn")
	helper.Register(db)
}

// kept: (*helper.Store).Keep keeps its parameter 1 (receiver excluded).
func kept(s *helper.Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db, _ := sql.Open("postgres", "dsn")
		s.Keep("x", db)
	}
}

// wrapped: NewStore returns a wrapper of db, which is dropped: per request.
func wrapped(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") // want `sql.DB from sql.Open is built per request and never closed`
	st := helper.NewStore(db)
	_ = st
}

// pinged: Ping only uses it.
func pinged(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") // want `sql.DB from sql.Open is built per request`
	defer db.Close()
	helper.Ping(db)
}

// safeFetch builds a client around a new transport per request through
// another package's builder.
func safeFetch(w http.ResponseWriter, r *http.Request) {
	resp, err := builders.NewSafeClient().Get("https://example.com") // want `http.Client from builders.NewSafeClient, which builds &http.Transport\{\}, is built per request \(its own`
	if err == nil {
		resp.Body.Close()
	}
}

// perRequestStore: a Client holding a pool of its own, per request.
func perRequestStore(w http.ResponseWriter, r *http.Request) {
	c, err := builders.NewClient("dsn") // want `builders.Client from builders.NewClient, which builds sql.Open, is built per request`
	if err != nil {
		return
	}
	_ = c
}

// Fine: Shared keeps its one client and Cached one per DSN, so neither is
// a builder; a call per request builds nothing each time.
func sharedFetch(w http.ResponseWriter, r *http.Request) {
	builders.Shared().Get("https://example.com")
	db := builders.Cached("dsn")
	_ = db
}

// Fine: the built client is kept in a field, one for the server's life.
type server struct{ client *http.Client }

func (s *server) lazy(w http.ResponseWriter, r *http.Request) {
	if s.client == nil {
		s.client = builders.NewSafeClient()
	}
	s.client.Get("https://example.com")
}

// A direct builder's pool per request, closed: reported (Open builds one
// each call); never closed, it would be left to unclosed.
func perRequestOpen(w http.ResponseWriter, r *http.Request) {
	db, err := builders.Open("dsn") // want `sql.DB from builders.Open, which builds sql.Open, is built per request`
	if err != nil {
		return
	}
	defer db.Close()
	db.Ping()
}

// Fine: OrDefault may return the shared default client.
func maybeDefault(w http.ResponseWriter, r *http.Request) {
	builders.OrDefault(r.URL.Query().Has("custom")).Get("https://example.com")
}

// Fine: a builder in a loop is given each item's configuration; only its
// calls per request are reported.
func perItem(dsns []string) {
	for _, dsn := range dsns {
		c, err := builders.NewClient(dsn)
		if err != nil {
			continue
		}
		_ = c
	}
}

// fetchAll fetches each URL the request names with a new client
// (gotenberg's downloadFrom, one goroutine per URL): a builder in a loop
// of a handler builds one per request at least, one for each URL.
func fetchAll(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	for _, u := range r.URL.Query()["url"] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := builders.NewSafeClient().Get(u) // want `http.Client from builders.NewSafeClient, which builds &http.Transport\{\}, is built per request, once for each iteration of a loop \(its own`
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
}

// Fine: a builder in a loop of a handler that waits between tries: one
// client per interval.
func fetchRetry(w http.ResponseWriter, r *http.Request) {
	for {
		resp, err := builders.NewSafeClient().Get("https://example.com")
		if err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(time.Second)
	}
}

var (
	current  *builders.Client
	sessions = map[string]*builders.Client{}
)

// Fine: the client another package's builder returns is kept in a package
// variable, the session's connection (pgweb's ConnectWithBackend).
func connect(w http.ResponseWriter, r *http.Request) {
	c, err := builders.NewClient(r.FormValue("dsn"))
	if err != nil {
		return
	}
	current = c
}

// Fine: kept in a map of sessions.
func connectSession(w http.ResponseWriter, r *http.Request) {
	c, err := builders.NewClient(r.FormValue("dsn"))
	if err != nil {
		return
	}
	sessions[r.FormValue("id")] = c
}

// Fine: returned to the caller, which decides (pgweb's ConnectWithURL);
// so it is a builder itself, and its callers are judged.
func connectWithURL(r *http.Request) (*builders.Client, error) { // want connectWithURL:`builds\(sql.Open\)`
	return builders.NewClient(r.FormValue("dsn"))
}

var conns = map[string]*builders.Conn{}

// Fine: the session's connection, kept (pgweb's ConnectWithBackend).
func connectConn(w http.ResponseWriter, r *http.Request) {
	c, err := builders.NewConn(r.FormValue("dsn"))
	if err != nil {
		return
	}
	conns[r.FormValue("id")] = c
}

// signer is a RoundTripper that builds a client for every request it
// sends (keda's AWS SigV4 round tripper built an http.Transport in
// RoundTrip): RoundTrip runs once per outgoing request.
type signer struct{}

func (signer) RoundTrip(req *http.Request) (*http.Response, error) {
	return builders.NewSafeClient().Do(req) // want `http.Client from builders.NewSafeClient, which builds &http.Transport\{\}, is built per outgoing request \(in RoundTrip\) \(its own`
}

// directSigner builds the transport itself.
type directSigner struct{}

func (directSigner) RoundTrip(req *http.Request) (*http.Response, error) {
	t := &http.Transport{} // want `http.Transport from &http.Transport\{\} is built per outgoing request \(in RoundTrip\)`
	return t.RoundTrip(req)
}

// Fine: the transport is built once and kept by the round tripper.
type sharedSigner struct{ base *http.Transport }

func (s sharedSigner) RoundTrip(req *http.Request) (*http.Response, error) {
	return s.base.RoundTrip(req)
}

// Fine: a method named RoundTrip that is not http.RoundTripper's (no
// *http.Response result) is not known to run per request.
type probe struct{}

func (probe) RoundTrip(req *http.Request) error {
	t := &http.Transport{}
	defer t.CloseIdleConnections()
	_, err := t.RoundTrip(req)
	return err
}

// envSigner builds its transport with a builder that turns keep-alives
// off only when the operator asks (keda's SigV4 round tripper calls
// CreateHTTPTransport): by default each request leaves an idle pool.
type envSigner struct{}

func (envSigner) RoundTrip(req *http.Request) (*http.Response, error) {
	t := builders.NewTransport() // want `http.Transport from builders.NewTransport, which builds &http.Transport\{\}, is built per outgoing request \(in RoundTrip\) and never closed`
	return t.RoundTrip(req)
}

// Fine: the builder turns keep-alives off on every path, so each
// connection closes after its request and no pool stays.
type oneShotSigner struct{}

func (oneShotSigner) RoundTrip(req *http.Request) (*http.Response, error) {
	t := builders.NewOneShotTransport()
	return t.RoundTrip(req)
}
