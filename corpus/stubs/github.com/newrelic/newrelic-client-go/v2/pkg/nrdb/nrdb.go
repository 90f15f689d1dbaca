// Package nrdb is a minimal stub.
package nrdb

import "context"

type NRQL string

type NRDBResult map[string]interface{}

type NRDBResultContainer struct {
	Results []NRDBResult
}

type Nrdb struct{}

func (n *Nrdb) QueryWithContext(ctx context.Context, accountID int, query NRQL) (*NRDBResultContainer, error) {
	return &NRDBResultContainer{}, nil
}
