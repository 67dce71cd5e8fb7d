package plot

import (
	"errors"
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// colorbarWidth is the room a colour bar and its labels take at the right
// of a figure, in points.
const colorbarWidth = 62

// colorbar is what a figure's colour bar shows: the values lo to hi along
// it, coloured by the map, or in bands between the edges (a filled
// contour's), with ticks at the given values (nil: round numbers).
type colorbar struct {
	m      Colormap
	lo, hi float64
	edges  []float64
	bands  []color.RGBA
	ticks  []float64
}

// colorbarOf returns the colour bar of the topmost series drawn through a
// colour map: a contour, a filled contour, a one-channel image or a filled
// surface.
func (f *Figure) colorbarOf() (colorbar, bool) {
	for i := len(f.Series) - 1; i >= 0; i-- {
		switch s := f.Series[i].(type) {
		case *Contour:
			if len(s.Levels) == 0 {
				continue
			}
			if s.Filled {
				lo, hi := DataRange(s.Z)
				l := newFilledLayer(s)
				edges := append(append([]float64{math.Min(lo, s.Levels[0])}, s.Levels...), math.Max(hi, s.Levels[len(s.Levels)-1]))
				return colorbar{m: s.Map, lo: edges[0], hi: edges[len(edges)-1], edges: edges, bands: l.colours, ticks: s.Levels}, true
			}
			lo, hi := s.Levels[0], s.Levels[len(s.Levels)-1]
			if lo == hi {
				lo, hi = lo-0.5, hi+0.5
			}
			return colorbar{m: s.Map, lo: lo, hi: hi, ticks: s.Levels}, true
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

// draw draws the bar beside the data area, from its bottom to its top, on
// c, which extends right of area by colorbarWidth.
func (b colorbar) draw(c draw.Canvas, area draw.Canvas) {
	x0 := area.Max.X + 14
	x1 := x0 + 12
	y0, y1 := area.Min.Y, area.Max.Y
	if b.hi <= b.lo || !finite(b.lo) || !finite(b.hi) {
		b.lo, b.hi = b.lo-0.5, b.lo+0.5
	}
	at := func(v float64) vg.Length { return y0 + vg.Length((v-b.lo)/(b.hi-b.lo))*(y1-y0) }
	box := func(lo, hi vg.Length, col color.Color) {
		c.FillPolygon(col, []vg.Point{{X: x0, Y: lo}, {X: x1, Y: lo}, {X: x1, Y: hi}, {X: x0, Y: hi}})
	}
	if b.bands != nil {
		for k, col := range b.bands {
			box(at(b.edges[k]), at(b.edges[k+1]), col)
		}
	} else {
		// Slices a little taller than their step, so that no seam shows.
		const n = 128
		for k := range n {
			lo := y0 + (y1-y0)*vg.Length(k)/n
			box(lo, min(y1, lo+(y1-y0)/n+0.5), b.m.At((float64(k)+0.5)/n))
		}
	}
	outline := draw.LineStyle{Color: color.Gray{0x60}, Width: vg.Points(0.5)}
	c.StrokeLines(outline, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}})
	style := sans(8)
	style.XAlign = draw.XLeft
	ticks := b.ticks
	var labels []string
	if len(ticks) == 0 || len(ticks) > 12 {
		ticks = nil
		for _, t := range (niceTicks{max(3, int((y1-y0)/30))}).Ticks(b.lo, b.hi) {
			ticks, labels = append(ticks, t.Value), append(labels, t.Label)
		}
	} else {
		// As many decimals as the closest two levels need to differ.
		gap := math.Inf(1)
		for i := 1; i < len(ticks); i++ {
			gap = math.Min(gap, math.Abs(ticks[i]-ticks[i-1]))
		}
		if !(gap > 0) || math.IsInf(gap, 0) {
			gap = math.Max(math.Abs(ticks[0]), 1)
		}
		for _, v := range ticks {
			labels = append(labels, tickLabel(v, niceStep(gap)))
		}
	}
	for i, v := range ticks {
		y := at(v)
		if v < b.lo || v > b.hi {
			continue
		}
		c.StrokeLine2(outline, x1, y, x1+3, y)
		c.FillText(style, vg.Point{X: x1 + 5, Y: y}, labels[i])
	}
}
