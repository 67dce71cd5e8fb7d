// Package integrate integrates functions and sampled data and solves
// ordinary differential equations: the algorithms of scipy.integrate,
// written in plain Go and checked against scipy's own outputs. It knows
// nothing of the calc language: integrands are Go functions.
//
// Quadrature follows QUADPACK (Quad, with break points too; QuadAlg,
// QuadCauchy, QuadOscillatory and QuadFourier for scipy's weights; nested in NQuad,
// DblQuad and TplQuad),
// with Gauss–Legendre rules of fixed order beside it (FixedQuad); sampled
// data has the
// trapezoidal, Simpson and Romberg rules (Trapezoid, CumulativeTrapezoid,
// Simpson, Romb), and the initial value problems have ODEPACK's LSODA
// (Odeint) and solve_ivp's methods. Each algorithm lives in its own file
// with a Settings struct whose zero value means scipy's defaults.
package integrate

import (
	"errors"
	"fmt"
	"math"
)

// This file is QUADPACK's general-purpose adaptive integrator, the one
// behind scipy.integrate.quad: R. Piessens, E. de Doncker-Kapenga,
// C. W. Überhuber and D. K. Kahaner, "QUADPACK: A Subroutine Package for
// Automatic Integration", Springer 1983, routines DQAGSE (finite range),
// DQAGIE (infinite range), DQK21, DQK15I, DQPSRT and DQELG. The code follows
// those routines statement by statement, so that for the same integrand it
// bisects the same intervals, extrapolates at the same moments and reports
// the same neval and ier as scipy.

// QuadSettings tunes Quad and each level of NQuad. The zero value means scipy's
// defaults.
type QuadSettings struct {
	// EpsAbs is the absolute error tolerance. Zero means scipy's 1.49e-8;
	// a negative value means none (scipy's epsabs=0), so that only EpsRel
	// counts.
	EpsAbs float64
	// EpsRel is the relative error tolerance. Zero means scipy's 1.49e-8;
	// a negative value means none. With no absolute tolerance it must be
	// at least max(50·ε, 5e-29), as QUADPACK requires.
	EpsRel float64
	// Limit is the largest number of subintervals. Zero means scipy's 50.
	Limit int
	// Points are break points where the integrand may be singular or
	// discontinuous, as scipy's points: those strictly inside the finite
	// range split it before QUADPACK's QAGP (qagp.go) starts. Nil means
	// none.
	Points []float64
}

// QuadResult is what Quad found and what it cost.
type QuadResult struct {
	Value  float64 // the estimate of the integral
	AbsErr float64 // an estimate of |Value − integral|
	// NEval is the number of evaluations of the integrand, QUADPACK's
	// neval: 21 per application of the 21-point rule on a finite range,
	// 15 per application of the 15-point rule on an infinite one (30 on
	// (−∞, ∞), which evaluates f at x and −x).
	NEval int
	// Intervals is the number of subintervals in the final partition,
	// QUADPACK's last.
	Intervals int
	// Ier is QUADPACK's error code: 0 success, 1 the subdivision limit
	// was reached, 2 roundoff error was detected, 3 the integrand behaves
	// extremely badly somewhere, 4 the extrapolation table did not
	// converge, 5 the integral is probably divergent, 6 the input is
	// invalid.
	Ier int
	// Message is scipy's explanation of Ier, empty on success.
	Message string
	// Success reports Ier == 0.
	Success bool
}

// ErrQuadInput reports tolerances QUADPACK cannot meet (Ier 6) or a NaN
// limit of integration.
var ErrQuadInput = errors.New("integrate: the input is invalid")

