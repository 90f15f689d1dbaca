package crosspkg

import (
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"

	"multipart/helpers"
)

func viaHelper(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // fine: helpers.Cleanup removes the form (fact from another package)
		return
	}
	defer helpers.Cleanup(r)
}

func viaFormHelper(mr *multipart.Reader) error {
	form, err := mr.ReadForm(1 << 20) // fine: helpers.CleanupForm removes it
	if err != nil {
		return err
	}
	return helpers.CleanupForm("x", form)
}

func viaGinHelper(c *gin.Context) {
	if _, err := c.FormFile("f"); err != nil { // fine: helpers.CleanupGin removes it
		return
	}
	defer helpers.CleanupGin(c)
}

func inspectOnly(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // want `ParseMultipartForm without RemoveAll`
		return
	}
	_ = helpers.Inspect(r) // only reads the form: not a cleanup
}

func localHelper(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(1 << 20) // fine: cleanup is declared later in this package
	cleanup(r)
}

func cleanup(r *http.Request) { // want cleanup:`removesForm\(0\)`
	helpers.Cleanup(r)
}
