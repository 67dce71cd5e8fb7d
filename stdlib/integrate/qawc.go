package integrate

import "math"

// This file is QUADPACK's DQAWCE with DQC25C, behind scipy.integrate.quad's
// weight "cauchy": the Cauchy principal value of the integral of
// f(x)/(x − c) over a finite [a, b] with a < c < b. Intervals near c use a
// modified Clenshaw–Curtis rule whose Chebyshev moments of 1/(x − c) are
// exact; the others the 15-point Gauss–Kronrod rule on f(x)/(x − c). No
// bisection ever lands on c. It follows the Fortran statement by
// statement, so that it bisects as scipy does.

// QuadCauchy returns the Cauchy principal value of the integral of
// f(x)/(x − c) from a to b, as scipy's quad with weight "cauchy" and wvar
// c. If b < a the limits are swapped and the value negated, as in scipy.
// Settings are Quad's (Points does not apply). The error is ErrQuadInput
// for an infinite or NaN limit or c, c at a limit, or tolerances QUADPACK
// rejects.
func QuadCauchy(f func(float64) float64, a, b, c float64, s *QuadSettings) (QuadResult, error) {
	epsabs, epsrel, limit := quadTolerances(s)
	if math.IsInf(a, 0) || math.IsInf(b, 0) || math.IsNaN(a) || math.IsNaN(b) || math.IsNaN(c) || math.IsInf(c, 0) || limit < 1 {
		return QuadResult{Ier: 6, Message: quadMessage(6, limit)}, ErrQuadInput
	}
	sign := 1.0
	if b < a {
		a, b, sign = b, a, -1
	}
	q, neval := qawce(f, a, b, c, epsabs, epsrel, limit)
	r := QuadResult{Value: sign * q.result, AbsErr: q.abserr, NEval: neval, Intervals: q.last, Ier: q.ier,
		Message: quadMessage(q.ier, limit), Success: q.ier == 0}
	if q.ier == 6 {
		return r, ErrQuadInput
	}
	return r, nil
}

// qawce is DQAWCE for a ≤ b.
func qawce(f func(float64) float64, a, b, c, epsabs, epsrel float64, limit int) (quadOutcome, int) {
	if c == a || c == b || epsabs <= 0 && epsrel < math.Max(50*quadEpmach, 0.5e-28) {
		return quadOutcome{ier: 6}, 0
	}
	krule := 1
	result, abserr, neval := qc25c(f, a, b, c, &krule)
	errbnd := math.Max(epsabs, epsrel*math.Abs(result))
	ier := 0
	if limit == 1 {
		ier = 1
	}
	if abserr < math.Min(0.01*math.Abs(result), errbnd) || ier == 1 {
		return quadOutcome{result: result, abserr: abserr, ier: ier, last: 1}, neval
	}
	l := quadList{alist: make([]float64, limit), blist: make([]float64, limit), rlist: make([]float64, limit),
		elist: make([]float64, limit), iord: make([]int, limit)}
	l.alist[0], l.blist[0], l.rlist[0], l.elist[0] = a, b, result, abserr
	l.errmax, l.maxerr, l.nrmax = abserr, 0, 1
	area, errsum := result, abserr
	iroff1, iroff2 := 0, 0
	last := 2
	for ; last <= limit; last++ {
		m := l.maxerr
		a1 := l.alist[m]
		b1 := 0.5 * (l.alist[m] + l.blist[m])
		b2 := l.blist[m]
		if c <= b1 && c > a1 {
			b1 = 0.5 * (c + b2)
		}
		if c > b1 && c < b2 {
			b1 = 0.5 * (a1 + c)
		}
		a2 := b1
		krule = 2
		area1, error1, nev1 := qc25c(f, a1, b1, c, &krule)
		area2, error2, nev2 := qc25c(f, a2, b2, c, &krule)
		neval += nev1 + nev2
		area12 := area1 + area2
		erro12 := error1 + error2
		errsum = errsum + erro12 - l.errmax
		area = area + area12 - l.rlist[m]
		if math.Abs(l.rlist[m]-area12) < 1e-5*math.Abs(area12) && erro12 >= 0.99*l.errmax && krule == 0 {
			iroff1++
		}
		if last > 10 && erro12 > l.errmax && krule == 0 {
			iroff2++
		}
		errbnd = math.Max(epsabs, epsrel*math.Abs(area))
		if errsum > errbnd {
			if iroff1 >= 6 && iroff2 > 20 {
				ier = 2
			}
			if last == limit {
				ier = 1
			}
			if tooNarrow(a1, a2, b2) {
				ier = 3
			}
		}
		l.bisected(m, limit, last, a1, b1, a2, b2, area1, area2, error1, error2)
		if ier != 0 || errsum <= errbnd {
			break
		}
	}
	last = min(last, limit)
	return quadOutcome{result: l.sum(last), abserr: errsum, ier: ier, last: last}, neval
}

// qc25c is DQC25C: the integral of f(x)/(x − c) over (a, b), its error
// estimate and the evaluations used. Far from c it applies the 15-point
// rule and decrements krule (undoing that when the rule's resasc equals
// its error, QUADPACK's sign of a roundoff-free estimate); near c the
// Clenshaw–Curtis rule of degree 24 with moments by forward recursion.
func qc25c(f func(float64) float64, a, b, c float64, krule *int) (result, abserr float64, nev int) {
	cc := (2*c - b - a) / (b - a)
	if math.Abs(cc) >= 1.1 {
		*krule--
		var resasc float64
		result, abserr, _, resasc = quadKronrod15W.apply(func(x float64) float64 { return f(x) / (x - c) }, a, b)
		if resasc == abserr {
			*krule++
		}
		return result, abserr, 15
	}
	hlgth := 0.5 * (b - a)
	centr := 0.5 * (b + a)
	var fval [25]float64
	fval[0] = 0.5 * f(hlgth+centr)
	fval[12] = f(centr)
	fval[24] = 0.5 * f(centr-hlgth)
	for i := 1; i < 12; i++ {
		u := hlgth * qawsCos[i-1]
		fval[i] = f(u + centr)
		fval[24-i] = f(centr - u)
	}
	cheb12, cheb24 := qawsCheb(&fval)
	amom0 := math.Log(math.Abs((1 - cc) / (1 + cc)))
	amom1 := 2 + cc*amom0
	res12 := cheb12[0]*amom0 + cheb12[1]*amom1
	res24 := cheb24[0]*amom0 + cheb24[1]*amom1
	for k := 3; k <= 25; k++ {
		amom2 := 2*cc*amom1 - amom0
		if k%2 == 0 {
			ak22 := float64((k - 2) * (k - 2))
			amom2 -= 4 / (ak22 - 1)
		}
		if k <= 13 {
			res12 += cheb12[k-1] * amom2
		}
		res24 += cheb24[k-1] * amom2
		amom0, amom1 = amom1, amom2
	}
	return res24, math.Abs(res24 - res12), 25
}
