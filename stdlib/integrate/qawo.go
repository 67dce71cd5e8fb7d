package integrate

import (
	"math"

	"gonum.org/v1/gonum/lapack/gonum"
)

// This file is QUADPACK's DQAWOE with DQC25F, behind scipy.integrate.quad's
// weights "cos" and "sin" on a finite range: the integral of
// f(x)·cos(ωx) or f(x)·sin(ωx). Intervals on which ω·(half length) > 2
// use a modified Clenshaw–Curtis rule with the Chebyshev moments of the
// weight (by forward recursion, or for moderate ω as a tridiagonal
// boundary-value problem), kept per bisection level; the others the
// 15-point Gauss–Kronrod rule on f·w. Extrapolation is QAGS's. It follows
// the Fortran statement by statement, so that it bisects as scipy does.

// qawoMaxp1 is scipy's maxp1: the most bisection levels whose moments
// are kept.
const qawoMaxp1 = 50

// QuadOscillatory integrates f(x)·cos(ωx) (sine false) or f(x)·sin(ωx)
// from a to b, as scipy's quad with weight "cos" or "sin" and wvar ω, on
// a finite range. If b < a the limits are swapped and the value negated,
// as in scipy. Settings are Quad's (Points does not apply). The error is
// ErrQuadInput for an infinite or NaN limit or ω, or tolerances QUADPACK
// rejects.
func QuadOscillatory(f func(float64) float64, a, b, omega float64, sine bool, s *QuadSettings) (QuadResult, error) {
	epsabs, epsrel, limit := quadTolerances(s)
	if math.IsInf(a, 0) || math.IsInf(b, 0) || math.IsNaN(a) || math.IsNaN(b) || math.IsNaN(omega) || math.IsInf(omega, 0) || limit < 1 {
		return QuadResult{Ier: 6, Message: quadMessage(6, limit)}, ErrQuadInput
	}
	sign := 1.0
	if b < a {
		a, b, sign = b, a, -1
	}
	integr := 1
	if sine {
		integr = 2
	}
	q, neval := qawoe(f, a, b, omega, integr, epsabs, epsrel, limit, &qawoMoments{})
	r := QuadResult{Value: sign * q.result, AbsErr: q.abserr, NEval: neval, Intervals: q.last, Ier: q.ier,
		Message: quadMessage(q.ier, limit), Success: q.ier == 0}
	if q.ier == 6 && neval == 0 {
		return r, ErrQuadInput
	}
	return r, nil
}

// qawoMoments is DQC25F's memory between calls: chebmo[m] holds the 25
// Chebyshev moments of level m, momcom levels are computed, and m is the
// level last used.
type qawoMoments struct {
	chebmo [qawoMaxp1][25]float64
	momcom int
	m      int
}

