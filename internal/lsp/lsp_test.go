package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/memlint/memlint"
	"github.com/memlint/memlint/internal/testutil"
)

// analysisTimeout bounds one analysis in the tests: the test module's
// package is small but net/http and its dependencies load from source.
const analysisTimeout = 3 * time.Minute

// syncBuffer is the server's log in tests.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

type pipeRWC struct {
	io.Reader
	io.WriteCloser
}

// client is an in-process LSP client connected to a Serve over pipes.
type client struct {
	t     *testing.T
	conn  *jsonrpc2.Conn
	toSrv io.WriteCloser
	log   *syncBuffer
	code  chan int

	mu    sync.Mutex
	diags map[DocumentURI][]*PublishDiagnosticsParams
	news  chan struct{}
}

// startServer starts Serve with memlint's analyzers, in process (the
// checker engine) or, given a memlint binary, with its driver.
func startServer(t *testing.T, driver ...string) *client {
	t.Helper()
	return startServerWith(t, Options{Analyzers: memlint.Analyzers, Driver: strings.Join(driver, "")})
}

// startServerWith starts Serve with opts (Debounce and Log are set here).
func startServerWith(t *testing.T, opts Options) *client {
	t.Helper()
	srvIn, cliOut := io.Pipe()
	cliIn, srvOut := io.Pipe()
	c := &client{
		t:     t,
		toSrv: cliOut,
		log:   &syncBuffer{},
		code:  make(chan int, 1),
		diags: make(map[DocumentURI][]*PublishDiagnosticsParams),
		news:  make(chan struct{}, 1),
	}
	go func() {
		opts.Debounce = 20 * time.Millisecond
		opts.Log = log.New(c.log, "memlint lsp: ", 0)
		code := Serve(context.Background(), srvIn, srvOut, opts)
		srvOut.Close()
		c.code <- code
	}()
	// The client frames messages with the library's own LSP codec, not
	// the server's stream.
	c.conn = jsonrpc2.NewConn(context.Background(),
		jsonrpc2.NewBufferedStream(pipeRWC{cliIn, cliOut}, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(ctx context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			if req.Method == MethodTextDocumentPublishDiagnostics {
				var p PublishDiagnosticsParams
				if req.Params == nil {
					t.Errorf("publishDiagnostics without params")
				} else if err := json.Unmarshal(*req.Params, &p); err != nil {
					t.Errorf("publishDiagnostics: %v", err)
				}
				c.mu.Lock()
				c.diags[p.URI] = append(c.diags[p.URI], &p)
				c.mu.Unlock()
				select {
				case c.news <- struct{}{}:
				default:
				}
			}
			return nil, nil
		}),
		jsonrpc2.SetLogger(log.New(io.Discard, "", 0)))
	t.Cleanup(func() {
		c.toSrv.Close()
		c.conn.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", c.log.String())
		}
	})
	return c
}

func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// waitDiagnostics waits for the n-th publication (1-based) for u.
func (c *client) waitDiagnostics(u DocumentURI, n int) *PublishDiagnosticsParams {
	c.t.Helper()
	deadline := time.After(analysisTimeout)
	for {
		c.mu.Lock()
		got := c.diags[u]
		c.mu.Unlock()
		if len(got) >= n {
			return got[n-1]
		}
		select {
		case <-c.news:
		case <-deadline:
			c.t.Fatalf("no diagnostics #%d for %s after %v", n, u, analysisTimeout)
		}
	}
}

func (c *client) initialize(documentChanges bool) {
	c.t.Helper()
	params := map[string]any{
		"processId": os.Getpid(),
		"rootUri":   nil,
		"capabilities": map[string]any{
			"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": documentChanges}},
			"textDocument": map[string]any{"codeAction": map[string]any{
				"codeActionLiteralSupport": map[string]any{"codeActionKind": map[string]any{"valueSet": []string{"quickfix"}}},
			}},
		},
	}
	var res InitializeResult
	if err := c.call(MethodInitialize, params, &res); err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	if res.ServerInfo == nil || res.ServerInfo.Name != "memlint" || res.Capabilities.CodeActionProvider == nil {
		c.t.Fatalf("initialize result: %+v", res)
	}
	c.notify(MethodInitialized, map[string]any{})
}

func (c *client) exit() int {
	c.t.Helper()
	if err := c.call(MethodShutdown, nil, nil); err != nil {
		c.t.Fatalf("shutdown: %v", err)
	}
	c.notify(MethodExit, nil)
	select {
	case code := <-c.code:
		return code
	case <-time.After(time.Minute):
		c.t.Fatal("server did not exit")
		return -1
	}
}

