// Package bigbuffer defines an Analyzer that reports 16 MiB upload buffers
// and big buffers allocated per request or per loop iteration.
//
// # Analyzer bigbuffer
//
// bigbuffer: report 16 MiB upload buffers and big per-request buffers
//
// Every cloud.google.com/go/storage Writer allocates a buffer of ChunkSize
// bytes on its first Write, and the default ChunkSize is
// googleapi.DefaultUploadChunkSize, 16 MiB. The google-api-go-client media
// uploads (svc.Objects.Insert(...).Media(r)) do the same unless given
// googleapi.ChunkSize. Incident 1 in memlint's incident notes: a service
// writing objects of under 100 KB kept 95% of its heap in
// gensupport.NewMediaBuffer and spent its CPU clearing it; setting
// ChunkSize to fit the objects cut its memory 10-20x. A writer made per
// request or per loop iteration allocates those 16 MiB every time, and
// concurrent requests hold them all at once. Incident 5: big buffers built
// per item or per request are what multiply memory.
//
// The pass reports:
//
//   - A storage.Writer from (*storage.ObjectHandle).NewWriter (or from a
//     helper known to return one) that is written, flushed, closed or
//     handed to a function such as io.Copy on some path before its
//     ChunkSize is assigned, at the NewWriter call. Any assignment counts,
//     0 included (0 disables the buffer; the upload is then a single
//     request that is not retried). A ChunkSize set after the first Write
//     has no effect and is reported as such.
//   - A writer appending to an unfinalized object,
//     (*storage.ObjectHandle).NewWriterFromAppendableObject(ctx, opts),
//     whose options leave ChunkSize at the default: nil, or an
//     &storage.AppendableWriterOpts{...} literal with no ChunkSize or a
//     ChunkSize of 0, which here means the 16 MiB default rather than no
//     buffer. The call opens the writer, so a ChunkSize set on it afterwards
//     changes nothing; options from a variable may set it (silent), and so
//     is a call whose writer is discarded (only the offset is wanted).
//   - A Media(r, opts ...googleapi.MediaOption) call of a
//     google.golang.org/api client without a googleapi.ChunkSize option.
//     The method is recognised by its signature, in any generated API.
//   - A constant-size allocation of at least max-bytes on a hot path:
//     make([]T, n) and make([]T, 0, n) (element size times n),
//     bytes.NewBuffer(make(...)), bufio.NewReaderSize, bufio.NewWriterSize,
//     and (*bytes.Buffer).Grow and (*strings.Builder).Grow of a buffer
//     created in the same hot region. A hot path is a loop body, a
//     function on a request path (a function or closure with an
//     http.ResponseWriter or request holder parameter: *http.Request,
//     *gin.Context, echo.Context, *echo.Context (v5), *fiber.Ctx; or a
//     gRPC server method), or a goroutine started in a loop. Messages give the bytes and how often
//     they are allocated ("16 MiB per request").
//
// Wrong:
//
//	func upload(w http.ResponseWriter, r *http.Request) {
//		wc := bucket.Object(name).NewWriter(r.Context())
//		io.Copy(wc, r.Body)
//		wc.Close()
//	}
//
// Right:
//
//	func upload(w http.ResponseWriter, r *http.Request) {
//		wc := bucket.Object(name).NewWriter(r.Context())
//		wc.ChunkSize = 256 << 10 // objects are small
//		io.Copy(wc, r.Body)
//		wc.Close()
//	}
//
// The pass stays silent when:
//
//   - the writer is returned, stored in a field, slice, map or channel,
//     converted to an interface, captured by a closure, or passed to a func
//     value or interface method: someone else may set ChunkSize;
//   - the writer is passed to a function known (through a fact, also across
//     packages) to set the ChunkSize of that parameter;
//   - ChunkSize is set under an if that tests the value it is set to
//     (if cfg.ChunkSize > 0 { w.ChunkSize = cfg.ChunkSize }): keeping the
//     default when nothing is configured is a deliberate choice; and
//     whenever ChunkSize is assigned a value that is not a constant, even
//     an operator's 16 MiB default used for small in-memory content
//     (distribution's putContent: a documented miss);
//   - the writer streams a reader of unknown size (only io.Copy, io.CopyN
//     or io.CopyBuffer from something other than a bytes.Reader,
//     bytes.Buffer or strings.Reader feed it) under a context that
//     outlives the call (context.Background() or TODO(), a package
//     variable, a field such as a job's ctx), outside any loop or handler:
//     a backup or export job, whose 16 MiB chunk trades memory for fewer
//     requests on big objects (a 256 KiB chunk costs a 1 GiB object 4,096
//     requests). A writer under the caller's context (a parameter, a
//     request's context) is made per call and still reported, and so are
//     bytes already in memory (Write(data), a bytes.Reader), which the
//     chunk buffer only copies;
//   - the writer is never written, flushed or closed on a path (a deferred
//     Close does not count, nor CloseWithError, which allocates nothing on
//     an unopened writer);
//   - the writer is assigned to a variable that is assigned more than once
//     or whose address is taken (but w = helper(w, ...) through a helper
//     that only sets fields of its writer parameter and returns it on
//     every return, a configures fact, also across packages, is the same
//     writer: gcsfuse's wc = storageutil.SetAttrsInWriter(wc, req) in
//     CreateObject, which uploads every mkdir, symlink and small file
//     through a 16 MiB chunk, is reported);
//   - a Media call passes options it cannot see through (opts..., a
//     variable or a call of a non-googleapi function);
//   - an allocation's size is not a constant, depends on a type parameter,
//     or is below max-bytes;
//   - an allocation is made once: in init, in main or any other function
//     outside a loop, in a sync.Pool's New func (the cure) or a sync.Once
//     func, at package level; or it is returned, appended, stored into a
//     slice element, map entry or field (preallocation; also the field of
//     a struct local to a handler, a miss: tinode's gRPC download sets
//     resp.Content = make([]byte, 2 MiB) per request and hands &resp to
//     stream.Send, an interface method that may keep it), or assigned
//     under an if that tests the variable (lazy initialisation);
//   - an allocation is made in a goroutine that loops itself, started by a
//     counting loop (for i := 0; i < workers; i++ or range workers): a
//     worker pool allocates once per worker and reuses the buffer per job;
//   - Grow is called on a buffer from a pool, a field or a parameter, which
//     allocates nothing once it is big enough.
//
// How often a function runs is not visible: a function that runs once per
// invocation of a command or a sample and writes a few bytes through one
// writer under its own timeout context is reported like a per-call
// helper (Google's Cloud Storage samples: 8 such findings, labelled false
// in the corpus).
//
// Generated files and _test.go files are skipped: benchmark and test loops
// are not production memory. So is a test-support package written outside
// _test.go files, one of whose files imports "testing" (a testutil
// package; gcsfuse's integration-test client helpers, which upload each
// test's objects through writers left at the default ChunkSize). Its
// facts are still exported for its importers.
//
// Suggested fixes insert "w.ChunkSize = <chunk-size>" right after the
// NewWriter statement when ChunkSize is never set, give an appendable
// writer's options "ChunkSize: <chunk-size>" (nil options become
// &storage.AppendableWriterOpts{ChunkSize: <chunk-size>}; none for an
// explicit ChunkSize: 0, nor when -chunk-size is 0, which there means the
// default), and append
// googleapi.ChunkSize(<chunk-size>) to Media's options, adding the import
// when needed. Choose a chunk size that fits the objects: smaller chunks
// mean more requests for big objects.
//
// Flags:
//
//	-bigbuffer.max-bytes=N   report hot-path allocations of at least N bytes
//	                         (default 1048576, 1 MiB; KiB, MiB, GiB suffixes
//	                         accepted)
//	-bigbuffer.chunk-size=N  ChunkSize written by the suggested fixes
//	                         (default 262144, 256 KiB; 0 or a multiple of
//	                         256 KiB)
package bigbuffer
