// Package lsp is memlint's language server: `memlint lsp` speaks the
// Language Server Protocol over stdin and stdout, so that an editor can run
// it beside gopls (which cannot host third-party analyzers,
// golang/go#59869) and show memlint's findings as diagnostics, with each
// pass's suggested fixes as quick fixes.
//
// When a Go file is opened or saved, the server waits for the edits to
// settle (-debounce), then analyses the file's package (with its test
// variants when a test file of it is open) from disk, with facts from its
// dependencies, and publishes a diagnostic for each finding in each file
// of the package. One package is analysed at a time and the server keeps
// only the findings of open files. Two engines do the analysis:
//
//   - driver (the default): memlint's own standalone driver, `memlint
//     -json .`, which analyses one package per child process in
//     dependency order (at most GOMAXPROCS at once) and caches facts and
//     findings on disk; peak memory is that of a few packages, not of the
//     dependency graph, and a save re-analyses only what changed.
//   - checker: in process, go/packages loads the package and its whole
//     dependency graph from source and go/analysis/checker runs the
//     passes; everything is dropped once the diagnostics are sent, but the
//     peak grows with the dependency graph.
//
// Both print the same analysis JSON (the driver's -json, the checker's
// Graph.PrintJSON), and one conversion turns it into LSP diagnostics and
// quick fixes.
//
// Findings and quick fixes stay in the package's own files: a //line
// directive does not move them to the file it names, a finding in a cgo
// file is shown in that file, and a quick fix is offered only when each of
// its edits resolves, by its unadjusted offset, to a file of the package
// whose bytes are those analysed (see internal/linemap); otherwise it is
// withheld and the log says so. The driver engine runs in a process group
// that cancelling (shutdown, exit, SIGINT, SIGTERM) kills whole.
//
// A package with syntax or type errors gets no memlint diagnostics (gopls
// reports the errors). Unsaved edits are not analysed: while a buffer
// differs from what was analysed its quick fixes are withheld.
//
// The protocol types are declared in protocol.go, from the LSP 3.17
// specification (a protocol module would weigh on every memlint process;
// see there); the JSON-RPC 2.0 connection is github.com/sourcegraph/jsonrpc2.
package lsp

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/passset"
)

// Options configure a server.
type Options struct {
	Analyzers []*analysis.Analyzer
	Debounce  time.Duration // wait after an open or save before analysing
	Log       *log.Logger   // for the editor's log (stderr); nil discards

	// Driver, if set, is a memlint binary whose standalone driver
	// (`Driver -json DriverFlags... .`) analyses the package, one
	// dependency per child process with facts cached on disk. Otherwise
	// the server loads the package and its dependencies in process and
	// runs Analyzers with go/analysis/checker.
	Driver      string
	DriverFlags []string // pass flags for the driver (-NAME=false, -NAME.FLAG=V)
}

// Main runs `memlint lsp [flags]` on stdin and stdout, logging to stderr,
// and returns the exit status: 0 after a shutdown request, 1 when the
// client went away without one or sent malformed JSON-RPC, 2 for bad flags.
// The flags are those of the memlint command: -NAME=false turns pass NAME
// off and -NAME.FLAG=VALUE sets one of its flags.
func Main(analyzers []*analysis.Analyzer, args []string, stdin io.ReadCloser, stdout, stderr io.Writer) int {
	// A write to a closed stdout must be an error, not a fatal SIGPIPE.
	signal.Ignore(syscall.SIGPIPE)

	fs := flag.NewFlagSet("memlint lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	debounce := fs.Duration("debounce", 300*time.Millisecond, "wait this long after an open or save before analysing")
	engine := fs.String("engine", "driver", "how to analyse: driver (memlint's one-process-per-package driver, with its disk cache; bounded memory) or checker (in process, go/analysis/checker over the whole dependency graph)")
	enable := make(map[*analysis.Analyzer]*bool)
	for _, a := range analyzers {
		enable[a] = fs.Bool(a.Name, true, "enable "+a.Name+" analysis")
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: memlint lsp [flags]\n\nmemlint lsp is a language server on stdin/stdout; an editor starts it.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "memlint lsp: unexpected arguments %q\n", fs.Args())
		return 2
	}
	// As in the memlint command: if some passes are turned on
	// explicitly, run only those; otherwise all but those turned off.
	explicit := make(map[string]bool)
	fs.Visit(func(f *flag.Flag) { explicit[f.Name] = true })
	set := make(map[string]bool)
	for _, a := range analyzers {
		if explicit[a.Name] {
			set[a.Name] = *enable[a]
		}
	}
	run := passset.Select(analyzers, set)

	opts := Options{Analyzers: run, Debounce: *debounce, Log: log.New(stderr, "memlint lsp: ", log.LstdFlags)}
	switch *engine {
	case "checker":
	case "driver":
		bin, err := os.Executable()
		if err != nil {
			fmt.Fprintf(stderr, "memlint lsp: -engine=driver: %v\n", err)
			return 2
		}
		opts.Driver = bin
		// The pass flags given here, for the driver's command line.
		fs.Visit(func(f *flag.Flag) {
			name, _, _ := strings.Cut(f.Name, ".")
			for _, a := range analyzers {
				if a.Name == name {
					opts.DriverFlags = append(opts.DriverFlags, "-"+f.Name+"="+f.Value.String())
				}
			}
		})
	default:
		fmt.Fprintf(stderr, "memlint lsp: -engine=%s: want driver or checker\n", *engine)
		return 2
	}
	// SIGINT and SIGTERM end the session as a disconnect does: the
	// analysis under way is cancelled, which kills the driver's process
	// group (its children included).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Serve(ctx, stdin, stdout, opts)
}