// quadMessage returns scipy's message for QUADPACK's ier (scipy's
// _quadpack_py.quad; "%d" is the subdivision limit).
func quadMessage(ier, limit int) string {
	switch ier {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("The maximum number of subdivisions (%d) has been achieved.\n"+
			"  If increasing the limit yields no improvement it is advised to analyze \n"+
			"  the integrand in order to determine the difficulties.  If the position of a \n"+
			"  local difficulty can be determined (singularity, discontinuity) one will \n"+
			"  probably gain from splitting up the interval and calling the integrator \n"+
			"  on the subranges.  Perhaps a special-purpose integrator should be used.", limit)
	case 2:
		return "The occurrence of roundoff error is detected, which prevents \n" +
			"  the requested tolerance from being achieved.  The error may be \n" +
			"  underestimated."
	case 3:
		return "Extremely bad integrand behavior occurs at some points of the\n" +
			"  integration interval."
	case 4:
		return "The algorithm does not converge.  Roundoff error is detected\n" +
			"  in the extrapolation table.  It is assumed that the requested tolerance\n" +
			"  cannot be achieved, and that the returned result (if full_output = 1) is \n" +
			"  the best which can be obtained."
	case 5:
		return "The integral is probably divergent, or slowly convergent."
	case 6:
		return "The input is invalid."
	}
	return "Unknown error."
}

// quadTolerances returns the settings with scipy's defaults filled in.
func quadTolerances(s *QuadSettings) (epsabs, epsrel float64, limit int) {
	epsabs, epsrel, limit = 1.49e-8, 1.49e-8, 50
	if s == nil {
		return
	}
	if s.EpsAbs != 0 {
		epsabs = math.Max(s.EpsAbs, 0)
	}
	if s.EpsRel != 0 {
		epsrel = math.Max(s.EpsRel, 0)
	}
	if s.Limit != 0 {
		limit = s.Limit
	}
	return
}

// Quad integrates f from a to b, either of which may be infinite, as
// scipy.integrate.quad does without weights; with break points
// (s.Points) a finite range goes to QAGP instead (see qagp.go), and an
// infinite one is ErrQuadPointsInfinite, as in scipy.
//
// A finite range goes to QUADPACK's QAGS: globally adaptive bisection
// with the 21-point Gauss–Kronrod rule on each subinterval, the interval
// with the largest error estimate bisected next, and Wynn's epsilon
// algorithm extrapolating the sequence of partial sums, which lets it
// converge on integrable end-point singularities such as 1/√x on [0, 1].
// An infinite range goes to QAGI, which maps [a, ∞) onto (0, 1] by
// x = a + (1−t)/t (and (−∞, b] by x = b − (1−t)/t, (−∞, ∞) by adding f(x)
// and f(−x) on [0, ∞)) and integrates the transformed integrand
// f(x(t))/t² the same way with the 15-point Gauss–Kronrod rule. Each step
// costs one rule application on each half of the bisected interval and an
// O(Limit) insertion into the list of error estimates.
//
// If b < a the limits are swapped and the value negated, as in scipy; an
// empty range [a, a] gives zero (after 21 evaluations when a is finite,
// as QUADPACK does, and none when it is infinite).
// Failing to reach the tolerance is not an error: the result carries
// QUADPACK's ier and scipy's message, as scipy's warning would. The error
// is ErrQuadInput for a NaN limit or for tolerances QUADPACK rejects.
func Quad(f func(float64) float64, a, b float64, s *QuadSettings) (QuadResult, error) {
	epsabs, epsrel, limit := quadTolerances(s)
	if math.IsNaN(a) || math.IsNaN(b) || limit < 1 {
		return QuadResult{Ier: 6, Message: quadMessage(6, limit)}, ErrQuadInput
	}
	if s != nil && s.Points != nil {
		return quadWithPoints(f, a, b, s.Points, epsabs, epsrel, limit)
	}
	if a == b && math.IsInf(a, 0) {
		return QuadResult{Intervals: 1, Success: true}, nil
	}
	flip := b < a
	if flip {
		a, b = b, a
	}
	var (
		g      func(float64) float64
		rule   *quadKronrod
		perPt  = 1
		lo, hi = a, b
	)
	switch {
	case !math.IsInf(a, 0) && !math.IsInf(b, 0):
		g, rule = f, &quadKronrod21
	case math.IsInf(a, -1) && math.IsInf(b, 1):
		g, rule, perPt, lo, hi = quadInfinite(f, 0, 2), &quadKronrod15, 2, 0, 1
	case math.IsInf(b, 1):
		g, rule, lo, hi = quadInfinite(f, a, 1), &quadKronrod15, 0, 1
	default: // a == −∞, b finite
		g, rule, lo, hi = quadInfinite(f, b, -1), &quadKronrod15, 0, 1
	}
	q := quadAdaptive(g, rule, lo, hi, epsabs, epsrel, limit)
	r := QuadResult{
		Value:     q.result,
		AbsErr:    q.abserr,
		Intervals: q.last,
		Ier:       q.ier,
		Message:   quadMessage(q.ier, limit),
		Success:   q.ier == 0,
	}
	if q.ier == 6 {
		return r, ErrQuadInput
	}
	// A rule evaluates at its centre and len(x)−1 nodes on each side,
	// once on the whole range and twice per bisection.
	r.NEval = perPt * (2*len(rule.x) - 1) * (2*q.last - 1)
	if flip {
		r.Value = -r.Value
	}
	return r, nil
}

