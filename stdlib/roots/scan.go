package roots

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// ScanSettings are the settings of FindAll and Extrema.
type ScanSettings struct {
	// Intervals is the number of equal grid intervals scanned for sign
	// changes; zero means 1000. Two roots closer than a grid interval
	// are found only when they are the two crossings of a local extremum
	// of f (see FindAll).
	Intervals int
	// ZeroTol decides tangential roots: a local minimum of |f| whose
	// refined value is at most ZeroTol times the largest |f| on the grid
	// counts as a root; zero means 1e-10.
	ZeroTol float64
	// Bracket holds the settings of the Brentq refinement (scipy's
	// defaults when zero).
	Bracket BracketSettings
}

func (s *ScanSettings) resolve(a, b float64) (n int, ztol float64, bs *BracketSettings, err error) {
	n, ztol, bs = 1000, 1e-10, &BracketSettings{}
	if s != nil {
		if s.Intervals != 0 {
			n = s.Intervals
		}
		if s.ZeroTol != 0 {
			ztol = s.ZeroTol
		}
		bs = &s.Bracket
	}
	switch {
	case math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(b) || math.IsInf(b, 0):
		err = fmt.Errorf("the interval [%v, %v] is not finite", a, b)
	case !(a < b):
		err = fmt.Errorf("the interval [%v, %v] is empty: a must be less than b", a, b)
	case n < 1:
		err = errors.New("the number of intervals must be positive")
	case !(ztol > 0):
		err = fmt.Errorf("the zero tolerance %g is not positive", ztol)
	}
	return
}

// FindAll returns every root of f in [a, b] that it can find, sorted and
// without duplicates. It evaluates f on a grid of s.Intervals equal
// intervals (1000 by default) and
//
//   - takes every grid point where f is exactly zero;
//   - refines every interval whose ends have opposite signs with Brentq,
//     discarding the result when |f| there exceeds |f| at both ends (a
//     pole such as that of 1/x or tan x, not a root);
//   - refines every grid point where |f| has a local minimum without a
//     sign change nearby by minimizing |f| over the two neighbouring
//     intervals (golden-section search): a negative minimum of f·sign
//     reveals two close crossings, each refined with Brentq, and a
//     minimum of |f| within ZeroTol times the largest |f| on the grid is
//     a tangential (even-multiplicity) root, such as that of x² or
//     sin² x, located to about sqrt(eps) relative accuracy.
//
// This heuristic misses pairs of roots whose extremum between them falls
// between the same grid points as a larger value, and tangential roots
// where |f| does not dip below ZeroTol at the found minimum. Grid points
// where f is NaN or infinite are skipped, so f may be undefined on part of
// the interval. The error reports an invalid interval or settings, or an
// f that is not finite anywhere on the grid. Cost: Intervals+1 calls of f
// plus about 40 per root.
func FindAll(f func(float64) float64, a, b float64, s *ScanSettings) ([]float64, error) {
	n, ztol, bs, err := s.resolve(a, b)
	if err != nil {
		return nil, err
	}
	xs := make([]float64, n+1)
	fs := make([]float64, n+1)
	scale := 0.0
	finite := false
	for i := range xs {
		xs[i] = a + float64(i)*(b-a)/float64(n)
		if i == n {
			xs[i] = b
		}
		fs[i] = f(xs[i])
		if ok(fs[i]) {
			finite = true
			scale = math.Max(scale, math.Abs(fs[i]))
		}
	}
	if !finite {
		return nil, fmt.Errorf("f is not finite anywhere on [%v, %v]", a, b)
	}

	var roots []float64
	// crossing refines a sign change of f between lo and hi.
	crossing := func(lo, hi, flo, fhi float64) {
		r, err := Brentq(f, lo, hi, bs)
		if err != nil || !r.Converged {
			return
		}
		if fr := math.Abs(f(r.Root)); fr <= math.Max(math.Abs(flo), math.Abs(fhi)) {
			roots = append(roots, r.Root)
		}
	}
	for i, fi := range fs {
		if fi == 0 {
			roots = append(roots, xs[i])
		}
		if i < n && ok(fi) && ok(fs[i+1]) && fi*fs[i+1] < 0 {
			crossing(xs[i], xs[i+1], fi, fs[i+1])
		}
	}
	for i, fi := range fs {
		if !ok(fi) || fi == 0 {
			continue
		}
		lo, hi := max(i-1, 0), min(i+1, n)
		if !localMin(fs[lo], fi, fs[hi], lo == i, hi == i) {
			continue
		}
		sg := sign(fi)
		g := func(x float64) float64 { return sg * f(x) }
		xm, gm := goldenMin(g, xs[lo], xs[hi])
		switch {
		case gm < 0:
			crossing(xs[lo], xm, fs[lo], sg*gm)
			crossing(xm, xs[hi], sg*gm, fs[hi])
		case gm <= ztol*scale:
			roots = append(roots, xm)
		}
	}
	slices.Sort(roots)
	return dedup(roots, bs), nil
}

