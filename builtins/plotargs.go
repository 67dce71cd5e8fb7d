package builtins

import (
	"math"
	"strings"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/plot"
)

// plotCells returns argument i as a number of character cells.
func plotCells(a lang.Args, i, most int) int {
	n := a.Int(i)
	if n < 4 || n > most {
		panic(lang.ArgErrorf(i, "expected a size from 4 to %d characters, got %d", most, n))
	}
	return n
}

// plotFigureArg returns argument i as a figure.
func plotFigureArg(a lang.Args, i int) *plot.Figure {
	if f, ok := a[i].Object().(*plot.Figure); ok {
		return f
	}
	panic(lang.ArgErrorf(i, "expected a figure, got %s", a[i].TypeName()))
}

// plotOpts are a plotting builtin's options, with the argument index of the
// options record for errors.
type plotOpts struct {
	lang.Options
	at int
	s  *lang.Session
}

// plotArgs separates a call's arguments into an optional leading figure
// (a new empty one if there is none), the data arguments and the options.
// off is the index of the first data argument.
func plotArgs(s *lang.Session, a lang.Args) (fig *plot.Figure, data lang.Args, o plotOpts, off int) {
	data, options := a.Options()
	o = plotOpts{options, len(data), s}
	fig = &plot.Figure{}
	if len(data) > 0 {
		if f, ok := data[0].Object().(*plot.Figure); ok {
			fig, data, off = f, data[1:], 1
		}
	}
	return fig, data, o, off
}

func (o plotOpts) fail(format string, args ...any) {
	panic(lang.ArgErrorf(o.at, format, args...))
}

// str returns a string option.
func (o plotOpts) str(name, def string) string {
	v := o.Get(name, lang.Str(def))
	if v.Kind() != lang.StrKind {
		o.fail("option %s must be a string, got %s", name, v.TypeName())
	}
	return v.Text()
}

// positive returns a positive numeric option.
func (o plotOpts) positive(name string, def float64) float64 {
	v := o.Num(name, def)
	if !(v > 0) || math.IsInf(v, 0) {
		o.fail("option %s must be a positive number, got %s", name, array.FormatNumber(v, 10))
	}
	return v
}

// maxPoints bounds the lengths in points a user gives (line widths, dot
// radii): 1000 points is 14 inches, past any figure's size, and a dot of
// radius 10^7 takes minutes to rasterize.
const maxPoints = 1000

// points returns a positive option of at most maxPoints points.
func (o plotOpts) points(name string, def float64) float64 {
	v := o.positive(name, def)
	if v > maxPoints {
		o.fail("option %s must be at most %d (points), got %s", name, maxPoints, array.FormatNumber(v, 10))
	}
	return v
}

// rangeOpt returns an option given as [lo, hi].
func (o plotOpts) rangeOpt(name string) (plot.Range, bool) {
	if !o.Has(name) {
		return plot.Range{}, false
	}
	r, err := plotRange(o.Get(name, lang.Nil))
	if err != "" {
		o.fail("option %s %s", name, err)
	}
	return r, true
}

// plotRange reads [lo, hi] with finite lo < hi; err says what is wrong.
func plotRange(v lang.Value) (plot.Range, string) {
	a := v.Array()
	if a == nil || len(a.Shape) != 1 || a.Len() != 2 {
		return plot.Range{}, "must be [lo, hi], got " + v.TypeName()
	}
	r := plot.Range{Min: a.Floats()[0], Max: a.Floats()[1]}
	if err := plot.CheckRange(r); err != nil {
		return r, "must be [lo, hi] with finite lo < hi, got " + lang.Format(v)
	}
	return r, ""
}

// style reads the series options color, linewidth, style and size.
// points reports the style "o": dots without a line.
func (o plotOpts) style() (st plot.Style, points bool) {
	if o.Has("color") {
		c, err := plot.ParseColor(o.str("color", ""))
		if err != nil {
			o.fail("option color: %v", err)
		}
		st.Color = c
	}
	if o.Has("linewidth") {
		st.LineWidth = o.points("linewidth", 1.5)
	}
	if o.Has("size") {
		st.MarkerSize = o.points("size", 2.5)
	}
	if o.Has("style") {
		spec := o.str("style", "-")
		st.Markers = strings.Contains(spec, "o")
		st.Dashes = strings.Replace(spec, "o", "", 1)
		if err := plot.CheckDashes(st.Dashes); err != nil || spec == "" {
			o.fail("unknown style %q (-, --, :, -., o, or o with a line as in o-)", spec)
		}
		points = spec == "o"
	}
	return st, points
}

