package builtins

import (
	"math"
	"os"
	"path/filepath"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/plot"
)

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
		if !plot.Finite(v.Azim, v.Elev) {
			o.fail("options azim and elev must be finite angles in degrees")
		}
		g.View = &v
	}
	return g
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

// addSeries returns fig with the series added, as a user error if they do not
// fit (argument i is blamed).
func addSeries(fig *plot.Figure, i int, series ...plot.Series) *plot.Figure {
	g, err := fig.With(series...)
	if err != nil {
		panic(lang.ArgErrorf(i, "%v", err))
	}
	return g
}

func plotPlotFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a)
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
		x = plot.Indices(len(ys[0]))
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

func plotScatterFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a)
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
	fig, data, o, off := plotArgs(s, a)
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
			x[i], y[i], z[i] = m.Floats()[3*i], m.Floats()[3*i+1], m.Floats()[3*i+2]
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
	fig, data, o, off := plotArgs(s, a)
	if len(data) != 1 {
		panic(lang.ArgErrorf(off, "hist takes the values to count"))
	}
	x := plotVector(plotShift(data, off), off, "x")
	st, _ := o.style()
	var edges []float64
	bins := o.Get("bins", lang.Num(10))
	if bins.Kind() == lang.ArrayKind {
		edges = append([]float64(nil), bins.Array().Floats()...)
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
	centres, width := plot.BinCentres(edges)
	// Bins of unequal width are drawn as bars of the narrowest width at
	// the bins' centres.
	bars := &plot.Bars{X: centres, Heights: counts, Width: width, Histogram: true, Name: o.labels(1, nil)[0], Style: st}
	return o.finish(addSeries(fig, off, bars))
}

func plotBarFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a)
	st, _ := o.style()
	args := plotShift(data, off)
	var x []float64
	var names []string
	var h []float64
	switch len(data) {
	case 1:
		h = plotVector(args, off, "heights")
		x = plot.Indices(len(h))
	case 2:
		h = plotVector(args, off+1, "heights")
		if l := data[0].List(); l != nil {
			for _, it := range l.Items {
				if it.Kind() != lang.StrKind {
					panic(lang.ArgErrorf(off, "bar names must be strings, got %s", it.TypeName()))
				}
				names = append(names, it.Text())
			}
			x = plot.Indices(len(names))
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
// numbers, an expression in two symbols and a function of one vector all
// work.
func plotGrid(s *lang.Session, f lang.Value, xr, yr plot.Range, nx, ny int, each func(i, j int, v lang.Value)) (xs, ys []float64) {
	xs, ys = plot.Linspace(xr.Min, xr.Max, nx), plot.Linspace(yr.Min, yr.Max, ny)
	for j, y := range ys {
		for i, x := range xs {
			s.Check()
			each(i, j, callVector(s, f, []float64{x, y}))
		}
	}
	return xs, ys
}

// plotContour builds contour (filled false) and contourf.
func plotContour(filled bool) func(s *lang.Session, a lang.Args) lang.Value {
	return func(s *lang.Session, a lang.Args) lang.Value { return plotContourFn(s, a, filled) }
}

func plotContourFn(s *lang.Session, a lang.Args, filled bool) lang.Value {
	fig, data, o, off := plotArgs(s, a)
	c := &plot.Contour{Filled: filled}
	c.X, c.Y, c.Z = plotGridded(s, data, off, o, "contour", 100)
	lv := o.Get("levels", lang.Num(10))
	if lv.Kind() == lang.ArrayKind {
		c.Levels = append([]float64(nil), lv.Array().Floats()...)
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

func plotQuiverFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a)
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
			f = lang.Func(&lang.Derived{Name: "grad", F: f, By: firstOrAll("grad"), Transform: derivedGrad})
		}
		xs, ys := plotGrid(s, f, xr, yr, n, n, func(i, j int, v lang.Value) {
			w, ok := toArray(v)
			if !ok || w.Len() != 2 {
				panic(lang.ArgErrorf(off, "the field must give a vector [u, v] (or a number, for its gradient), got %s", v.TypeName()))
			}
			field.U, field.V = append(field.U, w.Floats()[0]), append(field.V, w.Floats()[1])
		})
		for _, y := range ys {
			for _, x := range xs {
				field.X, field.Y = append(field.X, x), append(field.Y, y)
			}
		}
		field.DX, field.DY = (xr.Max-xr.Min)/float64(n-1), (yr.Max-yr.Min)/float64(n-1)
	case len(data) == 4:
		flat := func(i int, name string) []float64 {
			v, ok := toArray(args[i])
			if !ok {
				panic(lang.ArgErrorf(i, "%s must be numbers, got %s", name, args[i].TypeName()))
			}
			return append([]float64(nil), v.Floats()...)
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
	fig, data, o, off := plotArgs(s, a)
	if len(data) != 1 {
		panic(lang.ArgErrorf(off, "imshow takes one image"))
	}
	m := data[0].Array()
	if m == nil || !(len(m.Shape) == 2 || len(m.Shape) == 3 && (m.Shape[2] == 3 || m.Shape[2] == 4)) {
		panic(lang.ArgErrorf(off, "imshow needs a matrix or an H×W×3 or H×W×4 array, got %s", data[0].TypeName()))
	}
	img := &plot.Image{Rows: m.Shape[0], Cols: m.Shape[1], Channels: 1, Data: append([]float64(nil), m.Floats()...), Map: plotColormap(o, "viridis"), Name: o.labels(1, nil)[0]}
	lo, hi := plot.DataRange(img.Data)
	if len(m.Shape) == 3 {
		img.Channels = m.Shape[2]
		lo, hi = 0, 255
		if _, most := plot.DataRange(img.Data); most <= 1 {
			hi = 1
		}
	}
	if math.IsNaN(lo) {
		lo, hi = 0, 1
	}
	img.Min, img.Max = o.Num("vmin", lo), o.Num("vmax", hi)
	if !plot.Finite(img.Min, img.Max) || img.Min > img.Max {
		o.fail("options vmin and vmax must be finite with vmin <= vmax")
	}
	g := addSeries(fig, off, img)
	if len(fig.Series) == 0 && !o.Has("width") && !o.Has("height") {
		// Size a new figure so that the image fills it with square pixels.
		g.Height = plot.ImageHeight(img.Rows, img.Cols, o.Has("title"))
	}
	return o.finish(g)
}

func plotSubplotsFn(s *lang.Session, a lang.Args) lang.Value {
	data, options := a.Options()
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

// contourOpts are the options of contour and contourf.
var contourOpts = plotOptions(lang.Opt{Name: "levels", Doc: "a number of levels (10) evenly spaced inside the values' range, or an array of levels"},
	lang.Opt{Name: "n", Doc: "the grid's points per side, for a function (100, at most 1000)"}, plotCmapOpt, plotLabelOpt, plotColorOpt, plotLinewidthOpt,
	plotStyleOpt)

func plotFigureFn(s *lang.Session, a lang.Args) lang.Value {
	fig, data, o, off := plotArgs(s, a)
	if len(data) > 0 {
		panic(lang.ArgErrorf(off, "figure takes a figure and options, got %s", data[0].TypeName()))
	}
	return o.finish(fig)
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
