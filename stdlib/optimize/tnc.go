package optimize

import (
	"errors"
	"math"
)

// TNCSettings tunes TNC. The zero value means scipy's defaults.
type TNCSettings struct {
	// MaxCGIter is the maximum number of Hessian-vector products, inner
	// conjugate-gradient iterations, per iteration. 0 means scipy's
	// default max(1, min(50, n/2)); a negative value means none: the
	// direction is then the projected steepest descent.
	MaxCGIter int
	// MaxFuncEvals is the maximum number of evaluations of f and its
	// gradient, Hessian-vector products included. Default
	// max(100, 10n).
	MaxFuncEvals int
	// Eta is the severity of the line search, in (0, 1). Default 0.25.
	Eta float64
	// StepMax is the initial maximum step of the line search, raised
	// when reached. Default 10.
	StepMax float64
	// Accuracy is the relative precision of the finite-difference
	// Hessian-vector products. Default √ε ≈ 1.49e-8.
	Accuracy float64
	// FMin is an estimate of the minimum, for the first step. Default 0.
	FMin float64
	// FTol stops when |f_k - f_{k+1}| <= FTol (in the scaled function).
	// Default Accuracy; a negative value means 0.
	FTol float64
	// XTol stops when the scaled step is at most XTol. Default √ε.
	XTol float64
	// GTol stops when the norm of the scaled projected gradient is at
	// most GTol. Default 1e-2·√Accuracy.
	GTol float64
	// Rescale is the log10 of the change of gradient norm that triggers
	// rescaling f. Default 1.3.
	Rescale float64
	// Step is the absolute forward-difference step for a missing
	// gradient (scipy's eps). Default 1e-8.
	Step float64
	// KeepPath asks for the iterates in Result.Path.
	KeepPath bool
	// Callback, if set, is called with each iterate (scipy's callback).
	Callback func(x []float64)
}

// tncMessages are scipy's messages for TNC's return codes 0 to 6.
var tncMessages = [...]string{
	"Local minimum reached (|pg| ~= 0)",
	"Converged (|f_n-f_(n-1)| ~= 0)",
	"Converged (|x_n-x_(n-1)| ~= 0)",
	"Max. number of function evaluations reached",
	"Linear search failed",
	"All lower bounds are equal to the upper bounds",
	"Unable to progress",
}

var tncStatus = [...]Status{Success, Success, Success, MaxFuncEvals, LineSearchFailed, Failure, Failure}

// TNC's return codes.
const (
	tncLocalMinimum = iota
	tncFConverged
	tncXConverged
	tncMaxFun
	tncLSFail
	tncConstant
	tncNoProgress
	tncNotFinite // the objective returned NaN or an infinity
)

// TNC minimizes p.Func subject to the bounds b (nil for none) from x0 by
// the truncated Newton method of S. G. Nash, "Newton-type minimization
// via the Lanczos method", SIAM J. Numer. Anal. 21(4) 770–788 (1984), in
// J.-S. Roy's C translation of Nash's TNBC that scipy wraps.
//
// Each iteration solves the Newton equations on the free variables
// approximately by preconditioned conjugate gradients, the Hessian
// applied to vectors by differencing gradients, preconditioned by a
// two-step limited-memory BFGS matrix with a diagonal scaling; the CG is
// truncated when the quadratic model stops decreasing. A Gill–Murray
// safeguarded cubic line search stays inside the box; variables that hit
// a bound join the active set and leave it when their Lagrange
// multiplier has the wrong sign. Variables are scaled to the box (or by
// 1+|x0|), and f by the gradient norm when it drifts. An iteration costs
// O(n·MaxCGIter) besides up to MaxCGIter+1 gradient evaluations and the
// line search's.
//
// x0 is moved into the box first. Without p.Grad the gradient is
// approximated by forward differences with absolute step s.Step, n
// evaluations of f each, counted in FuncEvals as scipy counts them;
// MaxFuncEvals counts evaluations of f and its gradient together, as
// scipy's.
func TNC(p Problem, x0 []float64, b *Bounds, s *TNCSettings) (*Result, error) {
	if err := p.check(x0); err != nil {
		return nil, err
	}
	if p.Func == nil {
		return nil, errors.New("optimize: TNC needs an objective")
	}
	n := len(x0)
	box, err := b.box(n)
	if err != nil {
		return nil, err
	}
	var set TNCSettings
	if s != nil {
		set = *s
	}
	set.defaults(n)
	st := &tnc{n: n, set: &set, low: box.lo, up: box.up, obj: newConsObjective(p, box, set.Step, n),
		x: append([]float64(nil), x0...)}
	box.clip(st.x)
	rc := st.run()
	// scipy evaluates f and the gradient at the result once more; it is
	// usually the last point evaluated, and then free.
	res := &st.res
	res.X = st.x
	res.F = st.obj.value(st.x)
	if rc != tncNotFinite {
		if msg := evalNotFinite(res.F, false); msg != "" {
			rc, st.msg = tncNotFinite, msg
		} else {
			res.Grad = append([]float64(nil), st.obj.gradient(st.x)...)
		}
	}
	if rc == tncNotFinite {
		res.Status, res.Message = NotFinite, st.msg
	} else {
		res.Status, res.Message, res.Code = tncStatus[rc], tncMessages[rc], rc
		res.Success = rc <= tncXConverged
	}
	res.FuncEvals, res.GradEvals = st.obj.nfev, st.obj.ngev
	return res, nil
}