// quadWithPoints is Quad with break points (QAGP).
func quadWithPoints(f func(float64) float64, a, b float64, points []float64, epsabs, epsrel float64, limit int) (QuadResult, error) {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return QuadResult{Ier: 6, Message: quadMessage(6, limit)}, ErrQuadPointsInfinite
	}
	q, neval := quadPoints(f, a, b, points, epsabs, epsrel, limit)
	r := QuadResult{Value: q.result, AbsErr: q.abserr, NEval: neval, Intervals: q.last, Ier: q.ier,
		Message: quadMessage(q.ier, limit), Success: q.ier == 0}
	if q.ier == 6 && neval == 0 {
		return r, ErrQuadInput
	}
	return r, nil
}

// quadInfinite returns DQK15I's transformed integrand on (0, 1]: with
// x = bound + sign·(1−t)/t, t ↦ f(x)/t², plus f(−x)/t² when inf is 2
// (bound is then 0). sign is min(1, inf).
func quadInfinite(f func(float64) float64, bound float64, inf int) func(float64) float64 {
	dinf := float64(min(1, inf))
	return func(t float64) float64 {
		x := bound + dinf*(1-t)/t
		v := f(x)
		if inf == 2 {
			v += f(-x)
		}
		return (v / t) / t
	}
}

// quadKronrod is a Gauss–Kronrod pair on [−1, 1], stored as QUADPACK
// stores it: the non-negative Kronrod nodes x (the centre last), their
// Kronrod weights wk, and the weights wg of the embedded Gauss rule at the
// same nodes (zero at nodes that are Kronrod-only). order lists the nodes
// other than the centre in the order QUADPACK sums them, so that the sums
// round as they do there.
type quadKronrod struct {
	x, wk, wg []float64
	order     []int
}

// quadKronrod21 is DQK21's 10-point Gauss and 21-point Kronrod pair, as
// computed in 80-digit arithmetic by L. W. Fullerton (Bell Labs, 1981).
// DQK21 sums the Gauss nodes first, then the others.
var quadKronrod21 = quadKronrod{
	x: []float64{
		0.995657163025808080735527280689003, 0.973906528517171720077964012084452,
		0.930157491355708226001207180059508, 0.865063366688984510732096688423493,
		0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
		0.562757134668604683339000099272694, 0.433395394129247190799265943165784,
		0.294392862701460198131126603103866, 0.148874338981631210884826001129720,
		0,
	},
	wk: []float64{
		0.011694638867371874278064396062192, 0.032558162307964727478818972459390,
		0.054755896574351996031381300244580, 0.075039674810919952767043140916190,
		0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
		0.123491976262065851077958109831074, 0.134709217311473325928054001771707,
		0.142775938577060080797094273138717, 0.147739104901338491374841515972068,
		0.149445554002916905664936468389821,
	},
	wg: []float64{
		0, 0.066671344308688137593568809893332,
		0, 0.149451349150580593145776339657697,
		0, 0.219086362515982043995534934228163,
		0, 0.269266719309996355091226921569469,
		0, 0.295524224714752870173892994651338,
		0,
	},
	order: []int{1, 3, 5, 7, 9, 0, 2, 4, 6, 8},
}

