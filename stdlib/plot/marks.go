package plot

import (
	"errors"
	"image/color"
	"math"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ErrorBars are points (X[i], Y[i]) with error bars, as matplotlib's
// errorbar: a vertical bar from Y[i]−YLo[i] to Y[i]+YHi[i] and, if XLo and
// XHi are set, a horizontal one from X[i]−XLo[i] to X[i]+XHi[i], each with
// caps, and a dot at the point. Nil error slices draw no bar; points with a
// non-finite coordinate are left out.
type ErrorBars struct {
	X, Y     []float64
	YLo, YHi []float64
	XLo, XHi []float64
	Name     string
	Style    Style
}

// Kind names the sort of series.
func (e *ErrorBars) Kind() string { return "errorbar" }

// Label is the legend entry.
func (e *ErrorBars) Label() string { return e.Name }

// Len is the number of points.
func (e *ErrorBars) Len() int { return len(e.X) }

func (e *ErrorBars) check() error {
	if err := sameLengths("x", e.X, "y", e.Y); err != nil {
		return err
	}
	for _, v := range []struct {
		name string
		d    []float64
	}{{"yerr", e.YLo}, {"yerr", e.YHi}, {"xerr", e.XLo}, {"xerr", e.XHi}} {
		if v.d != nil {
			if err := sameLengths("x", e.X, v.name, v.d); err != nil {
				return err
			}
		}
	}
	return nil
}

// Band is the region between two curves over the same x, Y1[i] to Y2[i]
// at X[i], filled with a translucent colour, as matplotlib's fill_between.
// Non-finite points break the band.
type Band struct {
	X, Y1, Y2 []float64
	Name      string
	Style     Style
}

// Kind names the sort of series.
func (b *Band) Kind() string { return "fill_between" }

// Label is the legend entry.
func (b *Band) Label() string { return b.Name }

// Len is the number of points.
func (b *Band) Len() int { return len(b.X) }

func (b *Band) check() error {
	if err := sameLengths("x", b.X, "y1", b.Y1); err != nil {
		return err
	}
	return sameLengths("x", b.X, "y2", b.Y2)
}

// Note is a text at (X, Y) in data coordinates, as matplotlib's text, or
// with Arrow an annotation: the text at (X, Y) and an arrow from it to the
// point (AX, AY), as matplotlib's annotate.
type Note struct {
	X, Y   float64
	Text   string
	Arrow  bool
	AX, AY float64
	Size   float64 // in points (default 10)
	Style  Style   // Color
}

// Kind names the sort of series.
func (n *Note) Kind() string { return "text" }

// Label is the legend entry: notes have none.
func (n *Note) Label() string { return "" }

// Len is 1.
func (n *Note) Len() int { return 1 }

func (n *Note) check() error {
	if !finite(n.X) || !finite(n.Y) || n.Arrow && (!finite(n.AX) || !finite(n.AY)) {
		return errors.New("a text's position must be finite")
	}
	return nil
}

// errLayer draws error bars with caps and the points.
type errLayer struct {
	x, y, y0, y1, x0, x1 []float64 // the bars' ends; NaN for none
	line                 draw.LineStyle
	dot                  *draw.GlyphStyle
	name                 string
}

func newErrLayer(e *ErrorBars, sx, sy Scale, c color.Color) *errLayer {
	n := len(e.X)
	ends := func(v, lo, hi []float64, s Scale) ([]float64, []float64) {
		a, b := make([]float64, n), make([]float64, n)
		for i := range v {
			a[i], b[i] = math.NaN(), math.NaN()
			if lo != nil {
				a[i] = v[i] - lo[i]
			}
			if hi != nil {
				b[i] = v[i] + hi[i]
			}
		}
		return logged(a, s), logged(b, s)
	}
	l := &errLayer{x: logged(e.X, sx), y: logged(e.Y, sy), name: e.Name}
	l.y0, l.y1 = ends(e.Y, e.YLo, e.YHi, sy)
	l.x0, l.x1 = ends(e.X, e.XLo, e.XHi, sx)
	l.line = lineStyle(Style{LineWidth: e.Style.LineWidth}, c)
	if e.Style.LineWidth <= 0 {
		l.line.Width = vg.Points(1)
	}
	l.dot = glyphStyle(e.Style, c)
	return l
}

func (l *errLayer) label() string { return l.name }

func (l *errLayer) bounds() (float64, float64, float64, float64) {
	all := &lineLayer{}
	for i := range l.x {
		for _, p := range [][2]float64{{l.x[i], l.y[i]}, {l.x[i], l.y0[i]}, {l.x[i], l.y1[i]}, {l.x0[i], l.y[i]}, {l.x1[i], l.y[i]}} {
			if finite(l.x[i]) && finite(l.y[i]) {
				all.x, all.y = append(all.x, p[0]), append(all.y, p[1])
			}
		}
	}
	return all.bounds()
}

// capSize is half the width of an error bar's cap, in points.
const capSize = 3

func (l *errLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	var lines [][]vg.Point
	for i := range l.x {
		if !finite(l.x[i]) || !finite(l.y[i]) {
			continue
		}
		x, y := trX(l.x[i]), trY(l.y[i])
		for _, e := range []float64{l.y0[i], l.y1[i]} {
			if finite(e) {
				ey := trY(e)
				lines = append(lines, []vg.Point{{X: x, Y: y}, {X: x, Y: ey}}, []vg.Point{{X: x - capSize, Y: ey}, {X: x + capSize, Y: ey}})
			}
		}
		for _, e := range []float64{l.x0[i], l.x1[i]} {
			if finite(e) {
				ex := trX(e)
				lines = append(lines, []vg.Point{{X: x, Y: y}, {X: ex, Y: y}}, []vg.Point{{X: ex, Y: y - capSize}, {X: ex, Y: y + capSize}})
			}
		}
	}
	c.StrokeLines(l.line, c.ClipLinesXY(lines...)...)
	for i := range l.x {
		if finite(l.x[i]) && finite(l.y[i]) {
			c.DrawGlyph(*l.dot, vg.Point{X: trX(l.x[i]), Y: trY(l.y[i])})
		}
	}
}

func (l *errLayer) Thumbnail(c *draw.Canvas) {
	x := c.Center().X
	c.StrokeLine2(l.line, x, c.Min.Y, x, c.Max.Y)
	c.DrawGlyphNoClip(*l.dot, c.Center())
}

func (l *errLayer) dots(d *dotCanvas) {
	for i := range l.x {
		if !finite(l.x[i]) || !finite(l.y[i]) {
			continue
		}
		d.point(l.x[i], l.y[i])
		for _, e := range []float64{l.y0[i], l.y1[i]} {
			if finite(e) {
				d.line(l.x[i], l.y[i], l.x[i], e)
			}
		}
		for _, e := range []float64{l.x0[i], l.x1[i]} {
			if finite(e) {
				d.line(l.x[i], l.y[i], e, l.y[i])
			}
		}
	}
}

// bandLayer fills the region between two curves, run by run of finite
// points.
type bandLayer struct {
	x, y1, y2 []float64
	fill      color.Color
	name      string
}

func (b *bandLayer) label() string { return b.name }

func (b *bandLayer) bounds() (float64, float64, float64, float64) {
	l := &lineLayer{x: append(append([]float64(nil), b.x...), b.x...), y: append(append([]float64(nil), b.y1...), b.y2...)}
	return l.bounds()
}

// runs calls f with each maximal run of points finite on both curves.
func (b *bandLayer) runs(f func(lo, hi int)) {
	ok := make([]float64, len(b.x))
	for i := range ok {
		if !finite(b.y1[i]) || !finite(b.y2[i]) {
			ok[i] = math.NaN()
		}
	}
	runs(b.x, ok, f)
}

func (b *bandLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	b.runs(func(lo, hi int) {
		var pts []vg.Point
		for i := lo; i < hi; i++ {
			pts = append(pts, vg.Point{X: trX(b.x[i]), Y: trY(b.y1[i])})
		}
		for i := hi - 1; i >= lo; i-- {
			pts = append(pts, vg.Point{X: trX(b.x[i]), Y: trY(b.y2[i])})
		}
		c.FillPolygon(b.fill, c.ClipPolygonXY(pts))
	})
}

func (b *bandLayer) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(b.fill, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}

func (b *bandLayer) dots(d *dotCanvas) {
	b.runs(func(lo, hi int) {
		for i := lo; i < hi; i++ {
			d.line(b.x[i], b.y1[i], b.x[i], b.y2[i])
		}
	})
}

// translucent returns c at the opacity matplotlib's fill_between examples
// use, so that what lies under a band shows through.
func translucent(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	const alpha = 89 // 0.35 of 255
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), alpha}
}

