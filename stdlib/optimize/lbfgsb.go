package optimize

import (
	"errors"
	"math"
)

// LBFGSBSettings tunes LBFGSB. The zero value means scipy's defaults.
type LBFGSBSettings struct {
	// M is the number of correction pairs kept in the limited-memory
	// matrix (scipy's maxcor). Default 10.
	M int
	// FTol stops when (f_k - f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) <= FTol.
	// Default factr*eps = 1e7 * 2.220446049250313e-16 = 2.220446049250313e-9.
	FTol float64
	// GTol stops when the infinity norm of the projected gradient is at
	// most GTol (scipy's pgtol). Default 1e-5.
	GTol float64
	// MaxFuncEvals stops after an iteration that brought the number of
	// evaluations of f above it (scipy's maxfun); finite-difference
	// gradients count. Default 15000.
	MaxFuncEvals int
	// MaxIter is the maximum number of iterations. Default 15000.
	MaxIter int
	// MaxLineSearch is the maximum number of evaluations in one line
	// search (scipy's maxls). Default 20.
	MaxLineSearch int
	// Step is the absolute forward-difference step used when the problem
	// has no gradient (scipy's eps). Default 1e-8.
	Step float64
	// KeepPath asks for the iterates in Result.Path.
	KeepPath bool
	// Callback, if set, is called with a copy of the iterate after each
	// iteration (scipy's callback).
	Callback func(x []float64)
}

// Scipy's messages for L-BFGS-B's outcomes, from the Fortran code's task
// strings.
const (
	MsgLBFGSBPGTol    = "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL"
	MsgLBFGSBFactr    = "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH"
	MsgLBFGSBMaxIter  = "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT"
	MsgLBFGSBMaxFun   = "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT"
	MsgLBFGSBAbnormal = "ABNORMAL_TERMINATION_IN_LNSRCH"
)

// LBFGSB minimizes p.Func subject to the bounds b (nil for none) from x0
// by the limited-memory BFGS method for bound-constrained problems of
// Byrd, Lu, Nocedal and Zhu, "A limited memory algorithm for bound
// constrained optimization", SIAM J. Sci. Comput. 16(5) 1190–1208 (1995),
// following the L-BFGS-B 3.0 Fortran code that scipy wraps (Zhu, Byrd, Lu,
// Nocedal, ACM TOMS 23(4) 1997, Algorithm 778, with the subspace
// minimization of Morales and Nocedal, ACM TOMS 38(1) 2011).
//
// Each iteration finds the generalized Cauchy point, the first minimizer
// of the quadratic model B = θI - W M Wᵀ along the projected steepest
// descent path; minimizes the model over the variables still free there
// by the compact representation of Byrd, Nocedal and Schnabel (Math.
// Prog. 63, 1994), projecting the Newton step back into the box; and
// searches along the result with Moré and Thuente's line search dcsrch
// (ftol 1e-3, gtol 0.9, xtol 0.1). A failed factorization or line search
// discards the memory and restarts from steepest descent.
//
// x0 is moved into the box first, as scipy does. Without p.Grad the
// gradient is approximated by forward differences with absolute step
// s.Step, n evaluations each, counted in FuncEvals as scipy counts them.
// Each iteration costs O(mn) besides the evaluations, plus O(m²n) when the
// set of free variables changes.
func LBFGSB(p Problem, x0 []float64, b *Bounds, s *LBFGSBSettings) (*Result, error) {
	if err := p.check(x0); err != nil {
		return nil, err
	}
	if p.Func == nil {
		return nil, errors.New("optimize: LBFGSB needs an objective")
	}
	n := len(x0)
	var set LBFGSBSettings
	if s != nil {
		set = *s
	}
	set.defaults()
	box, err := b.box(n)
	if err != nil {
		return nil, err
	}
	st := newLBFGSB(n, set.M, box)
	copy(st.x, x0)
	box.clip(st.x)
	obj := newConsObjective(p, box, set.Step, n)
	return st.run(obj, &set), nil
}

func (s *LBFGSBSettings) defaults() {
	if s.M <= 0 {
		s.M = 10
	}
	if s.FTol == 0 {
		s.FTol = 1e7 * consEps
	}
	if s.GTol == 0 {
		s.GTol = 1e-5
	}
	if s.MaxFuncEvals <= 0 {
		s.MaxFuncEvals = 15000
	}
	if s.MaxIter <= 0 {
		s.MaxIter = 15000
	}
	if s.MaxLineSearch <= 0 {
		s.MaxLineSearch = 20
	}
	if s.Step == 0 {
		s.Step = 1e-8
	}
}

