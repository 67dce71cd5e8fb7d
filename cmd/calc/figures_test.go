package main

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
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
	r.expect("└────")
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
	r.quit()
}
