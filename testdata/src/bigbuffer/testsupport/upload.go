package testsupport

import (
	"context"

	"cloud.google.com/go/storage"
)

// Upload takes no test, but its package is a test-support package.
func Upload(ctx context.Context, o *storage.ObjectHandle, content []byte) error {
	w := o.NewWriter(ctx) // fine: a test-support package
	if _, err := w.Write(content); err != nil {
		w.Close()
		return err
	}
	for range 8 {
		_ = make([]byte, 16<<20) // fine: a test-support package
	}
	return w.Close()
}
