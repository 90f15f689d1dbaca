// Package uploads is a small file-upload service, written both the way that
// leaked temporary files and memory (incident 2) and the way that does not.
package uploads

import (
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// Store keeps uploaded files on local disk.
type Store struct{ Dir string }

func (s *Store) save(fh *multipart.FileHeader) error {
	src, err := fh.Open()
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(filepath.Join(s.Dir, filepath.Base(fh.Filename)))
	if err != nil {
		return err
	}
	defer dst.Close()
	_, err = io.Copy(dst, src)
	return err
}

// UploadLeaky parses with 32 MiB in memory and never removes the form's
// temporary files until the server gets round to it.
func (s *Store) UploadLeaky(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for _, fh := range r.MultipartForm.File["file"] {
		if err := s.save(fh); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	w.WriteHeader(http.StatusCreated)
}

// Upload keeps 8 MiB in memory and removes the temporary files itself.
func (s *Store) Upload(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer r.MultipartForm.RemoveAll()
	for _, fh := range r.MultipartForm.File["file"] {
		if err := s.save(fh); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	w.WriteHeader(http.StatusCreated)
}

// UploadWithTimeout parses the form on a copy of the request: the server
// will never remove these files.
func (s *Store) UploadWithTimeout(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	req := r.WithContext(ctx)
	file, header, err := req.FormFile("file")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer file.Close()
	_ = s.save(header)
}

// UploadStreaming reads parts one at a time and keeps nothing.
func (s *Store) UploadStreaming(w http.ResponseWriter, r *http.Request) {
	mr, err := r.MultipartReader()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		dst, err := os.Create(filepath.Join(s.Dir, filepath.Base(part.FileName())))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_, err = io.Copy(dst, part)
		dst.Close()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	w.WriteHeader(http.StatusCreated)
}

// ImportArchive reads a multipart body that is not an HTTP request.
func ImportArchive(body io.Reader, boundary string) (int, error) {
	form, err := multipart.NewReader(body, boundary).ReadForm(16 << 20)
	if err != nil {
		return 0, err
	}
	return len(form.File), nil
}

// ImportArchiveClean removes the form it read.
func ImportArchiveClean(body io.Reader, boundary string) (int, error) {
	form, err := multipart.NewReader(body, boundary).ReadForm(16 << 20)
	if err != nil {
		return 0, err
	}
	defer form.RemoveAll()
	return len(form.File), nil
}

type requestIDKey struct{}

// GinRequestID puts a request ID in the request's context, the way tracing
// and logging middlewares do: the gin handlers behind it get a copy of
// the server's request, whose multipart form net/http never removes.
func GinRequestID(c *gin.Context) {
	c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), requestIDKey{}, c.GetHeader("X-Request-ID")))
	c.Next()
}

// GinUploadLeaky is the gin handler the way it is usually written, behind
// GinRequestID. LEAK: the copy's form is never removed.
func (s *Store) GinUploadLeaky(c *gin.Context) {
	fh, err := c.FormFile("file")
	if err != nil {
		c.String(http.StatusBadRequest, err.Error())
		return
	}
	if err := c.SaveUploadedFile(fh, filepath.Join(s.Dir, filepath.Base(fh.Filename))); err != nil {
		c.String(http.StatusInternalServerError, err.Error())
		return
	}
	c.Status(http.StatusCreated)
}

// GinUpload removes the request's form.
func (s *Store) GinUpload(c *gin.Context) {
	form, err := c.MultipartForm()
	if err != nil {
		c.String(http.StatusBadRequest, err.Error())
		return
	}
	defer form.RemoveAll()
	for _, fh := range form.File["file"] {
		if err := s.save(fh); err != nil {
			c.String(http.StatusInternalServerError, err.Error())
			return
		}
	}
	c.Status(http.StatusCreated)
}

// EchoTimeout bounds each request with echo's ContextTimeout middleware,
// which hands the handlers behind it a copy of the server's request
// (c.SetRequest(c.Request().WithContext(ctx))).
func EchoTimeout() echo.MiddlewareFunc { return middleware.ContextTimeout(30 * time.Second) }

// EchoUploadLeaky is the echo handler the way it is usually written,
// behind EchoTimeout. LEAK: the copy's form is never removed.
func (s *Store) EchoUploadLeaky(c echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return err
	}
	if err := s.save(fh); err != nil {
		return err
	}
	return c.NoContent(http.StatusCreated)
}

// EchoUpload removes the request's form through a helper.
func (s *Store) EchoUpload(c echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return err
	}
	defer cleanup(c.Request())
	if err := s.save(fh); err != nil {
		return err
	}
	return c.NoContent(http.StatusCreated)
}

// cleanup removes the request's multipart form, if any.
func cleanup(r *http.Request) {
	if r.MultipartForm != nil {
		r.MultipartForm.RemoveAll()
	}
}

// Routes wires the handlers.
func Routes(s *Store) (*http.ServeMux, *gin.Engine, *echo.Echo) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /leaky", s.UploadLeaky)
	mux.HandleFunc("POST /upload", s.Upload)
	mux.HandleFunc("POST /timeout", s.UploadWithTimeout)
	mux.HandleFunc("POST /stream", s.UploadStreaming)

	g := gin.New()
	g.MaxMultipartMemory = 8 << 20
	g.POST("/leaky", s.GinUploadLeaky)
	g.POST("/upload", s.GinUpload)

	e := echo.New()
	e.POST("/leaky", s.EchoUploadLeaky)
	e.POST("/upload", s.EchoUpload)
	return mux, g, e
}
