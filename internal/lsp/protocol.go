package lsp

// The Language Server Protocol types and methods the server reads or
// writes, written from the LSP 3.17 specification,
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/
// Type, property and JSON names are the specification's; a property it
// marks optional (`name?:`) is omitempty here; integer is int32 and
// uinteger uint32; a union of types is `any`. Only the properties memlint
// uses are declared: decoding ignores the rest of what a client sends.
//
// memlint declares them rather than importing a protocol module because
// every memlint process links this package: one binary is the CLI, the
// `go vet -vettool`, the driver's per-package child and this server, and
// the driver and go vet start one process per package (~800 on
// golang.org/x/tools). go.lsp.dev/protocol v0.12.0 with go.lsp.dev/jsonrpc2
// linked 97 more packages into each of them (go.uber.org/zap, net/http,
// crypto/tls, github.com/segmentio/encoding; net made the binary
// dynamically linked), which cost ~100 page faults and ~8 ms of CPU at
// every start (perf stat -r 200 of `memlint -flags`: 605 faults and
// 28.5 ms with them, ~500 and 20 ms without); go.lsp.dev/protocol v1.0.1
// costs more still. The JSON-RPC 2.0 connection is
// github.com/sourcegraph/jsonrpc2, which needs only the standard library.

// DocumentURI is the URI of a document, a file: URI for a file on disk.
type DocumentURI string

// URI is any other URI (a diagnostic's code description).
type URI string

// Position is a zero-based line and character offset in a document;
// Character counts UTF-16 code units (the default position encoding).
type Position struct {
	Line      uint32 `json:"line"`
	Character uint32 `json:"character"`
}

// Range is the span from Start up to (not including) End.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Location is a range in a document.
type Location struct {
	URI   DocumentURI `json:"uri"`
	Range Range       `json:"range"`
}

// DiagnosticSeverity is the severity of a diagnostic.
type DiagnosticSeverity int32

// The severities of the specification.
const (
	DiagnosticSeverityError       DiagnosticSeverity = 1
	DiagnosticSeverityWarning     DiagnosticSeverity = 2
	DiagnosticSeverityInformation DiagnosticSeverity = 3
	DiagnosticSeverityHint        DiagnosticSeverity = 4
)

// CodeDescription links a diagnostic's code to its documentation.
type CodeDescription struct {
	Href URI `json:"href"`
}

// DiagnosticRelatedInformation is a second place a diagnostic names.
type DiagnosticRelatedInformation struct {
	Location Location `json:"location"`
	Message  string   `json:"message"`
}

// Diagnostic is a finding in a document (tags and data are not declared).
type Diagnostic struct {
	Range              Range                          `json:"range"`
	Severity           DiagnosticSeverity             `json:"severity,omitempty"`
	Code               any                            `json:"code,omitempty"` // integer | string
	CodeDescription    *CodeDescription               `json:"codeDescription,omitempty"`
	Source             string                         `json:"source,omitempty"`
	Message            string                         `json:"message"`
	RelatedInformation []DiagnosticRelatedInformation `json:"relatedInformation,omitempty"`
}

// TextEdit replaces Range with NewText.
type TextEdit struct {
	Range   Range  `json:"range"`
	NewText string `json:"newText"`
}

// TextDocumentIdentifier names a document.
type TextDocumentIdentifier struct {
	URI DocumentURI `json:"uri"`
}

// VersionedTextDocumentIdentifier names a version of a document.
type VersionedTextDocumentIdentifier struct {
	TextDocumentIdentifier
	Version int32 `json:"version"`
}

// OptionalVersionedTextDocumentIdentifier names a document and, unless
// Version is nil (null), the version an edit applies to.
type OptionalVersionedTextDocumentIdentifier struct {
	TextDocumentIdentifier
	Version *int32 `json:"version"` // integer | null, not optional
}

// TextDocumentItem is an opened document and its text.
type TextDocumentItem struct {
	URI        DocumentURI `json:"uri"`
	LanguageID string      `json:"languageId"`
	Version    int32       `json:"version"`
	Text       string      `json:"text"`
}

// TextDocumentEdit is edits to one version of a document (plain text
// edits only: memlint sends no AnnotatedTextEdit).
type TextDocumentEdit struct {
	TextDocument OptionalVersionedTextDocumentIdentifier `json:"textDocument"`
	Edits        []TextEdit                              `json:"edits"`
}