func ok(y float64) bool { return !math.IsNaN(y) && !math.IsInf(y, 0) }

// localMin reports that |f| has a local minimum at the middle of three
// grid values of one sign, with no zero among them; an end of the grid
// (atLo, atHi) counts only its inner neighbour.
func localMin(flo, fi, fhi float64, atLo, atHi bool) bool {
	if atLo && atHi {
		return false
	}
	for _, y := range [2]float64{flo, fhi} {
		if !ok(y) || y*fi <= 0 {
			return false
		}
	}
	return (atLo || math.Abs(fi) < math.Abs(flo)) && (atHi || math.Abs(fi) <= math.Abs(fhi))
}

// goldenMin minimizes g on [lo, hi] by golden-section search until the
// bracket is below sqrt(eps) relative to its place, and returns the best
// point seen and its value.
func goldenMin(g func(float64) float64, lo, hi float64) (xbest, gbest float64) {
	const r = 0.6180339887498949 // (sqrt(5) - 1)/2
	x1, x2 := hi-r*(hi-lo), lo+r*(hi-lo)
	g1, g2 := g(x1), g(x2)
	xbest, gbest = x1, g1
	for k := 0; k < 200 && hi-lo > 1.5e-8*math.Max(1, math.Abs(x1)); k++ {
		if g1 < g2 || math.IsNaN(g2) {
			hi, x2, g2 = x2, x1, g1
			x1 = hi - r*(hi-lo)
			g1 = g(x1)
		} else {
			lo, x1, g1 = x1, x2, g2
			x2 = lo + r*(hi-lo)
			g2 = g(x2)
		}
		for _, p := range [2][2]float64{{x1, g1}, {x2, g2}} {
			if p[1] < gbest {
				xbest, gbest = p[0], p[1]
			}
		}
		if gbest < 0 {
			break // a crossing: Brentq takes over
		}
	}
	return xbest, gbest
}

// dedup merges sorted roots closer than the bracketing tolerance.
func dedup(roots []float64, bs *BracketSettings) []float64 {
	xtol, rtol, _, _ := bs.resolve(4 * eps)
	out := roots[:0]
	for _, r := range roots {
		if len(out) > 0 && r-out[len(out)-1] <= 2*(xtol+rtol*math.Abs(r)) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// ExtremaResult holds the extreme values of f on [a, b] and the critical
// points where f' vanishes.
type ExtremaResult struct {
	Min, ArgMin float64
	Max, ArgMax float64
	// Critical lists the roots of f' in [a, b], sorted; they include
	// inflection points such as 0 for x³, where f' has a tangential root.
	Critical []float64
}

// Extrema finds the minimum and maximum of f on [a, b], a < b: the
// critical points are the roots of df found by FindAll, and the extremes
// are the smallest and largest values of f among them and the ends a and
// b (the closed-interval method). On ties the leftmost point wins. df nil
// means a central difference with step cbrt(eps)*max(1, |x|), accurate to
// about eps^(2/3) relative. Points where f is not finite are skipped; the
// error reports an invalid interval or settings, or an f that is not
// finite at any candidate. Cost: that of FindAll on df, plus one call of f
// per candidate.
func Extrema(f, df func(float64) float64, a, b float64, s *ScanSettings) (ExtremaResult, error) {
	if df == nil {
		df = func(x float64) float64 {
			h := math.Cbrt(eps) * math.Max(1, math.Abs(x))
			return (f(x+h) - f(x-h)) / (2 * h)
		}
	}
	crit, err := FindAll(df, a, b, s)
	if err != nil {
		return ExtremaResult{}, err
	}
	res := ExtremaResult{Critical: crit, Min: math.Inf(1), Max: math.Inf(-1), ArgMin: math.NaN(), ArgMax: math.NaN()}
	for _, x := range append(append([]float64{a}, crit...), b) {
		y := f(x)
		if !ok(y) {
			continue
		}
		if y < res.Min {
			res.Min, res.ArgMin = y, x
		}
		if y > res.Max {
			res.Max, res.ArgMax = y, x
		}
	}
	if math.IsNaN(res.ArgMin) {
		return res, fmt.Errorf("f is not finite at a, b or any critical point in [%v, %v]", a, b)
	}
	return res, nil
}
