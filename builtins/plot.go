package builtins

import (
	"math"
	"os"
	"path/filepath"
	"strings"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/plot"
)

// Figures are values: every builtin here returns a new *plot.Figure and
// never changes the one it was given, so `g = title(f, "x")` leaves f as
// it was. A builtin that draws series takes an optional figure first and
// adds to it: plot(fig, x, y).

// plotFigureOptions are the options every figure-making builtin accepts.
var plotFigureOptions = []string{"title", "xlabel", "ylabel", "zlabel", "xlim", "ylim", "xscale", "yscale", "grid", "colorbar", "legend", "width", "height", "azim", "elev", "file"}

// plotStyleOptions are the options of builtins that draw lines or points.
var plotStyleOptions = []string{"label", "color", "linewidth", "style", "size"}

func plotOptionNames(groups ...[]string) []string {
	var all []string
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

const plotFigureOptionsDoc = "Figure options: title, xlabel, ylabel, xlim: [lo, hi], ylim, xscale: \"log\", yscale, grid: true, colorbar: true,\nlegend (a position such as " +
	"\"top left\", or false), width and height in pixels (640×480), file: \"out.png\" (also .svg, .pdf) writes it."

var plotBuiltins = []*lang.Builtin{
	{
		Name: "plot", Params: "fig?, x?, y | f, a, b, {options}", Topic: "plots",
		Doc: "A line plot of data or of functions, as a figure.\n" +
			"Data y against x (or against 0, 1, 2, ... if x is left out), or a function (or an expression in one\n" +
			"symbol) on [a, b], sampled adaptively so that curves are smooth where they bend.\n" +
			"Several series: rows of a matrix y, as in plot(x, [y1, y2]), or a list of functions, as in\n" +
			"plot([sin, cos], 0, 2*pi); or add to a figure with plot(fig, ...). A legend shows the series' labels:\n" +
			"{label: \"data\"}, or a list of labels for several series; several functions are labelled by their names.\n" +
			"NaN values leave gaps in the line.\n" +
			"Series options: label, color (red, blue, ..., #rrggbb), linewidth (1.5), style (- -- : -. o o-).\n" +
			plotFigureOptionsDoc,
		Example: "plot(sin, 0, 2*pi, {title: \"sine\"})\nplot([1, 2, 3], [1, 4, 9], {label: \"squares\", style: \"o-\"})",
		MinArgs: 1, MaxArgs: 5,
		Fn: plotPlotFn,
	},
	{
		Name: "scatter", Params: "fig?, x, y, {label, color, size, ...}", Topic: "plots",
		Doc:     "A scatter plot of the points (x[i], y[i]), as a figure.\nOptions: label, color, size (the dots' radius in points, 2.5).\n" + plotFigureOptionsDoc,
		Example: "scatter([1, 2, 3, 4], [2, 1, 4, 3], {label: \"samples\", color: \"red\"})",
		MinArgs: 2, MaxArgs: 4,
		Fn: plotScatterFn,
	},
	{
		Name: "plot3", Params: "fig?, x, y, z | points, {azim, elev, ...}", Topic: "plots",
		Doc: "A curve in space, drawn in projection, as a figure.\n" +
			"The curve runs through (x[i], y[i], z[i]) (or the rows of an n×3 matrix) inside its bounding box,\n" +
			"seen from the azimuth azim (-60°) and the elevation elev (30°), as matplotlib's 3-D axes are.\n" +
			"zlabel names the third axis. Series options as plot's.\n" + plotFigureOptionsDoc,
		Example: "t = range(0, 20, 0.05)\nplot3(cos(t), sin(t), t, {title: \"helix\", elev: 20})",
		MinArgs: 1, MaxArgs: 5,
		Fn: plotPlot3Fn,
	},
	{
		Name: "hist", Params: "fig?, x, {bins, range, density, ...}", Topic: "plots",
		Doc: "A histogram of the values of x, as a figure.\n" +
			"bins is a number of equal bins (10) over range [lo, hi] (the data's), or an array of bin edges;\n" +
			"density: true scales the bars to area 1. Bins are as numpy's: half-open, the last one closed.\n" +
			"figinfo(h).series[0].heights gives the counts.\n" + plotFigureOptionsDoc,
		Example: "hist([1, 2, 2, 3, 3, 3, 4, 4, 5], {bins: 5})",
		MinArgs: 1, MaxArgs: 3,
		Fn: plotHistFn,
	},
	{
		Name: "bar", Params: "fig?, x?, heights, {barwidth, ...}", Topic: "plots",
		Doc: "A bar chart, as a figure.\nBars of the given heights at x (0, 1, 2, ... if left out), or over names\n" +
			"given as a list of strings; barwidth is in units of x (0.8).\n" + plotFigureOptionsDoc,
		Example: "bar([\"apples\", \"pears\", \"plums\"], [3, 5, 2], {title: \"fruit\"})",
		MinArgs: 1, MaxArgs: 4,
		Fn: plotBarFn,
	},
	{
		Name: "contour", Params: "fig?, f, [x0, x1], [y0, y1] | x?, y?, Z, {levels, n, cmap, ...}", Topic: "plots",
		Doc: "The level lines of f(x, y) or of a matrix, as a figure.\n" +
			"f is sampled over a rectangle on an n×n grid (n = 100, at most 1000); a matrix Z's rows go with y\n" +
			"and its columns with x. levels is a number of levels (10) evenly\n" +
			"spaced inside the range of the values, or an array of levels, as in levels: 10**range(-1, 4, 0.5).\n" +
			"cmap colours the levels from low to high: viridis or gray.\n" + plotFigureOptionsDoc,
		Example: "contour(x**2 + 2*y**2, [-2, 2], [-2, 2], {levels: 6})",
		MinArgs: 1, MaxArgs: 5,
		Fn: plotContour(false),
	},
	{
		Name: "contourf", Params: "fig?, f, [x0, x1], [y0, y1] | x?, y?, Z, {levels, n, cmap, ...}", Topic: "plots",
		Doc: "Filled contours of f(x, y) or of a matrix, as a figure.\n" +
			"The bands between levels coloured from low to high\n" +
			"Arguments and options as contour's; the n levels make n + 1 bands. Add {colorbar: true} for the scale.\n" + plotFigureOptionsDoc,
		Example: "contourf(x**2 + 2*y**2, [-2, 2], [-2, 2], {levels: 6, colorbar: true})",
		MinArgs: 1, MaxArgs: 5,
		Fn: plotContour(true),
	},
	{
		Name: "quiver", Params: "fig?, f, [x0, x1], [y0, y1] | x, y, u, v, {n, ...}", Topic: "plots",
		Doc: "A vector field drawn as arrows, as a figure.\nOf f(x, y) = [u, v] on an n×n grid (n = 15, at most 200) of a\n" +
			"rectangle, or of the gradient of f when f gives a number; or arrows (u[i], v[i]) at points (x[i], y[i]).\n" +
			"The arrows are scaled together, the longest about one grid cell long.\n" + plotFigureOptionsDoc,
		Example: "quiver(x**2 + 2*y**2, [-2, 2], [-2, 2], {n: 9})",
		MinArgs: 3, MaxArgs: 6,
		Fn: plotQuiverFn,
	},
	{
		Name: "imshow", Params: "fig?, image, {cmap, vmin, vmax, ...}", Topic: "plots",
		Doc: "An image or a matrix in colour, as a figure.\nRow 0 is at the top. A matrix through a colour map (cmap: viridis or gray) from\n" +
			"vmin to vmax (its least and greatest values), or an H×W×3 (RGB) or H×W×4 (RGBA) array of intensities\n" +
			"from vmin to vmax (0 to 255, or 0 to 1 if no value exceeds 1). NaN pixels are blank.\n" + plotFigureOptionsDoc,
		Example: "imshow(outer(range(8), range(12)), {cmap: \"gray\"})",
		MinArgs: 1, MaxArgs: 3,
		Fn: plotImshowFn,
	},
	{
		Name: "subplots", Params: "figs, {cols, title, width, height, file}", Topic: "plots",
		Doc: "A figure showing figures in a grid.\nA list of figures laid out cols to a row (about as many\n" +
			"columns as rows by default), or a list of rows.",
		Example: "subplots([plot(sin, 0, 6), plot(cos, 0, 6)], {title: \"two waves\"})",
		MinArgs: 1, MaxArgs: 2,
		Fn: plotSubplotsFn,
	},
	{
		Name: "figure", Params: "fig?, {options}", Topic: "plots",
		Doc:     "A figure with options applied.\nAn empty figure to add series to, or a copy of fig changed.\n" + plotFigureOptionsDoc,
		Example: "figure(plot(exp, 0, 2), {title: \"growth\", ylabel: \"exp(x)\", grid: true})",
		MinArgs: 0, MaxArgs: 2,
		Fn: plotFigureFn,
	},
	plotSetter("title", "text", "A copy of the figure with a title.", `title(plot(sin, 0, 6), "sine")`, "title"),
	plotSetter("xlabel", "text", "A copy of the figure with the x axis named.", `xlabel(plot(sin, 0, 6), "time (s)")`, "xlabel"),
	plotSetter("ylabel", "text", "A copy of the figure with the y axis named.", `ylabel(plot(sin, 0, 6), "height (m)")`, "ylabel"),
	plotSetter("grid", "on?", "A copy of the figure with grid lines at the ticks.\nOr without them, for grid(fig, false).", `grid(plot(sin, 0, 6))`, "grid"),
	plotSetter("colorbar", "on?", "A copy of the figure with a colour bar beside the axes.\nOr without one, for colorbar(fig, false). The bar is the\n"+
		"scale of its contour, contourf, one-channel imshow or plot_surface", `colorbar(imshow(outer(range(8), range(8))))`, "colorbar"),
	plotSetter("xscale", "scale", "A copy of the figure with its x axis log or linear.\nThe scale is \"log\" (base 10) or \"linear\".", `xscale(plot(log, 0.01, 100), "log")`, "xscale"),
	plotSetter("yscale", "scale", "A copy of the figure with its y axis log or linear.\nThe scale is \"log\" (base 10) or \"linear\".", `yscale(plot(exp, 0, 10), "log")`, "yscale"),
	{
		Name: "xlim", Params: "fig, lo, hi", Topic: "plots",
		Doc:     "A copy of the figure whose x axis runs from lo to hi.",
		Example: "xlim(plot(tan, -1.5, 1.5), -1, 1)",
		MinArgs: 2, MaxArgs: 3,
		Fn: plotLimBuiltin("xlim"),
	},
	{
		Name: "ylim", Params: "fig, lo, hi", Topic: "plots",
		Doc:     "A copy of the figure whose y axis runs from lo to hi.",
		Example: "ylim(plot(tan, -1.5, 1.5), -5, 5)",
		MinArgs: 2, MaxArgs: 3,
		Fn: plotLimBuiltin("ylim"),
	},
	{
		Name: "legend", Params: "fig, labels | position | on", Topic: "plots",
		Doc: "A copy of the figure with its legend set.\n" +
			"Labels its series, or places or hides its legend.\n" +
			"Labels are a list of strings, for the series in order; a place is \"top right\", \"top left\",\n" +
			"\"bottom left\" or \"bottom right\"; false hides the legend, true shows it in its usual place.",
		Example: "legend(plot([sin, cos], 0, 6), [\"sine\", \"cosine\"])",
		MinArgs: 2, MaxArgs: 2,
		Fn: plotLegendFn,
	},
	{
		Name: "savefig", Params: "fig, path, {width, height}", Topic: "plots",
		Doc: "Writes a figure to a PNG, SVG or PDF file.\n" +
			"The format is the extension's; returns the path\n" +
			"The file is written whole or not at all: a failed write leaves an old file of that name as it was.",
		Example: "savefig(plot(sin, 0, 6), tempdir() + \"/sine.svg\") != \"\"",
		MinArgs: 2, MaxArgs: 3,
		Fn: plotSavefigFn,
	},
	{
		Name: "figinfo", Params: "fig", Topic: "plots",
		Doc: "What a figure holds, as a record.\nIts width, height, title, the series (kind, label, points; heights\n" +
			"of bars, levels of contours) and the axes' ranges xlim and ylim (and zlim in 3-D), or its panels",
		Example: "figinfo(plot([1, 2, 3], [2, 4, 3]))",
		MinArgs: 1, MaxArgs: 1,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return plotInfo(plotFigureArg(a, 0))
		},
	},
	{
		Name: "preview", Params: "fig, cols?, rows?", Topic: "plots",
		Doc: "The figure drawn in text.\n" +
			"As the REPL previews it on a terminal.\n" +
			"Unicode braille, 2×4 dots to a character, cols×rows characters (72×20), with the axes' ranges.\n" +
			"print() shows it.",
		Example: "print(preview(plot(sin, 0, 2*pi), 40, 8))",
		MinArgs: 1, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			fig := plotFigureArg(a, 0)
			cols, rows := plot.PreviewCols, plot.PreviewRows
			if len(a) > 1 {
				cols = plotCells(a, 1, 500)
			}
			if len(a) > 2 {
				rows = plotCells(a, 2, 200)
			}
			return lang.Str(strings.TrimSuffix(fig.Braille(cols, rows), "\n"))
		},
	},
	{
		Name: "tempdir", Params: "", Topic: "plots",
		Doc: "The folder for figures and other scratch files.\n" +
			"calc-plots in the system's temporary folder, created if it is missing. The REPL writes the figures\n" +
			"it shows there.",
		Example: `len(tempdir()) > 0`,
		MaxArgs: 0,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			s.CheckFiles("tempdir")
			dir, err := PlotDir()
			if err != nil {
				lang.Throw(err)
			}
			return lang.Str(dir)
		},
	},
}

