package integrate

import (
	"errors"
	"fmt"
	"math"
)

// OdeintSettings tunes Odeint. The zero value means scipy.integrate.odeint's
// defaults.
type OdeintSettings struct {
	// Rtol and Atol are the relative and absolute tolerances: the local
	// error in y_i is kept below Rtol·|y_i| + Atol. Zero means scipy's
	// 1.49012e-8 for each.
	Rtol, Atol float64
	// RtolVec and AtolVec, when not nil, give one tolerance per component
	// (length n) and override Rtol and Atol. An AtolVec of zeros asks for
	// pure relative error control, which a zero Atol cannot. An infinite
	// AtolVec entry leaves its component out of the error test and of the
	// corrector's convergence test: it follows the steps the others choose.
	RtolVec, AtolVec []float64
	// Tcrit lists critical points, in the direction of integration, that
	// the solver must not step past (singularities of f). Default none.
	Tcrit []float64
	// H0 is the first step to try; 0 (the default) lets LSODA choose.
	H0 float64
	// Hmax bounds |h|; 0 (the default) means no bound.
	Hmax float64
	// Hmin is the smallest |h| allowed; default 0.
	Hmin float64
	// MxStep is the number of steps allowed between two output points;
	// 0 means scipy's 500.
	MxStep int
	// MxOrdN and MxOrdS bound the orders of the Adams (nonstiff) and BDF
	// (stiff) methods; 0 means the largest, 12 and 5.
	MxOrdN, MxOrdS int
}

// OdeintTolerance is Odeint's default rtol and atol, scipy's.
const OdeintTolerance = 1.49012e-8

// OdeintResult is what Odeint computed and what it cost. The per-point
// slices are scipy's infodict: entry k belongs to the output point
// ts[k+1], so each has length len(ts)−1.
type OdeintResult struct {
	// Y holds the solution, one row of length n per point of ts. Rows
	// from the point where the integration failed onwards are NaN; the
	// state actually reached is in YLast at TCur.
	Y [][]float64
	// YLast is the state at the last internal time the solver reached,
	// TCur's last entry.
	YLast []float64

	Hu    []float64 // the step size last used successfully
	TCur  []float64 // the internal time reached (at or past the output point)
	TolSF []float64 // the factor by which tolerances were too small, when they were
	TSw   []float64 // the time of the last method switch
	NSt   []int     // cumulative steps
	NFe   []int     // cumulative evaluations of f, finite-difference Jacobians included
	NJe   []int     // cumulative Jacobian evaluations
	NQu   []int     // the order last used successfully
	MUsed []int     // the method last used: 1 Adams (nonstiff), 2 BDF (stiff)

	// IMxEr is the (0-based) component with the largest weighted local
	// error when the error test or the corrector failed, −1 otherwise.
	IMxEr int
	// LenRW and LenIW are the lengths of LSODA's real and integer work
	// arrays, as scipy reports them.
	LenRW, LenIW int

	// Status is LSODA's istate: 2 success, −1 too many steps, −2
	// tolerances too small, −4 repeated error test failures, −5 repeated
	// corrector failures, −6 an error weight became zero.
	Status  int
	Success bool
	// Message is scipy's message for Status, with the time reached
	// added on failure.
	Message string
}

// odeintMessages are scipy's messages for LSODA's istate. scipy 1.10
// words −4 as "(internal error)"; later versions as here.
var odeintMessages = map[int]string{
	lsodaSuccess:         "Integration successful.",
	lsodaExcessWork:      "Excess work done on this call (perhaps wrong Dfun type).",
	lsodaExcessAccuracy:  "Excess accuracy requested (tolerances too small).",
	lsodaIllegalInput:    "Illegal input detected (internal error).",
	lsodaErrorTestFailed: "Repeated error test failures (check all input).",
	lsodaConvergence:     "Repeated convergence failures (perhaps bad Jacobian or tolerances).",
	lsodaZeroWeight:      "Error weight became zero during problem.",
	lsodaNaN:             "The right-hand side returned NaN.",
}

