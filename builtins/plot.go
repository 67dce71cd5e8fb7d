package builtins

import (
	"slices"
	"strings"

	"calc/lang"
	"calc/stdlib/plot"
)

// Figures are values: every builtin here returns a new *plot.Figure and
// never changes the one it was given, so `g = title(f, "x")` leaves f as
// it was. A builtin that draws series takes an optional figure first and
// adds to it: plot(fig, x, y). The builtins are declared here; plotargs.go
// reads their arguments and options, and plotfigure.go builds the figures.

// plotFigureOptions are the options every figure-making builtin accepts.
var plotFigureOptions = []lang.Opt{
	{Name: "title", Doc: "the figure's title"}, {Name: "xlabel", Doc: "the x axis's name"}, {Name: "ylabel", Doc: "the y axis's name"},
	{Name: "zlabel", Doc: "the z axis's name, in 3-D"}, {Name: "xlim", Doc: "[lo, hi] of the x axis"}, {Name: "ylim", Doc: "[lo, hi] of the y axis"},
	{Name: "xscale", Doc: "\"log\" or \"linear\" (default)"}, {Name: "yscale", Doc: "\"log\" or \"linear\" (default)"},
	{Name: "grid", Doc: "true: grid lines at the ticks"}, {Name: "colorbar", Doc: "true: a colour bar beside the axes"},
	{Name: "legend", Doc: "a place such as \"top left\", or false to hide it"}, plotWidthOpt, plotHeightOpt,
	{Name: "azim", Doc: "the azimuth of the view in 3-D, in degrees (-60)"}, {Name: "elev", Doc: "the elevation of the view in 3-D, in degrees (30)"},
	plotFileOpt,
}

// The options of plotting builtins that several share.
var (
	plotWidthOpt     = lang.Opt{Name: "width", Doc: "in pixels (640)"}
	plotHeightOpt    = lang.Opt{Name: "height", Doc: "in pixels (480)"}
	plotFileOpt      = lang.Opt{Name: "file", Doc: "a file (.png, .svg or .pdf) to write the figure to"}
	plotLabelOpt     = lang.Opt{Name: "label", Doc: "the series' name in the legend, or a list of one per series"}
	plotColorOpt     = lang.Opt{Name: "color", Doc: "red, blue, ... or #rrggbb"}
	plotLinewidthOpt = lang.Opt{Name: "linewidth", Doc: "in points (1.5)"}
	plotSizeOpt      = lang.Opt{Name: "size", Doc: "the dots' radius in points (2.5)"}
	plotCmapOpt      = lang.Opt{Name: "cmap", Doc: "the colour map: viridis (default) or gray"}
	plotStyleOpt     = lang.Opt{Name: "style", Doc: "- (default), --, :, -., o, or o with a line as in o-"}
)

// The parameters of plotting builtins that several share.
var (
	plotAddParam    = lang.Param{Name: "fig", Optional: true, Doc: "a figure to add to (a new one if left out)"}
	plotFigParam    = lang.Param{Name: "fig", Doc: "the figure"}
	plotXRangeParam = lang.Param{Name: "[x0, x1]", Doc: "the range of x"}
	plotYRangeParam = lang.Param{Name: "[y0, y1]", Doc: "the range of y"}
)

// plotGridForms are the forms of contour, contourf, plot_surface and
// plot_wireframe: a function over a rectangle, or a matrix of values.
var plotGridForms = [][]lang.Param{
	{plotAddParam, {Name: "f", Doc: "a function of x and y, or an expression in x and y"}, plotXRangeParam, plotYRangeParam},
	{plotAddParam, {Name: "x", Optional: true, Doc: "the x of Z's columns (0, 1, 2, ... if left out)"},
		{Name: "y", Optional: true, Doc: "the y of Z's rows (0, 1, 2, ... if left out)"}, {Name: "Z", Doc: "a matrix of values, a row for each y"}},
}

// plotLimForms are the forms of xlim and ylim.
var plotLimForms = [][]lang.Param{
	{plotFigParam, {Name: "[lo, hi]", Doc: "the axis's ends, as a list"}},
	{plotFigParam, {Name: "lo", Doc: "the axis's lower end"}, {Name: "hi", Doc: "the axis's upper end"}},
}