// plotCells returns argument i as a number of character cells.
func plotCells(a lang.Args, i, most int) int {
	n := a.Int(i)
	if n < 4 || n > most {
		panic(lang.ArgErrorf(i, "expected a size from 4 to %d characters, got %d", most, n))
	}
	return n
}

// plotValue returns a figure as a value.
func plotValue(s *lang.Session, f *plot.Figure) lang.Value {
	if err := f.CheckAxes(); err != nil {
		panic(lang.Errorf("%v", err))
	}
	return lang.Obj(f)
}

// PlotDir returns the folder for figures, calc-plots in the system's
// temporary folder, creating it if need be.
func PlotDir() (string, error) {
	dir := filepath.Join(os.TempDir(), "calc-plots")
	return dir, os.MkdirAll(dir, 0o755)
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
// (a new empty one if there is none), the data arguments and the options,
// which must be among known. off is the index of the first data argument.
func plotArgs(s *lang.Session, a lang.Args, known []string) (fig *plot.Figure, data lang.Args, o plotOpts, off int) {
	data, options := a.Options()
	options.Check(known...)
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
	if a == nil || len(a.Shape) != 1 || len(a.Data) != 2 {
		return plot.Range{}, "must be [lo, hi], got " + v.TypeName()
	}
	r := plot.Range{Min: a.Data[0], Max: a.Data[1]}
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

// applyFigure returns a copy of fig with the figure options applied.
func (o plotOpts) applyFigure(fig *plot.Figure) *plot.Figure {
	g := fig.Clone()
	for _, t := range []struct {
		name string
		dst  *string
	}{{"title", &g.Title}, {"xlabel", &g.XLabel}, {"ylabel", &g.YLabel}, {"zlabel", &g.ZLabel}} {
		if o.Has(t.name) {
			*t.dst = o.str(t.name, "")
		}
	}
	if r, ok := o.rangeOpt("xlim"); ok {
		g.XLim = r
	}
	if r, ok := o.rangeOpt("ylim"); ok {
		g.YLim = r
	}
	for _, t := range []struct {
		name string
		dst  *plot.Scale
	}{{"xscale", &g.XScale}, {"yscale", &g.YScale}} {
		if o.Has(t.name) {
			sc, err := plot.ParseScale(o.str(t.name, ""))
			if err != nil {
				o.fail("option %s: %v", t.name, err)
			}
			*t.dst = sc
		}
	}
	if o.Has("grid") {
		g.Grid = o.Bool("grid", false)
	}
	if o.Has("colorbar") {
		g.Colorbar = o.Bool("colorbar", false)
	}
	if o.Has("legend") {
		g.Legend = plotLegendPlace(o.Get("legend", lang.Nil), o.fail)
	}
	if o.Has("width") || o.Has("height") {
		w, h := g.Size()
		w, h = o.pixels("width", w), o.pixels("height", h)
		g.Width, g.Height = w, h
	}
	if o.Has("azim") || o.Has("elev") {
		v := plot.DefaultView
		if g.View != nil {
			v = *g.View
		}
		v.Azim, v.Elev = o.Num("azim", v.Azim), o.Num("elev", v.Elev)
		if !plotFiniteAll(v.Azim, v.Elev) {
			o.fail("options azim and elev must be finite angles in degrees")
		}
		g.View = &v
	}
	return g
}

// pixels returns a size option: a whole number of pixels in range.
func (o plotOpts) pixels(name string, def int) int {
	v := o.Num(name, float64(def))
	if v != math.Trunc(v) || v < 1 || v > plot.MaxSide {
		o.fail("option %s must be a whole number of pixels from 1 to %d, got %s", name, plot.MaxSide, array.FormatNumber(v, 10))
	}
	return int(v)
}

// finish applies the figure options and writes the figure to the file
// the option file names.
func (o plotOpts) finish(fig *plot.Figure) lang.Value {
	fig = o.applyFigure(fig)
	if o.Has("file") {
		o.s.CheckFiles("the file option")
		if err := saveFigure(o.s, fig, o.str("file", "")); err != nil {
			o.fail("option file: %v", err)
		}
	}
	return plotValue(o.s, fig)
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

func plotFiniteAll(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// addSeries returns fig with the series added, as a user error if they do not
// fit (argument i is blamed).
func addSeries(fig *plot.Figure, i int, series ...plot.Series) *plot.Figure {
	g, err := fig.With(series...)
	if err != nil {
		panic(lang.ArgErrorf(i, "%v", err))
	}
	return g
}

// plotVector returns argument i as the numbers of a plotVector (a number is a
// plotVector of one), copied so that the figure owns them.
func plotVector(a lang.Args, i int, name string) []float64 {
	v, ok := toArray(a[i])
	if !ok || len(v.Shape) > 1 {
		panic(lang.ArgErrorf(i, "%s must be a vector of numbers, got %s", name, a[i].TypeName()))
	}
	return append([]float64(nil), v.Data...)
}

// plotIndices returns 0, 1, ..., n-1.
func plotIndices(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
	}
	return x
}

// plotRows returns argument i as series of n values each: a plotVector, the plotRows
// (or, if they do not fit, the columns) of a matrix, or a list of vectors.
// n < 0 accepts any length common to all.
func plotRows(a lang.Args, i, n int, xname, name string) [][]float64 {
	mismatch := func(got int) {
		panic(lang.ArgErrorf(i, "%s and %s differ in length: %d and %d", xname, name, n, got))
	}
	if m := a[i].Array(); m != nil && len(m.Shape) == 2 {
		r, c := m.Shape[0], m.Shape[1]
		var out [][]float64
		switch {
		case n < 0 || c == n:
			for k := range r {
				out = append(out, append([]float64(nil), m.Data[k*c:(k+1)*c]...))
			}
		case r == n:
			for k := range c {
				col := make([]float64, r)
				for j := range r {
					col[j] = m.Data[j*c+k]
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
			if n >= 0 && len(v.Data) != n {
				mismatch(len(v.Data))
			}
			out = append(out, append([]float64(nil), v.Data...))
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

// callable reports whether v is a function of numbers, or a list of them.
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
	case v.Kind() == lang.ArrayKind && len(v.Array().Data) == 1:
		return v.Array().Data[0]
	}
	panic(lang.ArgErrorf(argi, "the function must return a number, got %s", v.TypeName()))
}

// plotFinite returns argument i as a finite number.
func plotFinite(a lang.Args, i int, name string) float64 {
	x := a.Num(i)
	if !plotFiniteAll(x) {
		panic(lang.ArgErrorf(i, "%s must be finite, got %s", name, array.FormatNumber(x, 10)))
	}
	return x
}

func plotPlotFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a, plotOptionNames(plotStyleOptions, plotFigureOptions))
	st, points := o.style()
	var series []plot.Series
	make1 := func(x, y []float64, label string) plot.Series {
		if points {
			return &plot.Scatter{X: x, Y: y, Name: label, Style: st}
		}
		return &plot.Line{X: x, Y: y, Name: label, Style: st}
	}
	if len(data) == 0 {
		panic(lang.ArgErrorf(len(a)-1, "plot needs data or a function to plot"))
	}
	args := plotShift(data, off)
	if fns, ok := plotFuncs(data[0]); ok {
		if len(data) != 3 {
			panic(lang.ArgErrorf(off, "plot(f, a, b) needs the interval [a, b] to plot f on"))
		}
		lo, hi := plotFinite(args, off+1, "a"), plotFinite(args, off+2, "b")
		if !(lo < hi) {
			panic(lang.ArgErrorf(off+2, "the interval needs a < b, got [%s, %s]", array.FormatNumber(lo, 10), array.FormatNumber(hi, 10)))
		}
		names := make([]string, len(fns))
		for i, f := range fns {
			names[i] = plotFuncName(s, f)
		}
		labels := o.labels(len(fns), names)
		// Curves are smoothed for the height the y axis will show.
		var sampling plot.Sampling
		if r, ok := o.rangeOpt("ylim"); ok {
			sampling.YScale = r.Max - r.Min
		} else if !fig.YLim.IsZero() {
			sampling.YScale = fig.YLim.Max - fig.YLim.Min
		}
		for i, f := range fns {
			x, y := plot.Sample(func(x float64) float64 {
				s.Check()
				return plotNumber(s.Call(f, lang.Num(x)), off)
			}, lo, hi, sampling)
			series = append(series, make1(x, y, labels[i]))
		}
		return o.finish(addSeries(fig, off, series...))
	}
	var x []float64
	var ys [][]float64
	switch len(data) {
	case 1:
		ys = plotRows(args, off, -1, "x", "y")
		x = plotIndices(len(ys[0]))
		for _, y := range ys[1:] {
			if len(y) != len(x) {
				panic(lang.ArgErrorf(off, "the series of y differ in length: %d and %d", len(x), len(y)))
			}
		}
	case 2:
		x = plotVector(args, off, "x")
		ys = plotRows(args, off+1, len(x), "x", "y")
	default:
		panic(lang.ArgErrorf(off+2, "plot takes x and y, or a function and an interval: too many arguments"))
	}
	labels := o.labels(len(ys), nil)
	for i, y := range ys {
		series = append(series, make1(x, y, labels[i]))
	}
	return o.finish(addSeries(fig, off, series...))
}

// plotShift returns args padded at the front so that args[off+i] is data[i]:
// helpers that blame argument i then point at the right place.
func plotShift(data lang.Args, off int) lang.Args {
	return append(make(lang.Args, off), data...)
}

func plotScatterFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a, plotOptionNames(plotStyleOptions, plotFigureOptions))
	if len(data) != 2 {
		panic(lang.ArgErrorf(len(a)-1, "scatter takes x and y"))
	}
	st, _ := o.style()
	args := plotShift(data, off)
	x := plotVector(args, off, "x")
	y := plotVector(args, off+1, "y")
	if len(x) != len(y) {
		panic(lang.ArgErrorf(off+1, "x and y differ in length: %d and %d", len(x), len(y)))
	}
	return o.finish(addSeries(fig, off, &plot.Scatter{X: x, Y: y, Name: o.labels(1, nil)[0], Style: st}))
}

func plotPlot3Fn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a, plotOptionNames(plotStyleOptions, plotFigureOptions))
	st, _ := o.style()
	args := plotShift(data, off)
	var x, y, z []float64
	switch len(data) {
	case 1:
		m := data[0].Array()
		if m == nil || len(m.Shape) != 2 || m.Shape[1] != 3 {
			panic(lang.ArgErrorf(off, "plot3 of one argument needs an n×3 matrix of points, got %s", data[0].TypeName()))
		}
		n := m.Shape[0]
		x, y, z = make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range n {
			x[i], y[i], z[i] = m.Data[3*i], m.Data[3*i+1], m.Data[3*i+2]
		}
	case 3:
		x, y, z = plotVector(args, off, "x"), plotVector(args, off+1, "y"), plotVector(args, off+2, "z")
		if len(y) != len(x) {
			panic(lang.ArgErrorf(off+1, "x and y differ in length: %d and %d", len(x), len(y)))
		}
		if len(z) != len(x) {
			panic(lang.ArgErrorf(off+2, "x and z differ in length: %d and %d", len(x), len(z)))
		}
	default:
		panic(lang.ArgErrorf(off, "plot3 takes x, y and z, or an n×3 matrix of points"))
	}
	return o.finish(addSeries(fig, off, &plot.Line3{X: x, Y: y, Z: z, Name: o.labels(1, nil)[0], Style: st}))
}

func plotHistFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a, plotOptionNames([]string{"bins", "range", "density", "label", "color"}, plotFigureOptions))
	if len(data) != 1 {
		panic(lang.ArgErrorf(off, "hist takes the values to count"))
	}
	x := plotVector(plotShift(data, off), off, "x")
	st, _ := o.style()
	var edges []float64
	bins := o.Get("bins", lang.Num(10))
	if bins.Kind() == lang.ArrayKind {
		edges = append([]float64(nil), bins.Array().Data...)
		if len(bins.Array().Shape) != 1 {
			o.fail("option bins must be a number of bins or a vector of edges")
		}
	} else {
		n, ok := bins.Int()
		if !ok || n < 1 || n > 1e5 {
			o.fail("option bins must be a number of bins from 1 to 100000 or a vector of edges, got %s", lang.Format(bins))
		}
		lo, hi := plot.DataRange(x)
		if r, ok := o.rangeOpt("range"); ok {
			lo, hi = r.Min, r.Max
		}
		var err error
		if edges, err = plot.BinEdges(lo, hi, n); err != nil {
			o.fail("%v", err)
		}
	}
	counts, err := plot.Histogram(x, edges, o.Bool("density", false))
	if err != nil {
		o.fail("option bins: %v", err)
	}
	centres := make([]float64, len(counts))
	width := math.Inf(1)
	for i := range counts {
		centres[i] = (edges[i] + edges[i+1]) / 2
		width = math.Min(width, edges[i+1]-edges[i])
	}
	// Bins of unequal width are drawn as bars of the narrowest width at
	// the bins' centres.
	bars := &plot.Bars{X: centres, Heights: counts, Width: width, Histogram: true, Name: o.labels(1, nil)[0], Style: st}
	return o.finish(addSeries(fig, off, bars))
}

func plotBarFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a, plotOptionNames([]string{"barwidth", "label", "color"}, plotFigureOptions))
	st, _ := o.style()
	args := plotShift(data, off)
	var x []float64
	var names []string
	var h []float64
	switch len(data) {
	case 1:
		h = plotVector(args, off, "heights")
		x = plotIndices(len(h))
	case 2:
		h = plotVector(args, off+1, "heights")
		if l := data[0].List(); l != nil {
			for _, it := range l.Items {
				if it.Kind() != lang.StrKind {
					panic(lang.ArgErrorf(off, "bar names must be strings, got %s", it.TypeName()))
				}
				names = append(names, it.Text())
			}
			x = plotIndices(len(names))
		} else {
			x = plotVector(args, off, "x")
		}
		if len(x) != len(h) {
			panic(lang.ArgErrorf(off+1, "x and heights differ in length: %d and %d", len(x), len(h)))
		}
	default:
		panic(lang.ArgErrorf(off, "bar takes heights, with their x positions or names first"))
	}
	bars := &plot.Bars{X: x, Heights: h, Width: o.positive("barwidth", 0.8), Names: names, Name: o.labels(1, nil)[0], Style: st}
	return o.finish(addSeries(fig, off, bars))
}

// plotGrid samples f over a rectangle on an nx×ny grid: f(x, y) is called
// like a solver calls a function of a point, so a function of two
// numbers, an expression in two symbols and a function of one plotVector all
// work.
func plotGrid(s *lang.Session, f lang.Value, xr, yr plot.Range, nx, ny int, each func(i, j int, v lang.Value)) (xs, ys []float64) {
	xs, ys = plotLinspace(xr, nx), plotLinspace(yr, ny)
	for j, y := range ys {
		for i, x := range xs {
			s.Check()
			each(i, j, callVector(s, f, []float64{x, y}))
		}
	}
	return xs, ys
}