// WorkspaceEdit is edits to documents, by document (Changes) or, for a
// client announcing workspace.workspaceEdit.documentChanges, versioned
// (DocumentChanges, text document edits only).
type WorkspaceEdit struct {
	Changes         map[DocumentURI][]TextEdit `json:"changes,omitempty"`
	DocumentChanges []TextDocumentEdit         `json:"documentChanges,omitempty"`
}

// CodeActionKind is the kind of a code action.
type CodeActionKind string

// The kinds memlint offers or recognises.
const (
	CodeActionKindQuickFix CodeActionKind = "quickfix"
	CodeActionKindRefactor CodeActionKind = "refactor"
)

// CodeActionContext is the diagnostics and kinds a code action request
// is about.
type CodeActionContext struct {
	Diagnostics []Diagnostic     `json:"diagnostics"`
	Only        []CodeActionKind `json:"only,omitempty"`
}

// CodeActionParams are the params of textDocument/codeAction.
type CodeActionParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Range        Range                  `json:"range"`
	Context      CodeActionContext      `json:"context"`
}

// CodeAction is a quick fix: a title and a workspace edit.
type CodeAction struct {
	Title       string         `json:"title"`
	Kind        CodeActionKind `json:"kind,omitempty"`
	Diagnostics []Diagnostic   `json:"diagnostics,omitempty"`
	IsPreferred bool           `json:"isPreferred,omitempty"`
	Edit        *WorkspaceEdit `json:"edit,omitempty"`
}

// CodeActionOptions is the code action capability of a server whose
// client supports code action literals.
type CodeActionOptions struct {
	CodeActionKinds []CodeActionKind `json:"codeActionKinds,omitempty"`
}

// TextDocumentSyncKind is how the client sends a document's changes.
type TextDocumentSyncKind int32

// The sync kinds of the specification.
const (
	TextDocumentSyncKindNone        TextDocumentSyncKind = 0
	TextDocumentSyncKindFull        TextDocumentSyncKind = 1
	TextDocumentSyncKindIncremental TextDocumentSyncKind = 2
)

// SaveOptions are the options of didSave.
type SaveOptions struct {
	IncludeText bool `json:"includeText,omitempty"`
}

// TextDocumentSyncOptions are the document notifications a server wants.
type TextDocumentSyncOptions struct {
	OpenClose bool                 `json:"openClose,omitempty"`
	Change    TextDocumentSyncKind `json:"change,omitempty"`
	Save      any                  `json:"save,omitempty"` // boolean | SaveOptions
}

// ServerCapabilities are the server's capabilities.
type ServerCapabilities struct {
	TextDocumentSync   any `json:"textDocumentSync,omitempty"`   // TextDocumentSyncOptions | TextDocumentSyncKind
	CodeActionProvider any `json:"codeActionProvider,omitempty"` // boolean | CodeActionOptions
}

// ServerInfo is the type of InitializeResult.serverInfo, unnamed in the
// specification.
type ServerInfo struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
}

// InitializeResult is the result of initialize.
type InitializeResult struct {
	Capabilities ServerCapabilities `json:"capabilities"`
	ServerInfo   *ServerInfo        `json:"serverInfo,omitempty"`
}

// DidOpenTextDocumentParams are the params of textDocument/didOpen.
type DidOpenTextDocumentParams struct {
	TextDocument TextDocumentItem `json:"textDocument"`
}

// DidSaveTextDocumentParams are the params of textDocument/didSave (the
// text is not asked for).
type DidSaveTextDocumentParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// DidCloseTextDocumentParams are the params of textDocument/didClose.
type DidCloseTextDocumentParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// PublishDiagnosticsParams are the params of
// textDocument/publishDiagnostics; Version, if set, is the version of the
// document the diagnostics were computed for.
type PublishDiagnosticsParams struct {
	URI         DocumentURI  `json:"uri"`
	Version     int32        `json:"version,omitempty"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// The methods memlint handles or sends.
const (
	MethodInitialize                     = "initialize"
	MethodInitialized                    = "initialized"
	MethodShutdown                       = "shutdown"
	MethodExit                           = "exit"
	MethodTextDocumentDidOpen            = "textDocument/didOpen"
	MethodTextDocumentDidChange          = "textDocument/didChange"
	MethodTextDocumentDidSave            = "textDocument/didSave"
	MethodTextDocumentDidClose           = "textDocument/didClose"
	MethodTextDocumentCodeAction         = "textDocument/codeAction"
	MethodTextDocumentPublishDiagnostics = "textDocument/publishDiagnostics"
)

// CodeServerNotInitialized is the LSP error code of a request before
// initialize (the JSON-RPC codes are jsonrpc2's).
const CodeServerNotInitialized = -32002