func (s *TNCSettings) defaults(n int) {
	rteps := math.Sqrt(consEps)
	switch {
	case s.MaxCGIter == 0:
		s.MaxCGIter = max(1, min(50, n/2))
	case s.MaxCGIter < 0:
		s.MaxCGIter = 0
	}
	s.MaxCGIter = min(s.MaxCGIter, n)
	if s.MaxFuncEvals <= 0 {
		s.MaxFuncEvals = max(100, 10*n)
	}
	if s.Eta <= 0 || s.Eta >= 1 {
		s.Eta = 0.25
	}
	if s.StepMax < rteps*10 {
		s.StepMax = 10
	}
	if s.Accuracy <= consEps {
		s.Accuracy = rteps
	}
	switch {
	case s.FTol == 0:
		s.FTol = s.Accuracy
	case s.FTol < 0:
		s.FTol = 0
	}
	if s.XTol <= 0 {
		s.XTol = rteps
	}
	if s.GTol <= 0 {
		s.GTol = 1e-2 * math.Sqrt(s.Accuracy)
	}
	if s.Rescale <= 0 {
		s.Rescale = 1.3
	}
	if s.Step == 0 {
		s.Step = 1e-8
	}
}

// tnc is the state of tnc_minimize; x is scaled, x_unscaled =
// x·xscale + xoffset, and f is multiplied by fscale.
type tnc struct {
	n               int
	set             *TNCSettings
	low, up         []float64
	obj             *consObjective
	res             Result
	msg             string
	x               []float64
	xscale, xoffset []float64
	fscale          float64
	pivot           []int // -1 at the lower bound, 1 at the upper, 2 fixed, 0 free
	nfeval          int
	xu              []float64 // scratch for unscaled points
}

// function evaluates f and the unscaled gradient at the scaled point xs,
// unscaled and moved into the box; it reports false for a value that is
// not finite.
func (t *tnc) function(xs []float64, g []float64) (float64, bool) {
	for i, v := range xs {
		t.xu[i] = v*t.xscale[i] + t.xoffset[i]
	}
	t.obj.box.clip(t.xu)
	t.nfeval++
	f := t.obj.value(t.xu)
	if msg := evalNotFinite(f, false); msg != "" {
		t.msg = msg
		return f, false
	}
	copy(g, t.obj.gradient(t.xu))
	return f, true
}

func (t *tnc) scaleg(g []float64) {
	for i := range g {
		g[i] *= t.xscale[i] * t.fscale
	}
}

func (t *tnc) project(v []float64) {
	for i, p := range t.pivot {
		if p != 0 {
			v[i] = 0
		}
	}
}

func (t *tnc) unscaled() {
	for i := range t.x {
		t.x[i] = t.x[i]*t.xscale[i] + t.xoffset[i]
	}
	t.obj.box.clip(t.x)
}

// run is tnc and tnc_minimize; it leaves the unscaled result in t.x.
func (t *tnc) run() int {
	n := t.n
	vec := func() []float64 { return make([]float64, n) }
	t.xu = vec()
	gfull := vec()
	// The first evaluation is at x itself: no scaling yet.
	t.xscale, t.xoffset, t.fscale = vec(), vec(), 1
	for i := range t.xscale {
		t.xscale[i] = 1
	}
	f, ok := t.function(t.x, gfull)
	if !ok {
		return tncNotFinite
	}
	nc := 0
	for i := range n {
		if t.low[i] == t.up[i] {
			nc++
		}
	}
	if nc == n {
		return tncConstant
	}
	for i := range n {
		if !math.IsInf(t.low[i], -1) && !math.IsInf(t.up[i], 1) {
			t.xscale[i] = t.up[i] - t.low[i]
			t.xoffset[i] = (t.up[i] + t.low[i]) * 0.5
		} else {
			t.xscale[i] = 1 + math.Abs(t.x[i])
			t.xoffset[i] = t.x[i]
		}
	}
	rc := t.minimize(f, gfull)
	t.unscaled()
	return rc
}