// module writes a throwaway module holding testdata/upload and any extra
// files (name -> content) and returns its directory.
func module(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "upload", "upload.go"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod":           "module example.com/lsptest\n\ngo 1.26\n",
		"upload/upload.go": string(src),
	}
	for name, content := range extra {
		files[name] = content
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// apply applies LSP text edits (positions in UTF-16 units) to text.
func apply(t *testing.T, text string, edits []TextEdit) string {
	t.Helper()
	m := newMapper([]byte(text))
	offset := func(p Position) int {
		for off := m.lines[p.Line]; off <= len(text); off++ {
			if m.position(off) == p {
				return off
			}
		}
		t.Fatalf("position %v not in text", p)
		return 0
	}
	// Apply from the end so earlier offsets stay valid.
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		start, end := offset(e.Range.Start), offset(e.Range.End)
		text = text[:start] + e.NewText + text[end:]
	}
	return text
}

func TestDiagnosticsAndQuickFix(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http from source")
	}
	dir := module(t, nil)
	path := filepath.Join(dir, "upload", "upload.go")
	u := fileURI(path)
	text, _ := os.ReadFile(path)

	c := startServer(t)
	c.initialize(false)
	c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: string(text),
	}})

	pub := c.waitDiagnostics(u, 1)
	if len(pub.Diagnostics) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %+v", len(pub.Diagnostics), pub.Diagnostics)
	}
	d := pub.Diagnostics[0]
	// upload.go:10:12 in the memlint command's terms.
	wantRange := Range{Start: Position{Line: 9, Character: 11}, End: Position{Line: 9, Character: 41}}
	if d.Range != wantRange || d.Source != "memlint" || d.Code != "multipart" ||
		!strings.HasPrefix(d.Message, "ParseMultipartForm without RemoveAll of r's multipart form") ||
		d.Severity != DiagnosticSeverityWarning || pub.Version != 1 {
		t.Errorf("diagnostic = %+v (version %d)", d, pub.Version)
	}

	// The cursor on the call, as a client asks for code actions.
	var actions []CodeAction
	cursor := Range{Start: Position{Line: 9, Character: 20}, End: Position{Line: 9, Character: 20}}
	if err := c.call(MethodTextDocumentCodeAction, CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: u},
		Range:        cursor,
		Context:      CodeActionContext{Diagnostics: []Diagnostic{}},
	}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || actions[0].Title != "Defer r.MultipartForm.RemoveAll()" || actions[0].Kind != CodeActionKindQuickFix ||
		actions[0].Edit == nil || len(actions[0].Edit.Changes[u]) == 0 {
		t.Fatalf("code actions = %+v", actions)
	}
	fixed := apply(t, string(text), actions[0].Edit.Changes[u])
	if !strings.Contains(fixed, "\treturn\n\t}\n\tdefer r.MultipartForm.RemoveAll()\n\tw.WriteHeader") {
		t.Errorf("edited file:\n%s", fixed)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), path, fixed, 0); err != nil {
		t.Errorf("edited file does not parse: %v", err)
	}

	// The other line has no quick fix.
	var none []CodeAction
	if err := c.call(MethodTextDocumentCodeAction, CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: u},
		Range:        Range{Start: Position{Line: 19}, End: Position{Line: 19}},
	}, &none); err != nil || len(none) != 0 {
		t.Errorf("code actions on line 20 = %+v, %v", none, err)
	}

	// Edit the buffer: quick fixes are withheld until the save is analysed.
	// (A full-text change: protocol.go declares no didChange params.)
	c.notify(MethodTextDocumentDidChange, map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": 2},
		"contentChanges": []any{map[string]any{"text": fixed}},
	})
	if err := c.call(MethodTextDocumentCodeAction, CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: u},
		Range:        cursor,
		Context:      CodeActionContext{Diagnostics: []Diagnostic{d}},
	}, &none); err != nil || len(none) != 0 {
		t.Errorf("code actions on a modified buffer = %+v, %v", none, err)
	}

	// Save: the finding is gone.
	if err := os.WriteFile(path, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify(MethodTextDocumentDidSave, DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: u}})
	if pub := c.waitDiagnostics(u, 2); len(pub.Diagnostics) != 0 || pub.Version != 2 {
		t.Errorf("after the fix: %+v", pub)
	}

	c.notify(MethodTextDocumentDidClose, DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: u}})
	if code := c.exit(); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
	if !strings.Contains(c.log.String(), "analysed ") {
		t.Errorf("log has no analysis line:\n%s", c.log)
	}
}