func plotLinspace(r plot.Range, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = r.Min + (r.Max-r.Min)*float64(i)/float64(n-1)
	}
	v[n-1] = r.Max
	return v
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

// plotContour builds contour (filled false) and contourf.
func plotContour(filled bool) func(s *lang.Session, a lang.Args) lang.Value {
	return func(s *lang.Session, a lang.Args) lang.Value { return plotContourFn(s, a, filled) }
}

func plotContourFn(s *lang.Session, a lang.Args, filled bool) lang.Value {
	fig, data, o, off := plotArgs(s, a, plotOptionNames([]string{"levels", "n", "cmap", "label", "color", "linewidth", "style"}, plotFigureOptions))
	c := &plot.Contour{Filled: filled}
	c.X, c.Y, c.Z = plotGridded(s, data, off, o, "contour", 100)
	lv := o.Get("levels", lang.Num(10))
	if lv.Kind() == lang.ArrayKind {
		c.Levels = append([]float64(nil), lv.Array().Data...)
	} else if n, ok := lv.Int(); ok && n >= 1 && n <= 1000 {
		c.Levels = plot.Levels(c.Z, n)
	} else {
		o.fail("option levels must be a number of levels from 1 to 1000 or a vector of levels, got %s", lang.Format(lv))
	}
	c.Map = plotColormap(o, "viridis")
	c.Style, _ = o.style()
	c.Name = o.labels(1, nil)[0]
	return o.finish(addSeries(fig, off, c))
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
		z = append([]float64(nil), m.Data...)
		x, y = plotIndices(m.Shape[1]), plotIndices(m.Shape[0])
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

func plotQuiverFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a, plotOptionNames([]string{"n", "label", "color", "linewidth"}, plotFigureOptions))
	args := plotShift(data, off)
	st, _ := o.style()
	field := &plot.Field{Style: st, Name: o.labels(1, nil)[0]}
	switch {
	case len(data) == 3 && data[0].IsCallable():
		xr, yr := plotRangeArg(args, off+1, "the x range"), plotRangeArg(args, off+2, "the y range")
		n := o.gridSize(15, 200)
		f := data[0]
		// A function with a number for a value stands for its gradient.
		if v := callVector(s, f, []float64{(xr.Min + xr.Max) / 2, (yr.Min + yr.Max) / 2}); v.Kind() == lang.NumKind {
			// As grad(f) does for a function; an expression keeps its
			// free symbols as the parameters, even those the gradient
			// loses (the gradient of x**2 + 3*y has no y).
			f = lang.Func(&lang.Derived{Name: "grad", F: f, Transform: byFirstOrAll("grad", gradient)})
		}
		_, _ = plotGrid(s, f, xr, yr, n, n, func(i, j int, v lang.Value) {
			w, ok := toArray(v)
			if !ok || len(w.Data) != 2 {
				panic(lang.ArgErrorf(off, "the field must give a vector [u, v] (or a number, for its gradient), got %s", v.TypeName()))
			}
			field.X = append(field.X, xr.Min+(xr.Max-xr.Min)*float64(i)/float64(n-1))
			field.Y = append(field.Y, yr.Min+(yr.Max-yr.Min)*float64(j)/float64(n-1))
			field.U, field.V = append(field.U, w.Data[0]), append(field.V, w.Data[1])
		})
		field.DX, field.DY = (xr.Max-xr.Min)/float64(n-1), (yr.Max-yr.Min)/float64(n-1)
	case len(data) == 4:
		flat := func(i int, name string) []float64 {
			v, ok := toArray(args[i])
			if !ok {
				panic(lang.ArgErrorf(i, "%s must be numbers, got %s", name, args[i].TypeName()))
			}
			return append([]float64(nil), v.Data...)
		}
		field.X, field.Y, field.U, field.V = flat(off, "x"), flat(off+1, "y"), flat(off+2, "u"), flat(off+3, "v")
		for i, v := range [][]float64{field.Y, field.U, field.V} {
			if len(v) != len(field.X) {
				panic(lang.ArgErrorf(off+1+i, "x has %d values but %s has %d", len(field.X), []string{"y", "u", "v"}[i], len(v)))
			}
		}
	default:
		panic(lang.ArgErrorf(off, "quiver takes f, [x0, x1], [y0, y1], or x, y, u, v"))
	}
	return o.finish(addSeries(fig, off, field))
}

func plotImshowFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a, plotOptionNames([]string{"cmap", "vmin", "vmax", "label"}, plotFigureOptions))
	if len(data) != 1 {
		panic(lang.ArgErrorf(off, "imshow takes one image"))
	}
	m := data[0].Array()
	if m == nil || !(len(m.Shape) == 2 || len(m.Shape) == 3 && (m.Shape[2] == 3 || m.Shape[2] == 4)) {
		panic(lang.ArgErrorf(off, "imshow needs a matrix or an H×W×3 or H×W×4 array, got %s", data[0].TypeName()))
	}
	img := &plot.Image{Rows: m.Shape[0], Cols: m.Shape[1], Channels: 1, Data: append([]float64(nil), m.Data...), Map: plotColormap(o, "viridis"), Name: o.labels(1, nil)[0]}
	lo, hi := plot.DataRange(img.Data)
	if len(m.Shape) == 3 {
		img.Channels = m.Shape[2]
		lo, hi = 0, 255
		if plotMax(img.Data) <= 1 {
			hi = 1
		}
	}
	if math.IsNaN(lo) {
		lo, hi = 0, 1
	}
	img.Min, img.Max = o.Num("vmin", lo), o.Num("vmax", hi)
	if !plotFiniteAll(img.Min, img.Max) || img.Min > img.Max {
		o.fail("options vmin and vmax must be finite with vmin <= vmax")
	}
	g := addSeries(fig, off, img)
	if len(fig.Series) == 0 && !o.Has("width") && !o.Has("height") {
		// Size a new figure so that the image fills it with square pixels.
		extra := 60
		if o.Has("title") {
			extra += 32
		}
		g.Height = int(math.Round(float64(plot.DefaultWidth-70)*float64(img.Rows)/float64(img.Cols))) + extra
		g.Height = max(200, min(g.Height, 1600))
	}
	return o.finish(g)
}