// quadKronrod15 is DQK15I's 7-point Gauss and 15-point Kronrod pair.
var quadKronrod15 = quadKronrod{
	x: []float64{
		0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
		0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
		0.586087235467691130294144838258730, 0.405845151377397166906606412076961,
		0.207784955007898467600689403773245, 0,
	},
	wk: []float64{
		0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
		0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
		0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
		0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
	},
	wg: []float64{
		0, 0.129484966168869693270611432679082,
		0, 0.279705391489276667901467771423780,
		0, 0.381830050505118944950369775488975,
		0, 0.417959183673469387755102040816327,
	},
	order: []int{0, 1, 2, 3, 4, 5, 6},
}

// quadEpmach, quadUflow and quadOflow are QUADPACK's d1mach(4), d1mach(1)
// and d1mach(2): the relative spacing of the floats, the smallest normal
// and the largest float.
const (
	quadEpmach = 0x1p-52
	quadUflow  = 0x1p-1022
	quadOflow  = math.MaxFloat64
)

// apply is DQK21 and DQK15I: the Kronrod estimate of the integral of g
// over [a, b], an error estimate, the integral of |g| (resabs) and of
// |g − mean| (resasc), which QUADPACK uses to detect roundoff.
func (r *quadKronrod) apply(g func(float64) float64, a, b float64) (result, abserr, resabs, resasc float64) {
	var fv1, fv2 [10]float64
	c := len(r.x) - 1 // the centre
	centr := 0.5 * (a + b)
	hlgth := 0.5 * (b - a)
	dhlgth := math.Abs(hlgth)
	fc := g(centr)
	var resg float64
	if r.wg[c] != 0 {
		resg = r.wg[c] * fc
	}
	resk := r.wk[c] * fc
	resabs = math.Abs(resk)
	for _, j := range r.order {
		absc := hlgth * r.x[j]
		fval1 := g(centr - absc)
		fval2 := g(centr + absc)
		fv1[j], fv2[j] = fval1, fval2
		fsum := fval1 + fval2
		if r.wg[j] != 0 {
			resg += r.wg[j] * fsum
		}
		resk += r.wk[j] * fsum
		resabs += r.wk[j] * (math.Abs(fval1) + math.Abs(fval2))
	}
	reskh := resk * 0.5
	resasc = r.wk[c] * math.Abs(fc-reskh)
	for j := 0; j < c; j++ {
		resasc += r.wk[j] * (math.Abs(fv1[j]-reskh) + math.Abs(fv2[j]-reskh))
	}
	result = resk * hlgth
	resabs *= dhlgth
	resasc *= dhlgth
	abserr = math.Abs((resk - resg) * hlgth)
	if resasc != 0 && abserr != 0 {
		abserr = resasc * math.Min(1, quadPow15(200*abserr/resasc))
	}
	if resabs > quadUflow/(50*quadEpmach) {
		abserr = math.Max(quadEpmach*50*resabs, abserr)
	}
	return result, abserr, resabs, resasc
}

// quadPow15 returns x^1.5 for x ≥ 0 rounded nearly always correctly, as
// glibc's pow does for QUADPACK in scipy (math.Pow is off by an ulp for
// a third of arguments): x·√x with the rounding errors of the square root
// and the product added back. The error estimates are differences of
// sums of these values, so an ulp here can show as 1e-6 of a small final
// estimate.
func quadPow15(x float64) float64 {
	s := math.Sqrt(x)
	p := x * s
	if p == 0 || math.IsInf(p, 0) || math.IsNaN(p) {
		return p
	}
	r := math.FMA(x, s, -p)
	sl := math.FMA(-s, s, x) / (2 * s)
	return p + (r + x*sl)
}

// quadOutcome is what the adaptive driver returns.
type quadOutcome struct {
	result, abserr float64
	ier, last      int
}

