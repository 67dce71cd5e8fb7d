package image

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSuppressVector compares suppressRow's states and edges with and
// without suppressVector, on random rows of small magnitudes (many ties)
// and derivatives in every direction.
func TestSuppressVector(t *testing.T) {
	if !hasAVX512BW {
		t.Skip("the CPU has no AVX-512")
	}
	defer func() { hasAVX512BW = true }()
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 60 {
		w := []int{1, 15, 16, 17, 47, 100}[i%6]
		width := 3*w + 2
		ring := make([]int32, 3*width)
		for s := range 3 {
			row := ring[s*width:][:width]
			for q := range w + 2 {
				row[q] = int32(rng.IntN(8))
			}
			for x := w + 2; x < width; x++ {
				row[x] = int32(rng.IntN(61) - 30)
			}
		}
		suppress := func(vector bool) ([]uint8, []int32) {
			hasAVX512BW = vector
			out := make([]uint8, w+2)
			edges := suppressRow(ring, 0, width, 2*width, w, 2, 5, out, 1000, []int32{-1})
			return out, edges
		}
		out, edges := suppress(true)
		want, wantEdges := suppress(false)
		if !slices.Equal(out, want) || !slices.Equal(edges, wantEdges) {
			t.Errorf("w=%d: vector states %v edges %v, want %v %v", w, out, edges, want, wantEdges)
		}
	}
}

// TestGradientVector compares Canny's gradient rows, and edges, with and
// without gradientVector on random gray images of widths that leave
// partial vectors.
func TestGradientVector(t *testing.T) {
	if !hasGradientVector {
		t.Skip("the CPU has no AVX-512")
	}
	defer func() { hasGradientVector = true }()
	rng := rand.New(rand.NewPCG(9, 10))
	for _, w := range []int{16, 17, 40, 129} {
		l := layout{h: 7, w: w, c: 1}
		src := make([]uint8, l.h*l.w)
		for i := range src {
			src[i] = uint8(rng.IntN(256))
		}
		for _, l2 := range []bool{false, true} {
			g := newCannyGradient(src, l, 3, l2)
			results := func(vector bool) ([][]int32, []uint8) {
				hasGradientVector = vector
				gradient := g.rows()
				var rows [][]int32
				for y := -1; y <= l.h; y++ {
					row := make([]int32, 3*w+2)
					gradient(y, row)
					rows = append(rows, row)
				}
				edges := make([]uint8, len(src))
				if err := canny8(bg, src, l, 3, l2, 100, 300, edges); err != nil {
					t.Fatal(err)
				}
				return rows, edges
			}
			got, gotEdges := results(true)
			want, wantEdges := results(false)
			for y := range got {
				if !slices.Equal(got[y], want[y]) {
					t.Errorf("w=%d l2=%v: gradient row %d differs", w, l2, y-1)
				}
			}
			if !slices.Equal(gotEdges, wantEdges) {
				t.Errorf("w=%d l2=%v: edges differ", w, l2)
			}
		}
	}
}
