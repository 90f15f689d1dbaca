// Package archivelib: helpers that read a parameter's archive entries
// whole, for callers in another package (facts).
package archivelib

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
)

// ReadEntry reads one zip entry whole: its caller decides the archive.
func ReadEntry(zf *zip.File) ([]byte, error) { // want ReadEntry:`streams\(0:io.ReadAll\)`
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// Unzip reads every entry of the zip archive b whole.
func Unzip(b []byte) (map[string][]byte, error) { // want Unzip:`streams\(0:io.ReadAll\)`
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, zf := range zr.File {
		data, err := ReadEntry(zf)
		if err != nil {
			return nil, err
		}
		out[zf.Name] = data
	}
	return out, nil
}

// UntarGz reads the first entry of a tar.gz stream whole.
func UntarGz(r io.Reader) ([]byte, error) { // want UntarGz:`streams\(0:io.ReadAll\)`
	gz, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	if _, err := tr.Next(); err != nil {
		return nil, err
	}
	return io.ReadAll(tr)
}

// ReadCurrent reads the current entry of a tar reader whole.
func ReadCurrent(tr *tar.Reader) ([]byte, error) { // want ReadCurrent:`streams\(0:io.ReadAll\)`
	return io.ReadAll(tr)
}

const maxEntry = 10 << 20

// ReadEntryChecked bounds the entry by its declared size, which
// archive/zip enforces: no fact.
func ReadEntryChecked(zf *zip.File) ([]byte, error) {
	if zf.UncompressedSize64 > maxEntry {
		return nil, io.ErrShortBuffer
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// ReadEntryLimited reads through io.LimitReader: no fact.
func ReadEntryLimited(zf *zip.File) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, maxEntry))
}
