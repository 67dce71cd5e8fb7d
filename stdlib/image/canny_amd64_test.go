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
		suppress := func(vector bool) ([]uint8, []int) {
			hasAVX512BW = vector
			out := make([]uint8, w+2)
			edges := suppressRow(ring, 0, width, 2*width, w, 2, 5, out, 1000, []int{-1})
			return out, edges
		}
		out, edges := suppress(true)
		want, wantEdges := suppress(false)
		if !slices.Equal(out, want) || !slices.Equal(edges, wantEdges) {
			t.Errorf("w=%d: vector states %v edges %v, want %v %v", w, out, edges, want, wantEdges)
		}
	}
}
