// Package testsupport is a test-support package outside _test.go files
// (gcsfuse's tools/integration_tests/util/client): one of its files
// imports testing, so its buffers serve tests, not production memory, and
// nothing in it is reported.
package testsupport

import (
	"context"
	"testing"

	"cloud.google.com/go/storage"
)

// CreateObject takes the test: a test helper.
func CreateObject(ctx context.Context, t *testing.T, o *storage.ObjectHandle, content []byte) {
	w := o.NewWriter(ctx) // fine: a test-support package
	if _, err := w.Write(content); err != nil {
		t.Fatal(err)
	}
	w.Close()
}
