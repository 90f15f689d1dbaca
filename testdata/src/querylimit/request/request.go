// Package request exercises limits taken from the request.
package request

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"gorm.io/gorm"

	"querylimit/rowsutil"
)

type Row struct{ ID int }

func stdlib(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", limit) // want `limit from r.URL.Query\(\).Get\("limit"\) reaches LIMIT \$1 with no upper bound`
	_ = rowsutil.Keep(rows)
}

// Fine: clamped with an inline if.
func inlineIf(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", limit)
	rows.Close()
}

// Fine: rejected above the bound.
func reject(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	limit, err := strconv.Atoi(r.FormValue("limit"))
	if err != nil || limit > 500 {
		http.Error(w, "bad limit", http.StatusBadRequest)
		return
	}
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT ?", limit)
	rows.Close()
}

// Fine: min with a constant.
func withMin(r *http.Request, db *sql.DB) {
	limit, _ := strconv.Atoi(r.PathValue("n"))
	rows, _ := db.Query(fmt.Sprintf("SELECT id FROM t ORDER BY id LIMIT %d", min(limit, 200)))
	rows.Close()
}

func sprintfUnclamped(r *http.Request, db *sql.DB) {
	limit, _ := strconv.Atoi(r.PathValue("n"))
	rows, _ := db.Query(fmt.Sprintf("SELECT id FROM t ORDER BY id LIMIT %d", limit)) // want `limit from r.PathValue\("n"\) reaches LIMIT with no upper bound`
	_ = rowsutil.Keep(rows)
}

func wrongVariable(c *gin.Context, db *gorm.DB) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	size, _ := strconv.Atoi(c.DefaultQuery("size", "20"))
	if size > 100 {
		size = 100
	}
	var rows []Row
	db.Limit(limit).Find(&rows) // want `limit from c.Query\("limit"\) reaches gorm Limit with no upper bound`
	_ = size
}

// Fine: the clamp helper's fact says it bounds its result.
func helper(c *gin.Context, db *gorm.DB) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	var rows []Row
	db.Limit(clamp(limit)).Find(&rows)
}

func clamp(n int) int { // want clamp:"boundsResult"
	if n < 1 {
		return 20
	}
	if n > 100 {
		return 100
	}
	return n
}

func pageSize(r *http.Request) int { // want pageSize:"requestInput"
	n, _ := strconv.Atoi(r.URL.Query().Get("page_size"))
	if n == 0 {
		return 20
	}
	return n
}

func viaHelper(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	rows, _ := db.Query("SELECT id FROM t LIMIT $1", pageSize(r)) // want `limit from pageSize\(r\) reaches LIMIT \$1 with no upper bound`
	_ = rowsutil.Keep(rows)
}

func echoLimit(c echo.Context, coll *mongo.Collection) error {
	n, _ := strconv.ParseInt(c.QueryParam("limit"), 10, 64)
	if n > 100 {
		n = 100
	}
	// Clamped above, but 0 (the default request) means no limit.
	cur, err := coll.Find(c.Request().Context(), map[string]any{}, options.Find().SetLimit(n)) // want `limit from c.QueryParam\("limit"\) reaches SetLimit unchecked for 0, which means no limit`
	if err != nil {
		return err
	}
	return cur.Close(c.Request().Context())
}

// Fine: mongo limit checked on both sides.
func echoLimitOK(c echo.Context, coll *mongo.Collection) error {
	n, _ := strconv.ParseInt(c.QueryParam("limit"), 10, 64)
	if n <= 0 || n > 100 {
		n = 100
	}
	cur, err := coll.Find(c.Request().Context(), map[string]any{}, options.Find().SetLimit(n))
	if err != nil {
		return err
	}
	return cur.Close(c.Request().Context())
}

// Fine: a validator outside the standard library checked the value.
func validated(c *gin.Context, db *gorm.DB, validate func(any, string) error) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	if err := checkMax(limit); err != nil {
		return
	}
	var rows []Row
	db.Limit(limit).Find(&rows)
}

// Fine: the rows are closed unread: nothing holds them, so the limit
// bounds only the database's work.
func closedUnread(r *http.Request, db *sql.DB) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", limit)
	rows.Close()
}

// Fine: the rows are returned to the caller as a cursor; with the limit
// read here, no caller can be judged, and what it does is not seen.
func returnedCursor(r *http.Request, db *sql.DB) (*sql.Rows, error) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	return db.Query("SELECT id FROM t ORDER BY id LIMIT $1", limit)
}