// lbfgsb is the state of the Fortran code's mainlb. Indices are 0-based;
// the correction pairs live in a ring of m columns starting at head.
type lbfgsb struct {
	n, m   int
	lo, up []float64
	nbd    []int // 0 free, 1 lower bound only, 2 both, 3 upper bound only
	x, g   []float64
	f      float64
	fold   float64 // f at the start of the last line search, at t

	ws, wy     [][]float64 // the s and y vectors, ws[k] of length n
	sy, ss, wt [][]float64 // SᵀY, SᵀS and the Cholesky factor of θSᵀS+LD⁻¹Lᵀ
	wn, wn1    [][]float64 // the 2m×2m matrix K of the subspace step and its inner products
	theta      float64
	col, head  int
	itail      int
	iupdat     int
	updatd     bool

	z, r, d, t, xp []float64 // Cauchy/Newton point, reduced gradient, direction, saved x, safeguard
	p, c, wbp, v   []float64 // 2m vectors of the Cauchy search
	index, indx2   []int
	iwhere         []int
	nfree          int
	nenter, ileave int
	cnstnd, boxed  bool
}

func newLBFGSB(n, m int, box consBox) *lbfgsb {
	vec := func() []float64 { return make([]float64, n) }
	mat := func(r, c int) [][]float64 {
		a := make([][]float64, r)
		for i := range a {
			a[i] = make([]float64, c)
		}
		return a
	}
	st := &lbfgsb{n: n, m: m, lo: box.lo, up: box.up, nbd: make([]int, n),
		x: vec(), g: vec(), ws: mat(m, n), wy: mat(m, n),
		sy: mat(m, m), ss: mat(m, m), wt: mat(m, m), wn: mat(2*m, 2*m), wn1: mat(2*m, 2*m),
		z: vec(), r: vec(), d: vec(), t: vec(), xp: vec(),
		p: make([]float64, 2*m), c: make([]float64, 2*m), wbp: make([]float64, 2*m), v: make([]float64, 2*m),
		index: make([]int, n), indx2: make([]int, n), iwhere: make([]int, n), nfree: n, boxed: true}
	for i := range n {
		lower, upper := !math.IsInf(box.lo[i], -1), !math.IsInf(box.up[i], 1)
		switch {
		case lower && upper:
			st.nbd[i] = 2
		case lower:
			st.nbd[i] = 1
		case upper:
			st.nbd[i] = 3
		}
		if st.nbd[i] != 2 {
			st.boxed = false
		}
		switch {
		case st.nbd[i] == 0:
			st.iwhere[i] = -1
		case st.nbd[i] == 2 && box.up[i]-box.lo[i] <= 0:
			st.cnstnd = true
			st.iwhere[i] = 3 // fixed for good
		default:
			st.cnstnd = true
		}
	}
	st.reset()
	return st
}

// reset discards the correction pairs: B becomes the identity.
func (st *lbfgsb) reset() {
	st.col, st.head, st.theta, st.iupdat, st.updatd = 0, 0, 1, 0, false
}

// run is mainlb's loop, with scipy's driver around it: the iteration and
// evaluation limits are checked after each iteration, before the
// convergence tests.
func (st *lbfgsb) run(obj *consObjective, set *LBFGSBSettings) *Result {
	res := &Result{}
	finish := func(status Status, msg string) *Result {
		res.X, res.F, res.Grad = st.x, st.f, st.g
		res.Status, res.Success, res.Message = status, status == Success, msg
		if st.n <= lbfgsbDenseMax {
			res.HessInv = st.hessInv()
		}
		res.FuncEvals, res.GradEvals = obj.nfev, obj.ngev
		return res
	}
	record := func() {
		if set.KeepPath {
			res.Path = append(res.Path, append([]float64(nil), st.x...))
		}
	}
	record()
	st.f = obj.value(st.x)
	if msg := evalNotFinite(st.f, false); msg != "" {
		return finish(NotFinite, msg)
	}
	copy(st.g, obj.gradient(st.x))
	sbgnrm := st.projgr()
	if sbgnrm <= set.GTol {
		return finish(Success, MsgLBFGSBPGTol)
	}
	iter := 0
	for {
		var wrk bool
		if !st.cnstnd && st.col > 0 {
			// Unconstrained: the Cauchy point is x itself.
			copy(st.z, st.x)
			wrk = st.updatd
		} else {
			if !st.cauchy(sbgnrm) {
				st.reset()
				continue
			}
			wrk = st.freev(iter)
		}
		if st.nfree != 0 && st.col != 0 {
			if (wrk && !st.formk()) || !st.cmprlb() || !st.subsm() {
				st.reset()
				continue
			}
		}
		for i := range st.d {
			st.d[i] = st.z[i] - st.x[i]
		}
		out, stp, gd, gdold, dtd := st.lineSearch(obj, iter, set.MaxLineSearch)
		switch out {
		case lbfgsbNotFinite:
			msg := evalNotFinite(st.f, false)
			copy(st.x, st.t)
			copy(st.g, st.r)
			st.f = st.fold
			return finish(NotFinite, msg)
		case lbfgsbFailed:
			copy(st.x, st.t)
			copy(st.g, st.r)
			st.f = st.fold
			if st.col == 0 {
				return finish(LineSearchFailed, MsgLBFGSBAbnormal)
			}
			st.reset()
			continue
		}
		iter++
		sbgnrm = st.projgr()
		res.Iterations++
		record()
		if set.Callback != nil {
			set.Callback(append([]float64(nil), st.x...))
		}
		switch {
		case res.Iterations >= set.MaxIter:
			return finish(MaxIterations, MsgLBFGSBMaxIter)
		case obj.nfev > set.MaxFuncEvals:
			return finish(MaxFuncEvals, MsgLBFGSBMaxFun)
		case sbgnrm <= set.GTol:
			return finish(Success, MsgLBFGSBPGTol)
		}
		fold := st.fold
		if fold-st.f <= set.FTol*math.Max(math.Max(math.Abs(fold), math.Abs(st.f)), 1) {
			return finish(Success, MsgLBFGSBFactr)
		}
		// s = x_{k+1} - x_k = stp*d, y = g_{k+1} - g_k in r.
		for i := range st.r {
			st.r[i] = st.g[i] - st.r[i]
		}
		rr := vecDot(st.r, st.r)
		var dr, ddum float64
		if stp == 1 {
			dr = gd - gdold
			ddum = -gdold
		} else {
			dr = (gd - gdold) * stp
			for i := range st.d {
				st.d[i] *= stp
			}
			ddum = -gdold * stp
		}
		if dr <= consEps*ddum {
			// sᵀy is not safely positive: skip the update.
			st.updatd = false
			continue
		}
		st.updatd = true
		st.iupdat++
		st.matupd(rr, dr, stp, dtd)
		if !st.formt() {
			st.reset()
		}
	}
}

