package request

import (
	"database/sql"
	"net/http"
	"strconv"

	"querylimit/rowsutil"
)

// Params are a request's paging parameters (fathom's api.Params).
type Params struct {
	SiteID int64
	Limit  int
	Offset int
}

// parseParams copies ?limit= into Params, checked only for > 0.
func parseParams(r *http.Request) Params { // want parseParams:`requestFields\(Limit\)`
	params := Params{Limit: 10}
	if l, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && l > 0 {
		params.Limit = l
	}
	return params
}

// parseClamped caps it at 100.
func parseClamped(r *http.Request) *Params {
	params := &Params{Limit: 10}
	if l, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && l > 0 && l <= 100 {
		params.Limit = l
	}
	return params
}

func pageStats(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	params := parseParams(r)
	rows, _ := db.Query("SELECT path FROM page_stats WHERE site_id = $1 ORDER BY views DESC LIMIT $2", params.SiteID, params.Limit) // want `limit from parseParams\(\.\.\.\)\.Limit reaches LIMIT \$2 with no upper bound`
	_ = rowsutil.Keep(rows)
}

// Fine: the parser clamps the field.
func pageStatsClamped(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	params := parseClamped(r)
	rows, _ := db.Query("SELECT path FROM page_stats WHERE site_id = $1 ORDER BY views DESC LIMIT $2", params.SiteID, params.Limit)
	_ = rowsutil.Keep(rows)
}

// Fine: the handler clamps it.
func pageStatsCapped(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	params := parseParams(r)
	limit := min(params.Limit, 100)
	rows, _ := db.Query("SELECT path FROM page_stats WHERE site_id = $1 ORDER BY views DESC LIMIT $2", params.SiteID, limit)
	_ = rowsutil.Keep(rows)
}

// parseParamsPtr returns a pointer, as fathom's GetRequestParams does.
func parseParamsPtr(r *http.Request) *Params { // want parseParamsPtr:`requestFields\(Limit,Offset\)`
	params := &Params{Limit: 20}
	if l, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && l > 0 {
		params.Limit = l
	}
	if o, err := strconv.Atoi(r.URL.Query().Get("offset")); err == nil && o > 0 {
		params.Offset = o
	}
	return params
}

func referrerStats(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	params := parseParamsPtr(r)
	rows, _ := db.Query("SELECT ref FROM referrer_stats WHERE site_id = $1 LIMIT $2", params.SiteID, params.Limit) // want `limit from parseParamsPtr\(\.\.\.\)\.Limit reaches LIMIT \$2 with no upper bound`
	_ = rowsutil.Keep(rows)
}
