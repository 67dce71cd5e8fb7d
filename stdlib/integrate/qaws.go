package integrate

import "math"

// This file is QUADPACK's DQAWSE with DQC25S, DQMOMO, DQCHEB, DQK15W and
// DQWGTS, behind scipy.integrate.quad's algebraic-logarithmic weights:
// the integral of f(x)·w(x) over a finite [a, b] with
//
//	w(x) = (x−a)^α (b−x)^β · {1, log(x−a), log(b−x), log(x−a)·log(b−x)},
//
// scipy's weight "alg", "alg-loga", "alg-logb" and "alg-log" with
// wvar = (α, β), α, β > −1. Subintervals touching a or b use a modified
// Clenshaw–Curtis rule whose Chebyshev moments of the weight are exact
// (DQMOMO's recurrences); the others the 15-point Gauss–Kronrod rule on
// f·w. It follows the Fortran statement by statement, as quad.go does
// DQAGSE, so that it bisects as scipy does.

// QuadAlgWeight is the kind of algebraic-logarithmic weight: scipy's
// "alg" (1), "alg-loga" (2), "alg-logb" (3) and "alg-log" (4).
type QuadAlgWeight int

// The weights of QuadAlg, as QUADPACK's integr.
const (
	WeightAlg QuadAlgWeight = 1 + iota
	WeightAlgLogA
	WeightAlgLogB
	WeightAlgLog
)

// QuadAlg integrates f(x)·(x−a)^alpha·(b−x)^beta, times log(x−a),
// log(b−x) or both as kind says, over the finite [a, b], as scipy's quad
// with weight "alg…" and wvar (alpha, beta). If b < a the limits are
// swapped and the value negated, as in scipy. Settings are Quad's
// (Points does not apply). The error is ErrQuadInput for an infinite or
// NaN limit, alpha or beta ≤ −1, a bad kind or tolerances QUADPACK
// rejects; a = b is QUADPACK's invalid input too.
func QuadAlg(f func(float64) float64, a, b, alpha, beta float64, kind QuadAlgWeight, s *QuadSettings) (QuadResult, error) {
	epsabs, epsrel, limit := quadTolerances(s)
	if math.IsInf(a, 0) || math.IsInf(b, 0) || math.IsNaN(a) || math.IsNaN(b) {
		return QuadResult{Ier: 6, Message: quadMessage(6, limit)}, ErrQuadInput
	}
	sign := 1.0
	if b < a {
		a, b, sign = b, a, -1
	}
	q, neval := qawse(f, a, b, alpha, beta, int(kind), epsabs, epsrel, limit)
	r := QuadResult{Value: sign * q.result, AbsErr: q.abserr, NEval: neval, Intervals: q.last, Ier: q.ier,
		Message: quadMessage(q.ier, limit), Success: q.ier == 0}
	if q.ier == 6 {
		return r, ErrQuadInput
	}
	return r, nil
}

