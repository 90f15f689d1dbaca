// Package indirect creates a storage writer without importing storage: the
// constructor is a method of a value obtained from another package.
package indirect

import (
	"context"

	"unclosed/helpers"
)

func write(ctx context.Context, data []byte) error {
	w := helpers.Object(nil, "o").NewWriter(ctx) // want `^storage\.Writer w from \(\*storage\.ObjectHandle\)\.NewWriter is not closed when indirect\.check fails`
	w.Write(data)
	if err := check(data); err != nil {
		return err
	}
	return w.Close()
}

// Fine: the writer is dropped before anything is written to it, and a
// storage.Writer starts its upload (goroutine, buffer) on the first Write
// (vlbackup's copyToStorage when os.Open fails).
func writeLater(ctx context.Context, data []byte) error {
	w := helpers.Object(nil, "o").NewWriter(ctx)
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
