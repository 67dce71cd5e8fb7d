package integrate

import "math"

// This file is QUADPACK's DQAWFE, behind scipy.integrate.quad's weights
// "cos" and "sin" on [a, ∞): the Fourier integral is summed over cycles
// of length (2⌊|ω|⌋ + 1)π/|ω|, each by QAWO to a tolerance that shrinks
// geometrically, and the series of partial sums is extrapolated by Wynn's
// epsilon algorithm. It follows the Fortran statement by statement.

// qawfLimlst is scipy's limlst: the most cycles.
const qawfLimlst = 50

// QuadFourier integrates f(x)·cos(ωx) (sine false) or f(x)·sin(ωx) from
// a to +∞, as scipy's quad with weight "cos" or "sin", wvar ω and b =
// inf. Only the absolute tolerance counts (scipy's qawf takes no
// relative one); s's Limit bounds each cycle's subdivisions, and the
// result's Intervals counts the cycles (scipy's lst). The error
// is ErrQuadInput for a NaN or infinite a or ω, or a tolerance that is
// not positive.
func QuadFourier(f func(float64) float64, a, omega float64, sine bool, s *QuadSettings) (QuadResult, error) {
	epsabs, _, limit := quadTolerances(s)
	if math.IsInf(a, 0) || math.IsNaN(a) || math.IsNaN(omega) || math.IsInf(omega, 0) || epsabs <= 0 || limit < 1 {
		return QuadResult{Ier: 6, Message: quadMessage(6, limit)}, ErrQuadInput
	}
	integr := 1
	if sine {
		integr = 2
	}
	q, neval := qawfe(f, a, omega, integr, epsabs, limit)
	r := QuadResult{Value: q.result, AbsErr: q.abserr, NEval: neval, Intervals: q.last, Ier: q.ier,
		Message: quadFourierMessage(q.ier, limit), Success: q.ier == 0}
	return r, nil
}

// quadFourierMessage is scipy's message for DQAWFE's ier, which differs
// from QUADPACK's others at 1 (cycles, not subdivisions) and 7.
func quadFourierMessage(ier, limit int) string {
	switch ier {
	case 1:
		return "Maximum number of cycles allowed has been achieved., e.e.\n  of subintervals (a+(k-1)c, a+kc) where c = (2*int(abs(omega)+1))\n  *pi/abs(omega), for k = 1, 2, ..., lst.  One can allow more cycles by increasing the value of limlst.  Look at info['ierlst'] with full_output=1."
	case 4:
		return "The extrapolation table constructed for convergence acceleration\n  of the series formed by the integral contributions over the cycles, \n  does not converge to within the requested accuracy.  Look at \n  info['ierlst'] with full_output=1."
	case 7:
		return "Bad integrand behavior within the integration interval(s).  Look at info['ierlst'] with full_output=1."
	}
	return quadMessage(ier, limit)
}

// qawfe is DQAWFE with limlst 50 and maxp1 50.
func qawfe(f func(float64) float64, a, omega float64, integr int, epsabs float64, limit int) (quadOutcome, int) {
	const p = 0.9
	if omega == 0 {
		if integr == 2 {
			return quadOutcome{last: 1}, 0
		}
		q := quadAdaptive(quadInfinite(f, a, 1), &quadKronrod15, 0, 1, epsabs, 0, limit)
		neval := 15 * (2*q.last - 1)
		q.last = 1 // one cycle, as scipy's lst says
		return q, neval
	}
	l := math.Trunc(math.Abs(omega))
	cycle := (2*l + 1) * math.Pi / math.Abs(omega)
	var (
		ier, ktmin, numrl2, ll int
		result, abserr         float64
		correc, errsum, drl    float64
		psum                   quadEpsilon
		neval                  int
		mom                    qawoMoments
	)
	c1, c2 := a, cycle+a
	p1 := 1 - p
	eps := epsabs
	if epsabs > quadUflow/p1 {
		eps = epsabs * p1
	}
	ep := eps
	fact := 1.0
	lst := 1
	final := func() quadOutcome { // label 80
		return quadOutcome{result: psum.table[numrl2-1], abserr: errsum + drl, ier: ier, last: lst}
	}
	psumAt := func(i int) float64 { return psum.table[i-1] }
	for ; lst <= qawfLimlst; lst++ {
		epsa := eps * fact
		q, nev := qawoe(f, c1, c2, omega, integr, epsa, 0, limit, &mom)
		neval += nev
		fact *= p
		errsum += q.abserr
		drl = 50 * math.Abs(q.result)
		if errsum+drl <= epsabs && lst >= 6 {
			return final(), neval
		}
		correc = math.Max(correc, q.abserr)
		if q.ier != 0 {
			eps = math.Max(ep, correc*p1)
			ier = 7
		}
		if ier == 7 && errsum+drl <= correc*10 && lst > 5 {
			return final(), neval
		}
		numrl2++
		if lst == 1 {
			psum.table[0] = q.result
		} else {
			psum.table[numrl2-1] = psumAt(ll) + q.result
			if lst > 2 {
				if lst == qawfLimlst {
					ier = 1
				}
				psum.n = numrl2
				reseps, abseps := psum.extrapolate()
				numrl2 = psum.n
				ktmin++
				if ktmin >= 15 && abserr <= 1e-3*(errsum+drl) {
					ier = 4
				}
				if abseps <= abserr || lst == 3 {
					abserr = abseps
					result = reseps
					ktmin = 0
					if abserr+10*correc <= epsabs || abserr <= epsabs && 10*correc >= epsabs {
						break
					}
				}
				if ier != 0 && ier != 7 {
					break
				}
			}
		}
		ll = numrl2
		c1 = c2
		c2 += cycle
	}
	// Label 60.
	lst = min(lst, qawfLimlst)
	abserr += 10 * correc
	if ier == 0 {
		return quadOutcome{result: result, abserr: abserr, ier: ier, last: lst}, neval
	}
	last := psumAt(numrl2)
	if !(result != 0 && last != 0) {
		if abserr > errsum {
			return final(), neval
		}
		if last == 0 {
			return quadOutcome{result: result, abserr: abserr, ier: ier, last: lst}, neval
		}
	}
	if abserr/math.Abs(result) > (errsum+drl)/math.Abs(last) {
		return final(), neval
	}
	if ier >= 1 && ier != 7 {
		abserr += drl
	}
	return quadOutcome{result: result, abserr: abserr, ier: ier, last: lst}, neval
}