// Serve runs one session of the server, reading from in and writing to
// out, until the client sends exit, disconnects or sends malformed input,
// or ctx is done. It returns the exit status Main documents.
func Serve(ctx context.Context, in io.ReadCloser, out io.Writer, opts Options) int {
	if opts.Log == nil {
		opts.Log = log.New(io.Discard, "", 0)
	}
	// The worker has its own context: shutdown stops it while the
	// connection waits for exit.
	workCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{
		opts:    opts,
		log:     opts.Log,
		cancel:  cancel,
		docs:    make(map[string]*document),
		results: make(map[string]*report),
		timers:  make(map[string]*time.Timer),
		queued:  make(map[string]bool),
		wake:    make(chan struct{}, 1),
	}
	s.analyse = checkerEngine(opts.Analyzers)
	if opts.Driver != "" {
		s.analyse = driverEngine(opts.Driver, opts.DriverFlags, opts.Analyzers)
	}

	// The connection reads and handles one message at a time, in order,
	// from here on. Serve logs why it ended: jsonrpc2's own log is
	// discarded.
	s.stream = newStream(in, out)
	s.conn = jsonrpc2.NewConn(ctx, s.stream, handler{s}, jsonrpc2.SetLogger(log.New(io.Discard, "", 0)))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.worker(workCtx)
	}()
	select {
	case <-s.conn.DisconnectNotify():
	case <-ctx.Done():
		// Closing a blocking stdin does not interrupt its read: the
		// reader is not waited for (Main's caller exits).
		s.conn.Close()
	}
	cancel()
	s.stopTimers()
	// Cancelling stops the go command and the driver's processes; an
	// in-process checker run cannot be interrupted, so do not wait for
	// it for long (Main's caller exits the process).
	workerDone := make(chan struct{})
	go func() {
		wg.Wait()
		close(workerDone)
	}()
	select {
	case <-workerDone:
	case <-time.After(5 * time.Second):
		s.log.Printf("not waiting for the analysis under way")
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.stream.Err()
	switch {
	case ctx.Err() != nil && !s.exited:
		s.log.Printf("exiting: %v", context.Cause(ctx))
		return 1
	case s.exited && s.shutdown:
		s.log.Printf("exit")
		return 0
	case s.exited:
		s.log.Printf("exit without shutdown")
		return 1
	case errors.Is(err, errMalformed):
		s.log.Printf("exiting: %v", err)
		return 1
	case err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.ErrClosedPipe):
		if s.shutdown {
			s.log.Printf("client disconnected after shutdown; exiting")
			return 0
		}
		s.log.Printf("client disconnected without shutdown; exiting")
		return 1
	default:
		s.log.Printf("exiting: connection to client failed: %v", err)
		return 1
	}
}

type server struct {
	opts    Options
	analyse analyseFunc
	log     *log.Logger
	stream  *stream
	conn    *jsonrpc2.Conn
	cancel  context.CancelFunc

	mu              sync.Mutex
	initialized     bool
	shutdown        bool
	exited          bool
	documentChanges bool                   // client takes versioned WorkspaceEdits
	docs            map[string]*document   // open files, by canonical path
	results         map[string]*report     // last findings of open files
	timers          map[string]*time.Timer // debounce, by canonical directory
	queued          map[string]bool        // directories waiting for the worker
	queue           []string               // in order
	wake            chan struct{}
}