// ErrNotMonotonic is returned when the output times are neither
// non-decreasing nor non-increasing.
var ErrNotMonotonic = errors.New("integrate: the output times are not monotonic")

// Odeint integrates the system dy/dt = f(t, y) from y(ts[0]) = y0 and
// returns y at each point of ts, like scipy.integrate.odeint.
//
// It runs LSODA (Petzold 1983; Hindmarsh, ODEPACK 1983): variable-order,
// variable-step implicit Adams methods (orders 1–12, functional
// iteration) while the problem is nonstiff and BDF (orders 1–5, chord
// Newton iteration) while it is stiff, switching automatically, with the
// solution carried as a Nordsieck array and the output at each ts[k]
// interpolated from the step that passed it (LSODA's itask 1). f writes
// the derivative at (t, y) into dydt and must not keep y. jac, which may
// be nil, writes ∂f_i/∂y_j into J[i*n+j]; without it the Jacobian comes
// from n forward differences of f. A step costs two or three evaluations
// of f; a Jacobian n more (or one call of jac) and an O(n³) LU
// factorization.
//
// ts must be monotonic (equal neighbours are allowed). f returning NaN
// stops the integration with an error naming the time. A failure of the
// method (too many steps, tolerances too small, repeated error test or
// corrector failures, a singular iteration matrix) is no error: the
// result has Success false, a Message saying what happened and where,
// the rows computed so far, and NaN rows after them.
func Odeint(f func(t float64, y, dydt []float64), jac func(t float64, y []float64, J []float64), y0 []float64, ts []float64, s *OdeintSettings) (*OdeintResult, error) {
	if s == nil {
		s = &OdeintSettings{}
	}
	n := len(y0)
	if n == 0 {
		return nil, errors.New("integrate: odeint needs at least one equation")
	}
	if len(ts) == 0 {
		return nil, errors.New("integrate: odeint needs at least one output time")
	}
	if err := odeintCheckTimes(ts); err != nil {
		return nil, err
	}
	return odeintRun(newLsoda(n, f, jac), y0, ts, s)
}

// odeintRun is Odeint on a solver made for it, with checked arguments.
func odeintRun(solver *lsoda, y0, ts []float64, s *OdeintSettings) (*OdeintResult, error) {
	n := len(y0)
	if err := odeintConfigure(solver, s, n); err != nil {
		return nil, err
	}
	out := len(ts) - 1
	res := &OdeintResult{
		Y:     make([][]float64, len(ts)),
		YLast: make([]float64, n),
		Hu:    make([]float64, out), TCur: make([]float64, out),
		TolSF: make([]float64, out), TSw: make([]float64, out),
		NSt: make([]int, out), NFe: make([]int, out), NJe: make([]int, out),
		NQu: make([]int, out), MUsed: make([]int, out),
		IMxEr: -1,
		LenIW: 20 + n,
		LenRW: max(20+n*(solver.mxordn+1)+3*n, 20+n*(solver.mxords+1)+3*n+n*n+2),
	}
	rows := make([]float64, len(ts)*n)
	for k := range res.Y {
		res.Y[k] = rows[k*n : (k+1)*n]
	}
	copy(res.YLast, y0)
	solver.t = ts[0]
	istate := lsodaSuccess
	k := 1
	for ; k < len(ts) && ts[k] == ts[0]; k++ {
	}
	for j := 0; j < k; j++ {
		copy(res.Y[j], y0)
	}
	crit := 0
	for ; k < len(ts); k++ {
		itask := 1
		for crit < len(s.Tcrit) && (ts[k]-s.Tcrit[crit])*(ts[k]-ts[0]) > 0 {
			crit++
		}
		if crit < len(s.Tcrit) {
			itask = 4
			solver.tcrit = s.Tcrit[crit]
		}
		istate = solver.run(res.YLast, ts[k], itask)
		i := k - 1
		res.Hu[i], res.TCur[i], res.TolSF[i], res.TSw[i] = solver.hu, solver.tn, solver.tolsf, solver.tsw
		res.NSt[i], res.NFe[i], res.NJe[i], res.NQu[i], res.MUsed[i] = solver.nst, solver.nfe, solver.nje, solver.nqu, solver.mused
		if istate != lsodaSuccess {
			break
		}
		copy(res.Y[k], res.YLast)
	}
	res.Status = istate
	res.Success = istate == lsodaSuccess
	res.Message = odeintMessages[istate]
	if res.Success {
		return res, nil
	}
	for ; k < len(ts); k++ {
		for i := range res.Y[k] {
			res.Y[k][i] = math.NaN()
		}
	}
	if istate == lsodaErrorTestFailed || istate == lsodaConvergence {
		res.IMxEr = solver.imxer
	}
	switch istate {
	case lsodaNaN:
		return res, fmt.Errorf("integrate: odeint: the right-hand side returned NaN at t = %g", solver.nanT)
	case lsodaIllegalInput:
		return res, fmt.Errorf("integrate: odeint: illegal input at t = %g (an error weight is not positive, the tolerances are too small for the machine, or the first output time is too close to the start)", solver.t)
	case lsodaExcessWork:
		res.Message += fmt.Sprintf(" At t = %g, %d steps were taken on this call before reaching the next output time.", solver.tn, solver.mxstep)
	default:
		res.Message += fmt.Sprintf(" The integration stopped at t = %g with step size %g.", solver.tn, solver.h)
	}
	if solver.singular {
		res.Message += " The iteration matrix was singular."
	}
	return res, nil
}

