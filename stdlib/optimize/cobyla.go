package optimize

import (
	"errors"
	"fmt"
	"math"
)

// COBYLASettings tunes COBYLA. The zero value means scipy's defaults.
type COBYLASettings struct {
	// RhoBeg is the initial size of the simplex, a reasonable first
	// change to the variables. Default 1.
	RhoBeg float64
	// RhoEnd is the final size of the simplex, about the accuracy
	// required in the variables (scipy's tol). Default 1e-4.
	RhoEnd float64
	// MaxFuncEvals is the maximum number of evaluations (scipy's
	// maxiter). Default 1000.
	MaxFuncEvals int
	// CATol is the largest constraint violation accepted at the end
	// (scipy's catol). Default 2e-4.
	CATol float64
	// KeepPath asks for the points evaluated in Result.Path.
	KeepPath bool
	// Callback, if set, is called with each point evaluated (scipy's
	// callback).
	Callback func(x []float64)
}

// Scipy's messages for COBYLA's outcomes.
const (
	MsgCOBYLARounding  = "Rounding errors are becoming damaging in COBYLA subroutine."
	MsgCOBYLAViolation = "Did not converge to a solution satisfying the constraints. See `maxcv` for magnitude of violation."
)

// COBYLA minimizes f subject to the inequality constraints c(x) >= 0 in
// cons from x0 without derivatives, by Powell's Constrained Optimization
// BY Linear Approximations: M. J. D. Powell, "A direct search
// optimization method that models the objective and constraint functions
// by linear interpolation", in Advances in Optimization and Numerical
// Analysis, Kluwer 1994, 51–67, following the Fortran code scipy wraps.
// An equation c(x) = 0 is taken as the two inequalities c >= 0 and
// -c >= 0, placed after the inequalities.
//
// The objective and constraints are interpolated linearly at the n+1
// vertices of a simplex of size ρ; each iteration takes the step within
// a trust region of radius ρ that minimizes the greatest violation of the
// linearized constraints and then the linearized objective (TRSTLP, by
// active sets with Givens rotations), and judges it by the merit
// function f + μ·max(0, -c_i). Steps that spoil the simplex's shape are
// replaced by geometry steps, and ρ halves from RhoBeg to RhoEnd. An
// iteration costs O(n²(n+m)) besides one evaluation. Iterations counts
// the trust-region steps; scipy reports none.
func COBYLA(f Func, x0 []float64, cons []Constraint, s *COBYLASettings) (*Result, error) {
	if err := vecCheckStart(x0); err != nil {
		return nil, err
	}
	if f == nil {
		return nil, errors.New("optimize: COBYLA needs an objective")
	}
	var set COBYLASettings
	if s != nil {
		set = *s
	}
	if set.RhoBeg == 0 {
		set.RhoBeg = 1
	}
	if set.RhoEnd == 0 {
		set.RhoEnd = 1e-4
	}
	if set.MaxFuncEvals <= 0 {
		set.MaxFuncEvals = 1000
	}
	if set.CATol == 0 {
		set.CATol = 2e-4
	}
	var ineq, eq []Constraint
	m := 0
	for _, c := range cons {
		if c.Func == nil || c.Len < 0 {
			return nil, ErrConstraint
		}
		switch c.Kind {
		case Ineq:
			ineq = append(ineq, c)
			m += c.Len
		case Eq:
			eq = append(eq, c)
			m += 2 * c.Len
		default:
			return nil, fmt.Errorf("%w: unknown kind %d", ErrConstraint, c.Kind)
		}
	}
	calcfc := func(x, con []float64) float64 {
		k := 0
		for _, c := range ineq {
			c.Func(x, con[k:k+c.Len])
			k += c.Len
		}
		for _, c := range eq {
			c.Func(x, con[k:k+c.Len])
			for i := range c.Len {
				con[k+c.Len+i] = -con[k+i]
			}
			k += 2 * c.Len
		}
		return f(x)
	}
	cb := newCOBYLA(len(x0), m, x0, &set)
	return cb.run(calcfc), nil
}

