// Package alloc exercises the bigbuffer pass's hot-path allocation rule.
package alloc

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

const bufSize = 16 << 20

var pool = sync.Pool{
	New: func() any { return make([]byte, bufSize) }, // fine: sync.Pool New is the cure
}

var table = make([]byte, 64<<20) // fine: package level, once

func init() {
	for i := 0; i < 4; i++ {
		_ = make([]byte, 8<<20) // fine: init runs once
	}
}

func main() {
	buf := make([]byte, 8<<20) // fine: one allocation in main
	_ = buf
	for i := 0; i < 10; i++ {
		b := make([]byte, 8<<20) // want `make\(\[\]byte\) allocates 8 MiB per loop iteration; allocate it once outside the hot path or reuse it through a sync.Pool`
		_ = b
	}
}

// --- loops ---

func perItem(items []io.Reader) {
	for _, r := range items {
		buf := make([]byte, bufSize) // want `make\(\[\]byte\) allocates 16 MiB per loop iteration`
		r.Read(buf)
	}
}

func perItemCap(items []string) {
	for range items {
		out := make([]int64, 0, 4<<20) // want `make\(\[\]int64\) allocates 32 MiB per loop iteration`
		_ = out
	}
}

func newBufferInLoop(n int) {
	for i := 0; i < n; i++ {
		b := bytes.NewBuffer(make([]byte, 0, 2<<20)) // want `bytes.NewBuffer\(make\(\[\]byte\)\) allocates 2 MiB per loop iteration`
		_ = b
	}
}

func growInLoop(parts []string) {
	for _, p := range parts {
		var b bytes.Buffer
		b.Grow(4 << 20) // want `bytes.Buffer.Grow allocates 4 MiB per loop iteration`
		b.WriteString(p)
		sb := new(strings.Builder)
		sb.Grow(1 << 20) // want `\*strings.Builder.Grow allocates 1 MiB per loop iteration`
	}
}

func bufioPerConn(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			r := bufio.NewReaderSize(conn, 4<<20) // want `bufio.NewReaderSize allocates 4 MiB per goroutine started in the loop`
			w := bufio.NewWriterSize(conn, 4096)  // fine: 4 KiB
			_, _ = r, w
		}()
	}
}

func goroutinePerItem(items [][]byte, wg *sync.WaitGroup) {
	for range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			scratch := make([]byte, 2<<20) // want `make\(\[\]byte\) allocates 2 MiB per goroutine started in the loop`
			_ = scratch
		}()
	}
}

// --- handlers ---

func handle(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 32<<20) // want `make\(\[\]byte\) allocates 32 MiB per request`
	io.ReadFull(r.Body, buf)
}

func handleInt64(w http.ResponseWriter, r *http.Request) {
	ids := make([]int64, 4<<20) // want `make\(\[\]int64\) allocates 32 MiB per request`
	_ = ids
}

type server struct{ buf []byte }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	bw := bufio.NewWriterSize(w, 1<<20) // want `bufio.NewWriterSize allocates 1 MiB per request`
	bw.Flush()
	if s.buf == nil {
		s.buf = make([]byte, 8<<20) // fine: lazy initialisation of a field
	}
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		_ = make([]byte, 1<<20) // want `make\(\[\]byte\) allocates 1 MiB per request`
	})
}

func ginHandler(c *gin.Context) {
	_ = make([]byte, 5<<20) // want `make\(\[\]byte\) allocates 5 MiB per request`
}

func echoHandler(c echo.Context) error {
	b := make([]byte, 3<<19) // want `make\(\[\]byte\) allocates 1.5 MiB per request`
	_ = b
	return nil
}

// --- negatives ---

func once() []byte {
	return make([]byte, 8<<20) // fine: a single 8 MiB buffer, allocated once per call
}

func dynamic(items [][]byte, n int) {
	for range items {
		_ = make([]byte, n) // fine: not a constant size
	}
}

func small(items [][]byte) {
	for range items {
		_ = make([]byte, 512<<10) // fine: below max-bytes
	}
}

func hoisted(items []io.Reader) {
	buf := make([]byte, bufSize) // fine: allocated once, reused by the loop
	for _, r := range items {
		r.Read(buf)
	}
}

func pooled(w http.ResponseWriter, r *http.Request) {
	buf := pool.Get().([]byte) // fine: from a pool
	defer pool.Put(buf)
	b := pool.Get().(*bytes.Buffer)
	b.Grow(4 << 20) // fine: a pooled buffer is already big after first use
}

var bufPool = sync.Pool{}

func setNew() {
	bufPool.New = func() any { return bytes.NewBuffer(make([]byte, 0, 4<<20)) } // fine: Pool New func
}

var onceBuf []byte
var initOnce sync.Once

func lazyOnce(w http.ResponseWriter, r *http.Request) {
	initOnce.Do(func() { onceBuf = make([]byte, 8<<20) }) // fine: sync.Once
}

func preallocate(workers []*server) {
	for _, w := range workers {
		w.buf = make([]byte, 4<<20) // fine: long-lived buffer per worker, stored in a field
	}
	bufs := make([][]byte, 8)
	for i := range bufs {
		bufs[i] = make([]byte, 4<<20) // fine: preallocation into a slice element
	}
	var more [][]byte
	for i := 0; i < 4; i++ {
		more = append(more, make([]byte, 4<<20)) // fine: appended, kept
	}
}

func lazyLocal(items [][]byte) {
	var buf []byte
	for range items {
		if buf == nil {
			buf = make([]byte, 4<<20) // fine: allocated on the first iteration only
		}
	}
}

func growParam(b *bytes.Buffer, items []string) {
	for range items {
		b.Grow(4 << 20) // fine: b outlives the loop; Grow allocates at most once
	}
}

func notHandler(r io.Reader) {
	buf := make([]byte, 8<<20) // fine: a plain function, allocation once per call
	r.Read(buf)
}

func ignoredAlloc(items [][]byte) {
	for range items {
		_ = make([]byte, 8<<20) //memlint:ignore bigbuffer measured, items are few
	}
}

func workerPool(jobs chan []byte, workers int) {
	for i := 0; i < workers; i++ {
		go func() {
			scratch := make([]byte, 4<<20) // fine: one buffer per worker, reused for every job
			for job := range jobs {
				copy(scratch, job)
			}
		}()
	}
	for range workers {
		go func() {
			scratch := make([]byte, 4<<20) // fine: a pool worker too
			for job := range jobs {
				copy(scratch, job)
			}
		}()
	}
}

func perJob(jobs chan []byte) {
	for job := range jobs {
		go func() {
			scratch := make([]byte, 4<<20) // want `allocates 4 MiB per goroutine started in the loop`
			for i := range job {
				scratch[i%len(scratch)] = job[i]
			}
		}()
	}
}
