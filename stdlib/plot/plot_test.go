package plot

import (
	"bytes"
	"flag"
	"fmt"
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
