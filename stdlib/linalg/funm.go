package linalg

import (
	"errors"
	"math"
	"math/cmplx"

	"calc/stdlib/array"
)

// ErrNoMatrixFunction reports a matrix outside the domain of a matrix
// function: a singular matrix for logm, or one whose zero eigenvalue is
// not semisimple for sqrtm.
var ErrNoMatrixFunction = errors.New("singular matrix: the function has no principal value at it")

// Sqrtm returns the principal square root X of the square matrix a, the
// X with X·X = a whose eigenvalues have positive real parts, as
// scipy.linalg.sqrtm: from the Schur form a = Z·T·Zᴴ (complex when a
// has complex eigenvalues, by scipy's rsf2csf), the upper triangular
// R with R·R = T by the Björck–Hammarling recurrence
//
//	R[i,i] = √T[i,i],  R[i,j] = (T[i,j] − Σₖ R[i,k]·R[k,j]) / (R[i,i] + R[j,j]),
//
// then X = Z·R·Zᴴ. Like scipy, it answers with real numbers (re, with im
// nil) when the Schur form is triangular with a non-negative diagonal,
// and with complex ones otherwise. It costs O(n³) and works on
// non-normal and defective matrices; a singular matrix whose zero
// eigenvalue is defective has no square root (ErrNoMatrixFunction).
func Sqrtm(a *array.Array) (re, im *array.Array, err error) {
	s, err := complexSchur("sqrtm", a)
	if err != nil {
		return nil, nil, err
	}
	r, ok := sqrtTriangular(s.t, s.n)
	if !ok {
		return nil, nil, fail("sqrtm", ErrNoMatrixFunction)
	}
	re, im = s.back(r, s.realNonNegative())
	return re, im, nil
}

// Logm returns the principal logarithm X of the square matrix a, the X
// with e^X = a whose eigenvalues have imaginary parts in (−π, π], as
// scipy.linalg.logm: on the complex Schur form T it takes square roots
// (sqrtTriangular) s times until ‖T^(1/2^s) − I‖₁ ≤ 0.25, evaluates the
// [7/7] Padé approximant of log(I + X) there as the Gauss–Legendre sum
// Σⱼ wⱼ·X·(I + xⱼX)⁻¹ (which is exact to double precision for ‖X‖ ≤
// 0.264: Higham, "Evaluating Padé approximants of the matrix logarithm",
// SIAM J. Matrix Anal. Appl. 22 (2001)), multiplies by 2^s and transforms
// back. The result is real when every imaginary part is below 2.2e-10,
// as scipy rounds it; a singular matrix has no logarithm
// (ErrNoMatrixFunction). It costs O(n³) per square root and Padé term.
func Logm(a *array.Array) (re, im *array.Array, err error) {
	s, err := complexSchur("logm", a)
	if err != nil {
		return nil, nil, err
	}
	n := s.n
	for i := range n {
		if s.t[i*n+i] == 0 {
			return nil, nil, fail("logm", ErrNoMatrixFunction)
		}
	}
	t := s.t
	squarings := 0
	for ; oneNormMinusIdentity(t, n) > 0.25 && squarings < 64; squarings++ {
		t, _ = sqrtTriangular(t, n)
	}
	x := append([]complex128(nil), t...)
	for i := range n {
		x[i*n+i]--
	}
	log := padeLog(x, n)
	scale := complex(math.Ldexp(1, squarings), 0)
	for k := range log {
		log[k] *= scale
	}
	re, im = s.back(log, false)
	for _, v := range im.Floats() {
		if math.Abs(v) > 1e6*eps {
			return re, im, nil
		}
	}
	return re, nil, nil
}

// schurForm is a = Z·T·Zᴴ with T upper triangular, both n×n row-major;
// triangular tells whether the real Schur form already was (all
// eigenvalues real).
type schurForm struct {
	n          int
	t, z       []complex128
	triangular bool
}

