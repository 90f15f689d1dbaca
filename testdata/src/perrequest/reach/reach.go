// Package reach: what a function builds runs per request when a handler
// of its package calls it, directly or through other such functions,
// outside any loop.
package reach

import (
	"context"
	"database/sql"
	"net/http"
	"sync"

	"example.com/itemspb"

	"perrequest/reachlib"
)

type settings struct {
	remote bool
	dsn    string
}

func load(ctx context.Context) settings { return settings{remote: true, dsn: "dsn"} }

// newDB is a builder: it returns what it builds.
func newDB(dsn string) (*sql.DB, error) { // want newDB:`builds\(sql.Open, direct\)`
	return sql.Open("postgres", dsn)
}

// save builds a DB only when the instance stores remotely (memos'
// SaveAttachmentBlob builds an S3 client when attachments go to S3): no
// per-call builder, but upload calls it on every request.
func save(ctx context.Context, s settings) {
	if !s.remote {
		return
	}
	db, err := newDB(s.dsn) // want `sql.DB from reach.newDB, which builds sql.Open, is built per request in reach.save, which reach.upload calls \(its own connection pool`
	if err != nil {
		return
	}
	defer db.Close()
	db.ExecContext(ctx, "INSERT INTO blobs VALUES (1)")
}

func upload(w http.ResponseWriter, r *http.Request) {
	save(r.Context(), load(r.Context()))
}

// archive returns an error and defers the DB's Close: go/ssa sends its
// returns through result variables, and its first return (nil, before the
// DB is built) still shows that it builds nothing on some calls, so it is
// no per-call builder; exportHandler reaches it.
func archive(ctx context.Context, s settings) error {
	if !s.remote {
		return nil
	}
	db, err := newDB(s.dsn) // want `sql.DB from reach.newDB, which builds sql.Open, is built per request in reach.archive, which reach.exportHandler calls`
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "INSERT INTO archive VALUES (1)")
	return err
}

func exportHandler(w http.ResponseWriter, r *http.Request) {
	if err := archive(r.Context(), load(r.Context())); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// A gRPC method reaches notify through refresh.
type server struct {
	itemspb.UnimplementedItemsServer
}

func (s *server) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	s.refresh(ctx, req.GetPageToken())
	return &itemspb.ListItemsResponse{}, nil
}

func (s *server) refresh(ctx context.Context, topic string) {
	notify(ctx, topic)
}

// notify builds a transport for each topic it is given.
func notify(ctx context.Context, topic string) {
	if topic == "" {
		return
	}
	tr := &http.Transport{} // want `http.Transport from &http.Transport{} is built per request in reach.notify, which \(reach.server\).refresh calls on the request path of \(reach.server\).ListItems`
	defer tr.CloseIdleConnections()
	(&http.Client{Transport: tr}).Get("https://example.com/" + topic)
}

// Fine: batch calls ping in a loop, and calls in loops are not followed
// (each item may carry its own configuration, as memos' presign runner
// builds an S3 client from each attachment's).
func batch(w http.ResponseWriter, r *http.Request) {
	for _, dsn := range r.URL.Query()["dsn"] {
		ping(r.Context(), dsn)
	}
}

func ping(ctx context.Context, dsn string) {
	if dsn == "" {
		return
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return
	}
	defer db.Close()
	db.PingContext(ctx)
}

// Fine: shared keeps what it builds (a package variable), so it is built
// once, not per request.
var pool *sql.DB

func shared(ctx context.Context) *sql.DB {
	if pool == nil {
		pool, _ = sql.Open("postgres", "dsn")
	}
	return pool
}

// Fine: once builds in a sync.Once's func, once per process.
var (
	onceDB   *sql.DB
	onceInit sync.Once
)

func once() *sql.DB {
	onceInit.Do(func() {
		onceDB, _ = sql.Open("postgres", "dsn")
	})
	return onceDB
}

func sharedHandler(w http.ResponseWriter, r *http.Request) {
	shared(r.Context()).PingContext(r.Context())
	once().PingContext(r.Context())
}

// Fine: a function called through a func value is not followed.
var notifyFunc = notify

func indirect(w http.ResponseWriter, r *http.Request) {
	notifyFunc(r.Context(), r.URL.Query().Get("topic"))
}

// Fine: reachlib.Lookup is in another package and builds only on some of
// its calls, so it has no fact: cross-package reach is not followed.
func remote(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(reachlib.Lookup(r.Context(), r.URL.Query().Get("v"))))
}

// Fine: probe returns a value that may hold what it builds (the response
// reads from the transport's connection; minio's newWarmBackendS3 keeps
// a transport in the credentials of the backend it returns): how long it
// lives is its callers' business, so what a function returning values
// other than errors and basic types builds is not reported (its calls
// are still followed: see login).
func probe(ctx context.Context, url string) (*http.Response, error) {
	if url == "" {
		return nil, nil
	}
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	return (&http.Client{Transport: tr}).Get(url)
}

func probeHandler(w http.ResponseWriter, r *http.Request) {
	if resp, err := probe(r.Context(), r.URL.Query().Get("url")); err == nil && resp != nil {
		resp.Body.Close()
	}
}

// login reaches syncAvatar through findUser, which returns a value: its
// calls are followed all the same (vikunja's OIDC callback reaches its
// avatar download through getOrCreateUser).
func login(w http.ResponseWriter, r *http.Request) {
	if _, err := findUser(r.Context(), r.URL.Query().Get("picture")); err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
	}
}

func findUser(ctx context.Context, picture string) (*settings, error) {
	if err := syncAvatar(ctx, picture); err != nil {
		return nil, err
	}
	return &settings{}, nil
}

func syncAvatar(ctx context.Context, picture string) error {
	if picture == "" {
		return nil
	}
	tr := &http.Transport{} // want `http.Transport from &http.Transport{} is built per request in reach.syncAvatar, which reach.findUser calls on the request path of reach.login`
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Get(picture)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Fine: no handler calls startup (a program runs it once, from main).
func startup(ctx context.Context) {
	notify(ctx, "boot")
}