// qawse is DQAWSE.
func qawse(f func(float64) float64, a, b, alfa, beta float64, integr int, epsabs, epsrel float64, limit int) (quadOutcome, int) {
	if b <= a || epsabs == 0 && epsrel < math.Max(50*quadEpmach, 0.5e-28) || alfa <= -1 || beta <= -1 ||
		integr < 1 || integr > 4 || limit < 2 {
		return quadOutcome{ier: 6}, 0
	}
	m := qawsMoments(alfa, beta, integr)
	rule := func(bl, br float64) (area, err, resas float64, nev int) {
		return m.qc25s(f, a, b, bl, br, alfa, beta, integr)
	}
	centre := 0.5 * (b + a)
	area1, error1, _, nev1 := rule(a, centre)
	area2, error2, _, nev2 := rule(centre, b)
	neval := nev1 + nev2
	result := area1 + area2
	abserr := error1 + error2
	errbnd := math.Max(epsabs, epsrel*math.Abs(result))

	l := quadList{alist: make([]float64, limit), blist: make([]float64, limit), rlist: make([]float64, limit),
		elist: make([]float64, limit), iord: make([]int, limit)}
	if error2 > error1 {
		l.alist[0], l.alist[1], l.blist[0], l.blist[1] = centre, a, b, centre
		l.rlist[0], l.rlist[1], l.elist[0], l.elist[1] = area2, area1, error2, error1
	} else {
		l.alist[0], l.alist[1], l.blist[0], l.blist[1] = a, centre, centre, b
		l.rlist[0], l.rlist[1], l.elist[0], l.elist[1] = area1, area2, error1, error2
	}
	l.iord[0], l.iord[1] = 0, 1
	ier := 0
	if limit == 2 {
		ier = 1
	}
	if abserr <= errbnd || ier == 1 {
		return quadOutcome{result: result, abserr: abserr, ier: ier, last: 2}, neval
	}
	l.errmax, l.maxerr, l.nrmax = l.elist[0], 0, 1
	area, errsum := result, abserr
	iroff1, iroff2 := 0, 0
	last := 3
	for ; last <= limit; last++ {
		mx := l.maxerr
		a1, b1 := l.alist[mx], 0.5*(l.alist[mx]+l.blist[mx])
		a2, b2 := b1, l.blist[mx]
		area1, error1, resas1, nev1 := rule(a1, b1)
		area2, error2, resas2, nev2 := rule(a2, b2)
		neval += nev1 + nev2
		area12 := area1 + area2
		erro12 := error1 + error2
		errsum = errsum + erro12 - l.errmax
		area = area + area12 - l.rlist[mx]
		if a != a1 && b != b2 && resas1 != error1 && resas2 != error2 {
			if math.Abs(l.rlist[mx]-area12) < 1e-5*math.Abs(area12) && erro12 >= 0.99*l.errmax {
				iroff1++
			}
			if last > 10 && erro12 > l.errmax {
				iroff2++
			}
		}
		errbnd = math.Max(epsabs, epsrel*math.Abs(area))
		if errsum > errbnd {
			if last == limit {
				ier = 1
			}
			if iroff1 >= 6 || iroff2 >= 20 {
				ier = 2
			}
			if tooNarrow(a1, a2, b2) {
				ier = 3
			}
		}
		l.bisected(mx, limit, last, a1, b1, a2, b2, area1, area2, error1, error2)
		if ier != 0 || errsum <= errbnd {
			break
		}
	}
	last = min(last, limit)
	return quadOutcome{result: l.sum(last), abserr: errsum, ier: ier, last: last}, neval
}

// qawsMomentSet holds DQMOMO's modified Chebyshev moments over (−1, 1):
// ri[k] of (1+x)^α·T_k, rj[k] of (1−x)^β·T_k, rg[k] of
// (1+x)^α·log((1+x)/2)·T_k and rh[k] of (1−x)^β·log((1−x)/2)·T_k.
type qawsMomentSet struct{ ri, rj, rg, rh [25]float64 }

// qawsMoments is DQMOMO: the moments by forward recurrences.
func qawsMoments(alfa, beta float64, integr int) *qawsMomentSet {
	m := &qawsMomentSet{}
	alfp1, betp1 := alfa+1, beta+1
	alfp2, betp2 := alfa+2, beta+2
	ralf, rbet := math.Pow(2, alfp1), math.Pow(2, betp1)
	m.ri[0], m.rj[0] = ralf/alfp1, rbet/betp1
	m.ri[1], m.rj[1] = m.ri[0]*alfa/alfp2, m.rj[0]*beta/betp2
	an, anm1 := 2.0, 1.0
	for i := 2; i < 25; i++ {
		m.ri[i] = -(ralf + an*(an-alfp2)*m.ri[i-1]) / (anm1 * (an + alfp1))
		m.rj[i] = -(rbet + an*(an-betp2)*m.rj[i-1]) / (anm1 * (an + betp1))
		anm1, an = an, an+1
	}
	if integr == 2 || integr == 4 {
		m.rg[0] = -m.ri[0] / alfp1
		m.rg[1] = -(ralf+ralf)/(alfp2*alfp2) - m.rg[0]
		an, anm1 = 2, 1
		for i := 2; i < 25; i++ {
			m.rg[i] = -(an*(an-alfp2)*m.rg[i-1] - an*m.ri[i-1] + anm1*m.ri[i]) / (anm1 * (an + alfp1))
			anm1, an = an, an+1
		}
	}
	if integr == 3 || integr == 4 {
		m.rh[0] = -m.rj[0] / betp1
		m.rh[1] = -(rbet+rbet)/(betp2*betp2) - m.rh[0]
		an, anm1 = 2, 1
		for i := 2; i < 25; i++ {
			m.rh[i] = -(an*(an-betp2)*m.rh[i-1] - an*m.rj[i-1] + anm1*m.rj[i]) / (anm1 * (an + betp1))
			anm1, an = an, an+1
		}
		for i := 1; i < 25; i += 2 {
			m.rh[i] = -m.rh[i]
		}
	}
	for i := 1; i < 25; i += 2 {
		m.rj[i] = -m.rj[i]
	}
	return m
}

