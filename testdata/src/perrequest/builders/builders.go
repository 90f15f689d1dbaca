// Package builders builds clients for its callers; its facts reach
// perrequest/crosspkg.
package builders

import (
	"context"
	"database/sql"
	"net"
	"net/http"
	"os"
)

// NewSafeClient builds a client around a transport of its own on every
// call (vikunja's NewSSRFSafeHTTPClient): a builder.
func NewSafeClient() *http.Client { // want NewSafeClient:`builds\(&http.Transport\{\}\)`
	client := &http.Client{}
	transport := &http.Transport{MaxIdleConns: 10}
	client.Transport = transport
	return client
}

// Client wraps a pool of its own (memos' s3.NewClient).
type Client struct{ db *sql.DB }

// NewClient returns the pool inside a Client it builds: a builder.
func NewClient(dsn string) (*Client, error) { // want NewClient:`builds\(sql.Open\)`
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return &Client{db: db}, nil
}

// Open returns the pool itself: a direct builder.
func Open(dsn string) (*sql.DB, error) { // want Open:`builds\(sql.Open, direct\)`
	return sql.Open("postgres", dsn)
}

var shared *http.Client

// Shared returns the one client it keeps: no builder.
func Shared() *http.Client {
	if shared == nil {
		shared = &http.Client{Transport: &http.Transport{}}
	}
	return shared
}

var cached = map[string]*sql.DB{}

// Cached keeps what it builds, and may return one it did not build: no
// builder.
func Cached(dsn string) *sql.DB {
	if db, ok := cached[dsn]; ok {
		return db
	}
	db, _ := sql.Open("postgres", dsn)
	cached[dsn] = db
	return db
}

// OrDefault returns a new client or the default one: no builder.
func OrDefault(custom bool) *http.Client {
	if custom {
		return &http.Client{Transport: &http.Transport{}}
	}
	return http.DefaultClient
}

var opened []*sql.DB

// Registered also keeps each pool it builds, for a shutdown hook to close:
// the caller is not its only holder, so no builder (precision first).
func Registered(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	opened = append(opened, db)
	return db, nil
}

// Conn holds a pool and the session's history.
type Conn struct {
	db      *sql.DB
	history []string
}

func (c *Conn) init() { c.history = []string{} }

// NewConn returns the Conn it builds, once initialised (pgweb's
// client.NewFromUrl): a builder, not a function that drops what it builds.
func NewConn(dsn string) (*Conn, error) { // want NewConn:`builds\(sql.Open\)`
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	conn := Conn{db: db}
	conn.init()
	return &conn, nil
}

// pinning is a RoundTripper of the package's own around a base transport.
type pinning struct {
	base http.RoundTripper
	deny []string
}

func (p *pinning) RoundTrip(r *http.Request) (*http.Response, error) { return p.base.RoundTrip(r) }

// NewPinnedClient clones the default transport, sets its dialer, and
// returns a client whose RoundTripper of the package's own holds it
// (gotenberg's NewOutboundHttpClient): a builder.
func NewPinnedClient(viaProxy bool, deny []string) *http.Client { // want NewPinnedClient:`builds\(\(http.Transport\).Clone\)`
	base := http.DefaultTransport.(*http.Transport).Clone()
	if viaProxy {
		base.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		}
	} else {
		base.Proxy = nil
	}
	return &http.Client{Transport: &pinning{base: base, deny: deny}}
}

// keepAlivesFromEnv is set from the environment at start-up; false unless
// the operator asks.
var keepAlivesFromEnv = os.Getenv("DISABLE_KEEP_ALIVES") != ""

// NewTransport turns keep-alives off only when the operator asks (keda's
// CreateHTTPTransportWithTLSConfig): by default the transport it returns
// keeps its idle pool, so it is a builder.
func NewTransport() *http.Transport { // want NewTransport:`builds\(&http.Transport\{\}, direct\)`
	t := &http.Transport{Proxy: http.ProxyFromEnvironment}
	if keepAlivesFromEnv {
		t.DisableKeepAlives = true
	}
	return t
}

// NewOneShotTransport turns keep-alives off on every path: each
// connection closes after its request, so it is no builder.
func NewOneShotTransport() *http.Transport {
	t := &http.Transport{Proxy: http.ProxyFromEnvironment}
	t.DisableKeepAlives = true
	return t
}
