package bodylimit

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/passutil"
)

// reportRegistration reports the unbounded reads of the handler reg
// registers on a router whose whole wiring f shows, with no limit.
func (c *checker) reportRegistration(f *function, reg registration, root *router) {
	for _, hr := range c.handlerReads(f, reg) {
		if reg.get && (byMethod(hr.read.api) || hr.read.notGet) {
			continue // gin binds a GET request's query and form, not its body; the read runs for another method
		}
		c.covered[hr.pos] = true
		if hr.local != nil {
			pos, _ := c.site(hr.read)
			c.covered[pos] = true // as the program rule names it
		}
		related := []analysis.RelatedInformation{{Pos: reg.at.Pos(), End: reg.at.End(), Message: "registered here, on a router with no body limit"}}
		if root.serve.IsValid() {
			related = append(related, analysis.RelatedInformation{Pos: root.serve, Message: "served here with no body limit"})
		}
		if hr.local != nil && hr.read.call != nil && !hr.local.skip {
			call := hr.read.call
			if !c.first(call.Pos()) {
				continue
			}
			what := hr.read.api
			switch {
			case hr.read.via != "" && hr.read.at != nil:
				// A helper of this package: the read is related
				// information, not a position in the text.
				what = fmt.Sprintf("%s (%s)", hr.read.via, hr.read.api)
				related = append(related, analysis.RelatedInformation{Pos: hr.read.at.Pos(), End: hr.read.at.End(), Message: hr.read.api + " reads the body whole here"})
			case hr.read.via != "":
				what = fmt.Sprintf("%s (%s at %s)", hr.read.via, hr.read.api, hr.read.pos)
			}
			stmt := c.limitStmt(hr.local)
			hint := "bound it with http.MaxBytesReader or a body-limit middleware"
			if stmt != "" {
				hint = "bound it first with " + stmt
			}
			msg := fmt.Sprintf("%s reads the whole request body into memory with no limit on this route, so a client decides its size; %s", what, hint)
			if strings.HasSuffix(hr.read.api, uploadAPI) {
				// No fix: a body limit small enough for JSON would
				// refuse the uploads the route is for.
				stmt = ""
				msg = fmt.Sprintf("%s reads a whole uploaded file into memory with no limit on this route, so a client decides its size (the form keeps at most its maxMemory in memory and spills the rest to disk; this read brings it all back); check the file header's Size first, or read it through io.LimitReader", strings.Replace(what, uploadAPI, "", 1))
			}
			d := analysis.Diagnostic{
				Pos:     call.Pos(),
				End:     call.End(),
				Message: msg,
				Related: related,
			}
			if stmt != "" && !c.fixed[hr.local] && len(hr.local.body.List) > 0 {
				c.fixed[hr.local] = true
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message: fmt.Sprintf("Limit the request body to %s", passutil.FormatBytes(c.cfg.maxBytes)),
					TextEdits: []analysis.TextEdit{{
						Pos:     hr.local.body.List[0].Pos(),
						End:     hr.local.body.List[0].Pos(),
						NewText: []byte(stmt + "\n"),
					}},
				}}
			}
			passutil.Report(c.pass, d)
			continue
		}
		at := reg.handler
		var atNode ast.Node = reg.at
		if at != nil {
			atNode = at
		}
		// Handlers of another package are reported where they are
		// registered; a function of the package that registers many
		// (router.SetRouter(server): one-api's whole API) registers
		// them all at its call, so they are gathered there (flushRemote).
		g := c.remote[atNode.Pos()]
		if g == nil {
			g = &remoteGroup{at: atNode, related: related}
			c.remote[atNode.Pos()] = g
			c.remoteOrder = append(c.remoteOrder, atNode.Pos())
		}
		if !slices.ContainsFunc(g.reads, func(r handlerRead) bool { return r.handler == hr.handler && r.pos == hr.pos }) {
			g.reads = append(g.reads, hr)
		}
	}
}

// A remoteGroup is the unbounded reads of handlers of other packages that
// one registration site registers.
type remoteGroup struct {
	at      ast.Node
	related []analysis.RelatedInformation
	reads   []handlerRead
}

