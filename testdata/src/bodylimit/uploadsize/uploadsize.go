// Package uploadsize measures an uploaded file by reading it whole
// (go-gin-example's file.GetSize).
package uploadsize

import (
	"io/ioutil"
	"mime/multipart"
)

func GetSize(f multipart.File) (int, error) { // want GetSize:`drains\(0:ioutil.ReadAll\)`
	content, err := ioutil.ReadAll(f)
	return len(content), err
}
