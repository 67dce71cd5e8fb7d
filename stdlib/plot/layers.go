package plot

import (
	"image"
	"image/color"
	"math"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// A layer is a series resolved for drawing: in 2-D data coordinates (3-D
// curves already projected), with its colours chosen. It draws itself on
// a gonum plot and on a terminal's dot canvas.
type layer interface {
	gplot.Plotter
	// bounds is the data's extent; NaNs when there is no finite datum.
	bounds() (xmin, xmax, ymin, ymax float64)
	// dots draws the layer on a dot canvas.
	dots(d *dotCanvas)
	// label is the legend entry ("" for none).
	label() string
}

// lineLayer draws polylines, broken at non-finite points, and optionally
// markers at the points.
type lineLayer struct {
	x, y    []float64
	line    draw.LineStyle
	noLine  bool
	markers *draw.GlyphStyle
	name    string
}

func (l *lineLayer) label() string { return l.name }

func (l *lineLayer) bounds() (float64, float64, float64, float64) {
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := range l.x {
		if finite(l.x[i]) && finite(l.y[i]) {
			x0, x1 = math.Min(x0, l.x[i]), math.Max(x1, l.x[i])
			y0, y1 = math.Min(y0, l.y[i]), math.Max(y1, l.y[i])
		}
	}
	if x0 > x1 {
		return math.NaN(), math.NaN(), math.NaN(), math.NaN()
	}
	return x0, x1, y0, y1
}

// runs calls f with each maximal run of finite points.
func runs(x, y []float64, f func(lo, hi int)) {
	start := -1
	for i := range x {
		ok := finite(x[i]) && finite(y[i])
		switch {
		case ok && start < 0:
			start = i
		case !ok && start >= 0:
			f(start, i)
			start = -1
		}
	}
	if start >= 0 {
		f(start, len(x))
	}
}

func (l *lineLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	if !l.noLine {
		var lines [][]vg.Point
		runs(l.x, l.y, func(lo, hi int) {
			pts := make([]vg.Point, 0, hi-lo)
			for i := lo; i < hi; i++ {
				pts = append(pts, vg.Point{X: trX(l.x[i]), Y: trY(l.y[i])})
			}
			lines = append(lines, thin(pts))
		})
		c.StrokeLines(l.line, c.ClipLinesXY(lines...)...)
	}
	if l.markers != nil {
		for i := range l.x {
			if finite(l.x[i]) && finite(l.y[i]) {
				c.DrawGlyph(*l.markers, vg.Point{X: trX(l.x[i]), Y: trY(l.y[i])})
			}
		}
	}
}

// thin drops the points of a polyline that change nothing visible: of a
// run of points within a quarter point of each other horizontally, it
// keeps the first, the lowest, the highest and the last, in their order
// (the "M4" reduction of Jugel et al., VLDB 2014). A line of 100,000
// samples across a 640-pixel plot so becomes about 2,600 points and
// draws as it would in full.
func thin(pts []vg.Point) []vg.Point {
	const cell = vg.Length(0.25)
	if len(pts) < 4096 {
		return pts
	}
	out := make([]vg.Point, 0, len(pts)/8)
	for i := 0; i < len(pts); {
		col := math.Floor(float64(pts[i].X / cell))
		j, lo, hi := i+1, i, i
		for j < len(pts) && math.Floor(float64(pts[j].X/cell)) == col {
			if pts[j].Y < pts[lo].Y {
				lo = j
			}
			if pts[j].Y > pts[hi].Y {
				hi = j
			}
			j++
		}
		last := j - 1
		out = append(out, pts[i])
		a, b := min(lo, hi), max(lo, hi)
		for _, k := range [3]int{a, b, last} {
			if k != i && (len(out) == 0 || out[len(out)-1] != pts[k]) {
				out = append(out, pts[k])
			}
		}
		i = j
	}
	return out
}

func (l *lineLayer) Thumbnail(c *draw.Canvas) {
	if !l.noLine {
		y := c.Center().Y
		c.StrokeLine2(l.line, c.Min.X, y, c.Max.X, y)
	}
	if l.markers != nil {
		c.DrawGlyphNoClip(*l.markers, c.Center())
	}
}

func (l *lineLayer) dots(d *dotCanvas) {
	if !l.noLine {
		runs(l.x, l.y, func(lo, hi int) {
			if hi-lo == 1 {
				d.point(l.x[lo], l.y[lo])
			}
			for i := lo + 1; i < hi; i++ {
				d.line(l.x[i-1], l.y[i-1], l.x[i], l.y[i])
			}
		})
	}
	if l.markers != nil {
		for i := range l.x {
			if finite(l.x[i]) && finite(l.y[i]) {
				d.point(l.x[i], l.y[i])
			}
		}
	}
}

// barsLayer draws bars of width w centred at x, from 0 to h.
type barsLayer struct {
	x, h []float64
	w    float64
	fill color.Color
	name string
}

func (b *barsLayer) label() string { return b.name }

func (b *barsLayer) bounds() (float64, float64, float64, float64) {
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), 0.0, 0.0
	for i := range b.x {
		if finite(b.x[i]) && finite(b.h[i]) {
			x0, x1 = math.Min(x0, b.x[i]-b.w/2), math.Max(x1, b.x[i]+b.w/2)
			y0, y1 = math.Min(y0, b.h[i]), math.Max(y1, b.h[i])
		}
	}
	if x0 > x1 {
		return math.NaN(), math.NaN(), math.NaN(), math.NaN()
	}
	return x0, x1, y0, y1
}