// Outcomes of lineSearch.
const (
	lbfgsbAccepted = iota
	lbfgsbFailed
	lbfgsbNotFinite
)

// lineSearch is lnsrlb: it searches from x along d with dcsrch, the
// step kept inside the box. On success x, f and g are the new point's
// and t, r, fold the old point's. It returns the outcome, the step, the
// directional derivatives at the new and the old point, and dᵀd.
func (st *lbfgsb) lineSearch(obj *consObjective, iter, maxls int) (out int, stp, gd, gdold, dtd float64) {
	const big = 1e10
	dtd = vecDot(st.d, st.d)
	dnorm := math.Sqrt(dtd)
	stpmx := big
	if st.cnstnd {
		if iter == 0 {
			stpmx = 1
		} else {
			for i, a1 := range st.d {
				if st.nbd[i] == 0 {
					continue
				}
				if a1 < 0 && st.nbd[i] <= 2 {
					a2 := st.lo[i] - st.x[i]
					if a2 >= 0 {
						stpmx = 0
					} else if a1*stpmx < a2 {
						stpmx = a2 / a1
					}
				} else if a1 > 0 && st.nbd[i] >= 2 {
					a2 := st.up[i] - st.x[i]
					if a2 <= 0 {
						stpmx = 0
					} else if a1*stpmx > a2 {
						stpmx = a2 / a1
					}
				}
			}
		}
	}
	stp = 1
	if iter == 0 && !st.boxed {
		stp = math.Min(1/dnorm, stpmx)
	}
	copy(st.t, st.x)
	copy(st.r, st.g)
	st.fold = st.f
	gd = vecDot(st.g, st.d)
	gdold = gd
	if gd >= 0 {
		// Not a descent direction: a line search is impossible.
		return lbfgsbFailed, stp, gd, gdold, dtd
	}
	ls := dcsrch{ftol: 1e-3, gtol: 0.9, xtol: 0.1, stpmin: 0, stpmax: stpmx}
	task := ls.start(stp, st.f, gd)
	for ifun := 1; task == dcsrchFG; ifun++ {
		if ifun-1 >= maxls {
			return lbfgsbFailed, stp, gd, gdold, dtd
		}
		if stp == 1 {
			copy(st.x, st.z)
		} else {
			for i := range st.x {
				st.x[i] = stp*st.d[i] + st.t[i]
			}
		}
		st.f = obj.value(st.x)
		if evalNotFinite(st.f, false) != "" {
			return lbfgsbNotFinite, stp, gd, gdold, dtd
		}
		copy(st.g, obj.gradient(st.x))
		gd = vecDot(st.g, st.d)
		stp, task = ls.iterate(stp, st.f, gd)
	}
	if task == dcsrchError {
		return lbfgsbFailed, stp, gd, gdold, dtd
	}
	return lbfgsbAccepted, stp, gd, gdold, dtd
}

// projgr returns the infinity norm of the projected gradient.
func (st *lbfgsb) projgr() float64 {
	norm := 0.0
	for i, gi := range st.g {
		if st.nbd[i] != 0 {
			if gi < 0 {
				if st.nbd[i] >= 2 {
					gi = math.Max(st.x[i]-st.up[i], gi)
				}
			} else if st.nbd[i] <= 2 {
				gi = math.Min(st.x[i]-st.lo[i], gi)
			}
		}
		norm = math.Max(norm, math.Abs(gi))
	}
	return norm
}

