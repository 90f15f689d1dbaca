// Package websocket is a stub of github.com/gorilla/websocket (v1.5.3)
// with the upstream signatures memlint's tests use.
package websocket

import (
	"io"
	"net/http"
)

// TextMessage denotes a text data message.
const TextMessage = 1

// Conn represents a WebSocket connection.
type Conn struct{ readLimit int64 }

// Upgrader specifies parameters for upgrading an HTTP connection to a
// WebSocket connection.
type Upgrader struct {
	ReadBufferSize, WriteBufferSize int
	CheckOrigin                     func(r *http.Request) bool
}

// Upgrade upgrades the HTTP server connection to the WebSocket protocol.
func (u *Upgrader) Upgrade(w http.ResponseWriter, r *http.Request, responseHeader http.Header) (*Conn, error) {
	return &Conn{}, nil
}

// Upgrade upgrades the HTTP server connection to the WebSocket protocol
// (deprecated upstream).
func Upgrade(w http.ResponseWriter, r *http.Request, responseHeader http.Header, readBufSize, writeBufSize int) (*Conn, error) {
	return &Conn{}, nil
}

// A Dialer contains options for connecting to WebSocket server.
type Dialer struct {
	ReadBufferSize, WriteBufferSize int
}

// DefaultDialer is a dialer with all fields set to the default values.
var DefaultDialer = &Dialer{}

// Dial creates a new client connection.
func (d *Dialer) Dial(urlStr string, requestHeader http.Header) (*Conn, *http.Response, error) {
	return &Conn{}, nil, nil
}

// SetReadLimit sets the maximum size in bytes for a message read from the
// peer.
func (c *Conn) SetReadLimit(limit int64) { c.readLimit = limit }

// NextReader returns the next data message received from the peer.
func (c *Conn) NextReader() (messageType int, r io.Reader, err error) { return 0, nil, nil }

// ReadMessage is a helper method for getting a reader using NextReader and
// reading from that reader to a buffer.
func (c *Conn) ReadMessage() (messageType int, p []byte, err error) { return 0, nil, nil }

// ReadJSON reads the next JSON-encoded message from the connection and
// stores it in the value pointed to by v.
func (c *Conn) ReadJSON(v interface{}) error { return nil }

// ReadJSON reads the next JSON-encoded message from the connection
// (deprecated upstream: use c.ReadJSON).
func ReadJSON(c *Conn, v interface{}) error { return nil }

// WriteMessage is a helper method for getting a writer using NextWriter,
// writing the message and closing the writer.
func (c *Conn) WriteMessage(messageType int, data []byte) error { return nil }

// Close closes the underlying network connection without sending or
// waiting for a close message.
func (c *Conn) Close() error { return nil }