// With documentChanges the quick fix is a versioned TextDocumentEdit.
func TestDocumentChanges(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http from source")
	}
	dir := module(t, nil)
	path := filepath.Join(dir, "upload", "upload.go")
	u := fileURI(path)
	text, _ := os.ReadFile(path)

	c := startServer(t)
	c.initialize(true)
	c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: u, LanguageID: "go", Version: 7, Text: string(text),
	}})
	pub := c.waitDiagnostics(u, 1)
	if len(pub.Diagnostics) != 1 {
		t.Fatalf("diagnostics: %+v", pub.Diagnostics)
	}
	var actions []CodeAction
	// Ask by diagnostic, with a range elsewhere on the line.
	if err := c.call(MethodTextDocumentCodeAction, CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: u},
		Range:        Range{Start: Position{Line: 9}, End: Position{Line: 9}},
		Context:      CodeActionContext{Diagnostics: pub.Diagnostics, Only: []CodeActionKind{CodeActionKindQuickFix}},
	}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || len(actions[0].Edit.DocumentChanges) != 1 {
		t.Fatalf("code actions = %+v", actions)
	}
	dc := actions[0].Edit.DocumentChanges[0]
	if dc.TextDocument.URI != u || dc.TextDocument.Version == nil || *dc.TextDocument.Version != 7 || len(dc.Edits) != 1 {
		t.Errorf("document change = %+v", dc)
	}
	// Only refactorings: none.
	var none []CodeAction
	if err := c.call(MethodTextDocumentCodeAction, CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: u},
		Range:        pub.Diagnostics[0].Range,
		Context:      CodeActionContext{Only: []CodeActionKind{CodeActionKindRefactor}},
	}, &none); err != nil || len(none) != 0 {
		t.Errorf("refactor actions = %+v, %v", none, err)
	}
	if code := c.exit(); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}

// Files with syntax or type errors get no memlint diagnostics, and the
// server goes on serving.
func TestBrokenFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http from source")
	}
	leak := "\nfunc Leak(r *http.Request) { _ = r.ParseMultipartForm(1 << 20) }\n"
	dir := module(t, map[string]string{
		"syntax/syntax.go": "package syntax\n\nimport \"net/http\"\n" + leak + "\nfunc broken( {\n",
		"types/types.go":   "package types\n\nimport \"net/http\"\n" + leak + "\nvar x int = \"string\"\n",
	})
	c := startServer(t)
	c.initialize(false)
	for _, name := range []string{"syntax/syntax.go", "types/types.go"} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		text, _ := os.ReadFile(path)
		u := fileURI(path)
		c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
			URI: u, LanguageID: "go", Version: 1, Text: string(text),
		}})
		if pub := c.waitDiagnostics(u, 1); len(pub.Diagnostics) != 0 {
			t.Errorf("%s: diagnostics %+v, want none", name, pub.Diagnostics)
		}
		var actions []CodeAction
		if err := c.call(MethodTextDocumentCodeAction, CodeActionParams{
			TextDocument: TextDocumentIdentifier{URI: u},
			Range:        Range{Start: Position{Line: 4}, End: Position{Line: 4}},
		}, &actions); err != nil || len(actions) != 0 {
			t.Errorf("%s: code actions %+v, %v", name, actions, err)
		}
	}
	if !strings.Contains(c.log.String(), "not analysed, package has errors") {
		t.Errorf("log does not say why:\n%s", c.log)
	}
	if code := c.exit(); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}

func TestProtocolErrors(t *testing.T) {
	c := startServer(t)
	var res any
	err := c.call(MethodTextDocumentCodeAction, map[string]any{}, &res)
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != CodeServerNotInitialized {
		t.Errorf("request before initialize: %v", err)
	}
	c.initialize(false)
	if err := c.call("textDocument/hover", map[string]any{}, &res); !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.CodeMethodNotFound {
		t.Errorf("unknown method: %v", err)
	}
	if err := c.call(MethodTextDocumentCodeAction, []int{1}, &res); !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.CodeInvalidParams {
		t.Errorf("bad params: %v", err)
	}
	// Non-file and non-Go documents are ignored.
	c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: "untitled:Untitled-1", Text: "x"}})
	c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: "file:///tmp/go.mod", Text: "x"}})
	// Exit without shutdown: status 1.
	c.notify(MethodExit, nil)
	select {
	case code := <-c.code:
		if code != 1 {
			t.Errorf("exit without shutdown: status %d, want 1", code)
		}
	case <-time.After(time.Minute):
		t.Fatal("server did not exit")
	}
}

