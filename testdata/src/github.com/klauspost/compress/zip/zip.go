// Package zip is a stub of github.com/klauspost/compress/zip v1.18.0, a
// copy of archive/zip (minio imports it), with the upstream signatures of
// what bodylimit inspects.
package zip

import (
	"io"
	"io/fs"
)

// FileHeader describes a file within a ZIP file.
type FileHeader struct {
	Name               string
	CompressedSize64   uint64
	UncompressedSize   uint32
	UncompressedSize64 uint64
}

// FileInfo returns an fs.FileInfo for the FileHeader.
func (h *FileHeader) FileInfo() fs.FileInfo { return nil }

// A File is a single file in a ZIP archive.
type File struct {
	FileHeader
}

// Open returns a ReadCloser that provides access to the File's contents.
func (f *File) Open() (io.ReadCloser, error) { return nil, nil }

// OpenRaw returns a Reader that provides access to the File's contents
// without decompression.
func (f *File) OpenRaw() (io.Reader, error) { return nil, nil }

// A Reader serves content from a ZIP archive.
type Reader struct {
	File    []*File
	Comment string
}

// NewReader returns a new Reader reading from r, which is assumed to have
// the given size in bytes.
func NewReader(r io.ReaderAt, size int64) (*Reader, error) { return &Reader{}, nil }

// Open opens the named file in the ZIP archive, using the semantics of
// fs.FS.Open.
func (r *Reader) Open(name string) (fs.File, error) { return nil, nil }
