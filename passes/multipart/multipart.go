package multipart

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/passutil"
)

//go:embed doc.go
var doc string

// Analyzer reports multipart forms parsed without RemoveAll.
var Analyzer = &analysis.Analyzer{
	Name: "multipart",
	Doc:  passutil.MustExtractDoc(doc, "multipart"),
	URL:  "https://pkg.go.dev/github.com/memlint/memlint/passes/multipart",
	Run:  passutil.Guard("multipart", run),
}

func run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