func (t *tnc) minimize(f float64, gfull []float64) int {
	n, set, x := t.n, t.set, t.x
	vec := func() []float64 { return make([]float64, n) }
	oldg, g, temp, diagb, pk := vec(), vec(), vec(), vec(), vec()
	sk, yk, sr, yr := vec(), vec(), vec(), vec()
	t.pivot = make([]int, n)
	stepmx, pgtol := set.StepMax, set.GTol
	var difnew, oldf, yrsr, yksk, alpha float64
	epsred := 0.05
	upd1, newcon, lreset := true, true, false
	icycle := n - 1
	record := func() {
		if !set.KeepPath && set.Callback == nil {
			return
		}
		p := make([]float64, n)
		for i := range p {
			p[i] = x[i]*t.xscale[i] + t.xoffset[i]
		}
		if set.KeepPath {
			t.res.Path = append(t.res.Path, p)
		}
		if set.Callback != nil {
			set.Callback(append([]float64(nil), p...))
		}
	}
	record()
	// Scale x and f.
	for i := range x {
		if t.xscale[i] > 0 {
			x[i] = (x[i] - t.xoffset[i]) / t.xscale[i]
		}
	}
	f *= t.fscale
	t.setConstraints()
	copy(g, gfull)
	t.scaleg(g)
	// Drop the bounds whose Lagrange multipliers have the wrong sign.
	for i := range n {
		if -float64(t.pivot[i])*g[i] < 0 {
			t.pivot[i] = 0
		}
	}
	t.project(g)
	gnorm := tncNrm2(g)
	fLastConstraint, fLastReset := f, f
	for i := range diagb {
		diagb[i] = 1
	}
	for {
		if tncNrm2(g) <= pgtol*t.fscale {
			return tncLocalMinimum
		}
		if t.nfeval >= set.MaxFuncEvals {
			return tncMaxFun
		}
		// Rescale f if the gradient's size drifted.
		if newscale := tncNrm2(g); newscale > consEps && math.Abs(math.Log10(newscale)) > set.Rescale {
			newscale = 1 / newscale
			f *= newscale
			t.fscale *= newscale
			gnorm *= newscale
			fLastConstraint *= newscale
			fLastReset *= newscale
			difnew *= newscale
			for i := range g {
				g[i] *= newscale
				diagb[i] = 1
			}
			upd1, icycle, newcon = true, n-1, true
		}
		copy(temp, x)
		t.project(temp)
		xnorm := tncNrm2(temp)
		oldnfeval := t.nfeval
		pc := tncPrecond{diagb: diagb, sk: sk, yk: yk, sr: sr, yr: yr, upd1: upd1, lreset: lreset, yksk: yksk, yrsr: yrsr}
		if !t.direction(pk, g, &pc, gnorm, xnorm) {
			return tncNotFinite
		}
		if !newcon {
			if !lreset {
				for i := range n {
					sr[i] += sk[i]
					yr[i] += yk[i]
				}
				icycle++
			} else {
				copy(sr, sk)
				copy(yr, yk)
				fLastReset = f
				icycle = 1
			}
		}
		copy(oldg, g)
		oldf = f
		oldgtp := tncDot(pk, g)
		ustpmax := stepmx / (tncNrm2(pk) + consEps)
		spe := t.stepMax(ustpmax, pk)
		if spe > 0 {
			alpha = tncInitialStep(f, set.FMin/t.fscale, oldgtp, spe)
			var lsrc int
			f, lsrc = t.linearSearch(pk, f, &alpha, gfull, spe)
			switch lsrc {
			case tncLSNotFinite:
				return tncNotFinite
			case tncLSFailed:
				return tncLSFail
			}
			if alpha >= 0.9*ustpmax {
				stepmx *= 1e2
			}
			if alpha-spe >= -consEps*10 {
				newcon = true // a new bound was reached
			} else {
				if lsrc != tncLSOK {
					if lsrc == tncLSMaxFun {
						return tncMaxFun
					}
					return tncLSFail
				}
				newcon = false
			}
		} else {
			newcon = true
		}
		if newcon {
			if !t.addConstraint(pk) && t.nfeval == oldnfeval {
				return tncNoProgress
			}
			fLastConstraint = f
		}
		t.res.Iterations++
		record()
		difold := difnew
		difnew = oldf - f
		if icycle == 1 {
			if difnew > difold*2 {
				epsred += epsred
			}
			if difnew < difold*0.5 {
				epsred *= 0.5
			}
		}
		copy(g, gfull)
		t.scaleg(g)
		copy(temp, g)
		t.project(temp)
		gnorm = tncNrm2(temp)
		remcon := t.removeConstraint(oldgtp, gnorm, pgtol*t.fscale, f, fLastConstraint, g)
		if remcon {
			copy(temp, g)
			t.project(temp)
			gnorm = tncNrm2(temp)
			fLastConstraint = f
		}
		if !remcon && !newcon {
			if math.Abs(difnew) <= set.FTol*t.fscale {
				return tncFConverged
			}
			if alpha*tncNrm2(pk) <= set.XTol {
				return tncXConverged
			}
		}
		t.project(g)
		if !newcon {
			for i := range n {
				yk[i] = g[i] - oldg[i]
				sk[i] = alpha * pk[i]
			}
			yksk = tncDot(yk, sk)
			if icycle == n-1 || difnew < epsred*(fLastReset-f) {
				lreset = true
			} else {
				yrsr = tncDot(yr, sr)
				lreset = yrsr <= 0
			}
			upd1 = false
		}
	}
}

