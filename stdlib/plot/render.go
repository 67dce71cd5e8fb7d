package plot

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"strings"

	"calc/stdlib/dataio"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// dpi is the resolution of PNG files: a figure of Width pixels is
// Width·72/dpi points wide.
const dpi = 96

// pointsPerPixel converts pixels to vg lengths (points).
const pointsPerPixel = 72.0 / dpi

// scene is a figure resolved for drawing: its layers in 2-D data
// coordinates and the ranges of its axes.
type scene struct {
	fig     *Figure
	layers  []layer
	xr, yr  Range
	invertY bool // an image is shown: y points down
	threeD  bool
	ticks   []gplot.Tick // the names of bars on the x axis
	// width and height are the size of the plot in points.
	width, height float64
}

// resolve lays out f's series for a plot of w×h points whose data area
// has the width/height ratio aspect (3-D figures and images keep square
// units).
func (f *Figure) resolve(w, h, aspect float64) *scene {
	sc := &scene{fig: f, threeD: f.Is3D(), width: w, height: h}
	next := 0
	colour := func(st Style) color.Color {
		if st.Color != nil {
			return st.Color
		}
		c := cycle[next%len(cycle)]
		next++
		return c
	}
	if sc.threeD {
		sc.layers = f.project(colour)
	}
	for _, s := range f.Series {
		switch s := s.(type) {
		case *Line:
			l := &lineLayer{x: logged(s.X, f.XScale), y: logged(s.Y, f.YScale), line: lineStyle(s.Style, nil), name: s.Name}
			l.line.Color = colour(s.Style)
			if s.Style.Markers {
				l.markers = glyphStyle(s.Style, l.line.Color)
			}
			sc.layers = append(sc.layers, l)
		case *Scatter:
			sc.layers = append(sc.layers, &lineLayer{x: logged(s.X, f.XScale), y: logged(s.Y, f.YScale), noLine: true,
				markers: glyphStyle(s.Style, colour(s.Style)), name: s.Name})
		case *Bars:
			sc.layers = append(sc.layers, &barsLayer{x: s.X, h: s.Heights, w: s.Width, fill: colour(s.Style), name: s.Name})
			if s.Names != nil {
				for i, name := range s.Names {
					sc.ticks = append(sc.ticks, gplot.Tick{Value: s.X[i], Label: name})
				}
			}
		case *Contour:
			if s.Filled {
				sc.layers = append(sc.layers, newFilledLayer(s))
				continue
			}
			k := &contourLayer{src: s, paths: ContourLines(s.X, s.Y, s.Z, s.Levels), line: lineStyle(s.Style, nil), name: s.Name}
			for i := range s.Levels {
				var c color.Color = s.Map.At(0.5)
				switch {
				case s.Style.Color != nil:
					c = s.Style.Color
				case len(s.Levels) > 1:
					c = s.Map.At(float64(i) / float64(len(s.Levels)-1))
				}
				k.colours = append(k.colours, c)
			}
			sc.layers = append(sc.layers, k)
		case *Field:
			line := lineStyle(s.Style, nil)
			line.Color = colour(s.Style)
			sc.layers = append(sc.layers, newFieldLayer(s, line))
		case *Image:
			sc.layers = append(sc.layers, &imageLayer{img: s})
			sc.invertY = true
		case *ErrorBars:
			sc.layers = append(sc.layers, newErrLayer(s, f.XScale, f.YScale, colour(s.Style)))
		case *Band:
			sc.layers = append(sc.layers, &bandLayer{x: logged(s.X, f.XScale), y1: logged(s.Y1, f.YScale), y2: logged(s.Y2, f.YScale),
				fill: translucent(colour(s.Style)), name: s.Name})
		case *Note:
			l := &noteLayer{n: s, textColour: color.Black, line: lineStyle(Style{LineWidth: 1}, color.Black)}
			if s.Style.Color != nil {
				l.textColour, l.line.Color = s.Style.Color, s.Style.Color
			}
			l.x, l.y = logged([]float64{s.X}, f.XScale)[0], logged([]float64{s.Y}, f.YScale)[0]
			l.ax, l.ay = logged([]float64{s.AX}, f.XScale)[0], logged([]float64{s.AY}, f.YScale)[0]
			sc.layers = append(sc.layers, l)
		}
	}
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, l := range sc.layers {
		a, b, c, d := l.bounds()
		if !math.IsNaN(a) {
			x0, x1, y0, y1 = math.Min(x0, a), math.Max(x1, b), math.Min(y0, c), math.Max(y1, d)
		}
	}
	// Like matplotlib, leave 5% of room around points and lines, so that
	// they do not run along the axes; bars keep their base on the axis.
	var padX, padY, padTop bool
	for _, l := range sc.layers {
		switch l := l.(type) {
		case *lineLayer:
			padY = padY || !sc.threeD
			padX = padX || l.noLine && !sc.threeD
		case *fieldLayer, *errLayer:
			padX, padY = true, true
		case *bandLayer:
			padY = true
		case *barsLayer:
			padX, padTop = true, true
		}
	}
	sc.xr, sc.yr = fit(x0, x1), fit(y0, y1)
	if padX {
		sc.xr = widen(sc.xr, true, true)
	}
	if padY || padTop {
		sc.yr = widen(sc.yr, padY || sc.yr.Min < 0, padY || sc.yr.Max > 0)
	}
	square := sc.threeD || sc.invertY
	if !sc.threeD {
		if !f.XLim.IsZero() {
			sc.xr, square = loggedRange(f.XLim, f.XScale), false
		}
		if !f.YLim.IsZero() {
			sc.yr, square = loggedRange(f.YLim, f.YScale), false
		}
	}
	if square && aspect > 0 {
		sc.xr, sc.yr = squareUp(sc.xr, sc.yr, aspect)
	}
	return sc
}

