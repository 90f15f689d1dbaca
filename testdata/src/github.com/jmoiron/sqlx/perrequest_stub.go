// Package sqlx is a stub of github.com/jmoiron/sqlx v1.4.0 for memlint's
// tests. This file holds what perrequest inspects.
package sqlx

func Connect(driverName, dataSourceName string) (*DB, error) { return nil, nil }
