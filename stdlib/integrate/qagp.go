package integrate

import (
	"errors"
	"math"
	"slices"
)

// This file is QUADPACK's DQAGPE, behind scipy.integrate.quad's points
// option: QAGS's bisection and extrapolation started from a partition at
// the given break points, where the integrand may be singular or
// discontinuous, with the intervals' bisection levels deciding which
// count as small. It follows DQAGPE statement by statement, as quad.go
// follows DQAGSE, so that it bisects as scipy does.

// ErrQuadPointsInfinite reports break points given with an infinite
// limit, which scipy refuses too.
var ErrQuadPointsInfinite = errors.New("break points cannot be used with an infinite limit")

// quadPoints integrates f over the finite [a, b] with break points, as
// scipy's quad with points: the points strictly inside the range, sorted
// and without repeats, split it before the adaptive process starts; for
// b < a the integral over [b, a] is negated. It returns the outcome and neval.
func quadPoints(f func(float64) float64, a, b float64, points []float64, epsabs, epsrel float64, limit int) (quadOutcome, int) {
	lo, hi := min(a, b), max(a, b)
	pts := []float64{lo}
	for _, p := range slices.Compact(slices.Sorted(slices.Values(points))) {
		if lo < p && p < hi {
			pts = append(pts, p)
		}
	}
	pts = append(pts, hi)
	sign := 1.0
	if a > b {
		sign = -1
	}
	q, neval := qagpe(f, pts, epsabs, epsrel, limit)
	q.result *= sign
	return q, neval
}