// complexSchur returns the Schur form of the real square matrix a: the
// real Schur form by Hessenberg reduction and the multishift QR algorithm
// (hseqr), its 2×2 blocks then split by unitary rotations as scipy's
// rsf2csf does.
func complexSchur(name string, a *array.Array) (*schurForm, error) {
	if _, _, err := checkMatrix(name, a, true); err != nil {
		return nil, err
	}
	if err := checkFinite(name, a.Floats()); err != nil {
		return nil, err
	}
	n := a.Shape[0]
	h := append([]float64(nil), a.Floats()...)
	tau := make([]float64, n-1)
	work := workFor(func(w []float64, l int) { impl.Dgehrd(n, 0, n-1, h, n, tau, w, l) })
	impl.Dgehrd(n, 0, n-1, h, n, tau, work, len(work))
	q := append([]float64(nil), h...)
	work = workFor(func(w []float64, l int) { impl.Dorghr(n, 0, n-1, q, n, tau, w, l) })
	impl.Dorghr(n, 0, n-1, q, n, tau, work, len(work))
	wr, wi := make([]float64, n), make([]float64, n)
	if hseqr(true, n, 0, n-1, h, wr, wi, q) > 0 {
		return nil, fail(name, ErrNoConvergence)
	}
	s := &schurForm{n: n, t: make([]complex128, n*n), z: make([]complex128, n*n), triangular: true}
	for k := range h {
		s.t[k], s.z[k] = complex(h[k], 0), complex(q[k], 0)
	}
	for i := 1; i < n; i++ {
		if h[i*n+i-1] != 0 {
			s.triangular = false
		}
	}
	s.splitBlocks()
	return s, nil
}

// splitBlocks is scipy's rsf2csf: each 2×2 diagonal block of the real
// Schur form, from the bottom up, is made triangular by a unitary
// rotation G applied to T from both sides and to Z from the right.
func (s *schurForm) splitBlocks() {
	n, t, z := s.n, s.t, s.z
	for m := n - 1; m > 0; m-- {
		sub := t[m*n+m-1]
		if cmplx.Abs(sub) > eps*(cmplx.Abs(t[(m-1)*n+m-1])+cmplx.Abs(t[m*n+m])) {
			mu := eigenvalue2(t[(m-1)*n+m-1], t[(m-1)*n+m], sub, t[m*n+m]) - t[m*n+m]
			r := math.Hypot(cmplx.Abs(mu), cmplx.Abs(sub))
			c, sn := mu/complex(r, 0), sub/complex(r, 0)
			// Rows m−1 and m of T from column m−1 on: G·T with
			// G = [c̄ s; −s c].
			for j := m - 1; j < n; j++ {
				x, y := t[(m-1)*n+j], t[m*n+j]
				t[(m-1)*n+j], t[m*n+j] = cmplx.Conj(c)*x+sn*y, -sn*x+c*y
			}
			// Columns m−1 and m of T (rows up to m) and of Z: ·Gᴴ.
			rotateColumns(t, n, m+1, m, c, sn)
			rotateColumns(z, n, n, m, c, sn)
		}
		t[m*n+m-1] = 0
	}
}

// rotateColumns multiplies columns m−1 and m of the first rows rows of
// the n-column matrix x by Gᴴ = [c −s̄; s̄ c̄], the conjugate transpose
// of splitBlocks' rotation G = [c̄ s; −s c].
func rotateColumns(x []complex128, n, rows, m int, c, s complex128) {
	for i := range rows {
		p, q := x[i*n+m-1], x[i*n+m]
		x[i*n+m-1], x[i*n+m] = p*c+q*cmplx.Conj(s), -p*cmplx.Conj(s)+q*cmplx.Conj(c)
	}
}

// eigenvalue2 returns the first eigenvalue of [[a, b], [c, d]] as numpy's
// eigvals orders those of a real 2×2 block with complex eigenvalues: the
// one with positive imaginary part.
func eigenvalue2(a, b, c, d complex128) complex128 {
	half := (a + d) / 2
	disc := cmplx.Sqrt((a-d)*(a-d)/4 + b*c)
	l1, l2 := half+disc, half-disc
	if imag(l2) > imag(l1) {
		return l2
	}
	return l1
}

// realNonNegative reports whether T is real triangular with a
// non-negative diagonal, where scipy's sqrtm stays real.
func (s *schurForm) realNonNegative() bool {
	if !s.triangular {
		return false
	}
	for i := range s.n {
		if real(s.t[i*s.n+i]) < 0 {
			return false
		}
	}
	return true
}