// document is an open file: its URI as the client spells it, its version
// and a hash of its current text (not the text itself).
type document struct {
	uri     DocumentURI
	version int32
	hash    [sha256.Size]byte
	known   bool // hash is that of the current text
}

// handler is the server's jsonrpc2.Handler. The connection calls it for
// each request and notification in turn, in its read loop, so it must not
// block.
type handler struct{ s *server }

func (h handler) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	if err := h.s.handle(ctx, conn, req); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		// A reply could not be written: the connection is over.
		h.s.stream.fail(err)
		conn.Close()
	}
}

// rpcErrorf is a JSON-RPC error response with code and a message.
func rpcErrorf(code int64, format string, args ...any) *jsonrpc2.Error {
	return &jsonrpc2.Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// handle handles one message; its error is that of writing the reply.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) error {
	method := req.Method
	isCall := !req.Notif
	// reply answers a request with result, or with rpcErr if it is not
	// nil; a notification gets no answer.
	reply := func(result any, rpcErr *jsonrpc2.Error) error {
		switch {
		case !isCall:
			return nil
		case rpcErr != nil:
			return conn.ReplyWithError(ctx, req.ID, rpcErr)
		default:
			return conn.Reply(ctx, req.ID, result)
		}
	}

	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case method == MethodExit:
		s.mu.Lock()
		s.exited = true
		s.mu.Unlock()
		conn.Close() // ends the read loop
		return nil
	case shutdown:
		if isCall {
			return reply(nil, rpcErrorf(jsonrpc2.CodeInvalidRequest, "%s after shutdown", method))
		}
		return nil
	case !initialized && method != MethodInitialize:
		if isCall {
			return reply(nil, rpcErrorf(CodeServerNotInitialized, "%s before initialize", method))
		}
		return nil
	}

	// decode unmarshals the params; a bad one is answered (or logged)
	// here and the message dropped.
	decode := func(v any) (bool, error) {
		var params []byte // nil when the message has none: an error
		if req.Params != nil {
			params = *req.Params
		}
		if err := json.Unmarshal(params, v); err != nil {
			if isCall {
				return false, reply(nil, rpcErrorf(jsonrpc2.CodeInvalidParams, "%s: %v", method, err))
			}
			s.log.Printf("%s: bad params: %v", method, err)
			return false, nil
		}
		return true, nil
	}

	switch method {
	case MethodInitialize:
		var params initializeParams
		if ok, err := decode(&params); !ok {
			return err
		}
		return reply(s.initialize(params), nil)

	case MethodInitialized, "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
		return nil

	case MethodShutdown:
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.stopTimers()
		s.cancel() // stop the worker; diagnostics are no longer wanted
		return reply(nil, nil)

	case MethodTextDocumentDidOpen:
		var params DidOpenTextDocumentParams
		if ok, err := decode(&params); !ok {
			return err
		}
		s.open(params.TextDocument.URI, params.TextDocument.Version, params.TextDocument.Text)
		return nil

	case MethodTextDocumentDidChange:
		var params didChangeParams
		if ok, err := decode(&params); !ok {
			return err
		}
		s.change(params)
		return nil

	case MethodTextDocumentDidSave:
		var params DidSaveTextDocumentParams
		if ok, err := decode(&params); !ok {
			return err
		}
		if path := goFile(params.TextDocument.URI); path != "" {
			s.schedule(path)
		}
		return nil

	case MethodTextDocumentDidClose:
		var params DidCloseTextDocumentParams
		if ok, err := decode(&params); !ok {
			return err
		}
		if path := goFile(params.TextDocument.URI); path != "" {
			key := canonical(path)
			s.mu.Lock()
			delete(s.docs, key)
			delete(s.results, key)
			s.mu.Unlock()
		}
		return nil

	case MethodTextDocumentCodeAction:
		var params CodeActionParams
		if ok, err := decode(&params); !ok {
			return err
		}
		return reply(s.codeActions(params), nil)
	}

	if isCall {
		return reply(nil, rpcErrorf(jsonrpc2.CodeMethodNotFound, "memlint lsp does not implement %s", method))
	}
	return nil // other notifications are not needed
}