// cauchy computes the generalized Cauchy point into z: the first local
// minimizer of the model along the path P(x - tg), found by visiting the
// breakpoints in order (a heap, since usually few are passed), as in §4
// of Byrd et al. It leaves c = Wᵀ(z - x) and marks in iwhere the
// variables at bounds. It reports false when the middle matrix is
// singular.
func (st *lbfgsb) cauchy(sbgnrm float64) bool {
	n, m, col, theta := st.n, st.m, st.col, st.theta
	x, l, u, g, nbd := st.x, st.lo, st.up, st.g, st.nbd
	iorder, iwhere, t, d, xcp := st.indx2, st.iwhere, st.t, st.d, st.z
	p, c, wbp, v := st.p, st.c, st.wbp, st.v
	if sbgnrm <= 0 {
		copy(xcp, x)
		return true
	}
	bnded := true
	nfree := n // the variables without breakpoints are iorder[nfree:]
	nbreak, ibkmin := 0, 0
	bkmin := 0.0
	col2 := 2 * col
	f1 := 0.0
	for i := range col2 {
		p[i] = 0
	}
	var tl, tu float64
	for i := range n {
		neggi := -g[i]
		if iwhere[i] != 3 && iwhere[i] != -1 {
			if nbd[i] <= 2 {
				tl = x[i] - l[i]
			}
			if nbd[i] >= 2 {
				tu = u[i] - x[i]
			}
			xlower := nbd[i] <= 2 && tl <= 0
			xupper := nbd[i] >= 2 && tu <= 0
			iwhere[i] = 0
			switch {
			case xlower:
				if neggi <= 0 {
					iwhere[i] = 1
				}
			case xupper:
				if neggi >= 0 {
					iwhere[i] = 2
				}
			case math.Abs(neggi) <= 0:
				iwhere[i] = -3
			}
		}
		if iwhere[i] != 0 && iwhere[i] != -1 {
			d[i] = 0
			continue
		}
		d[i] = neggi
		f1 -= neggi * neggi
		pointr := st.head
		for j := range col {
			p[j] += st.wy[pointr][i] * neggi
			p[col+j] += st.ws[pointr][i] * neggi
			pointr = (pointr + 1) % m
		}
		switch {
		case nbd[i] <= 2 && nbd[i] != 0 && neggi < 0:
			iorder[nbreak] = i
			t[nbreak] = tl / (-neggi)
			if nbreak == 0 || t[nbreak] < bkmin {
				bkmin, ibkmin = t[nbreak], nbreak
			}
			nbreak++
		case nbd[i] >= 2 && neggi > 0:
			iorder[nbreak] = i
			t[nbreak] = tu / neggi
			if nbreak == 0 || t[nbreak] < bkmin {
				bkmin, ibkmin = t[nbreak], nbreak
			}
			nbreak++
		default:
			nfree--
			iorder[nfree] = i
			if math.Abs(neggi) > 0 {
				bnded = false
			}
		}
	}
	if theta != 1 {
		for j := range col {
			p[col+j] *= theta
		}
	}
	copy(xcp, x)
	if nbreak == 0 && nfree == n {
		return true // d = 0
	}
	for j := range col2 {
		c[j] = 0
	}
	f2 := -theta * f1
	f2org := f2
	if col > 0 {
		if !st.bmv(p, v) {
			return false
		}
		f2 -= vecDot(v[:col2], p[:col2])
	}
	dtm := -f1 / f2
	tsum := 0.0
	allFixed := false
	if nbreak > 0 {
		nleft := nbreak
		tj := 0.0
		for it := 1; ; {
			tj0 := tj
			var ibp int
			if it == 1 {
				// The smallest breakpoint is known; often it is the
				// only one passed, and the heap is never built.
				tj, ibp = bkmin, iorder[ibkmin]
			} else {
				if it == 2 && ibkmin != nbreak-1 {
					t[ibkmin] = t[nbreak-1]
					iorder[ibkmin] = iorder[nbreak-1]
				}
				lbfgsbHeapPop(t[:nleft], iorder[:nleft], it == 2)
				tj, ibp = t[nleft-1], iorder[nleft-1]
			}
			dt := tj - tj0
			if dtm < dt {
				break // the minimizer is in this segment
			}
			tsum += dt
			nleft--
			it++
			dibp := d[ibp]
			d[ibp] = 0
			var zibp float64
			if dibp > 0 {
				zibp = u[ibp] - x[ibp]
				xcp[ibp] = u[ibp]
				iwhere[ibp] = 2
			} else {
				zibp = l[ibp] - x[ibp]
				xcp[ibp] = l[ibp]
				iwhere[ibp] = 1
			}
			if nleft == 0 && nbreak == n {
				dtm = dt
				allFixed = true
				break
			}
			dibp2 := dibp * dibp
			f1 = f1 + dt*f2 + dibp2 - theta*dibp*zibp
			f2 -= theta * dibp2
			if col > 0 {
				lbfgsbAxpy(dt, p[:col2], c[:col2])
				pointr := st.head
				for j := range col {
					wbp[j] = st.wy[pointr][ibp]
					wbp[col+j] = theta * st.ws[pointr][ibp]
					pointr = (pointr + 1) % m
				}
				if !st.bmv(wbp, v) {
					return false
				}
				wmc := vecDot(c[:col2], v[:col2])
				wmp := vecDot(p[:col2], v[:col2])
				wmw := vecDot(wbp[:col2], v[:col2])
				lbfgsbAxpy(-dibp, wbp[:col2], p[:col2])
				f1 += dibp * wmc
				f2 += 2*dibp*wmp - dibp2*wmw
			}
			f2 = math.Max(consEps*f2org, f2)
			if nleft > 0 {
				dtm = -f1 / f2
				continue
			}
			if bnded {
				f1, f2, dtm = 0, 0, 0
			} else {
				dtm = -f1 / f2
			}
			break
		}
	}
	if !allFixed {
		if dtm <= 0 {
			dtm = 0
		}
		tsum += dtm
		lbfgsbAxpy(tsum, d, xcp)
	}
	if col > 0 {
		lbfgsbAxpy(dtm, p[:col2], c[:col2])
	}
	return true
}