// Malformed input and a vanished client end the server with a log line.
func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, input, log string
	}{
		{"eof", "", "client disconnected without shutdown"},
		{"eof mid-message", "Content-Length: 100\r\n\r\n{\"jsonrpc\":", "client disconnected without shutdown"},
		{"bad json", "Content-Length: 5\r\n\r\n{bad}", "malformed JSON-RPC"},
		{"not json-rpc", "Content-Length: 2\r\n\r\n{}", "malformed JSON-RPC"},
		{"bad header", "hello\r\n\r\n", "malformed JSON-RPC"},
		{"no length", "Content-Type: x\r\n\r\n", "malformed JSON-RPC"},
		{"huge length", "Content-Length: 99999999999\r\n\r\n", "malformed JSON-RPC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logBuf syncBuffer
			done := make(chan int, 1)
			go func() {
				done <- Serve(context.Background(), io.NopCloser(strings.NewReader(tc.input)), io.Discard, Options{
					Analyzers: memlint.Analyzers, Log: log.New(&logBuf, "memlint lsp: ", 0),
				})
			}()
			select {
			case code := <-done:
				if code != 1 {
					t.Errorf("status %d, want 1", code)
				}
			case <-time.After(time.Minute):
				t.Fatal("server did not exit")
			}
			if !strings.Contains(logBuf.String(), tc.log) {
				t.Errorf("log %q does not contain %q", logBuf.String(), tc.log)
			}
		})
	}
}

func TestMapper(t *testing.T) {
	text := "ab\n\té𝄞x\n"
	m := newMapper([]byte(text))
	for _, tc := range []struct {
		offset     int
		line, char uint32
	}{
		{0, 0, 0},
		{2, 0, 2},
		{3, 1, 0},
		{4, 1, 1},             // after the tab
		{6, 1, 2},             // after é (2 bytes, 1 unit)
		{10, 1, 4},            // after 𝄞 (4 bytes, 2 units)
		{11, 1, 5},            // after x
		{12, 2, 0},            // end of text
		{len(text) + 5, 2, 0}, // clamped
	} {
		if got := m.position(tc.offset); got.Line != tc.line || got.Character != tc.char {
			t.Errorf("position(%d) = %v, want %d:%d", tc.offset, got, tc.line, tc.char)
		}
	}
}

func TestMain_flags(t *testing.T) {
	var stderr bytes.Buffer
	if code := Main(memlint.Analyzers, []string{"-nosuchflag"}, io.NopCloser(strings.NewReader("")), io.Discard, &stderr); code != 2 {
		t.Errorf("bad flag: status %d, want 2", code)
	}
	stderr.Reset()
	if code := Main(memlint.Analyzers, []string{"-multipart=false"}, io.NopCloser(strings.NewReader("")), io.Discard, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "client disconnected") {
		t.Errorf("status %d, stderr %q", code, stderr.String())
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedCache.dir != "" {
		os.RemoveAll(sharedCache.dir)
	}
	testutil.RemoveBuilt()
	os.Exit(code)
}

// The driver engine (memlint's standalone driver in child processes, the
// default of `memlint lsp`) gives the same diagnostics and fixes, and
// none for a package that does not type-check.
func TestDriverEngine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds memlint and analyses net/http's dependency graph")
	}
	bin := testutil.Memlint(t)
	t.Setenv("MEMLINT_CACHE", t.TempDir())
	dir := module(t, map[string]string{
		"types/types.go": "package types\n\nimport \"net/http\"\n\nfunc Leak(r *http.Request) { _ = r.ParseMultipartForm(1 << 20) }\n\nvar x int = \"string\"\n",
	})
	path := filepath.Join(dir, "upload", "upload.go")
	u := fileURI(path)
	text, _ := os.ReadFile(path)

	c := startServer(t, bin)
	c.initialize(false)
	c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: string(text),
	}})
	pub := c.waitDiagnostics(u, 1)
	if len(pub.Diagnostics) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %+v", len(pub.Diagnostics), pub.Diagnostics)
	}
	d := pub.Diagnostics[0]
	wantRange := Range{Start: Position{Line: 9, Character: 11}, End: Position{Line: 9, Character: 41}}
	if d.Range != wantRange || d.Code != "multipart" || d.CodeDescription == nil ||
		!strings.HasPrefix(d.Message, "ParseMultipartForm without RemoveAll of r's multipart form") {
		t.Errorf("diagnostic = %+v", d)
	}
	var actions []CodeAction
	if err := c.call(MethodTextDocumentCodeAction, CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: u},
		Range:        Range{Start: Position{Line: 9, Character: 20}, End: Position{Line: 9, Character: 20}},
	}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || actions[0].Title != "Defer r.MultipartForm.RemoveAll()" || actions[0].Edit == nil {
		t.Fatalf("code actions = %+v", actions)
	}
	if fixed := apply(t, string(text), actions[0].Edit.Changes[u]); !strings.Contains(fixed, "\treturn\n\t}\n\tdefer r.MultipartForm.RemoveAll()\n\tw.WriteHeader") {
		t.Errorf("edited file:\n%s", fixed)
	}

	broken := filepath.Join(dir, "types", "types.go")
	btext, _ := os.ReadFile(broken)
	bu := fileURI(broken)
	c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: bu, LanguageID: "go", Version: 1, Text: string(btext),
	}})
	if pub := c.waitDiagnostics(bu, 1); len(pub.Diagnostics) != 0 {
		t.Errorf("type error package: diagnostics %+v, want none", pub.Diagnostics)
	}
	if !strings.Contains(c.log.String(), "not analysed") {
		t.Errorf("log does not say why:\n%s", c.log)
	}
	if code := c.exit(); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}