// legendBox returns the rectangle the legend covers on c, with a little
// room around it. (gonum's Legend.Rectangle puts left and right the wrong
// way round and leaves out the offsets.)
func legendBox(l *gplot.Legend, c draw.Canvas) vg.Rectangle {
	size := l.Rectangle(c).Size()
	var r vg.Rectangle
	if l.Left {
		r.Min.X = c.Min.X + l.XOffs
		r.Max.X = r.Min.X + size.X
	} else {
		r.Max.X = c.Max.X + l.XOffs
		r.Min.X = r.Max.X - size.X
	}
	if l.Top {
		r.Max.Y = c.Max.Y + l.YOffs
		r.Min.Y = r.Max.Y - size.Y
	} else {
		r.Min.Y = c.Min.Y + l.YOffs
		r.Max.Y = r.Min.Y + size.Y
	}
	pad := vg.Points(3)
	r.Min.X, r.Min.Y, r.Max.X, r.Max.Y = r.Min.X-pad, r.Min.Y-pad, r.Max.X+pad, r.Max.Y+pad
	return r
}

// labelled reports whether some layer has a legend entry.
func (sc *scene) labelled() bool {
	for _, l := range sc.layers {
		if l.label() != "" {
			return true
		}
	}
	return false
}

// fit returns the range [lo, hi] of data, widened when it is a point and
// [0, 1] when there is no data.
func fit(lo, hi float64) Range {
	switch {
	case lo > hi:
		return Range{0, 1}
	case lo == hi:
		d := math.Max(math.Abs(lo)*0.05, 0.5)
		return Range{lo - d, hi + d}
	}
	return Range{lo, hi}
}

// widen adds 5% of r's length below it, above it, or both.
func widen(r Range, below, above bool) Range {
	d := 0.05 * (r.Max - r.Min)
	if below {
		r.Min -= d
	}
	if above {
		r.Max += d
	}
	return r
}

// squareUp widens one of the ranges about its middle so that a unit of x
// and a unit of y are equally long on a data area of the given
// width/height ratio.
func squareUp(xr, yr Range, aspect float64) (Range, Range) {
	w, h := xr.Max-xr.Min, yr.Max-yr.Min
	if w/h < aspect {
		mid, half := (xr.Min+xr.Max)/2, h*aspect/2
		return Range{mid - half, mid + half}, yr
	}
	mid, half := (yr.Min+yr.Max)/2, w/aspect/2
	return xr, Range{mid - half, mid + half}
}

// lineStyle returns the gonum style of a series' lines.
func lineStyle(st Style, c color.Color) draw.LineStyle {
	w := st.LineWidth
	if w <= 0 {
		w = 1.5
	}
	ls := draw.LineStyle{Color: c, Width: vg.Points(w)}
	switch st.Dashes {
	case "--":
		ls.Dashes = []vg.Length{vg.Points(3.7 * w), vg.Points(1.6 * w)}
	case ":":
		ls.Dashes = []vg.Length{vg.Points(w), vg.Points(1.65 * w)}
	case "-.":
		ls.Dashes = []vg.Length{vg.Points(6.4 * w), vg.Points(1.6 * w), vg.Points(w), vg.Points(1.6 * w)}
	}
	return ls
}

func glyphStyle(st Style, c color.Color) *draw.GlyphStyle {
	r := st.MarkerSize
	if r <= 0 {
		r = 2.5
	}
	return &draw.GlyphStyle{Color: c, Radius: vg.Points(r), Shape: draw.CircleGlyph{}}
}

