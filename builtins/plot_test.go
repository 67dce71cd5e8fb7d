package builtins_test

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"calc/builtins"
	"calc/lang"
	"calc/stdlib/plot"
)

// eval runs statements in a fresh session and returns the last value.
func plotEval(t *testing.T, src string) lang.Value {
	t.Helper()
	v, err := builtins.NewSession().Eval(src)
	if err != nil {
		t.Fatalf("%s:\n%v", src, err)
	}
	return v
}

func plotFigure(t *testing.T, src string) *plot.Figure {
	t.Helper()
	v := plotEval(t, src)
	f, ok := v.Object().(*plot.Figure)
	if !ok {
		t.Fatalf("%s gives %s, not a figure", src, v.TypeName())
	}
	return f
}

func TestPlotFigures(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`plot(sin, 0, 2*pi, {title: "sine"})`, "<figure 640×480: sine, 1 series>"},
		{`plot(x**2 - 1, -2, 2)`, "<figure 640×480: 1 series>"},
		{`plot([sin, cos, x**2], 0, 1)`, "<figure 640×480: 3 series>"},
		{`plot([1, 4, 9])`, "<figure 640×480: 1 series>"},
		{`plot([1, 2, 3], [[1, 2, 3], [3, 2, 1]], {label: ["up", "down"]})`, "<figure 640×480: 2 series>"},
		{`plot(range(4), [[1, 2], [3, 4], [5, 6], [7, 8]])`, "<figure 640×480: 2 series>"},
		{`f = plot(sin, 0, 1)` + "\n" + `plot(f, [0, 1], [1, 0], {style: "--"})`, "<figure 640×480: 2 series>"},
		{`scatter([1, 2], [3, 4], {width: 300, height: 200})`, "<figure 300×200: 1 series>"},
		{`plot3(cos(range(9)), sin(range(9)), range(9))`, "<figure 640×480: 1 series>"},
		{`hist([1, 2, 2, 3], {bins: [0, 2, 4]})`, "<figure 640×480: 1 series>"},
		{`bar(["a", "b"], [1, 2])`, "<figure 640×480: 1 series>"},
		{`contour([[1, 2], [3, 4]])`, "<figure 640×480: 1 series>"},
		{`quiver([0, 1], [0, 1], [1, 0], [0, 1])`, "<figure 640×480: 1 series>"},
		{`imshow(zeros(3, 4, 3))`, "<figure 640×488: 1 series>"},
		{`subplots([[figure(), figure()], [figure(), figure()]], {title: "grid"})`, "<figure 960×720: grid, 2×2 panels>"},
		{`title(figure(), "empty")`, "<figure 640×480: empty, empty>"},
	} {
		if got := plotFigure(t, c.src).String(); got != c.want {
			t.Errorf("%s = %s, want %s", c.src, got, c.want)
		}
	}
}

// TestFiguresAreValues: functions that change a figure return a new one.
func TestFiguresAreValues(t *testing.T) {
	s := builtins.NewSession()
	v, err := s.Eval("f = plot(sin, 0, 1)\ng = grid(xlabel(title(f, \"t\"), \"x\"))\nh = plot(f, cos, 0, 1)\n[f, g, h]")
	if err != nil {
		t.Fatal(err)
	}
	items := v.List().Items
	f, g, h := items[0].Object().(*plot.Figure), items[1].Object().(*plot.Figure), items[2].Object().(*plot.Figure)
	if f.Title != "" || f.Grid || len(f.Series) != 1 {
		t.Errorf("f changed: %+v", f)
	}
	if g.Title != "t" || g.XLabel != "x" || !g.Grid {
		t.Errorf("g = %+v", g)
	}
	if len(h.Series) != 2 {
		t.Errorf("h has %d series", len(h.Series))
	}
	if v := plotEval(t, `type(plot(sin, 0, 1))`); v.Text() != "figure" {
		t.Errorf("type() = %s", v.Text())
	}
}

