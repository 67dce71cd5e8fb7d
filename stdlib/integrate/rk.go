package integrate

import "math"

// This file is the explicit Runge–Kutta machinery of SolveIVP, as scipy's
// RungeKutta class: an embedded pair advances with the higher order
// (local extrapolation) and estimates the error with the difference, the
// step size is controlled by h ← h·min(10, 0.9·err^(−1/(q+1))) (at least
// 0.2 after a rejection, at most 1 right after one), q the order of the
// error estimate, and the dense output is the continuous extension
// Σ_j (K·P)_j x^(j+1). The pairs are RK45 and RK23 below and DOP853
// (dop853.go). A step costs s evaluations of f for s stages (the last
// stage of each pair is f at the new point, reused by the next step).

// rkTableau is an embedded Runge–Kutta pair with its dense output.
type rkTableau struct {
	stages   int         // the stages of a step, f(t+h, y_new) not counted
	errOrder int         // order of the error estimate
	c        []float64   // nodes
	a        [][]float64 // a[s][j], j < s
	b        []float64   // weights of the propagated solution
	e        []float64   // weights of the error estimate, stages+1 of them
	p        [][]float64 // p[j][k]: dense output coefficient of x^(k+1) for stage j
	// errorNorm and dense, when set, replace the plain estimate and dense
	// output (DOP853's).
	errorNorm func(r *rk, h float64, scale []float64) float64
	dense     func(r *rk) ivpInterpolant
}

// rk45Tableau is the pair of J. R. Dormand and P. J. Prince, "A family
// of embedded Runge-Kutta formulae", J. Comput. Appl. Math. 6 (1980)
// 19–26, with the dense output of L. F. Shampine, "Some practical
// Runge-Kutta formulas", Math. Comp. 46 (1986) 135–150.
var rk45Tableau = rkTableau{
	stages:   6,
	errOrder: 4,
	c:        []float64{0, 1. / 5, 3. / 10, 4. / 5, 8. / 9, 1},
	a: [][]float64{
		{},
		{1. / 5},
		{3. / 40, 9. / 40},
		{44. / 45, -56. / 15, 32. / 9},
		{19372. / 6561, -25360. / 2187, 64448. / 6561, -212. / 729},
		{9017. / 3168, -355. / 33, 46732. / 5247, 49. / 176, -5103. / 18656},
	},
	b: []float64{35. / 384, 0, 500. / 1113, 125. / 192, -2187. / 6784, 11. / 84},
	e: []float64{-71. / 57600, 0, 71. / 16695, -71. / 1920, 17253. / 339200, -22. / 525, 1. / 40},
	p: [][]float64{
		{1, -8048581381. / 2820520608, 8663915743. / 2820520608, -12715105075. / 11282082432},
		{0, 0, 0, 0},
		{0, 131558114200. / 32700410799, -68118460800. / 10900136933, 87487479700. / 32700410799},
		{0, -1754552775. / 470086768, 14199869525. / 1410260304, -10690763975. / 1880347072},
		{0, 127303824393. / 49829197408, -318862633887. / 49829197408, 701980252875. / 199316789632},
		{0, -282668133. / 205662961, 2019193451. / 616988883, -1453857185. / 822651844},
		{0, 40617522. / 29380423, -110615467. / 29380423, 69997945. / 29380423},
	},
}

// rk23Tableau is the pair of P. Bogacki and L. F. Shampine, "A 3(2) pair
// of Runge-Kutta formulas", Appl. Math. Lett. 2 (1989) 321–325, with its
// cubic Hermite dense output.
var rk23Tableau = rkTableau{
	stages:   3,
	errOrder: 2,
	c:        []float64{0, 1. / 2, 3. / 4},
	a:        [][]float64{{}, {1. / 2}, {0, 3. / 4}},
	b:        []float64{2. / 9, 1. / 3, 4. / 9},
	e:        []float64{5. / 72, -1. / 12, -1. / 9, 1. / 8},
	p: [][]float64{
		{1, -4. / 3, 5. / 9},
		{0, 1, -2. / 3},
		{0, 4. / 3, -8. / 9},
		{0, -1, 1},
	},
}

// The step size controller's constants, scipy's.
const (
	rkSafety    = 0.9
	rkMinFactor = 0.2
	rkMaxFactor = 10
)