// lbfgsbHeapPop moves the least element of t (and its index in iorder)
// to the end and leaves the rest a heap; build says t is not yet a heap
// (hpsolb, after Williams' Algorithm 232, CACM 1964).
func lbfgsbHeapPop(t []float64, iorder []int, build bool) {
	n := len(t)
	if build {
		for k := 2; k <= n; k++ {
			ddum, indxin := t[k-1], iorder[k-1]
			i := k
			for i > 1 {
				j := i / 2
				if !(ddum < t[j-1]) {
					break
				}
				t[i-1], iorder[i-1] = t[j-1], iorder[j-1]
				i = j
			}
			t[i-1], iorder[i-1] = ddum, indxin
		}
	}
	if n <= 1 {
		return
	}
	out, indxou := t[0], iorder[0]
	ddum, indxin := t[n-1], iorder[n-1]
	i := 1
	for {
		j := i + i
		if j > n-1 {
			break
		}
		if t[j] < t[j-1] {
			j++
		}
		if !(t[j-1] < ddum) {
			break
		}
		t[i-1], iorder[i-1] = t[j-1], iorder[j-1]
		i = j
	}
	t[i-1], iorder[i-1] = ddum, indxin
	t[n-1], iorder[n-1] = out, indxou
}

// freev finds the free variables at the Cauchy point, index[:nfree], and
// the active ones, index[nfree:]; after the first iteration it lists in
// indx2 those that entered (indx2[:nenter]) and left (indx2[ileave:]) the
// free set. It reports whether the matrix K must be formed anew.
func (st *lbfgsb) freev(iter int) bool {
	n := st.n
	st.nenter, st.ileave = 0, n
	if iter > 0 && st.cnstnd {
		for _, k := range st.index[:st.nfree] {
			if st.iwhere[k] > 0 {
				st.ileave--
				st.indx2[st.ileave] = k
			}
		}
		for _, k := range st.index[st.nfree:] {
			if st.iwhere[k] <= 0 {
				st.indx2[st.nenter] = k
				st.nenter++
			}
		}
	}
	wrk := st.ileave < n || st.nenter > 0 || st.updatd
	nfree, iact := 0, n
	for i := range n {
		if st.iwhere[i] <= 0 {
			st.index[nfree] = i
			nfree++
		} else {
			iact--
			st.index[iact] = i
		}
	}
	st.nfree = nfree
	return wrk
}

// bmv computes p = M v for the 2col×2col middle matrix M of the compact
// representation, using the Cholesky factor J of θSᵀS + LD⁻¹Lᵀ in wt.
// It reports false if a triangular system is singular.
func (st *lbfgsb) bmv(v, p []float64) bool {
	col, sy := st.col, st.sy
	if col == 0 {
		return true
	}
	// Solve [D^½ 0; -LD^-½ J][p1; p2] = [v1; v2].
	p[col] = v[col]
	for i := 1; i < col; i++ {
		sum := 0.0
		for k := range i {
			sum += sy[i][k] * v[k] / sy[k][k]
		}
		p[col+i] = v[col+i] + sum
	}
	if !lbfgsbTrsl(st.wt, 0, col, p[col:], true) {
		return false
	}
	for i := range col {
		p[i] = v[i] / math.Sqrt(sy[i][i])
	}
	// Solve [-D^½ D^-½Lᵀ; 0 Jᵀ][p1; p2] = [p1; p2].
	if !lbfgsbTrsl(st.wt, 0, col, p[col:], false) {
		return false
	}
	for i := range col {
		p[i] = -p[i] / math.Sqrt(sy[i][i])
	}
	for i := range col {
		sum := 0.0
		for k := i + 1; k < col; k++ {
			sum += sy[k][i] * p[col+k] / sy[i][i]
		}
		p[i] += sum
	}
	return true
}

// cmprlb computes the reduced gradient r = -Zᵀ(B(z - x) + g) over the
// free variables, from c = Wᵀ(z - x) left by cauchy.
func (st *lbfgsb) cmprlb() bool {
	if !st.cnstnd && st.col > 0 {
		for i, gi := range st.g {
			st.r[i] = -gi
		}
		return true
	}
	theta, col := st.theta, st.col
	for i, k := range st.index[:st.nfree] {
		st.r[i] = -theta*(st.z[k]-st.x[k]) - st.g[k]
	}
	if !st.bmv(st.c, st.p) {
		return false
	}
	pointr := st.head
	for j := range col {
		a1, a2 := st.p[j], theta*st.p[col+j]
		for i, k := range st.index[:st.nfree] {
			st.r[i] += st.wy[pointr][k]*a1 + st.ws[pointr][k]*a2
		}
		pointr = (pointr + 1) % st.m
	}
	return true
}

