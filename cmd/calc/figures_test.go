package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"calc"
	"calc/stdlib/plot"
)

// TestREPLShowsFigures: a figure that is the value of a line is written to
// the figure folder, its path printed and, on a terminal, previewed in
// braille; other lines behave as before.
func TestREPLShowsFigures(t *testing.T) {
	r := startREPL(t, "")
	dir := t.TempDir()
	r.stop.s.SetLocal(figureShelfKey, &figureShelf{dir: dir})
	r.expect("calc> ")

	r.typeKeys("plot(sin, 0, 2*pi, {title: \"sine\"})", enter)
	first := filepath.Join(dir, "figure-1.png")
	r.expect("\n<figure 640×480: sine, 1 series> → " + first + "\n")
	r.expect("sine\n 1.1 ┤")
	before := r.seen
	r.expect("└────")
	if rows := strings.Count(r.out.String()[before:r.seen], "\n"); rows != plot.PreviewRows {
		t.Errorf("the preview is %d rows high, want %d", rows, plot.PreviewRows)
	}
	f, err := os.Open(first)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil || img.Bounds().Dx() != 640 || img.Bounds().Dy() != 480 {
		t.Errorf("%s: %v, %v", first, err, img.Bounds())
	}

	// An assignment shows nothing; the name's value is shown as the next
	// figure. Errors keep pointing at the line typed.
	r.typeKeys("g = plot(cos, 0, 1)", enter, "g", enter)
	r.expect("\n<figure 640×480: 1 series> → " + filepath.Join(dir, "figure-2.png") + "\n")
	r.typeKeys("plot([1, 2], [1])", enter)
	r.expectErr("<stdin>:1:14: plot: x and y differ in length: 2 and 1\n    plot([1, 2], [1])\n                 ^\n")
	r.typeKeys("1 + 1", enter)
	r.expect("\n2\n")

	// Of two figures with the same description, the one the line names
	// is shown.
	r.typeKeys("h = plot(x**3, 0, 1)", enter, "plot(x**2, 0, 1)", enter)
	r.expect(" → " + filepath.Join(dir, "figure-3.png") + "\n")
	r.typeKeys("h", enter)
	r.expect(" → " + filepath.Join(dir, "figure-4.png") + "\n")
	r.quit()
	v, _ := r.stop.s.Get("h")
	var want bytes.Buffer
	if err := v.Object().(*plot.Figure).Write(&want, "png"); err != nil {
		t.Fatal(err)
	}
	for file, same := range map[string]bool{"figure-3.png": false, "figure-4.png": true} {
		got, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil || bytes.Equal(got, want.Bytes()) != same {
			t.Errorf("%s is h's figure: %v, want %v (%v)", file, !same, same, err)
		}
	}
}

// TestPreviewRows: $CALC_PREVIEW_ROWS sets the preview's height, and 0
// turns it off.
func TestPreviewRows(t *testing.T) {
	for _, c := range []struct {
		env  string
		rows int
	}{{"", plot.PreviewRows}, {"4", 4}, {"0", 0}, {"tall", plot.PreviewRows}} {
		t.Setenv("CALC_PREVIEW_ROWS", c.env)
		if got := previewRows(); got != c.rows {
			t.Errorf("CALC_PREVIEW_ROWS=%q gives %d rows, want %d", c.env, got, c.rows)
		}
	}
}

// TestScriptPrintsFigures: outside the REPL a figure prints as its
// description and no file is written.
func TestScriptPrintsFigures(t *testing.T) {
	var out, errOut bytes.Buffer
	s := calc.NewSession()
	if err := calc.Run(s, "x.calc", "f = plot(sin, 0, 1)\nf\nprint(title(f, \"t\"))", &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if want := "<figure 640×480: 1 series>\n<figure 640×480: t, 1 series>\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