// qawsCos holds cos(kπ/24), k = 1, …, 11, DQC25S's and DQCHEB's x.
var qawsCos = [11]float64{
	0.99144486137381041114455752692856, 0.96592582628906828674974319972890,
	0.92387953251128675612818318939679, 0.86602540378443864676372317075294,
	0.79335334029123516457977769615013, 0.70710678118654752440084436210485,
	0.60876142900872063941609754289816, 0.5,
	0.38268343236508977172845998403040, 0.25881904510252076234889883762405,
	0.13052619222005159154840622789549,
}

// qc25s is DQC25S: the integral of f·w over (bl, br) ⊆ (a, b), its error
// estimate, resasc and the evaluations used (25 or 15).
func (m *qawsMomentSet) qc25s(f func(float64) float64, a, b, bl, br, alfa, beta float64, integr int) (result, abserr, resasc float64, nev int) {
	x := &qawsCos
	var fval [25]float64
	hlgth := 0.5 * (br - bl)
	centr := 0.5 * (br + bl)
	switch {
	case bl == a && (alfa != 0 || integr == 2 || integr == 4):
		// f1 = (b − x)^β·f on the left end, the (x − a)^α part in the
		// moments.
		fix := b - centr
		fval[0] = 0.5 * f(hlgth+centr) * math.Pow(fix-hlgth, beta)
		fval[12] = f(centr) * math.Pow(fix, beta)
		fval[24] = 0.5 * f(centr-hlgth) * math.Pow(fix+hlgth, beta)
		for i := 1; i < 12; i++ {
			u := hlgth * x[i-1]
			fval[i] = f(u+centr) * math.Pow(fix-u, beta)
			fval[24-i] = f(centr-u) * math.Pow(fix+u, beta)
		}
		if integr > 2 {
			fval[0] *= math.Log(fix - hlgth)
			fval[12] *= math.Log(fix)
			fval[24] *= math.Log(fix + hlgth)
			for i := 1; i < 12; i++ {
				u := hlgth * x[i-1]
				fval[i] *= math.Log(fix - u)
				fval[24-i] *= math.Log(fix + u)
			}
		}
		logged := integr == 2 || integr == 4
		result, abserr = qc25sSums(&fval, &m.ri, &m.rg, logged, br-bl, math.Pow(hlgth, alfa+1))
		return result, abserr, 0, 25
	case br == b && (beta != 0 || integr == 3 || integr == 4):
		fix := centr - a
		fval[0] = 0.5 * f(hlgth+centr) * math.Pow(fix+hlgth, alfa)
		fval[12] = f(centr) * math.Pow(fix, alfa)
		fval[24] = 0.5 * f(centr-hlgth) * math.Pow(fix-hlgth, alfa)
		for i := 1; i < 12; i++ {
			u := hlgth * x[i-1]
			fval[i] = f(u+centr) * math.Pow(fix+u, alfa)
			fval[24-i] = f(centr-u) * math.Pow(fix-u, alfa)
		}
		if integr == 2 || integr == 4 {
			fval[0] *= math.Log(hlgth + fix)
			fval[12] *= math.Log(fix)
			fval[24] *= math.Log(fix - hlgth)
			for i := 1; i < 12; i++ {
				u := hlgth * x[i-1]
				fval[i] *= math.Log(u + fix)
				fval[24-i] *= math.Log(fix - u)
			}
		}
		logged := integr == 3 || integr == 4
		result, abserr = qc25sSums(&fval, &m.rj, &m.rh, logged, br-bl, math.Pow(hlgth, beta+1))
		return result, abserr, 0, 25
	}
	w := func(t float64) float64 { return f(t) * qawsWeight(t, a, b, alfa, beta, integr) }
	result, abserr, _, resasc = quadKronrod15W.apply(w, bl, br)
	return result, abserr, resasc, 15
}