// initializeParams is the part of InitializeParams the server reads;
// decoding only that keeps newer clients' capabilities from failing the
// handshake.
type initializeParams struct {
	Capabilities struct {
		Workspace struct {
			WorkspaceEdit struct {
				DocumentChanges bool `json:"documentChanges"`
			} `json:"workspaceEdit"`
		} `json:"workspace"`
		TextDocument struct {
			CodeAction struct {
				CodeActionLiteralSupport *struct{} `json:"codeActionLiteralSupport"`
			} `json:"codeAction"`
		} `json:"textDocument"`
	} `json:"capabilities"`
}

func (s *server) initialize(params initializeParams) *InitializeResult {
	s.mu.Lock()
	s.initialized = true
	s.documentChanges = params.Capabilities.Workspace.WorkspaceEdit.DocumentChanges
	s.mu.Unlock()

	var codeActions any = true
	if params.Capabilities.TextDocument.CodeAction.CodeActionLiteralSupport != nil {
		codeActions = CodeActionOptions{CodeActionKinds: []CodeActionKind{CodeActionKindQuickFix}}
	}
	version := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		version = bi.Main.Version
	}
	return &InitializeResult{
		Capabilities: ServerCapabilities{
			TextDocumentSync: TextDocumentSyncOptions{
				OpenClose: true,
				Change:    TextDocumentSyncKindFull,
				Save:      &SaveOptions{},
			},
			CodeActionProvider: codeActions,
		},
		ServerInfo: &ServerInfo{Name: "memlint", Version: version},
	}
}

// didChangeParams is DidChangeTextDocumentParams with an optional range,
// to tell full-text changes from incremental ones.
type didChangeParams struct {
	TextDocument   VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []struct {
		Range *Range `json:"range"`
		Text  string `json:"text"`
	} `json:"contentChanges"`
}

// goFile returns the path of a Go source file named by a file: URI, or "".
func goFile(u DocumentURI) string {
	path := filename(u)
	if !strings.HasSuffix(path, ".go") {
		return ""
	}
	return path
}

func (s *server) open(u DocumentURI, version int32, text string) {
	path := goFile(u)
	if path == "" {
		return
	}
	s.mu.Lock()
	s.docs[canonical(path)] = &document{uri: u, version: version, hash: sha256.Sum256([]byte(text)), known: true}
	s.mu.Unlock()
	s.schedule(path)
}

// change records the buffer's new version and text hash. Edits are not
// analysed (the package is loaded from disk); the next save is.
func (s *server) change(params didChangeParams) {
	path := goFile(params.TextDocument.URI)
	if path == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.docs[canonical(path)]
	if doc == nil {
		return
	}
	doc.version = params.TextDocument.Version
	for _, c := range params.ContentChanges {
		if c.Range != nil {
			doc.known = false // an incremental change, though we asked for full text
			continue
		}
		doc.hash, doc.known = sha256.Sum256([]byte(c.Text)), true
	}
}

// schedule queues an analysis of path's package once no open or save in
// its directory has arrived for the debounce interval.
func (s *server) schedule(path string) {
	dir := canonical(filepath.Dir(path))
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return
	}
	if t := s.timers[dir]; t != nil {
		t.Reset(s.opts.Debounce)
		return
	}
	s.timers[dir] = time.AfterFunc(s.opts.Debounce, func() {
		s.mu.Lock()
		delete(s.timers, dir)
		if !s.queued[dir] && !s.shutdown {
			s.queued[dir] = true
			s.queue = append(s.queue, dir)
		}
		s.mu.Unlock()
		select {
		case s.wake <- struct{}{}:
		default:
		}
	})
}

func (s *server) stopTimers() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for dir, t := range s.timers {
		t.Stop()
		delete(s.timers, dir)
	}
}

// worker analyses the queued directories one at a time.
func (s *server) worker(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		}
		for ctx.Err() == nil {
			s.mu.Lock()
			if len(s.queue) == 0 {
				s.mu.Unlock()
				break
			}
			dir := s.queue[0]
			s.queue = s.queue[1:]
			delete(s.queued, dir)
			s.mu.Unlock()
			s.run(ctx, dir)
		}
	}
}

