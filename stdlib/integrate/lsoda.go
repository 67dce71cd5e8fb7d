package integrate

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack/lapack64"
)

// This file is the core of LSODA, the Livermore solver with automatic
// method switching: L. R. Petzold, "Automatic selection of methods for
// solving stiff and nonstiff systems of ordinary differential equations",
// SIAM J. Sci. Stat. Comput. 4 (1983) 136–148, as implemented by A. C.
// Hindmarsh and L. R. Petzold in ODEPACK (A. C. Hindmarsh, "ODEPACK, a
// systematized collection of ODE solvers", Scientific Computing, North-
// Holland 1983, 55–64), the code behind scipy's odeint and solve_ivp's
// LSODA. Odeint (odeint.go) and SolveIVP's LSODA method (ivp.go) drive it.
//
// The solution is carried as a Nordsieck array: column j of yh holds
// h^j/j! times the j-th derivative of the interpolating polynomial at tn.
// A step predicts by the Pascal triangle (yh ← yh·A), corrects with
// y_{n+1} = y_pred + el(0)·acor until the corrector converges, then adds
// el·acor to every column. Nonstiff stretches use the implicit Adams
// methods of orders 1–12 corrected by functional iteration; stiff
// stretches use the BDF of orders 1–5 corrected by a chord Newton method
// with the iteration matrix P = I − h·el(0)·J. After every 20 steps the
// step size each family could have taken is estimated (for Adams from a
// Lipschitz estimate of the stability bound, for BDF from the norm of J)
// and the method switches when the other family promises a step at least
// ratio = 5 times larger. Each step costs one evaluation of f per corrector
// iteration (at most 3); a Jacobian costs n evaluations of f by finite
// differences (or one call of jac) and an O(n³) LU factorization.
//
// Names follow ODEPACK's so the code can be checked against the paper and
// the Fortran: el and tesco are the method and test coefficients of
// cfode, pdlast the Lipschitz estimate, rc the ratio of h·el(0) to its
// value at the last Jacobian, ialth the steps left before the step size
// may change, icount the steps left before a method switch is considered.

// lsodaMaxOrderAdams and lsodaMaxOrderBDF are the largest orders LSODA
// supports for each family (ODEPACK's mord).
const (
	lsodaMaxOrderAdams = 12
	lsodaMaxOrderBDF   = 5
)

// The methods, as ODEPACK's meth numbers them.
const (
	lsodaAdams = 1
	lsodaBDF   = 2
)

// The istate values the driver returns, as ODEPACK's and scipy's.
const (
	lsodaSuccess         = 2
	lsodaExcessWork      = -1
	lsodaExcessAccuracy  = -2
	lsodaIllegalInput    = -3
	lsodaErrorTestFailed = -4
	lsodaConvergence     = -5
	lsodaZeroWeight      = -6
	lsodaNaN             = -9 // calc's own: f returned NaN
)

// lsodaStabilityRatio (ODEPACK's sm1) bounds |h|·L for the Adams method
// of each order, L a Lipschitz constant of f, to stay inside its
// stability region.
var lsodaStabilityRatio = [lsodaMaxOrderAdams]float64{0.5, 0.575, 0.55,
	0.45, 0.35, 0.25, 0.20, 0.15, 0.10, 0.075, 0.050, 0.025}

// lsodaCoefficients holds, for one family, what ODEPACK's cfode computes:
// el[q-1][0..q] are the coefficients of the corrector of order q (the
// generating polynomial l(x) = Σ el_i x^i), and tesco[q-1] the constants
// of the error estimates at orders q−1, q and q+1. cm is
// tesco[q-1][1]·el[q-1][q], which turns the error estimate of one family
// into that of the other when a switch is considered.
type lsodaCoefficients struct {
	el    [lsodaMaxOrderAdams][lsodaMaxOrderAdams + 1]float64
	tesco [lsodaMaxOrderAdams][3]float64
	cm    [lsodaMaxOrderAdams]float64
}

// lsodaCoef holds the Adams (index 0) and BDF (index 1) coefficients.
// They are constants, computed once.
var lsodaCoef = [2]lsodaCoefficients{lsodaAdamsCoefficients(), lsodaBDFCoefficients()}

