// Package jsonindent defines an Analyzer that reports indented JSON of
// unbounded values written on HTTP request paths.
//
// # Analyzer jsonindent
//
// jsonindent: report indented JSON of unbounded values on request paths
//
// encoding/json indents in a second pass: json.MarshalIndent marshals the
// value compactly, then copies it into a new buffer grown to twice its size
// and indents it there, and an Encoder with SetIndent does the same for
// each Encode. While the indented copy is built the compact document is
// still live, so a response of N bytes costs about 3N (the Marshal copy
// plus the indented buffer) instead of N. gin's IndentedJSON calls
// json.MarshalIndent and echo's JSONPretty an Encoder with SetIndent.
// goccy/go-json and json-iterator write the indented document directly
// into one buffer: indentation adds only its whitespace, and the document
// is built whole in memory either way. Incident 3 in memlint's incident notes: an API with ~50 MB
// steady state on 512 MB dynos was killed when one endpoint serialised a
// huge result set with indentation; one request allocated 5 GB.
//
// The pass reports an indenting encoder applied to a value of unbounded
// size on a request path:
//
//   - json.MarshalIndent, json.Indent and (*json.Encoder).SetIndent followed
//     by Encode on that encoder, in encoding/json, github.com/goccy/go-json
//     and github.com/json-iterator/go (also through a jsoniter.API such as
//     jsoniter.ConfigCompatibleWithStandardLibrary);
//   - gin's (*gin.Context).IndentedJSON and echo's Context.JSONPretty
//     (v4's interface and v5's struct).
//
// For json.Indent the value is the one json.Marshal encoded into the
// source bytes when the source is a local variable assigned once from
// Marshal; otherwise the source []byte itself (unbounded unless it is a
// constant).
//
// A value is reported when it holds the rows of a database query and its
// type can hold any number of them; the message says "(rows of a query)".
// Its rows are seen as internal/rowsource sees them: read into it (or a
// field of it) by gorm's, xorm's, sqlx's or scany's Find, Scan, Pluck or
// Select, a mongo cursor's All, or a loop over rows.Next() that appends to
// it; returned by pgx.CollectRows or an ent query's All; converted from
// such rows one by one in a range loop; or returned or filled by a
// function of this or another package that does so (a fact). The rows of
// a query read under a LIMIT count too: the pass does not judge LIMITs
// (querylimit does). A value whose rows are not seen is not reported: a
// list kept in memory (a crawler's request log, a job queue's pending
// list), a body read from a request or an upstream service, cluster
// metadata, rows from a repository reached through an interface, a
// package variable. This is the rule the corpus asked for: judged by type
// alone, the pass reported a helper that indents every reply
// (kafka-pixy's respondWithJSON) once for each endpoint whose reply type
// holds a slice, Kafka metadata and single messages alike.
// -jsonindent.all restores the judgement by type, "(any size)".
//
// The type must also allow any size: it contains, through exported
// struct fields, pointers, arrays and named types, a slice (including
// []byte), a map or a chan. One row whose type holds slices counts when
// its children were read into them (a template with its attachments,
// Find(&t.Attachments)): on gophish, one template and one sending profile
// with its headers are reported, whose children are few in practice. A
// parameter of such a type that holds no rows where it is indented makes
// the function a request-path helper, like a parameter of type any:
// PrintOrders(w, orders) is reported at the callers that pass it rows.
// Forks of encoding/json (zgo.at/json, segmentio/encoding/json) are not
// matched: on goatcounter, the corpus's one user, every API response goes
// through zhttp.JSON, which indents with zgo.at/json; judged by type,
// matching the fork found 2 responses that grow with the data and 12
// small by construction (one site, 100 rows under a LIMIT), and its
// queries go through zgo.at/zdb, which rowsource does not know.
//
// A slice of errors does not count: error envelopes ({code, message,
// errors []error}) list what went wrong, not rows. Structs of scalars,
// fixed-size arrays of them and types
// that marshal themselves as text (time.Time, net.IP) are bounded. A
// composite literal is judged by its elements, so gin.H{"status": "ok"} is
// bounded while gin.H{"orders": orders} is not; so is a local variable
// assigned only composite literals (or their addresses, &resp{...}) and
// never grown, and a package-level variable declared with one that
// nothing in the package assigns, grows, clears or takes the address of
// (var EmptyResponse = map[string]interface{}{}: kafka-pixy's reply to
// every acknowledgement), while a map filled in a rows loop is judged by
// its type.
// A field of the service's configuration (s.config.DisallowedTopics) and
// the configuration itself count as bounded: a struct type named like
// configuration (its name ends in Config, Configuration, Options or
// Settings) holds lists as long as its operator makes them, not as the
// data grows (ntfy's web config endpoint). So does an access policy (a
// struct type whose name ends in Policy: minio's policy.Policy, whose
// statements its author writes, and which policy stores cap: 20 KiB for
// an S3 or MinIO bucket policy); a list of policies is still judged by
// its type, and so is a policy's envelope of another name (minio's
// madmin.PolicyInfo and its Policy field, a json.RawMessage, are
// reported).
//
// A call is on a request path when the function or closure containing it
// (or one enclosing it) takes an http.ResponseWriter (or any type
// implementing it) or a framework context that writes the response
// (*gin.Context, echo.Context, *echo.Context of v5, *fiber.Ctx, beego's
// *context.Context), is a method of such a context or of a beego
// controller (an action), or is a gRPC server method (the shared request
// table, internal/httpapi); or when the
// indented bytes, the buffer or the encoder's writer flow to one of those
// in the same function (w.Write(b), buf.WriteTo(w), c.Data(200, ct, b),
// json.NewEncoder(w)).
//
// Helpers are followed, also across packages, through a fact on the helper
// ("json.MarshalIndent indents(1) into(0)"): a function that indents
// a value it is given, or computes, into a writer it is given or into its
// result (computed: when it holds rows). A caller that hands such a
// helper rows and its ResponseWriter (or writes the result to it) is on a
// request path. A helper that itself takes a ResponseWriter and indents a
// parameter of type any, a type parameter, or a parameter of a type that
// can grow (which holds no rows there), like
// writeJSON(w http.ResponseWriter, status int, v any), is a request-path
// helper ("json.MarshalIndent indents(2) requestPath"). Either
// way the finding is reported where the unbounded value enters the helper,
// at each such call ("json.MarshalIndent of []Order (rows of a query) via
// writeJSON"), with the helper's encoder as related information; the
// helper itself is not reported, and callers that give it small
// envelopes (an error struct, gin.H{"ok": true}) are not findings. A
// closure with such a parameter carries no fact, so its calls are not
// followed.
//
// Wrong:
//
//	func listOrders(w http.ResponseWriter, r *http.Request) {
//		orders, err := store.AllOrders(r.Context())
//		if err != nil {
//			http.Error(w, err.Error(), http.StatusInternalServerError)
//			return
//		}
//		b, _ := json.MarshalIndent(orders, "", "  ")
//		w.Write(b)
//	}
//
// Right (and cap the number of rows read, see querylimit):
//
//	func listOrders(w http.ResponseWriter, r *http.Request) {
//		orders, err := store.AllOrders(r.Context())
//		if err != nil {
//			http.Error(w, err.Error(), http.StatusInternalServerError)
//			return
//		}
//		json.NewEncoder(w).Encode(orders)
//	}
//
// Suggested fixes: MarshalIndent(v, prefix, indent) becomes Marshal(v)
// (MarshalIndentWithOption becomes MarshalWithOption), the SetIndent call
// is removed, IndentedJSON and JSONPretty become JSON. Exactly what they
// save: for encoding/json, gin and echo, the indented second copy;
// json.Marshal and Encoder.Encode still build the whole compact document
// in a buffer before it is written (capping what is read, see querylimit,
// is what bounds it). For goccy/go-json and json-iterator, the whitespace.
//
// The pass stays silent:
//
//   - where no handler, ResponseWriter or request context is in sight:
//     command-line output, config files, logs (most MarshalIndent calls);
//   - where indentation is an option chosen at run time, so responses
//     are compact by default: the encoder is inside an if or switch case
//     whose condition reads the request (an API's documented ?pretty=true,
//     r.FormValue("format") == "pretty", the ok of a lookup such as
//     _, pretty := c.QueryParams()["pretty"]: traQ's ServeJSONWithETag), a field or package variable (a
//     configuration flag), or a local variable assigned once from one of
//     those, and the function also encodes the response compactly
//     (json.Marshal, Encode, c.JSON; an encoder given SetIndent under the
//     condition is itself compact otherwise). A flag whose name says it
//     turns indentation off (DisablePrettyJSON, NoIndent, Compact,
//     Minify) makes it the default instead, when the indenting branch runs
//     with the flag false (if opts.DisablePrettyJSON { Marshal } else {
//     MarshalIndent }: pgweb's query export), and that is reported. A helper whose indentation depends on a bool parameter
//     (JSONOK(w, v, pretty bool)) carries that in its fact ("... guard(2)",
//     parameter 2 must be true): a caller passing the constant true is reported
//     like any other, one passing false or a run-time value is not. Error
//     checks (rows != nil, err == nil) are not options, nor is the
//     request's method, host or path (switch { case r.Method == "GET":
//     ... }, r.URL.Path == "/all"): a case on them picks the endpoint, not
//     the response's form;
//   - for an indented document used only as data of an html/template or
//     text/template execution, directly or in a composite literal given
//     to the template and to no other call (data := Page{Params:
//     string(b)}: imagor's upload form): a page shows it to a person, and
//     the indentation is what the page displays;
//   - for values that hold no rows of a query (see above): a list kept in
//     memory, a request or upstream body, a package variable;
//   - for bounded values (a health or status struct) and for values of
//     unknown size: an interface or type parameter that is not a parameter
//     of the function, or an interface with methods (an error); a
//     parameter constrained to slices or maps makes a request-path helper,
//     judged at its callers;
//   - for json.Marshal, unindented Encoders, and indent arguments that are
//     all the constant "" (a non-constant indent counts as indenting);
//   - for SetIndent when the Encode calls are in another function, and for
//     a helper called through a func value or an interface method;
//   - for a *http.Request parameter alone (HTTP clients build requests too);
//   - for echo's Context.JSON, although echo indents it when the request
//     has a "pretty" query parameter or Echo.Debug is set (reporting it
//     would flag every echo JSON response), and for beego's ServeJSON,
//     which indents when the configured run mode is not "prod";
//   - for the encoders of a copy of encoding/json under another path
//     (zgo.at/json, whose Encoder goatcounter's zhttp.JSON gives
//     SetIndent for every response): only the three libraries above are
//     known, and a copy's cost is not (most of goatcounter's responses
//     are short lists a type cannot tell from long ones);
//   - for gin's c.Render(code, render.IndentedJSON{...}) and encoders
//     reached through func values, package variables holding
//     json.MarshalIndent, or interface methods other than jsoniter.API;
//   - in _test.go and generated files.
//
// Flags:
//
//	-jsonindent.all  report every indenting encoder of a value unbounded
//	                 by its type, rows of a query or not, on a request
//	                 path or not, optional or not, _test.go files
//	                 included (default false)
package jsonindent