// qagpe is DQAGPE on the sorted partition pts (the limits first and last).
func qagpe(f func(float64) float64, pts []float64, epsabs, epsrel float64, limit int) (quadOutcome, int) {
	nint := len(pts) - 1
	npts2 := len(pts)
	if limit <= npts2-2 || epsabs <= 0 && epsrel < math.Max(50*quadEpmach, 0.5e-28) {
		return quadOutcome{ier: 6}, 0
	}
	rule := &quadKronrod21
	buf := make([]float64, 4*max(limit, nint))
	n := max(limit, nint)
	l := quadList{alist: buf[:n], blist: buf[n : 2*n], rlist: buf[2*n : 3*n], elist: buf[3*n:], iord: make([]int, n)}
	level := make([]int, n)
	ndin := make([]bool, nint)

	// First approximations on the intervals between the break points.
	var result, abserr, resabs float64
	for i := range nint {
		area1, error1, defabs, resa := rule.apply(f, pts[i], pts[i+1])
		abserr += error1
		result += area1
		ndin[i] = error1 == resa && error1 != 0
		resabs += defabs
		l.elist[i], l.alist[i], l.blist[i], l.rlist[i], l.iord[i] = error1, pts[i], pts[i+1], area1, i
	}
	errsum := 0.0
	for i := range nint {
		if ndin[i] {
			l.elist[i] = abserr
		}
		errsum += l.elist[i]
	}
	last := nint
	neval := 21 * nint
	dres := math.Abs(result)
	errbnd := math.Max(epsabs, epsrel*dres)
	ier := 0
	if abserr <= 100*quadEpmach*resabs && abserr > errbnd {
		ier = 2
	}
	if nint > 1 {
		// Order the intervals by decreasing error (a selection sort).
		k := 0
		for i := range npts2 - 2 {
			ind1 := l.iord[i]
			for j := i + 1; j < nint; j++ {
				ind2 := l.iord[j]
				if l.elist[ind1] > l.elist[ind2] {
					continue
				}
				ind1, k = ind2, j
			}
			if ind1 != l.iord[i] {
				l.iord[k] = l.iord[i]
				l.iord[i] = ind1
			}
		}
		if limit < npts2 {
			ier = 1
		}
	}
	if ier != 0 || abserr <= errbnd {
		return qagpeFinish(ier, result, abserr, last), neval
	}

	var eps quadEpsilon
	eps.table[0] = result
	eps.n = 1
	l.maxerr = l.iord[0]
	l.errmax = l.elist[l.maxerr]
	area := result
	l.nrmax = 1
	var (
		ktmin, ierro  int
		roundoff      quadRoundoff
		extrap, noext bool
		correc        float64
	)
	erlarg, ertest := errsum, errbnd
	levmax := 1
	abserr = quadOflow
	ksgn := -1
	if dres >= (1-50*quadEpmach)*resabs {
		ksgn = 1
	}

	sumAll := false
	for last = npts2; last <= limit; last++ {
		m := l.maxerr
		levcur := level[m] + 1
		a1, b1 := l.alist[m], 0.5*(l.alist[m]+l.blist[m])
		a2, b2 := b1, l.blist[m]
		erlast := l.errmax
		area1, error1, _, defab1 := rule.apply(f, a1, b1)
		area2, error2, _, defab2 := rule.apply(f, a2, b2)
		neval += 42
		area12 := area1 + area2
		erro12 := error1 + error2
		errsum = errsum + erro12 - l.errmax
		area = area + area12 - l.rlist[m]
		roundoff.count(l.rlist[m], l.errmax, area12, erro12, defab1 != error1 && defab2 != error2, extrap, last)
		level[m], level[last-1] = levcur, levcur
		errbnd = math.Max(epsabs, epsrel*math.Abs(area))
		ier, ierro = roundoff.codes(ier, ierro, last == limit, tooNarrow(a1, a2, b2))
		l.bisected(m, limit, last, a1, b1, a2, b2, area1, area2, error1, error2)
		if errsum <= errbnd {
			sumAll = true
			break
		}
		if ier != 0 {
			break
		}
		if noext {
			continue
		}
		erlarg -= erlast
		if levcur+1 <= levmax {
			erlarg += erro12
		}
		if !extrap {
			// Extrapolate only once the next interval to bisect is at
			// the deepest level.
			if level[l.maxerr]+1 <= levmax {
				continue
			}
			extrap = true
			l.nrmax = 2
		}
		if ierro != 3 && erlarg > ertest {
			jupbnd := last
			if last > 2+limit/2 {
				jupbnd = limit + 3 - last
			}
			larger := false
			for k := l.nrmax; k <= jupbnd; k++ {
				l.maxerr = l.iord[l.nrmax-1]
				l.errmax = l.elist[l.maxerr]
				if level[l.maxerr]+1 <= levmax {
					larger = true
					break
				}
				l.nrmax++
			}
			if larger {
				continue
			}
		}
		eps.n++
		eps.table[eps.n-1] = area
		if eps.n > 2 {
			reseps, abseps := eps.extrapolate()
			ktmin++
			if ktmin > 5 && abserr < 1e-3*errsum {
				ier = 5
			}
			if abseps < abserr {
				ktmin = 0
				abserr = abseps
				result = reseps
				correc = erlarg
				ertest = math.Max(epsabs, epsrel*math.Abs(reseps))
				if abserr < ertest {
					break
				}
			}
			if eps.n == 1 {
				noext = true
			}
			if ier >= 5 {
				break
			}
		}
		l.maxerr = l.iord[0]
		l.errmax = l.elist[l.maxerr]
		l.nrmax = 1
		extrap = false
		levmax++
		erlarg = errsum
	}
	return l.finish(quadEnd{result: result, abserr: abserr, area: area, errsum: errsum, correc: correc,
		ier: ier, ierro: ierro, sumAll: sumAll, ksgn: ksgn, small: resabs * 0.01}, min(last, limit)), neval
}

// qagpeFinish is DQAGPE's label 210: codes above 2 move down by one.
func qagpeFinish(ier int, result, abserr float64, last int) quadOutcome {
	if ier > 2 {
		ier--
	}
	return quadOutcome{result: result, abserr: abserr, ier: ier, last: last}
}