// lsodaAdamsCoefficients returns the implicit Adams coefficients: for
// order q, dl/dx = (x+1)(x+2)···(x+q−1)/(q−1)! with l(−1) = 0.
func lsodaAdamsCoefficients() lsodaCoefficients {
	var c lsodaCoefficients
	var p [lsodaMaxOrderAdams]float64 // coefficients of (x+1)···(x+q−1), lowest first
	c.el[0][0], c.el[0][1] = 1, 1
	c.tesco[0][1] = 2
	c.tesco[1][0] = 1
	p[0] = 1
	invFact := 1.0 // 1/q!
	for q := 2; q <= lsodaMaxOrderAdams; q++ {
		invFactPrev := invFact
		invFact /= float64(q)
		// Multiply p by (x + q − 1).
		m := float64(q - 1)
		p[q-1] = 0
		for i := q - 1; i >= 1; i-- {
			p[i] = p[i-1] + m*p[i]
		}
		p[0] *= m
		// The integrals over [−1, 0] of p(x) and x·p(x).
		pint, xpin, sign := p[0], p[0]/2, 1.0
		for i := 1; i < q; i++ {
			sign = -sign
			pint += sign * p[i] / float64(i+1)
			xpin += sign * p[i] / float64(i+2)
		}
		c.el[q-1][0] = pint * invFactPrev
		c.el[q-1][1] = 1
		for i := 1; i < q; i++ {
			c.el[q-1][i+1] = invFactPrev * p[i] / float64(i+1)
		}
		ragq := 1 / (invFact * xpin)
		c.tesco[q-1][1] = ragq
		if q < lsodaMaxOrderAdams {
			c.tesco[q][0] = ragq * invFact / float64(q+1)
		}
		c.tesco[q-2][2] = ragq
	}
	for q := 1; q <= lsodaMaxOrderAdams; q++ {
		c.cm[q-1] = c.tesco[q-1][1] * c.el[q-1][q]
	}
	return c
}

// lsodaBDFCoefficients returns the BDF coefficients: for order q,
// l(x) = (x+1)(x+2)···(x+q)/(q!·(1 + 1/2 + ··· + 1/q)).
func lsodaBDFCoefficients() lsodaCoefficients {
	var c lsodaCoefficients
	var p [lsodaMaxOrderBDF + 1]float64 // coefficients of (x+1)···(x+q), lowest first
	p[0] = 1
	invFact := 1.0 // 1/(q−1)!
	for q := 1; q <= lsodaMaxOrderBDF; q++ {
		m := float64(q)
		p[q] = 0
		for i := q; i >= 1; i-- {
			p[i] = p[i-1] + m*p[i]
		}
		p[0] *= m
		for i := 0; i <= q; i++ {
			c.el[q-1][i] = p[i] / p[1]
		}
		c.el[q-1][1] = 1
		c.tesco[q-1][0] = invFact
		c.tesco[q-1][1] = float64(q+1) / c.el[q-1][0]
		c.tesco[q-1][2] = float64(q+2) / c.el[q-1][0]
		invFact /= m
	}
	for q := 1; q <= lsodaMaxOrderBDF; q++ {
		c.cm[q-1] = c.tesco[q-1][1] * c.el[q-1][q]
	}
	return c
}

// lsodaNorm is ODEPACK's vmnorm, the weighted max-norm max_i |v_i|·w_i;
// w holds the reciprocals of the error weights rtol·|y_i| + atol.
func lsodaNorm(v, w []float64) float64 {
	m := 0.0
	for i, x := range v {
		if a := math.Abs(x) * w[i]; a > m {
			m = a
		}
	}
	return m
}

// lsoda is the state of one integration.
type lsoda struct {
	n   int
	f   func(t float64, y, dydt []float64)
	jac func(t float64, y, J []float64) // nil: finite differences

	rtol, atol []float64 // each of length 1 (a scalar) or n
	h0         float64   // first step to try; 0 chooses one
	hmin, hmxi float64   // smallest |h|, reciprocal of the largest (0: none)
	mxstep     int       // steps allowed per call of run
	mxordn     int       // largest Adams order
	mxords     int       // largest BDF order
	tcrit      float64   // point not to step past, for itask 4 and 5

	// Work arrays, allocated once.
	yh   []float64 // Nordsieck array, column j at yh[j*n:(j+1)*n], 13 columns
	y    []float64 // argument of f
	ewt  []float64 // reciprocal error weights
	savf []float64 // f at the current iterate
	acor []float64 // accumulated correction; the error estimate after a step
	wm   []float64 // P = I − h·el0·J and then its LU factors, row-major
	ipiv []int

	uround float64
	t      float64 // the time the caller's y was last set for
	tn     float64 // the time of yh
	h      float64 // the step to try next
	hold   float64 // the step yh is scaled for
	hu     float64 // the last step taken
	tsw    float64 // the time of the last method switch
	tolsf  float64 // tolerance scale factor, set when accuracy is excessive

	el                  [lsodaMaxOrderAdams + 1]float64
	coef                *lsodaCoefficients
	el0, rc, crate      float64
	conit, rmax, ccmax  float64
	pdest, pdlast       float64 // Lipschitz estimates of f for the Adams methods
	pdnorm              float64 // norm of J at the last evaluation
	ratio               float64
	nq, l, lmax, maxord int
	meth, mused, miter  int
	jtyp                int
	ialth, icount       int
	ipup, nslp          int
	jcur, ierpj, kflag  int
	jstart, irflag      int
	maxcor, msbp, mxncf int
	nst, nfe, nje, nqu  int
	nslast, imxer       int
	started             bool
	singular            bool    // an iteration matrix was singular
	nanT                float64 // where f returned NaN
}

