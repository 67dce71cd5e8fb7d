package roots

import (
	"errors"
	"math"

	"calc/stdlib/minpack"
)

// InnerMethod selects the Krylov solver of Krylov's linear systems.
type InnerMethod int

// The inner solvers of Krylov.
const (
	// LGMRES is GMRES augmented with the last OuterK outer corrections
	// (A. H. Baker, E. R. Jessup and T. Manteuffel, "A technique for
	// accelerating the convergence of restarted GMRES", SIAM J. Matrix
	// Anal. Appl. 26 (2005) 962–984), scipy's default: 30 inner steps,
	// one outer iteration, the corrections kept across Newton steps.
	LGMRES InnerMethod = iota
	// GMRES is restarted GMRES (Y. Saad and M. H. Schultz, SIAM J. Sci.
	// Stat. Comput. 7 (1986) 856–869) with min(InnerMaxIter, n) steps
	// and one restart cycle.
	GMRES
)

// KrylovSettings are the settings of Krylov.
type KrylovSettings struct {
	NonlinSettings
	// Method is the inner solver: LGMRES (the zero value) or GMRES.
	Method InnerMethod
	// RDiff is the relative step of the Jacobian-vector products; zero
	// means scipy's sqrt(eps).
	RDiff float64
	// InnerMaxIter is GMRES's restart length; zero means scipy's 20.
	InnerMaxIter int
	// OuterK is the number of LGMRES corrections kept; zero means
	// scipy's 10.
	OuterK int
}

// Krylov solves F(x) = 0 by an inexact Newton–Krylov method (D. A. Knoll
// and D. E. Keyes, "Jacobian-free Newton–Krylov methods", J. Comput.
// Phys. 193 (2004) 357–397): each Newton system J dx = -F is solved by
// LGMRES or GMRES to the forcing tolerance η of nonlin_solve, with the
// products Jv approximated by the forward difference
// (F(x + ωv/‖v‖) - F(x))·‖v‖/ω, ω = RDiff·max(1, ‖x‖∞)/max(1, ‖F‖∞),
// one call of F each, so the Jacobian is never formed. It follows scipy's
// newton_krylov and root(method='krylov') without preconditioner. Results
// and errors are as for Broyden1, and a non-finite product is an error,
// as in scipy.
func Krylov(f func(x, fx []float64), x0 []float64, s *KrylovSettings) (*SystemResult, error) {
	var ns *NonlinSettings
	k := &krylovJac{rdiff: math.Sqrt(eps), innerMaxIter: 20, outerK: 10}
	if s != nil {
		ns = &s.NonlinSettings
		k.method = s.Method
		if s.RDiff != 0 {
			k.rdiff = s.RDiff
		}
		if s.InnerMaxIter != 0 {
			k.innerMaxIter = s.InnerMaxIter
		}
		if s.OuterK != 0 {
			k.outerK = s.OuterK
		}
	}
	if k.method != LGMRES && k.method != GMRES || k.innerMaxIter < 1 || k.outerK < 0 || !(k.rdiff > 0) {
		return nil, errors.New("invalid Krylov settings")
	}
	return nonlinSolve(f, x0, k, ns)
}

// krylovJac is scipy's KrylovJacobian.
type krylovJac struct {
	method       InnerMethod
	rdiff        float64
	innerMaxIter int
	outerK       int
	fn           *nonlinFunc
	x0, f0       []float64
	omega        float64
	outer        [][]float64 // LGMRES's augmentation vectors
}

func (k *krylovJac) setup(x, fx []float64, fn *nonlinFunc) {
	k.fn = fn
	k.update(x, fx)
}

func (k *krylovJac) update(x, fx []float64) {
	k.x0, k.f0 = x, fx
	k.omega = k.rdiff * math.Max(1, maxNorm(x)) / math.Max(1, maxNorm(fx))
}

// matvec approximates J·v by a forward difference.
func (k *krylovJac) matvec(v []float64) ([]float64, error) {
	nv := minpack.Enorm(v)
	r := make([]float64, len(v))
	if nv == 0 {
		return r, nil
	}
	sc := k.omega / nv
	fx := k.fn.eval(axpy(sc, v, k.x0))
	for i := range r {
		r[i] = (fx[i] - k.f0[i]) / sc
		if !ok(r[i]) {
			return nil, errors.New("Function returned non-finite results")
		}
	}
	return r, nil
}