// rk is an explicit Runge–Kutta method on one problem.
type rk struct {
	ivpBase
	tab   *rkTableau
	k     [][]float64 // stage derivatives; k[stages] is f(t_new, y_new)
	f     []float64   // f(t, y)
	yOld  []float64
	yNew  []float64
	tmp   []float64
	scale []float64
	hAbs  float64
	hPrev float64 // the last step taken, signed
}

func newRK(b ivpBase, tab *rkTableau) *rk {
	n := b.n
	r := &rk{ivpBase: b, tab: tab}
	rows := tab.stages + 1
	if tab == &dop853Tableau {
		rows = dop853StagesExtended
	}
	r.k = make([][]float64, rows)
	for i := range r.k {
		r.k[i] = make([]float64, n)
	}
	r.f, r.yOld, r.yNew = make([]float64, n), make([]float64, n), make([]float64, n)
	r.tmp, r.scale = make([]float64, n), make([]float64, n)
	r.fun(r.t, r.y, r.f)
	r.hAbs = r.initialStep(r.f, tab.errOrder)
	return r
}

// stage evaluates f at t + c·h, y + h·Σ_j a_j·k_j into out.
func (r *rk) stage(t, h, c float64, y []float64, a []float64, out []float64) {
	for i := range r.tmp {
		dy := 0.0
		for j, aj := range a {
			dy += r.k[j][i] * aj
		}
		r.tmp[i] = y[i] + dy*h
	}
	r.fun(t+c*h, r.tmp, out)
}

func (r *rk) step() (bool, string) {
	tab := r.tab
	t, y := r.t, r.y
	minStep := r.minStep(t)
	hAbs := math.Min(math.Max(r.hAbs, minStep), r.maxStep)
	exponent := -1 / float64(tab.errOrder+1)
	rejected := false
	var h, tNew float64
	for {
		if hAbs < minStep {
			return false, ivpTooSmallStep
		}
		tNew, h, _ = r.stepEnd(t, hAbs)
		hAbs = math.Abs(h)

		copy(r.k[0], r.f)
		for s := 1; s < tab.stages; s++ {
			r.stage(t, h, tab.c[s], y, tab.a[s], r.k[s])
		}
		for i := range r.yNew {
			sum := 0.0
			for j, bj := range tab.b {
				sum += r.k[j][i] * bj
			}
			r.yNew[i] = y[i] + h*sum
		}
		r.fun(t+h, r.yNew, r.k[tab.stages])
		for i := range r.scale {
			r.scale[i] = r.atol[i] + math.Max(math.Abs(y[i]), math.Abs(r.yNew[i]))*r.rtol
		}
		var errNorm float64
		if tab.errorNorm != nil {
			errNorm = tab.errorNorm(r, h, r.scale)
		} else {
			for i := range r.tmp {
				sum := 0.0
				for j, ej := range tab.e {
					sum += r.k[j][i] * ej
				}
				r.tmp[i] = sum * h
			}
			errNorm = ivpNorm(r.tmp, r.scale)
		}
		if errNorm < 1 {
			factor := float64(rkMaxFactor)
			if errNorm != 0 {
				factor = math.Min(rkMaxFactor, rkSafety*math.Pow(errNorm, exponent))
			}
			if rejected {
				factor = math.Min(1, factor)
			}
			hAbs *= factor
			break
		}
		hAbs *= math.Max(rkMinFactor, rkSafety*math.Pow(errNorm, exponent))
		rejected = true
	}
	r.hPrev = h
	copy(r.yOld, y)
	r.t = tNew
	copy(r.y, r.yNew)
	r.hAbs = hAbs
	copy(r.f, r.k[tab.stages])
	return true, ""
}

func (r *rk) dense() ivpInterpolant {
	if r.tab.dense != nil {
		return r.tab.dense(r)
	}
	// Q = K·P, scaled by h so that y = y_old + Σ_j Q_j·x^(j+1).
	p := r.tab.p
	h := r.t - r.tOld
	q := make([][]float64, len(p[0]))
	for k := range q {
		q[k] = make([]float64, r.n)
		for i := range q[k] {
			sum := 0.0
			for j := range p {
				sum += r.k[j][i] * p[j][k]
			}
			q[k][i] = h * sum
		}
	}
	return &ivpPoly{t0: r.tOld, h: h, y0: append([]float64(nil), r.yOld...), q: q}
}
