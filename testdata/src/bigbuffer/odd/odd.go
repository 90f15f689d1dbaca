// Package odd holds odd-but-valid Go that the bigbuffer pass must survive
// without panicking or misreporting.
package odd

import (
	"bytes"
	"context"
	"io"
	"net/http"

	"cloud.google.com/go/storage"
)

// Generic allocations: the element size depends on T, so nothing is reported.
func Batch[T any](items []T) {
	for range items {
		_ = make([]T, 4<<20) // fine: size depends on T
	}
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

func Pairs[K comparable, V any](n int) {
	for i := 0; i < n; i++ {
		_ = make([]Pair[K, V], 1<<20) // fine: size depends on K and V
	}
}

// A generic type instantiated with concrete arguments has a known size.
func ConcretePairs(n int) {
	for i := 0; i < n; i++ {
		_ = make([]Pair[int64, int64], 1<<20) // want `make\(\[\]Pair\[int64, int64\]\) allocates 16 MiB per loop iteration`
	}
}

type list[T any] struct {
	next *list[T]
	val  T
}

func Lists(n int) {
	for i := 0; i < n; i++ {
		_ = make([]list[byte], 1<<20) // want `allocates 16 MiB per loop iteration`
	}
}

// Method values and func values.
func MethodValue(ctx context.Context, o *storage.ObjectHandle, data []byte) {
	// A Write method value writes: reported.
	w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB`
	write := w.Write
	write(data)
}

func FuncValue(ctx context.Context, o *storage.ObjectHandle, r io.Reader, copyFn func(io.Writer, io.Reader) (int64, error)) {
	w := o.NewWriter(ctx) // fine: passed to a func value that may configure it
	copyFn(w, r)
}

func GrowValue(items []string) {
	for range items {
		var b bytes.Buffer
		grow := b.Grow
		grow(8 << 20) // fine: a call through a method value is not followed
	}
}

// Closures: a writer made and used inside a closure is checked there.
func Closure(ctx context.Context, o *storage.ObjectHandle, data [][]byte) {
	upload := func(d []byte) error {
		w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB \(default ChunkSize\)`
		w.Write(d)
		return w.Close()
	}
	for _, d := range data {
		upload(d)
	}
}

func ClosureHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		func() {
			_ = make([]byte, 2<<20) // want `allocates 2 MiB per request`
		}()
	})
}

func InitClosure() {}

func init() {
	http.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		_ = make([]byte, 2<<20) // want `allocates 2 MiB per request`
	})
}

// Labeled loops, goto and select.
func Labeled(ctx context.Context, o *storage.ObjectHandle, chunks [][]byte, done chan struct{}) {
outer:
	for _, c := range chunks {
		select {
		case <-done:
			break outer
		default:
		}
		w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB per loop iteration`
		w.Write(c)
		w.Close()
	}
}

func Paren(ctx context.Context, o *storage.ObjectHandle, data []byte) {
	w := (o.NewWriter(ctx)) // want `storage.Writer w buffers 16 MiB`
	(w).Write(data)
	w.Close()
}

func Multi(ctx context.Context, o, p *storage.ObjectHandle, data []byte) {
	a, b := o.NewWriter(ctx), p.NewWriter(ctx) // want `storage.Writer a buffers 16 MiB` `storage.Writer b buffers 16 MiB`
	a.Write(data)
	b.Write(data)
	a.Close()
	b.Close()
}

func Blank(ctx context.Context, o *storage.ObjectHandle) {
	_ = o.NewWriter(ctx) // fine: discarded, never written
}

func Chained(ctx context.Context, o *storage.ObjectHandle, data []byte) {
	o.NewWriter(ctx).Close() // not followed: not stored in a variable
}

func HugeArray(n int) {
	for i := 0; i < n; i++ {
		_ = make([][1 << 20]byte, 1<<20) // want `make\(\[\]\[1 << 20\]byte\) allocates 1024 GiB per loop iteration`
	}
}

func ParenMethod(items []string) {
	for range items {
		var b bytes.Buffer
		(b.Grow)(2 << 20)                    // want `bytes.Buffer.Grow allocates 2 MiB per loop iteration`
		(*bytes.Buffer).Grow(&b, 2<<20)      // fine: method expression, not followed
		_ = [][]byte{make([]byte, 0, 1<<10)} // fine: 1 KiB
	}
}

type big [4 << 20]byte

func NamedArray(n int) {
	for i := 0; i < n; i++ {
		_ = make([]big, 1) // want `make\(\[\]big\) allocates 4 MiB per loop iteration`
	}
}
