package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// The cache holds, per package analysis key:
//
//	KEY-vetx  the package's types and facts (what its importers need)
//	KEY-json  the analysis JSON of a run that reported diagnostics
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
}

// cacheMaxAge is how long an unused entry is kept.
const cacheMaxAge = 5 * 24 * time.Hour

// openCache opens the cache directory: $MEMLINT_CACHE if set ("off"
// disables caching), else os.UserCacheDir()/memlint.
func openCache(tmp string) *cache {
	dir := os.Getenv("MEMLINT_CACHE")
	if dir == "off" {
		return &cache{tmp: tmp}
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return &cache{tmp: tmp}
		}
		dir = filepath.Join(base, "memlint")
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		fmt.Fprintf(os.Stderr, "memlint: cache disabled: %v\n", err)
		return &cache{tmp: tmp}
	}
	c := &cache{dir: dir, tmp: tmp, keep: true}
	c.trim()
	return c
}

// path returns the file for key and kind ("vetx" or "json").
func (c *cache) path(key, kind string) string {
	if !c.keep {
		return filepath.Join(c.tmp, key+"-"+kind)
	}
	return filepath.Join(c.dir, key[:2], key+"-"+kind)
}

// get reports whether the entry exists, and marks it used.
func (c *cache) get(key, kind string) (string, bool) {
	p := c.path(key, kind)
	if _, err := os.Stat(p); err != nil {
		return "", false
	}
	if c.keep {
		now := time.Now()
		os.Chtimes(p, now, now) // for trimming; ignore errors
	}
	return p, true
}

// put moves the finished file src into the cache under key and kind.
// The rename is atomic, so concurrent memlint runs never see half a file.
func (c *cache) put(key, kind, src string) (string, error) {
	dst := c.path(key, kind)
	if err := os.MkdirAll(filepath.Dir(dst), 0o777); err != nil {
		return "", err
	}
	if err := os.Rename(src, dst); err != nil {
		return "", err
	}
	return dst, nil
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

// fileHasher hashes file contents once per run.
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
	sum = "missing"
	if f, err := os.Open(name); err == nil {
		d := sha256.New()
		if _, err := io.Copy(d, f); err == nil {
			sum = hex.EncodeToString(d.Sum(nil))
		}
		f.Close()
	}
	h.mu.Lock()
	if h.m == nil {
		h.m = make(map[string]string)
	}
	h.m[name] = sum
	h.mu.Unlock()
	return sum
}

// selfHash is the content hash of the running memlint binary: a new build
// (new passes, fixed passes) never reuses an older build's results.
func selfHash() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
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
