package lsp

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.lsp.dev/jsonrpc2"
)

// maxMessage bounds one incoming message. A didOpen or didChange carries
// a whole file, so this is generous, but a corrupt Content-Length must not
// make the server allocate gigabytes.
const maxMessage = 64 << 20

// errMalformed marks input that is not LSP-framed JSON-RPC.
var errMalformed = errors.New("malformed JSON-RPC")

// stream is the LSP base-protocol framing (Content-Length headers) of
// jsonrpc2.NewStream with a size limit on the read side; messages are
// decoded and encoded by the jsonrpc2 library.
type stream struct {
	in  *bufio.Reader
	out jsonrpc2.Stream // writes only
	rc  io.Closer
}

func newStream(in io.ReadCloser, out io.Writer) *stream {
	return &stream{
		in:  bufio.NewReader(in),
		out: jsonrpc2.NewStream(writeOnly{out}),
		rc:  in,
	}
}

func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	var total, length int64
	for {
		line, err := s.in.ReadString('\n')
		total += int64(len(line))
		if err != nil {
			if total == int64(len(line)) && line == "" && err == io.EOF {
				return nil, total, io.EOF // clean end between messages
			}
			return nil, total, fmt.Errorf("reading header: %w", err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, total, fmt.Errorf("%w: header line %q", errMalformed, line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			length, err = strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || length <= 0 {
				return nil, total, fmt.Errorf("%w: Content-Length %q", errMalformed, value)
			}
			if length > maxMessage {
				return nil, total, fmt.Errorf("%w: Content-Length %d exceeds %d", errMalformed, length, maxMessage)
			}
		}
	}
	if length == 0 {
		return nil, total, fmt.Errorf("%w: missing Content-Length header", errMalformed)
	}
	data := make([]byte, length)
	if _, err := io.ReadFull(s.in, data); err != nil {
		return nil, total, fmt.Errorf("reading body: %w", err)
	}
	total += length
	msg, err := jsonrpc2.DecodeMessage(data)
	if err != nil {
		return nil, total, fmt.Errorf("%w: %v", errMalformed, err)
	}
	return msg, total, nil
}

func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	return s.out.Write(ctx, msg)
}

func (s *stream) Close() error { return s.rc.Close() }

// writeOnly adapts an io.Writer to the io.ReadWriteCloser that
// jsonrpc2.NewStream wants; only Write is ever called.
type writeOnly struct{ io.Writer }

func (writeOnly) Read([]byte) (int, error) { return 0, io.EOF }
func (writeOnly) Close() error             { return nil }