// odeintCheckTimes reports ErrNotMonotonic unless ts goes one way.
func odeintCheckTimes(ts []float64) error {
	dir := ts[len(ts)-1] - ts[0]
	for k := 1; k < len(ts); k++ {
		if d := ts[k] - ts[k-1]; d*dir < 0 || math.IsNaN(d) {
			return fmt.Errorf("%w: ts[%d] = %g follows ts[%d] = %g", ErrNotMonotonic, k, ts[k], k-1, ts[k-1])
		}
	}
	return nil
}

// odeintConfigure copies the settings into the solver, checking them.
func odeintConfigure(solver *lsoda, s *OdeintSettings, n int) error {
	tol := func(name string, scalar float64, vec []float64) ([]float64, error) {
		if vec == nil {
			if scalar == 0 {
				scalar = OdeintTolerance
			}
			vec = []float64{scalar}
		} else if len(vec) != n {
			return nil, fmt.Errorf("integrate: %s has length %d, want %d", name, len(vec), n)
		}
		for _, v := range vec {
			if !(v >= 0) {
				return nil, fmt.Errorf("integrate: %s must not be negative, got %g", name, v)
			}
		}
		return vec, nil
	}
	var err error
	if solver.rtol, err = tol("rtol", s.Rtol, s.RtolVec); err != nil {
		return err
	}
	if solver.atol, err = tol("atol", s.Atol, s.AtolVec); err != nil {
		return err
	}
	if s.Hmax < 0 || s.Hmin < 0 || s.MxStep < 0 || s.MxOrdN < 0 || s.MxOrdS < 0 {
		return errors.New("integrate: hmax, hmin, mxstep, mxordn and mxords must not be negative")
	}
	solver.h0, solver.hmin = s.H0, s.Hmin
	if s.Hmax > 0 {
		solver.hmxi = 1 / s.Hmax
	}
	if s.MxStep > 0 {
		solver.mxstep = s.MxStep
	}
	if s.MxOrdN > 0 {
		solver.mxordn = min(s.MxOrdN, lsodaMaxOrderAdams)
	}
	if s.MxOrdS > 0 {
		solver.mxords = min(s.MxOrdS, lsodaMaxOrderBDF)
	}
	return nil
}
