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
