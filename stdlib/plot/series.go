package plot

import (
	"fmt"
	"image/color"
	"math"
	"slices"
)

// Style is how a series is drawn. Zero values mean the defaults.
type Style struct {
	// Color is the colour; nil takes the next colour of the figure's
	// cycle (matplotlib's tab10).
	Color color.Color
	// LineWidth is the width of lines in points (default 1.5).
	LineWidth float64
	// Dashes is the line's pattern: "-" (solid, the default), "--"
	// (dashed), ":" (dotted) or "-." (dash-dot).
	Dashes string
	// Markers draws a dot at each point of a line.
	Markers bool
	// MarkerSize is the radius of markers in points (default 2.5).
	MarkerSize float64
}

// CheckDashes reports an unknown line pattern.
func CheckDashes(d string) error {
	switch d {
	case "", "-", "--", ":", "-.":
		return nil
	}
	return fmt.Errorf("unknown line style %q (-, --, : or -.)", d)
}

// Line is a curve through the points (X[i], Y[i]) in order. A point with
// a NaN or infinite coordinate is a gap: the line stops before it and
// starts again after it.
type Line struct {
	X, Y  []float64
	Name  string
	Style Style
}

// Kind names the sort of series.
func (l *Line) Kind() string { return "line" }

// Label is the legend entry.
func (l *Line) Label() string { return l.Name }

// Len is the number of points.
func (l *Line) Len() int     { return len(l.X) }
func (l *Line) check() error { return sameLengths("x", l.X, "y", l.Y) }

// Scatter is a set of points (X[i], Y[i]) drawn as dots. Points with a
// NaN or infinite coordinate are left out.
type Scatter struct {
	X, Y  []float64
	Name  string
	Style Style
}

// Kind names the sort of series.
func (s *Scatter) Kind() string { return "scatter" }

// Label is the legend entry.
func (s *Scatter) Label() string { return s.Name }

// Len is the number of points.
func (s *Scatter) Len() int     { return len(s.X) }
func (s *Scatter) check() error { return sameLengths("x", s.X, "y", s.Y) }

// Bars is a bar chart or a histogram: bars of the given Heights centred
// at X, all Width wide. Names, if given, label the bars instead of
// numbers on the x axis.
type Bars struct {
	X, Heights []float64
	Width      float64
	Names      []string
	// Histogram says the bars are a histogram's bins (Kind "hist").
	Histogram bool
	Name      string
	Style     Style
}

// Kind names the sort of series.
func (b *Bars) Kind() string {
	if b.Histogram {
		return "hist"
	}
	return "bar"
}

// Label is the legend entry.
func (b *Bars) Label() string { return b.Name }

// Len is the number of bars.
func (b *Bars) Len() int { return len(b.X) }
func (b *Bars) check() error {
	if err := sameLengths("x", b.X, "heights", b.Heights); err != nil {
		return err
	}
	if b.Names != nil && len(b.Names) != len(b.X) {
		return fmt.Errorf("%d names for %d bars", len(b.Names), len(b.X))
	}
	if !(b.Width > 0) || math.IsInf(b.Width, 0) {
		return fmt.Errorf("the bars' width must be positive, not %g", b.Width)
	}
	return nil
}

// Contour draws the level lines of values on a grid: Z[j*len(X)+i] is the
// value at (X[i], Y[j]). Each level has a colour of Map, from the lowest
// level to the highest. Filled contours (matplotlib's contourf) colour the
// bands between levels instead: the values between the grid points are
// interpolated bilinearly, and the n levels part the range of Z into n+1
// bands, coloured evenly through Map from the lowest to the highest.
type Contour struct {
	X, Y, Z []float64
	Levels  []float64
	Map     Colormap
	Filled  bool
	Name    string
	Style   Style // LineWidth and Dashes; Color, if set, for every level
}

// Kind names the sort of series.
func (c *Contour) Kind() string {
	if c.Filled {
		return "contourf"
	}
	return "contour"
}

// Label is the legend entry.
func (c *Contour) Label() string { return c.Name }

// Len is the number of grid values.
func (c *Contour) Len() int { return len(c.Z) }
func (c *Contour) check() error {
	if len(c.X) < 2 || len(c.Y) < 2 {
		return fmt.Errorf("a contour grid needs at least 2×2 points, not %d×%d", len(c.X), len(c.Y))
	}
	if len(c.Z) != len(c.X)*len(c.Y) {
		return fmt.Errorf("a contour grid of %d×%d points needs %d values, not %d", len(c.Y), len(c.X), len(c.X)*len(c.Y), len(c.Z))
	}
	if err := increasing("x", c.X); err != nil {
		return err
	}
	if c.Filled && !slices.IsSorted(c.Levels) {
		return fmt.Errorf("the levels of filled contours must increase")
	}
	return increasing("y", c.Y)
}

