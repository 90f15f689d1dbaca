package bigbuffer

import (
	_ "embed"
	"fmt"
	"go/ast"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

//go:embed doc.go
var doc string

// Analyzer reports 16 MiB upload buffers and big buffers allocated on hot paths.
var Analyzer = &analysis.Analyzer{
	Name:      "bigbuffer",
	Doc:       passutil.MustExtractDoc(doc, "bigbuffer"),
	URL:       "https://pkg.go.dev/github.com/memlint/memlint/passes/bigbuffer",
	Run:       passutil.Guard("bigbuffer", run),
	Requires:  []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer},
	FactTypes: []analysis.Fact{new(writerFact)},
}

const (
	kib = 1 << 10
	mib = 1 << 20
	gib = 1 << 30

	// defaultChunkSize is googleapi.DefaultUploadChunkSize, the buffer every
	// storage.Writer and every Media upload allocates unless told otherwise.
	defaultChunkSize = 16 * mib
	// granule is googleapi.MinUploadChunkSize: chunk sizes are rounded up
	// to a multiple of it.
	granule = 256 * kib
)

// Flag values. run copies them into a config and never writes them.
var (
	maxBytes  = byteSize{n: 1 * mib, min: 1}
	chunkSize = byteSize{n: 256 * kib, min: 0, multiple: granule}
)

func init() {
	Analyzer.Flags.Var(&maxBytes, "max-bytes",
		"report constant-size allocations of at least this many bytes on a hot path (a number, optionally with a KiB, MiB or GiB suffix)")
	Analyzer.Flags.Var(&chunkSize, "chunk-size",
		"ChunkSize written by the suggested fixes: 0 or a multiple of 256 KiB (a number, optionally with a KiB, MiB or GiB suffix)")
}

// byteSize is a flag.Value holding a byte count.
type byteSize struct {
	n        int64
	min      int64 // smallest accepted value
	multiple int64 // if > 0, a non-zero value must be a multiple of it
}

func (b *byteSize) String() string { return strconv.FormatInt(b.n, 10) }

// Set parses a byte count as passutil.ParseBytes does ("1048576", "1MiB",
// "256 KiB", "1<<20") and checks this flag's bounds.
func (b *byteSize) Set(s string) error {
	n, err := passutil.ParseBytes(s)
	if err != nil {
		return err
	}
	if n < b.min {
		return fmt.Errorf("invalid byte count %q: must be at least %d", s, b.min)
	}
	if b.multiple > 0 && n%b.multiple != 0 {
		return fmt.Errorf("invalid byte count %q: must be 0 or a multiple of %s (uploads round it up)", s, passutil.FormatBytes(b.multiple))
	}
	b.n = n
	return nil
}

// config is one run's copy of the flags.
type config struct {
	maxBytes  int64
	chunkSize int64
}

// Canonical keys and paths of the APIs the pass matches.
const (
	storagePath   = "cloud.google.com/go/storage"
	googleapiPath = "google.golang.org/api/googleapi"
	apiPrefix     = "google.golang.org/api/..."
	newWriterKey  = "(*cloud.google.com/go/storage.ObjectHandle).NewWriter"
	writerType    = "cloud.google.com/go/storage.Writer"
	mediaOption   = "google.golang.org/api/googleapi.MediaOption"
	chunkSizeKey  = "google.golang.org/api/googleapi.ChunkSize"
)

func run(pass *analysis.Pass) (any, error) {
	cfg := config{maxBytes: maxBytes.n, chunkSize: chunkSize.n}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)

	var files []*ast.File
	for _, f := range pass.Files {
		if passutil.IsGenerated(f) || isTestFile(pass, f) {
			continue
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, nil
	}
	c := &checker{pass: pass, cfg: cfg, in: in, files: files}
	if apimatch.Imports(pass.Pkg, storagePath) {
		c.exportFacts()
	}
	if testSupport(files) {
		return nil, nil // its facts serve its importers; its buffers serve tests
	}
	if apimatch.Imports(pass.Pkg, storagePath) {
		c.checkWriters()
		c.checkAppendable()
	}
	if apimatch.Imports(pass.Pkg, apiPrefix) {
		c.checkMedia()
	}
	c.checkAllocs()
	return nil, nil
}

// checker holds one run's state.
type checker struct {
	pass  *analysis.Pass
	cfg   config
	in    *inspector.Inspector
	files []*ast.File
}

// testSupport reports whether a package is test support written outside
// _test.go files (a testutil package, gcsfuse's integration-test client
// helpers): one of its files imports "testing". Its writers and buffers
// serve tests, which are not production memory either.
func testSupport(files []*ast.File) bool {
	for _, f := range files {
		for _, imp := range f.Imports {
			if imp.Path.Value == `"testing"` {
				return true
			}
		}
	}
	return false
}

func isTestFile(pass *analysis.Pass, f *ast.File) bool {
	return passutil.IsTestFile(pass.Fset, f)
}

// sizeExpr renders n as Go source for a suggested fix: "256 << 10".
func sizeExpr(n int64) string {
	switch {
	case n == 0:
		return "0"
	case n%mib == 0:
		return strconv.FormatInt(n/mib, 10) + " << 20"
	case n%kib == 0:
		return strconv.FormatInt(n/kib, 10) + " << 10"
	}
	return strconv.FormatInt(n, 10)
}