// qawoe is DQAWOE. mom carries the moments from call to call: fresh for
// a first call (icall 1), the previous call's for the next cycle of QAWF,
// whose intervals all have one length.
func qawoe(f func(float64) float64, a, b, omega float64, integr int, epsabs, epsrel float64, limit int, mom *qawoMoments) (quadOutcome, int) {
	if epsabs <= 0 && epsrel < math.Max(50*quadEpmach, 0.5e-28) {
		return quadOutcome{ier: 6}, 0
	}
	domega := math.Abs(omega)
	nrmom := 0
	result, abserr, neval, defabs, _ := mom.qc25f(f, a, b, domega, integr, nrmom, false)
	flip := func(q quadOutcome) quadOutcome {
		if integr == 2 && omega < 0 {
			q.result = -q.result
		}
		return q
	}
	dres := math.Abs(result)
	errbnd := math.Max(epsabs, epsrel*dres)
	ier := 0
	if abserr <= 100*quadEpmach*defabs && abserr > errbnd {
		ier = 2
	}
	if limit == 1 {
		ier = 1
	}
	if ier != 0 || abserr <= errbnd {
		return flip(quadOutcome{result: result, abserr: abserr, ier: ier, last: 1}), neval
	}
	l := quadList{alist: make([]float64, limit), blist: make([]float64, limit), rlist: make([]float64, limit),
		elist: make([]float64, limit), iord: make([]int, limit)}
	nnlog := make([]int, limit)
	l.alist[0], l.blist[0], l.rlist[0], l.elist[0] = a, b, result, abserr
	l.errmax, l.maxerr, l.nrmax = abserr, 0, 1
	area, errsum := result, abserr
	abserr = quadOflow
	var (
		eps                    quadEpsilon
		extrap, noext          bool
		ierro, ktmin           int
		roundoff               quadRoundoff
		erlarg, ertest, correc float64
	)
	small := math.Abs(b-a) * 0.75
	extall := false
	if 0.5*math.Abs(b-a)*domega <= 2 {
		eps.n = 1
		extall = true
		eps.table[0] = result
	}
	if 0.25*math.Abs(b-a)*domega <= 2 {
		extall = true
	}
	ksgn := -1
	if dres >= (1-50*quadEpmach)*defabs {
		ksgn = 1
	}
	sumAll := false
	last := 2
loop:
	for ; last <= limit; last++ {
		m := l.maxerr
		nrmom = nnlog[m] + 1
		a1, b1 := l.alist[m], 0.5*(l.alist[m]+l.blist[m])
		a2, b2 := b1, l.blist[m]
		erlast := l.errmax
		area1, error1, nev1, _, defab1 := mom.qc25f(f, a1, b1, domega, integr, nrmom, false)
		area2, error2, nev2, _, defab2 := mom.qc25f(f, a2, b2, domega, integr, nrmom, true)
		neval += nev1 + nev2
		area12 := area1 + area2
		erro12 := error1 + error2
		errsum = errsum + erro12 - l.errmax
		area = area + area12 - l.rlist[m]
		roundoff.count(l.rlist[m], l.errmax, area12, erro12, defab1 != error1 && defab2 != error2, extrap, last)
		nnlog[m], nnlog[last-1] = nrmom, nrmom
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
		if last == 2 && extall {
			// Label 120.
			small *= 0.5
			eps.n++
			eps.table[eps.n-1] = area
			ertest, erlarg = errbnd, errsum
			continue
		}
		if noext {
			continue
		}
		if extall {
			erlarg -= erlast
			if math.Abs(b1-a1) > small {
				erlarg += erro12
			}
		}
		if !(extall && extrap) {
			// Label 50: is the next interval to bisect the smallest?
			width := math.Abs(l.blist[l.maxerr] - l.alist[l.maxerr])
			if width > small {
				continue
			}
			if !extall {
				// Extrapolate from the time the next interval would use
				// the Gauss–Kronrod rule.
				small *= 0.5
				if 0.25*width*domega > 2 {
					continue
				}
				extall = true
				ertest, erlarg = errbnd, errsum // label 130
				continue
			}
			extrap = true // label 60
			l.nrmax = 2
		}
		// Label 70.
		if ierro != 3 && erlarg > ertest {
			jupbnd := last
			if last > limit/2+2 {
				jupbnd = limit + 3 - last
			}
			for k := l.nrmax; k <= jupbnd; k++ {
				l.maxerr = l.iord[l.nrmax-1]
				l.errmax = l.elist[l.maxerr]
				if math.Abs(l.blist[l.maxerr]-l.alist[l.maxerr]) > small {
					continue loop
				}
				l.nrmax++
			}
		}
		// Label 90: extrapolate.
		eps.n++
		eps.table[eps.n-1] = area
		if eps.n >= 3 {
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
				if abserr <= ertest {
					break
				}
			}
			if eps.n == 1 {
				noext = true
			}
			if ier == 5 {
				break
			}
		}
		// Label 110.
		l.maxerr = l.iord[0]
		l.errmax = l.elist[l.maxerr]
		l.nrmax = 1
		extrap = false
		small *= 0.5
		erlarg = errsum
	}
	// Labels 150 to 200.
	end := quadEnd{result: result, abserr: abserr, area: area, errsum: errsum, correc: correc,
		ier: ier, ierro: ierro, sumAll: sumAll || eps.nres == 0, ksgn: ksgn, small: defabs * 0.01, atEqual: true}
	return flip(l.finish(end, min(last, limit))), neval
}

