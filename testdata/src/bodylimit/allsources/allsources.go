// Package allsources: with -bodylimit.all-sources, every decompressed
// stream read whole is reported.
package allsources

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
)

func localFile(name string) {
	f, _ := os.Open(name)
	zr, _ := gzip.NewReader(f)
	io.ReadAll(zr) // want `io.ReadAll reads the whole gzip-decompressed stream`
}

// A Kafka or gRPC payload arrives as bytes.
func payload(value []byte) { // want payload:`streams\(0:io.ReadAll\)`
	zr, _ := gzip.NewReader(bytes.NewReader(value))
	io.ReadAll(zr) // want `io.ReadAll reads the whole gzip-decompressed stream`
}