// sans returns the text style of figures at the given size in points.
func sans(size float64) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.From(font.Font{Typeface: "Liberation", Variant: "Sans"}, vg.Points(size)),
		XAlign:  draw.XCenter,
		YAlign:  draw.YCenter,
		Handler: gplot.DefaultTextHandler,
	}
}

// gonum returns the scene as a gonum plot.
func (sc *scene) gonum() *gplot.Plot {
	f := sc.fig
	p := gplot.New()
	p.Title.Text = f.Title
	p.Title.TextStyle.Font = sans(13).Font
	p.Title.Padding = vg.Points(6)
	for _, ax := range []*gplot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle.Font = sans(11).Font
		ax.Tick.Label.Font = sans(9).Font
		ax.Padding = vg.Points(2)
	}
	if !sc.threeD { // 3-D axes are drawn, labels and all, by the projection
		p.X.Label.Text, p.Y.Label.Text = f.XLabel, f.YLabel
	}
	p.X.Tick.Marker = niceTicks{max(3, int(sc.width/55))}
	p.Y.Tick.Marker = niceTicks{max(3, int(sc.height/40))}
	if f.XScale == Log {
		p.X.Tick.Marker = logTicks{max(3, int(sc.width/55))}
	}
	if f.YScale == Log {
		p.Y.Tick.Marker = logTicks{max(3, int(sc.height/40))}
	}
	p.Legend.TextStyle.Font = sans(10).Font
	p.Legend.ThumbnailWidth = vg.Points(20)
	if f.Grid && !sc.threeD {
		g := plotter.NewGrid()
		g.Vertical = draw.LineStyle{Color: color.Gray{0xdd}, Width: vg.Points(0.5)}
		g.Horizontal = g.Vertical
		p.Add(g)
	}
	for _, l := range sc.layers {
		p.Add(l)
		if name := l.label(); name != "" {
			if t, ok := l.(gplot.Thumbnailer); ok {
				p.Legend.Add(name, t)
			}
		}
	}
	p.X.Min, p.X.Max = sc.xr.Min, sc.xr.Max
	p.Y.Min, p.Y.Max = sc.yr.Min, sc.yr.Max
	if sc.invertY {
		p.Y.Scale = gplot.InvertedScale{Normalizer: gplot.LinearScale{}}
	}
	if sc.ticks != nil {
		p.X.Tick.Marker = gplot.ConstantTicks(sc.ticks)
	}
	switch f.Legend {
	case "top left":
		p.Legend.Left = true
		p.Legend.Top = true
	case "bottom left":
		p.Legend.Left = true
	case "bottom right":
	default:
		p.Legend.Top = true
	}
	p.Legend.XOffs, p.Legend.YOffs = vg.Points(-6), vg.Points(-6)
	if p.Legend.Left {
		p.Legend.XOffs = vg.Points(6)
	}
	if !p.Legend.Top {
		p.Legend.YOffs = vg.Points(6)
	}
	if sc.threeD {
		p.HideAxes()
	}
	return p
}

// titleHeight is the room a panel grid's title takes, in points.
const titleHeight = 24

// dataAspect estimates the width/height ratio of the data area of a
// figure drawn in w×h points: the canvas less the axes and the title.
func (f *Figure) dataAspect(w, h float64) float64 {
	if f.Title != "" {
		h -= titleHeight
	}
	if _, ok := f.colorbarOf(); ok && f.Colorbar {
		w -= colorbarWidth
	}
	if !f.Is3D() {
		w -= 50
		h -= 35
		if f.XLabel != "" {
			h -= 14
		}
		if f.YLabel != "" {
			w -= 14
		}
	}
	return max(w, 1) / max(h, 1)
}

// margin is the blank border around a plot, in points.
const margin = 6

