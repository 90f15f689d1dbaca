package driver

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The cache holds, per package analysis key:
//
//	KEY-vetx  the package's types and facts (what its importers need)
//	KEY-json  the analysis JSON of a run that reported diagnostics
//	KEY-sum   the SHA-256 and size of each, written last
//
// An entry counts only when its KEY-sum exists and the files match it: the
// sum is written after the files, each by atomic rename, and only for a
// child's output that the driver checked is whole (see driver.exec). A
// damaged entry (a truncated, garbage or missing file) is a miss: the
// package is analysed again and the entry replaced, with one warning line.
//
// A run for facts only (a dependency outside the patterns) writes just the
// vetx file. When the package is later analysed as a root, the missing json
// file makes it a miss and the package is analysed again with diagnostics:
// this is the difference from go vet's cache, which reuses the facts-only
// run's empty output and reports such a package clean.
type cache struct {
	dir  string // "" when caching is off (files go to a temp dir)
	tmp  string
	keep bool
	warn func(format string, args ...any)

	mu       sync.Mutex
	disabled bool // a write failed during the run
	damaged  bool // a damaged entry was met (and named) during the run
}

// damage warns about the first damaged entry of the run: one line, however
// many entries are damaged.
func (c *cache) damage(format string, args ...any) {
	c.mu.Lock()
	first := !c.damaged
	c.damaged = true
	c.mu.Unlock()
	if first {
		c.warn(format, args...)
	}
}

// cacheMaxAge is how long an unused entry is kept.
const cacheMaxAge = 5 * 24 * time.Hour

// sumHeader starts every KEY-sum file.
const sumHeader = "memlint cache 1"

// openCache opens the cache directory: $MEMLINT_CACHE if set ("off"
// disables caching), else os.UserCacheDir()/memlint. A directory that
// cannot be created or written disables the cache with one warning line.
func openCache(tmp string, warn func(format string, args ...any)) *cache {
	off := &cache{tmp: tmp, warn: warn}
	dir := os.Getenv("MEMLINT_CACHE")
	if dir == "off" {
		return off
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return off
		}
		dir = filepath.Join(base, "memlint")
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		warn("cache disabled: %v", err)
		return off
	}
	// The directory may exist but belong to another user or sit on a
	// read-only file system.
	probe, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		if pe, ok := err.(*os.PathError); ok {
			err = pe.Err
		}
		warn("cache disabled: cannot write to %s: %v", dir, err)
		return off
	}
	probe.Close()
	os.Remove(probe.Name())
	c := &cache{dir: dir, tmp: tmp, keep: true, warn: warn}
	c.trim()
	return c
}

// path returns the file for key and kind ("vetx", "json" or "sum").
func (c *cache) path(key, kind string) string {
	if !c.keep {
		return filepath.Join(c.tmp, key+"-"+kind)
	}
	return filepath.Join(c.dir, key[:2], key+"-"+kind)
}

func (c *cache) enabled() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.keep && !c.disabled
}

// lookup returns the facts file and, when withJSON, the analysis JSON of
// key, if the cache holds a whole entry. A damaged entry is a miss, with
// one warning line naming the package (id).
func (c *cache) lookup(key, id string, withJSON bool) (vetx string, js []byte, ok bool) {
	if !c.enabled() {
		return "", nil, false
	}
	sumData, err := os.ReadFile(c.path(key, "sum"))
	if err != nil {
		return "", nil, false // not cached
	}
	sums, err := parseSums(sumData)
	if err != nil {
		c.damage("damaged cache entry for %s (%v): analysing it again (and any other damaged entry)", id, err)
		return "", nil, false
	}
	kinds := []string{"vetx"}
	if withJSON {
		if _, ok := sums["json"]; !ok {
			return "", nil, false // analysed for facts only so far
		}
		kinds = append(kinds, "json")
	}
	for _, kind := range kinds {
		data, err := os.ReadFile(c.path(key, kind))
		if err == nil && sums[kind] != sumOf(data) {
			err = errors.New("checksum mismatch")
		}
		if err != nil {
			c.damage("damaged cache entry for %s (%s file: %v): analysing it again (and any other damaged entry)", id, kind, err)
			return "", nil, false
		}
		if kind == "json" {
			js = data
		}
	}
	vetx = c.path(key, "vetx")
	now := time.Now()
	for _, kind := range append(kinds, "sum") {
		os.Chtimes(c.path(key, kind), now, now) // for trimming; ignore errors
	}
	return vetx, js, true
}