// newLsoda allocates the work arrays for n equations.
func newLsoda(n int, f func(t float64, y, dydt []float64), jac func(t float64, y, J []float64)) *lsoda {
	s := &lsoda{n: n, f: f, jac: jac, mxstep: 500, mxordn: lsodaMaxOrderAdams, mxords: lsodaMaxOrderBDF}
	work := make([]float64, (lsodaMaxOrderAdams+1)*n+4*n+n*n)
	s.yh, work = work[:(lsodaMaxOrderAdams+1)*n], work[(lsodaMaxOrderAdams+1)*n:]
	s.y, s.ewt, s.savf, s.acor, s.wm = work[:n], work[n:2*n], work[2*n:3*n], work[3*n:4*n], work[4*n:]
	s.ipiv = make([]int, n)
	s.uround = 0x1p-52
	s.jtyp = 2
	if jac != nil {
		s.jtyp = 1
	}
	return s
}

// col returns column j of the Nordsieck array.
func (s *lsoda) col(j int) []float64 { return s.yh[j*s.n : (j+1)*s.n] }

// fcall evaluates f(t, y) into dydt and counts it; it reports false, and
// records t, when f returns NaN.
func (s *lsoda) fcall(t float64, y, dydt []float64) bool {
	s.f(t, y, dydt)
	s.nfe++
	for _, v := range dydt {
		if v != v {
			s.nanT = t
			return false
		}
	}
	return true
}

// setWeights sets ewt to the reciprocals of rtol·|y| + atol at the
// current yh and reports false if one of them is not positive.
func (s *lsoda) setWeights() bool {
	rt, at := s.rtol[0], s.atol[0]
	for i, y := range s.yh[:s.n] {
		if len(s.rtol) > 1 {
			rt = s.rtol[i]
		}
		if len(s.atol) > 1 {
			at = s.atol[i]
		}
		w := rt*math.Abs(y) + at
		if !(w > 0) {
			return false
		}
		s.ewt[i] = 1 / w
	}
	return true
}

// run advances the solution towards tout and loads the caller's y, as
// ODEPACK's lsoda does for itask 1 (step past tout and interpolate), 4
// (the same without stepping past tcrit) and 5 (one step, not past
// tcrit). It returns an istate. The first call sets up from s.t and y.
func (s *lsoda) run(y []float64, tout float64, itask int) int {
	first := !s.started
	if first {
		if st := s.start(y, tout, itask); st != 0 {
			return st
		}
		s.started = true
	} else {
		s.nslast = s.nst
		if itask == 4 || itask == 5 {
			if (s.tn-s.tcrit)*s.h > 0 || (itask == 4 && (s.tcrit-tout)*s.h < 0) {
				return lsodaIllegalInput
			}
		}
		if itask != 5 && (s.tn-tout)*s.h >= 0 {
			return s.output(y, tout)
		}
		if itask != 1 && s.hitTcrit(y) {
			return lsodaSuccess
		}
	}
	for {
		if !first {
			if s.nst-s.nslast >= s.mxstep {
				return s.stop(y, lsodaExcessWork)
			}
			if !s.setWeights() {
				return s.stop(y, lsodaZeroWeight)
			}
		}
		if tolsf := s.uround * lsodaNorm(s.yh[:s.n], s.ewt); tolsf > 0.01 {
			s.tolsf = 200 * tolsf
			if s.nst == 0 {
				return lsodaIllegalInput
			}
			return s.stop(y, lsodaExcessAccuracy)
		}
		first = false
		s.stoda()
		switch s.kflag {
		case -1:
			s.setImxer()
			return s.stop(y, lsodaErrorTestFailed)
		case -2:
			s.setImxer()
			return s.stop(y, lsodaConvergence)
		case lsodaKflagNaN:
			return s.stop(y, lsodaNaN)
		}
		if s.meth != s.mused {
			// A switch was made: stoda finishes it on the next call.
			s.tsw = s.tn
			s.maxord = s.mxordn
			if s.meth == lsodaBDF {
				s.maxord = s.mxords
			}
			s.jstart = -1
		}
		switch itask {
		case 1:
			if (s.tn-tout)*s.h >= 0 {
				return s.output(y, tout)
			}
		case 4:
			if (s.tn-tout)*s.h >= 0 {
				return s.output(y, tout)
			}
			if s.hitTcrit(y) {
				return lsodaSuccess
			}
		case 5:
			copy(y, s.yh[:s.n])
			s.t = s.tn
			if s.atTcrit() {
				s.t = s.tcrit
			}
			return lsodaSuccess
		}
	}
}

// hitTcrit loads y and reports true when tn is tcrit within roundoff;
// otherwise it shortens h, if needed, so the next step ends at tcrit.
func (s *lsoda) hitTcrit(y []float64) bool {
	if s.atTcrit() {
		copy(y, s.yh[:s.n])
		s.t = s.tcrit
		return true
	}
	tnext := s.tn + s.h*(1+4*s.uround)
	if (tnext-s.tcrit)*s.h > 0 {
		s.h = (s.tcrit - s.tn) * (1 - 4*s.uround)
		if s.jstart >= 0 {
			s.jstart = -2
		}
	}
	return false
}