// cobyla is the state of Powell's cobylb. Matrices are column-major with
// the Fortran's 1-based indices: sim(i, j) is sim[i-1+(j-1)n].
type cobyla struct {
	n, m   int
	set    *COBYLASettings
	x      []float64
	con    []float64 // m constraints, then f and the greatest violation
	sim    []float64 // n×(n+1): edges from the best vertex, then the best vertex
	simi   []float64 // n×n: the inverse of the edges
	datmat []float64 // (m+2)×(n+1): con at each vertex
	a      []float64 // n×(m+1): the constraint gradients, then -∇f
	vsig   []float64
	veta   []float64
	sigbar []float64
	dx     []float64
	w      []float64
	tr     cobylaTR
}

func newCOBYLA(n, m int, x0 []float64, set *COBYLASettings) *cobyla {
	vec := func(k int) []float64 { return make([]float64, k) }
	return &cobyla{n: n, m: m, set: set, x: append([]float64(nil), x0...), con: vec(m + 2),
		sim: vec(n * (n + 1)), simi: vec(n * n), datmat: vec((m + 2) * (n + 1)), a: vec(n * (m + 1)),
		vsig: vec(n), veta: vec(n), sigbar: vec(n), dx: vec(n), w: vec(n),
		tr: cobylaTR{z: vec(n * n), zdota: vec(n), vmultc: vec(m + 1), sdirn: vec(n), dxnew: vec(n),
			vmultd: vec(m + 1), iact: make([]int, m+1)}}
}

// COBYLA's exit codes, scipy's info[0].
const (
	cobylaOK        = 1
	cobylaMaxFun    = 2
	cobylaRounding  = 3
	cobylaViolation = 4
	cobylaNaN       = 5
)