// A client that goes away in the middle of an analysis: the server exits
// promptly, with a log line.
func TestDisconnectDuringAnalysis(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an analysis of net/http's dependency graph")
	}
	dir := module(t, nil)
	path := filepath.Join(dir, "upload", "upload.go")
	text, _ := os.ReadFile(path)
	c := startServer(t)
	c.initialize(false)
	c.notify(MethodTextDocumentDidOpen, DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: fileURI(path), LanguageID: "go", Version: 1, Text: string(text),
	}})
	time.Sleep(500 * time.Millisecond) // past the debounce: loading
	start := time.Now()
	c.toSrv.Close()
	select {
	case code := <-c.code:
		if code != 1 {
			t.Errorf("status %d, want 1", code)
		}
	case <-time.After(time.Minute):
		t.Fatal("server did not exit")
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("exit took %v", d)
	}
	if !strings.Contains(c.log.String(), "client disconnected without shutdown") {
		t.Errorf("log:\n%s", c.log)
	}
}

// The wire format, without a JSON-RPC library on the client side: string
// and number ids come back as sent, a request without params is invalid,
// a response from the client (the server sends no requests) is ignored,
// and the header's name is case-insensitive.
func TestWire(t *testing.T) {
	srvIn, cliOut := io.Pipe()
	cliIn, srvOut := io.Pipe()
	code := make(chan int, 1)
	go func() {
		code <- Serve(context.Background(), srvIn, srvOut, Options{Analyzers: memlint.Analyzers})
		srvOut.Close()
	}()
	defer cliOut.Close()
	in := bufio.NewReader(cliIn)
	send := func(header, msg string) {
		t.Helper()
		if _, err := fmt.Fprintf(cliOut, "%s: %d\r\n\r\n%s", header, len(msg), msg); err != nil {
			t.Fatal(err)
		}
	}
	roundTrip := func(header, msg string) map[string]any {
		t.Helper()
		send(header, msg)
		var length int
		for {
			line, err := in.ReadString('\n')
			if err != nil {
				t.Fatalf("reading the reply to %s: %v", msg, err)
			}
			if line == "\r\n" {
				break
			}
			if _, err := fmt.Sscanf(line, "Content-Length: %d\r\n", &length); err != nil {
				t.Fatalf("header %q", line)
			}
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(in, body); err != nil {
			t.Fatal(err)
		}
		var reply map[string]any
		if err := json.Unmarshal(body, &reply); err != nil || reply["jsonrpc"] != "2.0" {
			t.Fatalf("reply %s: %v", body, err)
		}
		return reply
	}
	if r := roundTrip("Content-Length", `{"jsonrpc":"2.0","id":"init-1","method":"initialize","params":{"capabilities":{}}}`); r["id"] != "init-1" || r["result"] == nil {
		t.Errorf("initialize: %v", r)
	}
	send("Content-Length", `{"jsonrpc":"2.0","id":99,"result":"stray"}`)
	r := roundTrip("content-length", `{"jsonrpc":"2.0","id":7,"method":"textDocument/codeAction"}`)
	if e, _ := r["error"].(map[string]any); r["id"] != 7.0 || e == nil || e["code"] != -32602.0 {
		t.Errorf("codeAction without params: %v", r)
	}
	if r := roundTrip("Content-Length", `{"jsonrpc":"2.0","id":8,"method":"shutdown"}`); r["id"] != 8.0 || r["error"] != nil {
		t.Errorf("shutdown: %v", r)
	}
	send("Content-Length", `{"jsonrpc":"2.0","method":"exit"}`)
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("status %d, want 0", c)
		}
	case <-time.After(time.Minute):
		t.Fatal("server did not exit")
	}
}