// setConstraints marks the variables at their bounds.
func (t *tnc) setConstraints() {
	for i, xi := range t.x {
		xu := xi*t.xscale[i] + t.xoffset[i]
		switch {
		case t.xscale[i] == 0:
			t.pivot[i] = 2
		case !math.IsInf(t.low[i], -1) && xu-t.low[i] <= consEps*10*(math.Abs(t.low[i])+1):
			t.pivot[i] = -1
		case !math.IsInf(t.up[i], 1) && xu-t.up[i] >= consEps*10*(math.Abs(t.up[i])+1):
			t.pivot[i] = 1
		default:
			t.pivot[i] = 0
		}
	}
}

// stepMax returns the largest step along dir, at most step, that keeps
// the free variables in the box.
func (t *tnc) stepMax(step float64, dir []float64) float64 {
	for i, d := range dir {
		if t.pivot[i] != 0 || d == 0 {
			continue
		}
		if d < 0 {
			if v := (t.low[i]-t.xoffset[i])/t.xscale[i] - t.x[i]; v > step*d {
				step = v / d
			}
		} else if v := (t.up[i]-t.xoffset[i])/t.xscale[i] - t.x[i]; v < step*d {
			step = v / d
		}
	}
	return step
}

// addConstraint fixes the free variables that reached a bound moving
// along p; it reports whether any did.
func (t *tnc) addConstraint(p []float64) bool {
	added := false
	for i := range t.x {
		if t.pivot[i] != 0 || p[i] == 0 {
			continue
		}
		xu := t.x[i]*t.xscale[i] + t.xoffset[i]
		if p[i] < 0 && !math.IsInf(t.low[i], -1) {
			if xu-t.low[i] <= consEps*10*(math.Abs(t.low[i])+1) {
				t.pivot[i] = -1
				t.x[i] = (t.low[i] - t.xoffset[i]) / t.xscale[i]
				added = true
			}
		} else if !math.IsInf(t.up[i], 1) {
			if t.up[i]-xu <= consEps*10*(math.Abs(t.up[i])+1) {
				t.pivot[i] = 1
				t.x[i] = (t.up[i] - t.xoffset[i]) / t.xscale[i]
				added = true
			}
		}
	}
	return added
}

// removeConstraint frees the bound variable with the most negative
// multiplier when the last step made little progress or the projected
// gradient is small (Gill, Murray and Wright 1981, p. 308).
func (t *tnc) removeConstraint(gtpnew, gnorm, pgtolfs, f, fLastConstraint float64, g []float64) bool {
	if fLastConstraint-f <= gtpnew*-0.5 && gnorm > pgtolfs {
		return false
	}
	imax, cmax := -1, 0.0
	for i, p := range t.pivot {
		if p == 2 {
			continue
		}
		if v := -float64(p) * g[i]; v < cmax {
			cmax, imax = v, i
		}
	}
	if imax == -1 {
		return false
	}
	t.pivot[imax] = 0
	return true
}