// gorm writes no LIMIT for a negative Limit: min alone lets ?limit=-1
// read every row.
func gormMinOnly(c *gin.Context, db *gorm.DB) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	var rows []Row
	db.Limit(min(limit, 100)).Find(&rows) // want `limit from c.Query\("limit"\) reaches gorm Limit unchecked for negative values, which mean no limit; clamp both ends \(min\(max\(n, 1\), 1000\)\)`
}

// Fine: clamped at both ends for gorm.
func gormBothEnds(c *gin.Context, db *gorm.DB) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	var rows []Row
	db.Limit(min(max(limit, 1), 100)).Find(&rows)
}

// Fine: clamped at both ends by comparisons.
func gormGuarded(c *gin.Context, db *gorm.DB) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	if limit < 1 || limit > 100 {
		limit = 20
	}
	var rows []Row
	db.Limit(limit).Find(&rows)
}

// max alone bounds nothing above.
func gormMaxOnly(c *gin.Context, db *gorm.DB) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	var rows []Row
	db.Limit(max(limit, 1)).Find(&rows) // want `limit from c.Query\("limit"\) reaches gorm Limit with no upper bound; clamp it \(min\(max\(n, 1\), 1000\)\)`
}

func checkMax(n int) error {
	if n > 100 {
		return fmt.Errorf("limit above 100")
	}
	return nil
}

func ginGetQuery(c *gin.Context, db *sql.DB) {
	s, ok := c.GetQuery("limit")
	if !ok {
		s = "50"
	}
	n, _ := strconv.Atoi(s)
	rows, _ := db.Query("SELECT id FROM t LIMIT ?", int64(n)) // want `limit from c.GetQuery\("limit"\) reaches LIMIT \? with no upper bound`
	_ = rowsutil.Keep(rows)
}

// Fine: the clamp compares a conversion of the value.
func convertedClamp(c *gin.Context, db *sql.DB) {
	n, _ := strconv.Atoi(c.Param("n"))
	if int64(n) > 100 {
		n = 100
	}
	rows, _ := db.Query("SELECT id FROM t LIMIT ?", n)
	rows.Close()
}

func itoaConcat(r *http.Request, db *sql.DB) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT " + strconv.Itoa(n)) // want `limit from r.FormValue\("n"\) reaches LIMIT with no upper bound`
	_ = rowsutil.Keep(rows)
}

// Fine: the comparison guards the value before the concatenation.
func itoaConcatClamped(r *http.Request, db *sql.DB) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	if n < 1 || n > 100 {
		return
	}
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT " + strconv.Itoa(n))
	rows.Close()
}

// Clamped only when non-zero: the default request (no ?limit=) reads every
// row.
func clampWhenNonZero(c *gin.Context, db *gorm.DB) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	q := db.Order("id")
	if limit > 0 {
		q = q.Limit(min(limit, 100))
	}
	var rows []Row
	q.Find(&rows) // want `read into rows by gorm Find \(no Limit on some paths\)`
}

type Config struct{ MaxPageSize int }

// Fine: clamped to a configured maximum.
func configClamp(r *http.Request, db *sql.DB, cfg *Config) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit > cfg.MaxPageSize {
		limit = cfg.MaxPageSize
	}
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", limit)
	rows.Close()
}

// Compared with other request input: no bound.
func requestClamp(r *http.Request, db *sql.DB) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	max, _ := strconv.Atoi(r.URL.Query().Get("max"))
	if limit > max {
		limit = max
	}
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", limit) // want `limit from r.URL.Query\(\).Get\("(limit|max)"\) reaches LIMIT \$1 with no upper bound`
	_ = rowsutil.Keep(rows)
}

// Fine: min with a configured maximum.
func configMin(r *http.Request, db *sql.DB, cfg *Config) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", min(limit, cfg.MaxPageSize))
	rows.Close()
}

type logger struct{}

func (logger) Info(msg string, args ...any) {}
func (logger) Observe(n int)                {}

// A logger is not a validator.
func logged(c *gin.Context, db *gorm.DB, log logger) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	log.Info("listing", "limit", limit)
	log.Observe(limit)
	var rows []Row
	db.Limit(limit).Find(&rows) // want `limit from c.Query\("limit"\) reaches gorm Limit with no upper bound`
}