// draw draws the figure on c.
func (f *Figure) draw(c draw.Canvas) {
	if len(f.Panels) == 0 {
		c.SetColor(color.White)
		c.Fill(c.Rectangle.Path())
		c = draw.Crop(c, margin/2, -margin, margin/2, -margin)
		size := c.Size()
		w, h := float64(size.X), float64(size.Y)
		sc := f.resolve(w, h, f.dataAspect(w, h))
		p := sc.gonum()
		// The legend goes on last, on a pale ground, so that it stays
		// legible over the data.
		legend := p.Legend
		p.Legend = gplot.NewLegend()
		bar, hasBar := f.colorbarOf()
		hasBar = hasBar && f.Colorbar
		whole := c
		if hasBar {
			c.Max.X -= colorbarWidth
		}
		p.Draw(c)
		area := p.DataCanvas(c)
		if hasBar {
			bar.draw(whole, area)
		}
		if f.Legend != "none" && sc.labelled() {
			box := legendBox(&legend, area)
			area.SetColor(color.NRGBA{0xff, 0xff, 0xff, 0xd0})
			area.Fill(box.Path())
			legend.Draw(area)
		}
		return
	}
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	if f.Title != "" {
		style := sans(14)
		style.YAlign = draw.YTop
		c.FillText(style, vg.Point{X: c.Center().X, Y: c.Max.Y - 4}, f.Title)
		c.Max.Y -= titleHeight
	}
	tiles := draw.Tiles{Rows: f.Rows(), Cols: f.Cols, PadX: 12, PadY: 12, PadTop: 4, PadBottom: 4, PadLeft: 4, PadRight: 8}
	for i, panel := range f.Panels {
		panel.draw(tiles.At(c, i%f.Cols, i/f.Cols))
	}
}

// Formats are the file formats figures are written in.
var Formats = []string{"png", "svg", "pdf"}

// FormatOf returns the format that path's extension names.
func FormatOf(path string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	for _, f := range Formats {
		if ext == f {
			return f, nil
		}
	}
	if ext == "" {
		return "", fmt.Errorf("%q has no file extension: name it .png, .svg or .pdf", path)
	}
	return "", fmt.Errorf("unknown file extension %q: use .png, .svg or .pdf", "."+ext)
}

// Write draws f and writes it to w as a "png", "svg" or "pdf" file.
func (f *Figure) Write(w io.Writer, format string) error { return f.WriteStop(w, format, nil) }

// ErrStopped is the error of a drawing that its stop function stopped.
var ErrStopped = errors.New("stopped")

// WriteStop is Write that polls stop (when not nil) before each stroke,
// fill, text and image it draws, and gives up with ErrStopped once stop
// reports true: rasterizing a million markers takes seconds, and Ctrl-C
// or a time limit must end it.
func (f *Figure) WriteStop(w io.Writer, format string, stop func() bool) error {
	pw, ph := f.Size()
	if err := CheckSize(pw, ph); err != nil {
		return err
	}
	width, height := vg.Length(float64(pw)*pointsPerPixel), vg.Length(float64(ph)*pointsPerPixel)
	var canvas vg.CanvasWriterTo
	switch format {
	case "png":
		canvas = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(dpi))}
	case "svg":
		canvas = vgsvg.New(width, height)
	case "pdf":
		canvas = vgpdf.New(width, height)
	default:
		return fmt.Errorf("unknown format %q: png, svg or pdf", format)
	}
	stopping := &stoppingCanvas{CanvasWriterTo: canvas, stop: stop}
	f.draw(draw.New(stopping))
	if stopping.stopped {
		return ErrStopped
	}
	_, err := canvas.WriteTo(w)
	return err
}

// stoppingCanvas is a canvas whose drawing operations do nothing once its
// stop function has reported true.
type stoppingCanvas struct {
	vg.CanvasWriterTo
	stop    func() bool
	stopped bool
}

// skip reports whether drawing has stopped, polling stop.
func (c *stoppingCanvas) skip() bool {
	if !c.stopped && c.stop != nil && c.stop() {
		c.stopped = true
	}
	return c.stopped
}

func (c *stoppingCanvas) Stroke(p vg.Path) {
	if !c.skip() {
		c.CanvasWriterTo.Stroke(p)
	}
}

func (c *stoppingCanvas) Fill(p vg.Path) {
	if !c.skip() {
		c.CanvasWriterTo.Fill(p)
	}
}

func (c *stoppingCanvas) FillString(f font.Face, pt vg.Point, text string) {
	if !c.skip() {
		c.CanvasWriterTo.FillString(f, pt, text)
	}
}

func (c *stoppingCanvas) DrawImage(r vg.Rectangle, img image.Image) {
	if !c.skip() {
		c.CanvasWriterTo.DrawImage(r, img)
	}
}

// Save writes f to the file path in the format its extension names (.png,
// .svg or .pdf), atomically, as dataio.WriteFile writes: a failed write
// leaves any previous file untouched, readers never see half a picture,
// and only a regular file is replaced.
func (f *Figure) Save(path string) error { return f.SaveStop(path, nil) }

// SaveStop is Save that stops drawing as WriteStop does.
func (f *Figure) SaveStop(path string, stop func() bool) error {
	format, err := FormatOf(path)
	if err != nil {
		return err
	}
	return dataio.WriteFile(path, func(w io.Writer) error { return f.WriteStop(w, format, stop) })
}
