package jupyter

import (
	"bytes"
	"image/color"

	xfont "golang.org/x/image/font"
	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// logo draws the kernel's logo, a white ∂ on a blue square (the blue of
// calc's figures), size pixels wide, as a PNG file's bytes. Jupyter shows
// it in its launcher.
func logo(size int) ([]byte, error) {
	side := vg.Length(size)
	c := vgimg.NewWith(vgimg.UseWH(side, side), vgimg.UseDPI(72)) // a point is a pixel
	c.SetColor(color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff})
	var square vg.Path
	square.Move(vg.Point{})
	square.Line(vg.Point{X: side})
	square.Line(vg.Point{X: side, Y: side})
	square.Line(vg.Point{Y: side})
	square.Close()
	c.Fill(square)
	face := gplot.DefaultTextHandler.Cache().Lookup(font.Font{Typeface: "Liberation", Variant: "Serif", Style: xfont.StyleItalic}, side*0.85)
	c.SetColor(color.White)
	c.FillString(face, vg.Point{X: (side - face.Width("∂")) / 2, Y: side * 0.17}, "∂")
	var b bytes.Buffer
	_, err := vgimg.PngCanvas{Canvas: c}.WriteTo(&b)
	return b.Bytes(), err
}