// run is cobylb. calcfc returns f(x) and writes the constraints.
func (cb *cobyla) run(calcfc func(x, con []float64) float64) *Result {
	n, m := cb.n, cb.m
	np, mp, mpp := n+1, m+1, m+2
	sim := func(i, j int) *float64 { return &cb.sim[(i-1)+(j-1)*n] }
	simi := func(i, j int) *float64 { return &cb.simi[(i-1)+(j-1)*n] }
	dat := func(k, j int) *float64 { return &cb.datmat[(k-1)+(j-1)*mpp] }
	a := func(i, k int) *float64 { return &cb.a[(i-1)+(k-1)*n] }
	x, con, dx := cb.x, cb.con, cb.dx
	const alpha, beta, gamma, delta = 0.25, 2.1, 0.5, 1.1
	rho := cb.set.RhoBeg
	rhoend := cb.set.RhoEnd
	parmu := 0.0
	res := &Result{}
	var f, resmax, parsig, prerec, prerem float64
	nfvals := 0
	iflag, ifull := 1, 0
	status := cobylaOK
	temp := 1 / rho
	for i := 1; i <= n; i++ {
		*sim(i, np) = x[i-1]
		for j := 1; j <= n; j++ {
			*sim(i, j) = 0
			*simi(i, j) = 0
		}
		*sim(i, i) = rho
		*simi(i, i) = temp
	}
	// evaluate is label 40: it reports false when the evaluation limit
	// is reached or f is not finite.
	evaluate := func() bool {
		if nfvals >= cb.set.MaxFuncEvals && nfvals > 0 {
			status = cobylaMaxFun
			return false
		}
		nfvals++
		if cb.set.KeepPath {
			res.Path = append(res.Path, append([]float64(nil), x...))
		}
		if cb.set.Callback != nil {
			cb.set.Callback(append([]float64(nil), x...))
		}
		f = calcfc(x, con)
		resmax = 0
		for k := range m {
			resmax = math.Max(resmax, -con[k])
		}
		con[mp-1], con[mpp-1] = f, resmax
		if evalNotFinite(f, false) != "" {
			status = cobylaNaN
			return false
		}
		return true
	}
	setColumn := func(j int) {
		for k := 1; k <= mpp; k++ {
			*dat(k, j) = con[k-1]
		}
	}
	// replaceVertex makes dx the edge jdrop of the simplex, updating the
	// inverse.
	replaceVertex := func(jdrop int) {
		temp := 0.0
		for i := 1; i <= n; i++ {
			*sim(i, jdrop) = dx[i-1]
			temp += *simi(jdrop, i) * dx[i-1]
		}
		for i := 1; i <= n; i++ {
			*simi(jdrop, i) /= temp
		}
		for j := 1; j <= n; j++ {
			if j == jdrop {
				continue
			}
			temp := 0.0
			for i := 1; i <= n; i++ {
				temp += *simi(j, i) * dx[i-1]
			}
			for i := 1; i <= n; i++ {
				*simi(j, i) -= temp * *simi(jdrop, i)
			}
		}
	}

	// The initial simplex: x0 and x0 + ρe_j, the best in pole position.
	finish := func() *Result {
		return cb.finish(res, status, nfvals, f, resmax)
	}
	for jdrop := np; ; {
		if !evaluate() {
			return cb.finishAtBest(res, status, nfvals)
		}
		setColumn(jdrop)
		if jdrop <= n {
			if *dat(mp, np) <= f {
				x[jdrop-1] = *sim(jdrop, np)
			} else {
				*sim(jdrop, np) = x[jdrop-1]
				for k := 1; k <= mpp; k++ {
					*dat(k, jdrop) = *dat(k, np)
					*dat(k, np) = con[k-1]
				}
				for k := 1; k <= jdrop; k++ {
					*sim(jdrop, k) = -rho
					temp := 0.0
					for i := k; i <= jdrop; i++ {
						temp -= *simi(i, k)
					}
					*simi(jdrop, k) = temp
				}
			}
		}
		if nfvals > n {
			break
		}
		jdrop = nfvals
		x[jdrop-1] += rho
	}
	ibrnch := 1
	for {
		// Label 140: put the best vertex in pole position.
		phimin := *dat(mp, np) + parmu**dat(mpp, np)
		nbest := np
		for j := 1; j <= n; j++ {
			temp := *dat(mp, j) + parmu**dat(mpp, j)
			if temp < phimin {
				nbest, phimin = j, temp
			} else if temp == phimin && parmu == 0 && *dat(mpp, j) < *dat(mpp, nbest) {
				nbest = j
			}
		}
		if nbest <= n {
			for i := 1; i <= mpp; i++ {
				*dat(i, np), *dat(i, nbest) = *dat(i, nbest), *dat(i, np)
			}
			for i := 1; i <= n; i++ {
				temp := *sim(i, nbest)
				*sim(i, nbest) = 0
				*sim(i, np) += temp
				tempa := 0.0
				for k := 1; k <= n; k++ {
					*sim(i, k) -= temp
					tempa -= *simi(k, i)
				}
				*simi(nbest, i) = tempa
			}
		}
		// Give up if simi is no longer the inverse of the edges.
		errMax := 0.0
		for i := 1; i <= n; i++ {
			for j := 1; j <= n; j++ {
				temp := 0.0
				if i == j {
					temp = -1
				}
				for k := 1; k <= n; k++ {
					temp += *simi(i, k) * *sim(k, j)
				}
				errMax = math.Max(errMax, math.Abs(temp))
			}
		}
		if errMax > 0.1 {
			status = cobylaRounding
			return cb.finishAtBest(res, status, nfvals)
		}
		// The linear models: the gradients of the constraints, and -∇f.
		for k := 1; k <= mp; k++ {
			con[k-1] = -*dat(k, np)
			for j := 1; j <= n; j++ {
				cb.w[j-1] = *dat(k, j) + con[k-1]
			}
			for i := 1; i <= n; i++ {
				temp := 0.0
				for j := 1; j <= n; j++ {
					temp += cb.w[j-1] * *simi(j, i)
				}
				if k == mp {
					temp = -temp
				}
				*a(i, k) = temp
			}
		}
		// Is the simplex acceptable?
		iflag = 1
		parsig = alpha * rho
		pareta := beta * rho
		for j := 1; j <= n; j++ {
			wsig, weta := 0.0, 0.0
			for i := 1; i <= n; i++ {
				wsig += *simi(j, i) * *simi(j, i)
				weta += *sim(i, j) * *sim(i, j)
			}
			cb.vsig[j-1] = 1 / math.Sqrt(wsig)
			cb.veta[j-1] = math.Sqrt(weta)
			if cb.vsig[j-1] < parsig || cb.veta[j-1] > pareta {
				iflag = 0
			}
		}
		if ibrnch == 0 && iflag == 0 {
			// A geometry step: replace the vertex that spoils the
			// simplex most, moving along the normal of its face.
			jdrop := 0
			temp := pareta
			for j := 1; j <= n; j++ {
				if cb.veta[j-1] > temp {
					jdrop, temp = j, cb.veta[j-1]
				}
			}
			if jdrop == 0 {
				for j := 1; j <= n; j++ {
					if cb.vsig[j-1] < temp {
						jdrop, temp = j, cb.vsig[j-1]
					}
				}
			}
			temp = gamma * rho * cb.vsig[jdrop-1]
			for i := 1; i <= n; i++ {
				dx[i-1] = temp * *simi(jdrop, i)
			}
			cvmaxp, cvmaxm, sum := 0.0, 0.0, 0.0
			for k := 1; k <= mp; k++ {
				sum = 0
				for i := 1; i <= n; i++ {
					sum += *a(i, k) * dx[i-1]
				}
				if k < mp {
					temp := *dat(k, np)
					cvmaxp = math.Max(cvmaxp, -sum-temp)
					cvmaxm = math.Max(cvmaxm, sum-temp)
				}
			}
			if parmu*(cvmaxp-cvmaxm) > sum+sum {
				for i := range dx {
					dx[i] = -dx[i]
				}
			}
			replaceVertex(jdrop)
			for j := 1; j <= n; j++ {
				x[j-1] = *sim(j, np) + dx[j-1]
			}
			if !evaluate() {
				return cb.finishAtBest(res, status, nfvals)
			}
			setColumn(jdrop)
			ibrnch = 1
			continue
		}
		// Label 370: the trust-region step.
		res.Iterations++
		ifull = cb.tr.solve(n, m, cb.a, con, rho, dx)
		for i := range dx {
			if dx[i] != dx[i] {
				status = cobylaNaN
				return cb.finishAtBest(res, status, nfvals)
			}
		}
		shrink := false
		if ifull == 0 && vecDot(dx, dx) < 0.25*rho*rho {
			ibrnch = 1
			shrink = true
		}
		if !shrink {
			// Predict the change of f and of the greatest violation.
			resnew := 0.0
			con[mp-1] = 0
			var sum float64
			for k := 1; k <= mp; k++ {
				sum = con[k-1]
				for i := 1; i <= n; i++ {
					sum -= *a(i, k) * dx[i-1]
				}
				if k < mp {
					resnew = math.Max(resnew, sum)
				}
			}
			// Increase μ if needed, and go back if that changes the
			// best vertex.
			barmu := 0.0
			prerec = *dat(mpp, np) - resnew
			if prerec > 0 {
				barmu = sum / prerec
			}
			if parmu < 1.5*barmu {
				parmu = 2 * barmu
				phi := *dat(mp, np) + parmu**dat(mpp, np)
				better := false
				for j := 1; j <= n && !better; j++ {
					temp := *dat(mp, j) + parmu**dat(mpp, j)
					better = temp < phi || (temp == phi && parmu == 0 && *dat(mpp, j) < *dat(mpp, np))
				}
				if better {
					continue
				}
			}
			prerem = parmu*prerec - sum
			for i := 1; i <= n; i++ {
				x[i-1] = *sim(i, np) + dx[i-1]
			}
			ibrnch = 1
			if !evaluate() {
				return cb.finishAtBest(res, status, nfvals)
			}
			// Label 440: the actual reduction of the merit function.
			vmold := *dat(mp, np) + parmu**dat(mpp, np)
			vmnew := f + parmu*resmax
			trured := vmold - vmnew
			if parmu == 0 && f == *dat(mp, np) {
				prerem = prerec
				trured = *dat(mpp, np) - resmax
			}
			// Choose the vertex to replace, if any; replacement is
			// mandatory when the merit function decreased.
			ratio := 0.0
			if trured <= 0 {
				ratio = 1
			}
			jdrop := 0
			for j := 1; j <= n; j++ {
				temp := 0.0
				for i := 1; i <= n; i++ {
					temp += *simi(j, i) * dx[i-1]
				}
				temp = math.Abs(temp)
				if temp > ratio {
					jdrop, ratio = j, temp
				}
				cb.sigbar[j-1] = temp * cb.vsig[j-1]
			}
			edgmax := delta * rho
			l := 0
			for j := 1; j <= n; j++ {
				if cb.sigbar[j-1] >= parsig || cb.sigbar[j-1] >= cb.vsig[j-1] {
					temp := cb.veta[j-1]
					if trured > 0 {
						temp = 0
						for i := 1; i <= n; i++ {
							d := dx[i-1] - *sim(i, j)
							temp += d * d
						}
						temp = math.Sqrt(temp)
					}
					if temp > edgmax {
						l, edgmax = j, temp
					}
				}
			}
			if l > 0 {
				jdrop = l
			}
			if jdrop != 0 {
				replaceVertex(jdrop)
				setColumn(jdrop)
				if trured > 0 && trured >= 0.1*prerem {
					continue
				}
			}
		}
		// Label 550.
		if iflag == 0 {
			ibrnch = 0
			continue
		}
		if rho <= rhoend {
			break
		}
		// Halve ρ and reduce μ.
		rho *= 0.5
		if rho <= 1.5*rhoend {
			rho = rhoend
		}
		if parmu > 0 {
			denom := 0.0
			var cmin, cmax float64
			for k := 1; k <= mp; k++ {
				cmin = *dat(k, np)
				cmax = cmin
				for i := 1; i <= n; i++ {
					cmin = math.Min(cmin, *dat(k, i))
					cmax = math.Max(cmax, *dat(k, i))
				}
				if k <= m && cmin < 0.5*cmax {
					temp := math.Max(cmax, 0) - cmin
					if denom <= 0 {
						denom = temp
					} else {
						denom = math.Min(denom, temp)
					}
				}
			}
			if denom == 0 {
				parmu = 0
			} else if cmax-cmin < parmu*denom {
				parmu = (cmax - cmin) / denom
			}
		}
	}
	if ifull == 1 {
		return finish() // the last point evaluated
	}
	return cb.finishAtBest(res, status, nfvals)
}

