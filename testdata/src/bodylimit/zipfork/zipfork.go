// Package zipfork: zip entries of request bodies read whole. // want package:"program\\(reads\\(zipfork\\.\\(adminHandlers\\)\\.raw,zipfork\\.\\(adminHandlers\\)\\.importIAM,zipfork\\.\\(adminHandlers\\)\\.importBucketMetadata,zipfork\\.\\(adminHandlers\\)\\.sizeChecked\\)\\)"
//
// The archives are opened with a copy of archive/zip under another path
// (github.com/klauspost/compress/zip in minio's admin handlers).
package zipfork

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"os"

	bundle "bodylimit/zipfork/internal/bundle"
	"github.com/klauspost/compress/zip"
)

const maxPolicySize = 20 << 10

type adminHandlers struct{}

// minio's importIAM: the request body read whole, unzipped with the fork,
// an entry opened by name and read whole.
func (a adminHandlers) importIAM(w http.ResponseWriter, r *http.Request) { // want importIAM:`reads\(1:io.ReadAll\)`
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	reader := bytes.NewReader(data)
	zr, err := zip.NewReader(reader, int64(len(data)))
	if err != nil {
		return
	}
	{
		f, err := zr.Open("policies.json")
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return
		default:
			defer f.Close()
			data, err = io.ReadAll(f) // want `^io.ReadAll reads a whole \(\*zip.Reader\).Open entry of a zip archive from the request body with no limit after decompression, and deflate expands`
			if err != nil {
				return
			}
		}
	}
}

// minio's ImportBucketMetadataHandler: every entry of the archive opened,
// one read through io.LimitReader after a check of its declared size, one
// read whole. The check in the other case does not bound the quota entry.
func (a adminHandlers) importBucketMetadata(w http.ResponseWriter, r *http.Request) { // want importBucketMetadata:`reads\(1:io.ReadAll\)`
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return
	}
	for _, file := range zr.File {
		reader, err := file.Open()
		if err != nil {
			continue
		}
		sz := file.FileInfo().Size()
		switch file.Name {
		case "policy.json":
			if sz > maxPolicySize {
				continue
			}
			// Fine: read through io.LimitReader, after a size check.
			policy, _ := io.ReadAll(io.LimitReader(reader, sz))
			_ = policy
		case "quota.json":
			quota, _ := io.ReadAll(reader) // want `^io.ReadAll reads a whole \(\*zip.File\).Open entry of a zip archive from the request body with no limit after decompression`
			_ = quota
		}
	}
}

// Fine: the entry's declared size is checked first; the fork, like
// archive/zip, fails a read past UncompressedSize64.
func (a adminHandlers) sizeChecked(w http.ResponseWriter, r *http.Request) { // want sizeChecked:`reads\(1:io.ReadAll\)`
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return
	}
	for _, file := range zr.File {
		if file.UncompressedSize64 > maxPolicySize {
			return
		}
		rc, err := file.Open()
		if err != nil {
			return
		}
		b, _ := io.ReadAll(rc)
		_ = b
		rc.Close()
	}
}

// Fine: OpenRaw yields the stored bytes, within the archive's size.
func (a adminHandlers) raw(w http.ResponseWriter, r *http.Request) { // want raw:`reads\(1:io.ReadAll\)`
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return
	}
	for _, file := range zr.File {
		rr, err := file.OpenRaw()
		if err != nil {
			return
		}
		b, _ := io.ReadAll(rr)
		_ = b
	}
}

// Fine: a service's own package named zip is not a known copy of
// archive/zip (NewReader takes an io.Reader, File has no declared size):
// its entries may not be compressed at all.
func (a adminHandlers) ownBundle(w http.ResponseWriter, r *http.Request) {
	br, err := bundle.NewReader(r.Body)
	if err != nil {
		return
	}
	for _, file := range br.File {
		rc, err := file.Open()
		if err != nil {
			return
		}
		b, _ := io.ReadAll(rc)
		_ = b
	}
}
