// Package newrelic is a minimal stub (the real module was not downloadable).
package newrelic

import "github.com/newrelic/newrelic-client-go/v2/pkg/nrdb"

type config struct{ key, region string }

type ConfigOption func(*config) error

type NewRelic struct {
	Nrdb nrdb.Nrdb
}

func New(opts ...ConfigOption) (*NewRelic, error) {
	c := &config{}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	return &NewRelic{}, nil
}

func ConfigPersonalAPIKey(k string) ConfigOption {
	return func(c *config) error { c.key = k; return nil }
}
func ConfigRegion(r string) ConfigOption { return func(c *config) error { c.region = r; return nil } }
