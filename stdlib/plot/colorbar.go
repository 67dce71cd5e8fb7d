package plot

import (
	"errors"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// colorbarWidth is the room a colour bar and its labels take at the right
// of a figure, in points.
const colorbarWidth = 62

// colorbar is what a figure's colour bar shows: either a continuous scale
// of values lo to hi through the map (images, surfaces), or, for contours,
// their levels at equal steps, as matplotlib spaces a contour plot's bar:
// the map running through the levels of contour lines, or one block per
// band of filled contours with the levels between them.
type colorbar struct {
	m      Colormap
	lo, hi float64      // a continuous scale
	levels []float64    // or contour levels, bottom to top
	bands  []color.RGBA // and filled contours' colours, one more than levels
}

// colorbarOf returns the colour bar of the topmost series drawn through a
// colour map: a contour, a filled contour, a one-channel image or a filled
// surface.
func (f *Figure) colorbarOf() (colorbar, bool) {
	for i := len(f.Series) - 1; i >= 0; i-- {
		switch s := f.Series[i].(type) {
		case *Contour:
			if len(s.Levels) == 0 || s.Style.Color != nil && !s.Filled {
				continue
			}
			b := colorbar{m: s.Map, levels: s.Levels}
			if s.Filled {
				b.bands = newFilledLayer(s).colours
			}
			return b, true
		case *Image:
			if s.Channels == 1 {
				return colorbar{m: s.Map, lo: s.Min, hi: s.Max}, true
			}
		case *Surface:
			if !s.Wireframe {
				r := s.zRange()
				return colorbar{m: s.Map, lo: r.Min, hi: r.Max}, true
			}
		}
	}
	return colorbar{}, false
}

// checkColorbar reports a colour bar asked of a figure with nothing drawn
// through a colour map.
func (f *Figure) checkColorbar() error {
	if _, ok := f.colorbarOf(); f.Colorbar && !ok {
		return errors.New("a colour bar needs a contour, contourf, a one-channel imshow or plot_surface to show")
	}
	return nil
}

// ticks returns the bar's ticks as fractions of its length from the
// bottom, with their labels.
func (b colorbar) ticks(length vg.Length) (at []float64, labels []string) {
	n := len(b.levels)
	switch {
	case b.bands != nil:
		for k, v := range b.levels {
			at, labels = append(at, float64(k+1)/float64(n+1)), append(labels, levelLabel(b.levels, v))
		}
	case n == 1:
		at, labels = []float64{0.5}, []string{levelLabel(b.levels, b.levels[0])}
	case n > 1:
		for k, v := range b.levels {
			at, labels = append(at, float64(k)/float64(n-1)), append(labels, levelLabel(b.levels, v))
		}
	default:
		lo, hi := b.lo, b.hi
		if !(hi > lo) {
			lo, hi = lo-0.5, lo+0.5
		}
		for _, t := range (niceTicks{max(3, int(length/30))}).Ticks(lo, hi) {
			at, labels = append(at, (t.Value-lo)/(hi-lo)), append(labels, t.Label)
		}
	}
	// Levels too close to label all keep every k-th label.
	if every := int(math.Ceil(float64(len(at)) * 14 / float64(length))); every > 1 {
		for i := range labels {
			if i%every != 0 {
				labels[i] = ""
			}
		}
	}
	return at, labels
}

// levelLabel writes a contour level: with the decimals evenly spaced
// levels need to differ, or in four significant digits when they are not
// evenly spaced (log-spaced levels, say).
func levelLabel(levels []float64, v float64) string {
	if len(levels) < 2 {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	gap := levels[1] - levels[0]
	for i := 2; i < len(levels); i++ {
		if math.Abs(levels[i]-levels[i-1]-gap) > 1e-6*math.Abs(gap) {
			return strconv.FormatFloat(v, 'g', 4, 64)
		}
	}
	return tickLabel(v, niceStep(math.Abs(gap)))
}

// draw draws the bar beside the data area, from its bottom to its top, on
// c, which extends right of area by colorbarWidth.
func (b colorbar) draw(c draw.Canvas, area draw.Canvas) {
	x0 := area.Max.X + 14
	x1 := x0 + 12
	y0, y1 := area.Min.Y, area.Max.Y
	at := func(t float64) vg.Length { return y0 + vg.Length(t)*(y1-y0) }
	box := func(lo, hi vg.Length, col color.Color) {
		c.FillPolygon(col, []vg.Point{{X: x0, Y: lo}, {X: x1, Y: lo}, {X: x1, Y: hi}, {X: x0, Y: hi}})
	}
	if b.bands != nil {
		for k, col := range b.bands {
			n := float64(len(b.bands))
			box(at(float64(k)/n), at(float64(k+1)/n), col)
		}
	} else {
		// Slices a little taller than their step, so that no seam shows.
		const n = 128
		for k := range n {
			lo := at(float64(k) / n)
			box(lo, min(y1, lo+(y1-y0)/n+0.5), b.m.At((float64(k)+0.5)/n))
		}
	}
	outline := draw.LineStyle{Color: color.Gray{0x60}, Width: vg.Points(0.5)}
	c.StrokeLines(outline, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}})
	style := sans(8)
	style.XAlign = draw.XLeft
	ticks, labels := b.ticks(y1 - y0)
	for i, t := range ticks {
		y := at(t)
		c.StrokeLine2(outline, x1, y, x1+3, y)
		if labels[i] != "" {
			c.FillText(style, vg.Point{X: x1 + 5, Y: y}, labels[i])
		}
	}
}
