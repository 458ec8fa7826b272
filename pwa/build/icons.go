package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// The app icon: a white card with a gold chip and a blue stripe on the
// program's blue. The maskable variant keeps the card inside the central
// safe circle (radius 40%) that launchers may crop to.
var (
	blue  = color.RGBA{0x0b, 0x5c, 0xad, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	gold  = color.RGBA{0xf4, 0xb4, 0x00, 0xff}
	navy  = color.RGBA{0x08, 0x3f, 0x78, 0xff}
)

const svgIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#0b5cad"/><rect x="17" y="28" width="66" height="44" rx="6" fill="#fff"/><rect x="25" y="38" width="14" height="11" rx="2" fill="#f4b400"/><rect x="17" y="56" width="66" height="7" fill="#083f78"/></svg>`

func drawIcons() (map[string][]byte, error) {
	out := map[string][]byte{}
	for name, spec := range map[string]struct {
		size  int
		scale float64 // card width as a share of the icon
	}{
		"icon-192":     {192, 0.66},
		"icon-512":     {512, 0.66},
		"maskable-512": {512, 0.52},
	} {
		b, err := drawIcon(spec.size, spec.scale)
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	return out, nil
}

func drawIcon(size int, scale float64) ([]byte, error) {
	img := image.NewPaletted(image.Rect(0, 0, size, size), color.Palette{blue, white, gold, navy})
	s := float64(size)
	w, h := s*scale, s*scale*2/3
	x0, y0 := (s-w)/2, (s-h)/2
	r := w * 0.09
	fillRound(img, x0, y0, x0+w, y0+h, r, 1)                              // card
	fillRound(img, x0+w*0.12, y0+h*0.23, x0+w*0.33, y0+h*0.48, w*0.03, 2) // chip
	fillRound(img, x0, y0+h*0.64, x0+w, y0+h*0.80, 0, 3)                  // stripe
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// fillRound paints a rectangle with rounded corners of radius r in palette
// colour c (pixel centres inside the shape).
func fillRound(img *image.Paletted, x0, y0, x1, y1, r float64, c uint8) {
	for y := int(y0); y <= int(y1); y++ {
		for x := int(x0); x <= int(x1); x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			if px < x0 || px > x1 || py < y0 || py > y1 {
				continue
			}
			cx := min(max(px, x0+r), x1-r)
			cy := min(max(py, y0+r), y1-r)
			if dx, dy := px-cx, py-cy; dx*dx+dy*dy > r*r {
				continue
			}
			img.SetColorIndex(x, y, c)
		}
	}
}
