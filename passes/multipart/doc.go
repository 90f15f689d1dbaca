// Package multipart defines an Analyzer that reports multipart forms whose
// temporary files and in-memory parts are not cleaned up.
//
// # Analyzer multipart
//
// multipart: report multipart forms parsed without RemoveAll
//
// Parsing a multipart form keeps up to maxMemory bytes of the upload in
// memory and writes the rest to temporary files. (*multipart.Form).RemoveAll
// deletes those files. Incident 2 in memlint's incident notes: an upload
// service parsing ~10,000 files a day with ParseMultipartForm(32 << 20) and
// no RemoveAll had to be restarted every few hours; the fix was a smaller
// maxMemory plus defer r.MultipartForm.RemoveAll().
//
// The pass reports:
//
//   - (*multipart.Reader).ReadForm whose *multipart.Form is not RemoveAll'ed
//     on every path. Nothing else ever deletes these files.
//   - (*http.Request).ParseMultipartForm and FormFile, gin's
//     (*gin.Context).FormFile and MultipartForm and echo's Context.FormFile
//     and MultipartForm, with no RemoveAll of that request's MultipartForm on
//     every path. When the form was parsed on a copy of the request
//     (r.WithContext, r.Clone, http.NewRequest, a request literal) the server
//     never removes the files. On the server's own request it removes them
//     only after the handler returns, and up to maxMemory bytes (32 MiB for
//     FormFile and the gin and echo defaults) stay in memory meanwhile.
//   - A constant maxMemory above the max-memory flag, whatever the cleanup.
//
// Wrong:
//
//	func upload(w http.ResponseWriter, r *http.Request) {
//		if err := r.ParseMultipartForm(32 << 20); err != nil {
//			http.Error(w, err.Error(), http.StatusBadRequest)
//			return
//		}
//		save(r.MultipartForm.File["file"])
//	}
//
// Right:
//
//	func upload(w http.ResponseWriter, r *http.Request) {
//		if err := r.ParseMultipartForm(8 << 20); err != nil {
//			http.Error(w, err.Error(), http.StatusBadRequest)
//			return
//		}
//		defer r.MultipartForm.RemoveAll()
//		save(r.MultipartForm.File["file"])
//	}
//
// A cleanup counts when RemoveAll is called directly, deferred, inside a
// deferred closure, or by a function known (through a fact, also across
// packages) to call RemoveAll on the form, request or context it is given;
// "defer cleanup(r)" may even come before the parse. Paths on which the
// parse returned an error, and branches where the form is nil, do not
// count.
//
// A parse on a parameter of a function that is not a handler (net/http's
// (w, r), gin's (c), echo's (c) error, v4 or v5, fiber's (c) error: the
// exact shapes of internal/httpapi) is a helper's: the helper stays
// silent and a fact carries the parse to its callers, which are reported
// at the call if they never remove the form.
//
// The pass stays silent when:
//
//   - the body is streamed with r.MultipartReader() and NextPart;
//   - fiber v2's (*fiber.Ctx).FormFile and MultipartForm: fasthttp parses
//     the form from the body it already holds in memory (bounded by the
//     app's BodyLimit, 4 MiB by default), without temporary files, or with
//     StreamRequestBody into files above 8 KiB, and removes the form itself
//     when the handler returns; a RemoveAll would free nothing earlier;
//   - only FormValue, PostFormValue or ParseForm are used (common on
//     non-upload endpoints; for a non-multipart body they allocate nothing);
//   - the form or request is handed off: returned, stored in a field,
//     global, map, slice or channel, captured by a goroutine, or passed to a
//     func value or interface method (such as next.ServeHTTP), or to a
//     function whose result can hold it (an empty interface, or a type that
//     contains a request), any of which may clean it up later;
//   - the file is a _test.go file (tests build requests with
//     httptest.NewRequest and their temporary files die with the test run).
//
// Generated files are skipped. A method value (parse := r.ParseMultipartForm)
// is not followed.
//
// A suggested fix inserts "defer r.MultipartForm.RemoveAll()" right after
// the parse and its error check, or a nil-guarded deferred closure where
// there is no error check, when the form is never cleaned up nor handed
// off.
//
// Flags:
//
//	-multipart.max-memory=N  report a constant maxMemory above N bytes
//	                         (default 33554432, 32 MiB)
package multipart