func TestPlotNumbers(t *testing.T) {
	info := plotEval(t, `figinfo(hist([1, 2, 2, 3, 3, 3, 4, 4, 5], {bins: 5}))`).Record()
	series := info.Values["series"].List().Items[0].Record()
	if got := lang.Format(series.Values["heights"]); got != "[1, 2, 3, 2, 1]" {
		t.Errorf("hist heights %s", got)
	}
	// quiver of a function with a number for a value draws its gradient.
	f := plotFigure(t, `quiver(x**2 + 3*y, [-1, 1], [0, 2], {n: 3})`)
	field := f.Series[0].(*plot.Field)
	for i := range field.X {
		if math.Abs(field.U[i]-2*field.X[i]) > 1e-9 || field.V[i] != 3 {
			t.Fatalf("arrow %d at (%g, %g) is (%g, %g), want the gradient", i, field.X[i], field.Y[i], field.U[i], field.V[i])
		}
	}
	// contour of f(x, y) samples z[j][i] = f(x[i], y[j]).
	c := plotFigure(t, "g(x, y) = x - 10*y\ncontour(g, [0, 1], [0, 1], {n: 3, levels: [0]})").Series[0].(*plot.Contour)
	if c.Z[1] != 0.5 || c.Z[3] != -5 || len(c.Levels) != 1 {
		t.Errorf("contour grid %v, levels %v", c.Z, c.Levels)
	}
	// A NaN is a gap, not an error.
	line := plotFigure(t, `plot([1, 2, 3], [1, nan, 3])`).Series[0].(*plot.Line)
	if !math.IsNaN(line.Y[1]) {
		t.Errorf("y = %v", line.Y)
	}
	// The points of a track matrix become a 3-D curve.
	l3 := plotFigure(t, "step(w) = w + [1, 2, 3]\nplot3(iterate(step, [0, 0, 0], 4))").Series[0].(*plot.Line3)
	if l3.Z[3] != 9 || l3.Y[2] != 4 {
		t.Errorf("plot3 points %v %v %v", l3.X, l3.Y, l3.Z)
	}
}

func TestPlotErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ src, want string }{
		{`plot([1, 2, 3], [1, 2])`, "1:17: plot: x and y differ in length: 3 and 2"},
		{`plot([1, 2], [[1, 2, 3], [4, 5, 6], [7, 8, 9]])`, "y has shape (3, 3), which does not fit x's length 2"},
		{`scatter([1, 2], [1])`, "1:17: scatter: x and y differ in length"},
		{`plot3([1], [2], [3, 4])`, "x and z differ in length: 1 and 2"},
		{`plot(sin, 1, 0)`, "the interval needs a < b"},
		{`plot(sin, 0, inf)`, "b must be finite"},
		{`f(x) = [x, x]` + "\n" + `plot(f, 0, 1)`, "2:6: plot: the function must return a number, got array"},
		{`plot(sin, 0, 1, {colour: "red"})`, `unknown option "colour"`},
		{`plot(sin, 0, 1, {color: "reddish"})`, `unknown colour "reddish"`},
		{`plot(sin, 0, 1, {style: "~"})`, `unknown style "~"`},
		{`plot(sin, 0, 1, {xlim: [1, 0]})`, "option xlim must be [lo, hi] with finite lo < hi"},
		{`plot(sin, 0, 1, {width: 0})`, "option width must be a whole number of pixels"},
		{`plot(sin, 0, 1, {label: ["a", "b"]})`, "option label must be a string or a list of 1 strings"},
		{`hist([1, 2], {bins: 0})`, "option bins must be a number of bins"},
		{`contour(x*y, [0, 1], [0, 1], {cmap: "jet"})`, `unknown colour map "jet"`},
		{`imshow([1, 2, 3])`, "imshow needs a matrix"},
		{`subplots([1, 2])`, "subplots needs figures, got number"},
		{`plot(plot3([1], [2], [3]), [1], [2])`, "a 3-D figure holds only 3-D series"},
		{`savefig(plot(sin, 0, 1), "out.gif")`, `1:26: savefig: unknown file extension ".gif": use .png, .svg or .pdf`},
		{`savefig(plot(sin, 0, 1), "` + dir + `/no/such/out.png")`, "does not exist"},
		{`plot(sin, 0, 1, {file: "` + dir + `/a.bmp"})`, `option file: unknown file extension ".bmp"`},
		{`title(1, "x")`, "expected a figure, got number"},
		{`legend(plot(sin, 0, 1), "middle")`, `the legend's place is "top right"`},
		{`xlim(plot(sin, 0, 1), 2, 1)`, "xlim needs finite lo < hi"},
	} {
		_, err := builtins.NewSession().Eval(c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.src, err, c.want)
		}
	}
}

