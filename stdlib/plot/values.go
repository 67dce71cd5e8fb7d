package plot

import "math"

// Linspace returns n ≥ 2 values evenly spaced from lo to hi, both
// included: lo + (hi−lo)·i/(n−1), the last set to hi exactly so that
// rounding never leaves it short. It is numpy's linspace up to rounding
// in the last bit.
func Linspace(lo, hi float64, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = lo + (hi-lo)*float64(i)/float64(n-1)
	}
	v[n-1] = hi
	return v
}

// Indices returns 0, 1, ..., n−1, the x positions of n values given
// without them.
func Indices(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
	}
	return x
}

// Filled returns n copies of v.
func Filled(n int, v float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// Finite reports whether every x is neither NaN nor infinite.
func Finite(xs ...float64) bool {
	for _, x := range xs {
		if !finite(x) {
			return false
		}
	}
	return true
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// ImageHeight returns the height in pixels of a figure of the default
// width that shows an image of rows×cols with square pixels: the plot
// area is the default width less the margins, and the figure adds room
// for the axes (and a title, when titled), kept within 200 to 1600.
func ImageHeight(rows, cols int, titled bool) int {
	extra := 60
	if titled {
		extra += 32
	}
	h := int(math.Round(float64(DefaultWidth-70)*float64(rows)/float64(cols))) + extra
	return max(200, min(h, 1600))
}
