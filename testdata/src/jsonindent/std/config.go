package std

import (
	"encoding/json"
	"net/http"
)

// Config is the service's configuration, loaded at startup.
type Config struct {
	BaseURL          string
	DisallowedTopics []string
	Upstreams        map[string]string
}

type cfgServer struct {
	config *Config
	orders []Order
}

type configResponse struct {
	BaseURL          string
	DisallowedTopics []string
}

// Fine: the response's only list is one of the configuration, as long as
// the operator makes it (ntfy's handleWebConfig).
func (s *cfgServer) webConfig(w http.ResponseWriter, r *http.Request) {
	response := &configResponse{
		BaseURL:          s.config.BaseURL,
		DisallowedTopics: s.config.DisallowedTopics,
	}
	b, _ := json.MarshalIndent(response, "", "  ")
	w.Write(b)
}

// Fine: the configuration itself.
func (s *cfgServer) dumpConfig(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(s.config, "", "  ")
	w.Write(b)
}

// A list of the service's data in the same shape is reported.
func (s *cfgServer) orderList(w http.ResponseWriter, r *http.Request) {
	response := &struct{ Orders []Order }{Orders: s.orders}
	b, _ := json.MarshalIndent(response, "", "  ") // want `json.MarshalIndent of \*struct\{Orders \[\]Order\} \(any size\)`
	w.Write(b)
}

// Policy is an access policy document: its statements are as many as its
// author writes.
type Policy struct {
	Version    string
	Statements []Statement
}

type Statement struct {
	Effect    string
	Actions   []string
	Resources []string
}

type policyServer struct {
	policies map[string]Policy
}

// Fine: one policy document (minio's InfoCannedPolicy).
func (s *policyServer) info(w http.ResponseWriter, r *http.Request) {
	p := s.policies[r.URL.Query().Get("name")]
	b, _ := json.MarshalIndent(p, "", " ")
	w.Write(b)
}

// Every policy is a list that grows with the policies created.
func (s *policyServer) list(w http.ResponseWriter, r *http.Request) {
	var all []Policy
	for _, p := range s.policies {
		all = append(all, p)
	}
	b, _ := json.MarshalIndent(all, "", " ") // want `json.MarshalIndent of \[\]Policy \(any size\)`
	w.Write(b)
}

// A statement alone is not a policy: its lists are judged by their type.
func (s *policyServer) statement(w http.ResponseWriter, r *http.Request) {
	st := s.policies["admin"].Statements[0]
	b, _ := json.MarshalIndent(st, "", " ") // want `json.MarshalIndent of Statement \(any size\)`
	w.Write(b)
}