// plotStyleOptions are the options of builtins that draw lines or points.
var plotStyleOptions = []lang.Opt{plotLabelOpt, plotColorOpt, plotLinewidthOpt, plotStyleOpt, plotSizeOpt}

// plotOptions are a plotting builtin's own options followed by the
// figure's.
func plotOptions(own ...lang.Opt) []lang.Opt { return slices.Concat(own, plotFigureOptions) }

var plotBuiltins = []*lang.Builtin{
	{
		Name: "plot", Forms: [][]lang.Param{
			{plotAddParam, {Name: "x", Optional: true, Doc: "the x values (0, 1, 2, ... if left out)"}, {Name: "y", Doc: "the y values, or a matrix whose columns are series, as matplotlib's (its rows, when only they fit)"}},
			{plotAddParam, {Name: "f", Doc: "a function, an expression in one symbol, or a list of them"}, {Name: "a", Doc: "the left end of the interval"}, {Name: "b", Doc: "the right end of the interval"}},
		},
		Options: plotOptions(plotStyleOptions...), Topic: "plots",
		Doc: "A line plot of data or of functions, as a figure.\n" +
			"Data y against x, or a function (or an expression in one\n" +
			"symbol) on [a, b], sampled adaptively so that curves are smooth where they bend.\n" +
			"Several series: the columns of a matrix y, as matplotlib draws them, or its rows when only they fit\n" +
			"x, as in plot(x, [y1, y2]) and solve_ivp's y (without x, a wide matrix's rows); or a list of functions, as in\n" +
			"plot([sin, cos], 0, 2*pi); or add to a figure with plot(fig, ...). A legend shows the series' labels:\n" +
			"{label: \"data\"}, or a list of labels for several series; several functions are labelled by their names.\n" +
			"NaN values leave gaps in the line.",
		Example: "plot(sin, 0, 2*pi, {title: \"sine\"})\nplot([1, 2, 3], [1, 4, 9], {label: \"squares\", style: \"o-\"})",
		Fn:      plotPlotFn,
	},
	{
		Name: "scatter", Params: []lang.Param{plotAddParam, {Name: "x", Doc: "the points' x values"}, {Name: "y", Doc: "the points' y values"}}, Options: plotOptions(plotStyleOptions...), Topic: "plots",
		Doc:     "A scatter plot of the points (x[i], y[i]), as a figure.",
		Example: "scatter([1, 2, 3, 4], [2, 1, 4, 3], {label: \"samples\", color: \"red\"})",
		Fn:      plotScatterFn,
	},
	{
		Name: "plot3", Forms: [][]lang.Param{
			{plotAddParam, {Name: "x", Doc: "the points' x values, in order along the curve"}, {Name: "y", Doc: "the points' y values"}, {Name: "z", Doc: "the points' z values"}},
			{plotAddParam, {Name: "points", Doc: "an n×3 matrix of the points, one to a row"}},
		}, Options: plotOptions(plotStyleOptions...), Topic: "plots",
		Doc: "A curve in space, drawn in projection, as a figure.\n" +
			"The curve runs through (x[i], y[i], z[i]) (or the rows of an n×3 matrix) inside its bounding box,\n" +
			"seen from the azimuth azim (-60°) and the elevation elev (30°), as matplotlib's 3-D axes are.\n" +
			"zlabel names the third axis.",
		Example: "t = range(0, 20, 0.05)\nplot3(cos(t), sin(t), t, {title: \"helix\", elev: 20})",
		Fn:      plotPlot3Fn,
	},
	{
		Name: "hist", Params: []lang.Param{plotAddParam, {Name: "x", Doc: "the values to count"}}, Topic: "plots",
		Options: plotOptions(lang.Opt{Name: "bins", Doc: "a number of equal bins (10), or an array of bin edges"},
			lang.Opt{Name: "range", Doc: "[lo, hi] of the bins (the data's)"}, lang.Opt{Name: "density", Doc: "true: scale the bars to area 1"},
			plotLabelOpt, plotColorOpt),
		Doc: "A histogram of the values of x, as a figure.\n" +
			"bins is a number of equal bins (10) over range [lo, hi] (the data's), or an array of bin edges;\n" +
			"density: true scales the bars to area 1. Bins are as numpy's: half-open, the last one closed.\n" +
			"figinfo(h).series[0].heights gives the counts.",
		Example: "hist([1, 2, 2, 3, 3, 3, 4, 4, 5], {bins: 5})",
		Fn:      plotHistFn,
	},
	{
		Name: "bar", Params: []lang.Param{plotAddParam, {Name: "x", Optional: true, Doc: "the bars' places, or their names as a list of strings (0, 1, 2, ... if left out)"}, {Name: "heights", Doc: "the bars' heights"}}, Topic: "plots",
		Options: plotOptions(lang.Opt{Name: "barwidth", Doc: "in units of x (0.8)"}, plotLabelOpt, plotColorOpt),
		Doc:     "A bar chart, as a figure.",
		Example: "bar([\"apples\", \"pears\", \"plums\"], [3, 5, 2], {title: \"fruit\"})",
		Fn:      plotBarFn,
	},
	{
		Name: "contour", Forms: plotGridForms, Options: contourOpts, Topic: "plots",
		Doc: "The level lines of f(x, y) or of a matrix, as a figure.\n" +
			"f is sampled over a rectangle on an n×n grid (n = 100, at most 1000); a matrix Z's rows go with y\n" +
			"and its columns with x. levels is a number of levels (10) evenly\n" +
			"spaced inside the range of the values, or an array of levels, as in levels: 10**range(-1, 4, 0.5).\n" +
			"cmap colours the levels from low to high.",
		Example: "contour(x**2 + 2*y**2, [-2, 2], [-2, 2], {levels: 6})",
		Fn:      plotContour(false),
	},
	{
		Name: "contourf", Forms: plotGridForms, Options: contourOpts, Topic: "plots",
		Doc: "Filled contours of f(x, y) or of a matrix, as a figure.\n" +
			"The bands between levels coloured from low to high\n" +
			"Arguments and options as contour's; the n levels make n + 1 bands. Add {colorbar: true} for the scale.",
		Example: "contourf(x**2 + 2*y**2, [-2, 2], [-2, 2], {levels: 6, colorbar: true})",
		Fn:      plotContour(true),
	},
	{
		Name: "quiver", Forms: [][]lang.Param{
			{plotAddParam, {Name: "f", Doc: "a function of x and y giving [u, v], or a number whose gradient is drawn; or such an expression in x and y"}, plotXRangeParam, plotYRangeParam},
			{plotAddParam, {Name: "x", Doc: "the arrows' x"}, {Name: "y", Doc: "the arrows' y"}, {Name: "u", Doc: "the arrows' x components"}, {Name: "v", Doc: "the arrows' y components"}},
		}, Topic: "plots",
		Options: plotOptions(lang.Opt{Name: "n", Doc: "the grid's points per side (15, at most 200)"}, plotLabelOpt, plotColorOpt, plotLinewidthOpt),
		Doc: "A vector field drawn as arrows, as a figure.\nOf f(x, y) = [u, v] on an n×n grid (n = 15, at most 200) of a\n" +
			"rectangle, or of the gradient of f when f gives a number; or arrows (u[i], v[i]) at points (x[i], y[i]).\n" +
			"The arrows are scaled together, the longest about one grid cell long.",
		Example: "quiver(x**2 + 2*y**2, [-2, 2], [-2, 2], {n: 9})",
		Fn:      plotQuiverFn,
	},
	{
		Name: "imshow", Params: []lang.Param{plotAddParam, {Name: "image", Doc: "a matrix, or an H×W×3 (RGB) or H×W×4 (RGBA) array"}}, Topic: "plots",
		Options: plotOptions(plotCmapOpt, lang.Opt{Name: "vmin", Doc: "the value shown darkest"}, lang.Opt{Name: "vmax", Doc: "the value shown brightest"}, plotLabelOpt),
		Doc: "An image or a matrix in colour, as a figure.\nRow 0 is at the top. A matrix through a colour map (cmap: viridis or gray) from\n" +
			"vmin to vmax (its least and greatest values), or an H×W×3 (RGB) or H×W×4 (RGBA) array of intensities\n" +
			"from vmin to vmax (0 to 255, or 0 to 1 if no value exceeds 1). NaN pixels are blank.",
		Example: "imshow(outer(range(8), range(12)), {cmap: \"gray\"})",
		Fn:      plotImshowFn,
	},
	{
		Name: "subplots", Params: []lang.Param{{Name: "figs", Kind: lang.ListArg, Doc: "a list of figures, or a list of rows of figures"}}, Topic: "plots",
		Options: []lang.Opt{{Name: "cols", Doc: "figures to a row (about as many columns as rows)"}, {Name: "title", Doc: "the title over them"}, plotWidthOpt, plotHeightOpt, plotFileOpt},
		Doc: "A figure showing figures in a grid.\nA list of figures laid out cols to a row (about as many\n" +
			"columns as rows by default), or a list of rows.",
		Example: "subplots([plot(sin, 0, 6), plot(cos, 0, 6)], {title: \"two waves\"})",
		Fn:      plotSubplotsFn,
	},
	{
		Name: "figure", Params: []lang.Param{{Name: "fig", Optional: true, Doc: "the figure to copy (an empty one if left out)"}}, Options: plotFigureOptions, Topic: "plots",
		Doc:     "A figure with options applied.\nAn empty figure to add series to, or a copy of fig changed.",
		Example: "figure(plot(exp, 0, 2), {title: \"growth\", ylabel: \"exp(x)\", grid: true})",
		Fn:      plotFigureFn,
	},
	plotSetter("title", lang.Param{Name: "text", Kind: lang.TextArg, Doc: "the title"}, "A copy of the figure with a title.", `title(plot(sin, 0, 6), "sine")`, "title"),
	plotSetter("xlabel", lang.Param{Name: "text", Kind: lang.TextArg, Doc: "the x axis's name"}, "A copy of the figure with the x axis named.", `xlabel(plot(sin, 0, 6), "time (s)")`, "xlabel"),
	plotSetter("ylabel", lang.Param{Name: "text", Kind: lang.TextArg, Doc: "the y axis's name"}, "A copy of the figure with the y axis named.", `ylabel(plot(sin, 0, 6), "height (m)")`, "ylabel"),
	plotSetter("grid", lang.Param{Name: "on", Optional: true, Default: lang.Bool(true), Doc: "true for grid lines, false for none"}, "A copy of the figure with grid lines at the ticks.\nOr without them, for grid(fig, false).", `grid(plot(sin, 0, 6))`, "grid"),
	plotSetter("colorbar", lang.Param{Name: "on", Optional: true, Default: lang.Bool(true), Doc: "true for a colour bar, false for none"}, "A copy of the figure with a colour bar beside the axes.\nOr without one, for colorbar(fig, false). The bar is the\n"+
		"scale of its contour, contourf, one-channel imshow or plot_surface", `colorbar(imshow(outer(range(8), range(8))))`, "colorbar"),
	plotSetter("xscale", lang.Param{Name: "scale", Kind: lang.TextArg, Doc: "\"log\" or \"linear\""}, "A copy of the figure with its x axis log or linear.\nThe scale is \"log\" (base 10) or \"linear\".", `xscale(plot(log, 0.01, 100), "log")`, "xscale"),
	plotSetter("yscale", lang.Param{Name: "scale", Kind: lang.TextArg, Doc: "\"log\" or \"linear\""}, "A copy of the figure with its y axis log or linear.\nThe scale is \"log\" (base 10) or \"linear\".", `yscale(plot(exp, 0, 10), "log")`, "yscale"),
	{
		Name: "xlim", Forms: plotLimForms, Topic: "plots",
		Doc:     "A copy of the figure whose x axis runs from lo to hi.",
		Example: "xlim(plot(tan, -1.5, 1.5), -1, 1)",
		Fn:      plotLimBuiltin("xlim"),
	},
	{
		Name: "ylim", Forms: plotLimForms, Topic: "plots",
		Doc:     "A copy of the figure whose y axis runs from lo to hi.",
		Example: "ylim(plot(tan, -1.5, 1.5), -5, 5)",
		Fn:      plotLimBuiltin("ylim"),
	},
	{
		Name: "legend", Forms: [][]lang.Param{
			{plotFigParam, {Name: "labels", Doc: "the series' labels: a list of strings, in order"}},
			{plotFigParam, {Name: "position", Doc: "the legend's place: \"top right\", \"top left\", \"bottom left\" or \"bottom right\""}},
			{plotFigParam, {Name: "on", Doc: "false hides the legend, true shows it in its usual place"}},
		}, Topic: "plots",
		Doc:     "A copy of the figure with its legend set.\nLabels its series, or places or hides its legend.",
		Example: "legend(plot([sin, cos], 0, 6), [\"sine\", \"cosine\"])",
		Fn:      plotLegendFn,
	},
	{
		Name: "savefig", Params: []lang.Param{plotFigParam, {Name: "path", Kind: lang.TextArg, Doc: "the file to write: .png, .svg or .pdf"}}, Options: []lang.Opt{plotWidthOpt, plotHeightOpt}, Topic: "plots",
		Doc: "Writes a figure to a PNG, SVG or PDF file.\n" +
			"The format is the extension's; returns the path\n" +
			"The file is written whole or not at all: a failed write leaves an old file of that name as it was.",
		Example: "savefig(plot(sin, 0, 6), tempdir() + \"/sine.svg\") != \"\"",
		Fn:      plotSavefigFn,
	},
	{
		Name: "figinfo", Params: []lang.Param{plotFigParam}, Topic: "plots",
		Doc: "What a figure holds, as a record.\nIts width, height, title, the series (kind, label, points; heights\n" +
			"of bars, levels of contours) and the axes' ranges xlim and ylim (and zlim in 3-D), or its panels",
		Example: "figinfo(plot([1, 2, 3], [2, 4, 3]))",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return plotInfo(plotFigureArg(a, 0))
		},
	},
	{
		Name: "preview", Params: []lang.Param{plotFigParam,
			{Name: "cols", Kind: lang.IntArg, Optional: true, Default: lang.Num(plot.PreviewCols), Doc: "the width in characters, from 4 to 500"},
			{Name: "rows", Kind: lang.IntArg, Optional: true, Default: lang.Num(plot.PreviewRows), Doc: "the height in characters, from 4 to 200"}}, Topic: "plots",
		Doc: "The figure drawn in text.\n" +
			"As the REPL previews it on a terminal.\n" +
			"Unicode braille, 2×4 dots to a character, cols×rows characters, with the axes' ranges.\n" +
			"print() shows it.",
		Example: "print(preview(plot(sin, 0, 2*pi), 40, 8))",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			fig, cols, rows := plotFigureArg(a, 0), plotCells(a, 1, 500), plotCells(a, 2, 200)
			return lang.Str(strings.TrimSuffix(fig.Braille(cols, rows), "\n"))
		},
	},
	{
		Name: "tempdir", Topic: "plots",
		Doc: "The folder for figures and other scratch files.\n" +
			"calc-plots in the system's temporary folder, created if it is missing. The REPL writes the figures\n" +
			"it shows there.",
		Example: `len(tempdir()) > 0`,
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

// plotSetter builds title, xlabel, ylabel, xscale, yscale, grid and colorbar: a copy of the figure
// with one option set.
func plotSetter(name string, param lang.Param, doc, example, option string) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{plotFigParam, param}, Topic: "plots", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			g := plotFigureArg(a, 0).Clone()
			if option == "grid" || option == "colorbar" {
				on, ok := a[1].Truth()
				if !ok {
					panic(lang.ArgErrorf(1, "expected true or false, got %s", a[1].TypeName()))
				}
				if option == "grid" {
					g.Grid = on
				} else {
					g.Colorbar = on
				}
				return plotValue(s, g)
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