// flushRemote reports each registration site of handlers of other
// packages once, naming every handler it registers that reads whole.
func (c *checker) flushRemote() {
	for _, pos := range c.remoteOrder {
		g := c.remote[pos]
		if !c.first(pos) {
			continue
		}
		hr := g.reads[0]
		msg := fmt.Sprintf("handler %s reads the whole request body into memory (%s at %s) with no limit on this route, so a client decides its size; bound it with http.MaxBytesReader or a body-limit middleware",
			hr.handler, hr.api, hr.pos)
		related := g.related
		if len(g.reads) > 1 {
			msg = fmt.Sprintf("%d handlers registered here read the whole request body into memory with no limit on their routes, first %s (%s at %s), so a client decides its size; bound them with http.MaxBytesReader or a body-limit middleware",
				len(g.reads), hr.handler, hr.api, hr.pos)
			related = slices.Clone(related)
			for _, r := range g.reads {
				related = append(related, analysis.RelatedInformation{
					Pos:     g.at.Pos(),
					End:     g.at.End(),
					Message: fmt.Sprintf("%s: handler %s reads the request body whole (%s)", r.pos, r.handler, r.api),
				})
			}
		}
		passutil.Report(c.pass, analysis.Diagnostic{
			Pos:     g.at.Pos(),
			End:     g.at.End(),
			Message: msg,
			Related: related,
		})
	}
}

// limitStmt returns the statement bounding the body of handler g, or ""
// when its parameters are unnamed or the file does not import net/http as
// http.
func (c *checker) limitStmt(g *function) string {
	if !importsHTTP(g.file) {
		return ""
	}
	fw, ok := httpapi.HandlerFramework(g.sig)
	if !ok {
		return ""
	}
	name := func(i int) string {
		n := g.sig.Params().At(i).Name()
		if n == "" || n == "_" {
			return ""
		}
		return n
	}
	n := sizeExpr(c.cfg.maxBytes)
	switch fw {
	case httpapi.NetHTTP:
		w, r := name(0), name(1)
		if w == "" || r == "" {
			return ""
		}
		return fmt.Sprintf("%s.Body = http.MaxBytesReader(%s, %s.Body, %s)", r, w, r, n)
	case httpapi.Gin:
		x := name(0)
		if x == "" {
			return ""
		}
		return fmt.Sprintf("%s.Request.Body = http.MaxBytesReader(%s.Writer, %s.Request.Body, %s)", x, x, x, n)
	case httpapi.Echo, httpapi.EchoV5:
		x := name(0)
		if x == "" {
			return ""
		}
		return fmt.Sprintf("%s.Request().Body = http.MaxBytesReader(%s.Response(), %s.Request().Body, %s)", x, x, x, n)
	}
	return ""
}

func importsHTTP(f *ast.File) bool {
	for _, imp := range f.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == "net/http" {
			return imp.Name == nil || imp.Name.Name == "http"
		}
	}
	return false
}

// sizeExpr writes n as Go source: 1<<20, 5<<20, 4096.
func sizeExpr(n int64) string {
	for _, u := range []struct {
		shift int
	}{{30}, {20}, {10}} {
		if n >= 1<<u.shift && n%(1<<u.shift) == 0 {
			return fmt.Sprintf("%d<<%d", n>>u.shift, u.shift)
		}
	}
	return strconv.FormatInt(n, 10)
}

// decompression reports decompressed network streams read whole with no
// limit after decompression.
func (c *checker) decompression(f *function) {
	if f.skip && !c.cfg.allSources {
		return
	}
	inspectBody(f.body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		w, ok := c.wholeReadOf(f, call)
		if !ok || w.src == nil {
			return
		}
		o := c.readOrigin(f, w)
		if !o.deep() || o.limitedAfter {
			return
		}
		if o.kind == srcOther && !c.cfg.allSources {
			return
		}
		if o.archive != "" && c.sizeChecked(f, call.Pos()) {
			return
		}
		if !c.first(call.Pos()) {
			return
		}
		passutil.Report(c.pass, analysis.Diagnostic{
			Pos:     call.Pos(),
			End:     call.End(),
			Message: streamMessage(w.api, o, w.api),
		})
	})
}

// first reports whether pos has not been reported yet, and marks it: a
// read reached from several routes or helpers is reported once.
func (c *checker) first(pos token.Pos) bool {
	if c.reported[pos] {
		return false
	}
	c.reported[pos] = true
	return true
}