// quadList is QUADPACK's list of subintervals: end points, integrals and
// error estimates, with iord ranking the intervals by decreasing error
// (DQPSRT keeps only the part of the ranking that the remaining
// subdivisions can reach in order). maxerr is the interval ranked nrmax
// (counted from 1), the next to bisect; errmax its error.
type quadList struct {
	alist, blist, rlist, elist []float64
	iord                       []int
	maxerr, nrmax              int
	errmax                     float64
}

// bisected records the halves (a1, b1) and (a2, b2) of interval m, with
// their integrals and errors, as intervals m and last−1, the half with the
// larger error in slot m, and ranks them (sort).
func (l *quadList) bisected(m, limit, last int, a1, b1, a2, b2, area1, area2, error1, error2 float64) {
	n := last - 1
	l.rlist[m], l.rlist[n] = area1, area2
	if error2 > error1 {
		l.alist[m], l.alist[n], l.blist[n] = a2, a1, b1
		l.rlist[m], l.rlist[n] = area2, area1
		l.elist[m], l.elist[n] = error2, error1
	} else {
		l.alist[n], l.blist[m], l.blist[n] = a2, b1, b2
		l.elist[m], l.elist[n] = error1, error2
	}
	l.sort(limit, last)
}

// sum is the sum of the integrals over the first last intervals.
func (l *quadList) sum(last int) float64 {
	total := 0.0
	for _, r := range l.rlist[:last] {
		total += r
	}
	return total
}

// tooNarrow reports whether the interval bisected into (a1, b1) and
// (a2, b2) is too narrow to bisect again in floating point.
func tooNarrow(a1, a2, b2 float64) bool {
	return math.Max(math.Abs(a1), math.Abs(b2)) <= (1+100*quadEpmach)*(math.Abs(a2)+1000*quadUflow)
}

// quadRoundoff counts the signs of roundoff in the extrapolating routines
// (DQAGSE, DQAGPE, DQAWOE): a bisection that hardly changes the integral
// but not the error, before extrapolation (iroff1) or during it (iroff2),
// or one that raises the error late (iroff3).
type quadRoundoff struct{ iroff1, iroff2, iroff3 int }

// count looks at one bisection: the interval's old integral and error,
// the halves' integrals and errors summed, and whether both halves' rules
// were free of roundoff (their error estimates not their resasc).
func (r *quadRoundoff) count(old, errmax, area12, erro12 float64, clean, extrap bool, last int) {
	if !clean {
		return
	}
	if math.Abs(old-area12) <= 1e-5*math.Abs(area12) && erro12 >= 0.99*errmax {
		if extrap {
			r.iroff2++
		} else {
			r.iroff1++
		}
	}
	if last > 10 && erro12 > errmax {
		r.iroff3++
	}
}

// codes returns the codes after a bisection of the extrapolating
// routines: ier 2 when roundoff is too frequent, 1 when the limit of
// subintervals is reached, 4 when the interval was too narrow to bisect
// (the last that applies; else ier unchanged), and ierro 3 when roundoff
// spoiled extrapolation.
func (r *quadRoundoff) codes(ier, ierro int, full, narrow bool) (int, int) {
	if r.iroff1+r.iroff2 >= 10 || r.iroff3 >= 20 {
		ier = 2
	}
	if r.iroff2 >= 5 {
		ierro = 3
	}
	if full {
		ier = 1
	}
	if narrow {
		ier = 4
	}
	return ier, ierro
}

// quadEnd is the state at the end of an extrapolating routine's
// subdivision: the best extrapolated result and its error, the sum of
// the intervals' integrals and errors, and the codes so far.
type quadEnd struct {
	result, abserr float64 // the extrapolated result
	area, errsum   float64 // the sums over the intervals
	correc         float64 // the error added when roundoff spoiled extrapolation
	ier, ierro     int
	sumAll         bool // the sum over the intervals is the result
	// ksgn is 1 when f seems to keep one sign (|∫f| within 50 ulps of
	// ∫|f| on the whole range), else −1; then a result and area both
	// below small (1% of that ∫|f|) are not tested for divergence.
	ksgn  int
	small float64
	// atEqual makes errsum = |area| a divergence, as DQAWOE tests (the
	// others test errsum > |area|).
	atEqual bool
}