// qc25sSums finishes DQC25S on an end interval: the Chebyshev expansions
// of degree 12 and 24 of the sampled function against the moments r
// (and, with logged, log(br−bl) times them plus the moments rl of the
// logarithmic weight), scaled by factor.
func qc25sSums(fval *[25]float64, r, rl *[25]float64, logged bool, width, factor float64) (result, abserr float64) {
	cheb12, cheb24 := qawsCheb(fval)
	var res12, res24 float64
	for i := range 13 {
		res12 += cheb12[i] * r[i]
		res24 += cheb24[i] * r[i]
	}
	for i := 13; i < 25; i++ {
		res24 += cheb24[i] * r[i]
	}
	if logged {
		dc := math.Log(width)
		result = res24 * dc
		abserr = math.Abs((res24 - res12) * dc)
		res12, res24 = 0, 0
		for i := range 13 {
			res12 += cheb12[i] * rl[i]
			res24 += cheb24[i] * rl[i]
		}
		for i := 13; i < 25; i++ {
			res24 += cheb24[i] * rl[i]
		}
	}
	return (result + res24) * factor, (abserr + math.Abs(res24-res12)) * factor
}

// qawsWeight is DQWGTS: (x−a)^α (b−x)^β, times the logarithms integr asks
// for.
func qawsWeight(x, a, b, alfa, beta float64, integr int) float64 {
	xma, bmx := x-a, b-x
	w := math.Pow(xma, alfa) * math.Pow(bmx, beta)
	switch integr {
	case 2:
		w *= math.Log(xma)
	case 3:
		w *= math.Log(bmx)
	case 4:
		w *= math.Log(xma) * math.Log(bmx)
	}
	return w
}

// quadKronrod15W is DQK15W's 7-point Gauss and 15-point Kronrod pair, with
// its 16-digit constants; it sums the Gauss nodes first.
var quadKronrod15W = quadKronrod{
	x: []float64{0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993944,
		0.5860872354676911, 0.4058451513773972, 0.2077849550078985, 0},
	wk: []float64{0.2293532201052922e-01, 0.6309209262997855e-01, 0.1047900103222502, 0.1406532597155259,
		0.1690047266392679, 0.1903505780647854, 0.2044329400752989, 0.2094821410847278},
	wg:    []float64{0, 0.1294849661688697, 0, 0.2797053914892767, 0, 0.3818300505051889, 0, 0.4179591836734694},
	order: []int{1, 3, 5, 0, 2, 4, 6},
}