// qc25f is DQC25F: the integral of f(x)·cos(ωx) (integr 1) or sin(ωx)
// (integr 2) over (a, b), its error estimate, the evaluations used,
// resabs and resasc. nrmom is the interval's bisection level; save says
// the moments of this level were just computed (the second half of a
// bisection).
func (mo *qawoMoments) qc25f(f func(float64) float64, a, b, omega float64, integr, nrmom int, save bool) (result, abserr float64, neval int, resabs, resasc float64) {
	centr := 0.5 * (b + a)
	hlgth := 0.5 * (b - a)
	parint := omega * hlgth
	if math.Abs(parint) <= 2 {
		w := func(x float64) float64 {
			if integr == 2 {
				return f(x) * math.Sin(omega*x)
			}
			return f(x) * math.Cos(omega*x)
		}
		result, abserr, resabs, resasc = quadKronrod15W.apply(w, a, b)
		return result, abserr, 15, resabs, resasc
	}
	conc := hlgth * math.Cos(centr*omega)
	cons := hlgth * math.Sin(centr*omega)
	resasc = quadOflow
	if !(nrmom < mo.momcom || save) {
		mo.m = mo.momcom
		qawoNewMoments(&mo.chebmo[mo.m], parint)
	}
	if nrmom < mo.momcom {
		mo.m = nrmom
	}
	if mo.momcom < qawoMaxp1-1 && nrmom >= mo.momcom {
		mo.momcom++
	}
	var fval [25]float64
	fval[0] = 0.5 * f(centr+hlgth)
	fval[12] = f(centr)
	fval[24] = 0.5 * f(centr-hlgth)
	for i := 1; i < 12; i++ {
		fval[i] = f(hlgth*qawsCos[i-1] + centr)
		fval[24-i] = f(centr - hlgth*qawsCos[i-1])
	}
	cheb12, cheb24 := qawsCheb(&fval)
	cm := &mo.chebmo[mo.m]
	// Indices from 1 as in QUADPACK: chebmo(m, k) is cm[k-1].
	resc12 := cheb12[12] * cm[12]
	ress12 := 0.0
	k := 11
	for range 6 {
		resc12 += cheb12[k-1] * cm[k-1]
		ress12 += cheb12[k] * cm[k]
		k -= 2
	}
	resc24 := cheb24[24] * cm[24]
	ress24 := 0.0
	resabs = math.Abs(cheb24[24])
	k = 23
	for range 12 {
		resc24 += cheb24[k-1] * cm[k-1]
		ress24 += cheb24[k] * cm[k]
		resabs = math.Abs(cheb24[k-1]) + math.Abs(cheb24[k]) // sic: QUADPACK assigns, not adds
		k -= 2
	}
	estc := math.Abs(resc24 - resc12)
	ests := math.Abs(ress24 - ress12)
	resabs *= math.Abs(hlgth)
	if integr == 2 {
		return conc*ress24 + cons*resc24, math.Abs(conc*ests) + math.Abs(cons*estc), 25, resabs, resasc
	}
	return conc*resc24 - cons*ress24, math.Abs(conc*estc) + math.Abs(cons*ests), 25, resabs, resasc
}