// finish is the end DQAGSE, DQAGPE and DQAWOE share: the choice between
// the extrapolated result and the sum over the first last intervals, the
// test for divergence (ier 6 before the shift), and codes above 2 moved
// down by one.
func (l *quadList) finish(e quadEnd, last int) quadOutcome {
	if !e.sumAll && e.abserr == quadOflow {
		e.sumAll = true
	}
	divergence := true
	if !e.sumAll && e.ier+e.ierro != 0 {
		if e.ierro == 3 {
			e.abserr += e.correc
		}
		if e.ier == 0 {
			e.ier = 3
		}
		switch {
		case e.result != 0 && e.area != 0:
			e.sumAll = e.abserr/math.Abs(e.result) > e.errsum/math.Abs(e.area)
		case e.abserr > e.errsum:
			e.sumAll = true
		case e.area == 0:
			divergence = false
		}
	}
	if !e.sumAll && divergence {
		if e.ksgn != -1 || math.Max(math.Abs(e.result), math.Abs(e.area)) > e.small {
			ratio := e.result / e.area
			if 0.01 > ratio || ratio > 100 || e.errsum > math.Abs(e.area) || e.atEqual && e.errsum == math.Abs(e.area) {
				e.ier = 6
			}
		}
	}
	if e.sumAll {
		e.result, e.abserr = l.sum(last), e.errsum
	}
	if e.ier > 2 {
		e.ier--
	}
	return quadOutcome{result: e.result, abserr: e.abserr, ier: e.ier, last: last}
}

// sort is DQPSRT: it inserts the two halves of the interval just bisected
// (maxerr, now its left or right half, and the new interval last−1) into
// the ranking and selects the interval with the nrmax-th largest error.
// Positions i in the ranking are counted from 1 as in QUADPACK: iord[i−1].
func (l *quadList) sort(limit, last int) {
	iord, elist := l.iord, l.elist
	if last <= 2 {
		iord[0], iord[1] = 0, 1
		l.maxerr = iord[l.nrmax-1]
		l.errmax = elist[l.maxerr]
		return
	}
	// A difficult integrand can make a bisection increase the error:
	// then the insertion starts above the nrmax-th position.
	errmax := elist[l.maxerr]
	for ido := l.nrmax - 1; ido > 0; ido-- {
		isucc := iord[l.nrmax-2]
		if errmax <= elist[isucc] {
			break
		}
		iord[l.nrmax-1] = isucc
		l.nrmax--
	}
	// Only the first jupbn positions are kept in order: the rest can no
	// longer be bisected within the limit.
	jupbn := last
	if last > limit/2+2 {
		jupbn = limit + 3 - last
	}
	errmin := elist[last-1]
	jbnd := jupbn - 1
	i := l.nrmax + 1
	for ; i <= jbnd; i++ {
		isucc := iord[i-1]
		if errmax >= elist[isucc] {
			break
		}
		iord[i-2] = isucc
	}
	if i > jbnd {
		iord[jbnd-1] = l.maxerr
		iord[jupbn-1] = last - 1
	} else {
		// Insert errmax at i−1, then errmin from the bottom up.
		iord[i-2] = l.maxerr
		k := jbnd
		placed := false
		for j := i; j <= jbnd; j++ {
			isucc := iord[k-1]
			if errmin < elist[isucc] {
				iord[k] = last - 1
				placed = true
				break
			}
			iord[k] = isucc
			k--
		}
		if !placed {
			iord[i-1] = last - 1
		}
	}
	l.maxerr = iord[l.nrmax-1]
	l.errmax = elist[l.maxerr]
}

