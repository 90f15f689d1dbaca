package generated

import (
	"context"

	"github.com/segmentio/kafka-go"
)

// handedToHuge passes w to a generated function whose body was not built:
// unknown, so assumed to keep w; silent.
func handedToHuge(brokers []string) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	Adopt(w)
}

// released is closed through the short generated helper: silent.
func released(brokers []string) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	Release(w)
}

// leaked is still reported in the hand-written file.
func leaked(brokers []string) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}) // want `kafka\.Writer w from kafka\.NewWriter is never closed`
	w.WriteMessages(context.Background())
}
