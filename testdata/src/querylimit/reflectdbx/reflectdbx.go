// Package reflectdbx is a database wrapper that fills the caller's slice
// by reflection (fider's dbx): Select runs the text and arguments it is
// given and appends every row with reflect.Append, and when debug logging
// is on it reformats the text, which a deferred logger captures.
package reflectdbx

import (
	"context"
	"database/sql"
	"log"
	"reflect"
	"strings"
)

var debug bool

type Trx struct {
	ctx context.Context
	tx  *sql.Tx
}

func format(s string) string { return strings.Join(strings.Fields(s), " ") }

// Select keeps every row in data.
func (trx *Trx) Select(data any, command string, args ...any) error { // want Select:`runsQuery\(1,2\)`
	if debug {
		command = format(command)
		defer func() { log.Println(command) }()
	}
	rows, err := trx.tx.QueryContext(trx.ctx, command, args...)
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }() // rows live in a cell the closure captures
	sliceType := reflect.TypeOf(data).Elem()
	items := reflect.New(sliceType).Elem()
	for rows.Next() {
		item := reflect.New(sliceType.Elem())
		if err := rows.Scan(item.Interface()); err != nil {
			return err
		}
		items = reflect.Append(items, item.Elem())
	}
	reflect.Indirect(reflect.ValueOf(data)).Set(items)
	return nil
}

// Rename sets the text it runs to another: it runs no caller's text.
func (trx *Trx) Rename(data any, command string, args ...any) error {
	defer func() { command = "SELECT 1" }()
	rows, err := trx.tx.QueryContext(trx.ctx, command, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	items := reflect.New(reflect.TypeOf(data).Elem()).Elem()
	for rows.Next() {
		var v string
		rows.Scan(&v)
		items = reflect.Append(items, reflect.ValueOf(v))
	}
	return nil
}

// First keeps one row: no accumulation.
func (trx *Trx) First(data any, command string, args ...any) error {
	rows, err := trx.tx.QueryContext(trx.ctx, command, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return rows.Scan(data)
	}
	return nil
}