// noteLayer writes a text, with an arrow from it to a point.
type noteLayer struct {
	n          *Note
	x, y       float64 // the text's place
	ax, ay     float64 // the arrow's point
	line       draw.LineStyle
	textColour color.Color
}

func (l *noteLayer) label() string { return "" }

func (l *noteLayer) bounds() (float64, float64, float64, float64) {
	if l.n.Arrow {
		return math.Min(l.x, l.ax), math.Max(l.x, l.ax), math.Min(l.y, l.ay), math.Max(l.y, l.ay)
	}
	return l.x, l.x, l.y, l.y
}

func (l *noteLayer) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	size := l.n.Size
	if size <= 0 {
		size = 10
	}
	style := sans(size)
	style.Color = l.textColour
	at := vg.Point{X: trX(l.x), Y: trY(l.y)}
	if l.n.Arrow {
		to := vg.Point{X: trX(l.ax), Y: trY(l.ay)}
		// Start the arrow at the edge of the text's box, not under it.
		w, h := style.Width(l.n.Text)/2+2, style.Height(l.n.Text)/2+2
		dx, dy := float64(to.X-at.X), float64(to.Y-at.Y)
		if n := math.Hypot(dx, dy); n > 0 {
			k := math.Min(float64(w)/math.Abs(dx+1e-300), float64(h)/math.Abs(dy+1e-300))
			k = math.Min(k, 1)
			from := vg.Point{X: at.X + vg.Length(dx*k), Y: at.Y + vg.Length(dy*k)}
			head := math.Min(0.35*n, 7)
			angle := math.Atan2(dy, dx)
			barb := func(turn float64) vg.Point {
				a := angle + math.Pi + turn
				return vg.Point{X: to.X + vg.Length(head*math.Cos(a)), Y: to.Y + vg.Length(head*math.Sin(a))}
			}
			c.StrokeLines(l.line, c.ClipLinesXY([]vg.Point{from, to}, []vg.Point{barb(arrowHead), to, barb(-arrowHead)})...)
		}
	}
	if c.Contains(at) {
		c.FillText(style, at, l.n.Text)
	}
}

func (l *noteLayer) dots(d *dotCanvas) {
	if l.n.Arrow {
		d.line(l.x, l.y, l.ax, l.ay)
	}
	d.point(l.x, l.y)
}