// direction computes the search direction zsol by preconditioned
// conjugate gradients on the Newton equations over the free variables,
// truncated when the quadratic model's decrease stalls (tnc_direction).
// It reports false if a Hessian-vector product met a value that is not
// finite.
func (t *tnc) direction(zsol, g []float64, pc *tncPrecond, gnorm, xnorm float64) bool {
	n, set := t.n, t.set
	steepest := func() {
		for i := range zsol {
			zsol[i] = -g[i]
		}
		t.project(zsol)
	}
	if set.MaxCGIter == 0 {
		steepest()
		return true
	}
	const tol = 1e-12
	rhsnrm := gnorm
	qold, rzold := 0.0, 0.0
	r, v, zk, gv := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	emat := pc.init()
	for i := range n {
		r[i] = -g[i]
		v[i] = 0
		zsol[i] = 0
	}
	for k := 0; k < set.MaxCGIter; k++ {
		t.project(r)
		pc.solve(r, zk)
		t.project(zk)
		rz := tncDot(r, zk)
		if rz/rhsnrm < tol || t.nfeval >= set.MaxFuncEvals-1 {
			if k == 0 {
				steepest()
			}
			break
		}
		beta := 0.0
		if k > 0 {
			beta = rz / rzold
		}
		for i := range n {
			v[i] = zk[i] + beta*v[i]
		}
		t.project(v)
		if !t.hessianTimesVector(v, gv, g, xnorm) {
			return false
		}
		t.project(gv)
		vgv := tncDot(v, gv)
		if vgv/rhsnrm < tol {
			if k == 0 {
				pc.solve(g, zsol)
				for i := range zsol {
					zsol[i] = -zsol[i]
				}
				t.project(zsol)
			}
			break
		}
		tncDiagonalScaling(emat, v, gv, r)
		alpha := rz / vgv
		for i := range n {
			zsol[i] += alpha * v[i]
		}
		for i := range n {
			r[i] += -alpha * gv[i]
		}
		gtp := tncDot(zsol, g)
		pr := tncDot(r, zsol)
		qnew := (gtp + pr) * 0.5
		qtest := float64(k+1) * (1 - qold/qnew)
		if qtest <= 0.5 {
			break
		}
		if gtp > 0 {
			// Not a descent direction: undo the last step.
			for i := range n {
				zsol[i] += -alpha * v[i]
			}
			break
		}
		qold = qnew
		rzold = rz
	}
	copy(pc.diagb, emat)
	return true
}

// hessianTimesVector approximates the scaled Hessian times v by a
// forward difference of gradients with step accuracy·(xnorm+1).
func (t *tnc) hessianTimesVector(v, gv, g []float64, xnorm float64) bool {
	delta := t.set.Accuracy * (xnorm + 1)
	xv := make([]float64, t.n)
	for i := range xv {
		xv[i] = t.x[i] + delta*v[i]
	}
	if _, ok := t.function(xv, gv); !ok {
		return false
	}
	t.scaleg(gv)
	dinv := 1 / delta
	for i := range gv {
		gv[i] = (gv[i] - g[i]) * dinv
		if t.xscale[i] == 0 {
			gv[i] = 0
		}
	}
	return true
}

// tncDiagonalScaling updates the diagonal preconditioner e by a diagonal
// BFGS update.
func tncDiagonalScaling(e, v, gv, r []float64) {
	vr := 1 / tncDot(v, r)
	vgv := 1 / tncDot(v, gv)
	for i := range e {
		e[i] += -r[i]*r[i]*vr + gv[i]*gv[i]*vgv
		if e[i] <= 1e-6 {
			e[i] = 1
		}
	}
}

// tncInitialStep returns the first step of a line search: 1, or the
// step to the estimate fmin of the minimum along a quadratic.
func tncInitialStep(fnew, fmin, gtp, smax float64) float64 {
	d := math.Abs(fnew - fmin)
	alpha := 1.0
	if d*2 <= -gtp && d >= consEps {
		alpha = d * -2 / gtp
	}
	return math.Min(alpha, smax)
}

// tncPrecond is the two-step self-scaled BFGS preconditioner with its
// diagonal, built from the last step (sk, yk) and the accumulated steps
// since the last reset (sr, yr).
type tncPrecond struct {
	diagb, sk, yk, sr, yr []float64
	upd1, lreset          bool
	yksk, yrsr            float64
}

// init returns the diagonal preconditioner for this iteration's CG
// (initPreconditioner).
func (p *tncPrecond) init() []float64 {
	n := len(p.diagb)
	emat := make([]float64, n)
	if p.upd1 {
		copy(emat, p.diagb)
		return emat
	}
	bsk := make([]float64, n)
	yksk := p.yksk
	if yksk == 0 {
		yksk = 1
	}
	if p.lreset {
		for i := range n {
			bsk[i] = p.diagb[i] * p.sk[i]
		}
		sds := tncDot(p.sk, bsk)
		if sds == 0 {
			sds = 1
		}
		for i := range n {
			td := p.diagb[i]
			emat[i] = td - td*td*p.sk[i]*p.sk[i]/sds + p.yk[i]*p.yk[i]/yksk
		}
		return emat
	}
	for i := range n {
		bsk[i] = p.diagb[i] * p.sr[i]
	}
	sds := tncDot(p.sr, bsk)
	srds := tncDot(p.sk, bsk)
	yrsk := tncDot(p.yr, p.sk)
	yrsr := p.yrsr
	if yrsr == 0 {
		yrsr = 1
	}
	if sds == 0 {
		sds = 1
	}
	for i := range n {
		td := p.diagb[i]
		bsk[i] = td*p.sk[i] - bsk[i]*srds/sds + p.yr[i]*yrsk/yrsr
		emat[i] = td - td*td*p.sr[i]*p.sr[i]/sds + p.yr[i]*p.yr[i]/yrsr
	}
	sds = tncDot(p.sk, bsk)
	if sds == 0 {
		sds = 1
	}
	for i := range n {
		emat[i] = emat[i] - bsk[i]*bsk[i]/sds + p.yk[i]*p.yk[i]/yksk
	}
	return emat
}

