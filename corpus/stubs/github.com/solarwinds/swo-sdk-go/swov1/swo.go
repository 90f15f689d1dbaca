// Package swov1 is a minimal stub (the real module was not downloadable).
package swov1

import (
	"context"
	"net/http"
	"time"

	"github.com/solarwinds/swo-sdk-go/swov1/models/operations"
)

type sdkConfiguration struct {
	Client    *http.Client
	Token     string
	ServerURL string
}

type SDKOption func(*Swo)

type Metrics struct{ cfg *sdkConfiguration }

type Swo struct {
	Metrics *Metrics
	cfg     sdkConfiguration
}

func WithSecurity(token string) SDKOption { return func(s *Swo) { s.cfg.Token = token } }
func WithServerURL(u string) SDKOption    { return func(s *Swo) { s.cfg.ServerURL = u } }

func New(opts ...SDKOption) *Swo {
	s := &Swo{}
	for _, o := range opts {
		o(s)
	}
	if s.cfg.Client == nil {
		s.cfg.Client = &http.Client{Timeout: 60 * time.Second}
	}
	s.Metrics = &Metrics{cfg: &s.cfg}
	return s
}

func (m *Metrics) ListMetricMeasurements(ctx context.Context, req operations.ListMetricMeasurementsRequest, opts ...operations.Option) (*operations.ListMetricMeasurementsResponse, error) {
	return &operations.ListMetricMeasurementsResponse{}, nil
}
