package plot

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Surface is the surface z = Z[j·len(X) + i] over the grid of points (X[i],
// Y[j]), drawn in projection as the figure's View sees it, as matplotlib's
// plot_surface and plot_wireframe: each grid cell a quadrilateral, filled
// with Map's colour for its mean height (unless Wireframe) and outlined.
// Cells are drawn farthest first, so nearer ones cover them (the painter's
// algorithm, exact for a surface over a grid seen from outside its box
// except where cells pierce each other). Cells with a non-finite corner
// are left out.
type Surface struct {
	X, Y, Z   []float64
	Map       Colormap
	Wireframe bool
	Name      string
	Style     Style // Color: the wireframe's, or the outlines' of a filled surface
}

// Kind names the sort of series.
func (s *Surface) Kind() string {
	if s.Wireframe {
		return "wireframe"
	}
	return "surface"
}

// Label is the legend entry.
func (s *Surface) Label() string { return s.Name }

// Len is the number of grid points.
func (s *Surface) Len() int { return len(s.Z) }

func (s *Surface) check() error {
	if len(s.X) < 2 || len(s.Y) < 2 {
		return fmt.Errorf("a surface needs a grid of at least 2×2 points, got %d×%d", len(s.Y), len(s.X))
	}
	if len(s.Z) != len(s.X)*len(s.Y) {
		return fmt.Errorf("a surface over %d y and %d x values needs %d heights, got %d", len(s.Y), len(s.X), len(s.X)*len(s.Y), len(s.Z))
	}
	return nil
}

// zRange returns the extent of the surface's finite heights.
func (s *Surface) zRange() Range {
	lo, hi := DataRange(s.Z)
	return Range{lo, hi}
}

// polyLayer draws filled, outlined polygons in the order given.
type polyLayer struct {
	x, y  [][]float64 // the polygons' corners, projected
	fill  []color.Color
	edge  draw.LineStyle
	name  string
	thumb color.Color
}

func (l *polyLayer) label() string { return l.name }

func (l *polyLayer) bounds() (float64, float64, float64, float64) {
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for k := range l.x {
		for i := range l.x[k] {
			x0, x1 = math.Min(x0, l.x[k][i]), math.Max(x1, l.x[k][i])
			y0, y1 = math.Min(y0, l.y[k][i]), math.Max(y1, l.y[k][i])
		}
	}
	if x0 > x1 {
		return math.NaN(), math.NaN(), math.NaN(), math.NaN()
	}
	return x0, x1, y0, y1
}

func (l *polyLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	for k := range l.x {
		pts := make([]vg.Point, len(l.x[k]))
		for i := range pts {
			pts[i] = vg.Point{X: trX(l.x[k][i]), Y: trY(l.y[k][i])}
		}
		if l.fill != nil {
			c.FillPolygon(l.fill[k], c.ClipPolygonXY(pts))
		}
		c.StrokeLines(l.edge, c.ClipLinesXY(append(pts, pts[0]))...)
	}
}

func (l *polyLayer) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}}
	c.FillPolygon(l.thumb, pts)
}

func (l *polyLayer) dots(d *dotCanvas) {
	for k := range l.x {
		n := len(l.x[k])
		for i := range n {
			j := (i + 1) % n
			d.line(l.x[k][i], l.y[k][i], l.x[k][j], l.y[k][j])
		}
	}
}

// surfaceLayer projects a surface's cells with p and orders them farthest
// first; colour gives the wireframe's colour when it has none of its own.
func surfaceLayer(s *Surface, p projector, colour func(Style) color.Color) *polyLayer {
	type cell struct {
		x, y  []float64
		depth float64
		z     float64
	}
	nx := len(s.X)
	var cells []cell
	for j := 0; j+1 < len(s.Y); j++ {
		for i := 0; i+1 < nx; i++ {
			corners := [4][2]int{{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}}
			c := cell{x: make([]float64, 4), y: make([]float64, 4)}
			ok := true
			for k, ij := range corners {
				x, y, z := s.X[ij[0]], s.Y[ij[1]], s.Z[ij[1]*nx+ij[0]]
				if !finite(x) || !finite(y) || !finite(z) {
					ok = false
					break
				}
				c.x[k], c.y[k] = p.point(x, y, z)
				c.depth += p.depth(x, y, z) / 4
				c.z += z / 4
			}
			if ok {
				cells = append(cells, c)
			}
		}
	}
	slices.SortStableFunc(cells, func(a, b cell) int { return cmp.Compare(a.depth, b.depth) })
	l := &polyLayer{name: s.Name, edge: lineStyle(s.Style, nil)}
	if s.Style.LineWidth <= 0 {
		l.edge.Width = vg.Points(0.5)
	}
	zr := s.zRange()
	m := s.Map
	l.thumb = m.At(0.5)
	switch {
	case s.Wireframe:
		l.edge.Color = colour(s.Style)
		l.thumb = l.edge.Color
	case s.Style.Color != nil:
		l.edge.Color = s.Style.Color
	default:
		l.edge.Color = color.NRGBA{0x30, 0x30, 0x30, 0x60}
	}
	for _, c := range cells {
		l.x, l.y = append(l.x, c.x), append(l.y, c.y)
		if !s.Wireframe {
			t := 0.5
			if zr.Max > zr.Min {
				t = (c.z - zr.Min) / (zr.Max - zr.Min)
			}
			l.fill = append(l.fill, m.At(t))
		}
	}
	return l
}