// Field is a vector field: arrows from (X[i], Y[i]) along (U[i], V[i]),
// scaled together so that the longest spans about one grid cell (DX by
// DY in data units; zero estimates the cell from the points' spread).
// Arrows point in data coordinates, so a gradient field meets contour
// lines at right angles however the axes are scaled.
type Field struct {
	X, Y, U, V []float64
	DX, DY     float64
	Name       string
	Style      Style
}

// Kind names the sort of series.
func (f *Field) Kind() string { return "quiver" }

// Label is the legend entry.
func (f *Field) Label() string { return f.Name }

// Len is the number of arrows.
func (f *Field) Len() int { return len(f.X) }
func (f *Field) check() error {
	if err := sameLengths("x", f.X, "y", f.Y); err != nil {
		return err
	}
	if err := sameLengths("x", f.X, "u", f.U); err != nil {
		return err
	}
	return sameLengths("x", f.X, "v", f.V)
}

// Line3 is a curve in space through (X[i], Y[i], Z[i]), drawn in
// projection as the figure's View sees it. Non-finite points are gaps.
type Line3 struct {
	X, Y, Z []float64
	Name    string
	Style   Style
}

// Kind names the sort of series.
func (l *Line3) Kind() string { return "line3" }

// Label is the legend entry.
func (l *Line3) Label() string { return l.Name }

// Len is the number of points.
func (l *Line3) Len() int { return len(l.X) }
func (l *Line3) check() error {
	if err := sameLengths("x", l.X, "y", l.Y); err != nil {
		return err
	}
	return sameLengths("x", l.X, "z", l.Z)
}

// Image is a picture of Rows×Cols pixels, row 0 at the top, drawn over x
// from 0 to Cols and y from 0 to Rows with the y axis pointing down, as
// matplotlib's imshow does. With one channel, values from Min to Max run
// through the colour map Map (NaN is transparent); with three (RGB) or
// four (RGBA) they are intensities from Min to Max.
type Image struct {
	Rows, Cols, Channels int
	Data                 []float64
	Map                  Colormap
	Min, Max             float64
	Name                 string
}

// Kind names the sort of series.
func (m *Image) Kind() string { return "image" }

// Label is the legend entry.
func (m *Image) Label() string { return m.Name }

// Len is the number of pixels.
func (m *Image) Len() int { return m.Rows * m.Cols }
func (m *Image) check() error {
	if m.Channels != 1 && m.Channels != 3 && m.Channels != 4 {
		return fmt.Errorf("an image has 1, 3 or 4 channels, not %d", m.Channels)
	}
	if m.Rows < 1 || m.Cols < 1 || len(m.Data) != m.Rows*m.Cols*m.Channels {
		return fmt.Errorf("an image of %d×%d×%d needs %d values, not %d", m.Rows, m.Cols, m.Channels, m.Rows*m.Cols*m.Channels, len(m.Data))
	}
	if !finite(m.Min) || !finite(m.Max) || m.Min > m.Max {
		return fmt.Errorf("an image's colour range must be finite with min <= max, not [%g, %g]", m.Min, m.Max)
	}
	return nil
}

// at returns the colour of pixel (r, c).
func (m *Image) at(r, c int) color.RGBA {
	k := (r*m.Cols + c) * m.Channels
	scale := func(v float64) float64 {
		if m.Max == m.Min {
			return 0.5
		}
		return (v - m.Min) / (m.Max - m.Min)
	}
	if m.Channels == 1 {
		return m.Map.At(scale(m.Data[k]))
	}
	toByte := func(v float64) uint8 {
		t := scale(v)
		if math.IsNaN(t) {
			return 0
		}
		return uint8(math.Round(255 * math.Max(0, math.Min(1, t))))
	}
	a := uint8(0xff)
	if m.Channels == 4 {
		a = toByte(m.Data[k+3])
	}
	// color.RGBA is alpha-premultiplied.
	pre := func(v uint8) uint8 { return uint8(uint16(v) * uint16(a) / 0xff) }
	return color.RGBA{pre(toByte(m.Data[k])), pre(toByte(m.Data[k+1])), pre(toByte(m.Data[k+2])), a}
}

// brightness returns pixel (r, c)'s luminance in [0, 1] (NaN when
// transparent), for the terminal preview.
func (m *Image) brightness(r, c int) float64 {
	col := m.at(r, c)
	if col.A == 0 {
		return math.NaN()
	}
	return (0.299*float64(col.R) + 0.587*float64(col.G) + 0.114*float64(col.B)) / 255
}

func sameLengths(xname string, x []float64, yname string, y []float64) error {
	if len(x) != len(y) {
		return fmt.Errorf("%s and %s differ in length: %d and %d", xname, yname, len(x), len(y))
	}
	return nil
}

func increasing(name string, v []float64) error {
	for i := 1; i < len(v); i++ {
		if !(v[i] > v[i-1]) {
			return fmt.Errorf("the grid's %s values must increase", name)
		}
	}
	return nil
}
