// Package recv mimics net/http's own Request methods, which parse on their
// receiver for the caller.
package recv

import "mime/multipart"

type Request struct {
	MultipartForm *multipart.Form
	mr            *multipart.Reader
}

func (r *Request) ParseMultipartForm(maxMemory int64) error {
	f, err := r.mr.ReadForm(maxMemory) // fine: stored in the receiver, handed to the caller
	if err != nil {
		return err
	}
	r.MultipartForm = f
	return nil
}