func (b *barsLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	edge := draw.LineStyle{Color: color.White, Width: vg.Points(0.5)}
	for i := range b.x {
		if !finite(b.x[i]) || !finite(b.h[i]) {
			continue
		}
		x0, x1 := trX(b.x[i]-b.w/2), trX(b.x[i]+b.w/2)
		y0, y1 := trY(0), trY(b.h[i])
		pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
		c.FillPolygon(b.fill, c.ClipPolygonXY(pts))
		outline := append(pts, pts[0])
		c.StrokeLines(edge, c.ClipLinesXY(outline)...)
	}
}

func (b *barsLayer) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}}
	c.FillPolygon(b.fill, pts)
}

func (b *barsLayer) dots(d *dotCanvas) {
	for i := range b.x {
		if finite(b.x[i]) && finite(b.h[i]) {
			d.fillRect(b.x[i]-b.w/2, 0, b.x[i]+b.w/2, b.h[i])
		}
	}
}

// contourLayer draws level lines, one colour per level.
type contourLayer struct {
	src     *Contour
	paths   [][]Path
	colours []color.Color
	line    draw.LineStyle
	name    string
}

func (k *contourLayer) label() string { return k.name }

func (k *contourLayer) bounds() (float64, float64, float64, float64) {
	x, y := k.src.X, k.src.Y
	return x[0], x[len(x)-1], y[0], y[len(y)-1]
}

func (k *contourLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	for i, level := range k.paths {
		var lines [][]vg.Point
		for _, path := range level {
			pts := make([]vg.Point, len(path.X))
			for j := range path.X {
				pts[j] = vg.Point{X: trX(path.X[j]), Y: trY(path.Y[j])}
			}
			lines = append(lines, pts)
		}
		style := k.line
		style.Color = k.colours[i]
		c.StrokeLines(style, c.ClipLinesXY(lines...)...)
	}
}

func (k *contourLayer) Thumbnail(c *draw.Canvas) {
	style := k.line
	style.Color = k.colours[len(k.colours)/2]
	y := c.Center().Y
	c.StrokeLine2(style, c.Min.X, y, c.Max.X, y)
}

func (k *contourLayer) dots(d *dotCanvas) {
	for _, level := range k.paths {
		for _, path := range level {
			for j := 1; j < len(path.X); j++ {
				d.line(path.X[j-1], path.Y[j-1], path.X[j], path.Y[j])
			}
		}
	}
}

// fieldLayer draws arrows.
type fieldLayer struct {
	x, y, u, v []float64 // u and v already scaled to data lengths
	line       draw.LineStyle
	name       string
}

// newFieldLayer scales f's arrows so that the longest spans 0.9 of a cell.
func newFieldLayer(f *Field, line draw.LineStyle) *fieldLayer {
	dx, dy := f.DX, f.DY
	if dx <= 0 || dy <= 0 {
		x0, x1 := DataRange(f.X)
		y0, y1 := DataRange(f.Y)
		side := math.Max(1, math.Sqrt(float64(len(f.X)))-1)
		dx, dy = (x1-x0)/side, (y1-y0)/side
		if !(dx > 0) {
			dx = 1
		}
		if !(dy > 0) {
			dy = 1
		}
	}
	longest := 0.0
	for i := range f.U {
		if n := math.Hypot(f.U[i]/dx, f.V[i]/dy); finite(n) {
			longest = math.Max(longest, n)
		}
	}
	scale := 0.0
	if longest > 0 {
		scale = 0.9 / longest
	}
	l := &fieldLayer{x: f.X, y: f.Y, u: make([]float64, len(f.U)), v: make([]float64, len(f.V)), line: line, name: f.Name}
	for i := range f.U {
		l.u[i], l.v[i] = f.U[i]*scale, f.V[i]*scale
	}
	return l
}

func (l *fieldLayer) label() string { return l.name }

