package plot

import (
	"bytes"
	"flag"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\nwant %s\ngot  %s\n(go test -update rewrites it; review the diff)", path, i+1, wl[i], gl[i])
			}
		}
		t.Fatalf("%s differs in length: want %d lines, got %d", path, len(wl), len(gl))
	}
}

func sineFigure(t testing.TB) *Figure {
	x, y := Sample(math.Sin, 0, 2*math.Pi, Sampling{})
	f, err := (&Figure{Title: "sine"}).With(&Line{X: x, Y: y, Name: "sin"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// demoFigure exercises every kind of 2-D series but images, whose SVG
// holds an encoded PNG.
func demoFigure(t *testing.T) *Figure {
	line, _ := (&Figure{Title: "lines", XLabel: "x", YLabel: "y", Grid: true}).With(
		&Line{X: []float64{0, 1, 2, 3, 4}, Y: []float64{0, 1, math.NaN(), 9, 16}, Name: "squares", Style: Style{Markers: true}},
		&Line{X: []float64{0, 4}, Y: []float64{16, 0}, Name: "down", Style: Style{Dashes: "--"}},
		&Scatter{X: []float64{0.5, 1.5, 2.5}, Y: []float64{3, 5, 7}, Name: "dots"},
	)
	bars, _ := (&Figure{Title: "bars"}).With(&Bars{X: []float64{0, 1, 2}, Heights: []float64{3, 5, 2}, Width: 0.8, Names: []string{"a", "b", "c"}})
	n := 21
	xs, ys := make([]float64, n), make([]float64, n)
	z := make([]float64, n*n)
	var fx, fy, fu, fv []float64
	for i := range n {
		xs[i], ys[i] = -1+2*float64(i)/float64(n-1), -1+2*float64(i)/float64(n-1)
	}
	for j := range n {
		for i := range n {
			z[j*n+i] = xs[i]*xs[i] + 2*ys[j]*ys[j]
			if i%5 == 0 && j%5 == 0 {
				fx, fy = append(fx, xs[i]), append(fy, ys[j])
				fu, fv = append(fu, 2*xs[i]), append(fv, 4*ys[j])
			}
		}
	}
	contour, err := (&Figure{Title: "bowl", Legend: "top left"}).With(
		&Contour{X: xs, Y: ys, Z: z, Levels: Levels(z, 5), Map: Viridis, Name: "levels"},
		&Field{X: fx, Y: fy, U: fu, V: fv, Name: "gradient"})
	if err != nil {
		t.Fatal(err)
	}
	helix := &Line3{}
	for i := range 200 {
		s := float64(i) / 20
		helix.X, helix.Y, helix.Z = append(helix.X, math.Cos(s)), append(helix.Y, math.Sin(s)), append(helix.Z, s)
	}
	space, _ := (&Figure{Title: "helix", View: &View{Azim: -50, Elev: 20}}).With(helix)
	grid, err := Grid([]*Figure{line, bars, contour, space}, 2)
	if err != nil {
		t.Fatal(err)
	}
	grid.Title = "demo"
	return grid
}

func TestGoldenSVG(t *testing.T) {
	var b bytes.Buffer
	if err := demoFigure(t).Write(&b, "svg"); err != nil {
		t.Fatal(err)
	}
	golden(t, "demo.svg", b.Bytes())
}

func TestGoldenBraille(t *testing.T) {
	golden(t, "sine.txt", []byte(sineFigure(t).Braille(PreviewCols, PreviewRows)))
}

// TestFormats renders to every format at two sizes and checks that the
// files are what they claim, of the size asked for.
func TestFormats(t *testing.T) {
	for _, size := range [][2]int{{640, 480}, {300, 200}} {
		f := sineFigure(t)
		f.Width, f.Height = size[0], size[1]
		var b bytes.Buffer
		if err := f.Write(&b, "png"); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Size(); got.X != size[0] || got.Y != size[1] {
			t.Errorf("PNG is %v, want %dx%d", got, size[0], size[1])
		}
		b.Reset()
		if err := f.Write(&b, "svg"); err != nil {
			t.Fatal(err)
		}
		head := b.String()[:min(b.Len(), 300)]
		want := `<svg width="` + ftoa(0.75*float64(size[0])) + `pt" height="` + ftoa(0.75*float64(size[1])) + `pt"`
		if !strings.HasPrefix(head, "<?xml") || !strings.Contains(head, want) {
			t.Errorf("SVG header %q lacks %q", head, want)
		}
		b.Reset()
		if err := f.Write(&b, "pdf"); err != nil {
			t.Fatal(err)
		}
		box := fmt.Sprintf("/MediaBox [0 0 %.2f %.2f]", 0.75*float64(size[0]), 0.75*float64(size[1]))
		if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) || !bytes.Contains(b.Bytes(), []byte(box)) {
			t.Errorf("PDF lacks %%PDF- or %s", box)
		}
	}
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// scalesFigure shows log axes: a power law on log–log axes and an
// exponential on semi-log ones, with a gap where a value is not positive.
func scalesFigure(t *testing.T) *Figure {
	var x, y, e, sx, sy []float64
	for i := range 40 {
		v := math.Pow(10, -1+float64(i)/10)
		x, y, e = append(x, v), append(y, 3*math.Pow(v, 1.5)), append(e, math.Exp(float64(i)/4))
		if i%4 == 0 {
			sx, sy = append(sx, v), append(sy, 3*math.Pow(v, 1.5)*(1+0.2*math.Sin(float64(i))))
		}
	}
	e[5] = 0
	loglog, err := (&Figure{Title: "power law", XScale: Log, YScale: Log, Grid: true}).With(
		&Line{X: x, Y: y, Name: "3x^1.5"}, &Scatter{X: sx, Y: sy, Name: "samples"})
	if err != nil {
		t.Fatal(err)
	}
	semilog, err := (&Figure{Title: "growth", YScale: Log, XLabel: "t"}).With(&Line{X: x, Y: e, Style: Style{Markers: true}})
	if err != nil {
		t.Fatal(err)
	}
	grid, err := Grid([]*Figure{loglog, semilog}, 2)
	if err != nil {
		t.Fatal(err)
	}
	return grid
}

func TestGoldenScales(t *testing.T) {
	var b bytes.Buffer
	if err := scalesFigure(t).Write(&b, "svg"); err != nil {
		t.Fatal(err)
	}
	golden(t, "scales.svg", b.Bytes())
}

func TestCheckAxes(t *testing.T) {
	line := &Line{X: []float64{1, 2}, Y: []float64{1, 2}}
	for _, c := range []struct {
		f    *Figure
		want string
	}{
		{&Figure{YScale: Log, Series: []Series{line}}, ""},
		{&Figure{XScale: Log, XLim: Range{-1, 10}, Series: []Series{line}}, "positive xlim"},
		{&Figure{YScale: Log, Series: []Series{&Bars{X: []float64{1}, Heights: []float64{1}}}}, "not bar"},
		{&Figure{XScale: Log, Series: []Series{&Line3{X: []float64{1}, Y: []float64{1}, Z: []float64{1}}}}, "2-D"},
	} {
		err := c.f.CheckAxes()
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("CheckAxes() = %v, want %q", err, c.want)
		}
	}
	x, y := (&Figure{XScale: Log, Series: []Series{&Line{X: []float64{1, 1000}, Y: []float64{1, 2}}}}).Limits()
	if math.Abs(x.Min-1) > 1e-9 || math.Abs(x.Max-1000) > 1e-9 || y.Min >= 1 {
		t.Errorf("Limits of a log axis = %v, %v, want [1, 1000] in data units", x, y)
	}
}

// TestLabels3D checks that a 3-D figure names each axis once: beside the
// box, not also as a 2-D axis label.
func TestLabels3D(t *testing.T) {
	f, err := (&Figure{XLabel: "east", YLabel: "north", ZLabel: "up"}).With(
		&Line3{X: []float64{0, 1}, Y: []float64{0, 1}, Z: []float64{0, 1}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b, "svg"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"east", "north", "up"} {
		if n := strings.Count(b.String(), ">"+name); n != 1 {
			t.Errorf("%q is written %d times", name, n)
		}
	}
}

// surfaceFigure shows a filled surface and a wireframe, each 12×12.
func surfaceFigure(t *testing.T) *Figure {
	n := 12
	g := make([]float64, n)
	for i := range g {
		g[i] = -1 + 2*float64(i)/float64(n-1)
	}
	saddle, bump := make([]float64, n*n), make([]float64, n*n)
	for j, y := range g {
		for i, x := range g {
			saddle[j*n+i] = x*x - y*y
			bump[j*n+i] = math.Exp(-3 * (x*x + y*y))
		}
	}
	filled, err := (&Figure{Title: "saddle", XLabel: "x", YLabel: "y", ZLabel: "z"}).With(&Surface{X: g, Y: g, Z: saddle})
	if err != nil {
		t.Fatal(err)
	}
	wire, err := (&Figure{Title: "bump", View: &View{Azim: 30, Elev: 45}}).With(&Surface{X: g, Y: g, Z: bump, Wireframe: true})
	if err != nil {
		t.Fatal(err)
	}
	grid, err := Grid([]*Figure{filled, wire}, 2)
	if err != nil {
		t.Fatal(err)
	}
	return grid
}

func TestGoldenSurface(t *testing.T) {
	var b bytes.Buffer
	if err := surfaceFigure(t).Write(&b, "svg"); err != nil {
		t.Fatal(err)
	}
	golden(t, "surface.svg", b.Bytes())
}

// TestSurfaceOrder checks the painter's order: of two cells, the one
// nearer the eye is drawn last.
func TestSurfaceOrder(t *testing.T) {
	s := &Surface{X: []float64{0, 1, 2}, Y: []float64{0, 1}, Z: []float64{0, 0, 0, 0, 0, 0}}
	if err := s.check(); err != nil {
		t.Fatal(err)
	}
	// Seen from +x (azimuth 0), the cell at larger x is nearer.
	p := newProjector(Box3{Range{0, 2}, Range{0, 1}, Range{-1, 1}}, View{Azim: 0, Elev: 30})
	l := surfaceLayer(s, p, func(Style) color.Color { return color.Black })
	if len(l.x) != 2 {
		t.Fatalf("%d cells, want 2", len(l.x))
	}
	if !(p.depth(0.5, 0.5, 0) < p.depth(1.5, 0.5, 0)) {
		t.Fatal("the cell at larger x should be nearer")
	}
	// The projection is affine, so a cell's projected corners average to
	// the projection of its centre.
	mean := func(v []float64) float64 { return (v[0] + v[1] + v[2] + v[3]) / 4 }
	fx, fy := p.point(0.5, 0.5, 0)
	if math.Abs(mean(l.x[0])-fx) > 1e-12 || math.Abs(mean(l.y[0])-fy) > 1e-12 {
		t.Errorf("the first cell drawn is centred at (%g, %g), want the farther one at (%g, %g)", mean(l.x[0]), mean(l.y[0]), fx, fy)
	}
	bad := &Surface{X: []float64{0, 1}, Y: []float64{0, 1}, Z: []float64{1, 2, 3}}
	if err := bad.check(); err == nil {
		t.Error("a surface with 3 heights for a 2×2 grid was accepted")
	}
}

// colourFigure shows filled contours with their level lines and a colour
// bar in bands, and contour lines with a continuous bar.
func colourFigure(t *testing.T) *Figure {
	n := 31
	g := make([]float64, n)
	for i := range g {
		g[i] = -2 + 4*float64(i)/float64(n-1)
	}
	z := make([]float64, n*n)
	for j, y := range g {
		for i, x := range g {
			z[j*n+i] = x*x + 2*y*y
		}
	}
	levels := Levels(z, 6)
	filled, err := (&Figure{Title: "bands", Colorbar: true}).With(
		&Contour{X: g, Y: g, Z: z, Levels: levels, Map: Viridis, Filled: true},
		&Contour{X: g, Y: g, Z: z, Levels: levels, Style: Style{Color: color.Black, LineWidth: 0.7}})
	if err != nil {
		t.Fatal(err)
	}
	lines, err := (&Figure{Title: "lines", Colorbar: true}).With(&Contour{X: g, Y: g, Z: z, Levels: Levels(z, 12), Map: Gray})
	if err != nil {
		t.Fatal(err)
	}
	grid, err := Grid([]*Figure{filled, lines}, 2)
	if err != nil {
		t.Fatal(err)
	}
	return grid
}

func TestGoldenColour(t *testing.T) {
	var b bytes.Buffer
	if err := colourFigure(t).Write(&b, "svg"); err != nil {
		t.Fatal(err)
	}
	golden(t, "colour.svg", b.Bytes())
}

func TestColorbarChecks(t *testing.T) {
	line := &Line{X: []float64{1, 2}, Y: []float64{1, 2}}
	if err := (&Figure{Colorbar: true, Series: []Series{line}}).CheckAxes(); err == nil {
		t.Error("a colour bar of a line plot was accepted")
	}
	c := &Contour{X: []float64{0, 1}, Y: []float64{0, 1}, Z: []float64{0, 1, 2, 3}, Levels: []float64{2, 1}, Filled: true}
	if err := c.check(); err == nil {
		t.Error("filled contours with decreasing levels were accepted")
	}
	c.Levels = []float64{1, 2}
	l := newFilledLayer(c)
	// Bands: below 1, 1 to 2, above 2; the grid's corners lie in each.
	for _, p := range []struct{ x, y, want float64 }{{0, 0, 0}, {1, 0, 1}, {0.5, 0.5, 1.5}, {1, 1, 3}} {
		if got := l.value(p.x, p.y); math.Abs(got-p.want) > 1e-12 {
			t.Errorf("value(%g, %g) = %g, want %g", p.x, p.y, got, p.want)
		}
	}
	if len(l.colours) != 3 {
		t.Errorf("%d bands for 2 levels, want 3", len(l.colours))
	}
}

// marksFigure shows a band, error bars both ways, a text and an arrow.
func marksFigure(t *testing.T) *Figure {
	var x, lo, hi []float64
	for i := range 40 {
		v := float64(i) / 6
		x, lo, hi = append(x, v), append(lo, math.Sin(v)-0.3), append(hi, math.Sin(v)+0.3)
	}
	hi[20] = math.NaN() // a gap in the band
	f, err := (&Figure{Title: "marks"}).With(
		&Band{X: x, Y1: lo, Y2: hi, Name: "band"},
		&ErrorBars{X: []float64{1, 3, 5}, Y: []float64{0.8, 0.1, -0.9}, YLo: []float64{0.1, 0.2, 0.3}, YHi: []float64{0.2, 0.2, 0.1},
			XLo: []float64{0.2, 0.2, 0.2}, XHi: []float64{0.1, 0.1, 0.1}, Name: "measured"},
		&Note{X: 3.5, Y: 1.2, Text: "peak", Arrow: true, AX: 1.57, AY: 1},
		&Note{X: 5, Y: -1.4, Text: "trough", Size: 8})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestGoldenMarks(t *testing.T) {
	var b bytes.Buffer
	if err := marksFigure(t).Write(&b, "svg"); err != nil {
		t.Fatal(err)
	}
	golden(t, "marks.svg", b.Bytes())
	if s := marksFigure(t).Braille(40, 10); strings.Count(s, "\n") < 10 {
		t.Errorf("the marks' text picture is too short:\n%s", s)
	}
}

// TestBrailleSeries: two series are told apart in the preview (the second
// dotted, or each in its colour) and the legend names them.
func TestBrailleSeries(t *testing.T) {
	x, y := Sample(math.Sin, 0, 2*math.Pi, Sampling{})
	x2, y2 := Sample(math.Cos, 0, 2*math.Pi, Sampling{})
	f, err := (&Figure{}).With(&Line{X: x, Y: y, Name: "sin"}, &Line{X: x2, Y: y2, Name: "cos"})
	if err != nil {
		t.Fatal(err)
	}
	plain := f.Braille(40, PreviewRows)
	lines := strings.Split(strings.TrimSuffix(plain, "\n"), "\n")
	if len(lines) != PreviewRows+3 || lines[len(lines)-1] != "  ⠤⠤⠤ sin   ⠄⠄⠄ cos" {
		t.Errorf("%d lines, the last %q:\n%s", len(lines), lines[len(lines)-1], plain)
	}
	colour := f.Preview(40, PreviewRows, true)
	for _, c := range []string{"\x1b[38;2;31;119;180m⠤⠤⠤\x1b[0m sin", "\x1b[38;2;255;127;14m⠤⠤⠤\x1b[0m cos"} {
		if !strings.Contains(colour, c) {
			t.Errorf("the coloured preview lacks %q", c)
		}
	}
	if strings.Count(colour, "\x1b[38;2;255;127;14m") < PreviewRows {
		t.Errorf("the second series is not painted in its colour:\n%s", colour)
	}
}
