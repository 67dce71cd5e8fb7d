package plot

import (
	"image"
	"image/color"
	"math"
	"sort"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxFillSide bounds the side in pixels of the picture a filled contour is
// drawn as.
const maxFillSide = 1200

// filledLayer draws a filled contour as a picture of the data area: each
// pixel takes the colour of the band its bilinearly interpolated value
// falls in. A picture rather than polygons keeps adjacent bands free of
// the hairline seams anti-aliased polygons leave, and files small.
type filledLayer struct {
	src     *Contour
	colours []color.RGBA // one per band: below the first level, ..., above the last
	lines   contourLayer // the level lines, for a terminal's dots
}

func newFilledLayer(s *Contour) *filledLayer {
	n := len(s.Levels)
	l := &filledLayer{src: s, lines: contourLayer{src: s, paths: ContourLines(s.X, s.Y, s.Z, s.Levels)}}
	for k := range n + 1 {
		t := 0.5
		if n > 0 {
			t = float64(k) / float64(n)
		}
		l.colours = append(l.colours, s.Map.At(t))
	}
	return l
}

func (l *filledLayer) label() string { return l.src.Name }

func (l *filledLayer) bounds() (float64, float64, float64, float64) { return l.lines.bounds() }

// value returns the bilinear interpolation of the grid's values at (x, y),
// which lies within the grid.
func (l *filledLayer) value(x, y float64) float64 {
	s := l.src
	cell := func(v []float64, t float64) (int, float64) {
		i := min(max(sort.SearchFloat64s(v, t)-1, 0), len(v)-2)
		return i, (t - v[i]) / (v[i+1] - v[i])
	}
	i, u := cell(s.X, x)
	j, w := cell(s.Y, y)
	n := len(s.X)
	z00, z10, z01, z11 := s.Z[j*n+i], s.Z[j*n+i+1], s.Z[(j+1)*n+i], s.Z[(j+1)*n+i+1]
	return (1-w)*((1-u)*z00+u*z10) + w*((1-u)*z01+u*z11)
}

func (l *filledLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	s := l.src
	x0, x1, y0, y1 := s.X[0], s.X[len(s.X)-1], s.Y[0], s.Y[len(s.Y)-1]
	rect := vg.Rectangle{Min: vg.Point{X: trX(x0), Y: trY(y0)}, Max: vg.Point{X: trX(x1), Y: trY(y1)}}
	side := func(d vg.Length) int { return min(maxFillSide, max(1, int(math.Ceil(float64(d)/pointsPerPixel)))) }
	w, h := side(rect.Max.X-rect.Min.X), side(rect.Max.Y-rect.Min.Y)
	rgba := image.NewRGBA(image.Rect(0, 0, w, h))
	for py := range h {
		y := y1 - (float64(py)+0.5)/float64(h)*(y1-y0) // row 0 is the top
		for px := range w {
			x := x0 + (float64(px)+0.5)/float64(w)*(x1-x0)
			z := l.value(x, y)
			if math.IsNaN(z) {
				continue
			}
			rgba.SetRGBA(px, py, l.colours[sort.SearchFloat64s(s.Levels, z)])
		}
	}
	c.DrawImage(rect, rgba)
}

func (l *filledLayer) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}}
	c.FillPolygon(l.colours[len(l.colours)/2], pts)
}

func (l *filledLayer) dots(d *dotCanvas) { l.lines.dots(d) }