// formk forms and factors the 2col×2col matrix
//
//	K = [-D - YᵀZZᵀY/θ   L_aᵀ - R_zᵀ]
//	    [L_a - R_z        θSᵀAAᵀS   ]
//
// of the subspace minimization (Z the free, A the active variables),
// updating the inner products in wn1 for the variables that entered or
// left the free set instead of recomputing them.
func (st *lbfgsb) formk() bool {
	n, m, col, head, theta := st.n, st.m, st.col, st.head, st.theta
	wn, wn1, ws, wy, ind := st.wn, st.wn1, st.ws, st.wy, st.index
	nsub := st.nfree
	upcl := col
	if st.updatd {
		if st.iupdat > m {
			// Shift the old part of wn1 by one pair.
			for jy := 0; jy < m-1; jy++ {
				js := m + jy
				for k := 0; k < m-jy-1; k++ {
					wn1[jy+k][jy] = wn1[jy+1+k][jy+1]
					wn1[js+k][js] = wn1[js+1+k][js+1]
				}
				for k := 0; k < m-1; k++ {
					wn1[m+k][jy] = wn1[m+1+k][jy+1]
				}
			}
		}
		// The new rows of blocks (1,1), (2,1) and (2,2).
		iy, is := col-1, m+col-1
		ipntr, jpntr := (head+col-1)%m, head
		for jy := range col {
			var t1, t2, t3 float64
			for _, k1 := range ind[:nsub] {
				t1 += wy[ipntr][k1] * wy[jpntr][k1]
			}
			for _, k1 := range ind[nsub:n] {
				t2 += ws[ipntr][k1] * ws[jpntr][k1]
				t3 += ws[ipntr][k1] * wy[jpntr][k1]
			}
			wn1[iy][jy], wn1[is][m+jy], wn1[is][jy] = t1, t2, t3
			jpntr = (jpntr + 1) % m
		}
		// The new column of block (2,1).
		jy := col - 1
		jpntr, ipntr = (head+col-1)%m, head
		for i := range col {
			t3 := 0.0
			for _, k1 := range ind[:nsub] {
				t3 += ws[ipntr][k1] * wy[jpntr][k1]
			}
			ipntr = (ipntr + 1) % m
			wn1[m+i][jy] = t3
		}
		upcl = col - 1
	}
	enter, leave := st.indx2[:st.nenter], st.indx2[st.ileave:n]
	// Correct the old parts of blocks (1,1) and (2,2) for the changes of
	// the free set.
	ipntr := head
	for iy := range upcl {
		is := m + iy
		jpntr := head
		for jy := 0; jy <= iy; jy++ {
			var t1, t2, t3, t4 float64
			for _, k1 := range enter {
				t1 += wy[ipntr][k1] * wy[jpntr][k1]
				t2 += ws[ipntr][k1] * ws[jpntr][k1]
			}
			for _, k1 := range leave {
				t3 += wy[ipntr][k1] * wy[jpntr][k1]
				t4 += ws[ipntr][k1] * ws[jpntr][k1]
			}
			wn1[iy][jy] = wn1[iy][jy] + t1 - t3
			wn1[is][m+jy] = wn1[is][m+jy] - t2 + t4
			jpntr = (jpntr + 1) % m
		}
		ipntr = (ipntr + 1) % m
	}
	// And of block (2,1).
	ipntr = head
	for is := m; is < m+upcl; is++ {
		jpntr := head
		for jy := range upcl {
			var t1, t3 float64
			for _, k1 := range enter {
				t1 += ws[ipntr][k1] * wy[jpntr][k1]
			}
			for _, k1 := range leave {
				t3 += ws[ipntr][k1] * wy[jpntr][k1]
			}
			if is <= jy+m {
				wn1[is][jy] = wn1[is][jy] + t1 - t3
			} else {
				wn1[is][jy] = wn1[is][jy] - t1 + t3
			}
			jpntr = (jpntr + 1) % m
		}
		ipntr = (ipntr + 1) % m
	}
	// The upper triangle of [D + YᵀZZᵀY/θ, -L_aᵀ + R_zᵀ; ., θSᵀAAᵀS].
	for iy := range col {
		is, is1 := col+iy, m+iy
		for jy := 0; jy <= iy; jy++ {
			wn[jy][iy] = wn1[iy][jy] / theta
			wn[col+jy][is] = wn1[is1][m+jy] * theta
		}
		for jy := 0; jy < iy; jy++ {
			wn[jy][is] = -wn1[is1][jy]
		}
		for jy := iy; jy < col; jy++ {
			wn[jy][is] = wn1[is1][jy]
		}
		wn[iy][iy] += st.sy[iy][iy]
	}
	// Factor the (1,1) block as LLᵀ, form L⁻¹(-L_aᵀ + R_zᵀ) in the (1,2)
	// block, add its Gram matrix to the (2,2) block and factor that.
	if !lbfgsbPofa(wn, 0, col) {
		return false
	}
	col2 := 2 * col
	tmp := st.wbp[:col]
	for js := col; js < col2; js++ {
		for i := range col {
			tmp[i] = wn[i][js]
		}
		lbfgsbTrsl(wn, 0, col, tmp, true)
		for i := range col {
			wn[i][js] = tmp[i]
		}
	}
	for is := col; is < col2; is++ {
		for js := is; js < col2; js++ {
			sum := 0.0
			for k := range col {
				sum += wn[k][is] * wn[k][js]
			}
			wn[is][js] += sum
		}
	}
	return lbfgsbPofa(wn, col, col)
}