// solve sets y to the preconditioner applied to g (msolve).
func (p *tncPrecond) solve(g, y []float64) {
	n := len(g)
	if p.upd1 {
		for i := range n {
			y[i] = g[i] / p.diagb[i]
		}
		return
	}
	gsk := tncDot(g, p.sk)
	hg, hyk := make([]float64, n), make([]float64, n)
	if p.lreset {
		for i := range n {
			rdiagb := 1 / p.diagb[i]
			hg[i] = g[i] * rdiagb
			hyk[i] = p.yk[i] * rdiagb
		}
		ykhyk := tncDot(p.yk, hyk)
		ghyk := tncDot(g, hyk)
		tncSSBFGS(p.sk, hg, hyk, p.yksk, ykhyk, gsk, ghyk, y)
		return
	}
	hyr := make([]float64, n)
	for i := range n {
		rdiagb := 1 / p.diagb[i]
		hg[i] = g[i] * rdiagb
		hyk[i] = p.yk[i] * rdiagb
		hyr[i] = p.yr[i] * rdiagb
	}
	gsr := tncDot(g, p.sr)
	ghyr := tncDot(g, hyr)
	yrhyr := tncDot(p.yr, hyr)
	tncSSBFGS(p.sr, hg, hyr, p.yrsr, yrhyr, gsr, ghyr, hg)
	yksr := tncDot(p.yk, p.sr)
	ykhyr := tncDot(p.yk, hyr)
	tncSSBFGS(p.sr, hyk, hyr, p.yrsr, yrhyr, yksr, ykhyr, hyk)
	ykhyk := tncDot(hyk, p.yk)
	ghyk := tncDot(hyk, g)
	tncSSBFGS(p.sk, hg, hyk, p.yksk, ykhyk, gsk, ghyk, y)
}

// tncSSBFGS applies one self-scaled BFGS update (γ = 1) to a vector:
// out = hv + δs + βhy.
func tncSSBFGS(s, hv, hy []float64, ys, yhy, vs, vhy float64, out []float64) {
	var delta, beta float64
	if ys != 0 {
		delta = (yhy/ys+1)*vs/ys - vhy/ys
		beta = -vs / ys
	}
	for i := range out {
		out[i] = hv[i] + delta*s[i] + beta*hy[i]
	}
}

// Outcomes of linearSearch.
const (
	tncLSOK = iota
	tncLSMaxFun
	tncLSFailed
	tncLSNotFinite
)

// linearSearch is Gill and Murray's safeguarded line search along p from
// x, at most xbnd: it moves x, returns the new f and sets gfull to the
// gradient there.
func (t *tnc) linearSearch(p []float64, f float64, alpha *float64, gfull []float64, xbnd float64) (float64, int) {
	n, set := t.n, t.set
	const maxlsit = 64
	temp, tempg, newg := make([]float64, n), make([]float64, n), make([]float64, n)
	copy(temp, gfull)
	t.scaleg(temp)
	gu := tncDot(temp, p)
	copy(temp, t.x)
	t.project(temp)
	xnorm := tncNrm2(temp)
	rteps := math.Sqrt(consEps)
	pe := tncNrm2(p) + consEps
	ls := tncGetptc{
		reltol: rteps * (xnorm + 1) / pe,
		abstol: -consEps * (1 + math.Abs(f)) / (gu - consEps),
		tnytol: consEps * (xnorm + 1) / pe,
		fpresn: set.FTol,
		xbnd:   xbnd,
		u:      *alpha, fu: f, gu: gu,
	}
	itest := ls.init(set.Eta, 1e-4)
	itcnt := 0
	for itest == tncGetptcEval {
		itcnt++
		if itcnt > maxlsit || t.nfeval >= set.MaxFuncEvals {
			break
		}
		ualpha := ls.xmin + ls.u
		for i := range n {
			temp[i] = t.x[i] + ualpha*p[i]
		}
		fu, ok := t.function(temp, tempg)
		if !ok {
			return f, tncLSNotFinite
		}
		ls.fu = fu * t.fscale
		copy(temp, tempg)
		t.scaleg(temp)
		ls.gu = tncDot(temp, p)
		itest = ls.iterate()
		if ls.xmin == ualpha {
			copy(newg, tempg)
		}
	}
	*alpha = ls.xmin
	switch {
	case itest == tncGetptcOK:
		for i := range n {
			t.x[i] += ls.xmin * p[i]
		}
		copy(gfull, newg)
		return ls.fmin, tncLSOK
	case itcnt > maxlsit, itest != tncGetptcEval:
		return f, tncLSFailed
	}
	return f, tncLSMaxFun
}

