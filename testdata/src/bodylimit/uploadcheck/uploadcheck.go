// Package uploadcheck hands the file on; it imports no io package, only
// mime/multipart (go-gin-example's upload.CheckImageSize).
package uploadcheck

import (
	"mime/multipart"

	"bodylimit/uploadsize"
)

func CheckImageSize(f multipart.File) bool { // want CheckImageSize:`drains\(0:ioutil.ReadAll\)`
	size, err := uploadsize.GetSize(f)
	return err == nil && size <= 5<<20
}