// formt forms T = θSᵀS + LD⁻¹Lᵀ in the upper triangle of wt and factors
// it as JJᵀ, Jᵀ in the upper triangle.
func (st *lbfgsb) formt() bool {
	col, theta, sy, ss, wt := st.col, st.theta, st.sy, st.ss, st.wt
	for j := range col {
		wt[0][j] = theta * ss[0][j]
	}
	for i := 1; i < col; i++ {
		for j := i; j < col; j++ {
			ddum := 0.0
			for k := range i {
				ddum += sy[i][k] * sy[j][k] / sy[k][k]
			}
			wt[i][j] = ddum + theta*ss[i][j]
		}
	}
	return lbfgsbPofa(wt, 0, col)
}

// lbfgsbDenseMax is the largest n for which L-BFGS-B's result carries
// its inverse Hessian as a dense matrix.
const lbfgsbDenseMax = 1000

// hessInv is scipy's LbfgsInvHessProduct of the stored corrections as a
// dense matrix: the two-loop recursion (J. Nocedal, Mathematics of
// Computation 35, 1980, §4) with H₀ = I applied to each unit vector, over
// the first min(updates, m) storage slots in storage order, as scipy
// reads them from the workspace.
func (st *lbfgsb) hessInv() [][]float64 {
	n, k := st.n, min(st.iupdat, st.m)
	rho := make([]float64, k)
	for i := range k {
		rho[i] = 1 / vecDot(st.ws[i], st.wy[i])
	}
	h := make([][]float64, n)
	alpha := make([]float64, k)
	q := make([]float64, n)
	for c := range n {
		for i := range q {
			q[i] = 0
		}
		q[c] = 1
		for i := k - 1; i >= 0; i-- {
			alpha[i] = rho[i] * vecDot(st.ws[i], q)
			for j := range q {
				q[j] -= alpha[i] * st.wy[i][j]
			}
		}
		for i := range k {
			beta := rho[i] * vecDot(st.wy[i], q)
			for j := range q {
				q[j] += st.ws[i][j] * (alpha[i] - beta)
			}
		}
		h[c] = append([]float64(nil), q...)
	}
	// Column c of H is q; H is symmetric, so the rows are the columns.
	return h
}

// matupd stores the new pair s = d (already scaled by the step), y = r,
// sets θ = yᵀy/sᵀy and updates SᵀY and SᵀS.
func (st *lbfgsb) matupd(rr, dr, stp, dtd float64) {
	m := st.m
	if st.iupdat <= m {
		st.col = st.iupdat
		st.itail = (st.head + st.iupdat - 1) % m
	} else {
		st.itail = (st.itail + 1) % m
		st.head = (st.head + 1) % m
	}
	col, ss, sy := st.col, st.ss, st.sy
	copy(st.ws[st.itail], st.d)
	copy(st.wy[st.itail], st.r)
	st.theta = rr / dr
	if st.iupdat > m {
		for j := 0; j < col-1; j++ {
			for i := 0; i <= j; i++ {
				ss[i][j] = ss[i+1][j+1]
			}
			for i := j; i < col-1; i++ {
				sy[i][j] = sy[i+1][j+1]
			}
		}
	}
	pointr := st.head
	for j := 0; j < col-1; j++ {
		sy[col-1][j] = vecDot(st.d, st.wy[pointr])
		ss[j][col-1] = vecDot(st.ws[pointr], st.d)
		pointr = (pointr + 1) % m
	}
	if stp == 1 {
		ss[col-1][col-1] = dtd
	} else {
		ss[col-1][col-1] = stp * stp * dtd
	}
	sy[col-1][col-1] = dr
}

