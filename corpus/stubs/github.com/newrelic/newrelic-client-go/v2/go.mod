module github.com/newrelic/newrelic-client-go/v2

go 1.22
