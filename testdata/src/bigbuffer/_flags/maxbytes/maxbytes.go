// Package maxbytes is analysed with -max-bytes=64KiB (TestMaxBytesFlag).
// Its directory starts with "_" so that the default run over bigbuffer/...
// does not load it.
package maxbytes

func perItem(items [][]byte) {
	for range items {
		_ = make([]byte, 128<<10) // want `make\(\[\]byte\) allocates 128 KiB per loop iteration`
		_ = make([]byte, 64<<10)  // want `allocates 64 KiB per loop iteration`
		_ = make([]byte, 32<<10)  // fine: below 64 KiB
	}
}
