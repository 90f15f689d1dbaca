// Package indirect creates a storage writer without importing storage: the
// constructor is a method of a value obtained from another package.
package indirect

import (
	"context"

	"unclosed/helpers"
)

func write(ctx context.Context, data []byte) error {
	w := helpers.Object(nil, "o").NewWriter(ctx) // want `^storage\.Writer w from \(\*storage\.ObjectHandle\)\.NewWriter is not closed when indirect\.check fails`
	if err := check(data); err != nil {
		return err
	}
	w.Write(data)
	return w.Close()
}

// Fine: after a failed Write the upload has already ended.
func writeFails(ctx context.Context, data []byte) error {
	w := helpers.Object(nil, "o").NewWriter(ctx)
	if _, err := w.Write(data); err != nil {
		return err
	}
	return w.Close()
}

func check(data []byte) error { return nil }