// run analyses the package in dir and publishes the diagnostics of each
// of its files; the test variants are analysed when a test file in dir is
// open.
func (s *server) run(ctx context.Context, dir string) {
	s.mu.Lock()
	tests := false
	for key := range s.docs {
		tests = tests || filepath.Dir(key) == dir && strings.HasSuffix(key, "_test.go")
	}
	s.mu.Unlock()

	start := time.Now()
	reports, err := s.analyse(ctx, dir, tests)
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		s.log.Printf("%s: %v", dir, err)
	}
	if reports == nil {
		reports = make(map[string]*report)
	}

	var pubs []*PublishDiagnosticsParams
	findings := 0
	s.mu.Lock()
	for key, doc := range s.docs {
		if filepath.Dir(key) == dir && reports[key] == nil {
			// Open, but in no package that loaded (build tags, load
			// errors): it has no memlint diagnostics.
			reports[key] = &report{path: filename(doc.uri)}
		}
	}
	for key, r := range reports {
		p := &PublishDiagnosticsParams{URI: fileURI(r.path), Diagnostics: []Diagnostic{}}
		for _, f := range r.findings {
			p.Diagnostics = append(p.Diagnostics, f.diag)
		}
		findings += len(r.findings)
		if doc := s.docs[key]; doc != nil {
			p.URI = doc.uri
			if doc.known && doc.hash == r.hash && doc.version > 0 {
				p.Version = doc.version
			}
			s.results[key] = r
		}
		pubs = append(pubs, p)
	}
	s.mu.Unlock()
	reports = nil

	sort.Slice(pubs, func(i, j int) bool { return pubs[i].URI < pubs[j].URI })
	for _, p := range pubs {
		if ctx.Err() != nil {
			return // shut down: no longer wanted
		}
		if err := s.conn.Notify(ctx, MethodTextDocumentPublishDiagnostics, p); err != nil {
			if ctx.Err() == nil { // else shut down: no longer wanted
				s.log.Printf("publishing diagnostics: %v", err)
			}
			return
		}
	}
	s.log.Printf("analysed %s in %v: %d findings in %d files", dir, time.Since(start).Round(time.Millisecond), findings, len(pubs))
	// Hand the memory of the loaded packages back before the next analysis.
	debug.FreeOSMemory()
}

// codeActions returns a quick fix for each suggested fix of each finding
// in the requested range or among the context's diagnostics, provided the
// buffer is still what was analysed.
func (s *server) codeActions(params CodeActionParams) []CodeAction {
	actions := []CodeAction{}
	if len(params.Context.Only) > 0 {
		ok := false
		for _, k := range params.Context.Only {
			ok = ok || k == CodeActionKindQuickFix || k == ""
		}
		if !ok {
			return actions
		}
	}
	path := goFile(params.TextDocument.URI)
	if path == "" {
		return actions
	}
	key := canonical(path)

	s.mu.Lock()
	defer s.mu.Unlock()
	doc, r := s.docs[key], s.results[key]
	if doc == nil || r == nil || !doc.known || doc.hash != r.hash {
		return actions // not analysed, or edited since: offsets would be wrong
	}
	for _, f := range r.findings {
		match := overlaps(f.diag.Range, params.Range)
		for _, d := range params.Context.Diagnostics {
			match = match || d.Range == f.diag.Range && d.Message == f.diag.Message
		}
		if !match {
			continue
		}
		for _, fx := range f.fixes {
			actions = append(actions, CodeAction{
				Title:       fx.title,
				Kind:        CodeActionKindQuickFix,
				Diagnostics: []Diagnostic{f.diag},
				IsPreferred: len(f.fixes) == 1,
				Edit:        s.workspaceEdit(fx),
			})
		}
	}
	return actions
}

// workspaceEdit turns a fix into a WorkspaceEdit: versioned document
// changes where the client takes them, else a map of changes. Called with
// s.mu held.
func (s *server) workspaceEdit(fx fix) *WorkspaceEdit {
	paths := make([]string, 0, len(fx.edits))
	for p := range fx.edits {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	we := &WorkspaceEdit{}
	for _, p := range paths {
		u := fileURI(p)
		var version *int32
		if doc := s.docs[canonical(p)]; doc != nil {
			u = doc.uri
			if doc.version > 0 {
				v := doc.version
				version = &v
			}
		}
		if s.documentChanges {
			we.DocumentChanges = append(we.DocumentChanges, TextDocumentEdit{
				TextDocument: OptionalVersionedTextDocumentIdentifier{
					TextDocumentIdentifier: TextDocumentIdentifier{URI: u},
					Version:                version,
				},
				Edits: fx.edits[p],
			})
			continue
		}
		if we.Changes == nil {
			we.Changes = make(map[DocumentURI][]TextEdit)
		}
		we.Changes[u] = fx.edits[p]
	}
	return we
}
