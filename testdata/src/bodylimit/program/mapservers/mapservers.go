// Package mapservers keeps its servers in a map field and starts each in // want package:"program\\(covered\\(1\\) starts\\(mapservers\\.\\(\\*Coordinator\\)\\.Start\\)\\)"
// a range loop (Burrow's httpserver coordinator): the program rule follows
// the range to the servers the package stores there.
package mapservers

import (
	"encoding/json"
	"net"
	"net/http"
)

type Coordinator struct {
	mux     *http.ServeMux
	servers map[string]*http.Server
}

func (c *Coordinator) setLevel(w http.ResponseWriter, r *http.Request) { // want setLevel:"reads\\(1:json.Decoder.Decode\\)"
	var v struct{ Level string }
	json.NewDecoder(r.Body).Decode(&v)
}

// Configure builds one server per configured listener.
func (c *Coordinator) Configure(names []string) {
	c.mux = http.NewServeMux()
	c.mux.HandleFunc("/level", c.setLevel)
	c.servers = make(map[string]*http.Server)
	for _, name := range names {
		server := &http.Server{Addr: name, Handler: c.mux}
		c.servers[name] = server
	}
}

// Start serves them all.
func (c *Coordinator) Start() {
	for _, server := range c.servers {
		ln, err := net.Listen("tcp", server.Addr)
		if err != nil {
			return
		}
		go server.Serve(ln) // want `^mapservers\.\(\*Coordinator\)\.setLevel \(json\.Decoder\.Decode\) reads request bodies whole`
	}
}

// Pool keeps servers its callers give it: an importer may have wrapped
// their handlers in a limit, so its serve calls are not followed.
type Pool struct {
	servers []*http.Server
}

func (p *Pool) Add(s *http.Server) {
	p.servers = append(p.servers, s)
}

func (p *Pool) Start() {
	for _, s := range p.servers {
		go s.ListenAndServe()
	}
}