// qawsCheb is DQCHEB: the Chebyshev coefficients of degree 12 and 24 of
// the function sampled at the 25 points (b+a+(b−a)cos(kπ/24))/2, the
// end values halved. It overwrites fval.
func qawsCheb(fval *[25]float64) (cheb12 [13]float64, cheb24 [25]float64) {
	x := &qawsCos
	var v [12]float64
	// Indices below are QUADPACK's, from 1: v(i) is v[i-1].
	for i := 1; i <= 12; i++ {
		j := 26 - i
		v[i-1] = fval[i-1] - fval[j-1]
		fval[i-1] += fval[j-1]
	}
	X := func(i int) float64 { return x[i-1] }
	V := func(i int) float64 { return v[i-1] }
	alam1 := V(1) - V(9)
	alam2 := X(6) * (V(3) - V(7) - V(11))
	cheb12[3] = alam1 + alam2
	cheb12[9] = alam1 - alam2
	alam1 = V(2) - V(8) - V(10)
	alam2 = V(4) - V(6) - V(12)
	alam := X(3)*alam1 + X(9)*alam2
	cheb24[3] = cheb12[3] + alam
	cheb24[21] = cheb12[3] - alam
	alam = X(9)*alam1 - X(3)*alam2
	cheb24[9] = cheb12[9] + alam
	cheb24[15] = cheb12[9] - alam
	part1 := X(4) * V(5)
	part2 := X(8) * V(9)
	part3 := X(6) * V(7)
	alam1 = V(1) + part1 + part2
	alam2 = X(2)*V(3) + part3 + X(10)*V(11)
	cheb12[1] = alam1 + alam2
	cheb12[11] = alam1 - alam2
	alam = X(1)*V(2) + X(3)*V(4) + X(5)*V(6) + X(7)*V(8) + X(9)*V(10) + X(11)*V(12)
	cheb24[1] = cheb12[1] + alam
	cheb24[23] = cheb12[1] - alam
	alam = X(11)*V(2) - X(9)*V(4) + X(7)*V(6) - X(5)*V(8) + X(3)*V(10) - X(1)*V(12)
	cheb24[11] = cheb12[11] + alam
	cheb24[13] = cheb12[11] - alam
	alam1 = V(1) - part1 + part2
	alam2 = X(10)*V(3) - part3 + X(2)*V(11)
	cheb12[5] = alam1 + alam2
	cheb12[7] = alam1 - alam2
	alam = X(5)*V(2) - X(9)*V(4) - X(1)*V(6) - X(11)*V(8) + X(3)*V(10) + X(7)*V(12)
	cheb24[5] = cheb12[5] + alam
	cheb24[19] = cheb12[5] - alam
	alam = X(7)*V(2) - X(3)*V(4) - X(11)*V(6) + X(1)*V(8) - X(9)*V(10) - X(5)*V(12)
	cheb24[7] = cheb12[7] + alam
	cheb24[17] = cheb12[7] - alam
	for i := 1; i <= 6; i++ {
		j := 14 - i
		v[i-1] = fval[i-1] - fval[j-1]
		fval[i-1] += fval[j-1]
	}
	alam1 = V(1) + X(8)*V(5)
	alam2 = X(4) * V(3)
	cheb12[2] = alam1 + alam2
	cheb12[10] = alam1 - alam2
	cheb12[6] = V(1) - V(5)
	alam = X(2)*V(2) + X(6)*V(4) + X(10)*V(6)
	cheb24[2] = cheb12[2] + alam
	cheb24[22] = cheb12[2] - alam
	alam = X(6) * (V(2) - V(4) - V(6))
	cheb24[6] = cheb12[6] + alam
	cheb24[18] = cheb12[6] - alam
	alam = X(10)*V(2) - X(6)*V(4) + X(2)*V(6)
	cheb24[10] = cheb12[10] + alam
	cheb24[14] = cheb12[10] - alam
	for i := 1; i <= 3; i++ {
		j := 8 - i
		v[i-1] = fval[i-1] - fval[j-1]
		fval[i-1] += fval[j-1]
	}
	F := func(i int) float64 { return fval[i-1] }
	cheb12[4] = V(1) + X(8)*V(3)
	cheb12[8] = F(1) - X(8)*F(3)
	alam = X(4) * V(2)
	cheb24[4] = cheb12[4] + alam
	cheb24[20] = cheb12[4] - alam
	alam = X(8)*F(2) - F(4)
	cheb24[8] = cheb12[8] + alam
	cheb24[16] = cheb12[8] - alam
	cheb12[0] = F(1) + F(3)
	alam = F(2) + F(4)
	cheb24[0] = cheb12[0] + alam
	cheb24[24] = cheb12[0] - alam
	cheb12[12] = V(1) - V(3)
	cheb24[12] = cheb12[12]
	alam = 1.0 / 6
	for i := 1; i < 12; i++ {
		cheb12[i] *= alam
	}
	alam *= 0.5
	cheb12[0] *= alam
	cheb12[12] *= alam
	for i := 1; i < 24; i++ {
		cheb24[i] *= alam
	}
	cheb24[0] *= 0.5 * alam
	cheb24[24] *= 0.5 * alam
	return cheb12, cheb24
}
