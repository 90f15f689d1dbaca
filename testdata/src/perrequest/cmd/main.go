// Command cmd: loops in main run once per process.
package main

import (
	"context"
	"database/sql"
	"net/http"

	kafka "github.com/segmentio/kafka-go"
)

func main() {
	ctx := context.Background()
	for _, topic := range []string{"a", "b"} {
		w := kafka.NewWriter(kafka.WriterConfig{Topic: topic})
		w.WriteMessages(ctx, kafka.Message{})
		w.Close()
	}
	// A handler declared in main still runs per request.
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		db, _ := sql.Open("postgres", "dsn") // want `sql.DB from sql.Open is built per request`
		defer db.Close()
	})
}