// qawoNewMoments fills cm with the Chebyshev moments of cos(parint·x)
// (odd positions from 1) and sin(parint·x) (even ones) over (−1, 1):
// by forward recursion for |parint| > 24, otherwise as a tridiagonal
// boundary-value problem with an asymptotic end value (DQC25F).
func qawoNewMoments(cm *[25]float64, parint float64) {
	// v(i) of QUADPACK is v[i], v[0] unused.
	var v [29]float64
	par2 := parint * parint
	par22 := par2 + 2
	sinpar, cospar := math.Sin(parint), math.Cos(parint)
	v[1] = 2 * sinpar / parint
	v[2] = (8*cospar + (par2+par2-8)*sinpar/parint) / par2
	v[3] = (32*(par2-12)*cospar + (2*((par2-80)*par2+192)*sinpar)/parint) / (par2 * par2)
	ac := 8 * cospar
	as := 24 * parint * sinpar
	if math.Abs(parint) > 24 {
		an := 4.0
		for i := 4; i <= 13; i++ {
			an2 := an * an
			v[i] = ((an2-4)*(2*(par22-an2-an2)*v[i-1]-ac) + as - par2*(an+1)*(an+2)*v[i-2]) / (par2 * (an - 1) * (an - 2))
			an += 2
		}
	} else {
		ass := parint * sinpar
		qawoSolve(&v, 4, 6, 56, par2, func(an2 float64) float64 { return as - (an2-4)*ac }, func(an2 float64) float64 {
			return (((((210*par2-1)*cospar-(105*par2-63)*ass)/an2-(1-15*par2)*cospar+15*ass)/an2-cospar+3*ass)/an2 - cospar) / an2
		})
	}
	for j := 1; j <= 13; j++ {
		cm[2*j-2] = v[j]
	}
	v[1] = 2 * (sinpar - parint*cospar) / par2
	v[2] = (18-48/par2)*sinpar/par2 + (-2+48/par2)*cospar/parint
	ac = -24 * parint * cospar
	as = -8 * sinpar
	if math.Abs(parint) > 24 {
		an := 3.0
		for i := 3; i <= 12; i++ {
			an2 := an * an
			v[i] = ((an2-4)*(2*(par22-an2-an2)*v[i-1]+as) + ac - par2*(an+1)*(an+2)*v[i-2]) / (par2 * (an - 1) * (an - 2))
			an += 2
		}
	} else {
		ass := parint * cospar
		qawoSolve(&v, 3, 5, 42, par2, func(an2 float64) float64 { return ac + (an2-4)*as }, func(an2 float64) float64 {
			return (((((105*par2-63)*ass+(210*par2-1)*sinpar)/an2+(15*par2-1)*sinpar-15*ass)/an2-3*ass-sinpar)/an2 - sinpar) / an2
		})
	}
	for j := 1; j <= 12; j++ {
		cm[2*j-1] = v[j]
	}
}

// qawoSolve is DQC25F's boundary-value problem for 25 moments from
// v(first) on: the tridiagonal recurrence with first coefficient an0, its
// right-hand sides rhs, the known v(first−1) folded into the first
// equation with the factor c·par2, and the asymptotic end value from
// asap, solved by Gaussian elimination with partial pivoting (LAPACK's
// dgtsv, as scipy calls it).
func qawoSolve(v *[29]float64, first int, an0, c, par2 float64, rhs, asap func(an2 float64) float64) {
	const noequ = 25
	par22 := par2 + 2
	var d, d1, d2 [noequ]float64 // d1[k] is QUADPACK's d1(k+1)
	an := an0
	for k := range noequ - 1 {
		an2 := an * an
		d[k] = -2 * (an2 - 4) * (par22 - an2 - an2)
		d2[k] = (an - 1) * (an - 2) * par2
		d1[k] = (an + 3) * (an + 4) * par2
		v[first+k] = rhs(an2)
		an += 2
	}
	an2 := an * an
	d[noequ-1] = -2 * (an2 - 4) * (par22 - an2 - an2)
	v[first+noequ-1] = rhs(an2)
	v[first] -= c * par2 * v[first-1]
	v[first+noequ-1] -= 2 * asap(an2) * par2 * (an - 1) * (an - 2)
	gonum.Implementation{}.Dgtsv(noequ, 1, d1[:noequ-1], d[:], d2[:noequ-1], v[first:first+noequ], 1)
}
