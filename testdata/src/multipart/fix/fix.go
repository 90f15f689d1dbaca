package fix

import (
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func checked(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil { // want `ParseMultipartForm without RemoveAll`
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	_ = r.MultipartForm.File
}

func checkedNextStmt(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("f") // want `FormFile without RemoveAll`
	if err != nil {
		return
	}
	defer f.Close()
}

func unchecked(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(1 << 20) // want `ParseMultipartForm without RemoveAll`
	_ = r.FormValue("x")
}

func readForm(mr *multipart.Reader) error {
	form, err := mr.ReadForm(1 << 20) // want `is not removed on every path`
	if err != nil {
		return err
	}
	_ = form.Value
	return nil
}

func ginHandler(c *gin.Context) {
	if _, err := c.FormFile("f"); err != nil { // want `gin FormFile without RemoveAll`
		return
	}
}

func echoHandler(c echo.Context) error {
	form, err := c.MultipartForm() // want `echo MultipartForm without RemoveAll`
	if err != nil {
		return err
	}
	_ = form
	return nil
}

func inLoop(rs []*http.Request) {
	for _, r := range rs {
		r.ParseMultipartForm(1 << 20) // want `ParseMultipartForm without RemoveAll`
	}
}
