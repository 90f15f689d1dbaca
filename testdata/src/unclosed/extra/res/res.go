// Package res is a user's own resource type, tracked through the extra flag.
package res

// Pool holds connections until Close.
type Pool struct{}

// Open returns a pool that must be closed.
func Open(dsn string) (*Pool, error) { return &Pool{}, nil }

// Conn returns a connection that must be closed.
func (p *Pool) Conn() *Conn { return &Conn{} }

func (p *Pool) Close() error { return nil }

type Conn struct{}

func (c *Conn) Close() error { return nil }

// Exec runs q.
func (c *Conn) Exec(q string) error { return nil }