// quadAdaptive is DQAGSE and DQAGIE, which differ only in the rule: it
// integrates g over [a, b] by bisection and extrapolation.
func quadAdaptive(g func(float64) float64, rule *quadKronrod, a, b, epsabs, epsrel float64, limit int) quadOutcome {
	if epsabs <= 0 && epsrel < math.Max(50*quadEpmach, 0.5e-28) {
		return quadOutcome{ier: 6}
	}
	// First approximation to the integral.
	result, abserr, defabs, resasc := rule.apply(g, a, b)
	dres := math.Abs(result)
	errbnd := math.Max(epsabs, epsrel*dres)
	ier := 0
	if abserr <= 100*quadEpmach*defabs && abserr > errbnd {
		ier = 2
	}
	if limit == 1 {
		ier = 1
	}
	if ier != 0 || (abserr <= errbnd && abserr != resasc) || abserr == 0 {
		return quadOutcome{result: result, abserr: abserr, ier: ier, last: 1}
	}

	buf := make([]float64, 4*limit)
	l := quadList{
		alist: buf[:limit],
		blist: buf[limit : 2*limit],
		rlist: buf[2*limit : 3*limit],
		elist: buf[3*limit:],
		iord:  make([]int, limit),
	}
	l.alist[0], l.blist[0], l.rlist[0], l.elist[0] = a, b, result, abserr
	var eps quadEpsilon
	eps.table[0] = result
	eps.n = 2
	l.errmax, l.maxerr, l.nrmax = abserr, 0, 1
	area, errsum := result, abserr
	abserr = quadOflow
	var (
		ktmin, ierro                  int
		roundoff                      quadRoundoff
		extrap, noext, sumAll         bool
		small, erlarg, ertest, correc float64
	)
	ksgn := -1
	if dres >= (1-50*quadEpmach)*defabs {
		ksgn = 1
	}

	last := 2
	for ; last <= limit; last++ {
		// Bisect the interval with the nrmax-th largest error.
		m := l.maxerr
		a1, b1 := l.alist[m], 0.5*(l.alist[m]+l.blist[m])
		a2, b2 := b1, l.blist[m]
		erlast := l.errmax
		area1, error1, _, defab1 := rule.apply(g, a1, b1)
		area2, error2, _, defab2 := rule.apply(g, a2, b2)

		// Improve the integral and error sums and test for roundoff.
		area12 := area1 + area2
		erro12 := error1 + error2
		errsum = errsum + erro12 - l.errmax
		area = area + area12 - l.rlist[m]
		roundoff.count(l.rlist[m], l.errmax, area12, erro12, defab1 != error1 && defab2 != error2, extrap, last)
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
		if last == 2 {
			small = math.Abs(b-a) * 0.375
			erlarg = errsum
			ertest = errbnd
			eps.table[1] = area
			continue
		}
		if noext {
			continue
		}
		// erlarg is the error over the intervals larger than small.
		erlarg -= erlast
		if math.Abs(b1-a1) > small {
			erlarg += erro12
		}
		if !extrap {
			// Extrapolate only once the next interval to bisect is
			// among the smallest.
			if math.Abs(l.blist[l.maxerr]-l.alist[l.maxerr]) > small {
				continue
			}
			extrap = true
			l.nrmax = 2
		}
		if ierro != 3 && erlarg > ertest {
			// The smallest interval has the largest error: first
			// bisect the larger intervals to decrease erlarg.
			jupbnd := last
			if last > 2+limit/2 {
				jupbnd = limit + 3 - last
			}
			larger := false
			for k := l.nrmax; k <= jupbnd; k++ {
				l.maxerr = l.iord[l.nrmax-1]
				l.errmax = l.elist[l.maxerr]
				if math.Abs(l.blist[l.maxerr]-l.alist[l.maxerr]) > small {
					larger = true
					break
				}
				l.nrmax++
			}
			if larger {
				continue
			}
		}

		// Extrapolate the sequence of areas.
		eps.n++
		eps.table[eps.n-1] = area
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
		// Go on bisecting the smallest interval.
		if eps.n == 1 {
			noext = true
		}
		if ier == 5 {
			break
		}
		l.maxerr = l.iord[0]
		l.errmax = l.elist[l.maxerr]
		l.nrmax = 1
		extrap = false
		small *= 0.5
		erlarg = errsum
	}
	return l.finish(quadEnd{result: result, abserr: abserr, area: area, errsum: errsum, correc: correc,
		ier: ier, ierro: ierro, sumAll: sumAll, ksgn: ksgn, small: defabs * 0.01}, min(last, limit))
}