// atTcrit reports whether tn is tcrit within roundoff.
func (s *lsoda) atTcrit() bool {
	return math.Abs(s.tn-s.tcrit) <= 100*s.uround*(math.Abs(s.tn)+math.Abs(s.h))
}

// output interpolates y at tout, where the caller asked for it.
func (s *lsoda) output(y []float64, tout float64) int {
	if !s.interpolate(tout, y, true) {
		return lsodaIllegalInput
	}
	s.t = tout
	return lsodaSuccess
}

// stop loads y with the solution at tn after a failure.
func (s *lsoda) stop(y []float64, istate int) int {
	copy(y, s.yh[:s.n])
	s.t = s.tn
	return istate
}

// setImxer records the component with the largest weighted local error.
func (s *lsoda) setImxer() {
	big := 0.0
	s.imxer = 0
	for i, a := range s.acor {
		if size := math.Abs(a * s.ewt[i]); size > big {
			big, s.imxer = size, i
		}
	}
}

// start is the initial call's set-up: the first evaluation of f, the
// Nordsieck array of order 1 and the first step,
//
//	h0^−2 = 1/(tol·w0²) + tol·‖f(t0, y0)‖²,   w0 = max(|t0|, |tout|),
//
// with tol the largest rtol clipped to [100·uround, 1e-3] and |h0| at
// most |tout − t0| and hmax.
func (s *lsoda) start(y []float64, tout float64, itask int) int {
	n := s.n
	s.tn, s.tsw = s.t, s.t
	s.maxord = s.mxordn
	h0 := s.h0
	if itask == 4 || itask == 5 {
		if (s.tcrit-tout)*(tout-s.t) < 0 {
			return lsodaIllegalInput
		}
		if h0 != 0 && (s.t+h0-s.tcrit)*h0 > 0 {
			h0 = s.tcrit - s.t
		}
	}
	s.jstart, s.nst, s.nje, s.nslast = 0, 0, 0, 0
	s.hu, s.nqu, s.mused, s.miter = 0, 0, 0, 0
	s.ccmax, s.maxcor, s.msbp, s.mxncf = 0.3, 3, 20, 10
	s.meth = lsodaAdams
	copy(s.yh[:n], y)
	if !s.fcall(s.t, y, s.col(1)) {
		return lsodaNaN
	}
	s.nq, s.h = 1, 1
	if !s.setWeights() {
		return lsodaIllegalInput
	}
	if h0 == 0 {
		tdist := math.Abs(tout - s.t)
		w0 := math.Max(math.Abs(s.t), math.Abs(tout))
		if tdist < 2*s.uround*w0 {
			return lsodaIllegalInput
		}
		tol := 0.0
		for _, r := range s.rtol {
			tol = math.Max(tol, r)
		}
		if tol <= 0 {
			at := s.atol[0]
			for i, yi := range y {
				if len(s.atol) > 1 {
					at = s.atol[i]
				}
				if yi != 0 {
					tol = math.Max(tol, at/math.Abs(yi))
				}
			}
		}
		tol = math.Min(math.Max(tol, 100*s.uround), 0.001)
		fnorm := lsodaNorm(s.col(1), s.ewt)
		h0 = 1 / math.Sqrt(1/(tol*w0*w0)+tol*(fnorm*fnorm))
		h0 = math.Copysign(math.Min(h0, tdist), tout-s.t)
	}
	if rh := math.Abs(h0) * s.hmxi; rh > 1 {
		h0 /= rh
	}
	s.h = h0
	for i := range s.col(1) {
		s.yh[n+i] *= h0
	}
	return 0
}

// interpolate writes into dky the Nordsieck polynomial at t,
//
//	y(t) = Σ_{j=0..nq} yh_j·((t − tn)/h)^j,
//
// ODEPACK's intdy with k = 0. With check it refuses t outside the last
// step [tn − hu, tn] (with a little slack for roundoff).
func (s *lsoda) interpolate(t float64, dky []float64, check bool) bool {
	if check {
		tp := s.tn - s.hu - 100*s.uround*(math.Abs(s.tn)+math.Abs(s.hu))
		if (t-tp)*(t-s.tn) > 0 {
			return false
		}
	}
	x := (t - s.tn) / s.hold // yh is scaled for hold, which s.h may no longer be
	copy(dky, s.col(s.nq))
	for j := s.nq - 1; j >= 0; j-- {
		c := s.col(j)
		for i := range dky {
			dky[i] = c[i] + x*dky[i]
		}
	}
	return true
}

// lsodaKflagNaN is stoda's completion code for NaN from f.
const lsodaKflagNaN = -4

// stoda takes one step, as ODEPACK's stoda: on return kflag is 0 for a
// step taken, −1 when the error test failed repeatedly or at |h| = hmin,
// −2 when the corrector failed to converge repeatedly or at |h| = hmin,
// and lsodaKflagNaN when f returned NaN. After a failure tn and yh are
// as before the step.
func (s *lsoda) stoda() {
	s.step()
	s.hold = s.h
	s.jstart = 1
}

