// Package memlint is a suite of static-analysis passes that find Go code
// patterns known to blow up a service's memory: resources never closed,
// 16 MiB upload buffers, multipart temp files left behind, indented JSON of
// unbounded results, queries that read unbounded rows, heavy clients built
// per request, request bodies read whole with no limit and goroutines left
// blocked forever on a channel send.
//
// Every driver (the memlint command, go vet -vettool, the golangci-lint
// plugin, the language server) runs exactly the analyzers in Analyzers.
package memlint

import (
	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/passes/bigbuffer"
	"github.com/memlint/memlint/passes/blockedsend"
	"github.com/memlint/memlint/passes/bodylimit"
	"github.com/memlint/memlint/passes/jsonindent"
	"github.com/memlint/memlint/passes/multipart"
	"github.com/memlint/memlint/passes/perrequest"
	"github.com/memlint/memlint/passes/querylimit"
	"github.com/memlint/memlint/passes/unclosed"
)

// Analyzers are memlint's passes, in the order they are documented.
var Analyzers = []*analysis.Analyzer{
	unclosed.Analyzer,
	bigbuffer.Analyzer,
	multipart.Analyzer,
	jsonindent.Analyzer,
	querylimit.Analyzer,
	perrequest.Analyzer,
	bodylimit.Analyzer,
	blockedsend.Analyzer,
}
