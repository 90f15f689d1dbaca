package lsp

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// fileURI and filename: the URIs are those go.lsp.dev/uri.File gave for
// the same paths (the server used it before protocol.go), and filename
// inverts fileURI.
func TestFileURI(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix paths")
	}
	for _, tc := range []struct {
		path string
		uri  DocumentURI
	}{
		{"/tmp/m/upload/upload.go", "file:///tmp/m/upload/upload.go"},
		{"/tmp/a b/c#d?e%f;g=h,i+j@k:l$m&n.go", "file:///tmp/a%20b/c%23d%3Fe%25f;g=h,i+j@k:l$m&n.go"},
		{"/tmp/é/𝄞.go", "file:///tmp/%C3%A9/%F0%9D%84%9E.go"},
		{"/tmp/x/../y/./z//a.go", "file:///tmp/y/z/a.go"},
		{"/C:/x.go", "file:///C:/x.go"}, // a directory named C: on Unix
	} {
		if got := fileURI(tc.path); got != tc.uri {
			t.Errorf("fileURI(%q) = %q, want %q", tc.path, got, tc.uri)
		}
		if got := filename(tc.uri); got != filepath.Clean(tc.path) {
			t.Errorf("filename(%q) = %q, want %q", tc.uri, got, filepath.Clean(tc.path))
		}
	}
	// A relative path is made absolute.
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fileURI("a.go"), fileURI(filepath.Join(wd, "a.go")); got != want {
		t.Errorf("fileURI(a.go) = %q, want %q", got, want)
	}
	for u, want := range map[DocumentURI]string{
		"file://localhost/tmp/a.go": "/tmp/a.go",
		"file:///tmp/x/%2e%2e/a.go": "/tmp/a.go",
		"untitled:Untitled-1":       "",
		"file:":                     "",
		"https://example.com/a.go":  "",
		"file:///tmp/%zz.go":        "", // not a URI
	} {
		if got := filename(u); got != want {
			t.Errorf("filename(%q) = %q, want %q", u, got, want)
		}
	}
	for vol, want := range map[string]bool{"C:": true, "": false, `\\server\share`: false} {
		if driveLetter(vol) != want {
			t.Errorf("driveLetter(%q) = %v", vol, !want)
		}
	}
}