func (s *lsoda) step() {
	s.kflag = 0
	told := s.tn
	ncf := 0
	s.ierpj, s.jcur = 0, 0
	switch {
	case s.jstart == 0:
		s.lmax = s.maxord + 1
		s.nq, s.l, s.ialth = 1, 2, 2
		// rmax starts large to make up for the small first step.
		s.rmax, s.rc, s.el0, s.crate = 1e4, 0, 1, 0.7
		s.hold = s.h
		s.nslp = 0
		s.ipup = s.miter
		s.icount, s.irflag = 20, 0
		s.pdest, s.pdlast, s.ratio = 0, 0, 5
		s.coef = &lsodaCoef[s.meth-1]
		s.setCoefficients()
	case s.jstart < 0:
		if s.jstart == -1 {
			// Complete a method switch (or a change of parameters).
			s.ipup = s.miter
			s.lmax = s.maxord + 1
			if s.ialth == 1 {
				s.ialth = 2
			}
			if s.meth != s.mused {
				s.coef = &lsodaCoef[s.meth-1]
				s.ialth = s.l
				s.setCoefficients()
			}
		}
		if s.h != s.hold {
			rh := s.h / s.hold
			s.h = s.hold
			s.rescale(rh)
		}
	}
	for {
		if math.Abs(s.rc-1) > s.ccmax || s.nst >= s.nslp+s.msbp {
			s.ipup = s.miter
		}
		s.tn += s.h
		s.shift(1)
		pnorm := lsodaNorm(s.yh[:s.n], s.ewt)
		m, del, outcome := s.correct(pnorm)
		if outcome == lsodaKflagNaN {
			s.tn = told
			s.shift(-1)
			s.kflag = lsodaKflagNaN
			return
		}
		if outcome != 0 {
			// The corrector failed: retract and retry with h/4.
			ncf++
			s.rmax = 2
			s.tn = told
			s.shift(-1)
			if math.Abs(s.h) <= s.hmin*1.00001 || ncf == s.mxncf {
				s.kflag = -2
				return
			}
			s.ipup = s.miter
			s.rescale(math.Max(0.25, s.hmin/math.Abs(s.h)))
			continue
		}
		s.jcur = 0
		var dsm float64
		if m == 0 {
			dsm = del / s.coef.tesco[s.nq-1][1]
		} else {
			dsm = lsodaNorm(s.acor, s.ewt) / s.coef.tesco[s.nq-1][1]
		}
		if dsm <= 1 {
			s.accept(dsm, pnorm)
			return
		}
		// The error test failed.
		s.kflag--
		s.tn = told
		s.shift(-1)
		s.rmax = 2
		if math.Abs(s.h) <= s.hmin*1.00001 {
			s.kflag = -1
			return
		}
		if s.kflag > -3 {
			s.selectOrder(dsm)
			continue
		}
		// After three failures the history is presumed wrong: restart
		// at order 1 with h/10, recomputing the first derivative.
		if s.kflag == -10 {
			s.kflag = -1
			return
		}
		s.h *= math.Max(0.1, s.hmin/math.Abs(s.h))
		copy(s.y, s.yh[:s.n])
		if !s.fcall(s.tn, s.y, s.savf) {
			s.kflag = lsodaKflagNaN
			return
		}
		yh1 := s.col(1)
		for i, v := range s.savf {
			yh1[i] = s.h * v
		}
		s.ipup = s.miter
		s.ialth = 5
		if s.nq != 1 {
			s.nq, s.l = 1, 2
			s.setCoefficients()
		}
	}
}

// setCoefficients loads el for the order nq of the current family.
func (s *lsoda) setCoefficients() {
	copy(s.el[:s.l], s.coef.el[s.nq-1][:s.l])
	s.rc = s.rc * s.el[0] / s.el0
	s.el0 = s.el[0]
	s.conit = 0.5 / float64(s.nq+2)
}

// rescale multiplies h by rh, at most rmax, within hmax and, for Adams,
// within the stability bound, and rescales yh to match.
func (s *lsoda) rescale(rh float64) {
	rh = math.Min(rh, s.rmax)
	rh /= math.Max(1, math.Abs(s.h)*s.hmxi*rh)
	if s.meth == lsodaAdams {
		// irflag records that stability limited h, so that later
		// roundoff trouble may be blamed on it.
		s.irflag = 0
		pdh := math.Max(math.Abs(s.h)*s.pdlast, 0.000001)
		if sm := lsodaStabilityRatio[s.nq-1]; rh*pdh*1.00001 >= sm {
			rh = sm / pdh
			s.irflag = 1
		}
	}
	r := 1.0
	for j := 1; j < s.l; j++ {
		r *= rh
		c := s.col(j)
		for i := range c {
			c[i] *= r
		}
	}
	s.h *= rh
	s.rc *= rh
	s.ialth = s.l
}

