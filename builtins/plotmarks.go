package builtins

import (
	"strconv"

	"calc/lang"
	"calc/stdlib/plot"
)

// markBuiltins draw marks on 2-D figures: error bars, bands between
// curves, texts and arrows.
var markBuiltins = []*lang.Builtin{
	{
		Name: "errorbar", Params: []lang.Param{plotAddParam, {Name: "x", Doc: "the points' x values"}, {Name: "y", Doc: "the points' y values"},
			{Name: "yerr", Doc: "the errors in y: a number, a vector (the same both ways) or [lower, upper], two vectors"}}, Topic: "plots",
		Options: plotOptions(lang.Opt{Name: "xerr", Doc: "the errors in x, as yerr"}, plotLabelOpt, plotColorOpt, plotSizeOpt, plotLinewidthOpt),
		Doc: "Points with error bars, as a figure.\n" +
			"The errors yerr and xerr are as in matplotlib's errorbar.",
		Example: "errorbar([1, 2, 3], [2, 4, 3], [0.5, 0.3, 0.8], {label: \"measured\"})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			fig, data, o, off := plotArgs(s, a)
			if len(data) != 3 {
				panic(lang.ArgErrorf(off, "errorbar takes x, y and yerr"))
			}
			args := plotShift(data, off)
			e := &plot.ErrorBars{X: plotVector(args, off, "x"), Y: plotVector(args, off+1, "y"), Name: o.labels(1, nil)[0]}
			if len(e.Y) != len(e.X) {
				panic(lang.ArgErrorf(off+1, "x and y differ in length: %d and %d", len(e.X), len(e.Y)))
			}
			e.YLo, e.YHi = plotErrors(args[off+2], len(e.X), func(msg string) { panic(lang.ArgErrorf(off+2, "yerr %s", msg)) })
			if o.Has("xerr") {
				e.XLo, e.XHi = plotErrors(o.Get("xerr", lang.Nil), len(e.X), func(msg string) { o.fail("option xerr %s", msg) })
			}
			e.Style, _ = o.style()
			return o.finish(addSeries(fig, off, e))
		},
	},
	{
		Name: "fill_between", Params: []lang.Param{plotAddParam, {Name: "x", Doc: "the x values"}, {Name: "y1", Doc: "one curve: a vector, or a number"},
			{Name: "y2", Optional: true, Doc: "the other curve: a vector, or a number (0 if left out)"}}, Options: plotOptions(plotLabelOpt, plotColorOpt), Topic: "plots",
		Doc: "The region between two curves, filled, as a figure.\n" +
			"Between y1 and y2 over x, filled with a translucent colour: a confidence band, or the area under a curve.",
		Example: "x = range(0, 6, 0.1)\nfill_between(x, sin(x) - 0.2, sin(x) + 0.2, {label: \"band\"})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			fig, data, o, off := plotArgs(s, a)
			if len(data) != 2 && len(data) != 3 {
				panic(lang.ArgErrorf(off, "fill_between takes x, y1 and y2"))
			}
			args := plotShift(data, off)
			x := plotVector(args, off, "x")
			curve := func(i int, name string) []float64 {
				v := plotVector(args, i, name)
				switch len(v) {
				case len(x):
					return v
				case 1:
					return plot.Filled(len(x), v[0])
				}
				panic(lang.ArgErrorf(i, "x and %s differ in length: %d and %d", name, len(x), len(v)))
			}
			b := &plot.Band{X: x, Y1: curve(off+1, "y1"), Y2: plot.Filled(len(x), 0), Name: o.labels(1, nil)[0]}
			if len(data) == 3 {
				b.Y2 = curve(off+2, "y2")
			}
			b.Style, _ = o.style()
			return o.finish(addSeries(fig, off, b))
		},
	},
	{
		Name: "text", Params: []lang.Param{plotFigParam, {Name: "x", Kind: lang.NumberArg, Doc: "where the text's centre is, in x"},
			{Name: "y", Kind: lang.NumberArg, Doc: "where the text's centre is, in y"}, {Name: "text", Kind: lang.TextArg, Doc: "the text"}}, Options: noteOpts, Topic: "plots",
		Doc: "A copy of the figure with text written on it.\n" +
			"Written centred at (x, y) in data coordinates; size in points (10)",
		Example: "text(plot(sin, 0, 6), 1.57, 1.1, \"peak\")",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			fig, data, o, off := plotArgs(s, a)
			if off == 0 || len(data) != 3 {
				panic(lang.ArgErrorf(0, "text takes a figure, x, y and the text"))
			}
			args := plotShift(data, off)
			n := &plot.Note{X: args.Num(off), Y: args.Num(off + 1), Text: args.Str(off + 2)}
			plotNoteStyle(o, n)
			return plotValue(s, addSeries(fig, off, n))
		},
	},
	{
		Name: "annotate", Params: []lang.Param{plotFigParam, {Name: "text", Kind: lang.TextArg, Doc: "the note"},
			{Name: "[x, y]", Doc: "the point the arrow points to"}, {Name: "[tx, ty]", Doc: "where the note is written"}}, Options: noteOpts, Topic: "plots",
		Doc: "A copy of the figure with an arrow and a note.\n" +
			"The text written at [tx, ty] and an arrow from it to the point [x, y], as matplotlib's\nannotate",
		Example: "annotate(plot(sin, 0, 6), \"maximum\", [1.57, 1], [3, 1.3])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			fig, data, o, off := plotArgs(s, a)
			if off == 0 || len(data) != 3 {
				panic(lang.ArgErrorf(0, "annotate takes a figure, the text, the point [x, y] and the text's place [tx, ty]"))
			}
			args := plotShift(data, off)
			point := func(i int) (float64, float64) {
				p := plotVector(args, i, "a point")
				if len(p) != 2 {
					panic(lang.ArgErrorf(i, "a point is [x, y], not %d numbers", len(p)))
				}
				return p[0], p[1]
			}
			n := &plot.Note{Text: args.Str(off), Arrow: true}
			n.AX, n.AY = point(off + 1)
			n.X, n.Y = point(off + 2)
			plotNoteStyle(o, n)
			return plotValue(s, addSeries(fig, off, n))
		},
	},
}

