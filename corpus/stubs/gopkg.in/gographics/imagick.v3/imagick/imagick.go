// Package imagick stands in for gopkg.in/gographics/imagick.v3/imagick,
// whose cgo bindings need ImageMagick 7's MagickWand headers, which the
// corpus machine's Debian does not package. photoview's thumbnail worker
// imports it. It declares only what its importers use, so they
// type-check; memlint never reports in it.
package imagick

// OrientationType is an image orientation.
type OrientationType int

// ORIENTATION_TOP_LEFT is the upright orientation.
const ORIENTATION_TOP_LEFT OrientationType = 1

// Initialize, Terminate and GetVersion stand in for the library's.
func Initialize()                {}
func Terminate()                 {}
func GetVersion() (string, uint) { return "", 0 }

// MagickWand is an image handle.
type MagickWand struct{}

// NewMagickWand returns a handle.
func NewMagickWand() *MagickWand { return &MagickWand{} }

func (mw *MagickWand) Destroy()                                              {}
func (mw *MagickWand) SetFormat(format string) error                         { return nil }
func (mw *MagickWand) SetImageCompressionQuality(quality uint) error         { return nil }
func (mw *MagickWand) WriteImage(filename string) error                      { return nil }
func (mw *MagickWand) ThumbnailImage(cols, rows uint) error                  { return nil }
func (mw *MagickWand) GetImageWidth() uint                                   { return 0 }
func (mw *MagickWand) GetImageHeight() uint                                  { return 0 }
func (mw *MagickWand) ReadImage(filename string) error                       { return nil }
func (mw *MagickWand) AutoOrientImage() error                                { return nil }
func (mw *MagickWand) SetImageOrientation(orientation OrientationType) error { return nil }
