// Package components is a minimal stub.
package components

type MetricsAggregationMethods string

const (
	MetricsAggregationMethodsCount MetricsAggregationMethods = "COUNT"
	MetricsAggregationMethodsMin   MetricsAggregationMethods = "MIN"
	MetricsAggregationMethodsMax   MetricsAggregationMethods = "MAX"
	MetricsAggregationMethodsAvg   MetricsAggregationMethods = "AVG"
	MetricsAggregationMethodsSum   MetricsAggregationMethods = "SUM"
	MetricsAggregationMethodsLast  MetricsAggregationMethods = "LAST"
)

func (e MetricsAggregationMethods) ToPointer() *MetricsAggregationMethods { return &e }

type MetricsMetricSeriesType string

const MetricsMetricSeriesTypeScalar MetricsMetricSeriesType = "SCALAR"

type MetricsMeasurement struct {
	Time  string
	Value float64
}

type MetricsMeasurementsGroup struct {
	Measurements []MetricsMeasurement
}

type MetricsMeasurementsResult struct {
	Groupings []MetricsMeasurementsGroup
}