// labels returns the legend labels of n series: the option label, a
// string for one series or a list of strings for several, or else the
// defaults.
func (o plotOpts) labels(n int, defaults []string) []string {
	out := make([]string, n)
	if n > 1 && defaults != nil {
		copy(out, defaults)
	}
	if !o.Has("label") {
		return out
	}
	v := o.Get("label", lang.Nil)
	if v.Kind() == lang.StrKind {
		if n != 1 {
			o.fail("option label: %d series need a list of %d labels", n, n)
		}
		return []string{v.Text()}
	}
	items, ok := lang.Items(v)
	if !ok || v.Kind() == lang.ArrayKind || len(items) != n {
		o.fail("option label must be a string or a list of %d strings, got %s", n, v.TypeName())
	}
	for i, it := range items {
		if it.Kind() != lang.StrKind {
			o.fail("option label must hold strings, got %s", it.TypeName())
		}
		out[i] = it.Text()
	}
	return out
}

// pixels returns a size option: a whole number of pixels in range.
func (o plotOpts) pixels(name string, def int) int {
	v := o.Num(name, float64(def))
	if v != math.Trunc(v) || v < 1 || v > plot.MaxSide {
		o.fail("option %s must be a whole number of pixels from 1 to %d, got %s", name, plot.MaxSide, array.FormatNumber(v, 10))
	}
	return int(v)
}

// plotLegendPlace reads where a legend goes: a position, true (the default
// place) or false (no legend).
func plotLegendPlace(v lang.Value, fail func(string, ...any)) string {
	switch v.Kind() {
	case lang.BoolKind:
		if t, _ := v.Truth(); t {
			return ""
		}
		return "none"
	case lang.StrKind:
		switch p := v.Text(); p {
		case "top right", "top left", "bottom left", "bottom right", "none":
			return p
		}
	}
	fail("the legend's place is \"top right\", \"top left\", \"bottom left\", \"bottom right\", true or false, not %s", lang.Format(v))
	return ""
}

// plotVector returns argument i as the numbers of a vector (a number is a
// vector of one), copied so that the figure owns them.
func plotVector(a lang.Args, i int, name string) []float64 {
	v, ok := toArray(a[i])
	if !ok || len(v.Shape) > 1 {
		panic(lang.ArgErrorf(i, "%s must be a vector of numbers, got %s", name, a[i].TypeName()))
	}
	return append([]float64(nil), v.Floats()...)
}

// plotRows returns argument i as series of n values each: a vector, the
// columns of a matrix, as matplotlib draws them (or its rows, when only
// they fit n, or when n < 0 and the matrix is wider than tall, as
// solve_ivp's y), or a list of vectors. n < 0 accepts any length common
// to all.
func plotRows(a lang.Args, i, n int, xname, name string) [][]float64 {
	mismatch := func(got int) {
		panic(lang.ArgErrorf(i, "%s and %s differ in length: %d and %d", xname, name, n, got))
	}
	if m := a[i].Array(); m != nil && len(m.Shape) == 2 {
		r, c := m.Shape[0], m.Shape[1]
		var out [][]float64
		switch {
		case n < 0 && c > r || n >= 0 && r != n && c == n:
			for k := range r {
				out = append(out, append([]float64(nil), m.Floats()[k*c:(k+1)*c]...))
			}
		case n < 0 || r == n:
			for k := range c {
				col := make([]float64, r)
				for j := range r {
					col[j] = m.Floats()[j*c+k]
				}
				out = append(out, col)
			}
		default:
			panic(lang.ArgErrorf(i, "%s has shape %s, which does not fit %s's length %d", name, array.ShapeString(m.Shape), xname, n))
		}
		if len(out) == 0 {
			panic(lang.ArgErrorf(i, "%s has shape %s: no series to plot", name, array.ShapeString(m.Shape)))
		}
		return out
	}
	if l := a[i].List(); l != nil {
		var out [][]float64
		for _, it := range l.Items {
			v, ok := toArray(it)
			if !ok || len(v.Shape) > 1 {
				panic(lang.ArgErrorf(i, "%s must hold vectors of numbers, got %s", name, it.TypeName()))
			}
			if n >= 0 && v.Len() != n {
				mismatch(v.Len())
			}
			out = append(out, append([]float64(nil), v.Floats()...))
		}
		if len(out) == 0 {
			panic(lang.ArgErrorf(i, "%s is empty", name))
		}
		return out
	}
	y := plotVector(a, i, name)
	if n >= 0 && len(y) != n {
		mismatch(len(y))
	}
	return [][]float64{y}
}

// plotFuncs returns v as functions when it is a function of numbers or a
// list of them.
func plotFuncs(v lang.Value) ([]lang.Value, bool) {
	if v.IsCallable() {
		return []lang.Value{v}, true
	}
	if l := v.List(); l != nil && len(l.Items) > 0 {
		for _, it := range l.Items {
			if !it.IsCallable() {
				return nil, false
			}
		}
		return l.Items, true
	}
	return nil, false
}

