package repo

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/labstack/echo/v4"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"gorm.io/gorm"
)

// ListUsers passes ?limit= straight to LIMIT and keeps every row. LEAK:
// limit=17000 decodes 17,000 rows at once (incident 4).
func ListUsers(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
		if err != nil {
			limit = 50
		}
		rows, err := db.QueryContext(r.Context(), "SELECT id, email FROM users ORDER BY id LIMIT $1", limit)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		var emails []string
		for rows.Next() {
			var id int64
			var email string
			if err := rows.Scan(&id, &email); err != nil {
				return
			}
			emails = append(emails, email)
		}
		w.Header().Set("Content-Type", "text/plain")
		for _, e := range emails {
			w.Write([]byte(e + "\n"))
		}
	}
}

// ListUsersStreamed also takes ?limit= unclamped, but writes each row out
// as it is read: only one row is in memory at a time. OK for memory (the
// database still does the work of the whole page).
func ListUsersStreamed(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
		if err != nil {
			limit = 50
		}
		rows, err := db.QueryContext(r.Context(), "SELECT id, email FROM users ORDER BY id LIMIT $1", limit)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		w.Header().Set("Content-Type", "text/plain")
		for rows.Next() {
			var id int64
			var email string
			if err := rows.Scan(&id, &email); err != nil {
				return
			}
			w.Write([]byte(email + "\n"))
		}
	}
}

// ListUsersClamped clamps ?limit= first. OK.
func ListUsersClamped(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
		if err != nil || limit <= 0 || limit > 500 {
			limit = 50
		}
		rows, err := db.QueryContext(r.Context(), "SELECT id, email FROM users ORDER BY id LIMIT $1", limit)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var email string
			if err := rows.Scan(&id, &email); err != nil {
				return
			}
			w.Write([]byte(email + "\n"))
		}
	}
}

// GinOrders checks the wrong variable. LEAK: size is clamped, limit is used.
func GinOrders(db *gorm.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		limit, _ := strconv.Atoi(c.DefaultQuery("limit", "20"))
		size, _ := strconv.Atoi(c.DefaultQuery("size", "20"))
		if size > 100 {
			size = 100
		}
		var out []Order
		if err := db.WithContext(c.Request.Context()).Order("id").Limit(limit).Find(&out).Error; err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusOK, gin.H{"orders": out, "size": size})
	}
}

// GinOrdersMinOnly clamps above only. LEAK: gorm writes no LIMIT for a
// negative Limit, so ?limit=-1 reads every order.
func GinOrdersMinOnly(db *gorm.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		limit, _ := strconv.Atoi(c.DefaultQuery("limit", "20"))
		var out []Order
		if err := db.WithContext(c.Request.Context()).Order("id").Limit(min(limit, 100)).Find(&out).Error; err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusOK, out)
	}
}

// GinOrdersClamped clamps both ends. OK.
func GinOrdersClamped(db *gorm.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		limit, _ := strconv.Atoi(c.DefaultQuery("limit", "20"))
		var out []Order
		if err := db.WithContext(c.Request.Context()).Order("id").Limit(min(max(limit, 1), 100)).Find(&out).Error; err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusOK, out)
	}
}

// EchoDocs clamps only above. LEAK: a request without ?limit= gives
// SetLimit(0), which means no limit.
func EchoDocs(coll *mongo.Collection) echo.HandlerFunc {
	return func(c echo.Context) error {
		n, _ := strconv.ParseInt(c.QueryParam("limit"), 10, 64)
		if n > 100 {
			n = 100
		}
		cur, err := coll.Find(c.Request().Context(), bson.M{}, options.Find().SetLimit(n))
		if err != nil {
			return err
		}
		var out []Doc
		if err := cur.All(c.Request().Context(), &out); err != nil {
			return err
		}
		return c.JSON(http.StatusOK, out)
	}
}

// EchoDocsClamped checks both sides. OK.
func EchoDocsClamped(coll *mongo.Collection) echo.HandlerFunc {
	return func(c echo.Context) error {
		n, _ := strconv.ParseInt(c.QueryParam("limit"), 10, 64)
		if n <= 0 || n > 100 {
			n = 100
		}
		cur, err := coll.Find(c.Request().Context(), bson.M{}, options.Find().SetLimit(n))
		if err != nil {
			return err
		}
		var out []Doc
		if err := cur.All(c.Request().Context(), &out); err != nil {
			return err
		}
		return c.JSON(http.StatusOK, out)
	}
}

// UsersJSON hands ?limit= to the repository unclamped. LEAK: Users.List
// puts it in LIMIT.
func UsersJSON(users *Users) gin.HandlerFunc {
	return func(c *gin.Context) {
		limit, _ := strconv.Atoi(c.Query("limit"))
		out, err := users.List(c.Request.Context(), limit)
		if err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusOK, out)
	}
}

// UsersJSONClamped clamps ?limit= before the repository. OK.
func UsersJSONClamped(users *Users) gin.HandlerFunc {
	return func(c *gin.Context) {
		limit, err := strconv.Atoi(c.Query("limit"))
		if err != nil || limit < 1 {
			limit = 50
		}
		out, err := users.List(c.Request.Context(), min(limit, 200))
		if err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusOK, out)
	}
}

// EventsJSON collects a page whose size is ?limit=, unclamped. LEAK: the
// client picks how many events one request holds.
func EventsJSON(events *Events) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		rows, err := events.Page(r.Context(), limit)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		out, err := pgx.CollectRows(rows, pgx.RowToStructByName[Event])
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(out)
	}
}

// EventsStreamed writes each event of the same page as it is read. OK for
// memory: one row at a time (the database still reads the whole page).
func EventsStreamed(events *Events) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		rows, err := events.Page(r.Context(), limit)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		enc := json.NewEncoder(w)
		for rows.Next() {
			var ev Event
			if err := rows.Scan(&ev.ID, &ev.Kind); err != nil {
				return
			}
			enc.Encode(ev)
		}
	}
}
