package bodylimit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/memlint/memlint/internal/passutil"
)

// bodyFact is what a function does to the request bodies and routers it is
// given, for its callers in other packages. Parameter indices are the
// signature's, receiver excluded, from 0.
type bodyFact struct {
	Reads       []ReadSite      // reads the body of the request held by parameter Param whole, unbounded
	Limits      passutil.Params // bounds the body of the request held by these parameters
	Limiter     bool            // bounds request bodies: a middleware, or returns one
	Consumes    bool            // reads every body it bounds (Limits): a handler's or helper's own limit, no middleware
	Routers     passutil.Params // router parameters it only registers handlers on, with no limit
	Registers   []RegSite       // handlers reading unbounded it registers on router parameter Param
	Streams     []StreamSite
	Drains      []ReadSite      // reads the stream (an io.Reader) parameter Param is whole, unbounded
	Serves      passutil.Params // starts a server with these handler parameters, unwrapped
	Servers     passutil.Params // starts the *http.Server of these parameters with the Handler its caller set
	HandlerSets passutil.Params // sets the Handler of the *http.Server of these parameters (it may bound it)
	Keeps       passutil.Params // returns a struct keeping the *http.Server of these parameters in field KeptIn
	KeptIn      string
	ServesField string          // a method starting the *http.Server its receiver holds in this field, with the Handler its caller set
	Installs    passutil.Params // installs the middlewares of these parameters on a router: its callers' to judge
	Copies      passutil.Params // reads the body of these parameters whole and puts back an in-memory copy
}

// A StreamSite is a whole read, unbounded, of a decompressed stream or an
// archive entry made of parameter Param (its caller decides the source).
type StreamSite struct {
	Param   int
	API     string
	Decomp  string // the decompressor nearest the read
	Archive string // "zip", "tar" or ""
	Entry   string // how the entry is opened
	Under   string // a decompressor under the archive
	Pos     string
}

// A ReadSite is a whole read of a parameter's request body.
type ReadSite struct {
	Param   int
	API     string
	Pos     string // "pkg/file.go:12"
	Foreign bool   // Pos is in a package of another module than the function's
	NotGet  bool   // only for a request whose method is not GET
}

// A RegSite is a handler reading unbounded registered on a router parameter.
type RegSite struct {
	Param   int
	Handler string
	API     string
	Pos     string
}

func (*bodyFact) AFact() {}

func (f *bodyFact) String() string {
	var parts []string
	parts = append(parts, readList("reads", f.Reads))
	parts = append(parts, f.Limits.Format("limits"))
	if f.Limiter {
		parts = append(parts, "limiter")
	}
	if f.Consumes {
		parts = append(parts, "consumes")
	}
	parts = append(parts, f.Routers.Format("routers"))
	if len(f.Registers) > 0 {
		var rs []string
		for _, r := range f.Registers {
			rs = append(rs, fmt.Sprintf("%d:%s", r.Param, r.Handler))
		}
		parts = append(parts, "registers("+strings.Join(rs, ",")+")")
	}
	if len(f.Streams) > 0 {
		var rs []string
		for _, r := range f.Streams {
			rs = append(rs, fmt.Sprintf("%d:%s", r.Param, r.API))
		}
		parts = append(parts, "streams("+strings.Join(rs, ",")+")")
	}
	parts = append(parts, f.Serves.Format("serves"))
	parts = append(parts, f.Servers.Format("servers"))
	parts = append(parts, f.HandlerSets.Format("setsHandler"))
	if len(f.Keeps) > 0 {
		parts = append(parts, f.Keeps.Format("keeps")+"."+f.KeptIn)
	}
	if f.ServesField != "" {
		parts = append(parts, "servesField("+f.ServesField+")")
	}
	parts = append(parts, readList("drains", f.Drains))
	parts = append(parts, f.Installs.Format("installs"))
	parts = append(parts, f.Copies.Format("copies"))
	return passutil.JoinFacts(parts...)
}

// readList prints sites as name(param:API,...), or "" for none.
func readList(name string, sites []ReadSite) string {
	if len(sites) == 0 {
		return ""
	}
	var rs []string
	for _, r := range sites {
		if r.NotGet {
			rs = append(rs, fmt.Sprintf("%d:%s!GET", r.Param, r.API))
		} else {
			rs = append(rs, fmt.Sprintf("%d:%s", r.Param, r.API))
		}
	}
	return name + "(" + strings.Join(rs, ",") + ")"
}

// exportFact exports f's summary when it says something a caller needs.
func (c *checker) exportFact(f *function) {
	if f.obj == nil {
		return
	}
	s := f.sum
	var fact bodyFact
	fact.Reads = readSites(s.reads)
	for p := range s.limits {
		fact.Limits = append(fact.Limits, p)
	}
	slices.Sort(fact.Limits)
	fact.Limiter = s.limiter
	fact.Consumes = len(s.limits) > 0 && !s.limiter && c.consumesLimited(f)
	fact.Routers = s.routers
	for _, r := range s.regs {
		fact.Registers = append(fact.Registers, RegSite{Param: r.param, Handler: r.handler, API: r.api, Pos: r.pos})
	}
	seen := map[string]bool{}
	for _, r := range s.streams {
		k := fmt.Sprint(r.param, r.api, r.pos)
		if seen[k] {
			continue
		}
		seen[k] = true
		fact.Streams = append(fact.Streams, StreamSite{Param: r.param, API: r.api, Decomp: r.o.decomp,
			Archive: r.o.archive, Entry: r.o.entry, Under: r.o.under, Pos: r.pos})
	}
	fact.Drains = readSites(s.drains)
	if f.obj.Exported() {
		fact.Serves = c.servesParams(f)
		fact.Servers = c.servesServers(f)
		fact.HandlerSets = c.handlerSets[f]
		fact.Keeps, fact.KeptIn = c.keepsParams(f)
		fact.ServesField = c.servesRecv(f)
	}
	fact.Installs = f.installs
	for p := range s.copies {
		fact.Copies = append(fact.Copies, p)
	}
	slices.Sort(fact.Copies)
	if len(fact.Reads) == 0 && len(fact.Limits) == 0 && !fact.Limiter && len(fact.Routers) == 0 && len(fact.Streams) == 0 && len(fact.Drains) == 0 && len(fact.Serves) == 0 && len(fact.Servers) == 0 && len(fact.HandlerSets) == 0 && len(fact.Keeps) == 0 && fact.ServesField == "" && len(fact.Installs) == 0 && len(fact.Copies) == 0 {
		return
	}
	c.pass.ExportObjectFact(f.obj, &fact)
}

// readSites returns the distinct read sites of rs.
func readSites(rs []read) []ReadSite {
	var out []ReadSite
	seen := map[string]bool{}
	for _, r := range rs {
		k := fmt.Sprint(r.param, r.api, r.pos, r.notGet)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, ReadSite{Param: r.param, API: r.api, Pos: r.pos, Foreign: r.foreign, NotGet: r.notGet})
	}
	return out
}
