package a

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/segmentio/kafka-go"

	"unclosed/ctors"
)

// newClient is a thin constructor wrapper in this package.
func newClient(addrs []string) (sarama.Client, error) {
	return sarama.NewClient(addrs, sarama.NewConfig())
}

// newTopicWriter configures the writer before returning it: method calls on
// the fresh value keep it a wrapper.
func newTopicWriter(topic string) *kafka.Writer {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: topic})
	w.WriteMessages(context.Background())
	return w
}

func useWrapper(addrs []string) error {
	c, err := newClient(addrs) // want `^sarama\.Client c from a\.newClient is never closed \(leaks its metadata goroutine and broker connections\)$`
	if err != nil {
		return err
	}
	return check(c)
}

func useWriterWrapper(ctx context.Context) {
	w := newTopicWriter("t") // want `^kafka\.Writer w from a\.newTopicWriter is never closed`
	w.WriteMessages(ctx)
}

func useHelperWrapper(addrs []string) error {
	p, err := ctors.NewProducerVia(addrs) // want `^sarama\.SyncProducer p from ctors\.NewProducerVia is never closed`
	if err != nil {
		return err
	}
	_, _, err = p.SendMessage(nil)
	return err
}

// Fine: the wrapper's value is closed by the caller.
func closesWrapper(addrs []string) error {
	c, err := newClient(addrs)
	if err != nil {
		return err
	}
	defer c.Close()
	return check(c)
}

// Fine: a producer the helper also keeps, or may return from its cache,
// is not the caller's alone to close.
func usesShared(addrs []string) error {
	p, err := ctors.SharedProducer(addrs)
	if err != nil {
		return err
	}
	q, err := ctors.CachedProducer(addrs)
	if err != nil {
		return err
	}
	_, _, err = p.SendMessage(nil)
	_, _, err = q.SendMessage(nil)
	return err
}

func check(c sarama.Client) error { return nil }

// newClosedOnError calls a method without arguments on the fresh value
// through its interface (an invoke with no arguments besides the
// receiver).
func newClosedOnError(addrs []string, fail bool) (sarama.Client, error) {
	c, err := sarama.NewClient(addrs, nil)
	if err != nil {
		return nil, err
	}
	if fail {
		c.Close()
		return nil, err
	}
	return c, nil
}

func useClosedOnError(addrs []string) {
	c, _ := newClosedOnError(addrs, false) // want `^sarama\.Client c from a\.newClosedOnError is never closed`
	_ = check(c)
}

// newConfiguredClient passes its fresh client to a function of the package
// that only uses it (loki's NewReaderClient configures the brokers): still
// a wrapper.
func newConfiguredClient(addrs []string) (sarama.Client, error) {
	c, err := sarama.NewClient(addrs, nil)
	if err != nil {
		return nil, err
	}
	configureBrokers(c)
	return c, nil
}

func configureBrokers(c sarama.Client) { _ = check(c) }

func useConfigured(addrs []string) error {
	c, err := newConfiguredClient(addrs) // want `^sarama\.Client c from a\.newConfiguredClient is never closed`
	if err != nil {
		return err
	}
	return check(c)
}

// newRegisteredClient hands its fresh client to a function that keeps it:
// no wrapper, the registry may own it.
func newRegisteredClient(addrs []string) (sarama.Client, error) {
	c, err := sarama.NewClient(addrs, nil)
	if err != nil {
		return nil, err
	}
	register(c)
	return c, nil
}

var registry []sarama.Client

func register(c sarama.Client) { registry = append(registry, c) }

// Fine: the client from newRegisteredClient is also the registry's.
func useRegistered(addrs []string) error {
	c, err := newRegisteredClient(addrs)
	if err != nil {
		return err
	}
	return check(c)
}

// session owns a sarama client: Close closes it.
type session struct {
	client sarama.Client
	name   string
}

func (s *session) Close() error { return s.client.Close() }

// Stop releases the client through Close.
func (s *session) Stop() { _ = s.Close() }

// newSession is an owning wrapper in this package.
func newSession(addrs []string, name string) (*session, error) {
	cl, err := sarama.NewClient(addrs, sarama.NewConfig())
	if err != nil {
		return nil, err
	}
	s := &session{name: name}
	s.client = cl
	return s, nil
}

func useSession(addrs []string) error {
	s, err := newSession(addrs, "x") // want `^a\.session s from a\.newSession is never closed \(its field client holds the value of sarama\.NewClient, which leaks its metadata goroutine and broker connections\)$`
	if err != nil {
		return err
	}
	return check(s.client)
}

func closesSession(addrs []string) error {
	s, err := newSession(addrs, "x") // fine: its Close closes the client it owns
	if err != nil {
		return err
	}
	defer s.Close()
	return check(s.client)
}

func stopsSession(addrs []string) error {
	s, err := newSession(addrs, "x") // fine: its Stop calls Close, which closes the client
	if err != nil {
		return err
	}
	defer s.Stop()
	return check(s.client)
}

// endSession releases a session through its Close.
func endSession(s *session) { _ = s.Close() }

func helperEndsSession(addrs []string) error {
	s, err := newSession(addrs, "x") // fine: endSession calls its Close
	if err != nil {
		return err
	}
	defer endSession(s)
	return check(s.client)
}

var sessions = map[string]*session{}

func keepsSession(addrs []string) error {
	s, err := newSession(addrs, "x") // fine: kept in a map, whose owner closes it
	if err != nil {
		return err
	}
	sessions["x"] = s
	return nil
}

func useOwnedProducer(ctx context.Context) error {
	p, err := ctors.NewOwnedProducer(ctx, "t") // want `^ctors\.Producer p from ctors\.NewOwnedProducer is not closed when p\.Produce fails \(its field client holds the value of kgo\.NewClient`
	if err != nil {
		return err
	}
	if err := p.Produce(ctx, nil); err != nil {
		return err
	}
	return p.Close(ctx)
}

// neverClosesOwnedProducer gets no fix: the Close of Producer takes a
// context, which a "defer p.Close()" would not give.
func neverClosesOwnedProducer(ctx context.Context) error {
	p, err := ctors.NewOwnedProducer(ctx, "t") // want `^ctors\.Producer p from ctors\.NewOwnedProducer is never closed`
	if err != nil {
		return err
	}
	return p.Produce(ctx, nil)
}

func borrower() error {
	b, err := ctors.NewBorrower() // fine: NewBorrower is no wrapper (Borrower's Close leaves the client open)
	if err != nil {
		return err
	}
	return b.Close()
}

func keptProducer() {
	p, _ := ctors.NewKeptProducer() // fine: NewKeptProducer keeps it, it is no wrapper
	_ = p
}