func plotMax(v []float64) float64 {
	_, hi := plot.DataRange(v)
	return hi
}

func plotSubplotsFn(s *lang.Session, a lang.Args) lang.Value {
	data, options := a.Options()
	options.Check("cols", "title", "width", "height", "file")
	o := plotOpts{options, len(data), s}
	items := a.Items(0)
	var panels []*plot.Figure
	cols := 0
	for _, it := range items {
		if row := it.List(); row != nil {
			if cols != 0 && cols != len(row.Items) {
				panic(lang.ArgErrorf(0, "the rows of figures differ in length: %d and %d", cols, len(row.Items)))
			}
			cols = len(row.Items)
			for _, f := range row.Items {
				panels = append(panels, plotPanel(f))
			}
			continue
		}
		panels = append(panels, plotPanel(it))
	}
	if o.Has("cols") {
		n, ok := o.Get("cols", lang.Nil).Int()
		if !ok || n < 1 {
			o.fail("option cols must be a whole number at least 1")
		}
		cols = n
	}
	g, err := plot.Grid(panels, cols)
	if err != nil {
		panic(lang.ArgErrorf(0, "%v", err))
	}
	return o.finish(g)
}

func plotPanel(v lang.Value) *plot.Figure {
	f, ok := v.Object().(*plot.Figure)
	if !ok {
		panic(lang.ArgErrorf(0, "subplots needs figures, got %s", v.TypeName()))
	}
	return f
}

func plotFigureFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a, plotFigureOptions)
	if len(data) > 0 {
		panic(lang.ArgErrorf(off, "figure takes a figure and options, got %s", data[0].TypeName()))
	}
	return o.finish(fig)
}

