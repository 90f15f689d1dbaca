// Package bodies is a small JSON API that reads request bodies, written
// both the way that lets one client decide how much memory a request takes
// and the way that bounds it, with net/http, chi, gorilla/mux, gin and
// echo, plus a gzip-encoded endpoint.
package bodies

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
	"github.com/go-chi/chi/v5"
	chimw "github.com/go-chi/chi/v5/middleware"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// maxBody bounds every request body of the correct handlers.
const maxBody = 1 << 20

// Item is what clients post.
type Item struct {
	Name string `json:"name"`
}

// CreateLeaky decodes the whole body, however large.
func CreateLeaky(w http.ResponseWriter, r *http.Request) {
	var it Item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil { // LEAK
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// Create bounds the body before decoding it.
func Create(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	var it Item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// ImportGzipLeaky inflates a gzip body whole: a limit on the compressed
// bytes would not bound what gzip produces.
func ImportGzipLeaky(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer zr.Close()
	data, err := io.ReadAll(zr) // LEAK
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write(data[:0])
}

// ImportGzip bounds the decompressed stream.
func ImportGzip(w http.ResponseWriter, r *http.Request) {
	zr, err := gzip.NewReader(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer zr.Close()
	data, err := io.ReadAll(io.LimitReader(zr, 8*maxBody))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write(data[:0])
}

// ServeLeaky serves the leaking net/http handlers with no limit.
func ServeLeaky(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /items", CreateLeaky)
	mux.HandleFunc("POST /import", ImportGzipLeaky)
	return http.ListenAndServe(addr, mux)
}

// Serve bounds every body of the mux as well.
func Serve(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /items", Create)
	mux.HandleFunc("POST /import", ImportGzip)
	return http.ListenAndServe(addr, http.MaxBytesHandler(mux, maxBody))
}

// ServeChiLeaky registers CreateLeaky on a chi router with no limit.
func ServeChiLeaky(addr string) error {
	r := chi.NewRouter()
	r.Use(chimw.Logger)
	r.Post("/items", CreateLeaky)
	return http.ListenAndServe(addr, r)
}

// ServeChi bounds every body with chi's RequestSize.
func ServeChi(addr string) error {
	r := chi.NewRouter()
	r.Use(chimw.Logger, chimw.RequestSize(maxBody))
	r.Post("/items", CreateLeaky)
	return http.ListenAndServe(addr, r)
}

// UpdateLeaky decodes the whole body of a PUT, however large.
func UpdateLeaky(w http.ResponseWriter, r *http.Request) {
	var it Item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil { // LEAK
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ServeMuxLeaky registers UpdateLeaky on a gorilla/mux subrouter with no
// limit.
func ServeMuxLeaky(addr string) error {
	r := mux.NewRouter()
	api := r.PathPrefix("/api").Subrouter()
	api.HandleFunc("/items/{id}", UpdateLeaky).Methods(http.MethodPut)
	return http.ListenAndServe(addr, r)
}

func ginCreateLeaky(c *gin.Context) {
	var it Item
	if err := c.ShouldBindJSON(&it); err != nil { // LEAK
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, it)
}

func ginCreate(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxBody)
	var it Item
	if err := c.ShouldBindJSON(&it); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, it)
}

// ginBindLeaky binds with the binding gin picks for the content type, as
// ShouldBind does: a body binding for every method but GET.
func ginBindLeaky(c *gin.Context) {
	var it Item
	if err := c.ShouldBindWith(&it, binding.Default(c.Request.Method, c.ContentType())); err != nil { // LEAK
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, it)
}

// ginRegisterLeaky keeps the body for a second binding: ShouldBindBodyWith
// reads it whole with io.ReadAll, whatever binding it is given.
func ginRegisterLeaky(c *gin.Context) {
	var it Item
	if err := c.ShouldBindBodyWith(&it, binding.JSON); err != nil { // LEAK
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, it)
}

// ginImportLeaky binds an XML body the same way.
func ginImportLeaky(c *gin.Context) {
	var it Item
	if err := c.ShouldBindBodyWithXML(&it); err != nil { // LEAK
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, it)
}

// ginSearch binds query parameters only: no body is read.
func ginSearch(c *gin.Context) {
	var it Item
	if err := c.ShouldBindWith(&it, binding.Query); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, it)
}

// ServeGin serves the gin handlers; gin bounds no body by default.
func ServeGin(addr string) error {
	r := gin.Default()
	r.POST("/leaky/items", ginCreateLeaky)
	r.PUT("/leaky/items", ginBindLeaky)
	r.POST("/leaky/register", ginRegisterLeaky)
	r.POST("/leaky/import", ginImportLeaky)
	r.POST("/search", ginSearch)
	r.POST("/items", ginCreate)
	return r.Run(addr)
}

func echoCreateLeaky(c echo.Context) error {
	var it Item
	if err := c.Bind(&it); err != nil { // LEAK
		return err
	}
	return c.JSON(http.StatusCreated, it)
}

// ServeEchoLeaky serves an echo handler with no body limit.
func ServeEchoLeaky(addr string) error {
	e := echo.New()
	e.Use(middleware.Logger())
	e.POST("/items", echoCreateLeaky)
	return e.Start(addr)
}

// ServeEcho bounds every body with echo's BodyLimit middleware.
func ServeEcho(addr string) error {
	e := echo.New()
	e.Use(middleware.Logger(), middleware.BodyLimit("1M"))
	e.POST("/items", echoCreateLeaky)
	return e.Start(addr)
}
