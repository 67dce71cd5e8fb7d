package optimize

import (
	"errors"
	"fmt"
	"math"
)

// ErrNNLSIterations is returned by NNLS when the active-set iteration
// does not finish within its limit (scipy raises "too many iterations").
var ErrNNLSIterations = errors.New("optimize: NNLS: too many iterations")

// NNLS solves min ||Ax - b||₂ subject to x >= 0 for the m×n matrix A
// (rows A[i]) by the active-set method of Lawson and Hanson, Solving Least
// Squares Problems (Prentice-Hall 1974), chapter 23, algorithm NNLS, in
// the revision of D. Kraft that SLSQP carries. It returns x and the
// residual norm ||Ax - b||.
//
// Each outer step moves the variable with the largest positive dual
// w = Aᵀ(b - Ax) into the passive set, updating a QR factorization of the
// passive columns by one Householder transformation; each inner step
// solves the least squares problem on the passive set and, where that
// solution has nonpositive entries, interpolates back to feasibility and
// drops variables, restoring the triangle with Givens rotations. A
// factorization update costs O(mn). maxIter <= 0 means scipy's default
// 3n inner iterations; exceeding it returns ErrNNLSIterations with the
// current x.
func NNLS(A [][]float64, b []float64, maxIter int) (x []float64, rnorm float64, err error) {
	m := len(A)
	if m == 0 || len(A[0]) == 0 {
		return nil, 0, fmt.Errorf("optimize: NNLS: A has no entries")
	}
	if len(b) != m {
		return nil, 0, fmt.Errorf("optimize: NNLS: A has %d rows but b has %d entries", m, len(b))
	}
	n := len(A[0])
	a := make([]float64, m*n) // column-major
	for i, row := range A {
		if len(row) != n {
			return nil, 0, fmt.Errorf("optimize: NNLS: row %d of A has %d entries, want %d", i, len(row), n)
		}
		for j, v := range row {
			a[i+j*m] = v
		}
	}
	if maxIter <= 0 {
		maxIter = 3 * n
	}
	x = make([]float64, n)
	bb := append([]float64(nil), b...)
	rnorm, mode := nnlsSolve(a, m, m, n, bb, x, make([]float64, n), make([]float64, m), make([]int, n), maxIter)
	if mode == 3 {
		return x, rnorm, ErrNNLSIterations
	}
	return x, rnorm, nil
}

