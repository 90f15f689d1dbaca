// Package operations is a minimal stub.
package operations

import (
	"time"

	"github.com/solarwinds/swo-sdk-go/swov1/models/components"
)

type Option func(*Options) error

type Options struct{}

type ListMetricMeasurementsRequest struct {
	Name        string
	Filter      *string
	AggregateBy *components.MetricsAggregationMethods
	StartTime   *time.Time
	EndTime     *time.Time
	SeriesType  components.MetricsMetricSeriesType
}

type ListMetricMeasurementsResponse struct {
	Object *components.MetricsMeasurementsResult
}
