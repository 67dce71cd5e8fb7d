package builtins

import (
	"fmt"

	"calc/lang"
	"calc/stdlib/plot"
)

// surfaceBuiltins draw surfaces in space: plot_surface and plot_wireframe.
var surfaceBuiltins = []*lang.Builtin{
	surfaceBuiltin("plot_surface", false,
		"A 3-D surface, as a figure.\nOf z = f(x, y), or of a matrix Z of heights over a grid.\n"+
			"Each grid cell is filled with the colour map's colour for its height and outlined; nearer cells cover farther\n"+
			"ones. f is sampled on an n×n grid (n: 40); color is the outlines'.",
		"plot_surface(x**2 - y**2, [-1, 1], [-1, 1], {title: \"saddle\"})"),
	surfaceBuiltin("plot_wireframe", true,
		"A 3-D wireframe, as a figure: the grid's lines only.\nOf z = f(x, y), or of a matrix Z of heights over a grid.\n"+
			"f is sampled on an n×n grid (n: 20).",
		"plot_wireframe(sin(x)*cos(y), [0, 6], [0, 6], {n: 15})"),
}

// surfaceBuiltin builds plot_surface (wire false) and plot_wireframe.
func surfaceBuiltin(name string, wire bool, doc, example string) *lang.Builtin {
	n := 40
	if wire {
		n = 20
	}
	return &lang.Builtin{
		Name: name, Forms: plotGridForms, Topic: "plots",
		Options: plotOptions(lang.Opt{Name: "n", Doc: fmt.Sprintf("the grid's points per side, for a function (%d)", n)}, plotCmapOpt, plotColorOpt, plotLinewidthOpt, plotLabelOpt),
		Doc:     doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			fig, data, o, off := plotArgs(s, a)
			sf := &plot.Surface{Wireframe: wire, Map: plotColormap(o, "viridis")}
			sf.X, sf.Y, sf.Z = plotGridded(s, data, off, o, name, n)
			sf.Style, _ = o.style()
			sf.Name = o.labels(1, nil)[0]
			return o.finish(addSeries(fig, off, sf))
		},
	}
}
