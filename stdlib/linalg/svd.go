package linalg

import (
	"calc/stdlib/array"
	"math"

	"gonum.org/v1/gonum/mat"
)

// pinvRcond is numpy.linalg.pinv's default rcond: singular values at or
// below 1e-15 times the largest are treated as zero.
const pinvRcond = 1e-15

// SVD returns the singular value decomposition a = u·diag(s)·vt of the m×n
// matrix a, like numpy.linalg.svd: with full (full_matrices=True) u is
// m×m and vt n×n, both orthogonal; else u is m×k and vt k×n, k = min(m, n),
// with orthonormal columns and rows. s holds the k singular values in
// descending order. It uses LAPACK's gesvd (Golub–Kahan bidiagonalization
// then implicit QR) in O(mn·max(m, n)).
func SVD(a *array.Array, full bool) (u, s, vt *array.Array, err error) {
	A, err := dense("svd", a, false)
	if err != nil {
		return nil, nil, nil, err
	}
	kind := mat.SVDThin
	if full {
		kind = mat.SVDFull
	}
	f, err := factorizeSVD("svd", A, kind)
	if err != nil {
		return nil, nil, nil, err
	}
	var U, V mat.Dense
	f.UTo(&U)
	f.VTo(&V)
	return toArray(&U), array.Vector(f.Values(nil)), toArray(V.T()), nil
}

// SingularValues returns the singular values of the matrix a in
// descending order, as numpy.linalg.svd with compute_uv=False: the name
// is the caller's, for errors. It costs O(mn·min(m, n)), without u and vt.
func SingularValues(name string, a *array.Array) ([]float64, error) {
	A, err := dense(name, a, false)
	if err != nil {
		return nil, err
	}
	f, err := factorizeSVD(name, A, mat.SVDNone)
	if err != nil {
		return nil, err
	}
	return f.Values(nil), nil
}

// MatrixRank returns the number of singular values of a greater than tol,
// like numpy.linalg.matrix_rank. A tol of zero or less selects numpy's
// default, S.max()·max(m, n)·eps. It costs O(mn·min(m, n)).
func MatrixRank(a *array.Array, tol float64) (int, error) {
	s, err := SingularValues("matrix_rank", a)
	if err != nil {
		return 0, err
	}
	if tol <= 0 {
		tol = s[0] * float64(max(a.Shape[0], a.Shape[1])) * eps
	}
	rank := 0
	for rank < len(s) && s[rank] > tol {
		rank++
	}
	return rank, nil
}

// Lstsq returns the minimum-norm x minimizing the 2-norm of b - a·x for the
// m×n matrix a, like numpy.linalg.lstsq: singular values at or below rcond
// times the largest are treated as zero; rcond 0 (or nan) is numpy's
// rcond=None, max(m, n)·eps, and a negative one its legacy -1, eps. b is a
// vector of length m, giving a vector x, or an m×k matrix, giving an n×k x.
//
// Lstsq also returns, as numpy does, the squared 2-norm of each column of
// the residual b - a·x (a vector of length k, or of length 1 for a vector b)
// when a has full column rank and m > n, and an empty vector otherwise; the
// effective rank of a; and its singular values in descending order.
//
// Where numpy calls LAPACK's gelsd, Lstsq uses gesvd's thin SVD
// a = U·diag(s)·Vᵀ and forms x = V·diag(1/s)·Uᵀ·b over the retained
// singular values, in O(mn·min(m, n) + mnk).
func Lstsq(a, b *array.Array, rcond float64) (x, residuals *array.Array, rank int, sv *array.Array, err error) {
	A, err := dense("lstsq", a, false)
	if err != nil {
		return nil, nil, 0, nil, err
	}
	m, n := A.Dims()
	B, vector, err := rhs("lstsq", b, m)
	if err != nil {
		return nil, nil, 0, nil, err
	}
	if rcond < 0 { // numpy's legacy rcond=-1: machine precision
		rcond = eps
	}
	if rcond == 0 || math.IsNaN(rcond) {
		rcond = float64(max(m, n)) * eps
	}
	X, s, rank, err := minNorm("lstsq", A, B, rcond)
	if err != nil {
		return nil, nil, 0, nil, err
	}
	residuals = array.Zeros(0)
	if rank == n && m > n {
		var r mat.Dense
		r.Mul(A, X)
		r.Sub(B, &r)
		_, k := B.Dims()
		sums := make([]float64, k)
		for j := range sums {
			col := r.ColView(j)
			sums[j] = mat.Dot(col, col)
		}
		residuals = array.Vector(sums)
	}
	x = toArray(X)
	if vector {
		x = array.Vector(x.Floats())
	}
	return x, residuals, rank, array.Vector(s), nil
}

// Pinv returns the Moore–Penrose pseudo-inverse of the m×n matrix a, an n×m
// matrix, like numpy.linalg.pinv with its default rcond: singular values at
// or below 1e-15 times the largest are treated as zero. It is the
// minimum-norm least-squares solution of a·x = I, computed as Lstsq does in
// O(mn·min(m, n) + m²·min(m, n)).
func Pinv(a *array.Array) (*array.Array, error) {
	A, err := dense("pinv", a, false)
	if err != nil {
		return nil, err
	}
	X, _, _, err := minNorm("pinv", A, identity(a.Shape[0]), pinvRcond)
	if err != nil {
		return nil, err
	}
	return toArray(X), nil
}

// factorizeSVD computes the SVD of A with the singular vectors kind asks
// for, reporting ErrNonFinite or ErrNoConvergence.
func factorizeSVD(name string, A *mat.Dense, kind mat.SVDKind) (*mat.SVD, error) {
	if err := checkFinite(name, A.RawMatrix().Data); err != nil {
		return nil, err
	}
	var f mat.SVD
	if !f.Factorize(A, kind) {
		return nil, fail(name, ErrNoConvergence)
	}
	return &f, nil
}

// minNorm returns the minimum-norm least-squares solution X of A·X = B,
// treating singular values of A at or below rcond times the largest as zero,
// with all of A's singular values and the number it kept.
func minNorm(name string, A, B *mat.Dense, rcond float64) (X *mat.Dense, s []float64, rank int, err error) {
	f, err := factorizeSVD(name, A, mat.SVDThin)
	if err != nil {
		return nil, nil, 0, err
	}
	_, n := A.Dims()
	_, k := B.Dims()
	X = mat.NewDense(n, k, nil)
	rank = f.Rank(rcond)
	// A zero matrix keeps no singular value, and its solution is X = 0.
	if rank > 0 {
		f.SolveTo(X, B, rank)
	}
	return X, f.Values(nil), rank, nil
}