// nnlsSolve is Kraft's nnls on the column-major m×n matrix a with leading
// dimension mda; a and b are overwritten by QA and Qb. On return x is the
// solution, w the dual vector and rnorm the residual norm; z is m and
// index n of scratch (index lists the passive set first, 1-based). mode
// is 1 on success and 3 when more than itmax inner iterations were
// needed or the passive set emptied. The Fortran's 1-based indices are
// kept, mapped by at.
func nnlsSolve(a []float64, mda, m, n int, b, x, w, z []float64, index []int, itmax int) (rnorm float64, mode int) {
	const factor = 1e-2
	at := func(i, j int) int { return (i - 1) + (j-1)*mda }
	mode = 1
	iter := 0
	for i := range n {
		index[i] = i + 1
		x[i] = 0
	}
	iz1, iz2, nsetp, npp1 := 1, n, 0, 1
	var up float64
outer:
	for iz1 <= iz2 && nsetp < m {
		// Compute the dual variables w = Aᵀ(b - Ax) of the active set.
		for iz := iz1; iz <= iz2; iz++ {
			j := index[iz-1]
			w[j-1] = nnlsDot(m-nsetp, a[at(npp1, j):], 1, b[npp1-1:], 1)
		}
		// Choose the largest positive dual whose column is independent
		// of the passive ones and whose new coefficient is positive.
		var iz, j int
		for {
			wmax, izmax := 0.0, 0
			for k := iz1; k <= iz2; k++ {
				if jj := index[k-1]; w[jj-1] > wmax {
					wmax, izmax = w[jj-1], k
				}
			}
			if wmax <= 0 {
				break outer // Kuhn–Tucker conditions hold
			}
			iz = izmax
			j = index[iz-1]
			asave := a[at(npp1, j)]
			nnlsH12(1, npp1, npp1+1, m, a[at(1, j):], 1, &up, z, 1, 1, 0)
			unorm := nnlsNrm2(nsetp, a[at(1, j):], 1)
			t := factor * math.Abs(a[at(npp1, j)])
			if (unorm+t)-unorm > 0 {
				copy(z, b[:m])
				nnlsH12(2, npp1, npp1+1, m, a[at(1, j):], 1, &up, z, 1, 1, 1)
				if z[npp1-1]/a[at(npp1, j)] > 0 {
					break
				}
			}
			a[at(npp1, j)] = asave
			w[j-1] = 0
		}
		// Move j into the passive set.
		copy(b, z[:m])
		index[iz-1] = index[iz1-1]
		index[iz1-1] = j
		iz1++
		nsetp = npp1
		npp1++
		for jz := iz1; jz <= iz2; jz++ {
			jj := index[jz-1]
			nnlsH12(2, nsetp, npp1, m, a[at(1, j):], 1, &up, a[at(1, jj):], 1, mda, 1)
		}
		k := min(npp1, mda)
		w[j-1] = 0
		for i := range m - nsetp {
			a[at(k, j)+i] = 0
		}
		for {
			// Solve the triangular system of the passive set into z.
			jj := 0
			for ip := nsetp; ip >= 1; ip-- {
				if ip != nsetp {
					nnlsAxpy(ip, -z[ip], a[at(1, jj):], z)
				}
				jj = index[ip-1]
				z[ip-1] /= a[at(ip, jj)]
			}
			iter++
			if iter > itmax {
				mode = 3
				break outer
			}
			// Step toward z as far as feasibility allows.
			alpha := 1.0
			jj = 0
			for ip := 1; ip <= nsetp; ip++ {
				if z[ip-1] > 0 {
					continue
				}
				l := index[ip-1]
				if t := -x[l-1] / (z[ip-1] - x[l-1]); !(alpha < t) {
					alpha, jj = t, ip
				}
			}
			for ip := 1; ip <= nsetp; ip++ {
				l := index[ip-1]
				x[l-1] = (1-alpha)*x[l-1] + alpha*z[ip-1]
			}
			if jj == 0 {
				continue outer
			}
			// Drop the variables that reached zero, retriangularizing
			// by Givens rotations.
			i := index[jj-1]
			for {
				x[i-1] = 0
				jj++
				for j := jj; j <= nsetp; j++ {
					ii := index[j-1]
					index[j-2] = ii
					c, s := nnlsRotg(&a[at(j-1, ii)], &a[at(j, ii)])
					t := a[at(j-1, ii)]
					nnlsRot(n, a[at(j-1, 1):], mda, a[at(j, 1):], mda, c, s)
					a[at(j-1, ii)] = t
					a[at(j, ii)] = 0
					nnlsRot(1, b[j-2:], 1, b[j-1:], 1, c, s)
				}
				npp1 = nsetp
				nsetp--
				iz1--
				index[iz1-1] = i
				if nsetp <= 0 {
					mode = 3
					break outer
				}
				again := false
				for jj = 1; jj <= nsetp; jj++ {
					if i = index[jj-1]; x[i-1] <= 0 {
						again = true
						break
					}
				}
				if !again {
					break
				}
			}
			copy(z, b[:m])
		}
	}
	k := min(npp1, m)
	rnorm = nnlsNrm2(m-nsetp, b[k-1:], 1)
	if npp1 > m {
		for i := range n {
			w[i] = 0
		}
	}
	return rnorm, mode
}