// plotSetter builds title, xlabel, ylabel, xscale, yscale, grid and colorbar: a copy of the figure
// with one option set.
func plotSetter(name, param, doc, example, option string) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: "fig, " + param, Topic: "plots", Doc: doc, Example: example,
		MinArgs: 1, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			g := plotFigureArg(a, 0).Clone()
			if option == "grid" || option == "colorbar" {
				on := true
				if len(a) > 1 {
					t, ok := a[1].Truth()
					if !ok {
						panic(lang.ArgErrorf(1, "expected true or false, got %s", a[1].TypeName()))
					}
					on = t
				}
				if option == "grid" {
					g.Grid = on
				} else {
					g.Colorbar = on
				}
				return plotValue(s, g)
			}
			if len(a) < 2 {
				panic(lang.ArgErrorf(0, "%s needs the text", name))
			}
			text := a.Str(1)
			switch option {
			case "title":
				g.Title = text
			case "xlabel":
				g.XLabel = text
			case "ylabel":
				g.YLabel = text
			case "xscale", "yscale":
				sc, err := plot.ParseScale(text)
				if err != nil {
					panic(lang.ArgErrorf(1, "%v", err))
				}
				if option == "xscale" {
					g.XScale = sc
				} else {
					g.YScale = sc
				}
			}
			return plotValue(s, g)
		},
	}
}

func plotLimBuiltin(axis string) func(s *lang.Session, a lang.Args) lang.Value {
	return func(s *lang.Session, a lang.Args) lang.Value {
		g := plotFigureArg(a, 0).Clone()
		var r plot.Range
		if len(a) == 2 {
			r = plotRangeArg(a, 1, axis)
		} else {
			r = plot.Range{Min: a.Num(1), Max: a.Num(2)}
			if err := plot.CheckRange(r); err != nil {
				panic(lang.ArgErrorf(2, "%s needs finite lo < hi, got %s and %s", axis, array.FormatNumber(r.Min, 10), array.FormatNumber(r.Max, 10)))
			}
		}
		if axis == "xlim" {
			g.XLim = r
		} else {
			g.YLim = r
		}
		return plotValue(s, g)
	}
}

func plotLegendFn(s *lang.Session, a lang.Args) lang.Value {
	fig := plotFigureArg(a, 0)
	if l := a[1].List(); l != nil {
		names := make([]string, len(l.Items))
		for i, it := range l.Items {
			if it.Kind() != lang.StrKind {
				panic(lang.ArgErrorf(1, "labels must be strings, got %s", it.TypeName()))
			}
			names[i] = it.Text()
		}
		g, err := fig.Relabel(names)
		if err != nil {
			panic(lang.ArgErrorf(1, "%v", err))
		}
		return plotValue(s, g)
	}
	g := fig.Clone()
	g.Legend = plotLegendPlace(a[1], func(format string, args ...any) { panic(lang.ArgErrorf(1, format, args...)) })
	return plotValue(s, g)
}

func plotSavefigFn(s *lang.Session, a lang.Args) lang.Value {
	data, options := a.Options()
	options.Check("width", "height")
	o := plotOpts{options, len(data), s}
	if len(data) != 2 {
		panic(lang.ArgErrorf(0, "savefig takes a figure and a path"))
	}
	fig := o.applyFigure(plotFigureArg(data, 0))
	path := data.Str(1)
	s.CheckFiles("savefig")
	if err := saveFigure(s, fig, path); err != nil {
		panic(lang.ArgErrorf(1, "%v", err))
	}
	return lang.Str(path)
}

// saveFigure writes fig to path; Ctrl-C or the time limit stops the
// drawing.
func saveFigure(s *lang.Session, fig *plot.Figure, path string) error {
	err := fig.SaveStop(path, s.Stopping)
	if err == plot.ErrStopped {
		s.Check()
	}
	return err
}

// plotInfo describes a figure as a record of numbers and names.
func plotInfo(f *plot.Figure) lang.Value {
	r := lang.NewRecord()
	w, h := f.Size()
	r.Set("width", lang.Num(float64(w)))
	r.Set("height", lang.Num(float64(h)))
	r.Set("title", lang.Str(f.Title))
	if len(f.Panels) > 0 {
		r.Set("rows", lang.Num(float64(f.Rows())))
		r.Set("cols", lang.Num(float64(f.Cols)))
		panels := make([]lang.Value, len(f.Panels))
		for i, p := range f.Panels {
			panels[i] = plotInfo(p)
		}
		r.Set("panels", lang.ListOf(panels))
		return lang.RecordOf(r)
	}
	series := make([]lang.Value, len(f.Series))
	for i, s := range f.Series {
		sr := lang.NewRecord()
		sr.Set("kind", lang.Str(s.Kind()))
		sr.Set("label", lang.Str(s.Label()))
		sr.Set("points", lang.Num(float64(s.Len())))
		switch s := s.(type) {
		case *plot.Bars:
			sr.Set("heights", lang.Arr(array.Vector(append([]float64(nil), s.Heights...))))
		case *plot.Contour:
			sr.Set("levels", lang.Arr(array.Vector(append([]float64(nil), s.Levels...))))
		}
		series[i] = lang.RecordOf(sr)
	}
	r.Set("series", lang.ListOf(series))
	pair := func(p plot.Range) lang.Value { return lang.Arr(array.Vector([]float64{p.Min, p.Max})) }
	if f.Is3D() {
		box := f.Box()
		r.Set("xlim", pair(box.X))
		r.Set("ylim", pair(box.Y))
		r.Set("zlim", pair(box.Z))
	} else {
		x, y := f.Limits()
		r.Set("xlim", pair(x))
		r.Set("ylim", pair(y))
	}
	return lang.RecordOf(r)
}
