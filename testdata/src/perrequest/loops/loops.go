// Package loops: clients built per loop iteration or per goroutine.
package loops

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"cloud.google.com/go/storage"
	kafka "github.com/segmentio/kafka-go"
)

func perFile(ctx context.Context, files []string) {
	for _, f := range files {
		client, err := storage.NewClient(ctx) // want `storage.Client from storage.NewClient is built per loop iteration`
		if err != nil {
			continue
		}
		client.Bucket("b").Object(f)
		client.Close()
	}
}

func perMessage(ctx context.Context, msgs []kafka.Message) {
	for _, m := range msgs {
		w := kafka.NewWriter(kafka.WriterConfig{Topic: "t"}) // want `kafka.Writer from kafka.NewWriter is built per loop iteration \(its own broker connections, batching goroutines`
		w.WriteMessages(ctx, m)
		w.Close()
	}
}

func perGoroutine(ctx context.Context, dsns []string) {
	var wg sync.WaitGroup
	for range dsns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, _ := sql.Open("postgres", "dsn") // want `sql.DB from sql.Open is built per goroutine started in the loop`
			defer db.Close()
			db.QueryContext(ctx, "SELECT 1")
		}()
	}
	wg.Wait()
}

// perTopicWorker: each goroutine loops over a channel; one writer per
// long-lived worker is the right shape.
func perTopicWorker(ctx context.Context, topics []string, in chan kafka.Message) {
	for _, topic := range topics {
		go func() {
			w := kafka.NewWriter(kafka.WriterConfig{Topic: topic})
			defer w.Close()
			for m := range in {
				w.WriteMessages(ctx, m)
			}
		}()
	}
}

// reconnect builds one reader per connection; the inner loop consumes it.
func reconnect(ctx context.Context) {
	for {
		r := kafka.NewReader(kafka.ReaderConfig{Topic: "t"})
		for {
			if _, err := r.ReadMessage(ctx); err != nil {
				break
			}
		}
		r.Close()
	}
}

// shards runs a constant, small number of times.
func shards(ctx context.Context) {
	for i := 0; i < 3; i++ {
		db, _ := sql.Open("postgres", "dsn")
		db.QueryContext(ctx, "SELECT 1")
		db.Close()
	}
	for range 4 {
		db, _ := sql.Open("postgres", "dsn")
		db.Close()
	}
}

// manyShards: a constant count above 16 is still per item.
func manyShards(ctx context.Context) {
	for i := 0; i < 100; i++ {
		db, _ := sql.Open("postgres", "dsn") // want `sql.DB from sql.Open is built per loop iteration`
		db.Close()
	}
}

// cached per tenant: stored in a map.
func perTenant(ctx context.Context, tenants []string) map[string]*sql.DB {
	dbs := map[string]*sql.DB{}
	for _, t := range tenants {
		db, _ := sql.Open("postgres", t)
		dbs[t] = db
	}
	return dbs
}

// collected: appended to a slice that is returned.
func collected(ctx context.Context, n int) []*storage.Client {
	var out []*storage.Client
	for i := 0; i < n; i++ {
		c, _ := storage.NewClient(ctx)
		out = append(out, c)
	}
	return out
}

// retry: the first client that works is returned.
func retry(ctx context.Context, n int) (*sql.DB, error) { // want retry:"builds\\(sql.Open, direct\\)"
	var err error
	for i := 0; i < n; i++ {
		var db *sql.DB
		db, err = sql.Open("postgres", "dsn")
		if err == nil {
			return db, nil
		}
	}
	return nil, err
}

// Poll and retry loops wait on a timer before each client: one per tick.
func waitForDB(ctx context.Context, dsn string) error {
	ticker := time.NewTicker(500 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
			db, err := sql.Open("postgres", dsn) // fine: one per tick of a readiness poll
			if err != nil {
				continue
			}
			err = db.PingContext(ctx)
			db.Close()
			if err == nil {
				return nil
			}
		}
	}
}

func pollSleeping(ctx context.Context, dsn string) {
	for {
		time.Sleep(time.Second)
		db, err := sql.Open("postgres", dsn) // fine: the loop sleeps a second each time
		if err != nil {
			continue
		}
		db.PingContext(ctx)
		db.Close()
	}
}

func pollAfter(ctx context.Context, dsns []string) {
	for _, dsn := range dsns {
		<-time.After(time.Second)
		db, _ := sql.Open("postgres", dsn) // fine: paced by time.After
		db.Close()
	}
}

// A ticker in another case of the select does not pace the messages.
func perMessageBesideTicker(ctx context.Context, in <-chan kafka.Message) {
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		select {
		case m := <-in:
			w := kafka.NewWriter(kafka.WriterConfig{Topic: "t"}) // want `kafka.Writer from kafka.NewWriter is built per loop iteration`
			w.WriteMessages(ctx, m)
			w.Close()
		case <-ticker.C:
		}
	}
}

// A sleep only on the error path does not pace the others.
func retryOnlyOnError(ctx context.Context, dsns []string) {
	for _, dsn := range dsns {
		db, err := sql.Open("postgres", dsn) // want `sql.DB from sql.Open is built per loop iteration`
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		db.PingContext(ctx)
		db.Close()
	}
}
