package image

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCannyBands compares Canny's edges found in several bands of rows
// with those found in one, on random images (whose edges cross the bands'
// borders everywhere) of gray and colour, both apertures and magnitudes.
func TestCannyBands(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, l := range []layout{{h: 11, w: 37, c: 1}, {h: 9, w: 20, c: 3}, {h: 40, w: 70, c: 1}} {
		src := make([]uint8, l.h*l.w*l.c)
		for i := range src {
			src[i] = uint8(rng.IntN(256))
		}
		for _, aperture := range []int{3, 5} {
			for _, l2 := range []bool{false, true} {
				lo, hi := int32(200), int32(900)
				if l2 {
					lo, hi = lo*lo, hi*hi
				}
				want := make([]uint8, l.h*l.w)
				if err := cannyInBands(bg, src, l, aperture, l2, lo, hi, 1, 1, want); err != nil {
					t.Fatal(err)
				}
				for bands := 2; bands <= 7; bands++ {
					got := make([]uint8, len(want))
					if err := cannyInBands(bg, src, l, aperture, l2, lo, hi, bands, 2, got); err != nil {
						t.Fatal(err)
					}
					if !slices.Equal(got, want) {
						t.Errorf("%+v aperture %d l2 %v: %d bands differ from one", l, aperture, l2, bands)
					}
				}
			}
		}
	}
}