// shift applies the Pascal triangle to columns 0..nq of yh (sign 1, the
// prediction) or its inverse (sign −1, the retraction).
func (s *lsoda) shift(sign float64) {
	n, nq := s.n, s.nq
	end := nq * n
	for k := 1; k <= nq; k++ {
		// yh[i] += sign·yh[i+n] over [lo, end), read ahead of where it
		// writes, in ascending order, so that the overlap is harmless.
		lo := (nq - k) * n
		to, from := s.yh[lo:end], s.yh[lo+n:end+n]
		if len(to) >= vectorKernel {
			floats.AddScaled(to, sign, from)
			continue
		}
		from = from[:len(to)]
		if sign > 0 { // a sum or a difference: the same numbers
			for i, v := range from {
				to[i] += v
			}
		} else {
			for i, v := range from {
				to[i] -= v
			}
		}
	}
}

// vectorKernel is the length from which lsoda updates a vector by
// gonum's kernel (floats.AddScaled, the same numbers as a loop: the
// product and the sum rounded separately): a system with sensitivities,
// a high order's Nordsieck columns. Below, its call costs more than it
// saves.
const vectorKernel = 8

// correct runs the corrector iteration from the prediction in yh,
// accumulating the correction in acor and leaving the corrected y in y.
// It returns the number of iterations m beyond the first, the norm of the
// last correction, and 0 when converged, −1 when not (after a fresh
// Jacobian, if one could help) or lsodaKflagNaN.
func (s *lsoda) correct(pnorm float64) (m int, del float64, outcome int) {
	n := s.n
	yh0, yh1 := s.col(0), s.col(1)
	tesco2 := s.coef.tesco[s.nq-1][1]
	lu := blas64.General{Rows: n, Cols: n, Stride: n, Data: s.wm}
	rhs := blas64.General{Rows: n, Cols: 1, Stride: 1, Data: s.y}
	for {
		m, del = 0, 0
		rate, delp := 0.0, 0.0
		copy(s.y, yh0)
		if !s.fcall(s.tn, s.y, s.savf) {
			return m, del, lsodaKflagNaN
		}
		if s.ipup > 0 {
			if !s.pjac() {
				return m, del, lsodaKflagNaN
			}
			s.ipup, s.rc, s.nslp, s.crate = 0, 1, s.nst, 0.7
			if s.ierpj != 0 {
				return m, del, -1
			}
		}
		for i := range s.acor {
			s.acor[i] = 0
		}
		for {
			el0 := s.el[0]
			if s.miter == 0 {
				// Functional iteration, on slices of one length so that
				// the loops need no bounds checks.
				savf, y, acor, h := s.savf, s.y[:n], s.acor[:n], s.h
				yh0, yh1 := yh0[:n], yh1[:n]
				for i, f := range savf[:n] {
					v := h*f - yh1[i]
					savf[i] = v
					y[i] = v - acor[i]
				}
				del = lsodaNorm(y, s.ewt)
				for i, v := range savf[:n] {
					y[i] = yh0[i] + el0*v
					acor[i] = v
				}
			} else {
				// Chord Newton iteration: P·Δ = h·f − (yh1 + acor).
				for i, v := range s.savf {
					s.y[i] = s.h*v - (yh1[i] + s.acor[i])
				}
				lapack64.Getrs(blas.NoTrans, lu, rhs, s.ipiv)
				del = lsodaNorm(s.y, s.ewt)
				for i, d := range s.y {
					s.acor[i] += d
					s.y[i] = yh0[i] + el0*s.acor[i]
				}
			}
			// A correction at the roundoff level has converged. Otherwise
			// the test uses the convergence rate crate; Adams always takes
			// two iterations so as to estimate the Lipschitz constant.
			if del <= 100*pnorm*s.uround {
				return m, del, 0
			}
			if m != 0 || s.meth != lsodaAdams {
				if m != 0 {
					rm := 1024.0
					if del <= 1024*delp {
						rm = del / delp
					}
					rate = math.Max(rate, rm)
					s.crate = math.Max(0.2*s.crate, rm)
				}
				dcon := del * math.Min(1, 1.5*s.crate) / (tesco2 * s.conit)
				if dcon <= 1 {
					s.pdest = math.Max(s.pdest, rate/math.Abs(s.h*el0))
					if s.pdest != 0 {
						s.pdlast = s.pdest
					}
					return m, del, 0
				}
			}
			m++
			if m == s.maxcor || (m >= 2 && del > 2*delp) {
				break
			}
			delp = del
			if !s.fcall(s.tn, s.y, s.savf) {
				return m, del, lsodaKflagNaN
			}
		}
		if s.miter == 0 || s.jcur == 1 {
			return m, del, -1
		}
		// Retry with a fresh Jacobian.
		s.ipup = s.miter
	}
}

