// Package googleapi is a stub of google.golang.org/api/googleapi v0.309.0 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package googleapi

import "time"

const (
	// DefaultUploadChunkSize is the default chunk size to use for resumable
	// uploads if not specified by the user.
	DefaultUploadChunkSize = 16 * 1024 * 1024

	// MinUploadChunkSize is the minimum chunk size that can be used for
	// resumable uploads.  All user-specified chunk sizes must be multiple of
	// this value.
	MinUploadChunkSize = 256 * 1024
)

// ProgressUpdater is a function that is called upon every progress update of a resumable upload.
type ProgressUpdater func(current, total int64)

// MediaOption defines the interface for setting media options.
type MediaOption interface {
	setOptions(o *MediaOptions)
}

type contentTypeOption string

func (ct contentTypeOption) setOptions(o *MediaOptions) { o.ContentType = string(ct) }

// ContentType returns a MediaOption which sets the Content-Type header for media uploads.
func ContentType(ctype string) MediaOption { return contentTypeOption(ctype) }

type chunkSizeOption int

func (cs chunkSizeOption) setOptions(o *MediaOptions) { o.ChunkSize = int(cs) }

// ChunkSize returns a MediaOption which sets the chunk size for media uploads.
// size will be rounded up to the nearest multiple of 256K.
func ChunkSize(size int) MediaOption { return chunkSizeOption(size) }

type chunkTransferTimeoutOption time.Duration

func (cd chunkTransferTimeoutOption) setOptions(o *MediaOptions) {
	o.ChunkTransferTimeout = time.Duration(cd)
}

// ChunkTransferTimeout returns a MediaOption which sets a per-chunk
// transfer timeout for resumable uploads.
func ChunkTransferTimeout(timeout time.Duration) MediaOption {
	return chunkTransferTimeoutOption(timeout)
}

type chunkRetryDeadlineOption time.Duration

func (cd chunkRetryDeadlineOption) setOptions(o *MediaOptions) {
	o.ChunkRetryDeadline = time.Duration(cd)
}

// ChunkRetryDeadline returns a MediaOption which sets a per-chunk retry
// deadline.
func ChunkRetryDeadline(deadline time.Duration) MediaOption {
	return chunkRetryDeadlineOption(deadline)
}

type enableAutoChecksumOption struct{}

func (d enableAutoChecksumOption) setOptions(o *MediaOptions) { o.EnableAutoChecksum = true }

// EnableAutoChecksum returns a MediaOption that enables automatic checksum
// calculation.
func EnableAutoChecksum() MediaOption { return enableAutoChecksumOption{} }

// MediaOptions stores options for customizing media upload.
type MediaOptions struct {
	ContentType           string
	ForceEmptyContentType bool
	ChunkSize             int
	ChunkRetryDeadline    time.Duration
	ChunkTransferTimeout  time.Duration
	EnableAutoChecksum    bool
}

// ProcessMediaOptions stores options from opts in a MediaOptions.
func ProcessMediaOptions(opts []MediaOption) *MediaOptions {
	mo := &MediaOptions{ChunkSize: DefaultUploadChunkSize}
	for _, o := range opts {
		o.setOptions(mo)
	}
	return mo
}

// A CallOption is an optional argument to an API call.
type CallOption interface {
	Get() (key, value string)
}
