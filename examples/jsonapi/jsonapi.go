// Package jsonapi is a small orders API, written both the way that made one
// request allocate 5 GB (incident 3: indented JSON of a whole result set)
// and the way that does not.
package jsonapi

import (
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	gojson "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
	"github.com/labstack/echo/v4"
	echov5 "github.com/labstack/echo/v5"
)

// Order is one row of the orders table.
type Order struct {
	ID       int64    `json:"id"`
	Customer string   `json:"customer"`
	Items    []string `json:"items"`
}

// Health is the body of the health endpoint: a struct of scalars.
type Health struct {
	Status  string `json:"status"`
	Version string `json:"version"`
}

// Service serves orders from a database.
type Service struct {
	DB *sql.DB
}

// pageSize caps the rows one request reads (see querylimit).
const pageSize = 500

// allOrders reads one page of orders. The result is still a slice: its
// type says nothing of the cap, so indenting it is reported either way.
func (s *Service) allOrders(r *http.Request) ([]Order, error) {
	rows, err := s.DB.QueryContext(r.Context(), "SELECT id, customer FROM orders ORDER BY id LIMIT $1", pageSize)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Customer); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// ListOrdersLeaky marshals every order indented: the compact and the
// indented document are in memory at once.
func (s *Service) ListOrdersLeaky(w http.ResponseWriter, r *http.Request) {
	orders, err := s.allOrders(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	b, err := json.MarshalIndent(orders, "", "  ") // want `json.MarshalIndent of \[\]Order \(rows of a query\) on a request path`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// ListOrders encodes the orders once, unindented.
func (s *Service) ListOrders(w http.ResponseWriter, r *http.Request) {
	orders, err := s.allOrders(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(orders)
}

// CustomersLeaky is incident 3 whole: it reads every row (querylimit),
// fills a map in the rows loop and pretty-prints it.
func (s *Service) CustomersLeaky(w http.ResponseWriter, r *http.Request) {
	rows, err := s.DB.QueryContext(r.Context(), "SELECT id, customer FROM orders")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	byID := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		byID[id] = name
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ") // want `\(\*json.Encoder\).SetIndent then Encode of map\[int64\]string \(rows of a query\)`
	enc.Encode(byID)
}

// Health pretty-prints a small struct: fine.
func (s *Service) Health(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(Health{Status: "ok", Version: "1.4.2"}, "", "  ")
	w.Write(b)
}

// writeJSON is the helper real services hide MarshalIndent in; it is
// reported where a handler gives it an unbounded value.
func writeJSON(w http.ResponseWriter, status int, v any) { // want writeJSON:`json.MarshalIndent indents\(2\) requestPath`
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// writeJSONStream is the same helper, fixed.
func writeJSONStream(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// ExportLeaky goes through the leaky helper.
func (s *Service) ExportLeaky(w http.ResponseWriter, r *http.Request) {
	orders, err := s.allOrders(r)
	if err != nil {
		writeJSONStream(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, orders) // want `json.MarshalIndent of \[\]Order \(rows of a query\) via writeJSON on a request path`
}

// Export goes through the fixed helper.
func (s *Service) Export(w http.ResponseWriter, r *http.Request) {
	orders, err := s.allOrders(r)
	if err != nil {
		writeJSONStream(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	writeJSONStream(w, http.StatusOK, orders)
}

// GinOrdersLeaky uses gin's IndentedJSON (json.MarshalIndent inside).
func (s *Service) GinOrdersLeaky(c *gin.Context) {
	orders, err := s.allOrders(c.Request)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.IndentedJSON(http.StatusOK, orders) // want `\(\*gin.Context\).IndentedJSON of \[\]Order \(rows of a query\)`
}

// GinOrders uses gin's JSON.
func (s *Service) GinOrders(c *gin.Context) {
	orders, err := s.allOrders(c.Request)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, orders)
}

// GinHealth pretty-prints a gin.H of scalars: fine.
func (s *Service) GinHealth(c *gin.Context) {
	c.IndentedJSON(http.StatusOK, gin.H{"status": "ok"})
}

// EchoOrdersLeaky uses echo's JSONPretty (an Encoder with SetIndent).
func (s *Service) EchoOrdersLeaky(c echo.Context) error {
	orders, err := s.allOrders(c.Request())
	if err != nil {
		return err
	}
	return c.JSONPretty(http.StatusOK, orders, "  ") // want `echo.Context.JSONPretty of \[\]Order \(rows of a query\)`
}

// EchoV5OrdersLeaky uses echo v5's JSONPretty.
func (s *Service) EchoV5OrdersLeaky(c *echov5.Context) error {
	orders, err := s.allOrders(c.Request())
	if err != nil {
		return err
	}
	return c.JSONPretty(http.StatusOK, orders, "  ") // want `\(\*echo.Context\).JSONPretty of \[\]Order \(rows of a query\)`
}

// EchoOrders uses echo's JSON.
func (s *Service) EchoOrders(c echo.Context) error {
	orders, err := s.allOrders(c.Request())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, orders)
}

var iter = jsoniter.ConfigCompatibleWithStandardLibrary

// FastOrdersLeaky swaps in faster encoders but still builds the whole
// indented document.
func (s *Service) FastOrdersLeaky(w http.ResponseWriter, r *http.Request) {
	orders, err := s.allOrders(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if r.URL.Query().Has("iter") {
		b, _ := iter.MarshalIndent(orders, "", "  ") // want `jsoniter.API.MarshalIndent of \[\]Order \(rows of a query\)`
		w.Write(b)
		return
	}
	b, _ := gojson.MarshalIndent(orders, "", "  ") // want `goccy/go-json MarshalIndent of \[\]Order \(rows of a query\) on a request path builds the whole document in memory with its indentation whitespace`
	w.Write(b)
}

// FastOrders streams with goccy/go-json's Encoder.
func (s *Service) FastOrders(w http.ResponseWriter, r *http.Request) {
	orders, err := s.allOrders(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	gojson.NewEncoder(w).Encode(orders)
}

// DumpConfig writes a config file for operators: no request path, fine.
func DumpConfig(path string, cfg map[string][]string) error {
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// PrintOrders is command-line output: fine.
func PrintOrders(out io.Writer, orders []Order) error { // want PrintOrders:`\(\*json.Encoder\).SetIndent indents\(1\) into\(0\)`
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(orders)
}