func (k *krylovJac) solve(rhs []float64, tol float64) ([]float64, error) {
	bnorm := minpack.Enorm(rhs)
	if bnorm == 0 {
		return rhs, nil
	}
	// From x = 0 the residual is -rhs and needs no product.
	v0 := make([]float64, len(rhs))
	for i := range rhs {
		v0[i] = rhs[i] / bnorm
	}
	if k.method == GMRES {
		m := min(k.innerMaxIter, len(rhs))
		dx, err := k.fgmres(v0, m, tol, nil)
		if err != nil {
			return nil, err
		}
		scale(dx, bnorm)
		// scipy 1.10's GMRES checks the true residual at the end of its
		// cycle, which costs one more product.
		if _, err := k.matvec(dx); err != nil {
			return nil, err
		}
		return dx, nil
	}
	dx, err := k.fgmres(v0, 30, math.Min(1, tol), k.outer)
	if err != nil {
		return nil, err
	}
	scale(dx, bnorm)
	if nx := minpack.Enorm(dx); nx > 0 {
		z := append([]float64(nil), dx...)
		scale(z, 1/nx)
		k.outer = append(k.outer, z)
		for len(k.outer) > k.outerK {
			k.outer = k.outer[1:]
		}
	}
	return dx, nil
}

func scale(v []float64, a float64) {
	for i := range v {
		v[i] *= a
	}
}

// fgmres is the flexible GMRES Arnoldi process of scipy's _fgmres with the
// augmentation vectors outer prepended (LGMRES): it builds A Z = V H from
// the unit vector v0, up to m + len(outer) steps, stopping once the
// least-squares residual ‖H y - e1‖ is below atol or the Krylov space is
// exhausted, and returns Z y. The Hessenberg matrix is reduced by Givens
// rotations as it grows.
func (k *krylovJac) fgmres(v0 []float64, m int, atol float64, outer [][]float64) ([]float64, error) {
	m += len(outer)
	vs := [][]float64{v0}
	var zs [][]float64
	// R holds the rotated columns of H; g = Qᵀe1.
	r := make([][]float64, 0, m)
	cs, sn := make([]float64, 0, m), make([]float64, 0, m)
	g := []float64{1}
	for j := 0; j < m; j++ {
		var z []float64
		switch {
		case j < len(outer):
			z = outer[j]
		case j == len(outer):
			z = v0
		default:
			z = vs[len(vs)-1]
		}
		w, err := k.matvec(z)
		if err != nil {
			return nil, err
		}
		wnorm := minpack.Enorm(w)
		h := make([]float64, j+2)
		for i, v := range vs {
			h[i] = dot(v, w)
			for l := range w {
				w[l] -= h[i] * v[l]
			}
		}
		h[j+1] = minpack.Enorm(w)
		if a := 1 / h[j+1]; !math.IsInf(a, 0) && !math.IsNaN(a) {
			scale(w, a)
		}
		breakdown := !(h[j+1] > eps*wnorm)
		vs = append(vs, w)
		zs = append(zs, z)

		// Apply the previous rotations to the new column and a new
		// rotation eliminating h[j+1].
		for i := 0; i < j; i++ {
			h[i], h[i+1] = cs[i]*h[i]+sn[i]*h[i+1], -sn[i]*h[i]+cs[i]*h[i+1]
		}
		rho := math.Hypot(h[j], h[j+1])
		c, s := 1.0, 0.0
		if rho != 0 {
			c, s = h[j]/rho, h[j+1]/rho
		}
		h[j] = rho
		cs, sn = append(cs, c), append(sn, s)
		g = append(g, -s*g[j])
		g[j] *= c
		r = append(r, h[:j+1])
		if math.Abs(g[j+1]) < atol || breakdown {
			break
		}
	}
	// Back substitution for y, then Z y.
	n := len(r)
	y := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		sum := g[i]
		for l := i + 1; l < n; l++ {
			sum -= r[l][i] * y[l]
		}
		if r[i][i] != 0 {
			y[i] = sum / r[i][i]
		}
	}
	dx := make([]float64, len(v0))
	for i, z := range zs {
		for l := range dx {
			dx[l] += y[i] * z[l]
		}
	}
	for _, v := range dx {
		if !ok(v) {
			return nil, errors.New("Function returned non-finite results")
		}
	}
	return dx, nil
}
