// Package thumbnails is a small thumbnail uploader: it receives images over
// HTTP, scales them down and stores the thumbnails in Google Cloud Storage.
// It is written twice: the way that kept 16 MiB per upload alive
// (incident 1) and the way that does not. memlint's bigbuffer pass reports
// every line marked "bigbuffer:" in leaky.go (the "want" comments are the
// expectations of memlint's test against the real libraries) and nothing
// in fixed.go.
package thumbnails

import (
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png" // decode PNG uploads
	"io"
)

// maxSide is the longest side of a thumbnail, in pixels.
const maxSide = 256

// scale returns a nearest-neighbour copy of src whose longest side is at
// most maxSide pixels.
func scale(src image.Image) image.Image {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= maxSide && h <= maxSide {
		return src
	}
	tw, th := maxSide, h*maxSide/w
	if h > w {
		tw, th = w*maxSide/h, maxSide
	}
	dst := image.NewRGBA(image.Rect(0, 0, max(tw, 1), max(th, 1)))
	for y := range dst.Bounds().Dy() {
		for x := range dst.Bounds().Dx() {
			c := src.At(b.Min.X+x*w/tw, b.Min.Y+y*h/th)
			dst.Set(x, y, color.RGBAModel.Convert(c))
		}
	}
	return dst
}

// encode decodes an image from r and writes its JPEG thumbnail to w.
func encode(w io.Writer, r io.Reader) error {
	img, _, err := image.Decode(r)
	if err != nil {
		return err
	}
	return jpeg.Encode(w, scale(img), &jpeg.Options{Quality: 80})
}