// back returns Z·F·Zᴴ for an upper triangular F, as its real and
// imaginary parts, the imaginary part nil when realOnly is set.
func (s *schurForm) back(f []complex128, realOnly bool) (re, im *array.Array) {
	n := s.n
	zf := make([]complex128, n*n)
	for i := range n {
		for k := range n {
			zik := s.z[i*n+k]
			if zik == 0 {
				continue
			}
			for j := k; j < n; j++ {
				zf[i*n+j] += zik * f[k*n+j]
			}
		}
	}
	re, im = array.Zeros(n, n), array.Zeros(n, n)
	rd, id := re.Floats(), im.Floats()
	for i := range n {
		for j := range n {
			var sum complex128
			for k := range n {
				sum += zf[i*n+k] * cmplx.Conj(s.z[j*n+k])
			}
			rd[i*n+j], id[i*n+j] = real(sum), imag(sum)
		}
	}
	if realOnly {
		im = nil
	}
	return re, im
}

// sqrtTriangular returns the upper triangular square root of the upper
// triangular n×n t by the Björck–Hammarling recurrence, with principal
// square roots on the diagonal; ok is false when a zero denominator meets
// a nonzero numerator (a defective zero eigenvalue).
func sqrtTriangular(t []complex128, n int) (r []complex128, ok bool) {
	r = make([]complex128, n*n)
	for i := range n {
		r[i*n+i] = cmplx.Sqrt(t[i*n+i])
	}
	for j := range n {
		for i := j - 1; i >= 0; i-- {
			sum := t[i*n+j]
			for k := i + 1; k < j; k++ {
				sum -= r[i*n+k] * r[k*n+j]
			}
			den := r[i*n+i] + r[j*n+j]
			switch {
			case den != 0:
				r[i*n+j] = sum / den
			case sum != 0:
				return nil, false
			}
		}
	}
	return r, true
}

// oneNormMinusIdentity returns ‖T − I‖₁ for the upper triangular n×n t.
func oneNormMinusIdentity(t []complex128, n int) float64 {
	worst := 0.0
	for j := range n {
		col := 0.0
		for i := 0; i <= j; i++ {
			v := t[i*n+j]
			if i == j {
				v--
			}
			col += cmplx.Abs(v)
		}
		worst = max(worst, col)
	}
	return worst
}

// padeLog returns the [7/7] Padé approximant of log(I + X) for the upper
// triangular n×n x, as Σⱼ wⱼ·X·(I + xⱼX)⁻¹ over the 7-point
// Gauss–Legendre rule on [0, 1] (log(I + X) = ∫₀¹ X(I + tX)⁻¹ dt).
func padeLog(x []complex128, n int) []complex128 {
	nodes, weights := gaussLegendre7()
	out := make([]complex128, n*n)
	m := make([]complex128, n*n)
	for q, node := range nodes {
		for k := range m {
			m[k] = complex(node, 0) * x[k]
		}
		for i := range n {
			m[i*n+i]++
		}
		y := solveUpper(m, x, n)
		for k := range out {
			out[k] += complex(weights[q], 0) * y[k]
		}
	}
	return out
}

// solveUpper returns Y with M·Y = B for upper triangular n×n M and B, by
// back substitution column by column; Y is upper triangular too.
func solveUpper(m, b []complex128, n int) []complex128 {
	y := make([]complex128, n*n)
	for j := range n {
		for i := j; i >= 0; i-- {
			sum := b[i*n+j]
			for k := i + 1; k <= j; k++ {
				sum -= m[i*n+k] * y[k*n+j]
			}
			y[i*n+j] = sum / m[i*n+i]
		}
	}
	return y
}

// gaussLegendre7 returns the nodes and weights of the 7-point
// Gauss–Legendre rule on [0, 1].
func gaussLegendre7() (nodes, weights [7]float64) {
	// The rule on [−1, 1] (A&S table 25.4), mapped by t = (x + 1)/2.
	x := [7]float64{-0.9491079123427585, -0.7415311855993945, -0.4058451513773972, 0,
		0.4058451513773972, 0.7415311855993945, 0.9491079123427585}
	w := [7]float64{0.1294849661688697, 0.2797053914892766, 0.3818300505051189, 0.4179591836734694,
		0.3818300505051189, 0.2797053914892766, 0.1294849661688697}
	for i := range x {
		nodes[i], weights[i] = (x[i]+1)/2, w[i]/2
	}
	return nodes, weights
}
