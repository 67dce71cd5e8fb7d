package array

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRadixSort checks the radix paths of Sort and Argsort, which the
// numpy reference's short arrays do not reach, against the definition:
// the result is ascending with NaNs last, a permutation of the input,
// and argsort is stable.
func TestRadixSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 3 * radixMin
	x := make([]float64, n)
	for i := range x {
		switch r.IntN(10) {
		case 0:
			x[i] = math.NaN()
		case 1:
			x[i] = math.Copysign(0, -1)
		case 2:
			x[i] = float64(r.IntN(5)) // ties
		case 3:
			x[i] = math.Inf(2*r.IntN(2) - 1)
		default:
			x[i] = r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
		}
	}
	a := Vector(x)
	s, _ := Sort(a, -1)
	idx, _ := Argsort(a, -1)
	want := slices.Clone(x)
	slices.SortStableFunc(want, func(p, q float64) int {
		switch {
		case less(p, q):
			return -1
		case less(q, p):
			return 1
		}
		return 0
	})
	for i := range want {
		g, w := s.Floats()[i], want[i]
		if !(g == w || g != g && w != w) {
			t.Fatalf("sort: [%d] = %v, want %v", i, g, w)
		}
		k := int(idx.Floats()[i])
		if v := x[k]; !(v == w || v != v && w != w) {
			t.Fatalf("argsort: x[idx[%d]] = %v, want %v", i, v, w)
		}
		if i > 0 {
			prev := int(idx.Floats()[i-1])
			if eq := x[prev] == x[k] || x[prev] != x[prev] && x[k] != x[k]; eq && prev > k {
				t.Fatalf("argsort is not stable at %d: %d before %d", i, prev, k)
			}
		}
	}
}