// finishAtBest returns the best vertex, label 600.
func (cb *cobyla) finishAtBest(res *Result, status, nfvals int) *Result {
	n, m := cb.n, cb.m
	mpp := m + 2
	copy(cb.x, cb.sim[n*n:n*n+n])
	f := cb.datmat[m+n*mpp]        // datmat(mp, np)
	resmax := cb.datmat[m+1+n*mpp] // datmat(mpp, np)
	return cb.finish(res, status, nfvals, f, resmax)
}

// finish fills the result as scipy does: a violation above CATol turns
// the outcome into a failure.
func (cb *cobyla) finish(res *Result, status, nfvals int, f, resmax float64) *Result {
	if resmax > cb.set.CATol {
		status = cobylaViolation
	}
	res.X, res.F, res.FuncEvals = cb.x, f, nfvals
	res.Success = status == cobylaOK
	switch status {
	case cobylaOK:
		res.Status, res.Message = Success, MsgSuccess
	case cobylaMaxFun:
		res.Status, res.Message = MaxFuncEvals, MsgMaxFuncEvals
	case cobylaRounding:
		res.Status, res.Message = Failure, MsgCOBYLARounding
	case cobylaViolation:
		res.Status, res.Message = Infeasible, MsgCOBYLAViolation
	case cobylaNaN:
		res.Status, res.Message = NotFinite, MsgNaN
	}
	return res
}