// subsm minimizes the model over the free variables from the Cauchy
// point z: the Newton step d = (1/θ)r + (1/θ²)ZᵀWK⁻¹WᵀZr, projected into
// the box; if the projection is not a descent direction from x it falls
// back to the longest feasible step along d (Morales and Nocedal 2011).
func (st *lbfgsb) subsm() bool {
	nsub := st.nfree
	if nsub <= 0 {
		return true
	}
	m, col, theta := st.m, st.col, st.theta
	ind, d, x, l, u, nbd := st.index, st.r, st.z, st.lo, st.up, st.nbd
	wv := st.p
	pointr := st.head
	for i := range col {
		var t1, t2 float64
		for j, k := range ind[:nsub] {
			t1 += st.wy[pointr][k] * d[j]
			t2 += st.ws[pointr][k] * d[j]
		}
		wv[i], wv[col+i] = t1, theta*t2
		pointr = (pointr + 1) % m
	}
	col2 := 2 * col
	if !lbfgsbTrsl(st.wn, 0, col2, wv[:col2], true) {
		return false
	}
	for i := range col {
		wv[i] = -wv[i]
	}
	if !lbfgsbTrsl(st.wn, 0, col2, wv[:col2], false) {
		return false
	}
	pointr = st.head
	for jy := range col {
		for i, k := range ind[:nsub] {
			d[i] += st.wy[pointr][k]*wv[jy]/theta + st.ws[pointr][k]*wv[col+jy]
		}
		pointr = (pointr + 1) % m
	}
	rtheta := 1 / theta
	for i := range nsub {
		d[i] *= rtheta
	}
	// Project the Newton point into the box.
	atBound := false
	copy(st.xp, x)
	for i, k := range ind[:nsub] {
		xk, dk := x[k], d[i]
		switch nbd[k] {
		case 0:
			x[k] = xk + dk
		case 1:
			x[k] = math.Max(l[k], xk+dk)
			atBound = atBound || x[k] == l[k]
		case 2:
			x[k] = math.Min(u[k], math.Max(l[k], xk+dk))
			atBound = atBound || x[k] == l[k] || x[k] == u[k]
		case 3:
			x[k] = math.Min(u[k], xk+dk)
			atBound = atBound || x[k] == u[k]
		}
	}
	if !atBound {
		return true
	}
	ddp := 0.0
	for i := range x {
		ddp += (x[i] - st.x[i]) * st.g[i]
	}
	if ddp <= 0 {
		return true
	}
	// The projection points uphill: take the longest feasible step along
	// the Newton direction from the Cauchy point instead.
	copy(x, st.xp)
	alpha, temp1, ibd := 1.0, 1.0, 0
	for i, k := range ind[:nsub] {
		dk := d[i]
		if nbd[k] == 0 {
			continue
		}
		if dk < 0 && nbd[k] <= 2 {
			temp2 := l[k] - x[k]
			if temp2 >= 0 {
				temp1 = 0
			} else if dk*alpha < temp2 {
				temp1 = temp2 / dk
			}
		} else if dk > 0 && nbd[k] >= 2 {
			temp2 := u[k] - x[k]
			if temp2 <= 0 {
				temp1 = 0
			} else if dk*alpha > temp2 {
				temp1 = temp2 / dk
			}
		}
		if temp1 < alpha {
			alpha, ibd = temp1, i
		}
	}
	if alpha < 1 {
		dk, k := d[ibd], ind[ibd]
		if dk > 0 {
			x[k] = u[k]
			d[ibd] = 0
		} else if dk < 0 {
			x[k] = l[k]
			d[ibd] = 0
		}
	}
	for i, k := range ind[:nsub] {
		x[k] += alpha * d[i]
	}
	return true
}

// lbfgsbPofa factors the symmetric positive definite n×n block of a at
// (o, o), upper triangle given, as RᵀR with R in the upper triangle
// (LINPACK's dpofa). It reports false if the block is not positive
// definite.
func lbfgsbPofa(a [][]float64, o, n int) bool {
	for j := range n {
		s := 0.0
		for k := range j {
			t := a[o+k][o+j]
			for i := range k {
				t -= a[o+i][o+k] * a[o+i][o+j]
			}
			t /= a[o+k][o+k]
			a[o+k][o+j] = t
			s += t * t
		}
		s = a[o+j][o+j] - s
		if s <= 0 {
			return false
		}
		a[o+j][o+j] = math.Sqrt(s)
	}
	return true
}

// lbfgsbTrsl solves Tᵀx = b (trans) or Tx = b for the upper triangular
// n×n block T of t at (o, o), overwriting b (LINPACK's dtrsl, jobs 11 and
// 01). It reports false if T has a zero on its diagonal.
func lbfgsbTrsl(t [][]float64, o, n int, b []float64, trans bool) bool {
	for i := range n {
		if t[o+i][o+i] == 0 {
			return false
		}
	}
	if trans {
		b[0] /= t[o][o]
		for j := 1; j < n; j++ {
			sum := 0.0
			for k := range j {
				sum += t[o+k][o+j] * b[k]
			}
			b[j] = (b[j] - sum) / t[o+j][o+j]
		}
		return true
	}
	b[n-1] /= t[o+n-1][o+n-1]
	for j := n - 2; j >= 0; j-- {
		temp := -b[j+1]
		for i := 0; i <= j; i++ {
			b[i] += temp * t[o+i][o+j+1]
		}
		b[j] /= t[o+j][o+j]
	}
	return true
}

// lbfgsbAxpy sets y += a*x.
func lbfgsbAxpy(a float64, x, y []float64) {
	for i, xi := range x {
		y[i] += a * xi
	}
}