func (l *fieldLayer) bounds() (float64, float64, float64, float64) {
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := range l.x {
		if !finite(l.x[i]) || !finite(l.y[i]) {
			continue
		}
		tx, ty := l.x[i], l.y[i]
		if finite(l.u[i]) && finite(l.v[i]) {
			tx, ty = tx+l.u[i], ty+l.v[i]
		}
		x0, x1 = math.Min(x0, math.Min(l.x[i], tx)), math.Max(x1, math.Max(l.x[i], tx))
		y0, y1 = math.Min(y0, math.Min(l.y[i], ty)), math.Max(y1, math.Max(l.y[i], ty))
	}
	if x0 > x1 {
		return math.NaN(), math.NaN(), math.NaN(), math.NaN()
	}
	return x0, x1, y0, y1
}

// arrowHead is the angle of an arrowhead's barbs to its shaft.
const arrowHead = 25 * math.Pi / 180

func (l *fieldLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	var lines [][]vg.Point
	for i := range l.x {
		if !finite(l.x[i]) || !finite(l.y[i]) || !finite(l.u[i]) || !finite(l.v[i]) || l.u[i] == 0 && l.v[i] == 0 {
			continue
		}
		from := vg.Point{X: trX(l.x[i]), Y: trY(l.y[i])}
		to := vg.Point{X: trX(l.x[i] + l.u[i]), Y: trY(l.y[i] + l.v[i])}
		dx, dy := float64(to.X-from.X), float64(to.Y-from.Y)
		n := math.Hypot(dx, dy)
		if n == 0 {
			continue
		}
		head := math.Min(0.35*n, 5)
		angle := math.Atan2(dy, dx)
		barb := func(turn float64) vg.Point {
			a := angle + math.Pi + turn
			return vg.Point{X: to.X + vg.Length(head*math.Cos(a)), Y: to.Y + vg.Length(head*math.Sin(a))}
		}
		lines = append(lines, []vg.Point{from, to}, []vg.Point{barb(arrowHead), to, barb(-arrowHead)})
	}
	c.StrokeLines(l.line, c.ClipLinesXY(lines...)...)
}

func (l *fieldLayer) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(l.line, c.Min.X, y, c.Max.X, y)
}

func (l *fieldLayer) dots(d *dotCanvas) {
	for i := range l.x {
		if finite(l.x[i]) && finite(l.y[i]) && finite(l.u[i]) && finite(l.v[i]) {
			d.line(l.x[i], l.y[i], l.x[i]+l.u[i], l.y[i]+l.v[i])
		}
	}
}

// imageLayer draws an image over [0, cols]×[0, rows] on a y axis that
// points down.
type imageLayer struct {
	img *Image
}

func (m *imageLayer) label() string { return m.img.Name }

func (m *imageLayer) bounds() (float64, float64, float64, float64) {
	return 0, float64(m.img.Cols), 0, float64(m.img.Rows)
}

// minImageSide is the size in pixels small images are enlarged to, pixel
// by pixel, before the renderer scales them (smoothly) to the plot: so a
// 10×10 matrix shows as sharp squares rather than a blur.
const minImageSide = 1024

func (m *imageLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	im := m.img
	k := max(1, minImageSide/max(im.Rows, im.Cols))
	rgba := image.NewRGBA(image.Rect(0, 0, im.Cols*k, im.Rows*k))
	for r := range im.Rows {
		for col := range im.Cols {
			px := im.at(r, col)
			for dy := range k {
				for dx := range k {
					rgba.SetRGBA(col*k+dx, r*k+dy, px)
				}
			}
		}
	}
	x0, x1 := trX(0), trX(float64(im.Cols))
	y0, y1 := trY(float64(im.Rows)), trY(0)
	rect := vg.Rectangle{Min: vg.Point{X: min(x0, x1), Y: min(y0, y1)}, Max: vg.Point{X: max(x0, x1), Y: max(y0, y1)}}
	c.DrawImage(rect, rgba)
}

func (m *imageLayer) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}}
	c.FillPolygon(m.img.Map.At(0.5), pts)
}

func (m *imageLayer) dots(d *dotCanvas) {
	d.image(m.img)
}

// textLayer writes labels centred at points (the axes of 3-D figures).
type textLayer struct {
	x, y  []float64
	texts []string
	style text.Style
}

func (t *textLayer) label() string { return "" }

func (t *textLayer) bounds() (float64, float64, float64, float64) {
	return math.NaN(), math.NaN(), math.NaN(), math.NaN()
}

func (t *textLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	for i, s := range t.texts {
		c.FillText(t.style, vg.Point{X: trX(t.x[i]), Y: trY(t.y[i])}, s)
	}
}

func (t *textLayer) dots(*dotCanvas) {}