// noteOpts are the options of text and annotate.
var noteOpts = []lang.Opt{plotColorOpt, {Name: "size", Doc: "the text's size in points (10)"}}

// plotNoteStyle reads a text's options color and size.
func plotNoteStyle(o plotOpts, n *plot.Note) {
	n.Style, _ = o.style()
	if o.Has("size") {
		n.Size = o.points("size", 10)
	}
}

// plotErrors reads error bars for n points: a number or a vector of n (the
// same below and above), or [lower, upper], two rows of n.
func plotErrors(v lang.Value, n int, fail func(string)) (lo, hi []float64) {
	m, ok := toArray(v)
	switch {
	case !ok:
		fail("must be numbers, not " + v.TypeName())
	case m.Len() == 1 && len(m.Shape) <= 1:
		lo = plot.Filled(n, m.Floats()[0])
		hi = lo
	case len(m.Shape) == 1 && m.Shape[0] == n:
		lo = append([]float64(nil), m.Floats()...)
		hi = lo
	case len(m.Shape) == 2 && m.Shape[0] == 2 && m.Shape[1] == n:
		lo, hi = append([]float64(nil), m.Floats()[:n]...), append([]float64(nil), m.Floats()[n:]...)
	default:
		fail("must be a number, a vector of one per point or [lower, upper] for " + strconv.Itoa(n) + " points")
	}
	for i := range lo {
		if lo[i] < 0 || hi[i] < 0 {
			fail("must not be negative")
		}
	}
	return lo, hi
}
