// Package plot makes figures—line plots, scatter plots, histograms, bar
// charts, contour plots, vector fields, 3-D curves in projection and
// images—and draws them to PNG, SVG or PDF files with gonum/plot, or as
// Unicode braille text for a terminal.
//
// A Figure is a value: its methods never change it, and the ones that
// make a variation (With, Clone) return a new figure sharing the series,
// which are never changed either. So figures can be kept, passed around
// and extended freely.
package plot

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Default size of a figure in pixels (of a PNG at 96 dots per inch; SVG
// and PDF files are the same size at 72 points per inch, 3/4 as many
// points as pixels).
const (
	DefaultWidth  = 640
	DefaultHeight = 480
)

// MaxSide bounds a figure's width and height in pixels.
const MaxSide = 8000

// Figure is a picture: series drawn on one pair of axes, or a grid of
// figures (Panels). Zero values of its fields mean the defaults.
type Figure struct {
	// Width and Height are the size in pixels (default 640×480).
	Width, Height int
	// Title is drawn above the axes (above the panels of a grid).
	Title string
	// XLabel, YLabel and ZLabel name the axes (ZLabel: of 3-D figures).
	XLabel, YLabel, ZLabel string
	// XLim and YLim fix the axes' ranges; the zero Range fits the data.
	XLim, YLim Range
	// XScale and YScale are the axes' scales (Linear by default; Log for
	// line and scatter plots).
	XScale, YScale Scale
	// Grid draws grid lines at the ticks.
	Grid bool
	// Colorbar draws, right of the axes, the colour scale of the topmost
	// series drawn through a colour map (contour, filled contour,
	// one-channel image, filled surface).
	Colorbar bool
	// Legend places the legend: "" or "top right", "top left", "bottom
	// left", "bottom right", or "none". A legend appears when some series
	// has a label.
	Legend string
	// View is the direction 3-D series are seen from (default azimuth
	// -60°, elevation 30°, as in matplotlib).
	View *View
	// Series are drawn in order, the first at the bottom.
	Series []Series
	// Panels, if any, make the figure a grid of figures, Cols per row,
	// filled row by row. A figure has either series or panels.
	Panels []*Figure
	Cols   int
}

// Range is an interval of an axis. The zero Range means "fit the data".
type Range struct {
	Min, Max float64
}

// IsZero reports whether r is the zero Range.
func (r Range) IsZero() bool { return r.Min == 0 && r.Max == 0 }

// View is the direction a 3-D figure is seen from, in degrees, as in
// matplotlib: the azimuth turns the eye about the z axis (0 looks from
// the +x side, -90 from the -y side), the elevation lifts it above the
// x–y plane (90 looks down from the top).
type View struct {
	Azim, Elev float64
}

// DefaultView is matplotlib's default view of 3-D axes.
var DefaultView = View{Azim: -60, Elev: 30}

// Series is one set of data drawn in a figure: *Line, *Scatter, *Bars,
// *Contour, *Field, *Line3, *Surface, *Image, *ErrorBars, *Band or *Note.
type Series interface {
	// Kind names the sort of series: "line", "scatter", "hist", "bar",
	// "contour", "quiver", "line3" or "image".
	Kind() string
	// Label is the series' legend entry; "" leaves it out of the legend.
	Label() string
	// Len is the number of points (or bars, grid values, arrows, pixels).
	Len() int
	// check reports inconsistent data, such as x and y of different lengths.
	check() error
}

// Size returns the figure's width and height in pixels, with the
// defaults filled in.
func (f *Figure) Size() (w, h int) {
	w, h = f.Width, f.Height
	if w <= 0 {
		w = DefaultWidth
	}
	if h <= 0 {
		h = DefaultHeight
	}
	return w, h
}

// Clone returns a shallow copy of f, for making a variation of it: the
// copy's slices may be replaced but never changed in place.
func (f *Figure) Clone() *Figure {
	g := *f
	return &g
}

// With returns a copy of f with the series added on top. It refuses series
// with inconsistent data, series added to a grid of panels, and 3-D
// series mixed with 2-D ones.
func (f *Figure) With(series ...Series) (*Figure, error) {
	if len(f.Panels) > 0 {
		return nil, errors.New("a grid of panels holds figures, not series")
	}
	for _, s := range series {
		if err := s.check(); err != nil {
			return nil, err
		}
	}
	all := append(append([]Series(nil), f.Series...), series...)
	threeD := 0
	for _, s := range all {
		if is3D(s) {
			threeD++
		}
	}
	if threeD > 0 && threeD < len(all) {
		return nil, errors.New("a 3-D figure holds only 3-D series (plot3, plot_surface), and a 2-D figure no 3-D ones")
	}
	g := f.Clone()
	g.Series = all
	return g, nil
}

// Grid returns a figure that shows the panels in a grid of cols columns
// (0 chooses about as many columns as rows).
func Grid(panels []*Figure, cols int) (*Figure, error) {
	if len(panels) == 0 {
		return nil, errors.New("a grid needs at least one figure")
	}
	if cols <= 0 {
		cols = int(math.Ceil(math.Sqrt(float64(len(panels)))))
	}
	cols = min(cols, len(panels))
	rows := (len(panels) + cols - 1) / cols
	return &Figure{
		Width:  min(MaxSide, max(DefaultWidth, 480*cols)),
		Height: min(MaxSide, max(DefaultHeight*rows/2, 360*rows)),
		Panels: append([]*Figure(nil), panels...),
		Cols:   cols,
	}, nil
}

// Rows returns the number of rows of a grid of panels.
func (f *Figure) Rows() int {
	if len(f.Panels) == 0 {
		return 0
	}
	return (len(f.Panels) + f.Cols - 1) / f.Cols
}

// Is3D reports whether the figure shows 3-D series.
func (f *Figure) Is3D() bool {
	return slices.ContainsFunc(f.Series, is3D)
}

// is3D reports whether s is a series in space.
func is3D(s Series) bool {
	switch s.(type) {
	case *Line3, *Surface:
		return true
	}
	return false
}

// view returns the view with the default filled in.
func (f *Figure) view() View {
	if f.View == nil {
		return DefaultView
	}
	return *f.View
}

// String describes the figure in a line: its size, title and contents,
// as in "<figure 640×480: Lorenz attractor, 1 series>".
func (f *Figure) String() string {
	w, h := f.Size()
	var parts []string
	if f.Title != "" {
		parts = append(parts, f.Title)
	}
	switch {
	case len(f.Panels) > 0:
		parts = append(parts, fmt.Sprintf("%d×%d panels", f.Rows(), f.Cols))
	case len(f.Series) > 0:
		parts = append(parts, fmt.Sprintf("%d series", len(f.Series)))
	default:
		parts = append(parts, "empty")
	}
	return fmt.Sprintf("<figure %d×%d: %s>", w, h, strings.Join(parts, ", "))
}

// TypeName is "figure", the name calc's type() gives figures.
func (f *Figure) TypeName() string { return "figure" }

// CheckSize reports a width or height that is not a number of pixels
// between 1 and MaxSide.
func CheckSize(w, h int) error {
	if w < 1 || h < 1 || w > MaxSide || h > MaxSide {
		return fmt.Errorf("a figure's size must be between 1 and %d pixels a side, not %d×%d", MaxSide, w, h)
	}
	return nil
}

// CheckRange reports a range that is empty, reversed or not finite.
func CheckRange(r Range) error {
	if !finite(r.Min) || !finite(r.Max) || r.Min >= r.Max {
		return fmt.Errorf("a range needs finite lo < hi, not [%g, %g]", r.Min, r.Max)
	}
	return nil
}

// Relabel returns a copy of f whose first len(names) series have the
// given legend labels.
func (f *Figure) Relabel(names []string) (*Figure, error) {
	if len(names) > len(f.Series) {
		return nil, fmt.Errorf("%d labels for %d series", len(names), len(f.Series))
	}
	g := f.Clone()
	g.Series = append([]Series(nil), f.Series...)
	for i, name := range names {
		g.Series[i] = withName(g.Series[i], name)
	}
	return g, nil
}

// withName returns a copy of s labelled name.
func withName(s Series, name string) Series {
	switch s := s.(type) {
	case *Line:
		c := *s
		c.Name = name
		return &c
	case *Scatter:
		c := *s
		c.Name = name
		return &c
	case *Bars:
		c := *s
		c.Name = name
		return &c
	case *Contour:
		c := *s
		c.Name = name
		return &c
	case *Field:
		c := *s
		c.Name = name
		return &c
	case *Line3:
		c := *s
		c.Name = name
		return &c
	case *Image:
		c := *s
		c.Name = name
		return &c
	case *Surface:
		c := *s
		c.Name = name
		return &c
	case *ErrorBars:
		c := *s
		c.Name = name
		return &c
	case *Band:
		c := *s
		c.Name = name
		return &c
	}
	return s
}

// Limits returns the ranges of a 2-D figure's axes at its size: XLim and
// YLim if set, otherwise the extent of the data (widened, for images, to
// keep pixels square).
func (f *Figure) Limits() (x, y Range) {
	w, h := f.Size()
	pw, ph := float64(w)*pointsPerPixel, float64(h)*pointsPerPixel
	sc := f.resolve(pw, ph, f.dataAspect(pw, ph))
	return unlogged(sc.xr, f.XScale), unlogged(sc.yr, f.YScale)
}
