package plot

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Box3 is the extent of a 3-D figure's data, axis by axis.
type Box3 struct {
	X, Y, Z Range
}

// Box returns the extent of the figure's 3-D series (NaN ranges when it
// has none).
func (f *Figure) Box() Box3 {
	var xs, ys, zs []float64
	for _, s := range f.Series {
		switch l := s.(type) {
		case *Line3:
			for i := range l.X {
				if finite(l.X[i]) && finite(l.Y[i]) && finite(l.Z[i]) {
					xs, ys, zs = append(xs, l.X[i]), append(ys, l.Y[i]), append(zs, l.Z[i])
				}
			}
		case *Surface:
			for j, y := range l.Y {
				for i, x := range l.X {
					if z := l.Z[j*len(l.X)+i]; finite(x) && finite(y) && finite(z) {
						xs, ys, zs = append(xs, x), append(ys, y), append(zs, z)
					}
				}
			}
		}
	}
	r := func(v []float64) Range {
		lo, hi := DataRange(v)
		return Range{lo, hi}
	}
	return Box3{r(xs), r(ys), r(zs)}
}

// projector maps data points of a box to the screen plane of a view by an
// orthographic projection of the box scaled to the unit cube, as
// matplotlib's 3-D axes do with their default box aspect.
type projector struct {
	box            Box3
	sa, ca, se, ce float64 // sines and cosines of the azimuth and elevation
}

func newProjector(box Box3, v View) projector {
	widen := func(r Range) Range {
		if !(r.Max > r.Min) {
			return fit(r.Min, r.Max)
		}
		return r
	}
	a, e := v.Azim*math.Pi/180, v.Elev*math.Pi/180
	return projector{
		box: Box3{widen(box.X), widen(box.Y), widen(box.Z)},
		sa:  math.Sin(a), ca: math.Cos(a), se: math.Sin(e), ce: math.Cos(e),
	}
}

// unit projects a point of the unit cube [-½, ½]³: the eye looks from the
// direction (cos a·cos e, sin a·cos e, sin e) with z up on the screen.
func (p projector) unit(x, y, z float64) (float64, float64) {
	return -p.sa*x + p.ca*y, -p.ca*p.se*x - p.sa*p.se*y + p.ce*z
}

// normal returns a data point in the unit cube.
func (p projector) normal(x, y, z float64) (float64, float64, float64) {
	n := func(v float64, r Range) float64 { return (v-r.Min)/(r.Max-r.Min) - 0.5 }
	return n(x, p.box.X), n(y, p.box.Y), n(z, p.box.Z)
}

// point projects a data point.
func (p projector) point(x, y, z float64) (float64, float64) {
	return p.unit(p.normal(x, y, z))
}

// depth returns how near a data point is to the eye, along the direction
// of view: larger is nearer.
func (p projector) depth(x, y, z float64) float64 {
	u, v, w := p.normal(x, y, z)
	return p.ca*p.ce*u + p.sa*p.ce*v + p.se*w
}

// project returns the layers of a 3-D figure: the box's edges, the axes'
// names with their ranges (beside the middle of an outer edge, as
// corners are crowded), and the curves and surfaces.
func (f *Figure) project(colour func(Style) color.Color) []layer {
	box := f.Box()
	p := newProjector(box, f.view())
	edges := &lineLayer{line: draw.LineStyle{Color: color.Gray{0xb0}, Width: vg.Points(0.6)}}
	corner := func(i int) (float64, float64, float64) {
		return float64(i&1) - 0.5, float64(i>>1&1) - 0.5, float64(i>>2&1) - 0.5
	}
	for i := range 8 {
		for _, bit := range []int{1, 2, 4} {
			if i&bit != 0 {
				continue
			}
			x0, y0 := p.unit(corner(i))
			x1, y1 := p.unit(corner(i | bit))
			edges.x = append(edges.x, x0, x1, math.NaN())
			edges.y = append(edges.y, y0, y1, math.NaN())
		}
	}
	labels := &textLayer{style: sans(9)}
	names := [3]string{f.XLabel, f.YLabel, f.ZLabel}
	defaults := [3]string{"x", "y", "z"}
	ranges := [3]Range{p.box.X, p.box.Y, p.box.Z}
	cx, cy := p.unit(0, 0, 0)
	for axis := range 3 {
		// Of the four edges along the axis, label the lowest on the
		// screen (x and y) or the leftmost (z).
		best, bestKey := [2][3]float64{}, math.Inf(1)
		for _, s := range [][2]float64{{-0.5, -0.5}, {-0.5, 0.5}, {0.5, -0.5}, {0.5, 0.5}} {
			var a, b [3]float64
			a[axis], b[axis] = -0.5, 0.5
			a[(axis+1)%3], b[(axis+1)%3] = s[0], s[0]
			a[(axis+2)%3], b[(axis+2)%3] = s[1], s[1]
			mx, my := p.unit((a[0]+b[0])/2, (a[1]+b[1])/2, (a[2]+b[2])/2)
			key := my
			if axis == 2 {
				key = mx
			} else if a[2] != -0.5 {
				continue // x and y are labelled on the floor of the box
			}
			if key < bestKey {
				best, bestKey = [2][3]float64{a, b}, key
			}
		}
		// Put the labels outside the box, away from its centre.
		out := func(x, y, k float64) (float64, float64) {
			dx, dy := x-cx, y-cy
			n := math.Hypot(dx, dy)
			if n == 0 {
				return x, y
			}
			return x + k*dx/n, y + k*dy/n
		}
		name := names[axis]
		if name == "" {
			name = defaults[axis]
		}
		a, b := best[0], best[1]
		along := func(t float64) (float64, float64) {
			return p.unit(a[0]+t*(b[0]-a[0]), a[1]+t*(b[1]-a[1]), a[2]+t*(b[2]-a[2]))
		}
		mx, my := along(0.5)
		lx, ly := out(mx, my, 0.2)
		r := ranges[axis]
		text := name + "\n" + strconv.FormatFloat(r.Min, 'g', 4, 64) + " … " + strconv.FormatFloat(r.Max, 'g', 4, 64)
		labels.x, labels.y, labels.texts = append(labels.x, lx), append(labels.y, ly), append(labels.texts, text)
	}
	layers := []layer{edges, labels}
	for _, s := range f.Series {
		if sf, ok := s.(*Surface); ok {
			layers = append(layers, surfaceLayer(sf, p, colour))
			continue
		}
		l, ok := s.(*Line3)
		if !ok {
			continue
		}
		px, py := make([]float64, len(l.X)), make([]float64, len(l.X))
		for i := range l.X {
			if finite(l.X[i]) && finite(l.Y[i]) && finite(l.Z[i]) {
				px[i], py[i] = p.point(l.X[i], l.Y[i], l.Z[i])
			} else {
				px[i], py[i] = math.NaN(), math.NaN()
			}
		}
		line := &lineLayer{x: px, y: py, line: lineStyle(l.Style, nil), name: l.Name}
		line.line.Color = colour(l.Style)
		if l.Style.Markers {
			line.markers = glyphStyle(l.Style, line.line.Color)
		}
		layers = append(layers, line)
	}
	// The labels stick out of the box: make room for them.
	pad := &lineLayer{x: []float64{cx - 1, cx + 1}, y: []float64{cy - 0.98, cy + 0.9}, noLine: true}
	return append(layers, pad)
}