// Single-precision constants of trstlp.f, which Fortran widens from
// REAL.
var (
	cobylaE6  = float64(float32(1e-6))
	cobylaP1  = float64(float32(0.1))
	cobylaP2  = float64(float32(0.2))
	cobylaEps = float64(float32(2.2e-16))
)

// cobylaTR is the workspace of TRSTLP.
type cobylaTR struct {
	z, zdota, vmultc, sdirn, dxnew, vmultd []float64
	iact                                   []int
}

// Outcomes of a step of TRSTLP.
const (
	cobylaAgain  = iota // label 70: another iteration of this stage
	cobylaStage2        // label 480: start stage two
	cobylaEnd           // label 490: no more progress in this stage
	cobylaDone          // label 500: the step reached the trust region's boundary
)

// cobylaNoise reports whether sum, whose terms have absolute values that
// add up to sumabs, is rounding noise by Powell's test: sumabs does not
// grow when a tenth, or a fifth, of |sum| is added to it.
func cobylaNoise(sum, sumabs float64) bool {
	acca := sumabs + 0.1*math.Abs(sum)
	accb := sumabs + 0.2*math.Abs(sum)
	return sumabs >= acca || acca >= accb
}

// solve is Powell's TRSTLP: it sets dx to the shortest step within
// ||dx|| <= rho that minimizes the greatest violation of the linear
// constraints a_kᵀdx >= b_k (k <= m; a is n×(m+1), column m+1 being -∇f),
// and then uses any remaining freedom to minimize -a_{m+1}ᵀdx without
// increasing that violation. The active constraints are kept with a
// matrix z whose first nact columns are Gram–Schmidt orthogonal to their
// gradients, updated by Givens rotations. It returns ifull: 1 if dx
// reached the boundary, 0 if a degeneracy stopped it short.
func (tr *cobylaTR) solve(n, m int, amat, b []float64, rho float64, dx []float64) int {
	a := func(i, k int) float64 { return amat[(i-1)+(k-1)*n] }
	z := func(i, k int) *float64 { return &tr.z[(i-1)+(k-1)*n] }
	zdota, vmultc, sdirn, dxnew, vmultd, iact := tr.zdota, tr.vmultc, tr.sdirn, tr.dxnew, tr.vmultd, tr.iact
	// zDotNew is column k of z dotted with dxnew, zero when the sum is
	// rounding noise.
	zDotNew := func(k int) float64 {
		sum, sumabs := 0.0, 0.0
		for i := 1; i <= n; i++ {
			temp := *z(i, k) * dxnew[i-1]
			sum += temp
			sumabs += math.Abs(temp)
		}
		if cobylaNoise(sum, sumabs) {
			return 0
		}
		return sum
	}
	icon, nactx := 0, 0
	resold := 0.0
	ifull := 1
	mcon, nact := m, 0
	resmax := 0.0
	for i := 1; i <= n; i++ {
		for j := 1; j <= n; j++ {
			*z(i, j) = 0
		}
		*z(i, i) = 1
		dx[i-1] = 0
	}
	for k := 1; k <= m; k++ {
		if b[k-1] > resmax {
			resmax, icon = b[k-1], k
		}
	}
	for k := 1; k <= m; k++ {
		iact[k-1] = k
		vmultc[k-1] = resmax - b[k-1]
	}
	var optold float64
	var icount int
	// rotate applies the Givens rotation that moves constraint kk's
	// component from column k+1 of z into column k, k+1 = kp.
	rotate := func(k, kp, kk int) {
		sp := 0.0
		for i := 1; i <= n; i++ {
			sp += *z(i, k) * a(i, kk)
		}
		temp := math.Sqrt(sp*sp + zdota[kp-1]*zdota[kp-1])
		alpha := zdota[kp-1] / temp
		beta := sp / temp
		zdota[kp-1] = alpha * zdota[k-1]
		zdota[k-1] = temp
		for i := 1; i <= n; i++ {
			temp := alpha**z(i, kp) + beta**z(i, k)
			*z(i, kp) = alpha**z(i, k) - beta**z(i, kp)
			*z(i, k) = temp
		}
	}
	// moveToEnd moves the active constraint at position icon to the end
	// of the active list, keeping z consistent.
	moveToEnd := func(icon int) {
		if icon >= nact {
			return
		}
		isave, vsave := iact[icon-1], vmultc[icon-1]
		k := icon
		for {
			kp := k + 1
			kw := iact[kp-1]
			rotate(k, kp, kw)
			iact[k-1] = kw
			vmultc[k-1] = vmultc[kp-1]
			k = kp
			if k >= nact {
				break
			}
		}
		iact[k-1] = isave
		vmultc[k-1] = vsave
	}
	// iterate is one pass from label 70.
	iterate := func() int {
		var optnew float64
		if mcon == m {
			optnew = resmax
		} else {
			for i := 1; i <= n; i++ {
				optnew -= dx[i-1] * a(i, mcon)
			}
		}
		switch {
		case icount == 0 || optnew < optold:
			optold, nactx, icount = optnew, nact, 3
		case nact > nactx:
			nactx, icount = nact, 3
		default:
			icount--
			if icount == 0 {
				return cobylaEnd
			}
		}
		if icon > nact {
			// Add constraint iact[icon] to the active set, rotating the
			// last columns of z orthogonal to its gradient.
			kk := iact[icon-1]
			for i := 1; i <= n; i++ {
				dxnew[i-1] = a(i, kk)
			}
			tot := 0.0
			for k := n; k > nact; k-- {
				sp := zDotNew(k)
				if tot == 0 {
					tot = sp
				} else {
					kp := k + 1
					temp := math.Sqrt(sp*sp + tot*tot)
					alpha, beta := sp/temp, tot/temp
					tot = temp
					for i := 1; i <= n; i++ {
						temp := alpha**z(i, k) + beta**z(i, kp)
						*z(i, kp) = alpha**z(i, kp) - beta**z(i, k)
						*z(i, k) = temp
					}
				}
			}
			if tot != 0 {
				nact++
				zdota[nact-1] = tot
				vmultc[icon-1] = vmultc[nact-1]
				vmultc[nact-1] = 0
			} else {
				// The new gradient depends on the active ones: find the
				// constraint to drop by the multipliers of the
				// combination.
				ratio := -1.0
				for k := nact; k > 0; k-- {
					// Skipped as noise, as the Fortran skips a NaN too.
					if zdotv := zDotNew(k); zdotv != 0 && !math.IsNaN(zdotv) {
						temp := zdotv / zdota[k-1]
						if temp > 0 && iact[k-1] <= m {
							tempa := vmultc[k-1] / temp
							if ratio < 0 || tempa < ratio {
								ratio = tempa
							}
						}
						if k >= 2 {
							kw := iact[k-1]
							for i := 1; i <= n; i++ {
								dxnew[i-1] -= temp * a(i, kw)
							}
						}
						vmultd[k-1] = temp
					} else {
						vmultd[k-1] = 0
					}
				}
				if ratio < 0 {
					return cobylaEnd
				}
				for k := 1; k <= nact; k++ {
					vmultc[k-1] = math.Max(0, vmultc[k-1]-ratio*vmultd[k-1])
				}
				// Powell's code moves the constraint to drop to the end
				// here; scipy's copy tests icon, which exceeds nact, so
				// the list stays as it is.
				moveToEnd(icon)
				temp := 0.0
				for i := 1; i <= n; i++ {
					temp += *z(i, nact) * a(i, kk)
				}
				if temp == 0 {
					return cobylaEnd
				}
				zdota[nact-1] = temp
				vmultc[icon-1] = 0
				vmultc[nact-1] = ratio
			}
			iact[icon-1] = iact[nact-1]
			iact[nact-1] = kk
			if mcon > m && kk != mcon {
				// Keep the objective last among the active constraints.
				k := nact - 1
				rotate(k, nact, kk)
				iact[nact-1] = iact[k-1]
				iact[k-1] = kk
				vmultc[k-1], vmultc[nact-1] = vmultc[nact-1], vmultc[k-1]
			}
			if mcon == m {
				kk = iact[nact-1]
				temp := 0.0
				for i := 1; i <= n; i++ {
					temp += sdirn[i-1] * a(i, kk)
				}
				temp = (temp - 1) / zdota[nact-1]
				for i := 1; i <= n; i++ {
					sdirn[i-1] -= temp * *z(i, nact)
				}
			}
		} else {
			// Drop constraint iact[icon] from the active set.
			moveToEnd(icon)
			nact--
			if mcon == m {
				temp := 0.0
				for i := 1; i <= n; i++ {
					temp += sdirn[i-1] * *z(i, nact+1)
				}
				for i := 1; i <= n; i++ {
					sdirn[i-1] -= temp * *z(i, nact+1)
				}
			}
		}
		if mcon > m {
			temp := 1 / zdota[nact-1]
			for i := 1; i <= n; i++ {
				sdirn[i-1] = temp * *z(i, nact)
			}
		}
		// Label 340: the step to the trust region's boundary, or the
		// one that reduces resmax to zero.
		dd := rho * rho
		sd, ss := 0.0, 0.0
		for i := 1; i <= n; i++ {
			if math.Abs(dx[i-1]) >= cobylaE6*rho {
				dd -= dx[i-1] * dx[i-1]
			}
			sd += dx[i-1] * sdirn[i-1]
			ss += sdirn[i-1] * sdirn[i-1]
		}
		if dd <= 0 {
			return cobylaEnd
		}
		temp := math.Sqrt(ss * dd)
		if math.Abs(sd) >= cobylaE6*temp {
			temp = math.Sqrt(ss*dd + sd*sd)
		}
		stpful := dd / (temp + sd)
		step := stpful
		if mcon == m {
			acca := step + 0.1*resmax
			accb := step + 0.2*resmax
			if step >= acca || acca >= accb {
				return cobylaStage2
			}
			step = math.Min(step, resmax)
		}
		for i := 1; i <= n; i++ {
			dxnew[i-1] = dx[i-1] + step*sdirn[i-1]
		}
		if mcon == m {
			resold = resmax
			resmax = 0
			for k := 1; k <= nact; k++ {
				kk := iact[k-1]
				temp := b[kk-1]
				for i := 1; i <= n; i++ {
					temp -= a(i, kk) * dxnew[i-1]
				}
				resmax = math.Max(resmax, temp)
			}
		}
		// The multipliers vmultd that dxnew would give, rounding
		// noise forced to zero.
		for k := nact; ; k-- {
			zdotw := zDotNew(k)
			vmultd[k-1] = zdotw / zdota[k-1]
			if k < 2 {
				break
			}
			kk := iact[k-1]
			for i := 1; i <= n; i++ {
				dxnew[i-1] -= vmultd[k-1] * a(i, kk)
			}
		}
		if mcon > m {
			vmultd[nact-1] = math.Max(0, vmultd[nact-1])
		}
		for i := 1; i <= n; i++ {
			dxnew[i-1] = dx[i-1] + step*sdirn[i-1]
		}
		for k := nact + 1; k <= mcon; k++ {
			kk := iact[k-1]
			sum := resmax - b[kk-1]
			sumabs := resmax + math.Abs(b[kk-1])
			for i := 1; i <= n; i++ {
				temp := a(i, kk) * dxnew[i-1]
				sum += temp
				sumabs += math.Abs(temp)
			}
			// Here the Fortran's constants are single precision.
			acca := sumabs + cobylaP1*math.Abs(sum)
			accb := sumabs + cobylaP2*math.Abs(sum)
			if sumabs >= acca || acca >= accb {
				sum = 0
			}
			vmultd[k-1] = sum
		}
		// Take the fraction of the step that keeps the multipliers and
		// residuals nonnegative.
		ratio := 1.0
		icon = 0
		for k := 1; k <= mcon; k++ {
			if vmultd[k-1] > -cobylaEps && vmultd[k-1] < cobylaEps {
				vmultd[k-1] = 0
			}
			if vmultd[k-1] < 0 {
				if temp := vmultc[k-1] / (vmultc[k-1] - vmultd[k-1]); temp < ratio {
					ratio, icon = temp, k
				}
			}
		}
		temp = 1 - ratio
		for i := 1; i <= n; i++ {
			dx[i-1] = temp*dx[i-1] + ratio*dxnew[i-1]
		}
		for k := 1; k <= mcon; k++ {
			vmultc[k-1] = math.Max(0, temp*vmultc[k-1]+ratio*vmultd[k-1])
		}
		if mcon == m {
			resmax = resold + ratio*(resmax-resold)
		}
		switch {
		case icon > 0:
			return cobylaAgain
		case step == stpful:
			return cobylaDone
		case step != step:
			for i := range dx {
				dx[i] = step // propagate the NaN rather than loop
			}
			return cobylaDone
		}
		return cobylaStage2
	}
	next := cobylaAgain
	if resmax == 0 {
		next = cobylaStage2
	} else {
		for i := range sdirn[:n] {
			sdirn[i] = 0
		}
		optold, icount = 0, 0
	}
	for {
		switch next {
		case cobylaStage2:
			mcon = m + 1
			icon = mcon
			iact[mcon-1] = mcon
			vmultc[mcon-1] = 0
			optold, icount = 0, 0
		case cobylaEnd:
			if mcon == m {
				next = cobylaStage2
				continue
			}
			return 0
		case cobylaDone:
			return ifull
		}
		next = iterate()
	}
}
