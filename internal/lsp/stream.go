package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// maxMessage bounds one incoming message. A didOpen or didChange carries
// a whole file, so this is generous, but a corrupt Content-Length must not
// make the server allocate gigabytes.
const maxMessage = 64 << 20

// errMalformed marks input that is not LSP-framed JSON-RPC.
var errMalformed = errors.New("malformed JSON-RPC")

// stream is the LSP base protocol (Content-Length headers) as a
// jsonrpc2.ObjectStream: jsonrpc2.VSCodeObjectCodec with a size limit, a
// strict decoding of the body, and a record of why the connection ended.
type stream struct {
	in  *bufio.Reader
	out io.Writer
	rc  io.Closer

	mu  sync.Mutex
	err error // the first read or write error
}

func newStream(in io.ReadCloser, out io.Writer) *stream {
	return &stream{in: bufio.NewReader(in), out: out, rc: in}
}

// ReadObject reads one message into v (the connection's message type).
func (s *stream) ReadObject(v any) error {
	err := s.read(v)
	if err != nil {
		s.fail(err)
	}
	return err
}

func (s *stream) read(v any) error {
	var total, length int64
	for {
		line, err := s.in.ReadString('\n')
		total += int64(len(line))
		if err != nil {
			if total == int64(len(line)) && line == "" && err == io.EOF {
				return io.EOF // clean end between messages
			}
			return fmt.Errorf("reading header: %w", err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("%w: header line %q", errMalformed, line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			length, err = strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || length <= 0 {
				return fmt.Errorf("%w: Content-Length %q", errMalformed, value)
			}
			if length > maxMessage {
				return fmt.Errorf("%w: Content-Length %d exceeds %d", errMalformed, length, maxMessage)
			}
		}
	}
	if length == 0 {
		return fmt.Errorf("%w: missing Content-Length header", errMalformed)
	}
	data := make([]byte, length)
	if _, err := io.ReadFull(s.in, data); err != nil {
		return fmt.Errorf("reading body: %w", err)
	}
	// The connection's message type tells requests from responses and
	// rejects what is neither.
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: %v", errMalformed, err)
	}
	return nil
}

// WriteObject writes one message, header and body in one write. The
// connection serialises writes.
func (s *stream) WriteObject(v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("marshaling message: %w", err)
	}
	msg := make([]byte, 0, len(data)+32)
	msg = append(msg, "Content-Length: "...)
	msg = strconv.AppendInt(msg, int64(len(data)), 10)
	msg = append(msg, "\r\n\r\n"...)
	msg = append(msg, data...)
	if _, err := s.out.Write(msg); err != nil {
		return fmt.Errorf("writing message: %w", err)
	}
	return nil
}

func (s *stream) Close() error { return s.rc.Close() }

// fail records err if it is the first error of the connection.
func (s *stream) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = err
	}
}

// Err is the first error the connection met, or nil.
func (s *stream) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}