func TestPlotFiles(t *testing.T) {
	dir := t.TempDir()
	s := builtins.NewSession()
	src := `f = plot(sin, 0, 6, {file: "` + dir + `/a.svg"})` + "\n" +
		`savefig(f, "` + dir + `/b.pdf")` + "\n" +
		`savefig(f, "` + dir + `/c.png", {width: 320, height: 240})`
	v, err := s.Eval(src)
	if err != nil {
		t.Fatal(err)
	}
	if v.Text() != dir+"/c.png" {
		t.Errorf("savefig returned %s", lang.Format(v))
	}
	for _, name := range []string{"a.svg", "b.pdf", "c.png"} {
		if info, err := os.Stat(filepath.Join(dir, name)); err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestPlotSafeMode: safe mode writes no files.
func TestPlotSafeMode(t *testing.T) {
	dir := t.TempDir()
	for _, src := range []string{
		`savefig(plot(sin, 0, 1), "` + dir + `/a.png")`,
		`plot(sin, 0, 1, {file: "` + dir + `/a.png"})`,
		`tempdir()`,
	} {
		s := builtins.NewSession()
		s.Safe = true
		if _, err := s.Eval(src); err == nil || !strings.Contains(err.Error(), "files are off in safe mode") {
			t.Errorf("%s in safe mode: %v", src, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("safe mode wrote %d files", len(entries))
	}
}

// FuzzPlot runs plotting calls on arbitrary arguments, in safe mode (no
// files), drawing each figure they make: no input may panic.
func FuzzPlot(f *testing.F) {
	for _, src := range []string{
		`plot(sin, 0, 2*pi)`, `plot([1, nan, 3], [1e308, -1e308, inf])`, `plot(1/x, -1, 1, {ylim: [-5, 5]})`,
		`scatter([1], [2], {size: 3})`, `hist([nan, nan], {bins: 3})`, `hist([1, 1, 1], {range: [1, 1]})`,
		`bar([0, 0], [inf, -inf])`, `contour([[nan, 1], [2, 3]], {levels: [1.5]})`, `contour(x*y, [0, 1], [0, 1], {n: 2})`,
		`quiver([0], [0], [0], [0])`, `quiver(x**2, [0, 1], [0, 1], {n: 2})`, `plot3([1, 1], [2, 2], [3, nan])`,
		`imshow([[nan, 1], [2, inf]])`, `imshow(zeros(1, 1, 4))`, `subplots([figure()], {cols: 9})`,
		`xlim(plot([1e-300, 2e-300], [1, 2]), 1e-300, 2e-300)`, `plot([1e308, -1e308], [1, 2])`,
		`legend(plot([sin, cos], 0, 1), ["a"])`, `figure({azim: 1e300, elev: -1e300})`, `plot3([0], [0], [0], {elev: 90})`,
		`plot([0, 1e-300, 1], [-1, nan, 1e308], {xscale: "log", yscale: "log"})`, `yscale(plot([1, 1], [1, 1]), "log")`,
		`plot_surface([[nan, 1], [inf, 3]], {colorbar: true})`, `plot_wireframe(x*y, [0, 1], [0, 1], {n: 2})`,
		`contourf([[1, 1], [1, 1]], {levels: [1], colorbar: true})`, `contourf(x - y, [0, 1], [0, 1], {n: 2, levels: 1})`,
		`errorbar([1, 2], [nan, 1], [[1, inf], [0, 0]], {xerr: 1e308})`, `fill_between([1, 2, 3], [nan, 1, 2], 1e308)`,
		`annotate(plot([1], [1]), "a", [1, 1], [1, 1])`, `text(figure(), 1e308, -1e308, "")`,
		`colorbar(imshow([[1, 1]]))`,
	} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s := builtins.NewSession()
		s.Safe, s.MaxDepth, s.MaxElements = true, 100, 1e4
		v, err := s.Eval(src)
		if err != nil {
			return
		}
		if fig, ok := v.Object().(*plot.Figure); ok {
			fig.Braille(30, 8)
			if w, h := fig.Size(); w*h <= 1e6 {
				fig.Write(io.Discard, "png")
				fig.Write(io.Discard, "svg")
			}
		}
	})
}