// getptc's answers.
const (
	tncGetptcOK = iota
	tncGetptcEval
	tncGetptcFail
)

// tncGetptc is the step-length algorithm getptc of Gill and Murray: it
// keeps an interval of uncertainty [a, b] about the best step xmin,
// proposes steps by safeguarded cubic interpolation, and accepts when
// f(xmin) has decreased sufficiently and |f'(xmin)| <= η|f'(0)|. Steps
// are relative to xmin; u is the next trial step, fu and gu its value and
// directional derivative.
type tncGetptc struct {
	reltol, abstol, tnytol, fpresn, xbnd float64
	u, fu, gu                            float64
	xmin, fmin, gmin, xw, fw, gw         float64
	a, b, oldf, b1, scxbnd, e, step      float64
	factor, gtest1, gtest2, tol          float64
	braktd                               bool
}

func (s *tncGetptc) init(eta, rmu float64) int {
	if s.u <= 0 || s.xbnd <= s.tnytol || s.gu > 0 {
		return tncGetptcFail
	}
	if s.xbnd < s.abstol {
		s.abstol = s.xbnd
	}
	s.tol = s.abstol
	s.a, s.xw, s.xmin = 0, 0, 0
	s.oldf, s.fmin, s.fw = s.fu, s.fu, s.fu
	s.gw, s.gmin = s.gu, s.gu
	s.step = s.u
	s.factor = 5
	s.braktd = false
	s.scxbnd = s.xbnd
	s.b = s.scxbnd + s.reltol*math.Abs(s.scxbnd) + s.abstol
	s.e = s.b + s.b
	s.b1 = s.b
	s.gtest1 = -rmu * s.gu
	s.gtest2 = -eta * s.gu
	s.boundStep()
	return tncGetptcEval
}

// boundStep replaces a step beyond the bound by the bound, moving the
// scaled bound in by its tolerance, and keeps |u| >= tol.
func (s *tncGetptc) boundStep() {
	if s.step >= s.scxbnd {
		s.step = s.scxbnd
		s.scxbnd -= (s.reltol*math.Abs(s.xbnd) + s.abstol) / (1 + s.reltol)
	}
	s.u = s.step
	if math.Abs(s.step) < s.tol {
		if s.step < 0 {
			s.u = -s.tol
		} else {
			s.u = s.tol
		}
	}
}