// quadEpsilon is DQELG's state: Wynn's epsilon algorithm (P. Wynn, "On a
// device for computing the e_m(S_n) transformation", Math. Tables Aids
// Comput. 10 (1956) 91–96) on the sequence of partial areas. table holds
// the last diagonal of the epsilon table (at most limexp+2 = 52 entries,
// n of them in use), res3la the last three extrapolated values and nres
// the number of calls.
type quadEpsilon struct {
	table  [52]float64
	n      int
	res3la [3]float64
	nres   int
}

// extrapolate is DQELG: it adds the newest area table[n−1] to the epsilon
// table and returns the best extrapolated limit with an error estimate
// from the last three results. Entries are numbered from 1 as in
// QUADPACK: epstab(i) is table[i−1].
func (e *quadEpsilon) extrapolate() (result, abserr float64) {
	const limexp = 50
	t := &e.table
	e.nres++
	abserr = quadOflow
	n := e.n
	result = t[n-1]
	if n < 3 {
		return result, math.Max(abserr, 5*quadEpmach*math.Abs(result))
	}
	t[n+1] = t[n-1]
	newelm := (n - 1) / 2
	t[n-1] = quadOflow
	num := n
	k1 := n
	for i := 1; i <= newelm; i++ {
		k2, k3 := k1-1, k1-2
		res := t[k1+1]
		e0, e1, e2 := t[k3-1], t[k2-1], res
		e1abs := math.Abs(e1)
		delta2 := e2 - e1
		err2 := math.Abs(delta2)
		tol2 := math.Max(math.Abs(e2), e1abs) * quadEpmach
		delta3 := e1 - e0
		err3 := math.Abs(delta3)
		tol3 := math.Max(e1abs, math.Abs(e0)) * quadEpmach
		if err2 <= tol2 && err3 <= tol3 {
			// e0, e1 and e2 agree to machine accuracy: converged.
			return res, math.Max(err2+err3, 5*quadEpmach*math.Abs(res))
		}
		e3 := t[k1-1]
		t[k1-1] = e1
		delta1 := e1 - e3
		err1 := math.Abs(delta1)
		tol1 := math.Max(e1abs, math.Abs(e3)) * quadEpmach
		if err1 <= tol1 || err2 <= tol2 || err3 <= tol3 {
			// Two elements are too close: drop the rest of the table.
			n = i + i - 1
			break
		}
		ss := 1/delta1 + 1/delta2 - 1/delta3
		if math.Abs(ss*e1) <= 1e-4 {
			// Irregular behaviour in the table.
			n = i + i - 1
			break
		}
		res = e1 + 1/ss
		t[k1-1] = res
		k1 -= 2
		errNew := err2 + math.Abs(res-e2) + err3
		if errNew <= abserr {
			abserr = errNew
			result = res
		}
	}
	// Shift the table.
	if n == limexp {
		n = 2*(limexp/2) - 1
	}
	ib := 1
	if num%2 == 0 {
		ib = 2
	}
	for i := 1; i <= newelm+1; i++ {
		t[ib-1] = t[ib+1]
		ib += 2
	}
	if num != n {
		indx := num - n + 1
		for i := 1; i <= n; i++ {
			t[i-1] = t[indx-1]
			indx++
		}
	}
	e.n = n
	if e.nres < 4 {
		e.res3la[e.nres-1] = result
		abserr = quadOflow
	} else {
		abserr = math.Abs(result-e.res3la[2]) + math.Abs(result-e.res3la[1]) + math.Abs(result-e.res3la[0])
		e.res3la[0], e.res3la[1], e.res3la[2] = e.res3la[1], e.res3la[2], result
	}
	return result, math.Max(abserr, 5*quadEpmach*math.Abs(result))
}
