// Package multipart defines an Analyzer that reports multipart forms whose
// temporary files and in-memory parts are not cleaned up.
//
// # Analyzer multipart
//
// multipart: report multipart forms parsed without RemoveAll
//
// Parsing a multipart form keeps up to maxMemory bytes of the upload in
// memory (plus up to 10 MiB of non-file values) and writes the rest to
// temporary files. (*multipart.Form).RemoveAll deletes those files; it
// frees no memory. Incident 2 in memlint's incident notes: an upload
// service parsing ~10,000 files a day with ParseMultipartForm(32 << 20) and
// no RemoveAll had to be restarted every few hours; the fix was a smaller
// maxMemory plus defer r.MultipartForm.RemoveAll().
//
// What net/http does (server.go, finishRequest): after the handler
// returns, the server calls RemoveAll on the form of the *Request it
// passed in, its original request. A copy of the request has its own
// MultipartForm field: a form parsed on r.WithContext(ctx), r.Clone(ctx)
// or *r2 = *r is never removed by the server. Routers and middleware
// commonly pass such copies (chi's Mux and gorilla/mux add their route
// context with WithContext, http.StripPrefix and http.TimeoutHandler copy,
// and so does any middleware that adds a context value), so a handler
// cannot know whether its r is the original. On the original, RemoveAll
// in the handler only deletes the files earlier; the memory cost there is
// maxMemory per concurrent upload while the handler runs, which only a
// smaller maxMemory reduces (the max-memory rule below).
//
// The pass reports:
//
//   - (*multipart.Reader).ReadForm whose *multipart.Form is not RemoveAll'ed
//     on every path. Nothing else ever deletes these files.
//   - (*http.Request).ParseMultipartForm and FormFile, gin's
//     (*gin.Context).FormFile and MultipartForm and echo's Context.FormFile
//     and MultipartForm, with no RemoveAll of that request's MultipartForm on
//     every path. When the form was parsed on a copy made in the function
//     (r.WithContext, r.Clone, http.NewRequest, a request literal) the
//     message says the files are never deleted. On a handler's request
//     parameter (net/http's r, gin's c.Request, echo's c.Request()) it says
//     they are never deleted if the request is a copy made by a router or
//     middleware; the suggested RemoveAll is then the fix, and on the
//     server's original request it is harmless. gin and echo never copy
//     the request they hand their handlers, so a gin or echo handler's
//     form is reported only when the package may copy it, and the message
//     says why: it assigns a gin.Context's Request or calls an echo
//     Context's SetRequest (a middleware's c.Request =
//     c.Request.WithContext(ctx)), imports a tracing middleware that does
//     (otelgin, otelecho, echo-contrib's jaegertracing and zipkintracing),
//     calls echo's Timeout, ContextTimeout (or their WithConfig forms) or
//     WrapMiddleware, or serves the engine through http.StripPrefix,
//     http.TimeoutHandler or http.MaxBytesHandler. _test.go files do not
//     count: a test that builds a context by hand (gin.CreateTestContext,
//     then c.Request = req) replaces no request the server serves
//     (pocket-id's controller tests made the message name such an
//     assignment as the reason). A call of a function of another package
//     that copies does not count here (traQ's router package gives its
//     route groups UserAuthenticate, whose SetRequest copies: a miss).
//   - The same gin and echo forms, when the copy is made in another
//     package of the module (the remote rule): most services install
//     their middleware far from their handlers. A package whose handlers
//     leave their forms to the server's cleanup (nothing in it copies the
//     request) lists them in a package fact (serverForms), and a package
//     of the same module that imports it, directly or through others, and
//     installs on an engine of that framework (its Use, echo's Pre) a
//     middleware that replaces the request (otelgin's, echo's Timeout, a
//     function of the module that copies, such as go-clean-arch's
//     SetRequestContextWithTimeout, which calls c.SetRequest with a
//     WithContext copy: its copiesRequest fact, which a SetRequest of the
//     request a net/http wrapper passed on does not earn, as traQ's Gzip
//     does; a literal that assigns c.Request), or serves
//     the engine through http.StripPrefix, TimeoutHandler or
//     MaxBytesHandler, reports them, once, there, naming every parse in
//     related information. pocket-id's bootstrap
//     package installs otelgin's middleware when tracing is enabled; its
//     controller package's seven FormFile uploads are reported at that
//     r.Use(otelgin.Middleware(...)). A middleware given to a group's
//     Use or to a route reaches only some routes and is not an install
//     site (gin-vue-admin's plugins add DataScope to their private
//     groups; so ech0's uploads, registered on a group whose RequireAuth
//     middleware replaces c.Request with a copy carrying the viewer, are
//     misses). Nor is anything reported when the package also installs
//     on an engine a body limit (echo's BodyLimit, gin-contrib/size's
//     RequestSizeLimiter: vikunja bounds bodies to its upload size plus
//     2 MiB, 22 MiB by default) or a middleware that parses the form on
//     the server's request before any copy is made (echo's MethodOverride
//     with MethodFromForm, in Pre, as opengist does: the copy shares the
//     parsed form and the handler's parse does nothing). A form reported
//     in its own package is not listed, and a form a finding named (or a
//     guard settled) is not reported again by the packages above. Not
//     listed: a handler that a route registers behind a middleware that
//     parses the form first and then calls c.Next() or next(c) (a
//     parsesBeforeNext fact, also across packages), since its own parse
//     then does nothing (pocket-id's client logo, behind
//     FileSizeLimitMiddleware.Add(2<<20)). The pass cannot tell which
//     engine serves which handlers: a copying middleware installed on
//     one engine is taken to reach every handler the package imports,
//     and a package that passes the engine to a function of another
//     package that installs the middleware is not an install site. No
//     fix is suggested there: the RemoveAll belongs in each handler.
//   - A constant maxMemory above the max-memory flag, whatever the cleanup:
//     each concurrent upload may hold that much in memory until the
//     handler returns, and the remedy is a smaller maxMemory. This rule
//     needs no owner: it also holds in a helper given the request
//     (imaginary's readFormBody parses with a 64 MiB constant) and for a
//     request kept in a field.
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
// deferred closure, or by a function known (through the removesForm fact of
// memlint's ownership engine, internal/ownership, also across packages)
// to call RemoveAll on the form, request or context it is given, on some
// path: r.MultipartForm, c.Request.MultipartForm, c.Request().MultipartForm,
// the form c.MultipartForm() returns;
// "defer cleanup(r)" may even come before the parse. Paths on which the
// parse returned an error, and branches where the form is nil, do not
// count.
//
// A parse on a parameter of a function that is not a handler (net/http's
// (w, r), gin's (c), echo's (c) error, v4 or v5, fiber's (c) error: the
// exact shapes of internal/httpapi) is a helper's: the helper stays
// silent and a fact carries the parse to its callers, which are reported
// at the call if they never remove the form. A server-side function of
// another shape (it takes an http.ResponseWriter or a framework context:
// func(w, r) error and func(w, r) *appError adapters, httprouter's (w, r,
// ps), a callback given the request) that the package never calls and
// only passes as a value, to a router or an adapter, owns its request as a
// handler does and is reported itself; so is such a literal passed as an
// argument, stored in a composite literal or returned.
//
// The pass stays silent when:
//
//   - the body is streamed with r.MultipartReader() and NextPart;
//   - fiber v2's (*fiber.Ctx).FormFile and MultipartForm: fasthttp parses
//     the form from the body it already holds in memory (bounded by the
//     app's BodyLimit, 4 MiB by default), without temporary files, or with
//     StreamRequestBody into files above 8 KiB, and removes the form itself
//     when the handler returns; a RemoveAll would free nothing earlier;
//   - the function bounds the request's body before the parse, in a
//     statement of its top level, r.Body = http.MaxBytesReader(w, r.Body,
//     n) (c.Request.Body for gin) with a constant n no larger than the
//     maxMemory of every parse of the function (FormFile's 32 MiB
//     included): the whole form then stays in memory and no
//     temporary file is written (athens' .save route bounds its body to
//     1 MiB, then parses with a 516 MiB maxMemory); the size rule is
//     silent too when n is within max-memory, since the form can hold
//     no more than n. n may also be a parameter that nothing in its file
//     assigns and that every parse takes as its maxMemory (pocket-id's
//     FileSizeLimitMiddleware: MaxBytesReader(w, body, maxSize), then
//     ParseMultipartForm(maxSize)). A limit under a condition does not
//     count;
//   - only FormValue, PostFormValue or ParseForm are used (common on
//     non-upload endpoints; for a non-multipart body they allocate nothing);
//   - the form or request is handed off: returned, stored in a field,
//     global, map, slice or channel, captured by a goroutine, or passed to a
//     func value or interface method (such as next.ServeHTTP), or to a
//     function that keeps it (internal/ownership's retains fact), any of
//     which may clean it up later. A function that returns it in a wrapper
//     (returns fact: a view or context built from the request) hands it
//     off only if the wrapper leaves the handler. A function that neither
//     keeps nor returns it (the engine summarises every function; one of
//     another package with no fact only uses its parameters) does not
//     hand it off, whatever its result can hold: goatcounter's
//     log.AttrHTTP(r) builds a slog.Attr from the request's method, URL
//     and form values, and the handlers that log it are reported;
//   - a middleware of the same package parses the form of the request it
//     passes on (next.ServeHTTP(w, r), next(w, r), gin's c.Next()) and
//     removes it: the handlers' parses then find the form parsed and do
//     nothing (a copy made in the handler is still reported). A middleware
//     in another package is not seen by this rule (the remote rule leaves
//     out a handler a route registers behind one that parses the form);
//   - every route the handler is registered on turns multipart bodies
//     away before it runs: a chi router made by With(...) with
//     middleware.AllowContentType of constant types none of which is
//     multipart/form-data, a variable assigned once from one, or a router
//     whose Use was given that gate; through an adapter given only the
//     handler (zhttp.Wrap(h.count)), as goatcounter mounts its JSON API
//     (internal/httpapi.MultipartGated). A handler also registered on a
//     route without the gate, or used as a value anywhere else, is
//     judged as usual, and so is one also called directly (its callers'
//     routes run it too); a gate on a group's parent (r.Group, r.Route,
//     Mount) or in another package is not seen;
//   - the file is a _test.go file (tests build requests with
//     httptest.NewRequest and their temporary files die with the test run).
//
// Generated files are skipped. A method value (parse := r.ParseMultipartForm)
// is not followed, nor a request held in a struct field (an adapter's
// c.r.ParseMultipartForm, as huma's humachi context does): only requests
// in parameters and local variables are tracked. Also not seen (misses
// found on the corpus): r.FormValue and PostFormValue, which parse a
// multipart body with 32 MiB too (screego's login on gorilla/mux's request
// copy; dex's eight form handlers, which its router's wrapper hands
// r.WithContext(ctx), a copy, through a route interface: whether a
// net/http handler gets a copy is not tracked, and reporting every
// FormValue of every handler would report the many endpoints that only
// ever get urlencoded forms); echo's c.Bind and gin's Bind and ShouldBind of a multipart
// body, whose binders parse the request with 32 MiB (go-clean-arch's
// Store, behind a timeout middleware of another package that the remote
// rule sees: any client may send a multipart body to a handler that binds
// JSON, so every Bind would count; not reported, precision first); a
// parse inside an
// interface method given a request copy (imagor); and a maxMemory taken
// from configuration (homebox's, equal to its body cap).
//
// A suggested fix inserts "defer r.MultipartForm.RemoveAll()" right after
// the parse and its error check, or a nil-guarded deferred closure where
// there is no error check, when the form is never cleaned up nor handed
// off; a parse in a return statement (return r.ParseMultipartForm(n)) gets
// the nil-guarded closure before the return, where it still runs. A parse that is itself deferred or run by a go statement gets no
// fix (a defer placed after it would run first, on a nil form).
//
// Flags:
//
//	-multipart.max-memory=N  report a constant maxMemory above N bytes
//	                         (default 33554432, 32 MiB)
//
// The maxMemory of gin's FormFile and MultipartForm is the engine's
// MaxMultipartMemory: the constant the package assigns to it (every
// assignment the same), or gin's 32 MiB default when it assigns none, and
// then the message says so ("gin's default MaxMultipartMemory: no engine
// in this package sets it"): an engine configured in another package is
// not seen. An assignment that is not a constant makes it unknown, and no
// size finding is reported. echo's FormFile always parses with 32 MiB.
package multipart