func (s *tncGetptc) iterate() int {
	const big = 1 / (consEps * consEps)
	const rtsmll = consEps
	moved := false
	if s.fu <= s.fmin {
		chordu := s.oldf - (s.xmin+s.u)*s.gtest1
		if s.fu > chordu {
			// Not a sufficient decrease: treat the point as an upper
			// bound with a value on the chord.
			chordm := s.oldf - s.xmin*s.gtest1
			s.gu = -s.gmin
			denom := chordm - s.fmin
			if math.Abs(denom) < 1e-15 {
				denom = 1e-15
				if chordm-s.fmin < 0 {
					denom = -denom
				}
			}
			if s.xmin != 0 {
				s.gu = s.gmin * (chordu - s.fu) / denom
			}
			s.fu = 0.5*s.u*(s.gmin+s.gu) + s.fmin
			if s.fu < s.fmin {
				s.fu = s.fmin
			}
		} else {
			// A lower point becomes the new origin.
			s.fw, s.fmin = s.fmin, s.fu
			s.gw, s.gmin = s.gmin, s.gu
			s.xmin += s.u
			s.a -= s.u
			s.b -= s.u
			s.xw = -s.u
			s.scxbnd -= s.u
			if s.gu <= 0 {
				s.a = 0
			} else {
				s.b = 0
				s.braktd = true
			}
			s.tol = math.Abs(s.xmin)*s.reltol + s.abstol
			moved = true
		}
	}
	if !moved {
		if s.u < 0 {
			s.a = s.u
		} else {
			s.b = s.u
			s.braktd = true
		}
		s.xw, s.fw, s.gw = s.u, s.fu, s.gu
	}
	twotol := s.tol + s.tol
	xmidpt := 0.5 * (s.a + s.b)
	convrg := math.Abs(xmidpt) <= twotol-0.5*(s.b-s.a) ||
		(math.Abs(s.gmin) <= s.gtest2 && s.fmin < s.oldf && (math.Abs(s.xmin-s.xbnd) > s.tol || !s.braktd))
	if convrg {
		if s.xmin != 0 {
			return tncGetptcOK
		}
		// No decrease yet: shrink the tolerances if f changed more than
		// its precision.
		if math.Abs(s.oldf-s.fw) <= s.fpresn {
			return tncGetptcFail
		}
		s.tol *= 0.1
		if s.tol < s.tnytol {
			return tncGetptcFail
		}
		s.reltol *= 0.1
		s.abstol *= 0.1
		twotol *= 0.1
	}
	var r, q, sv float64
	cubic := true
	if math.Abs(s.e) > s.tol {
		// Fit a cubic through xmin and xw.
		r = 3*(s.fmin-s.fw)/s.xw + s.gmin + s.gw
		absr := math.Abs(r)
		q = absr
		if s.gw != 0 && s.gmin != 0 {
			abgw, abgmin := math.Abs(s.gw), math.Abs(s.gmin)
			sv = math.Sqrt(abgmin) * math.Sqrt(abgw)
			if s.gw/abgw*s.gmin > 0 {
				if r >= sv || r <= -sv {
					q = math.Sqrt(math.Abs(r+sv)) * math.Sqrt(math.Abs(r-sv))
				} else {
					r, q = 0, 0
					cubic = false
				}
			} else {
				sumsq, p := 1.0, 0.0
				var scale float64
				if absr >= sv {
					if absr > rtsmll {
						p = absr * rtsmll
					}
					if sv >= p {
						v := sv / absr
						sumsq = 1 + v*v
					}
					scale = absr
				} else {
					if sv > rtsmll {
						p = sv * rtsmll
					}
					if absr >= p {
						v := absr / sv
						sumsq = 1 + v*v
					}
					scale = sv
				}
				sumsq = math.Sqrt(sumsq)
				q = big
				if scale < big/sumsq {
					q = scale * sumsq
				}
			}
		}
		if cubic {
			if s.xw < 0 {
				q = -q
			}
			sv = s.xw * (s.gmin - r - q)
			q = s.gw - s.gmin + q + q
			if q > 0 {
				sv = -sv
			}
			if q <= 0 {
				q = -q
			}
			r = s.e
			if s.b1 != s.step || s.braktd {
				s.e = s.step
			}
		}
	}
	// An artificial bound on the step.
	a1 := s.a
	s.b1 = s.b
	s.step = xmidpt
	if !s.braktd || (s.a == 0 && s.xw < 0) || (s.b == 0 && s.xw > 0) {
		if s.braktd {
			d1, d2 := s.xw, s.a
			if s.a == 0 {
				d2 = s.b
			}
			s.u = -d1 / d2
			s.step = 5 * d2 * (0.1 + 1/s.u) / 11
			if s.u < 1 {
				s.step = 0.5 * d2 * math.Sqrt(s.u)
			}
		} else {
			s.step = -s.factor * s.xw
			if s.step > s.scxbnd {
				s.step = s.scxbnd
			}
			if s.step != s.scxbnd {
				s.factor *= 5
			}
		}
		if s.step <= 0 {
			a1 = s.step
		}
		if s.step > 0 {
			s.b1 = s.step
		}
	}
	// Reject the cubic step outside the interval or larger than half
	// the step before last.
	if math.Abs(sv) <= math.Abs(0.5*q*r) || sv <= q*a1 || sv >= q*s.b1 {
		s.e = s.b - s.a
	} else {
		s.step = sv / q
		if s.step-s.a < twotol || s.b-s.step < twotol {
			if xmidpt <= 0 {
				s.step = -s.tol
			} else {
				s.step = s.tol
			}
		}
	}
	s.boundStep()
	return tncGetptcEval
}

// tncDot returns Σ x[i]·y[i] as tnc.c's ddot1.
func tncDot(x, y []float64) float64 {
	s := 0.0
	for i := range x {
		s += y[i] * x[i]
	}
	return s
}

// tncNrm2 is tnc.c's scaled Euclidean norm dnrm21.
func tncNrm2(x []float64) float64 {
	ssq, scale := 1.0, 0.0
	for _, v := range x {
		if v == 0 {
			continue
		}
		a := math.Abs(v)
		if scale < a {
			r := scale / a
			ssq = 1 + ssq*r*r
			scale = a
		} else {
			r := a / scale
			ssq += r * r
		}
	}
	return scale * math.Sqrt(ssq)
}