// nnlsH12 constructs (mode 1) or applies (mode 2) the Householder
// transformation Q = I + uuᵀ/b that zeroes elements l1..m of the pivot
// vector u (stride iue) against element lpivot, applying it to the ncv
// vectors in c (element stride ice, vector stride icv); up holds the
// pivot's transformed part. Lawson and Hanson's H12, 1-based positions.
func nnlsH12(mode, lpivot, l1, m int, u []float64, iue int, up *float64, c []float64, ice, icv, ncv int) {
	if 0 >= lpivot || lpivot >= l1 || l1 > m {
		return
	}
	ui := func(j int) int { return (j - 1) * iue }
	cl := math.Abs(u[ui(lpivot)])
	if mode == 2 {
		if cl <= 0 {
			return
		}
	} else {
		for j := l1; j <= m; j++ {
			cl = math.Max(math.Abs(u[ui(j)]), cl)
		}
		if cl <= 0 {
			return
		}
		clinv := 1 / cl
		t := u[ui(lpivot)] * clinv
		sm := t * t
		for j := l1; j <= m; j++ {
			t := u[ui(j)] * clinv
			sm += t * t
		}
		cl *= math.Sqrt(sm)
		if u[ui(lpivot)] > 0 {
			cl = -cl
		}
		*up = u[ui(lpivot)] - cl
		u[ui(lpivot)] = cl
	}
	if ncv <= 0 {
		return
	}
	b := *up * u[ui(lpivot)]
	if b >= 0 {
		return
	}
	b = 1 / b
	i2 := 1 - icv + ice*(lpivot-1)
	incr := ice * (l1 - lpivot)
	for range ncv {
		i2 += icv
		i3 := i2 + incr
		i4 := i3
		sm := c[i2-1] * *up
		for i := l1; i <= m; i++ {
			sm += c[i3-1] * u[ui(i)]
			i3 += ice
		}
		if sm == 0 {
			continue
		}
		sm *= b
		c[i2-1] += sm * *up
		for i := l1; i <= m; i++ {
			c[i4-1] += sm * u[ui(i)]
			i4 += ice
		}
	}
}

// nnlsRotg constructs the Givens rotation (c, s) that zeroes db against
// da, leaving r in da and the reconstruction value z in db (BLAS drotg).
func nnlsRotg(da, db *float64) (c, s float64) {
	roe := *db
	if math.Abs(*da) > math.Abs(*db) {
		roe = *da
	}
	scale := math.Abs(*da) + math.Abs(*db)
	var r float64
	if scale == 0 {
		c, s = 1, 0
	} else {
		p, q := *da/scale, *db/scale
		r = scale * math.Sqrt(p*p+q*q)
		r = math.Copysign(1, roe) * r
		c, s = *da/r, *db/r
	}
	z := s
	if math.Abs(c) > 0 && math.Abs(c) <= s {
		z = 1 / c
	}
	*da, *db = r, z
	return c, s
}

// nnlsRot applies the rotation (c, s) to n pairs of x and y (strides incx
// and incy).
func nnlsRot(n int, x []float64, incx int, y []float64, incy int, c, s float64) {
	for i := range n {
		xi, yi := x[i*incx], y[i*incy]
		x[i*incx] = c*xi + s*yi
		y[i*incy] = c*yi - s*xi
	}
}

// nnlsDot returns the dot product of n elements of x and y with strides,
// summed in order.
func nnlsDot(n int, x []float64, incx int, y []float64, incy int) float64 {
	s := 0.0
	for i := range n {
		s += x[i*incx] * y[i*incy]
	}
	return s
}

// nnlsNrm2 returns the Euclidean norm of n elements of x with stride inc.
func nnlsNrm2(n int, x []float64, inc int) float64 {
	return math.Sqrt(nnlsDot(n, x, inc, x, inc))
}

// nnlsAxpy sets y[:n] += a*x[:n].
func nnlsAxpy(n int, a float64, x, y []float64) {
	if a == 0 {
		return
	}
	for i := range n {
		y[i] += a * x[i]
	}
}