// store moves the finished facts file vetxSrc into the cache under key,
// with the analysis JSON js of a root (nil for a facts-only run), and
// returns the facts file to hand to importers. Unless persist, the files
// stay in the run's temporary directory. When the cache cannot be
// written, it warns once, disables caching for the rest of the run and
// keeps the files in the run's temporary directory.
func (c *cache) store(key, vetxSrc string, js []byte, persist bool) (string, error) {
	if persist && c.enabled() {
		dst, err := c.storeEntry(key, vetxSrc, js)
		if err == nil {
			return dst, nil
		}
		c.mu.Lock()
		if !c.disabled {
			c.disabled = true
			c.warn("cache disabled: %v", err)
		}
		c.mu.Unlock()
	}
	dst := filepath.Join(c.tmp, key+"-vetx")
	if err := os.Rename(vetxSrc, dst); err != nil {
		return "", err
	}
	return dst, nil
}

func (c *cache) storeEntry(key, vetxSrc string, js []byte) (string, error) {
	vetx, err := os.ReadFile(vetxSrc)
	if err != nil {
		return "", err
	}
	dst := c.path(key, "vetx")
	if err := os.MkdirAll(filepath.Dir(dst), 0o777); err != nil {
		return "", err
	}
	sums := fmt.Sprintf("%s\nvetx %s\n", sumHeader, sumOf(vetx))
	if err := writeCacheFile(dst, vetx); err != nil {
		return "", err
	}
	if js != nil {
		if err := writeCacheFile(c.path(key, "json"), js); err != nil {
			return "", err
		}
		sums += "json " + sumOf(js) + "\n"
	}
	// Last: the entry counts from here on.
	if err := writeCacheFile(c.path(key, "sum"), []byte(sums)); err != nil {
		return "", err
	}
	return dst, nil
}

// writeCacheFile writes data to a temporary file beside name, syncs it and
// renames it into place, so that readers see the whole file or none.
func writeCacheFile(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// sumOf is the "SHA256 SIZE" line of data in a sum file.
func sumOf(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:]) + " " + strconv.Itoa(len(data))
}

// parseSums parses a sum file into kind -> "SHA256 SIZE".
func parseSums(data []byte) (map[string]string, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || sc.Text() != sumHeader {
		return nil, errors.New("bad checksum file")
	}
	sums := make(map[string]string)
	for sc.Scan() {
		kind, sum, ok := strings.Cut(sc.Text(), " ")
		if !ok || (kind != "vetx" && kind != "json") {
			return nil, errors.New("bad checksum file")
		}
		sums[kind] = sum
	}
	if _, ok := sums["vetx"]; !ok || !bytes.HasSuffix(data, []byte("\n")) {
		return nil, errors.New("bad checksum file")
	}
	return sums, nil
}

// trim removes entries unused for cacheMaxAge, at most once a day.
func (c *cache) trim() {
	stamp := filepath.Join(c.dir, "trim.txt")
	if st, err := os.Stat(stamp); err == nil && time.Since(st.ModTime()) < 24*time.Hour {
		return
	}
	os.WriteFile(stamp, []byte(time.Now().Format(time.RFC3339)+"\n"), 0o666)
	subs, _ := os.ReadDir(c.dir)
	for _, s := range subs {
		if !s.IsDir() || len(s.Name()) != 2 {
			continue
		}
		sub := filepath.Join(c.dir, s.Name())
		files, _ := os.ReadDir(sub)
		for _, f := range files {
			if info, err := f.Info(); err == nil && time.Since(info.ModTime()) > cacheMaxAge {
				os.Remove(filepath.Join(sub, f.Name()))
			}
		}
	}
}

// fileHasher hashes file contents once per run: the hash taken when a
// package's cache key is computed is what the package was analysed with,
// and -fix compares it with the file's content before writing.
type fileHasher struct {
	mu sync.Mutex
	m  map[string]string
}

func (h *fileHasher) hash(name string) string {
	h.mu.Lock()
	sum, ok := h.m[name]
	h.mu.Unlock()
	if ok {
		return sum
	}
	sum, err := fileHash(name)
	if err != nil {
		sum = "missing"
	}
	h.mu.Lock()
	if h.m == nil {
		h.m = make(map[string]string)
	}
	if old, ok := h.m[name]; ok {
		sum = old
	}
	h.m[name] = sum
	h.mu.Unlock()
	return sum
}

// known returns the hash taken earlier in the run, if any.
func (h *fileHasher) known(name string) (string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	sum, ok := h.m[name]
	return sum, ok
}

// fileHash is the SHA-256 of a file's content. Of the memlint binary, it
// makes a new build (new passes, fixed passes) never reuse an older
// build's results.
func fileHash(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	d := sha256.New()
	if _, err := io.Copy(d, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(d.Sum(nil)), nil
}
