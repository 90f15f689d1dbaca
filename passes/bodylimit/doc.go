// Package bodylimit defines an Analyzer that reports request bodies and
// decompressed network streams read whole into memory with no limit.
//
// # Analyzer bodylimit
//
// bodylimit: report request bodies read whole with no size limit
//
// A handler that reads its request body whole (io.ReadAll(r.Body),
// json.NewDecoder(r.Body).Decode, gin's ShouldBindJSON, echo's Bind) holds
// as many bytes as the client chose to send: nothing in net/http, gin or
// echo bounds a body by default. One client can make the process allocate
// gigabytes and be OOM-killed. Public evidence: a router pod OOM-killed by
// large request bodies (volcano-sh/kthena#1641); penetration-test findings
// on io.ReadAll(r.Body) without a limit (ory/kratos#3736,
// flexprice/flexprice#2527); cilium, coder and brave each wrote an in-house
// rule for it. A decompressed stream is worse: a limit on the compressed
// body does not bound what the decompressor produces, and 1 MiB of gzip
// expands to 1 GiB (cortexproject/cortex#7515,
// open-policy-agent/opa#8132, gocolly/colly#886, ffuf/ffuf#897,
// CVE-2023-0821, golang/vulndb#5041 and #5778).
//
// The pass reports:
//
//   - A server request body read whole with no limit on its route:
//     io.ReadAll and ioutil.ReadAll, (*bytes.Buffer).ReadFrom, io.Copy into
//     a bytes.Buffer or strings.Builder (or a bufio.Writer over one:
//     go-admin's request logger), json or xml
//     NewDecoder(body).Decode (the decoder buffers the whole value; also
//     in a fork: a package named json or xml whose NewDecoder takes an
//     io.Reader and whose *Decoder has Decode(v any) error, such as
//     goccy/go-json or the copy of encoding/xml in x/net/webdav and
//     alist's webdav), also through a wrapper of the package that only
//     counts what passes (&countingReader{r: r}, whose Read calls r.Read
//     and tests nothing: a wrapper with an if may be a limit), gin's
//     GetRawData, Bind, BindJSON, BindXML, ShouldBind, ShouldBindJSON,
//     ShouldBindXML, ShouldBindYAML, ShouldBindTOML, ShouldBindBodyWith
//     (whatever binding it is given: it reads the body with io.ReadAll and
//     keeps it for a second binding) and ShouldBindBodyWithJSON, XML, YAML,
//     TOML and Plain, ShouldBindWith and MustBindWith given a body
//     binding (binding.JSON, XML, YAML, TOML, ProtoBuf, MsgPack, BSON,
//     Plain) or binding.Default(method, contentType), which picks one for
//     every method but GET, also held in a local variable every
//     assignment of which is one (the realworld example app's
//     b := binding.Default(c.Request.Method, c.ContentType()); return
//     c.ShouldBindWith(obj, b); a parameter, a variable of the package,
//     one also assigned another binding, or assigned in a closure or
//     through its address, is not judged; Form, Query, Uri and Header
//     read no body whole), echo's Bind (v4 and v5), go-macaron's route binders
//     binding.Bind and BindIgnErr (which JSON-decode the whole body when
//     the client sends application/json, whatever the method), Json and
//     Yaml, named at each call, also through a local variable every
//     assignment of which is the binder (gogs' bind := binding.Bind;
//     m.Post("/markdown", bind(api.MarkdownOption{}), misc.Markdown); Form
//     and MultipartForm are bounded by ParseForm's 10 MiB and the form's
//     maxMemory), the transports of a gqlgen handler.Server that read
//     every GraphQL request whole and have no setting that bounds it,
//     judged by the fact of their Do method (transport.POST, which reads
//     with io.ReadAll, and UrlEncodedForm, GRAPHQL and MultipartMixed; GET
//     reads no body, MultipartForm is bounded by its MaxUploadSize, the
//     websocket transport by its read limit): only the program rule below
//     names them, at the call that gives one to a server,
//     srv.AddTransport(transport.POST{}) (also a pointer), or at
//     NewDefaultServer, which adds POST (photoview's GraphqlEndpoint,
//     in a package that imports no HTTP package), or at the deprecated
//     github.com/99designs/gqlgen/handler.GraphQL, an http.HandlerFunc
//     that adds POST (traggo's graphql.Handler; gqlgen 0.17.85 still
//     has it, 0.17.91 does not; before gqlgen 0.11 it decoded the POST
//     body whole itself, with json.Decoder, and the message says so);
//     directly in the handler, in a closure of the handler
//     that reads the handler's request, or hands it to a helper that
//     does, wherever it runs (gotify's withID(ctx, "id", func(id uint) {
//     ctx.Bind(&v) }); goatcounter's zdb.TX(ctx, func(...) error {
//     zhttp.Decode(r, &args); ... })),
//     through a service's own context built from the handler's
//     (c := core.WrapWebContext(ginCtx, ...), a call given that one
//     holder and returning a struct embedding gin's or echo's context:
//     ezbookkeeping's JSON-RPC route),
//     or in a helper it calls (a fact, also across packages): a helper given the
//     request, or one given the body as an io.Reader that reads it whole
//     (h.Import(r.Body), whose parser two calls away in another package
//     xml-decodes its parameter: a drains fact), or in an implementation
//     of an interface method it calls with the request, among the types
//     of the interface's package and of the handler's (filebrowser's
//     auther.Auth(r, ...), whose JSONAuth decodes r.Body whole:
//     "(auth.JSONAuth).Auth (json.Decoder.Decode) reads ..."; which
//     implementation is configured is not known, and one that reads
//     whole is a path that does). The program rule names
//     a read in another module (a library's decoder) at the handler's
//     call, with where it reads, and one in the module where it is. The
//     standard library's own helpers are known by the list above only:
//     httputil.DumpRequest(r, false) reads nothing. A service's own
//     context that embeds gin's or echo's (type Context struct{
//     echo.Context }, handlers of the shape func(ctx *web.Context) error
//     adapted to echo by the service: opengist) is that framework's
//     request holder, so its ctx.Bind and ctx.Request().Body are reads
//     too (internal/httpapi, for every pass).
//   - An uploaded multipart file read whole by the same APIs, directly or
//     by a helper given it (in any package of the module, through helpers
//     that only hand the multipart.File on: go-gin-example's
//     CheckImageSize calling file.GetSize), on a route with no body limit: the file of
//     r.FormFile, of a *multipart.FileHeader that gin's or echo's (v4 or v5)
//     FormFile returned or that r.MultipartForm holds, opened, or a part
//     of r.MultipartReader(). The form keeps at most its maxMemory (32
//     MiB for FormFile) in memory and spills the rest to disk; the read
//     brings it all back ("io.ReadAll reads a whole uploaded file into
//     memory with no limit on this route": listmonk's transactional
//     attachments, redpanda console's wasm upload). A comparison of a
//     FileHeader's Size before the read (any file's, precision first)
//     bounds it, as does io.LimitReader; no fix is suggested, since a
//     body limit sized for JSON would refuse the route's uploads.
//   - A gzip, zlib, flate, bzip2, lzw, klauspost zstd, snappy or s2, or lz4
//     reader over a server request body or an http.Response body, read
//     whole by the same APIs with no limit after decompression. A limit
//     before decompression does not count. The message says how far the
//     format expands: 1 GiB of zeros compressed at the best level took
//     1 MiB as gzip, zlib or flate (about 1,000-fold), 770 KiB as lzw,
//     154 KiB as xz, 32 KiB as zstd, 20 KiB as s2, 2 KiB as brotli and 785
//     bytes as bzip2, but 4 MiB as lz4 and 48 MiB as snappy (measured
//     with the Go encoders and bzip2 -9).
//   - An entry of a zip or tar archive from the network read whole by the
//     same APIs (and fs.ReadFile on a *zip.Reader): a (*zip.File).Open or
//     (*zip.Reader).Open entry, of archive/zip or of a copy of it under
//     another path (github.com/klauspost/compress/zip: minio's
//     importIAM; another package named zip is not taken for one), or a
//     tar.NewReader
//     stream after Next (through gzip or another decompressor, or
//     uncompressed), when the
//     archive is a server request body, an uploaded multipart file
//     (r.FormFile, (*multipart.FileHeader).Open as gin's and echo's
//     FormFile return, a part of r.MultipartReader()), an http.Response
//     body, or the bytes of one of them read whole (zip.NewReader(
//     bytes.NewReader(body), int64(len(body)))). A limit on the archive
//     (http.MaxBytesReader on the body, ParseMultipartForm's memory, the
//     upload's size) does not count: deflate expands about 1,000-fold, and a
//     tar entry is as large as its header declares, its sparse holes
//     expanded to zeros by archive/tar (an old-GNU sparse archive of
//     1,536 bytes reads back as a 1 GiB entry with Go 1.26).
//   - The same streams passed to a helper of the package, or of another
//     package (a fact), that decompresses or unpacks its parameter and
//     reads the result whole: reported at the call, where the source is
//     known, naming the helper and where it reads (related information for
//     a helper of the package; "helper (io.ReadAll at dir/file.go:12)" in
//     the text for another package's, whose positions go vet's file set
//     does not hold).
//   - A message of a gorilla/websocket connection that an Upgrade of the
//     module made, read whole by ReadMessage, ReadJSON or
//     websocket.ReadJSON, when nothing in the package or the module's
//     packages it imports calls SetReadLimit on any connection:
//     gorilla/websocket has no default read limit and holds a message
//     whole, however many frames it spans, so a client decides how much
//     memory one message takes (found on pterodactyl's wings, whose
//     server console socket reads any client's messages before checking
//     its token). The connection is followed through local variables,
//     unexported struct fields the package assigns only upgraded
//     connections (what its test files assign, fake connections in a
//     session, Focalboard's, does not count), and, across packages,
//     fields and functions with an
//     "upgraded" fact (wings' websocket.Handler.Connection, read by its
//     router package); a package that sets a limit exports "wsReadLimit".
//     A connection given as a parameter (komari's connection.NewSafeConn(
//     conn), which the wrapper's readFrame reads with ReadMessage: a
//     miss), kept in an exported field of the
//     package's own type (an importer may limit it), or also assigned a
//     dialled connection is not judged, nor is a method value of a read (read := conn.ReadMessage), nor are client connections
//     (Dialer.Dial), nhooyr.io/websocket and coder/websocket (32 KiB
//     default limit), or x/net/websocket (32 MiB MaxPayloadBytes). The
//     message suggests a limit of -bodylimit.max-bytes; there is no
//     suggested fix (where to set it depends on the connection's owner).
//
// Wrong:
//
//	func create(w http.ResponseWriter, r *http.Request) {
//		body, err := io.ReadAll(r.Body)
//		...
//	}
//
//	func main() {
//		mux := http.NewServeMux()
//		mux.HandleFunc("POST /items", create)
//		http.ListenAndServe(":8080", mux)
//	}
//
// Right:
//
//	func create(w http.ResponseWriter, r *http.Request) {
//		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
//		body, err := io.ReadAll(r.Body)
//		...
//	}
//
// or http.ListenAndServe(":8080", http.MaxBytesHandler(mux, 1<<20)), or a
// body-limit middleware on the router (echo's middleware.BodyLimit, chi's
// middleware.RequestSize, gin-contrib/size, one of your own).
//
// Where it reports. Limits usually live far from the read: in a
// middleware of another package, or in main where the router is wired.
// Rules that report every unbounded read in a handler are known for false
// positives on services with a global limit (securego/gosec#1544, #1566,
// #1613; supabase/auth#2402), and in real services most handlers are
// covered that way (ory/kratos wraps its whole router in
// http.MaxBytesHandler, mailpit and OPA limit every body in a global
// middleware). So the pass reports only where it sees the whole wiring: a
// router made in a function (gin.New, gin.Default, echo.New, chi.NewRouter,
// gorilla/mux's NewRouter, http.NewServeMux, or the default ServeMux
// through http.HandleFunc) and
// served in that same function (Run, Start, http.ListenAndServe,
// echo v5's StartConfig{...}.Start(ctx, e),
// http.Server{Handler: r}; the default ServeMux also through a local
// http.Server whose Handler is never set, srv := &http.Server{Addr: a}
// or var srv http.Server, and srv.ListenAndServe()), with every use of the router and of its
// groups understood: registrations, middlewares (Use, Pre, Group and route
// middlewares; gorilla's subrouters, s := r.PathPrefix(p).Subrouter())
// and calls of functions that only register handlers on it
// (a fact). On such a router, a handler that reads unbounded is reported
// at the read when it is declared in the package, or at the registration,
// naming the handler and where it reads, when it comes from another
// package; a call that registers several such handlers (a function of
// the module given the router: one-api's router.SetRouter(server), which
// registers its whole API) is reported once, naming the first and
// counting them, with each handler and its read in related information.
//
// A server whose wiring the pass cannot follow is still reported when
// nothing bounds bodies anywhere near it (the program rule). Real
// services register handlers through interfaces, route tables and
// constructors (ory/hydra: handlers in five packages, routers made in
// one function, routes added through a registry interface, served in a
// third; cfssl: a map of endpoint constructors on the default ServeMux).
// In a package that starts a server (http.ListenAndServe or
// http.Serve, an http.Server's ListenAndServe or Serve, gin's Run, echo's
// Start, echo v5's StartConfig.Start and StartTLS) with a handler built in that package (not a parameter of an
// exported function, nor an exported variable: an importer could have
// wrapped it in a limit; an http.Server built by a function of the
// package, srv := newServer(addr, newRouter()), and started by an
// unexported helper given it, start(srv), is followed to that handler (a
// server variable given only &http.Server{...} literals serves those
// literals' handlers, not every server literal of its function: dex
// starts its telemetry server and its main one from one function), and
// so is a server kept in an unexported field of a type of the package,
// a.server.ListenAndServe() after a.server = &http.Server{...} or
// a.http.Handler = a.mux anywhere in the package, or a positional
// literal of the type (pocket-id's &serverConfig{addr, certProvider,
// listener, server, tlsConfig}, served as config.server.Serve(listener)
// in a goroutine of startHTTPServer), and so are the servers
// of an unexported map or slice field a range loop starts (for _, server
// := range hc.servers { go server.Serve(l) } after hc.servers[name] =
// &http.Server{...}: Burrow); an exported field, or one holding a server
// an exported function was given, is not, except for a start site, whose
// importers' calls are judged (below: soft-serve's
// web.(*HTTPServer).ListenAndServe starts s.Server, which NewHTTPServer
// sets to &http.Server{Handler: NewRouter(ctx)}; so is an http.Server the
// type embeds, started by a promoted method: Focalboard's web.Server
// embeds http.Server{Handler: r}, r := mux.NewRouter(), starts it with
// ws.ListenAndServe() in Start, and other packages register their routes
// on ws.Router() through an interface, AddRoutes(rs RoutedService); a
// mux on which the function that makes it registers nothing is filled
// elsewhere, never taken for a library's debug mux); a Handler that is a
// function literal handing every request to one handler it does not make
// itself, h.ServeHTTP(w, r), serves h (pocket-id's
// http.HandlerFunc(func(w, req) { ...; r.ServeHTTP(w, req) }) serves
// its gin engine); a
// package that hands a handler it builds to a function of another package,
// of the module or of another module, that starts a server with that
// parameter, unwrapped (a
// serves fact: gotify's runner.Run(engine, conf), whose http.Server gets
// the engine as its Handler; also when it hands the parameter, unwrapped,
// to a function of its own package that serves it, in a goroutine or
// not: traggo's server.Start(mux, port) gives it to startServer, whose
// goroutine runs srv.ListenAndServe(); also through a tracing wrapper, which bounds
// nothing (&ochttp.Handler{Handler: h}, otelhttp.NewHandler(h, name)), and
// through a method of the package that starts the http.Server literal it
// is given, s.ServeHTTP(ctx, &http.Server{Handler: h}):
// exposure-notifications-server's ServeHTTPHandler), and a package that
// gives an http.Server literal to a function of any package that starts
// the server it is given, in its body or a goroutine of it, and never sets
// its Handler (a servers fact: zgo.at/zhttp.Serve(flags, stop,
// &http.Server{Handler: h}), goatcounter's; a function that sets
// srv.Handler to what may bound bodies, as http.MaxBytesHandler(
// srv.Handler, n), a function returning a limit, a func value's result
// or a handler it was given would, has none; a known wrapper that bounds
// nothing, autocert's m.HTTPHandler(srv.Handler) in gotify's
// applyLetsEncrypt, does not count),
// and a package that serves a graceful-shutdown wrapper keeping the
// http.Server literal it was given (a keeps fact: a function returning
// a struct literal with its *http.Server parameter in a field, on every
// return, and never setting that server's Handler; braintree/manners'
// NewWithServer(s) returns &GracefulServer{Server: s}) through a method
// that starts the server its receiver holds in that field (a servesField
// fact: the receiver's struct has one *http.Server field, the method
// starts it, s.Server.Serve(l), or through another such method,
// ListenAndServe calling s.Serve, and sets its Handler to nothing that
// may bound bodies: manners' newGracefulHandler(s.Server.Handler) bounds
// nothing; a Serve that sets http.MaxBytesHandler(s.Server.Handler, n)
// has no fact), called on a local or unexported package variable every
// assignment of which in the package is a call of that keeps function
// (pufferpanel's webService = manners.NewWithServer(&http.Server{Handler:
// router}), then go webService.Serve(l); a variable also assigned
// anything else, or whose address is taken, is not judged),
// counts as starting one at that call; so does a go-macaron app's Run),
// the pass looks at the package and at every package of the same module
// it imports. When none of them bounds request bodies (a body-limiting
// middleware or handler of any package, http.MaxBytesReader with a
// ResponseWriter or http.MaxBytesHandler anywhere, a body assigned a
// bounded reader, a router with a middleware the pass cannot resolve; a
// MaxBytesReader(nil, ...) bounds a fetched response or a file, not a
// request, and does not count; nor does a handler or helper that bounds
// the body it then reads or parses itself, r.Body =
// http.MaxBytesReader(w, r.Body, n) before io.ReadAll(r.Body) or
// FormFile: that bounds its own route only, wakapi's Stripe webhook and
// answer's upload service, and so does one that hands the bounded
// request to a helper of the module that reads it (ech0's captcha
// handler and its decodeJSON(r, &req)), or to a helper that bounds the
// request itself and reads it (komari's decodeJSON(ctx, &req), whose
// own first line is ctx.Request.Body = http.MaxBytesReader(...)), or
// that reads a form value after the limit (FormValue, PostFormValue,
// gin's PostForm family: komari's upload chunk), all of it carried to
// other packages by a consumes fact, so a package registering such a
// handler of another package does not take it for a middleware (a
// function of a handler's shape
// that only such bounded calls reach, unexported, gofr's
// handleGraphQLRequest behind Handle's 32 MiB limit, reads no unbounded
// body either); nor an http.MaxBytesReader a handler reads
// through itself, io.ReadAll(http.MaxBytesReader(w, r.Body, n)) or
// br := http.MaxBytesReader(...) then io.ReadAll(br); nor a body wrapped
// in readers that bound nothing, io.TeeReader, io.NopCloser or bufio,
// alone or in a struct literal with the body: sentry's SetRequest tees
// the body into a capped buffer for error reports and reads no less;
// nor a reader from a helper of the package that hands the body on (on
// some return the body itself, bare, wrapped so, or in an io.MultiReader,
// and no limit anywhere in it): go-pkgz/rest's logger peeks at the first
// kilobyte with io.CopyN and puts back io.MultiReader(buf, r.Body); a
// function that bounds a body and reads nothing of it is a middleware,
// gin's without c.Next() too)
// and handlers there (functions taking an http.ResponseWriter or a
// framework context, whatever their other parameters and results, and
// the handlers of a type the module adapts itself: a named function type
// taking the request and no ResponseWriter, which a function of its
// package with a ResponseWriter calls with its own request, as
// ardanlabs/service's web.HandlerFunc, func(ctx, *http.Request)
// web.Encoder, whose App.HandlerFunc registers a func(w, r) calling it;
// a generic type too, and a type that only a handler of such a type
// calls with its request: OpenMeter's httptransport.RequestDecoder[Req],
// which its handler's ServeHTTP calls, and RequestDecoderWithArgs, which
// With(arg) wraps in a RequestDecoder literal, so the decoder literals
// of its 63 endpoints are handlers;
// a function or literal given where that type is expected, to a call, a
// conversion, a composite literal or an assignment, is one of its
// handlers, and an adaptedHandler fact carries the type across packages;
// and methods reading a framework context their receiver keeps in a
// field, as a controllers' base type does: go-admin's
// e.Context.ShouldBindWith(d, binding.JSON) after MakeContext(c). Only
// such a base type of the module is read: go-admin's live one is
// go-admin-core's sdk/api.Api, another module's, so its handlers' reads
// are missed)
// read request bodies whole, the server is reported once, at the first
// call that starts one (a server of a library's handler alone, such as
// autocert's ACME challenge server, m.HTTPHandler(nil), is passed over:
// it serves none of the package's routes; but a library's getter of a
// handler that the package gave the same package-level holder through
// the matching setter is the package's own handler, kept for it:
// go-admin's sdk.Runtime.SetEngine(gin.New()) and http.Server{Handler:
// sdk.Runtime.GetEngine()}, and so is a getter with no arguments that a
// type of the package gets from a library's type it embeds, when the
// package registers routes on what the same getter of the same type
// returns elsewhere and the library's package bounds no bodies itself:
// bulker's router.Engine(), promoted from jitsubase's appbase.Router,
// after engine := router.Engine(); engine.POST(path, router.EventsHandler);
// so is a server of a mux made
// by a call with no arguments of a function of another package of the
// module whose program fact names no read: ardanlabs/service's debug
// port, http.ListenAndServe(host, debug.Mux()), started before its API
// server; so is a server of one function
// literal, http.HandlerFunc(func(w, r) { http.Redirect(...) }), a
// redirect to HTTPS beside the real server: writefreely's; so is a server
// of a mux on which the function that makes it registers only other
// modules' handlers: an http.ServeMux, httprouter, chi or gorilla/mux
// router with mux.HandleFunc("/debug/pprof/", pprof.Index) (statping's
// debug port) or mux.Handler("GET", "/metrics", promhttp.Handler())
// (fider's metrics server), or a gin engine with
// engine.GET("/metrics", gin.WrapH(promhttp.Handler())), a library's
// handler made of constants only in a library's wrapper (a library call
// given the package's handlers, goatcounter's zhttp.HostRoute(hosts),
// is no such handler), and only libraries' middleware given
// to Use or to the route (bulker's metrics servers, gin.New() with
// engine.Use(gin.Recovery())), also kept in a local variable given one value
// in that function, or converted to http.HandlerFunc, beside function
// literals that read no body, and on which a function of the package it
// is given registers only such handlers (but no gqlgen server, which reads
// bodies itself; dex's telemetry server:
// Prometheus, a health library's handler, a liveness probe writing "ok"
// and pprofHandler(router)); and so is a server of the default ServeMux in
// a package that registers nothing there, a net/http/pprof debug port,
// when the package starts another, and always unless a module package
// it imports registers handlers on the default ServeMux: traQ's pprof
// port serves none of its echo routes), naming every such read in related information
// (dir/file.go:line: handler, API). When no start is visible, a server of
// the package's own handler (by the same tests) that the package keeps
// in a field and an exported function or method returns is reported at
// its http.Server literal instead ("a server of the package's handler is
// built here and handed out by app.(*Context).Server"): bulker's app
// builds its API server so, and jitsubase, another module, starts it
// through an interface; a server of a handler its caller gives
// (New(h http.Handler)) is not judged. A read that follows another whole
// read of the same request's body in a statement of the same function
// (not inside a branch or a loop) reads what is left, and is not named:
// komari's servePost reads c.Request.Body, then buildContextMeta(c)
// reaches a helper that would read it again. Only the function's own
// statements count: a helper call whose callers read the body first
// (komari's exported CallFromGin, called after assembleParams has read
// it), or that runs only for a GET request whose read is for other
// methods (its websocket handler reaching extractClientToken, which reads
// non-GET bodies), is still named: 3 false findings on komari. A read in a helper of the module is
// named at the read and at each handler's call of the helper ("gin
// ShouldBindWith through dto.ShouldBindWithNormalizedJSON, at
// internal/dto/dto_normalize.go:74": pocket-id's 13 handlers binding
// through one helper), and the message counts those calls apart ("24
// functions read request bodies whole (13 calls through helpers)"), so a
// user sees each endpoint a shared read puts at risk; a handler's call of
// another handler (a callee returning nothing or an error, taking only a
// ResponseWriter and request holders, or a ResponseWriter and no
// interface: ServeHTTP calling h.Handle(w, r)) is a delegation, not
// named. A read already named by a finding of
// the package or of one it imports is not named again, nor are the calls
// of the helper that makes it. The module is the
// driver's (go vet, golangci-lint and memlint pass it); without one, the
// first element of the package path, or its first three for a host name.
// It names every unbounded handler read in those packages, whether or not
// this server registers that handler: the claim is that nothing in the
// module bounds a body. A package-level handler that nothing in those
// packages uses (no route, wrapper, variable or call names it: dead code
// such as wifi-locate's ReportAP4Location) is not named, since no request
// reaches it; a method is always named (interfaces and frameworks may
// call it without naming it). A limit anywhere in them, even on another route,
// silences it (precision first), unless it is a route's own, as above,
// or a limiting middleware (a function bounding the bodies it hands on,
// or a maker returning one: a known limiter, or a function with a
// limiter summary or fact) every use of which in those packages is a
// route middleware argument of a gin or echo registration whose handler
// is a named function or method (group.POST(path, mw, h), e.POST(path,
// h, mw)): that bounds those handlers only, and their reads are not
// named. pocket-id's only limit is FileSizeLimitMiddleware.Add(maxSize),
// whose literal sets c.Request.Body = http.MaxBytesReader(...), given on
// one route, group.POST("/oidc/clients/:id/logo", authMiddleware.Add(),
// fileSizeLimitMiddleware.Add(2<<20), oc.updateClientLogoHandler); it
// no longer trusts the module. Any other use (Use on a router or group,
// a wrapper of a router or handler, a value stored, returned or passed
// on, a registration whose handler is a literal or a call), or none the
// pass sees (a limiter of a package the server's package imports, used
// nowhere in the packages it sees: an interface or another binary may
// install it), still counts as a limit for the module. nakama's limits
// are of that kind: a MaxBytesReader in a literal wrapping its whole
// gRPC gateway and another on the console's /v2 prefix, so the module
// stays trusted and its 5 reads on routes outside them (RPC bodies
// inflated after the cap, the console's notification and import routes)
// are misses. So are reads by another module's middleware the
// module installs (OpenMeter's kin-openapi request validators, which
// read each body whole with io.ReadAll before any handler), and reads of
// entries of archives read by a library the archive rules do not know
// (Focalboard's krolaw/zipstream import). Reads in packages the serving package
// does not import (a router mounted from main: navidrome's nativeapi; or
// handlers registered on an exported router variable by a package above
// it: inbucket) are reported where a package that sees them calls an
// exported function of the module that starts a server of its own
// package's handler (a.Run(ctx, addr) in navidrome's cmd; inbucket's
// s.WebServer.Start(ctx), whose unexported serve method starts it), when
// nothing in that package or the module's packages it imports bounds
// bodies: the message names the function and where it starts the server
// ("a server starts here (server.(*Server).Run starts it at
// server/server.go:93)"), calls in _test.go files are not sites. A start
// site's server may be kept in an exported field of the package's type
// (soft-serve's cmd calls s.HTTPServer.ListenAndServe()): an importer
// that sets that field or its Handler to something bounded bounds bodies
// in its own package, which its rule sees. The message
// claims no more than the rule knows: every read it names is in the
// package or a module package it imports and none is bounded, and a
// server starts at the site; it does not claim that this server routes
// to each of them (hanko's admin server is named with its public
// router's reads). Not seen
// are reads in implementations of an interface method
// declared in other packages than the interface's and the handler's,
// inside another module's function
// given r.Body (transfer.sh's VirusTotal client copies it into a
// multipart buffer), nor servers another module
// builds and starts from what it is given, which neither the serves nor
// the servers fact describes (tempo's handlers on a dskit server; answer's
// gin engine, which its cmd hands to a server of the pacman module), nor
// a server started through an interface method with a handler its
// constructor was given (ech0's server.New(engine) keeps the gin engine
// in an exported field, and its app starts each component through
// component.Start(ctx): neither the handler's origin nor the call that
// starts it is visible), nor a body decoded by another module's
// decoder (bulker ingest's batch handler decodes c.Request.Body, or a
// gzip.NewReader over it, with jitsubase's jsonorder, a fork of
// encoding/json), nor a handler registered behind a route's own limiter
// on one route and bare on another: the limiter's route marks the handler
// bounded everywhere (komari's publicapi.Login, behind limitLoginBody in
// its recovery guide, bare on the main router), nor another module's handler
// registered through gin.WrapH (answer's MCP message endpoint), nor an
// io.Copy of the body into an io.MultiWriter of buffers (pufferpanel's
// editServerDataAdmin keeps two copies), nor a
// body read through go-macaron's own Context (gogs' c.Req.Body().Bytes()
// and its LFS handlers' json.NewDecoder(c.Req.Request.Body): macaron's
// Context is not a request holder of the shared table, only its binders
// are known), nor a
// body handed to a func-typed field or variable (remark42's
// m.URLMapperMaker(r.Body)), nor a server whose handler another module's
// registry holds (go-admin's http.Server{Handler:
// sdk.Runtime.GetEngine()} after sdk.Runtime.SetEngine(gin.New()): the
// program rule names go-admin's handler reads but finds no server of
// them), nor a read through a controller
// struct's context field with the
// binding its caller gives (go-admin-core's
// e.MakeContext(c).Bind(&req, binding.JSON), whose Bind calls
// e.Context.ShouldBindWith(d, bindings[i])), nor connect-go handlers (built without
// connect.WithReadMaxBytes they read any size; redpanda console). A middleware a function installs from its
// own parameter (woodpecker's router.Load(noRoute, middleware
// ...gin.HandlerFunc) calls e.Use(middleware...); its fact says
// "installs(1)") is judged at the function's calls in the packages the
// server's package sees: a call giving a middleware that bounds bodies,
// or one the pass cannot resolve (a func variable or a call of one, a
// package variable, a slice spread with ...), counts as a limit; a call
// giving only known middlewares that do not (a logger,
// gin.HandlerFunc(version), nil, a local variable assigned one of them
// once) does not, and neither does the parameter in the function's own
// package. A function that passes its own parameter, unwrapped, to a
// parameter its callee installs (of its package or, through the fact,
// of another package of the module, at any depth) installs it too, and
// the parameter is its callers' to judge, not a limit where it is
// passed: hanko's handler.NewPublicRouter(cfg, persister, prometheus,
// ...) calls e.Use(prometheus) (installs(2)), its server.StartPublic(cfg,
// wg, persister, prometheus, ...) hands its parameter on and starts the
// router (installs(3)), and cmd/serve makes prometheus :=
// echoprometheus.NewMiddleware("hanko") and calls go
// server.StartPublic(cfg, &wg, persister, prometheus, ...), or
// server.StartAdmin(cfg, &wg, persister, nil). A package that starts a
// server in a function that installs its parameter reports nothing of
// its own (a caller may give a limit, which bounds the module's routes:
// precision first), even at another of its servers (hanko's
// StartManagement); its exported functions that start a server are
// start sites, reported as above at the first call of one in a package
// that imports it, when that package's calls give no middleware that
// bounds bodies or may, and nothing in it or the module's packages it
// imports bounds bodies (hanko: once, at cmd/serve's
// server.StartAdmin(cfg, &wg, persister, nil), naming its 17 whole
// reads). Such a call is judged even in a package that imports no HTTP
// package.
//
// The pass stays silent when:
//
//   - the handler, or a helper it calls (a fact), assigns the body
//     anything but the bytes it already read: http.MaxBytesReader,
//     io.LimitReader, a wrapper of its own (nil, or a body saved earlier
//     and put back, is no limit: httputil.DumpRequest does both, and a
//     handler that dumps the request on its error path is still checked;
//     nor is a reader of its own making that reads no body or reader
//     variable: httputil.DumpRequestOut gives an outgoing request a dummy
//     io.LimitReader(neverEnding('x'), n), which made writefreely's
//     ActivityPub client look like a limit for the whole module; nor is a
//     decompressor over the body, r.Body = io.NopCloser(zr) after zr, _
//     := gzip.NewReader(r.Body), which expands it: one-api's
//     GzipDecodeMiddleware and gin-contrib/gzip's request decompression
//     made every route of one-api look bounded; nor are bytes the
//     function has in memory, io.NopCloser of a *bytes.Buffer,
//     *bytes.Reader or *strings.Reader, also through a variable);
//   - the read goes through io.LimitReader or http.MaxBytesReader;
//   - the handler read the body whole and put back an in-memory copy of
//     those bytes before this read (body, _ := io.ReadAll(r.Body); r.Body
//     = io.NopCloser(bytes.NewBuffer(body)); then a decode, in the
//     handler or a closure of it, or a helper given r: opengist's
//     webauthn handlers): reading the copy holds
//     nothing the first read does not, and the first read is the finding;
//     so after a call of a helper that does the same to the request it is
//     given (a fact, "copies(0)": wakapi's tryParseBulk(r), whose callers
//     parse the body again), and after putting back the bytes a helper read
//     whole from that body (body, err := common.GetRequestBody(c); then
//     c.Request.Body = io.NopCloser(bytes.NewBuffer(body)) and
//     c.ShouldBind(&v): one-api's UnmarshalBodyReusable; the helper's read
//     is the finding). A copy put back in a branch covers only the reads
//     in that branch, after it: one-api's audio relay decodes a speech
//     request through UnmarshalBodyReusable inside an if, and copies a
//     transcription's raw upload into a bytes.Buffer after it, a read of
//     the raw body on that path; and a helper's copies fact needs a
//     put-back at the top level of its body, in place whenever it returns
//     normally;
//   - a middleware on the router, a group or the route bounds bodies:
//     http.MaxBytesHandler, echo's BodyLimit, chi's RequestSize,
//     gin-contrib/size's RequestSizeLimiter, or a function of any package
//     known (a fact) to assign request bodies, or to return a handler or
//     middleware that does; a middleware the pass cannot resolve (a func
//     parameter, a field, a variable assigned twice) counts as a limit,
//     for the program rule too, but a parameter the function installs is
//     judged at its calls (installs, above: hanko's e.Use(prometheus)). A
//     local variable assigned once is judged by its value, and so is a
//     call of one (traQ's requires := AccessControlMiddlewareGenerator(
//     rbac), then a group's requires(permission.WebRTC): the maker bounds
//     nothing, so neither does the group). A middleware that only checks
//     Content-Length (traQ's RequestBodyLengthLimit rejects requests
//     without the header or above n KiB) is not modelled as a limit: the
//     routes it guards count as unbounded;
//   - the router is passed to anything but a registering function, wrapped
//     (http.MaxBytesHandler(mux, n) and any other wrapper), returned,
//     stored or captured by a closure, or is not served in the function
//     that made it: the limit may be there (unless the program rule
//     applies). The same holds for a router that is the Handler of an
//     http.Server literal given, directly or through a local variable, to
//     a function that sets that server's Handler (a setsHandler fact:
//     srv.Handler = http.MaxBytesHandler(srv.Handler, n)), and a call of
//     such a function counts as a limit for the program rule;
//   - the handler is never registered in the analysed code, or its
//     registration is not followed (routes of an inline group, a handler
//     returned by a constructor call): precision first, the limit may be
//     in the wiring the pass does not see (unless the program rule
//     applies);
//   - gin's Bind or ShouldBind in a handler registered for GET only
//     (r.GET("/items", list), in the package or, for the program rule,
//     in any package of the module it sees): gin picks the binding by
//     method and binds a GET request's query and form, never a JSON
//     body (its multipart parse keeps at most 32 MiB in memory). A
//     handler also registered for another method, or through Any,
//     Handle or Match, is still checked (but gin's Handle("GET", path, h),
//     its method a constant "GET", registers for GET only: pufferpanel's
//     g.Handle("GET", "", searchUsers)). The same for a read that runs
//     only for a method other than GET, in a branch a test of the
//     request's Method rules GET out of (if r.Method == "POST" {...}, the
//     else of == GET, a later case of a tagless switch after case
//     r.Method == GET, a case of switch r.Method without "GET", after if
//     r.Method == GET { return }), in the handler or in the helper that
//     reads (!GET in its fact: zgo.at/zhttp's Decode decodes a GET's
//     query and another method's body), in a handler registered for GET
//     only with gin's GET or with chi's Get (an unexported function used
//     as a value only in chi Get registrations, directly or through an
//     adapter given only it, zhttp.Wrap(h.list));
//   - the framework bounds bodies itself: fiber reads every body up to
//     fiber.Config.BodyLimit (4 MiB by default) before a handler runs, so
//     fiber handlers are not reported; beego wraps the body in
//     http.MaxBytesReader at MaxMemory (64 MiB by default), or copies at
//     most that much with CopyRequestBody, before a controller's action or
//     a filter runs, so beego actions and filters are not reported either
//     (a BeforeStatic filter runs before that bound, and is a miss);
//   - the body is streamed: json.Decoder.Token, io.Copy to a file or any
//     other writer, bufio.Scanner;
//   - a client response body (resp.Body) is read whole without
//     decompression: its size is an upstream's choice, a different risk;
//   - a decompressed stream or an archive comes from a local file
//     (os.Open, zip.OpenReader) or from bytes of no known network source
//     (unless all-sources is set), or is read through io.LimitReader,
//     an io.LimitedReader or http.MaxBytesReader after decompression or
//     on the entry;
//   - the declared size of an archive entry is compared with a bound
//     before the read, in a block that holds the read (a check in another
//     case of a switch does not count), in the function or one enclosing
//     it: a zip
//     entry's UncompressedSize64 or UncompressedSize, a tar header's
//     Size, an fs.FileInfo's Size() (f.FileInfo().Size(),
//     hdr.FileInfo().Size()), or a variable assigned from one of them (a
//     running total). That is a real limit: archive/zip's
//     (*checksumReader).Read, the reader (*zip.File).Open returns, fails
//     with ErrFormat as soon as an entry yields more than its
//     UncompressedSize64 (so does klauspost's copy, v1.18.0), and
//     archive/tar's (*Reader).handleRegularFile sets up a regFileReader that never yields more than hdr.Size (a
//     sparse entry's sparseFileReader yields exactly hdr.Size bytes). Any
//     such comparison counts, whichever entry it is about: precision
//     first. The size of the uploaded file (multipart.FileHeader.Size) is
//     the compressed size and does not count;
//   - an entry is opened with (*zip.File).OpenRaw, which does not
//     decompress, or is streamed (io.Copy to a file, io.CopyN);
//   - the file is a _test.go file or generated.
//
// Kafka and gRPC message payloads arrive as byte slices: a decompressor
// over bytes.NewReader(msg.Value) is reported only with all-sources.
// Archives and streams are followed through local variables, range loops
// over zr.File, captured variables and helper calls, and decompressed
// bytes through a helper of the package that reads its parameter whole
// and returns the bytes (b, err := io.ReadAll(r); return b, err, or
// buf.ReadFrom(r); return buf.Bytes(): OPA's readBody); not through struct
// fields, channels, fs.FS values or a helper that takes the entry's
// reader (io.Reader) rather than the archive or the *zip.File. Decompressed
// and archive reads get no suggested fix: the bound is the program's
// choice.
//
// A suggested fix inserts r.Body = http.MaxBytesReader(w, r.Body, n) (gin:
// c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n); echo:
// c.Request().Body = http.MaxBytesReader(c.Response(), c.Request().Body,
// n)) as the handler's first statement, when the handler is declared in the
// package, its parameters are named and its file imports net/http. n is
// the max-bytes flag.
//
// Flags:
//
//	-bodylimit.max-bytes=1MiB   the limit the suggested fix writes, and
//	                            the one the websocket finding suggests
//	-bodylimit.all-sources      report decompressed streams and archive
//	                            entries of any source, _test.go files
//	                            included
package bodylimit