// pjac forms P = I − h·el0·J at the predicted y, with J from jac or by
// forward differences with increments max(√uround·|y_j|, r0·w_j), and
// factors it. It sets pdnorm to the norm of J consistent with the
// weighted max-norm, and ierpj when P is singular.
func (s *lsoda) pjac() bool {
	n := s.n
	s.nje++
	s.ierpj, s.jcur = 0, 1
	hl0 := s.h * s.el0
	P := s.wm
	if s.miter == 1 {
		for i := range P {
			P[i] = 0
		}
		s.jac(s.tn, s.y, P)
		for i := range P {
			P[i] *= -hl0
		}
	} else {
		fac := lsodaNorm(s.savf, s.ewt)
		r0 := 1000 * math.Abs(s.h) * s.uround * float64(n) * fac
		if r0 == 0 {
			r0 = 1
		}
		srur := math.Sqrt(s.uround)
		ftem := s.acor
		for j := 0; j < n; j++ {
			yj := s.y[j]
			r := srur * math.Abs(yj)
			if s.ewt[j] != 0 {
				r = math.Max(r, r0/s.ewt[j])
			} else if r == 0 {
				r = r0 // a component out of the error test, at zero
			}
			s.y[j] += r
			c := -hl0 / r
			if !s.fcall(s.tn, s.y, ftem) {
				return false
			}
			for i := 0; i < n; i++ {
				P[i*n+j] = (ftem[i] - s.savf[i]) * c
			}
			s.y[j] = yj
		}
	}
	// The norm max_i Σ_j |P_ij|·w_j/w_i, with w the error weights, over
	// the components in the error test (a zero reciprocal weight, from an
	// infinite absolute tolerance, leaves one out).
	norm := 0.0
	for i := 0; i < n; i++ {
		if s.ewt[i] == 0 {
			continue
		}
		sum := 0.0
		for j := 0; j < n; j++ {
			if s.ewt[j] != 0 {
				sum += math.Abs(P[i*n+j]) / s.ewt[j]
			}
		}
		norm = math.Max(norm, sum*s.ewt[i])
	}
	s.pdnorm = norm / math.Abs(hl0)
	for i := 0; i < n; i++ {
		P[i*n+i]++
	}
	if !lapack64.Getrf(blas64.General{Rows: n, Cols: n, Stride: n, Data: P}, s.ipiv) {
		s.ierpj = 1
		s.singular = true
	}
	return true
}

// accept completes a successful step: it updates yh, considers a method
// switch every 20 steps, and otherwise the step size and order.
func (s *lsoda) accept(dsm, pnorm float64) {
	s.kflag = 0
	s.nst++
	s.hu, s.nqu, s.mused = s.h, s.nq, s.meth
	n := s.n
	for j := 0; j < s.l; j++ {
		c, e := s.col(j), s.el[j]
		if n >= vectorKernel {
			floats.AddScaled(c, e, s.acor)
			continue
		}
		for i := 0; i < n; i++ {
			c[i] += e * s.acor[i]
		}
	}
	s.icount--
	if s.icount < 0 && s.trySwitch(dsm, pnorm) {
		s.rmax = 10
	} else {
		s.ialth--
		if s.ialth == 0 {
			if s.selectOrder(dsm) {
				s.rmax = 10
			}
		} else if s.ialth == 1 && s.l != s.lmax {
			// Keep acor for the order increase considered next step.
			copy(s.col(s.lmax-1), s.acor)
		}
	}
	r := 1 / s.coef.tesco[s.nqu-1][1]
	for i := range s.acor {
		s.acor[i] *= r
	}
}

// lsodaRatio returns the step ratio 1/(k·d^(1/q) + k·1e-6) that an error
// estimate d of order q allows, k (1.2, 1.3 or 1.4) a safety factor.
func lsodaRatio(k, d float64, q int) float64 {
	tiny := 0.0000012 // k·1e-6 written as ODEPACK's decimal constants
	switch k {
	case 1.3:
		tiny = 0.0000013
	case 1.4:
		tiny = 0.0000014
	}
	return 1 / (k*math.Pow(d, 1/float64(q)) + tiny)
}

