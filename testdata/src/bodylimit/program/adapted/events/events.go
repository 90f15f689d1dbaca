// Package events declares handlers of the generic framework: its // want package:"program\\(reads\\(a func literal in events\\.Ingest,a func literal in events\\.Update\\)\\)"
// decoder literals read bodies whole.
package events

import (
	"context"
	"encoding/json"
	"net/http"

	"bodylimit/program/adapted/transport"
)

type event struct{ ID string }

// Ingest decodes a batch of events.
func Ingest() transport.Handler[[]event] {
	return transport.NewHandler(
		func(ctx context.Context, r *http.Request) ([]event, error) {
			var evs []event
			err := json.NewDecoder(r.Body).Decode(&evs)
			return evs, err
		},
		func(ctx context.Context, evs []event) error { return nil },
	)
}

// Update decodes one event for the ID the route gives.
func Update() transport.HandlerWithArgs[event, string] {
	return transport.NewHandlerWithArgs(
		func(ctx context.Context, r *http.Request, id string) (event, error) {
			var ev event
			err := json.NewDecoder(r.Body).Decode(&ev)
			ev.ID = id
			return ev, err
		},
		func(ctx context.Context, ev event) error { return nil },
	)
}
