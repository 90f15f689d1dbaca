// Package fields stores clients in fields of its own structs: a field is
// a leak when its struct has a Close that does not close it and nothing
// else in the package does.
package fields

import (
	"context"

	"cloud.google.com/go/storage"
	"github.com/IBM/sarama"
)

// GCSFs is a file system for one connection (sftpgo's GCSFs): its Close
// releases nothing, and the client is only used for its buckets.
type GCSFs struct {
	bucket string
	svc    *storage.Client
}

func NewGCSFs(ctx context.Context, bucket string) (*GCSFs, error) {
	fs := &GCSFs{bucket: bucket}
	var err error
	fs.svc, err = storage.NewClient(ctx) // want `storage.Client from storage.NewClient is stored in GCSFs.svc, which nothing closes: \(\*fields.GCSFs\).Close does not close it, and the package only calls methods on the field`
	if err != nil {
		return nil, err
	}
	return fs, nil
}

func (fs *GCSFs) Stat(ctx context.Context, name string) error {
	if fs.svc == nil {
		return nil
	}
	_, err := fs.svc.Bucket(fs.bucket).Object(name).Attrs(ctx)
	return err
}

func (fs *GCSFs) Close() error { return nil }

// Fine: Closing's Close closes the field.
type Closing struct{ svc *storage.Client }

func NewClosing(ctx context.Context) (*Closing, error) { // want NewClosing:`constructs\(cloud.google.com/go/storage.NewClient\) in\(svc\) released\(Close\)`
	svc, err := storage.NewClient(ctx)
	if err != nil {
		return nil, err
	}
	return &Closing{svc: svc}, nil
}

func (c *Closing) Close() error { return c.svc.Close() }

// Fine: Stopping's Close does nothing, but its Stop closes the field:
// something in the package releases it.
type Stopping struct{ svc *storage.Client }

func NewStopping(ctx context.Context) (*Stopping, error) { // want NewStopping:`constructs\(cloud.google.com/go/storage.NewClient\) in\(svc\) released\(Stop\)`
	svc, err := storage.NewClient(ctx)
	if err != nil {
		return nil, err
	}
	return &Stopping{svc: svc}, nil
}

func (s *Stopping) Close() error { return nil }
func (s *Stopping) Stop()        { s.svc.Close() }

// Fine: Service has no Close at all: a process-wide service that keeps its
// producer until the process exits is not meant to be closed (open-im's
// Producer, a documented miss when it is built more than once).
type Service struct{ producer sarama.SyncProducer }

func NewService(addrs []string) (*Service, error) {
	p, err := sarama.NewSyncProducer(addrs, nil)
	if err != nil {
		return nil, err
	}
	return &Service{producer: p}, nil
}

func (s *Service) Send(m *sarama.ProducerMessage) error {
	_, _, err := s.producer.SendMessage(m)
	return err
}

// Fine: Lender hands its client out (Client returns it), so a caller may
// close it.
type Lender struct{ svc *storage.Client }

func NewLender(ctx context.Context) (*Lender, error) {
	svc, err := storage.NewClient(ctx)
	if err != nil {
		return nil, err
	}
	return &Lender{svc: svc}, nil
}

func (l *Lender) Client() *storage.Client { return l.svc }
func (l *Lender) Close() error            { return nil }

// Fine: Helper passes its client to a function, which may close it.
type Helper struct{ svc *storage.Client }

func NewHelper(ctx context.Context) (*Helper, error) {
	svc, err := storage.NewClient(ctx)
	if err != nil {
		return nil, err
	}
	return &Helper{svc: svc}, nil
}

func (h *Helper) Close() error { return shutdown(h.svc) }

func shutdown(c *storage.Client) error { return c.Close() }

// Fine: Public's field is exported: code in other packages may close it.
type Public struct{ Svc *storage.Client }

func NewPublic(ctx context.Context) (*Public, error) {
	svc, err := storage.NewClient(ctx)
	if err != nil {
		return nil, err
	}
	return &Public{Svc: svc}, nil
}

func (p *Public) Close() error { return nil }

// Fine: Deferred binds the field's Close as a method value, called later.
type Deferred struct {
	svc     *storage.Client
	cleanup func() error
}

func NewDeferred(ctx context.Context) (*Deferred, error) {
	svc, err := storage.NewClient(ctx)
	if err != nil {
		return nil, err
	}
	d := &Deferred{svc: svc}
	d.cleanup = d.svc.Close
	return d, nil
}

func (d *Deferred) Close() error { return d.cleanup() }