// trySwitch compares the step the current family allows with the step
// the other would, and switches when the other's is at least ratio (= 5)
// times larger (Petzold 1983, §4). It reports whether it switched.
func (s *lsoda) trySwitch(dsm, pnorm float64) bool {
	sm1 := &lsodaStabilityRatio
	adams, bdf := &lsodaCoef[0], &lsodaCoef[1]
	if s.meth == lsodaAdams {
		if s.nq > lsodaMaxOrderBDF {
			return false
		}
		var rh2 float64
		var nqm2 int
		if dsm > 100*pnorm*s.uround && s.pdest != 0 {
			rh1 := lsodaRatio(1.2, dsm, s.l)
			rh1it := 2 * rh1
			if pdh := s.pdlast * math.Abs(s.h); pdh*rh1 > 0.00001 {
				rh1it = sm1[s.nq-1] / pdh
			}
			rh1 = math.Min(rh1, rh1it)
			if s.nq > s.mxords {
				nqm2 = s.mxords
				dm2 := lsodaNorm(s.col(nqm2+1), s.ewt) / bdf.cm[nqm2-1]
				rh2 = lsodaRatio(1.2, dm2, nqm2+1)
			} else {
				nqm2 = s.nq
				rh2 = lsodaRatio(1.2, dsm*(adams.cm[s.nq-1]/bdf.cm[s.nq-1]), s.l)
			}
			if rh2 < s.ratio*rh1 {
				return false
			}
		} else {
			// The estimates are polluted by roundoff: switch only if
			// stability limited the last step, and then double h.
			if s.irflag == 0 {
				return false
			}
			rh2 = 2
			nqm2 = min(s.nq, s.mxords)
		}
		s.icount, s.meth, s.miter, s.pdlast = 20, lsodaBDF, s.jtyp, 0
		s.nq, s.l = nqm2, nqm2+1
		s.rescale(math.Max(rh2, s.hmin/math.Abs(s.h)))
		return true
	}
	var dm1, rh1 float64
	var nqm1, lm1 int
	if s.mxordn < s.nq {
		nqm1, lm1 = s.mxordn, s.mxordn+1
		dm1 = lsodaNorm(s.col(lm1), s.ewt) / adams.cm[nqm1-1]
	} else {
		nqm1, lm1 = s.nq, s.l
		dm1 = dsm * (bdf.cm[s.nq-1] / adams.cm[s.nq-1])
	}
	rh1 = lsodaRatio(1.2, dm1, lm1)
	rh1it := 2 * rh1
	if pdh := s.pdnorm * math.Abs(s.h); pdh*rh1 > 0.00001 {
		rh1it = sm1[nqm1-1] / pdh
	}
	rh1 = math.Min(rh1, rh1it)
	rh2 := lsodaRatio(1.2, dsm, s.l)
	if rh1*s.ratio < 5*rh2 {
		return false
	}
	// Stay with BDF if the Adams step would drown in roundoff.
	if math.Pow(math.Max(0.001, rh1), 1/float64(lm1))*dm1 <= 1000*s.uround*pnorm {
		return false
	}
	s.icount, s.meth, s.miter, s.pdlast = 20, lsodaAdams, 0, 0
	s.nq, s.l = nqm1, nqm1+1
	s.rescale(math.Max(rh1, s.hmin/math.Abs(s.h)))
	return true
}

// selectOrder chooses among orders nq−1, nq and nq+1 the one allowing
// the largest step, from the error estimates of each (an increase only
// after a success), and rescales. It reports false when h is left alone
// because the gain would be under 10%.
func (s *lsoda) selectOrder(dsm float64) bool {
	sm1 := &lsodaStabilityRatio
	tesco := &s.coef.tesco[s.nq-1]
	rhup := 0.0
	if s.kflag == 0 && s.l != s.lmax {
		saved := s.col(s.lmax - 1)
		for i, a := range s.acor {
			s.savf[i] = a - saved[i]
		}
		rhup = lsodaRatio(1.4, lsodaNorm(s.savf, s.ewt)/tesco[2], s.l+1)
	}
	rhsm := lsodaRatio(1.2, dsm, s.l)
	rhdn := 0.0
	if s.nq != 1 {
		rhdn = lsodaRatio(1.3, lsodaNorm(s.col(s.nq), s.ewt)/tesco[0], s.nq)
	}
	var pdh float64
	if s.meth == lsodaAdams {
		pdh = math.Max(math.Abs(s.h)*s.pdlast, 0.000001)
		if s.l < s.lmax {
			rhup = math.Min(rhup, sm1[s.l-1]/pdh)
		}
		rhsm = math.Min(rhsm, sm1[s.nq-1]/pdh)
		if s.nq > 1 {
			rhdn = math.Min(rhdn, sm1[s.nq-2]/pdh)
		}
		s.pdest = 0
	}
	newq, rh := s.nq, rhsm
	switch {
	case rhsm >= rhup && rhsm >= rhdn:
	case rhsm < rhup && rhup > rhdn:
		if rhup < 1.1 {
			s.ialth = 3
			return false
		}
		// Raise the order: the new column comes from acor.
		r := s.el[s.l-1] / float64(s.l)
		c := s.col(s.l)
		for i, a := range s.acor {
			c[i] = a * r
		}
		s.nq, s.l = s.l, s.l+1
		s.setCoefficients()
		s.rescale(math.Max(rhup, s.hmin/math.Abs(s.h)))
		return true
	default:
		newq, rh = s.nq-1, rhdn
		if s.kflag < 0 && rh > 1 {
			rh = 1
		}
	}
	// A step limited by Adams stability bypasses the 10% test.
	stabilityBound := s.meth == lsodaAdams && rh*pdh*1.00001 >= sm1[newq-1]
	if !stabilityBound && s.kflag == 0 && rh < 1.1 {
		s.ialth = 3
		return false
	}
	if s.kflag <= -2 {
		rh = math.Min(rh, 0.2)
	}
	if newq != s.nq {
		s.nq, s.l = newq, newq+1
		s.setCoefficients()
	}
	s.rescale(math.Max(rh, s.hmin/math.Abs(s.h)))
	return true
}
