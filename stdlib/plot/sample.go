package plot

import "math"

// Sampling are the settings of Sample. Zero values mean the defaults.
type Sampling struct {
	// Intervals is the number of equal intervals of the first pass
	// (default 100).
	Intervals int
	// MaxAngle is the turn, in degrees, between two consecutive segments
	// above which both are halved (default 5). Angles are measured with x
	// and y scaled to the plot's box, as the eye sees them.
	MaxAngle float64
	// MaxDepth is how many times an interval may be halved (default 10).
	MaxDepth int
	// MaxPoints bounds the number of evaluations (default 20000).
	MaxPoints int
	// YScale is the height of the plot's box in units of y, for the angle
	// test; 0 takes the range of the first pass's finite values, which is
	// what an autoscaled axis will show.
	YScale float64
}

// Sample evaluates f on [a, b] adaptively, so that the polyline through
// the points looks smooth where the curve bends: it starts with
// s.Intervals equal intervals and, pass after pass, halves the two
// intervals around every point where the polyline turns by more than
// s.MaxAngle, and the intervals between a finite value and a non-finite
// one (so that gaps, poles and domain edges are pinned down), until no
// interval needs halving, an interval has been halved s.MaxDepth times,
// or there are s.MaxPoints points. This is the scheme of Mathematica's
// Plot and of the mpmath and Maxima plotters.
//
// The angle test needs a y scale: s.YScale, or else the range of the
// first pass's finite values. A NaN or infinite value is kept; it breaks
// the plotted line there.
//
// Cost: at most s.MaxPoints evaluations of f; a smooth curve on a
// well-scaled box takes a few hundred.
func Sample(f func(float64) float64, a, b float64, s Sampling) (xs, ys []float64) {
	n := s.Intervals
	if n <= 0 {
		n = 100
	}
	maxAngle := s.MaxAngle
	if maxAngle <= 0 {
		maxAngle = 5
	}
	maxDepth := s.MaxDepth
	if maxDepth <= 0 {
		maxDepth = 10
	}
	maxPoints := s.MaxPoints
	if maxPoints <= 0 {
		maxPoints = 20000
	}
	if a == b {
		return []float64{a}, []float64{f(a)}
	}
	xs, ys = make([]float64, n+1), make([]float64, n+1)
	for i := range xs {
		xs[i] = a + (b-a)*float64(i)/float64(n)
		if i == n {
			xs[i] = b
		}
		ys[i] = f(xs[i])
	}
	sx, sy := math.Abs(b-a), s.YScale
	if !(sy > 0) || math.IsInf(sy, 0) {
		sy = yRange(ys)
	}
	cosMax := math.Cos(maxAngle * math.Pi / 180)
	depth := make([]int, n) // depth[i]: halvings that made interval i, i+1

	split := make([]bool, n)
	for range maxDepth {
		clear(split)
		more := false
		mark := func(i int) {
			if i >= 0 && i < len(depth) && depth[i] < maxDepth {
				split[i], more = true, true
			}
		}
		for i := 0; i+1 < len(xs); i++ {
			if finite(ys[i]) != finite(ys[i+1]) {
				mark(i)
			}
		}
		for i := 1; i+1 < len(xs); i++ {
			if !finite(ys[i-1]) || !finite(ys[i]) || !finite(ys[i+1]) {
				continue
			}
			ux, uy := (xs[i]-xs[i-1])/sx, (ys[i]-ys[i-1])/sy
			vx, vy := (xs[i+1]-xs[i])/sx, (ys[i+1]-ys[i])/sy
			nu, nv := math.Hypot(ux, uy), math.Hypot(vx, vy)
			if nu == 0 || nv == 0 {
				continue
			}
			if (ux*vx+uy*vy)/(nu*nv) < cosMax {
				mark(i - 1)
				mark(i)
			}
		}
		if !more {
			break
		}
		nx := make([]float64, 0, 2*len(xs))
		ny := make([]float64, 0, 2*len(xs))
		nd := make([]int, 0, 2*len(depth))
		budget := maxPoints - len(xs)
		for i := range xs {
			nx, ny = append(nx, xs[i]), append(ny, ys[i])
			if i == len(depth) {
				break
			}
			if split[i] && budget > 0 {
				budget--
				m := xs[i] + (xs[i+1]-xs[i])/2
				nx, ny = append(nx, m), append(ny, f(m))
				nd = append(nd, depth[i]+1, depth[i]+1)
			} else {
				nd = append(nd, depth[i])
			}
		}
		xs, ys, depth = nx, ny, nd
		split = make([]bool, len(depth))
		if budget <= 0 {
			break
		}
	}
	return xs, ys
}

// yRange is the range of the finite values of ys (1 if it is empty or a
// point).
func yRange(ys []float64) float64 {
	lo, hi := DataRange(ys)
	if hi > lo {
		return hi - lo
	}
	return 1
}
