package plot

import (
	"math"
	"testing"
)

func TestContourCircle(t *testing.T) {
	n := 41
	xs, ys := make([]float64, n), make([]float64, n)
	for i := range n {
		xs[i] = -2 + 4*float64(i)/float64(n-1)
		ys[i] = xs[i]
	}
	z := make([]float64, n*n)
	for j := range n {
		for i := range n {
			z[j*n+i] = math.Hypot(xs[i], ys[j])
		}
	}
	lines := ContourLines(xs, ys, z, []float64{1, 1.5, 5})
	for k, r := range []float64{1, 1.5} {
		if len(lines[k]) != 1 {
			t.Fatalf("level %g: %d paths, want one loop", r, len(lines[k]))
		}
		p := lines[k][0]
		last := len(p.X) - 1
		if p.X[0] != p.X[last] || p.Y[0] != p.Y[last] {
			t.Errorf("level %g: the loop is not closed", r)
		}
		for i := range p.X {
			if d := math.Hypot(p.X[i], p.Y[i]); math.Abs(d-r) > 0.02 {
				t.Fatalf("level %g: point (%g, %g) is %g from the centre", r, p.X[i], p.Y[i], d)
			}
		}
	}
	if len(lines[2]) != 0 {
		t.Errorf("a level above the data has %d paths", len(lines[2]))
	}
}

// TestContourNaN: cells with a NaN corner are left out, leaving open paths.
func TestContourNaN(t *testing.T) {
	xs := []float64{0, 1, 2, 3}
	ys := []float64{0, 1, 2}
	z := []float64{
		0, 1, 2, 3,
		0, 1, math.NaN(), 3,
		0, 1, 2, 3,
	}
	lines := ContourLines(xs, ys, z, []float64{0.5})
	if len(lines[0]) != 1 || len(lines[0][0].X) != 3 {
		t.Fatalf("got %+v, want one vertical path through x = 0.5", lines[0])
	}
	for _, x := range lines[0][0].X {
		if x != 0.5 {
			t.Errorf("path strays to x = %g", x)
		}
	}
	if got := ContourLines(xs, ys, z, []float64{2.5}); len(got[0]) != 0 {
		t.Errorf("level 2.5 crosses only cells with a NaN corner, yet has paths %+v", got[0])
	}
}

func TestLevels(t *testing.T) {
	got := Levels([]float64{0, 10, math.NaN()}, 5)
	want := []float64{1, 3, 5, 7, 9}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Fatalf("Levels = %v, want %v", got, want)
		}
	}
}
