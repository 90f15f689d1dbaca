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

// A list of the service's data in the same shape, read from a query, is
// reported.
func (s *cfgServer) orderList(w http.ResponseWriter, r *http.Request) {
	response := &struct{ Orders []Order }{Orders: allOrders()}
	b, _ := json.MarshalIndent(response, "", "  ") // want `json.MarshalIndent of \*struct\{Orders \[\]Order\} \(rows of a query\)`
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

// Every policy, read from a query: a list of policies is judged by its
// type.
func (s *policyServer) list(w http.ResponseWriter, r *http.Request) {
	var all []Policy
	rows, _ := store.Query("SELECT * FROM policies")
	for rows.Next() {
		all = append(all, Policy{})
	}
	b, _ := json.MarshalIndent(all, "", " ") // want `json.MarshalIndent of \[\]Policy \(rows of a query\)`
	w.Write(b)
}

// A statement alone is not a policy: its lists are unbounded by type, but
// one element of a map holds no rows: silent.
func (s *policyServer) statement(w http.ResponseWriter, r *http.Request) {
	st := s.policies["admin"].Statements[0]
	b, _ := json.MarshalIndent(st, "", " ") // silent: no rows of a query
	w.Write(b)
}