// plotFuncName names a function for a legend: a builtin or user function by
// its name, an expression by its text.
func plotFuncName(s *lang.Session, f lang.Value) string {
	if c := f.Callable(); c != nil {
		if b, ok := c.(*lang.Builtin); ok {
			return b.Name
		}
		name, _, _ := strings.Cut(c.Signature(), "(")
		return name
	}
	return s.Format(f)
}

// plotNumber returns f's value as a number: a number, or an array of one.
func plotNumber(v lang.Value, argi int) float64 {
	switch {
	case v.Kind() == lang.NumKind || v.Kind() == lang.BoolKind:
		return v.Float()
	case v.Kind() == lang.ArrayKind && v.Array().Len() == 1:
		return v.Array().Floats()[0]
	}
	panic(lang.ArgErrorf(argi, "the function must return a number, got %s", v.TypeName()))
}

// plotFinite returns argument i as a finite number.
func plotFinite(a lang.Args, i int, name string) float64 {
	x := a.Num(i)
	if !plot.Finite(x) {
		panic(lang.ArgErrorf(i, "%s must be finite, got %s", name, array.FormatNumber(x, 10)))
	}
	return x
}

// plotShift returns args padded at the front so that args[off+i] is data[i]:
// helpers that blame argument i then point at the right place.
func plotShift(data lang.Args, off int) lang.Args {
	return append(make(lang.Args, off), data...)
}

// plotRangeArg returns argument i as [lo, hi].
func plotRangeArg(a lang.Args, i int, name string) plot.Range {
	r, err := plotRange(a[i])
	if err != "" {
		panic(lang.ArgErrorf(i, "%s %s", name, err))
	}
	return r
}

// gridSize reads the option n: points per side of a sampling grid, at
// most most.
func (o plotOpts) gridSize(def, most int) int {
	v := o.Get("n", lang.Num(float64(def)))
	n, ok := v.Int()
	if !ok || n < 2 || n > most {
		o.fail("option n must be a whole number from 2 to %d, got %s", most, lang.Format(v))
	}
	return n
}

// plotGridded reads the data of a plot over a grid: a function (or an
// expression in two symbols) and its x and y ranges, sampled on an n×n grid
// (the option n, up to 1000), or a matrix Z of heights with, optionally, its
// x and y values first. It returns the grid's x and y values and the
// heights, row by row.
func plotGridded(s *lang.Session, data []lang.Value, off int, o plotOpts, name string, n int) (x, y, z []float64) {
	args := plotShift(data, off)
	switch {
	case len(data) == 3 && data[0].IsCallable():
		xr, yr := plotRangeArg(args, off+1, "the x range"), plotRangeArg(args, off+2, "the y range")
		n := o.gridSize(n, 1000)
		z = make([]float64, n*n)
		x, y = plotGrid(s, data[0], xr, yr, n, n, func(i, j int, v lang.Value) {
			z[j*n+i] = plotNumber(v, off)
		})
		return x, y, z
	case len(data) == 1 || len(data) == 3:
		k := off + len(data) - 1
		m := args[k].Array()
		if m == nil || len(m.Shape) != 2 || m.Shape[0] < 2 || m.Shape[1] < 2 {
			panic(lang.ArgErrorf(k, "Z must be a matrix of at least 2×2 values, got %s", args[k].TypeName()))
		}
		z = append([]float64(nil), m.Floats()...)
		x, y = plot.Indices(m.Shape[1]), plot.Indices(m.Shape[0])
		if len(data) == 3 {
			x, y = plotVector(args, off, "x"), plotVector(args, off+1, "y")
			if len(x) != m.Shape[1] {
				panic(lang.ArgErrorf(off, "x has %d values but Z has %d columns", len(x), m.Shape[1]))
			}
			if len(y) != m.Shape[0] {
				panic(lang.ArgErrorf(off+1, "y has %d values but Z has %d rows", len(y), m.Shape[0]))
			}
		}
		return x, y, z
	}
	panic(lang.ArgErrorf(off, "%s takes f, [x0, x1], [y0, y1], or a matrix Z (with its x and y first)", name))
}

// plotColormap reads the option cmap.
func plotColormap(o plotOpts, def string) plot.Colormap {
	m, err := plot.LookupColormap(o.str("cmap", def))
	if err != nil {
		o.fail("option cmap: %v", err)
	}
	return m
}

func plotPanel(v lang.Value) *plot.Figure {
	f, ok := v.Object().(*plot.Figure)
	if !ok {
		panic(lang.ArgErrorf(0, "subplots needs figures, got %s", v.TypeName()))
	}
	return f
}