// Parsed from trimmed text with ParseUint: the same request input.
func trimmedParseUint(r *http.Request, db *sql.DB) {
	n, _ := strconv.ParseUint(strings.TrimSpace(r.URL.Query().Get("n")), 10, 32)
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", n) // want `limit from r.URL.Query\(\).Get\("n"\) reaches LIMIT \$1 with no upper bound, so the client picks how many rows are appended to ids in rowsutil.Keep`
	_ = rowsutil.Keep(rows)
}

// A bound that is itself request input, trimmed and parsed, proves nothing.
func trimmedBound(r *http.Request, db *sql.DB) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	max, _ := strconv.Atoi(strings.TrimSpace(r.URL.Query().Get("max")))
	if n > max {
		n = max
	}
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", n) // want `limit from r.URL.Query\(\).Get\("(n|max)"\) reaches LIMIT \$1 with no upper bound`
	_ = rowsutil.Keep(rows)
}

// Fine: an unsigned value is never negative, and min bounds it above.
func gormUnsigned(c *gin.Context, db *gorm.DB) {
	n, _ := strconv.ParseUint(c.Query("limit"), 10, 16)
	var rows []Row
	db.Limit(min(int(n), 100)).Find(&rows)
}

// gormHelperMinOnly clamps above but leaves negative values, which gorm
// reads as no limit, to its callers: negativeUnbounded(1).
func gormHelperMinOnly(db *gorm.DB, limit int) []Row { // want gormHelperMinOnly:`^negativeUnbounded\(1\)$`
	var rows []Row
	db.Limit(min(limit, 100)).Find(&rows)
	return rows
}

// gormHelperNoClamp leaves both ends to its callers.
func gormHelperNoClamp(db *gorm.DB, limit int) []Row { // want gormHelperNoClamp:`^rowBound\(1\) negativeUnbounded\(1\)$`
	var rows []Row
	db.Limit(limit).Find(&rows)
	return rows
}

// gormHelperBothEnds checks both ends itself: no fact.
func gormHelperBothEnds(db *gorm.DB, limit int) []Row {
	var rows []Row
	db.Limit(min(max(limit, 1), 100)).Find(&rows)
	return rows
}

func gormHelperCallers(c *gin.Context, db *gorm.DB) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	gormHelperMinOnly(db, limit)           // want `limit from c.Query\("limit"\) reaches request.gormHelperMinOnly's limit \(a row bound\) unchecked for negative values, which mean no limit; clamp both ends \(min\(max\(n, 1\), 1000\)\)`
	gormHelperNoClamp(db, min(limit, 100)) // want `limit from c.Query\("limit"\) reaches request.gormHelperNoClamp's limit \(a row bound\) unchecked for negative values`
	gormHelperNoClamp(db, limit)           // want `limit from c.Query\("limit"\) reaches request.gormHelperNoClamp's limit \(a row bound\) with no upper bound; clamp it \(min\(max\(n, 1\), 1000\)\)`
	gormHelperBothEnds(db, limit)          // fine: the helper clamps both ends
	if limit >= 1 {
		gormHelperMinOnly(db, limit) // fine: the caller rules out the values gorm reads as no limit
	}
	gormHelperNoClamp(db, min(max(limit, 1), 100)) // fine: clamped at both ends before the call
}

// mongoHelper clamps above and leaves 0, which SetLimit reads as no
// limit, to its callers: zeroUnbounded(2).
func mongoHelper(ctx context.Context, coll *mongo.Collection, n int64) error { // want mongoHelper:`^zeroUnbounded\(2\)$`
	cur, err := coll.Find(ctx, map[string]any{}, options.Find().SetLimit(min(n, 100)))
	if err != nil {
		return err
	}
	var docs []map[string]any
	return cur.All(ctx, &docs)
}

func mongoHelperCallers(c echo.Context, coll *mongo.Collection) {
	n, _ := strconv.ParseInt(c.QueryParam("limit"), 10, 64)
	mongoHelper(c.Request().Context(), coll, n) // want `limit from c.QueryParam\("limit"\) reaches request.mongoHelper's n \(a row bound\) unchecked for 0, which means no limit; default it when absent \(min\(max\(n, 1\), 1000\)\)`
	if n > 0 {
		mongoHelper(c.Request().Context(), coll, n) // fine: 0 is ruled out before the call
	}
}
