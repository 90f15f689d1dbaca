package allsources

import (
	"archive/zip"
	"io"
)

// A local zip archive, with -bodylimit.all-sources.
func localZip(name string) {
	rc, _ := zip.OpenReader(name)
	defer rc.Close()
	for _, zf := range rc.File {
		f, _ := zf.Open()
		io.ReadAll(f) // want `io.ReadAll reads a whole \(\*zip.File\).Open entry of a zip archive from a local or unknown source`
	}
}
